//! Status changes as storage writes them: the guarded update of an order's or a ticket's
//! status, its history row and its event, always in the caller's transaction. Orders,
//! tickets, handovers and day closings all write through here, and only with the moves
//! the domain's state machines made ([`OrderMove`], [`TicketMove`]).

use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
};
use time::OffsetDateTime;

use domain::actor::Actor;
use domain::catalogue::WorkshopId;
use domain::event::EventKind;
use domain::order::{OrderId, OrderMove, OrderStatus};
use domain::ticket::{TicketId, TicketMove, TicketStatus};

use crate::Error;
use crate::entities::{order, order_status_change, ticket, ticket_status_change};
use crate::events::{self, NewEvent};

/// What an order's history records: its placement, a move, or a change that keeps its
/// status (a new itinerary).
#[derive(Debug, Clone, Copy)]
pub(crate) enum OrderChange {
    /// The order was placed.
    Placed,
    /// The order moved.
    Moved(OrderMove),
    /// The order changed but kept this status.
    Updated(OrderStatus),
}

/// Why and by whom a change was made.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Because<'a> {
    /// Who.
    pub actor: &'a Actor,
    /// Why.
    pub note: &'a str,
    /// When.
    pub at: OffsetDateTime,
}

/// Applies an order's move if the order is still where the move starts. `Ok(false)` when
/// it had moved on (nothing written).
pub(crate) async fn set_order_status(
    txn: &impl ConnectionTrait,
    order_id: &OrderId,
    change: OrderMove,
    at: OffsetDateTime,
) -> Result<bool, Error> {
    let updated = order::Entity::update_many()
        .col_expr(order::Column::Status, Expr::value(change.to().code()))
        .col_expr(order::Column::UpdatedAt, Expr::value(at))
        .filter(order::Column::Id.eq(order_id.as_str()))
        .filter(order::Column::Status.eq(change.from().code()))
        .exec(txn)
        .await?;
    Ok(updated.rows_affected == 1)
}

/// Records a change of an order, and its event, in the caller's transaction.
pub(crate) async fn record_order_change(
    txn: &impl ConnectionTrait,
    order_id: &OrderId,
    change: OrderChange,
    because: Because<'_>,
) -> Result<(), Error> {
    let (from, to, kind) = match change {
        OrderChange::Placed => (
            None,
            OrderStatus::Placed,
            EventKind::Order(OrderStatus::Placed),
        ),
        OrderChange::Moved(step) => (Some(step.from()), step.to(), EventKind::Order(step.to())),
        OrderChange::Updated(status) => (Some(status), status, EventKind::OrderUpdated),
    };
    order_status_change::ActiveModel {
        order_id: Set(order_id.to_string()),
        from_status: Set(from.map(|s| s.code().to_owned())),
        to_status: Set(to.code().to_owned()),
        actor: Set(because.actor.to_string()),
        note: Set(because.note.to_owned()),
        at: Set(because.at),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let payload = serde_json::json!({
        "from": from.map(OrderStatus::code),
        "to": to.code(),
        "actor": because.actor.to_string(),
        "note": because.note,
    });
    let event = NewEvent {
        order_id,
        ticket_id: None,
        workshop_id: None,
        kind,
        payload,
        at: because.at,
    };
    events::record(txn, event).await?;
    Ok(())
}

/// Applies a ticket's move if the ticket is still where the move starts, and gives back
/// the row. `None` when it had moved on (nothing written).
pub(crate) async fn set_ticket_status(
    txn: &impl ConnectionTrait,
    id: TicketId,
    change: TicketMove,
    at: OffsetDateTime,
) -> Result<Option<ticket::Model>, Error> {
    let updated = ticket::Entity::update_many()
        .col_expr(ticket::Column::Status, Expr::value(change.to().code()))
        .col_expr(ticket::Column::UpdatedAt, Expr::value(at))
        .filter(ticket::Column::Id.eq(id.0))
        .filter(ticket::Column::Status.eq(change.from().code()))
        .exec(txn)
        .await?;
    if updated.rows_affected != 1 {
        return Ok(None);
    }
    Ok(ticket::Entity::find_by_id(id.0).one(txn).await?)
}

/// Records a ticket's status change (`from` is `None` when it is created) and its event,
/// which goes to the workshop's webhooks.
pub(crate) async fn record_ticket_change(
    txn: &impl ConnectionTrait,
    row: &ticket::Model,
    (from, to): (Option<TicketStatus>, TicketStatus),
    because: Because<'_>,
) -> Result<(), Error> {
    ticket_status_change::ActiveModel {
        ticket_id: Set(row.id),
        from_status: Set(from.map(|s| s.code().to_owned())),
        to_status: Set(to.code().to_owned()),
        actor: Set(because.actor.to_string()),
        note: Set(because.note.to_owned()),
        at: Set(because.at),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let payload = serde_json::json!({
        "ticket": row.id,
        "from": from.map(TicketStatus::code),
        "to": to.code(),
        "actor": because.actor.to_string(),
        "note": because.note,
    });
    let order_id = OrderId::parse(&row.order_id)?;
    let event = NewEvent {
        order_id: &order_id,
        ticket_id: Some(TicketId(row.id)),
        workshop_id: Some(WorkshopId(row.workshop_id.into())),
        kind: EventKind::Ticket(to),
        payload,
        at: because.at,
    };
    events::record(txn, event).await?;
    Ok(())
}

/// Cancels every live ticket of an order (it was cancelled or declined).
pub(crate) async fn cancel_live_tickets(
    txn: &impl ConnectionTrait,
    order_id: &OrderId,
    at: OffsetDateTime,
) -> Result<(), Error> {
    let rows = ticket::Entity::find()
        .filter(ticket::Column::OrderId.eq(order_id.as_str()))
        .all(txn)
        .await?;
    let because = Because {
        actor: &Actor::System,
        note: "the order was cancelled or declined",
        at,
    };
    for row in rows {
        let status: TicketStatus = row.status.parse()?;
        let Some(cancel) = status.cancel() else {
            continue;
        };
        if let Some(row) = set_ticket_status(txn, TicketId(row.id), cancel, at).await? {
            let change = (Some(cancel.from()), cancel.to());
            record_ticket_change(txn, &row, change, because).await?;
        }
    }
    Ok(())
}
