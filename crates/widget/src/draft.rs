//! The traveller's draft: everything entered so far, saved to `localStorage` on every
//! change and restored on load, so a reload, a lost connection or a closed tab loses
//! nothing. Values are kept as typed (a half-typed measurement survives a reload too).
//!
//! The draft carries the `Idempotency-Key` of its order: made once, kept across retries
//! and reloads, so a retry after a network failure can never place two orders. A placed
//! order is remembered separately ([`PlacedOrder`]) so a reload shows its confirmation.

use std::collections::BTreeMap;

use crate::json::{Json, string_map};

/// The `localStorage` key of the draft.
pub const DRAFT_KEY: &str = "gongbang:draft";
/// The `localStorage` key of the last placed order.
pub const ORDER_KEY: &str = "gongbang:order";
/// Bumped when the stored shape changes incompatibly; older drafts are dropped.
pub const VERSION: u32 = 1;

/// Everything the traveller entered.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Draft {
    pub version: u32,
    /// The language chosen with the switcher.
    pub lang: Option<String>,
    /// The chosen product's code.
    pub product: Option<String>,
    pub sizing: Sizing,
    /// `{group: value}` as chosen (choice codes and texts).
    pub options: BTreeMap<String, String>,
    pub trip: Trip,
    pub traveller: Traveller,
    /// `stripe` or `counter`, once chosen.
    pub payment: Option<String>,
    /// The `Idempotency-Key` of this draft's order.
    pub idempotency_key: String,
}

/// How the traveller sizes the product and the numbers given, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sizing {
    pub mode: Mode,
    pub unit: UnitChoice,
    /// `tape`, `garment` or `estimate`.
    pub source: String,
    /// Body measurements by point code.
    pub body: BTreeMap<String, String>,
    /// A garment laid flat, by point code.
    pub garment: BTreeMap<String, String>,
}

/// The sizing mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Body measurements (also feet).
    #[default]
    Body,
    /// A garment the traveller owns.
    Garment,
    /// No measurements.
    Skip,
}

/// Centimetres or inches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UnitChoice {
    #[default]
    Cm,
    In,
}

/// The trip, as the inputs hold it (Seoul time, `YYYY-MM-DDTHH:MM`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Trip {
    pub arrival: String,
    pub departure: String,
    pub counter_id: Option<i64>,
}

/// Who collects.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Traveller {
    pub name: String,
    pub email: String,
    pub passport_last4: String,
}

/// An order placed from this device: enough to show its confirmation after a reload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacedOrder {
    pub id: String,
    /// The bearer token for `GET /api/v1/orders/{id}` (shown only once by the API).
    pub token: String,
    pub pickup_code: String,
    pub counter_id: i64,
    /// `stripe` or `counter`.
    pub payment: String,
    /// Amount due now by card.
    pub due_now_krw: i64,
    /// Stripe's client secret while the card payment is still to be made.
    pub client_secret: Option<String>,
}

impl Draft {
    /// A new, empty draft with its idempotency key.
    pub fn new(idempotency_key: String) -> Draft {
        Draft {
            version: VERSION,
            idempotency_key,
            ..Draft::default()
        }
    }

    /// The stored draft, or `None` when there is none, it is unreadable or of another
    /// version (then the page starts afresh rather than half-restoring).
    pub fn restore(stored: Option<&str>) -> Option<Draft> {
        let json = Json::parse(stored?)?;
        let version = json.get("version").i64()?;
        let key = json
            .get("idempotency_key")
            .str()
            .filter(|k| !k.is_empty())?;
        if version != i64::from(VERSION) {
            return None;
        }
        let sizing = json.get("sizing");
        let trip = json.get("trip");
        let traveller = json.get("traveller");
        Some(Draft {
            version: VERSION,
            lang: json.get("lang").str().map(str::to_owned),
            product: json.get("product").str().map(str::to_owned),
            sizing: Sizing {
                mode: match sizing.get("mode").str() {
                    Some("garment") => Mode::Garment,
                    Some("skip") => Mode::Skip,
                    _ => Mode::Body,
                },
                unit: match sizing.get("unit").str() {
                    Some("in") => UnitChoice::In,
                    _ => UnitChoice::Cm,
                },
                source: sizing.get("source").string(),
                body: string_map(sizing.get("body")),
                garment: string_map(sizing.get("garment")),
            },
            options: string_map(json.get("options")),
            trip: Trip {
                arrival: trip.get("arrival").string(),
                departure: trip.get("departure").string(),
                counter_id: trip.get("counter_id").i64(),
            },
            traveller: Traveller {
                name: traveller.get("name").string(),
                email: traveller.get("email").string(),
                passport_last4: traveller.get("passport_last4").string(),
            },
            payment: json.get("payment").str().map(str::to_owned),
            idempotency_key: key.to_owned(),
        })
    }

    /// The JSON stored.
    pub fn to_json(&self) -> String {
        let s = &self.sizing;
        Json::object([
            ("version", i64::from(self.version).into()),
            ("lang", self.lang.clone().into()),
            ("product", self.product.clone().into()),
            (
                "sizing",
                Json::object([
                    ("mode", s.mode.code().into()),
                    ("unit", s.unit.unit().code().into()),
                    ("source", s.source.as_str().into()),
                    ("body", map_json(&s.body)),
                    ("garment", map_json(&s.garment)),
                ]),
            ),
            ("options", map_json(&self.options)),
            (
                "trip",
                Json::object([
                    ("arrival", self.trip.arrival.as_str().into()),
                    ("departure", self.trip.departure.as_str().into()),
                    ("counter_id", self.trip.counter_id.into()),
                ]),
            ),
            (
                "traveller",
                Json::object([
                    ("name", self.traveller.name.as_str().into()),
                    ("email", self.traveller.email.as_str().into()),
                    (
                        "passport_last4",
                        self.traveller.passport_last4.as_str().into(),
                    ),
                ]),
            ),
            ("payment", self.payment.clone().into()),
            ("idempotency_key", self.idempotency_key.as_str().into()),
        ])
        .to_text()
    }

    /// A new draft for the next order: the traveller, trip and language stay (the same
    /// person often orders again for the same trip), the rest starts afresh.
    pub fn next(&self, idempotency_key: String) -> Draft {
        Draft {
            lang: self.lang.clone(),
            trip: self.trip.clone(),
            traveller: self.traveller.clone(),
            sizing: Sizing {
                unit: self.sizing.unit,
                ..Sizing::default()
            },
            ..Draft::new(idempotency_key)
        }
    }
}

impl PlacedOrder {
    /// The stored order, if readable.
    pub fn restore(stored: Option<&str>) -> Option<PlacedOrder> {
        let json = Json::parse(stored?)?;
        Some(PlacedOrder {
            id: json.get("id").str()?.to_owned(),
            token: json.get("token").str()?.to_owned(),
            pickup_code: json.get("pickup_code").string(),
            counter_id: json.get("counter_id").i64().unwrap_or_default(),
            payment: json.get("payment").string(),
            due_now_krw: json.get("due_now_krw").i64().unwrap_or_default(),
            client_secret: json.get("client_secret").str().map(str::to_owned),
        })
    }

    /// The JSON stored.
    pub fn to_json(&self) -> String {
        Json::object([
            ("id", self.id.as_str().into()),
            ("token", self.token.as_str().into()),
            ("pickup_code", self.pickup_code.as_str().into()),
            ("counter_id", self.counter_id.into()),
            ("payment", self.payment.as_str().into()),
            ("due_now_krw", self.due_now_krw.into()),
            ("client_secret", self.client_secret.clone().into()),
        ])
        .to_text()
    }
}

impl Mode {
    /// The code stored.
    pub const fn code(self) -> &'static str {
        match self {
            Mode::Body => "body",
            Mode::Garment => "garment",
            Mode::Skip => "skip",
        }
    }
}

fn map_json(map: &BTreeMap<String, String>) -> Json {
    Json::Object(
        map.iter()
            .map(|(k, v)| (k.clone(), Json::String(v.clone())))
            .collect(),
    )
}

impl UnitChoice {
    /// The fitting engine's unit.
    pub const fn unit(self) -> fitting::Unit {
        match self {
            UnitChoice::Cm => fitting::Unit::Cm,
            UnitChoice::In => fitting::Unit::In,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled() -> Draft {
        let mut draft = Draft::new("key-1".into());
        draft.lang = Some("ko".into());
        draft.product = Some("made-to-measure-shirt".into());
        draft.sizing.mode = Mode::Garment;
        draft.sizing.unit = UnitChoice::In;
        draft.sizing.body.insert("chest".into(), "9".into());
        draft.sizing.garment.insert("chest".into(), "21.5".into());
        draft.options.insert("monogram".into(), "MT".into());
        draft.trip = Trip {
            arrival: "2026-12-01T10:00".into(),
            departure: "2026-12-22T18:00".into(),
            counter_id: Some(2),
        };
        draft.traveller.name = "Mia Tanaka".into();
        draft.payment = Some("counter".into());
        draft
    }

    #[test]
    fn a_draft_survives_a_round_trip_through_storage() {
        let draft = filled();
        assert_eq!(Draft::restore(Some(&draft.to_json())), Some(draft));
    }

    #[test]
    fn unreadable_or_foreign_drafts_are_dropped() {
        assert_eq!(Draft::restore(None), None);
        assert_eq!(Draft::restore(Some("{not json")), None);
        assert_eq!(Draft::restore(Some(r#"{"version":0}"#)), None);
        assert_eq!(Draft::restore(Some(r#"{"version":1}"#)), None, "no key");
        // Members added later or unknown now are tolerated.
        let draft = Draft::restore(Some(
            r#"{"version":1,"idempotency_key":"k","product":"x","new_member":[1]}"#,
        ))
        .expect("restores");
        assert_eq!(draft.product.as_deref(), Some("x"));
        assert_eq!(draft.sizing.mode, Mode::Body);
    }

    #[test]
    fn the_next_draft_keeps_the_traveller_and_trip_with_a_new_key() {
        let next = filled().next("key-2".into());
        assert_eq!(next.idempotency_key, "key-2");
        assert_eq!(next.traveller.name, "Mia Tanaka");
        assert_eq!(next.trip.counter_id, Some(2));
        assert_eq!(next.lang.as_deref(), Some("ko"));
        assert_eq!(next.sizing.unit, UnitChoice::In);
        assert_eq!(next.product, None);
        assert!(next.options.is_empty() && next.sizing.garment.is_empty());
        assert_eq!(next.payment, None);
    }

    #[test]
    fn a_placed_order_round_trips() {
        let order = PlacedOrder {
            id: "ord_1".into(),
            token: "tok".into(),
            pickup_code: "K7Q2-9XA".into(),
            counter_id: 2,
            payment: "stripe".into(),
            due_now_krw: 54_000,
            client_secret: Some("pi_1_secret_2".into()),
        };
        assert_eq!(PlacedOrder::restore(Some(&order.to_json())), Some(order));
        assert_eq!(PlacedOrder::restore(Some("[]")), None);
    }
}
