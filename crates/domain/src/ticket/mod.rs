//! Production tickets: one per order item, the workshop's unit of work, and what their
//! progress means for the order.
//!
//! - `status`: the statuses and the moves a workshop may make.
//! - `lifecycle`: [`TicketMove`], made only by an allowed move, and
//!   [`order_status_for`], the order's move that the tickets imply.
//! - `overdue`: work that will not leave the workshop in time.
//! - `id`: [`TicketId`] and printed ticket numbers.
//! - `record`: a stored [`Ticket`] and its [`TicketChange`]s.

mod id;
mod lifecycle;
mod overdue;
mod record;
mod status;

pub use id::{TicketId, parse_ticket_number, ticket_number};
pub use lifecycle::{TicketMove, order_status_for};
pub use overdue::{Overdue, order_at_risk, overdue};
pub use record::{Ticket, TicketChange};
pub use status::TicketStatus;
