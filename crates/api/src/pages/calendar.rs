//! The workshop's calendar as its staff read it: the working week, a day's capacity and
//! closing time, and the next 90 days month by month with the holidays and the hours
//! already booked.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use axum::extract::State;
use maud::{Markup, html};
use time::{Date, Duration, Month, Weekday};

use domain::calendar::WorkshopCalendar;
use domain::schedule::DayLoad;

use super::error::{PageResult, PageStaff};
use super::format;
use super::i18n::StaffLang;
use super::layout::{self, Nav};
use crate::AppState;
use crate::error::ApiError;
use crate::extract::Negotiated;

/// How far ahead the calendar looks (the booking horizon).
const DAYS_AHEAD: i64 = 90;

const WEEK: [Weekday; 7] = [
    Weekday::Monday,
    Weekday::Tuesday,
    Weekday::Wednesday,
    Weekday::Thursday,
    Weekday::Friday,
    Weekday::Saturday,
    Weekday::Sunday,
];

const STYLE: &str = r#"
.month{margin:.75rem 0}
.month h3{font-size:1rem;margin:.25rem 0 .4rem}
.days{display:grid;grid-template-columns:repeat(7,1fr);gap:3px}
.days .wd{font-size:.72rem;color:var(--muted);text-align:center;font-weight:600}
.day{min-height:3rem;border-radius:6px;padding:.2rem .25rem;background:#fff;border:1px solid var(--line);font-size:.8rem;display:flex;flex-direction:column;justify-content:space-between}
.day .n{font-weight:700}
.day .b{font-size:.68rem;color:var(--muted);white-space:nowrap;overflow:hidden}
.day.off{background:#eef0f3;color:#8a939d}
.day.holiday{background:#fdecea;border-color:#f3b8b3;color:var(--risk)}
.day.holiday .b{color:var(--risk)}
.day.full{background:#fff4d6}
.day.today{outline:2px solid var(--accent);outline-offset:-2px}
.day.out{visibility:hidden}
.legend{display:flex;flex-wrap:wrap;gap:.4rem .9rem;font-size:.8rem;margin:.4rem 0}
.legend span::before{content:"";display:inline-block;width:.8rem;height:.8rem;border-radius:3px;margin-right:.3rem;vertical-align:-.1rem;border:1px solid var(--line);background:var(--sw)}
ul.holidays{padding-left:1.1rem;margin:.3rem 0}
"#;

/// `GET /workshop/calendar`.
pub(super) async fn page(
    State(state): State<Arc<AppState>>,
    Negotiated(language): Negotiated,
    PageStaff(staff): PageStaff,
) -> PageResult<Markup> {
    let workshop = staff.workshop()?;
    let records = db::catalogue::workshops(&state.db).await?;
    let record = records
        .into_iter()
        .find(|w| w.workshop.id == workshop)
        .ok_or(ApiError::NotFound("workshop"))?;
    let calendar = &record.workshop.calendar;
    let today = calendar.local_date(state.clock.now());
    let last = today + Duration::days(DAYS_AHEAD - 1);
    let named: BTreeMap<Date, String> = db::calendar::holidays(&state.db, workshop, today)
        .await?
        .into_iter()
        .filter(|(day, _)| *day <= last)
        .collect();
    let loads = db::capacity::day_loads(&state.db, &BTreeSet::from([workshop]), today).await?;
    let load = loads.get(&workshop).cloned().unwrap_or_default();
    let name = record.names.get(language).to_owned();
    let nav = Nav::workshop(&staff.0.email, &name, "/workshop/calendar");
    let working: Vec<&str> = WEEK
        .iter()
        .filter(|d| calendar.working_days.contains(**d))
        .map(|d| short(*d))
        .collect();
    let holidays: Vec<Date> = calendar.holidays.range(today..=last).copied().collect();
    let offset = calendar.offset.whole_hours();
    let body = html! {
        style { (maud::PreEscaped(STYLE)) }
        h1 { "Calendar" }
        section.card {
            dl.facts {
                dt { "Working days" } dd { (working.join(", ")) }
                dt { "Capacity" } dd { (format::hours(calendar.minutes_per_day.get())) " per working day (" (calendar.minutes_per_day.get()) " min)" }
                dt { "Closes at" } dd { (crate::wire::hh_mm(calendar.closes_at)) " (UTC" (if offset >= 0 { "+" } else { "" }) (offset) ")" }
            }
        }
        section.card {
            h2 { "Holidays in the next " (DAYS_AHEAD) " days" }
            @if holidays.is_empty() {
                p.empty { "No holidays before " (format::date(last)) "." }
            } @else {
                ul.holidays {
                    @for day in &holidays {
                        li { (format::date(*day)) @if let Some(name) = named.get(day).filter(|n| !n.is_empty()) { ": " (name) } }
                    }
                }
            }
        }
        section.card {
            h2 { "Next " (DAYS_AHEAD) " days" }
            div.legend {
                span style="--sw:#fff" { "working day (hours booked)" }
                span style="--sw:#fff4d6" { "fully booked" }
                span style="--sw:#eef0f3" { "day off" }
                span style="--sw:#fdecea" { "holiday" }
            }
            @for (year, month) in months(today, last) {
                (month_grid(calendar, &load, year, month, today, last))
            }
        }
    };
    Ok(layout::page(
        StaffLang::En,
        "/workshop/calendar",
        "Calendar",
        Some(&nav),
        body,
    ))
}

/// The `(year, month)`s from `first` to `last`.
fn months(first: Date, last: Date) -> Vec<(i32, Month)> {
    let mut months = Vec::new();
    let (mut year, mut month) = (first.year(), first.month());
    while (year, month as u8) <= (last.year(), last.month() as u8) {
        months.push((year, month));
        if month == Month::December {
            year += 1;
        }
        month = month.next();
    }
    months
}

fn month_grid(
    calendar: &WorkshopCalendar,
    load: &DayLoad,
    year: i32,
    month: Month,
    today: Date,
    last: Date,
) -> Markup {
    let Ok(first) = Date::from_calendar_date(year, month, 1) else {
        return html! {};
    };
    let lead = first.weekday().number_days_from_monday();
    let days: Vec<Date> = (0..31)
        .map_while(|n| first.checked_add(Duration::days(n)))
        .take_while(|d| d.month() == month)
        .collect();
    html! {
        div.month {
            h3 { (month) " " (year) }
            div.days {
                @for day in WEEK { div.wd { (short(day)) } }
                @for _ in 0..lead { div.day.out {} }
                @for day in &days {
                    @let (class, note) = day_cell(calendar, load, *day, today, last);
                    div class=(class) title=(format::date(*day)) {
                        span.n { (day.day()) }
                        span.b { (note) }
                    }
                }
            }
        }
    }
}

/// A day's classes and its small note.
fn day_cell(
    calendar: &WorkshopCalendar,
    load: &DayLoad,
    day: Date,
    today: Date,
    last: Date,
) -> (String, String) {
    let mut class = String::from("day");
    let note;
    if day < today || day > last {
        class.push_str(" off");
        note = String::new();
    } else if calendar.holidays.contains(&day) {
        class.push_str(" holiday");
        note = "holiday".into();
    } else if !calendar.working_days.contains(day.weekday()) {
        class.push_str(" off");
        note = "off".into();
    } else {
        let capacity = calendar.minutes_per_day.get();
        let booked = load.reserved_on(day).get();
        if booked >= capacity {
            class.push_str(" full");
        }
        note = if booked == 0 {
            String::new()
        } else {
            format::hours(booked)
        };
    }
    if day == today {
        class.push_str(" today");
    }
    (class, note)
}

fn short(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "Mon",
        Weekday::Tuesday => "Tue",
        Weekday::Wednesday => "Wed",
        Weekday::Thursday => "Thu",
        Weekday::Friday => "Fri",
        Weekday::Saturday => "Sat",
        Weekday::Sunday => "Sun",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn ninety_days_span_four_months_across_a_year_end() {
        let months = months(date!(2026 - 12 - 01), date!(2027 - 02 - 28));
        assert_eq!(
            months,
            [
                (2026, Month::December),
                (2027, Month::January),
                (2027, Month::February)
            ]
        );
    }
}
