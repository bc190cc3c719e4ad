//! The pickup counters: a city shop in Myeongdong and two desks at Incheon Airport.

use db::catalogue::CounterKind;
use db::seed::CounterSeed;
use domain::calendar::WeekdaySet;
use domain::language::LocalizedText;
use time::macros::time;

use crate::kit::text;

/// Every counter, the city shop first.
pub(crate) fn all() -> Vec<CounterSeed> {
    vec![myeongdong(), incheon_t1(), incheon_t2()]
}

fn myeongdong() -> CounterSeed {
    CounterSeed {
        code: "myeongdong".into(),
        kind: CounterKind::CityShop,
        names: text(
            "Gongbang Myeongdong pickup shop",
            "공방 명동 픽업 매장",
            "コンバン 明洞受け取りショップ",
            "Gongbang 明洞取货店",
        ),
        addresses: text(
            "1F, 25 Myeongdong 8-gil, Jung-gu, Seoul (2 minutes' walk from Myeong-dong Station, exit 8)",
            "서울 중구 명동8길 25, 1층 (명동역 8번 출구에서 도보 2분)",
            "ソウル特別市中区明洞8キル25 1階（明洞駅8番出口から徒歩2分）",
            "首尔市中区明洞8街25号1层（明洞站8号出口步行2分钟）",
        ),
        open_days: WeekdaySet::MON_SAT,
        opens_at: time!(10:00),
        closes_at: time!(20:00),
        pickup_minutes_before_departure: None,
        transit_days: 0,
    }
}

fn incheon_t1() -> CounterSeed {
    airport_desk(
        "icn-t1",
        text(
            "Incheon Airport Terminal 1 pickup desk",
            "인천공항 제1여객터미널 픽업 데스크",
            "仁川空港 第1ターミナル 受け取りカウンター",
            "仁川机场第一航站楼取货柜台",
        ),
        text(
            "Terminal 1, 3F departures, airside near Gate 27 (after passport control)",
            "제1여객터미널 3층 출국장, 출국 심사 후 27번 탑승구 부근",
            "第1ターミナル3階 出発エリア、出国審査後の27番搭乗口付近",
            "第一航站楼3层出发区，出境检查后27号登机口附近",
        ),
    )
}

fn incheon_t2() -> CounterSeed {
    airport_desk(
        "icn-t2",
        text(
            "Incheon Airport Terminal 2 pickup desk",
            "인천공항 제2여객터미널 픽업 데스크",
            "仁川空港 第2ターミナル 受け取りカウンター",
            "仁川机场第二航站楼取货柜台",
        ),
        text(
            "Terminal 2, 3F departures, airside near Gate 253 (after passport control)",
            "제2여객터미널 3층 출국장, 출국 심사 후 253번 탑승구 부근",
            "第2ターミナル3階 出発エリア、出国審査後の253番搭乗口付近",
            "第二航站楼3层出发区，出境检查后253号登机口附近",
        ),
    )
}

/// What both airport desks share: open every day from 05:30 to 23:00, pickup closes three
/// hours before the flight, and goods take a working day to get there from a workshop.
fn airport_desk(code: &str, names: LocalizedText, addresses: LocalizedText) -> CounterSeed {
    CounterSeed {
        code: code.into(),
        kind: CounterKind::AirportDesk,
        names,
        addresses,
        open_days: WeekdaySet::EVERY_DAY,
        opens_at: time!(05:30),
        closes_at: time!(23:00),
        pickup_minutes_before_departure: Some(180),
        transit_days: 1,
    }
}
