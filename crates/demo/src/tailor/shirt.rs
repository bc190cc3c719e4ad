//! The made-to-measure shirt.

use db::seed::ProductSeed;
use domain::calendar::WorkMinutes;
use domain::catalogue::Category;

use super::options::{fabric_label, fit};
use crate::kit::{
    LATIN_MONOGRAM, alternative, choice, default_value, look, monogram, percent, text, value, won,
};

pub(super) fn shirt() -> ProductSeed {
    ProductSeed {
        code: "made-to-measure-shirt".into(),
        category: Category::Garment,
        names: text(
            "Made-to-measure shirt",
            "맞춤 셔츠",
            "オーダーメイドシャツ",
            "定制衬衫",
        ),
        descriptions: text(
            "Cut from your measurements after a short fitting, in two-ply cotton with \
             mother-of-pearl buttons.",
            "간단히 치수를 잰 뒤 재단하며, 2합 면 원단에 자개 단추를 답니다.",
            "簡単な採寸の後、お客様の寸法で裁断します。双糸コットンに白蝶貝ボタンを付けます。",
            "简单量体后按您的尺寸裁剪，采用双股棉面料，配贝母纽扣。",
        ),
        base_price: won(180_000),
        unit_minutes: WorkMinutes::new(240),
        lead_days: 1,
        deposit: percent(30),
        pay_at_counter: false,
        look: look(
            "shirt",
            "fabric",
            None,
            Some("monogram"),
            &[
                ("cotton-poplin", "#f4f5f1:cotton"),
                ("cotton-oxford", "#c7d7ea:cotton"),
                ("irish-linen", "#e6dfcf:linen"),
                ("sea-island-cotton", "#fbf9f2:cotton"),
            ],
        ),
        groups: vec![
            choice(
                "fabric",
                fabric_label(),
                vec![
                    default_value(
                        "cotton-poplin",
                        text("Cotton poplin", "면 포플린", "コットンポプリン", "棉府绸"),
                    ),
                    value(
                        "cotton-oxford",
                        text(
                            "Cotton oxford",
                            "면 옥스퍼드",
                            "コットンオックスフォード",
                            "牛津纺棉",
                        ),
                        10_000,
                        0,
                    ),
                    value(
                        "irish-linen",
                        text(
                            "Irish linen",
                            "아이리시 리넨",
                            "アイリッシュリネン",
                            "爱尔兰亚麻",
                        ),
                        40_000,
                        60,
                    ),
                    value(
                        "sea-island-cotton",
                        text(
                            "Sea Island cotton",
                            "씨아일랜드 코튼",
                            "シーアイランドコットン",
                            "海岛棉",
                        ),
                        90_000,
                        30,
                    ),
                ],
            ),
            choice(
                "collar",
                text("Collar", "칼라", "襟の形", "领型"),
                vec![
                    default_value(
                        "spread",
                        text("Spread", "와이드 스프레드", "ワイドスプレッド", "八字领"),
                    ),
                    value(
                        "button-down",
                        text("Button-down", "버튼다운", "ボタンダウン", "纽扣领"),
                        0,
                        15,
                    ),
                    alternative(
                        "cutaway",
                        text("Cutaway", "컷어웨이", "カッタウェイ", "一字领"),
                    ),
                    alternative(
                        "band",
                        text("Band collar", "차이나 칼라", "バンドカラー", "立领"),
                    ),
                ],
            ),
            fit(),
            monogram(
                text(
                    "Monogram on the cuff",
                    "소매 이니셜 자수",
                    "袖口のイニシャル刺繍",
                    "袖口字母刺绣",
                ),
                LATIN_MONOGRAM,
                3,
                15_000,
                30,
            ),
        ],
    }
}
