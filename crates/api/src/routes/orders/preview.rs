//! The picture of one ordered item, for the holder of the order's token.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query};

use crate::error::{ApiError, ApiResult};
use crate::extract::BearerToken;
use crate::extract::State;
use crate::processes::previews;
use crate::wire::{Png, PreviewQuery, preview_size};

use super::manage::authorised;

/// The item drawn in the materials chosen, by the renderer the widget runs: a PNG, 512
/// pixels square unless `size` asks otherwise. Needs the order's token.
#[utoipa::path(get, path = "/api/v1/orders/{id}/items/{index}/preview.png", tag = "orders",
    params(("id" = String, Path),
           ("index" = usize, Path, description = "The item's position in `items`, from 0"),
           PreviewQuery),
    security(("order_token" = [])),
    responses((status = 200, description = "The picture; `Cache-Control: private, max-age=300`",
               body = Vec<u8>, content_type = "image/png"),
              (status = 404, description = "No such order or item, wrong token, or a product \
                without a picture", body = crate::error::Problem),
              (status = 422, description = "`size` is not 64 to 1080", body = crate::error::Problem)))]
pub(in crate::routes) async fn item_preview(
    state: State,
    Path((id, index)): Path<(String, String)>,
    BearerToken(token): BearerToken,
    query: Result<Query<PreviewQuery>, QueryRejection>,
) -> ApiResult<Png> {
    let size = preview_size(query)?;
    let order = authorised(&state, &id, token.as_deref()).await?;
    let item = index
        .parse::<usize>()
        .ok()
        .and_then(|index| order.items.get(index))
        .ok_or(ApiError::NotFound("item"))?;
    let png = previews::png(&state, item.terms.product_id, &item.terms.options, size).await?;
    Ok(Png(png))
}
