//! Codes and option groups: every configuration the widget offers can be priced.

use std::collections::{BTreeMap, BTreeSet};

use db::seed::GroupSeedKind;
use domain::Error;
use domain::money::Krw;

use super::{domain_product, options, products};
use crate::catalogue;

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
