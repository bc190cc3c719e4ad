//! Paper goods: a bound notebook and a map print.

use db::seed::ProductSeed;
use domain::calendar::WorkMinutes;
use domain::catalogue::Category;

use super::options::{COTTON_PAPER, HANJI, cotton, hanji, paper};
use crate::kit::{
    LATIN_MONOGRAM, alternative, choice, default_value, look, monogram, percent, text, value, won,
};

pub(super) fn notebook() -> ProductSeed {
    ProductSeed {
        code: "hanji-notebook".into(),
        category: Category::Printed,
        names: text(
            "Hanji-bound notebook",
            "한지 제본 노트",
            "韓紙装丁のノート",
            "韩纸装帧笔记本",
        ),
        descriptions: text(
            "An A5 notebook of 96 pages under a hanji cover, sewn in the traditional Korean \
             five-hole binding.",
            "한지 표지에 전통 오침안정법으로 꿰맨 96쪽 A5 노트입니다.",
            "韓紙の表紙に、韓国伝統の五つ目綴じで製本したA5・96ページのノート。",
            "以韩纸为封面、采用韩国传统五眼线装的A5笔记本，共96页。",
        ),
        base_price: won(38_000),
        unit_minutes: WorkMinutes::new(60),
        lead_days: 0,
        deposit: percent(30),
        pay_at_counter: true,
        look: look(
            "notebook",
            "cover",
            None,
            Some("monogram"),
            &[
                ("indigo", "#2c3b66:hanji"),
                ("persimmon", "#b4632f:hanji"),
                ("natural", "#ebe2ca:hanji"),
            ],
        ),
        groups: vec![
            choice(
                "cover",
                text("Cover colour", "표지 색", "表紙の色", "封面颜色"),
                vec![
                    default_value("indigo", text("Indigo", "쪽빛", "藍色", "靛蓝")),
                    alternative("persimmon", text("Persimmon", "감물", "柿渋色", "柿染色")),
                    alternative("natural", text("Natural", "미색", "生成り", "本色")),
                ],
            ),
            choice(
                "pages",
                text("Pages", "속지", "中紙", "内页"),
                vec![
                    default_value("plain", text("Plain", "무지", "無地", "空白")),
                    alternative("ruled", text("Ruled", "줄", "罫線", "横线")),
                    alternative("grid", text("Grid", "모눈", "方眼", "方格")),
                ],
            ),
            monogram(
                text(
                    "Initials embossed on the cover",
                    "표지 이니셜 형압",
                    "表紙へのイニシャル空押し",
                    "封面压印首字母",
                ),
                LATIN_MONOGRAM,
                3,
                5_000,
                10,
            ),
        ],
    }
}

pub(super) fn map_print() -> ProductSeed {
    ProductSeed {
        code: "seoul-map-print".into(),
        category: Category::Printed,
        names: text(
            "Letterpress map of old Seoul",
            "활판 인쇄 옛 서울 지도",
            "活版刷りの古地図・ソウル",
            "凸版印刷老首尔地图",
        ),
        descriptions: text(
            "A two-colour letterpress map of the old city inside the Seoul City Wall, ready to frame.",
            "한양도성 안 옛 서울을 두 가지 색으로 찍은 활판 지도로, 바로 액자에 넣을 수 있습니다.",
            "漢陽都城に囲まれたソウル旧市街を2色で刷った活版の地図。そのまま額装できます。",
            "以双色凸版印制的汉阳都城内首尔老城地图，可直接装框。",
        ),
        base_price: won(55_000),
        unit_minutes: WorkMinutes::new(45),
        lead_days: 0,
        deposit: percent(30),
        pay_at_counter: true,
        look: look("poster", "paper", None, None, &[COTTON_PAPER, HANJI]),
        groups: vec![
            choice(
                "size",
                text("Size", "크기", "サイズ", "尺寸"),
                vec![
                    default_value(
                        "a3",
                        text(
                            "A3 (297 × 420 mm)",
                            "A3 (297×420mm)",
                            "A3（297×420mm）",
                            "A3（297×420毫米）",
                        ),
                    ),
                    value(
                        "a2",
                        text(
                            "A2 (420 × 594 mm)",
                            "A2 (420×594mm)",
                            "A2（420×594mm）",
                            "A2（420×594毫米）",
                        ),
                        25_000,
                        30,
                    ),
                ],
            ),
            paper(vec![
                default_value("cotton", cotton()),
                value("hanji", hanji(), 15_000, 30),
            ]),
        ],
    }
}
