//! Production tickets: created when an order is confirmed, moved by workshops and
//! counters, each move recorded (history and event) in the same transaction as the
//! status change it makes, and guarded by the status the caller decided from.
//!
//! Moves are the domain's [`domain::ticket::TicketMove`]s and
//! [`domain::order::OrderMove`]s: nothing else can be written.

mod moves;
mod overdue;
mod read;
mod replan;

pub use moves::{PaidElsewhere, TicketUpdate, confirm, decline_order, move_ticket};
pub use overdue::{flag_overdue, orders_with_tickets_at_risk, unflagged_due_before};
pub use read::{find, for_counter, for_order, for_workshop, history};
pub use replan::{TicketReplan, replan};
pub(crate) use replan::{move_item, replan_in};
