//! A production ticket as stored, and its recorded changes.

use time::OffsetDateTime;

use crate::actor::Actor;
use crate::catalogue::WorkshopId;
use crate::counter::CounterId;
use crate::order::OrderId;
use crate::ticket::{TicketId, TicketStatus};

/// One ticket: the workshop's unit of work for one order item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ticket {
    /// Its id (its printed number is derived from it).
    pub id: TicketId,
    /// The order.
    pub order_id: OrderId,
    /// The order item it makes.
    pub order_item_id: i32,
    /// The workshop that makes it.
    pub workshop_id: WorkshopId,
    /// The counter it goes to.
    pub counter_id: CounterId,
    /// Where it is.
    pub status: TicketStatus,
    /// When it must leave the workshop.
    pub due_at: OffsetDateTime,
    /// Whether its order may miss the pickup deadline.
    pub at_risk: bool,
    /// Notes from the workshop (delays, declines).
    pub notes: String,
}

/// One recorded status change of a ticket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TicketChange {
    /// The status before (`None` for creation).
    pub from: Option<TicketStatus>,
    /// The status after.
    pub to: TicketStatus,
    /// Who.
    pub actor: Actor,
    /// Why.
    pub note: String,
    /// When.
    pub at: OffsetDateTime,
}
