//! Workshop calendars: closing a day moves what was reserved on it and flags orders
//! that may now miss their flight; reopening; who may do it.

use reqwest::StatusCode;
use serde_json::{Value, json};
use time::Duration;

use crate::helpers::*;

async fn close_day(app: &TestApp, staff: &str, day: &str) -> reqwest::Response {
    let body = json!({ "day": day, "name": "owner's wedding" });
    let url = app.url("/api/v1/workshop/calendar/closed-days");
    app.client
        .post(url)
        .bearer_auth(staff)
        .json(&body)
        .send()
        .await
        .unwrap()
}

fn production_days(order: &Value) -> Vec<String> {
    let days = order["items"][0]["production_days"].as_array().unwrap();
    days.iter()
        .map(|d| d["day"].as_str().unwrap().to_owned())
        .collect()
}

async fn closing_a_reserved_day_moves_its_items_and_flags_orders_at_risk(app: TestApp) {
    let shirt = app.product_id("made-to-measure-shirt").await;
    let probe = expect_status(
        app.quote(&quote_body(shirt, 1, long_trip())).await,
        StatusCode::OK,
    )
    .await;
    let ready_by = parse_time(&probe["items"][0]["ready_by"]);
    let tight = itinerary(NOW, ready_by + Duration::hours(3), counter_id("icn-t1"));
    let relaxed = app.place(&order_body(shirt, 1, long_trip())).await;
    let at_risk = app.place(&order_body(shirt, 1, tight)).await;
    let day = production_days(&relaxed)[0].clone();
    assert_eq!(production_days(&at_risk), std::slice::from_ref(&day));

    let workshop = relaxed["items"][0]["workshop_id"].as_i64().unwrap();
    let tailor = app.sign_in("tailor@test", "workshop", Some(workshop)).await;
    let closed = expect_status(close_day(&app, &tailor, &day).await, StatusCode::CREATED).await;
    let moved = closed["moved"].as_array().unwrap();
    assert_eq!(moved.len(), 2);
    assert!(
        closed["calendar"]["closed_days"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["day"] == day.as_str())
    );

    for (order, expect_risk) in [(&relaxed, false), (&at_risk, true)] {
        let (id, token) = (
            order["id"].as_str().unwrap(),
            order["token"].as_str().unwrap(),
        );
        let after = expect_status(app.get_order(id, token).await, StatusCode::OK).await;
        assert!(
            !production_days(&after).contains(&day),
            "{id} still works on the closed day"
        );
        let kinds: Vec<&str> = after["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| e["kind"].as_str())
            .collect();
        assert_eq!(kinds.contains(&"order.at_risk"), expect_risk, "{kinds:?}");
        let flagged = moved.iter().find(|m| m["order_id"] == id).unwrap();
        assert_eq!(flagged["at_risk"], expect_risk);
    }
    assert_eq!(
        app.count("SELECT COALESCE(SUM(reserved_minutes), 0) FROM workshop_day_loads")
            .await,
        480
    );
    assert_eq!(
        app.count("SELECT COALESCE(SUM(minutes), 0) FROM capacity_reservations")
            .await,
        480
    );

    let again = close_day(&app, &tailor, &day).await;
    expect_problem(again, StatusCode::CONFLICT, "already-closed").await;
    let reopen = app
        .client
        .delete(app.url(&format!("/api/v1/workshop/calendar/closed-days/{day}")))
        .bearer_auth(&tailor);
    assert_eq!(
        reopen.send().await.unwrap().status(),
        StatusCode::NO_CONTENT
    );
    let reopen = app
        .client
        .delete(app.url(&format!("/api/v1/workshop/calendar/closed-days/{day}")))
        .bearer_auth(&tailor);
    expect_problem(
        reopen.send().await.unwrap(),
        StatusCode::NOT_FOUND,
        "not-found",
    )
    .await;
}

async fn only_future_days_can_be_closed_and_only_by_the_workshop(app: TestApp) {
    let tailor = app.sign_in("tailor@test", "workshop", Some(1)).await;
    let past = close_day(&app, &tailor, "2026-11-30").await;
    let problem = expect_problem(past, StatusCode::UNPROCESSABLE_ENTITY, "invalid-field").await;
    assert_eq!(problem["field"], "/day");
    let calendar = app
        .client
        .get(app.url("/api/v1/workshop/calendar"))
        .bearer_auth(&tailor);
    let calendar = expect_status(calendar.send().await.unwrap(), StatusCode::OK).await;
    assert!(calendar["minutes_per_day"].as_i64().unwrap() > 0);
    assert!(
        calendar["closed_days"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["day"] == "2026-12-25")
    );

    let desk = app
        .sign_in("desk@test", "counter", Some(counter_id("myeongdong")))
        .await;
    expect_problem(
        close_day(&app, &desk, "2026-12-30").await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
}

crate::on_both_databases! {
    closing_a_reserved_day_moves_its_items_and_flags_orders_at_risk,
    only_future_days_can_be_closed_and_only_by_the_workshop,
}

mod pattern {
    use super::*;

    async fn set_pattern(app: &TestApp, staff: &str, body: Value) -> reqwest::Response {
        let url = app.url("/api/v1/workshop/calendar");
        app.client
            .put(url)
            .bearer_auth(staff)
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    async fn the_weekly_pattern_changes_unless_reserved_days_lose_their_room(app: TestApp) {
        let shirt = app.product_id("made-to-measure-shirt").await;
        let order = app.place(&order_body(shirt, 4, long_trip())).await;
        let workshop = order["items"][0]["workshop_id"].as_i64().unwrap();
        let tailor = app.sign_in("tailor@test", "workshop", Some(workshop)).await;

        let shorter = json!({ "working_days": ["mon", "tue", "wed", "thu", "fri"], "minutes_per_day": 480, "closes_at": "18:00" });
        let refused = set_pattern(&app, &tailor, shorter).await;
        let problem = expect_problem(refused, StatusCode::CONFLICT, "calendar-conflict").await;
        assert_eq!(problem["days"][0]["reserved_minutes"], 960);
        let unchanged = app
            .client
            .get(app.url("/api/v1/workshop/calendar"))
            .bearer_auth(&tailor);
        let unchanged = expect_status(unchanged.send().await.unwrap(), StatusCode::OK).await;
        assert_eq!(unchanged["minutes_per_day"], 960);

        let longer = json!({ "working_days": ["mon", "tue", "wed", "thu", "fri", "sat"], "minutes_per_day": 1200, "closes_at": "20:00" });
        let changed = expect_status(set_pattern(&app, &tailor, longer).await, StatusCode::OK).await;
        assert_eq!(changed["minutes_per_day"], 1200);
        assert_eq!(changed["closes_at"], "20:00");
        let products = app.get("/api/v1/workshops").await;
        let workshops = expect_status(products, StatusCode::OK).await;
        let tailor_row = workshops
            .as_array()
            .unwrap()
            .iter()
            .find(|w| w["id"] == workshop)
            .unwrap()
            .clone();
        assert_eq!(tailor_row["minutes_per_day"], 1200);

        let bad =
            json!({ "working_days": ["monday"], "minutes_per_day": 480, "closes_at": "18:00" });
        let problem = expect_problem(
            set_pattern(&app, &tailor, bad).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid-field",
        )
        .await;
        assert_eq!(problem["field"], "/working_days/0");
    }

    crate::on_both_databases! {
        the_weekly_pattern_changes_unless_reserved_days_lose_their_room,
    }
}
