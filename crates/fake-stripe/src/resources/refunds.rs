//! Refunds: `POST /v1/refunds`, of a PaymentIntent or of a charge, in part or in full,
//! within what is left on the charge; a refund counts on its charge (`amount_refunded`).

use serde_json::{Value, json};

use super::request::{Call, amount, metadata, string_or_null};
use crate::error::Error;
use crate::state::Ledger;

/// The parameters `POST /v1/refunds` accepts.
pub(crate) const CREATE_PARAMS: &[&str] = &[
    "payment_intent",
    "charge",
    "amount",
    "metadata",
    "reason",
    "expand",
];

/// The successful charge of a PaymentIntent, as far as refunds go.
struct Paid {
    pi_id: String,
    pi: Value,
    charge: String,
    captured: i64,
    refunded: i64,
}

/// `POST /v1/refunds`.
pub(crate) fn create(ledger: &mut Ledger, call: &Call<'_>) -> Result<Value, Error> {
    let params = call.params;
    let requested = amount(params, false)?;
    let metadata = metadata(params)?;
    let paid = Paid::find(ledger, params)?;
    let amount = paid.refundable(requested)?;

    let id = ledger.id("re");
    let mut refund = call.fixtures.refund.clone();
    refund["id"] = json!(id);
    refund["amount"] = json!(amount);
    for field in ["currency", "customer", "payment_method"] {
        refund[field] = paid.pi[field].clone();
    }
    refund["charge"] = json!(paid.charge);
    refund["payment_intent"] = json!(paid.pi_id);
    refund["metadata"] = metadata;
    refund["reason"] = string_or_null(&params["reason"]);
    refund["status"] = json!("succeeded");
    refund["created"] = json!(ledger.now());
    refund["balance_transaction"] = json!(ledger.id("txn"));
    ledger.refunds.insert(id, refund.clone());
    if let Some(charge) = ledger.charges.get_mut(&paid.charge) {
        charge["amount_refunded"] = json!(paid.refunded + amount);
        charge["refunded"] = json!(paid.refunded + amount == paid.captured);
    }
    Ok(refund)
}

impl Paid {
    /// The PaymentIntent the refund names (`payment_intent`, or the intent of `charge`),
    /// which must have a successful charge.
    fn find(ledger: &Ledger, params: &Value) -> Result<Self, Error> {
        let pi_id = payment_intent_of(ledger, params)?;
        let Some(pi) = ledger.intents.get(&pi_id).cloned() else {
            return Err(Error::NoSuchReference {
                param: "payment_intent",
                id: pi_id,
            });
        };
        let charge = pi["latest_charge"].as_str().unwrap_or_default().to_owned();
        let Some(stored) = ledger
            .charges
            .get(&charge)
            .filter(|_| pi["status"] == "succeeded")
        else {
            return Err(Error::NotRefundable {
                payment_intent: pi_id,
            });
        };
        Ok(Self {
            captured: pi["amount_received"].as_i64().unwrap_or_default(),
            refunded: stored["amount_refunded"].as_i64().unwrap_or_default(),
            pi_id,
            pi,
            charge,
        })
    }

    /// How much a refund of `requested` (else of all that is left) takes.
    fn refundable(&self, requested: Option<i64>) -> Result<i64, Error> {
        let remaining = self.captured - self.refunded;
        let amount = requested.unwrap_or(remaining);
        if remaining <= 0 {
            return Err(Error::AlreadyRefunded {
                charge: self.charge.clone(),
            });
        }
        if amount > remaining {
            return Err(Error::RefundTooLarge { amount, remaining });
        }
        Ok(amount)
    }
}

/// The id of the PaymentIntent a refund is for.
fn payment_intent_of(ledger: &Ledger, params: &Value) -> Result<String, Error> {
    match (params["payment_intent"].as_str(), params["charge"].as_str()) {
        (Some(pi), _) => Ok(pi.to_owned()),
        (None, Some(charge)) => match ledger.charges.get(charge) {
            Some(charge) => Ok(charge["payment_intent"]
                .as_str()
                .unwrap_or_default()
                .to_owned()),
            None => Err(Error::NoSuchReference {
                param: "charge",
                id: charge.to_owned(),
            }),
        },
        (None, None) => Err(Error::RefundTargetMissing),
    }
}
