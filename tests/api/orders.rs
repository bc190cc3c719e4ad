//! Placing, reading, re-planning and cancelling orders.

use reqwest::StatusCode;
use serde_json::{Value, json};
use time::Duration;
use time::macros::datetime;

use crate::helpers::*;

async fn placing_an_order_returns_its_token_once_and_reading_it_needs_the_token(app: TestApp) {
    let shirt = app.product_id("made-to-measure-shirt").await;
    let response = app
        .order("first-order", &order_body(shirt, 1, long_trip()))
        .await;
    let location = response.headers().get("location").cloned();
    let created = expect_status(response, StatusCode::CREATED).await;
    let id = created["id"].as_str().expect("id");
    let token = created["token"].as_str().expect("token");
    assert_eq!(
        location.expect("location").to_str().unwrap(),
        format!("/api/v1/orders/{id}")
    );
    assert_eq!(created["status"], "placed");
    let code = created["pickup_code"].as_str().expect("pickup code");
    assert_eq!(code.len(), 11, "pickup code {code}");
    assert!(token.len() >= 32, "token {token}");

    let order = expect_status(app.get_order(id, token).await, StatusCode::OK).await;
    assert_eq!(order["id"], id);
    assert!(order.get("token").is_none(), "the token is shown only once");
    assert_eq!(order["pickup_code"], code);
    assert_eq!(order["traveller"]["passport_last4"], "7K2Q");
    assert_eq!(order["items"].as_array().unwrap().len(), 1);
    let item = &order["items"][0];
    assert_eq!(item["product_id"], shirt);
    assert!(parse_time(&item["ready_by"]) <= parse_time(&order["itinerary"]["pickup_deadline"]));
    let minutes: i64 = item["production_days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["minutes"].as_i64().unwrap())
        .sum();
    assert_eq!(minutes, 240);
    assert_eq!(order["history"][0]["to"], "placed");
    assert!(
        order["itinerary"]["departure"]
            .as_str()
            .unwrap()
            .ends_with("+09:00")
    );
}

async fn a_wrong_or_missing_token_answers_exactly_like_a_missing_order(app: TestApp) {
    let shirt = app.product_id("made-to-measure-shirt").await;
    let first = app.place(&order_body(shirt, 1, long_trip())).await;
    let second = app.place(&order_body(shirt, 1, long_trip())).await;
    let id = first["id"].as_str().unwrap();
    let other_token = second["token"].as_str().unwrap();

    let wrong = expect_problem(
        app.get_order(id, other_token).await,
        StatusCode::NOT_FOUND,
        "not-found",
    )
    .await;
    let missing_id = uuid::Uuid::new_v4().to_string();
    let absent = expect_problem(
        app.get_order(&missing_id, other_token).await,
        StatusCode::NOT_FOUND,
        "not-found",
    )
    .await;
    assert_eq!(
        wrong, absent,
        "a wrong token must not reveal that the order exists"
    );
    let no_token = app
        .client
        .get(app.url(&format!("/api/v1/orders/{id}")))
        .send()
        .await
        .unwrap();
    expect_problem(no_token, StatusCode::NOT_FOUND, "not-found").await;
    expect_problem(
        app.cancel(id, other_token).await,
        StatusCode::NOT_FOUND,
        "not-found",
    )
    .await;
    let moved = app.change_itinerary(id, other_token, &long_trip()).await;
    expect_problem(moved, StatusCode::NOT_FOUND, "not-found").await;
}

async fn the_same_idempotency_key_with_the_same_body_returns_the_same_order(app: TestApp) {
    let shirt = app.product_id("made-to-measure-shirt").await;
    let body = order_body(shirt, 1, long_trip());
    let first = expect_status(app.order("retry-me", &body).await, StatusCode::CREATED).await;
    let replay = app.order("retry-me", &body).await;
    assert_eq!(replay.headers().get("idempotent-replayed").unwrap(), "true");
    let second = expect_status(replay, StatusCode::CREATED).await;
    assert_eq!(first["id"], second["id"]);
    assert_eq!(first["token"], second["token"]);
    assert_eq!(first["pickup_code"], second["pickup_code"]);
    assert_eq!(app.count("SELECT COUNT(*) FROM orders").await, 1);
    assert_eq!(
        app.count("SELECT COALESCE(SUM(reserved_minutes), 0) FROM workshop_day_loads")
            .await,
        240
    );
}

async fn the_same_idempotency_key_with_another_body_is_refused(app: TestApp) {
    let shirt = app.product_id("made-to-measure-shirt").await;
    app.order("key-1", &order_body(shirt, 1, long_trip())).await;
    let other = app.order("key-1", &order_body(shirt, 2, long_trip())).await;
    expect_problem(
        other,
        StatusCode::UNPROCESSABLE_ENTITY,
        "idempotency-key-reused",
    )
    .await;
    assert_eq!(app.count("SELECT COUNT(*) FROM orders").await, 1);
    assert_eq!(
        app.count("SELECT COALESCE(SUM(reserved_minutes), 0) FROM workshop_day_loads")
            .await,
        240
    );
}

async fn an_order_without_an_idempotency_key_is_a_bad_request(app: TestApp) {
    let shirt = app.product_id("made-to-measure-shirt").await;
    let response = app
        .post_json("/api/v1/orders", &order_body(shirt, 1, long_trip()))
        .await;
    expect_problem(response, StatusCode::BAD_REQUEST, "bad-header").await;
    assert_eq!(app.count("SELECT COUNT(*) FROM orders").await, 0);
}

async fn an_order_that_cannot_be_made_in_time_is_refused_and_writes_nothing(app: TestApp) {
    let shirt = app.product_id("made-to-measure-shirt").await;
    let trip = itinerary(NOW, NOW + Duration::days(2), counter_id("icn-t1"));
    let problem = expect_problem(
        app.order("too-soon", &order_body(shirt, 1, trip)).await,
        StatusCode::CONFLICT,
        "infeasible",
    )
    .await;
    assert_eq!(problem["reasons"][0]["code"], "not_ready_in_time");
    let kinds: Vec<&str> = problem["alternatives"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["kind"].as_str())
        .collect();
    assert!(
        kinds.contains(&"later_departure"),
        "alternatives: {kinds:?}"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM orders").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM idempotency_keys").await, 0);
    assert_eq!(
        app.count("SELECT COALESCE(SUM(reserved_minutes), 0) FROM workshop_day_loads")
            .await,
        0
    );
}

async fn a_traveller_with_bad_details_is_refused_field_by_field(app: TestApp) {
    let shirt = app.product_id("made-to-measure-shirt").await;
    let cases = [
        ("email", json!("not-an-email"), "/traveller/email"),
        ("passport_last4", json!("12"), "/traveller/passport_last4"),
        ("name", json!("   "), "/traveller/name"),
        ("language", json!("fr"), "/traveller/language"),
    ];
    for (index, (field, value, pointer)) in cases.into_iter().enumerate() {
        let mut body = order_body(shirt, 1, long_trip());
        body["traveller"][field] = value;
        let response = app.order(&format!("bad-{index}"), &body).await;
        let problem = expect_status(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(problem["field"], pointer, "{problem}");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM orders").await, 0);
}

async fn a_pay_at_counter_order_is_confirmed_at_once(app: TestApp) {
    let wallet = app.product_id("card-wallet").await;
    let created = app.place(&counter_order_body(wallet, 1, long_trip())).await;
    assert_eq!(created["status"], "confirmed");
    let steps: Vec<&Value> = created["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| &h["to"])
        .collect();
    assert_eq!(steps, [&json!("placed"), &json!("confirmed")]);
    assert_eq!(created["history"][1]["actor"], "system");
}

async fn a_moved_flight_re_plans_the_order_and_moves_its_reservations(app: TestApp) {
    let shirt = app.product_id("made-to-measure-shirt").await;
    let created = app.place(&order_body(shirt, 1, long_trip())).await;
    let (id, token) = (
        created["id"].as_str().unwrap(),
        created["token"].as_str().unwrap(),
    );

    let new_trip = itinerary(
        NOW,
        datetime!(2026-12-29 09:00 UTC),
        counter_id("myeongdong"),
    );
    let moved = expect_status(
        app.change_itinerary(id, token, &new_trip).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(moved["itinerary"]["counter_id"], counter_id("myeongdong"));
    assert_eq!(
        parse_time(&moved["itinerary"]["departure"]),
        datetime!(2026-12-29 09:00 UTC)
    );
    // The city shop hands over by closing time on the last open day before departure.
    assert_eq!(
        parse_time(&moved["itinerary"]["pickup_deadline"]),
        datetime!(2026-12-28 20:00 +9)
    );
    assert!(
        moved["history"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["note"].as_str().unwrap().contains("itinerary"))
    );
    assert_eq!(
        app.count("SELECT COALESCE(SUM(reserved_minutes), 0) FROM workshop_day_loads")
            .await,
        240
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM capacity_reservations")
            .await,
        1
    );

    let impossible = itinerary(NOW, NOW + Duration::days(2), counter_id("icn-t1"));
    let refused = app.change_itinerary(id, token, &impossible).await;
    let problem = expect_problem(refused, StatusCode::CONFLICT, "infeasible").await;
    assert!(!problem["reasons"].as_array().unwrap().is_empty());
    let unchanged = expect_status(app.get_order(id, token).await, StatusCode::OK).await;
    assert_eq!(unchanged["itinerary"], moved["itinerary"]);
    assert_eq!(unchanged["items"], moved["items"]);
    assert_eq!(
        app.count("SELECT COALESCE(SUM(reserved_minutes), 0) FROM workshop_day_loads")
            .await,
        240
    );
}

async fn a_moved_flight_can_use_the_hours_the_order_itself_held(app: TestApp) {
    // Fill the first production day completely with one order, then move that order's
    // departure by an hour: it must be able to keep its own (full) day.
    let shirt = app.product_id("made-to-measure-shirt").await;
    let probe = expect_status(
        app.quote(&quote_body(shirt, 4, long_trip())).await,
        StatusCode::OK,
    )
    .await;
    let ready_by = parse_time(&probe["items"][0]["ready_by"]);
    let tight = itinerary(NOW, ready_by + Duration::hours(3), counter_id("icn-t1"));
    let created = app.place(&order_body(shirt, 4, tight)).await;
    let (id, token) = (
        created["id"].as_str().unwrap(),
        created["token"].as_str().unwrap(),
    );
    let later = itinerary(NOW, ready_by + Duration::hours(4), counter_id("icn-t2"));
    let moved = expect_status(
        app.change_itinerary(id, token, &later).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        moved["items"][0]["production_days"],
        created["items"][0]["production_days"]
    );
    assert_eq!(
        app.count(
            "SELECT CAST(COALESCE(MAX(reserved_minutes), 0) AS BIGINT) FROM workshop_day_loads"
        )
        .await,
        960
    );
}

async fn cancelling_gives_the_workshop_time_back_and_cannot_be_repeated(app: TestApp) {
    let shirt = app.product_id("made-to-measure-shirt").await;
    let created = app.place(&order_body(shirt, 2, long_trip())).await;
    let (id, token) = (
        created["id"].as_str().unwrap(),
        created["token"].as_str().unwrap(),
    );
    assert_eq!(
        app.count("SELECT COALESCE(SUM(reserved_minutes), 0) FROM workshop_day_loads")
            .await,
        480
    );

    let cancelled = expect_status(app.cancel(id, token).await, StatusCode::OK).await;
    assert_eq!(cancelled["status"], "cancelled");
    let last = cancelled["history"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        (last["from"].clone(), last["to"].clone()),
        (json!("placed"), json!("cancelled"))
    );
    assert_eq!(last["actor"], "traveller");
    assert_eq!(
        app.count("SELECT COALESCE(SUM(reserved_minutes), 0) FROM workshop_day_loads")
            .await,
        0
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM capacity_reservations")
            .await,
        0
    );

    let again = expect_problem(
        app.cancel(id, token).await,
        StatusCode::CONFLICT,
        "order-state",
    )
    .await;
    assert_eq!(again["current_status"], "cancelled");
    let moved = app.change_itinerary(id, token, &long_trip()).await;
    expect_problem(moved, StatusCode::CONFLICT, "order-state").await;
}

crate::on_both_databases! {
    placing_an_order_returns_its_token_once_and_reading_it_needs_the_token,
    a_wrong_or_missing_token_answers_exactly_like_a_missing_order,
    the_same_idempotency_key_with_the_same_body_returns_the_same_order,
    the_same_idempotency_key_with_another_body_is_refused,
    an_order_without_an_idempotency_key_is_a_bad_request,
    an_order_that_cannot_be_made_in_time_is_refused_and_writes_nothing,
    a_traveller_with_bad_details_is_refused_field_by_field,
    a_pay_at_counter_order_is_confirmed_at_once,
    a_moved_flight_re_plans_the_order_and_moves_its_reservations,
    a_moved_flight_can_use_the_hours_the_order_itself_held,
    cancelling_gives_the_workshop_time_back_and_cannot_be_repeated,
}
