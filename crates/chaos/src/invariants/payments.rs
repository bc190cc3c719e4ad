//! Invariants 3 and 4: the money at the fake Stripe against the orders and the payment
//! rows, and the refund outbox.

use std::collections::{BTreeMap, HashMap, HashSet};

use domain::order::OrderStatus;
use serde_json::Value;

use crate::invariants::evidence::{Evidence, Finding, Statuses, ids, is_live};

/// Invariant 3: Every succeeded PaymentIntent belongs to a confirmed (or later) order or was
/// refunded; one PaymentIntent per purpose of an order (the charge at order time, the
/// balance off-session); every refund at Stripe is recorded, and none is made twice.
pub(super) async fn money_matches_orders(
    evidence: &Evidence<'_>,
    statuses: &Statuses,
) -> anyhow::Result<Finding> {
    let mut finding =
        Finding::new("3. paid intents belong to live or refunded orders, nothing made twice");
    let refunds = evidence.stripe["refunds"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let mut refunds_of: HashMap<&str, Vec<&Value>> = HashMap::new();
    for refund in &refunds {
        if let Some(intent) = refund["payment_intent"].as_str() {
            refunds_of.entry(intent).or_default().push(refund);
        }
    }
    let intents = evidence.stripe["payment_intents"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    for intent in intents.iter().filter(|pi| pi["status"] == "succeeded") {
        let id = intent["id"].as_str().unwrap_or_default();
        let order = intent["metadata"]["order_id"].as_str().unwrap_or_default();
        let status = statuses.get(order).copied().flatten();
        let refunded = refunds_of.contains_key(id);
        let paid_for = status.is_some_and(|s| is_live(s) || s == OrderStatus::Refunded);
        if !paid_for && !refunded {
            finding.violation(format!(
                "{id} succeeded for {} order {order} and was never refunded",
                status.map_or("a missing", OrderStatus::code)
            ));
        }
        if let Some(made) = refunds_of.get(id).filter(|made| made.len() > 1) {
            finding.violation(format!("{id} was refunded {} times", made.len()));
        }
    }
    duplicate_intents(evidence, &mut finding);
    unrecorded_refunds(evidence, &mut finding).await?;
    Ok(finding)
}

/// PaymentIntents created (not replayed) more than once for one order and purpose.
fn duplicate_intents(evidence: &Evidence<'_>, finding: &mut Finding) {
    let requests = evidence.stripe["requests"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let mut made: BTreeMap<(String, bool), usize> = BTreeMap::new();
    for request in requests.iter().filter(|r| {
        r["endpoint"] == "POST /v1/payment_intents" && r["status"] == 200 && r["replayed"] != true
    }) {
        let params = &request["params"];
        let order = params["metadata"]["order_id"].as_str().unwrap_or_default();
        let off_session = params["off_session"] == "true";
        *made.entry((order.to_owned(), off_session)).or_default() += 1;
    }
    for ((order, off_session), count) in made.into_iter().filter(|(_, n)| *n > 1) {
        let purpose = if off_session {
            "balance"
        } else {
            "order-time charge"
        };
        finding.violation(format!(
            "{count} PaymentIntents for the {purpose} of order {order}"
        ));
    }
}

/// Refunds at Stripe that neither the payment rows nor the refund outbox know of, and
/// refund rows that name a refund Stripe never made.
async fn unrecorded_refunds(evidence: &Evidence<'_>, finding: &mut Finding) -> anyhow::Result<()> {
    let at_stripe = ids(&evidence.stripe["refunds"]);
    let rows: Vec<(String, Option<String>)> = evidence
        .reader
        .rows("SELECT order_id, stripe_id FROM payments WHERE kind = 'refund'")
        .await?;
    let mut recorded: HashSet<String> = rows.iter().filter_map(|(_, id)| id.clone()).collect();
    if evidence.reader.has_table("refunds").await? {
        let outbox: Vec<(Option<String>,)> = evidence
            .reader
            .rows("SELECT stripe_refund_id FROM refunds")
            .await?;
        recorded.extend(outbox.into_iter().filter_map(|(id,)| id));
    }
    for refund in at_stripe.difference(&recorded) {
        finding.violation(format!("refund {refund} at Stripe is recorded nowhere"));
    }
    for refund in recorded.difference(&at_stripe) {
        finding.violation(format!(
            "refund {refund} is recorded but Stripe never made it"
        ));
    }
    Ok(())
}

/// Invariant 4: Every money-back of the `refunds` outbox ended once Stripe was reachable:
/// a refund `succeeded` with its refund at Stripe, a void of an unpaid PaymentIntent
/// `voided`. Still `pending`, or `failed`, is a violation.
pub(super) async fn pending_refunds_end(evidence: &Evidence<'_>) -> anyhow::Result<Finding> {
    let mut finding = Finding::new("4. pending refunds end succeeded");
    if !evidence.reader.has_table("refunds").await? {
        finding.skipped = Some("no refunds table".to_owned());
        return Ok(finding);
    }
    let rows: Vec<(String, String, String, Option<String>)> = evidence
        .reader
        .rows("SELECT order_id, kind, status, stripe_refund_id FROM refunds")
        .await?;
    let at_stripe = ids(&evidence.stripe["refunds"]);
    for (order, kind, status, stripe_id) in rows {
        if kind == "void" && status == "voided" {
            continue;
        }
        if status != "succeeded" {
            finding.violation(format!("the refund of order {order} ended {status}"));
        } else if !stripe_id.as_ref().is_some_and(|id| at_stripe.contains(id)) {
            finding.violation(format!(
                "the refund of order {order} is succeeded without a refund at Stripe"
            ));
        }
    }
    Ok(finding)
}
