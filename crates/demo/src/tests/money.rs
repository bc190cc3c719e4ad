//! Money: prices, deposits, paying at the counter and display rates.

use std::collections::BTreeSet;

use db::seed::GroupSeedKind;
use domain::catalogue::Category;
use domain::money::{CurrencyCode, Krw, RateTable};

use super::products;
use crate::catalogue;

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
