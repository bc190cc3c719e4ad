//! Workshop webhooks: the endpoints a workshop registered, and the queue of deliveries
//! that [`crate::events`] fills in the transaction of each change.
//!
//! A delivery is sent by whichever server process claims it first. [`claim`] is one
//! conditional `UPDATE`: it counts the attempt and leases the row (moves its
//! `next_attempt_at` past the time a send can take) only if the row is still due,
//! undelivered and has the attempt count the caller read, so of several processes that
//! saw the same due row exactly one wins. A process that dies while sending leaves the
//! row leased; when the lease runs out the row is due again and another process sends it.

use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect,
};
use time::OffsetDateTime;

use domain::catalogue::WorkshopId;

use crate::Error;
use crate::codec::narrow;
use crate::entities::{webhook_delivery, webhook_endpoint};
use crate::events::{self, Event};

/// A registered webhook endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// Its id.
    pub id: i32,
    /// The workshop whose ticket events it receives.
    pub workshop_id: i32,
    /// Where deliveries are posted.
    pub url: String,
    /// The key deliveries are signed with.
    pub secret: String,
    /// Whether it still receives deliveries.
    pub active: bool,
    /// When it was registered.
    pub created_at: OffsetDateTime,
}

/// A delivery that is due, with what sending it needs.
#[derive(Debug, Clone, PartialEq)]
pub struct DueDelivery {
    /// The delivery's id.
    pub id: i64,
    /// Attempts made so far (the version [`claim`] checks).
    pub attempts: i32,
    /// Where and how to send it.
    pub endpoint: Endpoint,
    /// What to send.
    pub event: Event,
}

/// Registers an endpoint for `workshop`.
pub async fn create_endpoint(
    db: &impl ConnectionTrait,
    workshop: WorkshopId,
    url: &str,
    secret: &str,
    now: OffsetDateTime,
) -> Result<Endpoint, Error> {
    let row = webhook_endpoint::ActiveModel {
        workshop_id: Set(workshop_id(workshop)?),
        url: Set(url.to_owned()),
        secret: Set(secret.to_owned()),
        active: Set(true),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(endpoint_of(row))
}

/// The active endpoints of `workshop`, oldest first.
pub async fn active_endpoints(
    db: &impl ConnectionTrait,
    workshop: WorkshopId,
) -> Result<Vec<Endpoint>, Error> {
    let rows = webhook_endpoint::Entity::find()
        .filter(webhook_endpoint::Column::WorkshopId.eq(workshop_id(workshop)?))
        .filter(webhook_endpoint::Column::Active.eq(true))
        .order_by_asc(webhook_endpoint::Column::Id)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(endpoint_of).collect())
}

/// How many active endpoints `workshop` has.
pub async fn count_active(db: &impl ConnectionTrait, workshop: WorkshopId) -> Result<u64, Error> {
    Ok(webhook_endpoint::Entity::find()
        .filter(webhook_endpoint::Column::WorkshopId.eq(workshop_id(workshop)?))
        .filter(webhook_endpoint::Column::Active.eq(true))
        .count(db)
        .await?)
}

/// Deactivates endpoint `id` of `workshop`: no new deliveries are queued for it and its
/// pending ones are no longer sent (they stay, as a record). `false` when `workshop` has
/// no such active endpoint.
pub async fn deactivate(
    db: &impl ConnectionTrait,
    workshop: WorkshopId,
    id: i32,
) -> Result<bool, Error> {
    let updated = webhook_endpoint::Entity::update_many()
        .col_expr(webhook_endpoint::Column::Active, Expr::value(false))
        .filter(webhook_endpoint::Column::Id.eq(id))
        .filter(webhook_endpoint::Column::WorkshopId.eq(workshop_id(workshop)?))
        .filter(webhook_endpoint::Column::Active.eq(true))
        .exec(db)
        .await?;
    Ok(updated.rows_affected == 1)
}

/// Up to `limit` deliveries to active endpoints that are due at `now` and have had fewer
/// than `max_attempts` attempts, oldest first (by due time, then in the order of their
/// events).
pub async fn due(
    db: &impl ConnectionTrait,
    now: OffsetDateTime,
    max_attempts: i32,
    limit: u64,
) -> Result<Vec<DueDelivery>, Error> {
    let active = Query::select()
        .column(webhook_endpoint::Column::Id)
        .from(webhook_endpoint::Entity)
        .and_where(webhook_endpoint::Column::Active.eq(true))
        .to_owned();
    let rows = webhook_delivery::Entity::find()
        .filter(webhook_delivery::Column::DeliveredAt.is_null())
        .filter(webhook_delivery::Column::NextAttemptAt.lte(now))
        .filter(webhook_delivery::Column::Attempts.lt(max_attempts))
        .filter(webhook_delivery::Column::EndpointId.in_subquery(active))
        .order_by_asc(webhook_delivery::Column::NextAttemptAt)
        .order_by_asc(webhook_delivery::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let mut endpoint_ids: Vec<i32> = rows.iter().map(|r| r.endpoint_id).collect();
    endpoint_ids.sort_unstable();
    endpoint_ids.dedup();
    let endpoints = webhook_endpoint::Entity::find()
        .filter(webhook_endpoint::Column::Id.is_in(endpoint_ids))
        .all(db)
        .await?;
    let mut due = Vec::with_capacity(rows.len());
    for row in rows {
        let endpoint = endpoints
            .iter()
            .find(|e| e.id == row.endpoint_id)
            .cloned()
            .map(endpoint_of)
            .ok_or_else(|| Error::Corrupt(format!("delivery {} has no endpoint", row.id)))?;
        let event = events::find(db, row.event_id)
            .await?
            .ok_or_else(|| Error::Corrupt(format!("delivery {} has no event", row.id)))?;
        due.push(DueDelivery {
            id: row.id,
            attempts: row.attempts,
            endpoint,
            event,
        });
    }
    Ok(due)
}

/// Claims delivery `id` for one attempt: counts the attempt and leases the row until
/// `lease_until`, if it is still undelivered, due at `now` and at `seen_attempts`
/// attempts. `true` means this caller won and should send it now.
pub async fn claim(
    db: &impl ConnectionTrait,
    id: i64,
    seen_attempts: i32,
    now: OffsetDateTime,
    lease_until: OffsetDateTime,
) -> Result<bool, Error> {
    let updated = webhook_delivery::Entity::update_many()
        .col_expr(
            webhook_delivery::Column::Attempts,
            Expr::value(seen_attempts.saturating_add(1)),
        )
        .col_expr(
            webhook_delivery::Column::NextAttemptAt,
            Expr::value(lease_until),
        )
        .filter(webhook_delivery::Column::Id.eq(id))
        .filter(webhook_delivery::Column::Attempts.eq(seen_attempts))
        .filter(webhook_delivery::Column::DeliveredAt.is_null())
        .filter(webhook_delivery::Column::NextAttemptAt.lte(now))
        .exec(db)
        .await?;
    Ok(updated.rows_affected == 1)
}

/// Records that the claimed attempt `attempts` of delivery `id` succeeded at `at`.
pub async fn mark_delivered(
    db: &impl ConnectionTrait,
    id: i64,
    attempts: i32,
    at: OffsetDateTime,
) -> Result<(), Error> {
    webhook_delivery::Entity::update_many()
        .col_expr(webhook_delivery::Column::DeliveredAt, Expr::value(Some(at)))
        .filter(webhook_delivery::Column::Id.eq(id))
        .filter(webhook_delivery::Column::Attempts.eq(attempts))
        .filter(webhook_delivery::Column::DeliveredAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Records that the claimed attempt `attempts` of delivery `id` failed with `error`, and
/// when to try again (ignored once the attempts are used up: [`due`] skips the row).
pub async fn mark_failed(
    db: &impl ConnectionTrait,
    id: i64,
    attempts: i32,
    error: &str,
    retry_at: OffsetDateTime,
) -> Result<(), Error> {
    webhook_delivery::Entity::update_many()
        .col_expr(
            webhook_delivery::Column::LastError,
            Expr::value(Some(error.to_owned())),
        )
        .col_expr(
            webhook_delivery::Column::NextAttemptAt,
            Expr::value(retry_at),
        )
        .filter(webhook_delivery::Column::Id.eq(id))
        .filter(webhook_delivery::Column::Attempts.eq(attempts))
        .filter(webhook_delivery::Column::DeliveredAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

fn endpoint_of(row: webhook_endpoint::Model) -> Endpoint {
    Endpoint {
        id: row.id,
        workshop_id: row.workshop_id,
        url: row.url,
        secret: row.secret,
        active: row.active,
        created_at: row.created_at,
    }
}

fn workshop_id(workshop: WorkshopId) -> Result<i32, Error> {
    narrow(workshop.0, "workshop id")
}
