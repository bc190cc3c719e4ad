//! The papers and inks the letterpress products share, with the swatches previews draw
//! them in.

use db::seed::{GroupSeed, ValueSeed};
use domain::language::LocalizedText;

use crate::kit::{alternative, choice, default_value, text, value};

/// The papers and inks as previews draw them (value code, swatch).
pub(super) const COTTON_PAPER: (&str, &str) = ("cotton", "#f6f2e9:paper");
pub(super) const HANJI: (&str, &str) = ("hanji", "#eee4cc:hanji");
pub(super) const BLACK_INK: (&str, &str) = ("black", "#1c1c1e:plain");
pub(super) const INDIGO_INK: (&str, &str) = ("indigo", "#26346a:plain");
pub(super) const VERMILION_INK: (&str, &str) = ("vermilion", "#d3402b:plain");
pub(super) const GOLD_FOIL: (&str, &str) = ("gold-foil", "#c9a44a:metal");

pub(super) fn paper(values: Vec<ValueSeed>) -> GroupSeed {
    choice("paper", text("Paper", "종이", "用紙", "纸张"), values)
}

pub(super) fn cotton() -> LocalizedText {
    text(
        "Cotton paper, 600 g/m²",
        "코튼지 600g",
        "コットン紙 600g/m²",
        "600克棉纸",
    )
}

pub(super) fn hanji() -> LocalizedText {
    text("Handmade hanji", "수제 한지", "手漉き韓紙", "手工韩纸")
}

pub(super) fn ink() -> GroupSeed {
    choice(
        "ink",
        text("Ink", "잉크", "インク", "油墨"),
        vec![
            default_value("black", text("Black", "검정", "ブラック", "黑色")),
            alternative("indigo", text("Indigo", "남색", "藍色", "靛蓝色")),
            alternative("vermilion", text("Vermilion", "주홍", "朱色", "朱红色")),
            value(
                "gold-foil",
                text("Gold foil", "금박", "金箔押し", "烫金"),
                20_000,
                45,
            ),
        ],
    )
}
