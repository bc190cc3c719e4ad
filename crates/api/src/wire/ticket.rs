//! Production tickets on the wire, as their workshop sees them: the ticket with its
//! item, what to make it to (the traveller's fitting) and its history.

use std::collections::BTreeMap;

use serde::Serialize;
use utoipa::ToSchema;

use domain::order::Order;
use domain::ticket::{Ticket, TicketChange, TicketStatus};

use crate::error::{ApiError, ApiResult};
use crate::wire::{AdjustmentView, AdviceView, FitInput, ItemFitting, SeoulTime, SourceInput};

/// A production ticket as the workshop sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct TicketView {
    pub id: i32,
    /// The printed number, e.g. `T000042`.
    pub number: String,
    pub order_id: String,
    /// `queued`, `accepted`, `declined`, `in_production`, `quality_check`, `ready`,
    /// `dispatched`, `received` or `cancelled`.
    pub status: &'static str,
    /// The statuses the workshop may move it to now.
    pub allowed: Vec<&'static str>,
    /// When it must leave the workshop.
    pub due_at: SeoulTime,
    /// Whether its order may miss the pickup deadline.
    pub at_risk: bool,
    /// The counter it goes to.
    pub counter_id: i32,
    /// The traveller's last pickup moment.
    pub pickup_deadline: SeoulTime,
    pub product_id: i64,
    pub quantity: u16,
    /// The full configuration `{group: value}`.
    pub options: BTreeMap<String, String>,
    pub notes: String,
    /// What to make it to, when the traveller sent a fitting with the order.
    pub fitting: Option<TicketFitting>,
}

/// What the workshop makes an item to: the traveller's measurements with their unit and
/// source, the recommended base size with the confidence, and the made-to-measure
/// adjustments of that size.
#[derive(Debug, Serialize, ToSchema)]
pub struct TicketFitting {
    /// `body` (the traveller's measurements) or `reference_garment` (a garment that
    /// fits, laid flat: chest, waist and hip are half the girth).
    pub compared_with: String,
    /// `slim`, `regular` or `relaxed`.
    pub fit: &'static str,
    /// As the traveller gave them.
    pub measurements: Vec<TicketMeasurement>,
    /// The recommended base size (a `size` value, or the KS pattern size).
    pub size: String,
    /// The next best size.
    pub runner_up: Option<String>,
    /// 0 to 1.
    pub confidence: f32,
    /// Alterations of the base size, in cm (made-to-measure only).
    pub adjustments: Vec<AdjustmentView>,
    /// What the engine advised, e.g. `custom-pattern` when an alteration is over its cap.
    pub advice: Vec<AdviceView>,
}

/// One measurement as the traveller gave it.
#[derive(Debug, Serialize, ToSchema)]
pub struct TicketMeasurement {
    /// `chest`, `waist`, `foot_length`, …
    pub point: String,
    pub value: f64,
    /// `cm` or `in`.
    pub unit: &'static str,
    /// `tape` (measured with a tape), `garment` (taken from a garment) or `estimate`.
    pub source: &'static str,
}

/// A ticket with its history.
#[derive(Debug, Serialize, ToSchema)]
pub struct TicketDetail {
    #[serde(flatten)]
    pub ticket: TicketView,
    pub history: Vec<TicketChangeView>,
}

/// One recorded change of a ticket.
#[derive(Debug, Serialize, ToSchema)]
pub struct TicketChangeView {
    pub from: Option<&'static str>,
    pub to: &'static str,
    pub actor: String,
    pub note: String,
    pub at: SeoulTime,
}

/// A ticket as its workshop sees it, with what its order says of the item.
pub fn ticket_view(ticket: &Ticket, order: &Order) -> ApiResult<TicketView> {
    let item = order
        .items
        .iter()
        .find(|item| item.id == ticket.order_item_id)
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("ticket {} has no item", ticket.id)))?;
    Ok(TicketView {
        id: ticket.id.0,
        number: ticket.id.number(),
        order_id: ticket.order_id.to_string(),
        status: ticket.status.code(),
        allowed: ticket
            .status
            .next_for_workshop()
            .iter()
            .map(|s| s.code())
            .collect(),
        due_at: ticket.due_at.into(),
        at_risk: ticket.at_risk,
        counter_id: i32::try_from(ticket.counter_id.0).map_err(|e| ApiError::Internal(e.into()))?,
        pickup_deadline: order.terms.trip.pickup_deadline.into(),
        product_id: item.terms.product_id.0,
        quantity: item.terms.quantity,
        options: item.terms.options.clone(),
        notes: ticket.notes.clone(),
        fitting: ItemFitting::stored(item.fitting.as_ref())?.map(ticket_fitting),
    })
}

fn ticket_fitting(fitting: ItemFitting) -> TicketFitting {
    let ItemFitting { request, result } = fitting;
    let body = request.measurements.iter().flatten().map(|(point, m)| {
        let source = m.source.unwrap_or(SourceInput::Tape);
        (point, m.value, m.unit, source)
    });
    let garment = request
        .reference_garment
        .iter()
        .flatten()
        .map(|(point, m)| (point, m.value, m.unit, SourceInput::Garment));
    let measurements = body
        .chain(garment)
        .map(|(point, value, unit, source)| TicketMeasurement {
            point: point.clone(),
            value,
            unit: unit.code(),
            source: source.code(),
        })
        .collect();
    TicketFitting {
        compared_with: result.compared_with,
        fit: request.fit.unwrap_or(FitInput::Regular).code(),
        measurements,
        size: result.size,
        runner_up: result.runner_up,
        confidence: result.confidence,
        adjustments: result.adjustments,
        advice: result.advice,
    }
}

/// A ticket with its history.
pub fn detail_view(
    ticket: &Ticket,
    order: &Order,
    history: &[TicketChange],
) -> ApiResult<TicketDetail> {
    Ok(TicketDetail {
        ticket: ticket_view(ticket, order)?,
        history: history.iter().map(change_view).collect(),
    })
}

fn change_view(change: &TicketChange) -> TicketChangeView {
    TicketChangeView {
        from: change.from.map(TicketStatus::code),
        to: change.to.code(),
        actor: change.actor.to_string(),
        note: change.note.clone(),
        at: change.at.into(),
    }
}
