//! Fulfilment: confirming orders (which creates their production tickets), moving
//! tickets and the order with them, and re-planning a ticket after a decline or a delay.
//! Handlers for workshops, counters and operators call these; the rules come from
//! `domain::ticket` and `domain::quote`, the storage from `db::tickets`.

use std::collections::{BTreeMap, BTreeSet};

use time::OffsetDateTime;

use db::orders::{StoredItem, StoredOrder};
use db::tickets::{TicketMove, TicketRecord, TicketReplan};
use domain::calendar::WorkMinutes;
use domain::catalogue::{ProductId, WorkshopId};
use domain::order::OrderStatus;
use domain::quote::{Workshop, leaves_workshop_by, ready_by};
use domain::schedule::{DayLoad, ProductionPlan, earliest_start, plan_production};
use domain::ticket::{TicketStatus, order_status_for};

use crate::AppState;
use crate::error::{ApiError, ApiResult};

/// How often a move is retried when something changed underneath it.
const MAX_ATTEMPTS: usize = 12;

/// Confirms a placed order and creates its tickets, due when each item must leave its
/// workshop. `Ok(false)` if the order is no longer `placed`.
pub async fn confirm_order(
    state: &AppState,
    order: &StoredOrder,
    actor: &str,
    note: &str,
) -> ApiResult<bool> {
    let workshops = db::catalogue::planning_workshops(&state.db).await?;
    let mut due_by_line = BTreeMap::new();
    for item in &order.items {
        let workshop = workshop_of(&workshops, item.terms.workshop_id)?;
        let plan = ProductionPlan::from_slots(item.reserved.clone())
            .ok_or_else(|| internal(format!("line {} has no reservation", item.line_no)))?;
        let due = leaves_workshop_by(workshop, &plan).map_err(|e| ApiError::Internal(e.into()))?;
        due_by_line.insert(item.line_no, due);
    }
    let from = order.terms.status;
    let now = state.clock.now();
    Ok(db::tickets::confirm(
        &state.db,
        &order.terms.id,
        from,
        &due_by_line,
        actor,
        note,
        now,
    )
    .await?)
}

/// Moves a ticket as a workshop asked, moving the order when its tickets now imply it.
/// A decline re-plans the item into another slot, or declines the order.
pub async fn move_ticket(
    state: &AppState,
    ticket_id: i32,
    workshop: WorkshopId,
    to: TicketStatus,
    actor: &str,
    note: &str,
) -> ApiResult<TicketRecord> {
    for _ in 0..MAX_ATTEMPTS {
        let ticket = workshop_ticket(state, ticket_id, workshop).await?;
        let to = ticket
            .status
            .transition(to)
            .map_err(|e| ApiError::from_domain(e, "/status"))?;
        let done = if to == TicketStatus::Declined {
            decline(state, &ticket, actor, note).await?
        } else {
            advance(state, &ticket, to, actor, note).await?
        };
        if done {
            return workshop_ticket(state, ticket_id, workshop).await;
        }
    }
    Err(busy())
}

/// The counter receives dispatched tickets one by one; the order follows.
pub async fn receive_ticket(
    state: &AppState,
    ticket: &TicketRecord,
    actor: &str,
) -> ApiResult<bool> {
    let to = ticket
        .status
        .receive()
        .map_err(|e| ApiError::from_domain(e, "/ticket_ids"))?;
    advance(state, ticket, to, actor, "received at the counter").await
}

async fn advance(
    state: &AppState,
    ticket: &TicketRecord,
    to: TicketStatus,
    actor: &str,
    note: &str,
) -> ApiResult<bool> {
    let order = stored_order(state, &ticket.order_id).await?;
    let tickets = db::tickets::for_order(&state.db, &ticket.order_id).await?;
    let statuses: Vec<TicketStatus> = tickets
        .iter()
        .map(|t| if t.id == ticket.id { to } else { t.status })
        .collect();
    let order_move =
        order_status_for(order.terms.status, &statuses).map(|next| (order.terms.status, next));
    let change = TicketMove {
        ticket_id: ticket.id,
        from: ticket.status,
        to,
        order: order_move,
        actor,
        note,
        at: state.clock.now(),
    };
    let moved = db::tickets::move_ticket(&state.db, &change).await?;
    if moved && matches!(change.order, Some((_, OrderStatus::Ready))) {
        // The move is done; a payment provider failure must not undo or hide it. The
        // balance then stays due and the counter collects it.
        if let Err(error) = crate::billing::charge_balance(state, &ticket.order_id).await {
            tracing::warn!(%error, order = %ticket.order_id, "charging the balance failed");
            let note = "the balance could not be charged now; it will be collected at the counter";
            db::events::note(
                &state.db,
                &ticket.order_id,
                "payment.balance_at_counter",
                note,
                change.at,
            )
            .await?;
        }
    }
    Ok(moved)
}

async fn decline(
    state: &AppState,
    ticket: &TicketRecord,
    actor: &str,
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
            let change = TicketReplan {
                ticket_id: ticket.id,
                from: ticket.status,
                to: TicketStatus::Queued,
                plan,
                ready_by: ready,
                due_at: due,
                at_risk: false,
                kind: "ticket.replanned",
                actor,
                note: &note,
                at: now,
            };
            transient(db::tickets::replan(&state.db, &change, &context.workshops).await)
        }
        _ => {
            let order_from = order.terms.status;
            let declined = db::tickets::decline_order(
                &state.db,
                ticket.id,
                ticket.status,
                order_from,
                actor,
                note,
                now,
            );
            let declined = declined.await?;
            if declined {
                crate::billing::refund_by_policy(state, &order.terms.id, order_from, true).await?;
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
    ticket_id: i32,
    workshop: WorkshopId,
    working_days: u16,
    actor: &str,
    note: &str,
) -> ApiResult<TicketRecord> {
    for _ in 0..MAX_ATTEMPTS {
        let ticket = workshop_ticket(state, ticket_id, workshop).await?;
        if !matches!(
            ticket.status,
            TicketStatus::Queued
                | TicketStatus::Accepted
                | TicketStatus::InProduction
                | TicketStatus::QualityCheck
        ) {
            return Err(ApiError::from_domain(
                domain::Error::IllegalTicketTransition {
                    from: ticket.status,
                    to: ticket.status,
                },
                "/working_days",
            ));
        }
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
            from: ticket.status,
            to: ticket.status,
            plan,
            ready_by: ready,
            due_at: due,
            at_risk,
            kind: "ticket.delayed",
            actor,
            note: &note,
            at: now,
        };
        if transient(db::tickets::replan(&state.db, &change, &context.workshops).await)? {
            return workshop_ticket(state, ticket_id, workshop).await;
        }
    }
    Err(busy())
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
    async fn load(state: &AppState, order: &StoredOrder, item: &StoredItem) -> ApiResult<Self> {
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
    id: i32,
    workshop: WorkshopId,
) -> ApiResult<TicketRecord> {
    db::tickets::find(&state.db, id)
        .await?
        .filter(|t| i64::from(t.workshop_id) == workshop.0)
        .ok_or(ApiError::NotFound("ticket"))
}

async fn stored_order(state: &AppState, id: &str) -> ApiResult<StoredOrder> {
    db::orders::find(&state.db, id)
        .await?
        .ok_or_else(|| internal(format!("order {id} is gone")))
}

fn item_of<'a>(order: &'a StoredOrder, ticket: &TicketRecord) -> ApiResult<&'a StoredItem> {
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

/// Treats a transient storage failure (a day filled up, a lock) as "try again".
fn transient(result: Result<bool, db::Error>) -> ApiResult<bool> {
    match result {
        Ok(done) => Ok(done),
        Err(error) if error.is_transient() => Ok(false),
        Err(error) => Err(error.into()),
    }
}

fn internal(message: String) -> ApiError {
    ApiError::Internal(anyhow::anyhow!(message))
}

fn busy() -> ApiError {
    ApiError::Conflict {
        kind: "busy",
        detail: "the ticket kept changing while we tried; please try again".into(),
        extensions: serde_json::Map::new(),
    }
}
