//! `POST /api/v1/orders`: placing an order, idempotently (the process is
//! `processes::ordering::place`); answers 201 with the order and its token.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use domain::order::IdempotencyRecord;
use domain::payment::PaymentMethod;

use crate::AppState;
use crate::error::{ApiError, ApiResult};
use crate::extract::State;
use crate::extract::{ApiJson, IdempotencyKey};
use crate::processes::ordering::{self, Placed};
use crate::secrets::request_hash;

use super::view::view;
use super::wire::{OrderCreated, OrderRequest, PaymentStart, parse_traveller};

/// Places a pre-order: re-plans against current capacity, reserves it atomically and
/// returns the order with its secret token. Safe to retry with the same Idempotency-Key.
#[utoipa::path(post, path = "/api/v1/orders", tag = "orders", request_body = OrderRequest,
    params(("Idempotency-Key" = String, Header, description = "Unique per order attempt; retries reuse it")),
    responses((status = 201, body = OrderCreated, description = "Placed (or replayed: header Idempotent-Replayed)"),
              (status = 400, body = crate::error::Problem), (status = 409, description = "Cannot be made in time", body = crate::error::Problem),
              (status = 413, body = crate::error::Problem), (status = 422, body = crate::error::Problem)))]
pub(in crate::routes) async fn create_order(
    state: State,
    IdempotencyKey(key): IdempotencyKey,
    ApiJson(request): ApiJson<OrderRequest>,
) -> ApiResult<Response> {
    let traveller = parse_traveller(&request.traveller)?;
    let payment = request
        .payment
        .as_deref()
        .map(str::parse::<PaymentMethod>)
        .transpose()
        .map_err(|e| ApiError::from_domain(e, "/payment"))?;
    let body = serde_json::to_value(&request).map_err(|e| ApiError::Internal(e.into()))?;
    let idempotency = IdempotencyRecord {
        key,
        request_hash: request_hash(&body),
    };
    let placing = ordering::OrderRequest {
        items: &request.items,
        itinerary: &request.itinerary,
        traveller,
        payment,
        idempotency,
    };
    let placed = ordering::place(&state, placing).await?;
    created(&state, placed).await
}

/// 201 with the order, its token and how to pay now.
async fn created(state: &AppState, placed: Placed) -> ApiResult<Response> {
    let Placed {
        order,
        client_secret,
        replayed,
    } = placed;
    let method = order.terms.payment_method;
    let payment = PaymentStart {
        method: method.code(),
        amount_due_now_krw: domain::payment::due_at_order(
            method,
            order.terms.total,
            order.terms.deposit,
        )
        .won(),
        client_secret,
    };
    let body = OrderCreated {
        payment,
        token: state.token_key.order_token(&order.terms.id),
        order: view(state, &order).await?,
    };
    let location = format!("/api/v1/orders/{}", order.terms.id);
    let mut response = (StatusCode::CREATED, Json(body)).into_response();
    if let Ok(value) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    if replayed {
        response
            .headers_mut()
            .insert("idempotent-replayed", HeaderValue::from_static("true"));
    }
    Ok(response)
}
