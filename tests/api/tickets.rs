//! Production tickets from the workshop's side: created on confirmation, moved step by
//! step with the order following, declined (re-planned or the order declined), delayed
//! (the order flagged at risk), and visible only to their own workshop.

use reqwest::StatusCode;
use serde_json::{Value, json};
use time::Duration;

use crate::helpers::*;

/// A shirt order on `trip`, confirmed by an operator; returns (order, traveller token,
/// ticket id, the tailor's workshop id).
async fn confirmed_shirt(app: &TestApp, trip: Value) -> (Value, String, i64, i64) {
    let shirt = app.product_id("made-to-measure-shirt").await;
    let created = app.place(&order_body(shirt, 1, trip)).await;
    let id = created["id"].as_str().unwrap().to_owned();
    let total = created["total_krw"].as_i64().unwrap();
    let confirmed = app.confirm_paid(&id, total).await;
    assert_eq!(confirmed["status"], "confirmed");
    let token = created["token"].as_str().unwrap().to_owned();
    let order = expect_status(app.get_order(&id, &token).await, StatusCode::OK).await;
    let number = order["items"][0]["ticket"]["number"]
        .as_str()
        .expect("a ticket")
        .to_owned();
    let ticket = number.trim_start_matches('T').parse().unwrap();
    let workshop = order["items"][0]["workshop_id"].as_i64().unwrap();
    (order, token, ticket, workshop)
}

async fn tickets(app: &TestApp, staff: &str) -> Vec<Value> {
    let response = app
        .client
        .get(app.url("/api/v1/workshop/tickets"))
        .bearer_auth(staff)
        .send()
        .await
        .unwrap();
    expect_status(response, StatusCode::OK)
        .await
        .as_array()
        .unwrap()
        .clone()
}

async fn move_to(
    app: &TestApp,
    staff: &str,
    ticket: i64,
    status: &str,
    note: &str,
) -> reqwest::Response {
    let url = app.url(&format!("/api/v1/workshop/tickets/{ticket}/status"));
    let body = json!({ "status": status, "note": note });
    app.client
        .post(url)
        .bearer_auth(staff)
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn delay(app: &TestApp, staff: &str, ticket: i64, days: i64) -> reqwest::Response {
    let url = app.url(&format!("/api/v1/workshop/tickets/{ticket}/delay"));
    let body = json!({ "working_days": days, "note": "the cutter is ill" });
    app.client
        .post(url)
        .bearer_auth(staff)
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn order_status(app: &TestApp, order: &Value, token: &str) -> Value {
    expect_status(
        app.get_order(order["id"].as_str().unwrap(), token).await,
        StatusCode::OK,
    )
    .await
}

/// The tightest trip a shirt ordered now can make: departure = earliest that works.
async fn tight_trip(app: &TestApp) -> Value {
    let shirt = app.product_id("made-to-measure-shirt").await;
    let probe = expect_status(
        app.quote(&quote_body(shirt, 1, long_trip())).await,
        StatusCode::OK,
    )
    .await;
    let ready_by = parse_time(&probe["items"][0]["ready_by"]);
    itinerary(NOW, ready_by + Duration::hours(3), counter_id("icn-t1"))
}

async fn confirming_an_order_creates_tickets_that_only_its_workshop_sees(app: TestApp) {
    let (_, _, ticket, workshop) = confirmed_shirt(&app, long_trip()).await;
    let tailor = app.sign_in("tailor@test", "workshop", Some(workshop)).await;
    let listed = tickets(&app, &tailor).await;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["id"], ticket);
    assert_eq!(listed[0]["status"], "queued");
    assert_eq!(listed[0]["allowed"], json!(["accepted", "declined"]));
    assert!(parse_time(&listed[0]["due_at"]) < parse_time(&listed[0]["pickup_deadline"]));

    let other = app
        .sign_in("shoes@test", "workshop", Some(workshop + 1))
        .await;
    assert!(tickets(&app, &other).await.is_empty());
    let peek = app
        .client
        .get(app.url(&format!("/api/v1/workshop/tickets/{ticket}")))
        .bearer_auth(&other);
    expect_problem(
        peek.send().await.unwrap(),
        StatusCode::NOT_FOUND,
        "not-found",
    )
    .await;
    let moved = move_to(&app, &other, ticket, "accepted", "").await;
    expect_problem(moved, StatusCode::NOT_FOUND, "not-found").await;

    let counter = app
        .sign_in("desk@test", "counter", Some(counter_id("icn-t1")))
        .await;
    let wrong_role = app
        .client
        .get(app.url("/api/v1/workshop/tickets"))
        .bearer_auth(&counter);
    expect_problem(
        wrong_role.send().await.unwrap(),
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let anonymous = app.get("/api/v1/workshop/tickets").await;
    expect_problem(anonymous, StatusCode::UNAUTHORIZED, "unauthenticated").await;
}

async fn a_pay_at_counter_order_has_tickets_at_once(app: TestApp) {
    let wallet = app.product_id("card-wallet").await;
    let created = app.place(&counter_order_body(wallet, 1, long_trip())).await;
    assert_eq!(created["status"], "confirmed");
    assert_eq!(created["items"][0]["ticket"]["status"], "queued");
    let kinds: Vec<&str> = created["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["kind"].as_str())
        .collect();
    assert_eq!(kinds, ["order.placed", "order.confirmed", "ticket.queued"]);
}

async fn a_ticket_moves_step_by_step_and_the_order_follows(app: TestApp) {
    let (order, token, ticket, workshop) = confirmed_shirt(&app, long_trip()).await;
    let tailor = app.sign_in("tailor@test", "workshop", Some(workshop)).await;

    let skipped = move_to(&app, &tailor, ticket, "ready", "").await;
    let problem = expect_problem(skipped, StatusCode::CONFLICT, "illegal-transition").await;
    assert_eq!(problem["current_status"], "queued");

    let expected_order = [
        ("accepted", "confirmed"),
        ("in_production", "in_production"),
        ("quality_check", "in_production"),
        ("ready", "ready"),
        ("dispatched", "ready"),
    ];
    for (ticket_status, order_after) in expected_order {
        let moved = expect_status(
            move_to(&app, &tailor, ticket, ticket_status, "").await,
            StatusCode::OK,
        )
        .await;
        assert_eq!(moved["status"], ticket_status);
        assert_eq!(
            order_status(&app, &order, &token).await["status"],
            order_after,
            "after {ticket_status}"
        );
    }
    let detail = app
        .client
        .get(app.url(&format!("/api/v1/workshop/tickets/T{ticket:06}")))
        .bearer_auth(&tailor);
    let detail = expect_status(detail.send().await.unwrap(), StatusCode::OK).await;
    let steps: Vec<&str> = detail["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["to"].as_str().unwrap())
        .collect();
    assert_eq!(
        steps,
        [
            "queued",
            "accepted",
            "in_production",
            "quality_check",
            "ready",
            "dispatched"
        ]
    );
    assert!(
        detail["history"][1]["actor"]
            .as_str()
            .unwrap()
            .contains("tailor@test")
    );
    assert_eq!(detail["allowed"], json!([]));
    // Production started: the traveller can no longer cancel on their own.
    let cancel = app.cancel(order["id"].as_str().unwrap(), &token).await;
    expect_problem(cancel, StatusCode::CONFLICT, "order-state").await;
}

async fn a_decline_re_plans_the_item_into_another_slot_when_the_deadline_holds(app: TestApp) {
    let (order, token, ticket, workshop) = confirmed_shirt(&app, long_trip()).await;
    let before = order["items"][0]["production_days"].clone();
    let tailor = app.sign_in("tailor@test", "workshop", Some(workshop)).await;
    let declined = move_to(&app, &tailor, ticket, "declined", "no cloth that day").await;
    let ticket_after = expect_status(declined, StatusCode::OK).await;
    assert_eq!(ticket_after["status"], "queued");
    assert!(
        ticket_after["notes"]
            .as_str()
            .unwrap()
            .contains("no cloth that day")
    );

    let after = order_status(&app, &order, &token).await;
    assert_eq!(after["status"], "confirmed");
    assert_ne!(
        after["items"][0]["production_days"], before,
        "the declined slot is not reused"
    );
    assert_eq!(
        app.count("SELECT COALESCE(SUM(reserved_minutes), 0) FROM workshop_day_loads")
            .await,
        240
    );
    assert!(
        after["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["kind"] == "ticket.replanned")
    );
}

async fn a_decline_that_cannot_be_re_planned_declines_the_order(app: TestApp) {
    let trip = tight_trip(&app).await;
    let (order, token, ticket, workshop) = confirmed_shirt(&app, trip).await;
    let tailor = app.sign_in("tailor@test", "workshop", Some(workshop)).await;
    let declined = expect_status(
        move_to(&app, &tailor, ticket, "declined", "machine broken").await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(declined["status"], "declined");
    let after = order_status(&app, &order, &token).await;
    assert_eq!(after["status"], "declined");
    let last = after["history"].as_array().unwrap().last().unwrap().clone();
    assert!(last["note"].as_str().unwrap().contains("refund"), "{last}");
    assert_eq!(
        app.count("SELECT COALESCE(SUM(reserved_minutes), 0) FROM workshop_day_loads")
            .await,
        0
    );
}

async fn a_delay_that_misses_the_deadline_flags_the_order_at_risk(app: TestApp) {
    let (_, _, safe_ticket, workshop) = confirmed_shirt(&app, long_trip()).await;
    let trip = tight_trip(&app).await;
    let (order, token, ticket, _) = confirmed_shirt(&app, trip).await;
    let tailor = app.sign_in("tailor@test", "workshop", Some(workshop)).await;

    let delayed = expect_status(delay(&app, &tailor, ticket, 2).await, StatusCode::OK).await;
    assert_eq!(delayed["at_risk"], true);
    assert_eq!(delayed["status"], "queued");
    let after = order_status(&app, &order, &token).await;
    assert_eq!(after["at_risk"], true);
    assert!(
        parse_time(&after["items"][0]["ready_by"])
            > parse_time(&after["itinerary"]["pickup_deadline"])
    );
    let kinds: Vec<&str> = after["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["kind"].as_str())
        .collect();
    assert!(
        kinds.contains(&"ticket.delayed") && kinds.contains(&"order.at_risk"),
        "{kinds:?}"
    );

    let listed = tickets(&app, &tailor).await;
    assert_eq!(listed[0]["id"], ticket, "at-risk tickets come first");
    assert_eq!(listed[1]["id"], safe_ticket);
    assert_eq!(
        app.count("SELECT COALESCE(SUM(reserved_minutes), 0) FROM workshop_day_loads")
            .await,
        480
    );

    let silly = delay(&app, &tailor, ticket, 0).await;
    expect_problem(silly, StatusCode::UNPROCESSABLE_ENTITY, "invalid-field").await;
}

async fn cancelling_a_confirmed_order_cancels_its_tickets(app: TestApp) {
    let (order, token, ticket, workshop) = confirmed_shirt(&app, long_trip()).await;
    let cancelled = expect_status(
        app.cancel(order["id"].as_str().unwrap(), &token).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(cancelled["items"][0]["ticket"]["status"], "cancelled");
    let tailor = app.sign_in("tailor@test", "workshop", Some(workshop)).await;
    let refused = move_to(&app, &tailor, ticket, "accepted", "").await;
    let problem = expect_problem(refused, StatusCode::CONFLICT, "illegal-transition").await;
    assert_eq!(problem["current_status"], "cancelled");
    assert_eq!(
        app.count("SELECT COALESCE(SUM(reserved_minutes), 0) FROM workshop_day_loads")
            .await,
        0
    );
}

/// Three shirts on one order, on the tightest trip they can make, confirmed (paid by
/// bank transfer); returns (order, token, ticket ids by line, the tailor's workshop).
async fn three_confirmed_shirts(app: &TestApp) -> (Value, String, Vec<i64>, i64) {
    let shirt = app.product_id("made-to-measure-shirt").await;
    let line = json!({ "product_id": shirt, "quantity": 1, "options": {} });
    let items = json!([line, line, line]);
    let probe = json!({ "items": items, "itinerary": long_trip() });
    let quote = expect_status(app.quote(&probe).await, StatusCode::OK).await;
    let last_ready = quote["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| parse_time(&item["ready_by"]))
        .max()
        .unwrap();
    let trip = itinerary(NOW, last_ready + Duration::hours(3), counter_id("icn-t1"));
    let body = json!({ "items": items, "itinerary": trip, "traveller": traveller() });
    let created = app.place(&body).await;
    let id = created["id"].as_str().unwrap().to_owned();
    app.confirm_paid(&id, created["total_krw"].as_i64().unwrap())
        .await;
    let token = created["token"].as_str().unwrap().to_owned();
    let order = expect_status(app.get_order(&id, &token).await, StatusCode::OK).await;
    let tickets = order["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            let number = item["ticket"]["number"].as_str().expect("a ticket");
            number.trim_start_matches('T').parse().unwrap()
        })
        .collect();
    let workshop = order["items"][0]["workshop_id"].as_i64().unwrap();
    (order, token, tickets, workshop)
}

async fn a_declined_order_cancels_every_live_ticket_and_tells_the_workshop(app: TestApp) {
    let (order, token, ids, workshop) = three_confirmed_shirts(&app).await;
    let tailor = app.sign_in("tailor@test", "workshop", Some(workshop)).await;
    // The item finished last is the one that cannot be re-planned in time.
    let items = order["items"].as_array().unwrap();
    let last = (0..3)
        .max_by_key(|&i| parse_time(&items[i]["ready_by"]))
        .unwrap();
    let others: Vec<usize> = (0..3).filter(|&i| i != last).collect();
    let checking = ["accepted", "in_production", "quality_check"];
    for status in checking {
        expect_status(
            move_to(&app, &tailor, ids[others[0]], status, "").await,
            StatusCode::OK,
        )
        .await;
    }
    for status in checking.iter().chain(&["ready"]) {
        expect_status(
            move_to(&app, &tailor, ids[others[1]], status, "").await,
            StatusCode::OK,
        )
        .await;
    }
    let declined = move_to(&app, &tailor, ids[last], "declined", "the loom broke").await;
    assert_eq!(
        expect_status(declined, StatusCode::OK).await["status"],
        "declined"
    );

    let after = order_status(&app, &order, &token).await;
    assert_eq!(after["status"], "declined");
    let statuses: Vec<&str> = after["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["ticket"]["status"].as_str().unwrap())
        .collect();
    for i in others {
        assert_eq!(statuses[i], "cancelled", "{statuses:?}");
    }
    assert_eq!(statuses[last], "declined");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM events WHERE kind = 'ticket.cancelled' AND workshop_id IS NOT NULL")
            .await,
        2,
        "the workshop is told of both"
    );
    let live = tickets(&app, &tailor)
        .await
        .into_iter()
        .filter(|t| !matches!(t["status"].as_str(), Some("cancelled" | "declined")))
        .count();
    assert_eq!(live, 0, "nothing left to make");
}

async fn an_order_at_risk_before_confirmation_stays_at_risk_after_it(app: TestApp) {
    let trip = tight_trip(&app).await;
    let shirt = app.product_id("made-to-measure-shirt").await;
    let created = app.place(&order_body(shirt, 1, trip)).await;
    let (id, token) = (
        created["id"].as_str().unwrap().to_owned(),
        created["token"].as_str().unwrap().to_owned(),
    );
    let workshop = created["items"][0]["workshop_id"].as_i64().unwrap();
    let day = created["items"][0]["production_days"][0]["day"]
        .as_str()
        .unwrap()
        .to_owned();
    let tailor = app.sign_in("tailor@test", "workshop", Some(workshop)).await;
    let close = app
        .client
        .post(app.url("/api/v1/workshop/calendar/closed-days"))
        .bearer_auth(&tailor)
        .json(&json!({ "day": day, "name": "owner's wedding" }));
    expect_status(close.send().await.unwrap(), StatusCode::CREATED).await;

    let placed = order_status(&app, &created, &token).await;
    assert_eq!(placed["status"], "placed");
    assert_eq!(
        placed["at_risk"], true,
        "the traveller sees the risk before paying"
    );

    app.confirm_paid(&id, created["total_krw"].as_i64().unwrap())
        .await;
    let confirmed = order_status(&app, &created, &token).await;
    assert_eq!(confirmed["status"], "confirmed");
    assert_eq!(
        confirmed["at_risk"], true,
        "confirmation does not forget the risk"
    );
    let listed = tickets(&app, &tailor).await;
    assert_eq!(
        listed[0]["at_risk"], true,
        "the workshop sees it on its queue"
    );
}

crate::on_both_databases! {
    confirming_an_order_creates_tickets_that_only_its_workshop_sees,
    a_pay_at_counter_order_has_tickets_at_once,
    a_ticket_moves_step_by_step_and_the_order_follows,
    a_decline_re_plans_the_item_into_another_slot_when_the_deadline_holds,
    a_decline_that_cannot_be_re_planned_declines_the_order,
    a_delay_that_misses_the_deadline_flags_the_order_at_risk,
    cancelling_a_confirmed_order_cancels_its_tickets,
    a_declined_order_cancels_every_live_ticket_and_tells_the_workshop,
    an_order_at_risk_before_confirmation_stays_at_risk_after_it,
}
