//! Gongbang's storage: the only crate that knows sea-orm and SQL.
//!
//! It opens SQLite (the embedded default) or PostgreSQL, applies the migrations, and
//! offers free functions that read stored facts as `domain` values and write decisions
//! the server made with `domain` rules. It decides nothing itself, with one exception
//! that must live next to the data: reserving capacity re-checks each day's free minutes
//! atomically, so that two server processes never promise the same workshop hours.
//!
//! Layout:
//! - [`entities`]: one sea-orm entity per table, mirroring `migrations/`.
//! - [`catalogue`]: workshops, counters, products and rates, read as domain values.
//! - [`calendar`]: closing a workshop day and moving what was reserved on it.
//! - [`capacity`]: day loads and the atomic reservation of production minutes.
//! - `capacity_lock`: the per-workshop lock that makes capacity cuts and reservations
//!   take turns, each deciding from what it reads inside its transaction.
//! - [`events`]: the outbox of order and ticket changes, and queued webhook deliveries.
//! - [`handovers`]: counter handovers (tax refund, balance) and pickup look-ups.
//! - [`payments`]: the money record (charges, refunds, counter payments) and Stripe events applied.
//! - [`orders`]: storing, reading, re-planning and cancelling orders; idempotency keys.
//! - [`refunds`]: the refund outbox: money to give back, claimed and sent until Stripe answers.
//! - [`seed`]: the shape of catalogue data to load (the demo data uses it).
//! - [`settings`]: server-wide settings shared by every process, such as the token secret.
//! - [`staff`]: staff accounts and sessions.
//! - [`tax_free_forms`]: tax-free forms, one per order, read per traveller for the trip's cap.
//! - [`tickets`]: production tickets, their moves and re-plans.
//! - [`webhooks`]: workshop webhook endpoints and claiming their queued deliveries.

pub mod calendar;
pub mod capacity;
mod capacity_lock;
pub mod catalogue;
mod codec;
mod connect;
pub mod entities;
mod error;
pub mod events;
pub mod handovers;
mod history;
mod look;
pub mod orders;
pub mod payments;
pub mod refunds;
pub mod seed;
pub mod settings;
pub mod staff;
pub mod tax_free_forms;
pub mod tickets;
pub mod webhooks;

pub use connect::connect;
pub use error::Error;
pub use sea_orm::{DatabaseConnection, DatabaseTransaction, TransactionTrait};
