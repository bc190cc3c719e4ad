//! Billing: taking the money an order needs, when it needs it, and giving back what
//! policy says, with the money record always adding up.
//!
//! A card order is charged at order time (the deposit, saving the card, or the whole
//! price) through a Stripe PaymentIntent whose idempotency key derives from the order id;
//! Stripe's webhook confirms it (and creates the tickets). The balance is charged
//! off-session when the goods are ready, or collected at the counter. Cancellations and
//! declines refund by `domain::payment::refund_due`. Unpaid card orders give their
//! capacity back after a hold. Nothing about payment state is taken from the browser.

use std::time::Duration as StdDuration;

use time::Duration;

use db::payments::{NewPayment, PaymentRow};
use domain::actor::Actor;
use domain::event::EventKind;
use domain::money::Krw;
use domain::order::OrderStatus;
use domain::order::{Order, OrderId};
use domain::payment::{
    Entry, EntryKind, EntryStatus, MoneyRecord, PaymentMethod, due_at_order, money_record,
    refund_due,
};

use crate::AppState;
use crate::error::{ApiError, ApiResult};
use crate::payments::stripe::{
    IntentStatus, NewIntent, OffSession, RefundStatus, StripeError, StripeGateway,
};

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

/// An order's money record, from its stored movements.
pub async fn record_of(
    state: &AppState,
    order: &Order,
) -> ApiResult<(MoneyRecord, Vec<PaymentRow>)> {
    let rows = db::payments::for_order(&state.db, &order.terms.id).await?;
    let entries: Vec<Entry> = rows.iter().map(|r| r.entry).collect();
    Ok((money_record(order.terms.total, &entries), rows))
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

/// Gives back what policy says after an order was cancelled or declined from
/// `status_before`: unpaid card payments are cancelled, paid ones refunded.
pub async fn refund_by_policy(
    state: &AppState,
    order_id: &OrderId,
    status_before: OrderStatus,
    declined: bool,
) -> ApiResult<Krw> {
    let Some(order) = db::orders::find(&state.db, order_id).await? else {
        return Ok(Krw::ZERO);
    };
    let Some(setup) = state.stripe.as_deref() else {
        return Ok(Krw::ZERO);
    };
    let (record, rows) = record_of(state, &order).await?;
    let now = state.clock.now();
    for pending in rows
        .iter()
        .filter(|r| r.entry.kind == EntryKind::Charge && r.entry.status == EntryStatus::Pending)
    {
        let Some(intent) = pending.stripe_id.as_deref() else {
            continue;
        };
        let key = format!("order-{order_id}-cancel-{intent}");
        match setup.gateway.cancel_payment_intent(intent, &key).await {
            Ok(_) | Err(StripeError::Rejected { .. }) => {}
            Err(error) => return Err(provider(error)),
        }
        db::payments::settle(&state.db, intent, EntryStatus::Failed, None, now).await?;
    }
    let mut owed = refund_due(status_before, declined, &record, order.terms.deposit);
    let refunded = owed;
    let paid: Vec<&PaymentRow> = rows
        .iter()
        .filter(|r| r.entry.kind == EntryKind::Charge && r.entry.status == EntryStatus::Succeeded)
        .collect();
    for charge in paid {
        if owed <= Krw::ZERO {
            break;
        }
        let Some(intent) = charge.stripe_id.as_deref() else {
            continue;
        };
        let amount = owed.min(charge.entry.amount);
        let key = format!("order-{order_id}-refund-{intent}-{}", amount.won());
        let refund = setup
            .gateway
            .refund(intent, amount.won(), order_id.as_str(), &key)
            .await
            .map_err(provider)?;
        let status = match refund.status {
            RefundStatus::Succeeded => EntryStatus::Succeeded,
            RefundStatus::Failed | RefundStatus::Canceled => EntryStatus::Failed,
            _ => EntryStatus::Pending,
        };
        let reason = if declined {
            "refund: the workshop declined"
        } else {
            "refund: cancelled"
        };
        let entry = Entry {
            kind: EntryKind::Refund,
            status,
            amount: Krw::new(refund.amount_krw),
        };
        let new = NewPayment {
            order_id,
            entry,
            method: PaymentMethod::Stripe,
            stripe_id: Some(&refund.id),
            note: reason,
            at: now,
        };
        db::payments::record(&state.db, &new).await?;
        owed = Krw::new(owed.won() - amount.won());
    }
    Ok(refunded)
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
        if db::orders::transition(&state.db, &id, release, &Actor::System, note, now).await? {
            refund_by_policy(state, &id, OrderStatus::Placed, false).await?;
            released += 1;
        }
    }
    Ok(released)
}

/// Runs [`release_unpaid`] every `every` until the process ends.
pub fn spawn_release_worker(state: AppState, every: StdDuration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            if let Err(error) = release_unpaid(&state).await {
                tracing::warn!(%error, "releasing unpaid orders failed");
            }
            tokio::time::sleep(every).await;
        }
    })
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
