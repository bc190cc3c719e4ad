//! Gongbang's pure rules: everything a quote, an order and a pickup decide, with no IO.
//!
//! This crate knows nothing about HTTP, JSON, databases or the clock: callers pass
//! `now` and the stored facts in, and get decisions back. It compiles for
//! `wasm32-unknown-unknown` so that the fitting widget runs the very same rules as the
//! server.
//!
//! Layout:
//! - [`money`]: integer KRW, deposits and display conversion from an operator rate table.
//! - [`language`]: the four supported languages and `Accept-Language` negotiation.
//! - [`catalogue`]: products, option groups, and turning a requested configuration into
//!   a priced [`catalogue::Configuration`].
//! - [`calendar`]: workshop working days, holidays and daily capacity.
//! - [`schedule`]: placing production minutes into free workshop capacity.
//! - [`counter`]: pickup counters, their opening hours and pickup deadlines.
//! - [`itinerary`]: a traveller's arrival, departure and chosen counter.
//! - [`quote`]: ready-by times, feasibility, reasons and alternatives for a set of items.
//! - [`order`]: the order: its id, its state machine (moves only it can make), its terms.
//! - [`payment`]: payment methods, what is charged when, refunds by policy, the money record.
//! - [`refund`]: money given back, per PaymentIntent, and where each stands.
//! - [`no_show`]: holding uncollected goods at the counter, then the workshop's policy.
//! - [`pickup_code`]: short, unambiguous pickup codes with a check character.
//! - [`pickup`]: the identity check at handover.
//! - [`tax_free`]: the immediate VAT refund: tax-free forms, their limits, the trip's cap.
//! - [`staff`]: roles bound to places, and slowing down password guessing.
//! - [`ticket`]: production tickets, their moves, and what their progress means for the
//!   order.
//! - [`traveller`]: who an order is for, parsed once.
//! - [`actor`]: who made a change.
//! - [`event`]: the kinds of change the outbox records.

pub mod actor;
pub mod calendar;
pub mod catalogue;
pub mod counter;
mod error;
pub mod event;
pub mod itinerary;
pub mod language;
pub mod money;
pub mod no_show;
pub mod order;
pub mod payment;
pub mod pickup;
pub mod pickup_code;
pub mod quote;
pub mod refund;
pub mod schedule;
pub mod staff;
pub mod tax_free;
pub mod ticket;
pub mod traveller;

pub use error::Error;

/// The offset of Asia/Seoul. Korea has kept UTC+9 without daylight saving since 1988,
/// so a fixed offset is exact for every Seoul workshop and counter.
pub const SEOUL: time::UtcOffset = time::macros::offset!(+9);
