//! The real server: the `gongbang` binary built beside this one, run as a child process
//! on a fresh database and killed when its guard is dropped (also on errors).

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use clap::CommandFactory;

use crate::scratch::Database;

/// How long the server may take to migrate, load the demo catalogue and answer.
const STARTUP: Duration = Duration::from_secs(120);

/// Environment the server would read instead of its defaults; the child must not inherit
/// it, so that it runs as `gongbang serve` does out of the box.
const SERVER_ENV: &[&str] = &[
    "GONGBANG_ADDR",
    "DATABASE_URL",
    "GONGBANG_DB_POOL",
    "GONGBANG_NO_DEMO",
    "GONGBANG_SECRET",
    "GONGBANG_WIDGET_DIR",
];

/// The `gongbang` binary next to this executable.
pub fn binary() -> anyhow::Result<PathBuf> {
    let me = std::env::current_exe().context("locating gongbang-bench")?;
    let binary = me.with_file_name(format!("gongbang{}", std::env::consts::EXE_SUFFIX));
    if !binary.is_file() {
        bail!(
            "the server binary {} is missing; build both with `cargo build --release -p api -p bench` \
             (or run scripts/bench)",
            binary.display()
        );
    }
    Ok(binary)
}

/// The default `--db-pool` of `gongbang serve`, read from the server's own command line.
pub fn default_pool_size() -> anyhow::Result<u32> {
    let command = api::Cli::command();
    let default = command
        .find_subcommand("serve")
        .and_then(|serve| serve.get_arguments().find(|a| a.get_id() == "db_pool"))
        .and_then(|arg| arg.get_default_values().first())
        .and_then(|value| value.to_str())
        .context("gongbang serve has no default --db-pool")?;
    default
        .parse()
        .with_context(|| format!("gongbang serve's default --db-pool {default:?}"))
}

/// A running `gongbang serve`; killed on drop.
pub struct Server {
    child: Child,
    base: String,
    log: PathBuf,
}

impl Server {
    /// Starts the server on `database`, taking card payments through the Stripe API at
    /// `stripe_base` (the local fake), and waits until `GET /healthz` answers 200.
    pub async fn start(
        binary: &Path,
        database: &Database,
        stripe_base: &str,
    ) -> anyhow::Result<Server> {
        let port = free_port()?;
        let log = database.dir().join("gongbang.log");
        let output = File::create(&log).context("creating the server log")?;
        let mut command = Command::new(binary);
        command
            .arg("serve")
            .args(["--addr", &format!("127.0.0.1:{port}")])
            .args(["--database-url", database.url()])
            .args(["--secret", "bench"])
            .args(["--stripe-secret-key", "sk_test_bench"])
            .args(["--stripe-webhook-secret", fake_stripe::WEBHOOK_SECRET])
            .args(["--stripe-api-base", stripe_base])
            .current_dir(database.dir())
            .stdin(Stdio::null())
            .stdout(output.try_clone().context("server log")?)
            .stderr(output);
        for name in SERVER_ENV {
            command.env_remove(name);
        }
        let child = command
            .spawn()
            .with_context(|| format!("starting {}", binary.display()))?;
        let mut server = Server {
            child,
            base: format!("http://127.0.0.1:{port}"),
            log,
        };
        server.wait_healthy().await?;
        Ok(server)
    }

    /// `http://127.0.0.1:<port>`.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// Passes `result` on if the server is still running; an error with its log if not.
    pub fn check_alive<T>(&mut self, result: anyhow::Result<T>) -> anyhow::Result<T> {
        if let Ok(Some(status)) = self.child.try_wait() {
            bail!(
                "gongbang exited during the run ({status}):\n{}",
                self.log_tail()
            );
        }
        result
    }

    async fn wait_healthy(&mut self) -> anyhow::Result<()> {
        let client = reqwest::Client::builder()
            .no_proxy()
            .timeout(Duration::from_secs(5))
            .build()?;
        let url = format!("{}/healthz", self.base);
        let started = Instant::now();
        loop {
            if let Ok(response) = client.get(&url).send().await
                && response.status() == reqwest::StatusCode::OK
            {
                return Ok(());
            }
            if started.elapsed() > STARTUP {
                bail!(
                    "gongbang did not answer {url} with 200 within {} s:\n{}",
                    STARTUP.as_secs(),
                    self.log_tail()
                );
            }
            // Not in the measured path: only while the server starts.
            tokio::time::sleep(Duration::from_millis(50)).await;
            if self.exited() {
                bail!("gongbang exited while starting:\n{}", self.log_tail());
            }
        }
    }

    fn exited(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(Some(_)))
    }

    fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        let tail = &lines[lines.len().saturating_sub(20)..];
        format!(
            "--- last lines of {} ---\n{}",
            self.log.display(),
            tail.join("\n")
        )
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // SIGKILL: the database is thrown away, so there is nothing to shut down cleanly.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port nobody listens on right now (the server binds it a moment later).
fn free_port() -> anyhow::Result<u16> {
    let listener =
        std::net::TcpListener::bind("127.0.0.1:0").context("finding a free loopback port")?;
    Ok(listener.local_addr()?.port())
}
