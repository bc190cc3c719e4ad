//! Money given back: once a cancellation, a decline or a no-show decides how much is
//! owed back, [`money_back`] splits it over the order's card payments, one
//! [`MoneyBack`] per PaymentIntent: a payment not yet taken is voided (its
//! PaymentIntent cancelled, so that it can no longer be paid), a taken one refunded up
//! to its amount, newest first (the balance goes back before the deposit).
//!
//! Each [`MoneyBack`] is stored in the same transaction as the change that decided it
//! and sent until Stripe answers; [`RefundStatus`] is where it stands.

use std::fmt;
use std::str::FromStr;

use crate::Error;
use crate::money::Krw;
use crate::payment::EntryStatus;

/// What giving back a PaymentIntent's money takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RefundKind {
    /// The money was taken: refund it.
    Refund,
    /// The money was not taken yet: cancel the PaymentIntent (and refund it after all
    /// if it turns out to have been paid meanwhile).
    Void,
}

/// Where a money-back stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RefundStatus {
    /// Decided, not yet answered by Stripe: the worker keeps sending it.
    Pending,
    /// Stripe made the refund.
    Succeeded,
    /// The PaymentIntent was cancelled before any money was taken.
    Voided,
    /// Stripe refused it for good (the operator must settle it by hand).
    Failed,
}

impl RefundKind {
    /// The stable code used in storage.
    pub const fn code(self) -> &'static str {
        match self {
            RefundKind::Refund => "refund",
            RefundKind::Void => "void",
        }
    }
}

impl RefundStatus {
    /// The stable code used in storage and on the wire.
    pub const fn code(self) -> &'static str {
        match self {
            RefundStatus::Pending => "pending",
            RefundStatus::Succeeded => "succeeded",
            RefundStatus::Voided => "voided",
            RefundStatus::Failed => "failed",
        }
    }
}

impl FromStr for RefundKind {
    type Err = Error;

    fn from_str(code: &str) -> Result<Self, Error> {
        match code {
            "refund" => Ok(RefundKind::Refund),
            "void" => Ok(RefundKind::Void),
            _ => Err(unknown("refund kind", code, "refund, void")),
        }
    }
}

impl FromStr for RefundStatus {
    type Err = Error;

    fn from_str(code: &str) -> Result<Self, Error> {
        match code {
            "pending" => Ok(RefundStatus::Pending),
            "succeeded" => Ok(RefundStatus::Succeeded),
            "voided" => Ok(RefundStatus::Voided),
            "failed" => Ok(RefundStatus::Failed),
            _ => Err(unknown(
                "refund status",
                code,
                "pending, succeeded, voided, failed",
            )),
        }
    }
}

impl fmt::Display for RefundStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

fn unknown(kind: &'static str, given: &str, expected: &'static str) -> Error {
    Error::UnknownName {
        kind,
        given: given.to_owned(),
        expected,
    }
}

/// A card payment of the order as stored: its PaymentIntent, amount and status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CardPayment<'a> {
    /// The PaymentIntent.
    pub intent: &'a str,
    /// What it charges.
    pub amount: Krw,
    /// Whether it was taken.
    pub status: EntryStatus,
}

/// Money to give back on one PaymentIntent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoneyBack {
    /// The PaymentIntent.
    pub payment_intent: String,
    /// Refund or void.
    pub kind: RefundKind,
    /// How much (a void: the whole PaymentIntent).
    pub amount: Krw,
}

/// Splits `owed` over the order's card payments (oldest first, as stored): every payment
/// not yet taken is voided, and `owed` is refunded from the taken ones, newest first,
/// never more than a payment took. Failed payments took nothing and are left alone.
pub fn money_back(owed: Krw, payments: &[CardPayment<'_>]) -> Vec<MoneyBack> {
    let mut decided: Vec<MoneyBack> = payments
        .iter()
        .filter(|p| p.status == EntryStatus::Pending)
        .map(|p| MoneyBack {
            payment_intent: p.intent.to_owned(),
            kind: RefundKind::Void,
            amount: p.amount,
        })
        .collect();
    let mut left = owed.won().max(0);
    for taken in payments
        .iter()
        .rev()
        .filter(|p| p.status == EntryStatus::Succeeded)
    {
        if left == 0 {
            break;
        }
        let amount = left.min(taken.amount.won());
        if amount > 0 {
            decided.push(MoneyBack {
                payment_intent: taken.intent.to_owned(),
                kind: RefundKind::Refund,
                amount: Krw::new(amount),
            });
            left -= amount;
        }
    }
    decided
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn card(intent: &str, won: i64, status: EntryStatus) -> CardPayment<'_> {
        CardPayment {
            intent,
            amount: Krw::new(won),
            status,
        }
    }

    #[test]
    fn the_balance_goes_back_before_the_deposit_and_unpaid_intents_are_voided() {
        let payments = [
            card("pi_deposit", 54_000, EntryStatus::Succeeded),
            card("pi_balance", 126_000, EntryStatus::Succeeded),
            card("pi_retry", 126_000, EntryStatus::Pending),
            card("pi_declined", 126_000, EntryStatus::Failed),
        ];
        let decided = money_back(Krw::new(130_000), &payments);
        assert_eq!(
            decided,
            vec![
                MoneyBack {
                    payment_intent: "pi_retry".into(),
                    kind: RefundKind::Void,
                    amount: Krw::new(126_000),
                },
                MoneyBack {
                    payment_intent: "pi_balance".into(),
                    kind: RefundKind::Refund,
                    amount: Krw::new(126_000),
                },
                MoneyBack {
                    payment_intent: "pi_deposit".into(),
                    kind: RefundKind::Refund,
                    amount: Krw::new(4_000),
                },
            ]
        );
    }

    #[test]
    fn nothing_owed_refunds_nothing_but_still_voids() {
        let payments = [card("pi_open", 54_000, EntryStatus::Pending)];
        let decided = money_back(Krw::ZERO, &payments);
        assert_eq!(decided.len(), 1);
        assert_eq!(decided[0].kind, RefundKind::Void);
    }

    #[test]
    fn codes_read_back() {
        for status in [
            RefundStatus::Pending,
            RefundStatus::Succeeded,
            RefundStatus::Voided,
            RefundStatus::Failed,
        ] {
            assert_eq!(status.code().parse::<RefundStatus>().ok(), Some(status));
        }
        for kind in [RefundKind::Refund, RefundKind::Void] {
            assert_eq!(kind.code().parse::<RefundKind>().ok(), Some(kind));
        }
        assert!("refunded".parse::<RefundStatus>().is_err());
    }

    proptest! {
        #[test]
        fn refunds_add_up_to_what_is_owed_and_never_exceed_a_payment(
            owed in 0i64..2_000_000,
            amounts in proptest::collection::vec((1i64..800_000, 0u8..3), 0..6),
        ) {
            let intents: Vec<String> = (0..amounts.len()).map(|i| format!("pi_{i}")).collect();
            let payments: Vec<CardPayment<'_>> = amounts
                .iter()
                .zip(&intents)
                .map(|((won, status), intent)| {
                    let status = match status {
                        0 => EntryStatus::Pending,
                        1 => EntryStatus::Succeeded,
                        _ => EntryStatus::Failed,
                    };
                    card(intent, *won, status)
                })
                .collect();
            let taken: i64 = payments
                .iter()
                .filter(|p| p.status == EntryStatus::Succeeded)
                .map(|p| p.amount.won())
                .sum();
            let decided = money_back(Krw::new(owed), &payments);
            let refunded: i64 = decided
                .iter()
                .filter(|m| m.kind == RefundKind::Refund)
                .map(|m| m.amount.won())
                .sum();
            prop_assert_eq!(refunded, owed.min(taken));
            let pending = payments.iter().filter(|p| p.status == EntryStatus::Pending).count();
            prop_assert_eq!(decided.iter().filter(|m| m.kind == RefundKind::Void).count(), pending);
            for m in &decided {
                let paid = payments.iter().find(|p| p.intent == m.payment_intent).map(|p| p.amount);
                prop_assert!(Some(m.amount) <= paid);
                prop_assert!(m.amount > Krw::ZERO);
            }
            let mut seen: Vec<&str> = decided.iter().map(|m| m.payment_intent.as_str()).collect();
            seen.sort_unstable();
            seen.dedup();
            prop_assert_eq!(seen.len(), decided.len(), "one per PaymentIntent");
        }
    }
}
