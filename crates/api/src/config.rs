//! The `gongbang` command line; every option can also come from the environment.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

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
    /// Manage staff accounts.
    Staff(StaffArgs),
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
    /// Stripe secret key (`sk_live_…` or `sk_test_…`); without it orders are paid at the
    /// counter and products that need prepayment cannot be ordered.
    #[arg(long, env = "STRIPE_SECRET_KEY", hide_env_values = true)]
    pub stripe_secret_key: Option<String>,
    /// Stripe publishable key (`pk_live_…` or `pk_test_…`), handed to the widget for
    /// Stripe.js; needed with `STRIPE_SECRET_KEY` for card payments in the widget.
    #[arg(long, env = "STRIPE_PUBLISHABLE_KEY")]
    pub stripe_publishable_key: Option<String>,
    /// Stripe webhook signing secret (`whsec_…`).
    #[arg(long, env = "STRIPE_WEBHOOK_SECRET", hide_env_values = true)]
    pub stripe_webhook_secret: Option<String>,
    /// The previous webhook signing secret, accepted too while rotating.
    #[arg(long, env = "STRIPE_WEBHOOK_SECRET_PREVIOUS", hide_env_values = true)]
    pub stripe_webhook_secret_previous: Option<String>,
    /// Stripe's API base URL (tests and staging point it elsewhere).
    #[arg(long, env = "STRIPE_API_BASE")]
    pub stripe_api_base: Option<String>,
    /// Minutes an unpaid card order keeps its workshop hours.
    #[arg(long, env = "GONGBANG_PAYMENT_HOLD_MINUTES", default_value_t = 30)]
    pub payment_hold_minutes: u32,
    /// Milliseconds between two runs of the background workers (releasing unpaid card
    /// orders, sending webhook deliveries); by default 60 000 and 1 000 (tests and the
    /// chaos harness make them run more often).
    #[arg(long, env = "GONGBANG_WORKER_EVERY_MS")]
    pub worker_every_ms: Option<u64>,
}

/// `gongbang staff …`.
#[derive(Debug, Args)]
pub struct StaffArgs {
    /// What to do with staff accounts.
    #[command(subcommand)]
    pub command: StaffCommand,
}

/// The staff subcommands.
#[derive(Debug, Subcommand)]
pub enum StaffCommand {
    /// Add a staff account; the password is the first line of standard input (at least
    /// 10 characters).
    Add(StaffAddArgs),
}

/// Options of `gongbang staff add`.
#[derive(Debug, Args)]
pub struct StaffAddArgs {
    /// The login email.
    #[arg(long)]
    pub email: String,
    /// What the account may do.
    #[arg(long, value_enum)]
    pub role: StaffRole,
    /// The workshop (for `workshop`) or counter (for `counter`) id; none for `operator`.
    #[arg(long)]
    pub place: Option<i64>,
    /// Database URL: `sqlite://file.db?mode=rwc` or `postgres://user@host/db`.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://gongbang.db?mode=rwc"
    )]
    pub database_url: String,
}

/// The role of a new staff account, as the command line names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StaffRole {
    /// Staff of one workshop (`--place` is the workshop id).
    Workshop,
    /// Staff of one counter (`--place` is the counter id).
    Counter,
    /// Runs the platform (no `--place`).
    Operator,
}

impl StaffRole {
    /// The stored kind: `workshop`, `counter` or `operator`.
    pub const fn kind(self) -> &'static str {
        match self {
            StaffRole::Workshop => "workshop",
            StaffRole::Counter => "counter",
            StaffRole::Operator => "operator",
        }
    }
}
