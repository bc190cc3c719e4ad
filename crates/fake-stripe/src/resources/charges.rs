//! Charges: made when a PaymentIntent's attempt succeeds (paid) or is declined (failed);
//! there is no endpoint for them, tests read them with `FakeStripe::charge`.

use serde_json::{Value, json};

use crate::fixtures::Fixtures;
use crate::state::Ledger;

/// Makes and stores the charge of an attempt to pay `pi`; returns its id.
pub(crate) fn make(ledger: &mut Ledger, fixtures: &Fixtures, pi: &Value, paid: bool) -> String {
    let id = ledger.id("ch");
    let mut charge = fixtures.charge.clone();
    charge["id"] = json!(id);
    charge["amount"] = pi["amount"].clone();
    charge["amount_captured"] = if paid { pi["amount"].clone() } else { json!(0) };
    charge["amount_refunded"] = json!(0);
    charge["captured"] = json!(paid);
    charge["paid"] = json!(paid);
    charge["refunded"] = json!(false);
    charge["status"] = json!(if paid { "succeeded" } else { "failed" });
    for field in ["currency", "customer", "payment_method", "metadata"] {
        charge[field] = pi[field].clone();
    }
    charge["payment_intent"] = pi["id"].clone();
    charge["created"] = json!(ledger.now());
    charge["description"] = Value::Null;
    set_outcome(ledger, &mut charge, paid);
    charge["refunds"] = json!({
        "object": "list", "data": [], "has_more": false,
        "url": format!("/v1/charges/{id}/refunds"),
    });
    charge["source"] = Value::Null;
    charge["transfer_data"] = Value::Null;
    charge["livemode"] = json!(false);
    ledger.charges.insert(id.clone(), charge);
    id
}

/// A paid charge has a balance transaction; a failed one says why it failed.
fn set_outcome(ledger: &mut Ledger, charge: &mut Value, paid: bool) {
    if paid {
        charge["failure_code"] = Value::Null;
        charge["failure_message"] = Value::Null;
        charge["balance_transaction"] = json!(ledger.id("txn"));
    } else {
        charge["failure_code"] = json!("card_declined");
        charge["failure_message"] = json!("Your card was declined.");
        charge["balance_transaction"] = Value::Null;
    }
}
