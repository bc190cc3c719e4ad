//! Moving a ticket. A [`TicketMove`] can only be made here: by a workshop's allowed
//! transition, the counter receiving it, its order ending, a decline that re-queues it
//! elsewhere, or new production days that keep it where it is. Storage takes nothing else, so an
//! illegal move cannot be written. Also: what the tickets' progress means for the order.

use std::str::FromStr;

use crate::Error;
use crate::order::{OrderMove, OrderStatus};
use crate::ticket::TicketStatus;

use TicketStatus as T;

/// A move of a ticket that its lifecycle allows. Its fields are private: only the state
/// machine makes one.
///
/// ```
/// use domain::ticket::TicketStatus;
/// assert!(TicketStatus::Queued.transition(TicketStatus::Accepted).is_ok());
/// assert!(TicketStatus::Queued.transition(TicketStatus::Dispatched).is_err());
/// ```
///
/// Outside `domain` a move cannot be made up:
///
/// ```compile_fail
/// use domain::ticket::{TicketMove, TicketStatus};
/// let forged = TicketMove { from: TicketStatus::Queued, to: TicketStatus::Dispatched };
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TicketMove {
    from: TicketStatus,
    to: TicketStatus,
}

impl TicketMove {
    /// The status the move starts from; storage writes it only if the ticket is still there.
    pub const fn from(self) -> TicketStatus {
        self.from
    }

    /// The status the ticket moves to.
    pub const fn to(self) -> TicketStatus {
        self.to
    }

    /// Whether this move gives the item's reserved workshop hours back.
    pub const fn releases_capacity(self) -> bool {
        self.from.holds_capacity() && !self.to.holds_capacity()
    }

    /// A decline that could be re-planned into another slot: the ticket goes back to the
    /// queue instead. `None` if this move is not a decline.
    pub fn requeued(self) -> Option<TicketMove> {
        (self.to == T::Declined).then_some(TicketMove {
            from: self.from,
            to: T::Queued,
        })
    }
}

impl TicketStatus {
    /// The move to `to`, if a workshop may make it; `received` and `cancelled` come from
    /// elsewhere (the counter, the order).
    pub fn transition(self, to: TicketStatus) -> Result<TicketMove, Error> {
        if self.next_for_workshop().contains(&to) {
            Ok(TicketMove { from: self, to })
        } else {
            Err(Error::IllegalTicketTransition { from: self, to })
        }
    }

    /// The counter receives a dispatched ticket.
    pub fn receive(self) -> Result<TicketMove, Error> {
        match self {
            T::Dispatched => Ok(TicketMove {
                from: self,
                to: T::Received,
            }),
            from => Err(Error::IllegalTicketTransition {
                from,
                to: T::Received,
            }),
        }
    }

    /// Its order was cancelled or declined: every live ticket is cancelled, whether
    /// waiting, in production, finished at the workshop or on its way to the counter
    /// (`None` for one received by the counter or already ended).
    pub fn cancel(self) -> Option<TicketMove> {
        matches!(
            self,
            T::Queued | T::Accepted | T::InProduction | T::QualityCheck | T::Ready | T::Dispatched
        )
        .then_some(TicketMove {
            from: self,
            to: T::Cancelled,
        })
    }

    /// Its production days move (a delay reported by the workshop, a closed day): the
    /// ticket keeps its status. Only work not yet finished can be rescheduled.
    pub fn reschedule(self) -> Result<TicketMove, Error> {
        if matches!(
            self,
            T::Queued | T::Accepted | T::InProduction | T::QualityCheck
        ) {
            Ok(TicketMove {
                from: self,
                to: self,
            })
        } else {
            Err(Error::IllegalTicketTransition {
                from: self,
                to: self,
            })
        }
    }
}

/// The order status the tickets now imply, if it moved on from `current`: the first
/// ticket in production starts the order, all ready makes it ready, all received puts
/// it at the counter. Declined and cancelled tickets are decided elsewhere.
pub fn order_status_for(current: OrderStatus, tickets: &[TicketStatus]) -> Option<OrderMove> {
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

/// The move to `target` if the lifecycle reaches it from `current` through forward steps.
fn walk(current: OrderStatus, target: OrderStatus) -> Option<OrderMove> {
    let path = [
        OrderStatus::Confirmed,
        OrderStatus::InProduction,
        OrderStatus::Ready,
        OrderStatus::AtCounter,
    ];
    let from = path.iter().position(|s| *s == current)?;
    let to = path.iter().position(|s| *s == target)?;
    (to > from).then_some(OrderMove::decided(current, target))
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

#[cfg(test)]
mod tests {
    use super::*;
    use TicketStatus as T;

    #[test]
    fn a_ticket_walks_from_queue_to_dispatch_step_by_step() {
        let path = [
            T::Accepted,
            T::InProduction,
            T::QualityCheck,
            T::Ready,
            T::Dispatched,
        ];
        let end = path.into_iter().try_fold(T::Queued, |status, next| {
            status.transition(next).map(TicketMove::to)
        });
        assert_eq!(end, Ok(T::Dispatched));
        assert_eq!(T::Dispatched.receive().map(TicketMove::to), Ok(T::Received));
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
            T::QualityCheck
                .transition(T::InProduction)
                .map(TicketMove::to),
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
            order_status_for(O::Confirmed, &[T::Queued, T::Accepted]).map(OrderMove::to),
            None
        );
        assert_eq!(
            order_status_for(O::Confirmed, &[T::InProduction, T::Queued]).map(OrderMove::to),
            Some(O::InProduction)
        );
        assert_eq!(
            order_status_for(O::InProduction, &[T::Ready, T::Dispatched]).map(OrderMove::to),
            Some(O::Ready)
        );
        assert_eq!(
            order_status_for(O::Ready, &[T::Received, T::Received]).map(OrderMove::to),
            Some(O::AtCounter)
        );
        assert_eq!(
            order_status_for(O::Confirmed, &[T::Received]).map(OrderMove::to),
            Some(O::AtCounter)
        );
        assert_eq!(
            order_status_for(O::Ready, &[T::Ready, T::Ready]).map(OrderMove::to),
            None,
            "no move without change"
        );
        assert_eq!(
            order_status_for(O::InProduction, &[T::Declined, T::Ready]).map(OrderMove::to),
            None
        );
    }

    #[test]
    fn only_unfinished_work_is_rescheduled_and_only_live_work_cancelled() {
        assert_eq!(
            T::QualityCheck.reschedule().map(TicketMove::to),
            Ok(T::QualityCheck)
        );
        assert!(T::Ready.reschedule().is_err());
        for live in [
            T::Queued,
            T::Accepted,
            T::InProduction,
            T::QualityCheck,
            T::Ready,
            T::Dispatched,
        ] {
            assert_eq!(
                live.cancel().map(TicketMove::to),
                Some(T::Cancelled),
                "{live}"
            );
        }
        for done in [T::Received, T::Cancelled, T::Declined] {
            assert_eq!(done.cancel(), None, "{done}");
        }
    }

    #[test]
    fn only_a_decline_can_be_requeued() {
        let decline = T::Accepted.transition(T::Declined).expect("allowed");
        let requeued = decline.requeued().expect("a decline");
        assert_eq!((requeued.from(), requeued.to()), (T::Accepted, T::Queued));
        let accept = T::Queued.transition(T::Accepted).expect("allowed");
        assert_eq!(accept.requeued(), None);
    }
}
