//! What the fake remembers between requests: the [`Ledger`] (objects by id and their
//! retrieval, the id counter, the clock, the test switches, the idempotent answers and the
//! request journal), behind one lock in [`Shared`] beside the read-only fixtures.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::Value;

use crate::error::Error;
use crate::fixtures::Fixtures;
use crate::idempotency::Idempotency;
use crate::journal::Journal;

/// What the server and the test's [`crate::FakeStripe`] share.
pub(crate) struct Shared {
    pub(crate) fixtures: Fixtures,
    state: Mutex<Ledger>,
}

impl Shared {
    pub(crate) fn new(fixtures: Fixtures) -> Self {
        Self {
            fixtures,
            state: Mutex::new(Ledger::default()),
        }
    }

    /// The ledger, locked (a test that panicked holding it does not poison it).
    pub(crate) fn ledger(&self) -> MutexGuard<'_, Ledger> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Everything the fake remembers.
#[derive(Default)]
pub(crate) struct Ledger {
    next: u64,
    fixed_now: Option<i64>,
    pub(crate) customers: HashMap<String, Value>,
    pub(crate) intents: HashMap<String, Value>,
    pub(crate) refunds: HashMap<String, Value>,
    pub(crate) charges: HashMap<String, Value>,
    pub(crate) idempotency: Idempotency,
    pub(crate) journal: Journal,
    pub(crate) switches: Switches,
}

/// The kinds of object a request retrieves by id (`GET /v1/…/{id}`).
#[derive(Clone, Copy)]
pub(crate) enum Kind {
    Customer,
    PaymentIntent,
    Refund,
}

/// What the tests switched on.
#[derive(Default)]
pub(crate) struct Switches {
    /// Off-session confirmations are declined for insufficient funds.
    pub(crate) decline_off_session: bool,
    /// Off-session confirmations need 3-D Secure.
    pub(crate) authentication_off_session: bool,
    /// Every request is answered `500 api_error`.
    pub(crate) outage: bool,
}

impl Ledger {
    /// The fake's clock (Unix seconds): fixed by the test, else the real time.
    pub(crate) fn now(&self) -> i64 {
        self.fixed_now.unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        })
    }

    /// Fixes the clock at `unix` seconds.
    pub(crate) fn set_now(&mut self, unix: i64) {
        self.fixed_now = Some(unix);
    }

    /// A fresh object id with Stripe's prefix, e.g. `pi_3FakeGb00000000000000012`.
    pub(crate) fn id(&mut self, prefix: &str) -> String {
        self.next += 1;
        format!("{prefix}_3FakeGb{:017}", self.next)
    }

    /// The number in the newest id.
    pub(crate) fn serial(&self) -> u64 {
        self.next
    }

    /// The stored object of `kind` with this id, or a 404 naming the id.
    pub(crate) fn retrieve(&self, kind: Kind, id: &str) -> Result<Value, Error> {
        let (objects, name) = match kind {
            Kind::Customer => (&self.customers, "customer"),
            Kind::PaymentIntent => (&self.intents, "payment_intent"),
            Kind::Refund => (&self.refunds, "refund"),
        };
        objects.get(id).cloned().ok_or_else(|| Error::NoSuchObject {
            kind: name,
            id: id.to_owned(),
            param: "id",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_have_stripe_prefixes() {
        let mut ledger = Ledger::default();
        let id = ledger.id("pi");
        assert!(id.starts_with("pi_"));
        assert_eq!(id.len(), "pi_".len() + 24);
        assert_ne!(ledger.id("pi"), id);
    }
}
