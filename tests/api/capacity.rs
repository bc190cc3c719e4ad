//! Capacity is reserved atomically: simultaneous orders for the last free hours of a
//! workshop day get exactly those hours, on one server or on two sharing the database;
//! and a cut of a workshop's capacity (a shorter weekly pattern, a closed day) racing
//! those orders never leaves a day with more reserved than it has.

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

mod calendar_cuts {
    use std::collections::BTreeSet;
    use std::future::Future;

    use serde_json::json;
    use time::Date;
    use time::macros::datetime;

    use super::*;

    /// Orders fired at once against each cut.
    const RACING: usize = 12;
    /// Cuts per test.
    const ROUNDS: usize = 4;

    /// A workshop's calendar as its staff read it.
    struct CalendarInForce {
        working_days: BTreeSet<String>,
        minutes_per_day: i64,
        closed_days: BTreeSet<Date>,
    }

    impl CalendarInForce {
        async fn read(app: &TestApp, staff: &str) -> CalendarInForce {
            let request = app
                .client
                .get(app.url("/api/v1/workshop/calendar"))
                .bearer_auth(staff);
            let calendar = expect_status(request.send().await.unwrap(), StatusCode::OK).await;
            let format = time::macros::format_description!("[year]-[month]-[day]");
            CalendarInForce {
                working_days: calendar["working_days"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|d| d.as_str().unwrap().to_owned())
                    .collect(),
                minutes_per_day: calendar["minutes_per_day"].as_i64().unwrap(),
                closed_days: calendar["closed_days"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|d| Date::parse(d["day"].as_str().unwrap(), &format).unwrap())
                    .collect(),
            }
        }

        fn capacity_on(&self, day: Date) -> i64 {
            let code = day.weekday().to_string()[..3].to_lowercase();
            if self.working_days.contains(&code) && !self.closed_days.contains(&day) {
                self.minutes_per_day
            } else {
                0
            }
        }
    }

    /// Asserts from the database that no day of `workshop` has more minutes reserved than
    /// the calendar now in force gives it, and that each day's reserved minutes are the
    /// sum of its reservations.
    async fn assert_no_day_overbooked(app: &TestApp, staff: &str, workshop: i64, round: usize) {
        let calendar = CalendarInForce::read(app, staff).await;
        let loads = app.stored_day_loads().await;
        for load in loads.iter().filter(|l| l.workshop == workshop) {
            assert_eq!(
                load.reserved_minutes, load.reservation_minutes,
                "round {round}: {load:?}"
            );
            let capacity = calendar.capacity_on(load.day);
            assert!(
                load.reserved_minutes <= capacity,
                "round {round}: {} has {} minutes reserved, capacity {capacity}",
                load.day,
                load.reserved_minutes
            );
        }
    }

    /// Fires [`RACING`] orders of `body` and the staff's `cut` at once. Returns the orders
    /// placed (id, token) and the cut's status; every order refused is a 409.
    async fn race(
        app: &TestApp,
        body: &Value,
        cut: impl Future<Output = StatusCode>,
    ) -> (Vec<(String, String)>, StatusCode) {
        let mut tasks = tokio::task::JoinSet::new();
        for _ in 0..RACING {
            let (client, base, body) = (app.client.clone(), app.base.clone(), body.clone());
            tasks.spawn(async move {
                let key = uuid::Uuid::new_v4().to_string();
                let response = order_at(&client, &base, &key, &body).await;
                let status = response.status();
                let json: Value = response.json().await.unwrap_or(Value::Null);
                (status, json)
            });
        }
        let (outcomes, cut) = tokio::join!(tasks.join_all(), cut);
        let mut placed = Vec::new();
        for (status, json) in outcomes {
            match status {
                StatusCode::CREATED => placed.push((
                    json["id"].as_str().unwrap().to_owned(),
                    json["token"].as_str().unwrap().to_owned(),
                )),
                StatusCode::CONFLICT => {}
                other => panic!("an order answered {other}: {json}"),
            }
        }
        (placed, cut)
    }

    async fn tailor_of(app: &TestApp, product: i64) -> (i64, String) {
        let product = app.get(&format!("/api/v1/products/{product}")).await;
        let product = expect_status(product, StatusCode::OK).await;
        let workshop = product["workshop_id"].as_i64().unwrap();
        let staff = app.sign_in("tailor@test", "workshop", Some(workshop)).await;
        (workshop, staff)
    }

    async fn set_pattern(app: &TestApp, staff: &str, pattern: &Value) -> StatusCode {
        let request = app
            .client
            .put(app.url("/api/v1/workshop/calendar"))
            .bearer_auth(staff)
            .json(pattern);
        request.send().await.unwrap().status()
    }

    async fn close_day(app: &TestApp, staff: &str, day: &str) -> StatusCode {
        let body = json!({ "day": day, "name": "the sewing machines are serviced" });
        let request = app
            .client
            .post(app.url("/api/v1/workshop/calendar/closed-days"))
            .bearer_auth(staff)
            .json(&body);
        request.send().await.unwrap().status()
    }

    async fn orders_racing_a_shorter_weekly_pattern_never_overbook_a_day(app: TestApp) {
        let shirt = app.product_id("made-to-measure-shirt").await;
        let (workshop, tailor) = tailor_of(&app, shirt).await;
        let body = order_body(shirt, 1, long_trip());
        let days = json!(["mon", "tue", "wed", "thu", "fri", "sat"]);
        let full = json!({ "working_days": days, "minutes_per_day": 960, "closes_at": "18:00" });
        let short = json!({ "working_days": days, "minutes_per_day": 480, "closes_at": "18:00" });
        for round in 0..ROUNDS {
            assert_eq!(set_pattern(&app, &tailor, &full).await, StatusCode::OK);
            let (placed, cut) = race(&app, &body, set_pattern(&app, &tailor, &short)).await;
            assert!(
                [StatusCode::OK, StatusCode::CONFLICT].contains(&cut),
                "the cut answered {cut}"
            );
            assert_no_day_overbooked(&app, &tailor, workshop, round).await;
            for (id, token) in placed {
                expect_status(app.cancel(&id, &token).await, StatusCode::OK).await;
            }
        }
    }

    async fn orders_racing_the_closing_of_their_day_never_land_on_it(app: TestApp) {
        let shirt = app.product_id("made-to-measure-shirt").await;
        let (workshop, tailor) = tailor_of(&app, shirt).await;
        let trip = itinerary(NOW, datetime!(2027-01-25 09:00 UTC), counter_id("icn-t1"));
        let body = order_body(shirt, 1, trip.clone());
        for round in 0..ROUNDS {
            let probe = expect_status(
                app.quote(&quote_body(shirt, 1, trip.clone())).await,
                StatusCode::OK,
            )
            .await;
            let day = probe["items"][0]["production"]["finishes_on"]
                .as_str()
                .unwrap()
                .to_owned();
            let (_, closing) = race(&app, &body, close_day(&app, &tailor, &day)).await;
            assert!(
                [StatusCode::CREATED, StatusCode::CONFLICT].contains(&closing),
                "closing {day} answered {closing}"
            );
            assert_no_day_overbooked(&app, &tailor, workshop, round).await;
        }
    }

    crate::on_both_databases! {
        orders_racing_a_shorter_weekly_pattern_never_overbook_a_day,
        orders_racing_the_closing_of_their_day_never_land_on_it,
    }
}
