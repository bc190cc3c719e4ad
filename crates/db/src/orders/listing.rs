//! Orders the background workers look for: those left `placed` (a crash between placing
//! and confirming, or an unpaid card order), and those planned past their deadline.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use time::OffsetDateTime;

use domain::order::{OrderId, OrderStatus};

use crate::Error;
use crate::entities::{order, order_item};

/// Orders still `placed` that were placed before `cutoff`, oldest first.
pub async fn placed_before(
    db: &impl ConnectionTrait,
    cutoff: OffsetDateTime,
) -> Result<Vec<OrderId>, Error> {
    let rows = order::Entity::find()
        .filter(order::Column::Status.eq(OrderStatus::Placed.code()))
        .order_by_asc(order::Column::CreatedAt)
        .all(db)
        .await?;
    // Compared here, not in SQL: SQLite compares stored instants as text, whatever
    // their offsets.
    rows.into_iter()
        .filter(|row| row.created_at < cutoff)
        .map(|row| OrderId::parse(&row.id).map_err(Error::from))
        .collect()
}

/// Orders still under way (holding workshop hours) with an item planned to be ready
/// after their pickup deadline.
pub async fn planned_past_deadline(db: &impl ConnectionTrait) -> Result<Vec<OrderId>, Error> {
    let under_way: Vec<&str> = OrderStatus::ALL
        .into_iter()
        .filter(|s| s.holds_capacity())
        .map(OrderStatus::code)
        .collect();
    let orders = order::Entity::find()
        .filter(order::Column::Status.is_in(under_way))
        .order_by_asc(order::Column::PickupDeadline)
        .all(db)
        .await?;
    let mut late = Vec::new();
    for row in orders {
        let items = order_item::Entity::find()
            .filter(order_item::Column::OrderId.eq(row.id.as_str()))
            .all(db)
            .await?;
        if items.iter().any(|item| item.ready_by > row.pickup_deadline) {
            late.push(OrderId::parse(&row.id)?);
        }
    }
    Ok(late)
}
