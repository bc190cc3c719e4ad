//! Idempotency keys, as Stripe honours them on POST: an answer is kept under its key once
//! the endpoint started executing; the same key with the same parameters answers it again,
//! with other parameters or on another endpoint it is an `idempotency_error`.

use std::collections::HashMap;

use axum::http::StatusCode;
use serde_json::Value;

use crate::error::{Answer, Error};

/// The longest key Stripe accepts.
const MAX_KEY_LEN: usize = 255;

/// The answers kept, by key.
#[derive(Default)]
pub(crate) struct Idempotency {
    stored: HashMap<String, Stored>,
}

/// An answer kept for a key, with the request it answered.
struct Stored {
    endpoint: String,
    params: Value,
    answer: Answer,
}

impl Idempotency {
    /// The answer kept for `key`, if any, for a request to `endpoint` (method and concrete
    /// path) with `params`.
    ///
    /// # Errors
    /// A key that is too long, or was first used on another endpoint or with other
    /// parameters.
    pub(crate) fn replay(
        &self,
        key: &str,
        endpoint: &str,
        params: &Value,
    ) -> Result<Option<Answer>, Error> {
        if key.len() > MAX_KEY_LEN {
            return Err(Error::IdempotencyKeyTooLong);
        }
        let Some(stored) = self.stored.get(key) else {
            return Ok(None);
        };
        if stored.endpoint != endpoint {
            return Err(Error::IdempotencyOtherEndpoint {
                key: key.to_owned(),
                first: stored.endpoint.clone(),
                now: endpoint.to_owned(),
            });
        }
        if stored.params != *params {
            return Err(Error::IdempotencyOtherParameters {
                key: key.to_owned(),
            });
        }
        Ok(Some(stored.answer.clone()))
    }

    /// Keeps `answer` under `key` when Stripe would: once the endpoint started executing (a
    /// success, or a declined card), not after the request failed validation.
    pub(crate) fn keep(&mut self, key: &str, endpoint: &str, params: Value, answer: &Answer) {
        if answer.status.is_success() || answer.status == StatusCode::PAYMENT_REQUIRED {
            let stored = Stored {
                endpoint: endpoint.to_owned(),
                params,
                answer: answer.clone(),
            };
            self.stored.insert(key.to_owned(), stored);
        }
    }
}
