//! `POST /api/v1/products/{id}/fit`: which size of a product to order (the process is
//! `processes::fitting`).

use axum::Json;
use axum::extract::Path;

use domain::catalogue::ProductId;

use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;
use crate::extract::State;
use crate::processes::fitting::fit_for;
use crate::wire::{FitRequest, FitView};

/// Recommends a size of a garment or a pair of shoes.
#[utoipa::path(post, path = "/api/v1/products/{id}/fit", tag = "catalogue",
    params(("id" = i64, Path)), request_body = FitRequest,
    responses((status = 200, body = FitView), (status = 404, body = crate::error::Problem),
              (status = 422, description = "A measurement out of range, an unknown point, \
                unit or source, or a product without sizes (`no-sizes`)",
               body = crate::error::Problem)))]
pub(super) async fn fit_product(
    state: State,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<FitRequest>,
) -> ApiResult<Json<FitView>> {
    let id: i64 = id.parse().map_err(|_| ApiError::NotFound("product"))?;
    let records = db::catalogue::products_by_id(&state.db, &[ProductId(id)].into()).await?;
    let record = records
        .get(&ProductId(id))
        .ok_or(ApiError::NotFound("product"))?;
    Ok(Json(fit_for(record, &request)?))
}
