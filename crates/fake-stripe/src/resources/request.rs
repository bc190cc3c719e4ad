//! What an endpoint is given ([`Call`]), and the parameters Stripe checks the same way on
//! every endpoint: amounts, booleans, metadata, optional strings.

use serde_json::{Map, Value, json};

use crate::error::Error;
use crate::fixtures::Fixtures;

/// The largest amount Stripe takes: eight digits (for a zero-decimal currency such as KRW
/// that is ₩99,999,999).
const MAX_AMOUNT: i64 = 99_999_999;

/// Stripe's metadata limits.
const MAX_METADATA_KEYS: usize = 50;
const MAX_METADATA_KEY_CHARS: usize = 40;
const MAX_METADATA_VALUE_CHARS: usize = 500;

/// One request to an endpoint.
pub(crate) struct Call<'a> {
    /// Stripe's example objects, which new objects start from.
    pub(crate) fixtures: &'a Fixtures,
    /// The object id in the path ("" when the endpoint names none).
    pub(crate) id: &'a str,
    /// The form parameters as a JSON tree of strings.
    pub(crate) params: &'a Value,
}

/// Reads `amount` as a positive integer of at most eight digits.
pub(crate) fn amount(params: &Value, required: bool) -> Result<Option<i64>, Error> {
    let Some(text) = params["amount"].as_str() else {
        return if required {
            Err(Error::MissingParameter { name: "amount" })
        } else {
            Ok(None)
        };
    };
    let amount = text.parse::<i64>().map_err(|_| Error::AmountNotInteger {
        text: text.to_owned(),
    })?;
    if amount < 1 {
        return Err(Error::AmountBelowOne);
    }
    if amount > MAX_AMOUNT {
        return Err(Error::AmountAboveLimit);
    }
    Ok(Some(amount))
}

/// Reads a boolean parameter (`true` or `false`), if given.
pub(crate) fn flag(params: &Value, name: &'static str) -> Result<Option<bool>, Error> {
    match params[name].as_str() {
        None => Ok(None),
        Some("true") => Ok(Some(true)),
        Some("false") => Ok(Some(false)),
        Some(other) => Err(Error::InvalidBoolean {
            name,
            value: other.to_owned(),
        }),
    }
}

/// Reads `metadata[…]` within Stripe's limits: 50 keys, keys up to 40 characters, values up
/// to 500.
pub(crate) fn metadata(params: &Value) -> Result<Value, Error> {
    let map = match &params["metadata"] {
        Value::Null => return Ok(json!({})),
        Value::String(empty) if empty.is_empty() => return Ok(json!({})),
        Value::Object(map) => map,
        _ => return Err(Error::MetadataNotAHash),
    };
    if map.len() > MAX_METADATA_KEYS {
        return Err(Error::TooManyMetadataKeys);
    }
    map.iter()
        .map(|(key, value)| metadata_entry(key, value))
        .collect::<Result<Map<_, _>, _>>()
        .map(Value::Object)
}

fn metadata_entry(key: &str, value: &Value) -> Result<(String, Value), Error> {
    let Some(value) = value.as_str() else {
        return Err(Error::MetadataValueNotText);
    };
    if key.chars().count() > MAX_METADATA_KEY_CHARS
        || value.chars().count() > MAX_METADATA_VALUE_CHARS
    {
        return Err(Error::MetadataTooLong {
            key: key.to_owned(),
        });
    }
    Ok((key.to_owned(), json!(value)))
}

/// A string parameter as given, else `null`.
pub(crate) fn string_or_null(value: &Value) -> Value {
    match value.as_str() {
        Some(text) => json!(text),
        None => Value::Null,
    }
}
