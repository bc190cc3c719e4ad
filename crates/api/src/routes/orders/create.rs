//! Placing an order, idempotently: replaying a repeated key, choosing the payment
//! method, building the new order and answering 201 with its token.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::Map;
use time::OffsetDateTime;
use uuid::Uuid;

use db::orders::{
    LineTerms, NewLine, NewOrder, OrderTerms, StoredOrder, Transition, Traveller, Trip,
};
use domain::order::OrderStatus;
use domain::payment::PaymentMethod;

use crate::AppState;
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, IdempotencyKey};
use crate::planning::{Planned, plan};
use crate::routes::State;
use crate::routes::quotes::infeasible;
use crate::secrets::{new_pickup_code, request_hash, token_hash};

use super::view::view;
use super::wire::{OrderCreated, OrderRequest, PaymentStart, check_traveller};
use super::{IDEMPOTENCY_RETENTION, MAX_ATTEMPTS};

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
    let traveller = check_traveller(&request.traveller)?;
    let requested_method = request
        .payment
        .as_deref()
        .map(str::parse::<PaymentMethod>)
        .transpose()
        .map_err(|e| ApiError::from_domain(e, "/payment"))?;
    let fingerprint =
        request_hash(&serde_json::to_value(&request).map_err(|e| ApiError::Internal(e.into()))?);
    if let Some(replayed) = replay(&state, &key, &fingerprint).await? {
        return Ok(replayed);
    }
    let now = state.clock.now();
    forget_old_keys(&state, now).await?;
    for _ in 0..MAX_ATTEMPTS {
        let planned = plan(&state.db, &request.items, &request.itinerary, now, None).await?;
        if !planned.quote.feasible() {
            return Err(infeasible(&planned));
        }
        let method = payment_method(&state, &planned, requested_method)?;
        let new = new_order(
            &state,
            &planned,
            &traveller,
            method,
            (&key, &fingerprint),
            now,
        );
        match db::orders::place(&state.db, &new, &planned.workshops).await {
            Ok(()) => return created(&state, &new).await,
            Err(db::Error::DuplicateIdempotencyKey) => {
                return replay(&state, &key, &fingerprint)
                    .await?
                    .ok_or(ApiError::IdempotencyKeyReused);
            }
            Err(error) if error.is_transient() => continue,
            Err(error) => return Err(error.into()),
        }
    }
    Err(contention())
}

/// The stored order for a repeated idempotency key, or a 422 if the body differs.
async fn replay(state: &AppState, key: &str, fingerprint: &str) -> ApiResult<Option<Response>> {
    let Some((stored_hash, order_id)) = db::orders::find_idempotency_key(&state.db, key).await?
    else {
        return Ok(None);
    };
    if stored_hash != fingerprint {
        return Err(ApiError::IdempotencyKeyReused);
    }
    let order = db::orders::find(&state.db, &order_id)
        .await?
        .ok_or(ApiError::NotFound("order"))?;
    let mut response = created_response(state, &order).await?;
    response
        .headers_mut()
        .insert("idempotent-replayed", HeaderValue::from_static("true"));
    Ok(Some(response))
}

async fn forget_old_keys(state: &AppState, now: OffsetDateTime) -> ApiResult<()> {
    db::orders::purge_idempotency_keys(&state.db, now - IDEMPOTENCY_RETENTION).await?;
    Ok(())
}

/// The method this order is paid with: the one asked for if it can pay for these
/// products, else the card when configured, else the counter when every product allows.
fn payment_method(
    state: &AppState,
    planned: &Planned,
    asked: Option<PaymentMethod>,
) -> ApiResult<PaymentMethod> {
    let at_counter = planned
        .lines
        .iter()
        .all(|(record, ..)| record.product.pay_at_counter);
    let available = crate::billing::methods_for(state, at_counter);
    match asked {
        Some(method) if available.contains(&method) => Ok(method),
        Some(PaymentMethod::Counter) => Err(ApiError::invalid(
            "payment-unavailable",
            "/payment",
            "these products must be paid in advance by card; they cannot be paid at the counter",
        )),
        Some(PaymentMethod::Stripe) => Err(ApiError::invalid(
            "payment-unavailable",
            "/payment",
            "card payment is not configured on this server",
        )),
        None => available.first().copied().ok_or_else(|| {
            ApiError::invalid(
                "payment-unavailable",
                "/payment",
                "these products must be paid in advance by card, and card payment is not configured",
            )
        }),
    }
}

fn new_order(
    state: &AppState,
    planned: &Planned,
    traveller: &Traveller,
    payment_method: PaymentMethod,
    (key, fingerprint): (&str, &str),
    now: OffsetDateTime,
) -> NewOrder {
    let id = Uuid::new_v4().to_string();
    let lines = planned
        .lines
        .iter()
        .zip(&planned.quote.lines)
        .zip(&planned.fittings)
        .filter_map(|(((record, configuration, quantity), line), fitting)| {
            Some(NewLine {
                terms: LineTerms {
                    product_id: record.product.id,
                    workshop_id: record.product.workshop_id,
                    quantity: quantity.get(),
                    options: configuration.as_map(),
                    unit_price: configuration.unit_price,
                    line_total: line.line_total,
                    deposit: line.deposit,
                    unit_minutes: configuration.unit_minutes,
                },
                ready_by: line.ready_by?,
                plan: line.plan.clone()?,
                // Plain data with string keys: serialising it cannot fail.
                fitting: fitting.as_ref().and_then(|f| serde_json::to_value(f).ok()),
            })
        })
        .collect();
    NewOrder {
        terms: OrderTerms {
            token_hash: token_hash(&state.token_key.order_token(&id)),
            id,
            status: OrderStatus::Placed,
            pickup_code: new_pickup_code().compact(),
            trip: trip_of(planned),
            traveller: traveller.clone(),
            total: planned.quote.total,
            deposit: planned.quote.deposit,
            payment_method,
            created_at: now,
        },
        lines,
        idempotency: Some((key.to_owned(), fingerprint.to_owned())),
    }
}

pub(super) fn trip_of(planned: &Planned) -> Trip {
    Trip {
        arrival: planned.itinerary.arrival(),
        departure: planned.itinerary.departure(),
        counter_id: planned.itinerary.counter_id(),
        // A feasible quote always has a deadline.
        pickup_deadline: planned
            .quote
            .pickup_deadline
            .unwrap_or(planned.itinerary.departure()),
    }
}

/// Confirms a pay-at-counter order at once, then answers 201 with the order and token.
async fn created(state: &AppState, new: &NewOrder) -> ApiResult<Response> {
    let find = || async {
        db::orders::find(&state.db, &new.terms.id)
            .await?
            .ok_or(ApiError::NotFound("order"))
    };
    let mut order = find().await?;
    if order.terms.payment_method == PaymentMethod::Counter {
        let note = "paid at the counter on pickup";
        crate::fulfilment::confirm_order(state, &order, "system", note).await?;
        order = find().await?;
    }
    created_response(state, &order).await
}

async fn created_response(state: &AppState, order: &StoredOrder) -> ApiResult<Response> {
    let client_secret = match crate::billing::start_card_payment(state, order).await {
        Ok(secret) => secret,
        Err(error) => {
            // A new card order whose payment could not even start must not hold workshop
            // hours: cancel it. (A replay of an order already paying keeps it.)
            let started = !db::payments::for_order(&state.db, &order.terms.id)
                .await?
                .is_empty();
            if order.terms.status == OrderStatus::Placed && !started {
                let change = Transition {
                    order_id: &order.terms.id,
                    from: OrderStatus::Placed,
                    to: OrderStatus::Cancelled,
                    actor: "system",
                    note: "the card payment could not be started",
                    at: state.clock.now(),
                };
                db::orders::transition(&state.db, &change).await?;
            }
            return Err(error);
        }
    };
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
        order: view(state, order).await?,
    };
    let location = format!("/api/v1/orders/{}", order.terms.id);
    let mut response = (StatusCode::CREATED, Json(body)).into_response();
    if let Ok(value) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    Ok(response)
}

fn contention() -> ApiError {
    ApiError::Conflict {
        kind: "capacity-contention",
        detail: "the workshop's calendar is changing fast; please try again".into(),
        extensions: Map::new(),
    }
}
