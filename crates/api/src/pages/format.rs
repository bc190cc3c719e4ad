//! Times, statuses and configurations in words, as staff read them.

use std::collections::BTreeMap;

use time::macros::format_description;
use time::{Duration, OffsetDateTime};

use db::catalogue::ProductRecord;
use domain::SEOUL;
use domain::catalogue::OptionKind;
use domain::language::Language;
use domain::ticket::TicketStatus;

/// An instant in Seoul: `Tue 8 Dec 2026, 18:00`.
pub(super) fn seoul(instant: OffsetDateTime) -> String {
    let format = format_description!(
        "[weekday repr:short] [day padding:none] [month repr:short] [year], [hour]:[minute]"
    );
    instant
        .to_offset(SEOUL)
        .format(format)
        .unwrap_or_else(|_| instant.to_string())
}

/// A date: `Tue 8 Dec 2026`.
pub(super) fn date(day: time::Date) -> String {
    let format =
        format_description!("[weekday repr:short] [day padding:none] [month repr:short] [year]");
    day.format(format).unwrap_or_else(|_| day.to_string())
}

/// How far `instant` is from `now`: `in 3 days`, `in 5 hours`, `2 hours overdue`.
pub(super) fn relative(instant: OffsetDateTime, now: OffsetDateTime) -> String {
    let gap = instant - now;
    let words = |gap: Duration| {
        let (count, unit) = if gap.whole_days() >= 2 {
            (gap.whole_days(), "day")
        } else if gap.whole_hours() >= 1 {
            (gap.whole_hours(), "hour")
        } else {
            (gap.whole_minutes().max(1), "minute")
        };
        let plural = if count == 1 { "" } else { "s" };
        format!("{count} {unit}{plural}")
    };
    if gap.is_negative() {
        format!("{} overdue", words(-gap))
    } else {
        format!("in {}", words(gap))
    }
}

/// A status for people: `In production`.
pub(super) fn status(status: TicketStatus) -> &'static str {
    match status {
        TicketStatus::Queued => "Queued",
        TicketStatus::Accepted => "Accepted",
        TicketStatus::Declined => "Declined",
        TicketStatus::InProduction => "In production",
        TicketStatus::QualityCheck => "Quality check",
        TicketStatus::Ready => "Ready",
        TicketStatus::Dispatched => "Dispatched",
        TicketStatus::Received => "Received at the counter",
        TicketStatus::Cancelled => "Cancelled",
    }
}

/// A status code (as the API writes it) for people; unknown codes as they are.
pub(super) fn status_code(code: &str) -> String {
    code.parse::<TicketStatus>()
        .map_or_else(|_| code.to_owned(), |s| status(s).to_owned())
}

/// The button that moves a ticket from `from` to `to`.
pub(super) fn action(from: TicketStatus, to: TicketStatus) -> &'static str {
    match (from, to) {
        (_, TicketStatus::Accepted) => "Accept",
        (_, TicketStatus::Declined) => "Decline",
        (TicketStatus::QualityCheck, TicketStatus::InProduction) => "Back to production",
        (_, TicketStatus::InProduction) => "Start production",
        (_, TicketStatus::QualityCheck) => "Send to quality check",
        (_, TicketStatus::Ready) => "Passed: mark ready",
        (_, TicketStatus::Dispatched) => "Dispatch to the counter",
        (_, other) => status(other),
    }
}

/// Whether the workshop may still report a delay in this status (as `fulfilment` allows).
pub(super) fn can_delay(status: TicketStatus) -> bool {
    matches!(
        status,
        TicketStatus::Queued
            | TicketStatus::Accepted
            | TicketStatus::InProduction
            | TicketStatus::QualityCheck
    )
}

/// Working minutes as hours: `8 h`, `7.5 h`.
pub(super) fn hours(minutes: u32) -> String {
    if minutes.is_multiple_of(60) {
        format!("{} h", minutes / 60)
    } else {
        format!("{:.1} h", f64::from(minutes) / 60.0)
    }
}

/// A point of measure for people: `foot_length` → `Foot length`.
pub(super) fn point(code: &str) -> String {
    let words = code.replace('_', " ");
    let mut chars = words.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Where a measurement came from, for people.
pub(super) fn source(code: &str) -> &str {
    match code {
        "tape" => "tape-measured",
        "garment" => "from a garment",
        "estimate" => "estimated",
        other => other,
    }
}

/// A length alteration with its sign: `+2.0 cm`, `−1.5 cm`.
pub(super) fn alteration(cm: f64) -> String {
    if cm < 0.0 {
        format!("−{:.1} cm", -cm)
    } else {
        format!("+{cm:.1} cm")
    }
}

/// One line of a configuration: the group's label and the chosen value's label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ConfigLine {
    pub group: String,
    pub value: String,
}

/// A stored configuration `{group: value}` in the catalogue's words and order: choice
/// values by their label, texts (a monogram) as written; groups the catalogue no longer
/// knows keep their codes.
pub(super) fn configuration(
    product: Option<&ProductRecord>,
    options: &BTreeMap<String, String>,
    language: Language,
) -> Vec<ConfigLine> {
    let mut lines = Vec::new();
    let mut shown = Vec::new();
    if let Some(product) = product {
        for (group, labels) in product
            .product
            .option_groups
            .iter()
            .zip(&product.group_labels)
        {
            let Some(value) = options.get(&group.code) else {
                continue;
            };
            shown.push(group.code.as_str());
            let value = match &group.kind {
                OptionKind::Choice { .. } => labels
                    .values
                    .iter()
                    .find(|(code, _)| code == value)
                    .map_or_else(
                        || value.clone(),
                        |(_, label)| label.get(language).to_owned(),
                    ),
                OptionKind::Text(_) if value.trim().is_empty() => "none".to_owned(),
                OptionKind::Text(_) => format!("“{value}”"),
            };
            lines.push(ConfigLine {
                group: labels.labels.get(language).to_owned(),
                value,
            });
        }
    }
    for (group, value) in options {
        if !shown.contains(&group.as_str()) {
            lines.push(ConfigLine {
                group: group.clone(),
                value: value.clone(),
            });
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn instants_read_in_seoul_time() {
        assert_eq!(
            seoul(datetime!(2026-12-08 09:00 UTC)),
            "Tue 8 Dec 2026, 18:00"
        );
        assert_eq!(
            seoul(datetime!(2026-12-31 15:30 UTC)),
            "Fri 1 Jan 2027, 00:30"
        );
    }

    #[test]
    fn relative_times_round_down_and_say_overdue() {
        let now = datetime!(2026-12-01 01:00 UTC);
        assert_eq!(relative(now + Duration::days(3), now), "in 3 days");
        assert_eq!(relative(now + Duration::hours(30), now), "in 30 hours");
        assert_eq!(relative(now + Duration::hours(1), now), "in 1 hour");
        assert_eq!(relative(now + Duration::seconds(20), now), "in 1 minute");
        assert_eq!(relative(now - Duration::hours(2), now), "2 hours overdue");
    }

    #[test]
    fn fitting_words() {
        assert_eq!(point("foot_length"), "Foot length");
        assert_eq!(point("chest"), "Chest");
        assert_eq!(source("estimate"), "estimated");
        assert_eq!(alteration(2.0), "+2.0 cm");
        assert_eq!(alteration(-1.5), "−1.5 cm");
    }

    #[test]
    fn hours_show_halves() {
        assert_eq!(hours(480), "8 h");
        assert_eq!(hours(450), "7.5 h");
    }

    #[test]
    fn every_workshop_move_has_a_button() {
        for from in TicketStatus::ALL {
            for to in from.next_for_workshop() {
                assert!(!action(from, *to).is_empty());
            }
        }
        assert_eq!(
            action(TicketStatus::QualityCheck, TicketStatus::InProduction),
            "Back to production"
        );
    }
}
