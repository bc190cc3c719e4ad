//! The event outbox: every change of an order or a ticket writes one event row in the
//! same transaction as the change, so the timeline and the workshop webhooks can never
//! miss or invent a change. Deliveries to workshop webhooks are queued in that same
//! transaction and sent later (and again, until they succeed).

use sea_orm::prelude::Json;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder,
};
use time::OffsetDateTime;

use domain::catalogue::WorkshopId;
use domain::event::EventKind;
use domain::order::OrderId;
use domain::ticket::TicketId;

use crate::Error;
use crate::codec::narrow;
use crate::entities::{event, webhook_delivery, webhook_endpoint};

/// One change, as recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Increasing id: the order of changes.
    pub id: i64,
    /// The order it concerns.
    pub order_id: OrderId,
    /// The ticket it concerns, if any.
    pub ticket_id: Option<TicketId>,
    /// The workshop it concerns, if any (webhooks go there).
    pub workshop_id: Option<WorkshopId>,
    /// What happened, e.g. `order.confirmed`, `ticket.accepted`, `order.at_risk`.
    pub kind: EventKind,
    /// Details of the change.
    pub payload: Json,
    /// When.
    pub at: OffsetDateTime,
}

/// A change to record.
#[derive(Debug, Clone)]
pub struct NewEvent<'a> {
    /// The order.
    pub order_id: &'a OrderId,
    /// The ticket, if any.
    pub ticket_id: Option<TicketId>,
    /// The workshop, if any.
    pub workshop_id: Option<WorkshopId>,
    /// What happened.
    pub kind: EventKind,
    /// Details.
    pub payload: Json,
    /// When.
    pub at: OffsetDateTime,
}

/// Writes the event and queues a delivery to each active webhook of its workshop. Call
/// inside the transaction that makes the change.
pub(crate) async fn record(txn: &impl ConnectionTrait, new: NewEvent<'_>) -> Result<i64, Error> {
    let workshop_id = new
        .workshop_id
        .map(|w| narrow::<i32>(w.0, "workshop id"))
        .transpose()?;
    let row = event::ActiveModel {
        order_id: Set(new.order_id.to_string()),
        ticket_id: Set(new.ticket_id.map(|t| t.0)),
        workshop_id: Set(workshop_id),
        kind: Set(new.kind.code()),
        payload: Set(new.payload),
        created_at: Set(new.at),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    if let Some(workshop_id) = workshop_id {
        let endpoints = webhook_endpoint::Entity::find()
            .filter(webhook_endpoint::Column::WorkshopId.eq(workshop_id))
            .filter(webhook_endpoint::Column::Active.eq(true))
            .all(txn)
            .await?;
        for endpoint in endpoints {
            webhook_delivery::ActiveModel {
                endpoint_id: Set(endpoint.id),
                event_id: Set(row.id),
                attempts: Set(0),
                next_attempt_at: Set(new.at),
                delivered_at: Set(None),
                last_error: Set(None),
                ..Default::default()
            }
            .insert(txn)
            .await?;
        }
    }
    Ok(row.id)
}

/// Records a change that has no row of its own (a failed balance charge, a note for the
/// traveller) as an event of the order.
pub async fn note(
    db: &impl ConnectionTrait,
    order_id: &OrderId,
    kind: EventKind,
    note: &str,
    at: OffsetDateTime,
) -> Result<i64, Error> {
    let payload = serde_json::json!({ "note": note });
    let event = NewEvent {
        order_id,
        ticket_id: None,
        workshop_id: None,
        kind,
        payload,
        at,
    };
    record(db, event).await
}

/// Every event of an order, oldest first.
pub async fn for_order(db: &impl ConnectionTrait, order_id: &OrderId) -> Result<Vec<Event>, Error> {
    let rows = event::Entity::find()
        .filter(event::Column::OrderId.eq(order_id.as_str()))
        .order_by_asc(event::Column::Id)
        .all(db)
        .await?;
    rows.into_iter().map(from_row).collect()
}

/// One event by id.
pub async fn find(db: &impl ConnectionTrait, id: i64) -> Result<Option<Event>, Error> {
    event::Entity::find_by_id(id)
        .one(db)
        .await?
        .map(from_row)
        .transpose()
}

fn from_row(row: event::Model) -> Result<Event, Error> {
    Ok(Event {
        id: row.id,
        order_id: OrderId::parse(&row.order_id)?,
        ticket_id: row.ticket_id.map(TicketId),
        workshop_id: row.workshop_id.map(|w| WorkshopId(w.into())),
        kind: row.kind.parse()?,
        payload: row.payload,
        at: row.created_at,
    })
}
