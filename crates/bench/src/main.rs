//! `gongbang-bench`: how many requests per second the real `gongbang` server sustains on
//! SQLite and on PostgreSQL, next to what a bare axum + sqlx server does on the same
//! machine in the same run.
//!
//! What is measured, per database:
//! - **quotes**: the released `gongbang` binary is started as a child process
//!   (`gongbang serve --addr 127.0.0.1:<port> --database-url <fresh database> --secret
//!   bench`), exactly as it runs in production, on a fresh database that it migrates and
//!   fills with the demo catalogue itself. Clients `POST /api/v1/quotes` for one item with
//!   default options, cycling through every product of the catalogue, on a trip that
//!   departs about 60 days from now (the real clock) from Incheon T1 (counter 2).
//! - **orders**: the same server, then `POST /api/v1/orders`, each with its own
//!   `Idempotency-Key` and a traveller, cycling through every product, departing about
//!   300 days ahead, or just inside the booking horizon (`domain`'s `MAX_DAYS_AHEAD`) when
//!   that is nearer, so that most orders fit. Every 201 is a real order whose production
//!   time was reserved. When a workshop's calendar fills up the server answers 409: that
//!   is a correct answer, so 409s are counted and reported apart, neither as throughput
//!   nor as failures.
//! - **baseline insert (axum+sqlx)**: the ceiling. An axum server inside this process (on
//!   its own tokio runtime, like the child process has its own) with one route,
//!   `POST /rows`, that parses a small JSON body and inserts one row (`id`, `payload`,
//!   `created_at`) through a sqlx pool of the app's default size into a fresh database:
//!   a SQLite file in WAL mode with the app's settings, or a fresh PostgreSQL database.
//!
//! How: `--clients` tokio tasks share one reqwest client (HTTP/1.1 keep-alive over
//! loopback) and send requests back to back, with no pauses, for `--seconds` per phase
//! or until `--max-requests` have been sent, whichever comes first. Each request is timed
//! from sending until its whole body has arrived. The table reports successes per second
//! of wall-clock phase time and the p50 and p99 latency (nearest rank) of the successful
//! requests; anything else that is not a 409 is a failure: the first few are shown and
//! the program exits with an error after printing the table.
//!
//! PostgreSQL is used when `--postgres URL` or `GONGBANG_TEST_POSTGRES` names a server
//! where the user may create databases (`scripts/bench` starts a throwaway one); each
//! run creates its own `bench_<uuid>` databases and drops them afterwards. The server
//! binary must sit next to this one: `cargo build --release -p api -p bench`.
//!
//! Modules: [`server`] runs the real server, [`baseline`] the bare one, [`workload`]
//! builds the requests, [`load`] drives them and computes the statistics, [`scratch`]
//! makes the fresh databases and [`report`] prints the table.

mod baseline;
mod load;
mod report;
mod scratch;
mod server;
mod workload;

use std::time::Duration;

use anyhow::Context;
use clap::Parser;

use baseline::Baseline;
use load::{LoadConfig, PhaseResult};
use report::{Report, Row};
use scratch::{Database, Kind};
use server::Server;

/// Load benchmark of the gongbang server against a bare axum + sqlx baseline.
#[derive(Debug, Parser)]
#[command(name = "gongbang-bench")]
struct Cli {
    /// Concurrent clients.
    #[arg(long, default_value_t = 32, value_parser = clap::value_parser!(u32).range(1..=4096))]
    clients: u32,
    /// Seconds each phase runs.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=3600))]
    seconds: u64,
    /// At most this many requests per phase, however fast they go.
    #[arg(long, default_value_t = 2_000_000)]
    max_requests: u64,
    /// A PostgreSQL server where the user may create databases, e.g.
    /// `postgres://postgres@127.0.0.1:55432`; without one, PostgreSQL is skipped.
    #[arg(long, env = "GONGBANG_TEST_POSTGRES")]
    postgres: Option<String>,
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the client runtime")?;
    runtime.block_on(async {
        tokio::select! {
            result = run(&cli) => result,
            _ = tokio::signal::ctrl_c() => anyhow::bail!("interrupted"),
        }
    })
}

async fn run(cli: &Cli) -> anyhow::Result<()> {
    let binary = server::binary()?;
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let config = LoadConfig {
        clients: cli.clients,
        duration: Duration::from_secs(cli.seconds),
        max_requests: cli.max_requests,
    };
    let pool_size = server::default_pool_size()?;
    let client = load::client(cli.clients)?;
    let mut report = Report::new(&config, cores, !cfg!(debug_assertions), pool_size);

    let mut kinds = vec![Kind::Sqlite];
    match &cli.postgres {
        Some(_) => kinds.push(Kind::Postgres),
        None => {
            let note = "PostgreSQL skipped: give --postgres URL or set GONGBANG_TEST_POSTGRES \
                        (scripts/bench starts one)";
            eprintln!("note: {note}");
            report.note(note.into());
        }
    }
    for kind in kinds {
        eprintln!("== {} ==", kind.label());
        let rows = bench_database(kind, cli, &binary, &client, &config, pool_size).await?;
        report.extend(rows);
    }
    report.print();
    match report.failed() {
        0 => Ok(()),
        failed => anyhow::bail!("{failed} requests failed (examples above)"),
    }
}

/// Both phases against the real server, then the baseline, on fresh databases of `kind`.
async fn bench_database(
    kind: Kind,
    cli: &Cli,
    binary: &std::path::Path,
    client: &reqwest::Client,
    config: &LoadConfig,
    pool_size: u32,
) -> anyhow::Result<Vec<Row>> {
    let app_db = Database::create(kind, cli.postgres.as_deref(), "app").await?;
    let result = bench_app(binary, &app_db, client, config).await;
    app_db.remove().await;
    let mut rows = result?;

    let base_db = Database::create(kind, cli.postgres.as_deref(), "baseline").await?;
    let result = bench_baseline(&base_db, pool_size, client, config).await;
    base_db.remove().await;
    rows.push(Row::new(kind, "baseline insert (axum+sqlx)", result?));
    Ok(rows)
}

async fn bench_app(
    binary: &std::path::Path,
    database: &Database,
    client: &reqwest::Client,
    config: &LoadConfig,
) -> anyhow::Result<Vec<Row>> {
    // Card orders create real PaymentIntents through the real client, at a local fake.
    let stripe = fake_stripe::start().await;
    let mut server = Server::start(binary, database, &stripe.base_url()).await?;
    let products = workload::product_ids(client, server.base())
        .await
        .context("reading the demo catalogue")?;
    eprintln!(
        "gongbang is up at {} with {} products",
        server.base(),
        products.len()
    );

    let quotes = workload::Quotes::new(server.base(), &products)?;
    let result = phase("quotes", client, config, quotes).await;
    let quotes = server.check_alive(result)?;

    let orders = workload::Orders::new(server.base(), &products)?;
    let result = phase("orders", client, config, orders).await;
    let orders = server.check_alive(result)?;
    drop(server);

    Ok(vec![
        Row::new(database.kind(), "quotes", quotes),
        Row::new(database.kind(), "orders", orders),
    ])
}

async fn bench_baseline(
    database: &Database,
    pool_size: u32,
    client: &reqwest::Client,
    config: &LoadConfig,
) -> anyhow::Result<PhaseResult> {
    let baseline = Baseline::start(database, pool_size).await?;
    let rows = workload::Rows::new(&baseline.base());
    let result = phase("baseline", client, config, rows).await;
    baseline.stop().await;
    result
}

async fn phase(
    name: &str,
    client: &reqwest::Client,
    config: &LoadConfig,
    workload: impl load::Workload,
) -> anyhow::Result<PhaseResult> {
    eprintln!(
        "{name}: {} clients for {} s …",
        config.clients,
        config.duration.as_secs()
    );
    let result = load::run(client, config, workload).await;
    eprintln!(
        "{name}: {} ok, {} refused (409), {} failed in {:.1} s",
        result.ok(),
        result.refused,
        result.failed,
        result.elapsed.as_secs_f64()
    );
    Ok(result)
}
