//! The order as the traveller sees it: the `201` of `POST /api/v1/orders` (pickup code,
//! token, how to pay now) and `GET /api/v1/orders/{id}` (status, items, trip, money).

use std::collections::BTreeMap;

use super::read::{int, list};
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
    pub itinerary: Option<TripView>,
    pub money: Option<MoneyView>,
}

/// One line of an order.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderItemView {
    pub product_id: i64,
    pub options: BTreeMap<String, String>,
    pub ready_by: Option<String>,
}

/// The trip of an order.
#[derive(Debug, Clone, PartialEq)]
pub struct TripView {
    pub counter_id: i64,
    pub pickup_deadline: Option<String>,
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
            id: json.get("id").str()?.to_owned(),
            token: json.get("token").str()?.to_owned(),
            pickup_code: json.get("pickup_code").string(),
            payment: PaymentStart {
                method: payment.get("method").string(),
                amount_due_now_krw: int(payment.get("amount_due_now_krw")),
                client_secret: payment.get("client_secret").str().map(str::to_owned),
            },
            order: OrderView::from_json(json)?,
        })
    }
}

impl OrderView {
    /// Reads `GET /api/v1/orders/{id}`.
    pub fn from_json(json: &Json) -> Option<OrderView> {
        let trip = json.get("itinerary");
        let money = json.get("money");
        Some(OrderView {
            status: json.get("status").str()?.to_owned(),
            total_krw: int(json.get("total_krw")),
            items: list(json.get("items"), |i| {
                Some(OrderItemView {
                    product_id: int(i.get("product_id")),
                    options: string_map(i.get("options")),
                    ready_by: i.get("ready_by").str().map(str::to_owned),
                })
            }),
            itinerary: (!trip.is_null()).then(|| TripView {
                counter_id: int(trip.get("counter_id")),
                pickup_deadline: trip.get("pickup_deadline").str().map(str::to_owned),
            }),
            money: (!money.is_null()).then(|| MoneyView {
                paid_krw: int(money.get("paid_krw")),
                due_krw: int(money.get("due_krw")),
            }),
        })
    }
}
