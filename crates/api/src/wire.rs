//! Wire types shared by several resources: request items and itineraries, and the
//! rendering of instants in Seoul time.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

use crate::routes::fit::FitRequest;

/// One item to quote or order.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemRequest {
    /// The product.
    pub product_id: i64,
    /// How many units (1 to 20).
    pub quantity: i64,
    /// `{group_code: value_code}` (or the text for a text group such as a monogram);
    /// omitted groups take their default.
    #[serde(default)]
    pub options: BTreeMap<String, String>,
    /// The traveller's fitting, as for `POST /api/v1/products/{id}/fit`: the server runs
    /// it again and the workshop receives the measurements with the recommended size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fitting: Option<FitRequest>,
}

/// The traveller's trip.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ItineraryRequest {
    /// Landing in Korea, RFC 3339.
    #[serde(with = "time::serde::rfc3339")]
    pub arrival: OffsetDateTime,
    /// Flying home, RFC 3339.
    #[serde(with = "time::serde::rfc3339")]
    pub departure: OffsetDateTime,
    /// The pickup counter.
    pub counter_id: i64,
}

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
