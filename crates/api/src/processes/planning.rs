//! Planning: from a request's items and itinerary to a domain [`Quote`], against the
//! catalogue and the capacity stored right now.
//!
//! Quotes, orders and itinerary changes all go through [`plan`], so the three can never
//! disagree about prices or ready-by times.

use std::collections::{BTreeMap, BTreeSet};

use db::DatabaseConnection;
use time::OffsetDateTime;

use db::catalogue::{CounterRecord, ProductRecord};
use domain::catalogue::{Configuration, ProductId, Quantity, WorkshopId};
use domain::counter::CounterId;
use domain::itinerary::Itinerary;
use domain::order::Order;
use domain::quote::{Quote, QuoteInput, QuoteLine, Workshop, quote};

use crate::error::{ApiError, ApiResult};
use crate::processes::fitting::{fit_for, under};
use crate::wire::ItemFitting;
use crate::wire::{ItemRequest, ItineraryRequest};

/// The most lines one quote or order may have.
pub const MAX_LINES: usize = 20;

/// A request checked against the catalogue and planned.
pub struct Planned {
    /// The domain's answer.
    pub quote: Quote,
    /// The checked trip.
    pub itinerary: Itinerary,
    /// Per line: the product, its resolved configuration and quantity.
    pub lines: Vec<(ProductRecord, Configuration, Quantity)>,
    /// Per line: the fitting it is made to, run again by the server, if one was sent.
    pub fittings: Vec<Option<ItemFitting>>,
    /// Every workshop, for reserving.
    pub workshops: BTreeMap<WorkshopId, Workshop>,
    /// Every counter.
    pub counters: Vec<CounterRecord>,
}

/// Checks a request's items and itinerary and plans them against stored capacity.
/// `moving` is an order being re-planned: its own reservations count as free.
pub async fn plan(
    db: &DatabaseConnection,
    items: &[ItemRequest],
    itinerary: &ItineraryRequest,
    now: OffsetDateTime,
    moving: Option<&Order>,
) -> ApiResult<Planned> {
    let counters = db::catalogue::counters(db).await?;
    let itinerary = check_itinerary(itinerary, &counters, now)?;
    let (lines, fittings) = check_items(db, items).await?;
    let workshops = db::catalogue::planning_workshops(db).await?;
    let involved: BTreeSet<WorkshopId> =
        lines.iter().map(|(p, ..)| p.product.workshop_id).collect();
    let today = now.to_offset(domain::SEOUL).date();
    let mut loads = db::capacity::day_loads(db, &involved, today).await?;
    if let Some(order) = moving {
        for item in &order.items {
            let load = loads.entry(item.terms.workshop_id).or_default();
            item.reserved
                .iter()
                .for_each(|slot| load.remove(slot.date, slot.minutes));
        }
    }
    let quote_lines: Vec<QuoteLine<'_>> = lines
        .iter()
        .map(|(record, configuration, quantity)| QuoteLine {
            product: &record.product,
            configuration: configuration.clone(),
            quantity: *quantity,
        })
        .collect();
    let domain_counters: Vec<_> = counters.iter().map(|c| c.counter.clone()).collect();
    let input = QuoteInput {
        now,
        itinerary: &itinerary,
        lines: &quote_lines,
        workshops: &workshops,
        loads: &loads,
        counters: &domain_counters,
    };
    let quote = quote(&input).map_err(|e| ApiError::Internal(e.into()))?;
    Ok(Planned {
        quote,
        itinerary,
        lines,
        fittings,
        workshops,
        counters,
    })
}

fn check_itinerary(
    request: &ItineraryRequest,
    counters: &[CounterRecord],
    now: OffsetDateTime,
) -> ApiResult<Itinerary> {
    let counter_id = CounterId(request.counter_id);
    if !counters.iter().any(|c| c.counter.id == counter_id) {
        return Err(ApiError::invalid(
            "unknown-counter",
            "/itinerary/counter_id",
            format!("there is no counter {}", request.counter_id),
        ));
    }
    Itinerary::new(request.arrival, request.departure, counter_id, now)
        .map_err(|e| ApiError::from_domain(e, "/itinerary"))
}

/// The checked lines, each with its fitting (run again here, so that what the workshop
/// receives is the engine's answer, not the client's).
type CheckedItems = (
    Vec<(ProductRecord, Configuration, Quantity)>,
    Vec<Option<ItemFitting>>,
);

async fn check_items(db: &DatabaseConnection, items: &[ItemRequest]) -> ApiResult<CheckedItems> {
    if items.is_empty() || items.len() > MAX_LINES {
        let detail = format!("an order has 1 to {MAX_LINES} items, got {}", items.len());
        return Err(ApiError::invalid("invalid-items", "/items", detail));
    }
    let ids: BTreeSet<ProductId> = items.iter().map(|i| ProductId(i.product_id)).collect();
    let products = db::catalogue::products_by_id(db, &ids).await?;
    let mut lines = Vec::with_capacity(items.len());
    let mut fittings = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let base = format!("/items/{index}");
        let record = products
            .get(&ProductId(item.product_id))
            .cloned()
            .ok_or_else(|| {
                ApiError::invalid(
                    "unknown-product",
                    format!("{base}/product_id"),
                    format!("there is no product {}", item.product_id),
                )
            })?;
        let quantity = Quantity::new(item.quantity).map_err(|e| ApiError::from_domain(e, &base))?;
        let configuration = record
            .product
            .configure(&item.options)
            .map_err(|e| ApiError::from_domain(e, &base))?;
        let fitting = match &item.fitting {
            Some(request) => {
                let result =
                    fit_for(&record, request).map_err(under(&format!("{base}/fitting")))?;
                Some(ItemFitting {
                    request: request.clone(),
                    result,
                })
            }
            None => None,
        };
        lines.push((record, configuration, quantity));
        fittings.push(fitting);
    }
    Ok((lines, fittings))
}
