//! Workshop webhooks: registering endpoints (own workshop only), and the delivery worker
//! sending ticket events signed, in order, once each, retrying failures, giving up after
//! the last attempt, and picking up what was queued while no worker ran.
//!
//! A small receiver runs in each test on a loopback port and records every request; it
//! can be told to answer 500 to the first N. The test server's clock is fixed, so the
//! workers here use a zero backoff: a failed delivery is due again at the next poll.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use reqwest::StatusCode;
use serde_json::{Value, json};
use tokio::task::JoinHandle;

use api::webhooks::DeliveryConfig;

use crate::helpers::*;

/// One request the receiver got.
#[derive(Debug, Clone)]
struct Received {
    event_id: String,
    signature: String,
    content_type: String,
    body: Vec<u8>,
    answered: u16,
}

impl Received {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("a JSON body")
    }
}

type Log = Arc<Mutex<Vec<Received>>>;

/// A webhook receiver on a loopback port.
struct Receiver {
    url: String,
    log: Log,
}

impl Receiver {
    /// Starts one that answers 500 to the first `fail_first` requests, then 200.
    async fn start(fail_first: usize) -> Receiver {
        Receiver::with(fail_first, Duration::ZERO).await
    }

    /// Starts one that also takes `delay` to answer each request.
    async fn with(fail_first: usize, delay: Duration) -> Receiver {
        let log: Log = Arc::default();
        let failures = Arc::new(AtomicUsize::new(fail_first));
        let app = axum::Router::new()
            .route("/hook", axum::routing::post(record))
            .with_state((log.clone(), failures, delay));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await });
        Receiver {
            url: format!("http://{addr}/hook"),
            log,
        }
    }

    fn received(&self) -> Vec<Received> {
        self.log.lock().unwrap().clone()
    }

    /// Waits (at most 15 s) until `n` requests have come in.
    async fn wait_for(&self, n: usize) -> Vec<Received> {
        for _ in 0..750 {
            let received = self.received();
            if received.len() >= n {
                return received;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!("expected {n} webhook requests, got {:?}", self.received());
    }

    /// Waits (at most 15 s) until one request was answered 200.
    async fn wait_for_success(&self) -> Vec<Received> {
        for _ in 0..750 {
            let received = self.received();
            if received.iter().any(|r| r.answered == 200) {
                return received;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!("no webhook request succeeded: {:?}", self.received());
    }
}

async fn record(
    State((log, failures, delay)): State<(Log, Arc<AtomicUsize>, Duration)>,
    headers: HeaderMap,
    body: Bytes,
) -> axum::http::StatusCode {
    tokio::time::sleep(delay).await;
    let failing = failures
        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
        .is_ok();
    let status = if failing {
        axum::http::StatusCode::INTERNAL_SERVER_ERROR
    } else {
        axum::http::StatusCode::OK
    };
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned()
    };
    log.lock().unwrap().push(Received {
        event_id: header("gongbang-event-id"),
        signature: header("gongbang-signature"),
        content_type: header("content-type"),
        body: body.to_vec(),
        answered: status.as_u16(),
    });
    status
}

/// Waits (at most 15 s) until `sql` counts `n`.
async fn wait_for_count(app: &TestApp, sql: &'static str, n: i64) {
    for _ in 0..750 {
        if app.count(sql).await == n {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("expected {n} from {sql}, got {}", app.count(sql).await);
}

/// Worker settings for tests: quick polls, and (the clock being fixed) no backoff.
fn fast() -> DeliveryConfig {
    DeliveryConfig {
        poll_interval: Duration::from_millis(50),
        backoff_base: Duration::ZERO,
        timeout: Duration::from_secs(5),
        ..DeliveryConfig::default()
    }
}

/// Starts a delivery worker as a fresh server process would: its own state and pool.
async fn worker(app: &TestApp, config: DeliveryConfig) -> JoinHandle<()> {
    let state = api::prepare(
        &app.database_url,
        4,
        false,
        Some("test secret"),
        api::Clock::Fixed(NOW),
    )
    .await
    .expect("worker state");
    api::webhooks::spawn_delivery_worker(state, config)
}

/// The card wallet's product id and its (leather) workshop's id.
async fn card_wallet(app: &TestApp) -> (i64, i64) {
    let products = expect_status(app.get("/api/v1/products").await, StatusCode::OK).await;
    let wallet = products
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == "card-wallet")
        .expect("the demo card wallet")
        .clone();
    (
        wallet["id"].as_i64().unwrap(),
        wallet["workshop_id"].as_i64().unwrap(),
    )
}

/// Some demo workshop other than `workshop`.
async fn another_workshop(app: &TestApp, workshop: i64) -> i64 {
    let workshops = expect_status(app.get("/api/v1/workshops").await, StatusCode::OK).await;
    workshops
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|w| w["id"].as_i64())
        .find(|id| *id != workshop)
        .expect("a second demo workshop")
}

/// Places a pay-at-counter card wallet order (its ticket is queued at once); returns
/// the order id, the ticket id and the ticket's printed number.
async fn wallet_order(app: &TestApp, wallet: i64) -> (String, i64, String) {
    let created = app.place(&counter_order_body(wallet, 1, long_trip())).await;
    assert_eq!(created["status"], "confirmed");
    let number = created["items"][0]["ticket"]["number"]
        .as_str()
        .expect("a ticket")
        .to_owned();
    let ticket = number.trim_start_matches('T').parse().unwrap();
    (created["id"].as_str().unwrap().to_owned(), ticket, number)
}

async fn move_ticket(app: &TestApp, staff: &str, ticket: i64, status: &str) {
    let url = app.url(&format!("/api/v1/workshop/tickets/{ticket}/status"));
    let response = app
        .client
        .post(url)
        .bearer_auth(staff)
        .json(&json!({ "status": status }))
        .send()
        .await
        .unwrap();
    expect_status(response, StatusCode::OK).await;
}

async fn register_raw(app: &TestApp, staff: &str, body: &Value) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/workshop/webhooks"))
        .bearer_auth(staff)
        .json(body)
        .send()
        .await
        .unwrap()
}

/// Registers `url`; returns `(id, secret)`.
async fn register(app: &TestApp, staff: &str, url: &str) -> (i64, String) {
    let response = register_raw(app, staff, &json!({ "url": url })).await;
    let created = expect_status(response, StatusCode::CREATED).await;
    assert_eq!(created["url"], url);
    let secret = created["secret"].as_str().expect("a secret").to_owned();
    assert!(
        secret.starts_with("whsec_") && secret.len() > 40,
        "{secret}"
    );
    (created["id"].as_i64().unwrap(), secret)
}

async fn list(app: &TestApp, staff: &str) -> reqwest::Response {
    app.client
        .get(app.url("/api/v1/workshop/webhooks"))
        .bearer_auth(staff)
        .send()
        .await
        .unwrap()
}

async fn delete(app: &TestApp, staff: &str, id: i64) -> reqwest::Response {
    app.client
        .delete(app.url(&format!("/api/v1/workshop/webhooks/{id}")))
        .bearer_auth(staff)
        .send()
        .await
        .unwrap()
}

/// Checks the signature the way a receiver would: `t=<NOW>,v1=<64 hex>`, valid for
/// `secret` over the raw body.
fn assert_signed(received: &Received, secret: &str) {
    let t = NOW.unix_timestamp();
    let v1 = received
        .signature
        .strip_prefix(&format!("t={t},v1="))
        .unwrap_or_else(|| panic!("signature header: {}", received.signature));
    assert!(
        v1.len() == 64 && v1.bytes().all(|b| b.is_ascii_hexdigit()),
        "{v1}"
    );
    assert_eq!(
        api::webhooks::verify(secret, &received.signature, &received.body),
        Some(t),
        "signature does not verify"
    );
    assert_eq!(
        api::webhooks::verify("whsec_wrong", &received.signature, &received.body),
        None
    );
    assert_eq!(received.content_type, "application/json");
}

async fn ticket_events_arrive_signed_in_order_and_once(app: TestApp) {
    let hooks = Receiver::start(0).await;
    let (wallet, leather) = card_wallet(&app).await;
    let staff = app.sign_in("leather@test", "workshop", Some(leather)).await;
    let (_, secret) = register(&app, &staff, &hooks.url).await;

    let (order, ticket, number) = wallet_order(&app, wallet).await;
    move_ticket(&app, &staff, ticket, "accepted").await;
    move_ticket(&app, &staff, ticket, "in_production").await;

    let worker = worker(&app, fast()).await;
    hooks.wait_for(3).await;
    let delivered =
        "SELECT COUNT(*) FROM webhook_deliveries WHERE delivered_at IS NOT NULL AND attempts = 1";
    wait_for_count(&app, delivered, 3).await;
    // Give a duplicate time to show up.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let received = hooks.received();
    worker.abort();
    assert_eq!(received.len(), 3, "{received:?}");
    assert_eq!(app.count(delivered).await, 3);

    let bodies: Vec<Value> = received.iter().map(Received::json).collect();
    let kinds: Vec<&str> = bodies.iter().map(|b| b["kind"].as_str().unwrap()).collect();
    assert_eq!(
        kinds,
        ["ticket.queued", "ticket.accepted", "ticket.in_production"]
    );
    let ids: Vec<i64> = bodies.iter().map(|b| b["id"].as_i64().unwrap()).collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "{ids:?}");
    for (request, body) in received.iter().zip(&bodies) {
        assert_signed(request, &secret);
        assert_eq!(request.event_id, body["id"].to_string());
        assert_eq!(body["order_id"], order.as_str());
        assert_eq!(body["ticket"], number.as_str());
        assert_eq!(body["payload"]["ticket"], ticket);
        assert_eq!(parse_time(&body["at"]), NOW);
    }
    assert_eq!(bodies[1]["payload"]["from"], "queued");
    assert_eq!(bodies[1]["payload"]["to"], "accepted");
}

async fn a_failing_receiver_gets_retries_until_it_succeeds(app: TestApp) {
    let hooks = Receiver::start(3).await;
    let (wallet, leather) = card_wallet(&app).await;
    let staff = app.sign_in("leather@test", "workshop", Some(leather)).await;
    let (_, secret) = register(&app, &staff, &hooks.url).await;
    wallet_order(&app, wallet).await;

    let worker = worker(&app, fast()).await;
    hooks.wait_for_success().await;
    let delivered = "SELECT COUNT(*) FROM webhook_deliveries WHERE attempts = 4 \
                     AND delivered_at IS NOT NULL AND last_error LIKE 'HTTP 500%'";
    wait_for_count(&app, delivered, 1).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let received = hooks.received();
    worker.abort();
    let answers: Vec<u16> = received.iter().map(|r| r.answered).collect();
    assert_eq!(answers, [500, 500, 500, 200]);
    for request in &received {
        assert_signed(request, &secret);
        assert_eq!(request.event_id, received[0].event_id);
        assert_eq!(request.body, received[0].body);
    }
    assert_eq!(app.count(delivered).await, 1);
}

async fn a_delivery_that_keeps_failing_is_given_up_and_kept(app: TestApp) {
    let hooks = Receiver::start(usize::MAX).await;
    let (wallet, leather) = card_wallet(&app).await;
    let staff = app.sign_in("leather@test", "workshop", Some(leather)).await;
    register(&app, &staff, &hooks.url).await;
    wallet_order(&app, wallet).await;

    let config = DeliveryConfig {
        max_attempts: 3,
        ..fast()
    };
    let worker = worker(&app, config).await;
    hooks.wait_for(3).await;
    let given_up = "SELECT COUNT(*) FROM webhook_deliveries WHERE attempts = 3 \
                    AND delivered_at IS NULL AND last_error LIKE 'HTTP 500%gave up after 3 attempts%'";
    wait_for_count(&app, given_up, 1).await;
    // No fourth attempt follows.
    tokio::time::sleep(Duration::from_millis(400)).await;
    let received = hooks.received();
    worker.abort();
    assert_eq!(received.len(), 3, "{received:?}");
    assert_eq!(app.count(given_up).await, 1);
}

async fn deliveries_queued_while_no_worker_runs_are_sent_by_a_later_one(app: TestApp) {
    let hooks = Receiver::start(0).await;
    let (wallet, leather) = card_wallet(&app).await;
    let staff = app.sign_in("leather@test", "workshop", Some(leather)).await;
    let (_, secret) = register(&app, &staff, &hooks.url).await;
    let (_, ticket, _) = wallet_order(&app, wallet).await;
    move_ticket(&app, &staff, ticket, "accepted").await;

    // No worker: nothing is sent, the deliveries wait in the database.
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(hooks.received().is_empty());
    let pending = "SELECT COUNT(*) FROM webhook_deliveries WHERE delivered_at IS NULL";
    assert_eq!(app.count(pending).await, 2);

    // A process starts and sends them (and records that it did).
    let first = worker(&app, fast()).await;
    hooks.wait_for(2).await;
    wait_for_count(&app, pending, 0).await;
    first.abort();
    let _ = first.await;

    // That process stops; a change made meanwhile is sent by the next one.
    move_ticket(&app, &staff, ticket, "in_production").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(hooks.received().len(), 2);
    assert_eq!(app.count(pending).await, 1);
    let second = worker(&app, fast()).await;
    let received = hooks.wait_for(3).await;
    wait_for_count(&app, pending, 0).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    second.abort();
    assert_eq!(hooks.received().len(), 3);
    let kinds: Vec<String> = received
        .iter()
        .map(|r| r.json()["kind"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        kinds,
        ["ticket.queued", "ticket.accepted", "ticket.in_production"]
    );
    for request in &received {
        assert_signed(request, &secret);
    }
    assert_eq!(app.count(pending).await, 0);
}

async fn two_workers_never_send_a_delivery_twice(app: TestApp) {
    // A slow receiver: the other worker polls while a delivery is being sent.
    let hooks = Receiver::with(0, Duration::from_millis(40)).await;
    let (wallet, leather) = card_wallet(&app).await;
    let staff = app.sign_in("leather@test", "workshop", Some(leather)).await;
    register(&app, &staff, &hooks.url).await;
    for _ in 0..4 {
        let (_, ticket, _) = wallet_order(&app, wallet).await;
        move_ticket(&app, &staff, ticket, "accepted").await;
    }
    let config = DeliveryConfig {
        batch: 3,
        poll_interval: Duration::from_millis(10),
        ..fast()
    };
    let (a, b) = (worker(&app, config).await, worker(&app, config).await);
    hooks.wait_for(8).await;
    let once =
        "SELECT COUNT(*) FROM webhook_deliveries WHERE attempts = 1 AND delivered_at IS NOT NULL";
    wait_for_count(&app, once, 8).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    a.abort();
    b.abort();
    let mut ids: Vec<String> = hooks.received().into_iter().map(|r| r.event_id).collect();
    assert_eq!(ids.len(), 8, "{ids:?}");
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 8, "a delivery was sent twice");
    assert_eq!(app.count(once).await, 8);
}

async fn endpoints_belong_to_their_workshop(app: TestApp) {
    let (wallet, leather) = card_wallet(&app).await;
    let staff = app.sign_in("leather@test", "workshop", Some(leather)).await;
    let (id, _) = register(&app, &staff, "https://hooks.example.com/gongbang").await;
    let listed = expect_status(list(&app, &staff).await, StatusCode::OK).await;
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["id"], id);
    assert_eq!(listed[0]["url"], "https://hooks.example.com/gongbang");
    assert!(listed[0].get("secret").is_none(), "{listed}");

    let other_workshop = another_workshop(&app, leather).await;
    let other = app
        .sign_in("other@test", "workshop", Some(other_workshop))
        .await;
    let theirs = expect_status(list(&app, &other).await, StatusCode::OK).await;
    assert_eq!(theirs, json!([]));
    expect_problem(
        delete(&app, &other, id).await,
        StatusCode::NOT_FOUND,
        "not-found",
    )
    .await;

    let desk = app
        .sign_in("desk@test", "counter", Some(counter_id("icn-t1")))
        .await;
    expect_problem(list(&app, &desk).await, StatusCode::FORBIDDEN, "forbidden").await;
    let body = json!({ "url": "http://127.0.0.1:9/hook" });
    expect_problem(
        register_raw(&app, &desk, &body).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    expect_problem(
        delete(&app, &desk, id).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let anonymous = app.get("/api/v1/workshop/webhooks").await;
    expect_problem(anonymous, StatusCode::UNAUTHORIZED, "unauthenticated").await;

    // Still there for its own workshop; deleting it stops new deliveries.
    assert_eq!(
        expect_status(list(&app, &staff).await, StatusCode::OK)
            .await
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        delete(&app, &staff, id).await.status(),
        StatusCode::NO_CONTENT
    );
    expect_problem(
        delete(&app, &staff, id).await,
        StatusCode::NOT_FOUND,
        "not-found",
    )
    .await;
    expect_problem(
        delete(&app, &staff, 999_999).await,
        StatusCode::NOT_FOUND,
        "not-found",
    )
    .await;
    let after = expect_status(list(&app, &staff).await, StatusCode::OK).await;
    assert_eq!(after, json!([]));
    wallet_order(&app, wallet).await;
    assert_eq!(
        app.count("SELECT COUNT(*) FROM webhook_deliveries").await,
        0
    );

    let document = expect_status(app.get("/api/v1/openapi.json").await, StatusCode::OK).await;
    let paths = &document["paths"];
    assert!(paths["/api/v1/workshop/webhooks"]["post"].is_object());
    assert!(paths["/api/v1/workshop/webhooks"]["get"].is_object());
    assert!(paths["/api/v1/workshop/webhooks/{id}"]["delete"].is_object());
    assert_eq!(
        paths["/api/v1/workshop/webhooks"]["post"]["tags"],
        json!(["workshop"])
    );
}

async fn a_deleted_endpoint_is_sent_nothing_more(app: TestApp) {
    let hooks = Receiver::start(0).await;
    let (wallet, leather) = card_wallet(&app).await;
    let staff = app.sign_in("leather@test", "workshop", Some(leather)).await;
    let (id, _) = register(&app, &staff, &hooks.url).await;
    wallet_order(&app, wallet).await;
    assert_eq!(
        delete(&app, &staff, id).await.status(),
        StatusCode::NO_CONTENT
    );

    let worker = worker(&app, fast()).await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    worker.abort();
    assert!(hooks.received().is_empty());
    // The queued delivery is kept, unsent.
    let kept =
        "SELECT COUNT(*) FROM webhook_deliveries WHERE delivered_at IS NULL AND attempts = 0";
    assert_eq!(app.count(kept).await, 1);
}

async fn an_invalid_url_is_a_422_problem(app: TestApp) {
    let (_, leather) = card_wallet(&app).await;
    let staff = app.sign_in("leather@test", "workshop", Some(leather)).await;
    let too_long = format!("https://example.com/{}", "a".repeat(2048));
    for url in [
        "not a url",
        "/relative/path",
        "example.com/hook",
        "ftp://example.com/hook",
        "javascript:alert(1)",
        "http://",
        too_long.as_str(),
    ] {
        let response = register_raw(&app, &staff, &json!({ "url": url })).await;
        let problem =
            expect_problem(response, StatusCode::UNPROCESSABLE_ENTITY, "invalid-field").await;
        assert_eq!(problem["field"], "/url", "{url}: {problem}");
    }
    let not_a_string = register_raw(&app, &staff, &json!({ "url": 42 })).await;
    let problem = expect_problem(
        not_a_string,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid-field",
    )
    .await;
    assert_eq!(problem["field"], "/url");
    let missing = register_raw(&app, &staff, &json!({})).await;
    expect_problem(missing, StatusCode::UNPROCESSABLE_ENTITY, "invalid-field").await;
    let listed = expect_status(list(&app, &staff).await, StatusCode::OK).await;
    assert_eq!(listed, json!([]));
}

crate::on_both_databases! {
    ticket_events_arrive_signed_in_order_and_once,
    a_failing_receiver_gets_retries_until_it_succeeds,
    a_delivery_that_keeps_failing_is_given_up_and_kept,
    deliveries_queued_while_no_worker_runs_are_sent_by_a_later_one,
    two_workers_never_send_a_delivery_twice,
    endpoints_belong_to_their_workshop,
    a_deleted_endpoint_is_sent_nothing_more,
    an_invalid_url_is_a_422_problem,
}
