//! A moved flight after the order is confirmed: the tickets follow the order to the new
//! counter and due time in the same change, the workshop is told, and once goods are on
//! their way the change is refused with the reason. Contention gives a problem document,
//! never a silent "unchanged".

use reqwest::StatusCode;
use serde_json::{Value, json};
use time::macros::datetime;

use crate::helpers::*;

/// A pay-at-counter order of letterpress cards (confirmed at once); returns (order,
/// token, ticket id, the print shop's workshop id).
async fn confirmed_cards(app: &TestApp) -> (Value, String, i64, i64) {
    let cards = app.product_id("letterpress-cards").await;
    let created = app.place(&counter_order_body(cards, 1, long_trip())).await;
    assert_eq!(created["status"], "confirmed");
    let token = created["token"].as_str().unwrap().to_owned();
    let number = created["items"][0]["ticket"]["number"].as_str().unwrap();
    let ticket = number.trim_start_matches('T').parse().unwrap();
    let workshop = created["items"][0]["workshop_id"].as_i64().unwrap();
    (created, token, ticket, workshop)
}

async fn ticket_view(app: &TestApp, staff: &str, ticket: i64) -> Value {
    let url = app.url(&format!("/api/v1/workshop/tickets/{ticket}"));
    let response = app.client.get(url).bearer_auth(staff).send().await.unwrap();
    expect_status(response, StatusCode::OK).await
}

async fn move_ticket(app: &TestApp, staff: &str, ticket: i64, status: &str) {
    let url = app.url(&format!("/api/v1/workshop/tickets/{ticket}/status"));
    let body = json!({ "status": status, "note": "" });
    let response = app.client.post(url).bearer_auth(staff).json(&body);
    expect_status(response.send().await.unwrap(), StatusCode::OK).await;
}

async fn a_moved_flight_moves_the_tickets_to_the_new_counter_and_tells_the_workshop(app: TestApp) {
    let (order, token, ticket, workshop) = confirmed_cards(&app).await;
    let id = order["id"].as_str().unwrap();
    let printer = app
        .sign_in("printer@test", "workshop", Some(workshop))
        .await;
    let before = ticket_view(&app, &printer, ticket).await;
    assert_eq!(before["counter_id"], counter_id("icn-t1"));

    let city = itinerary(
        NOW,
        datetime!(2026-12-29 09:00 UTC),
        counter_id("myeongdong"),
    );
    let moved = expect_status(
        app.change_itinerary(id, &token, &city).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(moved["itinerary"]["counter_id"], counter_id("myeongdong"));

    let after = ticket_view(&app, &printer, ticket).await;
    assert_eq!(
        after["counter_id"],
        counter_id("myeongdong"),
        "the goods follow"
    );
    assert_eq!(
        after["pickup_deadline"], moved["itinerary"]["pickup_deadline"],
        "the ticket knows the new deadline"
    );
    assert!(
        parse_time(&after["due_at"]) <= parse_time(&moved["items"][0]["ready_by"]),
        "due at the workshop before it is ready at the counter: {after}"
    );
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM events WHERE kind = 'ticket.rerouted' AND workshop_id IS NOT NULL"
        )
        .await,
        1,
        "the workshop is told"
    );

    // Once the goods left for the city counter, the counter can no longer change.
    for status in [
        "accepted",
        "in_production",
        "quality_check",
        "ready",
        "dispatched",
    ] {
        move_ticket(&app, &printer, ticket, status).await;
    }
    let airport = itinerary(NOW, datetime!(2026-12-29 09:00 UTC), counter_id("icn-t1"));
    let refused = app.change_itinerary(id, &token, &airport).await;
    let problem = expect_problem(refused, StatusCode::CONFLICT, "goods-dispatched").await;
    assert!(
        problem["detail"].as_str().unwrap().contains("on their way"),
        "{problem}"
    );
    let unchanged = expect_status(app.get_order(id, &token).await, StatusCode::OK).await;
    assert_eq!(
        unchanged["itinerary"]["counter_id"],
        counter_id("myeongdong")
    );
}

crate::on_both_databases! {
    a_moved_flight_moves_the_tickets_to_the_new_counter_and_tells_the_workshop,
}

/// PostgreSQL only: a trigger makes every write of the order fail as a serialization
/// failure (SQLite has no way to fail a write with a lock error on demand).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_itinerary_change_that_keeps_losing_its_race_answers_busy() {
    let Some(app) = spawn_app(Backend::Postgres).await else {
        return;
    };
    let (order, token, _, _) = confirmed_cards(&app).await;
    let id = order["id"].as_str().unwrap();
    app.execute(
        "CREATE FUNCTION always_busy() RETURNS trigger LANGUAGE plpgsql AS $$ \
         BEGIN RAISE EXCEPTION 'busy' USING ERRCODE = '40001'; END $$",
    )
    .await;
    app.execute(
        "CREATE TRIGGER orders_busy BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION always_busy()",
    )
    .await;
    let city = itinerary(
        NOW,
        datetime!(2026-12-29 09:00 UTC),
        counter_id("myeongdong"),
    );
    let response = app.change_itinerary(id, &token, &city).await;
    let status = response.status();
    assert!(
        status == StatusCode::CONFLICT || status == StatusCode::SERVICE_UNAVAILABLE,
        "{status}"
    );
    expect_problem(response, status, "busy").await;
    app.execute("DROP TRIGGER orders_busy ON orders").await;
    let unchanged = expect_status(app.get_order(id, &token).await, StatusCode::OK).await;
    assert_eq!(unchanged["itinerary"]["counter_id"], counter_id("icn-t1"));
}
