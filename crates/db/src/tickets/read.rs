//! Reading production tickets: a workshop's queue, a counter's goods, an order's
//! tickets, one ticket and its history, as domain [`Ticket`]s.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use domain::catalogue::WorkshopId;
use domain::counter::CounterId;
use domain::order::OrderId;
use domain::ticket::{Ticket, TicketChange, TicketId, TicketStatus};

use crate::Error;
use crate::entities::{ticket, ticket_status_change};

/// A workshop's tickets: at-risk first, then by due time.
pub async fn for_workshop(
    db: &impl ConnectionTrait,
    workshop: WorkshopId,
) -> Result<Vec<Ticket>, Error> {
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
    counter_id: CounterId,
    statuses: &[TicketStatus],
) -> Result<Vec<Ticket>, Error> {
    let codes: Vec<&str> = statuses.iter().map(|s| s.code()).collect();
    let rows = ticket::Entity::find()
        .filter(ticket::Column::CounterId.eq(counter_id.0))
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
    order_id: &OrderId,
) -> Result<Vec<Ticket>, Error> {
    let rows = ticket::Entity::find()
        .filter(ticket::Column::OrderId.eq(order_id.as_str()))
        .order_by_asc(ticket::Column::Id)
        .all(db)
        .await?;
    rows.into_iter().map(record_of).collect()
}

/// One ticket.
pub async fn find(db: &impl ConnectionTrait, id: TicketId) -> Result<Option<Ticket>, Error> {
    ticket::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .map(record_of)
        .transpose()
}

/// A ticket's history, oldest first.
pub async fn history(db: &impl ConnectionTrait, id: TicketId) -> Result<Vec<TicketChange>, Error> {
    let rows = ticket_status_change::Entity::find()
        .filter(ticket_status_change::Column::TicketId.eq(id.0))
        .order_by_asc(ticket_status_change::Column::Id)
        .all(db)
        .await?;
    rows.into_iter()
        .map(|row| {
            Ok(TicketChange {
                from: row.from_status.as_deref().map(str::parse).transpose()?,
                to: row.to_status.parse()?,
                actor: row.actor.parse()?,
                note: row.note,
                at: row.at,
            })
        })
        .collect()
}

pub(crate) fn record_of(row: ticket::Model) -> Result<Ticket, Error> {
    Ok(Ticket {
        status: row.status.parse()?,
        id: TicketId(row.id),
        order_id: OrderId::parse(&row.order_id)?,
        order_item_id: row.order_item_id,
        workshop_id: WorkshopId(row.workshop_id.into()),
        counter_id: CounterId(row.counter_id.into()),
        due_at: row.due_at,
        at_risk: row.at_risk,
        notes: row.notes,
    })
}
