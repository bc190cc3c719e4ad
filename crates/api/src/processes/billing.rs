//! Billing: taking the money an order needs, when it needs it, and giving back what
//! policy says, with the money record always adding up.
//!
//! A card order is charged at order time (the deposit, saving the card, or the whole
//! price) through a Stripe PaymentIntent whose idempotency key derives from the order id;
//! Stripe's webhook confirms it (and creates the tickets). The balance is charged
//! off-session when the goods are ready, or collected at the counter. What cancellations
//! and declines give back is `processes::refunds`'. Unpaid card orders give their
//! capacity back after a hold. Nothing about payment state is taken from the browser.

use time::Duration;

use db::payments::NewPayment;
use domain::actor::Actor;
use domain::event::EventKind;
use domain::money::Krw;
use domain::order::OrderStatus;
use domain::order::{Order, OrderId};
use domain::payment::{Entry, EntryKind, EntryStatus, PaymentMethod, due_at_order};

use crate::AppState;
use crate::error::{ApiError, ApiResult};
use crate::payments::stripe::{IntentStatus, NewIntent, OffSession, StripeError, StripeGateway};
use crate::processes::money::record_of;
use crate::processes::refunds;

/// The default time an unpaid card order keeps its workshop hours.
pub const DEFAULT_HOLD: Duration = Duration::minutes(30);

/// Card payments as configured.
pub struct StripeSetup {
    /// The client.
    pub gateway: StripeGateway,
    /// Webhook signing secrets (two during a rotation).
    pub webhook_secrets: Vec<String>,
    /// How long an unpaid card order keeps its capacity.
    pub hold: Duration,
}

/// The payment methods that can pay for these products now: the card when configured,
/// the counter when every product allows it.
pub fn methods_for(state: &AppState, all_pay_at_counter: bool) -> Vec<PaymentMethod> {
    let mut methods = Vec::new();
    if state.stripe.is_some() {
        methods.push(PaymentMethod::Stripe);
    }
    if all_pay_at_counter {
        methods.push(PaymentMethod::Counter);
    }
    methods
}

/// Starts paying for a new card order (or finds the payment already started): returns the
/// PaymentIntent's client secret for Stripe's Payment Element.
pub async fn start_card_payment(state: &AppState, order: &Order) -> ApiResult<Option<String>> {
    if order.terms.payment_method != PaymentMethod::Stripe {
        return Ok(None);
    }
    let setup = stripe(state)?;
    let id = &order.terms.id;
    let rows = db::payments::for_order(&state.db, id).await?;
    if let Some(charge) = rows.iter().find(|r| r.entry.kind == EntryKind::Charge) {
        let intent_id = charge.stripe_id.as_deref().unwrap_or_default();
        let intent = setup
            .gateway
            .retrieve_payment_intent(intent_id)
            .await
            .map_err(provider)?;
        return Ok(Some(intent.client_secret));
    }
    if order.status != OrderStatus::Placed {
        // Cancelled before its payment could start (Stripe was down at order time): a
        // retry must not take money for an order that no longer holds its hours.
        let mut extensions = serde_json::Map::new();
        extensions.insert("current_status".into(), order.status.code().into());
        return Err(ApiError::Conflict {
            kind: "order-state",
            detail: format!(
                "the order is {}: its payment could not be started; place a new order",
                order.status
            ),
            extensions,
        });
    }
    let amount = due_at_order(
        PaymentMethod::Stripe,
        order.terms.total,
        order.terms.deposit,
    );
    let save_card = amount < order.terms.total;
    let customer = if save_card {
        let key = format!("order-{id}-customer");
        let traveller = &order.terms.traveller;
        Some(
            setup
                .gateway
                .create_customer(traveller.email.as_str(), traveller.name.as_str(), &key)
                .await
                .map_err(provider)?,
        )
    } else {
        None
    };
    let key = format!("order-{id}-charge");
    let new = NewIntent {
        amount_krw: amount.won(),
        customer: customer.clone(),
        save_card_for_later: save_card,
        order_id: id.as_str(),
        idempotency_key: &key,
    };
    let intent = setup
        .gateway
        .create_payment_intent(&new)
        .await
        .map_err(provider)?;
    let note = if save_card {
        "deposit by card; the card is saved for the balance"
    } else {
        "paid in full by card"
    };
    let entry = Entry {
        kind: EntryKind::Charge,
        status: EntryStatus::Pending,
        amount,
    };
    let payment = NewPayment {
        order_id: id,
        entry,
        method: PaymentMethod::Stripe,
        stripe_id: Some(&intent.id),
        note,
        at: state.clock.now(),
    };
    db::payments::record(&state.db, &payment).await?;
    db::payments::save_card(&state.db, id, customer.as_deref(), None).await?;
    Ok(Some(intent.client_secret))
}

/// Charges the balance of a card order whose goods are ready, off-session on the saved
/// card. When the bank wants the traveller (a decline, authentication), the order's
/// timeline says so and the counter collects the balance at pickup.
pub async fn charge_balance(state: &AppState, order_id: &OrderId) -> ApiResult<()> {
    let Some(setup) = state.stripe.as_deref() else {
        return Ok(());
    };
    let Some(order) = db::orders::find(&state.db, order_id).await? else {
        return Ok(());
    };
    if order.terms.payment_method != PaymentMethod::Stripe {
        return Ok(());
    }
    let (record, _) = record_of(state, &order).await?;
    if record.due <= Krw::ZERO {
        return Ok(());
    }
    let now = state.clock.now();
    let (customer, card) = db::payments::saved_card(&state.db, order_id).await?;
    let (Some(customer), Some(card)) = (customer, card) else {
        let note = format!(
            "the balance of {} will be collected at the counter",
            record.due
        );
        db::events::note(
            &state.db,
            order_id,
            EventKind::PaymentBalanceAtCounter,
            &note,
            now,
        )
        .await?;
        return Ok(());
    };
    let key = format!("order-{order_id}-balance");
    match setup
        .gateway
        .charge_off_session(&customer, &card, record.due.won(), order_id.as_str(), &key)
        .await
    {
        Ok(OffSession::Succeeded(intent)) => {
            let status = if intent.status == IntentStatus::Succeeded {
                EntryStatus::Succeeded
            } else {
                EntryStatus::Pending
            };
            let entry = Entry {
                kind: EntryKind::Charge,
                status,
                amount: Krw::new(intent.amount_krw),
            };
            let new = NewPayment {
                order_id,
                entry,
                method: PaymentMethod::Stripe,
                stripe_id: Some(&intent.id),
                note: "balance charged off-session",
                at: now,
            };
            db::payments::record(&state.db, &new).await?;
        }
        Ok(OffSession::NeedsTraveller(reason))
        | Err(StripeError::Rejected {
            message: reason, ..
        }) => {
            let note = format!(
                "the card could not be charged for the balance ({reason}); pay {} at the counter",
                record.due
            );
            let kind = EventKind::PaymentBalanceFailed;
            db::events::note(&state.db, order_id, kind, &note, now).await?;
        }
        Err(error) => return Err(provider(error)),
    }
    Ok(())
}

/// Cancels card orders that stayed unpaid longer than the hold, giving their workshop
/// hours back. Returns how many were released.
pub async fn release_unpaid(state: &AppState) -> ApiResult<usize> {
    let Some(setup) = state.stripe.as_deref() else {
        return Ok(0);
    };
    let now = state.clock.now();
    let mut released = 0;
    for id in db::payments::unpaid_placed_before(&state.db, now - setup.hold).await? {
        let Some(order) = db::orders::find(&state.db, &id).await? else {
            continue;
        };
        let (record, _) = record_of(state, &order).await?;
        if record.paid > Krw::ZERO {
            continue;
        }
        let Ok(release) = order.status.transition(OrderStatus::Cancelled) else {
            continue;
        };
        let note = "the payment was not completed in time; the workshop hours were released";
        let money_back = refunds::decide(state, &order, OrderStatus::Placed, false).await?;
        let because = (&Actor::System, note, now);
        if db::orders::transition(&state.db, &id, release, because, &money_back).await? {
            refunds::send_for_order(state, &id).await;
            released += 1;
        }
    }
    Ok(released)
}

fn stripe(state: &AppState) -> ApiResult<&StripeSetup> {
    state.stripe.as_deref().ok_or_else(|| {
        ApiError::invalid(
            "payment-unavailable",
            "/payment",
            "card payment is not configured on this server",
        )
    })
}

fn provider(error: StripeError) -> ApiError {
    match error {
        StripeError::Rejected { message, .. } => ApiError::Conflict {
            kind: "payment-refused",
            detail: format!("the payment provider refused: {message}"),
            extensions: serde_json::Map::new(),
        },
        StripeError::Unavailable(why) => {
            tracing::warn!(%why, "Stripe unavailable");
            ApiError::PaymentProviderUnavailable
        }
        other => ApiError::Internal(anyhow::anyhow!("payment provider: {other}")),
    }
}
