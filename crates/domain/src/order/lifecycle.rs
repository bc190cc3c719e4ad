//! Moving an order through its lifecycle. An [`OrderMove`] can only be made here, by a
//! transition the table in [`super::status`] allows (or, for the order following its
//! tickets, by [`crate::ticket::order_status_for`]); storage takes nothing else, so an
//! illegal move cannot be written.

use std::str::FromStr;

use crate::Error;
use crate::order::OrderStatus;

/// A move of an order from one status to another that the lifecycle allows. Its fields
/// are private: only the state machine makes one.
///
/// ```
/// use domain::order::OrderStatus;
/// let confirm = OrderStatus::Placed.transition(OrderStatus::Confirmed).unwrap();
/// assert_eq!(confirm.to(), OrderStatus::Confirmed);
/// assert!(OrderStatus::Placed.transition(OrderStatus::PickedUp).is_err());
/// ```
///
/// Outside `domain` a move cannot be made up, so storage can never be handed one the
/// lifecycle does not allow:
///
/// ```compile_fail
/// use domain::order::{OrderMove, OrderStatus};
/// let forged = OrderMove { from: OrderStatus::Placed, to: OrderStatus::PickedUp };
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct OrderMove {
    from: OrderStatus,
    to: OrderStatus,
}

impl OrderMove {
    /// A move the domain has decided on (the caller has checked it).
    pub(crate) const fn decided(from: OrderStatus, to: OrderStatus) -> OrderMove {
        OrderMove { from, to }
    }

    /// The status the move starts from; storage writes it only if the order is still there.
    pub const fn from(self) -> OrderStatus {
        self.from
    }

    /// The status the order moves to.
    pub const fn to(self) -> OrderStatus {
        self.to
    }

    /// Whether this move gives the order's reserved workshop hours back.
    pub const fn releases_capacity(self) -> bool {
        self.from.holds_capacity() && !self.to.holds_capacity()
    }

    /// Whether this move ends the order's live tickets (a cancel or a decline).
    pub const fn ends_tickets(self) -> bool {
        matches!(self.to, OrderStatus::Cancelled | OrderStatus::Declined)
    }
}

impl OrderStatus {
    /// The move to `to`, if the lifecycle allows it.
    pub fn transition(self, to: OrderStatus) -> Result<OrderMove, Error> {
        if self.next().contains(&to) {
            Ok(OrderMove::decided(self, to))
        } else {
            Err(Error::IllegalTransition { from: self, to })
        }
    }
}

impl FromStr for OrderStatus {
    type Err = Error;

    fn from_str(code: &str) -> Result<Self, Error> {
        OrderStatus::ALL
            .into_iter()
            .find(|s| s.code() == code)
            .ok_or_else(|| Error::UnknownName {
                kind: "order status",
                given: code.to_owned(),
                expected: "draft, placed, confirmed, in_production, ready, at_counter, picked_up, \
                       cancelled, declined, no_show, refunded",
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use OrderStatus as S;

    #[test]
    fn the_happy_path_is_allowed_step_by_step() {
        let path = [
            S::Placed,
            S::Confirmed,
            S::InProduction,
            S::Ready,
            S::AtCounter,
            S::PickedUp,
        ];
        let end = path.into_iter().try_fold(S::Draft, |status, next| {
            status.transition(next).map(OrderMove::to)
        });
        assert_eq!(end, Ok(S::PickedUp));
    }

    #[test]
    fn an_order_never_goes_backwards() {
        for status in S::ALL {
            for next in status.next() {
                let from = S::ALL.iter().position(|s| *s == status);
                let to = S::ALL.iter().position(|s| s == next);
                assert!(to > from, "{status} -> {next} goes backwards");
            }
        }
    }

    #[test]
    fn skipping_a_step_is_refused_with_both_states() {
        assert_eq!(
            S::Placed.transition(S::Ready),
            Err(Error::IllegalTransition {
                from: S::Placed,
                to: S::Ready
            })
        );
        assert!(S::Refunded.transition(S::Placed).is_err());
    }

    #[test]
    fn a_move_remembers_where_it_started_and_what_it_gives_back() {
        let cancel = S::Confirmed.transition(S::Cancelled).expect("allowed");
        assert_eq!((cancel.from(), cancel.to()), (S::Confirmed, S::Cancelled));
        assert!(cancel.releases_capacity() && cancel.ends_tickets());
        let ready = S::InProduction.transition(S::Ready).expect("allowed");
        assert!(ready.releases_capacity() && !ready.ends_tickets());
        let start = S::Confirmed.transition(S::InProduction).expect("allowed");
        assert!(!start.releases_capacity());
    }

    #[test]
    fn travellers_cancel_only_before_production() {
        assert!(S::Confirmed.cancellable_by_traveller());
        assert!(!S::InProduction.cancellable_by_traveller());
    }

    #[test]
    fn codes_round_trip() {
        for status in S::ALL {
            assert_eq!(status.code().parse::<OrderStatus>(), Ok(status));
        }
        assert!("shipped".parse::<OrderStatus>().is_err());
    }
}
