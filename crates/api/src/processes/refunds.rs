//! Refunds: what an ending order gives back ([`decide`], stored with the change that
//! ends it) and the worker that sends each money-back to Stripe until Stripe answers
//! ([`retry_due`]), exactly once per PaymentIntent whatever the number of server
//! processes: a row is claimed by one conditional update before it is sent, and sent
//! again only with the same idempotency key.

use time::{Duration, OffsetDateTime};

use db::refunds::{Answer, Refund};
use domain::money::Krw;
use domain::order::{Order, OrderId, OrderStatus};
use domain::payment::{EntryKind, EntryStatus, refund_due};
use domain::refund::{CardPayment, MoneyBack, RefundKind, money_back};

use crate::AppState;
use crate::error::ApiResult;
use crate::payments::stripe::{IntentStatus, RefundStatus, StripeError, StripeGateway};
use crate::processes::money::record_of;

/// How long a claimed money-back is left to the process sending it before another may.
const LEASE: Duration = Duration::minutes(2);
/// The longest wait between two attempts.
const MAX_BACKOFF: Duration = Duration::hours(1);
/// How many due money-backs one pass takes.
const BATCH: u64 = 50;

/// What an order that ends from `status_before` gives back by policy (everything paid
/// before production or on a decline, the deposit kept after that), split over its card
/// payments; card payments not yet taken are voided.
pub async fn decide(
    state: &AppState,
    order: &Order,
    status_before: OrderStatus,
    declined: bool,
) -> ApiResult<Vec<MoneyBack>> {
    let (record, _) = record_of(state, order).await?;
    let owed = refund_due(status_before, declined, &record, order.terms.deposit);
    split(state, order, owed).await
}

/// `owed` split over the order's card payments (its card payments not yet taken are
/// voided whatever is owed).
pub async fn split(state: &AppState, order: &Order, owed: Krw) -> ApiResult<Vec<MoneyBack>> {
    let (_, rows) = record_of(state, order).await?;
    Ok(money_back(owed, &card_payments(&rows)))
}

/// The card payments of an order not yet taken, to void (nothing is owed back).
pub async fn decide_voids(state: &AppState, order: &Order) -> ApiResult<Vec<MoneyBack>> {
    split(state, order, Krw::ZERO).await
}

fn card_payments(rows: &[db::payments::PaymentRow]) -> Vec<CardPayment<'_>> {
    rows.iter()
        .filter(|row| row.entry.kind == EntryKind::Charge)
        .filter_map(|row| {
            Some(CardPayment {
                intent: row.stripe_id.as_deref()?,
                amount: row.entry.amount,
                status: row.entry.status,
            })
        })
        .collect()
}

/// Sends the order's money-backs now, right after the change that decided them; what
/// cannot be sent now stays pending for the worker (a failure here is only logged).
pub async fn send_for_order(state: &AppState, order_id: &OrderId) {
    if let Err(error) = send_due(state, Some(order_id)).await {
        tracing::warn!(%error, order = %order_id, "sending refunds failed; the worker retries");
    }
}

/// One pass of the refund worker: sends every money-back that is due. Returns how many
/// this process settled (refunded, voided or refused for good).
pub async fn retry_due(state: &AppState) -> ApiResult<usize> {
    send_due(state, None).await
}

async fn send_due(state: &AppState, order: Option<&OrderId>) -> ApiResult<usize> {
    let Some(setup) = state.stripe.as_deref() else {
        return Ok(0);
    };
    let now = state.clock.now();
    let mut settled = 0;
    for refund in db::refunds::due(&state.db, now, order, BATCH).await? {
        if !db::refunds::claim(&state.db, refund.id, refund.attempts, now, now + LEASE).await? {
            continue;
        }
        if let Some(outcome) = attempt(state, &setup.gateway, refund.clone(), now).await?
            && settle(state, &refund, outcome, now).await?
        {
            settled += 1;
        }
    }
    Ok(settled)
}

/// What came of one attempt: `Some` with Stripe's final answer, `None` when it must be
/// tried again later (already recorded).
async fn attempt(
    state: &AppState,
    gateway: &StripeGateway,
    refund: Refund,
    now: OffsetDateTime,
) -> ApiResult<Option<Outcome>> {
    let refund = match refund.money_back.kind {
        RefundKind::Refund => refund,
        RefundKind::Void => match void(state, gateway, &refund, now).await? {
            VoidOutcome::Done(outcome) => return Ok(outcome),
            VoidOutcome::WasPaid(amount) => {
                db::refunds::turn_into_refund(&state.db, &refund, amount, now).await?
            }
        },
    };
    let key = format!("order-{}-refund-{}", refund.order_id, refund.id);
    let sent = gateway
        .refund(
            &refund.money_back.payment_intent,
            refund.money_back.amount.won(),
            refund.order_id.as_str(),
            &key,
        )
        .await;
    match sent {
        Ok(made) => Ok(Some(Outcome::Refunded {
            stripe_id: made.id,
            amount: Krw::new(made.amount_krw),
            status: match made.status {
                RefundStatus::Succeeded => EntryStatus::Succeeded,
                RefundStatus::Failed | RefundStatus::Canceled => EntryStatus::Failed,
                _ => EntryStatus::Pending,
            },
        })),
        Err(error) => later_or_refused(state, &refund, error, now).await,
    }
}

enum Outcome {
    Voided,
    Refunded {
        stripe_id: String,
        amount: Krw,
        status: EntryStatus,
    },
    Refused(String),
}

enum VoidOutcome {
    Done(Option<Outcome>),
    WasPaid(Krw),
}

/// Cancels a PaymentIntent not known to be paid; one paid meanwhile is refunded instead.
async fn void(
    state: &AppState,
    gateway: &StripeGateway,
    refund: &Refund,
    now: OffsetDateTime,
) -> ApiResult<VoidOutcome> {
    let intent = &refund.money_back.payment_intent;
    let key = format!("order-{}-void-{}", refund.order_id, refund.id);
    match gateway.cancel_payment_intent(intent, &key).await {
        Ok(_) => Ok(VoidOutcome::Done(Some(Outcome::Voided))),
        Err(error @ StripeError::Rejected { .. }) if !error.is_retryable() => {
            // Not cancellable: paid, already cancelled, or still processing.
            match gateway.retrieve_payment_intent(intent).await {
                Ok(found) if found.status == IntentStatus::Succeeded => {
                    Ok(VoidOutcome::WasPaid(Krw::new(found.amount_krw)))
                }
                Ok(found) if found.status == IntentStatus::Canceled => {
                    Ok(VoidOutcome::Done(Some(Outcome::Voided)))
                }
                Ok(found) => {
                    let why = format!("the payment is {:?}; trying again", found.status);
                    retry(state, refund, &why, now).await?;
                    Ok(VoidOutcome::Done(None))
                }
                Err(error) => Ok(VoidOutcome::Done(
                    later_or_refused(state, refund, error, now).await?,
                )),
            }
        }
        Err(error) => Ok(VoidOutcome::Done(
            later_or_refused(state, refund, error, now).await?,
        )),
    }
}

/// A Stripe error: refused for good when Stripe rejected the request itself, otherwise
/// tried again after a backoff.
async fn later_or_refused(
    state: &AppState,
    refund: &Refund,
    error: StripeError,
    now: OffsetDateTime,
) -> ApiResult<Option<Outcome>> {
    match error {
        StripeError::Rejected { message, .. } if !error.is_retryable() => {
            Ok(Some(Outcome::Refused(message)))
        }
        other => {
            retry(state, refund, &other.to_string(), now).await?;
            Ok(None)
        }
    }
}

async fn retry(state: &AppState, refund: &Refund, why: &str, now: OffsetDateTime) -> ApiResult<()> {
    tracing::info!(refund = refund.id, order = %refund.order_id, why, "refund not sent yet");
    let at = now + backoff(refund.attempts + 1);
    Ok(db::refunds::retry_later(&state.db, refund.id, why, at).await?)
}

async fn settle(
    state: &AppState,
    refund: &Refund,
    outcome: Outcome,
    now: OffsetDateTime,
) -> ApiResult<bool> {
    let answer = match &outcome {
        Outcome::Voided => Answer::Voided,
        Outcome::Refunded {
            stripe_id,
            amount,
            status,
        } => Answer::Refunded {
            stripe_id,
            amount: *amount,
            status: *status,
        },
        Outcome::Refused(why) => {
            tracing::error!(refund = refund.id, order = %refund.order_id, why, "Stripe refused a refund");
            Answer::Refused(why)
        }
    };
    Ok(db::refunds::settle(&state.db, refund, answer, now).await?)
}

/// The wait before attempt `attempts + 1`: 30 seconds, doubling, at most an hour.
pub fn backoff(attempts: i32) -> Duration {
    let doublings = attempts.saturating_sub(1).clamp(0, 12);
    (Duration::seconds(30) * 2i32.pow(doublings as u32)).min(MAX_BACKOFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_an_hour() {
        assert_eq!(backoff(1), Duration::seconds(30));
        assert_eq!(backoff(2), Duration::seconds(60));
        assert_eq!(backoff(4), Duration::seconds(240));
        assert_eq!(backoff(20), MAX_BACKOFF);
    }
}
