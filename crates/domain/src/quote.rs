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
        self.lines
            .iter()
            .map(|l| l.ready_by)
            .collect::<Option<Vec<_>>>()?
            .into_iter()
            .max()
    }
}

/// Prices and plans the lines for the itinerary, against the current loads.
pub fn quote(input: &QuoteInput<'_>) -> Result<Quote, Error> {
    let counter = find_counter(input.counters, input.itinerary.counter_id())?;
    let plans = plan_lines(input)?;
    let mut lines = Vec::with_capacity(input.lines.len());
    for (line, plan) in input.lines.iter().zip(plans) {
        let line_total = line
            .configuration
            .unit_price
            .checked_mul(u32::from(line.quantity.get()))?;
        let ready_by = match &plan {
            Some(plan) => Some(ready_by(workshop_of(input, line)?, plan, counter)?),
            None => None,
        };
        let deposit = line_total.percent_rounded_up(line.product.deposit);
        lines.push(LineQuote {
            line_total,
            deposit,
            plan,
            ready_by,
        });
    }
    let total = lines
        .iter()
        .try_fold(Krw::ZERO, |sum, l| sum.checked_add(l.line_total))?;
    let deposit = lines
        .iter()
        .try_fold(Krw::ZERO, |sum, l| sum.checked_add(l.deposit))?;
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
        let minutes = line
            .configuration
            .unit_minutes
            .saturating_mul(u32::from(line.quantity.get()));
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

/// When a planned item must leave its workshop: the end of the working day that is the
/// buffer after production ends (transit to the counter follows).
pub fn leaves_workshop_by(
    workshop: &Workshop,
    plan: &ProductionPlan,
) -> Result<OffsetDateTime, Error> {
    let day = workshop
        .calendar
        .add_working_days(plan.finishes_on(), workshop.buffer_days)
        .ok_or_else(|| Error::InvalidData(format!("workshop {} never works", workshop.id.0)))?;
    Ok(workshop.calendar.end_of_day(day))
}

fn reasons(quote: &Quote, arrival: OffsetDateTime) -> Vec<Reason> {
    let mut reasons = Vec::new();
    match quote.pickup_deadline {
        Some(deadline) if deadline >= arrival => {}
        pickup_deadline => reasons.push(Reason::NoPickupDuringStay {
            pickup_deadline,
            arrival,
        }),
    }
    for (index, line) in quote.lines.iter().enumerate() {
        match (line.ready_by, quote.pickup_deadline) {
            (None, _) => reasons.push(Reason::NoCapacity { line: index }),
            (Some(ready_by), Some(pickup_deadline)) if ready_by > pickup_deadline => {
                reasons.push(Reason::NotReadyInTime {
                    line: index,
                    ready_by,
                    pickup_deadline,
                })
            }
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
    // Moving the trip or the counter helps only when every line has a plan.
    if let Some(latest) = quote.latest_ready_by() {
        let arrival = input.itinerary.arrival();
        if let Some(earliest_departure) = chosen.earliest_departure_for(latest.max(arrival)) {
            alternatives.push(Alternative::LaterDeparture { earliest_departure });
        }
        for counter in input.counters.iter().filter(|c| c.id != chosen.id) {
            if let Some(pickup_deadline) = works_at(input, quote, counter)? {
                alternatives.push(Alternative::OtherCounter {
                    counter_id: counter.id,
                    pickup_deadline,
                });
            }
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
        let Some(plan) = &line_quote.plan else {
            return Ok(None);
        };
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
    let Some(deadline) = quote.pickup_deadline else {
        return Ok(Vec::new());
    };
    let mut alternatives = Vec::new();
    for (index, (line, line_quote)) in input.lines.iter().zip(&quote.lines).enumerate() {
        let late = line_quote.ready_by.is_none_or(|r| r > deadline);
        let Ok(plain) = line.product.configure(&BTreeMap::new()) else {
            continue;
        };
        if !late || plain.unit_minutes >= line.configuration.unit_minutes {
            continue;
        }
        let workshop = workshop_of(input, line)?;
        let load = loads_without(input, quote, workshop.id, index);
        let minutes = plain
            .unit_minutes
            .saturating_mul(u32::from(line.quantity.get()));
        let start = earliest_start(&workshop.calendar, input.now, line.product.lead_days);
        let Some(plan) = plan_production(&workshop.calendar, &load, start, minutes) else {
            continue;
        };
        let ready = ready_by(workshop, &plan, counter)?;
        if ready <= deadline {
            alternatives.push(Alternative::SimplerOptions {
                line: index,
                ready_by: ready,
            });
        }
    }
    Ok(alternatives)
}

/// The workshop's load with every other line of the quote booked.
fn loads_without(
    input: &QuoteInput<'_>,
    quote: &Quote,
    workshop: WorkshopId,
    skip: usize,
) -> DayLoad {
    let mut load = input.loads.get(&workshop).cloned().unwrap_or_default();
    let others = input
        .lines
        .iter()
        .zip(&quote.lines)
        .enumerate()
        .filter(|(i, _)| *i != skip);
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

#[cfg(test)]
mod tests {
    use time::Duration;
    use time::macros::{date, datetime};

    use super::*;
    use crate::calendar::WorkMinutes;
    use crate::calendar::tests::tailor;
    use crate::catalogue::tests::shirt;
    use crate::counter::tests::{airport, city_shop};
    use crate::schedule::Slot;

    /// Tuesday 1 December 2026, mid-morning in Seoul. With the shirt's one lead day,
    /// production starts on Thursday 3 December.
    const NOW: OffsetDateTime = datetime!(2026-12-01 10:00 +9);
    /// The traveller landed the day before.
    const ARRIVAL: OffsetDateTime = datetime!(2026-11-30 15:00 +9);

    fn line<'a>(product: &'a Product, options: &[(&str, &str)], quantity: i64) -> QuoteLine<'a> {
        let requested = options
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        QuoteLine {
            product,
            configuration: product
                .configure(&requested)
                .expect("the options are valid"),
            quantity: Quantity::new(quantity).expect("the quantity is in range"),
        }
    }

    fn workshop(calendar: WorkshopCalendar) -> BTreeMap<WorkshopId, Workshop> {
        let id = shirt().workshop_id;
        BTreeMap::from([(
            id,
            Workshop {
                id,
                calendar,
                buffer_days: DEFAULT_BUFFER_DAYS,
            },
        )])
    }

    /// The tailor, both counters, no reservations yet.
    struct Setup {
        now: OffsetDateTime,
        arrival: OffsetDateTime,
        workshops: BTreeMap<WorkshopId, Workshop>,
        loads: BTreeMap<WorkshopId, DayLoad>,
        counters: Vec<Counter>,
    }

    impl Setup {
        fn new() -> Setup {
            Setup {
                now: NOW,
                arrival: ARRIVAL,
                workshops: workshop(tailor()),
                loads: BTreeMap::new(),
                counters: vec![airport(), city_shop()],
            }
        }

        fn try_quote(
            &self,
            lines: &[QuoteLine<'_>],
            departure: OffsetDateTime,
            counter: CounterId,
        ) -> Result<Quote, Error> {
            let itinerary = Itinerary::new(self.arrival, departure, counter, self.now)?;
            quote(&QuoteInput {
                now: self.now,
                itinerary: &itinerary,
                lines,
                workshops: &self.workshops,
                loads: &self.loads,
                counters: &self.counters,
            })
        }

        fn quote(
            &self,
            lines: &[QuoteLine<'_>],
            departure: OffsetDateTime,
            counter: CounterId,
        ) -> Quote {
            self.try_quote(lines, departure, counter)
                .expect("the quote is computed")
        }
    }

    fn only_plan(line: &LineQuote) -> &ProductionPlan {
        line.plan.as_ref().expect("the line has a plan")
    }

    #[test]
    fn a_feasible_quote_prices_every_line_and_is_ready_before_the_pickup_deadline() {
        // 30 % of 540,003 is 162,000.9: the deposit rounds up to 162,001.
        let odd_price = Product {
            base_price: Krw::new(180_001),
            ..shirt()
        };
        let fancy = shirt();
        let lines = [
            line(&odd_price, &[], 3),
            line(&fancy, &[("fabric", "linen"), ("monogram", "JK")], 1),
        ];
        let quote = Setup::new().quote(&lines, datetime!(2026-12-10 14:00 +9), airport().id);

        assert!(quote.feasible(), "{quote:?}");
        assert_eq!(quote.reasons, []);
        assert_eq!(quote.alternatives, []);
        assert_eq!(quote.lines[0].line_total, Krw::new(540_003));
        assert_eq!(quote.lines[0].deposit, Krw::new(162_001));
        assert_eq!(quote.lines[1].line_total, Krw::new(235_000));
        assert_eq!(quote.lines[1].deposit, Krw::new(70_500));
        assert_eq!(quote.total, Krw::new(775_003));
        assert_eq!(quote.deposit, Krw::new(232_501));
        // The airport desk closes handing over three hours before the flight.
        assert_eq!(quote.pickup_deadline, Some(datetime!(2026-12-10 11:00 +9)));

        // Line 0: 720 minutes from Thursday 3 December (480) into Friday (240); then one
        // working day of transit and one of buffer skip the weekend: Tuesday 8, 18:00.
        let first = only_plan(&quote.lines[0]);
        assert_eq!(first.starts_on(), date!(2026 - 12 - 03));
        assert_eq!(first.finishes_on(), date!(2026 - 12 - 04));
        assert_eq!(
            quote.lines[0].ready_by,
            Some(datetime!(2026-12-08 18:00 +9))
        );
        // Line 1: 330 minutes, the 240 left on Friday and 90 on Monday 7: Wednesday 9, 18:00.
        assert_eq!(
            only_plan(&quote.lines[1]).finishes_on(),
            date!(2026 - 12 - 07)
        );
        assert_eq!(
            quote.lines[1].ready_by,
            Some(datetime!(2026-12-09 18:00 +9))
        );
        assert_eq!(
            quote.latest_ready_by(),
            Some(datetime!(2026-12-09 18:00 +9))
        );
    }

    #[test]
    fn ready_by_counts_transit_and_buffer_in_working_days_past_holidays_and_weekends() {
        let setup = Setup {
            now: datetime!(2026-12-21 10:00 +9),
            ..Setup::new()
        };
        let product = shirt();
        // 720 minutes from Wednesday 23 December finish on Thursday 24; Friday 25 is a
        // holiday and 26-27 a weekend, so transit ends Monday 28 and the buffer Tuesday 29.
        let lines = [line(&product, &[], 3)];
        let ready = datetime!(2026-12-29 18:00 +9);

        // A flight at 21:00 leaves a pickup deadline of exactly 18:00: just in time.
        let on_time = setup.quote(&lines, datetime!(2026-12-29 21:00 +9), airport().id);
        assert_eq!(
            only_plan(&on_time.lines[0]).finishes_on(),
            date!(2026 - 12 - 24)
        );
        assert_eq!(on_time.lines[0].ready_by, Some(ready));
        assert_eq!(on_time.pickup_deadline, Some(ready));
        assert!(on_time.feasible(), "{on_time:?}");

        // One minute earlier and the goods are one minute late.
        let late = setup.quote(&lines, datetime!(2026-12-29 20:59 +9), airport().id);
        assert_eq!(
            late.reasons,
            [Reason::NotReadyInTime {
                line: 0,
                ready_by: ready,
                pickup_deadline: datetime!(2026-12-29 17:59 +9),
            }]
        );
    }

    #[test]
    fn a_late_item_says_when_it_would_be_ready_and_which_later_departure_works() {
        let setup = Setup::new();
        let product = shirt();
        // 240 minutes on Thursday 3 December; at the airport on Monday 7 at 18:00.
        let lines = [line(&product, &[], 1)];
        let quote = setup.quote(&lines, datetime!(2026-12-05 14:00 +9), airport().id);

        assert!(!quote.feasible());
        assert_eq!(
            quote.reasons,
            [Reason::NotReadyInTime {
                line: 0,
                ready_by: datetime!(2026-12-07 18:00 +9),
                pickup_deadline: datetime!(2026-12-05 11:00 +9),
            }]
        );
        let earliest_departure = datetime!(2026-12-07 21:00 +9);
        assert!(
            quote
                .alternatives
                .contains(&Alternative::LaterDeparture { earliest_departure })
        );
        assert!(
            !quote
                .alternatives
                .iter()
                .any(|a| matches!(a, Alternative::SimplerOptions { .. })),
            "a line already at its defaults has no simpler option: {:?}",
            quote.alternatives
        );

        // Re-quoted with that departure, the same plan makes it; a minute earlier does not.
        let requoted = setup.quote(&lines, earliest_departure, airport().id);
        assert!(requoted.feasible(), "{requoted:?}");
        assert_eq!(requoted.lines, quote.lines);
        let earlier = setup.quote(
            &lines,
            earliest_departure - Duration::minutes(1),
            airport().id,
        );
        assert!(!earlier.feasible());
    }

    #[test]
    fn a_counter_without_transit_is_offered_when_the_airport_is_too_late() {
        let setup = Setup::new();
        let product = shirt();
        let lines = [line(&product, &[], 1)];
        // Saturday 5 December, 14:00: the airport wants the goods by 11:00 that day but
        // they arrive there only on Monday; the city shop has them on Friday 4 at 18:00
        // and is open until 20:00 that Friday.
        let departure = datetime!(2026-12-05 14:00 +9);
        let quote = setup.quote(&lines, departure, airport().id);
        let city_deadline = datetime!(2026-12-04 20:00 +9);
        assert_eq!(
            quote.alternatives,
            [
                Alternative::LaterDeparture {
                    earliest_departure: datetime!(2026-12-07 21:00 +9)
                },
                Alternative::OtherCounter {
                    counter_id: city_shop().id,
                    pickup_deadline: city_deadline
                },
            ]
        );

        let at_city_shop = setup.quote(&lines, departure, city_shop().id);
        assert!(at_city_shop.feasible(), "{at_city_shop:?}");
        assert_eq!(at_city_shop.pickup_deadline, Some(city_deadline));
        assert_eq!(
            at_city_shop.lines[0].ready_by,
            Some(datetime!(2026-12-04 18:00 +9))
        );
    }

    #[test]
    fn another_counter_is_not_offered_when_it_is_too_late_as_well() {
        let setup = Setup::new();
        let product = shirt();
        let lines = [line(&product, &[], 1)];
        // Friday 4 December, 14:00: the city shop's last day is Thursday 3, too early too.
        let quote = setup.quote(&lines, datetime!(2026-12-04 14:00 +9), airport().id);
        assert!(!quote.feasible());
        assert_eq!(
            quote.alternatives,
            [Alternative::LaterDeparture {
                earliest_departure: datetime!(2026-12-07 21:00 +9)
            }]
        );
    }

    #[test]
    fn options_that_make_a_line_late_are_answered_with_the_defaults_that_fit() {
        let setup = Setup {
            counters: vec![airport()],
            ..Setup::new()
        };
        let product = shirt();
        // Linen and a monogram: 2 x 330 = 660 minutes, Thursday (480) and Friday (180),
        // ready at the airport on Tuesday 8. The defaults, 2 x 240 = 480 minutes, fit on
        // Thursday and are ready on Monday 7 at 18:00.
        let fancy = [line(
            &product,
            &[("fabric", "linen"), ("monogram", "JK")],
            2,
        )];
        let departure = datetime!(2026-12-07 23:00 +9);
        let quote = setup.quote(&fancy, departure, airport().id);

        assert_eq!(
            quote.reasons,
            [Reason::NotReadyInTime {
                line: 0,
                ready_by: datetime!(2026-12-08 18:00 +9),
                pickup_deadline: datetime!(2026-12-07 20:00 +9),
            }]
        );
        let simpler_ready = datetime!(2026-12-07 18:00 +9);
        assert_eq!(
            quote.alternatives,
            [
                Alternative::LaterDeparture {
                    earliest_departure: datetime!(2026-12-08 21:00 +9)
                },
                Alternative::SimplerOptions {
                    line: 0,
                    ready_by: simpler_ready
                },
            ]
        );

        let plain = [line(&product, &[], 2)];
        let requoted = setup.quote(&plain, departure, airport().id);
        assert!(requoted.feasible(), "{requoted:?}");
        assert_eq!(requoted.lines[0].ready_by, Some(simpler_ready));
    }

    #[test]
    fn a_pickup_deadline_before_the_arrival_is_no_pickup_during_the_stay() {
        let arrival = datetime!(2026-12-13 10:00 +9);
        let setup = Setup {
            arrival,
            ..Setup::new()
        };
        let product = shirt();
        let lines = [line(&product, &[], 1)];
        // Landing on Sunday 13 and flying on Monday 14 at 09:00: the city shop's last
        // pickup is Saturday 12 at 20:00, before the traveller is even in Seoul.
        let quote = setup.quote(&lines, datetime!(2026-12-14 09:00 +9), city_shop().id);

        assert_eq!(
            quote.reasons,
            [Reason::NoPickupDuringStay {
                pickup_deadline: Some(datetime!(2026-12-12 20:00 +9)),
                arrival,
            }]
        );
        // The goods themselves would be ready on Friday 4: only the pickup is the problem.
        assert_eq!(
            quote.lines[0].ready_by,
            Some(datetime!(2026-12-04 18:00 +9))
        );
        // Flying on Tuesday 15 allows a pickup on Monday 14; the airport works as it is.
        let earliest_departure = datetime!(2026-12-15 00:00 +9);
        assert_eq!(
            quote.alternatives,
            [
                Alternative::LaterDeparture { earliest_departure },
                Alternative::OtherCounter {
                    counter_id: airport().id,
                    pickup_deadline: datetime!(2026-12-14 06:00 +9),
                },
            ]
        );
        let requoted = setup.quote(&lines, earliest_departure, city_shop().id);
        assert!(requoted.feasible(), "{requoted:?}");
    }

    #[test]
    fn a_counter_that_never_opens_has_no_pickup_during_the_stay() {
        let closed = Counter {
            open_days: crate::calendar::WeekdaySet::of(&[]),
            ..city_shop()
        };
        let setup = Setup {
            counters: vec![closed.clone()],
            ..Setup::new()
        };
        let product = shirt();
        let lines = [line(&product, &[], 1)];
        let quote = setup.quote(&lines, datetime!(2026-12-20 12:00 +9), closed.id);

        assert_eq!(quote.pickup_deadline, None);
        assert_eq!(
            quote.reasons,
            [Reason::NoPickupDuringStay {
                pickup_deadline: None,
                arrival: ARRIVAL
            }]
        );
        assert_eq!(quote.alternatives, []);
    }

    #[test]
    fn a_workshop_without_capacity_is_no_capacity_and_still_priced() {
        let calendar = WorkshopCalendar {
            minutes_per_day: WorkMinutes::ZERO,
            ..tailor()
        };
        let setup = Setup {
            workshops: workshop(calendar),
            ..Setup::new()
        };
        let product = shirt();
        let lines = [line(&product, &[], 2)];
        let quote = setup.quote(&lines, datetime!(2027-02-20 12:00 +9), airport().id);

        assert_eq!(quote.reasons, [Reason::NoCapacity { line: 0 }]);
        assert_eq!(quote.lines[0].plan, None);
        assert_eq!(quote.lines[0].ready_by, None);
        assert_eq!(quote.latest_ready_by(), None);
        assert_eq!(quote.total, Krw::new(360_000));
        assert_eq!(quote.deposit, Krw::new(108_000));
        assert_eq!(quote.alternatives, []);
    }

    #[test]
    fn two_lines_of_one_workshop_never_book_the_same_free_minutes() {
        let mut setup = Setup::new();
        let mut load = DayLoad::new();
        load.add(date!(2026 - 12 - 03), WorkMinutes::hours(4));
        setup.loads.insert(shirt().workshop_id, load.clone());
        let product = shirt();
        // Each line is 2 x 240 = 480 minutes; Thursday 3 has 240 free.
        let lines = [
            line(&product, &[], 2),
            line(&product, &[("fabric", "cotton")], 2),
        ];
        let quote = setup.quote(&lines, datetime!(2026-12-20 12:00 +9), airport().id);
        assert!(quote.feasible(), "{quote:?}");

        let slot = |d, h| Slot {
            date: d,
            minutes: WorkMinutes::hours(h),
        };
        assert_eq!(
            only_plan(&quote.lines[0]).slots(),
            [
                slot(date!(2026 - 12 - 03), 4),
                slot(date!(2026 - 12 - 04), 4)
            ]
        );
        assert_eq!(
            only_plan(&quote.lines[1]).slots(),
            [
                slot(date!(2026 - 12 - 04), 4),
                slot(date!(2026 - 12 - 07), 4)
            ]
        );
        let calendar = tailor();
        for plan in quote.lines.iter().map(only_plan) {
            load.book(plan);
        }
        // Thursday and Friday are now exactly full, Monday half; no day is over-booked.
        for day in [date!(2026 - 12 - 03), date!(2026 - 12 - 04)] {
            assert_eq!(load.reserved_on(day), calendar.capacity_on(day), "on {day}");
        }
        assert_eq!(
            load.reserved_on(date!(2026 - 12 - 07)),
            WorkMinutes::hours(4)
        );

        // Quoted alone, the second line would have taken Thursday's free hours.
        let alone = setup.quote(&lines[1..], datetime!(2026-12-20 12:00 +9), airport().id);
        assert_eq!(
            only_plan(&alone.lines[0]).starts_on(),
            date!(2026 - 12 - 03)
        );
        // The caller's loads are left as they were: quoting reserves nothing.
        assert_eq!(
            setup.loads[&shirt().workshop_id].reserved_on(date!(2026 - 12 - 04)),
            WorkMinutes::ZERO
        );
    }

    #[test]
    fn a_counter_or_workshop_that_is_not_loaded_is_refused() {
        let product = shirt();
        let lines = [line(&product, &[], 1)];
        let departure = datetime!(2026-12-20 12:00 +9);
        let setup = Setup::new();
        assert!(matches!(
            setup.try_quote(&lines, departure, CounterId(99)),
            Err(Error::InvalidData(message)) if message.contains("counter 99")
        ));
        let other = Product {
            workshop_id: WorkshopId(7),
            ..shirt()
        };
        let lines = [line(&other, &[], 1)];
        assert!(matches!(
            setup.try_quote(&lines, departure, airport().id),
            Err(Error::InvalidData(message)) if message.contains("workshop 7")
        ));
    }

    #[test]
    fn a_line_without_capacity_is_offered_the_defaults_that_fit() {
        let mut product = shirt();
        if let crate::catalogue::OptionKind::Choice { values, .. } =
            &mut product.option_groups[0].kind
        {
            // Linen now needs 200,240 minutes: more than 400 days of 480.
            values[1].minutes_delta = 200_000;
        }
        let setup = Setup {
            counters: vec![airport()],
            ..Setup::new()
        };
        let departure = datetime!(2026-12-20 12:00 +9);
        let quote = setup.quote(
            &[line(&product, &[("fabric", "linen")], 1)],
            departure,
            airport().id,
        );
        assert_eq!(quote.reasons, [Reason::NoCapacity { line: 0 }]);
        assert!(
            setup
                .quote(&[line(&product, &[], 1)], departure, airport().id)
                .feasible()
        );
        assert_eq!(
            quote.alternatives,
            [Alternative::SimplerOptions {
                line: 0,
                ready_by: datetime!(2026-12-07 18:00 +9)
            }]
        );
    }
}
