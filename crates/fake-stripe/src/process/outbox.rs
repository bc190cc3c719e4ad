//! Stripe's webhook deliveries, for the fake run as a process: every event is kept, posted
//! to one of the configured URLs signed with [`WEBHOOK_SECRET`] at sending time, and posted
//! again (to the next URL, after a short pause) until one answers 2xx, as Stripe keeps
//! retrying for days. What was sent, and how often, is part of the fake's state.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::events::{WEBHOOK_SECRET, payload, signature_header};
use crate::state::Shared;

/// The pause before an event whose delivery failed is posted again.
const RETRY_AFTER: Duration = Duration::from_millis(250);
/// How long a sender waits when nothing is due.
const IDLE: Duration = Duration::from_millis(20);
/// How long one delivery may take.
const TIMEOUT: Duration = Duration::from_secs(10);

/// The events to deliver and their deliveries.
pub(crate) struct Outbox {
    urls: Vec<String>,
    events: Mutex<Vec<Outgoing>>,
}

/// One event and how its delivery goes.
struct Outgoing {
    id: String,
    kind: String,
    object_id: String,
    payload: Arc<Vec<u8>>,
    attempts: u32,
    delivered: bool,
    sending: bool,
    next_attempt: Instant,
}

/// A delivery attempt taken by a sender.
struct Attempt {
    index: usize,
    url: String,
    payload: Arc<Vec<u8>>,
}

impl Outbox {
    /// An outbox posting to `urls` (none: events are not kept).
    pub(crate) fn new(urls: Vec<String>) -> Self {
        Self {
            urls,
            events: Mutex::new(Vec::new()),
        }
    }

    /// Queues an event of type `kind` about `object`.
    pub(crate) fn push(&self, shared: &Shared, kind: &str, object: Value) {
        if self.urls.is_empty() {
            return;
        }
        let object_id = object["id"].as_str().unwrap_or_default().to_owned();
        let bytes = {
            let mut ledger = shared.ledger();
            let now = ledger.now();
            payload(&mut ledger, &shared.fixtures, kind, object, now)
        };
        let id = serde_json::from_slice::<Value>(&bytes)
            .ok()
            .and_then(|event| event["id"].as_str().map(str::to_owned))
            .unwrap_or_default();
        self.events().push(Outgoing {
            id,
            kind: kind.to_owned(),
            object_id,
            payload: Arc::new(bytes),
            attempts: 0,
            delivered: false,
            sending: false,
            next_attempt: Instant::now(),
        });
    }

    /// Every event with its deliveries: `id`, `type`, `object_id`, `attempts`, `delivered`.
    pub(crate) fn summary(&self) -> Value {
        let events: Vec<Value> = self
            .events()
            .iter()
            .map(|e| {
                json!({
                    "id": e.id,
                    "type": e.kind,
                    "object_id": e.object_id,
                    "attempts": e.attempts,
                    "delivered": e.delivered,
                })
            })
            .collect();
        Value::Array(events)
    }

    fn events(&self) -> MutexGuard<'_, Vec<Outgoing>> {
        self.events.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The oldest event due, marked as being sent, with the URL its attempt goes to.
    fn take_due(&self) -> Option<Attempt> {
        let now = Instant::now();
        let mut events = self.events();
        let (index, event) = events
            .iter_mut()
            .enumerate()
            .find(|(_, e)| !e.delivered && !e.sending && e.next_attempt <= now)?;
        event.sending = true;
        let url = self.urls[event.attempts as usize % self.urls.len()].clone();
        event.attempts += 1;
        Some(Attempt {
            index,
            url,
            payload: Arc::clone(&event.payload),
        })
    }

    /// Records how the attempt on event `index` went.
    fn finish(&self, index: usize, delivered: bool) {
        let mut events = self.events();
        let event = &mut events[index];
        event.sending = false;
        event.delivered = delivered;
        event.next_attempt = Instant::now() + RETRY_AFTER;
    }
}

/// Starts `senders` tasks that deliver the outbox's events for as long as the runtime
/// runs.
pub(crate) fn spawn_senders(outbox: &Arc<Outbox>, shared: &Arc<Shared>, senders: usize) {
    let client = reqwest::Client::builder().timeout(TIMEOUT).build();
    let Ok(client) = client else {
        eprintln!("fake-stripe: no HTTP client; webhooks are not delivered");
        return;
    };
    for _ in 0..senders {
        let (outbox, shared, client) = (Arc::clone(outbox), Arc::clone(shared), client.clone());
        tokio::spawn(async move {
            loop {
                let Some(attempt) = outbox.take_due() else {
                    tokio::time::sleep(IDLE).await;
                    continue;
                };
                let now = shared.ledger().now();
                let signature = signature_header(&attempt.payload, WEBHOOK_SECRET, now);
                let sent = client
                    .post(&attempt.url)
                    .header("content-type", "application/json")
                    .header("stripe-signature", signature)
                    .body(attempt.payload.to_vec())
                    .send()
                    .await;
                let delivered = sent.is_ok_and(|response| response.status().is_success());
                outbox.finish(attempt.index, delivered);
            }
        });
    }
}
