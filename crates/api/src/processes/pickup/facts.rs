//! What the counter knows about one order (its tickets, handovers, what is still due and
//! the traveller's tax-free forms) and the rules that decide a handover from it.

use std::collections::{BTreeMap, BTreeSet};

use db::handovers::{HandoverOrder, HandoverRecord};
use db::tax_free_forms::TaxFreeForm;
use domain::catalogue::ProductId;
use domain::language::Language;
use domain::money::Krw;
use domain::order::{Order, OrderStatus};
use domain::tax_free::TravellerKey;
use domain::ticket::{Ticket, TicketId, TicketStatus};
use time::OffsetDateTime;

use crate::AppState;
use crate::error::{ApiError, ApiResult};
use crate::processes::pickup::records::{item_of, name_of, product_names};
use crate::processes::pickup::refund::{RefundFacts, TaxRefund, decide};
use crate::processes::pickup::rules::{not_at_counter, order_state};
use crate::wire::{HandedOverItem, HandoverSummary, PickupItem, PickupView};

/// An order with its tickets and handovers.
pub(super) struct OrderFacts {
    pub(super) order: Order,
    pub(super) tickets: Vec<Ticket>,
    pub(super) handovers: Vec<HandoverRecord>,
    pub(super) handed_over: BTreeSet<TicketId>,
    /// Who the order's tax-free form is for.
    pub(super) traveller: TravellerKey,
    /// The traveller's tax-free forms, of all their orders.
    pub(super) forms: Vec<TaxFreeForm>,
    /// What is still to pay, from the money record (card charges, earlier counter payments).
    due: Krw,
}

/// A handover decided with the domain rules, to be recorded.
pub(super) struct HandoverPlan<'a> {
    pub(super) ticket_ids: Vec<TicketId>,
    pub(super) goods_value: Krw,
    pub(super) tax_refund: TaxRefund,
    pub(super) balance_collected: Krw,
    pub(super) balance_method: Option<&'a str>,
    /// The order stays, or moves to `picked_up` with its last items.
    pub(super) order: HandoverOrder,
}

impl OrderFacts {
    pub(super) async fn load(state: &AppState, order: Order) -> ApiResult<Self> {
        let tickets = db::tickets::for_order(&state.db, &order.terms.id).await?;
        let handovers = db::handovers::for_order(&state.db, &order.terms.id).await?;
        let handed_over = handovers
            .iter()
            .flat_map(|h| h.ticket_ids.iter().copied())
            .collect();
        let payments = db::payments::for_order(&state.db, &order.terms.id).await?;
        let entries: Vec<_> = payments.iter().map(|p| p.entry).collect();
        let due = domain::payment::money_record(order.terms.total, &entries).due;
        let traveller = &order.terms.traveller;
        let traveller = TravellerKey::of(&traveller.name, &traveller.passport_last4);
        let forms = db::tax_free_forms::for_traveller(&state.db, &traveller).await?;
        Ok(OrderFacts {
            order,
            tickets,
            handovers,
            handed_over,
            traveller,
            forms,
            due,
        })
    }

    /// Tickets that still count: not cancelled or declined.
    pub(super) fn live_tickets(&self) -> impl Iterator<Item = &Ticket> {
        self.tickets
            .iter()
            .filter(|t| !matches!(t.status, TicketStatus::Cancelled | TicketStatus::Declined))
    }

    /// Received and not handed over yet.
    pub(super) fn at_counter(&self, ticket: &Ticket) -> bool {
        ticket.status == TicketStatus::Received && !self.handed_over.contains(&ticket.id)
    }

    /// The immediate tax refund of handing over goods worth `handing_over` now.
    fn tax_refund(&self, handing_over: Krw, now: OffsetDateTime) -> TaxRefund {
        let facts = RefundFacts {
            order_id: &self.order.terms.id,
            trip: &self.order.terms.trip,
            purchase: self.goods_value(self.live_tickets()),
            handed_over: Krw::new(self.handovers.iter().map(|h| h.goods_value.won()).sum()),
            refunded: Krw::new(self.handovers.iter().map(|h| h.tax_refund.won()).sum()),
            forms: &self.forms,
        };
        decide(&facts, handing_over, now)
    }

    /// The balance still to collect: the money record's due amount (the total less card
    /// charges and earlier counter payments).
    fn balance_due(&self) -> Krw {
        self.due
    }

    fn line_total(&self, ticket: &Ticket) -> Krw {
        self.order
            .items
            .iter()
            .find(|i| i.id == ticket.order_item_id)
            .map_or(Krw::ZERO, |i| i.terms.line_total)
    }

    fn goods_value<'a>(&self, tickets: impl Iterator<Item = &'a Ticket>) -> Krw {
        Krw::new(tickets.map(|t| self.line_total(t).won()).sum())
    }

    /// Decides a handover of `wanted` (every item at the counter when `None`) at `now`.
    pub(super) fn plan_handover<'m>(
        &self,
        wanted: Option<&[TicketId]>,
        method: Option<&'m str>,
        now: OffsetDateTime,
    ) -> ApiResult<HandoverPlan<'m>> {
        let status = self.order.status;
        if !matches!(
            status,
            OrderStatus::InProduction
                | OrderStatus::Ready
                | OrderStatus::AtCounter
                | OrderStatus::NoShow
        ) {
            let detail = match status {
                OrderStatus::PickedUp => "every item was already collected".to_owned(),
                other => format!("the order is {other}: nothing can be handed over"),
            };
            return Err(order_state(status, detail));
        }
        let chosen: Vec<&Ticket> = match wanted {
            None => {
                let here: Vec<_> = self.live_tickets().filter(|t| self.at_counter(t)).collect();
                if here.is_empty() {
                    let detail = "no item of this order is at the counter".to_owned();
                    return Err(not_at_counter(detail, Vec::new()));
                }
                here
            }
            Some(ids) => {
                let mut chosen = Vec::with_capacity(ids.len());
                let mut problems = Vec::new();
                for id in ids {
                    let number = id.number();
                    match self.tickets.iter().find(|t| t.id == *id) {
                        Some(t) if self.at_counter(t) => chosen.push(t),
                        Some(t) if self.handed_over.contains(&t.id) => {
                            problems.push((
                                number.clone(),
                                format!("{number} was already handed over"),
                            ));
                        }
                        Some(t) => problems.push((
                            number.clone(),
                            format!("{number} is not at the counter (it is {})", t.status),
                        )),
                        None => problems.push((
                            number.clone(),
                            format!("{number} is not an item of this order"),
                        )),
                    }
                }
                if !problems.is_empty() {
                    let words: Vec<&str> = problems.iter().map(|(_, why)| why.as_str()).collect();
                    let detail = format!("{}; nothing was handed over", words.join("; "));
                    return Err(not_at_counter(detail, problems));
                }
                chosen
            }
        };
        let balance_collected = self.balance_due();
        let balance_method = if balance_collected > Krw::ZERO {
            let Some(method) = method else {
                let detail = format!(
                    "a balance of ₩{} is due: say how it is paid (balance_method card or cash)",
                    balance_collected.won()
                );
                return Err(ApiError::invalid(
                    "balance-method-required",
                    "/balance_method",
                    detail,
                ));
            };
            Some(method)
        } else {
            None
        };
        let goods_value = self.goods_value(chosen.iter().copied());
        let tax_refund = self.tax_refund(goods_value, now);
        let ticket_ids: Vec<TicketId> = chosen.iter().map(|t| t.id).collect();
        let everything = self
            .live_tickets()
            .all(|t| self.handed_over.contains(&t.id) || ticket_ids.contains(&t.id));
        let order = match everything.then(|| status.transition(OrderStatus::PickedUp)) {
            Some(Ok(pickup)) => HandoverOrder::Moves(pickup),
            _ => HandoverOrder::Stays(status),
        };
        Ok(HandoverPlan {
            ticket_ids,
            goods_value,
            tax_refund,
            balance_collected,
            balance_method,
            order,
        })
    }

    pub(super) async fn view(&self, state: &AppState, language: Language) -> ApiResult<PickupView> {
        let terms = &self.order.terms;
        let here = self.goods_value(self.live_tickets().filter(|t| self.at_counter(t)));
        let tax_refund = self.tax_refund(here, state.clock.now());
        Ok(PickupView {
            order_id: terms.id.to_string(),
            pickup_code: terms.pickup_code.to_string(),
            traveller_name: terms.traveller.name.to_string(),
            status: self.order.status.code(),
            pickup_deadline: terms.trip.pickup_deadline.into(),
            deadline_passed: state.clock.now() > terms.trip.pickup_deadline,
            items: self.items(state, language).await?,
            total_krw: terms.total.won(),
            deposit_krw: terms.deposit.won(),
            balance_due_krw: self.balance_due().won(),
            goods_at_counter_krw: here.won(),
            tax_refund_krw: tax_refund.refund.won(),
            tax_refund: tax_refund.view(None, language),
            handovers: self
                .handovers
                .iter()
                .map(|h| HandoverSummary {
                    id: h.id,
                    tickets: h.ticket_ids.iter().map(|id| id.number()).collect(),
                    goods_value_krw: h.goods_value.won(),
                    tax_refund_krw: h.tax_refund.won(),
                    balance_collected_krw: h.balance_collected.won(),
                    at: h.at.into(),
                })
                .collect(),
        })
    }

    /// The names of this order's products, in `language`.
    async fn product_names(
        &self,
        state: &AppState,
        language: Language,
    ) -> ApiResult<BTreeMap<ProductId, String>> {
        let products = self
            .order
            .items
            .iter()
            .map(|i| i.terms.product_id)
            .collect();
        product_names(state, &products, language).await
    }

    pub(super) async fn items(
        &self,
        state: &AppState,
        language: Language,
    ) -> ApiResult<Vec<PickupItem>> {
        let names = self.product_names(state, language).await?;
        Ok(self
            .order
            .items
            .iter()
            .map(|item| {
                let ticket = self.tickets.iter().find(|t| t.order_item_id == item.id);
                PickupItem {
                    line: item.line_no,
                    product_id: item.terms.product_id.0,
                    product_name: name_of(&names, item.terms.product_id),
                    quantity: item.terms.quantity,
                    options: item.terms.options.clone(),
                    line_total_krw: item.terms.line_total.won(),
                    ticket_id: ticket.map(|t| t.id.0),
                    ticket: ticket.map(|t| t.id.number()),
                    ticket_status: ticket.map(|t| t.status.code()),
                    at_counter: ticket.is_some_and(|t| self.at_counter(t)),
                    handed_over: ticket.is_some_and(|t| self.handed_over.contains(&t.id)),
                }
            })
            .collect())
    }

    pub(super) async fn handed_over_items(
        &self,
        state: &AppState,
        language: Language,
        ids: &[TicketId],
    ) -> ApiResult<Vec<HandedOverItem>> {
        let names = self.product_names(state, language).await?;
        let mut items = Vec::with_capacity(ids.len());
        for ticket in self.tickets.iter().filter(|t| ids.contains(&t.id)) {
            let item = item_of(&self.order, ticket)?;
            items.push(HandedOverItem {
                ticket_id: ticket.id.0,
                ticket: ticket.id.number(),
                line: item.line_no,
                product_id: item.terms.product_id.0,
                product_name: name_of(&names, item.terms.product_id),
                quantity: item.terms.quantity,
                line_total_krw: item.terms.line_total.won(),
            });
        }
        Ok(items)
    }
}
