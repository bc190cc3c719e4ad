//! Confirming an order paid outside the card flow: the operator records the payment
//! received (a bank transfer, cash, a card terminal at the office), the order's card
//! payments not yet taken are voided, and its tickets are created, in one transaction.

use db::payments::NewPayment;
use domain::actor::Actor;
use domain::money::Krw;
use domain::order::Order;
use domain::payment::{Entry, EntryKind, EntryStatus};

use crate::AppState;
use crate::error::{ApiError, ApiResult};
use crate::processes::{fulfilment, refunds};

/// How money reached the operator outside the card flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaidBy {
    /// A bank transfer.
    BankTransfer,
    /// Cash at the office.
    Cash,
    /// A card terminal at the office.
    CardTerminal,
}

impl PaidBy {
    /// In words, for the money record.
    pub const fn words(self) -> &'static str {
        match self {
            PaidBy::BankTransfer => "bank transfer",
            PaidBy::Cash => "cash",
            PaidBy::CardTerminal => "card terminal",
        }
    }
}

/// An operator confirms a placed order paid outside the card flow: `paid` (1 won up to
/// the total) is recorded as received, the order's card payments not yet taken are
/// cancelled so they can no longer be paid, and its tickets are created, all in one
/// transaction. `Ok(false)` when the order moved on meanwhile.
pub async fn confirm(
    state: &AppState,
    order: &Order,
    actor: &Actor,
    (paid, paid_by): (Krw, PaidBy),
    note: &str,
) -> ApiResult<bool> {
    if paid <= Krw::ZERO || paid > order.terms.total {
        return Err(ApiError::invalid(
            "invalid-field",
            "/paid_krw",
            format!(
                "the amount received must be between 1 and the order's total, {}",
                order.terms.total
            ),
        ));
    }
    let note = format!("{} of {paid} received: {note}", paid_by.words());
    let payment = NewPayment {
        order_id: &order.terms.id,
        entry: Entry {
            kind: EntryKind::Transfer,
            status: EntryStatus::Succeeded,
            amount: paid,
        },
        method: order.terms.payment_method,
        stripe_id: None,
        note: &note,
        at: state.clock.now(),
    };
    // Nothing is owed back: only the card payments not yet taken are voided.
    let voids = refunds::decide_voids(state, order).await?;
    let paid = db::tickets::PaidElsewhere {
        payment: Some(&payment),
        voids: &voids,
    };
    fulfilment::confirm_paid_elsewhere(state, order, (actor, &note), paid).await
}
