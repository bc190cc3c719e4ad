//! The order: its identity, its lifecycle (a state machine whose moves only it can make)
//! and the terms it is placed on.
//!
//! - `status`: the statuses and the table of allowed moves.
//! - `lifecycle`: [`OrderMove`], made only by an allowed transition.
//! - `id`: [`OrderId`].
//! - `terms`: what is stored: [`NewOrder`] in, [`Order`] out.

mod id;
mod lifecycle;
mod status;
mod terms;

pub use id::OrderId;
pub use lifecycle::OrderMove;
pub use status::OrderStatus;
pub use terms::{
    FittingRecord, IdempotencyRecord, LineTerms, NewLine, NewOrder, Order, OrderItem, OrderTerms,
    StatusChange, Trip,
};
