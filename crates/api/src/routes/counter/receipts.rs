//! Receiving goods from the workshops at the counter, ticket by ticket.

use axum::Json;

use db::tickets::TicketRecord;
use domain::counter::CounterId;
use domain::order::OrderStatus;
use domain::ticket::{TicketStatus, ticket_number};

use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiError, Problem};
use crate::extract::ApiJson;
use crate::fulfilment::receive_ticket;
use crate::routes::State;

use super::records::{counter_ticket, order_status};
use super::wire::{ReceiptRequest, ReceiptResponse, ReceiptResult, TicketRef};
use super::{CounterResult, MAX_ATTEMPTS, MAX_RECEIPT_TICKETS};

/// Receives goods from the workshops: each ticket must be dispatched and bound for this
/// counter. Answers per ticket; a ticket of another counter is refused exactly like an
/// unknown one. The order moves to `at_counter` when all its items are here.
#[utoipa::path(post, path = "/api/v1/counter/receipts", tag = "counter", security(("staff_session" = [])),
    request_body = ReceiptRequest,
    responses((status = 200, body = ReceiptResponse), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 422, body = Problem)))]
pub(crate) async fn receive(
    state: State,
    staff: Staff,
    ApiJson(request): ApiJson<ReceiptRequest>,
) -> CounterResult<Json<ReceiptResponse>> {
    let counter = staff.counter()?;
    if request.ticket_ids.is_empty() || request.ticket_ids.len() > MAX_RECEIPT_TICKETS {
        let detail = format!("name 1 to {MAX_RECEIPT_TICKETS} tickets");
        return Err(ApiError::invalid("invalid-field", "/ticket_ids", detail).into());
    }
    let actor = staff.actor();
    let mut results = Vec::with_capacity(request.ticket_ids.len());
    for given in &request.ticket_ids {
        results.push(receive_one(&state, counter, given, &actor).await?);
    }
    let received = results.iter().filter(|r| r.outcome == "received").count();
    let refused = results.len() - received;
    Ok(Json(ReceiptResponse {
        results,
        received,
        refused,
    }))
}

async fn receive_one(
    state: &AppState,
    counter: CounterId,
    given: &TicketRef,
    actor: &str,
) -> CounterResult<ReceiptResult> {
    let number = given.id().map(|id| ticket_number(id.into()));
    let refused =
        |reason, detail: String, ticket: Option<&TicketRecord>, order: Option<OrderStatus>| {
            ReceiptResult {
                given: given.given(),
                ticket: number.clone(),
                outcome: "refused",
                reason: Some(reason),
                ticket_status: ticket.map(|t| t.status.code()),
                order_status: order.map(OrderStatus::code),
                detail,
            }
        };
    let unknown = || {
        let detail = format!("no ticket {} is bound for this counter", given.given());
        refused("unknown", detail, None, None)
    };
    let Some(id) = given.id() else {
        return Ok(unknown());
    };
    for _ in 0..MAX_ATTEMPTS {
        let Some(ticket) = counter_ticket(state, id, counter).await? else {
            return Ok(unknown());
        };
        let number = ticket_number(id.into());
        match ticket.status {
            TicketStatus::Dispatched => {}
            TicketStatus::Received => {
                let order = order_status(state, &ticket.order_id).await?;
                let detail = format!("{number} was already received");
                return Ok(refused(
                    "already-received",
                    detail,
                    Some(&ticket),
                    Some(order),
                ));
            }
            other => {
                let order = order_status(state, &ticket.order_id).await?;
                let detail = format!("{number} has not been dispatched yet (it is {other})");
                return Ok(refused(
                    "not-dispatched",
                    detail,
                    Some(&ticket),
                    Some(order),
                ));
            }
        }
        match receive_ticket(state, &ticket, actor).await {
            Ok(true) => {
                let order = order_status(state, &ticket.order_id).await?;
                return Ok(ReceiptResult {
                    given: given.given(),
                    ticket: Some(number.clone()),
                    outcome: "received",
                    reason: None,
                    ticket_status: Some(TicketStatus::Received.code()),
                    order_status: Some(order.code()),
                    detail: format!("{number} received"),
                });
            }
            // It moved meanwhile: look again.
            Ok(false) | Err(ApiError::Conflict { .. }) => {}
            Err(error) => return Err(error.into()),
        }
    }
    let detail = format!("{} kept changing while we tried; try again", given.given());
    Ok(refused("changed", detail, None, None))
}
