//! `chaos`: proof under faults. Runs the real `gongbang` server binary with the fake
//! Stripe as a process of its own (two servers on one PostgreSQL database, one server on a
//! SQLite file), drives a mixed storm of concurrent clients at them while killing a server
//! with SIGKILL at a random moment of every round (and sometimes cutting Stripe off), lets
//! the system settle, then checks the invariants from the database and the fake's state
//! and prints one line per invariant and, last, `chaos: <rounds> rounds, <n> violations`.
//! Exit codes: 0 no violation, [`VIOLATIONS_FOUND`] (3) violations, 1 the harness itself
//! failed (a process would not start, a database could not be read), 2 a wrong argument.
//! `scripts/chaos` builds what it needs and starts a throwaway PostgreSQL.
//!
//! Modules: [`servers`] runs the processes, [`databases`] makes the fresh databases and
//! reads them, [`setup`] prepares staff and webhooks, [`cluster`] sends requests to
//! whichever server is up, [`storm`] is the clients, [`observed`] what they saw,
//! [`faults`] the kills, outages and settling, [`receiver`] the workshop's webhook
//! endpoint, [`invariants`] the checks and [`report`] the output.

mod cluster;
mod databases;
mod faults;
mod invariants;
mod observed;
mod receiver;
mod report;
mod servers;
mod setup;
mod storm;

use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::Context;
use clap::{Parser, ValueEnum};
use rand::SeedableRng;
use rand::rngs::StdRng;

use databases::{Database, Engine};
use receiver::Receiver;
use report::DatabaseRun;
use servers::{Server, Stripe};
use storm::Storm;

/// The exit code when invariants were violated (told apart from the harness failing).
const VIOLATIONS_FOUND: i32 = 3;

/// Proof under faults: a storm against the real servers while they are killed, then the
/// invariants.
#[derive(Debug, Parser)]
#[command(name = "chaos")]
struct Cli {
    /// Rounds per database; each kills one server at a random moment.
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=10_000))]
    rounds: u32,
    /// Which databases to run on.
    #[arg(long, value_enum, default_value_t = Which::Both)]
    database: Which,
    /// The seed of every random choice (printed at the start; random by default). The
    /// choices repeat with it; the timing of processes and requests still varies.
    #[arg(long)]
    seed: Option<u64>,
    /// Concurrent clients.
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u32).range(1..=256))]
    clients: u32,
    /// Length of one round, in milliseconds.
    #[arg(long, default_value_t = 3_000, value_parser = clap::value_parser!(u64).range(200..=600_000))]
    round_ms: u64,
    /// The longest wait for the system to settle after the storm, in seconds.
    #[arg(long, default_value_t = 90)]
    settle_secs: u64,
    /// Keep the databases and the processes' logs (their folder is printed).
    #[arg(long)]
    keep: bool,
    /// A PostgreSQL server where the user may create databases, e.g.
    /// `postgres://postgres@127.0.0.1:55443` (scripts/chaos starts one).
    #[arg(long, env = "GONGBANG_TEST_POSTGRES")]
    postgres: Option<String>,
}

/// The `--database` choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Which {
    Sqlite,
    Postgres,
    Both,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let seed = cli.seed.unwrap_or_else(|| {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64)
    });
    println!("chaos: seed {seed} (repeat with --seed {seed})");
    // The two databases run at the same time: most of a run is waiting (for restarts, for
    // a killed server's webhook lease to run out), so the pair takes as long as one.
    let sqlite_seed = seed;
    let postgres_seed = seed.wrapping_add(1_000_003);
    let runs = match cli.database {
        Which::Sqlite => vec![run_on(Engine::Sqlite, &cli, sqlite_seed).await],
        Which::Postgres => vec![run_on(Engine::Postgres, &cli, postgres_seed).await],
        Which::Both => {
            let (sqlite, postgres) = tokio::join!(
                run_on(Engine::Sqlite, &cli, sqlite_seed),
                run_on(Engine::Postgres, &cli, postgres_seed)
            );
            vec![sqlite, postgres]
        }
    };
    let (mut rounds, mut violations) = (0, 0);
    for run in runs {
        let run = run?;
        report::database(&run);
        rounds += run.rounds.len();
        violations += run.violations();
    }
    report::summary(rounds, violations);
    if violations > 0 {
        std::process::exit(VIOLATIONS_FOUND);
    }
    Ok(())
}

/// The whole run on one fresh database.
async fn run_on(engine: Engine, cli: &Cli, seed: u64) -> anyhow::Result<DatabaseRun> {
    let started = Instant::now();
    let database = Database::create(engine, cli.postgres.as_deref()).await?;
    let result = storm_and_check(&database, cli, seed, started).await;
    if result.is_err() || cli.keep {
        eprintln!(
            "note: {} and the logs are kept in {}",
            database.url(),
            database.dir().display()
        );
        database.keep();
    } else {
        database.remove().await;
    }
    result
}

async fn storm_and_check(
    database: &Database,
    cli: &Cli,
    seed: u64,
    started: Instant,
) -> anyhow::Result<DatabaseRun> {
    let label = database.engine().label();
    let mut rng = StdRng::seed_from_u64(seed);
    let gongbang = servers::sibling("gongbang")?;
    let servers_wanted = if database.engine() == Engine::Postgres {
        2
    } else {
        1
    };
    let ports = (0..servers_wanted)
        .map(|_| servers::free_port())
        .collect::<anyhow::Result<Vec<u16>>>()?;
    let stripe = Stripe::start(
        &servers::sibling("fake-stripe")?,
        servers::free_port()?,
        &ports,
        database.dir(),
    )
    .await?;
    let stripe = Arc::new(stripe);
    let mut servers: Vec<Server> = Vec::new();
    for (n, port) in ports.iter().enumerate() {
        let name = format!("gongbang-{}", char::from(b'a' + n as u8));
        let mut server = Server::new(
            &name,
            &gongbang,
            *port,
            database.url(),
            &stripe.api_base(),
            database.dir(),
        );
        server
            .start()
            .await
            .with_context(|| format!("starting {name} on {label}"))?;
        servers.push(server);
    }
    let receiver = Receiver::start().await?;
    let cluster = cluster::Cluster::new(servers.iter().map(Server::base).collect())?;
    let cast = setup::prepare(
        &gongbang,
        database.url(),
        &cluster,
        &mut rng,
        receiver.url(),
    )
    .await?;
    let storm = Arc::new(Storm {
        cluster,
        stripe: Arc::clone(&stripe),
        cast,
        observed: observed::Observed::default(),
    });

    let length = Duration::from_millis(cli.round_ms);
    let mut rounds = Vec::new();
    for round in 1..=cli.rounds {
        let until = Instant::now() + length;
        let clients = {
            let storm = Arc::clone(&storm);
            let (count, seed) = (cli.clients, seed.wrapping_add(u64::from(round) * 7_919));
            tokio::spawn(async move { storm::run(&storm, count, seed, until).await })
        };
        let faults = faults::round(&mut servers, &stripe, &mut rng, length).await;
        clients.await.context("a client panicked")?;
        let faults = faults?;
        faults::heal(&mut servers, &stripe).await?;
        eprintln!(
            "{label} round {round}/{}: killed {} at {} ms, down {} ms{}",
            cli.rounds,
            faults.killed,
            faults.killed_at.as_millis(),
            faults.down_for.as_millis(),
            faults.outage.map_or(String::new(), |(at, lasts)| format!(
                ", Stripe out at {} ms for {} ms",
                at.as_millis(),
                lasts.as_millis()
            ))
        );
        rounds.push(faults);
    }
    storm::close(&storm, &mut rng).await;
    let reader = database.reader().await?;
    let settled = faults::settle(&reader, &stripe, Duration::from_secs(cli.settle_secs)).await?;
    let stripe_state = stripe.state().await?;
    let observed = storm.observed.orders();
    let received = receiver.seen();
    let evidence = invariants::Evidence {
        reader: &reader,
        stripe: &stripe_state,
        observed: &observed,
        received: &received,
    };
    let findings = invariants::check(&evidence).await?;
    reader.close().await;
    drop(servers);
    Ok(DatabaseRun {
        label,
        rounds,
        tallies: storm.observed.tallies(),
        orders: observed.len(),
        settled,
        webhooks: (
            received.len(),
            received.values().filter(|n| **n > 1).count(),
        ),
        elapsed: started.elapsed(),
        findings,
    })
}
