//! Orders: storing a placed order with its reservations in one transaction, reading it
//! back, moving it through its lifecycle or to a new itinerary, idempotency keys.
//!
//! The order's types are the domain's (`domain::order`): this module only maps them to
//! rows.

mod change;
mod holding;
mod idempotency;
mod listing;
mod place;
mod read;

pub use change::{Replan, replan, transition};
pub use holding::{goods_released_at, held, release_goods};
pub use idempotency::{find_idempotency_key, purge_idempotency_keys};
pub use listing::{placed_before, planned_past_deadline};
pub use place::place;
pub use read::find;
