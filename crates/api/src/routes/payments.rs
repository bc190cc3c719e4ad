//! Payments: Stripe's webhook, and the operator's reconciliation view.

use axum::Json;
use axum::body::Bytes;
use axum::extract::Query;
use axum::http::{HeaderMap, StatusCode};
use serde::{Deserialize, Serialize};
use time::Date;
use utoipa::{IntoParams, ToSchema};

use domain::payment::{EntryKind, EntryStatus};

use crate::auth::Staff;
use crate::error::{ApiError, ApiResult};
use crate::extract::State;
use crate::payments::stripe::{WebhookError, verify_webhook};
use crate::wire::SeoulTime;

/// Stripe's webhook: verified by its `Stripe-Signature` (HMAC-SHA256 of `t.payload`, any
/// configured secret, 5-minute tolerance), each event applied at most once.
#[utoipa::path(post, path = "/api/v1/payments/stripe/webhook", tag = "payments",
    request_body(content = String, content_type = "application/json", description = "A Stripe event"),
    responses((status = 200, description = "Applied (or already applied)"),
              (status = 400, description = "Missing, tampered or stale signature", body = crate::error::Problem)))]
pub(super) async fn stripe_webhook(
    state: State,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<StatusCode> {
    let setup = state
        .stripe
        .as_deref()
        .ok_or(ApiError::NotFound("webhook"))?;
    let signature = headers
        .get("stripe-signature")
        .and_then(|v| v.to_str().ok())
        .ok_or_else(|| ApiError::BadHeader {
            detail: "the Stripe-Signature header is required".into(),
        })?;
    let now = state.clock.now();
    let event = verify_webhook(
        &body,
        signature,
        &setup.webhook_secrets,
        now.unix_timestamp(),
    )
    .map_err(|error| {
        let detail = match error {
            WebhookError::OutsideTolerance { age_secs } => {
                format!("the signature is {age_secs} s old (limit 300 s)")
            }
            WebhookError::SignatureMismatch => "no signature matches the payload".to_owned(),
            WebhookError::MalformedHeader => "the Stripe-Signature header is malformed".to_owned(),
            WebhookError::MalformedEvent(why) => format!("the event is malformed: {why}"),
        };
        ApiError::BadHeader { detail }
    })?;
    crate::processes::stripe_events::receive(&state, &event).await?;
    Ok(StatusCode::OK)
}

/// Which day to reconcile.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DayQuery {
    /// `YYYY-MM-DD`, a day in Asia/Seoul; default today.
    day: Option<String>,
}

/// The money that moved on one day.
#[derive(Debug, Serialize, ToSchema)]
pub struct Reconciliation {
    pub day: Date,
    /// Settled card charges and counter payments.
    pub taken_krw: i64,
    /// Settled refunds.
    pub refunded_krw: i64,
    /// Recorded but not settled (charges awaiting the traveller, refunds in flight).
    pub pending_krw: i64,
    pub movements: Vec<MovementView>,
}

/// One money movement.
#[derive(Debug, Serialize, ToSchema)]
pub struct MovementView {
    pub order_id: String,
    /// `charge`, `refund` or `counter`.
    pub kind: &'static str,
    /// `pending`, `succeeded` or `failed`.
    pub status: &'static str,
    /// `stripe` or `counter`.
    pub method: &'static str,
    pub amount_krw: i64,
    pub stripe_id: Option<String>,
    pub note: String,
    pub at: SeoulTime,
}

/// Every charge, refund and counter payment recorded on a day (operators only).
#[utoipa::path(get, path = "/api/v1/admin/payments", tag = "admin", security(("staff_session" = [])),
    params(DayQuery), responses((status = 200, body = Reconciliation), (status = 403, body = crate::error::Problem)))]
pub(super) async fn reconciliation(
    state: State,
    staff: Staff,
    Query(query): Query<DayQuery>,
) -> ApiResult<Json<Reconciliation>> {
    staff.operator()?;
    let day = match query.day.as_deref() {
        Some(text) => Date::parse(
            text,
            time::macros::format_description!("[year]-[month]-[day]"),
        )
        .map_err(|_| ApiError::invalid("invalid-field", "/day", "give the day as YYYY-MM-DD"))?,
        None => state.clock.now().to_offset(domain::SEOUL).date(),
    };
    let rows = db::payments::on_day(&state.db, day).await?;
    let sum = |pred: &dyn Fn(&db::payments::PaymentRow) -> bool| {
        rows.iter()
            .filter(|r| pred(r))
            .map(|r| r.entry.amount.won())
            .sum::<i64>()
    };
    let settled = |r: &db::payments::PaymentRow| r.entry.status == EntryStatus::Succeeded;
    Ok(Json(Reconciliation {
        day,
        taken_krw: sum(&|r| settled(r) && r.entry.kind != EntryKind::Refund),
        refunded_krw: sum(&|r| settled(r) && r.entry.kind == EntryKind::Refund),
        pending_krw: sum(&|r| r.entry.status == EntryStatus::Pending),
        movements: rows
            .iter()
            .map(|r| MovementView {
                order_id: r.order_id.to_string(),
                kind: db::payments::kind_code(r.entry.kind),
                status: db::payments::status_code(r.entry.status),
                method: r.method.code(),
                amount_krw: r.entry.amount.won(),
                stripe_id: r.stripe_id.clone(),
                note: r.note.clone(),
                at: r.created_at.into(),
            })
            .collect(),
    }))
}
