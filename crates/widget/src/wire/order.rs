//! The order as the traveller sees it: the `201` of `POST /api/v1/orders` (pickup code,
//! token, how to pay now) and `GET /api/v1/orders/{id}` (status, items, trip, money).

use std::collections::BTreeMap;

use super::read::{int, list, text};
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
        Some(OrderCreated {
            id: text(json.get("id"))?,
            token: text(json.get("token"))?,
            pickup_code: text(json.get("pickup_code"))?,
            payment: PaymentStart {
                method: text(payment.get("method"))?,
                amount_due_now_krw: int(payment.get("amount_due_now_krw"))?,
                client_secret: text(payment.get("client_secret")),
            },
            order: OrderView::from_json(json)?,
        })
    }
}

impl OrderView {
    /// Reads `GET /api/v1/orders/{id}`; `None` when a member the server always sends is
    /// missing.
    pub fn from_json(json: &Json) -> Option<OrderView> {
        let trip = json.get("itinerary");
        let money = json.get("money");
        Some(OrderView {
            status: text(json.get("status"))?,
            total_krw: int(json.get("total_krw"))?,
            items: list(json.get("items"), |i| {
                Some(OrderItemView {
                    product_id: int(i.get("product_id"))?,
                    options: Some(i.get("options"))
                        .filter(|o| matches!(o, Json::Object(_)))
                        .map(string_map)?,
                    ready_by: text(i.get("ready_by"))?,
                })
            })?,
            itinerary: TripView {
                counter_id: int(trip.get("counter_id"))?,
                pickup_deadline: text(trip.get("pickup_deadline"))?,
            },
            money: MoneyView {
                paid_krw: int(money.get("paid_krw"))?,
                due_krw: int(money.get("due_krw"))?,
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
