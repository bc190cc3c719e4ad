//! Placing an order: its reservations, rows, first history entry and idempotency key in
//! one transaction.

use std::collections::BTreeMap;

use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseConnection};

use domain::actor::Actor;
use domain::catalogue::WorkshopId;
use domain::order::{NewLine, NewOrder, OrderId, OrderStatus, OrderTerms};
use domain::quote::Workshop;

use crate::Error;
use crate::capacity::{Deltas, add_slots, apply, record};
use crate::capacity_lock;
use crate::codec::narrow;
use crate::entities::{idempotency_key, order, order_item};
use crate::error::is_unique_violation;
use crate::history::{Because, OrderChange, record_order_change};

/// Stores a new order, `placed`, with its lines, its reservations, its first history
/// entry and its idempotency key in one transaction. Fails with [`Error::CapacityTaken`]
/// when a planned day filled up since planning (nothing is stored; re-plan and retry).
pub async fn place(
    db: &DatabaseConnection,
    new: &NewOrder,
    workshops: &BTreeMap<WorkshopId, Workshop>,
) -> Result<(), Error> {
    let mut deltas = Deltas::new();
    for line in &new.lines {
        add_slots(&mut deltas, line.terms.workshop_id, line.plan.slots(), 1);
    }
    let txn = capacity_lock::begin(db).await?;
    apply(&txn, &deltas, workshops).await?;
    insert_order_row(&txn, &new.terms).await?;
    for (index, line) in new.lines.iter().enumerate() {
        let item_id = insert_line(&txn, &new.terms.id, index, line).await?;
        record(&txn, item_id, line.terms.workshop_id, line.plan.slots()).await?;
    }
    let because = Because {
        actor: &Actor::Traveller,
        note: "order placed",
        at: new.terms.created_at,
    };
    record_order_change(&txn, &new.terms.id, OrderChange::Placed, because).await?;
    if let Some(idempotency) = &new.idempotency {
        let row = idempotency_key::ActiveModel {
            key: Set(idempotency.key.clone()),
            request_hash: Set(idempotency.request_hash.clone()),
            order_id: Set(new.terms.id.to_string()),
            created_at: Set(new.terms.created_at),
        };
        row.insert(&txn).await.map_err(|e| {
            if is_unique_violation(&e) {
                Error::DuplicateIdempotencyKey
            } else {
                e.into()
            }
        })?;
    }
    txn.commit().await?;
    Ok(())
}

async fn insert_order_row(
    txn: &impl sea_orm::ConnectionTrait,
    new: &OrderTerms,
) -> Result<(), Error> {
    let row = order::ActiveModel {
        id: Set(new.id.to_string()),
        status: Set(OrderStatus::Placed.code().to_owned()),
        token_hash: Set(new.token_hash.clone()),
        pickup_code: Set(new.pickup_code.compact()),
        counter_id: Set(narrow(new.trip.counter_id.0, "counter id")?),
        arrival: Set(new.trip.arrival),
        departure: Set(new.trip.departure),
        pickup_deadline: Set(new.trip.pickup_deadline),
        traveller_name: Set(new.traveller.name.to_string()),
        traveller_email: Set(new.traveller.email.to_string()),
        passport_last4: Set(new.traveller.passport_last4.to_string()),
        language: Set(new.traveller.language.code().to_owned()),
        total_krw: Set(new.total.won()),
        deposit_krw: Set(new.deposit.won()),
        created_at: Set(new.created_at),
        updated_at: Set(new.created_at),
        payment_method: Set(new.payment_method.code().to_owned()),
        stripe_customer_id: Set(None),
        stripe_payment_method: Set(None),
        goods_released_at: Set(None),
    };
    row.insert(txn).await.map_err(|e| {
        if is_unique_violation(&e) {
            Error::DuplicatePickupCode
        } else {
            e.into()
        }
    })?;
    Ok(())
}

async fn insert_line(
    txn: &impl sea_orm::ConnectionTrait,
    order_id: &OrderId,
    index: usize,
    line: &NewLine,
) -> Result<i32, Error> {
    let options = serde_json::to_value(&line.terms.options)
        .map_err(|e| Error::Corrupt(format!("options: {e}")))?;
    let fitting = line
        .fitting
        .as_ref()
        .map(|f| serde_json::from_str(&f.0))
        .transpose()
        .map_err(|e| Error::Corrupt(format!("fitting: {e}")))?;
    let row = order_item::ActiveModel {
        order_id: Set(order_id.to_string()),
        line_no: Set(narrow(index as i64 + 1, "line number")?),
        product_id: Set(narrow(line.terms.product_id.0, "product id")?),
        workshop_id: Set(narrow(line.terms.workshop_id.0, "workshop id")?),
        quantity: Set(line.terms.quantity.into()),
        options: Set(options),
        unit_price_krw: Set(line.terms.unit_price.won()),
        line_total_krw: Set(line.terms.line_total.won()),
        deposit_krw: Set(line.terms.deposit.won()),
        unit_minutes: Set(narrow(line.terms.unit_minutes.get(), "unit minutes")?),
        ready_by: Set(line.ready_by),
        fitting: Set(fitting),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(row.id)
}
