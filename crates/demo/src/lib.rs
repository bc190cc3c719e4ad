//! Gongbang's demo catalogue: the data a fresh installation shows before an operator
//! imports a real one.
//!
//! This crate owns only data, written in the shape of [`db::seed::CatalogueSeed`]: four
//! Seoul workshops (a tailor, a shoemaker, a leather atelier and a letterpress shop) with
//! their calendars and products, the three pickup counters (a city shop in Myeongdong and
//! two desks at Incheon Airport), and display rates for the currencies travellers read
//! prices in. Every text a traveller sees is written in English, Korean, Japanese and
//! Simplified Chinese. Loading it is [`db::seed::load`]'s job.
//!
//! Layout:
//! - `kit`: small helpers the data is written with (texts, option values, groups).
//! - `holidays`: Korean public holidays from December 2026 to December 2027.
//! - `tailor`, `shoemaker`, `leather`, `letterpress`: one module per workshop. The
//!   tailor and the letterpress shop keep their products in files of their own, with
//!   what those products share (cloths and fit; papers and inks) in an `options` module
//!   beneath them, so the products import it and the workshop imports the products.
//! - `counters`: the pickup counters.

use db::seed::CatalogueSeed;
use domain::money::{CurrencyCode, Rate};

mod counters;
mod holidays;
mod kit;
mod leather;
mod letterpress;
mod shoemaker;
mod tailor;

#[cfg(test)]
mod tests;

pub use holidays::{HOLIDAYS_FROM, HOLIDAYS_UNTIL};

/// The whole demo catalogue: workshops with their products, counters and display rates.
pub fn catalogue() -> CatalogueSeed {
    CatalogueSeed {
        workshops: vec![
            tailor::workshop(),
            shoemaker::workshop(),
            leather::workshop(),
            letterpress::workshop(),
        ],
        counters: counters::all(),
        rates: rates(),
    }
}

/// Display rates, as an operator might have set them in late 2026.
fn rates() -> Vec<(CurrencyCode, Rate)> {
    [
        ("USD", 1_380_000, 2),
        ("EUR", 1_575_000, 2),
        ("JPY", 9_320, 0),
        ("CNY", 193_000, 2),
        ("TWD", 43_800, 2),
        ("HKD", 177_300, 2),
        ("SGD", 1_070_000, 2),
    ]
    .into_iter()
    .map(|(code, milliwon_per_unit, minor_digits)| {
        let currency = CurrencyCode::parse(code).expect("the demo rates use ISO 4217 codes");
        (
            currency,
            Rate {
                milliwon_per_unit,
                minor_digits,
            },
        )
    })
    .collect()
}
