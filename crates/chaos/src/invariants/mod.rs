//! The invariants, checked after the storm from the database (read directly, never through
//! the API) and from the fake Stripe's state. Each gives a [`Finding`]: how many
//! violations, a few examples, or why it was skipped.
//!
//! - `orders`: 1. every order answered 201 exists with its items, and holds reservations
//!   exactly while its status holds capacity; 2. no reservation without a live order
//!   (orders left `placed` after the storm count here), and per workshop day the stored
//!   load equals the sum of the reservations and stays within capacity.
//! - `payments`: 3. every succeeded PaymentIntent belongs to a confirmed (or later) order
//!   or was refunded; no PaymentIntent made twice for one purpose of one order, no refund
//!   made twice or unknown to the database; 4. every pending refund of the `refunds`
//!   outbox ended succeeded (skipped where there is no such table).
//! - `deliveries`: 5. every item of a live order has exactly one ticket; every event of a
//!   workshop has a delivery to each active endpoint, delivered and received; every Stripe
//!   event was delivered and recorded.

mod deliveries;
mod orders;
mod payments;

use std::collections::{HashMap, HashSet};

use domain::order::OrderStatus;
use serde_json::Value;

use crate::databases::Reader;
use crate::observed::PlacedOrder;

/// Examples kept per invariant.
const EXAMPLES: usize = 5;

/// The outcome of one invariant.
#[derive(Debug, Clone)]
pub struct Finding {
    pub title: &'static str,
    pub violations: usize,
    /// Why the invariant could not be checked.
    pub skipped: Option<String>,
    pub examples: Vec<String>,
}

impl Finding {
    fn new(title: &'static str) -> Self {
        Finding {
            title,
            violations: 0,
            skipped: None,
            examples: Vec::new(),
        }
    }

    fn violation(&mut self, example: String) {
        self.violations += 1;
        if self.examples.len() < EXAMPLES {
            self.examples.push(example);
        }
    }
}

/// What the invariants are checked against.
pub struct Evidence<'a> {
    pub reader: &'a Reader,
    /// The fake's `/_fake/state`.
    pub stripe: &'a Value,
    /// The orders answered 201.
    pub observed: &'a [PlacedOrder],
    /// Webhook event ids the workshop's endpoint received.
    pub received: &'a HashMap<i64, u32>,
}

/// Checks every invariant, in order.
pub async fn check(evidence: &Evidence<'_>) -> anyhow::Result<Vec<Finding>> {
    let statuses = statuses(evidence.reader).await?;
    Ok(vec![
        orders::answered_orders_exist(evidence, &statuses).await?,
        orders::reservations_belong_to_live_orders(evidence, &statuses).await?,
        payments::money_matches_orders(evidence, &statuses).await?,
        payments::pending_refunds_end(evidence).await?,
        deliveries::nothing_lost(evidence, &statuses).await?,
    ])
}

/// Every order's status, by id (`None` for a code the domain does not know).
async fn statuses(reader: &Reader) -> anyhow::Result<HashMap<String, Option<OrderStatus>>> {
    let rows: Vec<(String, String)> = reader.rows("SELECT id, status FROM orders").await?;
    Ok(rows
        .into_iter()
        .map(|(id, code)| {
            let status = OrderStatus::ALL.into_iter().find(|s| s.code() == code);
            (id, status)
        })
        .collect())
}

/// Confirmed, or further along the way to the traveller (not cancelled or declined).
fn is_live(status: OrderStatus) -> bool {
    use OrderStatus as S;
    matches!(
        status,
        S::Confirmed | S::InProduction | S::Ready | S::AtCounter | S::PickedUp | S::NoShow
    )
}

/// The ids a list of the fake's objects holds.
fn ids(objects: &Value) -> HashSet<String> {
    objects
        .as_array()
        .map(|all| {
            all.iter()
                .filter_map(|o| o["id"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}
