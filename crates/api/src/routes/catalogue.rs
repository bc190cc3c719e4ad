//! The catalogue: workshops, counters and products, in the negotiated language.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, Query};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use db::catalogue::{
    CounterRecord, GroupLabels, Look, ProductFilter, ProductRecord, WorkshopRecord,
};
use domain::catalogue::{Category, OptionGroup, OptionKind, ProductId, WorkshopId};
use domain::counter::PickupRule;
use domain::language::Language;

use crate::error::{ApiError, ApiResult};
use crate::extract::Negotiated;
use crate::extract::State;
use crate::wire::{hh_mm, weekday_codes};

/// A workshop.
#[derive(Debug, Serialize, ToSchema)]
pub struct WorkshopView {
    id: i64,
    code: String,
    /// `garment`, `shoes`, `bag` or `printed`.
    craft: String,
    name: String,
    description: String,
    district: String,
    /// Working weekdays, `mon` … `sun`.
    working_days: Vec<&'static str>,
    /// Production capacity of a working day, in minutes.
    minutes_per_day: u32,
}

/// A pickup counter.
#[derive(Debug, Serialize, ToSchema)]
pub struct CounterView {
    id: i64,
    code: String,
    /// `city_shop` or `airport_desk`.
    kind: &'static str,
    name: String,
    address: String,
    /// Opening weekdays, `mon` … `sun`.
    open_days: Vec<&'static str>,
    /// Local opening time, `HH:MM` (Asia/Seoul).
    opens_at: String,
    /// Local closing time, `HH:MM` (Asia/Seoul).
    closes_at: String,
    /// How the pickup deadline follows from the departure, in words.
    pickup_rule: String,
    /// Working days goods travel from a workshop to this counter.
    transit_days: u16,
}

/// A product with its options.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProductView {
    id: i64,
    code: String,
    workshop_id: i64,
    /// `garment`, `shoes`, `bag` or `printed`.
    category: &'static str,
    name: String,
    description: String,
    /// Price of one unit with every option at its default, in whole won.
    base_price_krw: i64,
    /// Deposit share charged at order time, percent.
    deposit_percent: u8,
    /// Whether it can be paid at the counter.
    pay_at_counter: bool,
    /// Days of material preparation before production starts.
    lead_days: u16,
    /// Workshop time for one unit with every option at its default.
    production_minutes: u32,
    option_groups: Vec<OptionGroupView>,
    /// How the widget (and the server's previews) draw it; `null` for a product without
    /// a picture.
    look: Option<LookView>,
}

/// How a product is drawn by the `preview` renderer: the picture, the option groups that
/// colour it, and the colour and texture of every value of those groups.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"art": "jacket", "body": "fabric", "trim": "buttons",
    "monogram": "monogram",
    "swatches": {"navy-wool": "#1f2a44:wool", "horn": "#3d2b1f:plain", "brass": "#b8953f:metal"}}))]
pub struct LookView {
    /// The picture: `shirt`, `jacket`, `trousers`, `derby`, `loafer`, `boot`, `tote`,
    /// `crossbody`, `wallet`, `key_holder`, `card`, `notebook` or `poster`.
    art: String,
    /// The code of the choice group whose value colours the body (fabric, leather, paper).
    body: String,
    /// The code of the choice group whose value colours the trim (buttons, sole,
    /// hardware, ink), or `null`.
    trim: Option<String>,
    /// The code of the text group drawn as a monogram, or `null`.
    monogram: Option<String>,
    /// Per value code of the body and trim groups: `#rrggbb:texture`, the texture one of
    /// `plain`, `cotton`, `linen`, `wool`, `flannel`, `leather`, `suede`, `rubber`,
    /// `paper`, `hanji`, `metal`.
    swatches: BTreeMap<String, String>,
}

/// One option group.
#[derive(Debug, Serialize, ToSchema)]
pub struct OptionGroupView {
    code: String,
    label: String,
    /// `choice` (pick one of `values`) or `text` (free text within `text_rule`).
    kind: &'static str,
    /// The values of a choice group; exactly one has `default: true`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    values: Vec<OptionValueView>,
    /// The rule of a text group.
    #[serde(skip_serializing_if = "Option::is_none")]
    text_rule: Option<TextRuleView>,
}

/// One value of a choice group.
#[derive(Debug, Serialize, ToSchema)]
pub struct OptionValueView {
    code: String,
    label: String,
    /// Added to the unit price, in won.
    price_delta_krw: i64,
    /// Added to the unit production time, in minutes.
    production_minutes_delta: i32,
    default: bool,
}

/// What a text option accepts.
#[derive(Debug, Serialize, ToSchema)]
pub struct TextRuleView {
    max_chars: usize,
    /// Every character the workshop can make.
    allowed_characters: String,
    required: bool,
    /// Added to the unit price when a text is given, in won.
    price_delta_krw: i64,
}

/// Filters of the product list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProductQuery {
    /// Only this category: `garment`, `shoes`, `bag` or `printed`.
    category: Option<String>,
    /// Only this workshop's products.
    #[param(value_type = Option<i64>)]
    workshop_id: Option<String>,
}

/// Every workshop.
#[utoipa::path(get, path = "/api/v1/workshops", tag = "catalogue",
    params(("Accept-Language" = Option<String>, Header, description = "en, ko, ja or zh")),
    responses((status = 200, body = [WorkshopView])))]
pub(super) async fn list_workshops(
    state: State,
    Negotiated(language): Negotiated,
) -> ApiResult<Response> {
    let records = db::catalogue::workshops(&state.db).await?;
    let views: Vec<_> = records.iter().map(|r| workshop_view(r, language)).collect();
    Ok(localized(language, views))
}

/// Every pickup counter.
#[utoipa::path(get, path = "/api/v1/counters", tag = "catalogue",
    params(("Accept-Language" = Option<String>, Header, description = "en, ko, ja or zh")),
    responses((status = 200, body = [CounterView])))]
pub(super) async fn list_counters(
    state: State,
    Negotiated(language): Negotiated,
) -> ApiResult<Response> {
    let records = db::catalogue::counters(&state.db).await?;
    let views: Vec<_> = records.iter().map(|r| counter_view(r, language)).collect();
    Ok(localized(language, views))
}

/// The catalogue, optionally filtered by category and workshop.
#[utoipa::path(get, path = "/api/v1/products", tag = "catalogue", params(ProductQuery,
        ("Accept-Language" = Option<String>, Header, description = "en, ko, ja or zh")),
    responses((status = 200, body = [ProductView]),
              (status = 422, description = "Unknown category", body = crate::error::Problem)))]
pub(super) async fn list_products(
    state: State,
    Negotiated(language): Negotiated,
    query: Result<Query<ProductQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Response> {
    let Query(query) = query.map_err(|e| ApiError::invalid("invalid-field", "", e.body_text()))?;
    let category = query
        .category
        .as_deref()
        .map(str::parse::<Category>)
        .transpose()
        .map_err(|e| ApiError::from_domain(e, "/category"))?;
    let workshop_id = query
        .workshop_id
        .as_deref()
        .map(|id| {
            id.parse().map(WorkshopId).map_err(|_| {
                let detail = format!("workshop_id {id:?} is not a number");
                ApiError::invalid("invalid-field", "/workshop_id", detail)
            })
        })
        .transpose()?;
    let filter = ProductFilter {
        category,
        workshop_id,
    };
    let records = db::catalogue::products(&state.db, filter).await?;
    let views: Vec<_> = records.iter().map(|r| product_view(r, language)).collect();
    Ok(localized(language, views))
}

/// One product with its options.
#[utoipa::path(get, path = "/api/v1/products/{id}", tag = "catalogue",
    params(("id" = i64, Path), ("Accept-Language" = Option<String>, Header, description = "en, ko, ja or zh")),
    responses((status = 200, body = ProductView), (status = 404, body = crate::error::Problem)))]
pub(super) async fn get_product(
    state: State,
    Negotiated(language): Negotiated,
    Path(id): Path<String>,
) -> ApiResult<Response> {
    let id: i64 = id.parse().map_err(|_| ApiError::NotFound("product"))?;
    let ids = [ProductId(id)].into();
    let records = db::catalogue::products_by_id(&state.db, &ids).await?;
    let record = records
        .get(&ProductId(id))
        .ok_or(ApiError::NotFound("product"))?;
    Ok(localized(language, product_view(record, language)))
}

/// A JSON response that says which language its texts are in.
fn localized<T: Serialize>(language: Language, body: T) -> Response {
    let mut response = Json(body).into_response();
    response.headers_mut().insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(language.code()),
    );
    response
        .headers_mut()
        .insert(header::VARY, HeaderValue::from_static("accept-language"));
    response
}

fn workshop_view(record: &WorkshopRecord, language: Language) -> WorkshopView {
    let calendar = &record.workshop.calendar;
    WorkshopView {
        id: record.workshop.id.0,
        code: record.code.clone(),
        craft: record.craft.code().to_owned(),
        name: record.names.get(language).to_owned(),
        description: record.descriptions.get(language).to_owned(),
        district: record.district.clone(),
        working_days: weekday_codes(calendar.working_days),
        minutes_per_day: calendar.minutes_per_day.get(),
    }
}

fn counter_view(record: &CounterRecord, language: Language) -> CounterView {
    let counter = &record.counter;
    let pickup_rule = match counter.pickup_rule {
        PickupRule::BeforeDeparture { minutes } => {
            format!("collect up to {minutes} minutes before departure")
        }
        PickupRule::LastOpenDayBeforeDeparture => {
            "collect by closing time on the last open day before departure".to_owned()
        }
    };
    CounterView {
        id: counter.id.0,
        code: record.code.clone(),
        kind: record.kind.code(),
        name: record.names.get(language).to_owned(),
        address: record.addresses.get(language).to_owned(),
        open_days: weekday_codes(counter.open_days),
        opens_at: hh_mm(counter.opens_at),
        closes_at: hh_mm(counter.closes_at),
        pickup_rule,
        transit_days: counter.transit_days,
    }
}

fn product_view(record: &ProductRecord, language: Language) -> ProductView {
    let product = &record.product;
    let option_groups = product
        .option_groups
        .iter()
        .zip(&record.group_labels)
        .map(|(group, labels)| group_view(group, labels, language))
        .collect();
    ProductView {
        id: product.id.0,
        code: record.code.clone(),
        workshop_id: product.workshop_id.0,
        category: product.category.code(),
        name: record.names.get(language).to_owned(),
        description: record.descriptions.get(language).to_owned(),
        base_price_krw: product.base_price.won(),
        deposit_percent: product.deposit.get(),
        pay_at_counter: product.pay_at_counter,
        lead_days: product.lead_days,
        production_minutes: product.unit_minutes.get(),
        option_groups,
        look: record.look.as_ref().map(look_view),
    }
}

fn look_view(look: &Look) -> LookView {
    let Look {
        art,
        body,
        trim,
        monogram,
        swatches,
    } = look.clone();
    LookView {
        art,
        body,
        trim,
        monogram,
        swatches,
    }
}

fn group_view(group: &OptionGroup, labels: &GroupLabels, language: Language) -> OptionGroupView {
    let label = labels.labels.get(language).to_owned();
    match &group.kind {
        OptionKind::Choice { values, default } => OptionGroupView {
            code: group.code.clone(),
            label,
            kind: "choice",
            values: values
                .iter()
                .enumerate()
                .map(|(index, value)| OptionValueView {
                    code: value.code.clone(),
                    label: labels
                        .values
                        .iter()
                        .find(|(code, _)| *code == value.code)
                        .map_or(value.code.clone(), |(_, text)| {
                            text.get(language).to_owned()
                        }),
                    price_delta_krw: value.price_delta.won(),
                    production_minutes_delta: value.minutes_delta,
                    default: index == *default,
                })
                .collect(),
            text_rule: None,
        },
        OptionKind::Text(rule) => OptionGroupView {
            code: group.code.clone(),
            label,
            kind: "text",
            values: Vec::new(),
            text_rule: Some(TextRuleView {
                max_chars: rule.max_chars,
                allowed_characters: rule.allowed.iter().collect(),
                required: rule.required,
                price_delta_krw: rule.price_delta.won(),
            }),
        },
    }
}
