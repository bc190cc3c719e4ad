//! The immediate tourist tax (VAT) refund at the counter: tax-free forms, the refund
//! operator's table, the per-purchase limits and the per-trip cap.
//!
//! Korea's immediate-refund rules from 2024: a purchase, which is one tax-free form, of
//! at least ₩15,000 and at most ₩1,000,000 is refunded on the spot (here: at the counter,
//! at handover, when the passport is checked); one traveller's immediate-refund purchases
//! on one trip total at most ₩5,000,000. The cap counts purchases, not refunds, as the
//! law and the operators state it: a form that would take the trip above it gets no
//! immediate refund (the traveller claims that one at the airport). The amount is the
//! refund operator's published figure for the purchase ([`RefundTable`]).
//!
//! **A form is an order.** An order was priced and paid as one purchase, so it gets one
//! tax-free form, issued at its first handover and covering every item of the order that
//! is not cancelled or declined. The form's purchase decides eligibility once, whatever
//! the number of handovers. Each handover refunds the form's refund in proportion to the
//! goods handed over so far (the refund is for goods leaving with the traveller), counted
//! cumulatively and rounded down, so that a form's handovers add up to exactly its refund
//! once everything is collected. Splitting a pickup therefore can neither pass a purchase
//! above ₩1,000,000 as two smaller ones nor earn more than collecting it at once.
//!
//! **The traveller** ([`TravellerKey`]) is the passport's last four characters with the
//! name as on the passport (case and spacing aside): what the counter checks before any
//! handover, and what customs knows a tourist by. The email address is left out: one
//! traveller may give several, and nobody checks it.
//!
//! **The trip** ([`Stay`]) is the order's stay from arrival to departure, stretched to
//! the moment the form is issued (the traveller is at the counter then, so in Korea,
//! whatever the itinerary says). Two forms of one traveller are on one trip when their
//! stays overlap, directly or through other forms' stays ([`trip_of`]): nobody is on two
//! trips at once, so orders with other flight times, or with a shorter stay typed than
//! the real one, still count together while the traveller is here; a later trip, with
//! stays apart, has a cap of its own. Itineraries typed apart on purpose (orders claiming
//! disjoint stays within one real trip) are beyond what the counter can see: customs,
//! which checks the passport's real entries and exits, is where that is caught.

use std::fmt;

use time::OffsetDateTime;

use crate::money::Krw;
use crate::order::Trip;
use crate::pickup::normalise_name;
use crate::traveller::{PassportLast4, TravellerName};

/// The smallest purchase eligible for an immediate refund.
pub const MIN_PURCHASE: Krw = Krw::new(15_000);
/// The largest purchase eligible for an immediate refund.
pub const MAX_PURCHASE: Krw = Krw::new(1_000_000);
/// The most a traveller's immediate-refund purchases may total over one trip.
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

/// A tax-free form's id, printed `TF000012`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FormId(pub i32);

impl FormId {
    /// The printed number: `TF` and six digits at least.
    pub fn number(self) -> String {
        format!("TF{:06}", self.0)
    }
}

/// Who a form is for: the passport's last four characters and the name as on the
/// passport, spacing and case aside (`"7K2Q mia tanaka"`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TravellerKey(String);

impl TravellerKey {
    /// The key of the traveller an order was placed for.
    pub fn of(name: &TravellerName, passport_last4: &PassportLast4) -> TravellerKey {
        TravellerKey(format!(
            "{} {}",
            passport_last4.as_str(),
            normalise_name(name.as_str())
        ))
    }

    /// The key as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TravellerKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A traveller's stay in Korea, from arrival to departure (both included).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stay {
    /// When the traveller landed (or was first known to be here).
    pub arrival: OffsetDateTime,
    /// When the traveller flies home (or was last known to be here).
    pub departure: OffsetDateTime,
}

impl Stay {
    /// The stay of an order's trip, stretched to `issued_at`: the traveller is at the
    /// counter then, so in Korea.
    pub fn of(trip: &Trip, issued_at: OffsetDateTime) -> Stay {
        Stay {
            arrival: trip.arrival.min(issued_at),
            departure: trip.departure.max(issued_at),
        }
    }

    /// Whether two stays share a moment: then they are one trip.
    pub fn overlaps(&self, other: &Stay) -> bool {
        self.arrival <= other.departure && other.arrival <= self.departure
    }
}

/// Whether a form's purchase is refunded on the spot, and if not, why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Eligibility {
    /// Refunded.
    Eligible,
    /// The purchase is below [`MIN_PURCHASE`].
    BelowMinimum,
    /// The purchase is above [`MAX_PURCHASE`].
    AboveMaximum,
    /// The traveller's immediate-refund purchases on this trip would pass [`MAX_PER_TRIP`].
    OverTripCap,
}

impl Eligibility {
    /// The stable code: `eligible`, `below-minimum`, `above-maximum`, `over-trip-cap`.
    pub fn code(self) -> &'static str {
        match self {
            Eligibility::Eligible => "eligible",
            Eligibility::BelowMinimum => "below-minimum",
            Eligibility::AboveMaximum => "above-maximum",
            Eligibility::OverTripCap => "over-trip-cap",
        }
    }
}

/// A form issued earlier to the same traveller, as far as the trip's cap is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EarlierForm {
    /// The stay it was issued in.
    pub stay: Stay,
    /// Its purchase.
    pub purchase: Krw,
    /// Its whole immediate refund (zero when it was not eligible).
    pub refund: Krw,
}

/// The whole trip that `stay` is part of: `stay` widened by the stays of the earlier
/// forms linked to it through overlapping stays (forms of days 1-4 and of days 3-9 make
/// one trip with a form of days 8-10).
pub fn trip_of(stay: &Stay, earlier: &[EarlierForm]) -> Stay {
    let mut trip = *stay;
    loop {
        let mut widened = false;
        for form in earlier {
            let wider = form.stay.arrival < trip.arrival || form.stay.departure > trip.departure;
            if wider && form.stay.overlaps(&trip) {
                trip.arrival = trip.arrival.min(form.stay.arrival);
                trip.departure = trip.departure.max(form.stay.departure);
                widened = true;
            }
        }
        if !widened {
            return trip;
        }
    }
}

/// The traveller's immediate-refund purchases on the trip of `stay`: the purchases of the
/// earlier forms with a refund that are part of the trip ([`trip_of`]).
pub fn trip_purchases(stay: &Stay, earlier: &[EarlierForm]) -> Krw {
    let trip = trip_of(stay, earlier);
    let won = earlier
        .iter()
        .filter(|form| form.refund > Krw::ZERO && form.stay.overlaps(&trip))
        .map(|form| form.purchase.won())
        .sum();
    Krw::new(won)
}

/// What a tax-free form says, fixed when it is issued.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormTerms {
    /// The purchase: the order's goods (its items not cancelled or declined).
    pub purchase: Krw,
    /// The whole immediate refund of the form, paid out over its handovers.
    pub refund: Krw,
    /// The traveller's immediate-refund purchases on this trip before this form.
    pub trip_purchases_before: Krw,
}

impl FormTerms {
    /// Issues a form for `purchase` in `stay`, given the traveller's earlier forms (of
    /// any trip; those of other trips are left out here).
    pub fn issue(
        table: &RefundTable,
        purchase: Krw,
        stay: &Stay,
        earlier: &[EarlierForm],
    ) -> FormTerms {
        let mut form = FormTerms {
            purchase,
            refund: Krw::ZERO,
            trip_purchases_before: trip_purchases(stay, earlier),
        };
        if form.eligibility() == Eligibility::Eligible {
            form.refund = table.refund_for(purchase);
        }
        form
    }

    /// Whether the purchase is refunded on the spot, and if not, why.
    pub fn eligibility(&self) -> Eligibility {
        if self.purchase < MIN_PURCHASE {
            Eligibility::BelowMinimum
        } else if self.purchase > MAX_PURCHASE {
            Eligibility::AboveMaximum
        } else if self.trip_purchases_before.won() + self.purchase.won() > MAX_PER_TRIP.won() {
            Eligibility::OverTripCap
        } else {
            Eligibility::Eligible
        }
    }

    /// The refund a handover of goods worth `handing_over` pays on this form, when goods
    /// worth `handed_over_before` were handed over on it earlier for `refunded_before`:
    /// the form's refund in proportion to all the goods handed over by then (rounded down
    /// to the won), less what was refunded before; never below zero.
    pub fn share(&self, handed_over_before: Krw, refunded_before: Krw, handing_over: Krw) -> Krw {
        let goods = handed_over_before.won().saturating_add(handing_over.won());
        let due = self.refund_for_goods(Krw::new(goods));
        Krw::new((due.won() - refunded_before.won()).max(0))
    }

    /// The part of the refund that goods worth `goods` of this form earn.
    fn refund_for_goods(&self, goods: Krw) -> Krw {
        if self.purchase <= Krw::ZERO {
            return Krw::ZERO;
        }
        let goods = goods.won().clamp(0, self.purchase.won());
        let due =
            i128::from(self.refund.won()) * i128::from(goods) / i128::from(self.purchase.won());
        // due <= refund because goods <= purchase, so it fits in i64.
        Krw::new(i64::try_from(due).unwrap_or(self.refund.won()))
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use time::macros::datetime;

    use super::*;

    fn stay(from_day: u8, to_day: u8) -> Stay {
        let day = |d: u8| datetime!(2026-12-01 00:00 UTC) + time::Duration::days(i64::from(d) - 1);
        Stay {
            arrival: day(from_day),
            departure: day(to_day),
        }
    }

    fn won(amount: i64) -> Krw {
        Krw::new(amount)
    }

    #[test]
    fn purchases_outside_the_immediate_range_get_nothing() {
        let table = RefundTable::standard();
        assert_eq!(table.refund_for(won(14_999)), Krw::ZERO);
        assert_eq!(table.refund_for(won(1_000_001)), Krw::ZERO);
        assert!(table.refund_for(won(15_000)) > Krw::ZERO);
        assert!(table.refund_for(won(1_000_000)) > Krw::ZERO);
    }

    #[test]
    fn refunds_grow_with_the_price_and_stay_below_the_vat() {
        let table = RefundTable::standard();
        let mut last = Krw::ZERO;
        for price in (15_000..=1_000_000).step_by(5_000) {
            let refund = table.refund_for(won(price));
            assert!(refund >= last, "refund falls at {price}");
            assert!(
                refund.won() * 11 <= price,
                "refund {refund} above the VAT of {price}"
            );
            last = refund;
        }
    }

    #[test]
    fn a_form_above_the_limit_refunds_nothing_however_it_is_handed_over() {
        let table = RefundTable::standard();
        let form = FormTerms::issue(&table, won(1_615_000), &stay(1, 10), &[]);
        assert_eq!(form.eligibility(), Eligibility::AboveMaximum);
        assert_eq!(form.refund, Krw::ZERO);
        assert_eq!(form.share(Krw::ZERO, Krw::ZERO, won(850_000)), Krw::ZERO);
        assert_eq!(form.share(won(850_000), Krw::ZERO, won(765_000)), Krw::ZERO);
    }

    #[test]
    fn handovers_pay_their_share_and_together_the_whole_refund() {
        let table = RefundTable::standard();
        let form = FormTerms::issue(&table, won(120_000), &stay(1, 10), &[]);
        assert_eq!(form.refund, table.refund_for(won(120_000)));
        let first = form.share(Krw::ZERO, Krw::ZERO, won(85_000));
        assert!(first < form.refund && first > Krw::ZERO);
        let second = form.share(won(85_000), first, won(35_000));
        assert_eq!(first.won() + second.won(), form.refund.won());
        // Refunded more earlier (an older rule): nothing more, never a negative refund.
        assert_eq!(form.share(won(85_000), form.refund, won(35_000)), Krw::ZERO);
    }

    #[test]
    fn the_trip_cap_counts_the_immediate_purchases_of_overlapping_stays() {
        let table = RefundTable::standard();
        let refunded = |stay: Stay, purchase: i64| EarlierForm {
            stay,
            purchase: won(purchase),
            refund: table.refund_for(won(purchase)),
        };
        let earlier = [
            refunded(stay(1, 10), 1_000_000),
            refunded(stay(2, 9), 1_000_000),
            refunded(stay(5, 12), 1_000_000),
            refunded(stay(3, 4), 1_000_000),
            // Not refunded on the spot: not counted.
            EarlierForm {
                stay: stay(1, 10),
                purchase: won(2_000_000),
                refund: Krw::ZERO,
            },
            // Another trip.
            refunded(stay(20, 25), 1_000_000),
        ];
        assert_eq!(trip_purchases(&stay(1, 10), &earlier), won(4_000_000));
        // Days 8-10 meet days 3-4 through days 1-10: one trip.
        assert_eq!(trip_of(&stay(8, 10), &earlier), stay(1, 12));
        let fits = FormTerms::issue(&table, won(1_000_000), &stay(1, 10), &earlier);
        assert_eq!(fits.eligibility(), Eligibility::Eligible);
        assert_eq!(fits.refund, table.refund_for(won(1_000_000)));
        let mut more = earlier.to_vec();
        more.push(refunded(stay(1, 10), 1_000_000));
        let over = FormTerms::issue(&table, won(15_000), &stay(8, 10), &more);
        assert_eq!(over.trip_purchases_before, MAX_PER_TRIP);
        assert_eq!(over.eligibility(), Eligibility::OverTripCap);
        assert_eq!(over.refund, Krw::ZERO);
        let next_trip = FormTerms::issue(&table, won(15_000), &stay(26, 30), &more);
        assert_eq!(next_trip.eligibility(), Eligibility::Eligible);
    }

    #[test]
    fn a_stay_includes_the_moment_its_form_is_issued() {
        let trip = stay(20, 25);
        let counter_visit = datetime!(2026-12-05 03:00 UTC);
        let order_trip = Trip {
            arrival: trip.arrival,
            departure: trip.departure,
            counter_id: crate::counter::CounterId(1),
            pickup_deadline: trip.departure,
        };
        let stretched = Stay::of(&order_trip, counter_visit);
        assert_eq!(stretched.arrival, counter_visit);
        assert!(stretched.overlaps(&stay(1, 10)));
        assert!(!trip.overlaps(&stay(1, 10)));
    }

    #[test]
    fn the_traveller_is_the_passport_digits_and_the_name_as_on_the_passport() {
        let key = |name: &str, last4: &str| {
            TravellerKey::of(
                &TravellerName::parse(name).expect("a name"),
                &PassportLast4::parse(last4).expect("passport digits"),
            )
        };
        assert_eq!(key("Mia Tanaka", "7K2Q"), key(" MIA   tanaka", "7k2q"));
        assert_eq!(key("Mia Tanaka", "7K2Q").as_str(), "7K2Q mia tanaka");
        assert_ne!(key("Mia Tanaka", "7K2Q"), key("Mia Tanaka", "7K2X"));
        assert_ne!(key("Mia Tanaka", "7K2Q"), key("Mio Tanaka", "7K2Q"));
    }

    proptest! {
        /// Any split of a pickup refunds exactly what one pickup refunds once everything
        /// is collected, and never more on the way.
        #[test]
        fn any_split_of_a_pickup_refunds_no_more_than_one_pickup(
            parts in proptest::collection::vec(1i64..700_000, 1..8),
        ) {
            let table = RefundTable::standard();
            let purchase: i64 = parts.iter().sum();
            let form = FormTerms::issue(&table, won(purchase), &stay(1, 10), &[]);
            let at_once = form.share(Krw::ZERO, Krw::ZERO, won(purchase));
            prop_assert_eq!(at_once, table.refund_for(won(purchase)));
            let (mut goods, mut refunded) = (0, 0);
            for part in &parts {
                let share = form.share(won(goods), won(refunded), won(*part));
                prop_assert!(share >= Krw::ZERO);
                goods += part;
                refunded += share.won();
                prop_assert!(refunded <= at_once.won());
            }
            prop_assert_eq!(refunded, at_once.won());
        }

        /// However a traveller's purchases on one trip fall into orders, the forms refunded
        /// on the spot cover at most the trip's cap, and none is above the purchase limit.
        #[test]
        fn a_trip_never_refunds_more_than_its_cap_of_purchases(
            purchases in proptest::collection::vec(1i64..1_200_000, 1..20),
        ) {
            let table = RefundTable::standard();
            let mut earlier: Vec<EarlierForm> = Vec::new();
            for purchase in purchases {
                let here = stay(1, 10);
                let form = FormTerms::issue(&table, won(purchase), &here, &earlier);
                prop_assert!(form.refund <= table.refund_for(won(purchase)));
                earlier.push(EarlierForm { stay: here, purchase: form.purchase, refund: form.refund });
            }
            let covered: i64 = earlier
                .iter()
                .filter(|f| f.refund > Krw::ZERO)
                .map(|f| f.purchase.won())
                .sum();
            prop_assert!(covered <= MAX_PER_TRIP.won());
            prop_assert!(earlier.iter().all(|f| f.refund == Krw::ZERO || f.purchase <= MAX_PURCHASE));
        }
    }
}
