//! Catalogue data to load into an empty database: the shape the demo data (and any
//! operator import) is written in, and the one transaction that stores it.

use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, EntityTrait, PaginatorTrait};
use sea_orm::{DatabaseConnection, TransactionTrait};
use time::{Date, OffsetDateTime, Time};

use domain::calendar::{WeekdaySet, WorkMinutes};
use domain::catalogue::Category;
use domain::language::LocalizedText;
use domain::money::{CurrencyCode, Krw, Percent, Rate};

use crate::Error;
use crate::catalogue::{CounterKind, Look};
use crate::codec::{clock_text, localized_json, narrow};
use crate::entities::{
    counter, exchange_rate, option_group, option_value, product, product_text, workshop,
    workshop_holiday,
};
use crate::look::look_json;

/// A whole catalogue: workshops with their products, counters and display rates.
#[derive(Debug, Clone)]
pub struct CatalogueSeed {
    /// The workshops, each with its products.
    pub workshops: Vec<WorkshopSeed>,
    /// The pickup counters.
    pub counters: Vec<CounterSeed>,
    /// Display rates for foreign currencies.
    pub rates: Vec<(CurrencyCode, Rate)>,
}

/// A workshop, its calendar and its products.
#[derive(Debug, Clone)]
pub struct WorkshopSeed {
    /// Stable code, e.g. `euljiro-tailor`.
    pub code: String,
    /// What it makes.
    pub craft: Category,
    /// Its name.
    pub names: LocalizedText,
    /// A short description.
    pub descriptions: LocalizedText,
    /// Where in Seoul it is.
    pub district: String,
    /// The weekdays it works.
    pub working_days: WeekdaySet,
    /// Production capacity of a working day.
    pub minutes_per_day: WorkMinutes,
    /// When its working day ends (Seoul time).
    pub closes_at: Time,
    /// Safety buffer after production, in working days.
    pub buffer_days: u16,
    /// Closed days with their names (public holidays, the owner's vacation).
    pub holidays: Vec<(Date, String)>,
    /// Its products, in catalogue order.
    pub products: Vec<ProductSeed>,
}

/// A product with its option groups.
#[derive(Debug, Clone)]
pub struct ProductSeed {
    /// Stable code, e.g. `oxford-shirt`.
    pub code: String,
    /// Its category.
    pub category: Category,
    /// Its name.
    pub names: LocalizedText,
    /// Its description.
    pub descriptions: LocalizedText,
    /// Price with every option at its default.
    pub base_price: Krw,
    /// Workshop time per unit with every option at its default.
    pub unit_minutes: WorkMinutes,
    /// Days of material preparation before production.
    pub lead_days: u16,
    /// Deposit share.
    pub deposit: Percent,
    /// Whether pay-at-counter is allowed.
    pub pay_at_counter: bool,
    /// Option groups in display order.
    pub groups: Vec<GroupSeed>,
    /// How previews draw it, if they can.
    pub look: Option<Look>,
}

/// One option group.
#[derive(Debug, Clone)]
pub struct GroupSeed {
    /// Stable code, e.g. `colour`.
    pub code: String,
    /// Its label.
    pub labels: LocalizedText,
    /// Choice or text.
    pub kind: GroupSeedKind,
}

/// What an option group offers.
#[derive(Debug, Clone)]
pub enum GroupSeedKind {
    /// One of these values; exactly one must be the default.
    Choice(Vec<ValueSeed>),
    /// Free text such as a monogram.
    Text {
        /// Longest text in characters.
        max_chars: u16,
        /// Every character the workshop can make.
        allowed: String,
        /// Whether it must be filled in.
        required: bool,
        /// Price added when a text is given.
        price_delta: Krw,
        /// Minutes added when a text is given.
        minutes_delta: i32,
    },
}

/// One value of a choice group.
#[derive(Debug, Clone)]
pub struct ValueSeed {
    /// Stable code, e.g. `navy`.
    pub code: String,
    /// Its label.
    pub labels: LocalizedText,
    /// Price added when chosen.
    pub price_delta: Krw,
    /// Minutes added when chosen.
    pub minutes_delta: i32,
    /// Whether it is the group's default.
    pub is_default: bool,
}

/// A pickup counter.
#[derive(Debug, Clone)]
pub struct CounterSeed {
    /// Stable code, e.g. `icn-t1`.
    pub code: String,
    /// City shop or airport desk.
    pub kind: CounterKind,
    /// Its name.
    pub names: LocalizedText,
    /// Where to find it.
    pub addresses: LocalizedText,
    /// The weekdays it opens.
    pub open_days: WeekdaySet,
    /// Opening time (Seoul).
    pub opens_at: Time,
    /// Closing time (Seoul).
    pub closes_at: Time,
    /// For airport desks: how long before departure pickup closes.
    pub pickup_minutes_before_departure: Option<u32>,
    /// Working days from a workshop to this counter.
    pub transit_days: u16,
}

/// Whether the database has no catalogue yet.
pub async fn is_empty(db: &impl ConnectionTrait) -> Result<bool, Error> {
    Ok(workshop::Entity::find().count(db).await? == 0)
}

/// Stores a whole catalogue in one transaction: all of it or none of it.
pub async fn load(
    db: &DatabaseConnection,
    seed: &CatalogueSeed,
    now: OffsetDateTime,
) -> Result<(), Error> {
    let txn = db.begin().await?;
    for workshop in &seed.workshops {
        insert_workshop(&txn, workshop).await?;
    }
    for counter in &seed.counters {
        insert_counter(&txn, counter).await?;
    }
    for (currency, rate) in &seed.rates {
        exchange_rate::ActiveModel {
            currency: Set(currency.to_string()),
            milliwon_per_unit: Set(i64::try_from(rate.milliwon_per_unit)
                .map_err(|_| Error::Corrupt(format!("rate for {currency}")))?),
            minor_digits: Set(rate.minor_digits.into()),
            updated_at: Set(now),
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

async fn insert_workshop(txn: &impl ConnectionTrait, seed: &WorkshopSeed) -> Result<(), Error> {
    let row = workshop::ActiveModel {
        code: Set(seed.code.clone()),
        craft: Set(seed.craft.code().to_owned()),
        names: Set(localized_json(&seed.names)),
        descriptions: Set(localized_json(&seed.descriptions)),
        district: Set(seed.district.clone()),
        utc_offset_minutes: Set(domain::SEOUL.whole_minutes().into()),
        working_days: Set(seed.working_days.bits().into()),
        minutes_per_day: Set(narrow(seed.minutes_per_day.get(), "minutes per day")?),
        closes_at: Set(clock_text(seed.closes_at)),
        buffer_days: Set(narrow(seed.buffer_days, "buffer days")?),
        no_show_keeps_balance: Set(false),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    for (day, name) in &seed.holidays {
        workshop_holiday::ActiveModel {
            workshop_id: Set(row.id),
            day: Set(*day),
            name: Set(name.clone()),
        }
        .insert(txn)
        .await?;
    }
    for (position, product) in seed.products.iter().enumerate() {
        insert_product(txn, row.id, position, product).await?;
    }
    Ok(())
}

async fn insert_product(
    txn: &impl ConnectionTrait,
    workshop_id: i32,
    position: usize,
    seed: &ProductSeed,
) -> Result<(), Error> {
    if let Some(look) = &seed.look {
        check_look(seed, look)?;
    }
    let row = product::ActiveModel {
        workshop_id: Set(workshop_id),
        code: Set(seed.code.clone()),
        category: Set(seed.category.code().to_owned()),
        base_price_krw: Set(seed.base_price.won()),
        unit_minutes: Set(narrow(seed.unit_minutes.get(), "unit minutes")?),
        lead_days: Set(narrow(seed.lead_days, "lead days")?),
        deposit_percent: Set(seed.deposit.get().into()),
        pay_at_counter: Set(seed.pay_at_counter),
        position: Set(narrow(
            position as i64 + i64::from(workshop_id) * 100,
            "position",
        )?),
        look: Set(seed.look.as_ref().map(look_json).transpose()?),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    for (language, name) in seed.names.entries() {
        product_text::ActiveModel {
            product_id: Set(row.id),
            language: Set(language.code().to_owned()),
            name: Set(name.to_owned()),
            description: Set(seed.descriptions.get(language).to_owned()),
        }
        .insert(txn)
        .await?;
    }
    for (position, group) in seed.groups.iter().enumerate() {
        insert_group(txn, row.id, position, group).await?;
    }
    Ok(())
}

/// A look must name the product's own groups and give every value it colours a swatch;
/// otherwise a preview of some configuration could not be drawn.
fn check_look(product: &ProductSeed, look: &Look) -> Result<(), Error> {
    let corrupt = |what: String| Error::Corrupt(format!("look of {}: {what}", product.code));
    let group = |code: &str| product.groups.iter().find(|g| g.code == code);
    for code in std::iter::once(&look.body).chain(&look.trim) {
        let Some(GroupSeed {
            kind: GroupSeedKind::Choice(values),
            ..
        }) = group(code)
        else {
            return Err(corrupt(format!("{code} is not a choice group")));
        };
        if let Some(value) = values.iter().find(|v| !look.swatches.contains_key(&v.code)) {
            return Err(corrupt(format!("{code} {} has no swatch", value.code)));
        }
    }
    if let Some(code) = &look.monogram
        && !matches!(
            group(code).map(|g| &g.kind),
            Some(GroupSeedKind::Text { .. })
        )
    {
        return Err(corrupt(format!("{code} is not a text group")));
    }
    Ok(())
}

async fn insert_group(
    txn: &impl ConnectionTrait,
    product_id: i32,
    position: usize,
    seed: &GroupSeed,
) -> Result<(), Error> {
    let mut row = option_group::ActiveModel {
        product_id: Set(product_id),
        code: Set(seed.code.clone()),
        labels: Set(localized_json(&seed.labels)),
        position: Set(narrow(position as i64, "position")?),
        text_max_chars: Set(None),
        text_allowed: Set(None),
        text_required: Set(false),
        text_price_delta_krw: Set(0),
        text_minutes_delta: Set(0),
        ..Default::default()
    };
    let values = match &seed.kind {
        GroupSeedKind::Choice(values) => {
            if values.iter().filter(|v| v.is_default).count() != 1 {
                return Err(Error::Corrupt(format!(
                    "group {} needs one default",
                    seed.code
                )));
            }
            row.kind = Set("choice".into());
            values.as_slice()
        }
        GroupSeedKind::Text {
            max_chars,
            allowed,
            required,
            price_delta,
            minutes_delta,
        } => {
            row.kind = Set("text".into());
            row.text_max_chars = Set(Some(i32::from(*max_chars)));
            row.text_allowed = Set(Some(allowed.clone()));
            row.text_required = Set(*required);
            row.text_price_delta_krw = Set(price_delta.won());
            row.text_minutes_delta = Set(*minutes_delta);
            &[]
        }
    };
    let group = row.insert(txn).await?;
    for (position, value) in values.iter().enumerate() {
        option_value::ActiveModel {
            group_id: Set(group.id),
            code: Set(value.code.clone()),
            labels: Set(localized_json(&value.labels)),
            price_delta_krw: Set(value.price_delta.won()),
            minutes_delta: Set(value.minutes_delta),
            is_default: Set(value.is_default),
            position: Set(narrow(position as i64, "position")?),
            ..Default::default()
        }
        .insert(txn)
        .await?;
    }
    Ok(())
}

async fn insert_counter(txn: &impl ConnectionTrait, seed: &CounterSeed) -> Result<(), Error> {
    let minutes = seed
        .pickup_minutes_before_departure
        .map(|m| narrow(m, "pickup minutes"))
        .transpose()?;
    counter::ActiveModel {
        code: Set(seed.code.clone()),
        kind: Set(seed.kind.code().to_owned()),
        names: Set(localized_json(&seed.names)),
        addresses: Set(localized_json(&seed.addresses)),
        utc_offset_minutes: Set(domain::SEOUL.whole_minutes().into()),
        open_days: Set(seed.open_days.bits().into()),
        opens_at: Set(clock_text(seed.opens_at)),
        closes_at: Set(clock_text(seed.closes_at)),
        pickup_rule: Set(match seed.kind {
            CounterKind::AirportDesk => "before_departure".into(),
            CounterKind::CityShop => "last_open_day_before_departure".into(),
        }),
        pickup_minutes_before_departure: Set(minutes),
        transit_days: Set(narrow(seed.transit_days, "transit days")?),
        holding_days: Set(i32::from(domain::no_show::DEFAULT_HOLDING_DAYS)),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(())
}
