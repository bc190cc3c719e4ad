//! The order lifecycle as an explicit state machine.
//!
//! `draft → placed → confirmed → in_production → ready → at_counter → picked_up`, with
//! the side exits `cancelled`, `declined`, `no_show` and `refunded`. Every change goes
//! through [`OrderStatus::transition`]; the server records each one with who and when.

use std::fmt;
use std::str::FromStr;

use crate::Error;

/// Where an order is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OrderStatus {
    /// Being put together; nothing reserved.
    Draft,
    /// Capacity reserved, payment pending.
    Placed,
    /// Paid (or deposit paid), or placed with pay-at-counter.
    Confirmed,
    /// A workshop has started on it.
    InProduction,
    /// Every item is ready at its workshop.
    Ready,
    /// The counter has received the goods.
    AtCounter,
    /// The traveller has collected.
    PickedUp,
    /// Cancelled by the traveller or the operator.
    Cancelled,
    /// A workshop cannot make it.
    Declined,
    /// The pickup deadline passed without a pickup.
    NoShow,
    /// Money returned in whole or in part.
    Refunded,
}

use OrderStatus as S;

impl OrderStatus {
    /// Every status, ranked so that every allowed transition moves to a later entry.
    pub const ALL: [OrderStatus; 11] = [
        S::Draft,
        S::Placed,
        S::Confirmed,
        S::InProduction,
        S::Ready,
        S::AtCounter,
        S::NoShow,
        S::PickedUp,
        S::Cancelled,
        S::Declined,
        S::Refunded,
    ];

    /// The stable code used on the wire and in storage.
    pub const fn code(self) -> &'static str {
        match self {
            S::Draft => "draft",
            S::Placed => "placed",
            S::Confirmed => "confirmed",
            S::InProduction => "in_production",
            S::Ready => "ready",
            S::AtCounter => "at_counter",
            S::PickedUp => "picked_up",
            S::Cancelled => "cancelled",
            S::Declined => "declined",
            S::NoShow => "no_show",
            S::Refunded => "refunded",
        }
    }

    /// The statuses this one may move to.
    pub const fn next(self) -> &'static [OrderStatus] {
        match self {
            S::Draft => &[S::Placed, S::Cancelled],
            S::Placed => &[S::Confirmed, S::Cancelled, S::Declined],
            S::Confirmed => &[S::InProduction, S::Cancelled, S::Declined],
            S::InProduction => &[S::Ready, S::Cancelled, S::Declined],
            S::Ready => &[S::AtCounter, S::Cancelled],
            S::AtCounter => &[S::PickedUp, S::NoShow],
            S::NoShow => &[S::PickedUp, S::Refunded],
            S::PickedUp | S::Cancelled | S::Declined => &[S::Refunded],
            S::Refunded => &[],
        }
    }

    /// Moves to `to` if the lifecycle allows it.
    pub fn transition(self, to: OrderStatus) -> Result<OrderStatus, Error> {
        if self.next().contains(&to) {
            Ok(to)
        } else {
            Err(Error::IllegalTransition { from: self, to })
        }
    }

    /// Whether the traveller may still cancel on their own (before production starts).
    pub const fn cancellable_by_traveller(self) -> bool {
        matches!(self, S::Draft | S::Placed | S::Confirmed)
    }

    /// Whether the order's itinerary may still change, moving its reservations.
    pub const fn itinerary_changeable(self) -> bool {
        matches!(self, S::Placed | S::Confirmed)
    }

    /// Whether the order holds workshop capacity.
    pub const fn holds_capacity(self) -> bool {
        matches!(self, S::Placed | S::Confirmed | S::InProduction)
    }
}

impl FromStr for OrderStatus {
    type Err = Error;

    fn from_str(code: &str) -> Result<Self, Error> {
        S::ALL
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

impl fmt::Display for OrderStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let end = path
            .into_iter()
            .try_fold(S::Draft, |status, next| status.transition(next));
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
