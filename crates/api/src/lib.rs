//! Gongbang's HTTP server, in three floors:
//!
//! - the edge: [`routes`] (JSON handlers, with the OpenAPI document) and [`pages`] (the
//!   staff's HTML), which parse, authorise, call a process and answer, with the wire
//!   types in [`wire`], request extractors in [`extract`] and staff sessions in [`auth`];
//! - [`processes`]: the business processes (planning, ordering, billing, fulfilment,
//!   closing a day, fitting, previews, the counter, sessions), which take and return
//!   domain values and are the only callers of `db`;
//! - below: `domain` (the rules) and `db` (storage), and the outside services the
//!   processes use: [`payments`] (the Stripe gateway) and [`webhooks`] (the delivery
//!   worker).
//!
//! Only this crate knows HTTP, JSON and HTML; it keeps no state of its own between
//! requests, so any number of processes can serve one PostgreSQL database. [`error`] is
//! the one place that turns errors into HTTP answers; [`layers`] sets the headers and
//! logs the failures every answer shares.
//!
//! Also: [`config`] (the command line), [`passwords`] (argon2id), [`secrets`] (order
//! tokens, pickup codes, fingerprints), [`staff_accounts`] (adding accounts).

pub mod auth;
pub mod config;
pub mod error;
pub mod extract;
pub mod layers;
pub mod pages;
pub mod passwords;
pub mod payments;
pub mod processes;
pub mod routes;
pub mod secrets;
pub mod staff_accounts;
pub mod webhooks;
pub mod wire;

use std::sync::Arc;

use axum::Router;
use db::DatabaseConnection;
use time::OffsetDateTime;

pub use config::{Cli, Command, ServeArgs};
use secrets::TokenKey;

/// What every handler shares: a database pool, the token key and the clock.
#[derive(Clone)]
pub struct AppState {
    /// The connection pool.
    pub db: DatabaseConnection,
    /// The key order tokens are derived with.
    pub token_key: TokenKey,
    /// Where `now` comes from.
    pub clock: Clock,
    /// Card payments, when a Stripe key is configured; pay-at-counter otherwise.
    pub stripe: Option<Arc<processes::billing::StripeSetup>>,
    /// Stripe's publishable key, handed to the widget for Stripe.js.
    pub stripe_publishable_key: Option<String>,
}

/// The source of the current time; tests may fix it.
#[derive(Clone)]
pub enum Clock {
    /// The system clock.
    System,
    /// Always the same instant.
    Fixed(OffsetDateTime),
}

impl Clock {
    /// The current instant, always in UTC (instants computed from it are stored and
    /// compared; SQLite compares them as text, so they must share one offset).
    pub fn now(&self) -> OffsetDateTime {
        match self {
            Clock::System => OffsetDateTime::now_utc(),
            Clock::Fixed(instant) => instant.to_offset(time::UtcOffset::UTC),
        }
    }
}

/// Opens the database, loads the demo catalogue into an empty one when asked (with one
/// demo account per place and an operator, whose passwords are printed once to standard
/// output), and builds the shared state.
pub async fn prepare(
    database_url: &str,
    pool_size: u32,
    load_demo: bool,
    secret: Option<&str>,
    clock: Clock,
) -> anyhow::Result<AppState> {
    use anyhow::Context;
    let db = db::connect(database_url, pool_size)
        .await
        .context("opening the database")?;
    if load_demo && db::seed::is_empty(&db).await? {
        match db::seed::load(&db, &demo::catalogue(), clock.now()).await {
            Ok(()) => {
                tracing::info!("loaded the demo catalogue");
                let accounts = staff_accounts::add_demo_staff(&db)
                    .await
                    .context("adding the demo staff")?;
                println!("{}", staff_accounts::demo_staff_table(&accounts));
            }
            // Another process sharing the database loaded it first.
            Err(error) if !db::seed::is_empty(&db).await? => {
                tracing::info!(%error, "demo catalogue was loaded by another process");
            }
            Err(error) => return Err(error).context("loading the demo catalogue"),
        }
    }
    let token_key = TokenKey::load(&db, secret)
        .await
        .context("loading the token key")?;
    Ok(AppState {
        db,
        token_key,
        clock,
        stripe: None,
        stripe_publishable_key: None,
    })
}

/// The whole HTTP application.
pub fn app(state: AppState, widget_dir: Option<&std::path::Path>) -> Router {
    routes::router(Arc::new(state), widget_dir)
}
