//! The browser part: the released server with the built widget, driven in Chromium with a
//! slowed CPU by `tools/browser/widget-bench.mjs`, which prints one JSON object.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use serde_json::Value;

/// Starts the server, runs the `bench` scenario of `tools/browser/widget.mjs` and prints
/// its figures.
pub fn report(dist: &Path, changes: u32, cpu_slowdown: u32) -> anyhow::Result<()> {
    let workspace = workspace()?;
    let scratch = tempfile::tempdir()?;
    let port = free_port()?;
    let server = RunningServer::start(&workspace, dist, scratch.path(), port)?;
    let output = Command::new("node")
        .arg(workspace.join("tools/browser/widget.mjs"))
        .args(["--base", &format!("http://127.0.0.1:{port}")])
        .arg("--out")
        .arg(workspace.join("target/screenshots/widget-bench"))
        .args(["--scenario", "bench", "--lang", "en"])
        .args(["--rounds", &changes.to_string(), "--cpu", &cpu_slowdown.to_string()])
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .context("running node tools/browser/widget.mjs (scripts/setup installs node and playwright-core)")?;
    drop(server);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let done: Value = stdout
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .find(|event| event["event"] == "done")
        .with_context(|| format!("no report from the browser: {stdout}"))?;
    if done["ok"] != true {
        bail!("the browser benchmark failed: {done:#}");
    }
    print(&done);
    Ok(())
}

fn print(done: &Value) {
    let result = &done["result"];
    let ms = |value: &Value| {
        value
            .as_f64()
            .map_or("-".to_owned(), |v| format!("{v:.1} ms"))
    };
    let long_tasks: Vec<f64> = result["long_tasks_ms"]
        .as_array()
        .map(|tasks| tasks.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default();
    let over_50 = long_tasks.iter().filter(|&&task| task > 50.0).count();
    let longest = long_tasks
        .iter()
        .copied()
        .fold(None, |max: Option<f64>, t| {
            Some(max.map_or(t, |m| m.max(t)))
        });
    println!(
        "## Browser (Chromium {}, {}x CPU slowdown, 390x844 phone viewport)\n",
        done["browser"].as_str().unwrap_or("?"),
        result["cpu_slowdown"]
    );
    println!("| what | figure | budget |");
    println!("|---|---:|---|");
    let preview = &result["preview_ms"];
    println!(
        "| preview size drawn | {} px | 1080 px |",
        result["preview_px"]
    );
    println!(
        "| option change to redrawn preview, p50 of {} | {} | |",
        preview["count"],
        ms(&preview["p50"])
    );
    println!(
        "| option change to redrawn preview, p75 | {} | <= 100 ms |",
        ms(&preview["p75"])
    );
    println!(
        "| option change to redrawn preview, max | {} | |",
        ms(&preview["max"])
    );
    let recommend = &result["recommend_ms"];
    println!(
        "| recommend a size while typing, max of {} | {} | < 5 ms |",
        recommend["count"],
        ms(&recommend["max"])
    );
    println!("| main-thread tasks > 50 ms during the changes | {over_50} | 0 |");
    println!(
        "| longest main-thread task | {} | |",
        longest.map_or("none".to_owned(), |t| format!("{t:.1} ms"))
    );
    println!();
}

struct RunningServer(Child);

impl RunningServer {
    fn start(workspace: &Path, dist: &Path, scratch: &Path, port: u16) -> anyhow::Result<Self> {
        let binary = std::env::current_exe()?.with_file_name("gongbang");
        anyhow::ensure!(
            binary.exists(),
            "{} is missing: cargo build --release -p api -p bench",
            binary.display()
        );
        let database = format!("sqlite://{}?mode=rwc", scratch.join("bench.db").display());
        let child = Command::new(binary)
            .current_dir(workspace)
            .arg("serve")
            .args(["--addr", &format!("127.0.0.1:{port}")])
            .args(["--database-url", &database, "--secret", "bench"])
            .arg("--widget-dir")
            .arg(workspace.join(dist))
            .env_remove("STRIPE_SECRET_KEY")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        let server = RunningServer(child);
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            anyhow::ensure!(
                started.elapsed() < Duration::from_secs(60),
                "the server did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(server)
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> anyhow::Result<u16> {
    Ok(TcpListener::bind(("127.0.0.1", 0))?.local_addr()?.port())
}

/// The workspace root: the nearest ancestor of the current directory with `Trunk.toml`.
fn workspace() -> anyhow::Result<PathBuf> {
    let here = std::env::current_dir()?;
    here.ancestors()
        .find(|dir| dir.join("Trunk.toml").exists())
        .map(Path::to_path_buf)
        .context("run from inside the Gongbang workspace")
}
