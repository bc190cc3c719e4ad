//! The no-show lifecycle, with an injected clock: goods not collected by the pickup
//! deadline are held at the counter (the traveller told when holding starts and a week
//! before it ends, the counter listing them), then the workshop's policy applies: the
//! deposit kept, the balance already charged refunded (or kept), the goods back to the
//! workshop, the order a no-show, and no handover any more.

use reqwest::StatusCode;
use serde_json::{Value, json};
use time::{Duration, OffsetDateTime};

use crate::helpers::*;
use crate::payments::{card_shirt, id_token, move_through, pay_deposit, ticket_of};

const DESK: &str = "desk@icn-t1.example";
const HELD_EVENTS: &str = "SELECT COUNT(*) FROM events WHERE kind = 'order.held'";
const ENDING_EVENTS: &str = "SELECT COUNT(*) FROM events WHERE kind = 'order.hold_ending'";
const RELEASED_EVENTS: &str =
    "SELECT COUNT(*) FROM events WHERE kind = 'ticket.released' AND workshop_id IS NOT NULL";

/// Signs `email` (an existing account) in on the server at `base`.
async fn signed_in_at(app: &TestApp, base: &str, email: &str) -> String {
    let credentials = json!({ "email": email, "password": STAFF_PASSWORD });
    let response = app
        .client
        .post(format!("{base}/api/v1/staff/login"))
        .json(&credentials)
        .send()
        .await
        .unwrap();
    expect_status(response, StatusCode::OK).await["token"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// The goods Incheon T1 holds, as its desk sees them on a server whose clock says `now`.
async fn held_at(app: &TestApp, now: OffsetDateTime) -> Vec<Value> {
    let base = serve_at(&app.database_url, now, None).await;
    let desk = signed_in_at(app, &base, DESK).await;
    let response = app
        .client
        .get(format!("{base}/api/v1/counter/held"))
        .bearer_auth(&desk)
        .send()
        .await
        .unwrap();
    expect_status(response, StatusCode::OK)
        .await
        .as_array()
        .unwrap()
        .clone()
}

/// The workshop dispatches the ticket and the desk at Incheon T1 receives it.
async fn bring_to_counter(app: &TestApp, maker: &str, desk: &str, ticket: i64) {
    move_through(
        app,
        maker,
        ticket,
        &[
            "accepted",
            "in_production",
            "quality_check",
            "ready",
            "dispatched",
        ],
    )
    .await;
    let response = app
        .client
        .post(app.url("/api/v1/counter/receipts"))
        .bearer_auth(desk)
        .json(&json!({ "ticket_ids": [ticket] }))
        .send()
        .await
        .unwrap();
    expect_status(response, StatusCode::OK).await;
}

async fn holding_pass(app: &TestApp, now: OffsetDateTime) -> usize {
    let state = app.worker_state(now).await;
    api::processes::no_show::apply_holding(&state)
        .await
        .unwrap()
}

async fn uncollected_goods_are_held_then_go_back_to_the_workshop(app: TestApp) {
    let wallet = app.product_id("card-wallet").await;
    let created = app.place(&counter_order_body(wallet, 1, long_trip())).await;
    let (id, token) = id_token(&created);
    let (ticket, workshop) = ticket_of(&created);
    let deadline = parse_time(&created["itinerary"]["pickup_deadline"]);
    let maker = app.sign_in("maker@test", "workshop", Some(workshop)).await;
    let desk = app
        .sign_in(DESK, "counter", Some(counter_id("icn-t1")))
        .await;
    bring_to_counter(&app, &maker, &desk, ticket).await;

    // Before the deadline nothing is held.
    assert_eq!(holding_pass(&app, deadline).await, 0);
    assert!(held_at(&app, deadline).await.is_empty());
    assert_eq!(app.count(HELD_EVENTS).await, 0);

    // A day after it: held, the traveller told once, the counter lists it.
    let day_after = deadline + Duration::days(1);
    assert_eq!(holding_pass(&app, day_after).await, 0);
    assert_eq!(holding_pass(&app, day_after).await, 0);
    assert_eq!(app.count(HELD_EVENTS).await, 1, "told once");
    let held = held_at(&app, day_after).await;
    assert_eq!(held.len(), 1);
    assert_eq!(held[0]["order_id"], id.as_str());
    assert_eq!(
        parse_time(&held[0]["held_until"]),
        deadline + Duration::days(30)
    );
    assert_eq!(held[0]["days_left"], 29);

    // A week before the end: reminded, once.
    let week_left = deadline + Duration::days(24);
    assert_eq!(holding_pass(&app, week_left).await, 0);
    assert_eq!(holding_pass(&app, week_left).await, 0);
    assert_eq!(app.count(ENDING_EVENTS).await, 1);
    let view = expect_status(app.get_order(&id, &token).await, StatusCode::OK).await;
    assert_eq!(view["status"], "at_counter", "still collectable");

    // The end of holding: the policy applies, once.
    let ended = deadline + Duration::days(30) + Duration::minutes(1);
    assert_eq!(holding_pass(&app, ended).await, 1);
    assert_eq!(holding_pass(&app, ended).await, 0);
    let view = expect_status(app.get_order(&id, &token).await, StatusCode::OK).await;
    assert_eq!(view["status"], "no_show");
    let last = view["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["actor"], "system");
    assert!(
        last["note"]
            .as_str()
            .unwrap()
            .contains("went back to the workshop"),
        "{last}"
    );
    assert_eq!(app.count(RELEASED_EVENTS).await, 1, "the workshop is told");
    assert!(held_at(&app, ended).await.is_empty());

    // No handover any more.
    let later = serve_at(&app.database_url, ended + Duration::days(1), None).await;
    let desk_later = signed_in_at(&app, &later, DESK).await;
    let code = created["pickup_code"].as_str().unwrap();
    let who = json!({ "name": "Mia Tanaka", "passport_last4": "7K2Q", "balance_method": "cash" });
    let refused = app
        .client
        .post(format!("{later}/api/v1/counter/pickups/{code}/handover"))
        .bearer_auth(&desk_later)
        .json(&who)
        .send()
        .await
        .unwrap();
    expect_problem(refused, StatusCode::CONFLICT, "goods-released").await;
}

async fn a_no_show_keeps_the_deposit_and_refunds_the_balance_by_policy(app: TestApp) {
    let created = card_shirt(&app).await;
    let (id, token) = id_token(&created);
    let (total, deposit) = (
        created["total_krw"].as_i64().unwrap(),
        created["deposit_krw"].as_i64().unwrap(),
    );
    let deadline = parse_time(&created["itinerary"]["pickup_deadline"]);
    pay_deposit(&app, &id).await;
    let order = expect_status(app.get_order(&id, &token).await, StatusCode::OK).await;
    let (ticket, workshop) = ticket_of(&order);
    let tailor = app.sign_in("tailor@test", "workshop", Some(workshop)).await;
    let desk = app
        .sign_in(DESK, "counter", Some(counter_id("icn-t1")))
        .await;
    bring_to_counter(&app, &tailor, &desk, ticket).await;
    let paid = expect_status(app.get_order(&id, &token).await, StatusCode::OK).await;
    assert_eq!(
        paid["money"]["paid_krw"], total,
        "the balance was charged when ready"
    );

    let ended = deadline + Duration::days(30) + Duration::minutes(1);
    assert_eq!(holding_pass(&app, ended).await, 1);
    assert_eq!(app.stripe.count("POST /v1/refunds"), 1);
    let refund = app.stripe.last_request("POST /v1/refunds").unwrap();
    assert_eq!(refund.params["amount"], (total - deposit).to_string());
    let view = expect_status(app.get_order(&id, &token).await, StatusCode::OK).await;
    assert_eq!(view["status"], "no_show");
    let money = &view["money"];
    assert_eq!(money["paid_krw"], total);
    assert_eq!(
        money["refunded_krw"],
        total - deposit,
        "the deposit is kept"
    );
    assert_eq!(money["refunds_pending_krw"], 0);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM refunds WHERE status = 'succeeded'")
            .await,
        1
    );
}

async fn a_workshop_that_keeps_the_balance_refunds_nothing(app: TestApp) {
    let created = card_shirt(&app).await;
    let (id, token) = id_token(&created);
    let deadline = parse_time(&created["itinerary"]["pickup_deadline"]);
    pay_deposit(&app, &id).await;
    let order = expect_status(app.get_order(&id, &token).await, StatusCode::OK).await;
    let (ticket, workshop) = ticket_of(&order);
    let tailor = app.sign_in("tailor@test", "workshop", Some(workshop)).await;
    let desk = app
        .sign_in(DESK, "counter", Some(counter_id("icn-t1")))
        .await;
    bring_to_counter(&app, &tailor, &desk, ticket).await;
    app.execute("UPDATE workshops SET no_show_keeps_balance = TRUE")
        .await;

    let ended = deadline + Duration::days(30) + Duration::minutes(1);
    assert_eq!(holding_pass(&app, ended).await, 1);
    assert_eq!(app.stripe.count("POST /v1/refunds"), 0);
    let view = expect_status(app.get_order(&id, &token).await, StatusCode::OK).await;
    assert_eq!(view["status"], "no_show");
    assert_eq!(view["money"]["refunded_krw"], 0);
}

crate::on_both_databases! {
    uncollected_goods_are_held_then_go_back_to_the_workshop,
    a_no_show_keeps_the_deposit_and_refunds_the_balance_by_policy,
    a_workshop_that_keeps_the_balance_refunds_nothing,
}
