//! Signed webhook events: [`FakeStripe::event`] wraps an object in a Stripe `event` (from
//! the fixture) and signs it as Stripe does ([`signature_header`]: `t=…,v1=…`, HMAC-SHA256);
//! [`Signing`] varies the signature for tests of the receiving side.

use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;

use crate::fixtures::{API_VERSION, Fixtures};
use crate::server::FakeStripe;
use crate::state::Ledger;

/// The webhook signing secret [`FakeStripe::event`] signs with.
pub const WEBHOOK_SECRET: &str = "whsec_fake_gongbang_0123456789abcdef";

/// How [`FakeStripe::event_with`] signs an event.
#[derive(Debug, Clone)]
pub struct Signing {
    secret: String,
    age_secs: i64,
    also_signed_with: Vec<String>,
    extra_v1: Vec<String>,
}

impl Signing {
    /// Sign with `secret` at the fake's current time.
    pub fn new(secret: impl Into<String>) -> Self {
        Self {
            secret: secret.into(),
            age_secs: 0,
            also_signed_with: Vec::new(),
            extra_v1: Vec::new(),
        }
    }

    /// Put the timestamp `secs` seconds before the fake's now (negative: in the future).
    #[must_use]
    pub fn aged(mut self, secs: i64) -> Self {
        self.age_secs = secs;
        self
    }

    /// Add a `v1` signature made with another secret, as Stripe does while a secret is
    /// being rolled (it is listed after the main one).
    #[must_use]
    pub fn also_signed_with(mut self, secret: impl Into<String>) -> Self {
        self.also_signed_with.push(secret.into());
        self
    }

    /// Add a literal `v1=` value before the real signature (e.g. garbage or a stale
    /// signature).
    #[must_use]
    pub fn extra_v1(mut self, value: impl Into<String>) -> Self {
        self.extra_v1.push(value.into());
        self
    }

    /// The `Stripe-Signature` header for `payload` sent at `now`.
    fn header(&self, payload: &[u8], now: i64) -> String {
        let timestamp = now - self.age_secs;
        let mut header = format!("t={timestamp}");
        for value in &self.extra_v1 {
            header.push_str(&format!(",v1={value}"));
        }
        header.push_str(&format!(
            ",v1={}",
            signature_v1(payload, &self.secret, timestamp)
        ));
        for secret in &self.also_signed_with {
            header.push_str(&format!(",v1={}", signature_v1(payload, secret, timestamp)));
        }
        header
    }
}

/// The hex HMAC-SHA256 of `"{timestamp}.{payload}"` keyed with the whole secret, which is
/// Stripe's `v1` webhook signature.
pub fn signature_v1(payload: &[u8], secret: &str, timestamp: i64) -> String {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes any key length");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(payload);
    hex(&mac.finalize().into_bytes())
}

/// A `Stripe-Signature` header for `payload`: `t=<timestamp>,v1=<signature>`.
pub fn signature_header(payload: &[u8], secret: &str, timestamp: i64) -> String {
    format!(
        "t={timestamp},v1={}",
        signature_v1(payload, secret, timestamp)
    )
}

impl FakeStripe {
    /// A Stripe `event` of type `kind` (e.g. `payment_intent.succeeded`) about `object`,
    /// as its JSON payload and the `Stripe-Signature` header Stripe would send, signed with
    /// [`WEBHOOK_SECRET`] at the fake's now.
    pub fn event(&self, kind: &str, object: Value) -> (Vec<u8>, String) {
        self.event_with(kind, object, &Signing::new(WEBHOOK_SECRET))
    }

    /// Like [`FakeStripe::event`], signed as `signing` says (secret, timestamp, extra `v1`
    /// values).
    pub fn event_with(&self, kind: &str, object: Value, signing: &Signing) -> (Vec<u8>, String) {
        let (payload, now) = {
            let mut ledger = self.ledger();
            let now = ledger.now();
            (
                payload(&mut ledger, self.fixtures(), kind, object, now),
                now,
            )
        };
        let header = signing.header(&payload, now);
        (payload, header)
    }
}

/// The JSON of an event of type `kind` about `object`, created at `now`.
pub(crate) fn payload(
    ledger: &mut Ledger,
    fixtures: &Fixtures,
    kind: &str,
    object: Value,
    now: i64,
) -> Vec<u8> {
    let mut event = fixtures.event.clone();
    event["id"] = json!(ledger.id("evt"));
    event["type"] = json!(kind);
    event["created"] = json!(now);
    event["api_version"] = json!(API_VERSION);
    event["livemode"] = json!(false);
    event["pending_webhooks"] = json!(1);
    event["request"] = json!({"id": ledger.id("req"), "idempotency_key": null});
    event["data"] = json!({ "object": object });
    serde_json::to_vec(&event).expect("JSON values serialise")
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut out, byte| {
            let _ = write!(out, "{byte:02x}");
            out
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_matches_an_independent_hmac() {
        // printf '1700000000.{"id":1}' | openssl dgst -sha256 -hmac 'whsec_test'
        assert_eq!(
            signature_header(br#"{"id":1}"#, "whsec_test", 1_700_000_000),
            "t=1700000000,v1=2f441ba4b3b2d50d28a9ab9d9fd8880376ecd1eb5d0435401553f5d8d0a5dcf8"
        );
    }
}
