//! The background workers that finish what a request could not: orders left half-way by
//! a crash are finished or released whatever their payment method, and tickets still at
//! the workshop when they are due (or that can no longer be finished in time) are flagged
//! on the order, the workshop's queue and the operator's list, with events.

use reqwest::StatusCode;
use serde_json::Value;
use time::Duration;

use crate::helpers::*;

/// Undoes a pay-at-counter order's confirmation in the database, as a crash between
/// placing and confirming (two steps) would have left it: `placed`, holding its hours,
/// without tickets.
async fn crash_before_confirming(app: &TestApp) {
    for sql in [
        "DELETE FROM ticket_history",
        "DELETE FROM events",
        "DELETE FROM tickets",
        "DELETE FROM order_status_history WHERE to_status = 'confirmed'",
        "UPDATE orders SET status = 'placed'",
    ] {
        app.execute(sql).await;
    }
}

async fn an_order_left_placed_by_a_crash_is_finished_by_the_worker(app: TestApp) {
    let cards = app.product_id("letterpress-cards").await;
    let created = app.place(&counter_order_body(cards, 1, long_trip())).await;
    let (id, token) = (
        created["id"].as_str().unwrap(),
        created["token"].as_str().unwrap(),
    );
    crash_before_confirming(&app).await;
    let orphan = expect_status(app.get_order(id, token).await, StatusCode::OK).await;
    assert_eq!(orphan["status"], "placed");
    assert!(orphan["items"][0]["ticket"].is_null());

    // Right after the crash a request may still be confirming it: the worker waits.
    let now = app.worker_state(NOW).await;
    assert_eq!(
        api::processes::recovery::finish_half_placed(&now)
            .await
            .unwrap(),
        0
    );
    let later = app.worker_state(NOW + Duration::minutes(5)).await;
    assert_eq!(
        api::processes::recovery::finish_half_placed(&later)
            .await
            .unwrap(),
        1
    );
    let finished = expect_status(app.get_order(id, token).await, StatusCode::OK).await;
    assert_eq!(finished["status"], "confirmed");
    assert!(finished["items"][0]["ticket"]["number"].is_string());
    assert_eq!(app.count("SELECT COUNT(*) FROM tickets").await, 1);
    assert_eq!(
        api::processes::recovery::finish_half_placed(&later)
            .await
            .unwrap(),
        0
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM tickets").await, 1, "once");
}

async fn a_card_order_whose_payment_never_started_is_released_after_the_hold(app: TestApp) {
    let shirt = app.product_id("made-to-measure-shirt").await;
    let created = app.place(&order_body(shirt, 1, long_trip())).await;
    let (id, token) = (
        created["id"].as_str().unwrap(),
        created["token"].as_str().unwrap(),
    );
    // The crash came before the PaymentIntent was recorded.
    app.execute("DELETE FROM payments").await;
    let later = app.worker_state(NOW + Duration::hours(1)).await;
    assert_eq!(
        api::processes::recovery::finish_half_placed(&later)
            .await
            .unwrap(),
        1
    );
    let released = expect_status(app.get_order(id, token).await, StatusCode::OK).await;
    assert_eq!(released["status"], "cancelled");
    assert_eq!(
        app.count("SELECT COALESCE(SUM(reserved_minutes), 0) FROM workshop_day_loads")
            .await,
        0
    );
}

async fn at_risk_orders(app: &TestApp) -> Vec<Value> {
    let email = format!("operator-{}@test", uuid::Uuid::new_v4().simple());
    let operator = app.sign_in(&email, "operator", None).await;
    let url = app.url("/api/v1/admin/orders/at-risk");
    let response = app
        .client
        .get(url)
        .bearer_auth(&operator)
        .send()
        .await
        .unwrap();
    expect_status(response, StatusCode::OK)
        .await
        .as_array()
        .unwrap()
        .clone()
}

async fn a_ticket_still_at_the_workshop_when_due_is_flagged_everywhere(app: TestApp) {
    let cards = app.product_id("letterpress-cards").await;
    let created = app.place(&counter_order_body(cards, 1, long_trip())).await;
    let (id, token) = (
        created["id"].as_str().unwrap(),
        created["token"].as_str().unwrap(),
    );
    let workshop = created["items"][0]["workshop_id"].as_i64().unwrap();
    let printer = app
        .sign_in("printer@test", "workshop", Some(workshop))
        .await;
    let url = app.url("/api/v1/workshop/tickets");
    let listed = app
        .client
        .get(&url)
        .bearer_auth(&printer)
        .send()
        .await
        .unwrap();
    let ticket = expect_status(listed, StatusCode::OK).await[0].clone();
    let due = parse_time(&ticket["due_at"]);
    assert_eq!(ticket["at_risk"], false);

    // Long before the due time nothing is flagged.
    let early = app.worker_state(NOW).await;
    assert_eq!(
        api::processes::overdue::flag_overdue(&early).await.unwrap(),
        0
    );
    assert!(at_risk_orders(&app).await.is_empty());

    let late = app.worker_state(due + Duration::hours(1)).await;
    assert_eq!(
        api::processes::overdue::flag_overdue(&late).await.unwrap(),
        1
    );
    assert_eq!(
        api::processes::overdue::flag_overdue(&late).await.unwrap(),
        0,
        "once"
    );

    let listed = app
        .client
        .get(&url)
        .bearer_auth(&printer)
        .send()
        .await
        .unwrap();
    assert_eq!(
        expect_status(listed, StatusCode::OK).await[0]["at_risk"],
        true
    );
    let order = expect_status(app.get_order(id, token).await, StatusCode::OK).await;
    assert_eq!(order["at_risk"], true);
    let kinds: Vec<&str> = order["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["kind"].as_str())
        .collect();
    assert!(kinds.contains(&"ticket.overdue"), "{kinds:?}");
    let listed = at_risk_orders(&app).await;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["id"], id);
}

crate::on_both_databases! {
    an_order_left_placed_by_a_crash_is_finished_by_the_worker,
    a_card_order_whose_payment_never_started_is_released_after_the_hold,
    a_ticket_still_at_the_workshop_when_due_is_flagged_everywhere,
}
