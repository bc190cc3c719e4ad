//! The workshop's side: its production tickets, moving them, and reporting delays.
//! Every handler checks that the caller is staff of a workshop and only ever touches
//! that workshop's tickets; another workshop's ticket answers 404.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query};
use axum::response::Response;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use db::orders::StoredOrder;
use db::tickets::{TicketChange, TicketRecord};
use domain::ticket::{TicketStatus, ticket_number};

use super::State;
use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;
use crate::fulfilment::{delay_ticket, move_ticket, workshop_ticket};
use crate::previews::{self, PreviewQuery};
use crate::routes::fit::{AdjustmentView, AdviceView, FitInput, ItemFitting, SourceInput};
use crate::wire::SeoulTime;

/// A production ticket as the workshop sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct TicketView {
    pub id: i32,
    /// The printed number, e.g. `T000042`.
    pub number: String,
    pub order_id: String,
    /// `queued`, `accepted`, `declined`, `in_production`, `quality_check`, `ready`,
    /// `dispatched`, `received` or `cancelled`.
    pub status: &'static str,
    /// The statuses the workshop may move it to now.
    pub allowed: Vec<&'static str>,
    /// When it must leave the workshop.
    pub due_at: SeoulTime,
    /// Whether its order may miss the pickup deadline.
    pub at_risk: bool,
    /// The counter it goes to.
    pub counter_id: i32,
    /// The traveller's last pickup moment.
    pub pickup_deadline: SeoulTime,
    pub product_id: i64,
    pub quantity: u16,
    /// The full configuration `{group: value}`.
    pub options: BTreeMap<String, String>,
    pub notes: String,
    /// What to make it to, when the traveller sent a fitting with the order.
    pub fitting: Option<TicketFitting>,
}

/// What the workshop makes an item to: the traveller's measurements with their unit and
/// source, the recommended base size with the confidence, and the made-to-measure
/// adjustments of that size.
#[derive(Debug, Serialize, ToSchema)]
pub struct TicketFitting {
    /// `body` (the traveller's measurements) or `reference_garment` (a garment that
    /// fits, laid flat: chest, waist and hip are half the girth).
    pub compared_with: String,
    /// `slim`, `regular` or `relaxed`.
    pub fit: &'static str,
    /// As the traveller gave them.
    pub measurements: Vec<TicketMeasurement>,
    /// The recommended base size (a `size` value, or the KS pattern size).
    pub size: String,
    /// The next best size.
    pub runner_up: Option<String>,
    /// 0 to 1.
    pub confidence: f32,
    /// Alterations of the base size, in cm (made-to-measure only).
    pub adjustments: Vec<AdjustmentView>,
    /// What the engine advised, e.g. `custom-pattern` when an alteration is over its cap.
    pub advice: Vec<AdviceView>,
}

/// One measurement as the traveller gave it.
#[derive(Debug, Serialize, ToSchema)]
pub struct TicketMeasurement {
    /// `chest`, `waist`, `foot_length`, …
    pub point: String,
    pub value: f64,
    /// `cm` or `in`.
    pub unit: &'static str,
    /// `tape` (measured with a tape), `garment` (taken from a garment) or `estimate`.
    pub source: &'static str,
}

/// A ticket with its history.
#[derive(Debug, Serialize, ToSchema)]
pub struct TicketDetail {
    #[serde(flatten)]
    pub ticket: TicketView,
    pub history: Vec<TicketChangeView>,
}

/// One recorded change of a ticket.
#[derive(Debug, Serialize, ToSchema)]
pub struct TicketChangeView {
    pub from: Option<&'static str>,
    pub to: &'static str,
    pub actor: String,
    pub note: String,
    pub at: SeoulTime,
}

/// A move of a ticket.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusRequest {
    /// The new status.
    pub status: String,
    /// Why (shown in the history; for a decline, the reason).
    #[serde(default)]
    pub note: Option<String>,
}

/// A delay report.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DelayRequest {
    /// How many working days production slips (1 to 30).
    pub working_days: i64,
    /// Why.
    pub note: String,
}

/// The workshop's tickets: at-risk first, then by due time.
#[utoipa::path(get, path = "/api/v1/workshop/tickets", tag = "workshop", security(("staff_session" = [])),
    responses((status = 200, body = [TicketView]), (status = 401, body = crate::error::Problem),
              (status = 403, body = crate::error::Problem)))]
pub(super) async fn list_tickets(state: State, staff: Staff) -> ApiResult<Json<Vec<TicketView>>> {
    let workshop = staff.workshop()?;
    let tickets = db::tickets::for_workshop(&state.db, workshop).await?;
    let mut orders: BTreeMap<String, StoredOrder> = BTreeMap::new();
    let mut views = Vec::with_capacity(tickets.len());
    for ticket in &tickets {
        if !orders.contains_key(&ticket.order_id) {
            let order = order_of(&state, ticket).await?;
            orders.insert(ticket.order_id.clone(), order);
        }
        views.push(ticket_view(ticket, &orders[&ticket.order_id])?);
    }
    Ok(Json(views))
}

/// One ticket with its history.
#[utoipa::path(get, path = "/api/v1/workshop/tickets/{id}", tag = "workshop", security(("staff_session" = [])),
    params(("id" = i32, Path)),
    responses((status = 200, body = TicketDetail), (status = 404, body = crate::error::Problem)))]
pub(super) async fn get_ticket(
    state: State,
    staff: Staff,
    Path(id): Path<String>,
) -> ApiResult<Json<TicketDetail>> {
    let workshop = staff.workshop()?;
    let ticket = workshop_ticket(&state, parse_id(&id)?, workshop).await?;
    Ok(Json(detail(&state, &ticket).await?))
}

/// Moves a ticket to its next status. A decline re-plans the item into another slot of
/// this workshop when the pickup deadline still holds, or declines the order.
#[utoipa::path(post, path = "/api/v1/workshop/tickets/{id}/status", tag = "workshop", security(("staff_session" = [])),
    params(("id" = i32, Path)), request_body = StatusRequest,
    responses((status = 200, body = TicketDetail), (status = 404, body = crate::error::Problem),
              (status = 409, description = "Not allowed from the current status", body = crate::error::Problem)))]
pub(super) async fn change_status(
    state: State,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<StatusRequest>,
) -> ApiResult<Json<TicketDetail>> {
    let workshop = staff.workshop()?;
    let id = parse_id(&id)?;
    workshop_ticket(&state, id, workshop).await?;
    let to: TicketStatus = request
        .status
        .parse()
        .map_err(|e| ApiError::from_domain(e, "/status"))?;
    let note = request.note.unwrap_or_default();
    let ticket = move_ticket(&state, id, workshop, to, &staff.actor(), note.trim()).await?;
    Ok(Json(detail(&state, &ticket).await?))
}

/// Reports that a ticket's production slips by some working days. The item is re-planned
/// into free capacity that much later; its order is flagged at risk (for the operator and
/// the traveller) when it may now miss the pickup deadline.
#[utoipa::path(post, path = "/api/v1/workshop/tickets/{id}/delay", tag = "workshop", security(("staff_session" = [])),
    params(("id" = i32, Path)), request_body = DelayRequest,
    responses((status = 200, body = TicketDetail), (status = 404, body = crate::error::Problem),
              (status = 409, body = crate::error::Problem), (status = 422, body = crate::error::Problem)))]
pub(super) async fn report_delay(
    state: State,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<DelayRequest>,
) -> ApiResult<Json<TicketDetail>> {
    let workshop = staff.workshop()?;
    let id = parse_id(&id)?;
    workshop_ticket(&state, id, workshop).await?;
    let days = u16::try_from(request.working_days)
        .ok()
        .filter(|d| (1..=30).contains(d))
        .ok_or_else(|| {
            ApiError::invalid(
                "invalid-field",
                "/working_days",
                "a delay is 1 to 30 working days",
            )
        })?;
    let ticket = delay_ticket(
        &state,
        id,
        workshop,
        days,
        &staff.actor(),
        request.note.trim(),
    )
    .await?;
    Ok(Json(detail(&state, &ticket).await?))
}

/// The ticket's item drawn in the materials chosen, by the renderer the widget runs: a
/// PNG, 512 pixels square unless `size` asks otherwise.
#[utoipa::path(get, path = "/api/v1/workshop/tickets/{id}/preview.png", tag = "workshop", security(("staff_session" = [])),
    params(("id" = i32, Path), PreviewQuery),
    responses((status = 200, description = "The picture; `Cache-Control: private, max-age=300`",
               body = Vec<u8>, content_type = "image/png"),
              (status = 404, description = "Not this workshop's ticket, or a product without a picture",
               body = crate::error::Problem),
              (status = 422, description = "`size` is not 64 to 1080", body = crate::error::Problem)))]
pub(super) async fn ticket_preview(
    state: State,
    staff: Staff,
    Path(id): Path<String>,
    query: Result<Query<PreviewQuery>, QueryRejection>,
) -> ApiResult<Response> {
    let workshop = staff.workshop()?;
    let size = previews::size(query)?;
    let ticket = workshop_ticket(&state, parse_id(&id)?, workshop).await?;
    let order = order_of(&state, &ticket).await?;
    let item = order
        .items
        .iter()
        .find(|item| item.id == ticket.order_item_id)
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("ticket {} has no item", ticket.id)))?;
    previews::png(&state, item.terms.product_id, &item.terms.options, size).await
}

/// A ticket id from the path (`42` or the printed `T000042`); anything else is 404.
pub(crate) fn parse_id(text: &str) -> ApiResult<i32> {
    domain::ticket::parse_ticket_number(text)
        .and_then(|id| i32::try_from(id).ok())
        .ok_or(ApiError::NotFound("ticket"))
}

pub(crate) async fn order_of(state: &AppState, ticket: &TicketRecord) -> ApiResult<StoredOrder> {
    db::orders::find(&state.db, &ticket.order_id)
        .await?
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("ticket {} has no order", ticket.id)))
}

pub(crate) async fn detail(state: &AppState, ticket: &TicketRecord) -> ApiResult<TicketDetail> {
    let order = order_of(state, ticket).await?;
    let history = db::tickets::history(&state.db, ticket.id).await?;
    Ok(TicketDetail {
        ticket: ticket_view(ticket, &order)?,
        history: history.iter().map(change_view).collect(),
    })
}

pub(crate) fn ticket_view(ticket: &TicketRecord, order: &StoredOrder) -> ApiResult<TicketView> {
    let item = order
        .items
        .iter()
        .find(|item| item.id == ticket.order_item_id)
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("ticket {} has no item", ticket.id)))?;
    Ok(TicketView {
        id: ticket.id,
        number: ticket_number(ticket.id.into()),
        order_id: ticket.order_id.clone(),
        status: ticket.status.code(),
        allowed: ticket
            .status
            .next_for_workshop()
            .iter()
            .map(|s| s.code())
            .collect(),
        due_at: ticket.due_at.into(),
        at_risk: ticket.at_risk,
        counter_id: ticket.counter_id,
        pickup_deadline: order.terms.trip.pickup_deadline.into(),
        product_id: item.terms.product_id.0,
        quantity: item.terms.quantity,
        options: item.terms.options.clone(),
        notes: ticket.notes.clone(),
        fitting: ItemFitting::stored(item.fitting.as_ref())?.map(ticket_fitting),
    })
}

fn ticket_fitting(fitting: ItemFitting) -> TicketFitting {
    let ItemFitting { request, result } = fitting;
    let body = request.measurements.iter().flatten().map(|(point, m)| {
        let source = m.source.unwrap_or(SourceInput::Tape);
        (point, m.value, m.unit, source)
    });
    let garment = request
        .reference_garment
        .iter()
        .flatten()
        .map(|(point, m)| (point, m.value, m.unit, SourceInput::Garment));
    let measurements = body
        .chain(garment)
        .map(|(point, value, unit, source)| TicketMeasurement {
            point: point.clone(),
            value,
            unit: unit.code(),
            source: source.code(),
        })
        .collect();
    TicketFitting {
        compared_with: result.compared_with,
        fit: request.fit.unwrap_or(FitInput::Regular).code(),
        measurements,
        size: result.size,
        runner_up: result.runner_up,
        confidence: result.confidence,
        adjustments: result.adjustments,
        advice: result.advice,
    }
}

fn change_view(change: &TicketChange) -> TicketChangeView {
    TicketChangeView {
        from: change.from.map(TicketStatus::code),
        to: change.to.code(),
        actor: change.actor.clone(),
        note: change.note.clone(),
        at: change.at.into(),
    }
}
