//! Pickup counters: where a traveller collects finished goods, and the pickup deadline
//! each counter's rule derives from a departure.

use time::{Duration, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

use crate::calendar::{WeekdaySet, days_from};

/// The id of a counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CounterId(pub i64);

/// How a counter's pickup deadline follows from the departure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickupRule {
    /// An airport desk after passport control: collect up to this long before departure.
    BeforeDeparture {
        /// Minutes before departure the desk stops handing over.
        minutes: u32,
    },
    /// A city shop: collect by closing time on the last open day before the departure day.
    LastOpenDayBeforeDeparture,
}

/// A pickup counter as the rules need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counter {
    /// The counter's id.
    pub id: CounterId,
    /// Its UTC offset (all Seoul counters: +9).
    pub offset: UtcOffset,
    /// The weekdays it opens.
    pub open_days: WeekdaySet,
    /// Opening time, local.
    pub opens_at: Time,
    /// Closing time, local.
    pub closes_at: Time,
    /// How the pickup deadline follows from the departure.
    pub pickup_rule: PickupRule,
    /// Working days goods spend travelling from a workshop to this counter.
    pub transit_days: u16,
}

impl Counter {
    /// The latest moment the traveller can collect, for a given departure; `None` when
    /// the counter has no open day before it within the search horizon.
    pub fn pickup_deadline(&self, departure: OffsetDateTime) -> Option<OffsetDateTime> {
        match self.pickup_rule {
            PickupRule::BeforeDeparture { minutes } => {
                let latest = departure.checked_sub(Duration::minutes(i64::from(minutes)))?;
                self.last_open_moment_at_or_before(latest)
            }
            PickupRule::LastOpenDayBeforeDeparture => {
                let departure_day = departure.to_offset(self.offset).date();
                let mut day = departure_day.previous_day()?;
                for _ in days_from(departure_day).skip(1) {
                    if self.open_days.contains(day.weekday()) {
                        return Some(self.local(day, self.closes_at));
                    }
                    day = day.previous_day()?;
                }
                None
            }
        }
    }

    /// The earliest departure whose pickup deadline is at or after `ready`: what a
    /// traveller would need to fly at for goods ready then.
    pub fn earliest_departure_for(&self, ready: OffsetDateTime) -> Option<OffsetDateTime> {
        match self.pickup_rule {
            PickupRule::BeforeDeparture { minutes } => {
                let collect = self.first_open_moment_at_or_after(ready)?;
                collect.checked_add(Duration::minutes(i64::from(minutes)))
            }
            PickupRule::LastOpenDayBeforeDeparture => {
                let first_day = ready.to_offset(self.offset).date();
                let pickup_day = days_from(first_day).find(|day| {
                    self.open_days.contains(day.weekday())
                        && self.local(*day, self.closes_at) >= ready
                })?;
                Some(self.local(pickup_day.next_day()?, Time::MIDNIGHT))
            }
        }
    }

    /// The latest moment at or before `instant` when the counter is open.
    fn last_open_moment_at_or_before(&self, instant: OffsetDateTime) -> Option<OffsetDateTime> {
        let mut day = instant.to_offset(self.offset).date();
        for _ in days_from(day) {
            if self.open_days.contains(day.weekday()) && self.local(day, self.opens_at) <= instant {
                return Some(instant.min(self.local(day, self.closes_at)));
            }
            day = day.previous_day()?;
        }
        None
    }

    /// The earliest moment at or after `instant` when the counter is open.
    fn first_open_moment_at_or_after(&self, instant: OffsetDateTime) -> Option<OffsetDateTime> {
        let first_day = instant.to_offset(self.offset).date();
        days_from(first_day)
            .filter(|day| self.open_days.contains(day.weekday()))
            .find(|day| self.local(*day, self.closes_at) >= instant)
            .map(|day| instant.max(self.local(day, self.opens_at)))
    }

    fn local(&self, date: time::Date, time: Time) -> OffsetDateTime {
        PrimitiveDateTime::new(date, time).assume_offset(self.offset)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use time::macros::{datetime, time};

    pub(crate) fn airport() -> Counter {
        Counter {
            id: CounterId(2),
            offset: crate::SEOUL,
            open_days: WeekdaySet::EVERY_DAY,
            opens_at: time!(05:00),
            closes_at: time!(23:00),
            pickup_rule: PickupRule::BeforeDeparture { minutes: 180 },
            transit_days: 1,
        }
    }

    pub(crate) fn city_shop() -> Counter {
        Counter {
            id: CounterId(1),
            offset: crate::SEOUL,
            open_days: WeekdaySet::MON_SAT,
            opens_at: time!(10:00),
            closes_at: time!(20:00),
            pickup_rule: PickupRule::LastOpenDayBeforeDeparture,
            transit_days: 0,
        }
    }

    #[test]
    fn airport_deadline_is_three_hours_before_departure() {
        let deadline = airport()
            .pickup_deadline(datetime!(2026-12-10 14:00 +9))
            .unwrap();
        assert_eq!(deadline, datetime!(2026-12-10 11:00 +9));
    }

    #[test]
    fn airport_deadline_falls_within_the_desks_opening_hours() {
        // A 07:00 flight: 04:00 is before the desk opens, so the last chance is 23:00 the
        // evening before.
        let deadline = airport()
            .pickup_deadline(datetime!(2026-12-10 07:00 +9))
            .unwrap();
        assert_eq!(deadline, datetime!(2026-12-09 23:00 +9));
        // Goods ready at 23:30 can be collected from 05:00, so the earliest flight is 08:00.
        let departure = airport()
            .earliest_departure_for(datetime!(2026-12-09 23:30 +9))
            .unwrap();
        assert_eq!(departure, datetime!(2026-12-10 08:00 +9));
    }

    #[test]
    fn city_shop_deadline_is_closing_on_the_last_open_day_before_departure() {
        // Departing Monday 14 December: Sunday is closed, so Saturday 20:00.
        let deadline = city_shop()
            .pickup_deadline(datetime!(2026-12-14 09:00 +9))
            .unwrap();
        assert_eq!(deadline, datetime!(2026-12-12 20:00 +9));
    }

    #[test]
    fn earliest_departure_inverts_the_deadline() {
        let ready = datetime!(2026-12-12 20:30 +9);
        let departure = city_shop().earliest_departure_for(ready).unwrap();
        assert_eq!(departure, datetime!(2026-12-15 00:00 +9));
        assert!(city_shop().pickup_deadline(departure).unwrap() >= ready);
        let airport_departure = airport().earliest_departure_for(ready).unwrap();
        assert_eq!(airport_departure, datetime!(2026-12-12 23:30 +9));
    }
}
