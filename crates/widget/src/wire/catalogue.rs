//! The catalogue as served in the negotiated language (`GET /api/v1/products`,
//! `/workshops`, `/counters`) and the widget's settings (`GET /api/v1/widget/config`);
//! a product also turns into the rules' own `Product`, so the widget prices and checks a
//! configuration exactly as the server does.

use std::collections::BTreeMap;

use domain::calendar::WorkMinutes;
use domain::catalogue::{
    Category, OptionGroup, OptionKind, OptionValue, Product, ProductId, TextRule, WorkshopId,
};
use domain::money::{Krw, Percent};

use super::read::{has, int, list, text};
use crate::json::{Json, char_set, map_of};

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

impl ProductView {
    /// Reads a product; `None` when a member the server always sends is missing (only
    /// `look` may be `null`).
    pub fn from_json(json: &Json) -> Option<ProductView> {
        let members = [
            "id",
            "code",
            "workshop_id",
            "category",
            "name",
            "description",
            "base_price_krw",
            "deposit_percent",
            "pay_at_counter",
            "lead_days",
            "production_minutes",
            "option_groups",
        ];
        if !has(json, &members) {
            return None;
        }
        let option_groups = list(json.get("option_groups"), OptionGroupView::from_json)?;
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
            option_groups,
            look: Some(json.get("look").clone()).filter(|l| !l.is_null()),
        })
    }
}

impl OptionGroupView {
    /// A choice group has its values, a text group its rule (the server leaves the other
    /// out).
    fn from_json(json: &Json) -> Option<OptionGroupView> {
        let rule = json.get("text_rule");
        let values = json.get("values");
        let complete = if json.get("kind").str() == Some("text") {
            let members = [
                "max_chars",
                "allowed_characters",
                "required",
                "price_delta_krw",
            ];
            has(rule, &members)
        } else {
            !values.is_null()
        };
        if !complete || !has(json, &["code", "label", "kind"]) {
            return None;
        }
        let values = if values.is_null() {
            Vec::new()
        } else {
            list(values, OptionValueView::from_json)?
        };
        Some(OptionGroupView {
            code: json.get("code").str()?.to_owned(),
            label: json.get("label").string(),
            kind: json.get("kind").string(),
            values,
            text_rule: (!rule.is_null()).then(|| TextRuleView {
                max_chars: int(rule.get("max_chars")),
                allowed_characters: rule.get("allowed_characters").string(),
                required: rule.get("required").bool().unwrap_or(false),
                price_delta_krw: int(rule.get("price_delta_krw")),
            }),
        })
    }
}

impl OptionValueView {
    fn from_json(v: &Json) -> Option<OptionValueView> {
        let members = [
            "label",
            "price_delta_krw",
            "production_minutes_delta",
            "default",
        ];
        if !has(v, &members) {
            return None;
        }
        Some(OptionValueView {
            code: v.get("code").str()?.to_owned(),
            label: v.get("label").string(),
            price_delta_krw: int(v.get("price_delta_krw")),
            production_minutes_delta: int(v.get("production_minutes_delta")),
            default: v.get("default").bool().unwrap_or(false),
        })
    }
}

impl WorkshopView {
    /// Reads a workshop.
    pub fn from_json(json: &Json) -> Option<WorkshopView> {
        if !has(json, &["name"]) {
            return None;
        }
        Some(WorkshopView {
            id: json.get("id").i64()?,
            name: json.get("name").string(),
        })
    }
}

impl CounterView {
    /// Reads a counter.
    pub fn from_json(json: &Json) -> Option<CounterView> {
        if !has(json, &["code", "name", "address", "opens_at", "closes_at"]) {
            return None;
        }
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
    /// Reads `GET /api/v1/widget/config` (what it lacks keeps its default: the quote
    /// still says how each order can be paid).
    pub fn from_json(json: &Json) -> WidgetConfig {
        WidgetConfig {
            payment_methods: list(json.get("payment_methods"), text).unwrap_or_default(),
            stripe_publishable_key: json
                .get("stripe_publishable_key")
                .str()
                .filter(|k| !k.is_empty())
                .map(str::to_owned),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests_support::{SHIRT, assert_required, shirt};

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
    fn a_renamed_member_the_server_always_sends_fails_the_read() {
        // The shirt also has a member this widget does not know: that one is ignored.
        let product = assert_required(
            SHIRT,
            ProductView::from_json,
            &[
                (r#""base_price_krw""#, r#""base_price""#),
                (r#""pay_at_counter""#, r#""payable_at_counter""#),
                (r#""price_delta_krw":40000"#, r#""price_krw":40000"#),
                (r#""allowed_characters""#, r#""allowed""#),
            ],
        );
        assert_eq!(product.base_price_krw, 180_000);
    }
}
