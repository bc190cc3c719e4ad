//! Orders: storing a placed order with its reservations in one transaction, reading it
//! back, moving it through its lifecycle or to a new itinerary, idempotency keys.
//!
//! The order's types are the domain's (`domain::order`): this module only maps them to
//! rows.

mod change;
mod idempotency;
mod place;
mod read;

pub use change::{Replan, replan, transition};
pub use idempotency::{find_idempotency_key, purge_idempotency_keys};
pub use place::place;
pub use read::find;
