//! The operator's side: confirming orders paid outside the card flow, and the orders at
//! risk of missing their pickup deadline.

use axum::Json;
use axum::extract::Path;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use domain::money::Krw;
use domain::order::{OrderId, OrderStatus};

use crate::auth::Staff;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;
use crate::extract::State;
use crate::processes::paid_elsewhere::{self, PaidBy};
use crate::processes::{fulfilment, ordering};
use crate::wire::SeoulTime;

/// Why an operator confirms an order, and the payment received.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfirmRequest {
    /// E.g. "transfer ref 2026-1203-17".
    pub note: String,
    /// What was received, in whole won (1 up to the order's total; the counter collects
    /// the rest).
    pub paid_krw: i64,
    /// `bank_transfer`, `cash` or `card_terminal`.
    pub paid_by: PaidByWire,
}

/// How the money reached the operator.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PaidByWire {
    BankTransfer,
    Cash,
    CardTerminal,
}

impl From<PaidByWire> for PaidBy {
    fn from(wire: PaidByWire) -> Self {
        match wire {
            PaidByWire::BankTransfer => PaidBy::BankTransfer,
            PaidByWire::Cash => PaidBy::Cash,
            PaidByWire::CardTerminal => PaidBy::CardTerminal,
        }
    }
}

/// An order that may miss its pickup deadline.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrderAtRisk {
    pub id: String,
    /// The order's status.
    pub status: &'static str,
    pub counter_id: i64,
    pub pickup_deadline: SeoulTime,
    /// The latest ready-by of its items.
    pub ready_by: SeoulTime,
    /// The printed numbers of its tickets flagged at risk.
    pub tickets_at_risk: Vec<String>,
}

/// The orders that may miss their pickup deadline (an item planned past it, a ticket
/// delayed or overdue), soonest deadline first.
#[utoipa::path(get, path = "/api/v1/admin/orders/at-risk", tag = "admin", security(("staff_session" = [])),
    responses((status = 200, body = [OrderAtRisk]), (status = 401, body = crate::error::Problem),
              (status = 403, body = crate::error::Problem)))]
pub(super) async fn orders_at_risk(
    state: State,
    staff: Staff,
) -> ApiResult<Json<Vec<OrderAtRisk>>> {
    staff.operator()?;
    let listed = fulfilment::orders_at_risk(&state).await?;
    Ok(Json(
        listed
            .into_iter()
            .map(|(order, tickets)| OrderAtRisk {
                id: order.terms.id.to_string(),
                status: order.status.code(),
                counter_id: order.terms.trip.counter_id.0,
                pickup_deadline: order.terms.trip.pickup_deadline.into(),
                ready_by: order
                    .items
                    .iter()
                    .map(|i| i.ready_by)
                    .max()
                    .unwrap_or(order.terms.trip.pickup_deadline)
                    .into(),
                tickets_at_risk: tickets
                    .iter()
                    .filter(|t| t.at_risk)
                    .map(|t| t.id.number())
                    .collect(),
            })
            .collect(),
    ))
}

/// The result of a confirmation.
#[derive(Debug, Serialize, ToSchema)]
pub struct Confirmed {
    pub id: String,
    pub status: &'static str,
    /// The printed numbers of the tickets created.
    pub tickets: Vec<String>,
}

/// Confirms a placed order whose payment arrived outside the card flow: records the
/// payment, cancels its card payment, and creates its production tickets.
#[utoipa::path(post, path = "/api/v1/admin/orders/{id}/confirm", tag = "admin", security(("staff_session" = [])),
    params(("id" = String, Path)), request_body = ConfirmRequest,
    responses((status = 200, body = Confirmed), (status = 403, body = crate::error::Problem),
              (status = 404, body = crate::error::Problem), (status = 409, body = crate::error::Problem)))]
pub(super) async fn confirm_order(
    state: State,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<ConfirmRequest>,
) -> ApiResult<Json<Confirmed>> {
    staff.operator()?;
    let order_id = OrderId::parse(&id).map_err(|_| ApiError::NotFound("order"))?;
    let order = ordering::stored_order(&state, &order_id).await?;
    if order.status != OrderStatus::Placed {
        let mut extensions = serde_json::Map::new();
        extensions.insert("current_status".into(), order.status.code().into());
        let detail = format!(
            "only placed orders can be confirmed; this one is {}",
            order.status
        );
        return Err(ApiError::Conflict {
            kind: "order-state",
            detail,
            extensions,
        });
    }
    let note = request.note.trim();
    let paid = (Krw::new(request.paid_krw), request.paid_by.into());
    if !paid_elsewhere::confirm(&state, &order, &staff.actor(), paid, note).await? {
        return Err(ApiError::Conflict {
            kind: "order-state",
            detail: "the order changed meanwhile; look again".into(),
            extensions: serde_json::Map::new(),
        });
    }
    let tickets = fulfilment::tickets_of(&state, &order_id).await?;
    Ok(Json(Confirmed {
        id,
        status: OrderStatus::Confirmed.code(),
        tickets: tickets.iter().map(|t| t.id.number()).collect(),
    }))
}
