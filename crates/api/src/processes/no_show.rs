//! The no-show lifecycle after the pickup deadline (`domain::no_show`): a worker tells
//! the traveller that the goods are held and, a week before the end, that holding ends;
//! when the counter's holding period ends it applies the workshop's policy (the deposit
//! kept, the balance refunded or kept), gives the goods back to the workshop and makes
//! the order a no-show, every step recorded. Counters list the goods they hold.

use time::OffsetDateTime;

use domain::actor::Actor;
use domain::counter::CounterId;
use domain::event::EventKind;
use domain::no_show::{Holding, held_until, holding, no_show_refund};
use domain::order::{Order, OrderStatus};

use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiError, ApiResult};
use crate::processes::money::record_of;
use crate::processes::refunds;
use crate::wire::SeoulTime;

/// Goods a counter holds for a traveller who did not come.
pub struct HeldGoods {
    /// The order.
    pub order: Order,
    /// When holding ends and the goods go back to the workshop.
    pub held_until: OffsetDateTime,
}

/// One pass of the holding worker over every counter. Returns how many orders it ended
/// (goods released, order a no-show).
pub async fn apply_holding(state: &AppState) -> ApiResult<usize> {
    let now = state.clock.now();
    let mut ended = 0;
    for id in db::orders::held(&state.db, now, None).await? {
        let Some(order) = db::orders::find(&state.db, &id).await? else {
            continue;
        };
        let days = db::catalogue::holding_days(&state.db, order.terms.trip.counter_id).await?;
        match holding(order.terms.trip.pickup_deadline, days, now) {
            Holding::NotYet => {}
            Holding::Held { until, ending } => tell_traveller(state, &order, until, ending).await?,
            Holding::Ended { ended: at } => {
                if end_holding(state, &order, at).await? {
                    ended += 1;
                }
            }
        }
    }
    Ok(ended)
}

/// The goods held at the caller's counter, soonest end of holding first.
pub async fn held_at_counter(state: &AppState, staff: &Staff) -> ApiResult<Vec<HeldGoods>> {
    let counter: CounterId = staff.counter()?;
    let now = state.clock.now();
    let days = db::catalogue::holding_days(&state.db, counter).await?;
    let mut held = Vec::new();
    for id in db::orders::held(&state.db, now, Some(counter)).await? {
        if let Some(order) = db::orders::find(&state.db, &id).await? {
            let until = held_until(order.terms.trip.pickup_deadline, days);
            held.push(HeldGoods {
                order,
                held_until: until,
            });
        }
    }
    held.sort_by_key(|goods| goods.held_until);
    Ok(held)
}

/// 409 `goods-released`: the holding period ended and the goods went back to the
/// workshop; they can no longer be handed over here.
pub fn goods_released(at: OffsetDateTime) -> ApiError {
    ApiError::Conflict {
        kind: "goods-released",
        detail: format!(
            "the holding period ended; the goods went back to the workshop on {}",
            SeoulTime::from(at)
        ),
        extensions: serde_json::Map::new(),
    }
}

/// The traveller is told once that the goods are held, and once that holding ends soon.
async fn tell_traveller(
    state: &AppState,
    order: &Order,
    until: OffsetDateTime,
    ending: bool,
) -> ApiResult<()> {
    let told = db::events::for_order(&state.db, &order.terms.id).await?;
    let said = |kind: EventKind| told.iter().any(|event| event.kind == kind);
    let (kind, note) = if ending {
        (
            EventKind::OrderHoldEnding,
            format!(
                "collect your goods at the counter by {}; after that they go back to the workshop",
                SeoulTime::from(until)
            ),
        )
    } else {
        (
            EventKind::OrderHeld,
            format!(
                "you did not collect your goods by the pickup deadline; the counter holds them until {}",
                SeoulTime::from(until)
            ),
        )
    };
    if !said(kind) {
        let now = state.clock.now();
        db::events::note(&state.db, &order.terms.id, kind, &note, now).await?;
    }
    Ok(())
}

/// Applies the workshop's policy at the end of holding, in one transaction, then sends
/// the refund (if any).
async fn end_holding(state: &AppState, order: &Order, ended: OffsetDateTime) -> ApiResult<bool> {
    let now = state.clock.now();
    let change = match order.status {
        OrderStatus::NoShow => None,
        status => match status.transition(OrderStatus::NoShow) {
            Ok(change) => Some(change),
            Err(_) => return Ok(false),
        },
    };
    let policy = db::catalogue::no_show_policy(&state.db, &order.workshops()).await?;
    let (record, _) = record_of(state, order).await?;
    let owed = no_show_refund(policy, &record, order.terms.deposit);
    let money_back = refunds::split(state, order, owed).await?;
    let note = format!(
        "not collected: the holding period ended on {}; the goods went back to the workshop{}",
        SeoulTime::from(ended),
        if owed > domain::money::Krw::ZERO {
            format!("; {owed} of the balance is refunded, the deposit is kept")
        } else {
            String::new()
        }
    );
    let because = (&Actor::System, note.as_str(), now);
    let released =
        db::orders::release_goods(&state.db, &order.terms.id, change, because, &money_back).await?;
    if released && !money_back.is_empty() {
        refunds::send_for_order(state, &order.terms.id).await;
    }
    Ok(released)
}
