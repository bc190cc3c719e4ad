//! Scheduling: placing an item's production minutes into a workshop's free capacity.
//!
//! A plan takes, day by day from the earliest start, as many minutes as the day has free,
//! so it never books more than a day's capacity. The server turns a plan into capacity
//! reservations; storage re-checks each day atomically when it reserves.

use std::collections::BTreeMap;

use time::{Date, Duration, OffsetDateTime};

use crate::calendar::{WorkMinutes, WorkshopCalendar, days_from};

/// Minutes already reserved at one workshop, per day.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DayLoad {
    reserved: BTreeMap<Date, WorkMinutes>,
}

/// One day's share of an item's production.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    /// The working day.
    pub date: Date,
    /// Minutes of production on that day.
    pub minutes: WorkMinutes,
}

/// The days an item is made on. Never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductionPlan {
    slots: Vec<Slot>,
}

impl DayLoad {
    /// No reservations.
    pub fn new() -> Self {
        Self::default()
    }

    /// Minutes reserved on `date`.
    pub fn reserved_on(&self, date: Date) -> WorkMinutes {
        self.reserved.get(&date).copied().unwrap_or_default()
    }

    /// Adds minutes on a day (as stored reservations are loaded, or a plan is booked).
    pub fn add(&mut self, date: Date, minutes: WorkMinutes) {
        let entry = self.reserved.entry(date).or_default();
        *entry = entry.saturating_add(minutes);
    }

    /// Removes minutes from a day (a released reservation).
    pub fn remove(&mut self, date: Date, minutes: WorkMinutes) {
        if let Some(entry) = self.reserved.get_mut(&date) {
            *entry = entry.saturating_sub(minutes);
        }
    }

    /// Books every slot of a plan.
    pub fn book(&mut self, plan: &ProductionPlan) {
        for slot in plan.slots() {
            self.add(slot.date, slot.minutes);
        }
    }

    /// Minutes still free on `date` under `calendar`.
    pub fn free_on(&self, calendar: &WorkshopCalendar, date: Date) -> WorkMinutes {
        calendar
            .capacity_on(date)
            .saturating_sub(self.reserved_on(date))
    }
}

impl ProductionPlan {
    /// Rebuilds a plan from stored slots (sorted here); `None` when there are none.
    pub fn from_slots(mut slots: Vec<Slot>) -> Option<ProductionPlan> {
        slots.sort_by_key(|slot| slot.date);
        (!slots.is_empty()).then_some(ProductionPlan { slots })
    }

    /// The production days, earliest first.
    pub fn slots(&self) -> &[Slot] {
        &self.slots
    }

    /// The first day of production.
    pub fn starts_on(&self) -> Date {
        self.slots[0].date
    }

    /// The last day of production.
    pub fn finishes_on(&self) -> Date {
        self.slots[self.slots.len() - 1].date
    }

    /// All minutes of the plan.
    pub fn total(&self) -> WorkMinutes {
        self.slots
            .iter()
            .fold(WorkMinutes::ZERO, |sum, s| sum.saturating_add(s.minutes))
    }
}

/// The first day production may start for an order placed at `ordered_at`: never the
/// order day itself, and not before `lead_days` of material preparation have passed.
pub fn earliest_start(
    calendar: &WorkshopCalendar,
    ordered_at: OffsetDateTime,
    lead_days: u16,
) -> Date {
    let order_day = calendar.local_date(ordered_at);
    order_day.saturating_add(Duration::days(i64::from(lead_days) + 1))
}

/// Plans `minutes` of production from `start` on, into the days' free capacity. `None`
/// when the calendar has no room within the search horizon.
pub fn plan_production(
    calendar: &WorkshopCalendar,
    load: &DayLoad,
    start: Date,
    minutes: WorkMinutes,
) -> Option<ProductionPlan> {
    let mut remaining = minutes;
    let mut slots = Vec::new();
    for date in days_from(start) {
        if remaining == WorkMinutes::ZERO {
            break;
        }
        let take = load.free_on(calendar, date).min(remaining);
        if take > WorkMinutes::ZERO {
            slots.push(Slot {
                date,
                minutes: take,
            });
            remaining = remaining.saturating_sub(take);
        }
    }
    (remaining == WorkMinutes::ZERO && !slots.is_empty()).then_some(ProductionPlan { slots })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::tests::tailor;
    use time::macros::{date, datetime};

    #[test]
    fn production_starts_the_day_after_lead_days() {
        let calendar = tailor();
        // 23:30 UTC on 1 Dec is 08:30 on 2 Dec in Seoul.
        let start = earliest_start(&calendar, datetime!(2026-12-01 23:30 UTC), 2);
        assert_eq!(start, date!(2026 - 12 - 05));
    }

    #[test]
    fn a_plan_fills_free_capacity_day_by_day() {
        let calendar = tailor();
        let mut load = DayLoad::new();
        load.add(date!(2026 - 12 - 07), WorkMinutes::hours(6));
        // Saturday 5 December: the plan starts on Monday, with 2 free hours, then Tuesday.
        let plan = plan_production(
            &calendar,
            &load,
            date!(2026 - 12 - 05),
            WorkMinutes::hours(5),
        )
        .unwrap();
        assert_eq!(
            plan.slots(),
            [
                Slot {
                    date: date!(2026 - 12 - 07),
                    minutes: WorkMinutes::hours(2)
                },
                Slot {
                    date: date!(2026 - 12 - 08),
                    minutes: WorkMinutes::hours(3)
                },
            ]
        );
        assert_eq!(plan.total(), WorkMinutes::hours(5));
        assert_eq!(plan.finishes_on(), date!(2026 - 12 - 08));
    }

    #[test]
    fn booking_a_plan_uses_up_the_capacity() {
        let calendar = tailor();
        let mut load = DayLoad::new();
        let plan = plan_production(
            &calendar,
            &load,
            date!(2026 - 12 - 07),
            WorkMinutes::hours(8),
        )
        .unwrap();
        load.book(&plan);
        assert_eq!(
            load.free_on(&calendar, date!(2026 - 12 - 07)),
            WorkMinutes::ZERO
        );
        load.remove(date!(2026 - 12 - 07), WorkMinutes::hours(3));
        assert_eq!(
            load.free_on(&calendar, date!(2026 - 12 - 07)),
            WorkMinutes::hours(3)
        );
    }

    #[test]
    fn a_workshop_that_never_works_has_no_plan() {
        let mut calendar = tailor();
        calendar.minutes_per_day = WorkMinutes::ZERO;
        let plan = plan_production(
            &calendar,
            &DayLoad::new(),
            date!(2026 - 12 - 07),
            WorkMinutes::new(1),
        );
        assert_eq!(plan, None);
    }
}
