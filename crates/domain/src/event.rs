//! What kinds of change the event outbox records. Each has a stable code (`order.confirmed`,
//! `ticket.delayed`, …) used in storage, on the order's timeline and in workshop webhooks.

use std::fmt;
use std::str::FromStr;

use crate::Error;
use crate::order::OrderStatus;
use crate::ticket::TicketStatus;

/// A kind of recorded change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventKind {
    /// The order moved to this status (`order.<status>`).
    Order(OrderStatus),
    /// The order changed without changing status (a new itinerary).
    OrderUpdated,
    /// The order may miss its pickup deadline.
    OrderAtRisk,
    /// An item of the order was re-planned (its workshop closed a day).
    OrderReplanned,
    /// Items were handed over at the counter.
    OrderHandover,
    /// The pickup deadline passed: the goods are held at the counter until a date.
    OrderHeld,
    /// The holding period ends within a week.
    OrderHoldEnding,
    /// A ticket moved to this status (`ticket.<status>`).
    Ticket(TicketStatus),
    /// A ticket's production moved to other days after a decline.
    TicketReplanned,
    /// A ticket's production was delayed by its workshop.
    TicketDelayed,
    /// A ticket now goes to another counter or is due at another time (its order's
    /// flight moved).
    TicketRerouted,
    /// A ticket is still at the workshop past its due time, or cannot finish in time.
    TicketOverdue,
    /// A no-show's goods went back from the counter to the workshop.
    TicketReleased,
    /// Charging the balance off-session failed.
    PaymentBalanceFailed,
    /// The balance will be collected at the counter.
    PaymentBalanceAtCounter,
}

impl EventKind {
    /// The stable code.
    pub fn code(self) -> String {
        match self {
            EventKind::Order(status) => format!("order.{}", status.code()),
            EventKind::Ticket(status) => format!("ticket.{}", status.code()),
            other => other.fixed_code().to_owned(),
        }
    }

    fn fixed_code(self) -> &'static str {
        match self {
            EventKind::OrderUpdated => "order.updated",
            EventKind::OrderAtRisk => "order.at_risk",
            EventKind::OrderReplanned => "order.replanned",
            EventKind::OrderHandover => "order.handover",
            EventKind::OrderHeld => "order.held",
            EventKind::OrderHoldEnding => "order.hold_ending",
            EventKind::TicketReplanned => "ticket.replanned",
            EventKind::TicketDelayed => "ticket.delayed",
            EventKind::TicketRerouted => "ticket.rerouted",
            EventKind::TicketOverdue => "ticket.overdue",
            EventKind::TicketReleased => "ticket.released",
            EventKind::PaymentBalanceFailed => "payment.balance_failed",
            EventKind::PaymentBalanceAtCounter => "payment.balance_at_counter",
            EventKind::Order(_) | EventKind::Ticket(_) => "",
        }
    }
}

const FIXED: [EventKind; 13] = [
    EventKind::OrderUpdated,
    EventKind::OrderAtRisk,
    EventKind::OrderReplanned,
    EventKind::OrderHandover,
    EventKind::OrderHeld,
    EventKind::OrderHoldEnding,
    EventKind::TicketReplanned,
    EventKind::TicketDelayed,
    EventKind::TicketRerouted,
    EventKind::TicketOverdue,
    EventKind::TicketReleased,
    EventKind::PaymentBalanceFailed,
    EventKind::PaymentBalanceAtCounter,
];

impl FromStr for EventKind {
    type Err = Error;

    fn from_str(code: &str) -> Result<EventKind, Error> {
        if let Some(kind) = FIXED.into_iter().find(|k| k.fixed_code() == code) {
            return Ok(kind);
        }
        let unknown = || Error::UnknownName {
            kind: "event kind",
            given: code.to_owned(),
            expected: "order.<status>, ticket.<status>, order.updated, order.at_risk, \
                       order.replanned, order.handover, ticket.replanned, ticket.delayed, \
                       ticket.rerouted, ticket.overdue, ticket.released, order.held, \
                       order.hold_ending, \
                       payment.balance_failed, payment.balance_at_counter",
        };
        match code.split_once('.') {
            Some(("order", status)) => status.parse().map(EventKind::Order).map_err(|_| unknown()),
            Some(("ticket", status)) => {
                status.parse().map(EventKind::Ticket).map_err(|_| unknown())
            }
            _ => Err(unknown()),
        }
    }
}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_reads_back_from_its_code() {
        let statuses = OrderStatus::ALL.map(EventKind::Order);
        let tickets = TicketStatus::ALL.map(EventKind::Ticket);
        for kind in FIXED.iter().chain(&statuses).chain(&tickets) {
            assert_eq!(kind.code().parse::<EventKind>(), Ok(*kind), "{kind}");
        }
        assert_eq!(EventKind::TicketDelayed.code(), "ticket.delayed");
        assert_eq!(
            EventKind::Order(OrderStatus::Confirmed).code(),
            "order.confirmed"
        );
        assert!("order.shipped".parse::<EventKind>().is_err());
        assert!("refund.created".parse::<EventKind>().is_err());
    }
}
