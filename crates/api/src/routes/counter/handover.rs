//! Handing goods over to the traveller (identity check, immediate tax refund, balance)
//! and recording no-shows.

use axum::Json;
use axum::extract::Path;
use axum::http::StatusCode;
use serde_json::{Map, Value};

use db::handovers::NewHandover;
use db::orders::Transition;
use domain::order::OrderStatus;
use domain::pickup::identity_matches;

use crate::auth::Staff;
use crate::error::{ApiError, Problem};
use crate::extract::{ApiJson, Negotiated};
use crate::routes::State;
use crate::wire::SeoulTime;

use super::facts::OrderFacts;
use super::limits::order_for_code;
use super::wire::{HandoverRequest, HandoverView, PickupView};
use super::{
    CounterResult, IDENTITY_MISMATCH, MAX_ATTEMPTS, MAX_RECEIPT_TICKETS, NO_SHOW_HOLD, busy,
    not_found, order_state,
};

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
pub(crate) async fn handover(
    state: State,
    staff: Staff,
    Negotiated(language): Negotiated,
    Path(code): Path<String>,
    ApiJson(request): ApiJson<HandoverRequest>,
) -> CounterResult<(StatusCode, Json<HandoverView>)> {
    let counter = staff.counter()?;
    let method = match request.balance_method.as_deref().map(str::trim) {
        None => None,
        Some(method @ ("card" | "cash")) => Some(method.to_owned()),
        Some(other) => {
            let detail = format!("balance_method {other:?} is not card or cash");
            return Err(ApiError::invalid("invalid-field", "/balance_method", detail).into());
        }
    };
    let wanted = match &request.ticket_ids {
        None => None,
        Some(refs) if refs.is_empty() || refs.len() > MAX_RECEIPT_TICKETS => {
            let detail =
                format!("name 1 to {MAX_RECEIPT_TICKETS} tickets, or leave ticket_ids out");
            return Err(ApiError::invalid("invalid-field", "/ticket_ids", detail).into());
        }
        Some(refs) => {
            let mut ids = Vec::with_capacity(refs.len());
            for (index, given) in refs.iter().enumerate() {
                let id = given.id().ok_or_else(|| {
                    let detail = format!("{:?} is not a ticket number", given.given());
                    ApiError::invalid("invalid-field", format!("/ticket_ids/{index}"), detail)
                })?;
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            Some(ids)
        }
    };
    let (order, lookup) = order_for_code(&state, &staff, counter, &code).await?;
    let traveller = &order.terms.traveller;
    if !identity_matches(
        &traveller.name,
        &traveller.passport_last4,
        &request.name,
        &request.passport_last4,
    ) {
        // The look-up stays counted as failed: guessing passport digits is limited too.
        return Err(ApiError::invalid("identity-mismatch", "", IDENTITY_MISMATCH).into());
    }
    db::handovers::lookup_succeeded(&state.db, lookup).await?;
    let order_id = order.terms.id.clone();
    let mut order = Some(order);
    for _ in 0..MAX_ATTEMPTS {
        let current = match order.take() {
            Some(order) => order,
            None => db::orders::find(&state.db, &order_id)
                .await?
                .ok_or_else(not_found)?,
        };
        let facts = OrderFacts::load(&state, current).await?;
        let plan = facts.plan_handover(wanted.as_deref(), method.as_deref())?;
        let new = NewHandover {
            order_id: &order_id,
            order_from: facts.order.terms.status,
            order_to: plan.order_to,
            earlier_handovers: facts.handovers.len(),
            counter_id: counter,
            staff_id: staff.0.id,
            ticket_ids: &plan.ticket_ids,
            goods_value: plan.goods_value,
            tax_refund: plan.tax_refund,
            balance_collected: plan.balance_collected,
            balance_method: plan.balance_method,
            actor: &staff.actor(),
            at: state.clock.now(),
        };
        let recorded = match db::handovers::record(&state.db, &new).await {
            Ok(recorded) => recorded,
            Err(error) if error.is_transient() => None,
            Err(error) => return Err(error.into()),
        };
        let Some(id) = recorded else { continue };
        let status = plan.order_to.unwrap_or(facts.order.terms.status);
        let remaining = facts
            .live_tickets()
            .filter(|t| !facts.handed_over.contains(&t.id) && !plan.ticket_ids.contains(&t.id));
        let view = HandoverView {
            id,
            order_id: order_id.clone(),
            items: facts
                .handed_over_items(&state, language, &plan.ticket_ids)
                .await?,
            goods_value_krw: plan.goods_value.won(),
            tax_refund_krw: plan.tax_refund.won(),
            balance_collected_krw: plan.balance_collected.won(),
            balance_method: plan.balance_method.map(str::to_owned),
            order_status: status.code(),
            items_remaining: remaining.count(),
            at: new.at.into(),
        };
        return Ok((StatusCode::CREATED, Json(view)));
    }
    Err(busy())
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
pub(crate) async fn no_show(
    state: State,
    staff: Staff,
    Negotiated(language): Negotiated,
    Path(code): Path<String>,
) -> CounterResult<Json<PickupView>> {
    let counter = staff.counter()?;
    let (order, lookup) = order_for_code(&state, &staff, counter, &code).await?;
    db::handovers::lookup_succeeded(&state.db, lookup).await?;
    let now = state.clock.now();
    let status = order.terms.status;
    if status != OrderStatus::AtCounter {
        let detail = format!("only an order at the counter can be a no-show; this one is {status}");
        return Err(order_state(status, detail));
    }
    let deadline = order.terms.trip.pickup_deadline;
    if now <= deadline {
        let mut extensions = Map::new();
        extensions.insert(
            "pickup_deadline".into(),
            Value::from(SeoulTime::from(deadline).to_string()),
        );
        let detail = format!(
            "the pickup deadline {} has not passed yet",
            SeoulTime::from(deadline)
        );
        return Err(ApiError::Conflict {
            kind: "deadline-not-passed",
            detail,
            extensions,
        }
        .into());
    }
    let note = format!(
        "not collected by the pickup deadline; goods held at the counter until {}",
        SeoulTime::from(now + NO_SHOW_HOLD)
    );
    let actor = staff.actor();
    let change = Transition {
        order_id: &order.terms.id,
        from: OrderStatus::AtCounter,
        to: OrderStatus::NoShow,
        actor: &actor,
        note: &note,
        at: now,
    };
    if !db::orders::transition(&state.db, &change).await? {
        return Err(busy());
    }
    let order = db::orders::find(&state.db, &order.terms.id)
        .await?
        .ok_or_else(not_found)?;
    let facts = OrderFacts::load(&state, order).await?;
    Ok(Json(facts.view(&state, language).await?))
}
