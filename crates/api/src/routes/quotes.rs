//! `POST /api/v1/quotes`: prices, ready-by times and feasibility for items on a trip.

use axum::Json;

use domain::money::CurrencyCode;

use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;
use crate::extract::State;
use crate::processes::planning::plan;
use crate::wire::{DisplayPrices, QuoteRequest, QuoteResponse, ReasonView, quote_response};

/// Quotes items for a trip. Nothing is reserved: capacity is taken only by an order.
#[utoipa::path(post, path = "/api/v1/quotes", tag = "orders", request_body = QuoteRequest,
    responses((status = 200, body = QuoteResponse),
              (status = 400, description = "Malformed JSON", body = crate::error::Problem),
              (status = 422, description = "Unknown product, option, counter; bad quantity or trip", body = crate::error::Problem)))]
pub(super) async fn create_quote(
    state: State,
    ApiJson(request): ApiJson<QuoteRequest>,
) -> ApiResult<Json<QuoteResponse>> {
    let now = state.clock.now();
    let currency = request
        .currency
        .as_deref()
        .map(CurrencyCode::parse)
        .transpose()
        .map_err(|e| ApiError::from_domain(e, "/currency"))?;
    let planned = plan(&state.db, &request.items, &request.itinerary, now, None).await?;
    let mut response = quote_response(&planned);
    let at_counter = planned
        .lines
        .iter()
        .all(|(record, ..)| record.product.pay_at_counter);
    let methods = crate::processes::billing::methods_for(&state, at_counter);
    response.payment_methods = methods.iter().map(|m| m.code()).collect();
    if methods.is_empty() {
        response.feasible = false;
        response.reasons.push(ReasonView::PaymentUnavailable {
            detail: "these products must be paid in advance by card, and card payment is not configured here"
                .into(),
        });
    }
    if let Some(currency) = currency {
        let rates = db::catalogue::rate_table(&state.db).await?;
        let estimate = |won| rates.estimate(domain::money::Krw::new(won), currency);
        let total =
            estimate(response.total_krw).map_err(|e| ApiError::from_domain(e, "/currency"))?;
        let deposit =
            estimate(response.deposit_krw).map_err(|e| ApiError::from_domain(e, "/currency"))?;
        response.display = Some(DisplayPrices {
            currency: currency.to_string(),
            total: total.to_string(),
            deposit: deposit.to_string(),
        });
    }
    Ok(Json(response))
}
