//! Changing a stored order: moving it through its lifecycle (only by an
//! [`OrderMove`] the domain made) and moving it to a new itinerary.

use std::collections::BTreeMap;

use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder, TransactionTrait,
};
use time::OffsetDateTime;

use domain::actor::Actor;
use domain::catalogue::WorkshopId;
use domain::event::EventKind;
use domain::order::{OrderId, OrderMove, OrderStatus, Trip};
use domain::quote::Workshop;
use domain::refund::MoneyBack;
use domain::schedule::ProductionPlan;
use domain::ticket::TicketId;

use crate::Error;
use crate::capacity::{Deltas, add_slots, apply, record, release_order};
use crate::capacity_lock;
use crate::codec::narrow;
use crate::entities::{order, order_item, ticket};
use crate::events::{self, NewEvent};
use crate::history::{
    Because, OrderChange, cancel_live_tickets, record_order_change, set_order_status,
};
use crate::refunds::decide_in;

/// Applies `change` if the order is still where it starts, records it, gives back the
/// order's capacity when the new status no longer holds it, cancels its live tickets
/// when it ends the order, and stores the money it gives back (`refunds`, sent later by
/// the refund worker). `Ok(false)` when the status had moved on (nothing written).
pub async fn transition(
    db: &DatabaseConnection,
    order_id: &OrderId,
    change: OrderMove,
    because: (&Actor, &str, OffsetDateTime),
    refunds: &[MoneyBack],
) -> Result<bool, Error> {
    let (actor, note, at) = because;
    let txn = db.begin().await?;
    if !set_order_status(&txn, order_id, change, at).await? {
        return Ok(false);
    }
    if change.releases_capacity() {
        let mut deltas = Deltas::new();
        release_order(&txn, order_id, &mut deltas).await?;
        apply(&txn, &deltas, &BTreeMap::new()).await?;
    }
    if change.ends_tickets() {
        cancel_live_tickets(&txn, order_id, at).await?;
    }
    decide_in(&txn, order_id, refunds, note, at).await?;
    let because = Because { actor, note, at };
    record_order_change(&txn, order_id, OrderChange::Moved(change), because).await?;
    txn.commit().await?;
    Ok(true)
}

/// Sends an item's ticket (if it has one yet) to `counter_id`, due at `due_at`; it stays
/// at risk only if it was flagged overdue.
async fn reroute_ticket(
    txn: &impl ConnectionTrait,
    item_id: i32,
    counter_id: i32,
    due_at: OffsetDateTime,
    replan: &Replan<'_>,
) -> Result<(), Error> {
    let Some(row) = ticket::Entity::find()
        .filter(ticket::Column::OrderItemId.eq(item_id))
        .one(txn)
        .await?
    else {
        return Ok(());
    };
    ticket::Entity::update_many()
        .col_expr(ticket::Column::CounterId, Expr::value(counter_id))
        .col_expr(ticket::Column::DueAt, Expr::value(due_at))
        .col_expr(
            ticket::Column::AtRisk,
            Expr::col(ticket::Column::OverdueSince).is_not_null(),
        )
        .col_expr(ticket::Column::UpdatedAt, Expr::value(replan.at))
        .filter(ticket::Column::Id.eq(row.id))
        .exec(txn)
        .await?;
    let event = NewEvent {
        order_id: replan.order_id,
        ticket_id: Some(TicketId(row.id)),
        workshop_id: Some(WorkshopId(row.workshop_id.into())),
        kind: EventKind::TicketRerouted,
        payload: serde_json::json!({
            "ticket": row.id,
            "counter_id": counter_id,
            "due_at": due_at.to_string(),
            "note": "the traveller's flight moved: new counter and due time",
        }),
        at: replan.at,
    };
    events::record(txn, event).await?;
    Ok(())
}

/// A new plan for an existing order after its itinerary changed.
#[derive(Debug, Clone)]
pub struct Replan<'a> {
    /// The order.
    pub order_id: &'a OrderId,
    /// The status the caller planned from; the move fails if it changed meanwhile.
    pub status: OrderStatus,
    /// The new trip.
    pub trip: Trip,
    /// Per line (same order as stored): the new ready-by, production plan and due time
    /// at the workshop.
    pub lines: Vec<(OffsetDateTime, ProductionPlan, OffsetDateTime)>,
    /// Who asked.
    pub actor: &'a Actor,
    /// When.
    pub at: OffsetDateTime,
}

/// Moves an order to a new trip: releases its reservations and reserves the new plan in
/// one transaction, and sends its tickets along (new counter and due time, each with a
/// `ticket.rerouted` event for the workshop). [`Error::CapacityTaken`] when a day filled up since planning; `Ok(false)`
/// when the order's status moved on. Nothing is written in either case.
pub async fn replan(
    db: &DatabaseConnection,
    replan: &Replan<'_>,
    workshops: &BTreeMap<WorkshopId, Workshop>,
) -> Result<bool, Error> {
    let txn = capacity_lock::begin(db).await?;
    let updated = order::Entity::update_many()
        .col_expr(order::Column::Arrival, Expr::value(replan.trip.arrival))
        .col_expr(order::Column::Departure, Expr::value(replan.trip.departure))
        .col_expr(
            order::Column::CounterId,
            Expr::value(narrow::<i32>(replan.trip.counter_id.0, "counter id")?),
        )
        .col_expr(
            order::Column::PickupDeadline,
            Expr::value(replan.trip.pickup_deadline),
        )
        .col_expr(order::Column::UpdatedAt, Expr::value(replan.at))
        .filter(order::Column::Id.eq(replan.order_id.as_str()))
        .filter(order::Column::Status.eq(replan.status.code()))
        .exec(&txn)
        .await?;
    if updated.rows_affected != 1 {
        return Ok(false);
    }
    let mut deltas = Deltas::new();
    release_order(&txn, replan.order_id, &mut deltas).await?;
    let items = order_item::Entity::find()
        .filter(order_item::Column::OrderId.eq(replan.order_id.as_str()))
        .order_by_asc(order_item::Column::LineNo)
        .all(&txn)
        .await?;
    if items.len() != replan.lines.len() {
        return Err(Error::Corrupt(format!(
            "order {} has {} items",
            replan.order_id,
            items.len()
        )));
    }
    for (item, (_, plan, _)) in items.iter().zip(&replan.lines) {
        add_slots(
            &mut deltas,
            WorkshopId(item.workshop_id.into()),
            plan.slots(),
            1,
        );
    }
    apply(&txn, &deltas, workshops).await?;
    let counter_id = narrow::<i32>(replan.trip.counter_id.0, "counter id")?;
    for (item, (ready_by, plan, due_at)) in items.into_iter().zip(&replan.lines) {
        record(
            &txn,
            item.id,
            WorkshopId(item.workshop_id.into()),
            plan.slots(),
        )
        .await?;
        reroute_ticket(&txn, item.id, counter_id, *due_at, replan).await?;
        let mut item: order_item::ActiveModel = item.into();
        item.ready_by = Set(*ready_by);
        item.update(&txn).await?;
    }
    let because = Because {
        actor: replan.actor,
        note: "itinerary changed; production re-planned",
        at: replan.at,
    };
    let change = OrderChange::Updated(replan.status);
    record_order_change(&txn, replan.order_id, change, because).await?;
    txn.commit().await?;
    Ok(true)
}
