//! Euljiro Letterpress: cards, notebooks and prints from a print shop in Euljiro.

use db::seed::WorkshopSeed;
use domain::calendar::{WeekdaySet, WorkMinutes};
use domain::catalogue::Category;
use time::macros::{date, time};

use crate::holidays::{self, Closure};
use crate::kit::text;

mod cards;
mod options;
mod paper_goods;

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
        products: vec![
            cards::greeting_cards(),
            cards::business_cards(),
            paper_goods::notebook(),
            paper_goods::map_print(),
        ],
    }
}
