//! The order as the traveller sees it: the `201` of `POST /api/v1/orders` (pickup code,
//! token, how to pay now) and `GET /api/v1/orders/{id}` (status, items, trip, money).

use std::collections::BTreeMap;

use super::read::{has, int, list};
use crate::json::{Json, string_map};

/// `201` of `POST /api/v1/orders`.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderCreated {
    pub id: String,
    pub token: String,
    pub pickup_code: String,
    pub payment: PaymentStart,
    pub order: OrderView,
}

/// How the traveller pays now.
#[derive(Debug, Clone, PartialEq)]
pub struct PaymentStart {
    pub method: String,
    pub amount_due_now_krw: i64,
    pub client_secret: Option<String>,
}

/// `GET /api/v1/orders/{id}`, the members the confirmation shows.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderView {
    pub status: String,
    pub total_krw: i64,
    pub items: Vec<OrderItemView>,
    pub itinerary: TripView,
    pub money: MoneyView,
}

/// One line of an order.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderItemView {
    pub product_id: i64,
    pub options: BTreeMap<String, String>,
    pub ready_by: String,
}

/// The trip of an order.
#[derive(Debug, Clone, PartialEq)]
pub struct TripView {
    pub counter_id: i64,
    pub pickup_deadline: String,
}

/// An order's money.
#[derive(Debug, Clone, PartialEq)]
pub struct MoneyView {
    pub paid_krw: i64,
    pub due_krw: i64,
}

impl OrderCreated {
    /// Reads the `201` of `POST /api/v1/orders`.
    pub fn from_json(json: &Json) -> Option<OrderCreated> {
        let payment = json.get("payment");
        if !has(json, &["pickup_code"]) || !has(payment, &["method", "amount_due_now_krw"]) {
            return None;
        }
        let order = OrderView::from_json(json)?;
        Some(OrderCreated {
            id: json.get("id").str()?.to_owned(),
            token: json.get("token").str()?.to_owned(),
            pickup_code: json.get("pickup_code").string(),
            payment: PaymentStart {
                method: payment.get("method").string(),
                amount_due_now_krw: int(payment.get("amount_due_now_krw")),
                client_secret: payment.get("client_secret").str().map(str::to_owned),
            },
            order,
        })
    }
}

impl OrderView {
    /// Reads `GET /api/v1/orders/{id}`; `None` when a member the server always sends is
    /// missing.
    pub fn from_json(json: &Json) -> Option<OrderView> {
        let trip = json.get("itinerary");
        let money = json.get("money");
        let complete = has(json, &["total_krw"])
            && has(trip, &["counter_id", "pickup_deadline"])
            && has(money, &["paid_krw", "due_krw"]);
        if !complete {
            return None;
        }
        let items = list(json.get("items"), |i| {
            has(i, &["product_id", "options", "ready_by"]).then(|| OrderItemView {
                product_id: int(i.get("product_id")),
                options: string_map(i.get("options")),
                ready_by: i.get("ready_by").string(),
            })
        })?;
        Some(OrderView {
            status: json.get("status").str()?.to_owned(),
            total_krw: int(json.get("total_krw")),
            items,
            itinerary: TripView {
                counter_id: int(trip.get("counter_id")),
                pickup_deadline: trip.get("pickup_deadline").string(),
            },
            money: MoneyView {
                paid_krw: int(money.get("paid_krw")),
                due_krw: int(money.get("due_krw")),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests_support::assert_required;

    const CREATED: &str = r#"{"id":"0193","token":"t0k3n","status":"confirmed",
        "payment":{"method":"counter","amount_due_now_krw":0},"pickup_code":"K7Q2-9XAB",
        "total_krw":85000,"itinerary":{"counter_id":2,"pickup_deadline":"2026-12-22T15:00:00+09:00"},
        "items":[{"product_id":9,"options":{"monogram":"MT"},"ready_by":"2026-12-08T18:00:00+09:00"}],
        "money":{"paid_krw":0,"due_krw":85000}}"#;

    #[test]
    fn a_renamed_member_the_server_always_sends_fails_the_read() {
        let created = assert_required(
            CREATED,
            OrderCreated::from_json,
            &[
                (r#""pickup_code""#, r#""code""#),
                (r#""ready_by""#, r#""ready_at""#),
                (r#""pickup_deadline""#, r#""deadline""#),
                (r#""due_krw""#, r#""owed_krw""#),
            ],
        );
        assert_eq!(created.pickup_code, "K7Q2-9XAB");
        assert_eq!(
            created.order.itinerary.pickup_deadline,
            "2026-12-22T15:00:00+09:00"
        );
    }
}
