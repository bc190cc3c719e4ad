//! Pickup codes and their rate limit: every use of a code is counted, and too many
//! failed look-ups within [`LOOKUP_WINDOW`] answer 429.

use domain::counter::CounterId;
use domain::order::Order;
use domain::pickup_code::PickupCode;

use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiError, ApiResult, RetryAfter};
use crate::processes::pickup::rules::{LOOKUP_WINDOW, MAX_FAILED_LOOKUPS, not_found};

/// The order with this pickup code at `counter`, after counting the look-up: 429 when
/// the staff member failed too often lately, 404 (the look-up stays counted as failed)
/// for a malformed or unknown code and for another counter's order. Returns the
/// look-up's id, to be marked succeeded by the caller.
pub(super) async fn order_for_code(
    state: &AppState,
    staff: &Staff,
    counter: CounterId,
    code: &str,
) -> ApiResult<(Order, i32)> {
    let now = state.clock.now();
    let staff_id = staff.0.id;
    // Counted as failed before anything is looked up, so that concurrent guesses (also
    // through other server processes) all count.
    let lookup = db::handovers::begin_lookup(&state.db, staff_id, now).await?;
    let failures =
        db::handovers::failed_lookups_since(&state.db, staff_id, now - LOOKUP_WINDOW, lookup)
            .await?;
    if let Some(tenth_newest) = failures.get(MAX_FAILED_LOOKUPS - 1) {
        // A refused attempt looked nothing up: it does not extend the wait.
        db::handovers::withdraw_lookup(&state.db, lookup).await?;
        let retry_after = RetryAfter::from_wait(*tenth_newest + LOOKUP_WINDOW - now);
        let detail = format!(
            "too many failed pickup look-ups; try again in {} seconds",
            retry_after.seconds()
        );
        return Err(ApiError::TooManyAttempts {
            detail,
            retry_after,
        });
    }
    let Ok(code) = code.parse::<PickupCode>() else {
        return Err(not_found());
    };
    let Some(id) = db::handovers::order_by_pickup_code(&state.db, &code).await? else {
        return Err(not_found());
    };
    let order = db::orders::find(&state.db, &id)
        .await?
        .ok_or_else(not_found)?;
    if order.terms.trip.counter_id != counter {
        return Err(not_found());
    }
    Ok((order, lookup))
}

/// The order with this pickup code at the caller's counter, the look-up counted as
/// succeeded (for the processes that need nothing more of the code than its order).
pub(super) async fn found_order(state: &AppState, staff: &Staff, code: &str) -> ApiResult<Order> {
    let counter = staff.counter()?;
    let (order, lookup) = order_for_code(state, staff, counter, code).await?;
    db::handovers::lookup_succeeded(&state.db, lookup).await?;
    Ok(order)
}
