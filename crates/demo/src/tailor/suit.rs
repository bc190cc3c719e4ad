//! The suit: a made-to-measure jacket and trousers in the same cloths.

use db::seed::ProductSeed;
use domain::calendar::WorkMinutes;
use domain::catalogue::Category;

use super::options::{
    CHARCOAL_WOOL, GREY_FLANNEL, NAVY_WOOL, charcoal_wool, fabric_label, fit, grey_flannel,
    navy_wool,
};
use crate::kit::{
    LATIN_MONOGRAM, alternative, choice, default_value, look, monogram, percent, text, value, won,
};

pub(super) fn jacket() -> ProductSeed {
    ProductSeed {
        code: "suit-jacket".into(),
        category: Category::Garment,
        names: text(
            "Made-to-measure suit jacket",
            "맞춤 정장 재킷",
            "オーダースーツジャケット",
            "定制西装外套",
        ),
        descriptions: text(
            "A half-canvassed single-breasted jacket, cut and basted for you; a fitting at the \
             shop during your stay is recommended.",
            "하프 캔버스 싱글 브레스티드 재킷으로, 고객님 치수에 맞춰 재단하고 시침합니다. \
             머무시는 동안 매장에서 가봉하시길 권합니다.",
            "ハーフキャンバス仕立てのシングルジャケット。お客様に合わせて裁断・仮縫いします。\
             ご滞在中の店舗での仮縫いをおすすめします。",
            "半麻衬单排扣西装外套，按您的尺寸裁剪并假缝；建议在逗留期间到店试穿。",
        ),
        base_price: won(690_000),
        unit_minutes: WorkMinutes::hours(24),
        lead_days: 3,
        deposit: percent(50),
        pay_at_counter: false,
        look: look(
            "jacket",
            "fabric",
            Some("buttons"),
            Some("monogram"),
            &[
                NAVY_WOOL,
                CHARCOAL_WOOL,
                GREY_FLANNEL,
                ("linen-wool", "#b9ad92:linen"),
                ("horn", "#3d2b1f:plain"),
                ("corozo", "#8c6d4f:plain"),
                ("brass", "#b8953f:metal"),
            ],
        ),
        groups: vec![
            choice(
                "fabric",
                fabric_label(),
                vec![
                    default_value("navy-wool", navy_wool()),
                    alternative("charcoal-wool", charcoal_wool()),
                    value("grey-flannel", grey_flannel(), 60_000, 0),
                    value(
                        "linen-wool",
                        text(
                            "Linen and wool blend",
                            "리넨 울 혼방",
                            "リネンウール混紡",
                            "亚麻羊毛混纺",
                        ),
                        80_000,
                        60,
                    ),
                ],
            ),
            choice(
                "buttons",
                text("Buttons", "단추", "ボタン", "纽扣"),
                vec![
                    default_value("horn", text("Horn", "뿔 단추", "水牛ホーン", "牛角扣")),
                    alternative(
                        "corozo",
                        text("Corozo nut", "코로조 단추", "ナットボタン", "果实扣"),
                    ),
                    value(
                        "brass",
                        text("Brass", "황동 단추", "真鍮ボタン", "黄铜扣"),
                        20_000,
                        0,
                    ),
                ],
            ),
            choice(
                "lining",
                text("Lining", "안감", "裏地", "里衬"),
                vec![
                    default_value("navy", text("Navy", "네이비", "ネイビー", "藏青色")),
                    alternative(
                        "burgundy",
                        text("Burgundy", "버건디", "バーガンディ", "酒红色"),
                    ),
                    value(
                        "paisley",
                        text(
                            "Paisley print",
                            "페이즐리 무늬",
                            "ペイズリー柄",
                            "佩斯利花纹",
                        ),
                        30_000,
                        0,
                    ),
                ],
            ),
            fit(),
            monogram(
                text(
                    "Monogram inside the pocket",
                    "안주머니 이니셜 자수",
                    "内ポケットのイニシャル刺繍",
                    "内袋字母刺绣",
                ),
                LATIN_MONOGRAM,
                3,
                15_000,
                30,
            ),
        ],
    }
}

pub(super) fn trousers() -> ProductSeed {
    ProductSeed {
        code: "made-to-measure-trousers".into(),
        category: Category::Garment,
        names: text(
            "Made-to-measure trousers",
            "맞춤 바지",
            "オーダートラウザーズ",
            "定制西裤",
        ),
        descriptions: text(
            "Flat-front trousers cut to your waist and inseam, with a hand-finished waistband.",
            "허리와 안쪽 기장에 맞춰 재단한 노턱 바지로, 허리 밴드는 손으로 마감합니다.",
            "ウエストと股下に合わせて裁断するノータックのトラウザーズ。ウエストバンドは手仕上げです。",
            "按您的腰围和内长裁剪的平前西裤，腰头手工收尾。",
        ),
        base_price: won(260_000),
        unit_minutes: WorkMinutes::hours(8),
        lead_days: 2,
        deposit: percent(30),
        pay_at_counter: false,
        look: look(
            "trousers",
            "fabric",
            None,
            None,
            &[
                NAVY_WOOL,
                CHARCOAL_WOOL,
                GREY_FLANNEL,
                ("cotton-chino", "#c4b08a:cotton"),
            ],
        ),
        groups: vec![
            choice(
                "fabric",
                fabric_label(),
                vec![
                    default_value("navy-wool", navy_wool()),
                    alternative("charcoal-wool", charcoal_wool()),
                    value("grey-flannel", grey_flannel(), 40_000, 0),
                    value(
                        "cotton-chino",
                        text("Cotton chino", "면 치노", "コットンチノ", "棉质卡其布"),
                        -20_000,
                        -30,
                    ),
                ],
            ),
            choice(
                "waist",
                text("Waist", "허리", "ウエスト", "腰头"),
                vec![
                    default_value(
                        "belt-loops",
                        text("Belt loops", "벨트 고리", "ベルトループ", "腰带襻"),
                    ),
                    value(
                        "side-adjusters",
                        text(
                            "Side adjusters",
                            "사이드 어저스터",
                            "サイドアジャスター",
                            "侧调节扣",
                        ),
                        30_000,
                        60,
                    ),
                    value(
                        "brace-buttons",
                        text("Brace buttons", "멜빵 단추", "サスペンダーボタン", "背带扣"),
                        10_000,
                        20,
                    ),
                ],
            ),
            choice(
                "hem",
                text("Hem", "밑단", "裾", "裤脚"),
                vec![
                    default_value("plain", text("Plain hem", "기본 밑단", "シングル", "平脚")),
                    value(
                        "turn-ups",
                        text("Turn-ups", "접단(카브라)", "ダブル", "翻边"),
                        0,
                        20,
                    ),
                ],
            ),
            fit(),
        ],
    }
}
