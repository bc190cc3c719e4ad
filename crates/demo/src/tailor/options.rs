//! What the tailor's garments share: the suiting cloths (with the swatches previews draw
//! them in) and the fit they are cut to.

use db::seed::GroupSeed;
use domain::language::LocalizedText;

use crate::kit::{alternative, choice, default_value, text};

/// The suiting cloths as previews draw them (value code, swatch).
pub(super) const NAVY_WOOL: (&str, &str) = ("navy-wool", "#1f2a44:wool");
pub(super) const CHARCOAL_WOOL: (&str, &str) = ("charcoal-wool", "#3b3e43:wool");
pub(super) const GREY_FLANNEL: (&str, &str) = ("grey-flannel", "#80848a:flannel");

pub(super) fn fabric_label() -> LocalizedText {
    text("Fabric", "원단", "生地", "面料")
}

pub(super) fn navy_wool() -> LocalizedText {
    text(
        "Navy worsted wool",
        "네이비 울 소모사",
        "ネイビーのウーステッド",
        "藏青色精纺羊毛",
    )
}

pub(super) fn charcoal_wool() -> LocalizedText {
    text(
        "Charcoal worsted wool",
        "차콜 울 소모사",
        "チャコールのウーステッド",
        "炭灰色精纺羊毛",
    )
}

pub(super) fn grey_flannel() -> LocalizedText {
    text(
        "Grey flannel",
        "그레이 플란넬",
        "グレーのフランネル",
        "灰色法兰绒",
    )
}

/// How close the garment sits; all three are cut from the same measurements.
pub(super) fn fit() -> GroupSeed {
    choice(
        "fit",
        text("Fit", "핏", "シルエット", "版型"),
        vec![
            alternative("slim", text("Slim", "슬림", "スリム", "修身")),
            default_value("regular", text("Regular", "레귤러", "レギュラー", "标准")),
            alternative("relaxed", text("Relaxed", "여유 있게", "ゆったり", "宽松")),
        ],
    )
}
