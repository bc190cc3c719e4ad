//! Customers: `POST /v1/customers` makes one from the fixture and the request (retrieving
//! one is the ledger's, as for every object).

use serde_json::{Value, json};

use super::request::{Call, metadata, string_or_null};
use crate::error::Error;
use crate::state::Ledger;

/// The parameters `POST /v1/customers` accepts.
pub(crate) const CREATE_PARAMS: &[&str] = &[
    "email",
    "name",
    "description",
    "phone",
    "metadata",
    "preferred_locales",
    "expand",
];

/// `POST /v1/customers`.
pub(crate) fn create(ledger: &mut Ledger, call: &Call<'_>) -> Result<Value, Error> {
    let params = call.params;
    let metadata = metadata(params)?;
    let id = ledger.id("cus");
    let mut customer = call.fixtures.customer.clone();
    customer["id"] = json!(id);
    customer["created"] = json!(ledger.now());
    for field in ["email", "name", "description", "phone"] {
        customer[field] = string_or_null(&params[field]);
    }
    customer["metadata"] = metadata;
    customer["preferred_locales"] = match &params["preferred_locales"] {
        Value::Array(locales) => Value::Array(locales.clone()),
        _ => json!([]),
    };
    // A new customer has no address, currency, discount or shipping yet.
    for field in ["address", "currency", "discount", "shipping"] {
        customer[field] = Value::Null;
    }
    customer["invoice_prefix"] = json!(format!("{:08X}", ledger.serial()));
    customer["livemode"] = json!(false);
    ledger.customers.insert(id, customer.clone());
    Ok(customer)
}
