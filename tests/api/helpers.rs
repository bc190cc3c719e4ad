//! The test harness: a fresh database per test, the real app on a loopback port, and
//! typed request helpers.
//!
//! PostgreSQL tests need `GONGBANG_TEST_POSTGRES=postgres://user@host:port` (a server
//! where the user may create databases). Without it they are skipped with a note, unless
//! `GONGBANG_REQUIRE_POSTGRES=1` (set by `scripts/test` and CI), which makes a missing
//! server a failure.

use reqwest::{Client, Response, StatusCode};
use serde_json::{Value, json};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use time::macros::datetime;

/// The fixed "now" of every test: Tuesday 1 December 2026, 10:00 in Seoul.
pub const NOW: OffsetDateTime = datetime!(2026-12-01 01:00 UTC);

/// The publishable key of servers with card payments.
pub const STRIPE_PUBLISHABLE_KEY: &str = "pk_test_gongbang";

/// The password of every account [`TestApp::sign_in`] creates.
pub const STAFF_PASSWORD: &str = "correct horse battery staple";

/// Which database a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A running server on its own fresh database.
pub struct TestApp {
    pub base: String,
    pub client: Client,
    pub database_url: String,
    pub backend: Backend,
    /// The local fake of Stripe's API that this app's real Stripe client talks to.
    pub stripe: std::sync::Arc<fake_stripe::FakeStripe>,
    _dir: Option<tempfile::TempDir>,
}

/// Runs each listed `async fn name(app: TestApp)` as two tests, `sqlite::name` and
/// `postgres::name`.
#[macro_export]
macro_rules! on_both_databases {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let app = $crate::helpers::spawn_app($crate::helpers::Backend::Sqlite).await;
                    super::$name(app.expect("sqlite is always available")).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    if let Some(app) = $crate::helpers::spawn_app($crate::helpers::Backend::Postgres).await {
                        super::$name(app).await;
                    }
                }
            )*
        }
    };
}

/// Starts the app on a fresh database; `None` when PostgreSQL is not configured and not
/// required.
pub async fn spawn_app(backend: Backend) -> Option<TestApp> {
    let (database_url, dir) = match backend {
        Backend::Sqlite => {
            let dir = tempfile::tempdir().expect("temp dir");
            let url = format!(
                "sqlite://{}?mode=rwc",
                dir.path().join("gongbang.db").display()
            );
            (url, Some(dir))
        }
        Backend::Postgres => (fresh_postgres_database().await?, None),
    };
    let stripe = fake_stripe::start().await;
    stripe.set_now(NOW.unix_timestamp());
    let base = serve_with_stripe(&database_url, Some(&stripe.base_url())).await;
    Some(TestApp {
        base,
        client: Client::new(),
        stripe: std::sync::Arc::new(stripe),
        database_url,
        backend,
        _dir: dir,
    })
}

/// Starts a server process on the database, with card payments through the Stripe API at
/// `stripe_base` when given (else pay-at-counter only, as without a Stripe key).
pub async fn serve_with_stripe(database_url: &str, stripe_base: Option<&str>) -> String {
    serve_at(database_url, NOW, stripe_base).await
}

/// Like [`serve_with_stripe`], with the server's clock standing at `now`.
pub async fn serve_at(
    database_url: &str,
    now: OffsetDateTime,
    stripe_base: Option<&str>,
) -> String {
    serve_full(database_url, now, stripe_base, None).await
}

/// Like [`serve_at`], also serving the widget's files from `widget_dir` at `/`.
pub async fn serve_full(
    database_url: &str,
    now: OffsetDateTime,
    stripe_base: Option<&str>,
    widget_dir: Option<&std::path::Path>,
) -> String {
    let mut state = api::prepare(
        database_url,
        8,
        true,
        Some("test secret"),
        api::Clock::Fixed(now),
    )
    .await
    .expect("app state");
    if let Some(base) = stripe_base {
        let gateway = api::payments::stripe::StripeGateway::new("sk_test_gongbang", Some(base))
            .expect("stripe gateway");
        state.stripe = Some(std::sync::Arc::new(api::processes::billing::StripeSetup {
            gateway,
            webhook_secrets: vec![fake_stripe::WEBHOOK_SECRET.to_owned()],
            hold: api::processes::billing::DEFAULT_HOLD,
        }));
        state.stripe_publishable_key = Some(STRIPE_PUBLISHABLE_KEY.to_owned());
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("local addr");
    let app = api::app(state, widget_dir);
    tokio::spawn(async move { axum::serve(listener, app).await });
    format!("http://{addr}")
}

async fn fresh_postgres_database() -> Option<String> {
    let Ok(server) = std::env::var("GONGBANG_TEST_POSTGRES") else {
        assert!(
            std::env::var("GONGBANG_REQUIRE_POSTGRES").is_err(),
            "GONGBANG_REQUIRE_POSTGRES is set but GONGBANG_TEST_POSTGRES is not"
        );
        eprintln!("note: GONGBANG_TEST_POSTGRES is not set; skipping the PostgreSQL variant");
        return None;
    };
    let name = format!("gongbang_test_{}", uuid::Uuid::new_v4().simple());
    let admin = format!("{}/postgres", server.trim_end_matches('/'));
    let mut connection = <sqlx::PgConnection as sqlx::Connection>::connect(&admin)
        .await
        .expect("connect to the PostgreSQL test server");
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut connection)
        .await
        .expect("create test database");
    Some(format!("{}/{name}", server.trim_end_matches('/')))
}

impl TestApp {
    /// Another server process on the same database and the same fake Stripe.
    pub async fn serve_another(&self) -> String {
        serve_with_stripe(&self.database_url, Some(&self.stripe.base_url())).await
    }

    /// Another server process like [`TestApp::serve_another`], serving the widget's files
    /// from `dir` at `/`.
    pub async fn serve_widget(&self, dir: &std::path::Path) -> String {
        let stripe = self.stripe.base_url();
        serve_full(&self.database_url, NOW, Some(&stripe), Some(dir)).await
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request")
    }

    pub async fn get_in(&self, path: &str, language: &str) -> Response {
        let request = self
            .client
            .get(self.url(path))
            .header("accept-language", language);
        request.send().await.expect("request")
    }

    pub async fn post_json(&self, path: &str, body: &Value) -> Response {
        self.client
            .post(self.url(path))
            .json(body)
            .send()
            .await
            .expect("request")
    }

    pub async fn quote(&self, body: &Value) -> Response {
        self.post_json("/api/v1/quotes", body).await
    }

    pub async fn order(&self, key: &str, body: &Value) -> Response {
        order_at(&self.client, &self.base, key, body).await
    }

    /// Places an order that must succeed; returns its body (with `id` and `token`).
    pub async fn place(&self, body: &Value) -> Value {
        let response = self.order(&uuid::Uuid::new_v4().to_string(), body).await;
        expect_status(response, StatusCode::CREATED).await
    }

    pub async fn get_order(&self, id: &str, token: &str) -> Response {
        let request = self
            .client
            .get(self.url(&format!("/api/v1/orders/{id}")))
            .bearer_auth(token);
        request.send().await.expect("request")
    }

    pub async fn change_itinerary(&self, id: &str, token: &str, itinerary: &Value) -> Response {
        let url = self.url(&format!("/api/v1/orders/{id}/itinerary"));
        let request = self.client.patch(url).bearer_auth(token).json(itinerary);
        request.send().await.expect("request")
    }

    pub async fn cancel(&self, id: &str, token: &str) -> Response {
        let url = self.url(&format!("/api/v1/orders/{id}/cancel"));
        self.client
            .post(url)
            .bearer_auth(token)
            .send()
            .await
            .expect("request")
    }

    /// The id of the demo product with this code.
    pub async fn product_id(&self, code: &str) -> i64 {
        let products = expect_status(self.get("/api/v1/products").await, StatusCode::OK).await;
        let product = products
            .as_array()
            .expect("a list")
            .iter()
            .find(|p| p["code"] == code);
        product.unwrap_or_else(|| panic!("no demo product {code}"))["id"]
            .as_i64()
            .expect("id")
    }

    /// Adds a staff account (through `api::staff_accounts::add_staff`, with
    /// [`STAFF_PASSWORD`]) and signs it in over HTTP; returns the bearer token.
    /// `role` is `workshop`, `counter` or `operator`; `place` the workshop or counter id.
    pub async fn sign_in(&self, email: &str, role: &str, place: Option<i64>) -> String {
        api::staff_accounts::add_staff_at(&self.database_url, email, role, place, STAFF_PASSWORD)
            .await
            .unwrap_or_else(|e| panic!("adding staff {email}: {e:#}"));
        let credentials = json!({ "email": email, "password": STAFF_PASSWORD });
        let response = self.post_json("/api/v1/staff/login", &credentials).await;
        let body = expect_status(response, StatusCode::OK).await;
        body["token"].as_str().expect("a session token").to_owned()
    }

    /// Confirms a placed order as an operator who received `paid_krw` by bank transfer
    /// (a card order waits for its payment otherwise); returns the answer.
    pub async fn confirm_paid(&self, order_id: &str, paid_krw: i64) -> Value {
        let email = format!("operator-{}@test", uuid::Uuid::new_v4().simple());
        let operator = self.sign_in(&email, "operator", None).await;
        let body = json!({ "note": "bank transfer received", "paid_krw": paid_krw, "paid_by": "bank_transfer" });
        let url = self.url(&format!("/api/v1/admin/orders/{order_id}/confirm"));
        let response = self.client.post(url).bearer_auth(&operator).json(&body);
        expect_status(response.send().await.expect("request"), StatusCode::OK).await
    }

    /// The state a server process on this database (with this app's fake Stripe) has when
    /// its clock stands at `now`: for running its background workers in a test.
    pub async fn worker_state(&self, now: OffsetDateTime) -> api::AppState {
        let mut state = api::prepare(
            &self.database_url,
            4,
            false,
            Some("test secret"),
            api::Clock::Fixed(now),
        )
        .await
        .expect("app state");
        let gateway = api::payments::stripe::StripeGateway::new(
            "sk_test_gongbang",
            Some(&self.stripe.base_url()),
        )
        .expect("stripe gateway");
        state.stripe = Some(std::sync::Arc::new(api::processes::billing::StripeSetup {
            gateway,
            webhook_secrets: vec![fake_stripe::WEBHOOK_SECRET.to_owned()],
            hold: api::processes::billing::DEFAULT_HOLD,
        }));
        state
    }

    /// Runs one statement directly on the database (not through the API).
    pub async fn execute(&self, sql: &'static str) {
        match self.backend {
            Backend::Sqlite => {
                let mut c =
                    <sqlx::SqliteConnection as sqlx::Connection>::connect(&self.database_url)
                        .await
                        .expect("sqlite");
                sqlx::query(sql).execute(&mut c).await.expect(sql);
            }
            Backend::Postgres => {
                let mut c = <sqlx::PgConnection as sqlx::Connection>::connect(&self.database_url)
                    .await
                    .expect("postgres");
                sqlx::query(sql).execute(&mut c).await.expect(sql);
            }
        }
    }

    /// One number from the database, read directly (not through the API).
    pub async fn count(&self, sql: &'static str) -> i64 {
        match self.backend {
            Backend::Sqlite => {
                let mut c =
                    <sqlx::SqliteConnection as sqlx::Connection>::connect(&self.database_url)
                        .await
                        .expect("sqlite");
                sqlx::query_scalar::<_, i64>(sql)
                    .fetch_one(&mut c)
                    .await
                    .expect(sql)
            }
            Backend::Postgres => {
                let mut c = <sqlx::PgConnection as sqlx::Connection>::connect(&self.database_url)
                    .await
                    .expect("postgres");
                sqlx::query_scalar::<_, i64>(sql)
                    .fetch_one(&mut c)
                    .await
                    .expect(sql)
            }
        }
    }
}

/// One workshop day as stored: its reserved minutes and the minutes of the reservation
/// rows on it, read directly (not through the API).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDayLoad {
    pub workshop: i64,
    pub day: time::Date,
    pub reserved_minutes: i64,
    pub reservation_minutes: i64,
}

const STORED_DAY_LOADS: &str = "SELECT CAST(l.workshop_id AS BIGINT), CAST(l.day AS TEXT), \
     CAST(l.reserved_minutes AS BIGINT), CAST(COALESCE((SELECT SUM(r.minutes) \
     FROM capacity_reservations r WHERE r.workshop_id = l.workshop_id AND r.day = l.day), 0) \
     AS BIGINT) FROM workshop_day_loads l ORDER BY l.workshop_id, l.day";

impl TestApp {
    /// Every stored workshop day, by workshop and day.
    pub async fn stored_day_loads(&self) -> Vec<StoredDayLoad> {
        let rows: Vec<(i64, String, i64, i64)> = match self.backend {
            Backend::Sqlite => {
                let mut c =
                    <sqlx::SqliteConnection as sqlx::Connection>::connect(&self.database_url)
                        .await
                        .expect("sqlite");
                sqlx::query_as(STORED_DAY_LOADS)
                    .fetch_all(&mut c)
                    .await
                    .expect("day loads")
            }
            Backend::Postgres => {
                let mut c = <sqlx::PgConnection as sqlx::Connection>::connect(&self.database_url)
                    .await
                    .expect("postgres");
                sqlx::query_as(STORED_DAY_LOADS)
                    .fetch_all(&mut c)
                    .await
                    .expect("day loads")
            }
        };
        let format = time::macros::format_description!("[year]-[month]-[day]");
        rows.into_iter()
            .map(
                |(workshop, day, reserved_minutes, reservation_minutes)| StoredDayLoad {
                    workshop,
                    day: time::Date::parse(&day, &format).expect("a stored day"),
                    reserved_minutes,
                    reservation_minutes,
                },
            )
            .collect()
    }
}

/// Posts an order to any server.
pub async fn order_at(client: &Client, base: &str, key: &str, body: &Value) -> Response {
    let request = client
        .post(format!("{base}/api/v1/orders"))
        .header("idempotency-key", key);
    request.json(body).send().await.expect("request")
}

/// Asserts the status (showing the body when it differs) and returns the JSON body.
pub async fn expect_status(response: Response, status: StatusCode) -> Value {
    let actual = response.status();
    let text = response.text().await.expect("body");
    assert_eq!(actual, status, "unexpected status; body: {text}");
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

/// Asserts a problem+json response of this status and type slug; returns the problem.
pub async fn expect_problem(response: Response, status: StatusCode, slug: &str) -> Value {
    let content_type = response.headers().get("content-type").cloned();
    let problem = expect_status(response, status).await;
    assert_eq!(
        content_type.as_ref().and_then(|v| v.to_str().ok()),
        Some("application/problem+json"),
        "problem content type"
    );
    assert_eq!(
        problem["type"],
        format!("urn:gongbang:problem:{slug}"),
        "problem: {problem}"
    );
    assert_eq!(problem["status"], status.as_u16());
    assert!(
        problem["detail"].as_str().is_some_and(|d| !d.is_empty()),
        "detail: {problem}"
    );
    problem
}

pub fn rfc3339(instant: OffsetDateTime) -> String {
    instant.format(&Rfc3339).expect("format")
}

pub fn parse_time(value: &Value) -> OffsetDateTime {
    OffsetDateTime::parse(value.as_str().expect("a time string"), &Rfc3339).expect("RFC 3339")
}

/// A trip from `arrival` to `departure` collecting at `counter`.
pub fn itinerary(arrival: OffsetDateTime, departure: OffsetDateTime, counter: i64) -> Value {
    json!({ "arrival": rfc3339(arrival), "departure": rfc3339(departure), "counter_id": counter })
}

/// A comfortable trip: landing today, flying home in three weeks, Incheon T1.
pub fn long_trip() -> Value {
    itinerary(NOW, datetime!(2026-12-22 09:00 UTC), counter_id("icn-t1"))
}

/// The demo counters' ids are assigned in seed order.
pub fn counter_id(code: &str) -> i64 {
    match code {
        "myeongdong" => 1,
        "icn-t1" => 2,
        "icn-t2" => 3,
        other => panic!("no demo counter {other}"),
    }
}

/// A traveller that passes validation.
pub fn traveller() -> Value {
    json!({ "name": "Mia Tanaka", "email": "mia@example.jp", "passport_last4": "7K2Q", "language": "ja" })
}

/// An order body for one line of `product` (default options) on `trip`.
pub fn order_body(product: i64, quantity: i64, trip: Value) -> Value {
    json!({
        "items": [{ "product_id": product, "quantity": quantity, "options": {} }],
        "itinerary": trip,
        "traveller": traveller(),
    })
}

/// An order body paid at the counter (for products that allow it).
pub fn counter_order_body(product: i64, quantity: i64, trip: Value) -> Value {
    let mut body = order_body(product, quantity, trip);
    body["payment"] = json!("counter");
    body
}

/// A quote body for one line of `product` (default options) on `trip`.
pub fn quote_body(product: i64, quantity: i64, trip: Value) -> Value {
    json!({ "items": [{ "product_id": product, "quantity": quantity, "options": {} }], "itinerary": trip })
}
