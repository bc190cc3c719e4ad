//! The workshop's side: its production tickets, moving them, and reporting delays.
//! Every handler checks that the caller is staff of a workshop and only ever touches
//! that workshop's tickets; another workshop's ticket answers 404.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query};
use serde::Deserialize;
use utoipa::ToSchema;

use domain::ticket::{Ticket, TicketId, TicketStatus};

use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;
use crate::extract::State;
use crate::processes::fulfilment::{self, ticket_order};
use crate::processes::fulfilment::{delay_ticket, move_ticket, workshop_ticket};
use crate::processes::previews;
use crate::wire::{Png, PreviewQuery, preview_size};
use crate::wire::{TicketDetail, TicketView, detail_view, ticket_view};

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
    let mut orders = BTreeMap::new();
    let mut views = Vec::with_capacity(tickets.len());
    for ticket in &tickets {
        if !orders.contains_key(&ticket.order_id) {
            let order = ticket_order(&state, ticket).await?;
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
) -> ApiResult<Png> {
    let workshop = staff.workshop()?;
    let size = preview_size(query)?;
    let ticket = workshop_ticket(&state, parse_id(&id)?, workshop).await?;
    let order = ticket_order(&state, &ticket).await?;
    let item = order
        .items
        .iter()
        .find(|item| item.id == ticket.order_item_id)
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("ticket {} has no item", ticket.id)))?;
    let png = previews::png(&state, item.terms.product_id, &item.terms.options, size).await?;
    Ok(Png(png))
}

/// A ticket id from the path (`42` or the printed `T000042`); anything else is 404.
fn parse_id(text: &str) -> ApiResult<TicketId> {
    TicketId::parse_number(text).ok_or(ApiError::NotFound("ticket"))
}

/// The ticket with its order and history, as its workshop sees it.
async fn detail(state: &AppState, ticket: &Ticket) -> ApiResult<TicketDetail> {
    let (order, history) = fulfilment::ticket_story(state, ticket).await?;
    detail_view(ticket, &order, &history)
}
