//! Previews of ordered items: the product drawn in the materials the traveller chose, by
//! the same renderer (`preview`) the widget runs, so the traveller and the workshop see
//! the pixels the traveller saw when configuring.
//!
//! The handlers live with their resources (`routes::orders`, `routes::workshop`) and
//! check who may see the item; this module reads the size, finds the product's look and
//! renders the PNG off the async threads.

use std::collections::{BTreeMap, BTreeSet};

use axum::extract::Query;
use axum::extract::rejection::QueryRejection;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa::IntoParams;

use db::catalogue::Look;
use domain::catalogue::ProductId;
use preview::{ProductLook, Swatch};

use crate::AppState;
use crate::error::{ApiError, ApiResult};

/// The side of a preview when the request does not ask for one, in pixels.
pub const DEFAULT_SIZE: u32 = 512;

/// The sides a preview may be asked for, in pixels.
pub const SIZES: std::ops::RangeInclusive<u32> = 64..=1080;

/// `?size=` of a preview.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PreviewQuery {
    /// The side of the square picture in pixels, 64 to 1080 (default 512).
    #[param(value_type = Option<u32>, minimum = 64, maximum = 1080)]
    size: Option<String>,
}

/// The asked side, or a 422 naming `/size`.
pub fn size(query: Result<Query<PreviewQuery>, QueryRejection>) -> ApiResult<u32> {
    let Query(query) = query.map_err(|e| ApiError::invalid("invalid-field", "", e.body_text()))?;
    let Some(text) = query.size else {
        return Ok(DEFAULT_SIZE);
    };
    text.trim()
        .parse()
        .ok()
        .filter(|size| SIZES.contains(size))
        .ok_or_else(|| {
            let detail = format!(
                "size {text:?} is not a number of pixels from {} to {}",
                SIZES.start(),
                SIZES.end()
            );
            ApiError::invalid("invalid-field", "/size", detail)
        })
}

/// The PNG of `product` configured with `options`, `size` pixels square; 404 when the
/// product has no look.
pub async fn png(
    state: &AppState,
    product: ProductId,
    options: &BTreeMap<String, String>,
    size: u32,
) -> ApiResult<Response> {
    let records = db::catalogue::products_by_id(&state.db, &BTreeSet::from([product])).await?;
    let look = records
        .get(&product)
        .and_then(|record| record.look.as_ref())
        .ok_or(ApiError::NotFound("preview"))?;
    let spec = product_look(look)
        .and_then(|look| look.spec(options, None))
        .map_err(|e| {
            ApiError::Internal(anyhow::anyhow!("preview of product {}: {e}", product.0))
        })?;
    // Drawing takes milliseconds of CPU: keep it off the threads that serve requests.
    let drawn = tokio::task::spawn_blocking(move || {
        preview::render(&spec, size).and_then(|image| preview::encode_png(&image))
    })
    .await
    .map_err(|e| ApiError::Internal(e.into()))?;
    let bytes = drawn.map_err(|e| {
        ApiError::Internal(anyhow::anyhow!("preview of product {}: {e}", product.0))
    })?;
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("image/png"));
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=300"),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    Ok(response)
}

/// A stored look as the renderer reads it.
pub fn product_look(look: &Look) -> Result<ProductLook, preview::Error> {
    let swatches = look
        .swatches
        .iter()
        .map(|(value, swatch)| Ok((value.clone(), swatch.parse::<Swatch>()?)))
        .collect::<Result<_, preview::Error>>()?;
    Ok(ProductLook {
        art: look.art.parse()?,
        body_group: look.body.clone(),
        trim_group: look.trim.clone(),
        monogram_group: look.monogram.clone(),
        swatches,
    })
}
