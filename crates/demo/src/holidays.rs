//! Korean public holidays the demo workshops close on, and their own closures.
//!
//! Lunar dates were checked against the new moons in Korean time: Seollal 2027 falls on
//! Sunday 7 February (so Tuesday 9 February is a substitute holiday), Buddha's Birthday on
//! 13 May and Chuseok on 15 September. Since 2021 a national day that falls on a weekend
//! gives a substitute holiday on the next working day, and since 2023 so do Buddha's
//! Birthday and Christmas; Memorial Day never does.

use time::Date;
use time::macros::date;

/// The first day the demo calendars cover.
pub const HOLIDAYS_FROM: Date = date!(2026 - 12 - 01);
/// The last day the demo calendars cover.
pub const HOLIDAYS_UNTIL: Date = date!(2027 - 12 - 31);

/// Korean public holidays from [`HOLIDAYS_FROM`] to [`HOLIDAYS_UNTIL`], in date order.
const PUBLIC_HOLIDAYS: [(Date, &str); 21] = [
    (date!(2026 - 12 - 25), "Christmas Day"),
    (date!(2027 - 01 - 01), "New Year's Day"),
    (
        date!(2027 - 02 - 06),
        "Seollal holiday (Lunar New Year's Eve)",
    ),
    (date!(2027 - 02 - 07), "Seollal (Lunar New Year)"),
    (date!(2027 - 02 - 08), "Seollal holiday"),
    (date!(2027 - 02 - 09), "Substitute holiday for Seollal"),
    (date!(2027 - 03 - 01), "Independence Movement Day"),
    (date!(2027 - 05 - 05), "Children's Day"),
    (date!(2027 - 05 - 13), "Buddha's Birthday"),
    (date!(2027 - 06 - 06), "Memorial Day"),
    (date!(2027 - 08 - 15), "Liberation Day"),
    (
        date!(2027 - 08 - 16),
        "Substitute holiday for Liberation Day",
    ),
    (date!(2027 - 09 - 14), "Chuseok holiday"),
    (date!(2027 - 09 - 15), "Chuseok"),
    (date!(2027 - 09 - 16), "Chuseok holiday"),
    (date!(2027 - 10 - 03), "National Foundation Day"),
    (
        date!(2027 - 10 - 04),
        "Substitute holiday for National Foundation Day",
    ),
    (date!(2027 - 10 - 09), "Hangul Day"),
    (date!(2027 - 10 - 11), "Substitute holiday for Hangul Day"),
    (date!(2027 - 12 - 25), "Christmas Day"),
    (
        date!(2027 - 12 - 27),
        "Substitute holiday for Christmas Day",
    ),
];

/// A workshop's own closure: every day from `first` to `last`, both included.
pub(crate) struct Closure {
    pub(crate) first: Date,
    pub(crate) last: Date,
    pub(crate) name: &'static str,
}

/// The public holidays plus a workshop's own closures, in date order, each day once (a
/// public holiday keeps its name when a closure covers it too).
pub(crate) fn with_closures(closures: &[Closure]) -> Vec<(Date, String)> {
    let mut days: Vec<(Date, String)> = PUBLIC_HOLIDAYS
        .iter()
        .map(|(day, name)| (*day, (*name).to_owned()))
        .collect();
    for closure in closures {
        let mut day = closure.first;
        while day <= closure.last {
            if !days.iter().any(|(taken, _)| *taken == day) {
                days.push((day, closure.name.to_owned()));
            }
            day = day
                .next_day()
                .expect("demo closures end long before the year 9999");
        }
    }
    days.sort_by_key(|(day, _)| *day);
    days
}
