//! The counter's side: receiving goods from the workshops, looking an order up by its
//! pickup code, handing goods over (identity check, immediate tax refund, balance),
//! recording no-shows, and the lists of the day.
//!
//! Every handler checks that the caller is staff of a counter and only ever touches that
//! counter's tickets and orders: another counter's ticket or order answers exactly like
//! an unknown one. Every use of a pickup code is recorded in `pickup_lookups`; a staff
//! member with more than ten failed look-ups (unknown codes, or a name and passport
//! digits that do not match) within ten minutes gets 429 with `Retry-After`.

use std::collections::{BTreeMap, BTreeSet};

use axum::Json;
use axum::extract::{Path, Query};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use time::{Duration, Time};
use utoipa::{IntoParams, ToSchema};

use db::handovers::{HandoverRecord, NewHandover};
use db::orders::{StoredItem, StoredOrder, Transition};
use db::tickets::TicketRecord;
use domain::catalogue::ProductId;
use domain::counter::CounterId;
use domain::language::Language;
use domain::money::Krw;
use domain::order::OrderStatus;
use domain::pickup::{RefundTable, identity_matches, immediate_refund};
use domain::pickup_code::PickupCode;
use domain::ticket::{TicketStatus, parse_ticket_number, ticket_number};

use super::State;
use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiError, Problem};
use crate::extract::{ApiJson, Negotiated};
use crate::fulfilment::receive_ticket;
use crate::wire::SeoulTime;

/// Failed pickup look-ups a staff member may make within [`LOOKUP_WINDOW`].
pub const MAX_FAILED_LOOKUPS: usize = 10;
/// The window failed look-ups are counted in.
pub const LOOKUP_WINDOW: Duration = Duration::minutes(10);
/// How long goods of a no-show are held at the counter (domain rules: default 30 days).
pub const NO_SHOW_HOLD: Duration = Duration::days(30);
/// The most tickets one receipt may name.
const MAX_RECEIPT_TICKETS: usize = 200;
/// How often a write is retried when the order changed underneath it.
const MAX_ATTEMPTS: usize = 8;
/// What a refused identity check says: never which of the two did not match.
const IDENTITY_MISMATCH: &str = "name and passport digits do not match the order";

// ---------------------------------------------------------------------------------------
// Wire types
// ---------------------------------------------------------------------------------------

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
    fn id(&self) -> Option<i32> {
        match self {
            TicketRef::Id(id) => Some(*id).filter(|id| *id > 0),
            TicketRef::Number(text) => parse_ticket_number(text),
        }
        .and_then(|id| i32::try_from(id).ok())
    }

    fn given(&self) -> String {
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
    /// record (0 below ₩15,000 or above ₩1,000,000).
    pub tax_refund_krw: i64,
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
    /// The immediate tax refund recorded with this handover.
    pub tax_refund_krw: i64,
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

// ---------------------------------------------------------------------------------------
// Errors: an ApiError, or 429 with Retry-After
// ---------------------------------------------------------------------------------------

/// Why a counter request was refused.
#[derive(Debug)]
pub(crate) enum Refusal {
    /// Any problem the API knows.
    Api(ApiError),
    /// Too many failed look-ups; allowed again after this wait.
    TooManyLookups(Duration),
}

type CounterResult<T> = Result<T, Refusal>;

impl From<ApiError> for Refusal {
    fn from(error: ApiError) -> Self {
        Refusal::Api(error)
    }
}

impl From<db::Error> for Refusal {
    fn from(error: db::Error) -> Self {
        Refusal::Api(error.into())
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        match self {
            Refusal::Api(error) => error.into_response(),
            Refusal::TooManyLookups(wait) => {
                let seconds = wait_seconds(wait);
                let detail =
                    format!("too many failed pickup look-ups; try again in {seconds} seconds");
                let mut response = ApiError::TooManyAttempts { detail }.into_response();
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
                response
            }
        }
    }
}

fn wait_seconds(wait: Duration) -> u64 {
    let whole = wait.whole_seconds() + i64::from(wait.subsec_nanoseconds() > 0);
    u64::try_from(whole.max(1)).unwrap_or(1)
}

fn not_found() -> Refusal {
    Refusal::Api(ApiError::NotFound("order"))
}

fn order_state(status: OrderStatus, detail: String) -> Refusal {
    let mut extensions = Map::new();
    extensions.insert("current_status".into(), Value::from(status.code()));
    Refusal::Api(ApiError::Conflict {
        kind: "order-state",
        detail,
        extensions,
    })
}

fn busy() -> Refusal {
    Refusal::Api(ApiError::Conflict {
        kind: "busy",
        detail: "the order kept changing while we tried; please look again".into(),
        extensions: Map::new(),
    })
}

// ---------------------------------------------------------------------------------------
// Handlers
// ---------------------------------------------------------------------------------------

/// Receives goods from the workshops: each ticket must be dispatched and bound for this
/// counter. Answers per ticket; a ticket of another counter is refused exactly like an
/// unknown one. The order moves to `at_counter` when all its items are here.
#[utoipa::path(post, path = "/api/v1/counter/receipts", tag = "counter", security(("staff_session" = [])),
    request_body = ReceiptRequest,
    responses((status = 200, body = ReceiptResponse), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 422, body = Problem)))]
pub(crate) async fn receive(
    state: State,
    staff: Staff,
    ApiJson(request): ApiJson<ReceiptRequest>,
) -> CounterResult<Json<ReceiptResponse>> {
    let counter = staff.counter()?;
    if request.ticket_ids.is_empty() || request.ticket_ids.len() > MAX_RECEIPT_TICKETS {
        let detail = format!("name 1 to {MAX_RECEIPT_TICKETS} tickets");
        return Err(ApiError::invalid("invalid-field", "/ticket_ids", detail).into());
    }
    let actor = staff.actor();
    let mut results = Vec::with_capacity(request.ticket_ids.len());
    for given in &request.ticket_ids {
        results.push(receive_one(&state, counter, given, &actor).await?);
    }
    let received = results.iter().filter(|r| r.outcome == "received").count();
    let refused = results.len() - received;
    Ok(Json(ReceiptResponse {
        results,
        received,
        refused,
    }))
}

async fn receive_one(
    state: &AppState,
    counter: CounterId,
    given: &TicketRef,
    actor: &str,
) -> CounterResult<ReceiptResult> {
    let number = given.id().map(|id| ticket_number(id.into()));
    let refused =
        |reason, detail: String, ticket: Option<&TicketRecord>, order: Option<OrderStatus>| {
            ReceiptResult {
                given: given.given(),
                ticket: number.clone(),
                outcome: "refused",
                reason: Some(reason),
                ticket_status: ticket.map(|t| t.status.code()),
                order_status: order.map(OrderStatus::code),
                detail,
            }
        };
    let unknown = || {
        let detail = format!("no ticket {} is bound for this counter", given.given());
        refused("unknown", detail, None, None)
    };
    let Some(id) = given.id() else {
        return Ok(unknown());
    };
    for _ in 0..MAX_ATTEMPTS {
        let Some(ticket) = counter_ticket(state, id, counter).await? else {
            return Ok(unknown());
        };
        let number = ticket_number(id.into());
        match ticket.status {
            TicketStatus::Dispatched => {}
            TicketStatus::Received => {
                let order = order_status(state, &ticket.order_id).await?;
                let detail = format!("{number} was already received");
                return Ok(refused(
                    "already-received",
                    detail,
                    Some(&ticket),
                    Some(order),
                ));
            }
            other => {
                let order = order_status(state, &ticket.order_id).await?;
                let detail = format!("{number} has not been dispatched yet (it is {other})");
                return Ok(refused(
                    "not-dispatched",
                    detail,
                    Some(&ticket),
                    Some(order),
                ));
            }
        }
        match receive_ticket(state, &ticket, actor).await {
            Ok(true) => {
                let order = order_status(state, &ticket.order_id).await?;
                return Ok(ReceiptResult {
                    given: given.given(),
                    ticket: Some(number.clone()),
                    outcome: "received",
                    reason: None,
                    ticket_status: Some(TicketStatus::Received.code()),
                    order_status: Some(order.code()),
                    detail: format!("{number} received"),
                });
            }
            // It moved meanwhile: look again.
            Ok(false) | Err(ApiError::Conflict { .. }) => {}
            Err(error) => return Err(error.into()),
        }
    }
    let detail = format!("{} kept changing while we tried; try again", given.given());
    Ok(refused("changed", detail, None, None))
}

/// Looks an order up by its pickup code (any case, dashes optional) for this counter:
/// the traveller's name, the items with their tickets and whether each is at the
/// counter, the balance due and the tax refund a handover would record. An unknown code
/// and another counter's order answer the same 404.
#[utoipa::path(get, path = "/api/v1/counter/pickups/{code}", tag = "counter", security(("staff_session" = [])),
    params(("code" = String, Path, description = "The pickup code, e.g. 7KQ2-M9XA-4"),
           ("Accept-Language" = Option<String>, Header, description = "en, ko, ja or zh")),
    responses((status = 200, body = PickupView), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 404, body = Problem),
              (status = 429, description = "Too many failed look-ups; see Retry-After", body = Problem,
               headers(("Retry-After" = u64, description = "Seconds until look-ups are allowed again")))))]
pub(crate) async fn lookup(
    state: State,
    staff: Staff,
    Negotiated(language): Negotiated,
    Path(code): Path<String>,
) -> CounterResult<Json<PickupView>> {
    let counter = staff.counter()?;
    let (order, lookup) = order_for_code(&state, &staff, counter, &code).await?;
    db::handovers::lookup_succeeded(&state.db, lookup).await?;
    let facts = OrderFacts::load(&state, order).await?;
    Ok(Json(facts.view(&state, language).await?))
}

/// Hands goods over: every item at the counter, or the tickets named. The traveller's
/// name and passport digits must both match the order (422 `identity-mismatch`, which
/// never says which did not). Records the goods value, the immediate tax refund and, at
/// the first handover, the balance due (`balance_method` required then); the order is
/// `picked_up` once every item is collected, also after a no-show (late pickup).
#[utoipa::path(post, path = "/api/v1/counter/pickups/{code}/handover", tag = "counter", security(("staff_session" = [])),
    params(("code" = String, Path), ("Accept-Language" = Option<String>, Header, description = "en, ko, ja or zh")),
    request_body = HandoverRequest,
    responses((status = 201, body = HandoverView), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 404, body = Problem),
              (status = 409, description = "An item is not at the counter, or the order cannot be handed over", body = Problem),
              (status = 422, description = "identity-mismatch, or a missing balance_method", body = Problem),
              (status = 429, description = "Too many failed look-ups; see Retry-After", body = Problem,
               headers(("Retry-After" = u64, description = "Seconds until look-ups are allowed again")))))]
pub(crate) async fn handover(
    state: State,
    staff: Staff,
    Negotiated(language): Negotiated,
    Path(code): Path<String>,
    ApiJson(request): ApiJson<HandoverRequest>,
) -> CounterResult<(StatusCode, Json<HandoverView>)> {
    let counter = staff.counter()?;
    let method = match request.balance_method.as_deref().map(str::trim) {
        None => None,
        Some(method @ ("card" | "cash")) => Some(method.to_owned()),
        Some(other) => {
            let detail = format!("balance_method {other:?} is not card or cash");
            return Err(ApiError::invalid("invalid-field", "/balance_method", detail).into());
        }
    };
    let wanted = match &request.ticket_ids {
        None => None,
        Some(refs) if refs.is_empty() || refs.len() > MAX_RECEIPT_TICKETS => {
            let detail =
                format!("name 1 to {MAX_RECEIPT_TICKETS} tickets, or leave ticket_ids out");
            return Err(ApiError::invalid("invalid-field", "/ticket_ids", detail).into());
        }
        Some(refs) => {
            let mut ids = Vec::with_capacity(refs.len());
            for (index, given) in refs.iter().enumerate() {
                let id = given.id().ok_or_else(|| {
                    let detail = format!("{:?} is not a ticket number", given.given());
                    ApiError::invalid("invalid-field", format!("/ticket_ids/{index}"), detail)
                })?;
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            Some(ids)
        }
    };
    let (order, lookup) = order_for_code(&state, &staff, counter, &code).await?;
    let traveller = &order.terms.traveller;
    if !identity_matches(
        &traveller.name,
        &traveller.passport_last4,
        &request.name,
        &request.passport_last4,
    ) {
        // The look-up stays counted as failed: guessing passport digits is limited too.
        return Err(ApiError::invalid("identity-mismatch", "", IDENTITY_MISMATCH).into());
    }
    db::handovers::lookup_succeeded(&state.db, lookup).await?;
    let order_id = order.terms.id.clone();
    let mut order = Some(order);
    for _ in 0..MAX_ATTEMPTS {
        let current = match order.take() {
            Some(order) => order,
            None => db::orders::find(&state.db, &order_id)
                .await?
                .ok_or_else(not_found)?,
        };
        let facts = OrderFacts::load(&state, current).await?;
        let plan = facts.plan_handover(wanted.as_deref(), method.as_deref())?;
        let new = NewHandover {
            order_id: &order_id,
            order_from: facts.order.terms.status,
            order_to: plan.order_to,
            earlier_handovers: facts.handovers.len(),
            counter_id: counter,
            staff_id: staff.0.id,
            ticket_ids: &plan.ticket_ids,
            goods_value: plan.goods_value,
            tax_refund: plan.tax_refund,
            balance_collected: plan.balance_collected,
            balance_method: plan.balance_method,
            actor: &staff.actor(),
            at: state.clock.now(),
        };
        let recorded = match db::handovers::record(&state.db, &new).await {
            Ok(recorded) => recorded,
            Err(error) if error.is_transient() => None,
            Err(error) => return Err(error.into()),
        };
        let Some(id) = recorded else { continue };
        let status = plan.order_to.unwrap_or(facts.order.terms.status);
        let remaining = facts
            .live_tickets()
            .filter(|t| !facts.handed_over.contains(&t.id) && !plan.ticket_ids.contains(&t.id));
        let view = HandoverView {
            id,
            order_id: order_id.clone(),
            items: facts
                .handed_over_items(&state, language, &plan.ticket_ids)
                .await?,
            goods_value_krw: plan.goods_value.won(),
            tax_refund_krw: plan.tax_refund.won(),
            balance_collected_krw: plan.balance_collected.won(),
            balance_method: plan.balance_method.map(str::to_owned),
            order_status: status.code(),
            items_remaining: remaining.count(),
            at: new.at.into(),
        };
        return Ok((StatusCode::CREATED, Json(view)));
    }
    Err(busy())
}

/// Records that the traveller did not come: allowed once the pickup deadline has passed
/// and the order is at the counter. The goods are held at the counter (30 days by
/// default); a late pickup is still a handover.
#[utoipa::path(post, path = "/api/v1/counter/pickups/{code}/no-show", tag = "counter", security(("staff_session" = [])),
    params(("code" = String, Path), ("Accept-Language" = Option<String>, Header, description = "en, ko, ja or zh")),
    responses((status = 200, body = PickupView), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 404, body = Problem),
              (status = 409, description = "Before the pickup deadline, or the order is not at the counter", body = Problem),
              (status = 429, description = "Too many failed look-ups; see Retry-After", body = Problem,
               headers(("Retry-After" = u64, description = "Seconds until look-ups are allowed again")))))]
pub(crate) async fn no_show(
    state: State,
    staff: Staff,
    Negotiated(language): Negotiated,
    Path(code): Path<String>,
) -> CounterResult<Json<PickupView>> {
    let counter = staff.counter()?;
    let (order, lookup) = order_for_code(&state, &staff, counter, &code).await?;
    db::handovers::lookup_succeeded(&state.db, lookup).await?;
    let now = state.clock.now();
    let status = order.terms.status;
    if status != OrderStatus::AtCounter {
        let detail = format!("only an order at the counter can be a no-show; this one is {status}");
        return Err(order_state(status, detail));
    }
    let deadline = order.terms.trip.pickup_deadline;
    if now <= deadline {
        let mut extensions = Map::new();
        extensions.insert(
            "pickup_deadline".into(),
            Value::from(SeoulTime::from(deadline).to_string()),
        );
        let detail = format!(
            "the pickup deadline {} has not passed yet",
            SeoulTime::from(deadline)
        );
        return Err(ApiError::Conflict {
            kind: "deadline-not-passed",
            detail,
            extensions,
        }
        .into());
    }
    let note = format!(
        "not collected by the pickup deadline; goods held at the counter until {}",
        SeoulTime::from(now + NO_SHOW_HOLD)
    );
    let actor = staff.actor();
    let change = Transition {
        order_id: &order.terms.id,
        from: OrderStatus::AtCounter,
        to: OrderStatus::NoShow,
        actor: &actor,
        note: &note,
        at: now,
    };
    if !db::orders::transition(&state.db, &change).await? {
        return Err(busy());
    }
    let order = db::orders::find(&state.db, &order.terms.id)
        .await?
        .ok_or_else(not_found)?;
    let facts = OrderFacts::load(&state, order).await?;
    Ok(Json(facts.view(&state, language).await?))
}

/// This counter's orders due for pickup today or tomorrow (Seoul time) with items at the
/// counter or on their way, by pickup deadline.
#[utoipa::path(get, path = "/api/v1/counter/pickups", tag = "counter", security(("staff_session" = [])),
    params(DueQuery, ("Accept-Language" = Option<String>, Header, description = "en, ko, ja or zh")),
    responses((status = 200, body = [DueOrder]), (status = 401, body = Problem),
              (status = 403, body = Problem), (status = 422, body = Problem)))]
pub(crate) async fn list_due(
    state: State,
    staff: Staff,
    Negotiated(language): Negotiated,
    query: Result<Query<DueQuery>, axum::extract::rejection::QueryRejection>,
) -> CounterResult<Json<Vec<DueOrder>>> {
    let counter = staff.counter()?;
    let Query(query) = query.map_err(|e| ApiError::invalid("invalid-field", "", e.body_text()))?;
    let offset = match query.due.as_deref().unwrap_or("today") {
        "today" => 0,
        "tomorrow" => 1,
        other => {
            let detail = format!("due {other:?} is not today or tomorrow");
            return Err(ApiError::invalid("invalid-field", "/due", detail).into());
        }
    };
    let today = state.clock.now().to_offset(domain::SEOUL).date();
    let day = today + Duration::days(offset);
    let from = day.with_time(Time::MIDNIGHT).assume_offset(domain::SEOUL);
    let until = from + Duration::days(1);
    let statuses = [
        OrderStatus::InProduction,
        OrderStatus::Ready,
        OrderStatus::AtCounter,
    ];
    let ids = db::handovers::orders_due(&state.db, counter, &statuses, from, until).await?;
    let mut due = Vec::new();
    for id in ids {
        let Some(order) = db::orders::find(&state.db, &id).await? else {
            continue;
        };
        let facts = OrderFacts::load(&state, order).await?;
        let live: Vec<&TicketRecord> = facts.live_tickets().collect();
        let at_counter = live.iter().filter(|t| facts.at_counter(t)).count();
        let on_the_way = live
            .iter()
            .filter(|t| t.status == TicketStatus::Dispatched)
            .count();
        if at_counter + on_the_way == 0 {
            continue;
        }
        let remaining = live
            .iter()
            .filter(|t| !facts.handed_over.contains(&t.id))
            .count();
        due.push(DueOrder {
            order_id: facts.order.terms.id.clone(),
            traveller_name: facts.order.terms.traveller.name.clone(),
            status: facts.order.terms.status.code(),
            pickup_deadline: facts.order.terms.trip.pickup_deadline.into(),
            items_at_counter: at_counter,
            items_on_the_way: on_the_way,
            items_elsewhere: remaining - at_counter - on_the_way,
            items: facts.items(&state, language).await?,
        });
    }
    Ok(Json(due))
}

/// Tickets dispatched to this counter and not yet received, by the time they were due to
/// leave their workshop.
#[utoipa::path(get, path = "/api/v1/counter/incoming", tag = "counter", security(("staff_session" = [])),
    params(("Accept-Language" = Option<String>, Header, description = "en, ko, ja or zh")),
    responses((status = 200, body = [IncomingTicket]), (status = 401, body = Problem),
              (status = 403, body = Problem)))]
pub(crate) async fn list_incoming(
    state: State,
    staff: Staff,
    Negotiated(language): Negotiated,
) -> CounterResult<Json<Vec<IncomingTicket>>> {
    let counter = staff.counter()?;
    let tickets =
        db::tickets::for_counter(&state.db, counter.0, &[TicketStatus::Dispatched]).await?;
    let mut orders: BTreeMap<String, StoredOrder> = BTreeMap::new();
    for ticket in &tickets {
        if !orders.contains_key(&ticket.order_id) {
            let order = db::orders::find(&state.db, &ticket.order_id)
                .await?
                .ok_or_else(|| {
                    ApiError::Internal(anyhow::anyhow!("ticket {} has no order", ticket.id))
                })?;
            orders.insert(ticket.order_id.clone(), order);
        }
    }
    let products: BTreeSet<ProductId> = orders
        .values()
        .flat_map(|o| o.items.iter().map(|i| i.terms.product_id))
        .collect();
    let names = product_names(&state, &products, language).await?;
    let mut incoming = Vec::with_capacity(tickets.len());
    for ticket in &tickets {
        let order = &orders[&ticket.order_id];
        let item = item_of(order, ticket)?;
        incoming.push(IncomingTicket {
            ticket_id: ticket.id,
            ticket: ticket_number(ticket.id.into()),
            order_id: ticket.order_id.clone(),
            traveller_name: order.terms.traveller.name.clone(),
            pickup_deadline: order.terms.trip.pickup_deadline.into(),
            workshop_id: ticket.workshop_id,
            product_id: item.terms.product_id.0,
            product_name: name_of(&names, item.terms.product_id),
            quantity: item.terms.quantity,
            due_at: ticket.due_at.into(),
        });
    }
    Ok(Json(incoming))
}

// ---------------------------------------------------------------------------------------
// Pickup codes and their rate limit
// ---------------------------------------------------------------------------------------

/// The order with this pickup code at `counter`, after counting the look-up: 429 when
/// the staff member failed too often lately, 404 (the look-up stays counted as failed)
/// for a malformed or unknown code and for another counter's order. Returns the
/// look-up's id, to be marked succeeded by the caller.
async fn order_for_code(
    state: &AppState,
    staff: &Staff,
    counter: CounterId,
    code: &str,
) -> CounterResult<(StoredOrder, i32)> {
    let now = state.clock.now();
    let staff_id = staff.0.id;
    // Counted as failed before anything is looked up, so that concurrent guesses (also
    // through other server processes) all count.
    let lookup = db::handovers::begin_lookup(&state.db, staff_id, now).await?;
    let failures =
        db::handovers::failed_lookups_since(&state.db, staff_id, now - LOOKUP_WINDOW, lookup)
            .await?;
    if let Some(tenth_newest) = failures.get(MAX_FAILED_LOOKUPS - 1) {
        // A refused attempt looked nothing up: it does not extend the wait.
        db::handovers::withdraw_lookup(&state.db, lookup).await?;
        return Err(Refusal::TooManyLookups(*tenth_newest + LOOKUP_WINDOW - now));
    }
    let Ok(code) = code.parse::<PickupCode>() else {
        return Err(not_found());
    };
    let Some(id) = db::handovers::order_by_pickup_code(&state.db, &code.compact()).await? else {
        return Err(not_found());
    };
    let order = db::orders::find(&state.db, &id)
        .await?
        .ok_or_else(not_found)?;
    if order.terms.trip.counter_id != counter {
        return Err(not_found());
    }
    Ok((order, lookup))
}

// ---------------------------------------------------------------------------------------
// What the counter knows about one order
// ---------------------------------------------------------------------------------------

/// An order with its tickets and handovers.
struct OrderFacts {
    order: StoredOrder,
    tickets: Vec<TicketRecord>,
    handovers: Vec<HandoverRecord>,
    handed_over: BTreeSet<i32>,
    /// What is still to pay, from the money record (card charges, earlier counter payments).
    due: Krw,
}

/// A handover decided with the domain rules, to be recorded.
struct HandoverPlan<'a> {
    ticket_ids: Vec<i32>,
    goods_value: Krw,
    tax_refund: Krw,
    balance_collected: Krw,
    balance_method: Option<&'a str>,
    order_to: Option<OrderStatus>,
}

impl OrderFacts {
    async fn load(state: &AppState, order: StoredOrder) -> CounterResult<Self> {
        let tickets = db::tickets::for_order(&state.db, &order.terms.id).await?;
        let handovers = db::handovers::for_order(&state.db, &order.terms.id).await?;
        let handed_over = handovers
            .iter()
            .flat_map(|h| h.ticket_ids.iter().copied())
            .collect();
        let payments = db::payments::for_order(&state.db, &order.terms.id).await?;
        let entries: Vec<_> = payments.iter().map(|p| p.entry).collect();
        let due = domain::payment::money_record(order.terms.total, &entries).due;
        Ok(OrderFacts {
            order,
            tickets,
            handovers,
            handed_over,
            due,
        })
    }

    /// Tickets that still count: not cancelled or declined.
    fn live_tickets(&self) -> impl Iterator<Item = &TicketRecord> {
        self.tickets
            .iter()
            .filter(|t| !matches!(t.status, TicketStatus::Cancelled | TicketStatus::Declined))
    }

    /// Received and not handed over yet.
    fn at_counter(&self, ticket: &TicketRecord) -> bool {
        ticket.status == TicketStatus::Received && !self.handed_over.contains(&ticket.id)
    }

    fn refunded(&self) -> Krw {
        Krw::new(self.handovers.iter().map(|h| h.tax_refund.won()).sum())
    }

    /// The balance still to collect: the money record's due amount (the total less card
    /// charges and earlier counter payments).
    fn balance_due(&self) -> Krw {
        self.due
    }

    fn line_total(&self, ticket: &TicketRecord) -> Krw {
        self.order
            .items
            .iter()
            .find(|i| i.id == ticket.order_item_id)
            .map_or(Krw::ZERO, |i| i.terms.line_total)
    }

    fn goods_value<'a>(&self, tickets: impl Iterator<Item = &'a TicketRecord>) -> Krw {
        Krw::new(tickets.map(|t| self.line_total(t).won()).sum())
    }

    /// Decides a handover of `wanted` (every item at the counter when `None`).
    fn plan_handover<'m>(
        &self,
        wanted: Option<&[i32]>,
        method: Option<&'m str>,
    ) -> CounterResult<HandoverPlan<'m>> {
        let status = self.order.terms.status;
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
        let chosen: Vec<&TicketRecord> = match wanted {
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
                    let number = ticket_number((*id).into());
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
                )
                .into());
            };
            Some(method)
        } else {
            None
        };
        let goods_value = self.goods_value(chosen.iter().copied());
        let tax_refund = immediate_refund(&RefundTable::standard(), goods_value, self.refunded());
        let ticket_ids: Vec<i32> = chosen.iter().map(|t| t.id).collect();
        let everything = self
            .live_tickets()
            .all(|t| self.handed_over.contains(&t.id) || ticket_ids.contains(&t.id));
        let order_to = everything
            .then(|| status.transition(OrderStatus::PickedUp).ok())
            .flatten();
        Ok(HandoverPlan {
            ticket_ids,
            goods_value,
            tax_refund,
            balance_collected,
            balance_method,
            order_to,
        })
    }

    async fn view(&self, state: &AppState, language: Language) -> CounterResult<PickupView> {
        let terms = &self.order.terms;
        let here = self.goods_value(self.live_tickets().filter(|t| self.at_counter(t)));
        let code = terms
            .pickup_code
            .parse::<PickupCode>()
            .map_or_else(|_| terms.pickup_code.clone(), |c| c.to_string());
        Ok(PickupView {
            order_id: terms.id.clone(),
            pickup_code: code,
            traveller_name: terms.traveller.name.clone(),
            status: terms.status.code(),
            pickup_deadline: terms.trip.pickup_deadline.into(),
            deadline_passed: state.clock.now() > terms.trip.pickup_deadline,
            items: self.items(state, language).await?,
            total_krw: terms.total.won(),
            deposit_krw: terms.deposit.won(),
            balance_due_krw: self.balance_due().won(),
            goods_at_counter_krw: here.won(),
            tax_refund_krw: immediate_refund(&RefundTable::standard(), here, self.refunded()).won(),
            handovers: self
                .handovers
                .iter()
                .map(|h| HandoverSummary {
                    id: h.id,
                    tickets: h
                        .ticket_ids
                        .iter()
                        .map(|id| ticket_number((*id).into()))
                        .collect(),
                    goods_value_krw: h.goods_value.won(),
                    tax_refund_krw: h.tax_refund.won(),
                    balance_collected_krw: h.balance_collected.won(),
                    at: h.at.into(),
                })
                .collect(),
        })
    }

    async fn items(&self, state: &AppState, language: Language) -> CounterResult<Vec<PickupItem>> {
        let products = self
            .order
            .items
            .iter()
            .map(|i| i.terms.product_id)
            .collect();
        let names = product_names(state, &products, language).await?;
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
                    ticket_id: ticket.map(|t| t.id),
                    ticket: ticket.map(|t| ticket_number(t.id.into())),
                    ticket_status: ticket.map(|t| t.status.code()),
                    at_counter: ticket.is_some_and(|t| self.at_counter(t)),
                    handed_over: ticket.is_some_and(|t| self.handed_over.contains(&t.id)),
                }
            })
            .collect())
    }

    async fn handed_over_items(
        &self,
        state: &AppState,
        language: Language,
        ids: &[i32],
    ) -> CounterResult<Vec<HandedOverItem>> {
        let products = self
            .order
            .items
            .iter()
            .map(|i| i.terms.product_id)
            .collect();
        let names = product_names(state, &products, language).await?;
        let mut items = Vec::with_capacity(ids.len());
        for ticket in self.tickets.iter().filter(|t| ids.contains(&t.id)) {
            let item = item_of(&self.order, ticket)?;
            items.push(HandedOverItem {
                ticket_id: ticket.id,
                ticket: ticket_number(ticket.id.into()),
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

/// 409 `not-at-counter`, listing each refused ticket with why.
fn not_at_counter(detail: String, problems: Vec<(String, String)>) -> Refusal {
    let mut extensions = Map::new();
    let tickets: Vec<Value> = problems
        .into_iter()
        .map(|(ticket, why)| serde_json::json!({ "ticket": ticket, "detail": why }))
        .collect();
    extensions.insert("tickets".into(), Value::from(tickets));
    Refusal::Api(ApiError::Conflict {
        kind: "not-at-counter",
        detail,
        extensions,
    })
}

/// The ticket if it is bound for `counter`.
async fn counter_ticket(
    state: &AppState,
    id: i32,
    counter: CounterId,
) -> CounterResult<Option<TicketRecord>> {
    let ticket = db::tickets::find(&state.db, id).await?;
    Ok(ticket.filter(|t| i64::from(t.counter_id) == counter.0))
}

async fn order_status(state: &AppState, order_id: &str) -> CounterResult<OrderStatus> {
    let order = db::orders::find(&state.db, order_id)
        .await?
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("order {order_id} is gone")))?;
    Ok(order.terms.status)
}

fn item_of<'a>(order: &'a StoredOrder, ticket: &TicketRecord) -> CounterResult<&'a StoredItem> {
    order
        .items
        .iter()
        .find(|item| item.id == ticket.order_item_id)
        .ok_or_else(|| {
            Refusal::Api(ApiError::Internal(anyhow::anyhow!(
                "ticket {} has no item",
                ticket.id
            )))
        })
}

async fn product_names(
    state: &AppState,
    ids: &BTreeSet<ProductId>,
    language: Language,
) -> CounterResult<BTreeMap<ProductId, String>> {
    let records = db::catalogue::products_by_id(&state.db, ids).await?;
    Ok(records
        .into_iter()
        .map(|(id, r)| (id, r.names.get(language).to_owned()))
        .collect())
}

fn name_of(names: &BTreeMap<ProductId, String>, id: ProductId) -> String {
    names.get(&id).cloned().unwrap_or_default()
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

    #[test]
    fn waits_round_up_to_whole_seconds() {
        assert_eq!(wait_seconds(Duration::milliseconds(1)), 1);
        assert_eq!(wait_seconds(Duration::minutes(10)), 600);
        assert_eq!(wait_seconds(Duration::seconds(-5)), 1);
    }
}
