//! Quotes: prices, ready-by times and feasibility for a set of configured items on a trip.
//!
//! `ready_by = end of the working day that is (transit + buffer) working days after the
//! last production day`, where production starts after the lead days and fills free
//! workshop capacity. A quote is feasible when every item is ready by the counter's
//! pickup deadline and that deadline falls within the stay. When it is not, the quote
//! says why and what would work: a later departure, another counter, simpler options.

use std::collections::BTreeMap;

use time::OffsetDateTime;

use crate::Error;
use crate::calendar::WorkshopCalendar;
use crate::catalogue::{Configuration, Product, Quantity, WorkshopId};
use crate::counter::{Counter, CounterId};
use crate::itinerary::Itinerary;
use crate::money::Krw;
use crate::schedule::{DayLoad, ProductionPlan, earliest_start, plan_production};

/// The default safety buffer between finishing and pickup, in working days.
pub const DEFAULT_BUFFER_DAYS: u16 = 1;

/// A workshop as planning needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workshop {
    /// Its id.
    pub id: WorkshopId,
    /// Its working calendar.
    pub calendar: WorkshopCalendar,
    /// Safety buffer after production, in working days.
    pub buffer_days: u16,
}

/// One line of a quote: a configured product and how many.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteLine<'a> {
    /// The product.
    pub product: &'a Product,
    /// Its resolved configuration.
    pub configuration: Configuration,
    /// How many units.
    pub quantity: Quantity,
}

/// Everything a quote is computed from.
#[derive(Debug, Clone, Copy)]
pub struct QuoteInput<'a> {
    /// The moment of quoting (or ordering).
    pub now: OffsetDateTime,
    /// The trip.
    pub itinerary: &'a Itinerary,
    /// The items, in request order.
    pub lines: &'a [QuoteLine<'a>],
    /// Every workshop the lines need.
    pub workshops: &'a BTreeMap<WorkshopId, Workshop>,
    /// Minutes already reserved at those workshops.
    pub loads: &'a BTreeMap<WorkshopId, DayLoad>,
    /// Every counter (the chosen one and the alternatives).
    pub counters: &'a [Counter],
}

/// The answer to a quote request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// One entry per line, in request order.
    pub lines: Vec<LineQuote>,
    /// The sum of the line totals.
    pub total: Krw,
    /// The sum of the line deposits.
    pub deposit: Krw,
    /// The latest pickup at the chosen counter; `None` when it has no opening before departure.
    pub pickup_deadline: Option<OffsetDateTime>,
    /// Why the quote is not feasible; empty when it is.
    pub reasons: Vec<Reason>,
    /// What would work instead; empty when feasible.
    pub alternatives: Vec<Alternative>,
}

/// One line's price and schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineQuote {
    /// Unit price times quantity.
    pub line_total: Krw,
    /// The deposit share of the line total.
    pub deposit: Krw,
    /// The production days; `None` when the workshop has no room.
    pub plan: Option<ProductionPlan>,
    /// When the item is ready at the chosen counter; `None` without a plan.
    pub ready_by: Option<OffsetDateTime>,
}

/// Why a quote is not feasible.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The workshop has no free capacity within the planning horizon.
    NoCapacity {
        /// The line's index.
        line: usize,
    },
    /// The item is ready only after the pickup deadline.
    NotReadyInTime {
        /// The line's index.
        line: usize,
        /// When it would be ready.
        ready_by: OffsetDateTime,
        /// The pickup deadline it misses.
        pickup_deadline: OffsetDateTime,
    },
    /// The counter's last pickup moment is not within the stay.
    NoPickupDuringStay {
        /// The deadline, if the counter has one at all.
        pickup_deadline: Option<OffsetDateTime>,
        /// The arrival it precedes.
        arrival: OffsetDateTime,
    },
}

/// Something that would make an infeasible quote feasible.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Alternative {
    /// Fly home at or after this moment.
    LaterDeparture {
        /// The earliest departure that works with the chosen counter.
        earliest_departure: OffsetDateTime,
    },
    /// Collect at another counter instead.
    OtherCounter {
        /// The counter that works.
        counter_id: CounterId,
        /// Its pickup deadline for this departure.
        pickup_deadline: OffsetDateTime,
    },
    /// Take a line with every option at its default.
    SimplerOptions {
        /// The line's index.
        line: usize,
        /// When it would then be ready.
        ready_by: OffsetDateTime,
    },
}

impl Quote {
    /// Whether every item can be collected before the flight home.
    pub fn feasible(&self) -> bool {
        self.reasons.is_empty()
    }

    /// The latest ready-by over all lines, if every line has one.
    pub fn latest_ready_by(&self) -> Option<OffsetDateTime> {
        self.lines.iter().map(|l| l.ready_by).collect::<Option<Vec<_>>>()?.into_iter().max()
    }
}

/// Prices and plans the lines for the itinerary, against the current loads.
pub fn quote(input: &QuoteInput<'_>) -> Result<Quote, Error> {
    let counter = find_counter(input.counters, input.itinerary.counter_id())?;
    let plans = plan_lines(input)?;
    let mut lines = Vec::with_capacity(input.lines.len());
    for (line, plan) in input.lines.iter().zip(plans) {
        let line_total = line.configuration.unit_price.checked_mul(u32::from(line.quantity.get()))?;
        let ready_by = match &plan {
            Some(plan) => Some(ready_by(workshop_of(input, line)?, plan, counter)?),
            None => None,
        };
        let deposit = line_total.percent_rounded_up(line.product.deposit);
        lines.push(LineQuote { line_total, deposit, plan, ready_by });
    }
    let total = lines.iter().try_fold(Krw::ZERO, |sum, l| sum.checked_add(l.line_total))?;
    let deposit = lines.iter().try_fold(Krw::ZERO, |sum, l| sum.checked_add(l.deposit))?;
    let pickup_deadline = counter.pickup_deadline(input.itinerary.departure());
    let mut quote = Quote {
        lines,
        total,
        deposit,
        pickup_deadline,
        reasons: Vec::new(),
        alternatives: Vec::new(),
    };
    quote.reasons = reasons(&quote, input.itinerary.arrival());
    if !quote.feasible() {
        quote.alternatives = alternatives(input, &quote, counter)?;
    }
    Ok(quote)
}

/// Plans every line in order, each booked before the next is planned, so that lines of
/// one order never count the same free minutes twice.
fn plan_lines(input: &QuoteInput<'_>) -> Result<Vec<Option<ProductionPlan>>, Error> {
    let mut loads = input.loads.clone();
    let mut plans = Vec::with_capacity(input.lines.len());
    for line in input.lines {
        let workshop = workshop_of(input, line)?;
        let load = loads.entry(workshop.id).or_default();
        let minutes = line.configuration.unit_minutes.saturating_mul(u32::from(line.quantity.get()));
        let start = earliest_start(&workshop.calendar, input.now, line.product.lead_days);
        let plan = plan_production(&workshop.calendar, load, start, minutes);
        if let Some(plan) = &plan {
            load.book(plan);
        }
        plans.push(plan);
    }
    Ok(plans)
}

/// When a planned item is ready at `counter`.
pub fn ready_by(
    workshop: &Workshop,
    plan: &ProductionPlan,
    counter: &Counter,
) -> Result<OffsetDateTime, Error> {
    let days = counter.transit_days.saturating_add(workshop.buffer_days);
    let day = workshop
        .calendar
        .add_working_days(plan.finishes_on(), days)
        .ok_or_else(|| Error::InvalidData(format!("workshop {} never works", workshop.id.0)))?;
    Ok(workshop.calendar.end_of_day(day))
}

fn reasons(quote: &Quote, arrival: OffsetDateTime) -> Vec<Reason> {
    let mut reasons = Vec::new();
    match quote.pickup_deadline {
        Some(deadline) if deadline >= arrival => {}
        pickup_deadline => reasons.push(Reason::NoPickupDuringStay { pickup_deadline, arrival }),
    }
    for (index, line) in quote.lines.iter().enumerate() {
        match (line.ready_by, quote.pickup_deadline) {
            (None, _) => reasons.push(Reason::NoCapacity { line: index }),
            (Some(ready_by), Some(pickup_deadline)) if ready_by > pickup_deadline => reasons
                .push(Reason::NotReadyInTime { line: index, ready_by, pickup_deadline }),
            _ => {}
        }
    }
    reasons
}

fn alternatives(
    input: &QuoteInput<'_>,
    quote: &Quote,
    chosen: &Counter,
) -> Result<Vec<Alternative>, Error> {
    let mut alternatives = Vec::new();
    let Some(latest) = quote.latest_ready_by() else {
        return Ok(alternatives);
    };
    let arrival = input.itinerary.arrival();
    if let Some(earliest_departure) = chosen.earliest_departure_for(latest.max(arrival)) {
        alternatives.push(Alternative::LaterDeparture { earliest_departure });
    }
    for counter in input.counters.iter().filter(|c| c.id != chosen.id) {
        if let Some(pickup_deadline) = works_at(input, quote, counter)? {
            alternatives.push(Alternative::OtherCounter { counter_id: counter.id, pickup_deadline });
        }
    }
    alternatives.extend(simpler_options(input, quote, chosen)?);
    Ok(alternatives)
}

/// The pickup deadline at `counter` if every planned line would make it there.
fn works_at(
    input: &QuoteInput<'_>,
    quote: &Quote,
    counter: &Counter,
) -> Result<Option<OffsetDateTime>, Error> {
    let Some(deadline) = counter.pickup_deadline(input.itinerary.departure()) else {
        return Ok(None);
    };
    if deadline < input.itinerary.arrival() {
        return Ok(None);
    }
    for (line, line_quote) in input.lines.iter().zip(&quote.lines) {
        let Some(plan) = &line_quote.plan else { return Ok(None) };
        if ready_by(workshop_of(input, line)?, plan, counter)? > deadline {
            return Ok(None);
        }
    }
    Ok(Some(deadline))
}

/// Lines that would be ready in time with every option at its default.
fn simpler_options(
    input: &QuoteInput<'_>,
    quote: &Quote,
    counter: &Counter,
) -> Result<Vec<Alternative>, Error> {
    let Some(deadline) = quote.pickup_deadline else { return Ok(Vec::new()) };
    let mut alternatives = Vec::new();
    for (index, (line, line_quote)) in input.lines.iter().zip(&quote.lines).enumerate() {
        let late = line_quote.ready_by.is_none_or(|r| r > deadline);
        let Ok(plain) = line.product.configure(&BTreeMap::new()) else { continue };
        if !late || plain.unit_minutes >= line.configuration.unit_minutes {
            continue;
        }
        let workshop = workshop_of(input, line)?;
        let mut load = loads_without(input, quote, workshop.id, index);
        let minutes = plain.unit_minutes.saturating_mul(u32::from(line.quantity.get()));
        let start = earliest_start(&workshop.calendar, input.now, line.product.lead_days);
        let Some(plan) = plan_production(&workshop.calendar, &load, start, minutes) else { continue };
        load.book(&plan);
        let ready = ready_by(workshop, &plan, counter)?;
        if ready <= deadline {
            alternatives.push(Alternative::SimplerOptions { line: index, ready_by: ready });
        }
    }
    Ok(alternatives)
}

/// The workshop's load with every other line of the quote booked.
fn loads_without(input: &QuoteInput<'_>, quote: &Quote, workshop: WorkshopId, skip: usize) -> DayLoad {
    let mut load = input.loads.get(&workshop).cloned().unwrap_or_default();
    let others = input.lines.iter().zip(&quote.lines).enumerate().filter(|(i, _)| *i != skip);
    for (_, (line, line_quote)) in others {
        if let (true, Some(plan)) = (line.product.workshop_id == workshop, &line_quote.plan) {
            load.book(plan);
        }
    }
    load
}

fn workshop_of<'a>(input: &QuoteInput<'a>, line: &QuoteLine<'_>) -> Result<&'a Workshop, Error> {
    let id = line.product.workshop_id;
    input
        .workshops
        .get(&id)
        .ok_or_else(|| Error::InvalidData(format!("workshop {} is not loaded", id.0)))
}

fn find_counter(counters: &[Counter], id: CounterId) -> Result<&Counter, Error> {
    counters
        .iter()
        .find(|c| c.id == id)
        .ok_or_else(|| Error::InvalidData(format!("counter {} is not loaded", id.0)))
}
