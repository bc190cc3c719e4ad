//! Capacity is reserved atomically: simultaneous orders for the last free hours of a
//! workshop day get exactly those hours, on one server or on two sharing the database.

use reqwest::{Client, StatusCode};
use serde_json::Value;
use time::Duration;

use crate::helpers::*;

const SIMULTANEOUS: usize = 50;

/// Leaves exactly two shirts' worth of hours free on the tailor's first production day
/// and returns an order body (one shirt) that is feasible only on that day.
async fn last_free_hours(app: &TestApp) -> Value {
    let shirt = app.product_id("made-to-measure-shirt").await;
    let product = expect_status(
        app.get(&format!("/api/v1/products/{shirt}")).await,
        StatusCode::OK,
    )
    .await;
    let workshops = expect_status(app.get("/api/v1/workshops").await, StatusCode::OK).await;
    let tailor = workshops
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["id"] == product["workshop_id"])
        .unwrap();
    let (capacity, unit) = (
        tailor["minutes_per_day"].as_i64().unwrap(),
        product["production_minutes"].as_i64().unwrap(),
    );
    assert_eq!(capacity % unit, 0, "the test needs whole shirts per day");

    let prefill = app
        .place(&order_body(shirt, capacity / unit - 2, long_trip()))
        .await;
    let days = prefill["items"][0]["production_days"].as_array().unwrap();
    assert_eq!(days.len(), 1, "the prefill fits on one day: {days:?}");

    // The earliest departure that one more shirt, made on that same day, still makes.
    let probe = expect_status(
        app.quote(&quote_body(shirt, 1, long_trip())).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        probe["items"][0]["production"]["finishes_on"],
        days[0]["day"]
    );
    let ready_by = parse_time(&probe["items"][0]["ready_by"]);
    let trip = itinerary(NOW, ready_by + Duration::hours(3), counter_id("icn-t1"));
    let three = expect_status(
        app.quote(&quote_body(shirt, 3, trip.clone())).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        three["feasible"], false,
        "a third shirt would spill into the next day"
    );
    order_body(shirt, 1, trip)
}

/// Fires the orders at once, spread over `servers`; returns the statuses and problem types.
async fn fire(servers: &[String], body: &Value) -> Vec<(StatusCode, String)> {
    let client = Client::new();
    let mut tasks = tokio::task::JoinSet::new();
    for index in 0..SIMULTANEOUS {
        let (client, body) = (client.clone(), body.clone());
        let base = servers[index % servers.len()].clone();
        tasks.spawn(async move {
            let response = order_at(&client, &base, &format!("rush-{index}"), &body).await;
            let status = response.status();
            let json: Value = response.json().await.unwrap_or(Value::Null);
            (status, json["type"].as_str().unwrap_or("").to_owned())
        });
    }
    tasks.join_all().await
}

async fn check_exactly_capacity_is_reserved(app: &TestApp, outcomes: &[(StatusCode, String)]) {
    let placed = outcomes
        .iter()
        .filter(|(s, _)| *s == StatusCode::CREATED)
        .count();
    let refused: Vec<_> = outcomes
        .iter()
        .filter(|(s, _)| *s != StatusCode::CREATED)
        .collect();
    assert_eq!(placed, 2, "outcomes: {outcomes:?}");
    for (status, kind) in &refused {
        assert_eq!(*status, StatusCode::CONFLICT);
        assert_eq!(kind, "urn:gongbang:problem:infeasible");
    }
    assert_eq!(refused.len(), SIMULTANEOUS - 2);
    let capacity = 960;
    assert_eq!(
        app.count(
            "SELECT CAST(COALESCE(MAX(reserved_minutes), 0) AS BIGINT) FROM workshop_day_loads"
        )
        .await,
        capacity
    );
    assert_eq!(
        app.count("SELECT COALESCE(SUM(reserved_minutes), 0) FROM workshop_day_loads")
            .await,
        capacity
    );
    assert_eq!(
        app.count("SELECT COALESCE(SUM(minutes), 0) FROM capacity_reservations")
            .await,
        capacity
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM orders").await, 3);
}

async fn fifty_simultaneous_orders_for_the_last_free_hours_reserve_exactly_the_capacity(
    app: TestApp,
) {
    let body = last_free_hours(&app).await;
    let outcomes = fire(std::slice::from_ref(&app.base), &body).await;
    check_exactly_capacity_is_reserved(&app, &outcomes).await;
}

async fn two_server_processes_on_one_database_never_promise_the_same_hours(app: TestApp) {
    let body = last_free_hours(&app).await;
    let second = app.serve_another().await;
    let outcomes = fire(&[app.base.clone(), second], &body).await;
    check_exactly_capacity_is_reserved(&app, &outcomes).await;
}

crate::on_both_databases! {
    fifty_simultaneous_orders_for_the_last_free_hours_reserve_exactly_the_capacity,
    two_server_processes_on_one_database_never_promise_the_same_hours,
}
