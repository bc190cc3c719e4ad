//! The crate's one error type, [`Error`]: what went wrong, starting the fake or answering a
//! request. Its message is the one Stripe would send. [`Answer`] is the one place an error
//! becomes Stripe's JSON error shape (`{"error": {"type", "code"?, "message", "param"?,
//! "doc_url"?}}`) with its HTTP status. A declined card ([`Decline`]) is an error too; its
//! `card_error` object is also what a PaymentIntent keeps as `last_payment_error`.

use std::borrow::Cow;
use std::path::PathBuf;

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

/// Everything that goes wrong in the fake: at start (fixtures, port), or in a request, as
/// Stripe would report it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The fixture file cannot be read.
    #[error("cannot read Stripe fixtures at {}: {source}", path.display())]
    FixturesUnreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The fixture file is not JSON.
    #[error("Stripe fixtures at {} are not JSON: {source}", path.display())]
    FixturesNotJson {
        path: PathBuf,
        source: serde_json::Error,
    },
    /// The fixture file has no example object of a resource the fake serves.
    #[error("Stripe fixtures at {} lack resources.{name}", path.display())]
    FixtureMissing { path: PathBuf, name: &'static str },
    /// No loopback port can be bound.
    #[error("cannot bind 127.0.0.1:0: {0}")]
    Bind(#[source] std::io::Error),
    /// The bound socket has no address.
    #[error("no local address: {0}")]
    NoLocalAddress(#[source] std::io::Error),

    /// Unauthorised: no `Authorization` header.
    #[error(
        "You did not provide an API key. You need to provide your API key in the \
         Authorization header, using Bearer auth (e.g. 'Authorization: Bearer \
         YOUR_SECRET_KEY')."
    )]
    MissingApiKey,
    /// Unauthorised: not `Bearer sk_test_…`; `shown` is the key's first characters.
    #[error("Invalid API Key provided: {shown}****")]
    InvalidApiKey { shown: String },
    /// The test switched an outage on.
    #[error("An unknown error occurred")]
    Outage,
    /// No endpoint the fake serves has this method and path.
    #[error(
        "Unrecognized request URL ({method}: {path}). fake-stripe serves only the endpoints \
         Gongbang uses."
    )]
    UnknownEndpoint { method: Method, path: String },
    /// A POST body that is not form-encoded.
    #[error("Invalid request: Stripe expects application/x-www-form-urlencoded bodies")]
    NotForm,
    /// A form key that is not `name` or `name[…]…`.
    #[error("Invalid parameter name: {key}")]
    InvalidParameterName { key: String },
    /// Two form values for one parameter (`a=1&a=2`, `a=1&a[b]=2`); `path` is dotted.
    #[error("Invalid request: conflicting values for {path}")]
    ConflictingValues { path: String },

    /// An `Idempotency-Key` longer than Stripe allows.
    #[error("Idempotency keys may be at most 255 characters long")]
    IdempotencyKeyTooLong,
    /// Idempotency mismatch: the key was first used on another endpoint (`first`).
    #[error(
        "Keys for idempotent requests can only be used for the same endpoint they were first \
         used for ('{first}' vs '{now}'). Try using a key other than '{key}' if you meant to \
         execute a different request."
    )]
    IdempotencyOtherEndpoint {
        key: String,
        first: String,
        now: String,
    },
    /// Idempotency mismatch: the key was first used with other parameters.
    #[error(
        "Keys for idempotent requests can only be used with the same parameters they were \
         first used with. Try using a key other than '{key}' if you meant to execute a \
         different request."
    )]
    IdempotencyOtherParameters { key: String },

    /// Bad parameter: one the endpoint does not take.
    #[error("Received unknown parameter: {name}")]
    UnknownParameter { name: String },
    /// Bad parameter: a required one is missing.
    #[error("Missing required param: {name}.")]
    MissingParameter { name: &'static str },
    /// Bad parameter: `amount` is not an integer.
    #[error("Invalid integer: {text}")]
    AmountNotInteger { text: String },
    /// Bad parameter: `amount` is below 1.
    #[error("This value must be greater than or equal to 1.")]
    AmountBelowOne,
    /// Bad parameter: `amount` has more than eight digits (Stripe's limit).
    #[error("Amount must be no more than 99999999")]
    AmountAboveLimit,
    /// Bad parameter: a flag that is neither `true` nor `false`.
    #[error("Invalid boolean: {value}")]
    InvalidBoolean { name: &'static str, value: String },
    /// Bad parameter: `metadata` is not a hash.
    #[error("Invalid hash")]
    MetadataNotAHash,
    /// Bad parameter: more than 50 metadata keys.
    #[error("You can have at most 50 metadata keys")]
    TooManyMetadataKeys,
    /// Bad parameter: a metadata value that is not text.
    #[error("Invalid metadata value")]
    MetadataValueNotText,
    /// Bad parameter: a metadata key over 40 characters or its value over 500.
    #[error("Metadata keys can be at most 40 characters and values at most 500")]
    MetadataTooLong { key: String },
    /// Bad parameter: `currency` is not three lowercase letters.
    #[error("Invalid currency: {value}")]
    InvalidCurrency { value: String },
    /// Bad parameter: `setup_future_usage` is neither `off_session` nor `on_session`.
    #[error("Invalid setup_future_usage: must be one of off_session or on_session (got {value})")]
    InvalidSetupFutureUsage { value: String },
    /// Bad parameter: `off_session` without `confirm=true`.
    #[error("You can only pass `off_session` when `confirm` is true.")]
    OffSessionWithoutConfirm,
    /// Bad parameter: a `cancellation_reason` Stripe does not know.
    #[error("Invalid cancellation_reason: {value}")]
    InvalidCancellationReason { value: String },
    /// Bad parameter: a refund names neither `payment_intent` nor `charge`.
    #[error(
        "One of the following params should be provided for this request: payment_intent or \
         charge."
    )]
    RefundTargetMissing,

    /// Unknown object named in the path (404); `param` is how Stripe names it.
    #[error("No such {kind}: '{id}'")]
    NoSuchObject {
        kind: &'static str,
        id: String,
        param: &'static str,
    },
    /// Unknown object named by the parameter `param` (400).
    #[error("No such {param}: '{id}'")]
    NoSuchReference { param: &'static str, id: String },

    /// A PaymentIntent in a status that cannot be cancelled.
    #[error(
        "You cannot cancel this PaymentIntent because it has a status of {status}. Only a \
         PaymentIntent with one of the following statuses may be canceled: \
         requires_payment_method, requires_capture, requires_confirmation, requires_action, \
         processing."
    )]
    CannotCancel { status: String },
    /// A PaymentIntent in a status that cannot be confirmed.
    #[error(
        "You cannot confirm this PaymentIntent because it has a status of {status}. Only a \
         PaymentIntent with one of the following statuses may be confirmed: \
         requires_confirmation, requires_payment_method, requires_action."
    )]
    CannotConfirm { status: String },
    /// A PaymentIntent confirmed without a payment method.
    #[error(
        "You cannot confirm this PaymentIntent because it's missing a payment method. You can \
         either update the PaymentIntent with a payment method and then confirm it again, or \
         confirm it again directly with a payment method."
    )]
    NoPaymentMethod,
    /// The card was declined (402); the PaymentIntent as it is after the attempt.
    #[error("{}", decline.message())]
    CardDeclined {
        decline: Decline,
        charge: String,
        payment_intent: Value,
    },

    /// A refund of a PaymentIntent without a successful charge.
    #[error("This PaymentIntent ({payment_intent}) does not have a successful charge to refund.")]
    NotRefundable { payment_intent: String },
    /// A refund of a charge refunded in full already.
    #[error("Charge {charge} has already been refunded.")]
    AlreadyRefunded { charge: String },
    /// A refund of more than is left on the charge.
    #[error("Refund amount ({amount}) is greater than unrefunded amount on charge ({remaining})")]
    RefundTooLarge { amount: i64, remaining: i64 },
}

/// Why a card was declined.
#[derive(Debug, Clone, Copy)]
pub enum Decline {
    /// `card_declined` / `generic_decline`.
    Generic,
    /// `card_declined` / `insufficient_funds`.
    InsufficientFunds,
    /// `authentication_required`: the bank wants 3-D Secure.
    AuthenticationRequired,
}

/// A Stripe answer: the HTTP status and the JSON body.
#[derive(Debug, Clone)]
pub(crate) struct Answer {
    pub(crate) status: StatusCode,
    pub(crate) body: Value,
}

impl From<Result<Value, Error>> for Answer {
    fn from(result: Result<Value, Error>) -> Self {
        match result {
            Ok(body) => Self {
                status: StatusCode::OK,
                body,
            },
            Err(error) => error.into(),
        }
    }
}

impl From<Error> for Answer {
    fn from(error: Error) -> Self {
        Self {
            status: error.status(),
            body: json!({ "error": error.object() }),
        }
    }
}

impl Error {
    fn status(&self) -> StatusCode {
        match self {
            Self::MissingApiKey | Self::InvalidApiKey { .. } => StatusCode::UNAUTHORIZED,
            Self::UnknownEndpoint { .. } | Self::NoSuchObject { .. } => StatusCode::NOT_FOUND,
            Self::CardDeclined { .. } => StatusCode::PAYMENT_REQUIRED,
            Self::Outage
            | Self::FixturesUnreadable { .. }
            | Self::FixturesNotJson { .. }
            | Self::FixtureMissing { .. }
            | Self::Bind(_)
            | Self::NoLocalAddress(_) => StatusCode::INTERNAL_SERVER_ERROR,
            _ => StatusCode::BAD_REQUEST,
        }
    }

    /// Stripe's error `type`.
    fn kind(&self) -> &'static str {
        match self {
            Self::IdempotencyOtherEndpoint { .. } | Self::IdempotencyOtherParameters { .. } => {
                "idempotency_error"
            }
            Self::CardDeclined { .. } => "card_error",
            Self::Outage
            | Self::FixturesUnreadable { .. }
            | Self::FixturesNotJson { .. }
            | Self::FixtureMissing { .. }
            | Self::Bind(_)
            | Self::NoLocalAddress(_) => "api_error",
            _ => "invalid_request_error",
        }
    }

    /// Stripe's error `code`, when it gives one.
    fn code(&self) -> Option<&'static str> {
        Some(match self {
            Self::UnknownParameter { .. } => "parameter_unknown",
            Self::MissingParameter { .. } | Self::RefundTargetMissing => "parameter_missing",
            Self::AmountNotInteger { .. } | Self::AmountBelowOne => "parameter_invalid_integer",
            Self::AmountAboveLimit | Self::RefundTooLarge { .. } => "amount_too_large",
            Self::NoSuchObject { .. } | Self::NoSuchReference { .. } => "resource_missing",
            Self::CannotCancel { .. } | Self::CannotConfirm { .. } | Self::NoPaymentMethod => {
                "payment_intent_unexpected_state"
            }
            Self::NotRefundable { .. } => "charge_not_refundable",
            Self::AlreadyRefunded { .. } => "charge_already_refunded",
            _ => return None,
        })
    }

    /// The parameter at fault (`param`), when there is one.
    fn param(&self) -> Option<Cow<'_, str>> {
        Some(match self {
            Self::UnknownParameter { name } => Cow::Borrowed(name),
            Self::MissingParameter { name } | Self::InvalidBoolean { name, .. } => {
                Cow::Borrowed(name)
            }
            Self::NoSuchObject { param, .. } | Self::NoSuchReference { param, .. } => {
                Cow::Borrowed(param)
            }
            Self::AmountNotInteger { .. }
            | Self::AmountBelowOne
            | Self::AmountAboveLimit
            | Self::RefundTooLarge { .. } => Cow::Borrowed("amount"),
            Self::MetadataNotAHash | Self::TooManyMetadataKeys | Self::MetadataValueNotText => {
                Cow::Borrowed("metadata")
            }
            Self::MetadataTooLong { key } => Cow::Owned(format!("metadata[{key}]")),
            Self::InvalidCurrency { .. } => Cow::Borrowed("currency"),
            Self::InvalidSetupFutureUsage { .. } => Cow::Borrowed("setup_future_usage"),
            Self::OffSessionWithoutConfirm => Cow::Borrowed("off_session"),
            Self::InvalidCancellationReason { .. } => Cow::Borrowed("cancellation_reason"),
            Self::NotRefundable { .. } => Cow::Borrowed("payment_intent"),
            _ => return None,
        })
    }

    /// The `error` object of Stripe's error body.
    fn object(&self) -> Value {
        if let Self::CardDeclined {
            decline,
            charge,
            payment_intent,
        } = self
        {
            let mut error = decline.card_error(charge);
            error["payment_intent"] = payment_intent.clone();
            return error;
        }
        let mut error = json!({ "type": self.kind(), "message": self.to_string() });
        if let Some(code) = self.code() {
            error["code"] = json!(code);
            error["doc_url"] = doc_url(code);
        }
        if let Some(param) = self.param() {
            error["param"] = json!(param);
        }
        error
    }
}

impl Decline {
    /// Stripe's `code` and `decline_code`.
    fn codes(self) -> (&'static str, &'static str) {
        match self {
            Self::Generic => ("card_declined", "generic_decline"),
            Self::InsufficientFunds => ("card_declined", "insufficient_funds"),
            Self::AuthenticationRequired => ("authentication_required", "authentication_required"),
        }
    }

    fn message(self) -> &'static str {
        match self {
            Self::Generic => "Your card was declined.",
            Self::InsufficientFunds => "Your card has insufficient funds.",
            Self::AuthenticationRequired => {
                "Your card was declined. This transaction requires authentication."
            }
        }
    }

    /// Stripe's `card_error` object for a decline of the charge `charge` (a PaymentIntent's
    /// `last_payment_error`).
    pub(crate) fn card_error(self, charge: &str) -> Value {
        let (code, decline_code) = self.codes();
        json!({
            "type": "card_error",
            "code": code,
            "message": self.message(),
            "charge": charge,
            "doc_url": doc_url(code),
            "decline_code": decline_code,
        })
    }
}

fn doc_url(code: &str) -> Value {
    json!(format!("https://stripe.com/docs/error-codes/{code}"))
}
