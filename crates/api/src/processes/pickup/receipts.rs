//! Receiving goods from the workshops at the counter, ticket by ticket.

use domain::actor::Actor;
use domain::counter::CounterId;
use domain::order::OrderStatus;
use domain::ticket::{Ticket, TicketId, TicketStatus};

use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiError, ApiResult};
use crate::processes::fulfilment::receive_ticket;
use crate::processes::pickup::records::{counter_ticket, order_status};
use crate::processes::pickup::rules::MAX_RECEIPT_TICKETS;
use crate::processes::retry;
use crate::wire::{RECEIVED, ReceiptResponse, ReceiptResult, TicketRef};

/// Receives goods from the workshops: each ticket must be dispatched and bound for this
/// counter. Answers per ticket; a ticket of another counter is refused exactly like an
/// unknown one. The order moves to `at_counter` when all its items are here.
pub async fn receive(
    state: &AppState,
    staff: &Staff,
    ticket_ids: &[TicketRef],
) -> ApiResult<ReceiptResponse> {
    let counter = staff.counter()?;
    if ticket_ids.is_empty() || ticket_ids.len() > MAX_RECEIPT_TICKETS {
        let detail = format!("name 1 to {MAX_RECEIPT_TICKETS} tickets");
        return Err(ApiError::invalid("invalid-field", "/ticket_ids", detail));
    }
    let actor = staff.actor();
    let mut results = Vec::with_capacity(ticket_ids.len());
    for given in ticket_ids {
        results.push(receive_one(state, counter, given, &actor).await?);
    }
    let received = results.iter().filter(|r| r.was_received()).count();
    let refused = results.len() - received;
    Ok(ReceiptResponse {
        results,
        received,
        refused,
    })
}

async fn receive_one(
    state: &AppState,
    counter: CounterId,
    given: &TicketRef,
    actor: &Actor,
) -> ApiResult<ReceiptResult> {
    let number = given.id().map(|id| TicketId(id).number());
    let refused = |reason, detail: String, ticket: Option<&Ticket>, order: Option<OrderStatus>| {
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
    let Some(id) = given.id().map(TicketId) else {
        return Ok(unknown());
    };
    for _ in retry::attempts() {
        let Some(ticket) = counter_ticket(state, id, counter).await? else {
            return Ok(unknown());
        };
        let number = id.number();
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
                    outcome: RECEIVED,
                    reason: None,
                    ticket_status: Some(TicketStatus::Received.code()),
                    order_status: Some(order.code()),
                    detail: format!("{number} received"),
                });
            }
            // It moved meanwhile: look again.
            Ok(false) | Err(ApiError::Conflict { .. }) => {}
            Err(error) => return Err(error),
        }
    }
    let detail = format!("{} kept changing while we tried; try again", given.given());
    Ok(refused("changed", detail, None, None))
}
