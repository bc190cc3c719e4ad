//! Applying Stripe's webhook events: a succeeded PaymentIntent confirms its order (and
//! so creates its tickets), a failed one is recorded, refunds settle. Every effect is
//! idempotent, so a redelivery, or events in any order, leave the same state.

use time::OffsetDateTime;

use db::payments::{NewPayment, PaymentRow};
use domain::actor::Actor;
use domain::money::Krw;
use domain::order::{OrderId, OrderStatus};
use domain::payment::{Entry, EntryKind, EntryStatus, PaymentMethod};

use crate::AppState;
use crate::error::ApiResult;
use crate::payments::stripe::WebhookEvent;
use crate::processes::{fulfilment, refunds};

/// Applies a verified Stripe event unless it was applied before, and remembers it.
pub async fn receive(state: &AppState, event: &WebhookEvent) -> ApiResult<()> {
    if db::payments::event_seen(&state.db, &event.id).await? {
        return Ok(());
    }
    apply_event(state, event).await?;
    let now = state.clock.now();
    db::payments::first_delivery(&state.db, &event.id, &event.kind, now).await?;
    Ok(())
}

/// Applies one verified Stripe event. Every effect is idempotent, so a redelivery (or an
/// event arriving before or after another) leaves the same state.
pub async fn apply_event(state: &AppState, event: &WebhookEvent) -> ApiResult<()> {
    let now = state.clock.now();
    let object = &event.object;
    match event.kind.as_str() {
        "payment_intent.succeeded" => {
            let settled_before = match event.object_id.as_deref() {
                Some(intent) => db::payments::by_stripe_id(&state.db, intent)
                    .await?
                    .is_some_and(|r| r.entry.status == EntryStatus::Succeeded),
                None => false,
            };
            let Some(row) = charge_row(state, event, EntryStatus::Succeeded).await? else {
                return Ok(());
            };
            let payment_method = object.get("payment_method").and_then(|v| v.as_str());
            let customer = object.get("customer").and_then(|v| v.as_str());
            db::payments::save_card(&state.db, &row.order_id, customer, payment_method).await?;
            let Some(order) = db::orders::find(&state.db, &row.order_id).await? else {
                return Ok(());
            };
            match order.status {
                OrderStatus::Placed => {
                    let note = format!("{} paid by card", row.entry.amount);
                    fulfilment::confirm_order(state, &order, &Actor::Stripe, &note).await?;
                }
                // The payment landed after the order was cancelled or declined (released
                // after the hold, cancelled while the payment was in flight): its cancel
                // was refused by Stripe, so give the money back now.
                status @ (OrderStatus::Cancelled | OrderStatus::Declined) if !settled_before => {
                    let declined = status == OrderStatus::Declined;
                    let id = &order.terms.id;
                    let money_back =
                        refunds::decide(state, &order, OrderStatus::Placed, declined).await?;
                    let reason = "refund: the payment landed after the order ended";
                    db::refunds::decide(&state.db, id, &money_back, reason, now).await?;
                    refunds::send_for_order(state, id).await;
                }
                _ => {}
            }
        }
        "payment_intent.payment_failed" | "payment_intent.canceled" => {
            charge_row(state, event, EntryStatus::Failed).await?;
        }
        "charge.refunded" => {
            let refunds = object
                .pointer("/refunds/data")
                .and_then(|v| v.as_array())
                .cloned()
                .unwrap_or_default();
            for refund in refunds {
                settle_refund(state, &refund, now).await?;
            }
        }
        "refund.created" | "refund.updated" | "refund.failed" | "charge.refund.updated" => {
            settle_refund(state, object, now).await?;
        }
        _ => {}
    }
    Ok(())
}

/// Settles the charge behind a PaymentIntent event, recording it if we had not yet.
async fn charge_row(
    state: &AppState,
    event: &WebhookEvent,
    status: EntryStatus,
) -> ApiResult<Option<PaymentRow>> {
    let Some(intent) = event.object_id.as_deref() else {
        return Ok(None);
    };
    let amount = event
        .object
        .get(if status == EntryStatus::Succeeded {
            "amount_received"
        } else {
            "amount"
        })
        .and_then(|v| v.as_i64())
        .filter(|a| *a > 0)
        .map(Krw::new);
    let now = state.clock.now();
    if let Some(row) = db::payments::settle(&state.db, intent, status, amount, now).await? {
        return Ok(Some(row));
    }
    // The event came before our own record of the intent (or for an intent created
    // elsewhere): record it if it names one of our orders.
    let Some(order_id) = event
        .object
        .pointer("/metadata/order_id")
        .and_then(|v| v.as_str())
        .and_then(|id| OrderId::parse(id).ok())
    else {
        return Ok(None);
    };
    if db::orders::find(&state.db, &order_id).await?.is_none() {
        return Ok(None);
    }
    let entry = Entry {
        kind: EntryKind::Charge,
        status,
        amount: amount.unwrap_or(Krw::ZERO),
    };
    let new = NewPayment {
        order_id: &order_id,
        entry,
        method: PaymentMethod::Stripe,
        stripe_id: Some(intent),
        note: "card charge",
        at: now,
    };
    Ok(Some(db::payments::record(&state.db, &new).await?))
}

async fn settle_refund(
    state: &AppState,
    refund: &serde_json::Value,
    now: OffsetDateTime,
) -> ApiResult<()> {
    let Some(id) = refund.get("id").and_then(|v| v.as_str()) else {
        return Ok(());
    };
    let status = match refund.get("status").and_then(|v| v.as_str()) {
        Some("succeeded") => EntryStatus::Succeeded,
        Some("failed" | "canceled") => EntryStatus::Failed,
        _ => EntryStatus::Pending,
    };
    let amount = refund.get("amount").and_then(|v| v.as_i64()).map(Krw::new);
    if db::payments::settle(&state.db, id, status, amount, now)
        .await?
        .is_some()
    {
        return Ok(());
    }
    let Some(intent) = refund.get("payment_intent").and_then(|v| v.as_str()) else {
        return Ok(());
    };
    let Some(charge) = db::payments::by_stripe_id(&state.db, intent).await? else {
        return Ok(());
    };
    let entry = Entry {
        kind: EntryKind::Refund,
        status,
        amount: amount.unwrap_or(Krw::ZERO),
    };
    let new = NewPayment {
        order_id: &charge.order_id,
        entry,
        method: PaymentMethod::Stripe,
        stripe_id: Some(id),
        note: "refund",
        at: now,
    };
    db::payments::record(&state.db, &new).await?;
    Ok(())
}
