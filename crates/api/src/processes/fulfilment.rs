//! Fulfilment: confirming orders (which creates their production tickets), moving
//! tickets and the order with them, and re-planning a ticket after a decline or a delay.
//! Handlers for workshops, counters and operators call these; the rules come from
//! `domain::ticket` and `domain::quote`, the storage from `db::tickets`.

use std::collections::{BTreeMap, BTreeSet};

use time::OffsetDateTime;

use db::tickets::{PaidElsewhere, TicketReplan, TicketUpdate};
use domain::actor::Actor;
use domain::calendar::WorkMinutes;
use domain::catalogue::{ProductId, WorkshopId};
use domain::event::EventKind;
use domain::order::{Order, OrderId, OrderItem, OrderStatus};
use domain::quote::{Workshop, leaves_workshop_by, ready_by};
use domain::schedule::{DayLoad, ProductionPlan, earliest_start, plan_production};
use domain::ticket::{Ticket, TicketId, TicketMove, TicketStatus, order_status_for};

use crate::AppState;
use crate::error::{ApiError, ApiResult, Busy};
use crate::processes::{billing, refunds, retry};

/// Confirms a placed order and creates its tickets, due when each item must leave its
/// workshop. `Ok(false)` if the order is no longer `placed`.
pub async fn confirm_order(
    state: &AppState,
    order: &Order,
    actor: &Actor,
    note: &str,
) -> ApiResult<bool> {
    confirm_paid_elsewhere(state, order, (actor, note), PaidElsewhere::default()).await
}

/// [`confirm_order`] for an order paid outside the card flow: the payment is recorded and
/// its card payments cancelled in the same transaction as the confirmation.
pub async fn confirm_paid_elsewhere(
    state: &AppState,
    order: &Order,
    (actor, note): (&Actor, &str),
    paid: PaidElsewhere<'_>,
) -> ApiResult<bool> {
    let Ok(confirm) = order.status.transition(OrderStatus::Confirmed) else {
        return Ok(false);
    };
    let workshops = db::catalogue::planning_workshops(&state.db).await?;
    let mut due_by_line = BTreeMap::new();
    for item in &order.items {
        let workshop = workshop_of(&workshops, item.terms.workshop_id)?;
        let plan = ProductionPlan::from_slots(item.reserved.clone())
            .ok_or_else(|| internal(format!("line {} has no reservation", item.line_no)))?;
        let due = leaves_workshop_by(workshop, &plan).map_err(|e| ApiError::Internal(e.into()))?;
        due_by_line.insert(item.line_no, due);
    }
    let now = state.clock.now();
    let confirmed = db::tickets::confirm(
        &state.db,
        &order.terms.id,
        confirm,
        &due_by_line,
        (actor, note, now),
        paid,
    )
    .await?;
    if confirmed && !paid.voids.is_empty() {
        refunds::send_for_order(state, &order.terms.id).await;
    }
    Ok(confirmed)
}

/// Moves a ticket as a workshop asked, moving the order when its tickets now imply it.
/// A decline re-plans the item into another slot, or declines the order.
pub async fn move_ticket(
    state: &AppState,
    ticket_id: TicketId,
    workshop: WorkshopId,
    to: TicketStatus,
    actor: &Actor,
    note: &str,
) -> ApiResult<Ticket> {
    for _ in retry::attempts() {
        let ticket = workshop_ticket(state, ticket_id, workshop).await?;
        let change = ticket
            .status
            .transition(to)
            .map_err(|e| ApiError::from_domain(e, "/status"))?;
        let done = if to == TicketStatus::Declined {
            decline(state, &ticket, change, actor, note).await?
        } else {
            advance(state, &ticket, change, actor, note).await?
        };
        if done {
            return workshop_ticket(state, ticket_id, workshop).await;
        }
    }
    Err(ApiError::Busy(Busy::Ticket))
}

/// The counter receives dispatched tickets one by one; the order follows.
pub async fn receive_ticket(state: &AppState, ticket: &Ticket, actor: &Actor) -> ApiResult<bool> {
    let change = ticket
        .status
        .receive()
        .map_err(|e| ApiError::from_domain(e, "/ticket_ids"))?;
    advance(state, ticket, change, actor, "received at the counter").await
}

async fn advance(
    state: &AppState,
    ticket: &Ticket,
    change: TicketMove,
    actor: &Actor,
    note: &str,
) -> ApiResult<bool> {
    let order = stored_order(state, &ticket.order_id).await?;
    let tickets = db::tickets::for_order(&state.db, &ticket.order_id).await?;
    let statuses: Vec<TicketStatus> = tickets
        .iter()
        .map(|t| {
            if t.id == ticket.id {
                change.to()
            } else {
                t.status
            }
        })
        .collect();
    let update = TicketUpdate {
        ticket_id: ticket.id,
        change,
        order: order_status_for(order.status, &statuses),
        actor,
        note,
        at: state.clock.now(),
    };
    let moved = db::tickets::move_ticket(&state.db, &update).await?;
    let ready = update.order.is_some_and(|m| m.to() == OrderStatus::Ready);
    if moved && ready {
        // The move is done; a payment provider failure must not undo or hide it. The
        // balance then stays due and the counter collects it.
        if let Err(error) = billing::charge_balance(state, &ticket.order_id).await {
            tracing::warn!(%error, order = %ticket.order_id, "charging the balance failed");
            let note = "the balance could not be charged now; it will be collected at the counter";
            db::events::note(
                &state.db,
                &ticket.order_id,
                EventKind::PaymentBalanceAtCounter,
                note,
                update.at,
            )
            .await?;
        }
    }
    Ok(moved)
}

async fn decline(
    state: &AppState,
    ticket: &Ticket,
    decline: TicketMove,
    actor: &Actor,
    note: &str,
) -> ApiResult<bool> {
    let order = stored_order(state, &ticket.order_id).await?;
    let item = item_of(&order, ticket)?;
    let context = PlanContext::load(state, &order, item).await?;
    // The declined slot is not offered again: its days count as full.
    let mut load = context.load_without_item.clone();
    for slot in &item.reserved {
        load.add(slot.date, context.workshop.calendar.capacity_on(slot.date));
    }
    let now = state.clock.now();
    let start = earliest_start(&context.workshop.calendar, now, context.lead_days);
    let replanned = context.plan_from(&load, start)?;
    let note = if note.is_empty() {
        "declined by the workshop"
    } else {
        note
    };
    match replanned {
        Some((plan, ready, due)) if ready <= order.terms.trip.pickup_deadline => {
            let note = format!("{note}; re-planned into another slot");
            let requeue = decline
                .requeued()
                .ok_or_else(|| internal("a decline that is not one".into()))?;
            let change = TicketReplan {
                ticket_id: ticket.id,
                change: requeue,
                plan,
                ready_by: ready,
                due_at: due,
                at_risk: false,
                kind: EventKind::TicketReplanned,
                actor,
                note: &note,
                at: now,
            };
            retry::done(db::tickets::replan(&state.db, &change, &context.workshops).await)
        }
        _ => {
            let order_from = order.status;
            let order_move = order_from
                .transition(OrderStatus::Declined)
                .map_err(|e| ApiError::from_domain(e, "/status"))?;
            let because = (actor, note, now);
            let money_back = refunds::decide(state, &order, order_from, true).await?;
            let declined = db::tickets::decline_order(
                &state.db,
                ticket.id,
                decline,
                order_move,
                because,
                &money_back,
            )
            .await?;
            if declined {
                refunds::send_for_order(state, &order.terms.id).await;
            }
            Ok(declined)
        }
    }
}

/// Reports a delay of `working_days` on a ticket: its production moves that much later
/// (into free capacity), and the order is flagged at risk when it would now miss the
/// pickup deadline.
pub async fn delay_ticket(
    state: &AppState,
    ticket_id: TicketId,
    workshop: WorkshopId,
    working_days: u16,
    actor: &Actor,
    note: &str,
) -> ApiResult<Ticket> {
    for _ in retry::attempts() {
        let ticket = workshop_ticket(state, ticket_id, workshop).await?;
        let delay = ticket
            .status
            .reschedule()
            .map_err(|e| ApiError::from_domain(e, "/working_days"))?;
        let order = stored_order(state, &ticket.order_id).await?;
        let item = item_of(&order, &ticket)?;
        let context = PlanContext::load(state, &order, item).await?;
        let now = state.clock.now();
        let today = context.workshop.calendar.local_date(now);
        let first = item
            .reserved
            .first()
            .map_or(today, |slot| slot.date.max(today));
        let start = context
            .workshop
            .calendar
            .add_working_days(first, working_days)
            .ok_or_else(|| internal("the workshop never works".into()))?;
        let Some((plan, ready, due)) = context.plan_from(&context.load_without_item, start)? else {
            return Err(ApiError::invalid(
                "no-capacity",
                "/working_days",
                "no free capacity after that delay",
            ));
        };
        let at_risk = ready > order.terms.trip.pickup_deadline;
        let note = format!("delayed {working_days} working day(s): {note}");
        let change = TicketReplan {
            ticket_id: ticket.id,
            change: delay,
            plan,
            ready_by: ready,
            due_at: due,
            at_risk,
            kind: EventKind::TicketDelayed,
            actor,
            note: &note,
            at: now,
        };
        if retry::done(db::tickets::replan(&state.db, &change, &context.workshops).await)? {
            return workshop_ticket(state, ticket_id, workshop).await;
        }
    }
    Err(ApiError::Busy(Busy::Ticket))
}

/// What re-planning one item needs.
struct PlanContext {
    workshops: BTreeMap<WorkshopId, Workshop>,
    workshop: Workshop,
    counter: domain::counter::Counter,
    load_without_item: DayLoad,
    lead_days: u16,
    minutes: WorkMinutes,
}

impl PlanContext {
    async fn load(state: &AppState, order: &Order, item: &OrderItem) -> ApiResult<Self> {
        let workshops = db::catalogue::planning_workshops(&state.db).await?;
        let workshop = workshop_of(&workshops, item.terms.workshop_id)?.clone();
        let counters = db::catalogue::counters(&state.db).await?;
        let counter = counters
            .into_iter()
            .find(|c| c.counter.id == order.terms.trip.counter_id)
            .ok_or_else(|| internal("the order's counter is gone".into()))?
            .counter;
        let products =
            db::catalogue::products_by_id(&state.db, &BTreeSet::from([item.terms.product_id]))
                .await?;
        let lead_days = products
            .get(&ProductId(item.terms.product_id.0))
            .map_or(0, |p| p.product.lead_days);
        let today = workshop.calendar.local_date(state.clock.now());
        let ids = BTreeSet::from([workshop.id]);
        let mut loads = db::capacity::day_loads(&state.db, &ids, today).await?;
        let mut load = loads.remove(&workshop.id).unwrap_or_default();
        item.reserved
            .iter()
            .for_each(|slot| load.remove(slot.date, slot.minutes));
        let minutes = item
            .terms
            .unit_minutes
            .saturating_mul(item.terms.quantity.into());
        Ok(PlanContext {
            workshops,
            workshop,
            counter,
            load_without_item: load,
            lead_days,
            minutes,
        })
    }

    /// A plan from `start` on, with its ready-by at the counter and its due time.
    fn plan_from(
        &self,
        load: &DayLoad,
        start: time::Date,
    ) -> ApiResult<Option<(ProductionPlan, OffsetDateTime, OffsetDateTime)>> {
        let Some(plan) = plan_production(&self.workshop.calendar, load, start, self.minutes) else {
            return Ok(None);
        };
        let ready = ready_by(&self.workshop, &plan, &self.counter)
            .map_err(|e| ApiError::Internal(e.into()))?;
        let due =
            leaves_workshop_by(&self.workshop, &plan).map_err(|e| ApiError::Internal(e.into()))?;
        Ok(Some((plan, ready, due)))
    }
}

/// The ticket if it belongs to `workshop`; 404 otherwise.
pub async fn workshop_ticket(
    state: &AppState,
    id: TicketId,
    workshop: WorkshopId,
) -> ApiResult<Ticket> {
    db::tickets::find(&state.db, id)
        .await?
        .filter(|t| t.workshop_id == workshop)
        .ok_or(ApiError::NotFound("ticket"))
}

/// The orders that may miss their pickup deadline, with their tickets, soonest
/// deadline first.
pub async fn orders_at_risk(state: &AppState) -> ApiResult<Vec<(Order, Vec<Ticket>)>> {
    let mut ids = db::orders::planned_past_deadline(&state.db).await?;
    for id in db::tickets::orders_with_tickets_at_risk(&state.db).await? {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    let mut listed = Vec::new();
    for id in ids {
        let order = stored_order(state, &id).await?;
        let tickets = db::tickets::for_order(&state.db, &id).await?;
        if domain::ticket::order_at_risk(&order, &tickets) {
            listed.push((order, tickets));
        }
    }
    listed.sort_by_key(|(order, _)| order.terms.trip.pickup_deadline);
    Ok(listed)
}

/// An order's tickets.
pub async fn tickets_of(state: &AppState, order: &OrderId) -> ApiResult<Vec<Ticket>> {
    Ok(db::tickets::for_order(&state.db, order).await?)
}

/// The order a ticket belongs to.
pub async fn ticket_order(state: &AppState, ticket: &Ticket) -> ApiResult<Order> {
    stored_order(state, &ticket.order_id).await
}

/// The order a ticket belongs to and the ticket's history.
pub async fn ticket_story(
    state: &AppState,
    ticket: &Ticket,
) -> ApiResult<(Order, Vec<domain::ticket::TicketChange>)> {
    let order = ticket_order(state, ticket).await?;
    let history = db::tickets::history(&state.db, ticket.id).await?;
    Ok((order, history))
}

async fn stored_order(state: &AppState, id: &OrderId) -> ApiResult<Order> {
    db::orders::find(&state.db, id)
        .await?
        .ok_or_else(|| internal(format!("order {id} is gone")))
}

fn item_of<'a>(order: &'a Order, ticket: &Ticket) -> ApiResult<&'a OrderItem> {
    order
        .items
        .iter()
        .find(|item| item.id == ticket.order_item_id)
        .ok_or_else(|| internal(format!("ticket {} has no item", ticket.id)))
}

fn workshop_of(workshops: &BTreeMap<WorkshopId, Workshop>, id: WorkshopId) -> ApiResult<&Workshop> {
    workshops
        .get(&id)
        .ok_or_else(|| internal(format!("workshop {} is gone", id.0)))
}

fn internal(message: String) -> ApiError {
    ApiError::Internal(anyhow::anyhow!(message))
}
