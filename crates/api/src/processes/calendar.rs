//! A workshop's calendar: changing its weekly pattern (refused while reserved work would
//! lose its room), closing a day (every item reserved on it is re-planned into the
//! remaining capacity, and each order that may now miss its pickup deadline is flagged
//! at risk, in the same transaction as the closing) and opening it again.

use std::collections::{BTreeMap, BTreeSet};

use time::{Date, OffsetDateTime};

use db::calendar::{Closing, ItemReplan};
use db::tickets::TicketReplan;
use domain::actor::Actor;
use domain::catalogue::WorkshopId;
use domain::event::EventKind;
use domain::order::{Order, OrderId};
use domain::quote::{leaves_workshop_by, ready_by};
use domain::schedule::plan_production;
use domain::ticket::TicketId;

use crate::AppState;
use crate::error::{ApiError, ApiResult, Busy};
use crate::processes::retry;

/// An item moved by a closing.
#[derive(Debug, Clone)]
pub struct Moved {
    /// Its order.
    pub order_id: OrderId,
    /// Its ticket, if the order is confirmed.
    pub ticket_id: Option<TicketId>,
    /// When it is now ready at the counter.
    pub ready_by: OffsetDateTime,
    /// Whether the order may now miss its pickup deadline.
    pub at_risk: bool,
}

/// Closes `workshop` on `day` and re-plans what was reserved on it.
pub async fn close_day(
    state: &AppState,
    workshop: WorkshopId,
    day: Date,
    name: &str,
    actor: &Actor,
) -> ApiResult<Vec<Moved>> {
    let now = state.clock.now();
    let today = now.to_offset(domain::SEOUL).date();
    if day <= today {
        return Err(ApiError::invalid(
            "invalid-field",
            "/day",
            "a closed day must be after today",
        ));
    }
    let note = format!("the workshop closes on {day} ({name}); production re-planned");
    for _ in retry::attempts() {
        let mut workshops = db::catalogue::planning_workshops(&state.db).await?;
        let calendar = &mut workshops
            .get_mut(&workshop)
            .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("workshop {} is gone", workshop.0)))?
            .calendar;
        if !calendar.holidays.insert(day) {
            return Err(already_closed(day));
        }
        let after = &workshops[&workshop];
        let affected = db::calendar::items_reserved_on(&state.db, workshop, day).await?;
        let orders = orders_of(state, &affected).await?;
        let counters = db::catalogue::counters(&state.db).await?;
        let mut load = db::capacity::day_loads(&state.db, &BTreeSet::from([workshop]), today)
            .await?
            .remove(&workshop)
            .unwrap_or_default();
        let items: Vec<_> = affected
            .iter()
            .filter_map(|a| {
                orders
                    .get(&a.order_id)
                    .and_then(|o| o.items.iter().find(|i| i.id == a.item_id).map(|i| (o, i)))
            })
            .collect();
        for (_, item) in &items {
            item.reserved
                .iter()
                .for_each(|slot| load.remove(slot.date, slot.minutes));
        }
        let mut ticket_changes = Vec::new();
        let mut item_changes = Vec::new();
        let mut moved = Vec::new();
        for (order, item) in items {
            let start = item.reserved.first().map_or(today, |slot| slot.date);
            let minutes = item
                .terms
                .unit_minutes
                .saturating_mul(item.terms.quantity.into());
            let plan =
                plan_production(&after.calendar, &load, start, minutes).ok_or_else(|| {
                    ApiError::Conflict {
                        kind: "no-capacity",
                        detail: format!(
                            "an item of order {} cannot be re-planned after closing {day}",
                            order.terms.id
                        ),
                        extensions: serde_json::Map::new(),
                    }
                })?;
            load.book(&plan);
            let counter = counters
                .iter()
                .find(|c| c.counter.id == order.terms.trip.counter_id)
                .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("counter gone")))?;
            let ready = ready_by(after, &plan, &counter.counter)
                .map_err(|e| ApiError::Internal(e.into()))?;
            let due = leaves_workshop_by(after, &plan).map_err(|e| ApiError::Internal(e.into()))?;
            let at_risk = ready > order.terms.trip.pickup_deadline;
            let tickets = db::tickets::for_order(&state.db, &order.terms.id).await?;
            let ticket = tickets.iter().find(|t| t.order_item_id == item.id);
            moved.push(Moved {
                order_id: order.terms.id.clone(),
                ticket_id: ticket.map(|t| t.id),
                ready_by: ready,
                at_risk,
            });
            match ticket {
                Some(ticket) => ticket_changes.push(TicketReplan {
                    ticket_id: ticket.id,
                    change: ticket
                        .status
                        .reschedule()
                        .map_err(|e| ApiError::Internal(e.into()))?,
                    plan,
                    ready_by: ready,
                    due_at: due,
                    at_risk: at_risk || ticket.at_risk,
                    kind: EventKind::TicketReplanned,
                    actor,
                    note: &note,
                    at: now,
                }),
                None => item_changes.push(ItemReplan {
                    item_id: item.id,
                    order_id: order.terms.id.clone(),
                    plan,
                    ready_by: ready,
                    at_risk,
                }),
            }
        }
        let closing = Closing {
            workshop,
            day,
            name,
            at: now,
        };
        let added = db::calendar::add_holiday(
            &state.db,
            &closing,
            &ticket_changes,
            &item_changes,
            &workshops,
        )
        .await;
        if retry::done(added)? {
            return Ok(moved);
        }
    }
    Err(ApiError::Busy(Busy::Calendar))
}

async fn orders_of(
    state: &AppState,
    affected: &[db::calendar::ReservedItem],
) -> ApiResult<BTreeMap<OrderId, Order>> {
    let mut orders = BTreeMap::new();
    for item in affected {
        if orders.contains_key(&item.order_id) {
            continue;
        }
        if let Some(order) = db::orders::find(&state.db, &item.order_id).await? {
            orders.insert(item.order_id.clone(), order);
        }
    }
    Ok(orders)
}

fn already_closed(day: Date) -> ApiError {
    ApiError::Conflict {
        kind: "already-closed",
        detail: format!("the workshop is already closed on {day}"),
        extensions: serde_json::Map::new(),
    }
}

/// Changes `workshop`'s weekly pattern; refused (409 `calendar-conflict`, with the days
/// concerned) when a reserved day would no longer have room.
pub async fn change_pattern(
    state: &AppState,
    workshop: WorkshopId,
    pattern: db::calendar::WeeklyPattern,
) -> ApiResult<()> {
    let today = state.clock.now().to_offset(domain::SEOUL).date();
    let conflicts = db::calendar::set_weekly_pattern(&state.db, workshop, pattern, today).await?;
    if conflicts.is_empty() {
        return Ok(());
    }
    let days: Vec<serde_json::Value> = conflicts
        .iter()
        .map(|(day, reserved)| serde_json::json!({ "day": day.to_string(), "reserved_minutes": reserved }))
        .collect();
    let mut extensions = serde_json::Map::new();
    extensions.insert("days".into(), days.into());
    Err(ApiError::Conflict {
        kind: "calendar-conflict",
        detail: format!(
            "{} reserved day(s) would have no room; close them first",
            conflicts.len()
        ),
        extensions,
    })
}

/// Opens `workshop` again on a closed `day`; 404 when it was not closed.
pub async fn reopen_day(state: &AppState, workshop: WorkshopId, day: Date) -> ApiResult<()> {
    if db::calendar::remove_holiday(&state.db, workshop, day).await? {
        Ok(())
    } else {
        Err(ApiError::NotFound("closed day"))
    }
}
