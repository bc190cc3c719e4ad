//! Seochon Leather Atelier: bags and small leather goods in vegetable-tanned leather.

use db::catalogue::Look;
use db::seed::{GroupSeed, ProductSeed, WorkshopSeed};
use domain::calendar::{WeekdaySet, WorkMinutes};
use domain::catalogue::Category;
use time::macros::{date, time};

use crate::holidays::{self, Closure};
use crate::kit::{
    HANGUL_SYLLABLES, LATIN_MONOGRAM, alternative, choice, default_value, look, monogram, percent,
    text, value, won,
};

/// A leather worker and an apprentice in the hanok lanes of Seochon, six days a week.
pub(crate) fn workshop() -> WorkshopSeed {
    WorkshopSeed {
        code: "seochon-leather".into(),
        craft: Category::Bag,
        names: text(
            "Seochon Leather Atelier",
            "서촌 가죽 공방",
            "西村（ソチョン）レザーアトリエ",
            "西村皮具工作室",
        ),
        descriptions: text(
            "A small atelier in the hanok lanes west of Gyeongbokgung Palace, hand-stitching \
             bags and small leather goods from vegetable-tanned leather.",
            "경복궁 서쪽 한옥 골목의 작은 공방으로, 식물성 무두질 가죽으로 가방과 소품을 \
             손바느질해 만듭니다.",
            "景福宮の西、韓屋の路地にある小さな工房。植物タンニンなめしの革で、バッグや革小物を\
             手縫いで仕立てます。",
            "位于景福宫西侧韩屋小巷里的小工作室，用植鞣革手工缝制包袋和小皮件。",
        ),
        district: "Nuha-dong, Jongno-gu".into(),
        working_days: WeekdaySet::MON_SAT,
        minutes_per_day: WorkMinutes::hours(12),
        closes_at: time!(19:00),
        buffer_days: 1,
        holidays: holidays::with_closures(&[Closure {
            first: date!(2027 - 07 - 26),
            last: date!(2027 - 07 - 31),
            name: "Summer break",
        }]),
        products: vec![tote(), crossbody(), card_wallet(), key_holder()],
    }
}

fn tote() -> ProductSeed {
    ProductSeed {
        code: "leather-tote".into(),
        category: Category::Bag,
        names: text(
            "Leather tote bag",
            "가죽 토트백",
            "レザートートバッグ",
            "皮革托特包",
        ),
        descriptions: text(
            "An open tote in 2 mm vegetable-tanned leather, saddle-stitched by hand, with an \
             inside pocket; fits a 14-inch laptop.",
            "2mm 식물성 무두질 가죽을 손으로 새들 스티치한 오픈 토트백입니다. 안주머니가 있고 \
             14인치 노트북이 들어갑니다.",
            "2mm厚の植物タンニンなめし革を手縫いのサドルステッチで仕立てたオープントート。\
             内ポケット付きで、14インチのノートPCが入ります。",
            "采用2毫米厚植鞣革、手工马鞍针缝制的敞口托特包，带内袋，可放入14英寸笔记本电脑。",
        ),
        base_price: won(380_000),
        unit_minutes: WorkMinutes::hours(10),
        lead_days: 2,
        deposit: percent(30),
        pay_at_counter: false,
        look: leather_look("tote", false),
        groups: vec![
            leather(),
            choice(
                "size",
                text("Size", "크기", "サイズ", "尺寸"),
                vec![
                    default_value(
                        "medium",
                        text(
                            "Medium (38 cm wide)",
                            "미디엄 (가로 38cm)",
                            "M（横幅38cm）",
                            "中号（宽38厘米）",
                        ),
                    ),
                    value(
                        "large",
                        text(
                            "Large (44 cm wide)",
                            "라지 (가로 44cm)",
                            "L（横幅44cm）",
                            "大号（宽44厘米）",
                        ),
                        40_000,
                        90,
                    ),
                ],
            ),
            thread(),
            initials(3, 15_000, 30),
        ],
    }
}

fn crossbody() -> ProductSeed {
    ProductSeed {
        code: "crossbody-bag".into(),
        category: Category::Bag,
        names: text("Crossbody bag", "크로스백", "ショルダーバッグ", "斜挎包"),
        descriptions: text(
            "A compact crossbody bag with a solid brass buckle and an adjustable strap; holds a \
             phone, a passport and a wallet.",
            "통황동 버클과 길이 조절 스트랩을 단 작은 크로스백으로, 휴대폰과 여권, 지갑이 \
             들어갑니다.",
            "真鍮無垢のバックルと長さ調節できるストラップ付きのコンパクトなショルダーバッグ。\
             スマートフォン、パスポート、財布が入ります。",
            "小巧的斜挎包，配实心黄铜扣和可调节肩带，可装下手机、护照和钱包。",
        ),
        base_price: won(290_000),
        unit_minutes: WorkMinutes::hours(8),
        lead_days: 2,
        deposit: percent(30),
        pay_at_counter: false,
        look: leather_look("crossbody", true),
        groups: vec![
            leather(),
            choice(
                "hardware",
                text("Hardware", "금속 장식", "金具", "五金"),
                vec![
                    default_value("brass", text("Brass", "황동", "真鍮", "黄铜")),
                    alternative(
                        "nickel-silver",
                        text("Nickel silver", "니켈 실버", "ニッケルシルバー", "镍银"),
                    ),
                ],
            ),
            thread(),
            initials(3, 15_000, 30),
        ],
    }
}

fn card_wallet() -> ProductSeed {
    ProductSeed {
        code: "card-wallet".into(),
        category: Category::Bag,
        names: text("Card wallet", "카드 지갑", "カードケース", "卡包"),
        descriptions: text(
            "A slim card wallet with four slots and a centre pocket, its edges burnished by hand.",
            "카드 슬롯 네 개와 가운데 포켓이 있는 얇은 카드 지갑으로, 가장자리는 손으로 \
             다듬어 마감합니다.",
            "カードスロット4つと中央ポケットを備えた薄型のカードケース。コバは手作業で磨き上げます。",
            "四个卡位加中间口袋的轻薄卡包，边缘经手工打磨。",
        ),
        base_price: won(85_000),
        unit_minutes: WorkMinutes::new(150),
        lead_days: 1,
        deposit: percent(30),
        pay_at_counter: true,
        look: leather_look("wallet", false),
        groups: vec![leather(), thread(), initials(3, 10_000, 20)],
    }
}

fn key_holder() -> ProductSeed {
    ProductSeed {
        code: "key-holder".into(),
        category: Category::Bag,
        names: text(
            "Leather key holder",
            "가죽 키홀더",
            "レザーキーホルダー",
            "皮革钥匙扣",
        ),
        descriptions: text(
            "A loop of bridle leather on a solid brass ring: a small gift that fits in a pocket.",
            "브라이들 가죽 고리에 통황동 링을 단 키홀더로, 주머니에 쏙 들어가는 작은 \
             선물입니다.",
            "ブライドルレザーのループに真鍮無垢のリングを付けたキーホルダー。ポケットに収まる\
             小さなギフトです。",
            "马鞍革环配实心黄铜圈的钥匙扣，可放进口袋的小礼物。",
        ),
        base_price: won(35_000),
        unit_minutes: WorkMinutes::new(45),
        lead_days: 0,
        deposit: percent(30),
        pay_at_counter: true,
        look: leather_look("key_holder", false),
        groups: vec![leather(), initials(2, 5_000, 10)],
    }
}

/// How previews draw the atelier's goods: the leather colours the body, and the brass or
/// nickel-silver buckle is the trim of the goods that have `hardware`.
fn leather_look(art: &str, hardware: bool) -> Option<Look> {
    let mut swatches = vec![
        ("natural", "#d8b48a:leather"),
        ("tan", "#ae7442:leather"),
        ("dark-brown", "#4a2e20:leather"),
        ("black", "#1d1c1b:leather"),
        ("olive", "#5b5d3a:leather"),
    ];
    if hardware {
        swatches.extend([
            ("brass", "#b8953f:metal"),
            ("nickel-silver", "#c3c5c2:metal"),
        ]);
    }
    let trim = hardware.then_some("hardware");
    look(art, "leather", trim, Some("monogram"), &swatches)
}

/// The vegetable-tanned colours the atelier keeps in stock; olive is tanned to order.
fn leather() -> GroupSeed {
    choice(
        "leather",
        text("Leather colour", "가죽 색상", "革の色", "皮革颜色"),
        vec![
            default_value("natural", text("Natural", "내추럴", "ナチュラル", "原色")),
            alternative("tan", text("Tan", "탠", "タン", "棕褐色")),
            alternative(
                "dark-brown",
                text("Dark brown", "다크 브라운", "ダークブラウン", "深棕色"),
            ),
            alternative("black", text("Black", "블랙", "ブラック", "黑色")),
            value(
                "olive",
                text("Olive", "올리브", "オリーブ", "橄榄绿"),
                20_000,
                0,
            ),
        ],
    )
}

fn thread() -> GroupSeed {
    choice(
        "thread",
        text("Stitching thread", "실 색상", "ステッチ糸の色", "缝线颜色"),
        vec![
            default_value("ivory", text("Ivory", "아이보리", "アイボリー", "象牙白")),
            alternative(
                "matching",
                text(
                    "Matching the leather",
                    "가죽과 같은 색",
                    "革と同色",
                    "与皮革同色",
                ),
            ),
            alternative("red", text("Red", "빨강", "レッド", "红色")),
        ],
    )
}

/// Hot-stamped initials in Latin capitals or common Hangul syllables.
fn initials(max_chars: u16, price: i64, minutes: i32) -> GroupSeed {
    monogram(
        text(
            "Initials, Latin or Hangul (hot-stamped)",
            "이니셜 각인 (영문·한글)",
            "イニシャル刻印（英字・ハングル）",
            "烫印字母（英文或韩文）",
        ),
        &format!("{LATIN_MONOGRAM}{HANGUL_SYLLABLES}"),
        max_chars,
        price,
        minutes,
    )
}
