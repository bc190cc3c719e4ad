//! The operator's side: confirming orders paid outside the card flow, and the orders at
//! risk of missing their pickup deadline.

use axum::Json;
use axum::extract::Path;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use domain::order::{OrderId, OrderStatus};

use crate::auth::Staff;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;
use crate::extract::State;
use crate::processes::{fulfilment, ordering};

/// Why an operator confirms an order.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfirmRequest {
    /// E.g. "bank transfer received".
    pub note: String,
}

/// The result of a confirmation.
#[derive(Debug, Serialize, ToSchema)]
pub struct Confirmed {
    pub id: String,
    pub status: &'static str,
    /// The printed numbers of the tickets created.
    pub tickets: Vec<String>,
}

/// Confirms a placed order (its payment arrived outside the card flow) and creates its
/// production tickets.
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
    if !fulfilment::confirm_order(&state, &order, &staff.actor(), note).await? {
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
