//! Handing goods over to the traveller (identity check, immediate tax refund, balance)
//! and recording no-shows.

use serde_json::{Map, Value};

use db::handovers::{HandoverOrder, NewHandover};
use domain::language::Language;
use domain::order::OrderStatus;
use domain::pickup::identity_matches;
use domain::ticket::TicketId;

use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiError, ApiResult, Busy};
use crate::processes::pickup::facts::OrderFacts;
use crate::processes::pickup::limits::{found_order, order_for_code};
use crate::processes::pickup::rules::{
    IDENTITY_MISMATCH, MAX_RECEIPT_TICKETS, NO_SHOW_HOLD, not_found, order_state,
};
use crate::processes::retry;
use crate::wire::{HandoverRequest, HandoverView, PickupView, SeoulTime};

/// Hands goods over: every item at the counter, or the tickets named. The traveller's
/// name and passport digits must both match the order (422 `identity-mismatch`, which
/// never says which did not). Records the goods value, the immediate tax refund (the
/// handover's share of the order's tax-free form, which the first handover issues) and,
/// at the first handover, the balance due (`balance_method` required then); the order is
/// `picked_up` once every item is collected, also after a no-show (late pickup).
pub async fn handover(
    state: &AppState,
    staff: &Staff,
    code: &str,
    request: &HandoverRequest,
    language: Language,
) -> ApiResult<HandoverView> {
    let counter = staff.counter()?;
    let method = match request.balance_method.as_deref().map(str::trim) {
        None => None,
        Some(method @ ("card" | "cash")) => Some(method.to_owned()),
        Some(other) => {
            let detail = format!("balance_method {other:?} is not card or cash");
            return Err(ApiError::invalid(
                "invalid-field",
                "/balance_method",
                detail,
            ));
        }
    };
    let wanted = match &request.ticket_ids {
        None => None,
        Some(refs) if refs.is_empty() || refs.len() > MAX_RECEIPT_TICKETS => {
            let detail =
                format!("name 1 to {MAX_RECEIPT_TICKETS} tickets, or leave ticket_ids out");
            return Err(ApiError::invalid("invalid-field", "/ticket_ids", detail));
        }
        Some(refs) => {
            let mut ids = Vec::with_capacity(refs.len());
            for (index, given) in refs.iter().enumerate() {
                let id = given.id().ok_or_else(|| {
                    let detail = format!("{:?} is not a ticket number", given.given());
                    ApiError::invalid("invalid-field", format!("/ticket_ids/{index}"), detail)
                })?;
                let id = TicketId(id);
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            Some(ids)
        }
    };
    let (order, lookup) = order_for_code(state, staff, counter, code).await?;
    let traveller = &order.terms.traveller;
    if !identity_matches(
        traveller.name.as_str(),
        traveller.passport_last4.as_str(),
        &request.name,
        &request.passport_last4,
    ) {
        // The look-up stays counted as failed: guessing passport digits is limited too.
        return Err(ApiError::invalid(
            "identity-mismatch",
            "",
            IDENTITY_MISMATCH,
        ));
    }
    db::handovers::lookup_succeeded(&state.db, lookup).await?;
    let order_id = order.terms.id.clone();
    let mut order = Some(order);
    for _ in retry::attempts() {
        let current = match order.take() {
            Some(order) => order,
            None => db::orders::find(&state.db, &order_id)
                .await?
                .ok_or_else(not_found)?,
        };
        if let Some(at) = db::orders::goods_released_at(&state.db, &order_id).await? {
            return Err(crate::processes::no_show::goods_released(at));
        }
        let facts = OrderFacts::load(state, current).await?;
        let now = state.clock.now();
        let plan = facts.plan_handover(wanted.as_deref(), method.as_deref(), now)?;
        let new = NewHandover {
            order_id: &order_id,
            order: plan.order,
            earlier_handovers: facts.handovers.len(),
            counter_id: counter,
            staff_id: staff.0.id,
            ticket_ids: &plan.ticket_ids,
            goods_value: plan.goods_value,
            tax_refund: plan.tax_refund.refund,
            tax_free_form: plan
                .tax_refund
                .new_form(&facts.traveller, facts.forms.len()),
            balance_collected: plan.balance_collected,
            balance_method: plan.balance_method,
            actor: &staff.actor(),
            at: now,
        };
        let recorded = retry::settled(db::handovers::record(&state.db, &new).await)?;
        let Some(Some(id)) = recorded else { continue };
        let issued = match new.tax_free_form {
            None => None,
            Some(_) => db::tax_free_forms::for_traveller(&state.db, &facts.traveller)
                .await?
                .into_iter()
                .find(|form| form.order_id == order_id)
                .map(|form| form.id),
        };
        let status = match plan.order {
            HandoverOrder::Stays(status) => status,
            HandoverOrder::Moves(step) => step.to(),
        };
        let remaining = facts
            .live_tickets()
            .filter(|t| !facts.handed_over.contains(&t.id) && !plan.ticket_ids.contains(&t.id));
        let view = HandoverView {
            id,
            order_id: order_id.to_string(),
            items: facts
                .handed_over_items(state, language, &plan.ticket_ids)
                .await?,
            goods_value_krw: plan.goods_value.won(),
            tax_refund_krw: plan.tax_refund.refund.won(),
            tax_refund: plan.tax_refund.view(issued, language),
            balance_collected_krw: plan.balance_collected.won(),
            balance_method: plan.balance_method.map(str::to_owned),
            order_status: status.code(),
            items_remaining: remaining.count(),
            at: new.at.into(),
        };
        return Ok(view);
    }
    Err(ApiError::Busy(Busy::Order))
}

/// Records that the traveller did not come: allowed once the pickup deadline has passed
/// and the order is at the counter. The goods are held at the counter (30 days by
/// default); a late pickup is still a handover.
pub async fn no_show(
    state: &AppState,
    staff: &Staff,
    code: &str,
    language: Language,
) -> ApiResult<PickupView> {
    let order = found_order(state, staff, code).await?;
    let now = state.clock.now();
    let status = order.status;
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
        });
    }
    let note = format!(
        "not collected by the pickup deadline; goods held at the counter until {}",
        SeoulTime::from(now + NO_SHOW_HOLD)
    );
    let no_show = status
        .transition(OrderStatus::NoShow)
        .map_err(|e| ApiError::from_domain(e, ""))?;
    let actor = staff.actor();
    let id = &order.terms.id;
    if !db::orders::transition(&state.db, id, no_show, (&actor, &note, now), &[]).await? {
        return Err(ApiError::Busy(Busy::Order));
    }
    let order = db::orders::find(&state.db, &order.terms.id)
        .await?
        .ok_or_else(not_found)?;
    let facts = OrderFacts::load(state, order).await?;
    facts.view(state, language).await
}
