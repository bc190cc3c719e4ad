//! The counter's side: receiving goods from the workshops, looking an order up by its
//! pickup code, handing goods over (identity check, immediate tax refund, balance),
//! recording no-shows, and the lists of the day.
//!
//! Every handler checks that the caller is staff of a counter and only ever touches that
//! counter's tickets and orders: another counter's ticket or order answers exactly like
//! an unknown one. Every use of a pickup code is recorded in `pickup_lookups`; a staff
//! member with more than ten failed look-ups (unknown codes, or a name and passport
//! digits that do not match) within ten minutes gets 429 with `Retry-After`.

mod facts;
mod handover;
mod limits;
mod pickups;
mod receipts;
mod records;
mod wire;

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value};
use time::Duration;

use domain::order::OrderStatus;

use crate::error::ApiError;

pub(crate) use handover::{__path_handover, __path_no_show, handover, no_show};
pub(crate) use pickups::{
    __path_list_due, __path_list_incoming, __path_lookup, list_due, list_incoming, lookup,
};
pub(crate) use receipts::{__path_receive, receive};
pub use wire::{
    DueOrder, DueQuery, HandoverRequest, IncomingTicket, PickupItem, PickupView, ReceiptRequest,
    ReceiptResponse, TicketRef,
};

/// Failed pickup look-ups a staff member may make within [`LOOKUP_WINDOW`].
pub const MAX_FAILED_LOOKUPS: usize = 10;
/// The window failed look-ups are counted in.
pub const LOOKUP_WINDOW: Duration = Duration::minutes(10);
/// How long goods of a no-show are held at the counter (domain rules: default 30 days).
pub const NO_SHOW_HOLD: Duration = Duration::days(30);
/// The most tickets one receipt may name.
const MAX_RECEIPT_TICKETS: usize = 200;
/// How often a write is retried when the order changed underneath it.
const MAX_ATTEMPTS: usize = 8;
/// What a refused identity check says: never which of the two did not match.
const IDENTITY_MISMATCH: &str = "name and passport digits do not match the order";

/// Why a counter request was refused.
#[derive(Debug)]
pub(crate) enum Refusal {
    /// Any problem the API knows.
    Api(ApiError),
    /// Too many failed look-ups; allowed again after this wait.
    TooManyLookups(Duration),
}

type CounterResult<T> = Result<T, Refusal>;

impl From<ApiError> for Refusal {
    fn from(error: ApiError) -> Self {
        Refusal::Api(error)
    }
}

impl From<db::Error> for Refusal {
    fn from(error: db::Error) -> Self {
        Refusal::Api(error.into())
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        match self {
            Refusal::Api(error) => error.into_response(),
            Refusal::TooManyLookups(wait) => {
                let seconds = wait_seconds(wait);
                let detail =
                    format!("too many failed pickup look-ups; try again in {seconds} seconds");
                let mut response = ApiError::TooManyAttempts { detail }.into_response();
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
                response
            }
        }
    }
}

fn wait_seconds(wait: Duration) -> u64 {
    let whole = wait.whole_seconds() + i64::from(wait.subsec_nanoseconds() > 0);
    u64::try_from(whole.max(1)).unwrap_or(1)
}

fn not_found() -> Refusal {
    Refusal::Api(ApiError::NotFound("order"))
}

fn order_state(status: OrderStatus, detail: String) -> Refusal {
    let mut extensions = Map::new();
    extensions.insert("current_status".into(), Value::from(status.code()));
    Refusal::Api(ApiError::Conflict {
        kind: "order-state",
        detail,
        extensions,
    })
}

fn busy() -> Refusal {
    Refusal::Api(ApiError::Conflict {
        kind: "busy",
        detail: "the order kept changing while we tried; please look again".into(),
        extensions: Map::new(),
    })
}

/// 409 `not-at-counter`, listing each refused ticket with why.
fn not_at_counter(detail: String, problems: Vec<(String, String)>) -> Refusal {
    let mut extensions = Map::new();
    let tickets: Vec<Value> = problems
        .into_iter()
        .map(|(ticket, why)| serde_json::json!({ "ticket": ticket, "detail": why }))
        .collect();
    extensions.insert("tickets".into(), Value::from(tickets));
    Refusal::Api(ApiError::Conflict {
        kind: "not-at-counter",
        detail,
        extensions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tickets_are_named_by_id_or_printed_number() {
        assert_eq!(TicketRef::Id(42).id(), Some(42));
        assert_eq!(TicketRef::Number("T000042".into()).id(), Some(42));
        assert_eq!(TicketRef::Number("42".into()).id(), Some(42));
        assert_eq!(TicketRef::Number("X1".into()).id(), None);
        assert_eq!(TicketRef::Id(0).id(), None);
        assert_eq!(TicketRef::Id(-3).id(), None);
        assert_eq!(TicketRef::Id(i64::from(i32::MAX) + 1).id(), None);
    }

    #[test]
    fn ticket_lists_accept_numbers_and_strings() {
        let request: ReceiptRequest =
            serde_json::from_str(r#"{"ticket_ids": [7, "T000008", "9"]}"#).expect("parses");
        let ids: Vec<_> = request.ticket_ids.iter().map(TicketRef::id).collect();
        assert_eq!(ids, [Some(7), Some(8), Some(9)]);
    }

    #[test]
    fn waits_round_up_to_whole_seconds() {
        assert_eq!(wait_seconds(Duration::milliseconds(1)), 1);
        assert_eq!(wait_seconds(Duration::minutes(10)), 600);
        assert_eq!(wait_seconds(Duration::seconds(-5)), 1);
    }
}
