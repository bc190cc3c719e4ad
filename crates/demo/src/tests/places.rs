//! Workshops, counters and calendars.

use std::collections::BTreeSet;

use db::catalogue::CounterKind;
use domain::catalogue::Category;
use time::{Duration, Weekday};

use super::products;
use crate::{HOLIDAYS_FROM, HOLIDAYS_UNTIL, catalogue};

#[test]
fn each_craft_has_one_workshop_making_only_its_own_category() {
    let seed = catalogue();
    let crafts: Vec<Category> = seed.workshops.iter().map(|w| w.craft).collect();
    assert_eq!(
        crafts.iter().collect::<BTreeSet<_>>(),
        Category::ALL.iter().collect()
    );
    assert_eq!(crafts.len(), Category::ALL.len());
    for (workshop, product) in products(&seed) {
        assert_eq!(
            product.category, workshop.craft,
            "{} at {}",
            product.code, workshop.code
        );
    }
}

#[test]
fn there_are_a_city_shop_and_two_airport_desks() {
    let seed = catalogue();
    let codes: Vec<&str> = seed.counters.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(codes, ["myeongdong", "icn-t1", "icn-t2"]);
    for counter in &seed.counters {
        match counter.kind {
            CounterKind::CityShop => {
                assert_eq!(counter.pickup_minutes_before_departure, None);
                assert_eq!(counter.transit_days, 0);
                assert!(!counter.open_days.contains(Weekday::Sunday));
            }
            CounterKind::AirportDesk => {
                assert_eq!(counter.pickup_minutes_before_departure, Some(180));
                assert_eq!(counter.transit_days, 1);
                assert!(counter.open_days.contains(Weekday::Sunday));
            }
        }
        assert!(counter.opens_at < counter.closes_at, "{}", counter.code);
    }
    let desks = seed
        .counters
        .iter()
        .filter(|c| c.kind == CounterKind::AirportDesk)
        .count();
    assert_eq!(desks, 2);
}

#[test]
fn every_workshop_offers_three_products_or_more_and_twelve_in_all() {
    let seed = catalogue();
    for workshop in &seed.workshops {
        assert!(
            workshop.products.len() >= 3,
            "{} has too few products",
            workshop.code
        );
    }
    assert!(products(&seed).count() >= 12);
}

#[test]
fn holidays_are_sorted_unique_and_within_the_seeded_range() {
    let seed = catalogue();
    for workshop in &seed.workshops {
        let days: Vec<_> = workshop.holidays.iter().map(|(day, _)| *day).collect();
        assert!(
            days.windows(2).all(|w| w[0] < w[1]),
            "{} holidays out of order",
            workshop.code
        );
        assert!(
            days.iter()
                .all(|d| (HOLIDAYS_FROM..=HOLIDAYS_UNTIL).contains(d))
        );
        assert!(workshop.holidays.iter().all(|(_, name)| !name.is_empty()));
        for day in ["2027-02-07", "2027-05-13", "2027-09-15"] {
            assert!(
                days.iter().any(|d| d.to_string() == day),
                "{} works on {day}",
                workshop.code
            );
        }
    }
}

#[test]
fn substitute_holidays_fall_on_weekdays_after_a_holiday_on_a_weekend() {
    let weekend = |day: time::Date| matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday);
    let seed = catalogue();
    let holidays = &seed.workshops[0].holidays;
    let substitutes: Vec<_> = holidays
        .iter()
        .filter(|(_, name)| name.starts_with("Substitute"))
        .collect();
    assert!(!substitutes.is_empty());
    for (day, name) in substitutes {
        assert!(!weekend(*day), "{name} on {day} is on a weekend");
        let cause = (1..=3).map(|n| *day - Duration::days(n)).any(|earlier| {
            weekend(earlier)
                && holidays
                    .iter()
                    .any(|(d, n)| *d == earlier && !n.starts_with("Substitute"))
        });
        assert!(cause, "{name} on {day} follows no weekend holiday");
    }
}
