//! PaymentIntents: create (also confirmed at once, e.g. off-session charges), confirm and
//! cancel; and how an attempt to pay ends, [`settle`] (succeeded, with a paid
//! charge) or [`decline`] (back to `requires_payment_method`, with a failed charge), which
//! the test controls ([`succeed`], [`fail`]) use too.

use serde_json::{Value, json};

use super::charges;
use super::request::{Call, amount, flag, metadata, string_or_null};
use crate::error::{Decline, Error};
use crate::fixtures::Fixtures;
use crate::state::{Ledger, Switches};

/// The parameters `POST /v1/payment_intents` accepts.
pub(crate) const CREATE_PARAMS: &[&str] = &[
    "amount",
    "currency",
    "customer",
    "metadata",
    "setup_future_usage",
    "automatic_payment_methods",
    "payment_method",
    "payment_method_types",
    "confirm",
    "off_session",
    "error_on_requires_action",
    "description",
    "receipt_email",
    "capture_method",
    "confirmation_method",
    "return_url",
    "statement_descriptor_suffix",
    "expand",
];

/// The parameters `POST /v1/payment_intents/{id}/confirm` accepts.
pub(crate) const CONFIRM_PARAMS: &[&str] = &[
    "payment_method",
    "off_session",
    "return_url",
    "error_on_requires_action",
    "expand",
];

/// The parameters `POST /v1/payment_intents/{id}/cancel` accepts.
pub(crate) const CANCEL_PARAMS: &[&str] = &["cancellation_reason", "expand"];

/// The statuses an intent may be confirmed from.
const CONFIRMABLE: &[&str] = &[
    "requires_payment_method",
    "requires_confirmation",
    "requires_action",
];

/// The statuses an intent may be cancelled from.
const CANCELABLE: &[&str] = &[
    "requires_payment_method",
    "requires_capture",
    "requires_confirmation",
    "requires_action",
    "processing",
];

const CANCELLATION_REASONS: &[&str] = &[
    "duplicate",
    "fraudulent",
    "requested_by_customer",
    "abandoned",
];

/// The fields of a fresh intent: not attempted, cancelled, shipped or transferred yet.
const UNTOUCHED: &[&str] = &[
    "canceled_at",
    "cancellation_reason",
    "last_payment_error",
    "latest_charge",
    "next_action",
    "processing",
    "shipping",
    "transfer_data",
    "transfer_group",
    "application_fee_amount",
    "on_behalf_of",
    "review",
    "statement_descriptor",
    "managed_payments",
];

/// What a create asks for, read and checked in Stripe's order.
struct NewIntent {
    amount: i64,
    currency: String,
    customer: Option<String>,
    setup_future_usage: Option<String>,
    metadata: Value,
    automatic: Option<bool>,
    confirm: bool,
    off_session: bool,
}

/// `POST /v1/payment_intents`.
pub(crate) fn create(ledger: &mut Ledger, call: &Call<'_>) -> Result<Value, Error> {
    let new = NewIntent::read(ledger, call.params)?;
    let (confirm, off_session) = (new.confirm, new.off_session);
    let id = ledger.id("pi");
    let pi = new.build(ledger, call.fixtures, &id, call.params);
    ledger.intents.insert(id.clone(), pi.clone());
    if confirm {
        let payment_method = call.params["payment_method"].as_str();
        return attempt(ledger, call.fixtures, &id, payment_method, off_session);
    }
    Ok(pi)
}

/// `POST /v1/payment_intents/{id}/confirm`.
pub(crate) fn confirm(ledger: &mut Ledger, call: &Call<'_>) -> Result<Value, Error> {
    if !ledger.intents.contains_key(call.id) {
        return Err(no_such_intent(call.id));
    }
    let off_session = flag(call.params, "off_session")?.unwrap_or(false);
    let payment_method = call.params["payment_method"].as_str();
    attempt(ledger, call.fixtures, call.id, payment_method, off_session)
}

/// `POST /v1/payment_intents/{id}/cancel`.
pub(crate) fn cancel(ledger: &mut Ledger, call: &Call<'_>) -> Result<Value, Error> {
    let mut pi = stored(ledger, call.id)?;
    let status = status_of(&pi);
    if !CANCELABLE.contains(&status.as_str()) {
        return Err(Error::CannotCancel { status });
    }
    let reason = call.params["cancellation_reason"].as_str();
    if let Some(reason) = reason
        && !CANCELLATION_REASONS.contains(&reason)
    {
        return Err(Error::InvalidCancellationReason {
            value: reason.to_owned(),
        });
    }
    pi["status"] = json!("canceled");
    pi["canceled_at"] = json!(ledger.now());
    pi["cancellation_reason"] = json!(reason);
    ledger.intents.insert(call.id.to_owned(), pi.clone());
    Ok(pi)
}

/// The traveller paid in the browser: `succeeded`, with a payment method. `None` when there
/// is no such intent.
pub(crate) fn succeed(ledger: &mut Ledger, fixtures: &Fixtures, id: &str) -> Option<Value> {
    update(ledger, id, |ledger, pi| {
        if pi["payment_method"].is_null() {
            pi["payment_method"] = json!(ledger.id("pm"));
        }
        settle(ledger, fixtures, pi);
    })
}

/// The traveller's card was declined in the browser. `None` when there is no such intent.
pub(crate) fn fail(ledger: &mut Ledger, fixtures: &Fixtures, id: &str) -> Option<Value> {
    update(ledger, id, |ledger, pi| {
        decline(ledger, fixtures, pi, Decline::Generic);
    })
}

/// Confirms a stored intent: succeeds, or (off-session, when the test says so) fails with
/// a 402 card error carrying the intent, as Stripe does.
fn attempt(
    ledger: &mut Ledger,
    fixtures: &Fixtures,
    id: &str,
    payment_method: Option<&str>,
    off_session: bool,
) -> Result<Value, Error> {
    let mut pi = stored(ledger, id)?;
    let status = status_of(&pi);
    if !CONFIRMABLE.contains(&status.as_str()) {
        return Err(Error::CannotConfirm { status });
    }
    if let Some(method) = payment_method {
        pi["payment_method"] = json!(method);
    }
    if pi["payment_method"].is_null() {
        return Err(Error::NoPaymentMethod);
    }
    if let Some(reason) = off_session_decline(&ledger.switches, off_session) {
        let charge = decline(ledger, fixtures, &mut pi, reason);
        ledger.intents.insert(id.to_owned(), pi.clone());
        return Err(Error::CardDeclined {
            decline: reason,
            charge,
            payment_intent: pi,
        });
    }
    settle(ledger, fixtures, &mut pi);
    ledger.intents.insert(id.to_owned(), pi.clone());
    Ok(pi)
}

/// Why the test wants an off-session attempt declined, if it does.
fn off_session_decline(switches: &Switches, off_session: bool) -> Option<Decline> {
    if !off_session {
        None
    } else if switches.authentication_off_session {
        Some(Decline::AuthenticationRequired)
    } else if switches.decline_off_session {
        Some(Decline::InsufficientFunds)
    } else {
        None
    }
}

/// Marks `pi` succeeded, with a paid charge.
pub(crate) fn settle(ledger: &mut Ledger, fixtures: &Fixtures, pi: &mut Value) {
    let charge = charges::make(ledger, fixtures, pi, true);
    pi["status"] = json!("succeeded");
    pi["amount_received"] = pi["amount"].clone();
    pi["latest_charge"] = json!(charge);
    pi["last_payment_error"] = Value::Null;
    pi["next_action"] = Value::Null;
}

/// Marks `pi` declined: back to `requires_payment_method`, with a failed charge and the
/// card error as `last_payment_error`. Returns the charge's id.
pub(crate) fn decline(
    ledger: &mut Ledger,
    fixtures: &Fixtures,
    pi: &mut Value,
    reason: Decline,
) -> String {
    let charge = charges::make(ledger, fixtures, pi, false);
    pi["status"] = json!("requires_payment_method");
    pi["latest_charge"] = json!(charge);
    pi["last_payment_error"] = reason.card_error(&charge);
    charge
}

/// Changes a stored intent and stores it again; returns it, or `None` when there is none.
fn update(
    ledger: &mut Ledger,
    id: &str,
    change: impl FnOnce(&mut Ledger, &mut Value),
) -> Option<Value> {
    let mut pi = ledger.intents.get(id).cloned()?;
    change(ledger, &mut pi);
    ledger.intents.insert(id.to_owned(), pi.clone());
    Some(pi)
}

/// A copy of the stored intent named in the path.
fn stored(ledger: &Ledger, id: &str) -> Result<Value, Error> {
    ledger
        .intents
        .get(id)
        .cloned()
        .ok_or_else(|| no_such_intent(id))
}

fn no_such_intent(id: &str) -> Error {
    Error::NoSuchObject {
        kind: "payment_intent",
        id: id.to_owned(),
        param: "intent",
    }
}

fn status_of(pi: &Value) -> String {
    pi["status"].as_str().unwrap_or_default().to_owned()
}

impl NewIntent {
    fn read(ledger: &Ledger, params: &Value) -> Result<Self, Error> {
        let amount = amount(params, true)?.unwrap_or_default();
        let currency = currency(params)?;
        let customer = customer(ledger, params)?;
        let setup_future_usage = setup_future_usage(params)?;
        let metadata = metadata(params)?;
        let automatic = automatic_payment_methods(params)?;
        let confirm = flag(params, "confirm")?.unwrap_or(false);
        let off_session = flag(params, "off_session")?.unwrap_or(false);
        if off_session && !confirm {
            return Err(Error::OffSessionWithoutConfirm);
        }
        Ok(Self {
            amount,
            currency,
            customer,
            setup_future_usage,
            metadata,
            automatic,
            confirm,
            off_session,
        })
    }

    /// The new intent `id`, from the fixture.
    fn build(self, ledger: &mut Ledger, fixtures: &Fixtures, id: &str, params: &Value) -> Value {
        let mut pi = fixtures.payment_intent.clone();
        pi["id"] = json!(id);
        pi["object"] = json!("payment_intent");
        pi["amount"] = json!(self.amount);
        pi["amount_capturable"] = json!(0);
        pi["amount_received"] = json!(0);
        pi["currency"] = json!(self.currency);
        pi["customer"] = json!(self.customer);
        pi["metadata"] = self.metadata;
        pi["setup_future_usage"] = json!(self.setup_future_usage);
        pi["created"] = json!(ledger.now());
        pi["client_secret"] = json!(format!("{id}_secret_{}", secret_suffix(ledger.serial())));
        for field in [
            "description",
            "receipt_email",
            "statement_descriptor_suffix",
        ] {
            pi[field] = string_or_null(&params[field]);
        }
        for field in ["capture_method", "confirmation_method"] {
            if let Some(method) = params[field].as_str() {
                pi[field] = json!(method);
            }
        }
        set_payment_methods(ledger, &mut pi, self.automatic, params);
        for field in UNTOUCHED {
            pi[*field] = Value::Null;
        }
        pi["livemode"] = json!(false);
        pi
    }
}

/// The payment method fields, and the status they imply.
fn set_payment_methods(
    ledger: &mut Ledger,
    pi: &mut Value,
    automatic: Option<bool>,
    params: &Value,
) {
    pi["automatic_payment_methods"] = match automatic {
        Some(enabled) => json!({"enabled": enabled, "allow_redirects": "always"}),
        None => Value::Null,
    };
    pi["payment_method_configuration_details"] = match automatic {
        Some(true) => json!({"id": ledger.id("pmc"), "parent": null}),
        _ => Value::Null,
    };
    pi["payment_method_types"] = match &params["payment_method_types"] {
        Value::Array(types) => Value::Array(types.clone()),
        _ => json!(["card"]),
    };
    pi["payment_method"] = string_or_null(&params["payment_method"]);
    pi["status"] = json!(if pi["payment_method"].is_null() {
        "requires_payment_method"
    } else {
        "requires_confirmation"
    });
}

fn currency(params: &Value) -> Result<String, Error> {
    match params["currency"].as_str() {
        None => Err(Error::MissingParameter { name: "currency" }),
        Some(c) if c.len() == 3 && c.bytes().all(|b| b.is_ascii_lowercase()) => Ok(c.to_owned()),
        Some(c) => Err(Error::InvalidCurrency {
            value: c.to_owned(),
        }),
    }
}

/// The `customer`, which must exist.
fn customer(ledger: &Ledger, params: &Value) -> Result<Option<String>, Error> {
    let customer = params["customer"].as_str();
    if let Some(id) = customer
        && !ledger.customers.contains_key(id)
    {
        return Err(Error::NoSuchReference {
            param: "customer",
            id: id.to_owned(),
        });
    }
    Ok(customer.map(str::to_owned))
}

fn setup_future_usage(params: &Value) -> Result<Option<String>, Error> {
    match params["setup_future_usage"].as_str() {
        None => Ok(None),
        Some(usage @ ("off_session" | "on_session")) => Ok(Some(usage.to_owned())),
        Some(other) => Err(Error::InvalidSetupFutureUsage {
            value: other.to_owned(),
        }),
    }
}

/// `automatic_payment_methods[enabled]`, when the hash is given.
fn automatic_payment_methods(params: &Value) -> Result<Option<bool>, Error> {
    match &params["automatic_payment_methods"] {
        Value::Null => Ok(None),
        apm => match apm["enabled"].as_str() {
            Some("true") => Ok(Some(true)),
            Some("false") => Ok(Some(false)),
            _ => Err(Error::MissingParameter {
                name: "automatic_payment_methods[enabled]",
            }),
        },
    }
}

/// 24 letters and digits that look like a client secret's tail, derived from `n`.
fn secret_suffix(n: u64) -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    let mut state = n.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03;
    (0..24)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let index = usize::try_from(state % ALPHABET.len() as u64).unwrap_or_default();
            char::from(ALPHABET[index])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_suffixes_differ() {
        assert_ne!(secret_suffix(1), secret_suffix(2));
        assert_eq!(secret_suffix(1).len(), 24);
    }
}
