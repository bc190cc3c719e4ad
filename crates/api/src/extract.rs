//! Request extractors whose rejections are problem documents: JSON bodies with the path
//! of the offending field, the negotiated language, idempotency keys and bearer tokens.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::{StatusCode, header, request::Parts};
use serde::de::DeserializeOwned;

use domain::language::Language;

use crate::error::ApiError;

/// Shared state as handlers see it.
pub type State = axum::extract::State<std::sync::Arc<crate::AppState>>;

/// The largest request body accepted, in bytes.
pub const BODY_LIMIT: usize = 64 * 1024;

/// A JSON body; rejections say which field is wrong.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        if !is_json(request.headers().get(header::CONTENT_TYPE)) {
            return Err(ApiError::UnsupportedMediaType);
        }
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| {
                if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    ApiError::BodyTooLarge { limit: BODY_LIMIT }
                } else {
                    ApiError::MalformedBody {
                        detail: rejection.body_text(),
                    }
                }
            })?;
        parse_json(&bytes).map(ApiJson)
    }
}

/// Parses a JSON body, naming the field that does not fit.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let field = json_pointer(&error.path().to_string());
        let inner = error.into_inner();
        if inner.is_syntax() || inner.is_eof() {
            ApiError::MalformedBody {
                detail: format!("the body is not valid JSON: {inner}"),
            }
        } else {
            ApiError::invalid("invalid-field", field, inner.to_string())
        }
    })
}

/// Turns serde_path_to_error's `items[0].quantity` into the JSON Pointer `/items/0/quantity`.
fn json_pointer(path: &str) -> String {
    if path == "." {
        return String::new();
    }
    let mut pointer = String::new();
    for segment in path.split('.') {
        let mut rest = segment;
        while let Some(open) = rest.find('[') {
            push_segment(&mut pointer, &rest[..open]);
            let close = rest[open..].find(']').map_or(rest.len(), |c| open + c);
            push_segment(&mut pointer, &rest[open + 1..close]);
            rest = rest.get(close + 1..).unwrap_or("");
        }
        push_segment(&mut pointer, rest);
    }
    pointer
}

fn push_segment(pointer: &mut String, segment: &str) {
    if !segment.is_empty() {
        pointer.push('/');
        pointer.push_str(&segment.replace('~', "~0").replace('/', "~1"));
    }
}

fn is_json(content_type: Option<&axum::http::HeaderValue>) -> bool {
    let Some(value) = content_type.and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let mime = value
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    mime == "application/json" || mime.ends_with("+json")
}

/// The language negotiated from `Accept-Language` (English when absent).
#[derive(Debug, Clone, Copy)]
pub struct Negotiated(pub Language);

impl<S: Send + Sync> FromRequestParts<S> for Negotiated {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let header = parts
            .headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok());
        Ok(Negotiated(header.map_or(Language::En, Language::negotiate)))
    }
}

/// The required `Idempotency-Key` header: 1 to 255 visible ASCII characters.
#[derive(Debug, Clone)]
pub struct IdempotencyKey(pub String);

impl<S: Send + Sync> FromRequestParts<S> for IdempotencyKey {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        let bad = |detail: &str| ApiError::BadHeader {
            detail: detail.to_owned(),
        };
        let value = parts
            .headers
            .get("idempotency-key")
            .ok_or_else(|| bad("the Idempotency-Key header is required"))?;
        let key = value
            .to_str()
            .map_err(|_| bad("Idempotency-Key must be visible ASCII"))?
            .trim();
        let valid = (1..=255).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_graphic());
        if !valid {
            return Err(bad(
                "Idempotency-Key must be 1 to 255 visible ASCII characters",
            ));
        }
        Ok(IdempotencyKey(key.to_owned()))
    }
}

/// The bearer token, if one was sent; a missing or malformed one is just `None`, so
/// that callers can answer 404 without revealing whether the order exists.
#[derive(Debug, Clone)]
pub struct BearerToken(pub Option<String>);

impl<S: Send + Sync> FromRequestParts<S> for BearerToken {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| {
                v.strip_prefix("Bearer ")
                    .or_else(|| v.strip_prefix("bearer "))
            })
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty());
        Ok(BearerToken(token))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_paths_become_json_pointers() {
        assert_eq!(json_pointer("items[0].quantity"), "/items/0/quantity");
        assert_eq!(
            json_pointer("itinerary.counter_id"),
            "/itinerary/counter_id"
        );
        assert_eq!(
            json_pointer("items[2].options.a/b"),
            "/items/2/options/a~1b"
        );
        assert_eq!(json_pointer("."), "");
    }

    #[test]
    fn json_content_types_are_recognised() {
        let header = |v: &'static str| axum::http::HeaderValue::from_static(v);
        assert!(is_json(Some(&header("application/json; charset=utf-8"))));
        assert!(is_json(Some(&header("application/merge-patch+json"))));
        assert!(!is_json(Some(&header("text/plain"))));
        assert!(!is_json(None));
    }
}
