//! Sogong-dong Tailors: made-to-measure shirts, jackets and trousers.

use db::seed::{GroupSeed, ProductSeed, WorkshopSeed};
use domain::calendar::{WeekdaySet, WorkMinutes};
use domain::catalogue::Category;
use domain::language::LocalizedText;
use time::macros::time;

use crate::holidays;
use crate::kit::{LATIN_MONOGRAM, choice, default_value, monogram, percent, text, value, won};

/// Two tailors on Seoul's old tailoring street, working six days a week.
pub(crate) fn workshop() -> WorkshopSeed {
    WorkshopSeed {
        code: "sogong-tailors".into(),
        craft: Category::Garment,
        names: text(
            "Sogong-dong Tailors",
            "소공동 양복점",
            "小公洞テーラー",
            "小公洞西服定制店",
        ),
        descriptions: text(
            "Two tailors on Seoul's old tailoring street near City Hall, cutting shirts, jackets \
             and trousers to your measurements since 1986.",
            "시청 근처 서울의 오래된 양복 거리에서 1986년부터 두 재단사가 셔츠와 재킷, 바지를 \
             치수에 맞춰 짓고 있습니다.",
            "市庁近くのソウル伝統のテーラー街で、1986年から二人の職人がシャツ、ジャケット、\
             トラウザーズを採寸して仕立てています。",
            "位于首尔市厅附近的老西服街，两位裁缝自1986年起按您的尺寸量身缝制衬衫、西装外套和西裤。",
        ),
        district: "Sogong-dong, Jung-gu".into(),
        working_days: WeekdaySet::MON_SAT,
        minutes_per_day: WorkMinutes::hours(16),
        closes_at: time!(19:00),
        buffer_days: 1,
        holidays: holidays::with_closures(&[]),
        products: vec![shirt(), jacket(), trousers()],
    }
}

fn shirt() -> ProductSeed {
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
                    value(
                        "cutaway",
                        text("Cutaway", "컷어웨이", "カッタウェイ", "一字领"),
                        0,
                        0,
                    ),
                    value(
                        "band",
                        text("Band collar", "차이나 칼라", "バンドカラー", "立领"),
                        0,
                        0,
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

fn jacket() -> ProductSeed {
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
        groups: vec![
            choice(
                "fabric",
                fabric_label(),
                vec![
                    default_value("navy-wool", navy_wool()),
                    value("charcoal-wool", charcoal_wool(), 0, 0),
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
                    value(
                        "corozo",
                        text("Corozo nut", "코로조 단추", "ナットボタン", "果实扣"),
                        0,
                        0,
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
                    value(
                        "burgundy",
                        text("Burgundy", "버건디", "バーガンディ", "酒红色"),
                        0,
                        0,
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

fn trousers() -> ProductSeed {
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
        groups: vec![
            choice(
                "fabric",
                fabric_label(),
                vec![
                    default_value("navy-wool", navy_wool()),
                    value("charcoal-wool", charcoal_wool(), 0, 0),
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

fn fabric_label() -> LocalizedText {
    text("Fabric", "원단", "生地", "面料")
}

fn navy_wool() -> LocalizedText {
    text(
        "Navy worsted wool",
        "네이비 울 소모사",
        "ネイビーのウーステッド",
        "藏青色精纺羊毛",
    )
}

fn charcoal_wool() -> LocalizedText {
    text(
        "Charcoal worsted wool",
        "차콜 울 소모사",
        "チャコールのウーステッド",
        "炭灰色精纺羊毛",
    )
}

fn grey_flannel() -> LocalizedText {
    text(
        "Grey flannel",
        "그레이 플란넬",
        "グレーのフランネル",
        "灰色法兰绒",
    )
}

/// How close the garment sits; all three are cut from the same measurements.
fn fit() -> GroupSeed {
    choice(
        "fit",
        text("Fit", "핏", "シルエット", "版型"),
        vec![
            value("slim", text("Slim", "슬림", "スリム", "修身"), 0, 0),
            default_value("regular", text("Regular", "레귤러", "レギュラー", "标准")),
            value(
                "relaxed",
                text("Relaxed", "여유 있게", "ゆったり", "宽松"),
                0,
                0,
            ),
        ],
    )
}
