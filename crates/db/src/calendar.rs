//! Changing a workshop's calendar: adding a closed day moves every item reserved on it
//! to new days in the same transaction, so no reservation is ever left on a day the
//! workshop does not work; a new weekly pattern is refused while a reserved day would
//! lose its room. Both cuts decide from what they read under the workshop's lock
//! against reservations ([`crate::capacity_lock`]).

use std::collections::{BTreeMap, BTreeSet};

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter,
};
use time::{Date, OffsetDateTime};

use domain::catalogue::WorkshopId;
use domain::event::EventKind;
use domain::order::OrderId;
use domain::quote::Workshop;
use domain::schedule::ProductionPlan;

use crate::Error;
use crate::capacity_lock;
use crate::codec::narrow;
use crate::entities::{capacity_reservation, order_item, workshop_holiday};
use crate::events::{self, NewEvent};
use crate::tickets::{TicketReplan, move_item, replan_in};

/// An order item reserved on some day: the item and its order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReservedItem {
    /// The order item.
    pub item_id: i32,
    /// Its order.
    pub order_id: OrderId,
}

/// A new plan for an item that has no ticket yet (its order is not confirmed).
#[derive(Debug, Clone)]
pub struct ItemReplan {
    /// The order item.
    pub item_id: i32,
    /// Its order.
    pub order_id: OrderId,
    /// The new production days.
    pub plan: ProductionPlan,
    /// When it is now ready at the counter.
    pub ready_by: OffsetDateTime,
    /// Whether the order may now miss its pickup deadline.
    pub at_risk: bool,
}

/// A day a workshop closes.
#[derive(Debug, Clone, Copy)]
pub struct Closing<'a> {
    /// The workshop.
    pub workshop: WorkshopId,
    /// The day it closes.
    pub day: Date,
    /// Why (a public holiday, the owner's vacation).
    pub name: &'a str,
    /// When the change is made.
    pub at: OffsetDateTime,
}

/// The items with minutes reserved at `workshop` on `day`.
pub async fn items_reserved_on(
    db: &impl ConnectionTrait,
    workshop: WorkshopId,
    day: Date,
) -> Result<Vec<ReservedItem>, Error> {
    let ids = item_ids_reserved_on(db, workshop, day).await?;
    let items = order_item::Entity::find()
        .filter(order_item::Column::Id.is_in(ids))
        .all(db)
        .await?;
    items
        .into_iter()
        .map(|item| {
            Ok(ReservedItem {
                item_id: item.id,
                order_id: OrderId::parse(&item.order_id)?,
            })
        })
        .collect()
}

async fn item_ids_reserved_on(
    db: &impl ConnectionTrait,
    workshop: WorkshopId,
    day: Date,
) -> Result<BTreeSet<i32>, Error> {
    let reservations = capacity_reservation::Entity::find()
        .filter(capacity_reservation::Column::WorkshopId.eq(workshop.0))
        .filter(capacity_reservation::Column::Day.eq(day))
        .all(db)
        .await?;
    Ok(reservations.iter().map(|r| r.order_item_id).collect())
}

/// Closes the workshop on `day` and moves the items reserved on it, in one transaction
/// that holds the workshop's lock against reservations ([`crate::capacity_lock`]).
/// [`Error::CapacityTaken`] when a day of a new plan filled up meanwhile; `Ok(false)` when
/// the plans no longer cover what is reserved on the day (read under the lock: an item
/// was moved or released, or an order reserved the day since), a ticket moved on, or the
/// day was already closed (nothing written in any case).
pub async fn add_holiday(
    db: &DatabaseConnection,
    closing: &Closing<'_>,
    tickets: &[TicketReplan<'_>],
    items: &[ItemReplan],
    workshops_after: &BTreeMap<WorkshopId, Workshop>,
) -> Result<bool, Error> {
    let Closing {
        workshop,
        day,
        name,
        at,
    } = *closing;
    let txn = capacity_lock::begin(db).await?;
    capacity_lock::lock_for_cut(&txn, workshop).await?;
    let reserved = item_ids_reserved_on(&txn, workshop, day).await?;
    if !items.iter().all(|item| reserved.contains(&item.item_id)) {
        return Ok(false);
    }
    let holiday = workshop_holiday::ActiveModel {
        workshop_id: Set(narrow(workshop.0, "workshop id")?),
        day: Set(day),
        name: Set(name.to_owned()),
    };
    if holiday.insert(&txn).await.is_err() {
        return Ok(false);
    }
    for change in tickets {
        if !replan_in(&txn, change, workshops_after).await? {
            return Ok(false);
        }
    }
    for item in items {
        move_item(
            &txn,
            item.item_id,
            workshop,
            &item.plan,
            item.ready_by,
            workshops_after,
        )
        .await?;
        let kind = if item.at_risk {
            EventKind::OrderAtRisk
        } else {
            EventKind::OrderReplanned
        };
        let payload = serde_json::json!({
            "item": item.item_id, "ready_by": item.ready_by.to_string(), "at_risk": item.at_risk,
            "note": format!("the workshop closed on {day}; production re-planned"),
        });
        let event = NewEvent {
            order_id: &item.order_id,
            ticket_id: None,
            workshop_id: None,
            kind,
            payload,
            at,
        };
        events::record(&txn, event).await?;
    }
    if !item_ids_reserved_on(&txn, workshop, day).await?.is_empty() {
        return Ok(false);
    }
    txn.commit().await?;
    Ok(true)
}

/// Opens the workshop again on `day`; `Ok(false)` when it was not closed.
pub async fn remove_holiday(
    db: &impl ConnectionTrait,
    workshop: WorkshopId,
    day: Date,
) -> Result<bool, Error> {
    let workshop_id: i32 = narrow(workshop.0, "workshop id")?;
    let deleted = workshop_holiday::Entity::delete_many()
        .filter(workshop_holiday::Column::WorkshopId.eq(workshop_id))
        .filter(workshop_holiday::Column::Day.eq(day))
        .exec(db)
        .await?;
    Ok(deleted.rows_affected == 1)
}

/// A workshop's closed days with their names, from `from` on.
pub async fn holidays(
    db: &impl ConnectionTrait,
    workshop: WorkshopId,
    from: Date,
) -> Result<Vec<(Date, String)>, Error> {
    let rows = workshop_holiday::Entity::find()
        .filter(workshop_holiday::Column::WorkshopId.eq(workshop.0))
        .filter(workshop_holiday::Column::Day.gte(from))
        .all(db)
        .await?;
    let mut days: Vec<_> = rows.into_iter().map(|r| (r.day, r.name)).collect();
    days.sort();
    Ok(days)
}

/// A workshop's new weekly pattern.
#[derive(Debug, Clone, Copy)]
pub struct WeeklyPattern {
    /// The weekdays it works.
    pub working_days: domain::calendar::WeekdaySet,
    /// Capacity of a working day.
    pub minutes_per_day: domain::calendar::WorkMinutes,
    /// When a working day ends (local time).
    pub closes_at: time::Time,
}

/// Changes a workshop's weekly pattern if no day from `from` on has more minutes reserved
/// than the new pattern gives it; otherwise returns those days (nothing written). The
/// change comes first and takes the workshop's lock against reservations
/// ([`crate::capacity_lock`]); the closed days and the reserved minutes are read after it,
/// in the same transaction, so no order can slip in between the check and the change.
pub async fn set_weekly_pattern(
    db: &DatabaseConnection,
    workshop: WorkshopId,
    pattern: WeeklyPattern,
    from: Date,
) -> Result<Vec<(Date, u32)>, Error> {
    use crate::entities::{workshop as workshop_row, workshop_day_load as day_load};
    use sea_orm::sea_query::Expr;
    let workshop_id: i32 = narrow(workshop.0, "workshop id")?;
    let txn = capacity_lock::begin(db).await?;
    workshop_row::Entity::update_many()
        .col_expr(
            workshop_row::Column::WorkingDays,
            Expr::value(i16::from(pattern.working_days.bits())),
        )
        .col_expr(
            workshop_row::Column::MinutesPerDay,
            Expr::value(narrow::<i32>(
                pattern.minutes_per_day.get(),
                "minutes per day",
            )?),
        )
        .col_expr(
            workshop_row::Column::ClosesAt,
            Expr::value(crate::codec::clock_text(pattern.closes_at)),
        )
        .filter(workshop_row::Column::Id.eq(workshop_id))
        .exec(&txn)
        .await?;
    let closed: BTreeSet<Date> = holidays(&txn, workshop, from)
        .await?
        .into_iter()
        .map(|(day, _)| day)
        .collect();
    let loads = day_load::Entity::find()
        .filter(day_load::Column::WorkshopId.eq(workshop_id))
        .filter(day_load::Column::Day.gte(from))
        .filter(day_load::Column::ReservedMinutes.gt(0))
        .all(&txn)
        .await?;
    let mut conflicts = Vec::new();
    for load in loads {
        let works =
            pattern.working_days.contains(load.day.weekday()) && !closed.contains(&load.day);
        let capacity = if works {
            pattern.minutes_per_day.get()
        } else {
            0
        };
        let reserved: u32 = narrow(load.reserved_minutes, "reserved minutes")?;
        if reserved > capacity {
            conflicts.push((load.day, reserved));
        }
    }
    if conflicts.is_empty() {
        txn.commit().await?;
    }
    conflicts.sort();
    Ok(conflicts)
}
