//! Staff: the three roles, the place each is bound to, and slowing down password guessing.

use std::fmt;

use time::{Duration, OffsetDateTime};

use crate::Error;
use crate::catalogue::WorkshopId;
use crate::counter::CounterId;

/// What a staff account may do, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Staff of one workshop: its tickets and calendar.
    Workshop(WorkshopId),
    /// Staff of one counter: its receipts and pickups.
    Counter(CounterId),
    /// Runs the platform.
    Operator,
}

impl Role {
    /// Builds a role from its stored kind and place.
    pub fn from_parts(kind: &str, place: Option<i64>) -> Result<Role, Error> {
        match (kind, place) {
            ("workshop", Some(id)) => Ok(Role::Workshop(WorkshopId(id))),
            ("counter", Some(id)) => Ok(Role::Counter(CounterId(id))),
            ("operator", None) => Ok(Role::Operator),
            _ => Err(Error::UnknownName {
                kind: "role",
                given: format!("{kind} at {place:?}"),
                expected: "workshop with a place, counter with a place, operator without",
            }),
        }
    }

    /// The stored kind: `workshop`, `counter` or `operator`.
    pub const fn kind(self) -> &'static str {
        match self {
            Role::Workshop(_) => "workshop",
            Role::Counter(_) => "counter",
            Role::Operator => "operator",
        }
    }

    /// The id of the place it is bound to.
    pub const fn place_id(self) -> Option<i64> {
        match self {
            Role::Workshop(WorkshopId(id)) | Role::Counter(CounterId(id)) => Some(id),
            Role::Operator => None,
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.place_id() {
            Some(id) => write!(f, "{}:{id}", self.kind()),
            None => f.write_str(self.kind()),
        }
    }
}

/// Failed logins allowed before each further attempt must wait.
pub const FREE_FAILURES: u32 = 3;
/// Failed logins that lock the account.
pub const LOCK_AFTER: u32 = 10;
/// How long a locked account stays locked.
pub const LOCK_FOR: Duration = Duration::minutes(15);

/// When the next login attempt is allowed after `failures` consecutive failures, the
/// last at `last_failure`: immediately for the first few, then waits doubling from one
/// second, and a lock of [`LOCK_FOR`] once [`LOCK_AFTER`] is reached.
pub fn next_login_allowed(
    failures: u32,
    last_failure: Option<OffsetDateTime>,
) -> Option<OffsetDateTime> {
    let last = last_failure?;
    if failures >= LOCK_AFTER {
        return Some(last + LOCK_FOR);
    }
    let extra = failures.checked_sub(FREE_FAILURES)?;
    Some(last + Duration::seconds(1 << extra.min(10)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const AT: OffsetDateTime = datetime!(2026-12-01 10:00 UTC);

    #[test]
    fn roles_round_trip_through_their_stored_parts() {
        for role in [
            Role::Workshop(WorkshopId(2)),
            Role::Counter(CounterId(3)),
            Role::Operator,
        ] {
            assert_eq!(Role::from_parts(role.kind(), role.place_id()), Ok(role));
        }
        assert!(Role::from_parts("workshop", None).is_err());
        assert!(Role::from_parts("operator", Some(1)).is_err());
    }

    #[test]
    fn failed_logins_first_slow_down_then_lock() {
        assert_eq!(next_login_allowed(0, None), None);
        assert_eq!(next_login_allowed(2, Some(AT)), None);
        assert_eq!(
            next_login_allowed(3, Some(AT)),
            Some(AT + Duration::seconds(1))
        );
        assert_eq!(
            next_login_allowed(5, Some(AT)),
            Some(AT + Duration::seconds(4))
        );
        assert_eq!(next_login_allowed(10, Some(AT)), Some(AT + LOCK_FOR));
    }
}
