//! Previews of ordered items: the product drawn in the materials the traveller chose, by
//! the same renderer (`preview`) the widget runs, so the traveller and the workshop see
//! the pixels the traveller saw when configuring.
//!
//! The handlers live with their resources (`routes::orders`, `routes::workshop`) and
//! check who may see the item; this process finds the product's look and renders the PNG
//! off the async threads.

use std::collections::{BTreeMap, BTreeSet};

use db::catalogue::Look;
use domain::catalogue::ProductId;
use preview::{ProductLook, Swatch};

use crate::AppState;
use crate::error::{ApiError, ApiResult};

/// The PNG of `product` configured with `options`, `size` pixels square; 404 when the
/// product has no look.
pub async fn png(
    state: &AppState,
    product: ProductId,
    options: &BTreeMap<String, String>,
    size: u32,
) -> ApiResult<Vec<u8>> {
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
    Ok(bytes)
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
