//! The API's one error type and its RFC 9457 `application/problem+json` rendering.
//!
//! Every failure a handler can meet becomes an [`ApiError`]; this is the only place that
//! decides status codes and problem `type`s. Internal causes are logged, never sent.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::{Map, Value};
use utoipa::ToSchema;

use crate::layers::ServerFault;

/// An RFC 9457 problem document.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// A stable URI naming the kind of problem, e.g. `urn:gongbang:problem:unknown-product`.
    #[serde(rename = "type")]
    pub kind: String,
    /// A short summary of the kind of problem.
    pub title: &'static str,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong with this request, readable by a person.
    pub detail: String,
    /// JSON Pointer to the offending request field, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Extra members for this kind of problem (reasons, alternatives, current status).
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub extensions: Map<String, Value>,
}

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// 400: the body is not the JSON we expect.
    #[error("{detail}")]
    MalformedBody {
        /// What the parser said.
        detail: String,
    },
    /// 400: a required header is missing or malformed.
    #[error("{detail}")]
    BadHeader {
        /// Which header and why.
        detail: String,
    },
    /// 413: the body is larger than the limit.
    #[error("request body is larger than {limit} bytes")]
    BodyTooLarge {
        /// The limit in bytes.
        limit: usize,
    },
    /// 415: the body is not `application/json`.
    #[error("send the body as application/json")]
    UnsupportedMediaType,
    /// 422: a field has a value the API cannot accept.
    #[error("{detail}")]
    Invalid {
        /// Stable problem slug, e.g. `unknown-product`.
        kind: &'static str,
        /// JSON Pointer to the field.
        field: String,
        /// What is wrong with it.
        detail: String,
    },
    /// 401: no valid staff session.
    #[error("sign in first: send a valid session token")]
    Unauthenticated,
    /// 403: signed in, but this route is for another role.
    #[error("this is only for {0}")]
    Forbidden(&'static str),
    /// 429: too many attempts; try again after `retry_after` (sent as `Retry-After`).
    #[error("{detail}")]
    TooManyAttempts {
        /// What was limited and for how long.
        detail: String,
        /// When to try again.
        retry_after: RetryAfter,
    },
    /// 404: no such resource, or not yours.
    #[error("{0} not found")]
    NotFound(&'static str),
    /// 405: the path exists, the method does not.
    #[error("this method is not allowed here; see the Allow header")]
    MethodNotAllowed,
    /// 409: the order cannot be made in time; carries the quote's reasons and alternatives.
    #[error("{detail}")]
    Infeasible {
        /// Summary.
        detail: String,
        /// `reasons` and `alternatives` as in a quote.
        extensions: Map<String, Value>,
    },
    /// 409: what the request would change kept changing while we tried (every retry met
    /// another change); trying again later works.
    #[error("the {} kept changing while we tried; please try again", .0.what())]
    Busy(Busy),
    /// 409: the resource is in a state that does not allow this.
    #[error("{detail}")]
    Conflict {
        /// Stable problem slug.
        kind: &'static str,
        /// What is in the way.
        detail: String,
        /// Extra members (such as the current status).
        extensions: Map<String, Value>,
    },
    /// 422: an idempotency key reused with a different body.
    #[error("this Idempotency-Key was already used with a different request body")]
    IdempotencyKeyReused,
    /// 502: the payment provider did not answer; nothing was charged twice (retry with
    /// the same Idempotency-Key).
    #[error("the payment provider is not answering; try again with the same Idempotency-Key")]
    PaymentProviderUnavailable,
    /// 503: the database is not answering.
    #[error("the database is not available")]
    Unavailable,
    /// 500: something broke on our side.
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

/// A wait before trying again, in whole seconds (rounded up, at least one), as the
/// `Retry-After` header says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryAfter(u64);

impl RetryAfter {
    /// The wait until an attempt is allowed again.
    pub fn from_wait(wait: time::Duration) -> RetryAfter {
        let whole = wait.whole_seconds() + i64::from(wait.subsec_nanoseconds() > 0);
        RetryAfter(u64::try_from(whole.max(1)).unwrap_or(1))
    }

    /// The wait in seconds.
    pub fn seconds(self) -> u64 {
        self.0
    }

    /// Sets `Retry-After` on a 429 answer, JSON or page alike.
    pub fn set_on(self, response: &mut Response) {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(self.0));
    }
}

/// What kept changing under a request that gave up: see [`ApiError::Busy`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Busy {
    /// A production ticket.
    Ticket,
    /// An order.
    Order,
    /// A workshop's calendar (its free capacity).
    Calendar,
    /// A staff account.
    Account,
}

impl Busy {
    fn what(self) -> &'static str {
        match self {
            Busy::Ticket => "ticket",
            Busy::Order => "order",
            Busy::Calendar => "workshop's calendar",
            Busy::Account => "account",
        }
    }
}

/// The API's result type.
pub type ApiResult<T, E = ApiError> = std::result::Result<T, E>;

impl ApiError {
    /// A 422 for one field.
    pub fn invalid(
        kind: &'static str,
        field: impl Into<String>,
        detail: impl Into<String>,
    ) -> Self {
        ApiError::Invalid {
            kind,
            field: field.into(),
            detail: detail.into(),
        }
    }

    /// Maps a refusal of the domain rules to a problem about the field under `base`
    /// (a JSON Pointer such as `/items/0`).
    pub fn from_domain(error: domain::Error, base: &str) -> Self {
        use domain::Error as E;
        let at = |suffix: &str| format!("{base}{suffix}");
        let escape = |group: &str| group.replace('~', "~0").replace('/', "~1");
        let (kind, field) = match &error {
            E::QuantityOutOfRange { .. } => ("quantity-out-of-range", at("/quantity")),
            E::UnknownOptionGroup { group } => {
                ("unknown-option", at(&format!("/options/{}", escape(group))))
            }
            E::UnknownOptionValue { group, .. } => (
                "unknown-option-value",
                at(&format!("/options/{}", escape(group))),
            ),
            E::MissingOption { group }
            | E::TextTooLong { group, .. }
            | E::CharactersNotAllowed { group, .. } => (
                "invalid-option-text",
                at(&format!("/options/{}", escape(group))),
            ),
            E::DepartureBeforeArrival { .. } => ("departure-before-arrival", at("/departure")),
            E::TripInPast { .. } => ("trip-in-past", at("/departure")),
            E::TripTooFarAhead { .. } => ("trip-too-far-ahead", at("/departure")),
            E::UnknownCurrency(_) | E::MalformedCurrency(_) => ("unknown-currency", at("")),
            E::UnknownName { .. } => ("invalid-field", at("")),
            E::InvalidPickupCode(_) => ("invalid-pickup-code", at("")),
            E::InvalidTravellerName => ("invalid-traveller", at("/name")),
            E::InvalidEmail(_) => ("invalid-traveller", at("/email")),
            E::InvalidPassportLast4 => ("invalid-traveller", at("/passport_last4")),
            E::InvalidOrderId(_) => return ApiError::NotFound("order"),
            E::IllegalTicketTransition { from, .. } => {
                let mut extensions = Map::new();
                extensions.insert("current_status".into(), Value::from(from.code()));
                return ApiError::Conflict {
                    kind: "illegal-transition",
                    detail: error.to_string(),
                    extensions,
                };
            }
            E::IllegalTransition { from, .. } => {
                let mut extensions = Map::new();
                extensions.insert("current_status".into(), Value::from(from.code()));
                return ApiError::Conflict {
                    kind: "illegal-transition",
                    detail: error.to_string(),
                    extensions,
                };
            }
            E::AmountOutOfRange | E::PercentOutOfRange(_) | E::InvalidData(_) => {
                return ApiError::Internal(error.into());
            }
        };
        ApiError::Invalid {
            kind,
            field,
            detail: readable(&error),
        }
    }

    fn status(&self) -> StatusCode {
        match self {
            ApiError::MalformedBody { .. } | ApiError::BadHeader { .. } => StatusCode::BAD_REQUEST,
            ApiError::BodyTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Invalid { .. } | ApiError::IdempotencyKeyReused => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Unauthenticated => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::TooManyAttempts { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Infeasible { .. } | ApiError::Conflict { .. } | ApiError::Busy(_) => {
                StatusCode::CONFLICT
            }
            ApiError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::PaymentProviderUnavailable => StatusCode::BAD_GATEWAY,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn slug(&self) -> &'static str {
        match self {
            ApiError::MalformedBody { .. } => "malformed-body",
            ApiError::BadHeader { .. } => "bad-header",
            ApiError::BodyTooLarge { .. } => "body-too-large",
            ApiError::UnsupportedMediaType => "unsupported-media-type",
            ApiError::Invalid { kind, .. } | ApiError::Conflict { kind, .. } => kind,
            ApiError::NotFound(_) => "not-found",
            ApiError::Unauthenticated => "unauthenticated",
            ApiError::Forbidden(_) => "forbidden",
            ApiError::TooManyAttempts { .. } => "too-many-attempts",
            ApiError::MethodNotAllowed => "method-not-allowed",
            ApiError::Infeasible { .. } => "infeasible",
            ApiError::Busy(_) => "busy",
            ApiError::IdempotencyKeyReused => "idempotency-key-reused",
            ApiError::Unavailable => "unavailable",
            ApiError::PaymentProviderUnavailable => "payment-provider-unavailable",
            ApiError::Internal(_) => "internal",
        }
    }

    /// The cause of a server failure, for the log (see [`crate::layers`]); `None` for a
    /// refusal of the request.
    pub fn server_fault(&self) -> Option<ServerFault> {
        match self {
            ApiError::Internal(cause) => Some(ServerFault(format!("{cause:?}"))),
            ApiError::Unavailable => Some(ServerFault("database unavailable".into())),
            ApiError::PaymentProviderUnavailable => {
                Some(ServerFault("payment provider unavailable".into()))
            }
            _ => None,
        }
    }

    /// The problem document sent for this error.
    pub fn problem(&self) -> Problem {
        let status = self.status();
        let (field, extensions) = match self {
            ApiError::Invalid { field, .. } => (Some(field.clone()), Map::new()),
            ApiError::Infeasible { extensions, .. } | ApiError::Conflict { extensions, .. } => {
                (None, extensions.clone())
            }
            _ => (None, Map::new()),
        };
        Problem {
            kind: format!("urn:gongbang:problem:{}", self.slug()),
            title: status.canonical_reason().unwrap_or("Error"),
            status: status.as_u16(),
            detail: self.to_string(),
            field,
            extensions,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let fault = self.server_fault();
        if fault.is_none() {
            tracing::debug!(error = %self, "request refused");
        }
        let problem = self.problem();
        let mut response = (self.status(), axum::Json(problem)).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if let ApiError::TooManyAttempts { retry_after, .. } = &self {
            retry_after.set_on(&mut response);
        }
        if let Some(fault) = fault {
            response.extensions_mut().insert(fault);
        }
        response
    }
}

impl From<db::Error> for ApiError {
    fn from(error: db::Error) -> Self {
        if error.is_unavailable() {
            ApiError::Unavailable
        } else {
            ApiError::Internal(error.into())
        }
    }
}

/// The refusal in words, with instants in Seoul time and RFC 3339.
fn readable(error: &domain::Error) -> String {
    use crate::wire::SeoulTime;
    use domain::Error as E;
    match *error {
        E::DepartureBeforeArrival { arrival, departure } => format!(
            "departure {} is not after arrival {}",
            SeoulTime::from(departure),
            SeoulTime::from(arrival)
        ),
        E::TripInPast { departure } => {
            format!("departure {} is in the past", SeoulTime::from(departure))
        }
        E::TripTooFarAhead {
            departure,
            max_days,
        } => format!(
            "departure {} is more than {max_days} days ahead",
            SeoulTime::from(departure)
        ),
        _ => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_round_up_to_whole_seconds() {
        use time::Duration;
        assert_eq!(
            RetryAfter::from_wait(Duration::milliseconds(1)).seconds(),
            1
        );
        assert_eq!(RetryAfter::from_wait(Duration::seconds(4)).seconds(), 4);
        assert_eq!(
            RetryAfter::from_wait(Duration::milliseconds(4_001)).seconds(),
            5
        );
        assert_eq!(RetryAfter::from_wait(Duration::minutes(10)).seconds(), 600);
        assert_eq!(RetryAfter::from_wait(Duration::minutes(15)).seconds(), 900);
        assert_eq!(RetryAfter::from_wait(Duration::ZERO).seconds(), 1);
        assert_eq!(RetryAfter::from_wait(Duration::seconds(-5)).seconds(), 1);
    }
}
