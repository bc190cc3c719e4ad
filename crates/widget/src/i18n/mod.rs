//! The widget's own texts in English, Korean, Japanese and Chinese.
//!
//! One table per language (`en.rs`, `ko.rs`, `ja.rs`, `zh.rs`), each an exhaustive
//! `match` over [`T`], so a key missing from a language does not compile; the tests
//! check that no text is empty and that every translation uses the same `{placeholders}`
//! as the English one. Catalogue texts (product and option names) come from the API in
//! the negotiated language; the fitting engine's advice comes as codes and is worded here.

mod en;
mod ja;
mod ko;
mod zh;

use fitting::{AreaLabel, Point};

/// A language of the widget.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English, the fallback.
    #[default]
    En,
    /// Korean.
    Ko,
    /// Japanese.
    Ja,
    /// Chinese (simplified).
    Zh,
}

impl Lang {
    /// Every language, in the switcher's order.
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Ko, Lang::Ja, Lang::Zh];

    /// The BCP 47 code, as in `<html lang>`, `?lang=` and `Accept-Language`.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
            Lang::Ja => "ja",
            Lang::Zh => "zh",
        }
    }

    /// The language's name in itself, for the switcher.
    pub const fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ko => "한국어",
            Lang::Ja => "日本語",
            Lang::Zh => "中文",
        }
    }

    /// The language of a tag such as `ko`, `ko-KR` or `zh-Hant-TW` (primary subtag,
    /// any case); `None` for languages the widget does not speak.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The first of the traveller's preferred tags the widget speaks, else English.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred
            .into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or_default()
    }

    /// The text of `key` in this language.
    pub fn t(self, key: T) -> &'static str {
        match self {
            Lang::En => en::text(key),
            Lang::Ko => ko::text(key),
            Lang::Ja => ja::text(key),
            Lang::Zh => zh::text(key),
        }
    }

    /// The text of `key` with its `{name}` placeholders filled in.
    pub fn f(self, key: T, args: &[(&str, &str)]) -> String {
        fill(self.t(key), args)
    }
}

/// Replaces each `{name}` in `template` with its value; unknown names stay as they are.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(value),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

macro_rules! keys {
    ($($key:ident),* $(,)?) => {
        /// A text of the widget, worded per language in the tables.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum T { $($key),* }

        impl T {
            /// Every key.
            pub const ALL: &'static [T] = &[$(T::$key),*];
        }
    };
}

keys! {
    Title, Intro, Language, Loading,
    StepProduct, StepSizing, StepOptions, StepTrip, StepTraveller, StepPay, StepDone,
    PriceFrom, ByWorkshop, Chosen, ChangeProduct, ChooseFirst, ProductMissing,
    CatGarment, CatShoes, CatBag, CatPrinted,
    SizingIntro, NoSizing, SizingHow, ModeBody, ModeGarment, ModeSkip, ModeShoes, SkipNote,
    Unit, UnitCm, UnitIn, Source, SourceTape, SourceGarment, SourceEstimate,
    GarmentHint, MeasureDrawing, Optional, LaidFlat,
    PChest, PWaist, PHip, PNeck, PShoulder, PSleeve, PInseam, PHeight, PFootLength, PFootGirth,
    HChest, HWaist, HHip, HNeck, HShoulder, HSleeve, HInseam, HHeight, HFootLength, HFootGirth,
    Suggestion, SizeIs, BaseSizeIs, AlsoPossible, Confidence, ConfHigh, ConfMedium, ConfLow,
    AreasCaption, ColArea, ColYou, ColYourGarment, ColGarment, ColEase,
    LTight, LSnug, LGood, LLoose, LTooLoose,
    Alterations, AdvMeasureNext, AdvRemeasure, AdvBetween, AdvNoSizeFits, AdvCustom,
    EnterOne, ErrNumber, ErrRange, ErrFlatRange,
    ShoeSizeIs, WNarrow, WStandard, WWide, ShoeFills, ShoeNarrow, Conversions, AppliedSize,
    Included, MonogramHelp, MonogramPrice, ErrChars, ErrTooLong, ErrRequired, UnitPriceIs,
    Preview, PreviewAlt, PreviewDrawing, PreviewFailed,
    Artwork, ArtworkHint, ArtworkReading, ArtworkTooBig, ArtworkTooManyPixels,
    ArtworkUnreadable, ArtworkGood, ArtworkWarn, ArtworkTooLow, ArtworkCrop, ArtworkRemove,
    TripIntro, Arrival, Departure, Counter, CounterHours, Checking,
    ErrDateMissing, ErrDepartureOrder, Feasible, Infeasible, ReadyBy, CollectBy,
    ReasonNotReady, ReasonNoCapacity, ReasonPayment, ReasonNoPickup,
    WhatWorks, AltLater, AltCounter, AltSimpler,
    Name, Email, EmailHint, Passport, PassportHint, ErrName, ErrEmail, ErrPassport,
    PayLegend, PayCard, PayCounter, Total, DueNow, BalanceLater, PayAtPickup,
    PlaceOrder, Placing, FixFirst, NeedTrip,
    CardLoading, CardUnavailable, CardTryCounter, CardTryLater, CardTitle, PayNow, Paying,
    PayFailed,
    Unreachable, Retry, ServerSays,
    Thanks, OrderNumber, PickupCode, PickupHint, QrLabel, Status, RefreshStatus, StatusUpdated,
    SPlaced, SConfirmed, SInProduction, SReady, SAtCounter, SPickedUp, SCancelled, SDeclined,
    SNoShow, SRefunded,
    OrderPreview, KeptOnDevice, NewOrder,
}

/// The name of a point of measure.
pub const fn point_name(point: Point) -> T {
    match point {
        Point::Chest => T::PChest,
        Point::Waist => T::PWaist,
        Point::Hip => T::PHip,
        Point::Neck => T::PNeck,
        Point::Shoulder => T::PShoulder,
        Point::Sleeve => T::PSleeve,
        Point::Inseam => T::PInseam,
        Point::Height => T::PHeight,
        Point::FootLength => T::PFootLength,
        Point::FootGirth => T::PFootGirth,
    }
}

/// Where and how to measure a point.
pub const fn point_hint(point: Point) -> T {
    match point {
        Point::Chest => T::HChest,
        Point::Waist => T::HWaist,
        Point::Hip => T::HHip,
        Point::Neck => T::HNeck,
        Point::Shoulder => T::HShoulder,
        Point::Sleeve => T::HSleeve,
        Point::Inseam => T::HInseam,
        Point::Height => T::HHeight,
        Point::FootLength => T::HFootLength,
        Point::FootGirth => T::HFootGirth,
    }
}

/// The word for an area's label (shown with an icon, never by colour alone).
pub const fn label_name(label: AreaLabel) -> T {
    match label {
        AreaLabel::Tight => T::LTight,
        AreaLabel::Snug => T::LSnug,
        AreaLabel::Good => T::LGood,
        AreaLabel::Loose => T::LLoose,
        AreaLabel::TooLoose => T::LTooLoose,
    }
}

/// The words for an order status code of the API.
pub fn status_name(code: &str) -> Option<T> {
    Some(match code {
        "placed" => T::SPlaced,
        "confirmed" => T::SConfirmed,
        "in_production" => T::SInProduction,
        "ready" => T::SReady,
        "at_counter" => T::SAtCounter,
        "picked_up" => T::SPickedUp,
        "cancelled" => T::SCancelled,
        "declined" => T::SDeclined,
        "no_show" => T::SNoShow,
        "refunded" => T::SRefunded,
        _ => return None,
    })
}

/// The name of a catalogue category code.
pub fn category_name(code: &str) -> Option<T> {
    Some(match code {
        "garment" => T::CatGarment,
        "shoes" => T::CatShoes,
        "bag" => T::CatBag,
        "printed" => T::CatPrinted,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    #[test]
    fn every_key_has_a_text_in_every_language_with_the_same_placeholders() {
        for &key in T::ALL {
            let english = placeholders(Lang::En.t(key));
            for lang in Lang::ALL {
                let text = lang.t(key);
                assert!(!text.trim().is_empty(), "{key:?} is empty in {lang:?}");
                assert_eq!(
                    placeholders(text),
                    english,
                    "{key:?} in {lang:?} has other placeholders than in English: {text}"
                );
            }
        }
    }

    #[test]
    fn translations_are_not_left_in_english() {
        // Texts that are the same in every language (symbols, units) are few; a table
        // copied from English would show up here.
        for lang in [Lang::Ko, Lang::Ja, Lang::Zh] {
            let same = T::ALL
                .iter()
                .filter(|&&key| lang.t(key) == Lang::En.t(key))
                .count();
            assert!(same <= 3, "{lang:?} has {same} texts identical to English");
        }
    }

    #[test]
    fn placeholders_are_filled_and_unknown_ones_kept() {
        assert_eq!(fill("from {price}", &[("price", "₩1")]), "from ₩1");
        assert_eq!(fill("{a}{b}{a}", &[("a", "x")]), "x{b}x");
        assert_eq!(fill("open { brace", &[]), "open { brace");
        assert_eq!(fill("", &[("a", "x")]), "");
    }

    #[test]
    fn languages_negotiate_from_tags() {
        assert_eq!(Lang::negotiate(["fr-FR", "ko-KR", "en"]), Lang::Ko);
        assert_eq!(Lang::negotiate(["zh-Hant-TW"]), Lang::Zh);
        assert_eq!(Lang::negotiate(["JA"]), Lang::Ja);
        assert_eq!(Lang::negotiate(["de"]), Lang::En);
        assert_eq!(Lang::negotiate([]), Lang::En);
        assert_eq!(Lang::from_tag(""), None);
    }
}
