//! The no-show lifecycle: goods not collected by the pickup deadline are held at the
//! counter for the counter's holding period (30 days unless the counter says otherwise).
//! While they are held a late pickup works as usual; the traveller is told when holding
//! starts and again a week before it ends. When the period ends the workshop's policy
//! applies: the deposit is kept, the balance already charged is refunded (or kept, if the
//! workshop's policy says so), the goods go back to the workshop, and the order is a
//! no-show.

use time::{Duration, OffsetDateTime};

use crate::money::Krw;
use crate::payment::MoneyRecord;

/// A counter's holding period unless it sets its own.
pub const DEFAULT_HOLDING_DAYS: u16 = 30;
/// How long before the end of holding the traveller is reminded.
pub const REMINDER_BEFORE_END: Duration = Duration::days(7);

/// Where uncollected goods stand at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holding {
    /// The pickup deadline has not passed.
    NotYet,
    /// Held at the counter until `until`; `ending` once the reminder is due.
    Held {
        /// When holding ends.
        until: OffsetDateTime,
        /// Whether the end is near (the reminder is due).
        ending: bool,
    },
    /// The holding period ended at `ended`: the policy applies.
    Ended {
        /// When it ended.
        ended: OffsetDateTime,
    },
}

/// When goods not collected by `deadline` stop being held.
pub fn held_until(deadline: OffsetDateTime, holding_days: u16) -> OffsetDateTime {
    deadline + Duration::days(i64::from(holding_days))
}

/// Where goods not collected by `deadline` stand at `now`.
pub fn holding(deadline: OffsetDateTime, holding_days: u16, now: OffsetDateTime) -> Holding {
    let until = held_until(deadline, holding_days);
    if now <= deadline {
        Holding::NotYet
    } else if now < until {
        Holding::Held {
            until,
            ending: now >= until - REMINDER_BEFORE_END,
        }
    } else {
        Holding::Ended { ended: until }
    }
}

/// A workshop's policy for the balance of a no-show's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BalancePolicy {
    /// The balance already charged goes back; only the deposit is kept (the default).
    Refund,
    /// Everything paid is kept.
    Keep,
}

/// What a no-show gives back under `policy`: the money paid net of refunds and of
/// refunds still pending, less the deposit, or nothing.
pub fn no_show_refund(policy: BalancePolicy, record: &MoneyRecord, deposit: Krw) -> Krw {
    match policy {
        BalancePolicy::Keep => Krw::ZERO,
        BalancePolicy::Refund => {
            let returnable = record.net().won() - record.refunds_pending.won();
            Krw::new((returnable - deposit.won()).max(0))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::datetime;

    const DEADLINE: OffsetDateTime = datetime!(2026-12-22 06:00 +9);

    #[test]
    fn goods_are_held_for_the_period_then_the_policy_applies() {
        assert_eq!(holding(DEADLINE, 30, DEADLINE), Holding::NotYet);
        let until = datetime!(2027-01-21 06:00 +9);
        assert_eq!(
            holding(DEADLINE, 30, DEADLINE + Duration::days(1)),
            Holding::Held {
                until,
                ending: false
            }
        );
        assert_eq!(
            holding(DEADLINE, 30, until - Duration::days(7)),
            Holding::Held {
                until,
                ending: true
            }
        );
        assert_eq!(
            holding(DEADLINE, 30, until),
            Holding::Ended { ended: until }
        );
        assert_eq!(
            holding(DEADLINE, 3, DEADLINE + Duration::days(3)),
            Holding::Ended {
                ended: DEADLINE + Duration::days(3)
            }
        );
    }

    #[test]
    fn the_deposit_is_kept_and_the_balance_refunded_or_kept_by_policy() {
        let paid_in_full = MoneyRecord {
            paid: Krw::new(180_000),
            refunded: Krw::ZERO,
            refunds_pending: Krw::ZERO,
            due: Krw::ZERO,
        };
        let deposit = Krw::new(54_000);
        assert_eq!(
            no_show_refund(BalancePolicy::Refund, &paid_in_full, deposit),
            Krw::new(126_000)
        );
        assert_eq!(
            no_show_refund(BalancePolicy::Keep, &paid_in_full, deposit),
            Krw::ZERO
        );
        let deposit_only = MoneyRecord {
            paid: deposit,
            due: Krw::new(126_000),
            ..paid_in_full
        };
        assert_eq!(
            no_show_refund(BalancePolicy::Refund, &deposit_only, deposit),
            Krw::ZERO
        );
    }

    proptest! {
        #[test]
        fn a_no_show_never_gives_back_the_deposit_or_more_than_was_paid(
            paid in 0i64..3_000_000,
            refunded in 0i64..3_000_000,
            deposit in 0i64..1_000_000,
        ) {
            let refunded = refunded.min(paid);
            let record = MoneyRecord {
                paid: Krw::new(paid),
                refunded: Krw::new(refunded),
                refunds_pending: Krw::ZERO,
                due: Krw::ZERO,
            };
            let back = no_show_refund(BalancePolicy::Refund, &record, Krw::new(deposit)).won();
            prop_assert!(back >= 0);
            prop_assert!(back <= paid - refunded);
            prop_assert!(paid - refunded - back >= deposit.min(paid - refunded));
        }
    }
}
