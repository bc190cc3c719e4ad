//! An order after it is placed, for the holder of its token: reading it, moving it to
//! a new itinerary, cancelling it (the processes are `processes::ordering`'s).

use axum::Json;
use axum::extract::Path;

use domain::order::{Order, OrderId};

use crate::AppState;
use crate::error::{ApiError, ApiResult};
use crate::extract::State;
use crate::extract::{ApiJson, BearerToken};
use crate::processes::ordering;
use crate::secrets::token_matches;
use crate::wire::ItineraryRequest;

use super::view::view;
use super::wire::OrderView;

/// The order, its items, ready-by times and history. Needs the order's token.
#[utoipa::path(get, path = "/api/v1/orders/{id}", tag = "orders",
    params(("id" = String, Path)), security(("order_token" = [])),
    responses((status = 200, body = OrderView),
              (status = 404, description = "No such order, or wrong token", body = crate::error::Problem)))]
pub(in crate::routes) async fn get_order(
    state: State,
    Path(id): Path<String>,
    BearerToken(token): BearerToken,
) -> ApiResult<Json<OrderView>> {
    let order = authorised(&state, &id, token.as_deref()).await?;
    Ok(Json(view(&state, &order).await?))
}

/// Moves the order to a new trip (a flight moved): re-plans production and moves its
/// reservations, or refuses with the reasons and alternatives.
#[utoipa::path(patch, path = "/api/v1/orders/{id}/itinerary", tag = "orders",
    params(("id" = String, Path)), security(("order_token" = [])), request_body = ItineraryRequest,
    responses((status = 200, body = OrderView), (status = 404, body = crate::error::Problem),
              (status = 409, description = "Cannot be made in time, or no longer changeable", body = crate::error::Problem),
              (status = 422, body = crate::error::Problem)))]
pub(in crate::routes) async fn change_itinerary(
    state: State,
    Path(id): Path<String>,
    BearerToken(token): BearerToken,
    ApiJson(itinerary): ApiJson<ItineraryRequest>,
) -> ApiResult<Json<OrderView>> {
    let order = authorised(&state, &id, token.as_deref()).await?;
    let order = ordering::change_itinerary(&state, &order.terms.id, &itinerary).await?;
    Ok(Json(view(&state, &order).await?))
}

/// Cancels the order before production starts and gives its workshop time back.
#[utoipa::path(post, path = "/api/v1/orders/{id}/cancel", tag = "orders",
    params(("id" = String, Path)), security(("order_token" = [])),
    responses((status = 200, body = OrderView), (status = 404, body = crate::error::Problem),
              (status = 409, description = "Production has started", body = crate::error::Problem)))]
pub(in crate::routes) async fn cancel_order(
    state: State,
    Path(id): Path<String>,
    BearerToken(token): BearerToken,
) -> ApiResult<Json<OrderView>> {
    let order = authorised(&state, &id, token.as_deref()).await?;
    let order = ordering::cancel(&state, &order.terms.id).await?;
    Ok(Json(view(&state, &order).await?))
}

/// The order if `token` is its token; 404 otherwise, whether or not it exists.
pub(super) async fn authorised(
    state: &AppState,
    id: &str,
    token: Option<&str>,
) -> ApiResult<Order> {
    let not_found = ApiError::NotFound("order");
    let Some(token) = token else {
        return Err(not_found);
    };
    let Ok(id) = OrderId::parse(id) else {
        return Err(not_found);
    };
    let order = ordering::stored_order(state, &id).await?;
    if token_matches(&order.terms.token_hash, token) {
        Ok(order)
    } else {
        Err(not_found)
    }
}
