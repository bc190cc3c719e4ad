//! The counter's rules and refusals: how many look-ups may fail, how long no-show goods
//! are held, and the answers a counter request can be refused with.

use serde_json::{Map, Value};
use time::Duration;

use domain::order::OrderStatus;

use crate::error::ApiError;

/// Failed pickup look-ups a staff member may make within [`LOOKUP_WINDOW`].
pub(super) const MAX_FAILED_LOOKUPS: usize = 10;
/// The window failed look-ups are counted in.
pub(super) const LOOKUP_WINDOW: Duration = Duration::minutes(10);
/// How long goods of a no-show are held at the counter (domain rules: default 30 days).
pub(super) const NO_SHOW_HOLD: Duration = Duration::days(30);
/// The most tickets one receipt may name.
pub(super) const MAX_RECEIPT_TICKETS: usize = 200;
/// What a refused identity check says: never which of the two did not match.
pub(super) const IDENTITY_MISMATCH: &str = "name and passport digits do not match the order";

/// 404 for an unknown order, another counter's order and a bad code alike.
pub(super) fn not_found() -> ApiError {
    ApiError::NotFound("order")
}

/// 409 `order-state`: the order's status does not allow this.
pub(super) fn order_state(status: OrderStatus, detail: String) -> ApiError {
    let mut extensions = Map::new();
    extensions.insert("current_status".into(), Value::from(status.code()));
    ApiError::Conflict {
        kind: "order-state",
        detail,
        extensions,
    }
}

/// 409 `not-at-counter`, listing each refused ticket with why.
pub(super) fn not_at_counter(detail: String, problems: Vec<(String, String)>) -> ApiError {
    let mut extensions = Map::new();
    let tickets: Vec<Value> = problems
        .into_iter()
        .map(|(ticket, why)| serde_json::json!({ "ticket": ticket, "detail": why }))
        .collect();
    extensions.insert("tickets".into(), Value::from(tickets));
    ApiError::Conflict {
        kind: "not-at-counter",
        detail,
        extensions,
    }
}
