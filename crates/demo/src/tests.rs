//! Invariants of the demo catalogue: what the database, the quote rules and a traveller
//! reading it in any of the four languages rely on.

use std::collections::{BTreeMap, BTreeSet};

use db::catalogue::CounterKind;
use db::seed::{CatalogueSeed, GroupSeed, GroupSeedKind, ProductSeed, WorkshopSeed};
use domain::Error;
use domain::catalogue::{
    Category, OptionGroup, OptionKind, OptionValue, Product, ProductId, TextRule, WorkshopId,
};
use domain::language::{Language, LocalizedText};
use domain::money::{CurrencyCode, Krw, RateTable};
use time::{Duration, Weekday};

use crate::{HOLIDAYS_FROM, HOLIDAYS_UNTIL, catalogue};

fn products(seed: &CatalogueSeed) -> impl Iterator<Item = (&WorkshopSeed, &ProductSeed)> {
    seed.workshops
        .iter()
        .flat_map(|w| w.products.iter().map(move |p| (w, p)))
}

/// The product as the rules see it, mapped the way `db::catalogue` reads it back.
fn domain_product(seed: &ProductSeed) -> Product {
    Product {
        id: ProductId(1),
        workshop_id: WorkshopId(1),
        category: seed.category,
        base_price: seed.base_price,
        unit_minutes: seed.unit_minutes,
        lead_days: seed.lead_days,
        deposit: seed.deposit,
        pay_at_counter: seed.pay_at_counter,
        option_groups: seed.groups.iter().map(domain_group).collect(),
    }
}

fn domain_group(seed: &GroupSeed) -> OptionGroup {
    let kind = match &seed.kind {
        GroupSeedKind::Choice(values) => OptionKind::Choice {
            values: values
                .iter()
                .map(|v| OptionValue {
                    code: v.code.clone(),
                    price_delta: v.price_delta,
                    minutes_delta: v.minutes_delta,
                })
                .collect(),
            default: values
                .iter()
                .position(|v| v.is_default)
                .unwrap_or(usize::MAX),
        },
        GroupSeedKind::Text {
            max_chars,
            allowed,
            required,
            price_delta,
            minutes_delta,
        } => OptionKind::Text(TextRule {
            max_chars: usize::from(*max_chars),
            allowed: allowed.chars().collect(),
            required: *required,
            price_delta: *price_delta,
            minutes_delta: *minutes_delta,
        }),
    };
    OptionGroup {
        code: seed.code.clone(),
        kind,
    }
}

fn options(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

/// Names a traveller tells places and products apart by.
fn names(seed: &CatalogueSeed) -> Vec<(String, &LocalizedText)> {
    let workshops = seed.workshops.iter().map(|w| (w.code.clone(), &w.names));
    let counters = seed.counters.iter().map(|c| (c.code.clone(), &c.names));
    let products = products(seed).map(|(_, p)| (p.code.clone(), &p.names));
    workshops.chain(counters).chain(products).collect()
}

/// Names, descriptions and addresses: the prose of the catalogue.
fn prose(seed: &CatalogueSeed) -> Vec<(String, &LocalizedText)> {
    let mut texts = names(seed);
    texts.extend(
        seed.workshops
            .iter()
            .map(|w| (w.code.clone(), &w.descriptions)),
    );
    texts.extend(seed.counters.iter().map(|c| (c.code.clone(), &c.addresses)));
    texts.extend(products(seed).map(|(_, p)| (p.code.clone(), &p.descriptions)));
    texts
}

/// Every text in the catalogue, with where it is.
fn every_text(seed: &CatalogueSeed) -> Vec<(String, &LocalizedText)> {
    let mut texts = prose(seed);
    for (_, product) in products(seed) {
        for group in &product.groups {
            texts.push((format!("{}/{}", product.code, group.code), &group.labels));
            if let GroupSeedKind::Choice(values) = &group.kind {
                for v in values {
                    texts.push((
                        format!("{}/{}/{}", product.code, group.code, v.code),
                        &v.labels,
                    ));
                }
            }
        }
    }
    texts
}

fn is_kebab(code: &str) -> bool {
    !code.is_empty()
        && code.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

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
fn every_text_is_written_in_all_four_languages() {
    let seed = catalogue();
    for (place, text) in every_text(&seed) {
        assert_eq!(text.entries().count(), Language::ALL.len(), "{place}");
        for (language, words) in text.entries() {
            assert!(!words.trim().is_empty(), "{place} is empty in {language}");
            assert_eq!(
                words,
                words.trim(),
                "{place} has stray spaces in {language}"
            );
        }
    }
}

#[test]
fn no_name_is_accidentally_the_same_in_two_languages() {
    let seed = catalogue();
    for (place, text) in names(&seed) {
        let distinct: BTreeSet<&str> = text.entries().map(|(_, words)| words).collect();
        assert_eq!(distinct.len(), Language::ALL.len(), "{place}: {text:?}");
    }
}

#[test]
fn korean_japanese_and_chinese_prose_is_written_in_its_own_script() {
    let hangul = |c: char| ('\u{AC00}'..='\u{D7A3}').contains(&c);
    let kana = |c: char| ('\u{3040}'..='\u{30FF}').contains(&c);
    let han = |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c);
    let seed = catalogue();
    for (place, text) in prose(&seed) {
        let ko = text.get(Language::Ko);
        let ja = text.get(Language::Ja);
        let zh = text.get(Language::Zh);
        assert!(ko.chars().any(hangul), "{place} in Korean: {ko}");
        assert!(
            ja.chars().any(|c| kana(c) || han(c)),
            "{place} in Japanese: {ja}"
        );
        assert!(!ja.chars().any(hangul), "{place} in Japanese: {ja}");
        assert!(zh.chars().any(han), "{place} in Chinese: {zh}");
        assert!(
            !zh.chars().any(|c| kana(c) || hangul(c)),
            "{place} in Chinese: {zh}"
        );
    }
}

#[test]
fn every_product_configures_with_its_defaults_at_its_base_price() {
    let seed = catalogue();
    for (_, product) in products(&seed) {
        let configured = domain_product(product).configure(&BTreeMap::new());
        let configured = configured.unwrap_or_else(|e| panic!("{}: {e:?}", product.code));
        assert_eq!(
            configured.unit_price, product.base_price,
            "{}",
            product.code
        );
        assert_eq!(
            configured.unit_minutes, product.unit_minutes,
            "{}",
            product.code
        );
    }
}

#[test]
fn every_option_value_can_be_chosen_and_keeps_the_price_positive() {
    let seed = catalogue();
    for (_, product) in products(&seed) {
        let rules = domain_product(product);
        for group in &product.groups {
            let GroupSeedKind::Choice(values) = &group.kind else {
                continue;
            };
            for v in values {
                let configured = rules.configure(&options(&[(&group.code, &v.code)]));
                let configured = configured.unwrap_or_else(|e| {
                    panic!("{}/{}/{}: {e:?}", product.code, group.code, v.code)
                });
                assert_eq!(
                    configured.unit_price,
                    Krw::new(product.base_price.won() + v.price_delta.won())
                );
                assert!(configured.unit_price > Krw::ZERO);
            }
        }
    }
}

#[test]
fn choice_groups_have_one_default_that_costs_nothing_extra() {
    let seed = catalogue();
    for (_, product) in products(&seed) {
        for group in &product.groups {
            let GroupSeedKind::Choice(values) = &group.kind else {
                continue;
            };
            let defaults: Vec<_> = values.iter().filter(|v| v.is_default).collect();
            assert_eq!(defaults.len(), 1, "{}/{}", product.code, group.code);
            assert_eq!(
                defaults[0].price_delta,
                Krw::ZERO,
                "{}/{}",
                product.code,
                group.code
            );
            assert_eq!(
                defaults[0].minutes_delta, 0,
                "{}/{}",
                product.code, group.code
            );
            assert!(
                values.len() >= 2,
                "{}/{} offers no choice",
                product.code,
                group.code
            );
        }
    }
}

#[test]
fn codes_are_unique_lowercase_kebab() {
    let seed = catalogue();
    let mut all = Vec::new();
    all.extend(seed.workshops.iter().map(|w| w.code.clone()));
    all.extend(seed.counters.iter().map(|c| c.code.clone()));
    all.extend(products(&seed).map(|(_, p)| p.code.clone()));
    let unique: BTreeSet<&String> = all.iter().collect();
    assert_eq!(unique.len(), all.len(), "{all:?}");
    for (_, product) in products(&seed) {
        let groups: BTreeSet<&str> = product.groups.iter().map(|g| g.code.as_str()).collect();
        assert_eq!(groups.len(), product.groups.len(), "{}", product.code);
        for group in &product.groups {
            all.push(group.code.clone());
            let GroupSeedKind::Choice(values) = &group.kind else {
                continue;
            };
            let codes: BTreeSet<&str> = values.iter().map(|v| v.code.as_str()).collect();
            assert_eq!(codes.len(), values.len(), "{}/{}", product.code, group.code);
            all.extend(values.iter().map(|v| v.code.clone()));
        }
    }
    for code in &all {
        assert!(is_kebab(code), "{code:?} is not lowercase kebab-case");
    }
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

#[test]
fn pay_at_counter_is_only_for_printed_goods_and_small_leather_items() {
    let seed = catalogue();
    for (_, product) in products(&seed).filter(|(_, p)| p.pay_at_counter) {
        let small_leather =
            product.category == Category::Bag && product.base_price <= Krw::new(100_000);
        assert!(
            product.category == Category::Printed || small_leather,
            "{}",
            product.code
        );
    }
    assert!(products(&seed).any(|(_, p)| p.pay_at_counter && p.category == Category::Bag));
}

#[test]
fn deposits_are_thirty_percent_or_half_for_made_to_measure() {
    let seed = catalogue();
    for (_, product) in products(&seed) {
        let made_to_measure = matches!(product.category, Category::Garment | Category::Shoes);
        match product.deposit.get() {
            30 => {}
            50 => assert!(made_to_measure, "{} asks half up front", product.code),
            other => panic!("{} asks a {other} % deposit", product.code),
        }
    }
}

#[test]
fn prices_are_whole_thousands_of_won_and_lead_times_are_short() {
    let seed = catalogue();
    for (_, product) in products(&seed) {
        assert!(product.base_price > Krw::ZERO && product.base_price.won() % 1_000 == 0);
        assert!(
            product.unit_minutes.get() > 0 && product.lead_days <= 5,
            "{}",
            product.code
        );
        for group in &product.groups {
            let deltas: Vec<Krw> = match &group.kind {
                GroupSeedKind::Choice(values) => values.iter().map(|v| v.price_delta).collect(),
                GroupSeedKind::Text { price_delta, .. } => vec![*price_delta],
            };
            assert!(
                deltas.iter().all(|d| d.won() % 1_000 == 0),
                "{}/{}",
                product.code,
                group.code
            );
        }
    }
}

#[test]
fn the_slowest_configuration_fits_in_a_working_week() {
    let seed = catalogue();
    for (workshop, product) in products(&seed) {
        let mut slowest = BTreeMap::new();
        for group in &product.groups {
            let pick = match &group.kind {
                GroupSeedKind::Choice(values) => values
                    .iter()
                    .max_by_key(|v| v.minutes_delta)
                    .map(|v| v.code.clone()),
                GroupSeedKind::Text { .. } => Some("AB".to_owned()),
            };
            slowest.insert(group.code.clone(), pick.unwrap_or_default());
        }
        let configured = domain_product(product).configure(&slowest);
        let configured = configured.unwrap_or_else(|e| panic!("{}: {e:?}", product.code));
        let week = workshop.minutes_per_day.saturating_mul(5);
        assert!(
            configured.unit_minutes <= week,
            "{} takes {:?}",
            product.code,
            configured.unit_minutes
        );
    }
}

#[test]
fn monograms_are_optional_and_refuse_what_the_workshop_cannot_make() {
    let seed = catalogue();
    let mut monograms = 0;
    for (_, product) in products(&seed) {
        let rules = domain_product(product);
        for group in &product.groups {
            let GroupSeedKind::Text {
                allowed,
                required,
                price_delta,
                ..
            } = &group.kind
            else {
                continue;
            };
            monograms += 1;
            assert!(
                !required,
                "{}/{} must be optional",
                product.code, group.code
            );
            let distinct: BTreeSet<char> = allowed.chars().collect();
            assert_eq!(
                distinct.len(),
                allowed.chars().count(),
                "{}/{} repeats a character",
                product.code,
                group.code
            );
            let stamped = rules.configure(&options(&[(&group.code, "JK")]));
            let stamped = stamped.unwrap_or_else(|e| panic!("{}: {e:?}", product.code));
            assert_eq!(
                stamped.unit_price.won(),
                product.base_price.won() + price_delta.won()
            );
            let refused = rules.configure(&options(&[(&group.code, "jk")]));
            assert!(
                matches!(refused, Err(Error::CharactersNotAllowed { .. })),
                "{}",
                product.code
            );
        }
    }
    assert!(monograms >= 3);
}

#[test]
fn the_leather_atelier_stamps_hangul_initials() {
    let seed = catalogue();
    let wallet = products(&seed)
        .find(|(_, p)| p.code == "card-wallet")
        .map(|(_, p)| domain_product(p));
    let wallet = wallet.expect("the demo sells a card wallet");
    assert!(
        wallet
            .configure(&options(&[("monogram", "김민지")]))
            .is_ok()
    );
    assert!(wallet.configure(&options(&[("monogram", "J.K")])).is_ok());
    assert_eq!(
        wallet.configure(&options(&[("monogram", "뷁")])),
        Err(Error::CharactersNotAllowed {
            group: "monogram".into(),
            rejected: "뷁".into()
        })
    );
}

#[test]
fn rates_cover_seven_currencies_and_a_dollar_is_about_1380_won() {
    let seed = catalogue();
    let mut table = RateTable::new();
    for (currency, rate) in &seed.rates {
        table
            .set(*currency, *rate)
            .unwrap_or_else(|e| panic!("{currency}: {e:?}"));
    }
    let codes: BTreeSet<String> = table.currencies().map(|c| c.to_string()).collect();
    let expected = ["CNY", "EUR", "HKD", "JPY", "SGD", "TWD", "USD"];
    assert_eq!(codes, expected.iter().map(|c| (*c).to_owned()).collect());
    let usd = CurrencyCode::parse("USD").expect("USD is a currency code");
    let estimate = table
        .estimate(Krw::new(138_000), usd)
        .expect("USD is in the table");
    assert_eq!(estimate.to_string(), "100.00 USD");
    let jpy = CurrencyCode::parse("JPY").expect("JPY is a currency code");
    let yen = table
        .estimate(Krw::new(180_000), jpy)
        .expect("JPY is in the table");
    assert_eq!(yen.minor_digits, 0);
    assert!(
        (15_000..25_000).contains(&yen.minor_units),
        "a shirt costs {yen}"
    );
}
