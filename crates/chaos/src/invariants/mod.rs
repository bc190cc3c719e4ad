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
mod evidence;
mod orders;
mod payments;

use domain::order::OrderStatus;

use crate::databases::Reader;
use evidence::Statuses;
pub use evidence::{Evidence, Finding};

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
async fn statuses(reader: &Reader) -> anyhow::Result<Statuses> {
    let rows: Vec<(String, String)> = reader.rows("SELECT id, status FROM orders").await?;
    Ok(rows
        .into_iter()
        .map(|(id, code)| {
            let status = OrderStatus::ALL.into_iter().find(|s| s.code() == code);
            (id, status)
        })
        .collect())
}
