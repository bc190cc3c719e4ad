//! Seongsu Shoe Workshop: handmade derbies, loafers and Chelsea boots.

use db::seed::{GroupSeed, ProductSeed, ValueSeed, WorkshopSeed};
use domain::calendar::{WeekdaySet, WorkMinutes};
use domain::catalogue::Category;
use domain::language::LocalizedText;
use time::macros::{date, time};

use crate::holidays::{self, Closure};
use crate::kit::{
    LATIN_MONOGRAM, alternative, choice, default_value, look, monogram, percent, text, value, won,
};

/// Two shoemakers in Seongsu-dong, Seoul's shoe district, working weekdays.
pub(crate) fn workshop() -> WorkshopSeed {
    WorkshopSeed {
        code: "seongsu-shoes".into(),
        craft: Category::Shoes,
        names: text(
            "Seongsu Shoe Workshop",
            "성수 수제화 공방",
            "聖水ハンドメイド靴工房",
            "圣水手工鞋坊",
        ),
        descriptions: text(
            "Two shoemakers in Seongsu-dong, Seoul's shoe district, who cut, last and stitch \
             every pair by hand.",
            "서울 수제화 거리인 성수동에서 두 장인이 한 켤레씩 손으로 재단하고, 구두골에 씌우고, \
             꿰매어 만듭니다.",
            "ソウルの靴の街・聖水洞で、二人の靴職人が一足ずつ手作業で裁断し、木型に吊り込み、\
             縫い上げます。",
            "在首尔的制鞋街圣水洞，两位鞋匠逐双手工裁剪、绷楦、缝制。",
        ),
        district: "Seongsu-dong, Seongdong-gu".into(),
        working_days: WeekdaySet::MON_FRI,
        minutes_per_day: WorkMinutes::hours(16),
        closes_at: time!(18:00),
        buffer_days: 1,
        holidays: holidays::with_closures(&[Closure {
            first: date!(2027 - 08 - 02),
            last: date!(2027 - 08 - 06),
            name: "Summer break",
        }]),
        products: vec![derby(), loafers(), chelsea_boots()],
    }
}

/// The leathers and soles as previews draw them (value code, swatch).
const BLACK_CALF: (&str, &str) = ("black-calf", "#1b1a19:leather");
const BROWN_CALF: (&str, &str) = ("brown-calf", "#4a2c1d:leather");
const SNUFF_SUEDE: (&str, &str) = ("snuff-suede", "#8a6a4b:suede");
const SHELL_CORDOVAN: (&str, &str) = ("shell-cordovan", "#4c1b1c:leather");
const LEATHER_SOLE: (&str, &str) = ("leather", "#b08a5e:leather");
const RUBBER_SOLE: (&str, &str) = ("rubber", "#2b2a29:rubber");

fn derby() -> ProductSeed {
    ProductSeed {
        code: "derby-shoes".into(),
        category: Category::Shoes,
        names: text(
            "Handmade derby shoes",
            "수제 더비 슈즈",
            "ハンドメイド ダービーシューズ",
            "手工德比鞋",
        ),
        descriptions: text(
            "Plain-toe derbies, hand-lasted and Blake-stitched, made to your foot length and width.",
            "구두골에 손으로 씌워 블레이크 방식으로 꿰맨 플레인 토 더비 슈즈로, 발 길이와 볼에 \
             맞춰 만듭니다.",
            "木型に手で吊り込み、マッケイ製法で縫い上げるプレーントゥのダービー。足長と足幅に合わせて\
             お作りします。",
            "手工绷楦、布莱克缝制的素头德比鞋，按您的脚长和脚宽制作。",
        ),
        base_price: won(420_000),
        unit_minutes: WorkMinutes::hours(12),
        lead_days: 3,
        deposit: percent(50),
        pay_at_counter: false,
        look: look(
            "derby",
            "leather",
            Some("sole"),
            Some("monogram"),
            &[
                BLACK_CALF,
                BROWN_CALF,
                ("burgundy-calf", "#5e2027:leather"),
                SNUFF_SUEDE,
                SHELL_CORDOVAN,
                LEATHER_SOLE,
                RUBBER_SOLE,
            ],
        ),
        groups: vec![
            size(),
            width(),
            leather(vec![
                default_value("black-calf", black_calf()),
                alternative("brown-calf", brown_calf()),
                value(
                    "burgundy-calf",
                    text(
                        "Burgundy calf",
                        "버건디 카프",
                        "バーガンディカーフ",
                        "酒红色小牛皮",
                    ),
                    20_000,
                    0,
                ),
                value("snuff-suede", suede(), 30_000, 30),
                value("shell-cordovan", shell_cordovan(), 280_000, 120),
            ]),
            sole(vec![
                default_value("leather", leather_sole()),
                value("rubber", rubber_sole(), 20_000, 20),
            ]),
            monogram(
                text(
                    "Initials stamped on the insole",
                    "깔창 이니셜 각인",
                    "中敷きへのイニシャル刻印",
                    "鞋垫烫印字母",
                ),
                LATIN_MONOGRAM,
                3,
                10_000,
                15,
            ),
        ],
    }
}

fn loafers() -> ProductSeed {
    ProductSeed {
        code: "penny-loafers".into(),
        category: Category::Shoes,
        names: text(
            "Handmade penny loafers",
            "수제 페니 로퍼",
            "ハンドメイド ペニーローファー",
            "手工便士乐福鞋",
        ),
        descriptions: text(
            "Unlined, light loafers for summer with a hand-sewn moccasin apron.",
            "안감 없이 가볍게 만든 여름용 로퍼로, 모카신 앞코를 손바느질로 꿰맵니다.",
            "裏地なしで軽やかな夏向けのローファー。モカシン部分は手縫いで仕上げます。",
            "无内衬的轻盈夏季乐福鞋，鞋面莫卡辛部分手工缝制。",
        ),
        base_price: won(380_000),
        unit_minutes: WorkMinutes::hours(11),
        lead_days: 3,
        deposit: percent(50),
        pay_at_counter: false,
        look: look(
            "loafer",
            "leather",
            Some("sole"),
            None,
            &[
                BLACK_CALF,
                BROWN_CALF,
                SNUFF_SUEDE,
                SHELL_CORDOVAN,
                LEATHER_SOLE,
                RUBBER_SOLE,
            ],
        ),
        groups: vec![
            size(),
            width(),
            leather(vec![
                alternative("black-calf", black_calf()),
                default_value("brown-calf", brown_calf()),
                value("snuff-suede", suede(), 30_000, 30),
                value("shell-cordovan", shell_cordovan(), 280_000, 120),
            ]),
            sole(vec![
                default_value("leather", leather_sole()),
                value("rubber", rubber_sole(), 20_000, 20),
            ]),
        ],
    }
}

fn chelsea_boots() -> ProductSeed {
    ProductSeed {
        code: "chelsea-boots".into(),
        category: Category::Shoes,
        names: text(
            "Handmade Chelsea boots",
            "수제 첼시 부츠",
            "ハンドメイド チェルシーブーツ",
            "手工切尔西靴",
        ),
        descriptions: text(
            "Goodyear-welted Chelsea boots with English elastic sides, made to be resoled for years.",
            "영국산 고무 밴드를 단 굿이어 웰트 첼시 부츠로, 창갈이하며 오래도록 신을 수 있습니다.",
            "英国製のサイドゴアを使ったグッドイヤーウェルト製法のチェルシーブーツ。\
             オールソールしながら長く履けます。",
            "采用英国松紧侧片的固特异工艺切尔西靴，可多次换底，经久耐穿。",
        ),
        base_price: won(480_000),
        unit_minutes: WorkMinutes::hours(15),
        lead_days: 4,
        deposit: percent(50),
        pay_at_counter: false,
        look: look(
            "boot",
            "leather",
            Some("sole"),
            None,
            &[
                BLACK_CALF,
                BROWN_CALF,
                SNUFF_SUEDE,
                RUBBER_SOLE,
                ("commando", "#1e1e1e:rubber"),
                LEATHER_SOLE,
            ],
        ),
        groups: vec![
            size(),
            width(),
            leather(vec![
                default_value("black-calf", black_calf()),
                alternative("brown-calf", brown_calf()),
                value("snuff-suede", suede(), 30_000, 30),
            ]),
            sole(vec![
                default_value("rubber", rubber_sole()),
                value(
                    "commando",
                    text(
                        "Commando lug sole",
                        "코만도 창",
                        "コマンドソール",
                        "军靴齿纹底",
                    ),
                    15_000,
                    20,
                ),
                alternative("leather", leather_sole()),
            ]),
        ],
    }
}

/// Foot length in millimetres, as Korean shoemakers measure it, from 230 to 290 mm.
fn size() -> GroupSeed {
    let values = (230..=290).step_by(5).map(|mm: u16| {
        let eu = mm / 5 - 10;
        let labels = text(
            &format!("{mm} mm (approx. EU {eu})"),
            &format!("{mm}mm"),
            &format!("{}.{} cm", mm / 10, mm % 10),
            &format!("{mm} 毫米（约 {eu} 码）"),
        );
        let code = mm.to_string();
        if mm == 260 {
            default_value(&code, labels)
        } else {
            value(&code, labels, 0, 0)
        }
    });
    choice(
        "size",
        text(
            "Size (foot length)",
            "사이즈 (발 길이)",
            "サイズ（足長）",
            "尺码（脚长）",
        ),
        values.collect(),
    )
}

fn width() -> GroupSeed {
    choice(
        "width",
        text("Width", "발볼", "足幅", "鞋宽"),
        vec![
            default_value("standard", text("Standard", "보통", "標準", "标准")),
            value("wide", text("Wide", "넓게", "幅広", "加宽"), 0, 30),
        ],
    )
}

fn leather(values: Vec<ValueSeed>) -> GroupSeed {
    choice("leather", text("Leather", "가죽", "革", "皮料"), values)
}

fn sole(values: Vec<ValueSeed>) -> GroupSeed {
    choice("sole", text("Sole", "밑창", "ソール", "鞋底"), values)
}

fn black_calf() -> LocalizedText {
    text("Black calf", "블랙 카프", "ブラックカーフ", "黑色小牛皮")
}

fn brown_calf() -> LocalizedText {
    text(
        "Dark brown calf",
        "다크 브라운 카프",
        "ダークブラウンカーフ",
        "深棕色小牛皮",
    )
}

fn suede() -> LocalizedText {
    text(
        "Snuff suede",
        "스너프 스웨이드",
        "スナッフスエード",
        "烟草棕麂皮",
    )
}

fn shell_cordovan() -> LocalizedText {
    text("Shell cordovan", "셸 코도반", "シェルコードバン", "马臀皮")
}

fn leather_sole() -> LocalizedText {
    text("Leather sole", "가죽 창", "レザーソール", "真皮鞋底")
}

fn rubber_sole() -> LocalizedText {
    text(
        "Dainite rubber sole",
        "다이나이트 고무창",
        "ダイナイトソール",
        "Dainite 橡胶底",
    )
}
