//! The traveller's view of an order: its items, tickets, history, money and timeline.

use serde_json::Value;

use db::events::Event;
use domain::order::{Order, OrderStatus};
use domain::ticket::Ticket;

use crate::AppState;
use crate::error::ApiResult;
use crate::wire::ItemFitting;

use super::wire::{
    ItemTicket, MoneyView, OrderItemView, OrderView, ProductionDay, StatusChangeView,
    TimelineEntry, TravellerView, TripView,
};

/// The traveller's view of an order, with its tickets and timeline.
pub(super) async fn view(state: &AppState, order: &Order) -> ApiResult<OrderView> {
    let events = db::events::for_order(&state.db, &order.terms.id).await?;
    let tickets = db::tickets::for_order(&state.db, &order.terms.id).await?;
    let (record, _) = crate::processes::money::record_of(state, order).await?;
    let mut view = order_view(order, &events, &tickets)?;
    view.money = MoneyView {
        method: order.terms.payment_method.code(),
        paid_krw: record.paid.won(),
        refunded_krw: record.refunded.won(),
        refunds_pending_krw: record.refunds_pending.won(),
        due_krw: record.due.won(),
    };
    Ok(view)
}

fn order_view(order: &Order, events: &[Event], tickets: &[Ticket]) -> ApiResult<OrderView> {
    let mut fittings = order
        .items
        .iter()
        .map(|item| ItemFitting::stored(item.fitting.as_ref()))
        .collect::<ApiResult<Vec<_>>>()?
        .into_iter();
    Ok(OrderView {
        id: order.terms.id.to_string(),
        status: order.status.code(),
        pickup_code: order.terms.pickup_code.to_string(),
        total_krw: order.terms.total.won(),
        deposit_krw: order.terms.deposit.won(),
        itinerary: TripView {
            arrival: order.terms.trip.arrival.into(),
            departure: order.terms.trip.departure.into(),
            counter_id: order.terms.trip.counter_id.0,
            pickup_deadline: order.terms.trip.pickup_deadline.into(),
        },
        traveller: TravellerView {
            name: order.terms.traveller.name.to_string(),
            email: order.terms.traveller.email.to_string(),
            passport_last4: order.terms.traveller.passport_last4.to_string(),
            language: order.terms.traveller.language.code(),
        },
        items: order
            .items
            .iter()
            .map(|item| OrderItemView {
                line: item.line_no,
                product_id: item.terms.product_id.0,
                workshop_id: item.terms.workshop_id.0,
                quantity: item.terms.quantity,
                options: item.terms.options.clone(),
                unit_price_krw: item.terms.unit_price.won(),
                line_total_krw: item.terms.line_total.won(),
                deposit_krw: item.terms.deposit.won(),
                ready_by: item.ready_by.into(),
                production_days: item
                    .reserved
                    .iter()
                    .map(|slot| ProductionDay {
                        day: slot.date,
                        minutes: slot.minutes.get(),
                    })
                    .collect(),
                ticket: tickets
                    .iter()
                    .find(|t| t.order_item_id == item.id)
                    .map(|t| ItemTicket {
                        number: t.id.number(),
                        status: t.status.code(),
                    }),
                fitting: fittings.next().flatten(),
            })
            .collect(),
        history: order
            .history
            .iter()
            .map(|change| StatusChangeView {
                from: change.from.map(OrderStatus::code),
                to: change.to.code(),
                actor: change.actor.to_string(),
                note: change.note.clone(),
                at: change.at.into(),
            })
            .collect(),
        timeline: events.iter().map(timeline_entry).collect(),
        at_risk: domain::ticket::order_at_risk(order, tickets),
        money: MoneyView {
            method: order.terms.payment_method.code(),
            paid_krw: 0,
            refunded_krw: 0,
            refunds_pending_krw: 0,
            due_krw: order.terms.total.won(),
        },
        created_at: order.terms.created_at.into(),
    })
}

fn timeline_entry(event: &Event) -> TimelineEntry {
    let note = event
        .payload
        .get("note")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    TimelineEntry {
        kind: event.kind.code(),
        ticket: event.ticket_id.map(|id| id.number()),
        note,
        at: event.at.into(),
    }
}
