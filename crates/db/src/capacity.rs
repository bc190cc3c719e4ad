//! Workshop capacity: the minutes reserved per day, and reserving more atomically.
//!
//! Each `(workshop, day)` has one `workshop_day_loads` row holding the reserved minutes.
//! Reserving adds to it with a single conditional `UPDATE … WHERE reserved_minutes <=
//! capacity - minutes`: the database row lock (PostgreSQL) or write lock (SQLite) makes
//! the check and the addition one step, so concurrent orders, in one process or many,
//! can never book a day beyond its capacity. A failed condition means someone else took
//! the room after we planned; the caller re-plans. The capacity is the one in force: read
//! in the same transaction, under the workshop's lock that capacity cuts also take
//! ([`crate::capacity_lock`]).

use std::collections::{BTreeMap, BTreeSet};

use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use time::Date;

use domain::calendar::WorkMinutes;
use domain::catalogue::WorkshopId;
use domain::quote::Workshop;
use domain::schedule::{DayLoad, Slot};

use crate::Error;
use crate::capacity_lock;
use crate::codec::narrow;
use crate::entities::{capacity_reservation, order_item, workshop_day_load as day_load};

/// The reserved minutes of each workshop from `from` on.
pub async fn day_loads(
    db: &impl ConnectionTrait,
    workshops: &BTreeSet<WorkshopId>,
    from: Date,
) -> Result<BTreeMap<WorkshopId, DayLoad>, Error> {
    let ids: Vec<i64> = workshops.iter().map(|w| w.0).collect();
    let rows = day_load::Entity::find()
        .filter(day_load::Column::WorkshopId.is_in(ids))
        .filter(day_load::Column::Day.gte(from))
        .all(db)
        .await?;
    let mut loads: BTreeMap<WorkshopId, DayLoad> =
        workshops.iter().map(|w| (*w, DayLoad::new())).collect();
    for row in rows {
        let minutes = WorkMinutes::new(narrow(row.reserved_minutes, "reserved minutes")?);
        loads
            .entry(WorkshopId(row.workshop_id.into()))
            .or_default()
            .add(row.day, minutes);
    }
    Ok(loads)
}

/// Minutes to add to (positive) or give back from (negative) each workshop day.
pub(crate) type Deltas = BTreeMap<(WorkshopId, Date), i64>;

/// Adds the minutes of `slots` at `workshop` to `deltas`.
pub(crate) fn add_slots(deltas: &mut Deltas, workshop: WorkshopId, slots: &[Slot], sign: i64) {
    for slot in slots {
        *deltas.entry((workshop, slot.date)).or_default() += sign * i64::from(slot.minutes.get());
    }
}

/// Applies every delta in `(workshop, day)` order, so that concurrent transactions lock
/// day rows in one global order and cannot deadlock. Additions are conditional on the
/// day's capacity under the calendar in force, read under the workshop's lock
/// ([`capacity_lock`]; the transaction began with [`capacity_lock::begin`]):
/// [`Error::CalendarChanged`] when it is not the calendar in `workshops` the plan was
/// made with. Give-backs always succeed.
pub(crate) async fn apply(
    txn: &impl ConnectionTrait,
    deltas: &Deltas,
    workshops: &BTreeMap<WorkshopId, Workshop>,
) -> Result<(), Error> {
    let reserving: BTreeSet<WorkshopId> = deltas
        .iter()
        .filter(|(_, minutes)| **minutes > 0)
        .map(|((workshop, _), _)| *workshop)
        .collect();
    let in_force = if reserving.is_empty() {
        BTreeMap::new()
    } else {
        capacity_lock::calendars_for_reserving(txn, &reserving).await?
    };
    for (&(workshop, day), &minutes) in deltas {
        if minutes > 0 {
            let planned = &workshops
                .get(&workshop)
                .ok_or_else(|| Error::Corrupt(format!("workshop {} not loaded", workshop.0)))?
                .calendar;
            let calendar = in_force
                .get(&workshop)
                .ok_or_else(|| Error::Corrupt(format!("workshop {} is gone", workshop.0)))?;
            if calendar != planned {
                return Err(Error::CalendarChanged {
                    workshop: workshop.0,
                });
            }
            reserve_day(txn, workshop, day, minutes, calendar.capacity_on(day)).await?;
        } else if minutes < 0 {
            give_back(txn, workshop, day, -minutes).await?;
        }
    }
    Ok(())
}

/// Adds `minutes` to the workshop's day if the day still has room under `capacity`.
async fn reserve_day(
    txn: &impl ConnectionTrait,
    workshop: WorkshopId,
    day: Date,
    minutes: i64,
    capacity: WorkMinutes,
) -> Result<(), Error> {
    let workshop_id: i32 = narrow(workshop.0, "workshop id")?;
    let taken = || Error::CapacityTaken {
        workshop: workshop.0,
        day,
    };
    let headroom = i64::from(capacity.get()) - minutes;
    if headroom < 0 {
        return Err(taken());
    }
    let fresh = day_load::ActiveModel {
        workshop_id: Set(workshop_id),
        day: Set(day),
        reserved_minutes: Set(0),
    };
    day_load::Entity::insert(fresh)
        .on_conflict_do_nothing_on([day_load::Column::WorkshopId, day_load::Column::Day])
        .exec(txn)
        .await?;
    let updated = day_load::Entity::update_many()
        .col_expr(
            day_load::Column::ReservedMinutes,
            Expr::col(day_load::Column::ReservedMinutes).add(minutes),
        )
        .filter(day_load::Column::WorkshopId.eq(workshop_id))
        .filter(day_load::Column::Day.eq(day))
        .filter(day_load::Column::ReservedMinutes.lte(headroom))
        .exec(txn)
        .await?;
    if updated.rows_affected == 1 {
        Ok(())
    } else {
        Err(taken())
    }
}

async fn give_back(
    txn: &impl ConnectionTrait,
    workshop: WorkshopId,
    day: Date,
    minutes: i64,
) -> Result<(), Error> {
    day_load::Entity::update_many()
        .col_expr(
            day_load::Column::ReservedMinutes,
            Expr::col(day_load::Column::ReservedMinutes).sub(minutes),
        )
        .filter(day_load::Column::WorkshopId.eq(narrow::<i32>(workshop.0, "workshop id")?))
        .filter(day_load::Column::Day.eq(day))
        .exec(txn)
        .await?;
    Ok(())
}

/// Records the reservation rows of one order item (its days are reserved by [`apply`]).
pub(crate) async fn record(
    txn: &impl ConnectionTrait,
    item_id: i32,
    workshop: WorkshopId,
    slots: &[Slot],
) -> Result<(), Error> {
    let rows = slots
        .iter()
        .map(|slot| {
            Ok(capacity_reservation::ActiveModel {
                order_item_id: Set(item_id),
                workshop_id: Set(narrow(workshop.0, "workshop id")?),
                day: Set(slot.date),
                minutes: Set(narrow(slot.minutes.get(), "minutes")?),
                ..Default::default()
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    capacity_reservation::Entity::insert_many(rows)
        .exec_without_returning(txn)
        .await?;
    Ok(())
}

/// The give-backs of every reservation of the order's items, added to `deltas`, and
/// the reservation rows deleted.
pub(crate) async fn release_order(
    txn: &impl ConnectionTrait,
    order_id: &domain::order::OrderId,
    deltas: &mut Deltas,
) -> Result<(), Error> {
    let item_ids: Vec<i32> = order_item::Entity::find()
        .filter(order_item::Column::OrderId.eq(order_id.as_str()))
        .all(txn)
        .await?
        .into_iter()
        .map(|item| item.id)
        .collect();
    release_items(txn, item_ids, deltas).await
}

/// The give-backs of every reservation of these items, added to `deltas`, and the
/// reservation rows deleted.
pub(crate) async fn release_items(
    txn: &impl ConnectionTrait,
    item_ids: Vec<i32>,
    deltas: &mut Deltas,
) -> Result<(), Error> {
    let reservations = capacity_reservation::Entity::find()
        .filter(capacity_reservation::Column::OrderItemId.is_in(item_ids.clone()))
        .all(txn)
        .await?;
    for reservation in &reservations {
        let key = (WorkshopId(reservation.workshop_id.into()), reservation.day);
        *deltas.entry(key).or_default() -= i64::from(reservation.minutes);
    }
    capacity_reservation::Entity::delete_many()
        .filter(capacity_reservation::Column::OrderItemId.is_in(item_ids))
        .exec(txn)
        .await?;
    Ok(())
}
