//! The catalogue: products, their option groups, and pricing a requested configuration.
//!
//! A configuration arrives as `{group_code: value}`; [`Product::configure`] checks every
//! entry against the product, fills omitted groups with their defaults, and returns the
//! unit price and unit production time that follow. The widget and the server call the
//! same function, so a configuration the widget priced is priced the same when ordered.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use crate::Error;
use crate::calendar::WorkMinutes;
use crate::money::{Krw, Percent};

/// The id of a workshop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct WorkshopId(pub i64);

/// The id of a product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ProductId(pub i64);

/// What kind of goods a product is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// Tailored clothing.
    Garment,
    /// Handmade shoes.
    Shoes,
    /// Leather bags and small leather goods.
    Bag,
    /// Printed goods and stationery.
    Printed,
}

impl Category {
    /// Every category.
    pub const ALL: [Category; 4] = [
        Category::Garment,
        Category::Shoes,
        Category::Bag,
        Category::Printed,
    ];

    /// The stable code used on the wire and in storage.
    pub const fn code(self) -> &'static str {
        match self {
            Category::Garment => "garment",
            Category::Shoes => "shoes",
            Category::Bag => "bag",
            Category::Printed => "printed",
        }
    }
}

impl FromStr for Category {
    type Err = Error;

    fn from_str(code: &str) -> Result<Self, Error> {
        Category::ALL
            .into_iter()
            .find(|c| c.code() == code)
            .ok_or_else(|| Error::UnknownName {
                kind: "category",
                given: code.to_owned(),
                expected: "garment, shoes, bag, printed",
            })
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// How many units of one configured product an order line asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quantity(u16);

impl Quantity {
    /// The smallest quantity of a line.
    pub const MIN: u16 = 1;
    /// The largest quantity of a line: small workshops make small batches.
    pub const MAX: u16 = 20;

    /// Parses a requested quantity.
    pub fn new(requested: i64) -> Result<Quantity, Error> {
        u16::try_from(requested)
            .ok()
            .filter(|q| (Self::MIN..=Self::MAX).contains(q))
            .map(Quantity)
            .ok_or(Error::QuantityOutOfRange {
                given: requested,
                min: Self::MIN,
                max: Self::MAX,
            })
    }

    /// The number of units.
    pub const fn get(self) -> u16 {
        self.0
    }
}

/// A product as the rules need it (texts and images live with the caller).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Product {
    /// The product's id.
    pub id: ProductId,
    /// The workshop that makes it.
    pub workshop_id: WorkshopId,
    /// Its category.
    pub category: Category,
    /// The price of one unit with every option at its default.
    pub base_price: Krw,
    /// Workshop time for one unit with every option at its default.
    pub unit_minutes: WorkMinutes,
    /// Calendar days of material preparation before production can start.
    pub lead_days: u16,
    /// The share of the price charged as a deposit at order time.
    pub deposit: Percent,
    /// Whether the traveller may pay at the counter instead of at order time.
    pub pay_at_counter: bool,
    /// The option groups, in display order.
    pub option_groups: Vec<OptionGroup>,
}

/// One configurable aspect of a product (size, colour, material, monogram).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionGroup {
    /// The stable code of the group, e.g. `colour`.
    pub code: String,
    /// What the traveller chooses.
    pub kind: OptionKind,
}

/// The two shapes an option group takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OptionKind {
    /// Pick one of a list; exactly one value is the default.
    Choice {
        /// The values offered, in display order.
        values: Vec<OptionValue>,
        /// The index in `values` of the default.
        default: usize,
    },
    /// Free text the workshop makes, such as a monogram.
    Text(TextRule),
}

/// One value of a choice group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionValue {
    /// The stable code of the value, e.g. `navy`.
    pub code: String,
    /// Added to the unit price when chosen (may be negative).
    pub price_delta: Krw,
    /// Added to the unit production time when chosen (may be negative).
    pub minutes_delta: i32,
}

/// What a text option accepts and what it costs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextRule {
    /// The longest text, in characters.
    pub max_chars: usize,
    /// Every character the workshop can make.
    pub allowed: BTreeSet<char>,
    /// Whether the text may be left empty.
    pub required: bool,
    /// Added to the unit price when a text is given.
    pub price_delta: Krw,
    /// Added to the unit production time when a text is given.
    pub minutes_delta: i32,
}

/// A product's option groups resolved to concrete choices, priced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Configuration {
    /// One entry per option group of the product, in the product's order.
    pub selections: Vec<Selection>,
    /// The price of one unit so configured.
    pub unit_price: Krw,
    /// Workshop time for one unit so configured.
    pub unit_minutes: WorkMinutes,
}

/// The choice made for one option group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// The group code.
    pub group: String,
    /// The value code of a choice group, or the text of a text group (empty when omitted).
    pub value: String,
}

impl Configuration {
    /// The selections as a `{group: value}` map, omitting empty texts.
    pub fn as_map(&self) -> BTreeMap<String, String> {
        self.selections
            .iter()
            .filter(|s| !s.value.is_empty())
            .map(|s| (s.group.clone(), s.value.clone()))
            .collect()
    }
}

impl Product {
    /// Resolves a requested configuration: unknown groups or values are refused, omitted
    /// groups take their default, and the unit price and minutes follow.
    pub fn configure(&self, requested: &BTreeMap<String, String>) -> Result<Configuration, Error> {
        if let Some(unknown) = requested.keys().find(|code| self.group(code).is_none()) {
            return Err(Error::UnknownOptionGroup {
                group: unknown.clone(),
            });
        }
        let mut unit_price = self.base_price;
        let mut minutes = i64::from(self.unit_minutes.get());
        let mut selections = Vec::with_capacity(self.option_groups.len());
        for group in &self.option_groups {
            let asked = requested.get(&group.code).map(String::as_str);
            let (value, price_delta, minutes_delta) = group.resolve(asked)?;
            unit_price = unit_price.checked_add(price_delta)?;
            minutes += i64::from(minutes_delta);
            selections.push(Selection {
                group: group.code.clone(),
                value,
            });
        }
        let unit_minutes = u32::try_from(minutes.max(1))
            .map(WorkMinutes::new)
            .map_err(|_| Error::AmountOutOfRange)?;
        if unit_price < Krw::ZERO {
            return Err(Error::InvalidData(format!(
                "product {} prices below zero",
                self.id.0
            )));
        }
        Ok(Configuration {
            selections,
            unit_price,
            unit_minutes,
        })
    }

    /// The option group with this code.
    pub fn group(&self, code: &str) -> Option<&OptionGroup> {
        self.option_groups.iter().find(|g| g.code == code)
    }
}

impl OptionGroup {
    /// The chosen value with its price and minutes deltas.
    fn resolve(&self, asked: Option<&str>) -> Result<(String, Krw, i32), Error> {
        match &self.kind {
            OptionKind::Choice { values, default } => {
                let chosen = match asked {
                    None => values.get(*default).ok_or_else(|| {
                        Error::InvalidData(format!("group {} has no default", self.code))
                    })?,
                    Some(code) => values.iter().find(|v| v.code == code).ok_or_else(|| {
                        Error::UnknownOptionValue {
                            group: self.code.clone(),
                            value: code.into(),
                        }
                    })?,
                };
                Ok((
                    chosen.code.clone(),
                    chosen.price_delta,
                    chosen.minutes_delta,
                ))
            }
            OptionKind::Text(rule) => {
                let text = asked.unwrap_or("").trim();
                rule.check(&self.code, text)?;
                if text.is_empty() {
                    Ok((String::new(), Krw::ZERO, 0))
                } else {
                    Ok((text.to_owned(), rule.price_delta, rule.minutes_delta))
                }
            }
        }
    }
}

impl TextRule {
    /// Checks a text against the rule, naming the characters it cannot make.
    pub fn check(&self, group: &str, text: &str) -> Result<(), Error> {
        if text.is_empty() {
            return if self.required {
                Err(Error::MissingOption {
                    group: group.to_owned(),
                })
            } else {
                Ok(())
            };
        }
        let mut rejected = String::new();
        for c in text.chars().filter(|c| !self.allowed.contains(c)) {
            if !rejected.contains(c) {
                rejected.push(c);
            }
        }
        if !rejected.is_empty() {
            return Err(Error::CharactersNotAllowed {
                group: group.to_owned(),
                rejected,
            });
        }
        let given = text.chars().count();
        if given > self.max_chars {
            return Err(Error::TextTooLong {
                group: group.to_owned(),
                max: self.max_chars,
                given,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn shirt() -> Product {
        let choice = |code: &str, price: i64, minutes: i32| OptionValue {
            code: code.into(),
            price_delta: Krw::new(price),
            minutes_delta: minutes,
        };
        Product {
            id: ProductId(1),
            workshop_id: WorkshopId(1),
            category: Category::Garment,
            base_price: Krw::new(180_000),
            unit_minutes: WorkMinutes::new(240),
            lead_days: 1,
            deposit: Percent::new(30).unwrap(),
            pay_at_counter: false,
            option_groups: vec![
                OptionGroup {
                    code: "fabric".into(),
                    kind: OptionKind::Choice {
                        values: vec![choice("cotton", 0, 0), choice("linen", 40_000, 60)],
                        default: 0,
                    },
                },
                OptionGroup {
                    code: "monogram".into(),
                    kind: OptionKind::Text(TextRule {
                        max_chars: 3,
                        allowed: ('A'..='Z').collect(),
                        required: false,
                        price_delta: Krw::new(15_000),
                        minutes_delta: 30,
                    }),
                },
            ],
        }
    }

    fn options(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn omitted_groups_take_their_defaults() {
        let config = shirt().configure(&options(&[])).unwrap();
        assert_eq!(config.unit_price, Krw::new(180_000));
        assert_eq!(config.unit_minutes, WorkMinutes::new(240));
        assert_eq!(config.as_map(), options(&[("fabric", "cotton")]));
    }

    #[test]
    fn chosen_options_add_price_and_minutes() {
        let config = shirt()
            .configure(&options(&[("fabric", "linen"), ("monogram", "JK")]))
            .unwrap();
        assert_eq!(config.unit_price, Krw::new(235_000));
        assert_eq!(config.unit_minutes, WorkMinutes::new(330));
    }

    #[test]
    fn unknown_group_and_value_are_named() {
        let product = shirt();
        assert_eq!(
            product.configure(&options(&[("collar", "wide")])),
            Err(Error::UnknownOptionGroup {
                group: "collar".into()
            })
        );
        assert_eq!(
            product.configure(&options(&[("fabric", "silk")])),
            Err(Error::UnknownOptionValue {
                group: "fabric".into(),
                value: "silk".into()
            })
        );
    }

    #[test]
    fn monogram_outside_the_whitelist_names_each_offending_character_once() {
        let result = shirt().configure(&options(&[("monogram", "a😀a")]));
        assert_eq!(
            result,
            Err(Error::CharactersNotAllowed {
                group: "monogram".into(),
                rejected: "a😀".into()
            })
        );
    }

    #[test]
    fn monogram_longer_than_allowed_is_refused() {
        let result = shirt().configure(&options(&[("monogram", "ABCD")]));
        assert_eq!(
            result,
            Err(Error::TextTooLong {
                group: "monogram".into(),
                max: 3,
                given: 4
            })
        );
    }

    #[test]
    fn quantity_must_be_within_range() {
        assert!(Quantity::new(0).is_err());
        assert!(Quantity::new(21).is_err());
        assert!(Quantity::new(-3).is_err());
        assert_eq!(Quantity::new(20).unwrap().get(), 20);
    }
}
