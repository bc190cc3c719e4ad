//! What every answer shares, set in one place: the security headers (all answers, and
//! the stricter policy of the staff pages) and the one log line of a server failure.
//!
//! A 5xx answer carries its cause in a [`ServerFault`] extension (put there by
//! [`crate::error::ApiError`]); [`log_server_errors`] logs it once, with the request, and
//! takes it off, so the body never shows it.

use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

/// The staff pages: no scripts, no plugins, no framing; styles inline or from here;
/// images from here or `data:` URLs.
pub const PAGE_CONTENT_SECURITY_POLICY: &str =
    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

/// The cause of a 5xx answer, for the log only.
#[derive(Debug, Clone)]
pub struct ServerFault(pub String);

/// Every answer: never sniff a type other than the one declared; say where a link came
/// from only to this site.
pub async fn security_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers
        .entry(header::REFERRER_POLICY)
        .or_insert(HeaderValue::from_static("same-origin"));
    response
}

/// The staff pages (errors and redirects included): the strict content policy, no
/// framing, and never cached (they show personal data and change with every move).
pub async fn page_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(PAGE_CONTENT_SECURITY_POLICY),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Logs each server failure once, with the request it answered.
pub async fn log_server_errors(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    let status = response.status();
    if status.is_server_error() {
        let cause = response.extensions_mut().remove::<ServerFault>();
        let cause = cause.map_or_else(String::new, |fault| fault.0);
        if status == axum::http::StatusCode::SERVICE_UNAVAILABLE {
            tracing::warn!(%method, %path, status = status.as_u16(), %cause, "request failed");
        } else {
            tracing::error!(%method, %path, status = status.as_u16(), %cause, "request failed");
        }
    }
    response
}
