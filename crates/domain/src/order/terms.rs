//! The terms an order is placed on and how it stands once stored: the trip, the
//! traveller, each line's price and production plan, and the order's history.
//!
//! Storage writes a [`NewOrder`] and reads back an [`Order`]; neither carries a way to
//! set a status directly (a new order is always `placed`; later statuses come from
//! [`crate::order::OrderMove`]s).

use std::collections::{BTreeMap, BTreeSet};

use time::OffsetDateTime;

use crate::actor::Actor;
use crate::calendar::WorkMinutes;
use crate::catalogue::{ProductId, WorkshopId};
use crate::counter::CounterId;
use crate::money::Krw;
use crate::order::{OrderId, OrderStatus};
use crate::payment::PaymentMethod;
use crate::pickup_code::PickupCode;
use crate::schedule::{ProductionPlan, Slot};
use crate::traveller::Traveller;

/// The trip an order is planned for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trip {
    /// When the traveller lands.
    pub arrival: OffsetDateTime,
    /// When the traveller flies home.
    pub departure: OffsetDateTime,
    /// Where the goods are collected.
    pub counter_id: CounterId,
    /// The last moment the goods can be collected.
    pub pickup_deadline: OffsetDateTime,
}

/// What one line of an order is: kept as placed, whatever the catalogue does later.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineTerms {
    /// The product.
    pub product_id: ProductId,
    /// The workshop that makes it.
    pub workshop_id: WorkshopId,
    /// How many.
    pub quantity: u16,
    /// The chosen options, `{group: value}`.
    pub options: BTreeMap<String, String>,
    /// Price of one unit with its options.
    pub unit_price: Krw,
    /// `unit_price × quantity`.
    pub line_total: Krw,
    /// The deposit for this line.
    pub deposit: Krw,
    /// Production minutes of one unit.
    pub unit_minutes: WorkMinutes,
}

/// The fitting a line is made to: the traveller's request and the engine's answer, as
/// the document the server wrote (JSON). The rules never read it; workshops do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FittingRecord(pub String);

/// A line of a new order, planned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewLine {
    /// What it is.
    pub terms: LineTerms,
    /// When it is ready at the counter.
    pub ready_by: OffsetDateTime,
    /// The production days it reserves.
    pub plan: ProductionPlan,
    /// The fitting it is made to, if the traveller gave one.
    pub fitting: Option<FittingRecord>,
}

/// What an order is, apart from where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderTerms {
    /// The order's id.
    pub id: OrderId,
    /// SHA-256 of the order's token (the token itself is never stored).
    pub token_hash: String,
    /// What the traveller shows at the counter.
    pub pickup_code: PickupCode,
    /// The trip.
    pub trip: Trip,
    /// Who collects it.
    pub traveller: Traveller,
    /// The whole price.
    pub total: Krw,
    /// The part charged at order time (card orders).
    pub deposit: Krw,
    /// How it is paid.
    pub payment_method: PaymentMethod,
    /// When it was placed.
    pub created_at: OffsetDateTime,
}

/// An idempotency key with the fingerprint of the request that used it first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdempotencyRecord {
    /// The client's key.
    pub key: String,
    /// The fingerprint of the request body.
    pub request_hash: String,
}

/// An order to place: it is stored `placed`, with its reservations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOrder {
    /// What it is.
    pub terms: OrderTerms,
    /// Its lines, in order.
    pub lines: Vec<NewLine>,
    /// The request's idempotency key, stored with the order.
    pub idempotency: Option<IdempotencyRecord>,
}

/// An order as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Order {
    /// What it is.
    pub terms: OrderTerms,
    /// Where it stands.
    pub status: OrderStatus,
    /// Its items, by line number.
    pub items: Vec<OrderItem>,
    /// Every status change, oldest first.
    pub history: Vec<StatusChange>,
}

impl Order {
    /// The workshops its items are made at.
    pub fn workshops(&self) -> BTreeSet<WorkshopId> {
        self.items.iter().map(|i| i.terms.workshop_id).collect()
    }

    /// Whether an item is planned to be ready only after the pickup deadline (a closed
    /// day or a delay moved it): the order is at risk until that is resolved, whether or
    /// not it is confirmed yet.
    pub fn misses_deadline(&self) -> bool {
        self.status.holds_capacity()
            && self
                .items
                .iter()
                .any(|item| item.ready_by > self.terms.trip.pickup_deadline)
    }
}

/// One item of a stored order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderItem {
    /// The item's id.
    pub id: i32,
    /// Its line number, from 1.
    pub line_no: u16,
    /// What it is.
    pub terms: LineTerms,
    /// When it is ready at the counter.
    pub ready_by: OffsetDateTime,
    /// The production minutes it holds per day (empty once production is done).
    pub reserved: Vec<Slot>,
    /// The fitting it is made to.
    pub fitting: Option<FittingRecord>,
}

/// One recorded status change of an order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusChange {
    /// The status before (`None` when the order was placed).
    pub from: Option<OrderStatus>,
    /// The status after.
    pub to: OrderStatus,
    /// Who made it.
    pub actor: Actor,
    /// Why.
    pub note: String,
    /// When.
    pub at: OffsetDateTime,
}
