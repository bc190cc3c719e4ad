//! Gongbang's HTTP server: a thin shell of axum handlers around `domain` rules and `db`
//! storage.
//!
//! Handlers parse and check input at the edge (wire types → domain values), ask `domain`
//! for decisions, and ask `db` to store them. Only this crate knows HTTP and JSON; it
//! keeps no state of its own between requests, so any number of processes can serve one
//! PostgreSQL database.
//!
//! Layout:
//! - [`auth`]: staff sessions and role checks.
//! - [`closing`]: closing a workshop day and re-planning what was reserved on it.
//! - [`billing`]: charging at order time, Stripe webhooks, refunds by policy, the balance.
//! - [`config`]: the command line and environment.
//! - [`error`]: the one error type and its problem+json rendering.
//! - [`extract`]: JSON bodies, language, idempotency keys, bearer tokens.
//! - [`fulfilment`]: confirming orders into tickets; moving and re-planning tickets.
//! - [`pages`]: the staff's server-rendered HTML pages (sign-in, workshop queue,
//!   tickets, printing, calendar).
//! - [`passwords`]: argon2id password hashes for staff accounts.
//! - [`payments`]: the Stripe gateway (async-stripe) and webhook signature checks.
//! - [`planning`]: turning a request into a domain quote against stored capacity.
//! - [`previews`]: ordered items drawn by the `preview` renderer, as PNG.
//! - [`secrets`]: order tokens, pickup codes and request fingerprints.
//! - [`routes`]: one module per resource, plus the OpenAPI document.
//! - [`staff_accounts`]: adding staff accounts (command line, demo data, tests).
//! - [`webhooks`]: the worker that sends signed, retried workshop webhook deliveries.

pub mod auth;
pub mod billing;
pub mod closing;
pub mod config;
pub mod error;
pub mod extract;
pub mod fulfilment;
pub mod pages;
pub mod passwords;
pub mod payments;
pub mod planning;
pub mod previews;
pub mod routes;
pub mod secrets;
pub mod staff_accounts;
pub mod webhooks;
mod wire;

use std::sync::Arc;

use axum::Router;
use sea_orm::DatabaseConnection;
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
    pub stripe: Option<Arc<billing::StripeSetup>>,
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
    /// The current instant.
    pub fn now(&self) -> OffsetDateTime {
        match self {
            Clock::System => OffsetDateTime::now_utc(),
            Clock::Fixed(instant) => *instant,
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
