//! Pictures on the wire: the `?size=` of a preview and the PNG answer.

use axum::extract::Query;
use axum::extract::rejection::QueryRejection;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa::IntoParams;

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
pub fn preview_size(query: Result<Query<PreviewQuery>, QueryRejection>) -> ApiResult<u32> {
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

/// A PNG answer, cached privately for five minutes.
pub struct Png(pub Vec<u8>);

impl IntoResponse for Png {
    fn into_response(self) -> Response {
        let mut response = self.0.into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("image/png"));
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, max-age=300"),
        );
        response
    }
}
