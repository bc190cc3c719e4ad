//! Tickets past (or near) their due time: the ones the overdue worker looks at, and
//! flagging one, once, with its event for the workshop and the traveller.

use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    TransactionTrait,
};
use time::OffsetDateTime;

use domain::event::EventKind;
use domain::order::OrderId;
use domain::ticket::{Ticket, TicketId, TicketStatus};

use crate::Error;
use crate::entities::ticket;
use crate::events::{self, NewEvent};
use crate::tickets::read::record_of;

/// Tickets still at the workshop, not yet flagged overdue, due before `horizon`, by due
/// time.
pub async fn unflagged_due_before(
    db: &impl ConnectionTrait,
    horizon: OffsetDateTime,
) -> Result<Vec<Ticket>, Error> {
    let rows = ticket::Entity::find()
        .filter(ticket::Column::Status.is_in(codes(TicketStatus::at_workshop)))
        .filter(ticket::Column::OverdueSince.is_null())
        .order_by_asc(ticket::Column::DueAt)
        .order_by_asc(ticket::Column::Id)
        .all(db)
        .await?;
    // Compared here, not in SQL: SQLite compares stored instants as text, and due times
    // are stored in Seoul time while the horizon may be in UTC.
    rows.into_iter()
        .filter(|row| row.due_at < horizon)
        .map(record_of)
        .collect()
}

/// Flags a ticket overdue (at risk from now on) unless it already was or has left the
/// workshop meanwhile, with a `ticket.overdue` event that the workshop's webhooks and the
/// order's timeline carry. `true` when this call flagged it.
pub async fn flag_overdue(
    db: &DatabaseConnection,
    ticket: &Ticket,
    why: &str,
    at: OffsetDateTime,
) -> Result<bool, Error> {
    let txn = db.begin().await?;
    let still_there = codes(TicketStatus::at_workshop);
    let updated = ticket::Entity::update_many()
        .col_expr(ticket::Column::OverdueSince, Expr::value(Some(at)))
        .col_expr(ticket::Column::AtRisk, Expr::value(true))
        .col_expr(ticket::Column::UpdatedAt, Expr::value(at))
        .filter(ticket::Column::Id.eq(ticket.id.0))
        .filter(ticket::Column::OverdueSince.is_null())
        .filter(ticket::Column::Status.is_in(still_there))
        .exec(&txn)
        .await?;
    if updated.rows_affected != 1 {
        return Ok(false);
    }
    let event = NewEvent {
        order_id: &ticket.order_id,
        ticket_id: Some(TicketId(ticket.id.0)),
        workshop_id: Some(ticket.workshop_id),
        kind: EventKind::TicketOverdue,
        payload: serde_json::json!({
            "ticket": ticket.id.0,
            "due_at": ticket.due_at.to_string(),
            "note": why,
        }),
        at,
    };
    events::record(&txn, event).await?;
    txn.commit().await?;
    Ok(true)
}

/// The orders with a ticket at risk (delayed, overdue or re-planned past the deadline)
/// that are still under way.
pub async fn orders_with_tickets_at_risk(db: &impl ConnectionTrait) -> Result<Vec<OrderId>, Error> {
    let live = codes(|s| s.at_workshop() || s == TicketStatus::Dispatched);
    let rows = ticket::Entity::find()
        .filter(ticket::Column::AtRisk.eq(true))
        .filter(ticket::Column::Status.is_in(live))
        .order_by_asc(ticket::Column::DueAt)
        .all(db)
        .await?;
    let mut ids = Vec::new();
    for row in rows {
        let id = OrderId::parse(&row.order_id)?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(ids)
}

/// The codes of the statuses `keep` keeps.
fn codes(keep: impl Fn(TicketStatus) -> bool) -> Vec<&'static str> {
    TicketStatus::ALL
        .into_iter()
        .filter(|s| keep(*s))
        .map(TicketStatus::code)
        .collect()
}
