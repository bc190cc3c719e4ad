//! The per-workshop lock that makes a capacity cut and a reservation take turns.
//!
//! A cut (a shorter weekly pattern, a closed day) decides from the minutes already
//! reserved; a reservation decides from the calendar in force. Each reads what it
//! decides from inside its own transaction, after taking the workshop's lock, so whichever
//! comes second sees what the first committed:
//!
//! - PostgreSQL: a reservation locks its workshops' rows `FOR SHARE` (in id order), a cut
//!   locks its workshop's row `FOR UPDATE` (or updates it). The two modes conflict, so
//!   the second waits until the first commits, and under READ COMMITTED its next
//!   statements see that commit. Reservations do not conflict with each other here; they
//!   take turns per day on the day rows ([`crate::capacity`]).
//! - SQLite: the database has one write lock. These transactions begin `IMMEDIATE`
//!   ([`begin`]), so they hold it before their first read.
//!
//! Every transaction that reserves minutes or cuts capacity begins with [`begin`].

use std::collections::{BTreeMap, BTreeSet};

use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, SqliteTransactionMode, TransactionOptions,
    TransactionTrait,
};

use domain::calendar::WorkshopCalendar;
use domain::catalogue::WorkshopId;

use crate::Error;
use crate::catalogue::calendar_of;
use crate::codec::narrow;
use crate::entities::{workshop, workshop_holiday};

/// Begins a transaction that will reserve minutes or cut capacity: on SQLite it takes
/// the write lock at once (`BEGIN IMMEDIATE`), so nothing it reads can change before it
/// commits; on PostgreSQL a plain `BEGIN` (the row locks below do the work).
pub(crate) async fn begin(db: &DatabaseConnection) -> Result<DatabaseTransaction, Error> {
    let options = TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..TransactionOptions::default()
    };
    Ok(db.begin_with_options(options).await?)
}

/// Locks `workshop` against reservations until the transaction ends, for a cut of its
/// capacity. [`Error::Corrupt`] when there is no such workshop.
pub(crate) async fn lock_for_cut(
    txn: &impl ConnectionTrait,
    workshop: WorkshopId,
) -> Result<(), Error> {
    let id: i32 = narrow(workshop.0, "workshop id")?;
    workshop::Entity::find_by_id(id)
        .lock_exclusive()
        .one(txn)
        .await?
        .ok_or_else(|| Error::Corrupt(format!("workshop {} is gone", workshop.0)))?;
    Ok(())
}

/// Locks `workshops` against cuts until the transaction ends (other reservations may
/// go on) and reads their calendars in force.
pub(crate) async fn calendars_for_reserving(
    txn: &impl ConnectionTrait,
    workshops: &BTreeSet<WorkshopId>,
) -> Result<BTreeMap<WorkshopId, WorkshopCalendar>, Error> {
    let ids = workshops
        .iter()
        .map(|w| narrow::<i32>(w.0, "workshop id"))
        .collect::<Result<Vec<_>, Error>>()?;
    let rows = workshop::Entity::find()
        .filter(workshop::Column::Id.is_in(ids.clone()))
        .order_by_asc(workshop::Column::Id)
        .lock_shared()
        .all(txn)
        .await?;
    let holidays = workshop_holiday::Entity::find()
        .filter(workshop_holiday::Column::WorkshopId.is_in(ids))
        .all(txn)
        .await?;
    rows.iter()
        .map(|row| Ok((WorkshopId(row.id.into()), calendar_of(row, &holidays)?)))
        .collect()
}
