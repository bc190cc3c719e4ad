//! The `gongbang` binary: parse the command line, set up logging, serve.

use anyhow::Context;
use clap::Parser;
use tracing_subscriber::EnvFilter;

use api::{Cli, Clock, Command};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()))
        .init();
    let Command::Serve(args) = Cli::parse().command;
    let state = api::prepare(
        &args.database_url,
        args.db_pool,
        !args.no_demo,
        args.secret.as_deref(),
        Clock::System,
    )
    .await?;
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
