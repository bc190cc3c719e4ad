//! The client driver: N tasks sending requests back to back over one shared client, for
//! a bounded time and count, and the latency statistics of what came back.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;
use reqwest::{Client, RequestBuilder, StatusCode};

/// How hard and how long to drive one phase.
#[derive(Debug, Clone)]
pub struct LoadConfig {
    /// Concurrent clients (tokio tasks), each with one request in flight.
    pub clients: u32,
    /// No request is started after this much time.
    pub duration: Duration,
    /// No more than this many requests are started.
    pub max_requests: u64,
}

/// One kind of request.
pub trait Workload: Send + Sync + 'static {
    /// The status of a success.
    const SUCCESS: StatusCode;
    /// The `n`-th request of the phase (0-based).
    fn request(&self, client: &Client, n: u64) -> RequestBuilder;
}

/// What a phase produced.
#[derive(Debug, Default)]
pub struct PhaseResult {
    /// Latencies of the successful requests, sorted ascending.
    pub latencies: Vec<Duration>,
    /// Requests answered 409 Conflict (a legitimate refusal, not a success).
    pub refused: u64,
    /// Those 409s by problem type (`infeasible`, `capacity-contention`, …).
    pub refused_kinds: BTreeMap<String, u64>,
    /// Requests that failed otherwise: another status, or no response at all.
    pub failed: u64,
    /// A few of those failures, for the report.
    pub failure_samples: Vec<String>,
    /// From the first request sent until the last answer arrived.
    pub elapsed: Duration,
}

/// How many different failures are kept as examples, per client and per phase.
const SAMPLES: usize = 3;

impl PhaseResult {
    /// Successful requests.
    pub fn ok(&self) -> u64 {
        self.latencies.len() as u64
    }

    /// Successful requests per second of phase time.
    pub fn ok_per_second(&self) -> f64 {
        let seconds = self.elapsed.as_secs_f64();
        if seconds > 0.0 {
            self.ok() as f64 / seconds
        } else {
            0.0
        }
    }

    /// The `p`-th percentile (0 < p ≤ 100) of the successful latencies, nearest rank.
    pub fn percentile(&self, p: f64) -> Option<Duration> {
        nearest_rank(&self.latencies, p)
    }

    fn merge(&mut self, other: ClientTally) {
        self.latencies.extend(other.latencies);
        self.refused += other.refused;
        for (kind, count) in other.refused_kinds {
            *self.refused_kinds.entry(kind).or_default() += count;
        }
        self.failed += other.failed;
        for sample in other.failure_samples {
            keep_sample(&mut self.failure_samples, sample);
        }
    }
}

/// The nearest-rank percentile of an ascending slice: the smallest value with at least
/// `p` percent of the values at or below it.
pub fn nearest_rank(sorted: &[Duration], p: f64) -> Option<Duration> {
    if sorted.is_empty() || !(p > 0.0 && p <= 100.0) {
        return None;
    }
    let rank = (p / 100.0 * sorted.len() as f64).ceil() as usize;
    sorted.get(rank.clamp(1, sorted.len()) - 1).copied()
}

/// The shared HTTP client: keep-alive connections for every client task, no proxy, and
/// a timeout so that a stuck request cannot hold a phase open forever.
pub fn client(clients: u32) -> anyhow::Result<Client> {
    Client::builder()
        .no_proxy()
        .tcp_nodelay(true)
        .pool_max_idle_per_host(clients as usize)
        .timeout(Duration::from_secs(30))
        .build()
        .context("building the HTTP client")
}

/// Drives `workload` with `config.clients` tasks until the time or the count runs out,
/// then waits for the requests in flight.
pub async fn run<W: Workload>(client: &Client, config: &LoadConfig, workload: W) -> PhaseResult {
    let workload = Arc::new(workload);
    let issued = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let deadline = started + config.duration;
    let tasks: Vec<_> = (0..config.clients)
        .map(|_| {
            let client = client.clone();
            let workload = Arc::clone(&workload);
            let issued = Arc::clone(&issued);
            let max_requests = config.max_requests;
            tokio::spawn(async move {
                drive(&client, &*workload, &issued, deadline, max_requests).await
            })
        })
        .collect();
    let mut result = PhaseResult::default();
    for task in tasks {
        match task.await {
            Ok(tally) => result.merge(tally),
            Err(error) => {
                result.failed += 1;
                result.failure_samples.push(format!("client task: {error}"));
            }
        }
    }
    result.elapsed = started.elapsed();
    result.latencies.sort_unstable();
    result
}

/// What one client task saw.
#[derive(Default)]
struct ClientTally {
    latencies: Vec<Duration>,
    refused: u64,
    refused_kinds: BTreeMap<String, u64>,
    failed: u64,
    failure_samples: Vec<String>,
}

async fn drive<W: Workload>(
    client: &Client,
    workload: &W,
    issued: &AtomicU64,
    deadline: Instant,
    max_requests: u64,
) -> ClientTally {
    let mut tally = ClientTally::default();
    while Instant::now() < deadline {
        let n = issued.fetch_add(1, Ordering::Relaxed);
        if n >= max_requests {
            break;
        }
        let request = workload.request(client, n);
        let sent = Instant::now();
        let answer = match request.send().await {
            Ok(response) => {
                let status = response.status();
                response.bytes().await.map(|body| (status, body))
            }
            Err(error) => Err(error),
        };
        let latency = sent.elapsed();
        match answer {
            Ok((status, _)) if status == W::SUCCESS => tally.latencies.push(latency),
            Ok((StatusCode::CONFLICT, body)) => {
                tally.refused += 1;
                *tally.refused_kinds.entry(problem_kind(&body)).or_default() += 1;
            }
            Ok((status, body)) => {
                tally.failed += 1;
                let body = String::from_utf8_lossy(&body);
                let body: String = body.chars().take(300).collect();
                keep_sample(&mut tally.failure_samples, format!("{status}: {body}"));
            }
            Err(error) => {
                tally.failed += 1;
                keep_sample(&mut tally.failure_samples, format!("no answer: {error}"));
            }
        }
    }
    tally
}

/// Keeps `sample` as an example failure unless there are enough, or it is already kept.
fn keep_sample(samples: &mut Vec<String>, sample: String) {
    if samples.len() < SAMPLES && !samples.contains(&sample) {
        samples.push(sample);
    }
}

/// The slug of a problem+json body's `type` (`urn:gongbang:problem:<slug>`).
fn problem_kind(body: &[u8]) -> String {
    let problem: serde_json::Value = serde_json::from_slice(body).unwrap_or_default();
    let kind = problem["type"].as_str().unwrap_or("unknown");
    kind.rsplit(':').next().unwrap_or(kind).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(values: &[u64]) -> Vec<Duration> {
        values.iter().map(|&v| Duration::from_millis(v)).collect()
    }

    #[test]
    fn nearest_rank_picks_an_observed_value() {
        let sorted = ms(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        assert_eq!(nearest_rank(&sorted, 50.0), Some(Duration::from_millis(5)));
        assert_eq!(nearest_rank(&sorted, 99.0), Some(Duration::from_millis(10)));
        assert_eq!(nearest_rank(&sorted, 10.0), Some(Duration::from_millis(1)));
        assert_eq!(
            nearest_rank(&sorted, 100.0),
            Some(Duration::from_millis(10))
        );
        assert_eq!(nearest_rank(&sorted, 11.0), Some(Duration::from_millis(2)));
    }

    #[test]
    fn nearest_rank_of_one_and_of_none() {
        assert_eq!(
            nearest_rank(&ms(&[7]), 50.0),
            Some(Duration::from_millis(7))
        );
        assert_eq!(nearest_rank(&[], 50.0), None);
        assert_eq!(nearest_rank(&ms(&[1, 2]), 0.0), None);
    }

    #[test]
    fn problem_kinds_are_slugs() {
        let body = br#"{"type":"urn:gongbang:problem:capacity-contention","status":409}"#;
        assert_eq!(problem_kind(body), "capacity-contention");
        assert_eq!(problem_kind(b"not json"), "unknown");
    }

    #[test]
    fn p99_of_a_hundred_is_the_ninety_ninth() {
        let sorted: Vec<_> = (1..=100).map(Duration::from_millis).collect();
        assert_eq!(nearest_rank(&sorted, 99.0), Some(Duration::from_millis(99)));
        assert_eq!(nearest_rank(&sorted, 50.0), Some(Duration::from_millis(50)));
    }
}
