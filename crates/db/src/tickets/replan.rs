//! Re-planning one ticket's item onto other production days (after a decline that can
//! be re-queued, a delay, or a closed day), atomically with its reservations.

use std::collections::BTreeMap;

use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter,
};
use time::OffsetDateTime;

use domain::actor::Actor;
use domain::catalogue::WorkshopId;
use domain::event::EventKind;
use domain::order::OrderId;
use domain::quote::Workshop;
use domain::schedule::ProductionPlan;
use domain::ticket::{TicketId, TicketMove};

use crate::Error;
use crate::capacity::{Deltas, add_slots, apply, record, release_items};
use crate::capacity_lock;
use crate::entities::{order_item, ticket};
use crate::events::{self, NewEvent};
use crate::history::{Because, record_ticket_change, set_ticket_status};

/// A new plan for one ticket's item (after a decline or a delay).
#[derive(Debug, Clone)]
pub struct TicketReplan<'a> {
    /// The ticket.
    pub ticket_id: TicketId,
    /// Its move: back to `queued` after a decline, staying put after a delay.
    pub change: TicketMove,
    /// The new production days.
    pub plan: ProductionPlan,
    /// When the item is now ready at the counter.
    pub ready_by: OffsetDateTime,
    /// When it must now leave the workshop.
    pub due_at: OffsetDateTime,
    /// Whether the order may now miss its pickup deadline.
    pub at_risk: bool,
    /// The event: [`EventKind::TicketReplanned`] or [`EventKind::TicketDelayed`].
    pub kind: EventKind,
    /// Who.
    pub actor: &'a Actor,
    /// Why.
    pub note: &'a str,
    /// When.
    pub at: OffsetDateTime,
}

/// Moves one ticket's item to new production days in one transaction: its old
/// reservations are given back and the new ones reserved atomically
/// ([`Error::CapacityTaken`] when a day filled up since planning). `Ok(false)` when the
/// ticket had moved on.
pub async fn replan(
    db: &DatabaseConnection,
    change: &TicketReplan<'_>,
    workshops: &BTreeMap<WorkshopId, Workshop>,
) -> Result<bool, Error> {
    let txn = capacity_lock::begin(db).await?;
    if !replan_in(&txn, change, workshops).await? {
        return Ok(false);
    }
    txn.commit().await?;
    Ok(true)
}

/// [`replan`] inside the caller's transaction.
pub(crate) async fn replan_in(
    txn: &impl ConnectionTrait,
    change: &TicketReplan<'_>,
    workshops: &BTreeMap<WorkshopId, Workshop>,
) -> Result<bool, Error> {
    let Some(row) = set_ticket_status(txn, change.ticket_id, change.change, change.at).await?
    else {
        return Ok(false);
    };
    let workshop = WorkshopId(row.workshop_id.into());
    move_item(
        txn,
        row.order_item_id,
        workshop,
        &change.plan,
        change.ready_by,
        workshops,
    )
    .await?;
    let mut notes = row.notes.clone();
    if !change.note.is_empty() {
        notes = if notes.is_empty() {
            change.note.to_owned()
        } else {
            format!("{notes}\n{}", change.note)
        };
    }
    let mut active: ticket::ActiveModel = row.clone().into();
    active.due_at = Set(change.due_at);
    active.at_risk = Set(change.at_risk);
    active.notes = Set(notes);
    let row = active.update(txn).await?;
    let because = Because {
        actor: change.actor,
        note: change.note,
        at: change.at,
    };
    let moved = (Some(change.change.from()), change.change.to());
    record_ticket_change(txn, &row, moved, because).await?;
    let payload = serde_json::json!({
        "ticket": row.id, "ready_by": change.ready_by.to_string(), "at_risk": change.at_risk,
        "note": change.note, "actor": change.actor.to_string(),
    });
    let order_id = OrderId::parse(&row.order_id)?;
    let event = NewEvent {
        order_id: &order_id,
        ticket_id: Some(TicketId(row.id)),
        workshop_id: Some(workshop),
        kind: change.kind,
        payload: payload.clone(),
        at: change.at,
    };
    events::record(txn, event).await?;
    if change.at_risk {
        let at_risk = NewEvent {
            order_id: &order_id,
            ticket_id: Some(TicketId(row.id)),
            workshop_id: None,
            kind: EventKind::OrderAtRisk,
            payload,
            at: change.at,
        };
        events::record(txn, at_risk).await?;
    }
    Ok(true)
}

/// Gives back an item's reserved days and reserves `plan` instead, atomically per day,
/// and records its new ready-by.
pub(crate) async fn move_item(
    txn: &impl ConnectionTrait,
    item_id: i32,
    workshop: WorkshopId,
    plan: &ProductionPlan,
    ready_by: OffsetDateTime,
    workshops: &BTreeMap<WorkshopId, Workshop>,
) -> Result<(), Error> {
    let mut deltas = Deltas::new();
    release_items(txn, vec![item_id], &mut deltas).await?;
    add_slots(&mut deltas, workshop, plan.slots(), 1);
    apply(txn, &deltas, workshops).await?;
    record(txn, item_id, workshop, plan.slots()).await?;
    order_item::Entity::update_many()
        .col_expr(order_item::Column::ReadyBy, Expr::value(ready_by))
        .filter(order_item::Column::Id.eq(item_id))
        .exec(txn)
        .await?;
    Ok(())
}
