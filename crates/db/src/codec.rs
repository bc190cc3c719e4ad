//! Conversions between stored column values and domain values.

use sea_orm::prelude::Json;
use time::{Time, UtcOffset};

use domain::language::{Language, LocalizedText};

use crate::Error;

/// Reads a `{"en": …, "ko": …}` JSON column; English is required.
pub(crate) fn localized(json: &Json) -> Result<LocalizedText, Error> {
    let map = json
        .as_object()
        .ok_or_else(|| Error::Corrupt("texts are not an object".into()))?;
    let english = map
        .get("en")
        .and_then(Json::as_str)
        .ok_or_else(|| Error::Corrupt("texts have no English version".into()))?;
    let mut text = LocalizedText::new(english);
    for (code, value) in map {
        if let (Ok(language), Some(value)) = (code.parse::<Language>(), value.as_str()) {
            text.set(language, value);
        }
    }
    Ok(text)
}

/// Writes texts as a `{"en": …, "ko": …}` JSON value.
pub(crate) fn localized_json(text: &LocalizedText) -> Json {
    let map = text
        .entries()
        .map(|(l, t)| (l.code().to_owned(), Json::from(t)))
        .collect();
    Json::Object(map)
}

/// Parses a stored `HH:MM` local time.
pub(crate) fn clock(text: &str) -> Result<Time, Error> {
    let (hours, minutes) = text
        .split_once(':')
        .ok_or_else(|| Error::Corrupt(format!("time {text:?}")))?;
    let parse = |part: &str| {
        part.parse::<u8>()
            .map_err(|_| Error::Corrupt(format!("time {text:?}")))
    };
    Time::from_hms(parse(hours)?, parse(minutes)?, 0)
        .map_err(|_| Error::Corrupt(format!("time {text:?}")))
}

/// Formats a local time as `HH:MM`.
pub(crate) fn clock_text(time: Time) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// Parses a stored offset in minutes.
pub(crate) fn offset(minutes: i32) -> Result<UtcOffset, Error> {
    UtcOffset::from_whole_seconds(minutes.saturating_mul(60))
        .map_err(|_| Error::Corrupt(format!("utc offset {minutes}")))
}

/// A stored number that must fit a narrower unsigned type.
pub(crate) fn narrow<T: TryFrom<i64>>(value: impl Into<i64>, what: &str) -> Result<T, Error> {
    let value = value.into();
    T::try_from(value).map_err(|_| Error::Corrupt(format!("{what} {value} out of range")))
}
