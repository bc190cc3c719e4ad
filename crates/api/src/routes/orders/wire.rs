//! Orders on the wire: the pre-order request with its traveller, and the order as its
//! traveller sees it (trip, items, tickets, history, money). Also the traveller's check.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::Date;
use utoipa::ToSchema;

use domain::traveller::{EmailAddress, PassportLast4, Traveller, TravellerName};

use crate::error::{ApiError, ApiResult};
use crate::wire::ItemFitting;
use crate::wire::{ItemRequest, ItineraryRequest, SeoulTime};

/// A pre-order: the quote's body plus the traveller.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrderRequest {
    /// The items, 1 to 20.
    pub items: Vec<ItemRequest>,
    /// The trip.
    pub itinerary: ItineraryRequest,
    /// Who collects.
    pub traveller: TravellerRequest,
    /// `stripe` (a card, charged now: the deposit or the whole price) or `counter` (pay
    /// at pickup; only for products that allow it). Default: the card when configured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment: Option<String>,
}

/// The traveller, as on the passport.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TravellerRequest {
    /// Full name as on the passport.
    pub name: String,
    pub email: String,
    /// The last four characters of the passport number (staff check them at pickup).
    pub passport_last4: String,
    /// `en`, `ko`, `ja` or `zh`.
    pub language: String,
}

/// A new order, with its secret token (shown only here).
#[derive(Debug, Serialize, ToSchema)]
pub struct OrderCreated {
    /// Bearer token for `GET /api/v1/orders/{id}`; keep it, it is not shown again.
    pub token: String,
    /// How to pay now.
    pub payment: PaymentStart,
    #[serde(flatten)]
    pub order: OrderView,
}

/// What the traveller pays now, and how.
#[derive(Debug, Serialize, ToSchema)]
pub struct PaymentStart {
    /// `stripe` or `counter`.
    pub method: &'static str,
    /// Charged now, in whole won (0 when paying at the counter).
    pub amount_due_now_krw: i64,
    /// For Stripe's Payment Element in the widget; the card never reaches this server.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_secret: Option<String>,
}

/// An order's money record.
#[derive(Debug, Serialize, ToSchema)]
pub struct MoneyView {
    /// `stripe` or `counter`.
    pub method: &'static str,
    /// Settled charges and counter payments.
    pub paid_krw: i64,
    /// Settled refunds (card refunds take up to 15 days to reach a foreign card).
    pub refunded_krw: i64,
    /// Refunds asked for and not yet settled.
    pub refunds_pending_krw: i64,
    /// Still to pay: charged when the goods are ready, or at the counter.
    pub due_krw: i64,
}

/// An order as its traveller sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrderView {
    pub id: String,
    /// `placed`, `confirmed`, `in_production`, `ready`, `at_counter`, `picked_up`,
    /// `cancelled`, `declined`, `no_show` or `refunded`.
    pub status: &'static str,
    /// Show this at the counter, with your passport.
    pub pickup_code: String,
    pub total_krw: i64,
    pub deposit_krw: i64,
    pub itinerary: TripView,
    pub traveller: TravellerView,
    pub items: Vec<OrderItemView>,
    /// Every status change, oldest first.
    pub history: Vec<StatusChangeView>,
    /// Every change of the order and its tickets, oldest first.
    pub timeline: Vec<TimelineEntry>,
    /// Whether a workshop delay may make the order miss its pickup deadline.
    pub at_risk: bool,
    /// Paid, refunded and due.
    pub money: MoneyView,
    pub created_at: SeoulTime,
}

/// One change of the order or one of its tickets.
#[derive(Debug, Serialize, ToSchema)]
pub struct TimelineEntry {
    /// e.g. `order.placed`, `ticket.in_production`, `ticket.delayed`, `order.at_risk`.
    pub kind: String,
    /// The printed number of the ticket concerned, if any.
    pub ticket: Option<String>,
    pub note: String,
    pub at: SeoulTime,
}

/// The production ticket of an item.
#[derive(Debug, Serialize, ToSchema)]
pub struct ItemTicket {
    /// The printed ticket number.
    pub number: String,
    /// `queued`, `accepted`, `in_production`, `quality_check`, `ready`, `dispatched`,
    /// `received`, `declined` or `cancelled`.
    pub status: &'static str,
}

/// The trip of an order.
#[derive(Debug, Serialize, ToSchema)]
pub struct TripView {
    pub arrival: SeoulTime,
    pub departure: SeoulTime,
    pub counter_id: i64,
    pub pickup_deadline: SeoulTime,
}

/// The traveller of an order.
#[derive(Debug, Serialize, ToSchema)]
pub struct TravellerView {
    pub name: String,
    pub email: String,
    pub passport_last4: String,
    pub language: &'static str,
}

/// One line of an order.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrderItemView {
    pub line: u16,
    pub product_id: i64,
    pub workshop_id: i64,
    pub quantity: u16,
    pub options: BTreeMap<String, String>,
    pub unit_price_krw: i64,
    pub line_total_krw: i64,
    pub deposit_krw: i64,
    /// When it is ready at the counter.
    pub ready_by: SeoulTime,
    /// The workshop days reserved for it.
    pub production_days: Vec<ProductionDay>,
    /// Its production ticket, once the order is confirmed.
    pub ticket: Option<ItemTicket>,
    /// The fitting it is made to (`null` when it was ordered without one): the request as
    /// sent and the server's answer (size, confidence, areas, adjustments).
    pub fitting: Option<ItemFitting>,
}

/// Minutes reserved on one workshop day.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProductionDay {
    pub day: Date,
    pub minutes: u32,
}

/// One recorded status change.
#[derive(Debug, Serialize, ToSchema)]
pub struct StatusChangeView {
    pub from: Option<&'static str>,
    pub to: &'static str,
    pub actor: String,
    pub note: String,
    pub at: SeoulTime,
}

/// The traveller as the domain takes it; every refusal names its field.
pub(super) fn parse_traveller(request: &TravellerRequest) -> ApiResult<Traveller> {
    let at = |e| ApiError::from_domain(e, "/traveller");
    Ok(Traveller {
        name: TravellerName::parse(&request.name).map_err(at)?,
        email: EmailAddress::parse(&request.email).map_err(at)?,
        passport_last4: PassportLast4::parse(&request.passport_last4).map_err(at)?,
        language: request
            .language
            .parse()
            .map_err(|e| ApiError::from_domain(e, "/traveller/language"))?,
    })
}
