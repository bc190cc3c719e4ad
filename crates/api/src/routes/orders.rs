//! Orders: place (idempotently), read with the secret token, move to a new itinerary,
//! cancel.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use time::{Date, Duration, OffsetDateTime};
use utoipa::ToSchema;
use uuid::Uuid;

use db::events::Event;
use db::orders::{
    LineTerms, NewLine, NewOrder, OrderTerms, Replan, StoredOrder, Transition, Traveller, Trip,
};
use db::tickets::TicketRecord;
use domain::language::Language;
use domain::order::OrderStatus;
use domain::payment::PaymentMethod;
use domain::ticket::ticket_number;

use super::State;
use super::quotes::infeasible;
use crate::AppState;
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, BearerToken, IdempotencyKey};
use crate::planning::{Planned, plan};
use crate::secrets::{new_pickup_code, request_hash, token_hash, token_matches};
use crate::wire::{ItemRequest, ItineraryRequest, SeoulTime};

/// How often placing is retried when a planned day fills up concurrently.
const MAX_ATTEMPTS: usize = 12;
/// How long idempotency keys are kept (at least 24 hours are promised).
const IDEMPOTENCY_RETENTION: Duration = Duration::hours(48);

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

/// Places a pre-order: re-plans against current capacity, reserves it atomically and
/// returns the order with its secret token. Safe to retry with the same Idempotency-Key.
#[utoipa::path(post, path = "/api/v1/orders", tag = "orders", request_body = OrderRequest,
    params(("Idempotency-Key" = String, Header, description = "Unique per order attempt; retries reuse it")),
    responses((status = 201, body = OrderCreated, description = "Placed (or replayed: header Idempotent-Replayed)"),
              (status = 400, body = crate::error::Problem), (status = 409, description = "Cannot be made in time", body = crate::error::Problem),
              (status = 413, body = crate::error::Problem), (status = 422, body = crate::error::Problem)))]
pub(super) async fn create_order(
    state: State,
    IdempotencyKey(key): IdempotencyKey,
    ApiJson(request): ApiJson<OrderRequest>,
) -> ApiResult<Response> {
    let traveller = check_traveller(&request.traveller)?;
    let requested_method = request
        .payment
        .as_deref()
        .map(str::parse::<PaymentMethod>)
        .transpose()
        .map_err(|e| ApiError::from_domain(e, "/payment"))?;
    let fingerprint =
        request_hash(&serde_json::to_value(&request).map_err(|e| ApiError::Internal(e.into()))?);
    if let Some(replayed) = replay(&state, &key, &fingerprint).await? {
        return Ok(replayed);
    }
    let now = state.clock.now();
    forget_old_keys(&state, now).await?;
    for _ in 0..MAX_ATTEMPTS {
        let planned = plan(&state.db, &request.items, &request.itinerary, now, None).await?;
        if !planned.quote.feasible() {
            return Err(infeasible(&planned));
        }
        let method = payment_method(&state, &planned, requested_method)?;
        let new = new_order(
            &state,
            &planned,
            &traveller,
            method,
            (&key, &fingerprint),
            now,
        );
        match db::orders::place(&state.db, &new, &planned.workshops).await {
            Ok(()) => return created(&state, &new).await,
            Err(db::Error::DuplicateIdempotencyKey) => {
                return replay(&state, &key, &fingerprint)
                    .await?
                    .ok_or(ApiError::IdempotencyKeyReused);
            }
            Err(error) if error.is_transient() => continue,
            Err(error) => return Err(error.into()),
        }
    }
    Err(contention())
}

/// The order, its items, ready-by times and history. Needs the order's token.
#[utoipa::path(get, path = "/api/v1/orders/{id}", tag = "orders",
    params(("id" = String, Path)), security(("order_token" = [])),
    responses((status = 200, body = OrderView),
              (status = 404, description = "No such order, or wrong token", body = crate::error::Problem)))]
pub(super) async fn get_order(
    state: State,
    Path(id): Path<String>,
    BearerToken(token): BearerToken,
) -> ApiResult<Json<OrderView>> {
    let order = authorised(&state, &id, token.as_deref()).await?;
    Ok(Json(view(&state, &order).await?))
}

/// Moves the order to a new trip (a flight moved): re-plans production and moves its
/// reservations, or refuses with the reasons and alternatives.
#[utoipa::path(patch, path = "/api/v1/orders/{id}/itinerary", tag = "orders",
    params(("id" = String, Path)), security(("order_token" = [])), request_body = ItineraryRequest,
    responses((status = 200, body = OrderView), (status = 404, body = crate::error::Problem),
              (status = 409, description = "Cannot be made in time, or no longer changeable", body = crate::error::Problem),
              (status = 422, body = crate::error::Problem)))]
pub(super) async fn change_itinerary(
    state: State,
    Path(id): Path<String>,
    BearerToken(token): BearerToken,
    ApiJson(itinerary): ApiJson<ItineraryRequest>,
) -> ApiResult<Json<OrderView>> {
    let now = state.clock.now();
    for _ in 0..MAX_ATTEMPTS {
        let order = authorised(&state, &id, token.as_deref()).await?;
        if !order.terms.status.itinerary_changeable() {
            return Err(not_in_state(
                order.terms.status,
                "the itinerary can no longer change",
            ));
        }
        let items = stored_items(&order);
        let planned = plan(&state.db, &items, &itinerary, now, Some(&order)).await?;
        if !planned.quote.feasible() {
            return Err(infeasible(&planned));
        }
        let replan = replan_of(&order, &planned, now)?;
        match db::orders::replan(&state.db, &replan, &planned.workshops).await {
            Ok(true) => break,
            Ok(false) => continue,
            Err(error) if error.is_transient() => continue,
            Err(error) => return Err(error.into()),
        }
    }
    let order = authorised(&state, &id, token.as_deref()).await?;
    Ok(Json(view(&state, &order).await?))
}

/// Cancels the order before production starts and gives its workshop time back.
#[utoipa::path(post, path = "/api/v1/orders/{id}/cancel", tag = "orders",
    params(("id" = String, Path)), security(("order_token" = [])),
    responses((status = 200, body = OrderView), (status = 404, body = crate::error::Problem),
              (status = 409, description = "Production has started", body = crate::error::Problem)))]
pub(super) async fn cancel_order(
    state: State,
    Path(id): Path<String>,
    BearerToken(token): BearerToken,
) -> ApiResult<Json<OrderView>> {
    let now = state.clock.now();
    loop {
        let order = authorised(&state, &id, token.as_deref()).await?;
        if !order.terms.status.cancellable_by_traveller() {
            return Err(not_in_state(
                order.terms.status,
                "production has started; contact the workshop",
            ));
        }
        let to = order
            .terms
            .status
            .transition(OrderStatus::Cancelled)
            .map_err(|e| ApiError::from_domain(e, ""))?;
        let change = Transition {
            order_id: &order.terms.id,
            from: order.terms.status,
            to,
            actor: "traveller",
            note: "cancelled by the traveller",
            at: now,
        };
        if db::orders::transition(&state.db, &change).await? {
            crate::billing::refund_by_policy(&state, &order.terms.id, order.terms.status, false)
                .await?;
            break;
        }
    }
    let order = authorised(&state, &id, token.as_deref()).await?;
    Ok(Json(view(&state, &order).await?))
}

fn check_traveller(request: &TravellerRequest) -> ApiResult<Traveller> {
    let name = request.name.trim();
    if name.is_empty() || name.chars().count() > 100 || name.chars().any(char::is_control) {
        return Err(ApiError::invalid(
            "invalid-traveller",
            "/traveller/name",
            "give the name as on the passport, 1 to 100 characters",
        ));
    }
    let email = request.email.trim();
    let plausible = email.len() <= 254
        && !email.contains(char::is_whitespace)
        && email.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
        });
    if !plausible {
        return Err(ApiError::invalid(
            "invalid-traveller",
            "/traveller/email",
            format!("{email:?} is not an email address"),
        ));
    }
    let last4 = request.passport_last4.trim().to_ascii_uppercase();
    if last4.len() != 4 || !last4.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(ApiError::invalid(
            "invalid-traveller",
            "/traveller/passport_last4",
            "give the last four letters or digits of the passport number",
        ));
    }
    let language: Language = request
        .language
        .parse()
        .map_err(|e| ApiError::from_domain(e, "/traveller/language"))?;
    Ok(Traveller {
        name: name.to_owned(),
        email: email.to_owned(),
        passport_last4: last4,
        language,
    })
}

/// The stored order for a repeated idempotency key, or a 422 if the body differs.
async fn replay(state: &AppState, key: &str, fingerprint: &str) -> ApiResult<Option<Response>> {
    let Some((stored_hash, order_id)) = db::orders::find_idempotency_key(&state.db, key).await?
    else {
        return Ok(None);
    };
    if stored_hash != fingerprint {
        return Err(ApiError::IdempotencyKeyReused);
    }
    let order = db::orders::find(&state.db, &order_id)
        .await?
        .ok_or(ApiError::NotFound("order"))?;
    let mut response = created_response(state, &order).await?;
    response
        .headers_mut()
        .insert("idempotent-replayed", HeaderValue::from_static("true"));
    Ok(Some(response))
}

async fn forget_old_keys(state: &AppState, now: OffsetDateTime) -> ApiResult<()> {
    db::orders::purge_idempotency_keys(&state.db, now - IDEMPOTENCY_RETENTION).await?;
    Ok(())
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
    let available = crate::billing::methods_for(state, at_counter);
    match asked {
        Some(method) if available.contains(&method) => Ok(method),
        Some(PaymentMethod::Counter) => Err(ApiError::invalid(
            "payment-unavailable",
            "/payment",
            "these products must be paid in advance by card; they cannot be paid at the counter",
        )),
        Some(PaymentMethod::Stripe) => Err(ApiError::invalid(
            "payment-unavailable",
            "/payment",
            "card payment is not configured on this server",
        )),
        None => available.first().copied().ok_or_else(|| {
            ApiError::invalid(
                "payment-unavailable",
                "/payment",
                "these products must be paid in advance by card, and card payment is not configured",
            )
        }),
    }
}

fn new_order(
    state: &AppState,
    planned: &Planned,
    traveller: &Traveller,
    payment_method: PaymentMethod,
    (key, fingerprint): (&str, &str),
    now: OffsetDateTime,
) -> NewOrder {
    let id = Uuid::new_v4().to_string();
    let lines = planned
        .lines
        .iter()
        .zip(&planned.quote.lines)
        .filter_map(|((record, configuration, quantity), line)| {
            Some(NewLine {
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
                ready_by: line.ready_by?,
                plan: line.plan.clone()?,
            })
        })
        .collect();
    NewOrder {
        terms: OrderTerms {
            token_hash: token_hash(&state.token_key.order_token(&id)),
            id,
            status: OrderStatus::Placed,
            pickup_code: new_pickup_code().compact(),
            trip: trip_of(planned),
            traveller: traveller.clone(),
            total: planned.quote.total,
            deposit: planned.quote.deposit,
            payment_method,
            created_at: now,
        },
        lines,
        idempotency: Some((key.to_owned(), fingerprint.to_owned())),
    }
}

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

/// Confirms a pay-at-counter order at once, then answers 201 with the order and token.
async fn created(state: &AppState, new: &NewOrder) -> ApiResult<Response> {
    let find = || async {
        db::orders::find(&state.db, &new.terms.id)
            .await?
            .ok_or(ApiError::NotFound("order"))
    };
    let mut order = find().await?;
    if order.terms.payment_method == PaymentMethod::Counter {
        let note = "paid at the counter on pickup";
        crate::fulfilment::confirm_order(state, &order, "system", note).await?;
        order = find().await?;
    }
    created_response(state, &order).await
}

async fn created_response(state: &AppState, order: &StoredOrder) -> ApiResult<Response> {
    let client_secret = match crate::billing::start_card_payment(state, order).await {
        Ok(secret) => secret,
        Err(error) => {
            // A new card order whose payment could not even start must not hold workshop
            // hours: cancel it. (A replay of an order already paying keeps it.)
            let started = !db::payments::for_order(&state.db, &order.terms.id)
                .await?
                .is_empty();
            if order.terms.status == OrderStatus::Placed && !started {
                let change = Transition {
                    order_id: &order.terms.id,
                    from: OrderStatus::Placed,
                    to: OrderStatus::Cancelled,
                    actor: "system",
                    note: "the card payment could not be started",
                    at: state.clock.now(),
                };
                db::orders::transition(&state.db, &change).await?;
            }
            return Err(error);
        }
    };
    let method = order.terms.payment_method;
    let payment = PaymentStart {
        method: method.code(),
        amount_due_now_krw: domain::payment::due_at_order(
            method,
            order.terms.total,
            order.terms.deposit,
        )
        .won(),
        client_secret,
    };
    let body = OrderCreated {
        payment,
        token: state.token_key.order_token(&order.terms.id),
        order: view(state, order).await?,
    };
    let location = format!("/api/v1/orders/{}", order.terms.id);
    let mut response = (StatusCode::CREATED, Json(body)).into_response();
    if let Ok(value) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    Ok(response)
}

/// The traveller's view of an order, with its tickets and timeline.
async fn view(state: &AppState, order: &StoredOrder) -> ApiResult<OrderView> {
    let events = db::events::for_order(&state.db, &order.terms.id).await?;
    let tickets = db::tickets::for_order(&state.db, &order.terms.id).await?;
    let (record, _) = crate::billing::record_of(state, order).await?;
    let mut view = order_view(order, &events, &tickets);
    view.money = MoneyView {
        method: order.terms.payment_method.code(),
        paid_krw: record.paid.won(),
        refunded_krw: record.refunded.won(),
        refunds_pending_krw: record.refunds_pending.won(),
        due_krw: record.due.won(),
    };
    Ok(view)
}

/// The order if `token` is its token; 404 otherwise, whether or not it exists.
async fn authorised(state: &AppState, id: &str, token: Option<&str>) -> ApiResult<StoredOrder> {
    let not_found = ApiError::NotFound("order");
    let Some(token) = token else {
        return Err(not_found);
    };
    if Uuid::parse_str(id).is_err() {
        return Err(not_found);
    }
    let order = db::orders::find(&state.db, id)
        .await?
        .ok_or(ApiError::NotFound("order"))?;
    if token_matches(&order.terms.token_hash, token) {
        Ok(order)
    } else {
        Err(not_found)
    }
}

fn stored_items(order: &StoredOrder) -> Vec<ItemRequest> {
    order
        .items
        .iter()
        .map(|item| ItemRequest {
            product_id: item.terms.product_id.0,
            quantity: item.terms.quantity.into(),
            options: item.terms.options.clone(),
        })
        .collect()
}

fn replan_of<'a>(
    order: &'a StoredOrder,
    planned: &Planned,
    now: OffsetDateTime,
) -> ApiResult<Replan<'a>> {
    let lines = planned
        .quote
        .lines
        .iter()
        .map(|line| Some((line.ready_by?, line.plan.clone()?)))
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("feasible quote without a plan")))?;
    Ok(Replan {
        order_id: &order.terms.id,
        status: order.terms.status,
        trip: trip_of(planned),
        lines,
        actor: "traveller",
        at: now,
    })
}

fn not_in_state(status: OrderStatus, detail: &str) -> ApiError {
    let mut extensions = Map::new();
    extensions.insert("current_status".into(), Value::from(status.code()));
    ApiError::Conflict {
        kind: "order-state",
        detail: format!("the order is {status}: {detail}"),
        extensions,
    }
}

fn contention() -> ApiError {
    ApiError::Conflict {
        kind: "capacity-contention",
        detail: "the workshop's calendar is changing fast; please try again".into(),
        extensions: Map::new(),
    }
}

fn order_view(order: &StoredOrder, events: &[Event], tickets: &[TicketRecord]) -> OrderView {
    OrderView {
        id: order.terms.id.clone(),
        status: order.terms.status.code(),
        pickup_code: order
            .terms
            .pickup_code
            .parse::<domain::pickup_code::PickupCode>()
            .map_or_else(|_| order.terms.pickup_code.clone(), |code| code.to_string()),
        total_krw: order.terms.total.won(),
        deposit_krw: order.terms.deposit.won(),
        itinerary: TripView {
            arrival: order.terms.trip.arrival.into(),
            departure: order.terms.trip.departure.into(),
            counter_id: order.terms.trip.counter_id.0,
            pickup_deadline: order.terms.trip.pickup_deadline.into(),
        },
        traveller: TravellerView {
            name: order.terms.traveller.name.clone(),
            email: order.terms.traveller.email.clone(),
            passport_last4: order.terms.traveller.passport_last4.clone(),
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
                        number: ticket_number(t.id.into()),
                        status: t.status.code(),
                    }),
            })
            .collect(),
        history: order
            .history
            .iter()
            .map(|change| StatusChangeView {
                from: change.from.map(OrderStatus::code),
                to: change.to.code(),
                actor: change.actor.clone(),
                note: change.note.clone(),
                at: change.at.into(),
            })
            .collect(),
        timeline: events.iter().map(timeline_entry).collect(),
        at_risk: tickets.iter().any(|t| t.at_risk),
        money: MoneyView {
            method: order.terms.payment_method.code(),
            paid_krw: 0,
            refunded_krw: 0,
            refunds_pending_krw: 0,
            due_krw: order.terms.total.won(),
        },
        created_at: order.terms.created_at.into(),
    }
}

fn timeline_entry(event: &Event) -> TimelineEntry {
    let note = event
        .payload
        .get("note")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    TimelineEntry {
        kind: event.kind.clone(),
        ticket: event.ticket_id.map(|id| ticket_number(id.into())),
        note,
        at: event.at.into(),
    }
}
