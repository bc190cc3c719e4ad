//! The quote (`POST /api/v1/quotes`): feasible or not, the price, when each item is
//! ready, and the reasons and alternatives of an infeasible trip (an infeasible order's
//! 409 carries them too).

use super::read::{has, int, list, text};
use crate::json::Json;

/// `POST /api/v1/quotes`.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteView {
    pub feasible: bool,
    pub total_krw: i64,
    pub deposit_krw: i64,
    pub pickup_deadline: Option<String>,
    pub counter_id: i64,
    pub items: Vec<ItemQuoteView>,
    pub reasons: Vec<ReasonView>,
    pub alternatives: Vec<AlternativeView>,
    pub payment_methods: Vec<String>,
}

/// One item of a quote.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemQuoteView {
    pub unit_price_krw: i64,
    pub ready_by: Option<String>,
}

/// Why a quote is not feasible.
#[derive(Debug, Clone, PartialEq)]
pub enum ReasonView {
    NoCapacity,
    NotReadyInTime {
        ready_by: String,
        pickup_deadline: String,
    },
    PaymentUnavailable,
    NoPickupDuringStay,
    Other,
}

/// What would make a quote feasible.
#[derive(Debug, Clone, PartialEq)]
pub enum AlternativeView {
    LaterDeparture {
        earliest_departure: String,
    },
    OtherCounter {
        counter_id: i64,
        pickup_deadline: String,
    },
    SimplerOptions {
        ready_by: String,
    },
    Other,
}

impl QuoteView {
    /// Reads a quote; `None` if it is not one or lacks a member the server always sends
    /// (the pickup deadline and the items' ready-by may be `null`).
    pub fn from_json(json: &Json) -> Option<QuoteView> {
        let feasible = json.get("feasible").bool()?;
        let members = ["total_krw", "deposit_krw", "counter_id", "payment_methods"];
        if !has(json, &members) {
            return None;
        }
        let items = list(json.get("items"), |i| {
            has(i, &["unit_price_krw"]).then(|| ItemQuoteView {
                unit_price_krw: int(i.get("unit_price_krw")),
                ready_by: text(i.get("ready_by")),
            })
        })?;
        let reasons = list(json.get("reasons"), ReasonView::from_json)?;
        let alternatives = list(json.get("alternatives"), AlternativeView::from_json)?;
        Some(QuoteView {
            feasible,
            total_krw: int(json.get("total_krw")),
            deposit_krw: int(json.get("deposit_krw")),
            pickup_deadline: text(json.get("pickup_deadline")),
            counter_id: int(json.get("counter_id")),
            items,
            reasons,
            alternatives,
            payment_methods: list(json.get("payment_methods"), text).unwrap_or_default(),
        })
    }
}

impl ReasonView {
    /// A reason by its `code`; a code this widget does not know is `Other`.
    pub(super) fn from_json(json: &Json) -> Option<ReasonView> {
        let code = json.get("code").str()?;
        if code == "not_ready_in_time" && !has(json, &["ready_by", "pickup_deadline"]) {
            return None;
        }
        Some(match code {
            "no_capacity" => ReasonView::NoCapacity,
            "not_ready_in_time" => ReasonView::NotReadyInTime {
                ready_by: json.get("ready_by").string(),
                pickup_deadline: json.get("pickup_deadline").string(),
            },
            "payment_unavailable" => ReasonView::PaymentUnavailable,
            "no_pickup_during_stay" => ReasonView::NoPickupDuringStay,
            _ => ReasonView::Other,
        })
    }
}

impl AlternativeView {
    /// An alternative by its `kind`; a kind this widget does not know is `Other`.
    pub(super) fn from_json(json: &Json) -> Option<AlternativeView> {
        let kind = json.get("kind").str()?;
        let members: &[&str] = match kind {
            "later_departure" => &["earliest_departure"],
            "other_counter" => &["counter_id", "pickup_deadline"],
            "simpler_options" => &["ready_by"],
            _ => &[],
        };
        if !has(json, members) {
            return None;
        }
        Some(match kind {
            "later_departure" => AlternativeView::LaterDeparture {
                earliest_departure: json.get("earliest_departure").string(),
            },
            "other_counter" => AlternativeView::OtherCounter {
                counter_id: int(json.get("counter_id")),
                pickup_deadline: json.get("pickup_deadline").string(),
            },
            "simpler_options" => AlternativeView::SimplerOptions {
                ready_by: json.get("ready_by").string(),
            },
            _ => AlternativeView::Other,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests_support::quote;
    use crate::wire::Problem;

    #[test]
    fn quotes_and_problems_parse_with_unknown_members() {
        let quote = quote(
            r#"{"feasible":false,"total_krw":1,"deposit_krw":0,"counter_id":2,"pickup_deadline":null,
            "items":[{"unit_price_krw":1,"ready_by":null,"x":1}],
            "reasons":[{"code":"not_ready_in_time","item":0,"ready_by":"2026-12-08T18:00:00+09:00",
              "pickup_deadline":"2026-12-05T15:00:00+09:00","detail":"d"},{"code":"brand_new"}],
            "alternatives":[{"kind":"later_departure","earliest_departure":"2026-12-09T09:00:00+09:00","detail":"d"},
              {"kind":"other_counter","counter_id":1,"counter_code":"myeongdong","pickup_deadline":"x","detail":"d"}],
            "payment_methods":["stripe"]}"#,
        );
        assert!(matches!(
            quote.reasons[0],
            ReasonView::NotReadyInTime { .. }
        ));
        assert_eq!(quote.reasons[1], ReasonView::Other);
        assert!(matches!(
            quote.alternatives[1],
            AlternativeView::OtherCounter { counter_id: 1, .. }
        ));
        let problem = Problem::from_json(
            &Json::parse(
                r#"{"type":"urn:gongbang:problem:invalid-traveller","title":"t","status":422,
            "detail":"give the name","field":"/traveller/name"}"#,
            )
            .expect("json"),
        );
        assert_eq!(problem.slug(), "invalid-traveller");
        assert_eq!(problem.field.as_deref(), Some("/traveller/name"));
    }
}
