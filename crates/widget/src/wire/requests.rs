//! What the widget sends: the items, the trip and the traveller of a quote or an order,
//! as JSON bodies.

use std::collections::BTreeMap;

use crate::json::Json;

/// One item of a quote or an order.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemRequest {
    pub product_id: i64,
    pub quantity: i64,
    pub options: BTreeMap<String, String>,
    /// The fitting, as `POST /api/v1/products/{id}/fit` takes it.
    pub fitting: Option<Json>,
}

/// The trip, in RFC 3339.
#[derive(Debug, Clone, PartialEq)]
pub struct ItineraryRequest {
    pub arrival: String,
    pub departure: String,
    pub counter_id: i64,
}

/// `POST /api/v1/quotes`.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteRequest {
    pub items: Vec<ItemRequest>,
    pub itinerary: ItineraryRequest,
}

/// `POST /api/v1/orders`.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderRequest {
    pub items: Vec<ItemRequest>,
    pub itinerary: ItineraryRequest,
    pub traveller: TravellerRequest,
    pub payment: String,
}

/// Who collects.
#[derive(Debug, Clone, PartialEq)]
pub struct TravellerRequest {
    pub name: String,
    pub email: String,
    pub passport_last4: String,
    pub language: String,
}

fn options_json(options: &BTreeMap<String, String>) -> Json {
    Json::Object(
        options
            .iter()
            .map(|(k, v)| (k.clone(), Json::String(v.clone())))
            .collect(),
    )
}

impl ItemRequest {
    fn to_json(&self) -> Json {
        Json::object([
            ("product_id", self.product_id.into()),
            ("quantity", self.quantity.into()),
            ("options", options_json(&self.options)),
            ("fitting", self.fitting.clone().unwrap_or_default()),
        ])
    }
}

impl ItineraryRequest {
    fn to_json(&self) -> Json {
        Json::object([
            ("arrival", self.arrival.as_str().into()),
            ("departure", self.departure.as_str().into()),
            ("counter_id", self.counter_id.into()),
        ])
    }
}

impl QuoteRequest {
    /// The request body.
    pub fn to_json(&self) -> Json {
        Json::object([
            (
                "items",
                Json::Array(self.items.iter().map(ItemRequest::to_json).collect()),
            ),
            ("itinerary", self.itinerary.to_json()),
        ])
    }
}

impl OrderRequest {
    /// The request body.
    pub fn to_json(&self) -> Json {
        let t = &self.traveller;
        Json::object([
            (
                "items",
                Json::Array(self.items.iter().map(ItemRequest::to_json).collect()),
            ),
            ("itinerary", self.itinerary.to_json()),
            (
                "traveller",
                Json::object([
                    ("name", t.name.as_str().into()),
                    ("email", t.email.as_str().into()),
                    ("passport_last4", t.passport_last4.as_str().into()),
                    ("language", t.language.as_str().into()),
                ]),
            ),
            ("payment", self.payment.as_str().into()),
        ])
    }
}
