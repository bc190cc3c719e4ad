//! Cards: greeting cards and business cards.

use db::seed::ProductSeed;
use domain::calendar::WorkMinutes;
use domain::catalogue::Category;

use super::options::{
    BLACK_INK, COTTON_PAPER, GOLD_FOIL, HANJI, INDIGO_INK, VERMILION_INK, cotton, hanji, ink, paper,
};
use crate::kit::{
    LATIN_MONOGRAM, alternative, choice, default_value, look, monogram, percent, text, value, won,
};

pub(super) fn greeting_cards() -> ProductSeed {
    ProductSeed {
        code: "letterpress-cards".into(),
        category: Category::Printed,
        names: text(
            "Letterpress greeting cards (set of 10)",
            "활판 인쇄 카드 (10장 세트)",
            "活版印刷カード（10枚セット）",
            "凸版印刷贺卡（10张装）",
        ),
        descriptions: text(
            "Ten folded cards with envelopes, printed one by one on a 1960s Heidelberg platen, \
             with a Seoul motif of your choice.",
            "1960년대 하이델베르크 평압기로 한 장씩 찍은 접이식 카드 10장과 봉투 세트로, \
             서울 문양을 골라 주세요.",
            "1960年代のハイデルベルグ平圧機で一枚ずつ刷った二つ折りカード10枚と封筒のセット。\
             ソウルのモチーフをお選びいただけます。",
            "用1960年代海德堡圆盘印刷机逐张印制的对折卡片10张，附信封，可选首尔主题图案。",
        ),
        base_price: won(45_000),
        unit_minutes: WorkMinutes::new(90),
        lead_days: 0,
        deposit: percent(30),
        pay_at_counter: true,
        look: look(
            "card",
            "paper",
            Some("ink"),
            Some("monogram"),
            &[
                COTTON_PAPER,
                HANJI,
                BLACK_INK,
                INDIGO_INK,
                VERMILION_INK,
                GOLD_FOIL,
            ],
        ),
        groups: vec![
            choice(
                "motif",
                text("Motif", "문양", "モチーフ", "图案"),
                vec![
                    default_value(
                        "namsan-tower",
                        text("N Seoul Tower", "N서울타워", "Nソウルタワー", "N首尔塔"),
                    ),
                    alternative(
                        "palace-roofs",
                        text("Palace roof tiles", "궁궐 기와", "宮殿の瓦屋根", "宫殿瓦顶"),
                    ),
                    alternative(
                        "magpie-tiger",
                        text("Magpie and tiger", "까치호랑이", "鵲虎図", "虎鹊图"),
                    ),
                ],
            ),
            paper(vec![
                default_value("cotton", cotton()),
                value("hanji", hanji(), 15_000, 30),
            ]),
            ink(),
            monogram(
                text(
                    "Initials printed on the back",
                    "뒷면 이니셜 인쇄",
                    "裏面へのイニシャル印刷",
                    "背面印制姓名首字母",
                ),
                LATIN_MONOGRAM,
                3,
                10_000,
                20,
            ),
        ],
    }
}

pub(super) fn business_cards() -> ProductSeed {
    ProductSeed {
        code: "letterpress-business-cards".into(),
        category: Category::Printed,
        names: text(
            "Letterpress business cards (100)",
            "활판 인쇄 명함 (100장)",
            "活版印刷の名刺（100枚）",
            "凸版印刷名片（100张）",
        ),
        descriptions: text(
            "One hundred cards on thick cotton paper with a deep impression; send us your text \
             after ordering and we set it in metal type.",
            "두꺼운 코튼지에 깊게 눌러 찍는 명함 100장입니다. 주문 후 문안을 보내 주시면 금속 \
             활자로 조판합니다.",
            "厚手のコットン紙に深く刷り込む名刺100枚。ご注文後に文面をお送りいただければ、\
             金属活字で組版します。",
            "在厚棉纸上深压印制的名片100张；下单后请发送名片文字，我们用金属活字排版。",
        ),
        base_price: won(60_000),
        unit_minutes: WorkMinutes::new(120),
        lead_days: 1,
        deposit: percent(30),
        pay_at_counter: true,
        look: look(
            "card",
            "paper",
            Some("ink"),
            None,
            &[
                COTTON_PAPER,
                ("kraft", "#b38e67:paper"),
                HANJI,
                BLACK_INK,
                INDIGO_INK,
                VERMILION_INK,
                GOLD_FOIL,
            ],
        ),
        groups: vec![
            paper(vec![
                default_value("cotton", cotton()),
                value(
                    "kraft",
                    text(
                        "Recycled kraft",
                        "재생 크라프트지",
                        "再生クラフト紙",
                        "再生牛皮纸",
                    ),
                    -5_000,
                    0,
                ),
                value("hanji", hanji(), 15_000, 30),
            ]),
            ink(),
            choice(
                "sides",
                text("Printed sides", "인쇄 면", "印刷面", "印刷面数"),
                vec![
                    default_value("one", text("One side", "단면", "片面", "单面")),
                    value(
                        "two",
                        text("Both sides", "양면", "両面", "双面"),
                        20_000,
                        40,
                    ),
                ],
            ),
        ],
    }
}
