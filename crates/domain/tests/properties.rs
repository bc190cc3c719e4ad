//! Property tests of the domain rules over generated workshops, loads, counters and trips.
//!
//! Every generated date falls in a window of a few months from [`BASE`], so that
//! holidays and existing reservations land on the days that planning actually looks at.

use std::collections::BTreeMap;

use domain::Error;
use domain::calendar::{SEARCH_HORIZON_DAYS, WeekdaySet, WorkMinutes, WorkshopCalendar};
use domain::catalogue::{
    Category, OptionGroup, OptionKind, OptionValue, Product, ProductId, Quantity, WorkshopId,
};
use domain::counter::{Counter, CounterId, PickupRule};
use domain::itinerary::Itinerary;
use domain::money::{CurrencyCode, Krw, Percent, Rate, RateTable};
use domain::quote::{Alternative, Quote, QuoteInput, QuoteLine, Workshop, quote};
use domain::schedule::{DayLoad, earliest_start, plan_production};
use proptest::collection::{btree_set, vec};
use proptest::prelude::*;
use time::macros::{date, offset};
use time::{Date, Duration, OffsetDateTime, Time, UtcOffset};

/// The first day of the window every generated instant, holiday and load falls in.
const BASE: Date = date!(2026 - 11 - 01);
/// Days in that window.
const WINDOW_DAYS: i64 = 150;

fn base_instant() -> OffsetDateTime {
    BASE.midnight().assume_utc()
}

fn offsets() -> impl Strategy<Value = UtcOffset> {
    prop_oneof![
        Just(offset!(UTC)),
        Just(domain::SEOUL),
        Just(offset!(-10)),
        Just(offset!(+5:30))
    ]
}

/// An instant within the first 90 days of the window, seen from some offset.
fn instant() -> impl Strategy<Value = OffsetDateTime> {
    (0..90 * 24 * 60_i64, offsets()).prop_map(|(minutes, offset)| {
        (base_instant() + Duration::minutes(minutes)).to_offset(offset)
    })
}

fn time_of_day() -> impl Strategy<Value = Time> {
    (0u8..24, 0u8..60).prop_map(|(h, m)| Time::from_hms(h, m, 0).expect("a valid time of day"))
}

/// A set of weekdays with at least one day in it.
fn weekdays() -> impl Strategy<Value = WeekdaySet> {
    (1u8..=127).prop_map(WeekdaySet::from_bits)
}

fn day_in_window() -> impl Strategy<Value = Date> {
    (0..WINDOW_DAYS).prop_map(|n| BASE + Duration::days(n))
}

fn calendar(
    minutes_per_day: std::ops::RangeInclusive<u32>,
) -> impl Strategy<Value = WorkshopCalendar> {
    (
        weekdays(),
        btree_set(day_in_window(), 0..30),
        minutes_per_day,
        time_of_day(),
        offsets(),
    )
        .prop_map(
            |(working_days, holidays, minutes, closes_at, offset)| WorkshopCalendar {
                offset,
                working_days,
                holidays,
                minutes_per_day: WorkMinutes::new(minutes),
                closes_at,
            },
        )
}

/// Existing reservations, some of them beyond a day's capacity.
fn load() -> impl Strategy<Value = DayLoad> {
    vec((day_in_window(), 0u32..=700), 0..40).prop_map(|entries| {
        let mut load = DayLoad::new();
        for (date, minutes) in entries {
            load.add(date, WorkMinutes::new(minutes));
        }
        load
    })
}

fn pickup_rule() -> impl Strategy<Value = PickupRule> {
    prop_oneof![
        (0u32..=600).prop_map(|minutes| PickupRule::BeforeDeparture { minutes }),
        Just(PickupRule::LastOpenDayBeforeDeparture),
    ]
}

fn counter(id: i64) -> impl Strategy<Value = Counter> {
    (
        weekdays(),
        time_of_day(),
        time_of_day(),
        pickup_rule(),
        0u16..=3,
        offsets(),
    )
        .prop_map(
            move |(open_days, a, b, pickup_rule, transit_days, offset)| Counter {
                id: CounterId(id),
                offset,
                open_days,
                opens_at: a.min(b),
                closes_at: a.max(b),
                pickup_rule,
                transit_days,
            },
        )
}

/// A product of workshop 1 or 2 with a `finish` option that changes price and minutes.
fn product(id: i64) -> impl Strategy<Value = Product> {
    (
        1i64..=2,
        0i64..=2_000_000,
        1u32..3000,
        0u16..30,
        0u16..=100,
        0i64..=100_000,
        -300i32..=600,
    )
        .prop_map(
            move |(workshop, price, minutes, lead_days, deposit, extra_price, extra_minutes)| {
                let value = |code: &str, price: i64, minutes: i32| OptionValue {
                    code: code.into(),
                    price_delta: Krw::new(price),
                    minutes_delta: minutes,
                };
                Product {
                    id: ProductId(id),
                    workshop_id: WorkshopId(workshop),
                    category: Category::Bag,
                    base_price: Krw::new(price),
                    unit_minutes: WorkMinutes::new(minutes),
                    lead_days,
                    deposit: Percent::new(deposit).expect("0..=100 is a percentage"),
                    pay_at_counter: false,
                    option_groups: vec![OptionGroup {
                        code: "finish".into(),
                        kind: OptionKind::Choice {
                            values: vec![
                                value("standard", 0, 0),
                                value("special", extra_price, extra_minutes),
                            ],
                            default: 0,
                        },
                    }],
                }
            },
        )
}

/// Everything one quote is computed from, owned.
#[derive(Debug, Clone)]
struct Scenario {
    now: OffsetDateTime,
    arrival: OffsetDateTime,
    departure: OffsetDateTime,
    chosen: CounterId,
    workshops: BTreeMap<WorkshopId, Workshop>,
    loads: BTreeMap<WorkshopId, DayLoad>,
    counters: Vec<Counter>,
    /// One line per product: whether the special finish is chosen, and how many.
    lines: Vec<(Product, bool, u16)>,
}

impl Scenario {
    fn lines(&self) -> Vec<QuoteLine<'_>> {
        self.lines
            .iter()
            .map(|(product, special, quantity)| {
                let options = if *special {
                    BTreeMap::from([("finish".to_owned(), "special".to_owned())])
                } else {
                    BTreeMap::new()
                };
                QuoteLine {
                    product,
                    configuration: product
                        .configure(&options)
                        .expect("generated options are valid"),
                    quantity: Quantity::new(i64::from(*quantity)).expect("1..=3 is a quantity"),
                }
            })
            .collect()
    }

    fn itinerary(&self, departure: OffsetDateTime, counter: CounterId) -> Result<Itinerary, Error> {
        Itinerary::new(self.arrival, departure, counter, self.now)
    }

    fn quote_lines(&self, lines: &[QuoteLine<'_>], itinerary: &Itinerary) -> Quote {
        quote(&QuoteInput {
            now: self.now,
            itinerary,
            lines,
            workshops: &self.workshops,
            loads: &self.loads,
            counters: &self.counters,
        })
        .expect("every workshop and counter of a scenario is loaded")
    }

    /// The quote for another departure or counter; `None` when that trip is not valid.
    fn quote_at(&self, departure: OffsetDateTime, counter: CounterId) -> Option<Quote> {
        let itinerary = self.itinerary(departure, counter).ok()?;
        Some(self.quote_lines(&self.lines(), &itinerary))
    }

    fn quote(&self) -> Quote {
        self.quote_at(self.departure, self.chosen)
            .expect("a scenario's own trip is valid")
    }
}

fn workshop(id: i64) -> impl Strategy<Value = (Workshop, DayLoad)> {
    (calendar(60..=600), 0u16..=2, load()).prop_map(move |(calendar, buffer_days, load)| {
        (
            Workshop {
                id: WorkshopId(id),
                calendar,
                buffer_days,
            },
            load,
        )
    })
}

prop_compose! {
    fn scenario()(
        now in instant(),
        arrival_after_now in -10 * 24 * 60..20 * 24 * 60_i64,
        stay in 60..40 * 24 * 60_i64,
        workshops in (workshop(1), workshop(2)),
        counters in (counter(1), counter(2)),
        chosen in 1i64..=2,
        lines in vec((product(0), any::<bool>(), 1u16..=3), 1..=3),
    ) -> Scenario {
        let arrival = now + Duration::minutes(arrival_after_now);
        let ((first, first_load), (second, second_load)) = workshops;
        Scenario {
            now,
            arrival,
            // After the arrival and after now, well within the planning horizon.
            departure: arrival.max(now) + Duration::minutes(stay),
            chosen: CounterId(chosen),
            loads: BTreeMap::from([(first.id, first_load), (second.id, second_load)]),
            workshops: BTreeMap::from([(first.id, first), (second.id, second)]),
            counters: vec![counters.0, counters.1],
            lines,
        }
    }
}

/// A departure at which the scenario's quote is feasible: its own, or the later departure
/// the quote proposes. `None` when neither exists (a line without capacity).
fn feasible_departure(scenario: &Scenario) -> Option<OffsetDateTime> {
    let quote = scenario.quote();
    if quote.feasible() {
        return Some(scenario.departure);
    }
    quote
        .alternatives
        .iter()
        .find_map(|alternative| match alternative {
            Alternative::LaterDeparture { earliest_departure } => Some(*earliest_departure),
            _ => None,
        })
}

/// The scenario with its departure moved to `shift` minutes before the earliest one
/// that works, so that the quote narrowly misses and alternatives are likely.
fn near_miss(mut scenario: Scenario, shift: i64) -> Option<Scenario> {
    let works = feasible_departure(&scenario)?;
    let earliest_valid = scenario.arrival.max(scenario.now) + Duration::minutes(1);
    scenario.departure = (works - Duration::minutes(shift)).max(earliest_valid);
    scenario
        .itinerary(scenario.departure, scenario.chosen)
        .ok()?;
    Some(scenario)
}

/// The exact value of `amount` in minor units of `rate`, as a fraction `(numerator, denominator)`.
fn exact_minor_units(amount: i64, rate: Rate) -> (i128, i128) {
    let scale = 10_i128.pow(u32::from(rate.minor_digits));
    (
        i128::from(amount) * scale * 1000,
        i128::from(rate.milliwon_per_unit),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn ready_by_never_precedes_order_time_plus_lead_days(scenario in scenario()) {
        let quote = scenario.quote();
        for ((product, _, _), line) in scenario.lines.iter().zip(&quote.lines) {
            let Some(ready_by) = line.ready_by else { continue };
            let earliest = scenario.now + Duration::days(i64::from(product.lead_days));
            prop_assert!(ready_by >= earliest, "ready {ready_by} before {earliest}");
            // And it is the end of one of the workshop's working days.
            let calendar = &scenario.workshops[&product.workshop_id].calendar;
            let local = ready_by.to_offset(calendar.offset);
            prop_assert_eq!(local.time(), calendar.closes_at);
            prop_assert!(calendar.is_working_day(local.date()), "{} is a day off", local.date());
        }
    }

    #[test]
    fn quoted_plans_never_book_more_than_a_day_has_free_and_book_exactly_the_requested_minutes(
        scenario in scenario(),
    ) {
        let quote = scenario.quote();
        let lines = scenario.lines();
        let mut booked: BTreeMap<WorkshopId, DayLoad> = BTreeMap::new();
        for (line, line_quote) in lines.iter().zip(&quote.lines) {
            let Some(plan) = &line_quote.plan else { continue };
            let workshop = &scenario.workshops[&line.product.workshop_id];
            let requested =
                line.configuration.unit_minutes.saturating_mul(u32::from(line.quantity.get()));
            prop_assert_eq!(plan.total(), requested);
            let start = earliest_start(&workshop.calendar, scenario.now, line.product.lead_days);
            prop_assert!(plan.starts_on() >= start);
            booked.entry(workshop.id).or_default().book(plan);
        }
        for (id, plans) in &booked {
            let calendar = &scenario.workshops[id].calendar;
            let existing = &scenario.loads[id];
            for n in 0..i64::from(SEARCH_HORIZON_DAYS) + 60 {
                let day = BASE + Duration::days(n);
                let load = existing.reserved_on(day);
                let planned = plans.reserved_on(day);
                let capacity = calendar.capacity_on(day);
                if load <= capacity {
                    prop_assert!(
                        load.saturating_add(planned) <= capacity,
                        "{day}: {load:?} + {planned:?} > {capacity:?}"
                    );
                } else {
                    prop_assert_eq!(planned, WorkMinutes::ZERO, "{} was already over-booked", day);
                }
            }
        }
    }

    #[test]
    fn a_plan_fills_only_free_minutes_and_is_missing_only_when_the_horizon_is_full(
        calendar in calendar(0..=600),
        load in load(),
        start in day_in_window(),
        minutes in 1u32..3000,
    ) {
        let minutes = WorkMinutes::new(minutes);
        match plan_production(&calendar, &load, start, minutes) {
            Some(plan) => {
                prop_assert_eq!(plan.total(), minutes);
                prop_assert!(plan.starts_on() >= start);
                let mut previous = None;
                for slot in plan.slots() {
                    prop_assert!(slot.minutes > WorkMinutes::ZERO);
                    prop_assert!(previous < Some(slot.date), "slots out of order: {:?}", plan);
                    prop_assert!(
                        load.reserved_on(slot.date).saturating_add(slot.minutes)
                            <= calendar.capacity_on(slot.date)
                    );
                    previous = Some(slot.date);
                }
            }
            None => {
                let free = (0..i64::from(SEARCH_HORIZON_DAYS))
                    .map(|n| load.free_on(&calendar, start + Duration::days(n)))
                    .fold(WorkMinutes::ZERO, WorkMinutes::saturating_add);
                prop_assert!(free < minutes, "{free:?} free but no plan for {minutes:?}");
            }
        }
    }

    #[test]
    fn a_feasible_quote_stays_feasible_when_the_departure_moves_later(
        scenario in scenario(),
        delay in 1..60 * 24 * 60_i64,
    ) {
        let Some(departure) = feasible_departure(&scenario) else {
            return Err(TestCaseError::reject("a line without capacity"));
        };
        let later = departure + Duration::minutes(delay);
        let (Some(at), Some(after)) =
            (scenario.quote_at(departure, scenario.chosen), scenario.quote_at(later, scenario.chosen))
        else {
            // Beyond the planning horizon: no trip to compare.
            return Err(TestCaseError::reject("departure beyond the planning horizon"));
        };
        prop_assert!(at.feasible(), "{:?}", at.reasons);
        prop_assert!(after.feasible(), "feasible at {departure}, not at {later}: {:?}", after.reasons);
        prop_assert_eq!(&after.lines, &at.lines);
        prop_assert!(after.pickup_deadline >= at.pickup_deadline);
    }

    #[test]
    fn every_alternative_of_an_infeasible_quote_works_when_re_quoted(
        scenario in scenario(),
        shift in proptest::option::of(0..3 * 24 * 60_i64),
    ) {
        let scenario = match shift {
            None => scenario,
            Some(shift) => match near_miss(scenario, shift) {
                Some(near) => near,
                None => return Err(TestCaseError::reject("no departure works")),
            },
        };
        let quote = scenario.quote();
        prop_assume!(!quote.feasible());
        for alternative in &quote.alternatives {
            match alternative {
                Alternative::LaterDeparture { earliest_departure } => {
                    prop_assert!(*earliest_departure > scenario.departure);
                    if let Some(requoted) = scenario.quote_at(*earliest_departure, scenario.chosen) {
                        prop_assert!(requoted.feasible(), "{:?}", requoted.reasons);
                    }
                }
                Alternative::OtherCounter { counter_id, pickup_deadline } => {
                    prop_assert_ne!(*counter_id, scenario.chosen);
                    let requoted = scenario.quote_at(scenario.departure, *counter_id);
                    let requoted = requoted.expect("the same trip is valid at another counter");
                    prop_assert!(requoted.feasible(), "{:?}", requoted.reasons);
                    prop_assert_eq!(requoted.pickup_deadline, Some(*pickup_deadline));
                }
                Alternative::SimplerOptions { line, ready_by } => {
                    let mut simpler = scenario.clone();
                    simpler.lines[*line].1 = false;
                    let requoted = simpler.quote();
                    let deadline = quote.pickup_deadline.expect("a simpler option has a deadline");
                    prop_assert!(*ready_by <= deadline);
                    let now_ready = requoted.lines[*line].ready_by.expect("the simpler line is planned");
                    prop_assert!(now_ready <= deadline, "{now_ready} > {deadline}");
                }
            }
        }
    }

    #[test]
    fn a_quote_is_feasible_exactly_when_every_item_is_ready_by_a_deadline_within_the_stay(
        scenario in scenario(),
    ) {
        let quote = scenario.quote();
        let on_time = quote.pickup_deadline.is_some_and(|deadline| {
            deadline >= scenario.arrival
                && quote.lines.iter().all(|line| line.ready_by.is_some_and(|ready| ready <= deadline))
        });
        prop_assert_eq!(quote.feasible(), on_time, "{:?}", quote.reasons);
        prop_assert_eq!(quote.feasible(), quote.alternatives.is_empty() && quote.reasons.is_empty());
        let total = quote.lines.iter().map(|l| l.line_total.won()).sum::<i64>();
        let deposit = quote.lines.iter().map(|l| l.deposit.won()).sum::<i64>();
        prop_assert_eq!(quote.total, Krw::new(total));
        prop_assert_eq!(quote.deposit, Krw::new(deposit));
    }

    #[test]
    fn the_earliest_departure_for_a_moment_has_its_pickup_deadline_at_or_after_that_moment(
        counter in counter(1),
        minutes in 0u32..=600,
        t in instant(),
    ) {
        for pickup_rule in [PickupRule::BeforeDeparture { minutes }, PickupRule::LastOpenDayBeforeDeparture] {
            let counter = Counter { pickup_rule, ..counter.clone() };
            let departure = counter.earliest_departure_for(t).expect("an open day comes within a week");
            let deadline = counter.pickup_deadline(departure).expect("the departure has a pickup day");
            prop_assert!(deadline >= t, "{pickup_rule:?}: deadline {deadline} before {t}");
            // And it is the earliest: a minute before, the deadline is before `t`.
            let earlier = counter.pickup_deadline(departure - Duration::minutes(1));
            prop_assert!(earlier.is_none_or(|d| d < t), "{pickup_rule:?}: {earlier:?} at {t}");
        }
    }

    #[test]
    fn a_later_departure_never_has_an_earlier_pickup_deadline(
        counter in counter(1),
        departure in instant(),
        delay in 0..30 * 24 * 60_i64,
    ) {
        let later = departure + Duration::minutes(delay);
        prop_assert!(counter.pickup_deadline(later) >= counter.pickup_deadline(departure));
        if let Some(deadline) = counter.pickup_deadline(departure) {
            prop_assert!(deadline <= departure);
        }
    }

    #[test]
    fn a_deposit_is_at_least_its_exact_share_and_less_than_one_won_above(
        won in any::<i64>(),
        percent in 0u16..=100,
    ) {
        let deposit = Krw::new(won).percent_rounded_up(Percent::new(percent).expect("0..=100"));
        // In hundredths of a won: the exact share is won * percent.
        let exact = i128::from(won) * i128::from(percent);
        let charged = i128::from(deposit.won()) * 100;
        prop_assert!(charged >= exact, "{deposit} below {won} x {percent} %");
        prop_assert!(charged < exact + 100, "{deposit} a won or more above {won} x {percent} %");
    }

    #[test]
    fn a_display_estimate_is_within_half_a_minor_unit_of_the_exact_conversion(
        won in prop_oneof![-10_000_000_000..10_000_000_000_i64, any::<i64>()],
        milliwon_per_unit in prop_oneof![1..10_000_000_u64, 1..=u64::from(u32::MAX)],
        minor_digits in 0u8..=4,
    ) {
        let code = CurrencyCode::parse("XTS").expect("three letters");
        let rate = Rate { milliwon_per_unit, minor_digits };
        let mut table = RateTable::new();
        table.set(code, rate).expect("a usable rate");
        let (numerator, denominator) = exact_minor_units(won, rate);
        match table.estimate(Krw::new(won), code) {
            Ok(estimate) => {
                prop_assert_eq!(estimate.currency, code);
                prop_assert_eq!(estimate.minor_digits, minor_digits);
                // |minor - numerator / denominator| <= 1/2, in integers.
                let error = i128::from(estimate.minor_units) * denominator - numerator;
                prop_assert!(error.abs() * 2 <= denominator, "{} off by {error}/{denominator}", estimate);
                // A tie rounds away from zero.
                if error.abs() * 2 == denominator {
                    prop_assert!(i128::from(estimate.minor_units).abs() * denominator > numerator.abs());
                }
            }
            Err(error) => {
                prop_assert_eq!(error, Error::AmountOutOfRange);
                prop_assert!(numerator.abs() / denominator >= i128::from(i64::MAX));
            }
        }
    }
}
