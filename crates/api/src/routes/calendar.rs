//! The workshop's calendar: reading it, closing a day (which re-plans what was reserved
//! on it and flags orders at risk) and opening it again.

use axum::Json;
use axum::extract::Path;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use time::Date;
use utoipa::ToSchema;

use crate::auth::Staff;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;
use crate::extract::State;
use crate::processes::calendar::{self, close_day};
use crate::wire::{SeoulTime, WEEKDAY_CODES, hh_mm, weekday_codes};

/// A workshop's working calendar.
#[derive(Debug, Serialize, ToSchema)]
pub struct CalendarView {
    /// Working weekdays, `mon` … `sun`.
    pub working_days: Vec<&'static str>,
    /// Production capacity of a working day, in minutes.
    pub minutes_per_day: u32,
    /// When the working day ends, `HH:MM` (Asia/Seoul).
    pub closes_at: String,
    /// Closed days from today on.
    pub closed_days: Vec<ClosedDay>,
}

/// A day the workshop does not work.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ClosedDay {
    /// The day, `YYYY-MM-DD`.
    pub day: Date,
    /// Why, e.g. "Seollal" or "owner's vacation".
    pub name: String,
}

/// What closing a day moved.
#[derive(Debug, Serialize, ToSchema)]
pub struct ClosingResult {
    pub calendar: CalendarView,
    /// Items that were reserved on the day and now have new production days.
    pub moved: Vec<MovedItem>,
}

/// An item moved by closing a day.
#[derive(Debug, Serialize, ToSchema)]
pub struct MovedItem {
    pub order_id: String,
    /// Its printed ticket number, if the order is confirmed.
    pub ticket: Option<String>,
    pub ready_by: SeoulTime,
    /// Whether the order may now miss its pickup deadline.
    pub at_risk: bool,
}

/// A new weekly pattern.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PatternRequest {
    /// Working weekdays, `mon` … `sun`.
    pub working_days: Vec<String>,
    /// Production capacity of a working day, in minutes (0 to 1440).
    pub minutes_per_day: u32,
    /// When the working day ends, `HH:MM` (Asia/Seoul).
    pub closes_at: String,
}

/// Changes the weekly pattern (working days, hours per day, closing time). Refused with
/// the days concerned when a reserved day would no longer have room: close those days
/// first (which re-plans what is on them). Plans already made keep their ready-by times.
#[utoipa::path(put, path = "/api/v1/workshop/calendar", tag = "workshop", security(("staff_session" = [])),
    request_body = PatternRequest,
    responses((status = 200, body = CalendarView), (status = 409, body = crate::error::Problem),
              (status = 422, body = crate::error::Problem)))]
pub(super) async fn set_pattern(
    state: State,
    staff: Staff,
    ApiJson(request): ApiJson<PatternRequest>,
) -> ApiResult<Json<CalendarView>> {
    let workshop = staff.workshop()?;
    let pattern = pattern_of(&request)?;
    calendar::change_pattern(&state, workshop, pattern).await?;
    Ok(Json(calendar_view(&state, workshop).await?))
}

fn pattern_of(request: &PatternRequest) -> ApiResult<db::calendar::WeeklyPattern> {
    let mut days = Vec::new();
    for (index, code) in request.working_days.iter().enumerate() {
        let day = WEEKDAY_CODES
            .iter()
            .find(|(_, c)| *c == code.as_str())
            .map(|(d, _)| *d)
            .ok_or_else(|| {
                ApiError::invalid(
                    "invalid-field",
                    format!("/working_days/{index}"),
                    format!("{code:?} is not mon … sun"),
                )
            })?;
        days.push(day);
    }
    if request.minutes_per_day > 24 * 60 {
        return Err(ApiError::invalid(
            "invalid-field",
            "/minutes_per_day",
            "a day has at most 1440 minutes",
        ));
    }
    let format = time::macros::format_description!("[hour]:[minute]");
    let closes_at = time::Time::parse(&request.closes_at, format).map_err(|_| {
        ApiError::invalid(
            "invalid-field",
            "/closes_at",
            "give the closing time as HH:MM",
        )
    })?;
    Ok(db::calendar::WeeklyPattern {
        working_days: domain::calendar::WeekdaySet::of(&days),
        minutes_per_day: domain::calendar::WorkMinutes::new(request.minutes_per_day),
        closes_at,
    })
}

/// The signed-in workshop's calendar.
#[utoipa::path(get, path = "/api/v1/workshop/calendar", tag = "workshop", security(("staff_session" = [])),
    responses((status = 200, body = CalendarView), (status = 403, body = crate::error::Problem)))]
pub(super) async fn get_calendar(state: State, staff: Staff) -> ApiResult<Json<CalendarView>> {
    let workshop = staff.workshop()?;
    Ok(Json(calendar_view(&state, workshop).await?))
}

/// Closes the workshop on a future day. Every item reserved on it is re-planned into free
/// capacity; orders that may now miss their pickup deadline are flagged at risk.
#[utoipa::path(post, path = "/api/v1/workshop/calendar/closed-days", tag = "workshop",
    security(("staff_session" = [])), request_body = ClosedDay,
    responses((status = 201, body = ClosingResult), (status = 409, body = crate::error::Problem),
              (status = 422, body = crate::error::Problem)))]
pub(super) async fn close(
    state: State,
    staff: Staff,
    ApiJson(request): ApiJson<ClosedDay>,
) -> ApiResult<(StatusCode, Json<ClosingResult>)> {
    let workshop = staff.workshop()?;
    let name = request.name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(ApiError::invalid(
            "invalid-field",
            "/name",
            "say why the workshop closes (1 to 100 characters)",
        ));
    }
    let moved = close_day(&state, workshop, request.day, name, &staff.actor()).await?;
    let moved = moved
        .into_iter()
        .map(|m| MovedItem {
            order_id: m.order_id.to_string(),
            ticket: m.ticket_id.map(|id| id.number()),
            ready_by: m.ready_by.into(),
            at_risk: m.at_risk,
        })
        .collect();
    let calendar = calendar_view(&state, workshop).await?;
    Ok((StatusCode::CREATED, Json(ClosingResult { calendar, moved })))
}

/// Opens the workshop again on a closed day.
#[utoipa::path(delete, path = "/api/v1/workshop/calendar/closed-days/{day}", tag = "workshop",
    security(("staff_session" = [])), params(("day" = String, Path, description = "YYYY-MM-DD")),
    responses((status = 204), (status = 404, body = crate::error::Problem)))]
pub(super) async fn reopen(
    state: State,
    staff: Staff,
    Path(day): Path<String>,
) -> ApiResult<StatusCode> {
    let workshop = staff.workshop()?;
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let day = Date::parse(&day, format).map_err(|_| ApiError::NotFound("closed day"))?;
    calendar::reopen_day(&state, workshop, day).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn calendar_view(
    state: &crate::AppState,
    workshop: domain::catalogue::WorkshopId,
) -> ApiResult<CalendarView> {
    let workshops = db::catalogue::planning_workshops(&state.db).await?;
    let calendar = &workshops
        .get(&workshop)
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("workshop {} is gone", workshop.0)))?
        .calendar;
    let today = state.clock.now().to_offset(domain::SEOUL).date();
    let closed = db::calendar::holidays(&state.db, workshop, today).await?;
    Ok(CalendarView {
        working_days: weekday_codes(calendar.working_days),
        minutes_per_day: calendar.minutes_per_day.get(),
        closes_at: hh_mm(calendar.closes_at),
        closed_days: closed
            .into_iter()
            .map(|(day, name)| ClosedDay { day, name })
            .collect(),
    })
}
