//! Reading the catalogue (workshops, counters, products, rates) as domain values, with
//! the translated texts the API shows beside them.

use std::collections::{BTreeMap, BTreeSet};

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use domain::calendar::{WeekdaySet, WorkMinutes, WorkshopCalendar};
use domain::catalogue::{
    Category, OptionGroup, OptionKind, OptionValue, Product, ProductId, TextRule, WorkshopId,
};
use domain::counter::{Counter, CounterId, PickupRule};
use domain::language::{Language, LocalizedText};
use domain::money::{CurrencyCode, Krw, Percent, Rate, RateTable};
use domain::no_show::BalancePolicy;
use domain::quote::Workshop;

use crate::Error;
use crate::codec::{clock, localized, narrow, offset};
use crate::entities::{
    counter, exchange_rate, option_group, option_value, product, product_text, workshop,
    workshop_holiday,
};
pub use crate::look::Look;
use crate::look::look;

/// A workshop with the texts shown about it.
#[derive(Debug, Clone)]
pub struct WorkshopRecord {
    /// The workshop as planning sees it.
    pub workshop: Workshop,
    /// Its stable code.
    pub code: String,
    /// What it makes.
    pub craft: Category,
    /// Its name.
    pub names: LocalizedText,
    /// A short description.
    pub descriptions: LocalizedText,
    /// Where in Seoul it is.
    pub district: String,
}

/// The two kinds of counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CounterKind {
    /// A shop in the city.
    CityShop,
    /// A desk at the airport after passport control.
    AirportDesk,
}

impl CounterKind {
    /// The stable code used on the wire and in storage.
    pub const fn code(self) -> &'static str {
        match self {
            CounterKind::CityShop => "city_shop",
            CounterKind::AirportDesk => "airport_desk",
        }
    }
}

/// A counter with the texts shown about it.
#[derive(Debug, Clone)]
pub struct CounterRecord {
    /// The counter as planning sees it.
    pub counter: Counter,
    /// Its stable code.
    pub code: String,
    /// City shop or airport desk.
    pub kind: CounterKind,
    /// Its name.
    pub names: LocalizedText,
    /// Where to find it.
    pub addresses: LocalizedText,
}

/// A product with the texts shown about it and its options.
#[derive(Debug, Clone)]
pub struct ProductRecord {
    /// The product as the rules see it.
    pub product: Product,
    /// Its stable code.
    pub code: String,
    /// Its name.
    pub names: LocalizedText,
    /// Its description.
    pub descriptions: LocalizedText,
    /// Labels of its option groups and values, in the product's order.
    pub group_labels: Vec<GroupLabels>,
    /// How previews draw it; `None` for a product without a picture.
    pub look: Option<Look>,
}

/// The labels of one option group and its values.
#[derive(Debug, Clone)]
pub struct GroupLabels {
    /// The group's label.
    pub labels: LocalizedText,
    /// Each value's label, by value code, in display order.
    pub values: Vec<(String, LocalizedText)>,
}

/// Which products to list.
#[derive(Debug, Clone, Copy, Default)]
pub struct ProductFilter {
    /// Only this category.
    pub category: Option<Category>,
    /// Only this workshop's products.
    pub workshop_id: Option<WorkshopId>,
}

/// Every workshop, by id.
pub async fn workshops(db: &impl ConnectionTrait) -> Result<Vec<WorkshopRecord>, Error> {
    let rows = workshop::Entity::find()
        .order_by_asc(workshop::Column::Id)
        .all(db)
        .await?;
    let holidays = workshop_holiday::Entity::find().all(db).await?;
    rows.into_iter()
        .map(|row| workshop_record(row, &holidays))
        .collect()
}

/// The planning view of every workshop.
pub async fn planning_workshops(
    db: &impl ConnectionTrait,
) -> Result<BTreeMap<WorkshopId, Workshop>, Error> {
    let records = workshops(db).await?;
    Ok(records
        .into_iter()
        .map(|r| (r.workshop.id, r.workshop))
        .collect())
}

fn workshop_record(
    row: workshop::Model,
    holidays: &[workshop_holiday::Model],
) -> Result<WorkshopRecord, Error> {
    let calendar = calendar_of(&row, holidays)?;
    Ok(WorkshopRecord {
        workshop: Workshop {
            id: WorkshopId(row.id.into()),
            calendar,
            buffer_days: narrow(row.buffer_days, "buffer days")?,
        },
        craft: row.craft.parse()?,
        names: localized(&row.names)?,
        descriptions: localized(&row.descriptions)?,
        district: row.district,
        code: row.code,
    })
}

/// The calendar of a workshop row, with its days among `holidays`.
pub(crate) fn calendar_of(
    row: &workshop::Model,
    holidays: &[workshop_holiday::Model],
) -> Result<WorkshopCalendar, Error> {
    Ok(WorkshopCalendar {
        offset: offset(row.utc_offset_minutes)?,
        working_days: WeekdaySet::from_bits(narrow(row.working_days, "working days")?),
        holidays: holidays
            .iter()
            .filter(|h| h.workshop_id == row.id)
            .map(|h| h.day)
            .collect(),
        minutes_per_day: WorkMinutes::new(narrow(row.minutes_per_day, "minutes per day")?),
        closes_at: clock(&row.closes_at)?,
    })
}

/// Every counter, by id.
pub async fn counters(db: &impl ConnectionTrait) -> Result<Vec<CounterRecord>, Error> {
    let rows = counter::Entity::find()
        .order_by_asc(counter::Column::Id)
        .all(db)
        .await?;
    rows.into_iter().map(counter_record).collect()
}

fn counter_record(row: counter::Model) -> Result<CounterRecord, Error> {
    let (kind, pickup_rule) = match (row.kind.as_str(), row.pickup_minutes_before_departure) {
        ("airport_desk", Some(minutes)) => (
            CounterKind::AirportDesk,
            PickupRule::BeforeDeparture {
                minutes: narrow(minutes, "pickup minutes")?,
            },
        ),
        ("city_shop", None) => (
            CounterKind::CityShop,
            PickupRule::LastOpenDayBeforeDeparture,
        ),
        (kind, _) => return Err(Error::Corrupt(format!("counter {} kind {kind:?}", row.id))),
    };
    Ok(CounterRecord {
        counter: Counter {
            id: CounterId(row.id.into()),
            offset: offset(row.utc_offset_minutes)?,
            open_days: WeekdaySet::from_bits(narrow(row.open_days, "open days")?),
            opens_at: clock(&row.opens_at)?,
            closes_at: clock(&row.closes_at)?,
            pickup_rule,
            transit_days: narrow(row.transit_days, "transit days")?,
        },
        code: row.code,
        kind,
        names: localized(&row.names)?,
        addresses: localized(&row.addresses)?,
    })
}

/// The products matching `filter`, in catalogue order.
pub async fn products(
    db: &impl ConnectionTrait,
    filter: ProductFilter,
) -> Result<Vec<ProductRecord>, Error> {
    let mut query = product::Entity::find().order_by_asc(product::Column::Position);
    if let Some(category) = filter.category {
        query = query.filter(product::Column::Category.eq(category.code()));
    }
    if let Some(WorkshopId(id)) = filter.workshop_id {
        query = query.filter(product::Column::WorkshopId.eq(id));
    }
    assemble(db, query.all(db).await?).await
}

/// The products with these ids (unknown ids are simply absent).
pub async fn products_by_id(
    db: &impl ConnectionTrait,
    ids: &BTreeSet<ProductId>,
) -> Result<BTreeMap<ProductId, ProductRecord>, Error> {
    let ids: Vec<i64> = ids.iter().map(|id| id.0).collect();
    let rows = product::Entity::find()
        .filter(product::Column::Id.is_in(ids))
        .all(db)
        .await?;
    let records = assemble(db, rows).await?;
    Ok(records.into_iter().map(|r| (r.product.id, r)).collect())
}

async fn assemble(
    db: &impl ConnectionTrait,
    rows: Vec<product::Model>,
) -> Result<Vec<ProductRecord>, Error> {
    let ids: Vec<i32> = rows.iter().map(|p| p.id).collect();
    let texts = product_text::Entity::find()
        .filter(product_text::Column::ProductId.is_in(ids.clone()))
        .all(db)
        .await?;
    let groups = option_group::Entity::find()
        .filter(option_group::Column::ProductId.is_in(ids))
        .order_by_asc(option_group::Column::Position)
        .all(db)
        .await?;
    let values = option_value::Entity::find()
        .filter(
            option_value::Column::GroupId.is_in(groups.iter().map(|g| g.id).collect::<Vec<_>>()),
        )
        .order_by_asc(option_value::Column::Position)
        .all(db)
        .await?;
    rows.into_iter()
        .map(|row| product_record(row, &texts, &groups, &values))
        .collect()
}

fn product_record(
    row: product::Model,
    texts: &[product_text::Model],
    groups: &[option_group::Model],
    values: &[option_value::Model],
) -> Result<ProductRecord, Error> {
    let (names, descriptions) = product_texts(row.id, texts)?;
    let mut option_groups = Vec::new();
    let mut group_labels = Vec::new();
    for group in groups.iter().filter(|g| g.product_id == row.id) {
        let group_values: Vec<_> = values.iter().filter(|v| v.group_id == group.id).collect();
        option_groups.push(option_group(group, &group_values)?);
        let value_labels = group_values
            .iter()
            .map(|v| Ok((v.code.clone(), localized(&v.labels)?)))
            .collect::<Result<_, Error>>()?;
        group_labels.push(GroupLabels {
            labels: localized(&group.labels)?,
            values: value_labels,
        });
    }
    let product = Product {
        id: ProductId(row.id.into()),
        workshop_id: WorkshopId(row.workshop_id.into()),
        category: row.category.parse()?,
        base_price: Krw::new(row.base_price_krw),
        unit_minutes: WorkMinutes::new(narrow(row.unit_minutes, "unit minutes")?),
        lead_days: narrow(row.lead_days, "lead days")?,
        deposit: Percent::new(narrow(row.deposit_percent, "deposit percent")?)?,
        pay_at_counter: row.pay_at_counter,
        option_groups,
    };
    Ok(ProductRecord {
        look: row.look.as_ref().map(look).transpose()?,
        product,
        code: row.code,
        names,
        descriptions,
        group_labels,
    })
}

fn product_texts(
    product_id: i32,
    texts: &[product_text::Model],
) -> Result<(LocalizedText, LocalizedText), Error> {
    let mine: Vec<_> = texts
        .iter()
        .filter(|t| t.product_id == product_id)
        .collect();
    let english = mine
        .iter()
        .find(|t| t.language == Language::En.code())
        .ok_or_else(|| Error::Corrupt(format!("product {product_id} has no English text")))?;
    let mut names = LocalizedText::new(&english.name);
    let mut descriptions = LocalizedText::new(&english.description);
    for text in &mine {
        let language: Language = text.language.parse()?;
        names.set(language, &text.name);
        descriptions.set(language, &text.description);
    }
    Ok((names, descriptions))
}

fn option_group(
    group: &option_group::Model,
    values: &[&option_value::Model],
) -> Result<OptionGroup, Error> {
    let kind = match group.kind.as_str() {
        "choice" => {
            let default = values.iter().position(|v| v.is_default).ok_or_else(|| {
                Error::Corrupt(format!("option group {} has no default", group.id))
            })?;
            let values = values
                .iter()
                .map(|v| OptionValue {
                    code: v.code.clone(),
                    price_delta: Krw::new(v.price_delta_krw),
                    minutes_delta: v.minutes_delta,
                })
                .collect();
            OptionKind::Choice { values, default }
        }
        "text" => OptionKind::Text(TextRule {
            max_chars: narrow(group.text_max_chars.unwrap_or(0), "max chars")?,
            allowed: group
                .text_allowed
                .as_deref()
                .unwrap_or("")
                .chars()
                .collect(),
            required: group.text_required,
            price_delta: Krw::new(group.text_price_delta_krw),
            minutes_delta: group.text_minutes_delta,
        }),
        other => return Err(Error::Corrupt(format!("option group kind {other:?}"))),
    };
    Ok(OptionGroup {
        code: group.code.clone(),
        kind,
    })
}

/// The operator's display rates.
pub async fn rate_table(db: &impl ConnectionTrait) -> Result<RateTable, Error> {
    let mut table = RateTable::new();
    for row in exchange_rate::Entity::find().all(db).await? {
        let rate = Rate {
            milliwon_per_unit: narrow(row.milliwon_per_unit, "rate")?,
            minor_digits: narrow(row.minor_digits, "minor digits")?,
        };
        table.set(CurrencyCode::parse(&row.currency)?, rate)?;
    }
    Ok(table)
}

/// How many days `counter` holds goods nobody collected.
pub async fn holding_days(db: &impl ConnectionTrait, counter: CounterId) -> Result<u16, Error> {
    let row = counter::Entity::find_by_id(narrow::<i32>(counter.0, "counter id")?)
        .one(db)
        .await?
        .ok_or_else(|| Error::Corrupt(format!("no counter {}", counter.0)))?;
    narrow(i64::from(row.holding_days), "holding days")
}

/// The no-show balance policy for an order made at `workshops`: the balance is kept
/// only if every one of them keeps it.
pub async fn no_show_policy(
    db: &impl ConnectionTrait,
    workshops: &BTreeSet<WorkshopId>,
) -> Result<BalancePolicy, Error> {
    let ids = workshops
        .iter()
        .map(|w| narrow::<i32>(w.0, "workshop id"))
        .collect::<Result<Vec<_>, _>>()?;
    let rows = workshop::Entity::find()
        .filter(workshop::Column::Id.is_in(ids))
        .all(db)
        .await?;
    let keep = !rows.is_empty() && rows.iter().all(|w| w.no_show_keeps_balance);
    Ok(if keep {
        BalancePolicy::Keep
    } else {
        BalancePolicy::Refund
    })
}
