//! An order after it is placed, for the holder of its token: reading it, moving it to
//! a new itinerary, cancelling it.

use axum::Json;
use axum::extract::Path;
use serde_json::{Map, Value};
use time::OffsetDateTime;
use uuid::Uuid;

use db::orders::{Replan, StoredOrder, Transition};
use domain::order::OrderStatus;

use crate::AppState;
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, BearerToken};
use crate::planning::{Planned, plan};
use crate::routes::State;
use crate::routes::quotes::infeasible;
use crate::secrets::token_matches;
use crate::wire::{ItemRequest, ItineraryRequest};

use super::MAX_ATTEMPTS;
use super::create::trip_of;
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
    let now = state.clock.now();
    for _ in 0..MAX_ATTEMPTS {
        let order = authorised(&state, &id, token.as_deref()).await?;
        if !order.terms.status.itinerary_changeable() {
            return Err(not_in_state(
                order.terms.status,
                "the itinerary can no longer change",
            ));
        }
        let items = stored_items(&order);
        let planned = plan(&state.db, &items, &itinerary, now, Some(&order)).await?;
        if !planned.quote.feasible() {
            return Err(infeasible(&planned));
        }
        let replan = replan_of(&order, &planned, now)?;
        match db::orders::replan(&state.db, &replan, &planned.workshops).await {
            Ok(true) => break,
            Ok(false) => continue,
            Err(error) if error.is_transient() => continue,
            Err(error) => return Err(error.into()),
        }
    }
    let order = authorised(&state, &id, token.as_deref()).await?;
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
    let now = state.clock.now();
    loop {
        let order = authorised(&state, &id, token.as_deref()).await?;
        if !order.terms.status.cancellable_by_traveller() {
            return Err(not_in_state(
                order.terms.status,
                "production has started; contact the workshop",
            ));
        }
        let to = order
            .terms
            .status
            .transition(OrderStatus::Cancelled)
            .map_err(|e| ApiError::from_domain(e, ""))?;
        let change = Transition {
            order_id: &order.terms.id,
            from: order.terms.status,
            to,
            actor: "traveller",
            note: "cancelled by the traveller",
            at: now,
        };
        if db::orders::transition(&state.db, &change).await? {
            crate::billing::refund_by_policy(&state, &order.terms.id, order.terms.status, false)
                .await?;
            break;
        }
    }
    let order = authorised(&state, &id, token.as_deref()).await?;
    Ok(Json(view(&state, &order).await?))
}

/// The order if `token` is its token; 404 otherwise, whether or not it exists.
pub(super) async fn authorised(
    state: &AppState,
    id: &str,
    token: Option<&str>,
) -> ApiResult<StoredOrder> {
    let not_found = ApiError::NotFound("order");
    let Some(token) = token else {
        return Err(not_found);
    };
    if Uuid::parse_str(id).is_err() {
        return Err(not_found);
    }
    let order = db::orders::find(&state.db, id)
        .await?
        .ok_or(ApiError::NotFound("order"))?;
    if token_matches(&order.terms.token_hash, token) {
        Ok(order)
    } else {
        Err(not_found)
    }
}

fn stored_items(order: &StoredOrder) -> Vec<ItemRequest> {
    order
        .items
        .iter()
        .map(|item| ItemRequest {
            product_id: item.terms.product_id.0,
            quantity: item.terms.quantity.into(),
            options: item.terms.options.clone(),
            // The stored fitting stays with the line; re-planning does not re-fit.
            fitting: None,
        })
        .collect()
}

fn replan_of<'a>(
    order: &'a StoredOrder,
    planned: &Planned,
    now: OffsetDateTime,
) -> ApiResult<Replan<'a>> {
    let lines = planned
        .quote
        .lines
        .iter()
        .map(|line| Some((line.ready_by?, line.plan.clone()?)))
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("feasible quote without a plan")))?;
    Ok(Replan {
        order_id: &order.terms.id,
        status: order.terms.status,
        trip: trip_of(planned),
        lines,
        actor: "traveller",
        at: now,
    })
}

fn not_in_state(status: OrderStatus, detail: &str) -> ApiError {
    let mut extensions = Map::new();
    extensions.insert("current_status".into(), Value::from(status.code()));
    ApiError::Conflict {
        kind: "order-state",
        detail: format!("the order is {status}: {detail}"),
        extensions,
    }
}
