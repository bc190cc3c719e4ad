//! Work that will not leave the workshop in time: a ticket still at the workshop when
//! its due time has passed, or one whose remaining work is more than the workshop's whole
//! capacity left before its due time (even doing nothing else, it cannot finish); and
//! whether the order is at risk of missing its pickup deadline.

use time::OffsetDateTime;

use crate::calendar::{WorkMinutes, WorkshopCalendar, days_from};
use crate::order::Order;
use crate::ticket::{Ticket, TicketStatus};

/// Whether an order may miss its pickup deadline: an item is planned past it, or one of
/// its tickets still on its way was flagged (delayed, overdue, re-planned late). The flag
/// stays until the risk is resolved (a new plan that makes it, the goods received).
pub fn order_at_risk(order: &Order, tickets: &[Ticket]) -> bool {
    order.misses_deadline()
        || tickets
            .iter()
            .any(|t| t.at_risk && (t.status.at_workshop() || t.status == TicketStatus::Dispatched))
}

/// Why a ticket is overdue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overdue {
    /// Its due time passed and it has not left the workshop.
    PastDue,
    /// It needs more working minutes than the workshop has left before it is due.
    CannotFinish {
        /// The work it still needs.
        needed: WorkMinutes,
        /// The workshop's working minutes left before the due time.
        left: WorkMinutes,
    },
}

/// Whether a ticket in `status`, due at `due_at`, still needing `remaining` minutes of
/// work, is overdue at `now` in this workshop's calendar. Only tickets still at the
/// workshop can be.
pub fn overdue(
    status: TicketStatus,
    due_at: OffsetDateTime,
    remaining: WorkMinutes,
    calendar: &WorkshopCalendar,
    now: OffsetDateTime,
) -> Option<Overdue> {
    if !status.at_workshop() {
        return None;
    }
    if now >= due_at {
        return Some(Overdue::PastDue);
    }
    let left = minutes_left(calendar, now, due_at);
    (remaining > left).then_some(Overdue::CannotFinish {
        needed: remaining,
        left,
    })
}

/// The workshop's working minutes from `now` to `until`: whole working days, today's
/// counted while the day has not ended, the due day's only if it ends by then.
fn minutes_left(
    calendar: &WorkshopCalendar,
    now: OffsetDateTime,
    until: OffsetDateTime,
) -> WorkMinutes {
    let last = calendar.local_date(until);
    days_from(calendar.local_date(now))
        .take_while(|day| *day <= last)
        .filter(|day| calendar.end_of_day(*day) > now && calendar.end_of_day(*day) <= until)
        .fold(WorkMinutes::new(0), |sum, day| {
            sum.saturating_add(calendar.capacity_on(day))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::tests::tailor;
    use time::macros::datetime;

    #[test]
    fn work_past_its_due_time_is_overdue_until_it_leaves() {
        let calendar = tailor();
        let due = datetime!(2026-12-03 18:00 +9);
        let after = due + time::Duration::minutes(1);
        let none = WorkMinutes::new(0);
        for status in [
            TicketStatus::Queued,
            TicketStatus::InProduction,
            TicketStatus::Ready,
        ] {
            assert_eq!(
                overdue(status, due, none, &calendar, after),
                Some(Overdue::PastDue)
            );
        }
        for gone in [
            TicketStatus::Dispatched,
            TicketStatus::Received,
            TicketStatus::Cancelled,
        ] {
            assert_eq!(overdue(gone, due, none, &calendar, after), None);
        }
        assert_eq!(
            overdue(
                TicketStatus::Queued,
                due,
                none,
                &calendar,
                due - time::Duration::hours(1)
            ),
            None
        );
    }

    #[test]
    fn work_bigger_than_the_days_left_cannot_finish() {
        let calendar = tailor();
        // Tuesday morning; due Wednesday at closing: two working days are left.
        let now = datetime!(2026-12-01 09:00 +9);
        let due = calendar.end_of_day(time::macros::date!(2026 - 12 - 02));
        let two_days = calendar.minutes_per_day.saturating_mul(2);
        assert_eq!(
            overdue(TicketStatus::Queued, due, two_days, &calendar, now),
            None
        );
        let more = two_days.saturating_add(WorkMinutes::new(1));
        assert_eq!(
            overdue(TicketStatus::Accepted, due, more, &calendar, now),
            Some(Overdue::CannotFinish {
                needed: more,
                left: two_days
            })
        );
    }
}
