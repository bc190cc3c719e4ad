//! The test controls over HTTP, under `/_fake` (never affected by the outage switch), and
//! [`Process`], what they and the layer announcing API answers act on:
//! - `POST /_fake/payment_intents/{id}/succeed`: the traveller paid in the browser; the
//!   PaymentIntent succeeds and `payment_intent.succeeded` is delivered (404 if unknown).
//! - `POST /_fake/outage` with `{"on": true|false}`: every API request answers
//!   `500 api_error` while on.
//! - `GET /_fake/state`: `payment_intents` and `refunds` (the stored objects),
//!   `requests` (the journal: `endpoint`, `path`, `params`, `idempotency_key`, `status`,
//!   `replayed`) and `events` (each webhook event with its `attempts` and `delivered`).

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{Value, json};

use crate::process::outbox::Outbox;
use crate::resources::payment_intents;
use crate::state::Shared;

/// What the controls and the layer announcing API answers act on.
#[derive(Clone)]
pub(super) struct Process {
    pub(super) shared: Arc<Shared>,
    pub(super) outbox: Arc<Outbox>,
}

pub(super) fn router(process: Process) -> Router {
    Router::new()
        .route("/payment_intents/{id}/succeed", post(succeed))
        .route("/outage", post(outage))
        .route("/state", get(state))
        .with_state(process)
}

async fn succeed(
    State(process): State<Process>,
    Path(id): Path<String>,
) -> Result<Json<Value>, StatusCode> {
    let shared = &process.shared;
    let paid = payment_intents::succeed(&mut shared.ledger(), &shared.fixtures, &id)
        .ok_or(StatusCode::NOT_FOUND)?;
    process
        .outbox
        .push(shared, "payment_intent.succeeded", paid.clone());
    Ok(Json(paid))
}

async fn outage(State(process): State<Process>, Json(body): Json<Value>) -> StatusCode {
    let Some(on) = body["on"].as_bool() else {
        return StatusCode::UNPROCESSABLE_ENTITY;
    };
    process.shared.ledger().switches.outage = on;
    StatusCode::NO_CONTENT
}

async fn state(State(process): State<Process>) -> Json<Value> {
    let ledger = process.shared.ledger();
    let by_id = |objects: &std::collections::HashMap<String, Value>| {
        let mut all: Vec<Value> = objects.values().cloned().collect();
        all.sort_by_key(|o| o["id"].as_str().map(str::to_owned));
        all
    };
    let requests: Vec<Value> = ledger
        .journal
        .requests()
        .iter()
        .map(|r| {
            json!({
                "endpoint": r.endpoint,
                "path": r.path,
                "params": r.params,
                "idempotency_key": r.idempotency_key,
                "status": r.status,
                "replayed": r.replayed,
            })
        })
        .collect();
    let state = json!({
        "payment_intents": by_id(&ledger.intents),
        "refunds": by_id(&ledger.refunds),
        "requests": requests,
        "events": process.outbox.summary(),
    });
    Json(state)
}
