//! Numbers, money, lengths and Seoul times as the traveller reads them.
//!
//! The API speaks RFC 3339 in Asia/Seoul (+09:00) and a `datetime-local` input speaks
//! `YYYY-MM-DDTHH:MM` without a zone; the page states that its times are Seoul time, so
//! converting is adding or stripping `+09:00` (Korea keeps no daylight saving time).

use fitting::{Length, Unit};

use crate::i18n::Lang;

/// Whole won with thousands separators: `₩180,000`.
pub fn krw(won: i64) -> String {
    let digits = won.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + 4);
    if won < 0 {
        out.push('-');
    }
    out.push('₩');
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A length in the unit, one decimal only when it is not zero: `96 cm`, `37.8 in`.
pub fn length(value: Length, unit: Unit) -> String {
    format!("{} {}", number(value.in_unit(unit)), unit.code())
}

/// A difference of lengths with its sign: `+10 cm`, `-1.5 cm`, `0 cm`.
pub fn signed_length(value: Length, unit: Unit) -> String {
    let text = length(value, unit);
    if value.get() > 0 {
        format!("+{text}")
    } else {
        text
    }
}

/// A number with at most one decimal, without a trailing `.0`.
pub fn number(value: f64) -> String {
    let tenths = (value * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let (whole, frac) = (tenths.unsigned_abs() / 10, tenths.unsigned_abs() % 10);
    if frac == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{frac}")
    }
}

/// Reads a number as travellers type it: `96`, `96.5`, `96,5`, full-width `９６．５`.
/// `Ok(None)` for an empty field, `Err(())` for anything else that is not a number.
#[allow(clippy::result_unit_err)]
pub fn parse_number(text: &str) -> Result<Option<f64>, ()> {
    let normal: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' | ',' | '，' => '.',
            other => other,
        })
        .collect();
    if normal.is_empty() {
        return Ok(None);
    }
    if !normal.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return Err(());
    }
    decimal(&normal).map(Some).ok_or(())
}

/// Reads `[-]digits[.digits][e[+-]digits]` without the standard library's float parser
/// (its tables alone are 10 KB of wasm). Up to 15 significant digits the result is
/// exactly what `str::parse` gives: one correctly rounded division of two exact values.
pub fn decimal(text: &str) -> Option<f64> {
    let (negative, rest) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(at) => (&rest[..at], rest[at + 1..].parse::<i32>().ok()?),
        None => (rest, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if whole.is_empty() && fraction.is_empty()
        || !whole
            .bytes()
            .chain(fraction.bytes())
            .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let mut digits: u64 = 0;
    let mut scale = exponent - i32::try_from(fraction.len()).ok()?;
    for b in whole.bytes().chain(fraction.bytes()) {
        if digits < 100_000_000_000_000_000 {
            digits = digits * 10 + u64::from(b - b'0');
        } else {
            scale += 1;
        }
    }
    let mut value = digits as f64;
    let power = |n: i32| (0..n).fold(1.0f64, |p, _| p * 10.0);
    if scale >= 0 {
        value *= power(scale.min(400));
    } else {
        value /= power((-scale).min(400));
    }
    Some(if negative { -value } else { value })
}

/// A calendar date and a time of day in Seoul.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct SeoulTime {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
}

impl SeoulTime {
    /// Parses RFC 3339 (`2026-12-08T18:00:00+09:00`, `…Z`, any offset), converted to Seoul.
    pub fn from_rfc3339(text: &str) -> Option<SeoulTime> {
        let (date, rest) = text.split_once(['T', 't', ' '])?;
        let local = parse_local(date, rest.get(..5)?)?;
        let zone = rest.get(5..)?;
        // Skip seconds and fractions to the zone designator.
        let zone = zone.trim_start_matches(|c: char| c == ':' || c == '.' || c.is_ascii_digit());
        let offset_minutes = match zone {
            "Z" | "z" => 0,
            _ => {
                let sign = match zone.get(..1)? {
                    "+" => 1,
                    "-" => -1,
                    _ => return None,
                };
                let hours: i64 = zone.get(1..3)?.parse().ok()?;
                let minutes: i64 = zone.get(4..6)?.parse().ok()?;
                sign * (hours * 60 + minutes)
            }
        };
        Some(local.shifted(9 * 60 - offset_minutes))
    }

    /// Parses a `datetime-local` value, `YYYY-MM-DDTHH:MM` (seconds ignored), as Seoul time.
    pub fn from_local(text: &str) -> Option<SeoulTime> {
        let (date, time) = text.trim().split_once('T')?;
        parse_local(date, time.get(..5)?)
    }

    /// RFC 3339 in Seoul: `2026-12-08T18:00:00+09:00`.
    pub fn rfc3339(&self) -> String {
        format!("{}:00+09:00", self.local())
    }

    /// The `datetime-local` value: `2026-12-08T18:00`.
    pub fn local(&self) -> String {
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}",
            self.year, self.month, self.day, self.hour, self.minute
        )
    }

    /// `HH:MM`.
    pub fn hh_mm(&self) -> String {
        format!("{:02}:{:02}", self.hour, self.minute)
    }

    /// The time as people read it in the language, with the weekday.
    pub fn display(&self, lang: Lang) -> String {
        let weekday = weekday(self.year, self.month, self.day);
        let (y, m, d, t) = (self.year, self.month, self.day, self.hh_mm());
        match lang {
            Lang::En => {
                const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
                const MONTHS: [&str; 12] = [
                    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                    "Dec",
                ];
                let month = MONTHS[usize::from(m.clamp(1, 12) - 1)];
                format!("{} {d} {month} {y}, {t}", DAYS[weekday])
            }
            Lang::Ko => {
                const DAYS: [&str; 7] = ["월", "화", "수", "목", "금", "토", "일"];
                format!("{y}년 {m}월 {d}일 ({}) {t}", DAYS[weekday])
            }
            Lang::Ja => {
                const DAYS: [&str; 7] = ["月", "火", "水", "木", "金", "土", "日"];
                format!("{y}年{m}月{d}日({}) {t}", DAYS[weekday])
            }
            Lang::Zh => {
                const DAYS: [&str; 7] = ["一", "二", "三", "四", "五", "六", "日"];
                format!("{y}年{m}月{d}日 周{} {t}", DAYS[weekday])
            }
        }
    }

    fn minutes(&self) -> i64 {
        let days = days_from_civil(self.year, self.month, self.day);
        days * 1440 + i64::from(self.hour) * 60 + i64::from(self.minute)
    }

    fn shifted(&self, minutes: i64) -> SeoulTime {
        let total = self.minutes() + minutes;
        let (days, rest) = (total.div_euclid(1440), total.rem_euclid(1440));
        let (year, month, day) = civil_from_days(days);
        SeoulTime {
            year,
            month,
            day,
            hour: (rest / 60) as u8,
            minute: (rest % 60) as u8,
        }
    }
}

/// Formats an RFC 3339 instant in Seoul time for the language; the text itself when it
/// does not parse.
pub fn seoul(text: &str, lang: Lang) -> String {
    SeoulTime::from_rfc3339(text).map_or_else(|| text.to_owned(), |t| t.display(lang))
}

fn parse_local(date: &str, time: &str) -> Option<SeoulTime> {
    let mut parts = date.splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    let (hour, minute) = time.split_once(':')?;
    let (hour, minute): (u8, u8) = (hour.parse().ok()?, minute.parse().ok()?);
    let valid = (1..=12).contains(&month)
        && (1..=days_in_month(year, month)).contains(&day)
        && hour < 24
        && minute < 60;
    valid.then_some(SeoulTime {
        year,
        month,
        day,
        hour,
        minute,
    })
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 (Howard Hinnant's algorithm).
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

/// Monday = 0 … Sunday = 6.
fn weekday(year: i32, month: u8, day: u8) -> usize {
    // 1970-01-01 was a Thursday (3).
    (days_from_civil(year, month, day) + 3).rem_euclid(7) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_has_thousands_separators() {
        assert_eq!(krw(0), "₩0");
        assert_eq!(krw(999), "₩999");
        assert_eq!(krw(180_000), "₩180,000");
        assert_eq!(krw(1_234_567), "₩1,234,567");
        assert_eq!(krw(-15_000), "-₩15,000");
    }

    #[test]
    fn lengths_show_one_decimal_only_when_needed() {
        assert_eq!(length(Length::mm(960), Unit::Cm), "96 cm");
        assert_eq!(length(Length::mm(965), Unit::Cm), "96.5 cm");
        assert_eq!(length(Length::mm(965), Unit::In), "38 in");
        assert_eq!(length(Length::mm(960), Unit::In), "37.8 in");
        assert_eq!(signed_length(Length::mm(100), Unit::Cm), "+10 cm");
        assert_eq!(signed_length(Length::mm(-15), Unit::Cm), "-1.5 cm");
        assert_eq!(signed_length(Length::ZERO, Unit::Cm), "0 cm");
    }

    #[test]
    fn numbers_read_as_travellers_type_them() {
        assert_eq!(parse_number(" 96 "), Ok(Some(96.0)));
        assert_eq!(parse_number("96.5"), Ok(Some(96.5)));
        assert_eq!(parse_number("96,5"), Ok(Some(96.5)));
        assert_eq!(parse_number("９６．５"), Ok(Some(96.5)));
        assert_eq!(parse_number(""), Ok(None));
        assert_eq!(parse_number("96cm"), Err(()));
        assert_eq!(parse_number("-4"), Err(()));
        assert_eq!(parse_number("1.2.3"), Err(()));
        assert_eq!(parse_number("."), Err(()));
        assert_eq!(parse_number(".5"), Ok(Some(0.5)));
        assert_eq!(parse_number("5."), Ok(Some(5.0)));
    }

    #[test]
    fn decimals_read_like_the_standard_parser() {
        for text in [
            "0",
            "96",
            "96.5",
            "37.8",
            "0.1",
            "26.2",
            "1234567.891",
            "-2.5",
            "3e2",
            "1.5E-3",
            "180000",
            "0.0001",
            "99.99",
        ] {
            assert_eq!(decimal(text), text.parse::<f64>().ok(), "{text}");
        }
        for text in ["", ".", "-", "1e", "1.2.3", "1x", "e5"] {
            assert_eq!(decimal(text), None, "{text}");
        }
    }

    #[test]
    fn seoul_times_convert_between_inputs_and_rfc3339() {
        let t = SeoulTime::from_local("2026-12-08T18:05").expect("valid");
        assert_eq!(t.rfc3339(), "2026-12-08T18:05:00+09:00");
        assert_eq!(SeoulTime::from_rfc3339(&t.rfc3339()), Some(t));
        let utc = SeoulTime::from_rfc3339("2026-12-31T20:30:00Z").expect("valid");
        assert_eq!(utc.local(), "2027-01-01T05:30");
        let fraction = SeoulTime::from_rfc3339("2026-03-01T00:00:00.123-05:00").expect("valid");
        assert_eq!(fraction.local(), "2026-03-01T14:00");
        assert_eq!(SeoulTime::from_local("2026-02-30T10:00"), None);
        assert_eq!(SeoulTime::from_local("2026-12-08"), None);
        assert_eq!(SeoulTime::from_local(""), None);
    }

    #[test]
    fn times_display_with_weekdays_in_each_language() {
        let t = SeoulTime::from_rfc3339("2026-12-08T18:00:00+09:00").expect("valid");
        assert_eq!(t.display(Lang::En), "Tue 8 Dec 2026, 18:00");
        assert_eq!(t.display(Lang::Ko), "2026년 12월 8일 (화) 18:00");
        assert_eq!(t.display(Lang::Ja), "2026年12月8日(火) 18:00");
        assert_eq!(t.display(Lang::Zh), "2026年12月8日 周二 18:00");
        assert_eq!(seoul("not a time", Lang::En), "not a time");
        // 2000-02-29 was a Tuesday; 1970-01-01 a Thursday.
        assert_eq!(weekday(2000, 2, 29), 1);
        assert_eq!(weekday(1970, 1, 1), 3);
    }
}
