//! The counter's side over HTTP: receiving goods, looking an order up by its pickup
//! code, handing goods over, recording no-shows, and the lists of the day. The process
//! is `processes::pickup`; these handlers parse, check the counter role and answer.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query};
use axum::http::StatusCode;

use crate::auth::Staff;
use crate::error::{ApiError, ApiResult, Problem};
use crate::extract::State;
use crate::extract::{ApiJson, Negotiated};
use crate::processes::{no_show, pickup};
use crate::wire::{
    DueOrder, DueQuery, HandoverRequest, HandoverView, HeldGoodsView, IncomingTicket, PickupView,
    ReceiptRequest, ReceiptResponse,
};

/// Receives goods from the workshops: each ticket must be dispatched and bound for this
/// counter. Answers per ticket; a ticket of another counter is refused exactly like an
/// unknown one. The order moves to `at_counter` when all its items are here.
#[utoipa::path(post, path = "/api/v1/counter/receipts", tag = "counter", security(("staff_session" = [])),
    request_body = ReceiptRequest,
    responses((status = 200, body = ReceiptResponse), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 422, body = Problem)))]
pub(super) async fn receive(
    state: State,
    staff: Staff,
    ApiJson(request): ApiJson<ReceiptRequest>,
) -> ApiResult<Json<ReceiptResponse>> {
    Ok(Json(
        pickup::receive(&state, &staff, &request.ticket_ids).await?,
    ))
}

/// Looks an order up by its pickup code (any case, dashes optional) for this counter:
/// the traveller's name, the items with their tickets and whether each is at the
/// counter, the balance due and the tax refund a handover would record. An unknown code
/// and another counter's order answer the same 404.
#[utoipa::path(get, path = "/api/v1/counter/pickups/{code}", tag = "counter", security(("staff_session" = [])),
    params(("code" = String, Path, description = "The pickup code, e.g. 7KQ2-M9XA-4"),
           ("Accept-Language" = Option<String>, Header, description = "en, ko, ja or zh")),
    responses((status = 200, body = PickupView), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 404, body = Problem),
              (status = 429, description = "Too many failed look-ups; see Retry-After", body = Problem,
               headers(("Retry-After" = u64, description = "Seconds until look-ups are allowed again")))))]
pub(super) async fn lookup(
    state: State,
    staff: Staff,
    Negotiated(language): Negotiated,
    Path(code): Path<String>,
) -> ApiResult<Json<PickupView>> {
    Ok(Json(pickup::lookup(&state, &staff, &code, language).await?))
}

/// This counter's orders due for pickup today or tomorrow (Seoul time) with items at the
/// counter or on their way, by pickup deadline.
#[utoipa::path(get, path = "/api/v1/counter/pickups", tag = "counter", security(("staff_session" = [])),
    params(DueQuery, ("Accept-Language" = Option<String>, Header, description = "en, ko, ja or zh")),
    responses((status = 200, body = [DueOrder]), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 422, body = Problem)))]
pub(super) async fn list_due(
    state: State,
    staff: Staff,
    Negotiated(language): Negotiated,
    query: Result<Query<DueQuery>, QueryRejection>,
) -> ApiResult<Json<Vec<DueOrder>>> {
    staff.counter()?;
    let Query(query) = query.map_err(|e| ApiError::invalid("invalid-field", "", e.body_text()))?;
    let due = pickup::list_due(&state, &staff, query.due.as_deref(), language).await?;
    Ok(Json(due))
}

/// Tickets dispatched to this counter and not yet received, by the time they were due to
/// leave their workshop.
#[utoipa::path(get, path = "/api/v1/counter/incoming", tag = "counter", security(("staff_session" = [])),
    params(("Accept-Language" = Option<String>, Header, description = "en, ko, ja or zh")),
    responses((status = 200, body = [IncomingTicket]), (status = 401, body = Problem),
              (status = 403, body = Problem)))]
pub(super) async fn list_incoming(
    state: State,
    staff: Staff,
    Negotiated(language): Negotiated,
) -> ApiResult<Json<Vec<IncomingTicket>>> {
    Ok(Json(pickup::list_incoming(&state, &staff, language).await?))
}

/// Hands goods over: every item at the counter, or the tickets named. The traveller's
/// name and passport digits must both match the order (422 `identity-mismatch`, which
/// never says which did not). Records the goods value, the immediate tax refund and, at
/// the first handover, the balance due (`balance_method` required then); the order is
/// `picked_up` once every item is collected, also after a no-show (late pickup).
#[utoipa::path(post, path = "/api/v1/counter/pickups/{code}/handover", tag = "counter", security(("staff_session" = [])),
    params(("code" = String, Path), ("Accept-Language" = Option<String>, Header, description = "en, ko, ja or zh")),
    request_body = HandoverRequest,
    responses((status = 201, body = HandoverView), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 404, body = Problem),
              (status = 409, description = "An item is not at the counter, or the order cannot be handed over", body = Problem),
              (status = 422, description = "identity-mismatch, or a missing balance_method", body = Problem),
              (status = 429, description = "Too many failed look-ups; see Retry-After", body = Problem,
               headers(("Retry-After" = u64, description = "Seconds until look-ups are allowed again")))))]
pub(super) async fn handover(
    state: State,
    staff: Staff,
    Negotiated(language): Negotiated,
    Path(code): Path<String>,
    ApiJson(request): ApiJson<HandoverRequest>,
) -> ApiResult<(StatusCode, Json<HandoverView>)> {
    let view = pickup::handover(&state, &staff, &code, &request, language).await?;
    Ok((StatusCode::CREATED, Json(view)))
}

/// Records that the traveller did not come: allowed once the pickup deadline has passed
/// and the order is at the counter. The goods are held at the counter (30 days by
/// default); a late pickup is still a handover.
#[utoipa::path(post, path = "/api/v1/counter/pickups/{code}/no-show", tag = "counter", security(("staff_session" = [])),
    params(("code" = String, Path), ("Accept-Language" = Option<String>, Header, description = "en, ko, ja or zh")),
    responses((status = 200, body = PickupView), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 404, body = Problem),
              (status = 409, description = "Before the pickup deadline, or the order is not at the counter", body = Problem),
              (status = 429, description = "Too many failed look-ups; see Retry-After", body = Problem,
               headers(("Retry-After" = u64, description = "Seconds until look-ups are allowed again")))))]
pub(super) async fn no_show(
    state: State,
    staff: Staff,
    Negotiated(language): Negotiated,
    Path(code): Path<String>,
) -> ApiResult<Json<PickupView>> {
    Ok(Json(
        pickup::no_show(&state, &staff, &code, language).await?,
    ))
}

/// The goods this counter holds for travellers who did not come by their pickup
/// deadline, with when each holding period ends (then the goods go back to the
/// workshop), soonest first.
#[utoipa::path(get, path = "/api/v1/counter/held", tag = "counter", security(("staff_session" = [])),
    responses((status = 200, body = [HeldGoodsView]), (status = 401, body = Problem),
              (status = 403, body = Problem)))]
pub(super) async fn held(state: State, staff: Staff) -> ApiResult<Json<Vec<HeldGoodsView>>> {
    let held = no_show::held_at_counter(&state, &staff).await?;
    let now = state.clock.now();
    Ok(Json(
        held.iter().map(|g| HeldGoodsView::of(g, now)).collect(),
    ))
}
