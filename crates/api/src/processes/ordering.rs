//! Ordering: placing an order idempotently (replaying a repeated key, choosing the
//! payment method, reserving atomically, confirming pay-at-counter orders at once,
//! starting the card payment), moving an order to a new trip, and cancelling it.
//!
//! Handlers check the traveller's token and parse the request; everything else is here.

use time::{Duration, OffsetDateTime};

use domain::actor::Actor;
use domain::order::{
    IdempotencyRecord, LineTerms, NewLine, NewOrder, Order, OrderId, OrderStatus, OrderTerms, Trip,
};
use domain::payment::PaymentMethod;
use domain::traveller::Traveller;

use crate::AppState;
use crate::error::{ApiError, ApiResult, Busy};
use crate::processes::planning::{Planned, plan};
use crate::processes::{billing, fulfilment, refunds, retry};
use crate::secrets::{new_pickup_code, token_hash};
use crate::wire::{ItemRequest, ItineraryRequest, infeasible};

/// How long idempotency keys are kept (at least 24 hours are promised).
const IDEMPOTENCY_RETENTION: Duration = Duration::hours(48);

/// What placing answers: the order as stored and the card payment to complete, if any.
pub struct Placed {
    /// The order.
    pub order: Order,
    /// The PaymentIntent's client secret for Stripe's Payment Element (card orders).
    pub client_secret: Option<String>,
    /// Whether this is the answer to an earlier request with the same key.
    pub replayed: bool,
}

/// An order request, parsed at the edge.
pub struct OrderRequest<'a> {
    /// The items, as the traveller wrote them.
    pub items: &'a [ItemRequest],
    /// The trip, as the traveller wrote it.
    pub itinerary: &'a ItineraryRequest,
    /// Who collects.
    pub traveller: Traveller,
    /// The payment method asked for, if any.
    pub payment: Option<PaymentMethod>,
    /// The client's idempotency key and the fingerprint of the request body.
    pub idempotency: IdempotencyRecord,
}

/// Places a pre-order: re-plans against current capacity, reserves it atomically and
/// answers the order. The same key with the same body answers the stored order again;
/// with another body, 422.
pub async fn place(state: &AppState, request: OrderRequest<'_>) -> ApiResult<Placed> {
    if let Some(replayed) = replay(state, &request.idempotency).await? {
        return Ok(replayed);
    }
    let now = state.clock.now();
    db::orders::purge_idempotency_keys(&state.db, now - IDEMPOTENCY_RETENTION).await?;
    for _ in retry::attempts() {
        let planned = plan(&state.db, request.items, request.itinerary, now, None).await?;
        if !planned.quote.feasible() {
            return Err(infeasible(&planned));
        }
        let method = payment_method(state, &planned, request.payment)?;
        let new = new_order(state, &planned, &request, method, now)?;
        match db::orders::place(&state.db, &new, &planned.workshops).await {
            Ok(()) => return placed(state, &new.terms.id).await,
            Err(db::Error::DuplicateIdempotencyKey) => {
                return replay(state, &request.idempotency)
                    .await?
                    .ok_or(ApiError::IdempotencyKeyReused);
            }
            Err(error) if error.is_transient() => continue,
            Err(error) => return Err(error.into()),
        }
    }
    Err(ApiError::Busy(Busy::Calendar))
}

/// The stored order for a repeated idempotency key, or a 422 if the body differs.
async fn replay(state: &AppState, key: &IdempotencyRecord) -> ApiResult<Option<Placed>> {
    let Some((stored, order_id)) = db::orders::find_idempotency_key(&state.db, &key.key).await?
    else {
        return Ok(None);
    };
    if stored.request_hash != key.request_hash {
        return Err(ApiError::IdempotencyKeyReused);
    }
    let order = stored_order(state, &order_id).await?;
    let client_secret = start_payment(state, &order).await?;
    Ok(Some(Placed {
        order,
        client_secret,
        replayed: true,
    }))
}

/// The method this order is paid with: the one asked for if it can pay for these
/// products, else the card when configured, else the counter when every product allows.
fn payment_method(
    state: &AppState,
    planned: &Planned,
    asked: Option<PaymentMethod>,
) -> ApiResult<PaymentMethod> {
    let at_counter = planned
        .lines
        .iter()
        .all(|(record, ..)| record.product.pay_at_counter);
    let available = billing::methods_for(state, at_counter);
    let unavailable = |detail: &str| ApiError::invalid("payment-unavailable", "/payment", detail);
    match asked {
        Some(method) if available.contains(&method) => Ok(method),
        Some(PaymentMethod::Counter) => Err(unavailable(
            "these products must be paid in advance by card; they cannot be paid at the counter",
        )),
        Some(PaymentMethod::Stripe) => Err(unavailable(
            "card payment is not configured on this server",
        )),
        None => available.first().copied().ok_or_else(|| {
            unavailable(
                "these products must be paid in advance by card, and card payment is not configured",
            )
        }),
    }
}

fn new_order(
    state: &AppState,
    planned: &Planned,
    request: &OrderRequest<'_>,
    payment_method: PaymentMethod,
    now: OffsetDateTime,
) -> ApiResult<NewOrder> {
    let id = OrderId::from_random(uuid::Uuid::new_v4().as_u128());
    let mut lines = Vec::with_capacity(planned.lines.len());
    let rows = planned.lines.iter().zip(&planned.quote.lines);
    for (((record, configuration, quantity), line), fitting) in rows.zip(&planned.fittings) {
        let (Some(ready_by), Some(plan)) = (line.ready_by, line.plan.clone()) else {
            continue;
        };
        lines.push(NewLine {
            terms: LineTerms {
                product_id: record.product.id,
                workshop_id: record.product.workshop_id,
                quantity: quantity.get(),
                options: configuration.as_map(),
                unit_price: configuration.unit_price,
                line_total: line.line_total,
                deposit: line.deposit,
                unit_minutes: configuration.unit_minutes,
            },
            ready_by,
            plan,
            fitting: fitting.as_ref().map(|f| f.record()).transpose()?,
        });
    }
    Ok(NewOrder {
        terms: OrderTerms {
            token_hash: token_hash(&state.token_key.order_token(&id)),
            id,
            pickup_code: new_pickup_code(),
            trip: trip_of(planned),
            traveller: request.traveller.clone(),
            total: planned.quote.total,
            deposit: planned.quote.deposit,
            payment_method,
            created_at: now,
        },
        lines,
        idempotency: Some(request.idempotency.clone()),
    })
}

/// The trip a feasible plan was made for.
fn trip_of(planned: &Planned) -> Trip {
    Trip {
        arrival: planned.itinerary.arrival(),
        departure: planned.itinerary.departure(),
        counter_id: planned.itinerary.counter_id(),
        // A feasible quote always has a deadline.
        pickup_deadline: planned
            .quote
            .pickup_deadline
            .unwrap_or(planned.itinerary.departure()),
    }
}

/// Confirms a pay-at-counter order at once, then starts the card payment of a card order.
async fn placed(state: &AppState, id: &OrderId) -> ApiResult<Placed> {
    let mut order = stored_order(state, id).await?;
    if order.terms.payment_method == PaymentMethod::Counter {
        let note = "paid at the counter on pickup";
        fulfilment::confirm_order(state, &order, &Actor::System, note).await?;
        order = stored_order(state, id).await?;
    }
    let client_secret = start_payment(state, &order).await?;
    Ok(Placed {
        order,
        client_secret,
        replayed: false,
    })
}

/// Starts (or finds) the card payment. A new card order whose payment could not even
/// start must not hold workshop hours: it is cancelled. (A replay of an order already
/// paying keeps it.)
async fn start_payment(state: &AppState, order: &Order) -> ApiResult<Option<String>> {
    match billing::start_card_payment(state, order).await {
        Ok(secret) => Ok(secret),
        Err(error) => {
            let started = !db::payments::for_order(&state.db, &order.terms.id)
                .await?
                .is_empty();
            if order.status == OrderStatus::Placed && !started {
                let cancel = OrderStatus::Placed
                    .transition(OrderStatus::Cancelled)
                    .map_err(|e| ApiError::Internal(e.into()))?;
                let note = "the card payment could not be started";
                let at = state.clock.now();
                let because = (&Actor::System, note, at);
                db::orders::transition(&state.db, &order.terms.id, cancel, because, &[]).await?;
            }
            Err(error)
        }
    }
}

/// Moves the order to a new trip (a flight moved): re-plans production and moves its
/// reservations, or refuses with the reasons and alternatives.
pub async fn change_itinerary(
    state: &AppState,
    id: &OrderId,
    itinerary: &ItineraryRequest,
) -> ApiResult<Order> {
    let now = state.clock.now();
    for _ in retry::attempts() {
        let order = stored_order(state, id).await?;
        if !order.status.itinerary_changeable() {
            return Err(unchangeable(state, &order).await?);
        }
        let items = stored_items(&order);
        let planned = plan(&state.db, &items, itinerary, now, Some(&order)).await?;
        if !planned.quote.feasible() {
            return Err(infeasible(&planned));
        }
        let replan = replan_of(&order, &planned, now)?;
        if retry::done(db::orders::replan(&state.db, &replan, &planned.workshops).await)? {
            return stored_order(state, id).await;
        }
    }
    Err(ApiError::Busy(Busy::Order))
}

/// Why an order's trip can no longer change: its goods are on their way to (or at) the
/// counter, or production has started.
async fn unchangeable(state: &AppState, order: &Order) -> ApiResult<ApiError> {
    let tickets = fulfilment::tickets_of(state, &order.terms.id).await?;
    let sent = tickets.iter().any(|t| {
        matches!(
            t.status,
            domain::ticket::TicketStatus::Dispatched | domain::ticket::TicketStatus::Received
        )
    });
    if !sent {
        return Ok(not_in_state(
            order.status,
            "production has started; the itinerary can no longer change",
        ));
    }
    let mut extensions = serde_json::Map::new();
    extensions.insert("current_status".into(), order.status.code().into());
    extensions.insert("counter_id".into(), order.terms.trip.counter_id.0.into());
    Ok(ApiError::Conflict {
        kind: "goods-dispatched",
        detail: format!(
            "the goods are on their way to counter {} (or already there); ask that counter \
             to hold them or to send them on",
            order.terms.trip.counter_id.0
        ),
        extensions,
    })
}

/// Cancels the order before production starts, gives its workshop time back and
/// refunds by policy.
pub async fn cancel(state: &AppState, id: &OrderId) -> ApiResult<Order> {
    let now = state.clock.now();
    loop {
        let order = stored_order(state, id).await?;
        if !order.status.cancellable_by_traveller() {
            return Err(not_in_state(
                order.status,
                "production has started; contact the workshop",
            ));
        }
        let cancel = order
            .status
            .transition(OrderStatus::Cancelled)
            .map_err(|e| ApiError::from_domain(e, ""))?;
        let note = "cancelled by the traveller";
        let money_back = refunds::decide(state, &order, order.status, false).await?;
        let because = (&Actor::Traveller, note, now);
        if db::orders::transition(&state.db, id, cancel, because, &money_back).await? {
            refunds::send_for_order(state, id).await;
            break;
        }
    }
    stored_order(state, id).await
}

/// The stored order; 404 when there is none.
pub async fn stored_order(state: &AppState, id: &OrderId) -> ApiResult<Order> {
    db::orders::find(&state.db, id)
        .await?
        .ok_or(ApiError::NotFound("order"))
}

fn stored_items(order: &Order) -> Vec<ItemRequest> {
    order
        .items
        .iter()
        .map(|item| ItemRequest {
            product_id: item.terms.product_id.0,
            quantity: item.terms.quantity.into(),
            options: item.terms.options.clone(),
            // The stored fitting stays with the line; re-planning does not re-fit.
            fitting: None,
        })
        .collect()
}

fn replan_of<'a>(
    order: &'a Order,
    planned: &Planned,
    now: OffsetDateTime,
) -> ApiResult<db::orders::Replan<'a>> {
    let lines = planned
        .quote
        .lines
        .iter()
        .zip(&order.items)
        .map(|(line, item)| {
            let plan = line.plan.clone()?;
            let workshop = planned.workshops.get(&item.terms.workshop_id)?;
            let due = domain::quote::leaves_workshop_by(workshop, &plan).ok()?;
            Some((line.ready_by?, plan, due))
        })
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("feasible quote without a plan")))?;
    Ok(db::orders::Replan {
        order_id: &order.terms.id,
        status: order.status,
        trip: trip_of(planned),
        lines,
        actor: &Actor::Traveller,
        at: now,
    })
}

/// 409 `order-state`: the order's status does not allow this.
pub fn not_in_state(status: OrderStatus, detail: &str) -> ApiError {
    let mut extensions = serde_json::Map::new();
    extensions.insert("current_status".into(), status.code().into());
    ApiError::Conflict {
        kind: "order-state",
        detail: format!("the order is {status}: {detail}"),
        extensions,
    }
}
