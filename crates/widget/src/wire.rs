//! The API's JSON as the widget reads and writes it: only the members the widget uses,
//! every optional member defaulted, so a server that adds members never breaks a page
//! that is already open.

use std::collections::BTreeMap;

use crate::json::{Json, char_set, map_of, string_map};

use domain::calendar::WorkMinutes;
use domain::catalogue::{
    Category, OptionGroup, OptionKind, OptionValue, Product, ProductId, TextRule, WorkshopId,
};
use domain::money::{Krw, Percent};

/// A product of `GET /api/v1/products`, texts in the negotiated language.
#[derive(Debug, Clone, PartialEq)]
pub struct ProductView {
    pub id: i64,
    pub code: String,
    pub workshop_id: i64,
    pub category: String,
    pub name: String,
    pub description: String,
    pub base_price_krw: i64,
    pub deposit_percent: u16,
    pub pay_at_counter: bool,
    pub lead_days: u16,
    pub production_minutes: u32,
    pub option_groups: Vec<OptionGroupView>,
    /// How the preview draws it: `{art, body, trim, monogram, swatches}`; passed to the
    /// preview worker as it is.
    pub look: Option<Json>,
}

/// One option group of a product.
#[derive(Debug, Clone, PartialEq)]
pub struct OptionGroupView {
    pub code: String,
    pub label: String,
    /// `choice` or `text`.
    pub kind: String,
    pub values: Vec<OptionValueView>,
    pub text_rule: Option<TextRuleView>,
}

/// One value of a choice group.
#[derive(Debug, Clone, PartialEq)]
pub struct OptionValueView {
    pub code: String,
    pub label: String,
    pub price_delta_krw: i64,
    pub production_minutes_delta: i32,
    pub default: bool,
}

/// What a text group accepts.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRuleView {
    pub max_chars: usize,
    pub allowed_characters: String,
    pub required: bool,
    pub price_delta_krw: i64,
}

/// A workshop (only its name is shown).
#[derive(Debug, Clone, PartialEq)]
pub struct WorkshopView {
    pub id: i64,
    pub name: String,
}

/// A pickup counter.
#[derive(Debug, Clone, PartialEq)]
pub struct CounterView {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub address: String,
    pub opens_at: String,
    pub closes_at: String,
}

/// `GET /api/v1/widget/config`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WidgetConfig {
    /// `stripe` and/or `counter`.
    pub payment_methods: Vec<String>,
    /// Stripe's publishable key, when the server takes cards.
    pub stripe_publishable_key: Option<String>,
}

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

/// An RFC 9457 problem document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Problem {
    pub kind: String,
    pub status: u16,
    pub detail: String,
    /// JSON Pointer to the field at fault.
    pub field: Option<String>,
    /// A 409 for an infeasible order carries the quote's reasons and alternatives.
    pub reasons: Vec<ReasonView>,
    pub alternatives: Vec<AlternativeView>,
}

impl Problem {
    /// The slug of the problem type (`urn:gongbang:problem:<slug>`).
    pub fn slug(&self) -> &str {
        self.kind.rsplit(':').next().unwrap_or_default()
    }
}

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

impl ProductView {
    /// The product as the rules see it, so the widget prices and checks a configuration
    /// with the server's own function (`domain::catalogue::Product::configure`).
    pub fn to_domain(&self) -> Product {
        let option_groups = self
            .option_groups
            .iter()
            .map(|group| {
                let kind = match &group.text_rule {
                    Some(rule) if group.kind == "text" => OptionKind::Text(TextRule {
                        max_chars: rule.max_chars,
                        allowed: char_set(&rule.allowed_characters),
                        required: rule.required,
                        price_delta: Krw::new(rule.price_delta_krw),
                        minutes_delta: 0,
                    }),
                    _ => OptionKind::Choice {
                        values: group
                            .values
                            .iter()
                            .map(|v| OptionValue {
                                code: v.code.clone(),
                                price_delta: Krw::new(v.price_delta_krw),
                                minutes_delta: v.production_minutes_delta,
                            })
                            .collect(),
                        default: group.values.iter().position(|v| v.default).unwrap_or(0),
                    },
                };
                OptionGroup {
                    code: group.code.clone(),
                    kind,
                }
            })
            .collect();
        Product {
            id: ProductId(self.id),
            workshop_id: WorkshopId(self.workshop_id),
            category: self.category.parse().unwrap_or(Category::Garment),
            base_price: Krw::new(self.base_price_krw),
            unit_minutes: WorkMinutes::new(self.production_minutes.max(1)),
            lead_days: self.lead_days,
            deposit: match Percent::new(self.deposit_percent.min(100)) {
                Ok(percent) => percent,
                Err(_) => unreachable!("a percentage clamped to 100 is valid"),
            },
            pay_at_counter: self.pay_at_counter,
            option_groups,
        }
    }

    /// The option group with this code.
    pub fn group(&self, code: &str) -> Option<&OptionGroupView> {
        self.option_groups.iter().find(|g| g.code == code)
    }

    /// The default value of every choice group.
    pub fn defaults(&self) -> BTreeMap<String, String> {
        map_of(self.option_groups.iter().filter_map(|g| {
            let value = g.values.iter().find(|v| v.default).or(g.values.first())?;
            Some((g.code.clone(), value.code.clone()))
        }))
    }
}

fn list<T>(json: &Json, read: impl Fn(&Json) -> Option<T>) -> Vec<T> {
    json.items().iter().filter_map(read).collect()
}

fn int<T: TryFrom<i64> + Default>(json: &Json) -> T {
    json.i64()
        .and_then(|n| T::try_from(n).ok())
        .unwrap_or_default()
}

impl ProductView {
    /// Reads a product; `None` without its id, code or name.
    pub fn from_json(json: &Json) -> Option<ProductView> {
        Some(ProductView {
            id: json.get("id").i64()?,
            code: json.get("code").str()?.to_owned(),
            workshop_id: int(json.get("workshop_id")),
            category: json.get("category").string(),
            name: json.get("name").str()?.to_owned(),
            description: json.get("description").string(),
            base_price_krw: int(json.get("base_price_krw")),
            deposit_percent: int(json.get("deposit_percent")),
            pay_at_counter: json.get("pay_at_counter").bool().unwrap_or(false),
            lead_days: int(json.get("lead_days")),
            production_minutes: int(json.get("production_minutes")),
            option_groups: list(json.get("option_groups"), OptionGroupView::from_json),
            look: Some(json.get("look").clone()).filter(|l| !l.is_null()),
        })
    }
}

impl OptionGroupView {
    fn from_json(json: &Json) -> Option<OptionGroupView> {
        let rule = json.get("text_rule");
        Some(OptionGroupView {
            code: json.get("code").str()?.to_owned(),
            label: json.get("label").string(),
            kind: json.get("kind").string(),
            values: list(json.get("values"), |v| {
                Some(OptionValueView {
                    code: v.get("code").str()?.to_owned(),
                    label: v.get("label").string(),
                    price_delta_krw: int(v.get("price_delta_krw")),
                    production_minutes_delta: int(v.get("production_minutes_delta")),
                    default: v.get("default").bool().unwrap_or(false),
                })
            }),
            text_rule: (!rule.is_null()).then(|| TextRuleView {
                max_chars: int(rule.get("max_chars")),
                allowed_characters: rule.get("allowed_characters").string(),
                required: rule.get("required").bool().unwrap_or(false),
                price_delta_krw: int(rule.get("price_delta_krw")),
            }),
        })
    }
}

impl WorkshopView {
    /// Reads a workshop.
    pub fn from_json(json: &Json) -> Option<WorkshopView> {
        Some(WorkshopView {
            id: json.get("id").i64()?,
            name: json.get("name").string(),
        })
    }
}

impl CounterView {
    /// Reads a counter.
    pub fn from_json(json: &Json) -> Option<CounterView> {
        Some(CounterView {
            id: json.get("id").i64()?,
            code: json.get("code").string(),
            name: json.get("name").string(),
            address: json.get("address").string(),
            opens_at: json.get("opens_at").string(),
            closes_at: json.get("closes_at").string(),
        })
    }
}

impl WidgetConfig {
    /// Reads `GET /api/v1/widget/config`.
    pub fn from_json(json: &Json) -> WidgetConfig {
        WidgetConfig {
            payment_methods: list(json.get("payment_methods"), |m| m.str().map(str::to_owned)),
            stripe_publishable_key: json
                .get("stripe_publishable_key")
                .str()
                .filter(|k| !k.is_empty())
                .map(str::to_owned),
        }
    }
}

impl QuoteView {
    /// Reads a quote; `None` if it is not one.
    pub fn from_json(json: &Json) -> Option<QuoteView> {
        Some(QuoteView {
            feasible: json.get("feasible").bool()?,
            total_krw: int(json.get("total_krw")),
            deposit_krw: int(json.get("deposit_krw")),
            pickup_deadline: json.get("pickup_deadline").str().map(str::to_owned),
            counter_id: int(json.get("counter_id")),
            items: list(json.get("items"), |i| {
                Some(ItemQuoteView {
                    unit_price_krw: int(i.get("unit_price_krw")),
                    ready_by: i.get("ready_by").str().map(str::to_owned),
                })
            }),
            reasons: list(json.get("reasons"), |r| Some(ReasonView::from_json(r))),
            alternatives: list(json.get("alternatives"), |a| {
                Some(AlternativeView::from_json(a))
            }),
            payment_methods: list(json.get("payment_methods"), |m| m.str().map(str::to_owned)),
        })
    }
}

impl ReasonView {
    fn from_json(json: &Json) -> ReasonView {
        match json.get("code").str() {
            Some("no_capacity") => ReasonView::NoCapacity,
            Some("not_ready_in_time") => ReasonView::NotReadyInTime {
                ready_by: json.get("ready_by").string(),
                pickup_deadline: json.get("pickup_deadline").string(),
            },
            Some("payment_unavailable") => ReasonView::PaymentUnavailable,
            Some("no_pickup_during_stay") => ReasonView::NoPickupDuringStay,
            _ => ReasonView::Other,
        }
    }
}

impl AlternativeView {
    fn from_json(json: &Json) -> AlternativeView {
        match json.get("kind").str() {
            Some("later_departure") => AlternativeView::LaterDeparture {
                earliest_departure: json.get("earliest_departure").string(),
            },
            Some("other_counter") => AlternativeView::OtherCounter {
                counter_id: int(json.get("counter_id")),
                pickup_deadline: json.get("pickup_deadline").string(),
            },
            Some("simpler_options") => AlternativeView::SimplerOptions {
                ready_by: json.get("ready_by").string(),
            },
            _ => AlternativeView::Other,
        }
    }
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

impl Problem {
    /// Reads a problem document (anything else reads as an empty problem).
    pub fn from_json(json: &Json) -> Problem {
        Problem {
            kind: json.get("type").string(),
            status: int(json.get("status")),
            detail: json.get("detail").string(),
            field: json.get("field").str().map(str::to_owned),
            reasons: list(json.get("reasons"), |r| Some(ReasonView::from_json(r))),
            alternatives: list(json.get("alternatives"), |a| {
                Some(AlternativeView::from_json(a))
            }),
        }
    }
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

#[cfg(test)]
pub(crate) mod tests_support {
    use super::*;

    pub(crate) const SHIRT: &str = r#"{"id":1,"code":"made-to-measure-shirt","workshop_id":1,"category":"garment",
        "name":"Made-to-measure shirt","description":"d","base_price_krw":180000,"deposit_percent":30,
        "pay_at_counter":false,"lead_days":1,"production_minutes":240,"option_groups":[
        {"code":"fabric","label":"Fabric","kind":"choice","values":[
          {"code":"cotton-poplin","label":"Cotton poplin","price_delta_krw":0,"production_minutes_delta":0,"default":true},
          {"code":"irish-linen","label":"Irish linen","price_delta_krw":40000,"production_minutes_delta":60,"default":false}]},
        {"code":"monogram","label":"Monogram","kind":"text","text_rule":{"max_chars":3,
          "allowed_characters":"&.ABCDEFGHIJKLMNOPQRSTUVWXYZ","required":false,"price_delta_krw":15000}}],
        "future_member":{"ignored":true}}"#;

    const SHOES: &str = r#"{"id":4,"code":"derby-shoes","workshop_id":2,"category":"shoes",
        "name":"Derby shoes","base_price_krw":420000,"deposit_percent":50,"option_groups":[
        {"code":"size","label":"Size","kind":"choice","values":[
          {"code":"260","label":"260","default":true},{"code":"265","label":"265"}]},
        {"code":"width","label":"Width","kind":"choice","values":[
          {"code":"standard","label":"Standard","default":true},{"code":"wide","label":"Wide"}]}]}"#;

    const WALLET: &str = r#"{"id":9,"code":"card-wallet","workshop_id":3,"category":"bag",
        "name":"Card wallet","base_price_krw":85000,"pay_at_counter":true,"option_groups":[
        {"code":"monogram","label":"Monogram","kind":"text","text_rule":{"max_chars":3,
          "allowed_characters":"ABC김","required":false,"price_delta_krw":10000}}],
        "look":{"art":"wallet","body":"leather","swatches":{}}}"#;

    pub(crate) fn shirt() -> ProductView {
        ProductView::from_json(&Json::parse(SHIRT).expect("json")).expect("the shirt parses")
    }

    /// A small catalogue: the shirt, shoes, a wallet; two counters.
    pub(crate) fn catalogue() -> crate::app::Catalogue {
        let parse =
            |json: &str| ProductView::from_json(&Json::parse(json).expect("json")).expect("parses");
        crate::app::Catalogue {
            products: vec![parse(SHIRT), parse(SHOES), parse(WALLET)],
            workshops: vec![WorkshopView {
                id: 1,
                name: "Sogong-dong Tailors".into(),
            }],
            counters: Json::parse(
                r#"[{"id":1,"code":"myeongdong","name":"Myeongdong shop","opens_at":"10:00","closes_at":"20:00"},
                    {"id":2,"code":"icn-t1","name":"Incheon T1","opens_at":"05:30","closes_at":"23:00"}]"#,
            )
            .expect("json")
            .items()
            .iter()
            .filter_map(CounterView::from_json)
            .collect(),
        }
    }

    /// A feasible quote payable by card only.
    pub(crate) fn feasible_quote() -> QuoteView {
        quote(
            r#"{"feasible":true,"total_krw":180000,"deposit_krw":54000,"counter_id":2,
            "pickup_deadline":"2026-12-22T15:00:00+09:00",
            "items":[{"unit_price_krw":180000,"ready_by":"2026-12-08T18:00:00+09:00"}],
            "reasons":[],"alternatives":[],"payment_methods":["stripe"]}"#,
        )
    }

    /// A quote from its JSON.
    pub(crate) fn quote(json: &str) -> QuoteView {
        QuoteView::from_json(&Json::parse(json).expect("json")).expect("a quote")
    }
}

#[cfg(test)]
mod tests {
    use super::tests_support::*;
    use super::*;

    #[test]
    fn a_product_prices_like_the_server() {
        let product = shirt();
        let options = BTreeMap::from([
            ("fabric".to_owned(), "irish-linen".to_owned()),
            ("monogram".to_owned(), "MT".to_owned()),
        ]);
        let configuration = product.to_domain().configure(&options).expect("valid");
        assert_eq!(configuration.unit_price, Krw::new(235_000));
        assert_eq!(
            product.defaults(),
            BTreeMap::from([("fabric".to_owned(), "cotton-poplin".to_owned())])
        );
        let refused = product
            .to_domain()
            .configure(&BTreeMap::from([("monogram".to_owned(), "Mé!".to_owned())]));
        assert_eq!(
            refused,
            Err(domain::Error::CharactersNotAllowed {
                group: "monogram".into(),
                rejected: "é!".into()
            })
        );
    }

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
