//! The statuses of an order and the table of moves between them: the vocabulary of the
//! lifecycle, with no way yet to make a move (that is `lifecycle`'s).
//!
//! `draft → placed → confirmed → in_production → ready → at_counter → picked_up`, with
//! the side exits `cancelled`, `declined`, `no_show` and `refunded`.

use std::fmt;

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

impl fmt::Display for OrderStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}
