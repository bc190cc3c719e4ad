//! The storm: concurrent clients, each a seeded random walk over what travellers and staff
//! do (card orders paid through the fake Stripe, pay-at-counter orders, cancellations, the
//! workshop's ticket moves, the counter's receipts and handovers) against whichever
//! servers are up; and the close of the storm, when every traveller finishes what they
//! started.

use std::sync::Arc;
use std::time::{Duration, Instant};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use reqwest::StatusCode;
use serde_json::{Value, json};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::cluster::{Answer, Cluster};
use crate::observed::{Observed, PlacedOrder, Unanswered};
use crate::servers::Stripe;
use crate::setup::{COUNTER_ID, Cast};

/// How often an order request is sent again while it fails (same key, as the widget).
const ORDER_TRIES: u32 = 4;
/// The travellers, with the passport digits the counter checks.
const TRAVELLERS: [(&str, &str); 4] = [
    ("Emma Wilson", "E1W9"),
    ("Kim Minji", "K2M8"),
    ("Mia Tanaka", "7K2Q"),
    ("Li Wei", "L4W6"),
];

/// What the clients share.
pub struct Storm {
    pub cluster: Cluster,
    pub stripe: Arc<Stripe>,
    pub cast: Cast,
    pub observed: Observed,
}

/// The things a client does, with their weights.
#[derive(Debug, Clone, Copy)]
enum Action {
    CardOrder,
    CounterOrder,
    Pay,
    Cancel,
    MoveTicket,
    Receive,
}

const ACTIONS: [(Action, u32); 6] = [
    (Action::CardOrder, 24),
    (Action::CounterOrder, 20),
    (Action::Pay, 8),
    (Action::Cancel, 10),
    (Action::MoveTicket, 28),
    (Action::Receive, 10),
];

/// Runs `clients` clients until `until`; client `n` draws from `seed + n`.
pub async fn run(storm: &Arc<Storm>, clients: u32, seed: u64, until: Instant) {
    let mut running = tokio::task::JoinSet::new();
    for n in 0..clients {
        let storm = Arc::clone(storm);
        let rng = StdRng::seed_from_u64(seed.wrapping_add(u64::from(n)));
        running.spawn(client(storm, rng, until));
    }
    while running.join_next().await.is_some() {}
}

async fn client(storm: Arc<Storm>, mut rng: StdRng, until: Instant) {
    let total: u32 = ACTIONS.iter().map(|(_, weight)| weight).sum();
    while Instant::now() < until {
        let mut draw = rng.random_range(0..total);
        let action = ACTIONS
            .iter()
            .find(|(_, weight)| {
                let hit = draw < *weight;
                draw = draw.saturating_sub(*weight);
                hit
            })
            .map_or(Action::MoveTicket, |(action, _)| *action);
        match action {
            Action::CardOrder => place(&storm, &mut rng, true).await,
            Action::CounterOrder => place(&storm, &mut rng, false).await,
            Action::Pay => pay_one(&storm, &mut rng).await,
            Action::Cancel => cancel_one(&storm, &mut rng).await,
            Action::MoveTicket => move_ticket(&storm, &mut rng).await,
            Action::Receive => receive(&storm, &mut rng).await,
        }
        tokio::time::sleep(Duration::from_millis(rng.random_range(0..30))).await;
    }
}

/// The end of the storm: every traveller whose order was never answered asks again with
/// the same key, and every card order neither paid nor cancelled is paid.
pub async fn close(storm: &Storm, rng: &mut StdRng) {
    for request in storm.observed.take_unanswered() {
        send_order(storm, rng, request).await;
    }
    for order in storm.observed.orders() {
        if !order.paid && !order.cancelled {
            pay(storm, &order).await;
        }
    }
}

/// Places an order of one or two leather goods, by card or at the counter.
async fn place(storm: &Storm, rng: &mut StdRng, card: bool) {
    let products: Vec<i64> = if card {
        [&storm.cast.card_only[..], &storm.cast.pay_at_counter[..]].concat()
    } else {
        storm.cast.pay_at_counter.clone()
    };
    // One or two different goods (the same product twice would be one line).
    let first = rng.random_range(0..products.len());
    let mut chosen = vec![products[first]];
    if products.len() > 1 && rng.random_bool(0.4) {
        let second = (first + rng.random_range(1..products.len())) % products.len();
        chosen.push(products[second]);
    }
    let items: Vec<Value> = chosen
        .iter()
        .map(|product| json!({ "product_id": product, "quantity": 1, "options": {} }))
        .collect();
    let (name, passport) = TRAVELLERS[rng.random_range(0..TRAVELLERS.len())];
    let body = json!({
        "items": items,
        "itinerary": trip(rng),
        "traveller": { "name": name, "email": "traveller@example.com", "passport_last4": passport, "language": "en" },
        "payment": if card { "stripe" } else { "counter" },
    });
    let key = format!("chaos-{:016x}", rng.random::<u64>());
    if let Some(order) = send_order(storm, rng, Unanswered { key, body }).await
        && order.payment_intent.is_some()
        && rng.random_bool(0.75)
    {
        pay(storm, &order).await;
    }
}

/// Sends an order request until it is answered (or gives up, keeping it for later);
/// returns the order when it was answered 201.
async fn send_order(storm: &Storm, rng: &mut StdRng, request: Unanswered) -> Option<PlacedOrder> {
    let mut answer = Answer::Unanswered;
    for _ in 0..ORDER_TRIES {
        answer = storm
            .cluster
            .send(rng, |client, base| {
                client
                    .post(format!("{base}/api/v1/orders"))
                    .header("idempotency-key", &request.key)
                    .json(&request.body)
            })
            .await;
        storm.observed.count("place order", &answer);
        if !answer.is_failure() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    if answer.is_failure() {
        storm.observed.add_unanswered(request);
        return None;
    }
    let body = answer.body_if(StatusCode::CREATED)?;
    let text = |pointer: &str| {
        body.pointer(pointer)
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    let traveller = &request.body["traveller"];
    let order = PlacedOrder {
        id: text("/id")?,
        token: text("/token")?,
        pickup_code: text("/pickup_code").unwrap_or_default(),
        traveller_name: traveller["name"].as_str().unwrap_or_default().to_owned(),
        passport_last4: traveller["passport_last4"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
        items: request.body["items"].as_array().map_or(0, Vec::len),
        payment_intent: text("/payment/client_secret")
            .and_then(|secret| secret.split("_secret_").next().map(str::to_owned)),
        paid: false,
        cancelled: false,
        handed_over: false,
    };
    // A repeated key answers the stored order again.
    if storm.observed.find(&order.id).is_none() {
        storm.observed.add_order(order.clone());
    }
    Some(order)
}

/// A trip collecting at Incheon T1, departing 20 to 85 days from now.
fn trip(rng: &mut StdRng) -> Value {
    let now = OffsetDateTime::now_utc();
    let departure = now + time::Duration::days(rng.random_range(20..=85));
    let arrival = departure - time::Duration::days(rng.random_range(3..=12));
    let format = |instant: OffsetDateTime| instant.format(&Rfc3339).unwrap_or_default();
    json!({ "arrival": format(arrival), "departure": format(departure), "counter_id": COUNTER_ID })
}

async fn pay_one(storm: &Storm, rng: &mut StdRng) {
    let unpaid = |o: &PlacedOrder| o.payment_intent.is_some() && !o.paid && !o.cancelled;
    if let Some(order) = storm.observed.pick(rng, unpaid) {
        pay(storm, &order).await;
    }
}

/// The traveller completes the card payment in the browser.
async fn pay(storm: &Storm, order: &PlacedOrder) {
    let Some(intent) = &order.payment_intent else {
        return;
    };
    if let Ok(true) = storm.stripe.pay(intent).await {
        storm.observed.update(&order.id, |o| o.paid = true);
    }
}

async fn cancel_one(storm: &Storm, rng: &mut StdRng) {
    let Some(order) = storm.observed.pick(rng, |o| !o.cancelled && !o.handed_over) else {
        return;
    };
    let answer = storm
        .cluster
        .send(rng, |client, base| {
            client
                .post(format!("{base}/api/v1/orders/{}/cancel", order.id))
                .bearer_auth(&order.token)
        })
        .await;
    storm.observed.count("cancel", &answer);
    if answer.body_if(StatusCode::OK).is_some() {
        storm.observed.update(&order.id, |o| o.cancelled = true);
    }
}

/// The workshop takes one of its tickets and moves it on one to five steps.
async fn move_ticket(storm: &Storm, rng: &mut StdRng) {
    let token = &storm.cast.workshop_token;
    let Some(tickets) = list(
        storm,
        rng,
        token,
        "/api/v1/workshop/tickets",
        "list tickets",
    )
    .await
    else {
        return;
    };
    let movable: Vec<&Value> = tickets
        .iter()
        .filter(|t| t["allowed"].as_array().is_some_and(|a| !a.is_empty()))
        .collect();
    if movable.is_empty() {
        return;
    }
    let mut ticket = movable[rng.random_range(0..movable.len())].clone();
    let Some(id) = ticket["id"].as_i64() else {
        return;
    };
    for _ in 0..rng.random_range(1..=5) {
        let Some(status) = next_status(rng, &ticket) else {
            return;
        };
        let path = format!("/api/v1/workshop/tickets/{id}/status");
        let body = json!({ "status": status });
        let answer = post(storm, rng, token, &path, &body, "move ticket").await;
        match answer.body_if(StatusCode::OK) {
            Some(moved) => ticket = moved.clone(),
            None => return,
        }
    }
}

/// One of the moves the ticket allows: onwards mostly, back to production after the
/// quality check in 10 % of cases, a decline in 3 %.
fn next_status<'a>(rng: &mut StdRng, ticket: &'a Value) -> Option<&'a str> {
    let allowed: Vec<&str> = ticket["allowed"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let detour =
        |s: &str| s == "declined" || (s == "in_production" && ticket["status"] == "quality_check");
    let onward: Vec<&str> = allowed.iter().copied().filter(|s| !detour(s)).collect();
    let detours: Vec<&str> = allowed.iter().copied().filter(|s| detour(s)).collect();
    let rework = detours.contains(&"in_production") && rng.random_bool(0.1);
    let decline = detours.contains(&"declined") && rng.random_bool(0.03);
    if onward.is_empty() || rework || decline {
        let pick = if rework { "in_production" } else { "declined" };
        detours
            .into_iter()
            .find(|s| *s == pick)
            .or(onward.first().copied())
    } else {
        Some(onward[rng.random_range(0..onward.len())])
    }
}

/// The counter receives some of what was dispatched to it, and hands over the orders that
/// are complete at the counter.
async fn receive(storm: &Storm, rng: &mut StdRng) {
    let token = &storm.cast.counter_token;
    let Some(incoming) = list(
        storm,
        rng,
        token,
        "/api/v1/counter/incoming",
        "list incoming",
    )
    .await
    else {
        return;
    };
    let tickets: Vec<Value> = incoming
        .iter()
        .take(4)
        .map(|t| t["ticket"].clone())
        .collect();
    if tickets.is_empty() {
        return;
    }
    let body = json!({ "ticket_ids": tickets });
    let answer = post(
        storm,
        rng,
        token,
        "/api/v1/counter/receipts",
        &body,
        "receive",
    )
    .await;
    let Some(results) = answer
        .body_if(StatusCode::OK)
        .and_then(|b| b["results"].as_array())
    else {
        return;
    };
    let ready: Vec<String> = results
        .iter()
        .filter(|r| r["order_status"] == "at_counter")
        .filter_map(|r| {
            let ticket = r["ticket"].as_str()?;
            let item = incoming.iter().find(|t| t["ticket"] == ticket)?;
            item["order_id"].as_str().map(str::to_owned)
        })
        .collect();
    for order_id in ready {
        if let Some(order) = storm.observed.find(&order_id)
            && !order.handed_over
        {
            hand_over(storm, rng, &order).await;
        }
    }
}

async fn hand_over(storm: &Storm, rng: &mut StdRng, order: &PlacedOrder) {
    let body = json!({
        "name": order.traveller_name,
        "passport_last4": order.passport_last4,
        "balance_method": "card",
    });
    let path = format!("/api/v1/counter/pickups/{}/handover", order.pickup_code);
    let token = &storm.cast.counter_token;
    let answer = post(storm, rng, token, &path, &body, "hand over").await;
    if answer.body_if(StatusCode::CREATED).is_some() {
        storm.observed.update(&order.id, |o| o.handed_over = true);
    }
}

/// A staff member's `GET` of a list, counted as `action`; the list when answered 200.
async fn list(
    storm: &Storm,
    rng: &mut StdRng,
    token: &str,
    path: &str,
    action: &'static str,
) -> Option<Vec<Value>> {
    let answer = storm
        .cluster
        .send(rng, |client, base| {
            client.get(format!("{base}{path}")).bearer_auth(token)
        })
        .await;
    storm.observed.count(action, &answer);
    answer.body_if(StatusCode::OK)?.as_array().cloned()
}

/// A staff member's `POST` of `body`, counted as `action`.
async fn post(
    storm: &Storm,
    rng: &mut StdRng,
    token: &str,
    path: &str,
    body: &Value,
    action: &'static str,
) -> Answer {
    let answer = storm
        .cluster
        .send(rng, |client, base| {
            client
                .post(format!("{base}{path}"))
                .bearer_auth(token)
                .json(body)
        })
        .await;
    storm.observed.count(action, &answer);
    answer
}
