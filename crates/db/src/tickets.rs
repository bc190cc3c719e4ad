//! Production tickets: created when an order is confirmed, moved by workshops and
//! counters, each move recorded (history and event) in the same transaction as the
//! status change it makes, and guarded by the status the caller decided from.

use std::collections::BTreeMap;

use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder, TransactionTrait,
};
use time::OffsetDateTime;

use domain::catalogue::WorkshopId;
use domain::order::OrderStatus;
use domain::quote::Workshop;
use domain::schedule::ProductionPlan;
use domain::ticket::TicketStatus;

use crate::Error;
use crate::capacity::{Deltas, add_slots, apply, record, release_items};
use crate::entities::{order, order_item, ticket, ticket_status_change};
use crate::events::{self, NewEvent};
use crate::orders::insert_change;

/// A ticket as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TicketRecord {
    /// The ticket's id (its printed number is derived from it).
    pub id: i32,
    /// The order.
    pub order_id: String,
    /// The order item it makes.
    pub order_item_id: i32,
    /// The workshop that makes it.
    pub workshop_id: i32,
    /// The counter it goes to.
    pub counter_id: i32,
    /// Where it is.
    pub status: TicketStatus,
    /// When it must leave the workshop.
    pub due_at: OffsetDateTime,
    /// Whether its order may miss the pickup deadline.
    pub at_risk: bool,
    /// Notes from the workshop (delays, declines).
    pub notes: String,
}

/// One recorded status change of a ticket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TicketChange {
    /// The status before (`None` for creation).
    pub from: Option<TicketStatus>,
    /// The status after.
    pub to: TicketStatus,
    /// Who.
    pub actor: String,
    /// Why.
    pub note: String,
    /// When.
    pub at: OffsetDateTime,
}

/// Confirms an order still in `from` and creates one queued ticket per item, with the
/// due time given for its line number. `Ok(false)` when the order's status moved on.
pub async fn confirm(
    db: &DatabaseConnection,
    order_id: &str,
    from: OrderStatus,
    due_by_line: &BTreeMap<u16, OffsetDateTime>,
    actor: &str,
    note: &str,
    at: OffsetDateTime,
) -> Result<bool, Error> {
    let txn = db.begin().await?;
    if !set_order_status(&txn, order_id, from, OrderStatus::Confirmed, at).await? {
        return Ok(false);
    }
    insert_change(
        &txn,
        order_id,
        Some(from),
        OrderStatus::Confirmed,
        actor,
        note,
        at,
    )
    .await?;
    let order = order::Entity::find_by_id(order_id.to_owned())
        .one(&txn)
        .await?
        .ok_or_else(|| Error::Corrupt(format!("order {order_id} vanished")))?;
    let items = items_of(&txn, order_id).await?;
    for item in items {
        let due_at = due_by_line
            .get(&u16::try_from(item.line_no).unwrap_or(0))
            .copied()
            .ok_or_else(|| Error::Corrupt(format!("no due time for line {}", item.line_no)))?;
        let row = ticket::ActiveModel {
            order_id: Set(order_id.to_owned()),
            order_item_id: Set(item.id),
            workshop_id: Set(item.workshop_id),
            counter_id: Set(order.counter_id),
            status: Set(TicketStatus::Queued.code().to_owned()),
            due_at: Set(due_at),
            at_risk: Set(false),
            notes: Set(String::new()),
            created_at: Set(at),
            updated_at: Set(at),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        insert_ticket_change(
            &txn,
            &row,
            None,
            TicketStatus::Queued,
            actor,
            "ticket created",
            at,
        )
        .await?;
    }
    txn.commit().await?;
    Ok(true)
}

/// A workshop's tickets: at-risk first, then by due time.
pub async fn for_workshop(
    db: &impl ConnectionTrait,
    workshop: WorkshopId,
) -> Result<Vec<TicketRecord>, Error> {
    let rows = ticket::Entity::find()
        .filter(ticket::Column::WorkshopId.eq(workshop.0))
        .order_by_desc(ticket::Column::AtRisk)
        .order_by_asc(ticket::Column::DueAt)
        .order_by_asc(ticket::Column::Id)
        .all(db)
        .await?;
    rows.into_iter().map(record_of).collect()
}

/// A counter's tickets in these statuses, by due time.
pub async fn for_counter(
    db: &impl ConnectionTrait,
    counter_id: i64,
    statuses: &[TicketStatus],
) -> Result<Vec<TicketRecord>, Error> {
    let codes: Vec<&str> = statuses.iter().map(|s| s.code()).collect();
    let rows = ticket::Entity::find()
        .filter(ticket::Column::CounterId.eq(counter_id))
        .filter(ticket::Column::Status.is_in(codes))
        .order_by_asc(ticket::Column::DueAt)
        .order_by_asc(ticket::Column::Id)
        .all(db)
        .await?;
    rows.into_iter().map(record_of).collect()
}

/// An order's tickets, by id.
pub async fn for_order(
    db: &impl ConnectionTrait,
    order_id: &str,
) -> Result<Vec<TicketRecord>, Error> {
    let rows = ticket::Entity::find()
        .filter(ticket::Column::OrderId.eq(order_id))
        .order_by_asc(ticket::Column::Id)
        .all(db)
        .await?;
    rows.into_iter().map(record_of).collect()
}

/// One ticket.
pub async fn find(db: &impl ConnectionTrait, id: i32) -> Result<Option<TicketRecord>, Error> {
    ticket::Entity::find_by_id(id)
        .one(db)
        .await?
        .map(record_of)
        .transpose()
}

/// A ticket's history, oldest first.
pub async fn history(db: &impl ConnectionTrait, id: i32) -> Result<Vec<TicketChange>, Error> {
    let rows = ticket_status_change::Entity::find()
        .filter(ticket_status_change::Column::TicketId.eq(id))
        .order_by_asc(ticket_status_change::Column::Id)
        .all(db)
        .await?;
    rows.into_iter()
        .map(|row| {
            Ok(TicketChange {
                from: row.from_status.as_deref().map(str::parse).transpose()?,
                to: row.to_status.parse()?,
                actor: row.actor,
                note: row.note,
                at: row.at,
            })
        })
        .collect()
}

/// A ticket move decided by the caller: the ticket from `from` to `to`, and, when its
/// order's status follows, the order too.
#[derive(Debug, Clone)]
pub struct TicketMove<'a> {
    /// The ticket.
    pub ticket_id: i32,
    /// The status the caller decided from.
    pub from: TicketStatus,
    /// The new status.
    pub to: TicketStatus,
    /// The order's move, `(from, to)`, when the tickets now imply one.
    pub order: Option<(OrderStatus, OrderStatus)>,
    /// Who.
    pub actor: &'a str,
    /// Why.
    pub note: &'a str,
    /// When.
    pub at: OffsetDateTime,
}

/// Applies a ticket move in one transaction. `Ok(false)` when the ticket (or its order)
/// had moved on meanwhile: nothing is written.
pub async fn move_ticket(db: &DatabaseConnection, change: &TicketMove<'_>) -> Result<bool, Error> {
    let txn = db.begin().await?;
    let Some(row) =
        set_ticket_status(&txn, change.ticket_id, change.from, change.to, change.at).await?
    else {
        return Ok(false);
    };
    insert_ticket_change(
        &txn,
        &row,
        Some(change.from),
        change.to,
        change.actor,
        change.note,
        change.at,
    )
    .await?;
    if change.from.holds_capacity() && !change.to.holds_capacity() {
        let mut deltas = Deltas::new();
        release_items(&txn, vec![row.order_item_id], &mut deltas).await?;
        apply(&txn, &deltas, &BTreeMap::new()).await?;
    }
    if let Some((from, to)) = change.order {
        if !set_order_status(&txn, &row.order_id, from, to, change.at).await? {
            return Ok(false);
        }
        let note = format!("ticket {} is {}", row.id, change.to);
        insert_change(
            &txn,
            &row.order_id,
            Some(from),
            to,
            "system",
            &note,
            change.at,
        )
        .await?;
    }
    txn.commit().await?;
    Ok(true)
}

/// A new plan for one ticket's item (after a decline or a delay).
#[derive(Debug, Clone)]
pub struct TicketReplan<'a> {
    /// The ticket.
    pub ticket_id: i32,
    /// The status the caller decided from.
    pub from: TicketStatus,
    /// The status it continues in (`queued` after a decline, unchanged after a delay).
    pub to: TicketStatus,
    /// The new production days.
    pub plan: ProductionPlan,
    /// When the item is now ready at the counter.
    pub ready_by: OffsetDateTime,
    /// When it must now leave the workshop.
    pub due_at: OffsetDateTime,
    /// Whether the order may now miss its pickup deadline.
    pub at_risk: bool,
    /// The event kind: `ticket.replanned` or `ticket.delayed`.
    pub kind: &'a str,
    /// Who.
    pub actor: &'a str,
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
    let txn = db.begin().await?;
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
    let Some(row) =
        set_ticket_status(txn, change.ticket_id, change.from, change.to, change.at).await?
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
    insert_ticket_change(
        txn,
        &row,
        Some(change.from),
        change.to,
        change.actor,
        change.note,
        change.at,
    )
    .await?;
    let payload = serde_json::json!({
        "ticket": row.id, "ready_by": change.ready_by.to_string(), "at_risk": change.at_risk,
        "note": change.note, "actor": change.actor,
    });
    let event = NewEvent {
        order_id: &row.order_id,
        ticket_id: Some(row.id),
        workshop_id: Some(row.workshop_id),
        kind: change.kind.to_owned(),
        payload: payload.clone(),
        at: change.at,
    };
    events::record(txn, event).await?;
    if change.at_risk {
        let at_risk = NewEvent {
            order_id: &row.order_id,
            ticket_id: Some(row.id),
            workshop_id: None,
            kind: "order.at_risk".to_owned(),
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

/// Declines a ticket whose item cannot be re-planned: the ticket is declined, the order's
/// other live tickets are cancelled, the order is declined and all its capacity given
/// back, in one transaction. `Ok(false)` when something moved on meanwhile.
pub async fn decline_order(
    db: &DatabaseConnection,
    ticket_id: i32,
    from: TicketStatus,
    order_from: OrderStatus,
    actor: &str,
    note: &str,
    at: OffsetDateTime,
) -> Result<bool, Error> {
    let txn = db.begin().await?;
    let Some(row) = set_ticket_status(&txn, ticket_id, from, TicketStatus::Declined, at).await?
    else {
        return Ok(false);
    };
    insert_ticket_change(
        &txn,
        &row,
        Some(from),
        TicketStatus::Declined,
        actor,
        note,
        at,
    )
    .await?;
    cancel_other_tickets(&txn, &row.order_id, at).await?;
    if !set_order_status(&txn, &row.order_id, order_from, OrderStatus::Declined, at).await? {
        return Ok(false);
    }
    let mut deltas = Deltas::new();
    crate::capacity::release_order(&txn, &row.order_id, &mut deltas).await?;
    apply(&txn, &deltas, &BTreeMap::new()).await?;
    let why = format!("declined by the workshop: {note}; a full refund is due");
    insert_change(
        &txn,
        &row.order_id,
        Some(order_from),
        OrderStatus::Declined,
        actor,
        &why,
        at,
    )
    .await?;
    txn.commit().await?;
    Ok(true)
}

/// Cancels every live ticket of an order (it was cancelled or declined).
pub(crate) async fn cancel_other_tickets(
    txn: &impl ConnectionTrait,
    order_id: &str,
    at: OffsetDateTime,
) -> Result<(), Error> {
    let live = [
        TicketStatus::Queued,
        TicketStatus::Accepted,
        TicketStatus::InProduction,
    ];
    let rows = ticket::Entity::find()
        .filter(ticket::Column::OrderId.eq(order_id))
        .filter(ticket::Column::Status.is_in(live.map(TicketStatus::code)))
        .all(txn)
        .await?;
    for row in rows {
        let from: TicketStatus = row.status.parse()?;
        if let Some(row) = set_ticket_status(txn, row.id, from, TicketStatus::Cancelled, at).await?
        {
            let note = "the order was cancelled or declined";
            insert_ticket_change(
                txn,
                &row,
                Some(from),
                TicketStatus::Cancelled,
                "system",
                note,
                at,
            )
            .await?;
        }
    }
    Ok(())
}

async fn set_ticket_status(
    txn: &impl ConnectionTrait,
    id: i32,
    from: TicketStatus,
    to: TicketStatus,
    at: OffsetDateTime,
) -> Result<Option<ticket::Model>, Error> {
    let updated = ticket::Entity::update_many()
        .col_expr(ticket::Column::Status, Expr::value(to.code()))
        .col_expr(ticket::Column::UpdatedAt, Expr::value(at))
        .filter(ticket::Column::Id.eq(id))
        .filter(ticket::Column::Status.eq(from.code()))
        .exec(txn)
        .await?;
    if updated.rows_affected != 1 {
        return Ok(None);
    }
    Ok(ticket::Entity::find_by_id(id).one(txn).await?)
}

async fn set_order_status(
    txn: &impl ConnectionTrait,
    order_id: &str,
    from: OrderStatus,
    to: OrderStatus,
    at: OffsetDateTime,
) -> Result<bool, Error> {
    let updated = order::Entity::update_many()
        .col_expr(order::Column::Status, Expr::value(to.code()))
        .col_expr(order::Column::UpdatedAt, Expr::value(at))
        .filter(order::Column::Id.eq(order_id))
        .filter(order::Column::Status.eq(from.code()))
        .exec(txn)
        .await?;
    Ok(updated.rows_affected == 1)
}

async fn items_of(
    txn: &impl ConnectionTrait,
    order_id: &str,
) -> Result<Vec<order_item::Model>, Error> {
    Ok(order_item::Entity::find()
        .filter(order_item::Column::OrderId.eq(order_id))
        .order_by_asc(order_item::Column::LineNo)
        .all(txn)
        .await?)
}

/// Records a ticket's status change and its event (which goes to the workshop's webhooks).
pub(crate) async fn insert_ticket_change(
    txn: &impl ConnectionTrait,
    row: &ticket::Model,
    from: Option<TicketStatus>,
    to: TicketStatus,
    actor: &str,
    note: &str,
    at: OffsetDateTime,
) -> Result<(), Error> {
    ticket_status_change::ActiveModel {
        ticket_id: Set(row.id),
        from_status: Set(from.map(|s| s.code().to_owned())),
        to_status: Set(to.code().to_owned()),
        actor: Set(actor.to_owned()),
        note: Set(note.to_owned()),
        at: Set(at),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let payload = serde_json::json!({
        "ticket": row.id,
        "from": from.map(TicketStatus::code),
        "to": to.code(),
        "actor": actor,
        "note": note,
    });
    let event = NewEvent {
        order_id: &row.order_id,
        ticket_id: Some(row.id),
        workshop_id: Some(row.workshop_id),
        kind: format!("ticket.{}", to.code()),
        payload,
        at,
    };
    events::record(txn, event).await?;
    Ok(())
}

fn record_of(row: ticket::Model) -> Result<TicketRecord, Error> {
    Ok(TicketRecord {
        status: row.status.parse()?,
        id: row.id,
        order_id: row.order_id,
        order_item_id: row.order_item_id,
        workshop_id: row.workshop_id,
        counter_id: row.counter_id,
        due_at: row.due_at,
        at_risk: row.at_risk,
        notes: row.notes,
    })
}
