//! The processes under test: the real `gongbang` binary ([`Server`]: started, killed with
//! SIGKILL, started again on the same port and database) and the `fake-stripe` binary
//! ([`Stripe`]: Stripe's API, its controls under `/_fake`, and webhook delivery to the
//! servers). Both binaries are found next to this one (`cargo build -p api -p fake-stripe
//! -p chaos`); each process writes its log into the database's directory.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use serde_json::{Value, json};

/// How long a process may take to answer after it was started.
const STARTUP: Duration = Duration::from_secs(120);
/// How often the servers' background workers run (releases, webhook deliveries).
const WORKER_EVERY_MS: &str = "200";
/// Where a server takes Stripe's webhooks.
pub const STRIPE_WEBHOOK_PATH: &str = "/api/v1/payments/stripe/webhook";

/// Environment a server would read instead of its flags; the child does not inherit it.
const SERVER_ENV: &[&str] = &[
    "GONGBANG_ADDR",
    "DATABASE_URL",
    "GONGBANG_DB_POOL",
    "GONGBANG_NO_DEMO",
    "GONGBANG_SECRET",
    "GONGBANG_WIDGET_DIR",
    "GONGBANG_PAYMENT_HOLD_MINUTES",
    "GONGBANG_WORKER_EVERY_MS",
    "STRIPE_PUBLISHABLE_KEY",
    "STRIPE_WEBHOOK_SECRET_PREVIOUS",
];

/// The binary `name` next to this executable.
pub fn sibling(name: &str) -> anyhow::Result<PathBuf> {
    let me = std::env::current_exe().context("locating the chaos binary")?;
    let binary = me.with_file_name(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    if !binary.is_file() {
        bail!(
            "{} is missing; build with `cargo build -p api -p fake-stripe -p chaos` (or run scripts/chaos)",
            binary.display()
        );
    }
    Ok(binary)
}

/// A loopback port nobody listens on right now.
pub fn free_port() -> anyhow::Result<u16> {
    let listener =
        std::net::TcpListener::bind("127.0.0.1:0").context("finding a free loopback port")?;
    Ok(listener.local_addr()?.port())
}

/// One `gongbang serve` process, which may be killed and started again.
pub struct Server {
    name: String,
    binary: PathBuf,
    port: u16,
    database_url: String,
    stripe_base: String,
    log: PathBuf,
    child: Option<Child>,
}

impl Server {
    /// A server to run on `port` over `database_url`, paying through the fake Stripe at
    /// `stripe_base`; not started yet.
    pub fn new(
        name: &str,
        binary: &Path,
        port: u16,
        database_url: &str,
        stripe_base: &str,
        dir: &Path,
    ) -> Self {
        Server {
            name: name.to_owned(),
            binary: binary.to_owned(),
            port,
            database_url: database_url.to_owned(),
            stripe_base: stripe_base.to_owned(),
            log: dir.join(format!("{name}.log")),
            child: None,
        }
    }

    /// `http://127.0.0.1:<port>`.
    pub fn base(&self) -> String {
        base_of(self.port)
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// Starts the process (appending to its log) and waits until `/healthz` answers.
    pub async fn start(&mut self) -> anyhow::Result<()> {
        let log = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.log)
            .context("opening the server log")?;
        let mut command = Command::new(&self.binary);
        command
            .arg("serve")
            .args(["--addr", &format!("127.0.0.1:{}", self.port)])
            .args(["--database-url", &self.database_url])
            .args(["--db-pool", "8"])
            .args(["--secret", "chaos"])
            .args(["--stripe-secret-key", "sk_test_chaos"])
            .args(["--stripe-publishable-key", "pk_test_chaos"])
            .args(["--stripe-webhook-secret", fake_stripe::WEBHOOK_SECRET])
            .args(["--stripe-api-base", &self.stripe_base])
            .args(["--worker-every-ms", WORKER_EVERY_MS])
            .current_dir(self.log.parent().unwrap_or(Path::new(".")))
            .stdin(Stdio::null())
            .stdout(log.try_clone().context("server log")?)
            .stderr(log);
        for name in SERVER_ENV {
            command.env_remove(name);
        }
        let child = command
            .spawn()
            .with_context(|| format!("starting {}", self.binary.display()))?;
        self.child = Some(child);
        let healthz = format!("{}/healthz", self.base());
        wait_for(&healthz, &mut self.child, &self.log).await
    }

    /// SIGKILL: no chance to finish a request or a transaction.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    pub fn is_running(&mut self) -> bool {
        self.child
            .as_mut()
            .is_some_and(|child| matches!(child.try_wait(), Ok(None)))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

/// The `fake-stripe` process and its controls.
pub struct Stripe {
    child: Option<Child>,
    port: u16,
    client: reqwest::Client,
}

impl Stripe {
    /// Starts the fake on `port`, delivering webhooks to the servers on `server_ports`.
    pub async fn start(
        binary: &Path,
        port: u16,
        server_ports: &[u16],
        dir: &Path,
    ) -> anyhow::Result<Self> {
        let log_path = dir.join("fake-stripe.log");
        let log = File::create(&log_path).context("creating the fake's log")?;
        let mut command = Command::new(binary);
        command.args(["--addr", &format!("127.0.0.1:{port}")]);
        for server in server_ports {
            let url = format!("{}{STRIPE_WEBHOOK_PATH}", base_of(*server));
            command.args(["--webhook-url", &url]);
        }
        command
            .stdin(Stdio::null())
            .stdout(log.try_clone().context("fake log")?)
            .stderr(log);
        let child = command
            .spawn()
            .with_context(|| format!("starting {}", binary.display()))?;
        let mut child = Some(child);
        wait_for(
            &format!("{}/_fake/state", base_of(port)),
            &mut child,
            &log_path,
        )
        .await?;
        Ok(Stripe {
            child,
            port,
            client: reqwest::Client::new(),
        })
    }

    /// The API base the servers talk to (`http://127.0.0.1:<port>/`).
    pub fn api_base(&self) -> String {
        format!("{}/", base_of(self.port))
    }

    /// The traveller pays in the browser: the PaymentIntent succeeds and Stripe sends
    /// `payment_intent.succeeded`. `false` when the fake has no such PaymentIntent.
    pub async fn pay(&self, payment_intent: &str) -> anyhow::Result<bool> {
        let url = format!(
            "{}/_fake/payment_intents/{payment_intent}/succeed",
            base_of(self.port)
        );
        let response = self.client.post(url).send().await?;
        Ok(response.status().is_success())
    }

    /// Switches the Stripe outage on or off.
    pub async fn outage(&self, on: bool) -> anyhow::Result<()> {
        let url = format!("{}/_fake/outage", base_of(self.port));
        let response = self
            .client
            .post(url)
            .json(&json!({ "on": on }))
            .send()
            .await?;
        if !response.status().is_success() {
            bail!(
                "the fake refused to switch the outage: {}",
                response.status()
            );
        }
        Ok(())
    }

    /// Everything the fake holds: `payment_intents`, `refunds`, `requests`, `events`.
    pub async fn state(&self) -> anyhow::Result<Value> {
        let url = format!("{}/_fake/state", base_of(self.port));
        let response = self.client.get(url).send().await?;
        Ok(response.error_for_status()?.json().await?)
    }
}

impl Drop for Stripe {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn base_of(port: u16) -> String {
    format!("http://127.0.0.1:{port}")
}

/// Waits until `url` answers 200, failing with the log's tail when the process exits or
/// takes longer than [`STARTUP`].
async fn wait_for(url: &str, child: &mut Option<Child>, log: &Path) -> anyhow::Result<()> {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()?;
    let started = Instant::now();
    loop {
        if let Ok(response) = client.get(url).send().await
            && response.status() == reqwest::StatusCode::OK
        {
            return Ok(());
        }
        let exited = child
            .as_mut()
            .is_none_or(|c| matches!(c.try_wait(), Ok(Some(_))));
        if exited || started.elapsed() > STARTUP {
            let text = std::fs::read_to_string(log).unwrap_or_default();
            let lines: Vec<&str> = text.lines().collect();
            let tail = lines[lines.len().saturating_sub(20)..].join("\n");
            bail!("{url} did not answer 200 (see {}):\n{tail}", log.display());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
