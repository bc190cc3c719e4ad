//! Production tickets: one per order item, the workshop's unit of work, and what their
//! progress means for the order.
//!
//! `queued → accepted | declined`, `accepted → in_production → quality_check → ready →
//! dispatched → received` (by the counter). A ticket of a cancelled order ends
//! `cancelled`. Every change goes through [`TicketStatus::transition`].

use std::fmt;
use std::str::FromStr;

use crate::Error;
use crate::order::OrderStatus;

/// Where a production ticket is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TicketStatus {
    /// Waiting for the workshop to accept it.
    Queued,
    /// The workshop will make it.
    Accepted,
    /// The workshop cannot make it in its slot.
    Declined,
    /// Being made.
    InProduction,
    /// Made; being checked.
    QualityCheck,
    /// Checked and ready to leave the workshop.
    Ready,
    /// On its way to the counter.
    Dispatched,
    /// The counter has it.
    Received,
    /// Its order was cancelled.
    Cancelled,
}

use TicketStatus as T;

impl TicketStatus {
    /// Every status, ranked so that every allowed transition moves to a later entry.
    pub const ALL: [TicketStatus; 9] = [
        T::Queued,
        T::Accepted,
        T::InProduction,
        T::QualityCheck,
        T::Ready,
        T::Dispatched,
        T::Received,
        T::Declined,
        T::Cancelled,
    ];

    /// The stable code used on the wire and in storage.
    pub const fn code(self) -> &'static str {
        match self {
            T::Queued => "queued",
            T::Accepted => "accepted",
            T::Declined => "declined",
            T::InProduction => "in_production",
            T::QualityCheck => "quality_check",
            T::Ready => "ready",
            T::Dispatched => "dispatched",
            T::Received => "received",
            T::Cancelled => "cancelled",
        }
    }

    /// The statuses a workshop may move this ticket to.
    pub const fn next_for_workshop(self) -> &'static [TicketStatus] {
        match self {
            T::Queued => &[T::Accepted, T::Declined],
            T::Accepted => &[T::InProduction, T::Declined],
            T::InProduction => &[T::QualityCheck],
            T::QualityCheck => &[T::Ready, T::InProduction],
            T::Ready => &[T::Dispatched],
            T::Dispatched | T::Received | T::Declined | T::Cancelled => &[],
        }
    }

    /// Moves to `to` if a workshop may do that; `received` and `cancelled` come from
    /// elsewhere (the counter, the order).
    pub fn transition(self, to: TicketStatus) -> Result<TicketStatus, Error> {
        if self.next_for_workshop().contains(&to) {
            Ok(to)
        } else {
            Err(Error::IllegalTicketTransition { from: self, to })
        }
    }

    /// The counter receives a dispatched ticket.
    pub fn receive(self) -> Result<TicketStatus, Error> {
        match self {
            T::Dispatched => Ok(T::Received),
            from => Err(Error::IllegalTicketTransition {
                from,
                to: T::Received,
            }),
        }
    }

    /// Whether production time is still reserved for it.
    pub const fn holds_capacity(self) -> bool {
        matches!(self, T::Queued | T::Accepted | T::InProduction)
    }

    /// Whether the workshop has started work (the traveller can no longer cancel freely).
    pub const fn started(self) -> bool {
        matches!(
            self,
            T::InProduction | T::QualityCheck | T::Ready | T::Dispatched | T::Received
        )
    }
}

/// The order status the tickets now imply, if it moved on from `current`: the first
/// ticket in production starts the order, all ready makes it ready, all received puts
/// it at the counter. Declined and cancelled tickets are decided elsewhere.
pub fn order_status_for(current: OrderStatus, tickets: &[TicketStatus]) -> Option<OrderStatus> {
    let live: Vec<_> = tickets.iter().filter(|t| **t != T::Cancelled).collect();
    if live.is_empty() || live.iter().any(|t| **t == T::Declined) {
        return None;
    }
    let all = |pred: fn(TicketStatus) -> bool| live.iter().all(|t| pred(**t));
    let target = if all(|t| t == T::Received) {
        OrderStatus::AtCounter
    } else if all(|t| matches!(t, T::Ready | T::Dispatched | T::Received)) {
        OrderStatus::Ready
    } else if live.iter().any(|t| t.started()) {
        OrderStatus::InProduction
    } else {
        return None;
    };
    walk(current, target)
}

/// The status `target` if the lifecycle reaches it from `current` through forward steps.
fn walk(current: OrderStatus, target: OrderStatus) -> Option<OrderStatus> {
    let path = [
        OrderStatus::Confirmed,
        OrderStatus::InProduction,
        OrderStatus::Ready,
        OrderStatus::AtCounter,
    ];
    let from = path.iter().position(|s| *s == current)?;
    let to = path.iter().position(|s| *s == target)?;
    (to > from).then_some(target)
}

impl FromStr for TicketStatus {
    type Err = Error;

    fn from_str(code: &str) -> Result<Self, Error> {
        T::ALL
            .into_iter()
            .find(|s| s.code() == code)
            .ok_or_else(|| Error::UnknownName {
                kind: "ticket status",
                given: code.to_owned(),
                expected: "queued, accepted, declined, in_production, quality_check, ready, \
                       dispatched, received, cancelled",
            })
    }
}

impl fmt::Display for TicketStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A ticket's printed number, `T` and six digits, derived from its id.
pub fn ticket_number(id: i64) -> String {
    format!("T{id:06}")
}

/// The id inside a printed ticket number (`T000042`, `t42` or `42`).
pub fn parse_ticket_number(text: &str) -> Option<i64> {
    let digits = text.trim().trim_start_matches(['T', 't']);
    digits.parse().ok().filter(|id| *id > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ticket_walks_from_queue_to_dispatch_step_by_step() {
        let path = [
            T::Accepted,
            T::InProduction,
            T::QualityCheck,
            T::Ready,
            T::Dispatched,
        ];
        let end = path
            .into_iter()
            .try_fold(T::Queued, |status, next| status.transition(next));
        assert_eq!(end, Ok(T::Dispatched));
        assert_eq!(T::Dispatched.receive(), Ok(T::Received));
    }

    #[test]
    fn skipping_steps_or_receiving_early_is_refused_with_the_current_state() {
        assert_eq!(
            T::Queued.transition(T::Ready),
            Err(Error::IllegalTicketTransition {
                from: T::Queued,
                to: T::Ready
            })
        );
        assert!(T::Ready.receive().is_err());
        assert!(
            T::Dispatched.transition(T::Received).is_err(),
            "only the counter receives"
        );
    }

    #[test]
    fn a_failed_quality_check_goes_back_into_production() {
        assert_eq!(
            T::QualityCheck.transition(T::InProduction),
            Ok(T::InProduction)
        );
    }

    #[test]
    fn only_forward_moves_except_rework_after_quality_check() {
        for status in T::ALL {
            for next in status.next_for_workshop() {
                let from = T::ALL.iter().position(|s| *s == status);
                let to = T::ALL.iter().position(|s| s == next);
                let rework = (status, *next) == (T::QualityCheck, T::InProduction);
                assert!(to > from || rework, "{status} -> {next}");
            }
        }
    }

    #[test]
    fn the_order_follows_its_tickets() {
        use OrderStatus as O;
        assert_eq!(
            order_status_for(O::Confirmed, &[T::Queued, T::Accepted]),
            None
        );
        assert_eq!(
            order_status_for(O::Confirmed, &[T::InProduction, T::Queued]),
            Some(O::InProduction)
        );
        assert_eq!(
            order_status_for(O::InProduction, &[T::Ready, T::Dispatched]),
            Some(O::Ready)
        );
        assert_eq!(
            order_status_for(O::Ready, &[T::Received, T::Received]),
            Some(O::AtCounter)
        );
        assert_eq!(
            order_status_for(O::Confirmed, &[T::Received]),
            Some(O::AtCounter)
        );
        assert_eq!(
            order_status_for(O::Ready, &[T::Ready, T::Ready]),
            None,
            "no move without change"
        );
        assert_eq!(
            order_status_for(O::InProduction, &[T::Declined, T::Ready]),
            None
        );
    }

    #[test]
    fn ticket_numbers_round_trip() {
        assert_eq!(ticket_number(42), "T000042");
        assert_eq!(parse_ticket_number("T000042"), Some(42));
        assert_eq!(parse_ticket_number(" t42 "), Some(42));
        assert_eq!(parse_ticket_number("T0"), None);
        assert_eq!(parse_ticket_number("X1"), None);
    }
}
