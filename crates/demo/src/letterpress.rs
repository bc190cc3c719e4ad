//! Euljiro Letterpress: cards, notebooks and prints from a print shop in Euljiro.

use db::seed::{GroupSeed, ProductSeed, ValueSeed, WorkshopSeed};
use domain::calendar::{WeekdaySet, WorkMinutes};
use domain::catalogue::Category;
use domain::language::LocalizedText;
use time::macros::{date, time};

use crate::holidays::{self, Closure};
use crate::kit::{LATIN_MONOGRAM, choice, default_value, monogram, percent, text, value, won};

/// A compositor and a press operator in Euljiro's printing alleys, working weekdays.
pub(crate) fn workshop() -> WorkshopSeed {
    WorkshopSeed {
        code: "euljiro-letterpress".into(),
        craft: Category::Printed,
        names: text(
            "Euljiro Letterpress",
            "을지로 활판인쇄소",
            "乙支路活版印刷所",
            "乙支路凸版印刷工坊",
        ),
        descriptions: text(
            "A print shop in Euljiro's printing alleys that still sets metal type and runs \
             Heidelberg platen presses, printing on cotton paper and hanji.",
            "을지로 인쇄 골목에서 지금도 금속 활자를 짜고 하이델베르크 평압기를 돌리는 \
             인쇄소로, 코튼지와 한지에 찍습니다.",
            "乙支路の印刷街で今も金属活字を組み、ハイデルベルグの平圧印刷機を動かす印刷所。\
             コットン紙や韓紙に刷ります。",
            "位于乙支路印刷巷的印刷所，至今仍用金属活字排版、开动海德堡圆盘印刷机，在棉纸和韩纸上印制。",
        ),
        district: "Euljiro 3-ga, Jung-gu".into(),
        working_days: WeekdaySet::MON_FRI,
        minutes_per_day: WorkMinutes::hours(16),
        closes_at: time!(18:00),
        buffer_days: 1,
        holidays: holidays::with_closures(&[Closure {
            first: date!(2027 - 12 - 30),
            last: date!(2027 - 12 - 31),
            name: "Year-end closing",
        }]),
        products: vec![greeting_cards(), business_cards(), notebook(), map_print()],
    }
}

fn greeting_cards() -> ProductSeed {
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
        groups: vec![
            choice(
                "motif",
                text("Motif", "문양", "モチーフ", "图案"),
                vec![
                    default_value(
                        "namsan-tower",
                        text("N Seoul Tower", "N서울타워", "Nソウルタワー", "N首尔塔"),
                    ),
                    value(
                        "palace-roofs",
                        text("Palace roof tiles", "궁궐 기와", "宮殿の瓦屋根", "宫殿瓦顶"),
                        0,
                        0,
                    ),
                    value(
                        "magpie-tiger",
                        text("Magpie and tiger", "까치호랑이", "鵲虎図", "虎鹊图"),
                        0,
                        0,
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

fn business_cards() -> ProductSeed {
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

fn notebook() -> ProductSeed {
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
        groups: vec![
            choice(
                "cover",
                text("Cover colour", "표지 색", "表紙の色", "封面颜色"),
                vec![
                    default_value("indigo", text("Indigo", "쪽빛", "藍色", "靛蓝")),
                    value(
                        "persimmon",
                        text("Persimmon", "감물", "柿渋色", "柿染色"),
                        0,
                        0,
                    ),
                    value("natural", text("Natural", "미색", "生成り", "本色"), 0, 0),
                ],
            ),
            choice(
                "pages",
                text("Pages", "속지", "中紙", "内页"),
                vec![
                    default_value("plain", text("Plain", "무지", "無地", "空白")),
                    value("ruled", text("Ruled", "줄", "罫線", "横线"), 0, 0),
                    value("grid", text("Grid", "모눈", "方眼", "方格"), 0, 0),
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

fn map_print() -> ProductSeed {
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

fn paper(values: Vec<ValueSeed>) -> GroupSeed {
    choice("paper", text("Paper", "종이", "用紙", "纸张"), values)
}

fn cotton() -> LocalizedText {
    text(
        "Cotton paper, 600 g/m²",
        "코튼지 600g",
        "コットン紙 600g/m²",
        "600克棉纸",
    )
}

fn hanji() -> LocalizedText {
    text("Handmade hanji", "수제 한지", "手漉き韓紙", "手工韩纸")
}

fn ink() -> GroupSeed {
    choice(
        "ink",
        text("Ink", "잉크", "インク", "油墨"),
        vec![
            default_value("black", text("Black", "검정", "ブラック", "黑色")),
            value("indigo", text("Indigo", "남색", "藍色", "靛蓝色"), 0, 0),
            value(
                "vermilion",
                text("Vermilion", "주홍", "朱色", "朱红色"),
                0,
                0,
            ),
            value(
                "gold-foil",
                text("Gold foil", "금박", "金箔押し", "烫金"),
                20_000,
                45,
            ),
        ],
    )
}
