//! Invariants of the demo catalogue: what the database, the quote rules and a traveller
//! reading it in any of the four languages rely on.

use std::collections::BTreeMap;

use db::seed::{CatalogueSeed, GroupSeed, GroupSeedKind, ProductSeed, WorkshopSeed};
use domain::catalogue::{
    OptionGroup, OptionKind, OptionValue, Product, ProductId, TextRule, WorkshopId,
};

mod looks;
mod money;
mod options;
mod places;
mod texts;

pub(super) fn products(
    seed: &CatalogueSeed,
) -> impl Iterator<Item = (&WorkshopSeed, &ProductSeed)> {
    seed.workshops
        .iter()
        .flat_map(|w| w.products.iter().map(move |p| (w, p)))
}

/// The product as the rules see it, mapped the way `db::catalogue` reads it back.
pub(super) fn domain_product(seed: &ProductSeed) -> Product {
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

pub(super) fn options(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}
