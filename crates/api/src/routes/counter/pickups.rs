//! Looking an order up by its pickup code, and the counter's lists of the day: orders
//! due for pickup and tickets on their way.

use std::collections::{BTreeMap, BTreeSet};

use axum::Json;
use axum::extract::{Path, Query};
use time::{Duration, Time};

use db::orders::StoredOrder;
use db::tickets::TicketRecord;
use domain::catalogue::ProductId;
use domain::order::OrderStatus;
use domain::ticket::{TicketStatus, ticket_number};

use crate::auth::Staff;
use crate::error::{ApiError, Problem};
use crate::extract::Negotiated;
use crate::routes::State;

use super::CounterResult;
use super::facts::OrderFacts;
use super::limits::order_for_code;
use super::records::{item_of, name_of, product_names};
use super::wire::{DueOrder, DueQuery, IncomingTicket, PickupView};

/// Looks an order up by its pickup code (any case, dashes optional) for this counter:
/// the traveller's name, the items with their tickets and whether each is at the
/// counter, the balance due and the tax refund a handover would record. An unknown code
/// and another counter's order answer the same 404.
#[utoipa::path(get, path = "/api/v1/counter/pickups/{code}", tag = "counter", security(("staff_session" = [])),
    params(("code" = String, Path, description = "The pickup code, e.g. 7KQ2-M9XA-4"),
           ("Accept-Language" = Option<String>, Header, description = "en, ko, ja or zh")),
    responses((status = 200, body = PickupView), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 404, body = Problem),
              (status = 429, description = "Too many failed look-ups; see Retry-After", body = Problem,
               headers(("Retry-After" = u64, description = "Seconds until look-ups are allowed again")))))]
pub(crate) async fn lookup(
    state: State,
    staff: Staff,
    Negotiated(language): Negotiated,
    Path(code): Path<String>,
) -> CounterResult<Json<PickupView>> {
    let counter = staff.counter()?;
    let (order, lookup) = order_for_code(&state, &staff, counter, &code).await?;
    db::handovers::lookup_succeeded(&state.db, lookup).await?;
    let facts = OrderFacts::load(&state, order).await?;
    Ok(Json(facts.view(&state, language).await?))
}

/// This counter's orders due for pickup today or tomorrow (Seoul time) with items at the
/// counter or on their way, by pickup deadline.
#[utoipa::path(get, path = "/api/v1/counter/pickups", tag = "counter", security(("staff_session" = [])),
    params(DueQuery, ("Accept-Language" = Option<String>, Header, description = "en, ko, ja or zh")),
    responses((status = 200, body = [DueOrder]), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 422, body = Problem)))]
pub(crate) async fn list_due(
    state: State,
    staff: Staff,
    Negotiated(language): Negotiated,
    query: Result<Query<DueQuery>, axum::extract::rejection::QueryRejection>,
) -> CounterResult<Json<Vec<DueOrder>>> {
    let counter = staff.counter()?;
    let Query(query) = query.map_err(|e| ApiError::invalid("invalid-field", "", e.body_text()))?;
    let offset = match query.due.as_deref().unwrap_or("today") {
        "today" => 0,
        "tomorrow" => 1,
        other => {
            let detail = format!("due {other:?} is not today or tomorrow");
            return Err(ApiError::invalid("invalid-field", "/due", detail).into());
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
        let facts = OrderFacts::load(&state, order).await?;
        let live: Vec<&TicketRecord> = facts.live_tickets().collect();
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
            order_id: facts.order.terms.id.clone(),
            traveller_name: facts.order.terms.traveller.name.clone(),
            status: facts.order.terms.status.code(),
            pickup_deadline: facts.order.terms.trip.pickup_deadline.into(),
            items_at_counter: at_counter,
            items_on_the_way: on_the_way,
            items_elsewhere: remaining - at_counter - on_the_way,
            items: facts.items(&state, language).await?,
        });
    }
    Ok(Json(due))
}

/// Tickets dispatched to this counter and not yet received, by the time they were due to
/// leave their workshop.
#[utoipa::path(get, path = "/api/v1/counter/incoming", tag = "counter", security(("staff_session" = [])),
    params(("Accept-Language" = Option<String>, Header, description = "en, ko, ja or zh")),
    responses((status = 200, body = [IncomingTicket]), (status = 401, body = Problem),
              (status = 403, body = Problem)))]
pub(crate) async fn list_incoming(
    state: State,
    staff: Staff,
    Negotiated(language): Negotiated,
) -> CounterResult<Json<Vec<IncomingTicket>>> {
    let counter = staff.counter()?;
    let tickets =
        db::tickets::for_counter(&state.db, counter.0, &[TicketStatus::Dispatched]).await?;
    let mut orders: BTreeMap<String, StoredOrder> = BTreeMap::new();
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
    let names = product_names(&state, &products, language).await?;
    let mut incoming = Vec::with_capacity(tickets.len());
    for ticket in &tickets {
        let order = &orders[&ticket.order_id];
        let item = item_of(order, ticket)?;
        incoming.push(IncomingTicket {
            ticket_id: ticket.id,
            ticket: ticket_number(ticket.id.into()),
            order_id: ticket.order_id.clone(),
            traveller_name: order.terms.traveller.name.clone(),
            pickup_deadline: order.terms.trip.pickup_deadline.into(),
            workshop_id: ticket.workshop_id,
            product_id: item.terms.product_id.0,
            product_name: name_of(&names, item.terms.product_id),
            quantity: item.terms.quantity,
            due_at: ticket.due_at.into(),
        });
    }
    Ok(Json(incoming))
}
