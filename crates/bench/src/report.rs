//! The table on stdout, and the notes under it.

use std::time::Duration;

use crate::load::{LoadConfig, PhaseResult};
use crate::scratch::Kind;

/// One line of the table.
pub struct Row {
    database: Kind,
    workload: &'static str,
    result: PhaseResult,
}

impl Row {
    pub fn new(database: Kind, workload: &'static str, result: PhaseResult) -> Self {
        Row {
            database,
            workload,
            result,
        }
    }
}

/// Everything measured in one run.
pub struct Report {
    header: String,
    pool_size: u32,
    cores: usize,
    rows: Vec<Row>,
    notes: Vec<String>,
}

impl Report {
    pub fn new(config: &LoadConfig, cores: usize, release: bool, pool_size: u32) -> Self {
        let build = if release {
            "release build"
        } else {
            "DEBUG build (not representative; use --release)"
        };
        let header = format!(
            "gongbang-bench: {} clients, {} s per phase, {build}, {cores} cores",
            config.clients,
            config.duration.as_secs(),
        );
        Report {
            header,
            pool_size,
            cores,
            rows: Vec::new(),
            notes: Vec::new(),
        }
    }

    pub fn extend(&mut self, rows: impl IntoIterator<Item = Row>) {
        self.rows.extend(rows);
    }

    /// Requests that failed (neither a success nor a 409), over every phase.
    pub fn failed(&self) -> u64 {
        self.rows.iter().map(|row| row.result.failed).sum()
    }

    pub fn note(&mut self, note: String) {
        self.notes.push(note);
    }

    pub fn print(&self) {
        println!("{}", self.header);
        println!(
            "{:<10}  {:<28}  {:>8}  {:>9}  {:>7}  {:>8}  {:>8}",
            "database", "workload", "ok", "ok/s", "failed", "p50 ms", "p99 ms"
        );
        for row in &self.rows {
            let r = &row.result;
            let refused = if r.refused > 0 {
                format!("   (409: {})", r.refused)
            } else {
                String::new()
            };
            println!(
                "{:<10}  {:<28}  {:>8}  {:>9.1}  {:>7}  {:>8}  {:>8}{refused}",
                row.database.label(),
                row.workload,
                r.ok(),
                r.ok_per_second(),
                r.failed,
                millis(r.percentile(50.0)),
                millis(r.percentile(99.0)),
            );
        }
        println!();
        for line in self.explanations() {
            println!("{line}");
        }
    }

    fn explanations(&self) -> Vec<String> {
        let mut lines = vec![
            format!(
                "machine: {} cores, shared by the load generator and the server under test",
                self.cores
            ),
            "ok/s: successful requests (quotes 200, orders and rows 201) per second of phase \
             wall time; p50/p99: their latency, send to last body byte, nearest rank"
                .to_owned(),
            format!(
                "server: the gongbang binary as a child process (pool {0}); baseline: one \
                 INSERT per request, in-process axum + sqlx (pool {0})",
                self.pool_size
            ),
        ];
        for row in self.rows.iter().filter(|r| r.workload == "orders") {
            let r = &row.result;
            let sent = r.ok() + r.refused + r.failed;
            let kinds: Vec<String> = r
                .refused_kinds
                .iter()
                .map(|(kind, count)| format!("{kind}: {count}"))
                .collect();
            let kinds = if kinds.is_empty() {
                String::new()
            } else {
                format!(" ({})", kinds.join(", "))
            };
            lines.push(format!(
                "{}: {} of {sent} orders refused with 409{kinds}; not counted as throughput \
                 (infeasible = the workshop calendars are full before departure, \
                 capacity-contention = the server gave up after concurrent retries)",
                row.database.label(),
                r.refused
            ));
            if sent > 0 {
                let answered = sent - r.failed;
                lines.push(format!(
                    "{}: {:.1} order answers/s counting the 409s (each one planned against \
                     the stored calendars too)",
                    row.database.label(),
                    answered as f64 / r.elapsed.as_secs_f64().max(f64::EPSILON)
                ));
            }
            if r.refused > r.ok() {
                lines.push(format!(
                    "{}: most orders were refused: the calendars filled up during the phase, \
                     so orders ok/s is bounded by workshop capacity before departure, not by \
                     the server",
                    row.database.label()
                ));
            }
            let baseline = self
                .rows
                .iter()
                .find(|b| b.database == row.database && b.workload.starts_with("baseline"));
            if let Some(baseline) = baseline
                && baseline.result.ok_per_second() > 0.0
            {
                lines.push(format!(
                    "{}: orders run at {:.1} % of the bare insert rate",
                    row.database.label(),
                    100.0 * r.ok_per_second() / baseline.result.ok_per_second()
                ));
            }
        }
        for row in &self.rows {
            for sample in &row.result.failure_samples {
                lines.push(format!(
                    "failure in {} {}: {sample}",
                    row.database.label(),
                    row.workload
                ));
            }
        }
        lines.extend(self.notes.iter().map(|n| format!("note: {n}")));
        lines
    }
}

fn millis(latency: Option<Duration>) -> String {
    latency.map_or_else(
        || "-".to_owned(),
        |d| format!("{:.2}", d.as_secs_f64() * 1e3),
    )
}
