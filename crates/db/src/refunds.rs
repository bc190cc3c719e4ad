//! The refund outbox: money to give back, one row per PaymentIntent, written in the
//! transaction of the change that decided it ([`decide_in`]) and sent by whichever server
//! process claims it first, until Stripe answers.
//!
//! A refund row also writes the pending refund into the money record (a `payments` row
//! without a Stripe id yet), so the traveller and the operator see it as pending from the
//! moment it is decided. [`claim`] is one conditional `UPDATE` like a webhook delivery's:
//! it counts the attempt and leases the row only if it is still pending, due and at the
//! attempt count the caller read. A process that dies while sending leaves the row leased;
//! when the lease runs out another process sends it again with the same idempotency key.

use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, TransactionTrait,
};
use time::OffsetDateTime;

use domain::money::Krw;
use domain::order::OrderId;
use domain::payment::{Entry, EntryKind, EntryStatus, PaymentMethod};
use domain::refund::{MoneyBack, RefundKind, RefundStatus};

use crate::Error;
use crate::entities::{payment, refund};
use crate::payments::{NewPayment, record};

/// A stored money-back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refund {
    /// The row id (part of its idempotency key at Stripe).
    pub id: i32,
    /// The order.
    pub order_id: OrderId,
    /// What to give back, on which PaymentIntent.
    pub money_back: MoneyBack,
    /// Where it stands.
    pub status: RefundStatus,
    /// Why, in words.
    pub reason: String,
    /// Attempts made so far (the version [`claim`] checks).
    pub attempts: i32,
    /// When it is due to be sent (again).
    pub next_attempt_at: OffsetDateTime,
    /// Stripe's refund, once made.
    pub stripe_refund_id: Option<String>,
    /// Why the last attempt failed.
    pub last_error: Option<String>,
}

/// Stores the money-backs decided with a change, in the change's transaction: each
/// becomes due at once, and each refund (not a void) is also written to the money record
/// as a pending refund. A PaymentIntent that already has a money-back keeps it.
pub async fn decide_in(
    txn: &impl ConnectionTrait,
    order_id: &OrderId,
    decided: &[MoneyBack],
    reason: &str,
    at: OffsetDateTime,
) -> Result<(), Error> {
    for money_back in decided {
        let inserted = refund::Entity::insert(refund::ActiveModel {
            order_id: Set(order_id.to_string()),
            payment_intent: Set(money_back.payment_intent.clone()),
            kind: Set(money_back.kind.code().to_owned()),
            amount_krw: Set(money_back.amount.won()),
            status: Set(RefundStatus::Pending.code().to_owned()),
            reason: Set(reason.to_owned()),
            payment_id: Set(None),
            attempts: Set(0),
            next_attempt_at: Set(at),
            stripe_refund_id: Set(None),
            last_error: Set(None),
            created_at: Set(at),
            updated_at: Set(at),
            ..Default::default()
        })
        .on_conflict(
            OnConflict::column(refund::Column::PaymentIntent)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(txn)
        .await?;
        if inserted == 1 && money_back.kind == RefundKind::Refund {
            let row = by_intent(txn, &money_back.payment_intent).await?;
            write_pending_refund(txn, &row, at).await?;
        }
    }
    Ok(())
}

/// [`decide_in`] in a transaction of its own (money owed back without a status change:
/// a payment that landed after its order ended).
pub async fn decide(
    db: &DatabaseConnection,
    order_id: &OrderId,
    decided: &[MoneyBack],
    reason: &str,
    at: OffsetDateTime,
) -> Result<(), Error> {
    let txn = db.begin().await?;
    decide_in(&txn, order_id, decided, reason, at).await?;
    txn.commit().await?;
    Ok(())
}

/// Up to `limit` pending money-backs due at `now`, oldest first; only `order` when given.
pub async fn due(
    db: &impl ConnectionTrait,
    now: OffsetDateTime,
    order: Option<&OrderId>,
    limit: u64,
) -> Result<Vec<Refund>, Error> {
    let mut query = refund::Entity::find()
        .filter(refund::Column::Status.eq(RefundStatus::Pending.code()))
        .filter(refund::Column::NextAttemptAt.lte(now));
    if let Some(order) = order {
        query = query.filter(refund::Column::OrderId.eq(order.as_str()));
    }
    let rows = query
        .order_by_asc(refund::Column::NextAttemptAt)
        .order_by_asc(refund::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    rows.into_iter().map(refund_of).collect()
}

/// Every money-back of an order, oldest first.
pub async fn for_order(
    db: &impl ConnectionTrait,
    order_id: &OrderId,
) -> Result<Vec<Refund>, Error> {
    let rows = refund::Entity::find()
        .filter(refund::Column::OrderId.eq(order_id.as_str()))
        .order_by_asc(refund::Column::Id)
        .all(db)
        .await?;
    rows.into_iter().map(refund_of).collect()
}

/// Claims money-back `id` for one attempt: counts it and leases the row until
/// `lease_until`, if it is still pending, due at `now` and at `seen_attempts` attempts.
/// `true` means this caller won and should send it now.
pub async fn claim(
    db: &impl ConnectionTrait,
    id: i32,
    seen_attempts: i32,
    now: OffsetDateTime,
    lease_until: OffsetDateTime,
) -> Result<bool, Error> {
    let updated = refund::Entity::update_many()
        .col_expr(
            refund::Column::Attempts,
            Expr::value(seen_attempts.saturating_add(1)),
        )
        .col_expr(refund::Column::NextAttemptAt, Expr::value(lease_until))
        .filter(refund::Column::Id.eq(id))
        .filter(refund::Column::Attempts.eq(seen_attempts))
        .filter(refund::Column::Status.eq(RefundStatus::Pending.code()))
        .filter(refund::Column::NextAttemptAt.lte(now))
        .exec(db)
        .await?;
    Ok(updated.rows_affected == 1)
}

/// Records that a claimed attempt failed with `error`, and when to try again.
pub async fn retry_later(
    db: &impl ConnectionTrait,
    id: i32,
    error: &str,
    retry_at: OffsetDateTime,
) -> Result<(), Error> {
    refund::Entity::update_many()
        .col_expr(
            refund::Column::LastError,
            Expr::value(Some(error.to_owned())),
        )
        .col_expr(refund::Column::NextAttemptAt, Expr::value(retry_at))
        .col_expr(refund::Column::UpdatedAt, Expr::value(retry_at))
        .filter(refund::Column::Id.eq(id))
        .filter(refund::Column::Status.eq(RefundStatus::Pending.code()))
        .exec(db)
        .await?;
    Ok(())
}

/// What Stripe answered for a claimed money-back.
#[derive(Debug, Clone)]
pub enum Answer<'a> {
    /// The PaymentIntent was cancelled: nothing was taken.
    Voided,
    /// Stripe made refund `stripe_id` of `amount`, now `status` (pending at the bank,
    /// succeeded or failed).
    Refunded {
        /// Stripe's refund id.
        stripe_id: &'a str,
        /// What it gives back.
        amount: Krw,
        /// Where Stripe says it stands.
        status: EntryStatus,
    },
    /// Stripe refused for good.
    Refused(&'a str),
}

/// Settles a claimed money-back with Stripe's answer, in one transaction with the money
/// record: a void marks its charge failed; a refund settles (or writes) its refund
/// movement with Stripe's id. `false` when the row was no longer pending.
pub async fn settle(
    db: &DatabaseConnection,
    refund: &Refund,
    answer: Answer<'_>,
    at: OffsetDateTime,
) -> Result<bool, Error> {
    let txn = db.begin().await?;
    let (status, stripe_id, error) = match &answer {
        Answer::Voided => (RefundStatus::Voided, None, None),
        Answer::Refunded { stripe_id, .. } => (RefundStatus::Succeeded, Some(*stripe_id), None),
        Answer::Refused(why) => (RefundStatus::Failed, None, Some(*why)),
    };
    let updated = refund::Entity::update_many()
        .col_expr(refund::Column::Status, Expr::value(status.code()))
        .col_expr(
            refund::Column::StripeRefundId,
            Expr::value(stripe_id.map(str::to_owned)),
        )
        .col_expr(
            refund::Column::LastError,
            Expr::value(error.map(str::to_owned)),
        )
        .col_expr(refund::Column::UpdatedAt, Expr::value(at))
        .filter(refund::Column::Id.eq(refund.id))
        .filter(refund::Column::Status.eq(RefundStatus::Pending.code()))
        .exec(&txn)
        .await?;
    if updated.rows_affected != 1 {
        return Ok(false);
    }
    let row = refund::Entity::find_by_id(refund.id)
        .one(&txn)
        .await?
        .ok_or_else(|| Error::Corrupt(format!("refund {} vanished", refund.id)))?;
    match answer {
        Answer::Voided => {
            crate::payments::settle(
                &txn,
                &refund.money_back.payment_intent,
                EntryStatus::Failed,
                None,
                at,
            )
            .await?;
        }
        Answer::Refunded {
            stripe_id,
            amount,
            status,
        } => settle_movement(&txn, &row, stripe_id, amount, status, at).await?,
        Answer::Refused(_) => {
            if let Some(payment_id) = row.payment_id {
                mark_movement(&txn, payment_id, None, None, EntryStatus::Failed, at).await?;
            }
        }
    }
    txn.commit().await?;
    Ok(true)
}

/// A void whose PaymentIntent turned out paid: it becomes a refund of `amount` (the
/// charge is recorded as taken), written to the money record as pending.
pub async fn turn_into_refund(
    db: &DatabaseConnection,
    refund: &Refund,
    amount: Krw,
    at: OffsetDateTime,
) -> Result<Refund, Error> {
    let txn = db.begin().await?;
    refund::Entity::update_many()
        .col_expr(refund::Column::Kind, Expr::value(RefundKind::Refund.code()))
        .col_expr(refund::Column::AmountKrw, Expr::value(amount.won()))
        .col_expr(refund::Column::UpdatedAt, Expr::value(at))
        .filter(refund::Column::Id.eq(refund.id))
        .filter(refund::Column::Kind.eq(RefundKind::Void.code()))
        .exec(&txn)
        .await?;
    let intent = &refund.money_back.payment_intent;
    crate::payments::settle(&txn, intent, EntryStatus::Succeeded, Some(amount), at).await?;
    let row = by_intent(&txn, intent).await?;
    if row.payment_id.is_none() {
        write_pending_refund(&txn, &row, at).await?;
    }
    let row = by_intent(&txn, intent).await?;
    txn.commit().await?;
    refund_of(row)
}

/// Settles the refund movement of a money-back by Stripe's refund id (from a webhook):
/// `true` when one was found.
pub async fn settle_by_stripe_id(
    db: &impl ConnectionTrait,
    stripe_id: &str,
    status: EntryStatus,
    at: OffsetDateTime,
) -> Result<bool, Error> {
    let row = refund::Entity::find()
        .filter(refund::Column::StripeRefundId.eq(stripe_id))
        .one(db)
        .await?;
    Ok(row.is_some()
        && crate::payments::settle(db, stripe_id, status, None, at)
            .await?
            .is_some())
}

async fn settle_movement(
    txn: &impl ConnectionTrait,
    row: &refund::Model,
    stripe_id: &str,
    amount: Krw,
    status: EntryStatus,
    at: OffsetDateTime,
) -> Result<(), Error> {
    // A webhook may have recorded Stripe's refund first: then that row is the movement.
    if let Some(existing) = crate::payments::by_stripe_id(txn, stripe_id).await? {
        if let Some(payment_id) = row.payment_id.filter(|id| *id != existing.id) {
            payment::Entity::delete_by_id(payment_id).exec(txn).await?;
        }
        let settled = if existing.entry.status == EntryStatus::Succeeded {
            EntryStatus::Succeeded
        } else {
            status
        };
        return mark_movement(txn, existing.id, None, Some(amount), settled, at).await;
    }
    match row.payment_id {
        Some(payment_id) => {
            mark_movement(txn, payment_id, Some(stripe_id), Some(amount), status, at).await
        }
        None => {
            let order_id = OrderId::parse(&row.order_id)?;
            let new = NewPayment {
                order_id: &order_id,
                entry: Entry {
                    kind: EntryKind::Refund,
                    status,
                    amount,
                },
                method: PaymentMethod::Stripe,
                stripe_id: Some(stripe_id),
                note: &row.reason,
                at,
            };
            record(txn, &new).await.map(|_| ())
        }
    }
}

async fn mark_movement(
    txn: &impl ConnectionTrait,
    payment_id: i32,
    stripe_id: Option<&str>,
    amount: Option<Krw>,
    status: EntryStatus,
    at: OffsetDateTime,
) -> Result<(), Error> {
    let mut update = payment::Entity::update_many()
        .col_expr(
            payment::Column::Status,
            Expr::value(crate::payments::status_code(status)),
        )
        .col_expr(payment::Column::UpdatedAt, Expr::value(at));
    if let Some(stripe_id) = stripe_id {
        update = update.col_expr(payment::Column::StripeId, Expr::value(stripe_id));
    }
    if let Some(amount) = amount {
        update = update.col_expr(payment::Column::AmountKrw, Expr::value(amount.won()));
    }
    update
        .filter(payment::Column::Id.eq(payment_id))
        .exec(txn)
        .await?;
    Ok(())
}

async fn write_pending_refund(
    txn: &impl ConnectionTrait,
    row: &refund::Model,
    at: OffsetDateTime,
) -> Result<(), Error> {
    let order_id = OrderId::parse(&row.order_id)?;
    let new = NewPayment {
        order_id: &order_id,
        entry: Entry {
            kind: EntryKind::Refund,
            status: EntryStatus::Pending,
            amount: Krw::new(row.amount_krw),
        },
        method: PaymentMethod::Stripe,
        stripe_id: None,
        note: &row.reason,
        at,
    };
    let movement = record(txn, &new).await?;
    refund::Entity::update_many()
        .col_expr(refund::Column::PaymentId, Expr::value(Some(movement.id)))
        .filter(refund::Column::Id.eq(row.id))
        .exec(txn)
        .await?;
    Ok(())
}

async fn by_intent(txn: &impl ConnectionTrait, intent: &str) -> Result<refund::Model, Error> {
    refund::Entity::find()
        .filter(refund::Column::PaymentIntent.eq(intent))
        .one(txn)
        .await?
        .ok_or_else(|| Error::Corrupt(format!("no refund for {intent}")))
}

fn refund_of(row: refund::Model) -> Result<Refund, Error> {
    Ok(Refund {
        id: row.id,
        order_id: OrderId::parse(&row.order_id)?,
        money_back: MoneyBack {
            payment_intent: row.payment_intent,
            kind: row.kind.parse()?,
            amount: Krw::new(row.amount_krw),
        },
        status: row.status.parse()?,
        reason: row.reason,
        attempts: row.attempts,
        next_attempt_at: row.next_attempt_at,
        stripe_refund_id: row.stripe_refund_id,
        last_error: row.last_error,
    })
}
