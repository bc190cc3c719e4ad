//! What the fake received, for tests to inspect: every request ([`RecordedRequest`]) and,
//! per endpoint, how many requests arrived and how many ran.

use std::collections::HashMap;

use serde_json::Value;

/// One request the fake received.
#[derive(Debug, Clone)]
pub struct RecordedRequest {
    /// E.g. `POST /v1/payment_intents/{id}/cancel` (the route, ids replaced by `{id}`).
    pub endpoint: String,
    /// The path as requested, e.g. `/v1/payment_intents/pi_…/cancel`.
    pub path: String,
    /// The form parameters as a JSON tree of strings (`metadata[order_id]` →
    /// `{"metadata": {"order_id": …}}`).
    pub params: Value,
    /// The `Idempotency-Key` header, if any.
    pub idempotency_key: Option<String>,
    /// The HTTP status answered.
    pub status: u16,
    /// Whether the answer was a stored idempotent response.
    pub replayed: bool,
}

/// The requests and the counts. Counts are kept under the route's name
/// (`POST /v1/payment_intents/{id}/cancel`) and under the concrete request
/// (`POST /v1/payment_intents/pi_…/cancel`).
#[derive(Default)]
pub(crate) struct Journal {
    ran: HashMap<String, usize>,
    received: HashMap<String, usize>,
    requests: Vec<RecordedRequest>,
}

impl Journal {
    /// A request arrived for `endpoint` (the route's name), as `concrete` (method and path).
    pub(crate) fn note_received(&mut self, endpoint: &str, concrete: &str) {
        tally(&mut self.received, endpoint, concrete);
    }

    /// The endpoint ran (the request was not a replay nor refused before it).
    pub(crate) fn note_ran(&mut self, endpoint: &str, concrete: &str) {
        tally(&mut self.ran, endpoint, concrete);
    }

    /// Keeps a request once answered.
    pub(crate) fn record(&mut self, request: RecordedRequest) {
        self.requests.push(request);
    }

    /// How many requests ran `endpoint` (a route's name or a concrete request).
    pub(crate) fn ran(&self, endpoint: &str) -> usize {
        self.ran.get(endpoint).copied().unwrap_or(0)
    }

    /// How many requests arrived for `endpoint`.
    pub(crate) fn received(&self, endpoint: &str) -> usize {
        self.received.get(endpoint).copied().unwrap_or(0)
    }

    /// Every request, oldest first.
    pub(crate) fn requests(&self) -> &[RecordedRequest] {
        &self.requests
    }

    /// The newest request to `endpoint` (a route's name or a concrete request).
    pub(crate) fn last(&self, endpoint: &str) -> Option<&RecordedRequest> {
        self.requests.iter().rev().find(|r| {
            r.endpoint == endpoint || format!("{} {}", method_of(&r.endpoint), r.path) == endpoint
        })
    }
}

fn tally(counts: &mut HashMap<String, usize>, endpoint: &str, concrete: &str) {
    *counts.entry(endpoint.to_owned()).or_default() += 1;
    if concrete != endpoint {
        *counts.entry(concrete.to_owned()).or_default() += 1;
    }
}

fn method_of(endpoint: &str) -> &str {
    endpoint.split(' ').next().unwrap_or_default()
}
