//! Instants, weekdays and times of day as the API and the staff pages show them: in
//! Asia/Seoul.

use serde::Serialize;
use time::OffsetDateTime;
use utoipa::ToSchema;

/// An instant as shown to people: RFC 3339 in Asia/Seoul (+09:00).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[schema(value_type = String, format = DateTime, example = "2026-12-10T18:00:00+09:00")]
pub struct SeoulTime(#[serde(with = "time::serde::rfc3339")] pub OffsetDateTime);

impl From<OffsetDateTime> for SeoulTime {
    fn from(instant: OffsetDateTime) -> Self {
        SeoulTime(instant.to_offset(domain::SEOUL))
    }
}

impl std::fmt::Display for SeoulTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use time::format_description::well_known::Rfc3339;
        let text = self.0.format(&Rfc3339).map_err(|_| std::fmt::Error)?;
        f.write_str(&text)
    }
}

/// The weekday codes used on the wire, Monday first.
pub const WEEKDAY_CODES: [(time::Weekday, &str); 7] = [
    (time::Weekday::Monday, "mon"),
    (time::Weekday::Tuesday, "tue"),
    (time::Weekday::Wednesday, "wed"),
    (time::Weekday::Thursday, "thu"),
    (time::Weekday::Friday, "fri"),
    (time::Weekday::Saturday, "sat"),
    (time::Weekday::Sunday, "sun"),
];

/// The codes of the days in `days`, Monday first.
pub fn weekday_codes(days: domain::calendar::WeekdaySet) -> Vec<&'static str> {
    WEEKDAY_CODES
        .into_iter()
        .filter(|(day, _)| days.contains(*day))
        .map(|(_, code)| code)
        .collect()
}

/// A local time as `HH:MM`.
pub fn hh_mm(time: time::Time) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}
