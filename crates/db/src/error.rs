//! The one error type of the storage crate.

use sea_orm::DbErr;

/// Why a storage call failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The database refused or failed the statement.
    #[error("database error: {0}")]
    Database(#[from] DbErr),
    /// A day's free capacity was taken by someone else between planning and reserving.
    #[error("capacity on {day} at workshop {workshop} was taken concurrently")]
    CapacityTaken {
        /// The workshop.
        workshop: i64,
        /// The day that no longer had room.
        day: time::Date,
    },
    /// A workshop's calendar changed between planning and reserving: the plan was made
    /// against a capacity no longer in force.
    #[error("the calendar of workshop {workshop} changed concurrently")]
    CalendarChanged {
        /// The workshop.
        workshop: i64,
    },
    /// An idempotency key that another request stored first.
    #[error("idempotency key is already in use")]
    DuplicateIdempotencyKey,
    /// A pickup code that collided with an existing one.
    #[error("pickup code is already in use")]
    DuplicatePickupCode,
    /// A stored row breaks a domain invariant (hand-edited or corrupt data).
    #[error("stored data is invalid: {0}")]
    Corrupt(String),
}

impl From<domain::Error> for Error {
    fn from(error: domain::Error) -> Self {
        Error::Corrupt(error.to_string())
    }
}

impl Error {
    /// Whether the database cannot be reached (no connection could be had in time).
    pub fn is_unavailable(&self) -> bool {
        matches!(self, Error::Database(DbErr::ConnectionAcquire(_)))
    }

    /// Whether retrying the whole operation may succeed: a day filled up or a calendar
    /// changed since planning, or the database gave up on a lock (deadlock, serialization failure, SQLite busy).
    pub fn is_transient(&self) -> bool {
        match self {
            Error::CapacityTaken { .. }
            | Error::CalendarChanged { .. }
            | Error::DuplicatePickupCode => true,
            Error::Database(error) => is_lock_failure(error),
            _ => false,
        }
    }
}

fn is_lock_failure(error: &DbErr) -> bool {
    use sea_orm::RuntimeErr;
    let (DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e))) = error
    else {
        return false;
    };
    let Some(database) = e.as_database_error() else {
        return false;
    };
    // PostgreSQL: deadlock_detected, serialization_failure. SQLite: BUSY, LOCKED and
    // their extended codes.
    matches!(
        database.code().as_deref(),
        Some("40P01" | "40001" | "5" | "6" | "517" | "261" | "262")
    )
}

/// Whether `error` is a unique-constraint violation.
pub(crate) fn is_unique_violation(error: &DbErr) -> bool {
    matches!(
        error.sql_err(),
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
    )
}
