//! Delivering workshop webhooks: a background worker that sends the queued deliveries of
//! ticket events, signed, and retries them with exponential backoff.
//!
//! Deliveries are rows written in the transaction of each change (see `db::events`), so
//! nothing is lost when a process stops: whichever process runs a worker next sends what
//! is due. Any number of processes may run a worker on one database; each delivery is
//! claimed with one conditional update before it is sent (`db::webhooks::claim`), so two
//! processes never send the same attempt. Delivery is at least once: a process that dies
//! between sending and recording the answer leaves the row leased, and it is sent again
//! when the lease runs out. Receivers deduplicate by the `Gongbang-Event-Id` header.
//!
//! Each request is `POST <url>` with the JSON body [`WebhookEvent`] and the header
//! `Gongbang-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`
//! (the scheme Stripe uses). Any 2xx answer counts as delivered; anything else (another
//! status, a timeout, a refused connection, a redirect) is retried after
//! `backoff_base · 2^(attempts - 1)`, at most `backoff_cap`, until `max_attempts`
//! attempts have been made; the row is then kept undelivered with its last error.
//!
//! This build's HTTP client has no TLS: deliveries to `https://` endpoints fail (and
//! say so in the delivery's `last_error`).

use std::time::Duration;

use hmac::{Hmac, Mac};
use rand::Rng;
use serde::Serialize;
use sha2::Sha256;
use tokio::task::{JoinHandle, JoinSet};
use utoipa::ToSchema;

use db::webhooks::DueDelivery;

use crate::AppState;
use crate::wire::SeoulTime;

/// The header carrying the signature.
pub const SIGNATURE_HEADER: &str = "Gongbang-Signature";
/// The header carrying the event id (the same on every retry).
pub const EVENT_ID_HEADER: &str = "Gongbang-Event-Id";

/// How the worker polls, sends and retries.
#[derive(Debug, Clone, Copy)]
pub struct DeliveryConfig {
    /// How long the worker sleeps when nothing more is due.
    pub poll_interval: Duration,
    /// How many due deliveries one round looks at.
    pub batch: u64,
    /// How long one request may take.
    pub timeout: Duration,
    /// How long a claimed delivery is reserved for the process sending it; longer than
    /// `timeout`, so that a live sender is never overtaken.
    pub lease: Duration,
    /// The wait after the first failed attempt; it doubles with each further one.
    pub backoff_base: Duration,
    /// The longest wait between two attempts.
    pub backoff_cap: Duration,
    /// Attempts after which a delivery is given up (and kept, with its last error).
    pub max_attempts: i32,
}

impl Default for DeliveryConfig {
    fn default() -> Self {
        DeliveryConfig {
            poll_interval: Duration::from_secs(1),
            batch: 20,
            timeout: Duration::from_secs(10),
            lease: Duration::from_secs(60),
            backoff_base: Duration::from_secs(10),
            backoff_cap: Duration::from_secs(3600),
            max_attempts: 15,
        }
    }
}

/// The body of a webhook request: one ticket event of the workshop.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WebhookEvent {
    /// The event id: increasing in the order of changes, and the same on every retry
    /// (also sent as `Gongbang-Event-Id`).
    pub id: i64,
    /// What happened, e.g. `ticket.queued`, `ticket.accepted`, `ticket.delayed`.
    pub kind: String,
    /// The order concerned.
    pub order_id: String,
    /// The printed number of the ticket concerned, e.g. `T000042`.
    pub ticket: Option<String>,
    /// Details of the change (for moves: `ticket`, `from`, `to`, `actor`, `note`).
    #[schema(value_type = Object)]
    pub payload: serde_json::Value,
    /// When it happened.
    pub at: SeoulTime,
}

impl From<&db::events::Event> for WebhookEvent {
    fn from(event: &db::events::Event) -> Self {
        WebhookEvent {
            id: event.id,
            kind: event.kind.code(),
            order_id: event.order_id.to_string(),
            ticket: event.ticket_id.map(|id| id.number()),
            payload: event.payload.clone(),
            at: event.at.into(),
        }
    }
}

/// Starts the delivery worker: it runs until the runtime stops (or the handle is
/// aborted), sending whatever is due and sleeping `poll_interval` when nothing is.
pub fn spawn_delivery_worker(state: AppState, config: DeliveryConfig) -> JoinHandle<()> {
    tokio::spawn(async move {
        let client = match http_client(&config) {
            Ok(client) => client,
            Err(error) => {
                tracing::error!(%error, "webhook delivery worker cannot start");
                return;
            }
        };
        loop {
            match deliver_due(&state, &client, &config).await {
                // A full batch all delivered: there may be more waiting.
                Ok(round) if round.delivered as u64 >= config.batch => continue,
                Ok(_) => {}
                Err(error) => tracing::warn!(%error, "webhook delivery round failed"),
            }
            tokio::time::sleep(config.poll_interval).await;
        }
    })
}

/// The HTTP client deliveries are sent with: `timeout` per request, no redirects.
pub fn http_client(config: &DeliveryConfig) -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        .timeout(config.timeout)
        .redirect(reqwest::redirect::Policy::none())
        .user_agent("Gongbang-Webhooks/1")
        .build()
}

/// What one round did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Round {
    /// Due deliveries seen.
    pub due: usize,
    /// Attempts this process made (the others were claimed by another process first).
    pub attempted: usize,
    /// Attempts answered with 2xx.
    pub delivered: usize,
}

/// One round: reads up to `batch` due deliveries and attempts each one this process can
/// claim. Deliveries to one endpoint go one after the other, oldest first; different
/// endpoints are served concurrently, so a slow one does not hold up the others.
pub async fn deliver_due(
    state: &AppState,
    client: &reqwest::Client,
    config: &DeliveryConfig,
) -> Result<Round, db::Error> {
    let due = db::webhooks::due(
        &state.db,
        state.clock.now(),
        config.max_attempts,
        config.batch,
    )
    .await?;
    let mut round = Round {
        due: due.len(),
        ..Round::default()
    };
    let mut by_endpoint: Vec<Vec<DueDelivery>> = Vec::new();
    for delivery in due {
        match by_endpoint
            .iter_mut()
            .find(|group| group[0].endpoint.id == delivery.endpoint.id)
        {
            Some(group) => group.push(delivery),
            None => by_endpoint.push(vec![delivery]),
        }
    }
    let mut senders = JoinSet::new();
    for group in by_endpoint {
        let (state, client, config) = (state.clone(), client.clone(), *config);
        senders.spawn(async move {
            let mut sent = Round::default();
            for delivery in group {
                match attempt(&state, &client, &config, &delivery).await? {
                    Attempt::NotClaimed => {}
                    Attempt::Failed => sent.attempted += 1,
                    Attempt::Delivered => {
                        sent.attempted += 1;
                        sent.delivered += 1;
                    }
                }
            }
            Ok::<_, db::Error>(sent)
        });
    }
    let mut first_error = None;
    while let Some(joined) = senders.join_next().await {
        match joined {
            Ok(Ok(sent)) => {
                round.attempted += sent.attempted;
                round.delivered += sent.delivered;
            }
            Ok(Err(error)) => {
                first_error.get_or_insert(error);
            }
            Err(panic) => tracing::error!(error = %panic, "webhook sender panicked"),
        }
    }
    match first_error {
        Some(error) => Err(error),
        None => Ok(round),
    }
}

enum Attempt {
    NotClaimed,
    Failed,
    Delivered,
}

async fn attempt(
    state: &AppState,
    client: &reqwest::Client,
    config: &DeliveryConfig,
    delivery: &DueDelivery,
) -> Result<Attempt, db::Error> {
    let now = state.clock.now();
    let claimed = db::webhooks::claim(
        &state.db,
        delivery.id,
        delivery.attempts,
        now,
        now + config.lease,
    )
    .await?;
    if !claimed {
        return Ok(Attempt::NotClaimed);
    }
    let attempts = delivery.attempts.saturating_add(1);
    let outcome = send(state, client, delivery).await;
    let now = state.clock.now();
    match outcome {
        Ok(()) => {
            db::webhooks::mark_delivered(&state.db, delivery.id, attempts, now).await?;
            tracing::debug!(delivery = delivery.id, attempts, "webhook delivered");
            Ok(Attempt::Delivered)
        }
        Err(error) => {
            let mut error = truncate(&error, 1000);
            if attempts >= config.max_attempts {
                error.push_str(&format!(" (gave up after {attempts} attempts)"));
                tracing::warn!(delivery = delivery.id, %error, "webhook given up");
            } else {
                tracing::info!(delivery = delivery.id, attempts, %error, "webhook failed");
            }
            let retry_at = now + backoff(config, attempts);
            db::webhooks::mark_failed(&state.db, delivery.id, attempts, &error, retry_at).await?;
            Ok(Attempt::Failed)
        }
    }
}

/// Sends one delivery; `Err` says why it did not count as delivered.
async fn send(
    state: &AppState,
    client: &reqwest::Client,
    delivery: &DueDelivery,
) -> Result<(), String> {
    let body = serde_json::to_vec(&WebhookEvent::from(&delivery.event))
        .map_err(|e| format!("cannot encode the event: {e}"))?;
    let timestamp = state.clock.now().unix_timestamp();
    let signature = sign(&delivery.endpoint.secret, timestamp, &body);
    let response = client
        .post(&delivery.endpoint.url)
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .header(SIGNATURE_HEADER, signature)
        .header(EVENT_ID_HEADER, delivery.event.id.to_string())
        .body(body)
        .send()
        .await
        .map_err(|e| error_chain(&e))?;
    let status = response.status();
    if status.is_success() {
        Ok(())
    } else {
        Err(format!("HTTP {status}"))
    }
}

/// The wait before the next attempt after `attempts` attempts:
/// `backoff_base · 2^(attempts - 1)`, at most `backoff_cap`.
pub fn backoff(config: &DeliveryConfig, attempts: i32) -> Duration {
    let doublings = u32::try_from(attempts.saturating_sub(1))
        .unwrap_or(0)
        .min(31);
    config
        .backoff_base
        .saturating_mul(1u32 << doublings)
        .min(config.backoff_cap)
}

/// The `Gongbang-Signature` header value for `body` sent at `timestamp` (Unix seconds):
/// `t=<timestamp>,v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`. The key is the
/// secret exactly as shown at registration (including its `whsec_` prefix).
pub fn sign(secret: &str, timestamp: i64, body: &[u8]) -> String {
    let mac = signed_payload_mac(secret, timestamp, body);
    format!("t={timestamp},v1={}", hex(&mac.finalize().into_bytes()))
}

/// What a receiver does: checks a `Gongbang-Signature` header against the raw body, in
/// constant time. Returns the signed timestamp when a `v1` signature matches (a receiver
/// should also refuse timestamps far from its own clock, to stop replays).
pub fn verify(secret: &str, header: &str, body: &[u8]) -> Option<i64> {
    let mut timestamp = None;
    let mut signatures = Vec::new();
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", value)) => timestamp = value.parse::<i64>().ok(),
            Some(("v1", value)) => signatures.push(value),
            _ => {}
        }
    }
    let timestamp = timestamp?;
    signatures
        .into_iter()
        .filter_map(unhex)
        .any(|signature| {
            signed_payload_mac(secret, timestamp, body)
                .verify_slice(&signature)
                .is_ok()
        })
        .then_some(timestamp)
}

fn signed_payload_mac(secret: &str, timestamp: i64, body: &[u8]) -> Hmac<Sha256> {
    // HMAC accepts keys of any length, so this cannot fail.
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes any key length");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    mac
}

/// A fresh endpoint secret: `whsec_` and 32 random bytes in hex.
pub fn new_secret() -> String {
    let bytes: [u8; 32] = rand::rng().random();
    format!("whsec_{}", hex(&bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.is_ascii() {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok())
        .collect()
}

/// An error with its causes, `a: b: c` (reqwest's own message hides the reason).
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

fn truncate(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_match_an_independent_hmac() {
        // printf '1700000000.{"id":1}' | openssl dgst -sha256 -hmac 'whsec_test'
        let header = sign("whsec_test", 1_700_000_000, br#"{"id":1}"#);
        assert_eq!(
            header,
            "t=1700000000,v1=2f441ba4b3b2d50d28a9ab9d9fd8880376ecd1eb5d0435401553f5d8d0a5dcf8"
        );
    }

    #[test]
    fn verification_accepts_only_the_right_secret_body_and_time() {
        let body = br#"{"id":7,"kind":"ticket.accepted"}"#;
        let header = sign("whsec_a", 1_800_000_000, body);
        assert_eq!(verify("whsec_a", &header, body), Some(1_800_000_000));
        assert_eq!(verify("whsec_b", &header, body), None);
        assert_eq!(verify("whsec_a", &header, br#"{"id":8}"#), None);
        let shifted = header.replace("t=1800000000", "t=1800000001");
        assert_eq!(verify("whsec_a", &shifted, body), None);
        assert_eq!(verify("whsec_a", "v1=00", body), None);
        assert_eq!(verify("whsec_a", "t=1,v1=zz", body), None);
    }

    #[test]
    fn backoff_doubles_up_to_the_cap() {
        let config = DeliveryConfig::default();
        let waits: Vec<u64> = (1..=10).map(|a| backoff(&config, a).as_secs()).collect();
        assert_eq!(waits, [10, 20, 40, 80, 160, 320, 640, 1280, 2560, 3600]);
        assert_eq!(backoff(&config, 1000).as_secs(), 3600);
        assert_eq!(backoff(&config, 0).as_secs(), 10);
    }

    #[test]
    fn secrets_are_fresh_and_prefixed() {
        let (a, b) = (new_secret(), new_secret());
        assert_ne!(a, b);
        assert!(a.starts_with("whsec_") && a.len() == 6 + 64);
    }

    #[test]
    fn long_errors_are_cut_on_a_character_boundary() {
        assert_eq!(truncate("abc", 5), "abc");
        assert_eq!(truncate("가나다라", 2), "가나…");
    }
}
