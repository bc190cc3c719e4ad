//! Looking an order up by its pickup code, and the counter's lists of the day: orders
//! due for pickup and tickets on their way.

use std::collections::{BTreeMap, BTreeSet};

use time::{Duration, Time};

use domain::catalogue::ProductId;
use domain::language::Language;
use domain::order::{Order, OrderId, OrderStatus};
use domain::ticket::{Ticket, TicketStatus};

use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiError, ApiResult};
use crate::processes::pickup::facts::OrderFacts;
use crate::processes::pickup::limits::found_order;
use crate::processes::pickup::records::{item_of, name_of, product_names};
use crate::wire::{DueOrder, IncomingTicket, PickupView};

/// Looks an order up by its pickup code (any case, dashes optional) for this counter:
/// the traveller's name, the items with their tickets and whether each is at the
/// counter, the balance due and the tax refund a handover would record. An unknown code
/// and another counter's order answer the same 404.
pub async fn lookup(
    state: &AppState,
    staff: &Staff,
    code: &str,
    language: Language,
) -> ApiResult<PickupView> {
    let order = found_order(state, staff, code).await?;
    let facts = OrderFacts::load(state, order).await?;
    facts.view(state, language).await
}

/// This counter's orders due for pickup today or tomorrow (Seoul time) with items at the
/// counter or on their way, by pickup deadline.
pub async fn list_due(
    state: &AppState,
    staff: &Staff,
    due: Option<&str>,
    language: Language,
) -> ApiResult<Vec<DueOrder>> {
    let counter = staff.counter()?;
    let offset = match due.unwrap_or("today") {
        "today" => 0,
        "tomorrow" => 1,
        other => {
            let detail = format!("due {other:?} is not today or tomorrow");
            return Err(ApiError::invalid("invalid-field", "/due", detail));
        }
    };
    let today = state.clock.now().to_offset(domain::SEOUL).date();
    let day = today + Duration::days(offset);
    let from = day.with_time(Time::MIDNIGHT).assume_offset(domain::SEOUL);
    let until = from + Duration::days(1);
    let statuses = [
        OrderStatus::InProduction,
        OrderStatus::Ready,
        OrderStatus::AtCounter,
    ];
    let ids = db::handovers::orders_due(&state.db, counter, &statuses, from, until).await?;
    let mut due = Vec::new();
    for id in ids {
        let Some(order) = db::orders::find(&state.db, &id).await? else {
            continue;
        };
        let facts = OrderFacts::load(state, order).await?;
        let live: Vec<&Ticket> = facts.live_tickets().collect();
        let at_counter = live.iter().filter(|t| facts.at_counter(t)).count();
        let on_the_way = live
            .iter()
            .filter(|t| t.status == TicketStatus::Dispatched)
            .count();
        if at_counter + on_the_way == 0 {
            continue;
        }
        let remaining = live
            .iter()
            .filter(|t| !facts.handed_over.contains(&t.id))
            .count();
        due.push(DueOrder {
            order_id: facts.order.terms.id.to_string(),
            traveller_name: facts.order.terms.traveller.name.to_string(),
            status: facts.order.status.code(),
            pickup_deadline: facts.order.terms.trip.pickup_deadline.into(),
            items_at_counter: at_counter,
            items_on_the_way: on_the_way,
            items_elsewhere: remaining - at_counter - on_the_way,
            items: facts.items(state, language).await?,
        });
    }
    Ok(due)
}

/// Tickets dispatched to this counter and not yet received, by the time they were due to
/// leave their workshop.
pub async fn list_incoming(
    state: &AppState,
    staff: &Staff,
    language: Language,
) -> ApiResult<Vec<IncomingTicket>> {
    let counter = staff.counter()?;
    let tickets = db::tickets::for_counter(&state.db, counter, &[TicketStatus::Dispatched]).await?;
    let mut orders: BTreeMap<OrderId, Order> = BTreeMap::new();
    for ticket in &tickets {
        if !orders.contains_key(&ticket.order_id) {
            let order = db::orders::find(&state.db, &ticket.order_id)
                .await?
                .ok_or_else(|| {
                    ApiError::Internal(anyhow::anyhow!("ticket {} has no order", ticket.id))
                })?;
            orders.insert(ticket.order_id.clone(), order);
        }
    }
    let products: BTreeSet<ProductId> = orders
        .values()
        .flat_map(|o| o.items.iter().map(|i| i.terms.product_id))
        .collect();
    let names = product_names(state, &products, language).await?;
    let mut incoming = Vec::with_capacity(tickets.len());
    for ticket in &tickets {
        let order = &orders[&ticket.order_id];
        let item = item_of(order, ticket)?;
        incoming.push(IncomingTicket {
            ticket_id: ticket.id.0,
            ticket: ticket.id.number(),
            order_id: ticket.order_id.to_string(),
            traveller_name: order.terms.traveller.name.to_string(),
            pickup_deadline: order.terms.trip.pickup_deadline.into(),
            workshop_id: i32::try_from(ticket.workshop_id.0)
                .map_err(|e| ApiError::Internal(e.into()))?,
            product_id: item.terms.product_id.0,
            product_name: name_of(&names, item.terms.product_id),
            quantity: item.terms.quantity,
            due_at: ticket.due_at.into(),
        });
    }
    Ok(incoming)
}
