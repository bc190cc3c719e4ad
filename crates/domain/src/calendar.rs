//! Workshop calendars: which days a workshop works, how many minutes it can make per
//! day, and when its working day ends.

use std::collections::BTreeSet;

use time::{Date, Duration, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset, Weekday};

/// How far ahead any calendar search looks before giving up, in days.
pub const SEARCH_HORIZON_DAYS: u16 = 400;

/// An amount of workshop working time, in whole minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct WorkMinutes(u32);

impl WorkMinutes {
    /// No time at all.
    pub const ZERO: WorkMinutes = WorkMinutes(0);

    /// A number of minutes.
    pub const fn new(minutes: u32) -> Self {
        WorkMinutes(minutes)
    }

    /// A number of whole hours.
    pub const fn hours(hours: u32) -> Self {
        WorkMinutes(hours * 60)
    }

    /// The number of minutes.
    pub const fn get(self) -> u32 {
        self.0
    }

    /// `self - other`, or zero when `other` is larger.
    pub const fn saturating_sub(self, other: WorkMinutes) -> WorkMinutes {
        WorkMinutes(self.0.saturating_sub(other.0))
    }

    /// `self + other`, saturating at the largest value.
    pub const fn saturating_add(self, other: WorkMinutes) -> WorkMinutes {
        WorkMinutes(self.0.saturating_add(other.0))
    }

    /// `self * count`, saturating at the largest value.
    pub const fn saturating_mul(self, count: u32) -> WorkMinutes {
        WorkMinutes(self.0.saturating_mul(count))
    }
}

/// A set of weekdays, such as the days a workshop works or a counter opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct WeekdaySet(u8);

impl WeekdaySet {
    /// Monday to Friday.
    pub const MON_FRI: WeekdaySet = WeekdaySet(0b001_1111);
    /// Monday to Saturday.
    pub const MON_SAT: WeekdaySet = WeekdaySet(0b011_1111);
    /// Every day.
    pub const EVERY_DAY: WeekdaySet = WeekdaySet(0b111_1111);

    /// The set of the given weekdays.
    pub fn of(days: &[Weekday]) -> WeekdaySet {
        WeekdaySet(days.iter().fold(0, |bits, day| bits | Self::bit(*day)))
    }

    /// Rebuilds a set from its stored bits (bit 0 is Monday); extra bits are dropped.
    pub const fn from_bits(bits: u8) -> WeekdaySet {
        WeekdaySet(bits & 0b111_1111)
    }

    /// The stored form: bit 0 is Monday, bit 6 Sunday.
    pub const fn bits(self) -> u8 {
        self.0
    }

    /// Whether `day` is in the set.
    pub const fn contains(self, day: Weekday) -> bool {
        self.0 & Self::bit(day) != 0
    }

    const fn bit(day: Weekday) -> u8 {
        1 << day.number_days_from_monday()
    }
}

/// A workshop's working calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkshopCalendar {
    /// The workshop's UTC offset (Seoul: +9).
    pub offset: UtcOffset,
    /// The weekdays the workshop works.
    pub working_days: WeekdaySet,
    /// Days the workshop is closed although they fall on a working weekday.
    pub holidays: BTreeSet<Date>,
    /// Production capacity of one working day.
    pub minutes_per_day: WorkMinutes,
    /// When a working day ends, local time: work finished that day is ready by then.
    pub closes_at: Time,
}

impl WorkshopCalendar {
    /// Whether the workshop works on `date`.
    pub fn is_working_day(&self, date: Date) -> bool {
        self.working_days.contains(date.weekday()) && !self.holidays.contains(&date)
    }

    /// Production capacity on `date`: zero on days off.
    pub fn capacity_on(&self, date: Date) -> WorkMinutes {
        if self.is_working_day(date) {
            self.minutes_per_day
        } else {
            WorkMinutes::ZERO
        }
    }

    /// The first working day on or after `date`, within the search horizon.
    pub fn working_day_on_or_after(&self, date: Date) -> Option<Date> {
        days_from(date).find(|d| self.is_working_day(*d))
    }

    /// The `n`-th working day after `date` (`date` itself when `n` is 0).
    pub fn add_working_days(&self, date: Date, n: u16) -> Option<Date> {
        if n == 0 {
            return Some(date);
        }
        days_from(date.next_day()?)
            .filter(|d| self.is_working_day(*d))
            .nth(usize::from(n) - 1)
    }

    /// The local date of an instant at the workshop.
    pub fn local_date(&self, instant: OffsetDateTime) -> Date {
        instant.to_offset(self.offset).date()
    }

    /// The end of the working day on `date`, as an instant.
    pub fn end_of_day(&self, date: Date) -> OffsetDateTime {
        PrimitiveDateTime::new(date, self.closes_at).assume_offset(self.offset)
    }
}

/// `date` and the days after it, up to the search horizon.
pub(crate) fn days_from(date: Date) -> impl Iterator<Item = Date> {
    (0..i64::from(SEARCH_HORIZON_DAYS)).map_while(move |n| date.checked_add(Duration::days(n)))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use time::macros::{date, time};

    /// A Seoul workshop open Monday to Friday, 8 hours a day, closed on 2026-12-25.
    pub(crate) fn tailor() -> WorkshopCalendar {
        WorkshopCalendar {
            offset: crate::SEOUL,
            working_days: WeekdaySet::MON_FRI,
            holidays: BTreeSet::from([date!(2026 - 12 - 25)]),
            minutes_per_day: WorkMinutes::hours(8),
            closes_at: time!(18:00),
        }
    }

    #[test]
    fn weekends_and_holidays_have_no_capacity() {
        let calendar = tailor();
        assert_eq!(
            calendar.capacity_on(date!(2026 - 12 - 24)),
            WorkMinutes::hours(8)
        );
        assert_eq!(
            calendar.capacity_on(date!(2026 - 12 - 25)),
            WorkMinutes::ZERO
        );
        assert_eq!(
            calendar.capacity_on(date!(2026 - 12 - 26)),
            WorkMinutes::ZERO
        );
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        let calendar = tailor();
        // Thursday 24 December + 1 working day skips the holiday and the weekend.
        assert_eq!(
            calendar.add_working_days(date!(2026 - 12 - 24), 1),
            Some(date!(2026 - 12 - 28))
        );
        assert_eq!(
            calendar.add_working_days(date!(2026 - 12 - 24), 0),
            Some(date!(2026 - 12 - 24))
        );
        assert_eq!(
            calendar.working_day_on_or_after(date!(2026 - 12 - 26)),
            Some(date!(2026 - 12 - 28))
        );
    }

    #[test]
    fn a_calendar_without_working_days_finds_none() {
        let closed = WorkshopCalendar {
            working_days: WeekdaySet::of(&[]),
            ..tailor()
        };
        assert_eq!(closed.working_day_on_or_after(date!(2026 - 12 - 1)), None);
    }

    #[test]
    fn end_of_day_is_closing_time_in_seoul() {
        let end = tailor().end_of_day(date!(2026 - 12 - 24));
        assert_eq!(end.to_offset(UtcOffset::UTC).time(), time!(09:00));
    }

    #[test]
    fn weekday_set_round_trips_through_bits() {
        let set = WeekdaySet::of(&[Weekday::Monday, Weekday::Sunday]);
        assert_eq!(WeekdaySet::from_bits(set.bits()), set);
        assert!(set.contains(Weekday::Sunday));
        assert!(!set.contains(Weekday::Tuesday));
    }
}
