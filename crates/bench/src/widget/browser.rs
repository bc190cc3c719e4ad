//! The browser part: the released server with the built widget, driven in Chromium with a
//! slowed CPU by `tools/browser/widget-bench.mjs`, which prints one JSON object.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use serde_json::Value;

/// Starts the server, runs the browser script and prints its figures.
pub fn report(dist: &Path, changes: u32, cpu_slowdown: u32) -> anyhow::Result<()> {
    let workspace = workspace()?;
    let scratch = tempfile::tempdir()?;
    let port = free_port()?;
    let server = RunningServer::start(&workspace, dist, scratch.path(), port)?;
    let base = format!("http://127.0.0.1:{port}");
    let output = Command::new("node")
        .arg(workspace.join("tools/browser/widget-bench.mjs"))
        .args([&base, &changes.to_string(), &cpu_slowdown.to_string()])
        .stderr(Stdio::inherit())
        .output()
        .context("running node tools/browser/widget-bench.mjs (scripts/setup installs node and playwright-core)")?;
    drop(server);
    if !output.status.success() {
        bail!(
            "the browser benchmark failed: {}",
            String::from_utf8_lossy(&output.stdout)
        );
    }
    let figures: Value = serde_json::from_slice(&output.stdout)
        .with_context(|| format!("reading {}", String::from_utf8_lossy(&output.stdout)))?;
    print(&figures, cpu_slowdown);
    Ok(())
}

fn print(figures: &Value, cpu_slowdown: u32) {
    let ms = |key: &str| {
        figures[key]
            .as_f64()
            .map_or("-".to_owned(), |v| format!("{v:.1} ms"))
    };
    println!(
        "## Browser (Chromium {}, {cpu_slowdown}x CPU slowdown, {})\n",
        figures["browser"].as_str().unwrap_or("?"),
        figures["viewport"].as_str().unwrap_or("phone viewport")
    );
    println!("| what | figure | budget |");
    println!("|---|---:|---|");
    println!(
        "| recommend a size (median of {} runs) | {} | < 5 ms |",
        figures["recommend_runs"],
        ms("recommend_median_ms")
    );
    println!("| recommend a size (max) | {} | |", ms("recommend_max_ms"));
    println!(
        "| option change to redrawn preview, p75 of {} | {} | <= 100 ms |",
        figures["preview_runs"],
        ms("preview_p75_ms")
    );
    println!(
        "| option change to redrawn preview, max | {} | |",
        ms("preview_max_ms")
    );
    println!(
        "| preview canvas size | {} px | 1080 px |",
        figures["canvas_px"]
    );
    println!(
        "| main-thread tasks > 50 ms during option changes | {} | 0 |",
        figures["long_tasks"]
    );
    println!(
        "| longest main-thread task during option changes | {} | |",
        ms("longest_task_ms")
    );
    println!(
        "| first screen ready (load to product list, slowed) | {} | |",
        ms("first_screen_ms")
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
