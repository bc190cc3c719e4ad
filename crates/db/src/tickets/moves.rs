//! Moving tickets: creating them when their order is confirmed, a move with the order
//! following, and a decline that ends the order.

use std::collections::BTreeMap;

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder, TransactionTrait,
};
use time::OffsetDateTime;

use domain::actor::Actor;
use domain::order::{OrderId, OrderMove, OrderStatus};
use domain::refund::MoneyBack;
use domain::ticket::{TicketId, TicketMove, TicketStatus};

use crate::Error;
use crate::capacity::{Deltas, apply, release_items, release_order};
use crate::entities::{order, order_item, ticket};
use crate::history::{
    Because, OrderChange, cancel_live_tickets, record_order_change, record_ticket_change,
    set_order_status, set_ticket_status,
};
use crate::payments::NewPayment;

/// How a confirmation was paid for, when it was paid outside the card flow: the payment
/// the operator recorded, and the card payments it makes unnecessary (voided).
#[derive(Debug, Clone, Copy, Default)]
pub struct PaidElsewhere<'a> {
    /// The money received.
    pub payment: Option<&'a NewPayment<'a>>,
    /// The card payments to cancel.
    pub voids: &'a [MoneyBack],
}

/// Confirms an order by `change` (a move to `confirmed`) and creates one queued ticket
/// per item, with the due time given for its line number, at risk when its item is
/// planned past the pickup deadline; records a payment received elsewhere with it.
/// `Ok(false)` when the order's status moved on.
pub async fn confirm(
    db: &DatabaseConnection,
    order_id: &OrderId,
    change: OrderMove,
    due_by_line: &BTreeMap<u16, OffsetDateTime>,
    because: (&Actor, &str, OffsetDateTime),
    paid: PaidElsewhere<'_>,
) -> Result<bool, Error> {
    let (actor, note, at) = because;
    if change.to() != OrderStatus::Confirmed {
        return Err(Error::Corrupt(format!(
            "confirming order {order_id} with a move to {}",
            change.to()
        )));
    }
    let txn = db.begin().await?;
    if !set_order_status(&txn, order_id, change, at).await? {
        return Ok(false);
    }
    let because = Because { actor, note, at };
    record_order_change(&txn, order_id, OrderChange::Moved(change), because).await?;
    let order = order::Entity::find_by_id(order_id.to_string())
        .one(&txn)
        .await?
        .ok_or_else(|| Error::Corrupt(format!("order {order_id} vanished")))?;
    for item in items_of(&txn, order_id).await? {
        let due_at = due_by_line
            .get(&u16::try_from(item.line_no).unwrap_or(0))
            .copied()
            .ok_or_else(|| Error::Corrupt(format!("no due time for line {}", item.line_no)))?;
        let row = ticket::ActiveModel {
            order_id: Set(order_id.to_string()),
            order_item_id: Set(item.id),
            workshop_id: Set(item.workshop_id),
            counter_id: Set(order.counter_id),
            status: Set(TicketStatus::Queued.code().to_owned()),
            due_at: Set(due_at),
            at_risk: Set(item.ready_by > order.pickup_deadline),
            overdue_since: Set(None),
            notes: Set(String::new()),
            created_at: Set(at),
            updated_at: Set(at),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        let created = Because {
            actor,
            note: "ticket created",
            at,
        };
        record_ticket_change(&txn, &row, (None, TicketStatus::Queued), created).await?;
    }
    if let Some(payment) = paid.payment {
        crate::payments::record(&txn, payment).await?;
    }
    crate::refunds::decide_in(&txn, order_id, paid.voids, note, at).await?;
    txn.commit().await?;
    Ok(true)
}

/// A ticket's move and, when its order's status follows, the order's.
#[derive(Debug, Clone)]
pub struct TicketUpdate<'a> {
    /// The ticket.
    pub ticket_id: TicketId,
    /// Its move.
    pub change: TicketMove,
    /// The order's move, when the tickets now imply one.
    pub order: Option<OrderMove>,
    /// Who.
    pub actor: &'a Actor,
    /// Why.
    pub note: &'a str,
    /// When.
    pub at: OffsetDateTime,
}

/// Applies a ticket move in one transaction. `Ok(false)` when the ticket (or its order)
/// had moved on meanwhile: nothing is written.
pub async fn move_ticket(
    db: &DatabaseConnection,
    update: &TicketUpdate<'_>,
) -> Result<bool, Error> {
    let txn = db.begin().await?;
    let change = update.change;
    let Some(row) = set_ticket_status(&txn, update.ticket_id, change, update.at).await? else {
        return Ok(false);
    };
    let because = Because {
        actor: update.actor,
        note: update.note,
        at: update.at,
    };
    record_ticket_change(&txn, &row, (Some(change.from()), change.to()), because).await?;
    if change.releases_capacity() {
        let mut deltas = Deltas::new();
        release_items(&txn, vec![row.order_item_id], &mut deltas).await?;
        apply(&txn, &deltas, &BTreeMap::new()).await?;
    }
    if let Some(order_move) = update.order {
        let order_id = OrderId::parse(&row.order_id)?;
        if !set_order_status(&txn, &order_id, order_move, update.at).await? {
            return Ok(false);
        }
        let note = format!("ticket {} is {}", row.id, change.to());
        let because = Because {
            actor: &Actor::System,
            note: &note,
            at: update.at,
        };
        record_order_change(&txn, &order_id, OrderChange::Moved(order_move), because).await?;
    }
    txn.commit().await?;
    Ok(true)
}

/// Declines a ticket whose item cannot be re-planned: the ticket is declined (`change`),
/// the order's other live tickets are cancelled, the order is declined (`order_move`) and
/// all its capacity given back, in one transaction. `Ok(false)` when something moved on.
pub async fn decline_order(
    db: &DatabaseConnection,
    ticket_id: TicketId,
    change: TicketMove,
    order_move: OrderMove,
    because: (&Actor, &str, OffsetDateTime),
    refunds: &[MoneyBack],
) -> Result<bool, Error> {
    let (actor, note, at) = because;
    if change.to() != TicketStatus::Declined || order_move.to() != OrderStatus::Declined {
        return Err(Error::Corrupt(format!(
            "declining ticket {ticket_id} with {} and an order move to {}",
            change.to(),
            order_move.to()
        )));
    }
    let txn = db.begin().await?;
    let Some(row) = set_ticket_status(&txn, ticket_id, change, at).await? else {
        return Ok(false);
    };
    let because = Because { actor, note, at };
    record_ticket_change(&txn, &row, (Some(change.from()), change.to()), because).await?;
    let order_id = OrderId::parse(&row.order_id)?;
    cancel_live_tickets(&txn, &order_id, at).await?;
    if !set_order_status(&txn, &order_id, order_move, at).await? {
        return Ok(false);
    }
    let mut deltas = Deltas::new();
    release_order(&txn, &order_id, &mut deltas).await?;
    apply(&txn, &deltas, &BTreeMap::new()).await?;
    let why = format!("declined by the workshop: {note}; a full refund is due");
    crate::refunds::decide_in(
        &txn,
        &order_id,
        refunds,
        "refund: the workshop declined",
        at,
    )
    .await?;
    let because = Because {
        actor,
        note: &why,
        at,
    };
    record_order_change(&txn, &order_id, OrderChange::Moved(order_move), because).await?;
    txn.commit().await?;
    Ok(true)
}

async fn items_of(
    txn: &impl ConnectionTrait,
    order_id: &OrderId,
) -> Result<Vec<order_item::Model>, Error> {
    Ok(order_item::Entity::find()
        .filter(order_item::Column::OrderId.eq(order_id.as_str()))
        .order_by_asc(order_item::Column::LineNo)
        .all(txn)
        .await?)
}
