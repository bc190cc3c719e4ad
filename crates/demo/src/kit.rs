//! Helpers the demo data is written with, so that each product reads like a price list.

use db::catalogue::Look;
use db::seed::{GroupSeed, GroupSeedKind, ValueSeed};
use domain::language::{Language, LocalizedText};
use domain::money::{Krw, Percent};

/// Letters every workshop can stitch, stamp or print in a monogram.
pub(crate) const LATIN_MONOGRAM: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ&.";

/// Common Korean surname and given-name syllables the leather atelier has brass type for.
pub(crate) const HANGUL_SYLLABLES: &str = "김이박최정강조윤장임한오서신권황안송전홍유고문양손배백허남심노하곽성차주우구민류나진지엄채원천방공현\
     수영준재훈희혜미연은아소예도태호경빈별";

/// A text in English, Korean, Japanese and Simplified Chinese.
pub(crate) fn text(en: &str, ko: &str, ja: &str, zh: &str) -> LocalizedText {
    LocalizedText::new(en)
        .with(Language::Ko, ko)
        .with(Language::Ja, ja)
        .with(Language::Zh, zh)
}

/// An amount of whole won.
pub(crate) const fn won(amount: i64) -> Krw {
    Krw::new(amount)
}

/// A deposit share.
pub(crate) fn percent(value: u16) -> Percent {
    Percent::new(value).expect("demo deposits are at most 100 %")
}

/// The default value of a choice group: it is already in the base price and time.
pub(crate) fn default_value(code: &str, labels: LocalizedText) -> ValueSeed {
    ValueSeed {
        code: code.into(),
        labels,
        price_delta: Krw::ZERO,
        minutes_delta: 0,
        is_default: true,
    }
}

/// Another value of a choice group, adding `price` won and `minutes` of work when chosen.
pub(crate) fn value(code: &str, labels: LocalizedText, price: i64, minutes: i32) -> ValueSeed {
    ValueSeed {
        code: code.into(),
        labels,
        price_delta: won(price),
        minutes_delta: minutes,
        is_default: false,
    }
}

/// Another value of a choice group that costs no more money or time than the default.
pub(crate) fn alternative(code: &str, labels: LocalizedText) -> ValueSeed {
    value(code, labels, 0, 0)
}

/// A group the traveller picks one value of.
pub(crate) fn choice(code: &str, labels: LocalizedText, values: Vec<ValueSeed>) -> GroupSeed {
    GroupSeed {
        code: code.into(),
        labels,
        kind: GroupSeedKind::Choice(values),
    }
}

/// An optional monogram of at most `max_chars` characters from `allowed`.
pub(crate) fn monogram(
    labels: LocalizedText,
    allowed: &str,
    max_chars: u16,
    price: i64,
    minutes: i32,
) -> GroupSeed {
    GroupSeed {
        code: "monogram".into(),
        labels,
        kind: GroupSeedKind::Text {
            max_chars,
            allowed: allowed.into(),
            required: false,
            price_delta: won(price),
            minutes_delta: minutes,
        },
    }
}

/// How previews draw a product: the picture (`art`), the group colouring its body, the
/// group colouring its trim, the monogram group, and a swatch (`#rrggbb:texture`) for
/// every value of the body and trim groups.
pub(crate) fn look(
    art: &str,
    body: &str,
    trim: Option<&str>,
    monogram: Option<&str>,
    swatches: &[(&str, &str)],
) -> Option<Look> {
    Some(Look {
        art: art.into(),
        body: body.into(),
        trim: trim.map(Into::into),
        monogram: monogram.map(Into::into),
        swatches: swatches
            .iter()
            .map(|(value, swatch)| ((*value).to_owned(), (*swatch).to_owned()))
            .collect(),
    })
}
