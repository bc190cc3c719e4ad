//! Card payments with Stripe (through the local fake): the deposit charged at order time
//! once however often the order is retried, signed webhooks applied once and in any order,
//! refunds by policy, the balance charged off-session when the goods are ready, unpaid
//! orders released after the hold, and servers without Stripe. After every scenario the
//! order's money record must add up against the operator's reconciliation view.

use std::sync::Arc;

use reqwest::{Client, Response, StatusCode};
use serde_json::{Value, json};
use time::{Duration, OffsetDateTime};

use fake_stripe::{Signing, WEBHOOK_SECRET};

use crate::helpers::*;

const WEBHOOK: &str = "/api/v1/payments/stripe/webhook";
pub(crate) const RESERVED_MINUTES: &str =
    "SELECT COALESCE(SUM(reserved_minutes), 0) FROM workshop_day_loads";
/// The Seoul day of [`NOW`], when every movement of these tests is recorded.
const TODAY: &str = "2026-12-01";

// ---------------------------------------------------------------------------------------
// Helpers

/// The shirt (deposit 30 %, card only) ordered by card on a comfortable trip; returns the
/// 201 body.
pub(crate) async fn card_shirt(app: &TestApp) -> Value {
    let shirt = app.product_id("made-to-measure-shirt").await;
    app.place(&order_body(shirt, 1, long_trip())).await
}

pub(crate) fn id_token(created: &Value) -> (String, String) {
    (
        created["id"].as_str().expect("order id").to_owned(),
        created["token"].as_str().expect("order token").to_owned(),
    )
}

pub(crate) async fn order_view(app: &TestApp, id: &str, token: &str) -> Value {
    expect_status(app.get_order(id, token).await, StatusCode::OK).await
}

/// The PaymentIntents the fake holds for an order, oldest first.
fn intents_of(app: &TestApp, order_id: &str) -> Vec<Value> {
    app.stripe
        .payment_intents()
        .into_iter()
        .filter(|pi| pi["metadata"]["order_id"] == order_id)
        .collect()
}

/// The one PaymentIntent created when the order was placed.
pub(crate) fn deposit_intent(app: &TestApp, order_id: &str) -> Value {
    let intents = intents_of(app, order_id);
    assert!(!intents.is_empty(), "no PaymentIntent for order {order_id}");
    intents[0].clone()
}

/// Posts a webhook as Stripe would: the raw payload with its `Stripe-Signature`.
async fn deliver_to(base: &str, (payload, signature): &(Vec<u8>, String)) -> Response {
    Client::new()
        .post(format!("{base}{WEBHOOK}"))
        .header("content-type", "application/json")
        .header("stripe-signature", signature)
        .body(payload.clone())
        .send()
        .await
        .expect("request")
}

async fn deliver(app: &TestApp, event: &(Vec<u8>, String)) -> Response {
    deliver_to(&app.base, event).await
}

/// Delivers an event that must be accepted.
pub(crate) async fn deliver_ok(app: &TestApp, event: &(Vec<u8>, String)) {
    let response = deliver(app, event).await;
    let status = response.status();
    let body = response.text().await.unwrap_or_default();
    assert_eq!(status, StatusCode::OK, "webhook refused: {body}");
}

/// The traveller pays the deposit in the browser and Stripe tells us: returns the
/// succeeded PaymentIntent.
pub(crate) async fn pay_deposit(app: &TestApp, order_id: &str) -> Value {
    let pi = deposit_intent(app, order_id);
    let paid = app.stripe.succeed(pi["id"].as_str().unwrap());
    deliver_ok(
        app,
        &app.stripe.event("payment_intent.succeeded", paid.clone()),
    )
    .await;
    paid
}

pub(crate) async fn operator(app: &TestApp) -> String {
    let email = format!("operator-{}@test", uuid::Uuid::new_v4().simple());
    app.sign_in(&email, "operator", None).await
}

async fn reconciliation(app: &TestApp, operator: &str) -> Value {
    let response = app
        .client
        .get(app.url(&format!("/api/v1/admin/payments?day={TODAY}")))
        .bearer_auth(operator)
        .send()
        .await
        .unwrap();
    expect_status(response, StatusCode::OK).await
}

/// The movements of one order in the day's reconciliation.
pub(crate) async fn movements_of(app: &TestApp, operator: &str, order_id: &str) -> Vec<Value> {
    let day = reconciliation(app, operator).await;
    day["movements"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["order_id"] == order_id)
        .cloned()
        .collect()
}

/// Asserts that the order's money record adds up: paid − refunded equals the settled
/// charges and counter payments less the settled refunds that the operator's
/// reconciliation lists for the order, each part matches, pending refunds are the pending
/// refund movements, and due = total − paid ≥ 0. Also checks the day's totals against its
/// own movements. Returns the order's `money`.
pub(crate) async fn money_adds_up(
    app: &TestApp,
    operator: &str,
    order_id: &str,
    token: &str,
) -> Value {
    let order = order_view(app, order_id, token).await;
    let money = order["money"].clone();
    let day = reconciliation(app, operator).await;
    let all = day["movements"].as_array().unwrap();
    let sum = |movements: &mut dyn Iterator<Item = &Value>, pred: &dyn Fn(&Value) -> bool| {
        movements
            .filter(|m| pred(m))
            .map(|m| m["amount_krw"].as_i64().unwrap())
            .sum::<i64>()
    };
    let taken = |m: &Value| m["status"] == "succeeded" && m["kind"] != "refund";
    let refund = |m: &Value| m["status"] == "succeeded" && m["kind"] == "refund";
    let refund_pending = |m: &Value| m["status"] == "pending" && m["kind"] == "refund";
    let pending = |m: &Value| m["status"] == "pending";
    assert_eq!(day["taken_krw"], sum(&mut all.iter(), &taken), "{day}");
    assert_eq!(day["refunded_krw"], sum(&mut all.iter(), &refund), "{day}");
    assert_eq!(day["pending_krw"], sum(&mut all.iter(), &pending), "{day}");

    let mine = || all.iter().filter(|m| m["order_id"] == order_id);
    let taken = sum(&mut mine(), &taken);
    let refunded = sum(&mut mine(), &refund);
    let refunds_pending = sum(&mut mine(), &refund_pending);
    let paid_krw = money["paid_krw"].as_i64().unwrap();
    let refunded_krw = money["refunded_krw"].as_i64().unwrap();
    let due_krw = money["due_krw"].as_i64().unwrap();
    let total = order["total_krw"].as_i64().unwrap();
    assert_eq!(
        paid_krw - refunded_krw,
        taken - refunded,
        "net paid against the reconciliation: {money} vs {day}"
    );
    assert_eq!(paid_krw, taken, "{money} vs {day}");
    assert_eq!(refunded_krw, refunded, "{money} vs {day}");
    assert_eq!(money["refunds_pending_krw"], refunds_pending, "{money}");
    assert_eq!(due_krw, total - paid_krw, "{money}");
    assert!(due_krw >= 0, "{money}");
    assert!(
        refunded_krw + refunds_pending <= paid_krw,
        "never more refunded than paid: {money}"
    );
    money
}

/// The tightest trip a shirt ordered now can make (see tests/api/tickets.rs).
pub(crate) async fn tight_trip(app: &TestApp) -> Value {
    let shirt = app.product_id("made-to-measure-shirt").await;
    let probe = expect_status(
        app.quote(&quote_body(shirt, 1, long_trip())).await,
        StatusCode::OK,
    )
    .await;
    let ready_by = parse_time(&probe["items"][0]["ready_by"]);
    itinerary(NOW, ready_by + Duration::hours(3), counter_id("icn-t1"))
}

/// The order's first ticket id and its workshop.
pub(crate) fn ticket_of(order: &Value) -> (i64, i64) {
    let number = order["items"][0]["ticket"]["number"]
        .as_str()
        .unwrap_or_else(|| panic!("no ticket: {order}"));
    let ticket = number.trim_start_matches('T').parse().unwrap();
    (ticket, order["items"][0]["workshop_id"].as_i64().unwrap())
}

pub(crate) async fn move_ticket(app: &TestApp, staff: &str, ticket: i64, status: &str) -> Response {
    let url = app.url(&format!("/api/v1/workshop/tickets/{ticket}/status"));
    let body = json!({ "status": status, "note": "" });
    let request = app.client.post(url).bearer_auth(staff).json(&body);
    request.send().await.unwrap()
}

/// Moves the ticket through each status, each move accepted.
pub(crate) async fn move_through(app: &TestApp, staff: &str, ticket: i64, statuses: &[&str]) {
    for status in statuses {
        let moved = move_ticket(app, staff, ticket, status).await;
        expect_status(moved, StatusCode::OK).await;
    }
}

fn timeline_kinds(order: &Value) -> Vec<String> {
    order["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap().to_owned())
        .collect()
}

fn history_targets(order: &Value) -> Vec<String> {
    order["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["to"].as_str().unwrap().to_owned())
        .collect()
}

/// The app's state on the test's database with Stripe (the test's fake) and another
/// fixed clock, as `serve_with_stripe` builds it.
pub(crate) async fn state_at(
    app: &TestApp,
    now: OffsetDateTime,
    secrets: &[&str],
) -> api::AppState {
    let mut state = api::prepare(
        &app.database_url,
        8,
        false,
        Some("test secret"),
        api::Clock::Fixed(now),
    )
    .await
    .expect("app state");
    let gateway =
        api::payments::stripe::StripeGateway::new("sk_test_gongbang", Some(&app.stripe.base_url()))
            .expect("stripe gateway");
    state.stripe = Some(Arc::new(api::processes::billing::StripeSetup {
        gateway,
        webhook_secrets: secrets.iter().map(|s| (*s).to_owned()).collect(),
        hold: api::processes::billing::DEFAULT_HOLD,
    }));
    state
}

pub(crate) async fn serve(state: api::AppState) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("local addr");
    tokio::spawn(async move { axum::serve(listener, api::app(state, None)).await });
    format!("http://{addr}")
}

// ---------------------------------------------------------------------------------------
// 1. Charging at order time, confirmed by the webhook

async fn a_card_order_charges_the_deposit_and_the_signed_webhook_confirms_it(app: TestApp) {
    let operator = operator(&app).await;
    let shirt = app.product_id("made-to-measure-shirt").await;
    let response = app
        .order("card-order", &order_body(shirt, 1, long_trip()))
        .await;
    let created = expect_status(response, StatusCode::CREATED).await;
    let (id, token) = id_token(&created);
    let deposit = created["deposit_krw"].as_i64().unwrap();
    let total = created["total_krw"].as_i64().unwrap();
    assert_eq!(total, 180_000);
    assert_eq!(deposit, 54_000, "30 % of the shirt");
    assert_eq!(created["payment"]["method"], "stripe");
    assert_eq!(created["payment"]["amount_due_now_krw"], deposit);
    let secret = created["payment"]["client_secret"]
        .as_str()
        .expect("a client secret");

    assert_eq!(app.stripe.count("POST /v1/payment_intents"), 1);
    let intents = app.stripe.payment_intents();
    assert_eq!(intents.len(), 1);
    let pi = &intents[0];
    assert_eq!(pi["amount"], deposit);
    assert_eq!(pi["currency"], "krw");
    assert_eq!(pi["metadata"]["order_id"], id.as_str());
    assert_eq!(pi["setup_future_usage"], "off_session");
    let customer = pi["customer"].as_str().expect("a customer");
    assert!(customer.starts_with("cus_"), "{customer}");
    assert!(app.stripe.customer(customer).is_some());
    assert_eq!(pi["client_secret"], secret);
    let sent = app.stripe.last_request("POST /v1/payment_intents").unwrap();
    assert_eq!(sent.params["amount"], deposit.to_string());
    assert!(sent.idempotency_key.is_some(), "charges carry a key");

    // Not paid yet: placed, no tickets, nothing paid.
    assert_eq!(created["status"], "placed");
    assert!(created["items"][0]["ticket"].is_null(), "{created}");
    assert_eq!(created["money"]["paid_krw"], 0);
    assert_eq!(created["money"]["due_krw"], total);
    let before = order_view(&app, &id, &token).await;
    assert_eq!(before["status"], "placed");
    assert!(before["items"][0]["ticket"].is_null());
    money_adds_up(&app, &operator, &id, &token).await;

    let paid = app.stripe.succeed(pi["id"].as_str().unwrap());
    let event = app.stripe.event("payment_intent.succeeded", paid);
    deliver_ok(&app, &event).await;

    let after = order_view(&app, &id, &token).await;
    assert_eq!(after["status"], "confirmed");
    assert_eq!(after["items"][0]["ticket"]["status"], "queued");
    assert_eq!(after["money"]["paid_krw"], deposit);
    assert_eq!(after["money"]["due_krw"], total - deposit);
    let confirmed = after["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(confirmed["to"], "confirmed");
    assert_eq!(confirmed["actor"], "stripe");
    let movements = movements_of(&app, &operator, &id).await;
    assert_eq!(movements.len(), 1, "{movements:?}");
    assert_eq!(movements[0]["kind"], "charge");
    assert_eq!(movements[0]["status"], "succeeded");
    assert_eq!(movements[0]["stripe_id"], pi["id"]);
    let money = money_adds_up(&app, &operator, &id, &token).await;
    assert_eq!(money["paid_krw"], deposit);
}

// 2. A double submit charges once

async fn a_double_submitted_order_charges_once(app: TestApp) {
    let operator = operator(&app).await;
    let shirt = app.product_id("made-to-measure-shirt").await;
    let body = order_body(shirt, 1, long_trip());
    let first = expect_status(app.order("twice", &body).await, StatusCode::CREATED).await;
    let again = app.order("twice", &body).await;
    assert_eq!(
        again
            .headers()
            .get("idempotent-replayed")
            .and_then(|v| v.to_str().ok()),
        Some("true")
    );
    let second = expect_status(again, StatusCode::CREATED).await;
    assert_eq!(first["id"], second["id"]);
    assert!(first["payment"]["client_secret"].is_string());
    assert_eq!(
        first["payment"]["client_secret"],
        second["payment"]["client_secret"]
    );
    assert_eq!(
        first["payment"]["amount_due_now_krw"],
        second["payment"]["amount_due_now_krw"]
    );
    assert_eq!(app.stripe.count("POST /v1/payment_intents"), 1);
    assert_eq!(app.stripe.count("POST /v1/customers"), 1);
    assert_eq!(app.stripe.payment_intents().len(), 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM orders").await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM payments").await, 1);
    let (id, token) = id_token(&first);
    money_adds_up(&app, &operator, &id, &token).await;
}

// 3. A hundred concurrent retries charge once

async fn a_hundred_concurrent_retries_make_one_order_and_one_payment_intent(app: TestApp) {
    let operator = operator(&app).await;
    let shirt = app.product_id("made-to-measure-shirt").await;
    let body = order_body(shirt, 1, long_trip());
    let second_server = app.serve_another().await;
    let servers = [app.base.clone(), second_server];
    let client = Client::new();
    let mut tasks = tokio::task::JoinSet::new();
    for index in 0..100 {
        let (client, body) = (client.clone(), body.clone());
        let base = servers[index % servers.len()].clone();
        tasks.spawn(async move {
            let response = order_at(&client, &base, "one-key-many-tries", &body).await;
            let status = response.status();
            let text = response.text().await.unwrap_or_default();
            (status, text)
        });
    }
    let answers = tasks.join_all().await;
    let mut ids = Vec::new();
    let mut secrets = Vec::new();
    for (status, text) in &answers {
        assert_eq!(*status, StatusCode::CREATED, "{text}");
        let body: Value = serde_json::from_str(text).unwrap();
        ids.push(body["id"].as_str().unwrap().to_owned());
        secrets.push(body["payment"]["client_secret"].clone());
    }
    assert!(ids.iter().all(|id| *id == ids[0]), "{ids:?}");
    assert!(secrets[0].is_string());
    assert!(secrets.iter().all(|s| *s == secrets[0]), "{secrets:?}");
    assert_eq!(app.count("SELECT COUNT(*) FROM orders").await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM payments").await, 1);
    assert_eq!(app.count(RESERVED_MINUTES).await, 240);
    assert_eq!(app.stripe.count("POST /v1/payment_intents"), 1);
    assert_eq!(app.stripe.payment_intents().len(), 1);

    let (_, text) = &answers[0];
    let body: Value = serde_json::from_str(text).unwrap();
    let (id, token) = id_token(&body);
    money_adds_up(&app, &operator, &id, &token).await;
}

// 4. A redelivered webhook changes nothing

async fn a_redelivered_webhook_changes_nothing_the_second_time(app: TestApp) {
    let operator = operator(&app).await;
    let created = card_shirt(&app).await;
    let (id, token) = id_token(&created);
    let pi = deposit_intent(&app, &id);
    let paid = app.stripe.succeed(pi["id"].as_str().unwrap());
    let event = app.stripe.event("payment_intent.succeeded", paid.clone());
    deliver_ok(&app, &event).await;
    let once = order_view(&app, &id, &token).await;
    let movements_once = movements_of(&app, &operator, &id).await;
    let requests_once = app.stripe.requests().len();
    assert_eq!(once["status"], "confirmed");
    assert_eq!(app.count("SELECT COUNT(*) FROM tickets").await, 1);

    // Stripe retries the same event (same id, same payload).
    deliver_ok(&app, &event).await;
    let twice = order_view(&app, &id, &token).await;
    // The whole view: status, history, timeline, tickets and money.
    assert_eq!(once, twice, "the redelivery changed the order");
    assert_eq!(movements_of(&app, &operator, &id).await, movements_once);
    assert_eq!(app.count("SELECT COUNT(*) FROM tickets").await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM stripe_events").await, 1);
    assert_eq!(app.stripe.requests().len(), requests_once);

    // Another event about the same payment (a new event id) is harmless too.
    let duplicate = app.stripe.event("payment_intent.succeeded", paid);
    deliver_ok(&app, &duplicate).await;
    assert_eq!(order_view(&app, &id, &token).await, once);
    assert_eq!(movements_of(&app, &operator, &id).await, movements_once);
    assert_eq!(app.count("SELECT COUNT(*) FROM tickets").await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM stripe_events").await, 2);
    money_adds_up(&app, &operator, &id, &token).await;
}

// 5. Events out of order

async fn a_refund_event_before_a_late_success_leaves_the_order_cancelled_and_refunded(
    app: TestApp,
) {
    let operator = operator(&app).await;
    let created = card_shirt(&app).await;
    let (id, token) = id_token(&created);
    let deposit = created["deposit_krw"].as_i64().unwrap();
    let pi = deposit_intent(&app, &id);
    let pi_id = pi["id"].as_str().unwrap();
    let paid = app.stripe.succeed(pi_id);
    let success = app.stripe.event("payment_intent.succeeded", paid.clone());
    deliver_ok(&app, &success).await;

    let cancelled = expect_status(app.cancel(&id, &token).await, StatusCode::OK).await;
    assert_eq!(cancelled["status"], "cancelled");
    assert_eq!(app.stripe.count("POST /v1/refunds"), 1);
    let refund_request = app.stripe.last_request("POST /v1/refunds").unwrap();
    let movements = movements_of(&app, &operator, &id).await;
    let refund_id = movements
        .iter()
        .find(|m| m["kind"] == "refund")
        .and_then(|m| m["stripe_id"].as_str())
        .expect("a refund movement")
        .to_owned();
    assert_eq!(refund_request.params["payment_intent"], pi_id);
    let refund = app.stripe.refund(&refund_id).expect("the fake's refund");

    // Stripe's refund events arrive first...
    let charge_id = paid["latest_charge"].as_str().unwrap();
    let mut charge = app.stripe.charge(charge_id).expect("the charge");
    charge["refunds"]["data"] = json!([refund.clone()]);
    deliver_ok(&app, &app.stripe.event("charge.refunded", charge)).await;
    deliver_ok(&app, &app.stripe.event("refund.updated", refund)).await;
    // ...then the success again: redelivered, and as a late new event.
    deliver_ok(&app, &success).await;
    deliver_ok(&app, &app.stripe.event("payment_intent.succeeded", paid)).await;

    let after = order_view(&app, &id, &token).await;
    assert_eq!(after["status"], "cancelled", "not confirmed again");
    assert_eq!(
        history_targets(&after),
        ["placed", "confirmed", "cancelled"],
        "{}",
        after["history"]
    );
    assert_eq!(after["items"][0]["ticket"]["status"], "cancelled");
    let movements = movements_of(&app, &operator, &id).await;
    assert_eq!(movements.len(), 2, "{movements:?}");
    assert!(
        movements
            .iter()
            .all(|m| m["status"] == "succeeded" && m["amount_krw"] == deposit),
        "{movements:?}"
    );
    assert_eq!(app.count(RESERVED_MINUTES).await, 0);
    let money = money_adds_up(&app, &operator, &id, &token).await;
    assert_eq!(money["paid_krw"], deposit);
    assert_eq!(money["refunded_krw"], deposit);
    assert_eq!(money["refunds_pending_krw"], 0);
    assert_eq!(app.stripe.count("POST /v1/refunds"), 1, "refunded once");
}

async fn a_refund_made_at_stripe_settles_from_pending_whatever_the_order_of_its_events(
    app: TestApp,
) {
    let operator = operator(&app).await;
    let created = card_shirt(&app).await;
    let (id, token) = id_token(&created);
    let paid = pay_deposit(&app, &id).await;
    let pi_id = paid["id"].as_str().unwrap();
    // A partial refund made in Stripe's dashboard, not by us: still pending at the bank.
    let refund = json!({
        "id": "re_dashboard_1", "object": "refund", "amount": 10_000, "currency": "krw",
        "payment_intent": pi_id, "charge": paid["latest_charge"], "status": "pending",
        "metadata": {},
    });
    deliver_ok(&app, &app.stripe.event("refund.created", refund.clone())).await;
    let money = money_adds_up(&app, &operator, &id, &token).await;
    assert_eq!(money["refunds_pending_krw"], 10_000);
    assert_eq!(money["refunded_krw"], 0);

    let mut settled = refund.clone();
    settled["status"] = json!("succeeded");
    let succeeded = app.stripe.event("refund.updated", settled);
    deliver_ok(&app, &succeeded).await;
    let money = money_adds_up(&app, &operator, &id, &token).await;
    assert_eq!(money["refunds_pending_krw"], 0);
    assert_eq!(money["refunded_krw"], 10_000);

    // A late `pending` update (delivered after the success) cannot undo it.
    deliver_ok(&app, &app.stripe.event("refund.updated", refund)).await;
    let money = money_adds_up(&app, &operator, &id, &token).await;
    assert_eq!(money["refunded_krw"], 10_000);
    assert_eq!(money["refunds_pending_krw"], 0);
    let movements = movements_of(&app, &operator, &id).await;
    assert_eq!(
        movements.iter().filter(|m| m["kind"] == "refund").count(),
        1
    );
}

// 6. Failed payments and the hold

async fn a_failed_payment_releases_the_capacity_after_the_hold(app: TestApp) {
    let operator = operator(&app).await;
    let created = card_shirt(&app).await;
    let (id, token) = id_token(&created);
    let pi = deposit_intent(&app, &id);
    let failed = app.stripe.fail(pi["id"].as_str().unwrap());
    deliver_ok(
        &app,
        &app.stripe.event("payment_intent.payment_failed", failed),
    )
    .await;
    let movements = movements_of(&app, &operator, &id).await;
    assert_eq!(movements.len(), 1);
    assert_eq!(movements[0]["status"], "failed");
    let order = order_view(&app, &id, &token).await;
    assert_eq!(order["status"], "placed", "the traveller may still retry");
    assert_eq!(order["money"]["paid_krw"], 0);

    // Twenty minutes later another traveller orders a shirt and has not paid yet either.
    let later = serve(state_at(&app, NOW + Duration::minutes(20), &[WEBHOOK_SECRET]).await).await;
    let shirt = app.product_id("made-to-measure-shirt").await;
    let response = order_at(
        &app.client,
        &later,
        "younger",
        &order_body(shirt, 1, long_trip()),
    )
    .await;
    let younger = expect_status(response, StatusCode::CREATED).await;
    let (young_id, young_token) = id_token(&younger);
    assert_eq!(app.count(RESERVED_MINUTES).await, 480);

    // Thirty-one minutes after the first order: only it is past the hold.
    let state = state_at(&app, NOW + Duration::minutes(31), &[WEBHOOK_SECRET]).await;
    assert_eq!(
        api::processes::billing::release_unpaid(&state)
            .await
            .unwrap(),
        1
    );
    let released = order_view(&app, &id, &token).await;
    assert_eq!(released["status"], "cancelled");
    let last = released["history"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["actor"], "system");
    assert_eq!(app.count(RESERVED_MINUTES).await, 240);
    assert_eq!(
        order_view(&app, &young_id, &young_token).await["status"],
        "placed"
    );
    assert_eq!(
        api::processes::billing::release_unpaid(&state)
            .await
            .unwrap(),
        0,
        "nothing else is due"
    );
    assert_eq!(app.stripe.count("POST /v1/refunds"), 0, "nothing was paid");

    // Once its own hold has passed, the younger one goes too.
    let state = state_at(&app, NOW + Duration::minutes(51), &[WEBHOOK_SECRET]).await;
    assert_eq!(
        api::processes::billing::release_unpaid(&state)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        order_view(&app, &young_id, &young_token).await["status"],
        "cancelled"
    );
    assert_eq!(app.count(RESERVED_MINUTES).await, 0);
    let young_pi = deposit_intent(&app, &young_id);
    assert_eq!(
        app.stripe
            .payment_intent(young_pi["id"].as_str().unwrap())
            .unwrap()["status"],
        "canceled",
        "its PaymentIntent is cancelled so that it can no longer be paid"
    );
    let money = money_adds_up(&app, &operator, &id, &token).await;
    assert_eq!(money["paid_krw"], 0);
    let money = money_adds_up(&app, &operator, &young_id, &young_token).await;
    assert_eq!(money["paid_krw"], 0);
}

async fn a_payment_that_lands_after_the_order_was_released_is_refunded_in_full(app: TestApp) {
    let operator = operator(&app).await;
    let created = card_shirt(&app).await;
    let (id, token) = id_token(&created);
    let deposit = created["deposit_krw"].as_i64().unwrap();
    let pi = deposit_intent(&app, &id);
    // The traveller paid at minute 29, but Stripe's webhook is late.
    let paid = app.stripe.succeed(pi["id"].as_str().unwrap());
    let state = state_at(&app, NOW + Duration::minutes(31), &[WEBHOOK_SECRET]).await;
    assert_eq!(
        api::processes::billing::release_unpaid(&state)
            .await
            .unwrap(),
        1
    );
    assert_eq!(order_view(&app, &id, &token).await["status"], "cancelled");
    assert_eq!(app.count(RESERVED_MINUTES).await, 0);

    deliver_ok(&app, &app.stripe.event("payment_intent.succeeded", paid)).await;
    let after = order_view(&app, &id, &token).await;
    assert_eq!(
        after["status"], "cancelled",
        "the hours are gone: not confirmed"
    );
    assert!(after["items"][0]["ticket"].is_null());
    assert_eq!(
        app.stripe.count("POST /v1/refunds"),
        1,
        "the money goes back"
    );
    deposit_refunded_in_full(&app, &operator, &id, &token, deposit).await;
}

async fn a_payment_that_lands_after_the_traveller_cancelled_is_refunded_in_full(app: TestApp) {
    let operator = operator(&app).await;
    let created = card_shirt(&app).await;
    let (id, token) = id_token(&created);
    let deposit = created["deposit_krw"].as_i64().unwrap();
    let pi = deposit_intent(&app, &id);
    // The traveller paid in one tab and cancelled in another before Stripe's webhook came.
    let paid = app.stripe.succeed(pi["id"].as_str().unwrap());
    let cancelled = expect_status(app.cancel(&id, &token).await, StatusCode::OK).await;
    assert_eq!(cancelled["status"], "cancelled");
    // Its PaymentIntent could not be cancelled (it was paid): the refund goes out at once,
    // before Stripe's webhook says so.
    assert_eq!(app.stripe.count("POST /v1/refunds"), 1, "refunded at once");

    let event = app.stripe.event("payment_intent.succeeded", paid);
    deliver_ok(&app, &event).await;
    deliver_ok(&app, &event).await;
    let after = order_view(&app, &id, &token).await;
    assert_eq!(after["status"], "cancelled");
    assert_eq!(app.stripe.count("POST /v1/refunds"), 1, "refunded once");
    deposit_refunded_in_full(&app, &operator, &id, &token, deposit).await;
}

// 7. Refunds by policy

async fn cancelling_a_paid_order_before_production_refunds_everything_paid(app: TestApp) {
    let operator = operator(&app).await;
    let created = card_shirt(&app).await;
    let (id, token) = id_token(&created);
    let deposit = created["deposit_krw"].as_i64().unwrap();
    let paid = pay_deposit(&app, &id).await;
    let pi_id = paid["id"].as_str().unwrap();
    assert_eq!(app.stripe.count("POST /v1/refunds"), 0);

    let cancelled = expect_status(app.cancel(&id, &token).await, StatusCode::OK).await;
    assert_eq!(cancelled["status"], "cancelled");
    assert_eq!(app.stripe.count("POST /v1/refunds"), 1);
    let request = app.stripe.last_request("POST /v1/refunds").unwrap();
    assert_eq!(request.params["amount"], deposit.to_string());
    assert_eq!(request.params["payment_intent"], pi_id);
    assert_eq!(request.params["metadata"]["order_id"], id.as_str());
    assert!(request.idempotency_key.is_some());
    let refunds: Vec<Value> = movements_of(&app, &operator, &id)
        .await
        .into_iter()
        .filter(|m| m["kind"] == "refund")
        .collect();
    assert_eq!(refunds.len(), 1);
    assert_eq!(refunds[0]["amount_krw"], deposit);
    let refund_id = refunds[0]["stripe_id"].as_str().unwrap().to_owned();
    let at_stripe = app.stripe.refund(&refund_id).expect("refund at the fake");
    assert_eq!(at_stripe["amount"], deposit);
    // The fake settles card refunds at once, so the refund is recorded as Stripe answered.
    let expected_status = if at_stripe["status"] == "succeeded" {
        "succeeded"
    } else {
        "pending"
    };
    assert_eq!(refunds[0]["status"], expected_status);

    // Stripe's event settles it (again, if it already was).
    let mut settled = at_stripe.clone();
    settled["status"] = json!("succeeded");
    deliver_ok(&app, &app.stripe.event("refund.updated", settled)).await;
    let money = money_adds_up(&app, &operator, &id, &token).await;
    assert_eq!(money["paid_krw"], deposit);
    assert_eq!(money["refunded_krw"], deposit);
    assert_eq!(money["refunds_pending_krw"], 0);

    // A second cancel is refused and refunds nothing more.
    let again = app.cancel(&id, &token).await;
    expect_problem(again, StatusCode::CONFLICT, "order-state").await;
    assert_eq!(app.stripe.count("POST /v1/refunds"), 1);
}

async fn cancelling_an_unpaid_card_order_cancels_its_payment_intent(app: TestApp) {
    let operator = operator(&app).await;
    let created = card_shirt(&app).await;
    let (id, token) = id_token(&created);
    let pi = deposit_intent(&app, &id);
    let cancelled = expect_status(app.cancel(&id, &token).await, StatusCode::OK).await;
    assert_eq!(cancelled["status"], "cancelled");
    assert_eq!(
        app.stripe
            .payment_intent(pi["id"].as_str().unwrap())
            .unwrap()["status"],
        "canceled"
    );
    assert_eq!(app.stripe.count("POST /v1/refunds"), 0);
    let movements = movements_of(&app, &operator, &id).await;
    assert_eq!(movements.len(), 1);
    assert_eq!(movements[0]["status"], "failed");
    assert_eq!(app.count(RESERVED_MINUTES).await, 0);
    let money = money_adds_up(&app, &operator, &id, &token).await;
    assert_eq!(money["paid_krw"], 0);
}

async fn an_order_in_production_cannot_be_cancelled_by_the_traveller(app: TestApp) {
    let operator = operator(&app).await;
    let created = card_shirt(&app).await;
    let (id, token) = id_token(&created);
    let deposit = created["deposit_krw"].as_i64().unwrap();
    pay_deposit(&app, &id).await;
    let order = order_view(&app, &id, &token).await;
    let (ticket, workshop) = ticket_of(&order);
    let tailor = app.sign_in("tailor@test", "workshop", Some(workshop)).await;
    move_through(&app, &tailor, ticket, &["accepted", "in_production"]).await;
    assert_eq!(
        order_view(&app, &id, &token).await["status"],
        "in_production"
    );

    let refused = app.cancel(&id, &token).await;
    let problem = expect_problem(refused, StatusCode::CONFLICT, "order-state").await;
    assert_eq!(problem["current_status"], "in_production");
    assert_eq!(app.stripe.count("POST /v1/refunds"), 0);
    let after = order_view(&app, &id, &token).await;
    assert_eq!(after["status"], "in_production");
    let money = money_adds_up(&app, &operator, &id, &token).await;
    assert_eq!(money["paid_krw"], deposit);
    assert_eq!(money["refunded_krw"], 0);
}

async fn a_workshop_decline_after_payment_refunds_in_full(app: TestApp) {
    let operator = operator(&app).await;
    let trip = tight_trip(&app).await;
    let shirt = app.product_id("made-to-measure-shirt").await;
    let created = app.place(&order_body(shirt, 1, trip)).await;
    let (id, token) = id_token(&created);
    let deposit = created["deposit_krw"].as_i64().unwrap();
    let paid = pay_deposit(&app, &id).await;
    let order = order_view(&app, &id, &token).await;
    assert_eq!(order["status"], "confirmed");
    let (ticket, workshop) = ticket_of(&order);
    let tailor = app.sign_in("tailor@test", "workshop", Some(workshop)).await;

    let declined = move_ticket(&app, &tailor, ticket, "declined").await;
    assert_eq!(
        expect_status(declined, StatusCode::OK).await["status"],
        "declined"
    );
    let after = order_view(&app, &id, &token).await;
    assert_eq!(after["status"], "declined");
    assert_eq!(app.stripe.count("POST /v1/refunds"), 1);
    let request = app.stripe.last_request("POST /v1/refunds").unwrap();
    assert_eq!(request.params["amount"], deposit.to_string());
    assert_eq!(request.params["payment_intent"], paid["id"]);
    let refund = movements_of(&app, &operator, &id)
        .await
        .into_iter()
        .find(|m| m["kind"] == "refund")
        .expect("a refund movement");
    assert!(
        refund["note"].as_str().unwrap().contains("declined"),
        "{refund}"
    );
    assert_eq!(app.count(RESERVED_MINUTES).await, 0);
    let money = money_adds_up(&app, &operator, &id, &token).await;
    assert_eq!(
        money["refunded_krw"].as_i64().unwrap() + money["refunds_pending_krw"].as_i64().unwrap(),
        deposit
    );
}

// 8. Webhook signatures

async fn tampered_wrongly_signed_stale_and_unsigned_webhooks_are_refused_and_change_nothing(
    app: TestApp,
) {
    let operator = operator(&app).await;
    let created = card_shirt(&app).await;
    let (id, token) = id_token(&created);
    let pi = deposit_intent(&app, &id);
    let paid = app.stripe.succeed(pi["id"].as_str().unwrap());
    let before = order_view(&app, &id, &token).await;
    let movements_before = movements_of(&app, &operator, &id).await;

    let genuine = app.stripe.event("payment_intent.succeeded", paid.clone());
    let text = String::from_utf8(genuine.0.clone()).unwrap();
    let tampered_text = text.replace("\"amount_received\":54000", "\"amount_received\":1");
    assert_ne!(text, tampered_text, "the payload names the amount");
    let tampered = (tampered_text.into_bytes(), genuine.1.clone());
    let wrong_secret = app.stripe.event_with(
        "payment_intent.succeeded",
        paid.clone(),
        &Signing::new("whsec_not_ours"),
    );
    let stale = app.stripe.event_with(
        "payment_intent.succeeded",
        paid.clone(),
        &Signing::new(WEBHOOK_SECRET).aged(400),
    );
    let future = app.stripe.event_with(
        "payment_intent.succeeded",
        paid.clone(),
        &Signing::new(WEBHOOK_SECRET).aged(-400),
    );
    let garbled = (genuine.0.clone(), "v1=deadbeef".to_owned());
    for (what, event, why) in [
        ("tampered", &tampered, "no signature matches"),
        ("wrong secret", &wrong_secret, "no signature matches"),
        ("stale", &stale, "400 s old"),
        ("from the future", &future, "-400 s old"),
        ("malformed header", &garbled, "malformed"),
    ] {
        let refused = deliver(&app, event).await;
        assert_eq!(refused.status(), StatusCode::BAD_REQUEST, "{what}");
        let problem = expect_problem(refused, StatusCode::BAD_REQUEST, "bad-header").await;
        let detail = problem["detail"].as_str().unwrap();
        assert!(detail.contains(why), "{what}: {problem}");
    }
    let unsigned = app
        .client
        .post(app.url(WEBHOOK))
        .header("content-type", "application/json")
        .body(genuine.0.clone())
        .send()
        .await
        .unwrap();
    expect_problem(unsigned, StatusCode::BAD_REQUEST, "bad-header").await;

    assert_eq!(order_view(&app, &id, &token).await, before);
    assert_eq!(movements_of(&app, &operator, &id).await, movements_before);
    assert_eq!(app.count("SELECT COUNT(*) FROM stripe_events").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM tickets").await, 0);

    // The genuine delivery of the same event still works: the refusals left no trace.
    deliver_ok(&app, &genuine).await;
    let after = order_view(&app, &id, &token).await;
    assert_eq!(after["status"], "confirmed");
    assert_eq!(after["money"]["paid_krw"], created["deposit_krw"]);
    money_adds_up(&app, &operator, &id, &token).await;
}

async fn while_the_secret_rotates_both_secrets_are_accepted(app: TestApp) {
    let operator = operator(&app).await;
    const NEW_SECRET: &str = "whsec_rotated_in_0123456789";
    let rotating = serve(state_at(&app, NOW, &[NEW_SECRET, WEBHOOK_SECRET]).await).await;
    let first = card_shirt(&app).await;
    let second = card_shirt(&app).await;
    let (first_id, first_token) = id_token(&first);
    let (second_id, second_token) = id_token(&second);

    // Signed with the previous secret only.
    let old = app.stripe.event(
        "payment_intent.succeeded",
        app.stripe
            .succeed(deposit_intent(&app, &first_id)["id"].as_str().unwrap()),
    );
    let response = deliver_to(&rotating, &old).await;
    assert_eq!(response.status(), StatusCode::OK);
    // Signed with both, the new one first, after a garbage `v1`.
    let both = app.stripe.event_with(
        "payment_intent.succeeded",
        app.stripe
            .succeed(deposit_intent(&app, &second_id)["id"].as_str().unwrap()),
        &Signing::new(NEW_SECRET)
            .also_signed_with(WEBHOOK_SECRET)
            .extra_v1("00ff"),
    );
    let response = deliver_to(&rotating, &both).await;
    assert_eq!(response.status(), StatusCode::OK);
    // A server that only knows the old secret refuses the new one alone.
    let new_only = app.stripe.event_with(
        "payment_intent.succeeded",
        app.stripe
            .payment_intent(deposit_intent(&app, &second_id)["id"].as_str().unwrap())
            .unwrap(),
        &Signing::new(NEW_SECRET),
    );
    expect_problem(
        deliver(&app, &new_only).await,
        StatusCode::BAD_REQUEST,
        "bad-header",
    )
    .await;

    for (id, token) in [(&first_id, &first_token), (&second_id, &second_token)] {
        assert_eq!(order_view(&app, id, token).await["status"], "confirmed");
        money_adds_up(&app, &operator, id, token).await;
    }
}

// 9. The balance, off-session

async fn the_balance_is_charged_off_session_when_the_goods_are_ready(app: TestApp) {
    let operator = operator(&app).await;
    let created = card_shirt(&app).await;
    let (id, token) = id_token(&created);
    let (total, deposit) = (
        created["total_krw"].as_i64().unwrap(),
        created["deposit_krw"].as_i64().unwrap(),
    );
    let paid = pay_deposit(&app, &id).await;
    let card = paid["payment_method"].as_str().expect("a saved card");
    let customer = paid["customer"].as_str().expect("a customer");
    let order = order_view(&app, &id, &token).await;
    let (ticket, workshop) = ticket_of(&order);
    let tailor = app.sign_in("tailor@test", "workshop", Some(workshop)).await;
    move_through(
        &app,
        &tailor,
        ticket,
        &["accepted", "in_production", "quality_check"],
    )
    .await;
    assert_eq!(app.stripe.count("POST /v1/payment_intents"), 1, "not yet");
    move_through(&app, &tailor, ticket, &["ready"]).await;

    assert_eq!(app.stripe.count("POST /v1/payment_intents"), 2);
    let request = app.stripe.last_request("POST /v1/payment_intents").unwrap();
    assert_eq!(request.params["amount"], (total - deposit).to_string());
    assert_eq!(request.params["currency"], "krw");
    assert_eq!(request.params["off_session"], "true");
    assert_eq!(request.params["confirm"], "true");
    assert_eq!(request.params["customer"], customer);
    assert_eq!(request.params["payment_method"], card);
    assert_eq!(request.params["metadata"]["order_id"], id.as_str());
    let intents = intents_of(&app, &id);
    assert_eq!(intents.len(), 2);
    assert_eq!(intents[1]["status"], "succeeded");
    assert_eq!(intents[1]["amount"], total - deposit);

    let after = order_view(&app, &id, &token).await;
    assert_eq!(after["status"], "ready");
    assert_eq!(after["money"]["due_krw"], 0);
    assert_eq!(after["money"]["paid_krw"], total);
    let money = money_adds_up(&app, &operator, &id, &token).await;
    assert_eq!(money["due_krw"], 0);

    // Its webhook, arriving later, changes nothing.
    let balance = app
        .stripe
        .payment_intent(intents[1]["id"].as_str().unwrap());
    let event = app
        .stripe
        .event("payment_intent.succeeded", balance.unwrap());
    deliver_ok(&app, &event).await;
    let money = money_adds_up(&app, &operator, &id, &token).await;
    assert_eq!(money["paid_krw"], total);
    assert_eq!(app.stripe.count("POST /v1/payment_intents"), 2);
}

async fn a_declined_balance_is_left_for_the_counter_and_said_on_the_timeline(app: TestApp) {
    let operator = operator(&app).await;
    let created = card_shirt(&app).await;
    let (id, token) = id_token(&created);
    let (total, deposit) = (
        created["total_krw"].as_i64().unwrap(),
        created["deposit_krw"].as_i64().unwrap(),
    );
    pay_deposit(&app, &id).await;
    app.stripe.decline_off_session(true);
    let order = order_view(&app, &id, &token).await;
    let (ticket, workshop) = ticket_of(&order);
    let tailor = app.sign_in("tailor@test", "workshop", Some(workshop)).await;
    move_through(
        &app,
        &tailor,
        ticket,
        &["accepted", "in_production", "quality_check", "ready"],
    )
    .await;

    assert_eq!(app.stripe.count("POST /v1/payment_intents"), 2, "one try");
    let after = order_view(&app, &id, &token).await;
    assert_eq!(after["status"], "ready");
    let kinds = timeline_kinds(&after);
    assert!(
        kinds.iter().any(|k| k == "payment.balance_failed"),
        "{kinds:?}"
    );
    let note = after["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "payment.balance_failed")
        .unwrap()["note"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(note.contains("counter"), "{note}");
    let money = money_adds_up(&app, &operator, &id, &token).await;
    assert_eq!(money["due_krw"], total - deposit);
    assert_eq!(money["paid_krw"], deposit);
}

// 10. Without Stripe

async fn without_stripe_card_only_products_cannot_be_ordered_and_the_counter_still_works(
    app: TestApp,
) {
    let operator = operator(&app).await;
    let no_stripe = serve_with_stripe(&app.database_url, None).await;
    let client = Client::new();
    let shirt = app.product_id("made-to-measure-shirt").await;
    let wallet = app.product_id("card-wallet").await;
    let quote_at = |base: &str, product: i64| {
        let request = client
            .post(format!("{base}/api/v1/quotes"))
            .json(&quote_body(product, 1, long_trip()));
        async move { expect_status(request.send().await.unwrap(), StatusCode::OK).await }
    };

    let quote = quote_at(&no_stripe, shirt).await;
    assert_eq!(quote["feasible"], false);
    assert_eq!(quote["payment_methods"], json!([]));
    let reasons = quote["reasons"].as_array().unwrap();
    assert!(
        reasons.iter().any(|r| r["code"] == "payment_unavailable"),
        "{reasons:?}"
    );
    let refused = order_at(
        &client,
        &no_stripe,
        "no-card",
        &order_body(shirt, 1, long_trip()),
    )
    .await;
    let problem = expect_problem(
        refused,
        StatusCode::UNPROCESSABLE_ENTITY,
        "payment-unavailable",
    )
    .await;
    assert_eq!(problem["field"], "/payment");
    let mut by_card = order_body(shirt, 1, long_trip());
    by_card["payment"] = json!("stripe");
    let refused = order_at(&client, &no_stripe, "asks-card", &by_card).await;
    let problem = expect_problem(
        refused,
        StatusCode::UNPROCESSABLE_ENTITY,
        "payment-unavailable",
    )
    .await;
    assert_eq!(problem["field"], "/payment");
    assert_eq!(app.count("SELECT COUNT(*) FROM orders").await, 0);
    assert_eq!(app.count(RESERVED_MINUTES).await, 0);

    let quote = quote_at(&no_stripe, wallet).await;
    assert_eq!(quote["feasible"], true, "{quote}");
    assert_eq!(quote["payment_methods"], json!(["counter"]));
    let response = order_at(
        &client,
        &no_stripe,
        "wallet",
        &order_body(wallet, 1, long_trip()),
    )
    .await;
    let created = expect_status(response, StatusCode::CREATED).await;
    assert_eq!(created["status"], "confirmed");
    assert_eq!(created["payment"]["method"], "counter");
    assert_eq!(created["payment"]["amount_due_now_krw"], 0);
    assert!(created["payment"].get("client_secret").is_none());
    assert_eq!(created["items"][0]["ticket"]["status"], "queued");
    assert_eq!(app.stripe.requests().len(), 0, "Stripe was never called");
    let (id, token) = id_token(&created);
    let money = money_adds_up(&app, &operator, &id, &token).await;
    assert_eq!(money["method"], "counter");
    assert_eq!(money["paid_krw"], 0);
    assert_eq!(money["due_krw"], created["total_krw"]);

    // With Stripe, the shirt cannot be paid at the counter; the wallet may be paid either way.
    assert_eq!(
        quote_at(&app.base, wallet).await["payment_methods"],
        json!(["stripe", "counter"])
    );
    assert_eq!(
        quote_at(&app.base, shirt).await["payment_methods"],
        json!(["stripe"])
    );
    let refused = app
        .order(
            "shirt-at-counter",
            &counter_order_body(shirt, 1, long_trip()),
        )
        .await;
    let problem = expect_problem(
        refused,
        StatusCode::UNPROCESSABLE_ENTITY,
        "payment-unavailable",
    )
    .await;
    assert_eq!(problem["field"], "/payment");
    assert_eq!(app.stripe.requests().len(), 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM orders").await, 1);
}

// Stripe unavailable

async fn a_stripe_outage_at_order_time_releases_the_order_and_a_retry_never_charges_it(
    app: TestApp,
) {
    let operator = operator(&app).await;
    let shirt = app.product_id("made-to-measure-shirt").await;
    let body = order_body(shirt, 1, long_trip());
    app.stripe.outage(true);
    let failed = app.order("during-outage", &body).await;
    assert!(failed.status().is_server_error(), "{}", failed.status());
    assert_eq!(
        app.count("SELECT COUNT(*) FROM orders WHERE status = 'cancelled'")
            .await,
        1
    );
    assert_eq!(
        app.count(RESERVED_MINUTES).await,
        0,
        "the hours are released"
    );
    assert!(app.stripe.payment_intents().is_empty());

    // Stripe is back; the browser retries with the same key. The order is cancelled and
    // its hours may be gone: no payment may start for it.
    app.stripe.outage(false);
    let retry = app.order("during-outage", &body).await;
    let problem = expect_problem(retry, StatusCode::CONFLICT, "order-state").await;
    assert_eq!(problem["current_status"], "cancelled");
    assert!(
        app.stripe.payment_intents().is_empty(),
        "a PaymentIntent was created for a cancelled order"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM payments").await, 0);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM orders WHERE status = 'cancelled'")
            .await,
        1
    );

    // A new attempt (a new key) orders normally.
    let created = expect_status(app.order("after-outage", &body).await, StatusCode::CREATED).await;
    assert_eq!(created["status"], "placed");
    assert!(created["payment"]["client_secret"].is_string());
    assert_eq!(app.stripe.payment_intents().len(), 1);
    assert_eq!(app.count(RESERVED_MINUTES).await, 240);
    let (id, token) = id_token(&created);
    money_adds_up(&app, &operator, &id, &token).await;
}

crate::on_both_databases! {
    a_card_order_charges_the_deposit_and_the_signed_webhook_confirms_it,
    a_double_submitted_order_charges_once,
    a_hundred_concurrent_retries_make_one_order_and_one_payment_intent,
    a_redelivered_webhook_changes_nothing_the_second_time,
    a_refund_event_before_a_late_success_leaves_the_order_cancelled_and_refunded,
    a_refund_made_at_stripe_settles_from_pending_whatever_the_order_of_its_events,
    a_failed_payment_releases_the_capacity_after_the_hold,
    a_payment_that_lands_after_the_order_was_released_is_refunded_in_full,
    a_payment_that_lands_after_the_traveller_cancelled_is_refunded_in_full,
    cancelling_a_paid_order_before_production_refunds_everything_paid,
    cancelling_an_unpaid_card_order_cancels_its_payment_intent,
    an_order_in_production_cannot_be_cancelled_by_the_traveller,
    a_workshop_decline_after_payment_refunds_in_full,
    tampered_wrongly_signed_stale_and_unsigned_webhooks_are_refused_and_change_nothing,
    while_the_secret_rotates_both_secrets_are_accepted,
    the_balance_is_charged_off_session_when_the_goods_are_ready,
    a_declined_balance_is_left_for_the_counter_and_said_on_the_timeline,
    without_stripe_card_only_products_cannot_be_ordered_and_the_counter_still_works,
    a_stripe_outage_at_order_time_releases_the_order_and_a_retry_never_charges_it,
}

/// The last refund at Stripe was the whole deposit, and the order's money record shows
/// the deposit paid and given back (settled or pending), adding up.
async fn deposit_refunded_in_full(
    app: &TestApp,
    operator: &str,
    id: &str,
    token: &str,
    deposit: i64,
) {
    let refund = app.stripe.last_request("POST /v1/refunds").unwrap();
    assert_eq!(refund.params["amount"], deposit.to_string());
    let money = money_adds_up(app, operator, id, token).await;
    assert_eq!(money["paid_krw"], deposit);
    assert_eq!(
        money["refunded_krw"].as_i64().unwrap() + money["refunds_pending_krw"].as_i64().unwrap(),
        deposit
    );
}
