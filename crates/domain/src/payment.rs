//! Money movements of an order: how it is paid, what is charged when, what a cancellation
//! refunds, and the order's money record derived from its entries.
//!
//! Card authorisations expire long before a traveller lands, so a card order is charged
//! at order time (the deposit, or the whole price when the deposit is the whole price)
//! and the balance later; pay-at-counter orders pay everything at pickup. Every charge,
//! refund and counter payment is an entry; paid, refunded and due are derived from them.

use std::fmt;
use std::str::FromStr;

use crate::Error;
use crate::money::Krw;
use crate::order::OrderStatus;

/// How an order is paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PaymentMethod {
    /// A card through Stripe: deposit at order time, balance when ready or at the counter.
    Stripe,
    /// Everything at the counter on pickup.
    Counter,
}

impl PaymentMethod {
    /// The stable code used on the wire and in storage.
    pub const fn code(self) -> &'static str {
        match self {
            PaymentMethod::Stripe => "stripe",
            PaymentMethod::Counter => "counter",
        }
    }
}

impl FromStr for PaymentMethod {
    type Err = Error;

    fn from_str(code: &str) -> Result<Self, Error> {
        match code {
            "stripe" => Ok(PaymentMethod::Stripe),
            "counter" => Ok(PaymentMethod::Counter),
            _ => Err(Error::UnknownName {
                kind: "payment method",
                given: code.to_owned(),
                expected: "stripe, counter",
            }),
        }
    }
}

impl fmt::Display for PaymentMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// What an entry of the money record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntryKind {
    /// A card charge.
    Charge,
    /// Money returned to the card.
    Refund,
    /// Money taken at the counter (card terminal or cash).
    CounterPayment,
    /// Money received outside the card flow (a bank transfer, cash at the office), as
    /// the operator who confirmed the order recorded it.
    Transfer,
}

/// Where an entry stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntryStatus {
    /// Asked for, not settled.
    Pending,
    /// Settled.
    Succeeded,
    /// Refused or abandoned.
    Failed,
}

/// One money movement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// What it is.
    pub kind: EntryKind,
    /// Where it stands.
    pub status: EntryStatus,
    /// Always positive; the kind says which way it goes.
    pub amount: Krw,
}

/// An order's money, derived from its entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MoneyRecord {
    /// Settled charges and counter payments.
    pub paid: Krw,
    /// Settled refunds.
    pub refunded: Krw,
    /// Refunds asked for and not yet settled.
    pub refunds_pending: Krw,
    /// What is still to be paid: the total less what was paid (never below zero).
    pub due: Krw,
}

impl MoneyRecord {
    /// Paid less refunded: what the traveller has given net.
    pub fn net(&self) -> Krw {
        Krw::new(self.paid.won() - self.refunded.won())
    }
}

/// Derives the money record of an order with this total from its entries.
pub fn money_record(total: Krw, entries: &[Entry]) -> MoneyRecord {
    let sum = |pred: &dyn Fn(&Entry) -> bool| {
        Krw::new(
            entries
                .iter()
                .filter(|e| pred(e))
                .map(|e| e.amount.won())
                .sum(),
        )
    };
    let settled = |e: &Entry| e.status == EntryStatus::Succeeded;
    let paid = sum(&|e| settled(e) && e.kind != EntryKind::Refund);
    let refunded = sum(&|e| settled(e) && e.kind == EntryKind::Refund);
    let refunds_pending = sum(&|e| e.status == EntryStatus::Pending && e.kind == EntryKind::Refund);
    let due = Krw::new((total.won() - paid.won()).max(0));
    MoneyRecord {
        paid,
        refunded,
        refunds_pending,
        due,
    }
}

/// What is charged when the order is placed.
pub fn due_at_order(method: PaymentMethod, total: Krw, deposit: Krw) -> Krw {
    match method {
        PaymentMethod::Stripe => deposit.min(total),
        PaymentMethod::Counter => Krw::ZERO,
    }
}

/// What a cancellation or a decline gives back, by policy: everything paid before
/// production starts or when the workshop declines; after that the deposit is kept.
pub fn refund_due(status: OrderStatus, declined: bool, record: &MoneyRecord, deposit: Krw) -> Krw {
    let returnable = Krw::new((record.net().won() - record.refunds_pending.won()).max(0));
    if declined
        || matches!(
            status,
            OrderStatus::Placed | OrderStatus::Confirmed | OrderStatus::Draft
        )
    {
        returnable
    } else {
        Krw::new((returnable.won() - deposit.won()).max(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn entry(kind: EntryKind, status: EntryStatus, won: i64) -> Entry {
        Entry {
            kind,
            status,
            amount: Krw::new(won),
        }
    }

    #[test]
    fn the_record_adds_up_settled_movements_only() {
        use EntryKind::*;
        use EntryStatus::*;
        let entries = [
            entry(Charge, Succeeded, 54_000),
            entry(Charge, Failed, 126_000),
            entry(CounterPayment, Succeeded, 126_000),
            entry(Refund, Succeeded, 10_000),
            entry(Refund, Pending, 5_000),
        ];
        let record = money_record(Krw::new(180_000), &entries);
        assert_eq!(record.paid, Krw::new(180_000));
        assert_eq!(record.refunded, Krw::new(10_000));
        assert_eq!(record.refunds_pending, Krw::new(5_000));
        assert_eq!(record.due, Krw::ZERO);
        assert_eq!(record.net(), Krw::new(170_000));
    }

    #[test]
    fn cards_pay_the_deposit_at_order_and_the_counter_pays_later() {
        assert_eq!(
            due_at_order(PaymentMethod::Stripe, Krw::new(180_000), Krw::new(54_000)),
            Krw::new(54_000)
        );
        assert_eq!(
            due_at_order(PaymentMethod::Counter, Krw::new(180_000), Krw::new(54_000)),
            Krw::ZERO
        );
    }

    #[test]
    fn cancelling_before_production_refunds_everything_after_keeps_the_deposit() {
        let record = MoneyRecord {
            paid: Krw::new(180_000),
            ..MoneyRecord::default()
        };
        let deposit = Krw::new(54_000);
        assert_eq!(
            refund_due(OrderStatus::Confirmed, false, &record, deposit),
            Krw::new(180_000)
        );
        assert_eq!(
            refund_due(OrderStatus::InProduction, false, &record, deposit),
            Krw::new(126_000)
        );
        assert_eq!(
            refund_due(OrderStatus::InProduction, true, &record, deposit),
            Krw::new(180_000)
        );
    }

    proptest! {
        #[test]
        fn a_refund_never_exceeds_what_was_paid_net(paid in 0i64..5_000_000, refunded in 0i64..5_000_000,
                                                    pending in 0i64..5_000_000, deposit in 0i64..5_000_000,
                                                    declined: bool, started: bool) {
            let refunded = refunded.min(paid);
            let record = MoneyRecord { paid: Krw::new(paid), refunded: Krw::new(refunded),
                                       refunds_pending: Krw::new(pending), due: Krw::ZERO };
            let status = if started { OrderStatus::InProduction } else { OrderStatus::Confirmed };
            let refund = refund_due(status, declined, &record, Krw::new(deposit));
            prop_assert!(refund >= Krw::ZERO);
            prop_assert!(refund.won() <= paid - refunded);
        }

        #[test]
        fn paid_and_due_always_add_up_to_at_least_the_total(total in 0i64..10_000_000,
                                                             charges in proptest::collection::vec(0i64..3_000_000, 0..5)) {
            let entries: Vec<Entry> = charges.iter().map(|c| entry(EntryKind::Charge, EntryStatus::Succeeded, *c)).collect();
            let record = money_record(Krw::new(total), &entries);
            prop_assert!(record.paid.won() + record.due.won() >= total);
            prop_assert_eq!(record.due.won(), (total - record.paid.won()).max(0));
        }
    }
}
