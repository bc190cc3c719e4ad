//! Goods a counter holds after their pickup deadline, as its staff see them.

use serde::Serialize;
use utoipa::ToSchema;

use crate::processes::no_show::HeldGoods;
use crate::wire::SeoulTime;

/// An order whose goods wait at this counter past the pickup deadline.
#[derive(Debug, Serialize, ToSchema)]
pub struct HeldGoodsView {
    pub order_id: String,
    /// The traveller's pickup code (a late pickup still needs it and the passport).
    pub pickup_code: String,
    pub traveller_name: String,
    /// `at_counter` or `no_show`.
    pub status: &'static str,
    pub pickup_deadline: SeoulTime,
    /// When holding ends and the goods go back to the workshop.
    pub held_until: SeoulTime,
    /// Whole days left until then (0 on the last day).
    pub days_left: i64,
}

impl HeldGoodsView {
    /// The view of held goods at `now`.
    pub fn of(goods: &HeldGoods, now: time::OffsetDateTime) -> Self {
        let order = &goods.order;
        HeldGoodsView {
            order_id: order.terms.id.to_string(),
            pickup_code: order.terms.pickup_code.to_string(),
            traveller_name: order.terms.traveller.name.to_string(),
            status: order.status.code(),
            pickup_deadline: order.terms.trip.pickup_deadline.into(),
            held_until: goods.held_until.into(),
            days_left: (goods.held_until - now).whole_days().max(0),
        }
    }
}
