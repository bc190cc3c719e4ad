//! `GET /healthz`: 200 when the database answers.

use axum::http::StatusCode;

use crate::error::{ApiError, ApiResult};
use crate::extract::State;

/// Liveness and readiness in one: the process is up and the database answers.
#[utoipa::path(get, path = "/healthz", tag = "health",
    responses((status = 200, description = "The database answers"),
              (status = 503, description = "The database does not answer", body = crate::error::Problem)))]
pub(super) async fn healthz(state: State) -> ApiResult<StatusCode> {
    state.db.ping().await.map_err(|_| ApiError::Unavailable)?;
    Ok(StatusCode::OK)
}
