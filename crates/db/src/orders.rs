//! Orders: storing a placed order with its reservations in one transaction, reading it
//! back, moving it to a new itinerary, recording status changes, idempotency keys.

use std::collections::{BTreeMap, BTreeSet};

use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder, TransactionTrait,
};
use time::OffsetDateTime;

use domain::calendar::WorkMinutes;
use domain::catalogue::{ProductId, WorkshopId};
use domain::counter::CounterId;
use domain::language::Language;
use domain::money::Krw;
use domain::order::OrderStatus;
use domain::payment::PaymentMethod;
use domain::quote::Workshop;
use domain::schedule::{ProductionPlan, Slot};

use crate::Error;
use crate::capacity::{Deltas, add_slots, apply, record, release_order};
use crate::codec::narrow;
use crate::entities::{
    capacity_reservation, idempotency_key, order, order_item, order_status_change,
};
use crate::error::is_unique_violation;
use crate::events::{self, NewEvent};

/// Who the order is for, as given at order time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Traveller {
    /// Full name as on the passport.
    pub name: String,
    /// Contact email.
    pub email: String,
    /// The last four characters of the passport number.
    pub passport_last4: String,
    /// The language to write to them in.
    pub language: Language,
}

/// The trip an order is planned for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trip {
    /// Landing.
    pub arrival: OffsetDateTime,
    /// Flying home.
    pub departure: OffsetDateTime,
    /// Where the goods are collected.
    pub counter_id: CounterId,
    /// The latest pickup at that counter.
    pub pickup_deadline: OffsetDateTime,
}

/// What was agreed for one line: the configured product, how many, and the price.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineTerms {
    /// The product.
    pub product_id: ProductId,
    /// The workshop making it.
    pub workshop_id: WorkshopId,
    /// How many units.
    pub quantity: u16,
    /// The resolved configuration, `{group: value}`.
    pub options: BTreeMap<String, String>,
    /// Price of one unit.
    pub unit_price: Krw,
    /// Unit price times quantity.
    pub line_total: Krw,
    /// Deposit share of the line.
    pub deposit: Krw,
    /// Production time of one unit.
    pub unit_minutes: WorkMinutes,
}

/// A line to store, already priced and planned by the domain rules.
#[derive(Debug, Clone)]
pub struct NewLine {
    /// What was agreed.
    pub terms: LineTerms,
    /// When the item is ready at the counter.
    pub ready_by: OffsetDateTime,
    /// The production days to reserve.
    pub plan: ProductionPlan,
    /// The fitting it is made to (`{"request": …, "result": …}`, written by the API).
    pub fitting: Option<serde_json::Value>,
}

/// What identifies an order and what was agreed for it as a whole.
#[derive(Debug, Clone)]
pub struct OrderTerms {
    /// The public id (a UUID).
    pub id: String,
    /// The status (when storing: the one it starts in).
    pub status: OrderStatus,
    /// SHA-256 of the traveller's secret token, hex.
    pub token_hash: String,
    /// The pickup code, compact form.
    pub pickup_code: String,
    /// The trip.
    pub trip: Trip,
    /// The traveller.
    pub traveller: Traveller,
    /// Sum of the line totals.
    pub total: Krw,
    /// Sum of the line deposits.
    pub deposit: Krw,
    /// How it is paid.
    pub payment_method: PaymentMethod,
    /// When it was placed.
    pub created_at: OffsetDateTime,
}

/// An order to store.
#[derive(Debug, Clone)]
pub struct NewOrder {
    /// Identity and totals.
    pub terms: OrderTerms,
    /// The lines, in request order.
    pub lines: Vec<NewLine>,
    /// The idempotency key and the hash of the request it came with.
    pub idempotency: Option<(String, String)>,
}

/// An order as stored.
#[derive(Debug, Clone)]
pub struct StoredOrder {
    /// Identity, current status and totals.
    pub terms: OrderTerms,
    /// The lines, in order.
    pub items: Vec<StoredItem>,
    /// Every status change, oldest first.
    pub history: Vec<StatusChange>,
}

/// A stored order line with its reserved production days.
#[derive(Debug, Clone)]
pub struct StoredItem {
    /// The item's id (its ticket refers to it).
    pub id: i32,
    /// Line number, from 1.
    pub line_no: u16,
    /// What was agreed.
    pub terms: LineTerms,
    /// When it is ready at the counter.
    pub ready_by: OffsetDateTime,
    /// Reserved production days (empty once released).
    pub reserved: Vec<Slot>,
    /// The fitting it is made to, as the API stored it.
    pub fitting: Option<serde_json::Value>,
}

/// One recorded status change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusChange {
    /// The status before (`None` for creation).
    pub from: Option<OrderStatus>,
    /// The status after.
    pub to: OrderStatus,
    /// Who made the change (`traveller`, `system`, `operator:…`, `workshop:…`).
    pub actor: String,
    /// Why, in words.
    pub note: String,
    /// When.
    pub at: OffsetDateTime,
}

/// Stores a new order, its lines, its reservations, its first history entry and its
/// idempotency key in one transaction. Fails with [`Error::CapacityTaken`] when a
/// planned day filled up since planning (nothing is stored; re-plan and retry).
pub async fn place(
    db: &DatabaseConnection,
    new: &NewOrder,
    workshops: &BTreeMap<WorkshopId, Workshop>,
) -> Result<(), Error> {
    let mut deltas = Deltas::new();
    for line in &new.lines {
        add_slots(&mut deltas, line.terms.workshop_id, line.plan.slots(), 1);
    }
    let txn = db.begin().await?;
    apply(&txn, &deltas, workshops).await?;
    insert_order_row(&txn, &new.terms).await?;
    for (index, line) in new.lines.iter().enumerate() {
        let item_id = insert_line(&txn, &new.terms.id, index, line).await?;
        record(&txn, item_id, line.terms.workshop_id, line.plan.slots()).await?;
    }
    insert_change(
        &txn,
        &new.terms.id,
        None,
        new.terms.status,
        "traveller",
        "order placed",
        new.terms.created_at,
    )
    .await?;
    if let Some((key, request_hash)) = &new.idempotency {
        let row = idempotency_key::ActiveModel {
            key: Set(key.clone()),
            request_hash: Set(request_hash.clone()),
            order_id: Set(new.terms.id.clone()),
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

async fn insert_order_row(txn: &impl ConnectionTrait, new: &OrderTerms) -> Result<(), Error> {
    let row = order::ActiveModel {
        id: Set(new.id.clone()),
        status: Set(new.status.code().to_owned()),
        token_hash: Set(new.token_hash.clone()),
        pickup_code: Set(new.pickup_code.clone()),
        counter_id: Set(narrow(new.trip.counter_id.0, "counter id")?),
        arrival: Set(new.trip.arrival),
        departure: Set(new.trip.departure),
        pickup_deadline: Set(new.trip.pickup_deadline),
        traveller_name: Set(new.traveller.name.clone()),
        traveller_email: Set(new.traveller.email.clone()),
        passport_last4: Set(new.traveller.passport_last4.clone()),
        language: Set(new.traveller.language.code().to_owned()),
        total_krw: Set(new.total.won()),
        deposit_krw: Set(new.deposit.won()),
        created_at: Set(new.created_at),
        updated_at: Set(new.created_at),
        payment_method: Set(new.payment_method.code().to_owned()),
        stripe_customer_id: Set(None),
        stripe_payment_method: Set(None),
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
    txn: &impl ConnectionTrait,
    order_id: &str,
    index: usize,
    line: &NewLine,
) -> Result<i32, Error> {
    let options = serde_json::to_value(&line.terms.options)
        .map_err(|e| Error::Corrupt(format!("options: {e}")))?;
    let row = order_item::ActiveModel {
        order_id: Set(order_id.to_owned()),
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
        fitting: Set(line.fitting.clone()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(row.id)
}

/// Records a status change of an order, and its event, in the caller's transaction.
pub(crate) async fn insert_change(
    txn: &impl ConnectionTrait,
    order_id: &str,
    from: Option<OrderStatus>,
    to: OrderStatus,
    actor: &str,
    note: &str,
    at: OffsetDateTime,
) -> Result<(), Error> {
    order_status_change::ActiveModel {
        order_id: Set(order_id.to_owned()),
        from_status: Set(from.map(|s| s.code().to_owned())),
        to_status: Set(to.code().to_owned()),
        actor: Set(actor.to_owned()),
        note: Set(note.to_owned()),
        at: Set(at),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let kind = match from {
        Some(from) if from == to => "order.updated".to_owned(),
        _ => format!("order.{}", to.code()),
    };
    let payload = serde_json::json!({
        "from": from.map(OrderStatus::code),
        "to": to.code(),
        "actor": actor,
        "note": note,
    });
    let event = NewEvent {
        order_id,
        ticket_id: None,
        workshop_id: None,
        kind,
        payload,
        at,
    };
    events::record(txn, event).await?;
    Ok(())
}

/// The order with this id, its items and history.
pub async fn find(db: &impl ConnectionTrait, id: &str) -> Result<Option<StoredOrder>, Error> {
    let Some(row) = order::Entity::find_by_id(id.to_owned()).one(db).await? else {
        return Ok(None);
    };
    let items = order_item::Entity::find()
        .filter(order_item::Column::OrderId.eq(id))
        .order_by_asc(order_item::Column::LineNo)
        .all(db)
        .await?;
    let reservations = capacity_reservation::Entity::find()
        .filter(
            capacity_reservation::Column::OrderItemId
                .is_in(items.iter().map(|i| i.id).collect::<Vec<_>>()),
        )
        .order_by_asc(capacity_reservation::Column::Day)
        .all(db)
        .await?;
    let history = order_status_change::Entity::find()
        .filter(order_status_change::Column::OrderId.eq(id))
        .order_by_asc(order_status_change::Column::Id)
        .all(db)
        .await?;
    stored_order(row, items, &reservations, history).map(Some)
}

fn stored_order(
    row: order::Model,
    items: Vec<order_item::Model>,
    reservations: &[capacity_reservation::Model],
    history: Vec<order_status_change::Model>,
) -> Result<StoredOrder, Error> {
    let items = items
        .into_iter()
        .map(|item| stored_item(item, reservations))
        .collect::<Result<_, _>>()?;
    let history = history
        .into_iter()
        .map(|change| {
            Ok(StatusChange {
                from: change.from_status.as_deref().map(str::parse).transpose()?,
                to: change.to_status.parse()?,
                actor: change.actor,
                note: change.note,
                at: change.at,
            })
        })
        .collect::<Result<_, Error>>()?;
    Ok(StoredOrder {
        terms: OrderTerms {
            status: row.status.parse()?,
            token_hash: row.token_hash,
            pickup_code: row.pickup_code,
            trip: Trip {
                arrival: row.arrival,
                departure: row.departure,
                counter_id: CounterId(row.counter_id.into()),
                pickup_deadline: row.pickup_deadline,
            },
            traveller: Traveller {
                name: row.traveller_name,
                email: row.traveller_email,
                passport_last4: row.passport_last4,
                language: row.language.parse()?,
            },
            total: Krw::new(row.total_krw),
            deposit: Krw::new(row.deposit_krw),
            payment_method: row.payment_method.parse()?,
            created_at: row.created_at,
            id: row.id,
        },
        items,
        history,
    })
}

fn stored_item(
    item: order_item::Model,
    reservations: &[capacity_reservation::Model],
) -> Result<StoredItem, Error> {
    let reserved = reservations
        .iter()
        .filter(|r| r.order_item_id == item.id)
        .map(|r| {
            Ok(Slot {
                date: r.day,
                minutes: WorkMinutes::new(narrow(r.minutes, "minutes")?),
            })
        })
        .collect::<Result<_, Error>>()?;
    Ok(StoredItem {
        id: item.id,
        line_no: narrow(item.line_no, "line number")?,
        terms: LineTerms {
            product_id: ProductId(item.product_id.into()),
            workshop_id: WorkshopId(item.workshop_id.into()),
            quantity: narrow(item.quantity, "quantity")?,
            options: serde_json::from_value(item.options)
                .map_err(|e| Error::Corrupt(format!("options: {e}")))?,
            unit_price: Krw::new(item.unit_price_krw),
            line_total: Krw::new(item.line_total_krw),
            deposit: Krw::new(item.deposit_krw),
            unit_minutes: WorkMinutes::new(narrow(item.unit_minutes, "unit minutes")?),
        },
        ready_by: item.ready_by,
        reserved,
        fitting: item.fitting,
    })
}

/// The request hash and order id stored under an idempotency key.
pub async fn find_idempotency_key(
    db: &impl ConnectionTrait,
    key: &str,
) -> Result<Option<(String, String)>, Error> {
    let row = idempotency_key::Entity::find_by_id(key.to_owned())
        .one(db)
        .await?;
    Ok(row.map(|row| (row.request_hash, row.order_id)))
}

/// Forgets idempotency keys stored before `cutoff`.
pub async fn purge_idempotency_keys(
    db: &impl ConnectionTrait,
    cutoff: OffsetDateTime,
) -> Result<u64, Error> {
    let result = idempotency_key::Entity::delete_many()
        .filter(idempotency_key::Column::CreatedAt.lt(cutoff))
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

/// A status change to record, guarded by the status the caller saw.
#[derive(Debug, Clone)]
pub struct Transition<'a> {
    /// The order.
    pub order_id: &'a str,
    /// The status the caller decided from; the change fails if it moved meanwhile.
    pub from: OrderStatus,
    /// The new status (already checked against the lifecycle).
    pub to: OrderStatus,
    /// Who.
    pub actor: &'a str,
    /// Why.
    pub note: &'a str,
    /// When.
    pub at: OffsetDateTime,
}

/// Changes the status if it is still `from`, records the change, and gives back the
/// order's capacity when the new status no longer holds it. `Ok(false)` when the status
/// had moved on (nothing written).
pub async fn transition(db: &DatabaseConnection, change: &Transition<'_>) -> Result<bool, Error> {
    let txn = db.begin().await?;
    if !set_status(&txn, change).await? {
        return Ok(false);
    }
    if change.from.holds_capacity() && !change.to.holds_capacity() {
        let mut deltas = Deltas::new();
        release_order(&txn, change.order_id, &mut deltas).await?;
        apply(&txn, &deltas, &BTreeMap::new()).await?;
    }
    if matches!(change.to, OrderStatus::Cancelled | OrderStatus::Declined) {
        crate::tickets::cancel_other_tickets(&txn, change.order_id, change.at).await?;
    }
    insert_change(
        &txn,
        change.order_id,
        Some(change.from),
        change.to,
        change.actor,
        change.note,
        change.at,
    )
    .await?;
    txn.commit().await?;
    Ok(true)
}

async fn set_status(txn: &impl ConnectionTrait, change: &Transition<'_>) -> Result<bool, Error> {
    let updated = order::Entity::update_many()
        .col_expr(order::Column::Status, Expr::value(change.to.code()))
        .col_expr(order::Column::UpdatedAt, Expr::value(change.at))
        .filter(order::Column::Id.eq(change.order_id))
        .filter(order::Column::Status.eq(change.from.code()))
        .exec(txn)
        .await?;
    Ok(updated.rows_affected == 1)
}

/// A new plan for an existing order after its itinerary changed.
#[derive(Debug, Clone)]
pub struct Replan<'a> {
    /// The order.
    pub order_id: &'a str,
    /// The status the caller planned from; the move fails if it changed meanwhile.
    pub status: OrderStatus,
    /// The new trip.
    pub trip: Trip,
    /// Per line (same order as stored): the new ready-by and production plan.
    pub lines: Vec<(OffsetDateTime, ProductionPlan)>,
    /// Who asked.
    pub actor: &'a str,
    /// When.
    pub at: OffsetDateTime,
}

/// Moves an order to a new trip: releases its reservations and reserves the new plan in
/// one transaction. [`Error::CapacityTaken`] when a day filled up since planning; `Ok(false)`
/// when the order's status moved on. Nothing is written in either case.
pub async fn replan(
    db: &DatabaseConnection,
    replan: &Replan<'_>,
    workshops: &BTreeMap<WorkshopId, Workshop>,
) -> Result<bool, Error> {
    let txn = db.begin().await?;
    let updated = order::Entity::update_many()
        .col_expr(order::Column::Arrival, Expr::value(replan.trip.arrival))
        .col_expr(order::Column::Departure, Expr::value(replan.trip.departure))
        .col_expr(
            order::Column::CounterId,
            Expr::value(narrow::<i32>(replan.trip.counter_id.0, "counter id")?),
        )
        .col_expr(
            order::Column::PickupDeadline,
            Expr::value(replan.trip.pickup_deadline),
        )
        .col_expr(order::Column::UpdatedAt, Expr::value(replan.at))
        .filter(order::Column::Id.eq(replan.order_id))
        .filter(order::Column::Status.eq(replan.status.code()))
        .exec(&txn)
        .await?;
    if updated.rows_affected != 1 {
        return Ok(false);
    }
    let mut deltas = Deltas::new();
    release_order(&txn, replan.order_id, &mut deltas).await?;
    let items = order_item::Entity::find()
        .filter(order_item::Column::OrderId.eq(replan.order_id))
        .order_by_asc(order_item::Column::LineNo)
        .all(&txn)
        .await?;
    if items.len() != replan.lines.len() {
        return Err(Error::Corrupt(format!(
            "order {} has {} items",
            replan.order_id,
            items.len()
        )));
    }
    for (item, (_, plan)) in items.iter().zip(&replan.lines) {
        add_slots(
            &mut deltas,
            WorkshopId(item.workshop_id.into()),
            plan.slots(),
            1,
        );
    }
    apply(&txn, &deltas, workshops).await?;
    for (item, (ready_by, plan)) in items.into_iter().zip(&replan.lines) {
        record(
            &txn,
            item.id,
            WorkshopId(item.workshop_id.into()),
            plan.slots(),
        )
        .await?;
        let mut item: order_item::ActiveModel = item.into();
        item.ready_by = Set(*ready_by);
        item.update(&txn).await?;
    }
    let note = "itinerary changed; production re-planned";
    insert_change(
        &txn,
        replan.order_id,
        Some(replan.status),
        replan.status,
        replan.actor,
        note,
        replan.at,
    )
    .await?;
    txn.commit().await?;
    Ok(true)
}

/// The workshops an order's items are made at.
pub fn workshops_of(order: &StoredOrder) -> BTreeSet<WorkshopId> {
    order.items.iter().map(|i| i.terms.workshop_id).collect()
}
