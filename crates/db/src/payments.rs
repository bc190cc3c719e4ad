//! The money record: one row per charge, refund or counter payment, the Stripe events
//! already applied, and each order's saved card for charging the balance later.

use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder,
};
use time::{Date, Duration, OffsetDateTime, PrimitiveDateTime, Time};

use domain::money::Krw;
use domain::order::OrderId;
use domain::payment::{Entry, EntryKind, EntryStatus, PaymentMethod};

use crate::Error;
use crate::entities::{order, payment, stripe_event};
use crate::error::is_unique_violation;

/// One stored money movement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentRow {
    /// The row id.
    pub id: i32,
    /// The order.
    pub order_id: OrderId,
    /// The movement, as the domain sees it.
    pub entry: Entry,
    /// How it was paid.
    pub method: PaymentMethod,
    /// The Stripe object behind it (`pi_…`, `re_…`), if any.
    pub stripe_id: Option<String>,
    /// Why, in words.
    pub note: String,
    /// When it was recorded.
    pub created_at: OffsetDateTime,
    /// When it last changed.
    pub updated_at: OffsetDateTime,
}

/// A movement to record.
#[derive(Debug, Clone)]
pub struct NewPayment<'a> {
    /// The order.
    pub order_id: &'a OrderId,
    /// The movement.
    pub entry: Entry,
    /// How.
    pub method: PaymentMethod,
    /// The Stripe object behind it, if any (unique: recording it twice is a no-op).
    pub stripe_id: Option<&'a str>,
    /// Why.
    pub note: &'a str,
    /// When.
    pub at: OffsetDateTime,
}

/// Records a movement; a second row for the same Stripe object is not written and the
/// existing one is returned instead.
pub async fn record(db: &impl ConnectionTrait, new: &NewPayment<'_>) -> Result<PaymentRow, Error> {
    let row = payment::ActiveModel {
        order_id: Set(new.order_id.to_string()),
        kind: Set(kind_code(new.entry.kind).to_owned()),
        status: Set(status_code(new.entry.status).to_owned()),
        method: Set(new.method.code().to_owned()),
        amount_krw: Set(new.entry.amount.won()),
        stripe_id: Set(new.stripe_id.map(str::to_owned)),
        note: Set(new.note.to_owned()),
        created_at: Set(new.at),
        updated_at: Set(new.at),
        ..Default::default()
    };
    match row.insert(db).await {
        Ok(row) => row_of(row),
        Err(error) if is_unique_violation(&error) => {
            let stripe_id = new.stripe_id.unwrap_or_default();
            by_stripe_id(db, stripe_id)
                .await?
                .ok_or_else(|| Error::Corrupt(format!("payment {stripe_id} vanished")))
        }
        Err(error) => Err(error.into()),
    }
}

/// The movement behind a Stripe object.
pub async fn by_stripe_id(
    db: &impl ConnectionTrait,
    stripe_id: &str,
) -> Result<Option<PaymentRow>, Error> {
    let row = payment::Entity::find()
        .filter(payment::Column::StripeId.eq(stripe_id))
        .one(db)
        .await?;
    row.map(row_of).transpose()
}

/// Moves the movement behind a Stripe object to `status` unless it already settled
/// (settled movements never go back: out-of-order events cannot undo them). Returns the
/// row as it is afterwards.
pub async fn settle(
    db: &impl ConnectionTrait,
    stripe_id: &str,
    status: EntryStatus,
    amount: Option<Krw>,
    at: OffsetDateTime,
) -> Result<Option<PaymentRow>, Error> {
    let mut update = payment::Entity::update_many()
        .col_expr(payment::Column::Status, Expr::value(status_code(status)))
        .col_expr(payment::Column::UpdatedAt, Expr::value(at));
    if let Some(amount) = amount {
        update = update.col_expr(payment::Column::AmountKrw, Expr::value(amount.won()));
    }
    update
        .filter(payment::Column::StripeId.eq(stripe_id))
        .filter(payment::Column::Status.ne(status_code(EntryStatus::Succeeded)))
        .exec(db)
        .await?;
    by_stripe_id(db, stripe_id).await
}

/// Every movement of an order, oldest first.
pub async fn for_order(
    db: &impl ConnectionTrait,
    order_id: &OrderId,
) -> Result<Vec<PaymentRow>, Error> {
    let rows = payment::Entity::find()
        .filter(payment::Column::OrderId.eq(order_id.as_str()))
        .order_by_asc(payment::Column::Id)
        .all(db)
        .await?;
    rows.into_iter().map(row_of).collect()
}

/// Every movement recorded on a Seoul calendar day (the reconciliation view).
pub async fn on_day(db: &impl ConnectionTrait, day: Date) -> Result<Vec<PaymentRow>, Error> {
    let start = PrimitiveDateTime::new(day, Time::MIDNIGHT).assume_offset(domain::SEOUL);
    let rows = payment::Entity::find()
        .filter(payment::Column::CreatedAt.gte(start))
        .filter(payment::Column::CreatedAt.lt(start + Duration::days(1)))
        .order_by_asc(payment::Column::Id)
        .all(db)
        .await?;
    rows.into_iter().map(row_of).collect()
}

/// Records that a Stripe event is being applied; `false` when it was applied before
/// (call inside the transaction that applies it, so a failure forgets it again).
pub async fn first_delivery(
    db: &impl ConnectionTrait,
    event_id: &str,
    kind: &str,
    at: OffsetDateTime,
) -> Result<bool, Error> {
    let row = stripe_event::ActiveModel {
        id: Set(event_id.to_owned()),
        kind: Set(kind.to_owned()),
        received_at: Set(at),
    };
    match row.insert(db).await {
        Ok(_) => Ok(true),
        Err(error) if is_unique_violation(&error) => Ok(false),
        Err(error) => Err(error.into()),
    }
}

/// Whether a Stripe event was applied before.
pub async fn event_seen(db: &impl ConnectionTrait, event_id: &str) -> Result<bool, Error> {
    Ok(stripe_event::Entity::find_by_id(event_id.to_owned())
        .one(db)
        .await?
        .is_some())
}

/// Card orders still `placed` (unpaid) that were placed before `cutoff`.
pub async fn unpaid_placed_before(
    db: &impl ConnectionTrait,
    cutoff: OffsetDateTime,
) -> Result<Vec<OrderId>, Error> {
    let rows = order::Entity::find()
        .filter(order::Column::Status.eq(domain::order::OrderStatus::Placed.code()))
        .filter(order::Column::PaymentMethod.eq(PaymentMethod::Stripe.code()))
        .filter(order::Column::CreatedAt.lt(cutoff))
        .all(db)
        .await?;
    rows.into_iter()
        .map(|row| OrderId::parse(&row.id).map_err(Error::from))
        .collect()
}

/// Remembers the Stripe customer (and, once known, the saved card) of an order, for
/// charging the balance off-session.
pub async fn save_card(
    db: &impl ConnectionTrait,
    order_id: &OrderId,
    customer: Option<&str>,
    payment_method: Option<&str>,
) -> Result<(), Error> {
    let mut update = order::Entity::update_many();
    if let Some(customer) = customer {
        update = update.col_expr(order::Column::StripeCustomerId, Expr::value(customer));
    }
    if let Some(payment_method) = payment_method {
        update = update.col_expr(
            order::Column::StripePaymentMethod,
            Expr::value(payment_method),
        );
    }
    update
        .filter(order::Column::Id.eq(order_id.as_str()))
        .exec(db)
        .await?;
    Ok(())
}

/// The saved Stripe customer and card of an order.
pub async fn saved_card(
    db: &impl ConnectionTrait,
    order_id: &OrderId,
) -> Result<(Option<String>, Option<String>), Error> {
    let row = order::Entity::find_by_id(order_id.to_string())
        .one(db)
        .await?;
    Ok(row.map_or((None, None), |row| {
        (row.stripe_customer_id, row.stripe_payment_method)
    }))
}

fn row_of(row: payment::Model) -> Result<PaymentRow, Error> {
    let kind = match row.kind.as_str() {
        "charge" => EntryKind::Charge,
        "refund" => EntryKind::Refund,
        "counter" => EntryKind::CounterPayment,
        "transfer" => EntryKind::Transfer,
        other => return Err(Error::Corrupt(format!("payment kind {other:?}"))),
    };
    let status = match row.status.as_str() {
        "pending" => EntryStatus::Pending,
        "succeeded" => EntryStatus::Succeeded,
        "failed" => EntryStatus::Failed,
        other => return Err(Error::Corrupt(format!("payment status {other:?}"))),
    };
    Ok(PaymentRow {
        id: row.id,
        order_id: OrderId::parse(&row.order_id)?,
        entry: Entry {
            kind,
            status,
            amount: Krw::new(row.amount_krw),
        },
        method: row.method.parse()?,
        stripe_id: row.stripe_id,
        note: row.note,
        created_at: row.created_at,
        updated_at: row.updated_at,
    })
}

/// The stored code of a movement kind.
pub const fn kind_code(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Charge => "charge",
        EntryKind::Refund => "refund",
        EntryKind::CounterPayment => "counter",
        EntryKind::Transfer => "transfer",
    }
}

/// The stored code of a movement status.
pub const fn status_code(status: EntryStatus) -> &'static str {
    match status {
        EntryStatus::Pending => "pending",
        EntryStatus::Succeeded => "succeeded",
        EntryStatus::Failed => "failed",
    }
}
