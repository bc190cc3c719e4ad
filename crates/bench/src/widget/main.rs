//! `gongbang-widget-bench`: the widget's budgets from `fitting.md`, measured and printed.
//!
//! - **sizes**: gzip -9 bytes of what the first screen loads (`dist/index.html` and every
//!   script, wasm and stylesheet it references) and of the preview module (the Web Worker's
//!   loader, glue and wasm, fetched lazily when a preview is first drawn).
//! - **native**: the fitting engine recommending a size for each sized demo product (all
//!   of its sizes scored), and the preview renderer drawing every golden sample at 1080 px
//!   and at the 512 px of a ticket preview; median and p95 of repeated runs, release build.
//! - **browser**: the released `gongbang` server (SQLite, demo data, the built `dist/`) in
//!   Debian's Chromium with the CPU slowed 4x through the DevTools protocol (Lighthouse's
//!   mobile profile), driven by `tools/browser/widget-bench.mjs` on a phone viewport: the
//!   time to recommend a size (`gongbang:recommend` measures), the p75 time from an option
//!   change to the redrawn preview (`gongbang:preview` measures) over `--changes` changes,
//!   and the main-thread tasks longer than 50 ms during those changes (Long Tasks API).
//!
//! Run with `scripts/bench-widget` (builds everything first).

mod browser;
mod native;
mod sizes;

use std::path::PathBuf;

use clap::Parser;

/// The widget's size and speed budgets.
#[derive(Debug, Parser)]
#[command(name = "gongbang-widget-bench")]
struct Cli {
    /// The built widget (Trunk's output).
    #[arg(long, default_value = "dist")]
    dist: PathBuf,
    /// Option changes timed in the browser.
    #[arg(long, default_value_t = 40)]
    changes: u32,
    /// How many times slower Chromium's CPU is made.
    #[arg(long, default_value_t = 4)]
    cpu_slowdown: u32,
    /// Skip the browser part (sizes and native timings only).
    #[arg(long)]
    no_browser: bool,
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    if cfg!(debug_assertions) {
        println!("DEBUG build: timings are not representative; use --release\n");
    }
    sizes::report(&cli.dist)?;
    native::report();
    if !cli.no_browser {
        browser::report(&cli.dist, cli.changes, cli.cpu_slowdown)?;
    }
    Ok(())
}
