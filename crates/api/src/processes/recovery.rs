//! Recovery: orders a request left half-way (the server died between placing an order
//! and confirming it, or before its card payment started) are finished or released by
//! this worker, whatever their payment method, so that no order holds workshop hours
//! for ever without tickets.

use time::Duration;

use domain::actor::Actor;
use domain::order::{Order, OrderStatus};
use domain::payment::PaymentMethod;

use crate::AppState;
use crate::error::ApiResult;
use crate::processes::billing::DEFAULT_HOLD;
use crate::processes::fulfilment;

/// How long a `placed` order is left to the request that placed it before the worker
/// takes over (a request confirms its pay-at-counter order within milliseconds; should
/// both try, the confirmation's status guard lets one of them through).
pub const GRACE: Duration = Duration::seconds(15);

/// Finishes or releases every order left `placed` for longer than [`GRACE`]: a
/// pay-at-counter order is confirmed (its tickets created), a card order whose payment
/// never started is released once the payment hold has passed. Card orders whose payment
/// did start are the release worker's (`billing::release_unpaid`). Returns how many
/// orders this call moved.
pub async fn finish_half_placed(state: &AppState) -> ApiResult<usize> {
    let now = state.clock.now();
    let mut moved = 0;
    for id in db::orders::placed_before(&state.db, now - GRACE).await? {
        let Some(order) = db::orders::find(&state.db, &id).await? else {
            continue;
        };
        let done = match order.terms.payment_method {
            PaymentMethod::Counter => {
                let note = "finished after an interruption; paid at the counter on pickup";
                fulfilment::confirm_order(state, &order, &Actor::System, note).await?
            }
            PaymentMethod::Stripe => release_if_never_paid(state, &order).await?,
        };
        if done {
            moved += 1;
        }
    }
    Ok(moved)
}

async fn release_if_never_paid(state: &AppState, order: &Order) -> ApiResult<bool> {
    let now = state.clock.now();
    let hold = state.stripe.as_deref().map_or(DEFAULT_HOLD, |s| s.hold);
    if order.terms.created_at > now - hold {
        return Ok(false);
    }
    let started = !db::payments::for_order(&state.db, &order.terms.id)
        .await?
        .is_empty();
    if started {
        return Ok(false);
    }
    let Ok(release) = order.status.transition(OrderStatus::Cancelled) else {
        return Ok(false);
    };
    let note = "the card payment never started; the workshop hours were released";
    let because = (&Actor::System, note, now);
    Ok(db::orders::transition(&state.db, &order.terms.id, release, because, &[]).await?)
}
