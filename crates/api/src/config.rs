//! The `gongbang` command line; every option can also come from the environment.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Gongbang: pre-order goods from Seoul workshops, collect them on the way home.
#[derive(Debug, Parser)]
#[command(name = "gongbang", version)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the HTTP server.
    Serve(ServeArgs),
}

/// Options of `gongbang serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "GONGBANG_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Database URL: `sqlite://file.db?mode=rwc` or `postgres://user@host/db`.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://gongbang.db?mode=rwc"
    )]
    pub database_url: String,
    /// Connections in the database pool.
    #[arg(long, env = "GONGBANG_DB_POOL", default_value_t = 16)]
    pub db_pool: u32,
    /// Do not load the demo catalogue into an empty database.
    #[arg(long, env = "GONGBANG_NO_DEMO")]
    pub no_demo: bool,
    /// Secret that order tokens are derived from; by default one is generated and kept
    /// in the database, shared by every server process.
    #[arg(long, env = "GONGBANG_SECRET", hide_env_values = true)]
    pub secret: Option<String>,
    /// Folder of the built widget (Trunk's `dist/`), served at `/`.
    #[arg(long, env = "GONGBANG_WIDGET_DIR", default_value = "dist")]
    pub widget_dir: PathBuf,
}
