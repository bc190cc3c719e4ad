//! The `gongbang` binary: parse the command line, set up logging, serve or manage staff.

use anyhow::Context;
use clap::Parser;
use tracing_subscriber::EnvFilter;

use api::config::{StaffArgs, StaffCommand};
use api::{Cli, Clock, Command, ServeArgs};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()))
        .init();
    match Cli::parse().command {
        Command::Serve(args) => serve(args).await,
        Command::Staff(args) => staff(args).await,
    }
}

async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let state = api::prepare(
        &args.database_url,
        args.db_pool,
        !args.no_demo,
        args.secret.as_deref(),
        Clock::System,
    )
    .await?;
    // Sends the workshops' webhook deliveries, including any left over from before a
    // restart; every process may run one (deliveries are claimed row by row).
    let state = with_stripe(state, &args)?;
    let every = args.worker_every_ms.map(std::time::Duration::from_millis);
    // Releases unpaid orders, finishes orders left half-way, sends refunds, flags overdue
    // work and ends holding periods; every process may run them (each row is claimed or
    // guarded).
    let _workers = api::processes::background::spawn_workers(
        state.clone(),
        every.unwrap_or(std::time::Duration::from_secs(60)),
    );
    let mut deliveries = api::webhooks::DeliveryConfig::default();
    deliveries.poll_interval = every.unwrap_or(deliveries.poll_interval);
    let _webhooks = api::webhooks::spawn_delivery_worker(state.clone(), deliveries);
    let widget = args
        .widget_dir
        .is_dir()
        .then_some(args.widget_dir.as_path());
    let listener = tokio::net::TcpListener::bind(args.addr)
        .await
        .with_context(|| format!("binding {}", args.addr))?;
    tracing::info!(addr = %args.addr, widget = widget.is_some(), "serving");
    axum::serve(listener, api::app(state, widget))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .context("serving")
}

async fn staff(args: StaffArgs) -> anyhow::Result<()> {
    match args.command {
        StaffCommand::Add(args) => {
            let member = api::staff_accounts::run_add(&args, &mut std::io::stdin().lock()).await?;
            println!("added staff account {} ({})", member.email, member.role);
            Ok(())
        }
    }
}

/// Adds card payments when a Stripe key is configured.
fn with_stripe(mut state: api::AppState, args: &ServeArgs) -> anyhow::Result<api::AppState> {
    state.stripe_publishable_key = args.stripe_publishable_key.clone();
    let Some(key) = args.stripe_secret_key.as_deref() else {
        tracing::info!("no STRIPE_SECRET_KEY: orders are paid at the counter");
        return Ok(state);
    };
    let gateway = api::payments::stripe::StripeGateway::new(key, args.stripe_api_base.as_deref())
        .map_err(|e| anyhow::anyhow!("configuring Stripe: {e}"))?;
    let webhook_secrets: Vec<String> = [
        &args.stripe_webhook_secret,
        &args.stripe_webhook_secret_previous,
    ]
    .into_iter()
    .flatten()
    .cloned()
    .collect();
    if webhook_secrets.is_empty() {
        anyhow::bail!("STRIPE_WEBHOOK_SECRET is required with STRIPE_SECRET_KEY");
    }
    if args.stripe_publishable_key.is_none() {
        tracing::warn!("no STRIPE_PUBLISHABLE_KEY: the widget cannot show Stripe's card form");
    }
    let hold = time::Duration::minutes(i64::from(args.payment_hold_minutes));
    state.stripe = Some(std::sync::Arc::new(api::processes::billing::StripeSetup {
        gateway,
        webhook_secrets,
        hold,
    }));
    Ok(state)
}
