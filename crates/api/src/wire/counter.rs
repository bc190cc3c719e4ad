//! The counter's request and response types: tickets as staff write them, receipts,
//! pickups, handovers and the lists of the day.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use domain::ticket::parse_ticket_number;

use crate::wire::{SeoulTime, TaxRefundView};

/// A ticket as written by staff: its id (`42`) or printed number (`"T000042"`).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum TicketRef {
    /// The ticket id.
    Id(i64),
    /// The printed number (`T000042`, `t42`) or the id as text.
    Number(String),
}

impl TicketRef {
    pub(crate) fn id(&self) -> Option<i32> {
        match self {
            TicketRef::Id(id) => Some(*id).filter(|id| *id > 0),
            TicketRef::Number(text) => parse_ticket_number(text),
        }
        .and_then(|id| i32::try_from(id).ok())
    }

    pub(crate) fn given(&self) -> String {
        match self {
            TicketRef::Id(id) => id.to_string(),
            TicketRef::Number(text) => text.clone(),
        }
    }
}

/// Goods arriving at the counter.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReceiptRequest {
    /// The tickets that arrived (1 to 200), as ids or printed numbers.
    pub ticket_ids: Vec<TicketRef>,
}

/// What happened to each ticket of a receipt.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReceiptResponse {
    /// One result per ticket named, in the order named.
    pub results: Vec<ReceiptResult>,
    /// How many were received now.
    pub received: usize,
    /// How many were refused.
    pub refused: usize,
}

/// The result for one ticket of a receipt.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReceiptResult {
    /// The ticket as it was given.
    pub given: String,
    /// The printed number, when the given text is a ticket number at all.
    pub ticket: Option<String>,
    /// `received` or `refused`.
    pub outcome: &'static str,
    /// Why it was refused: `unknown` (no such ticket for this counter),
    /// `not-dispatched` (the workshop has not sent it yet), `already-received`, or
    /// `changed` (it kept changing; try again).
    pub reason: Option<&'static str>,
    /// The ticket's status now (not for unknown tickets).
    pub ticket_status: Option<&'static str>,
    /// The order's status now (not for unknown tickets).
    pub order_status: Option<&'static str>,
    /// In words.
    pub detail: String,
}

/// The outcome code of a ticket received.
pub const RECEIVED: &str = "received";

impl ReceiptResult {
    /// Whether the ticket was received (else refused).
    pub fn was_received(&self) -> bool {
        self.outcome == RECEIVED
    }
}

/// An order as the counter sees it at pickup.
#[derive(Debug, Serialize, ToSchema)]
pub struct PickupView {
    pub order_id: String,
    /// The pickup code, printed `XXXX-XXXX-C`.
    pub pickup_code: String,
    /// The traveller's name as on the passport (check it against the passport; the
    /// passport digits are never shown: ask for them).
    pub traveller_name: String,
    /// `in_production`, `ready`, `at_counter`, `picked_up`, `no_show`, … .
    pub status: &'static str,
    /// The last moment the traveller can collect.
    pub pickup_deadline: SeoulTime,
    /// Whether the pickup deadline has passed.
    pub deadline_passed: bool,
    pub items: Vec<PickupItem>,
    pub total_krw: i64,
    pub deposit_krw: i64,
    /// What the traveller still has to pay at the counter.
    pub balance_due_krw: i64,
    /// The value of the goods at the counter now (not yet handed over).
    pub goods_at_counter_krw: i64,
    /// The immediate tax refund that handing over every item at the counter now would
    /// record: its share of the order's tax-free form (0 when the order's purchase is
    /// below ₩15,000 or above ₩1,000,000, or the trip's cap is reached).
    pub tax_refund_krw: i64,
    /// That refund, its form and the traveller's trip so far, and why.
    pub tax_refund: TaxRefundView,
    /// Earlier handovers of this order, oldest first.
    pub handovers: Vec<HandoverSummary>,
}

/// One item of an order at pickup.
#[derive(Debug, Serialize, ToSchema)]
pub struct PickupItem {
    pub line: u16,
    pub product_id: i64,
    /// The product's name in the negotiated language.
    pub product_name: String,
    pub quantity: u16,
    /// The configuration `{group: value}`.
    pub options: BTreeMap<String, String>,
    pub line_total_krw: i64,
    /// The ticket's id (null before the order is confirmed).
    pub ticket_id: Option<i32>,
    /// The printed ticket number.
    pub ticket: Option<String>,
    /// `queued`, …, `dispatched`, `received`, `declined` or `cancelled`.
    pub ticket_status: Option<&'static str>,
    /// Received by the counter and not handed over yet: can be handed over now.
    pub at_counter: bool,
    /// Already handed over to the traveller.
    pub handed_over: bool,
}

/// An earlier handover, in short.
#[derive(Debug, Serialize, ToSchema)]
pub struct HandoverSummary {
    pub id: i32,
    /// The printed numbers of the tickets handed over.
    pub tickets: Vec<String>,
    pub goods_value_krw: i64,
    pub tax_refund_krw: i64,
    pub balance_collected_krw: i64,
    pub at: SeoulTime,
}

/// A handover request: who is collecting, and what.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HandoverRequest {
    /// The traveller's name as on the passport.
    pub name: String,
    /// The last four characters of the passport number.
    pub passport_last4: String,
    /// The tickets to hand over (ids or printed numbers); every item at the counter when
    /// absent.
    #[serde(default)]
    pub ticket_ids: Option<Vec<TicketRef>>,
    /// How the balance is paid, `card` or `cash`; required when a balance is due.
    #[serde(default)]
    pub balance_method: Option<String>,
}

/// A recorded handover.
#[derive(Debug, Serialize, ToSchema)]
pub struct HandoverView {
    pub id: i32,
    pub order_id: String,
    /// The items handed over.
    pub items: Vec<HandedOverItem>,
    /// The sum of their line totals.
    pub goods_value_krw: i64,
    /// The immediate tax refund recorded with this handover: its share of the order's
    /// tax-free form.
    pub tax_refund_krw: i64,
    /// That refund, its form and the traveller's trip so far, and why.
    pub tax_refund: TaxRefundView,
    /// The balance collected now.
    pub balance_collected_krw: i64,
    /// `card` or `cash`, when a balance was collected.
    pub balance_method: Option<String>,
    /// The order's status after the handover (`picked_up` once every item is collected).
    pub order_status: &'static str,
    /// How many items are still at the counter or yet to arrive.
    pub items_remaining: usize,
    pub at: SeoulTime,
}

/// One item of a handover.
#[derive(Debug, Serialize, ToSchema)]
pub struct HandedOverItem {
    pub ticket_id: i32,
    /// The printed ticket number.
    pub ticket: String,
    pub line: u16,
    pub product_id: i64,
    pub product_name: String,
    pub quantity: u16,
    pub line_total_krw: i64,
}

/// Which day's pickups to list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DueQuery {
    /// `today` (default) or `tomorrow`, in Seoul time.
    pub due: Option<String>,
}

/// An order due for pickup.
#[derive(Debug, Serialize, ToSchema)]
pub struct DueOrder {
    pub order_id: String,
    pub traveller_name: String,
    pub status: &'static str,
    pub pickup_deadline: SeoulTime,
    /// Items received and not yet handed over.
    pub items_at_counter: usize,
    /// Items dispatched by their workshop, not yet received.
    pub items_on_the_way: usize,
    /// Items neither here nor on their way (still at the workshop).
    pub items_elsewhere: usize,
    pub items: Vec<PickupItem>,
}

/// A ticket on its way to the counter.
#[derive(Debug, Serialize, ToSchema)]
pub struct IncomingTicket {
    pub ticket_id: i32,
    /// The printed ticket number.
    pub ticket: String,
    pub order_id: String,
    pub traveller_name: String,
    pub pickup_deadline: SeoulTime,
    pub workshop_id: i32,
    pub product_id: i64,
    pub product_name: String,
    pub quantity: u16,
    /// When it was due to leave the workshop.
    pub due_at: SeoulTime,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tickets_are_named_by_id_or_printed_number() {
        assert_eq!(TicketRef::Id(42).id(), Some(42));
        assert_eq!(TicketRef::Number("T000042".into()).id(), Some(42));
        assert_eq!(TicketRef::Number("42".into()).id(), Some(42));
        assert_eq!(TicketRef::Number("X1".into()).id(), None);
        assert_eq!(TicketRef::Id(0).id(), None);
        assert_eq!(TicketRef::Id(-3).id(), None);
        assert_eq!(TicketRef::Id(i64::from(i32::MAX) + 1).id(), None);
    }

    #[test]
    fn ticket_lists_accept_numbers_and_strings() {
        let request: ReceiptRequest =
            serde_json::from_str(r#"{"ticket_ids": [7, "T000008", "9"]}"#).expect("parses");
        let ids: Vec<_> = request.ticket_ids.iter().map(TicketRef::id).collect();
        assert_eq!(ids, [Some(7), Some(8), Some(9)]);
    }
}
