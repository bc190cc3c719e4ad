//! The fake as a process of its own ([`run_process`], the `fake-stripe` binary), for
//! harnesses that run the real server binary: beside Stripe's API it serves its controls
//! over HTTP (`controls`) and delivers webhook events to the servers as Stripe does
//! (`outbox`): every API answer that changes a PaymentIntent or makes a refund, and every
//! payment the harness completes, becomes a signed event.

mod controls;
mod outbox;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;
use serde_json::Value;

use crate::error::Error;
use crate::fixtures::Fixtures;
use crate::http;
use crate::state::Shared;
use controls::Process;
use outbox::Outbox;

/// Concurrent webhook deliveries.
const SENDERS: usize = 4;

/// Serves the fake on `addr` until the process ends, delivering webhook events to
/// `webhook_urls` (taking turns when one does not answer 2xx); prints
/// `fake-stripe listening on http://<addr>/` once bound.
///
/// # Errors
/// When the fixtures cannot be read or `addr` cannot be bound.
pub async fn run_process(addr: SocketAddr, webhook_urls: Vec<String>) -> Result<(), Error> {
    let shared = Arc::new(Shared::new(Fixtures::load()?));
    let outbox = Arc::new(Outbox::new(webhook_urls));
    outbox::spawn_senders(&outbox, &shared, SENDERS);
    let process = Process { shared, outbox };
    let api = http::router(Arc::clone(&process.shared)).layer(
        axum::middleware::from_fn_with_state(process.clone(), announce),
    );
    let app = Router::new()
        .nest("/_fake", controls::router(process))
        .merge(api);
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(Error::Bind)?;
    let bound = listener.local_addr().map_err(Error::NoLocalAddress)?;
    println!("fake-stripe listening on http://{bound}/");
    axum::serve(listener, app).await.map_err(Error::Bind)
}

/// Turns a successful, not replayed API answer into the event Stripe would send about it.
async fn announce(State(process): State<Process>, request: Request, next: Next) -> Response {
    let is_post = request.method() == Method::POST;
    let response = next.run(request).await;
    let replayed = response.headers().contains_key("idempotent-replayed");
    if !is_post || replayed || !response.status().is_success() {
        return response;
    }
    let (parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if let Ok(object) = serde_json::from_slice::<Value>(&bytes)
        && let Some(kind) = event_kind(&object)
    {
        process.outbox.push(&process.shared, kind, object);
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// The event an API answer's object calls for, if any.
fn event_kind(object: &Value) -> Option<&'static str> {
    match (object["object"].as_str()?, object["status"].as_str()?) {
        ("payment_intent", "succeeded") => Some("payment_intent.succeeded"),
        ("payment_intent", "canceled") => Some("payment_intent.canceled"),
        ("refund", _) => Some("refund.created"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::event_kind;

    #[test]
    fn answers_that_move_money_become_events() {
        let paid = json!({ "object": "payment_intent", "status": "succeeded" });
        let cancelled = json!({ "object": "payment_intent", "status": "canceled" });
        let refund = json!({ "object": "refund", "status": "succeeded" });
        assert_eq!(event_kind(&paid), Some("payment_intent.succeeded"));
        assert_eq!(event_kind(&cancelled), Some("payment_intent.canceled"));
        assert_eq!(event_kind(&refund), Some("refund.created"));
    }

    #[test]
    fn other_answers_do_not() {
        let created = json!({ "object": "payment_intent", "status": "requires_payment_method" });
        let customer = json!({ "object": "customer" });
        assert_eq!(event_kind(&created), None);
        assert_eq!(event_kind(&customer), None);
    }
}
