//! The counter: receiving goods from the workshops, looking an order up by its pickup
//! code, handing goods over (identity check, immediate tax refund, balance), recording
//! no-shows, and the lists of the day. The JSON handlers and the counter's pages both
//! call these.
//!
//! Every process checks that the caller is staff of a counter and only ever touches that
//! counter's tickets and orders: another counter's ticket or order answers exactly like
//! an unknown one. Every use of a pickup code is recorded in `pickup_lookups`; a staff
//! member with more than ten failed look-ups (unknown codes, or a name and passport
//! digits that do not match) within ten minutes gets 429 with `Retry-After`.
//!
//! - `rules`: limits and refusals.
//! - `records`: what the counter reads (its tickets, an order's status, product names).
//! - `limits`: pickup codes, counted and rate-limited.
//! - `refund`: the immediate tax refund: the order's tax-free form, a handover's share of
//!   it, the traveller's trip so far (`domain::tax_free`).
//! - `facts`: one order as the counter sees it, and the handover decided from it.
//! - `receipts`, `pickups`, `handover`: the processes.

mod facts;
mod handover;
mod limits;
mod pickups;
mod receipts;
mod records;
mod refund;
mod rules;

pub use handover::{handover, no_show};
pub use pickups::{list_due, list_incoming, lookup};
pub use receipts::receive;
