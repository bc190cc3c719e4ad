//! The traveller's widget: the settings it asks for before it starts, and its files.
//!
//! The files are Trunk's `dist/`: `index.html` (also the answer for any page path, so
//! the widget can route in the browser) and assets with a content hash in their names
//! (`widget-3f2a…_bg.wasm`). The page is never cached without revalidating; hashed assets
//! are immutable for a year; `.gz`/`.br` siblings are served when present, else gzip is
//! applied on the fly. Widget pages get their own Content-Security-Policy: scripts only
//! from here and Stripe.js, WebAssembly allowed, and framing allowed from any site (shops
//! embed the widget in an iframe). The staff pages keep theirs (`pages::guard`).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::Json;
use axum::Router;
use axum::extract::Request;
use axum::handler::HandlerWithoutStateExt;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use rand::Rng;
use serde::Serialize;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use utoipa::ToSchema;

use domain::language::Language;

use crate::error::ApiError;
use crate::extract::State;

/// The server's settings as the widget needs them.
#[derive(Debug, Serialize, ToSchema)]
pub struct WidgetConfig {
    /// How orders can be paid here: `["stripe", "counter"]` with card payments
    /// configured, else `["counter"]` (products that need prepayment cannot be ordered).
    payment_methods: Vec<&'static str>,
    /// Stripe's publishable key for Stripe.js, when the server has one.
    #[schema(example = "pk_test_…")]
    stripe_publishable_key: Option<String>,
    /// The languages the catalogue and the widget are written in.
    languages: Vec<&'static str>,
}

/// The widget's start-up settings.
#[utoipa::path(get, path = "/api/v1/widget/config", tag = "catalogue",
    responses((status = 200, body = WidgetConfig)))]
pub(super) async fn config(state: State) -> Json<WidgetConfig> {
    let methods = crate::processes::billing::methods_for(&state, true);
    Json(WidgetConfig {
        payment_methods: methods.iter().map(|m| m.code()).collect(),
        stripe_publishable_key: state.stripe_publishable_key.clone(),
        languages: Language::ALL.iter().map(|l| l.code()).collect(),
    })
}

/// What Trunk writes into inline scripts with `create_nonce = true`; each page answer
/// replaces it with a fresh nonce that its policy allows.
pub const NONCE_PLACEHOLDER: &str = "{{__TRUNK NONCE__}}";

/// The widget page's policy; `{nonce}` is the page's script nonce source, if any.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; \
     script-src 'self' 'wasm-unsafe-eval'{nonce} https://js.stripe.com https://*.js.stripe.com; \
     style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https://*.stripe.com; \
     font-src 'self' data:; connect-src 'self' https://api.stripe.com; \
     frame-src https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com; \
     object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors *";

/// `Cache-Control` of files whose names carry their content hash.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// The widget's files in `dir`, served at `/`.
pub fn files(dir: &Path) -> Router {
    let dir: Arc<PathBuf> = Arc::new(dir.to_owned());
    let page_dir = Arc::clone(&dir);
    let page_handler = move || {
        let dir = Arc::clone(&page_dir);
        async move { page(&dir).await }
    };
    let fallback_dir = Arc::clone(&dir);
    let fallback = move |request: Request| {
        let dir = Arc::clone(&fallback_dir);
        async move {
            // A missing asset is a 404; any other path is a page of the widget.
            if has_extension(request.uri().path()) {
                ApiError::NotFound("file").into_response()
            } else {
                page(&dir).await
            }
        }
    };
    let assets = ServeDir::new(dir.as_path())
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(false)
        .fallback(fallback.into_service());
    Router::new()
        .route("/", get(page_handler.clone()))
        .route("/index.html", get(page_handler))
        .fallback_service(assets)
        .layer(middleware::from_fn(asset_headers))
        .layer(CompressionLayer::new())
}

/// `index.html` with a fresh script nonce, never cached without revalidating.
async fn page(dir: &Path) -> Response {
    let html = match tokio::fs::read_to_string(dir.join("index.html")).await {
        Ok(html) => html,
        Err(error) => {
            tracing::warn!(%error, dir = %dir.display(), "the widget has no index.html");
            return ApiError::NotFound("page").into_response();
        }
    };
    let (html, nonce) = if html.contains(NONCE_PLACEHOLDER) {
        let nonce = STANDARD.encode(rand::rng().random::<[u8; 16]>());
        (html.replace(NONCE_PLACEHOLDER, &nonce), Some(nonce))
    } else {
        (html, None)
    };
    let mut response = html.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    set_policy(headers, nonce.as_deref());
    response
}

/// Caching and security headers of every widget file (the page sets its own caching).
async fn asset_headers(request: Request, next: Next) -> Response {
    let hashed = is_hashed(request.uri().path());
    let mut response = next.run(request).await;
    let served = response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED;
    let headers = response.headers_mut();
    if served && !headers.contains_key(header::CACHE_CONTROL) {
        let cache = if hashed { IMMUTABLE } else { "no-cache" };
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    }
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        set_policy(headers, None);
    }
    response
}

fn set_policy(headers: &mut HeaderMap, nonce: Option<&str>) {
    let source = nonce.map_or_else(String::new, |n| format!(" 'nonce-{n}'"));
    let policy = CONTENT_SECURITY_POLICY.replace("{nonce}", &source);
    if let Ok(value) = HeaderValue::from_str(&policy) {
        headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
}

/// Whether the file name carries a content hash, as Trunk writes them:
/// `widget-3f2a1b2c3d4e5f60_bg.wasm`, `style-9c1e0d2a4b6f8e10.css`.
fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    name.split(['-', '_', '.'])
        .any(|part| part.len() >= 8 && part.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Whether the last path segment names a file (`/app.js`), not a page (`/orders/42`).
fn has_extension(path: &str) -> bool {
    path.rsplit('/')
        .next()
        .is_some_and(|name| name.contains('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trunk_names_are_hashed_and_plain_names_are_not() {
        assert!(is_hashed("/widget-3f2a1b2c3d4e5f60_bg.wasm"));
        assert!(is_hashed("/widget-3f2a1b2c3d4e5f60.js"));
        assert!(is_hashed("/assets/style-9c1e0d2a4b6f8e10.css"));
        assert!(!is_hashed("/favicon.ico"));
        assert!(!is_hashed("/index.html"));
        assert!(!is_hashed("/widget_bg.wasm"));
    }

    #[test]
    fn pages_have_no_extension() {
        assert!(has_extension("/widget.js"));
        assert!(!has_extension("/orders/42"));
        assert!(!has_extension("/"));
    }

    #[test]
    fn the_policy_allows_stripe_wasm_and_any_framer() {
        let mut headers = HeaderMap::new();
        set_policy(&mut headers, Some("abc"));
        let policy = headers[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap_or_default();
        for part in [
            "'wasm-unsafe-eval'",
            "'nonce-abc'",
            "script-src 'self'",
            "https://js.stripe.com",
            "connect-src 'self' https://api.stripe.com",
            "frame-ancestors *",
        ] {
            assert!(policy.contains(part), "{part} not in {policy}");
        }
    }
}
