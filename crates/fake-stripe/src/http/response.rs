//! Answers as Stripe sends them: pretty JSON with Stripe's headers (`Stripe-Version`,
//! `Request-Id`, the `Idempotency-Key` echoed, `Idempotent-Replayed`,
//! `Stripe-Should-Retry: false` on 4xx).

use axum::body::Body;
use axum::http::{HeaderValue, header};
use axum::response::Response;

use crate::error::Answer;
use crate::fixtures::API_VERSION;

pub(super) fn respond(
    answer: &Answer,
    request_id: &str,
    idempotency_key: Option<&str>,
    replayed: bool,
) -> Response {
    let bytes = serde_json::to_vec_pretty(&answer.body).expect("JSON values serialise");
    let mut response = Response::new(Body::from(bytes));
    *response.status_mut() = answer.status;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    headers.insert("stripe-version", HeaderValue::from_static(API_VERSION));
    if let Ok(value) = HeaderValue::from_str(request_id) {
        headers.insert("request-id", value);
    }
    if let Some(value) = idempotency_key.and_then(|key| HeaderValue::from_str(key).ok()) {
        headers.insert("idempotency-key", value);
    }
    if replayed {
        headers.insert("idempotent-replayed", HeaderValue::from_static("true"));
    }
    if answer.status.is_client_error() {
        headers.insert("stripe-should-retry", HeaderValue::from_static("false"));
    }
    response
}
