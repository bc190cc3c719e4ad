//! Handing goods over at the counter: checking the traveller, and the immediate tourist
//! tax (VAT) refund recorded with the handover.
//!
//! A pickup code alone releases nothing: the name and the passport's last four
//! characters given at order time must both match. The VAT refund follows Korea's
//! immediate-refund rules from 2024: per purchase at least ₩15,000 and at most
//! ₩1,000,000, at most ₩5,000,000 per trip, and the amount from the refund operator's
//! published table (VAT included in the price, less its fee).

use crate::money::Krw;

/// Whether the traveller at the counter is the one who ordered: both the name (case,
/// spacing and accents of ASCII letters aside) and the passport's last four characters
/// must match.
pub fn identity_matches(
    ordered_name: &str,
    ordered_last4: &str,
    given_name: &str,
    given_last4: &str,
) -> bool {
    normalise(ordered_name) == normalise(given_name)
        && !ordered_last4.is_empty()
        && ordered_last4
            .trim()
            .eq_ignore_ascii_case(given_last4.trim())
}

fn normalise(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The smallest purchase eligible for an immediate refund.
pub const MIN_PURCHASE: Krw = Krw::new(15_000);
/// The largest purchase eligible for an immediate refund.
pub const MAX_PURCHASE: Krw = Krw::new(1_000_000);
/// The most that can be refunded immediately over one trip.
pub const MAX_PER_TRIP: Krw = Krw::new(5_000_000);

/// A refund operator's table: for purchases up to `up_to` (inclusive), refund `refund`.
/// Brackets are sorted by `up_to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefundTable {
    brackets: Vec<(Krw, Krw)>,
}

impl RefundTable {
    /// A table from `(up_to, refund)` brackets; they are sorted here.
    pub fn new(mut brackets: Vec<(Krw, Krw)>) -> Self {
        brackets.sort();
        RefundTable { brackets }
    }

    /// A table like the ones operators publish: brackets of ₩20,000 up to ₩100,000 and
    /// ₩50,000 above; each refunds about two thirds of the VAT (10/110 of the price) at the
    /// bracket's lowest price, in hundreds of won, so that no purchase gets back more
    /// than the VAT it paid.
    pub fn standard() -> Self {
        let mut brackets = Vec::new();
        let mut lower = MIN_PURCHASE.won();
        while lower <= MAX_PURCHASE.won() {
            let step = if lower < 100_000 { 20_000 } else { 50_000 };
            let up_to = (lower + step - 1).min(MAX_PURCHASE.won());
            let refund = lower * 10 / 110 * 2 / 3 / 100 * 100;
            brackets.push((Krw::new(up_to), Krw::new(refund)));
            lower = up_to + 1;
        }
        RefundTable::new(brackets)
    }

    /// The refund for one purchase, before the per-trip cap.
    pub fn refund_for(&self, purchase: Krw) -> Krw {
        if purchase < MIN_PURCHASE || purchase > MAX_PURCHASE {
            return Krw::ZERO;
        }
        self.brackets
            .iter()
            .find(|(up_to, _)| purchase <= *up_to)
            .map_or(Krw::ZERO, |(_, r)| *r)
    }
}

/// The refund to record for a handover of goods worth `purchase`, when `refunded_this_trip`
/// was already refunded on the same trip.
pub fn immediate_refund(table: &RefundTable, purchase: Krw, refunded_this_trip: Krw) -> Krw {
    let room = Krw::new((MAX_PER_TRIP.won() - refunded_this_trip.won()).max(0));
    table.refund_for(purchase).min(room)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_name_and_passport_digits_must_match() {
        assert!(identity_matches(
            "Mia Tanaka",
            "7K2Q",
            "  mia   TANAKA ",
            "7k2q"
        ));
        assert!(!identity_matches(
            "Mia Tanaka",
            "7K2Q",
            "Mia Tanaka",
            "7K2X"
        ));
        assert!(!identity_matches(
            "Mia Tanaka",
            "7K2Q",
            "Mio Tanaka",
            "7K2Q"
        ));
        assert!(!identity_matches("Mia Tanaka", "", "Mia Tanaka", ""));
    }

    #[test]
    fn purchases_outside_the_immediate_range_get_nothing() {
        let table = RefundTable::standard();
        assert_eq!(table.refund_for(Krw::new(14_999)), Krw::ZERO);
        assert_eq!(table.refund_for(Krw::new(1_000_001)), Krw::ZERO);
        assert!(table.refund_for(Krw::new(15_000)) > Krw::ZERO);
        assert!(table.refund_for(Krw::new(1_000_000)) > Krw::ZERO);
    }

    #[test]
    fn refunds_grow_with_the_price_and_stay_below_the_vat() {
        let table = RefundTable::standard();
        let mut last = Krw::ZERO;
        for price in (15_000..=1_000_000).step_by(5_000) {
            let refund = table.refund_for(Krw::new(price));
            assert!(refund >= last, "refund falls at {price}");
            assert!(
                refund.won() * 11 <= price,
                "refund {refund} above the VAT of {price}"
            );
            last = refund;
        }
    }

    #[test]
    fn the_trip_cap_limits_the_refund() {
        let table = RefundTable::standard();
        let full = table.refund_for(Krw::new(500_000));
        assert_eq!(immediate_refund(&table, Krw::new(500_000), Krw::ZERO), full);
        assert_eq!(
            immediate_refund(&table, Krw::new(500_000), Krw::new(4_990_000)),
            Krw::new(10_000)
        );
        assert_eq!(
            immediate_refund(&table, Krw::new(500_000), MAX_PER_TRIP),
            Krw::ZERO
        );
    }
}
