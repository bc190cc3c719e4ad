//! Quotes on the wire: the request, the answer (prices, per-item ready-by, feasibility,
//! reasons and alternatives), and the 409 an infeasible order or trip change answers
//! with the same reasons and alternatives.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use time::Date;
use utoipa::ToSchema;

use db::catalogue::CounterRecord;
use domain::catalogue::{Configuration, Quantity};
use domain::quote::{Alternative, Reason};

use crate::error::ApiError;
use crate::processes::planning::Planned;
use crate::wire::{FitView, ItemRequest, ItineraryRequest, SeoulTime};

/// What to quote.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct QuoteRequest {
    /// The items, 1 to 20.
    pub items: Vec<ItemRequest>,
    /// The trip.
    pub itinerary: ItineraryRequest,
    /// Optional ISO 4217 code for an estimate of the prices in the traveller's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
}

/// The answer: prices, ready-by times and whether it can be made in time.
#[derive(Debug, Serialize, ToSchema)]
pub struct QuoteResponse {
    /// Whether every item can be collected before the flight home.
    pub feasible: bool,
    /// Total price in whole won.
    pub total_krw: i64,
    /// Deposit charged at order time, in whole won.
    pub deposit_krw: i64,
    /// An estimate in the requested currency (display only; payment is in KRW).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display: Option<DisplayPrices>,
    /// The chosen counter.
    pub counter_id: i64,
    /// The latest pickup at that counter (Asia/Seoul).
    pub pickup_deadline: Option<SeoulTime>,
    /// One entry per requested item.
    pub items: Vec<ItemQuote>,
    /// Why it is not feasible (empty when feasible).
    pub reasons: Vec<ReasonView>,
    /// What would work instead (empty when feasible).
    pub alternatives: Vec<AlternativeView>,
    /// How these items can be paid on this server: `stripe` (card now) and/or `counter`.
    pub payment_methods: Vec<&'static str>,
}

/// Prices estimated in another currency.
#[derive(Debug, Serialize, ToSchema)]
pub struct DisplayPrices {
    pub currency: String,
    /// e.g. `170.23 USD`.
    pub total: String,
    pub deposit: String,
}

/// One item's price and schedule.
#[derive(Debug, Serialize, ToSchema)]
pub struct ItemQuote {
    pub product_id: i64,
    pub quantity: u16,
    /// The full configuration, defaults filled in.
    pub options: BTreeMap<String, String>,
    pub unit_price_krw: i64,
    pub line_total_krw: i64,
    pub deposit_krw: i64,
    /// Workshop time for the whole line, in minutes.
    pub production_minutes: u32,
    /// First and last production day, when the workshop has room.
    pub production: Option<ProductionWindow>,
    /// When it is ready at the counter (Asia/Seoul).
    pub ready_by: Option<SeoulTime>,
    /// The size the item's `fitting` recommends (as the fit endpoint answers), when one
    /// was sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fitting: Option<FitView>,
}

/// The days an item is made on.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProductionWindow {
    pub starts_on: Date,
    pub finishes_on: Date,
}

/// Why a quote is not feasible.
#[derive(Debug, Serialize, ToSchema)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum ReasonView {
    /// The workshop has no free capacity within its planning horizon.
    NoCapacity { item: usize, detail: String },
    /// The item would be ready only after the pickup deadline.
    NotReadyInTime {
        item: usize,
        ready_by: SeoulTime,
        pickup_deadline: SeoulTime,
        detail: String,
    },
    /// No payment method can pay for these items here: they need prepayment by card,
    /// and card payment is not configured.
    PaymentUnavailable { detail: String },
    /// The counter's last pickup moment is not within the stay.
    NoPickupDuringStay {
        pickup_deadline: Option<SeoulTime>,
        arrival: SeoulTime,
        detail: String,
    },
}

/// What would make the quote feasible.
#[derive(Debug, Serialize, ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AlternativeView {
    /// Depart at or after this moment.
    LaterDeparture {
        earliest_departure: SeoulTime,
        detail: String,
    },
    /// Collect at another counter.
    OtherCounter {
        counter_id: i64,
        counter_code: String,
        pickup_deadline: SeoulTime,
        detail: String,
    },
    /// Take this item with every option at its default.
    SimplerOptions {
        item: usize,
        ready_by: SeoulTime,
        detail: String,
    },
}

/// The wire form of a planned quote.
pub fn quote_response(planned: &Planned) -> QuoteResponse {
    let quote = &planned.quote;
    let items = planned
        .lines
        .iter()
        .zip(&quote.lines)
        .zip(&planned.fittings)
        .map(|(((record, configuration, quantity), line), fitting)| {
            let mut item = item_quote(record.product.id.0, configuration, *quantity, line);
            item.fitting = fitting.as_ref().map(|f| f.result.clone());
            item
        })
        .collect();
    QuoteResponse {
        feasible: quote.feasible(),
        total_krw: quote.total.won(),
        deposit_krw: quote.deposit.won(),
        display: None,
        counter_id: planned.itinerary.counter_id().0,
        pickup_deadline: quote.pickup_deadline.map(SeoulTime::from),
        items,
        reasons: quote.reasons.iter().map(reason_view).collect(),
        payment_methods: Vec::new(),
        alternatives: quote
            .alternatives
            .iter()
            .map(|a| alternative_view(a, &planned.counters))
            .collect(),
    }
}

fn item_quote(
    product_id: i64,
    configuration: &Configuration,
    quantity: Quantity,
    line: &domain::quote::LineQuote,
) -> ItemQuote {
    ItemQuote {
        product_id,
        quantity: quantity.get(),
        options: configuration.as_map(),
        unit_price_krw: configuration.unit_price.won(),
        line_total_krw: line.line_total.won(),
        deposit_krw: line.deposit.won(),
        production_minutes: configuration
            .unit_minutes
            .saturating_mul(quantity.get().into())
            .get(),
        production: line.plan.as_ref().map(|plan| ProductionWindow {
            starts_on: plan.starts_on(),
            finishes_on: plan.finishes_on(),
        }),
        ready_by: line.ready_by.map(SeoulTime::from),
        fitting: None,
    }
}

fn reason_view(reason: &Reason) -> ReasonView {
    match *reason {
        Reason::NoCapacity { line } => ReasonView::NoCapacity {
            item: line,
            detail: format!(
                "item {line}: the workshop has no free production time in its calendar"
            ),
        },
        Reason::NotReadyInTime {
            line,
            ready_by,
            pickup_deadline,
        } => ReasonView::NotReadyInTime {
            item: line,
            ready_by: ready_by.into(),
            pickup_deadline: pickup_deadline.into(),
            detail: format!(
                "item {line} would be ready at {}, after the pickup deadline {}",
                SeoulTime::from(ready_by),
                SeoulTime::from(pickup_deadline)
            ),
        },
        Reason::NoPickupDuringStay {
            pickup_deadline,
            arrival,
        } => ReasonView::NoPickupDuringStay {
            pickup_deadline: pickup_deadline.map(SeoulTime::from),
            arrival: arrival.into(),
            detail: "the counter's last pickup time before your flight is before you arrive".into(),
        },
    }
}

fn alternative_view(alternative: &Alternative, counters: &[CounterRecord]) -> AlternativeView {
    match *alternative {
        Alternative::LaterDeparture { earliest_departure } => AlternativeView::LaterDeparture {
            earliest_departure: earliest_departure.into(),
            detail: format!(
                "everything can be collected if you depart at or after {}",
                SeoulTime::from(earliest_departure)
            ),
        },
        Alternative::OtherCounter {
            counter_id,
            pickup_deadline,
        } => {
            let code = counters
                .iter()
                .find(|c| c.counter.id == counter_id)
                .map_or_else(String::new, |c| c.code.clone());
            AlternativeView::OtherCounter {
                counter_id: counter_id.0,
                detail: format!("everything is ready in time for pickup at {code}"),
                counter_code: code,
                pickup_deadline: pickup_deadline.into(),
            }
        }
        Alternative::SimplerOptions { line, ready_by } => AlternativeView::SimplerOptions {
            item: line,
            ready_by: ready_by.into(),
            detail: format!("item {line} is ready in time with its default options"),
        },
    }
}

/// The `reasons` and `alternatives` members of a 409 problem for an infeasible request.
pub fn infeasible(planned: &Planned) -> ApiError {
    let response = quote_response(planned);
    let mut extensions = Map::new();
    extensions.insert("reasons".into(), to_value(&response.reasons));
    extensions.insert("alternatives".into(), to_value(&response.alternatives));
    let detail = match response.reasons.first() {
        Some(ReasonView::NotReadyInTime { detail, .. })
        | Some(ReasonView::NoCapacity { detail, .. })
        | Some(ReasonView::NoPickupDuringStay { detail, .. })
        | Some(ReasonView::PaymentUnavailable { detail }) => detail.clone(),
        None => "the order cannot be made in time".into(),
    };
    ApiError::Infeasible { detail, extensions }
}

fn to_value<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}
