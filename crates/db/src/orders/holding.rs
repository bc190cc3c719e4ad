//! Goods held at a counter after their pickup deadline: finding the orders whose goods
//! are held, and giving the goods back to their workshops when holding ends, with the
//! no-show's move, its refunds and its events in one transaction.

use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    TransactionTrait,
};
use time::OffsetDateTime;

use domain::actor::Actor;
use domain::catalogue::WorkshopId;
use domain::counter::CounterId;
use domain::event::EventKind;
use domain::order::{OrderId, OrderMove, OrderStatus};
use domain::refund::MoneyBack;
use domain::ticket::{TicketId, TicketStatus};

use crate::Error;
use crate::entities::{order, ticket};
use crate::events::{self, NewEvent};
use crate::history::{Because, OrderChange, record_order_change, set_order_status};
use crate::refunds::decide_in;

/// Orders whose goods wait at a counter past the pickup deadline (at the counter or
/// marked no-show) and have not gone back to the workshop; one counter's when given.
pub async fn held(
    db: &impl ConnectionTrait,
    now: OffsetDateTime,
    counter: Option<CounterId>,
) -> Result<Vec<OrderId>, Error> {
    let waiting = [OrderStatus::AtCounter.code(), OrderStatus::NoShow.code()];
    let mut query = order::Entity::find()
        .filter(order::Column::Status.is_in(waiting))
        .filter(order::Column::GoodsReleasedAt.is_null());
    if let Some(counter) = counter {
        query = query.filter(order::Column::CounterId.eq(counter.0));
    }
    let rows = query
        .order_by_asc(order::Column::PickupDeadline)
        .all(db)
        .await?;
    // Compared here, not in SQL: SQLite compares stored instants as text, and deadlines
    // are stored in Seoul time while `now` may be in UTC.
    rows.into_iter()
        .filter(|row| row.pickup_deadline < now)
        .map(|row| OrderId::parse(&row.id).map_err(Error::from))
        .collect()
}

/// When the order's goods went back to the workshop, if they did.
pub async fn goods_released_at(
    db: &impl ConnectionTrait,
    order_id: &OrderId,
) -> Result<Option<OffsetDateTime>, Error> {
    Ok(order::Entity::find_by_id(order_id.to_string())
        .one(db)
        .await?
        .and_then(|row| row.goods_released_at))
}

/// The end of a no-show's holding period: the order moves to `no_show` (`change`, unless
/// it already is), the money its workshop's policy gives back is stored for the refund
/// worker, and every ticket received at the counter goes back to its workshop (a
/// `ticket.released` event each), once. `Ok(false)` when the goods were already released
/// or the order moved on.
pub async fn release_goods(
    db: &DatabaseConnection,
    order_id: &OrderId,
    change: Option<OrderMove>,
    because: (&Actor, &str, OffsetDateTime),
    refunds: &[MoneyBack],
) -> Result<bool, Error> {
    let (actor, note, at) = because;
    let txn = db.begin().await?;
    let released = order::Entity::update_many()
        .col_expr(order::Column::GoodsReleasedAt, Expr::value(Some(at)))
        .filter(order::Column::Id.eq(order_id.as_str()))
        .filter(order::Column::GoodsReleasedAt.is_null())
        .filter(
            order::Column::Status
                .is_in([OrderStatus::AtCounter.code(), OrderStatus::NoShow.code()]),
        )
        .exec(&txn)
        .await?;
    if released.rows_affected != 1 {
        return Ok(false);
    }
    let recorded = match change {
        Some(change) => {
            if !set_order_status(&txn, order_id, change, at).await? {
                return Ok(false);
            }
            OrderChange::Moved(change)
        }
        None => OrderChange::Updated(OrderStatus::NoShow),
    };
    let tickets = ticket::Entity::find()
        .filter(ticket::Column::OrderId.eq(order_id.as_str()))
        .filter(ticket::Column::Status.eq(TicketStatus::Received.code()))
        .all(&txn)
        .await?;
    for row in tickets {
        let event = NewEvent {
            order_id,
            ticket_id: Some(TicketId(row.id)),
            workshop_id: Some(WorkshopId(row.workshop_id.into())),
            kind: EventKind::TicketReleased,
            payload: serde_json::json!({ "ticket": row.id, "note": note }),
            at,
        };
        events::record(&txn, event).await?;
    }
    decide_in(&txn, order_id, refunds, note, at).await?;
    let because = Because { actor, note, at };
    record_order_change(&txn, order_id, recorded, because).await?;
    txn.commit().await?;
    Ok(true)
}
