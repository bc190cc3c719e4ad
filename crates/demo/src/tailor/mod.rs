//! Sogong-dong Tailors: made-to-measure shirts, jackets and trousers.

use db::seed::WorkshopSeed;
use domain::calendar::{WeekdaySet, WorkMinutes};
use domain::catalogue::Category;
use time::macros::time;

use crate::holidays;
use crate::kit::text;

mod options;
mod shirt;
mod suit;

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
        products: vec![shirt::shirt(), suit::jacket(), suit::trousers()],
    }
}
