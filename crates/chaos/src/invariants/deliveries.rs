//! Invariant 5: nothing lost on the way out: tickets of live orders, the workshop's webhook
//! deliveries and Stripe's events.

use std::collections::{HashMap, HashSet};

use domain::order::OrderStatus;

use crate::invariants::evidence::{Evidence, Finding, Statuses, is_live};

/// Invariant 5: Every item of a live order has exactly one ticket; every workshop event has a
/// delivery to each of the workshop's active endpoints, delivered and received at least
/// once; every Stripe event was delivered to a server and recorded there.
pub(super) async fn nothing_lost(
    evidence: &Evidence<'_>,
    statuses: &Statuses,
) -> anyhow::Result<Finding> {
    let mut finding = Finding::new("5. tickets exist once, no webhook delivery or event lost");
    let tickets: Vec<(String, i64, i64)> = evidence
        .reader
        .rows(
            "SELECT oi.order_id, CAST(oi.id AS BIGINT), CAST(COUNT(t.id) AS BIGINT) \
             FROM order_items oi LEFT JOIN tickets t ON t.order_item_id = oi.id \
             GROUP BY oi.order_id, oi.id",
        )
        .await?;
    for (order, item, count) in tickets {
        let status = statuses.get(&order).copied().flatten();
        if status.is_some_and(is_live) && count != 1 {
            finding.violation(format!(
                "item {item} of {} order {order} has {count} tickets",
                status.map_or("?", OrderStatus::code)
            ));
        }
    }
    workshop_deliveries(evidence, &mut finding).await?;
    stripe_events(evidence, &mut finding).await?;
    Ok(finding)
}

async fn workshop_deliveries(evidence: &Evidence<'_>, finding: &mut Finding) -> anyhow::Result<()> {
    let reader = evidence.reader;
    let events: Vec<(i64, i64)> = reader
        .rows(
            "SELECT CAST(id AS BIGINT), CAST(workshop_id AS BIGINT) FROM events \
             WHERE workshop_id IS NOT NULL",
        )
        .await?;
    let endpoints: Vec<(i64, i64)> = reader
        .rows(
            "SELECT CAST(id AS BIGINT), CAST(workshop_id AS BIGINT) FROM webhook_endpoints \
             WHERE active = TRUE",
        )
        .await?;
    let deliveries: Vec<(i64, i64, i64)> = reader
        .rows(
            "SELECT CAST(endpoint_id AS BIGINT), CAST(event_id AS BIGINT), \
             CAST(CASE WHEN delivered_at IS NULL THEN 0 ELSE 1 END AS BIGINT) \
             FROM webhook_deliveries",
        )
        .await?;
    let delivered: HashMap<(i64, i64), bool> = deliveries
        .into_iter()
        .map(|(endpoint, event, done)| ((endpoint, event), done == 1))
        .collect();
    for (event, workshop) in events {
        for (endpoint, _) in endpoints.iter().filter(|(_, w)| *w == workshop) {
            match delivered.get(&(*endpoint, event)) {
                None => finding.violation(format!(
                    "event {event} has no delivery to endpoint {endpoint}"
                )),
                Some(false) => finding.violation(format!(
                    "event {event} is still undelivered to endpoint {endpoint}"
                )),
                Some(true) if !evidence.received.contains_key(&event) => finding.violation(
                    format!("event {event} is marked delivered but the endpoint never received it"),
                ),
                Some(true) => {}
            }
        }
    }
    Ok(())
}

async fn stripe_events(evidence: &Evidence<'_>, finding: &mut Finding) -> anyhow::Result<()> {
    let recorded: Vec<(String,)> = evidence.reader.rows("SELECT id FROM stripe_events").await?;
    let recorded: HashSet<String> = recorded.into_iter().map(|(id,)| id).collect();
    for event in evidence.stripe["events"].as_array().into_iter().flatten() {
        let id = event["id"].as_str().unwrap_or_default();
        let kind = event["type"].as_str().unwrap_or_default();
        if event["delivered"] != true {
            finding.violation(format!("Stripe event {id} ({kind}) was never delivered"));
        } else if !recorded.contains(id) {
            finding.violation(format!(
                "Stripe event {id} ({kind}) was answered 2xx but not recorded"
            ));
        }
    }
    Ok(())
}
