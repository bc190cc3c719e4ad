//! A local fake of the part of Stripe's HTTP API that Gongbang uses, for tests.
//!
//! [`start`] serves it on `127.0.0.1:0`; point a real Stripe client at
//! [`FakeStripe::base_url`]. It answers form-encoded requests as Stripe does, with JSON
//! objects built from Stripe's own example objects (`/work/shared/stripe/fixtures3.json`,
//! read at start) so that clients deserialise real shapes, with the fields a request decides
//! set from the request.
//!
//! Endpoints:
//! - `POST /v1/customers`, `GET /v1/customers/{id}`
//! - `POST /v1/payment_intents` (also with `confirm=true`, e.g. off-session charges),
//!   `GET /v1/payment_intents/{id}`, `POST /v1/payment_intents/{id}/cancel`,
//!   `POST /v1/payment_intents/{id}/confirm`
//! - `POST /v1/refunds`, `GET /v1/refunds/{id}`
//!
//! Like Stripe it requires `Authorization: Bearer sk_test_…`, rejects unknown parameters,
//! and honours `Idempotency-Key` on POST: the same key with the same parameters answers the
//! stored response again (header `Idempotent-Replayed: true`), the same key with other
//! parameters or another endpoint is a 400 `idempotency_error`. Requests are handled one at
//! a time, so concurrent requests with one key run the endpoint once.
//!
//! Tests steer it with plain methods: [`FakeStripe::succeed`], [`FakeStripe::fail`],
//! [`FakeStripe::decline_off_session`], [`FakeStripe::outage`], the clock
//! ([`FakeStripe::set_now`]), and build signed webhook events with [`FakeStripe::event`].

mod form;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::State as AxumState;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::Response;
use hmac::{Hmac, Mac};
use serde_json::{Map, Value, json};
use sha2::Sha256;

/// The Stripe API version the fake claims in responses and events.
pub const API_VERSION: &str = "2026-09-30.endive";

/// The webhook signing secret [`FakeStripe::event`] signs with.
pub const WEBHOOK_SECRET: &str = "whsec_fake_gongbang_0123456789abcdef";

/// Where Stripe's example objects are read from: `STRIPE_FIXTURES` when set, else the
/// first `shared/stripe/fixtures3.json` found beside this repository or any folder above
/// it (the team's shared notes sit beside the checkout).
pub fn fixtures_path() -> PathBuf {
    if let Some(path) = std::env::var_os("STRIPE_FIXTURES") {
        return PathBuf::from(path);
    }
    let relative = std::path::Path::new("shared/stripe/fixtures3.json");
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest
        .ancestors()
        .map(|dir| dir.join(relative))
        .find(|candidate| candidate.is_file())
        .unwrap_or_else(|| manifest.join("../../../shared/stripe/fixtures3.json"))
}

/// Starts the fake on a free loopback port.
///
/// # Panics
/// When the fixture file ([`fixtures_path`]) is missing or unreadable, or no port can be
/// bound; the message names the cause.
pub async fn start() -> FakeStripe {
    match try_start().await {
        Ok(fake) => fake,
        Err(message) => panic!("fake-stripe: {message}"),
    }
}

/// Starts the fake on a free loopback port.
///
/// # Errors
/// When the fixture file ([`fixtures_path`]) is missing or unreadable (the message names
/// the path), or no port can be bound.
pub async fn try_start() -> Result<FakeStripe, String> {
    let fixtures = Fixtures::load()?;
    let shared = Arc::new(Shared {
        fixtures,
        state: Mutex::new(Ledger::default()),
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .map_err(|err| format!("cannot bind 127.0.0.1:0: {err}"))?;
    let addr = listener
        .local_addr()
        .map_err(|err| format!("no local address: {err}"))?;
    let app = Router::new()
        .fallback(handle)
        .with_state(Arc::clone(&shared));
    let server = tokio::spawn(async move {
        // The server lives as long as the `FakeStripe`; an accept error ends the test's fake.
        let _ = axum::serve(listener, app).await;
    });
    Ok(FakeStripe {
        addr,
        shared,
        server,
    })
}

/// A running fake; the server stops when this is dropped.
pub struct FakeStripe {
    addr: SocketAddr,
    shared: Arc<Shared>,
    server: tokio::task::JoinHandle<()>,
}

/// One request the fake received.
#[derive(Debug, Clone)]
pub struct RecordedRequest {
    /// E.g. `POST /v1/payment_intents/{id}/cancel` (the route, ids replaced by `{id}`).
    pub endpoint: String,
    /// The path as requested, e.g. `/v1/payment_intents/pi_…/cancel`.
    pub path: String,
    /// The form parameters as a JSON tree of strings (`metadata[order_id]` →
    /// `{"metadata": {"order_id": …}}`).
    pub params: Value,
    /// The `Idempotency-Key` header, if any.
    pub idempotency_key: Option<String>,
    /// The HTTP status answered.
    pub status: u16,
    /// Whether the answer was a stored idempotent response.
    pub replayed: bool,
}

/// How [`FakeStripe::event_with`] signs an event.
#[derive(Debug, Clone)]
pub struct Signing {
    secret: String,
    age_secs: i64,
    also_signed_with: Vec<String>,
    extra_v1: Vec<String>,
}

impl Signing {
    /// Sign with `secret` at the fake's current time.
    pub fn new(secret: impl Into<String>) -> Self {
        Self {
            secret: secret.into(),
            age_secs: 0,
            also_signed_with: Vec::new(),
            extra_v1: Vec::new(),
        }
    }

    /// Put the timestamp `secs` seconds before the fake's now (negative: in the future).
    #[must_use]
    pub fn aged(mut self, secs: i64) -> Self {
        self.age_secs = secs;
        self
    }

    /// Add a `v1` signature made with another secret, as Stripe does while a secret is
    /// being rolled (it is listed after the main one).
    #[must_use]
    pub fn also_signed_with(mut self, secret: impl Into<String>) -> Self {
        self.also_signed_with.push(secret.into());
        self
    }

    /// Add a literal `v1=` value before the real signature (e.g. garbage or a stale
    /// signature).
    #[must_use]
    pub fn extra_v1(mut self, value: impl Into<String>) -> Self {
        self.extra_v1.push(value.into());
        self
    }
}

/// The hex HMAC-SHA256 of `"{timestamp}.{payload}"` keyed with the whole secret, which is
/// Stripe's `v1` webhook signature.
pub fn signature_v1(payload: &[u8], secret: &str, timestamp: i64) -> String {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes any key length");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(payload);
    hex(&mac.finalize().into_bytes())
}

/// A `Stripe-Signature` header for `payload`: `t=<timestamp>,v1=<signature>`.
pub fn signature_header(payload: &[u8], secret: &str, timestamp: i64) -> String {
    format!(
        "t={timestamp},v1={}",
        signature_v1(payload, secret, timestamp)
    )
}

impl FakeStripe {
    /// The base URL to give a Stripe client, e.g. `http://127.0.0.1:41234/` (requests go to
    /// `{base}v1/…`).
    pub fn base_url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// The address the fake listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// How many requests an endpoint ran, e.g. `count("POST /v1/payment_intents")` or
    /// `count("POST /v1/payment_intents/{id}/cancel")` (a concrete path such as
    /// `POST /v1/payment_intents/pi_…/cancel` counts that object only). Idempotent replays,
    /// idempotency conflicts and rejected API keys did not run the endpoint and are not
    /// counted; see [`FakeStripe::received`].
    pub fn count(&self, endpoint: &str) -> usize {
        self.ledger().ran.get(endpoint).copied().unwrap_or(0)
    }

    /// How many HTTP requests arrived for an endpoint, replays and rejections included.
    pub fn received(&self, endpoint: &str) -> usize {
        self.ledger().received.get(endpoint).copied().unwrap_or(0)
    }

    /// Every request received, oldest first.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.ledger().requests.clone()
    }

    /// The newest request to an endpoint (as named in [`FakeStripe::count`]).
    pub fn last_request(&self, endpoint: &str) -> Option<RecordedRequest> {
        let ledger = self.ledger();
        ledger
            .requests
            .iter()
            .rev()
            .find(|r| {
                r.endpoint == endpoint
                    || format!("{} {}", method_of(&r.endpoint), r.path) == endpoint
            })
            .cloned()
    }

    /// The stored PaymentIntent.
    pub fn payment_intent(&self, id: &str) -> Option<Value> {
        self.ledger().intents.get(id).cloned()
    }

    /// Every stored PaymentIntent, in creation order.
    pub fn payment_intents(&self) -> Vec<Value> {
        let ledger = self.ledger();
        let mut all: Vec<Value> = ledger.intents.values().cloned().collect();
        all.sort_by_key(|pi| pi["id"].as_str().map(str::to_owned));
        all
    }

    /// The stored Customer.
    pub fn customer(&self, id: &str) -> Option<Value> {
        self.ledger().customers.get(id).cloned()
    }

    /// The stored Refund.
    pub fn refund(&self, id: &str) -> Option<Value> {
        self.ledger().refunds.get(id).cloned()
    }

    /// The stored Charge (made when a PaymentIntent succeeds or a charge attempt fails).
    pub fn charge(&self, id: &str) -> Option<Value> {
        self.ledger().charges.get(id).cloned()
    }

    /// The traveller paid: the PaymentIntent becomes `succeeded` with a charge and a payment
    /// method, as after a successful confirmation in the browser. Returns it (e.g. for
    /// `event("payment_intent.succeeded", …)`).
    ///
    /// # Panics
    /// When there is no such PaymentIntent.
    pub fn succeed(&self, pi_id: &str) -> Value {
        let mut ledger = self.ledger();
        let Some(mut pi) = ledger.intents.get(pi_id).cloned() else {
            panic!("fake-stripe: no PaymentIntent {pi_id}");
        };
        if pi["payment_method"].is_null() {
            let pm = ledger.id("pm");
            pi["payment_method"] = json!(pm);
        }
        ledger.settle(&self.shared.fixtures, &mut pi);
        ledger.intents.insert(pi_id.to_owned(), pi.clone());
        pi
    }

    /// The traveller's card was declined in the browser: the PaymentIntent goes back to
    /// `requires_payment_method` with a `last_payment_error`. Returns it.
    ///
    /// # Panics
    /// When there is no such PaymentIntent.
    pub fn fail(&self, pi_id: &str) -> Value {
        let mut ledger = self.ledger();
        let Some(mut pi) = ledger.intents.get(pi_id).cloned() else {
            panic!("fake-stripe: no PaymentIntent {pi_id}");
        };
        let error = ledger.decline(&self.shared.fixtures, &mut pi, Decline::Generic);
        pi["last_payment_error"] = error;
        ledger.intents.insert(pi_id.to_owned(), pi.clone());
        pi
    }

    /// From now on, off-session confirmations (`off_session=true`) are declined with a 402
    /// `card_error` / `card_declined` (`insufficient_funds`), as a card without funds is.
    pub fn decline_off_session(&self, decline: bool) {
        self.ledger().decline_off_session = decline;
    }

    /// From now on, off-session confirmations fail with a 402 `card_error` /
    /// `authentication_required`, as when the bank wants 3-D Secure.
    pub fn require_authentication_off_session(&self, require: bool) {
        self.ledger().authentication_off_session = require;
    }

    /// While on, every request is answered `500 api_error`, as during a Stripe outage.
    pub fn outage(&self, on: bool) {
        self.ledger().outage = on;
    }

    /// The fake's clock (Unix seconds): the real time unless [`FakeStripe::set_now`] fixed it.
    pub fn now(&self) -> i64 {
        self.ledger().now()
    }

    /// Fixes the fake's clock (Unix seconds); used for `created` and event timestamps.
    pub fn set_now(&self, unix: i64) {
        self.ledger().fixed_now = Some(unix);
    }

    /// Moves the fake's clock forward (fixing it first if it was real).
    pub fn advance(&self, secs: i64) {
        let mut ledger = self.ledger();
        let now = ledger.now();
        ledger.fixed_now = Some(now + secs);
    }

    /// A Stripe `event` of type `kind` (e.g. `payment_intent.succeeded`) about `object`,
    /// as its JSON payload and the `Stripe-Signature` header Stripe would send, signed with
    /// [`WEBHOOK_SECRET`] at the fake's now.
    pub fn event(&self, kind: &str, object: Value) -> (Vec<u8>, String) {
        self.event_with(kind, object, &Signing::new(WEBHOOK_SECRET))
    }

    /// Like [`FakeStripe::event`], signed as `signing` says (secret, timestamp, extra `v1`
    /// values).
    pub fn event_with(&self, kind: &str, object: Value, signing: &Signing) -> (Vec<u8>, String) {
        let (payload, now) = {
            let mut ledger = self.ledger();
            let now = ledger.now();
            let mut event = self.shared.fixtures.event.clone();
            event["id"] = json!(ledger.id("evt"));
            event["type"] = json!(kind);
            event["created"] = json!(now);
            event["api_version"] = json!(API_VERSION);
            event["livemode"] = json!(false);
            event["pending_webhooks"] = json!(1);
            event["request"] = json!({"id": ledger.id("req"), "idempotency_key": null});
            event["data"] = json!({ "object": object });
            (
                serde_json::to_vec(&event).expect("JSON values serialise"),
                now,
            )
        };
        let timestamp = now - signing.age_secs;
        let mut header = format!("t={timestamp}");
        for value in &signing.extra_v1 {
            header.push_str(&format!(",v1={value}"));
        }
        header.push_str(&format!(
            ",v1={}",
            signature_v1(&payload, &signing.secret, timestamp)
        ));
        for secret in &signing.also_signed_with {
            header.push_str(&format!(
                ",v1={}",
                signature_v1(&payload, secret, timestamp)
            ));
        }
        (payload, header)
    }

    fn ledger(&self) -> MutexGuard<'_, Ledger> {
        self.shared.ledger()
    }
}

impl Drop for FakeStripe {
    fn drop(&mut self) {
        self.server.abort();
    }
}

impl std::fmt::Debug for FakeStripe {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FakeStripe")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

struct Shared {
    fixtures: Fixtures,
    state: Mutex<Ledger>,
}

impl Shared {
    fn ledger(&self) -> MutexGuard<'_, Ledger> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Stripe's example objects, one per resource.
struct Fixtures {
    payment_intent: Value,
    refund: Value,
    customer: Value,
    event: Value,
    charge: Value,
}

impl Fixtures {
    fn load() -> Result<Self, String> {
        let path = fixtures_path();
        let text = std::fs::read_to_string(&path)
            .map_err(|err| format!("cannot read Stripe fixtures at {}: {err}", path.display()))?;
        let all: Value = serde_json::from_str(&text)
            .map_err(|err| format!("Stripe fixtures at {} are not JSON: {err}", path.display()))?;
        let take = |name: &str| match &all["resources"][name] {
            Value::Object(object) => Ok(Value::Object(object.clone())),
            _ => Err(format!(
                "Stripe fixtures at {} lack resources.{name}",
                path.display()
            )),
        };
        Ok(Self {
            payment_intent: take("payment_intent")?,
            refund: take("refund")?,
            customer: take("customer")?,
            event: take("event")?,
            charge: take("charge")?,
        })
    }
}

/// Everything the fake remembers.
#[derive(Default)]
struct Ledger {
    next: u64,
    fixed_now: Option<i64>,
    customers: HashMap<String, Value>,
    intents: HashMap<String, Value>,
    refunds: HashMap<String, Value>,
    charges: HashMap<String, Value>,
    idempotent: HashMap<String, Stored>,
    ran: HashMap<String, usize>,
    received: HashMap<String, usize>,
    requests: Vec<RecordedRequest>,
    decline_off_session: bool,
    authentication_off_session: bool,
    outage: bool,
}

/// A response kept for an idempotency key.
struct Stored {
    endpoint: String,
    params: Value,
    status: StatusCode,
    body: Value,
}

/// A Stripe answer: status and JSON body.
type Answer = (StatusCode, Value);

#[derive(Clone, Copy)]
enum Route {
    CreateCustomer,
    RetrieveCustomer,
    CreateIntent,
    RetrieveIntent,
    CancelIntent,
    ConfirmIntent,
    CreateRefund,
    RetrieveRefund,
}

impl Route {
    /// Which route a request is for, the route's name with `{id}`, and the object id.
    fn find(method: &Method, path: &str) -> Option<(Self, String, Option<String>)> {
        let segments: Vec<&str> = path.strip_prefix("/v1/")?.split('/').collect();
        let id = |i: usize| segments.get(i).map(|s| (*s).to_owned());
        let (route, name) = match (method.as_str(), segments.as_slice()) {
            ("POST", ["customers"]) => (Self::CreateCustomer, "POST /v1/customers"),
            ("GET", ["customers", _]) => (Self::RetrieveCustomer, "GET /v1/customers/{id}"),
            ("POST", ["payment_intents"]) => (Self::CreateIntent, "POST /v1/payment_intents"),
            ("GET", ["payment_intents", _]) => {
                (Self::RetrieveIntent, "GET /v1/payment_intents/{id}")
            }
            ("POST", ["payment_intents", _, "cancel"]) => {
                (Self::CancelIntent, "POST /v1/payment_intents/{id}/cancel")
            }
            ("POST", ["payment_intents", _, "confirm"]) => {
                (Self::ConfirmIntent, "POST /v1/payment_intents/{id}/confirm")
            }
            ("POST", ["refunds"]) => (Self::CreateRefund, "POST /v1/refunds"),
            ("GET", ["refunds", _]) => (Self::RetrieveRefund, "GET /v1/refunds/{id}"),
            _ => return None,
        };
        if segments.iter().any(|s| s.is_empty()) {
            return None;
        }
        Some((route, name.to_owned(), id(1)))
    }

    /// The parameters the endpoint accepts (others are `parameter_unknown`, as on Stripe).
    fn allowed(self) -> &'static [&'static str] {
        match self {
            Self::CreateCustomer => &[
                "email",
                "name",
                "description",
                "phone",
                "metadata",
                "preferred_locales",
                "expand",
            ],
            Self::CreateIntent => &[
                "amount",
                "currency",
                "customer",
                "metadata",
                "setup_future_usage",
                "automatic_payment_methods",
                "payment_method",
                "payment_method_types",
                "confirm",
                "off_session",
                "error_on_requires_action",
                "description",
                "receipt_email",
                "capture_method",
                "confirmation_method",
                "return_url",
                "statement_descriptor_suffix",
                "expand",
            ],
            Self::ConfirmIntent => &[
                "payment_method",
                "off_session",
                "return_url",
                "error_on_requires_action",
                "expand",
            ],
            Self::CancelIntent => &["cancellation_reason", "expand"],
            Self::CreateRefund => &[
                "payment_intent",
                "charge",
                "amount",
                "metadata",
                "reason",
                "expand",
            ],
            Self::RetrieveCustomer | Self::RetrieveIntent | Self::RetrieveRefund => {
                &["expand", "client_secret"]
            }
        }
    }
}

/// The one handler: every request goes through authentication, idempotency and counting
/// here, under one lock, so concurrent requests are handled one after another.
async fn handle(
    AxumState(shared): AxumState<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let mut ledger = shared.ledger();
    let request_id = ledger.id("req");
    let path = uri.path().to_owned();
    let found = Route::find(&method, &path);
    let endpoint = found
        .as_ref()
        .map_or_else(|| format!("{method} {path}"), |(_, name, _)| name.clone());
    let concrete = format!("{method} {path}");
    let idempotency_key = header_str(&headers, "idempotency-key").map(str::to_owned);

    *ledger.received.entry(endpoint.clone()).or_default() += 1;
    if concrete != endpoint {
        *ledger.received.entry(concrete.clone()).or_default() += 1;
    }

    let raw_params = if method == Method::GET {
        uri.query().unwrap_or("").as_bytes().to_vec()
    } else {
        body.to_vec()
    };
    let params = form::parse(&raw_params);

    let (status, body, replayed) = 'answer: {
        if let Err(answer) = check_key(&headers) {
            break 'answer (answer.0, answer.1, false);
        }
        if ledger.outage {
            break 'answer (
                StatusCode::INTERNAL_SERVER_ERROR,
                error_body("api_error", None, "An unknown error occurred", None),
                false,
            );
        }
        let params = match &params {
            Ok(params) => params.clone(),
            Err(message) => {
                break 'answer (StatusCode::BAD_REQUEST, invalid(None, message, None), false);
            }
        };
        if method == Method::POST && !body.is_empty() && !is_form(&headers) {
            let message =
                "Invalid request: Stripe expects application/x-www-form-urlencoded bodies";
            break 'answer (StatusCode::BAD_REQUEST, invalid(None, message, None), false);
        }
        let key = idempotency_key
            .as_deref()
            .filter(|_| method == Method::POST);
        if let Some(key) = key {
            if key.len() > 255 {
                let message = "Idempotency keys may be at most 255 characters long";
                break 'answer (StatusCode::BAD_REQUEST, invalid(None, message, None), false);
            }
            if let Some(stored) = ledger.idempotent.get(key) {
                if stored.endpoint != concrete {
                    let message = format!(
                        "Keys for idempotent requests can only be used for the same endpoint they \
                         were first used for ('{}' vs '{concrete}'). Try using a key other than \
                         '{key}' if you meant to execute a different request.",
                        stored.endpoint
                    );
                    break 'answer (
                        StatusCode::BAD_REQUEST,
                        error_body("idempotency_error", None, &message, None),
                        false,
                    );
                }
                if stored.params != params {
                    let message = format!(
                        "Keys for idempotent requests can only be used with the same parameters \
                         they were first used with. Try using a key other than '{key}' if you \
                         meant to execute a different request."
                    );
                    break 'answer (
                        StatusCode::BAD_REQUEST,
                        error_body("idempotency_error", None, &message, None),
                        false,
                    );
                }
                break 'answer (stored.status, stored.body.clone(), true);
            }
        }

        *ledger.ran.entry(endpoint.clone()).or_default() += 1;
        if concrete != endpoint {
            *ledger.ran.entry(concrete.clone()).or_default() += 1;
        }
        let answer = match found {
            None => not_found_route(&method, &path),
            Some((route, _, id)) => match unknown_param(route, &params) {
                Some(answer) => answer,
                None => ledger.run(&shared.fixtures, route, id.as_deref(), &params),
            },
        };
        // Stripe keeps the result once the endpoint started executing (success, or a
        // declined card), not for requests that failed validation.
        if let Some(key) = key
            && (answer.0.is_success() || answer.0 == StatusCode::PAYMENT_REQUIRED)
        {
            let stored = Stored {
                endpoint: concrete.clone(),
                params: params.clone(),
                status: answer.0,
                body: answer.1.clone(),
            };
            ledger.idempotent.insert(key.to_owned(), stored);
        }
        (answer.0, answer.1, false)
    };

    ledger.requests.push(RecordedRequest {
        endpoint,
        path,
        params: params.unwrap_or(Value::Null),
        idempotency_key: idempotency_key.clone(),
        status: status.as_u16(),
        replayed,
    });
    drop(ledger);
    respond(
        status,
        &body,
        &request_id,
        idempotency_key.as_deref(),
        replayed,
    )
}

impl Ledger {
    fn now(&self) -> i64 {
        self.fixed_now.unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        })
    }

    /// A fresh object id with Stripe's prefix, e.g. `pi_3FakeGb00000000000000012`.
    fn id(&mut self, prefix: &str) -> String {
        self.next += 1;
        format!("{prefix}_3FakeGb{:017}", self.next)
    }

    fn run(
        &mut self,
        fixtures: &Fixtures,
        route: Route,
        id: Option<&str>,
        params: &Value,
    ) -> Answer {
        let id = id.unwrap_or_default();
        match route {
            Route::CreateCustomer => self.create_customer(fixtures, params),
            Route::RetrieveCustomer => found(self.customers.get(id), "customer", id),
            Route::CreateIntent => self.create_intent(fixtures, params),
            Route::RetrieveIntent => found(self.intents.get(id), "payment_intent", id),
            Route::CancelIntent => self.cancel_intent(id, params),
            Route::ConfirmIntent => self.confirm_intent(fixtures, id, params),
            Route::CreateRefund => self.create_refund(fixtures, params),
            Route::RetrieveRefund => found(self.refunds.get(id), "refund", id),
        }
    }

    fn create_customer(&mut self, fixtures: &Fixtures, params: &Value) -> Answer {
        let metadata = match metadata(params) {
            Ok(metadata) => metadata,
            Err(answer) => return answer,
        };
        let id = self.id("cus");
        let mut customer = fixtures.customer.clone();
        customer["id"] = json!(id);
        customer["created"] = json!(self.now());
        customer["email"] = string_or_null(&params["email"]);
        customer["name"] = string_or_null(&params["name"]);
        customer["description"] = string_or_null(&params["description"]);
        customer["phone"] = string_or_null(&params["phone"]);
        customer["metadata"] = metadata;
        customer["preferred_locales"] = match &params["preferred_locales"] {
            Value::Array(locales) => Value::Array(locales.clone()),
            _ => json!([]),
        };
        // A new customer has no address, currency, discount or shipping yet.
        customer["address"] = Value::Null;
        customer["currency"] = Value::Null;
        customer["discount"] = Value::Null;
        customer["shipping"] = Value::Null;
        customer["invoice_prefix"] = json!(format!("{:08X}", self.next));
        customer["livemode"] = json!(false);
        self.customers.insert(id, customer.clone());
        (StatusCode::OK, customer)
    }

    fn create_intent(&mut self, fixtures: &Fixtures, params: &Value) -> Answer {
        let amount = match amount(params, true) {
            Ok(amount) => amount.unwrap_or_default(),
            Err(answer) => return answer,
        };
        let currency = match params["currency"].as_str() {
            None => return missing("currency"),
            Some(c) if c.len() == 3 && c.bytes().all(|b| b.is_ascii_lowercase()) => c.to_owned(),
            Some(c) => {
                return bad_request(Some("currency"), &format!("Invalid currency: {c}"), None);
            }
        };
        let customer = params["customer"].as_str().map(str::to_owned);
        if let Some(customer) = &customer
            && !self.customers.contains_key(customer)
        {
            return no_such_param("customer", customer, "customer");
        }
        let setup_future_usage = match params["setup_future_usage"].as_str() {
            None => None,
            Some(usage @ ("off_session" | "on_session")) => Some(usage.to_owned()),
            Some(other) => {
                let message = format!(
                    "Invalid setup_future_usage: must be one of off_session or on_session (got {other})"
                );
                return bad_request(Some("setup_future_usage"), &message, None);
            }
        };
        let metadata = match metadata(params) {
            Ok(metadata) => metadata,
            Err(answer) => return answer,
        };
        let automatic = match &params["automatic_payment_methods"] {
            Value::Null => None,
            apm => match apm["enabled"].as_str() {
                Some("true") => Some(true),
                Some("false") => Some(false),
                _ => return missing("automatic_payment_methods[enabled]"),
            },
        };
        let confirm = match flag(params, "confirm") {
            Ok(confirm) => confirm.unwrap_or(false),
            Err(answer) => return answer,
        };
        let off_session = match flag(params, "off_session") {
            Ok(off_session) => off_session.unwrap_or(false),
            Err(answer) => return answer,
        };
        if off_session && !confirm {
            let message = "You can only pass `off_session` when `confirm` is true.";
            return bad_request(Some("off_session"), message, None);
        }

        let id = self.id("pi");
        let mut pi = fixtures.payment_intent.clone();
        pi["id"] = json!(id);
        pi["object"] = json!("payment_intent");
        pi["amount"] = json!(amount);
        pi["amount_capturable"] = json!(0);
        pi["amount_received"] = json!(0);
        pi["currency"] = json!(currency);
        pi["customer"] = json!(customer);
        pi["metadata"] = metadata;
        pi["setup_future_usage"] = json!(setup_future_usage);
        pi["created"] = json!(self.now());
        pi["client_secret"] = json!(format!("{id}_secret_{}", secret_suffix(self.next)));
        pi["description"] = string_or_null(&params["description"]);
        pi["receipt_email"] = string_or_null(&params["receipt_email"]);
        pi["statement_descriptor_suffix"] = string_or_null(&params["statement_descriptor_suffix"]);
        if let Some(method) = params["capture_method"].as_str() {
            pi["capture_method"] = json!(method);
        }
        if let Some(method) = params["confirmation_method"].as_str() {
            pi["confirmation_method"] = json!(method);
        }
        pi["automatic_payment_methods"] = match automatic {
            Some(enabled) => json!({"enabled": enabled, "allow_redirects": "always"}),
            None => Value::Null,
        };
        pi["payment_method_configuration_details"] = match automatic {
            Some(true) => json!({"id": self.id("pmc"), "parent": null}),
            _ => Value::Null,
        };
        pi["payment_method_types"] = match &params["payment_method_types"] {
            Value::Array(types) => Value::Array(types.clone()),
            _ => json!(["card"]),
        };
        pi["payment_method"] = string_or_null(&params["payment_method"]);
        pi["status"] = json!(if pi["payment_method"].is_null() {
            "requires_payment_method"
        } else {
            "requires_confirmation"
        });
        // A fresh intent has not been attempted, cancelled, shipped or transferred.
        for field in [
            "canceled_at",
            "cancellation_reason",
            "last_payment_error",
            "latest_charge",
            "next_action",
            "processing",
            "shipping",
            "transfer_data",
            "transfer_group",
            "application_fee_amount",
            "on_behalf_of",
            "review",
            "statement_descriptor",
            "managed_payments",
        ] {
            pi[field] = Value::Null;
        }
        pi["livemode"] = json!(false);

        self.intents.insert(id.clone(), pi);
        if confirm {
            return self.confirm(
                fixtures,
                &id,
                params["payment_method"].as_str(),
                off_session,
            );
        }
        (StatusCode::OK, self.intents[&id].clone())
    }

    fn confirm_intent(&mut self, fixtures: &Fixtures, id: &str, params: &Value) -> Answer {
        if !self.intents.contains_key(id) {
            return no_such("payment_intent", id, "intent");
        }
        let off_session = match flag(params, "off_session") {
            Ok(off_session) => off_session.unwrap_or(false),
            Err(answer) => return answer,
        };
        self.confirm(fixtures, id, params["payment_method"].as_str(), off_session)
    }

    /// Confirms a stored intent: succeeds, or (off-session, when the test says so) fails
    /// with a 402 card error carrying the intent, as Stripe does.
    fn confirm(
        &mut self,
        fixtures: &Fixtures,
        id: &str,
        payment_method: Option<&str>,
        off_session: bool,
    ) -> Answer {
        let Some(mut pi) = self.intents.get(id).cloned() else {
            return no_such("payment_intent", id, "intent");
        };
        let status = pi["status"].as_str().unwrap_or_default().to_owned();
        if !matches!(
            status.as_str(),
            "requires_payment_method" | "requires_confirmation" | "requires_action"
        ) {
            let message = format!(
                "You cannot confirm this PaymentIntent because it has a status of {status}. Only a \
                 PaymentIntent with one of the following statuses may be confirmed: \
                 requires_confirmation, requires_payment_method, requires_action."
            );
            return bad_request(None, &message, Some("payment_intent_unexpected_state"));
        }
        if let Some(method) = payment_method {
            pi["payment_method"] = json!(method);
        }
        if pi["payment_method"].is_null() {
            let message = "You cannot confirm this PaymentIntent because it's missing a payment \
                           method. You can either update the PaymentIntent with a payment method \
                           and then confirm it again, or confirm it again directly with a payment \
                           method.";
            return bad_request(None, message, Some("payment_intent_unexpected_state"));
        }
        let decline = if off_session && self.authentication_off_session {
            Some(Decline::AuthenticationRequired)
        } else if off_session && self.decline_off_session {
            Some(Decline::InsufficientFunds)
        } else {
            None
        };
        if let Some(decline) = decline {
            let mut error = self.decline(fixtures, &mut pi, decline);
            pi["last_payment_error"] = error.clone();
            self.intents.insert(id.to_owned(), pi.clone());
            error["payment_intent"] = pi;
            return (StatusCode::PAYMENT_REQUIRED, json!({ "error": error }));
        }
        self.settle(fixtures, &mut pi);
        self.intents.insert(id.to_owned(), pi.clone());
        (StatusCode::OK, pi)
    }

    /// Marks `pi` succeeded, with a succeeded charge.
    fn settle(&mut self, fixtures: &Fixtures, pi: &mut Value) {
        let charge = self.make_charge(fixtures, pi, true);
        pi["status"] = json!("succeeded");
        pi["amount_received"] = pi["amount"].clone();
        pi["latest_charge"] = json!(charge);
        pi["last_payment_error"] = Value::Null;
        pi["next_action"] = Value::Null;
    }

    /// Marks `pi` declined (back to `requires_payment_method`, with a failed charge) and
    /// returns the error object Stripe reports.
    fn decline(&mut self, fixtures: &Fixtures, pi: &mut Value, decline: Decline) -> Value {
        let charge = self.make_charge(fixtures, pi, false);
        pi["status"] = json!("requires_payment_method");
        pi["latest_charge"] = json!(charge);
        let (code, decline_code, message) = match decline {
            Decline::Generic => (
                "card_declined",
                Some("generic_decline"),
                "Your card was declined.",
            ),
            Decline::InsufficientFunds => (
                "card_declined",
                Some("insufficient_funds"),
                "Your card has insufficient funds.",
            ),
            Decline::AuthenticationRequired => (
                "authentication_required",
                Some("authentication_required"),
                "Your card was declined. This transaction requires authentication.",
            ),
        };
        let mut error = json!({
            "type": "card_error",
            "code": code,
            "message": message,
            "charge": charge,
            "doc_url": format!("https://stripe.com/docs/error-codes/{code}"),
        });
        if let Some(decline_code) = decline_code {
            error["decline_code"] = json!(decline_code);
        }
        error
    }

    fn make_charge(&mut self, fixtures: &Fixtures, pi: &Value, paid: bool) -> String {
        let id = self.id("ch");
        let mut charge = fixtures.charge.clone();
        charge["id"] = json!(id);
        charge["amount"] = pi["amount"].clone();
        charge["amount_captured"] = json!(if paid { pi["amount"].clone() } else { json!(0) });
        charge["amount_refunded"] = json!(0);
        charge["captured"] = json!(paid);
        charge["paid"] = json!(paid);
        charge["refunded"] = json!(false);
        charge["status"] = json!(if paid { "succeeded" } else { "failed" });
        charge["currency"] = pi["currency"].clone();
        charge["customer"] = pi["customer"].clone();
        charge["payment_intent"] = pi["id"].clone();
        charge["payment_method"] = pi["payment_method"].clone();
        charge["metadata"] = pi["metadata"].clone();
        charge["created"] = json!(self.now());
        charge["description"] = Value::Null;
        charge["failure_code"] = if paid {
            Value::Null
        } else {
            json!("card_declined")
        };
        charge["failure_message"] = if paid {
            Value::Null
        } else {
            json!("Your card was declined.")
        };
        charge["balance_transaction"] = if paid {
            json!(self.id("txn"))
        } else {
            Value::Null
        };
        charge["refunds"] = json!({
            "object": "list", "data": [], "has_more": false,
            "url": format!("/v1/charges/{id}/refunds"),
        });
        charge["source"] = Value::Null;
        charge["transfer_data"] = Value::Null;
        charge["livemode"] = json!(false);
        self.charges.insert(id.clone(), charge);
        id
    }

    fn cancel_intent(&mut self, id: &str, params: &Value) -> Answer {
        let Some(mut pi) = self.intents.get(id).cloned() else {
            return no_such("payment_intent", id, "intent");
        };
        let status = pi["status"].as_str().unwrap_or_default().to_owned();
        if !matches!(
            status.as_str(),
            "requires_payment_method"
                | "requires_capture"
                | "requires_confirmation"
                | "requires_action"
                | "processing"
        ) {
            let message = format!(
                "You cannot cancel this PaymentIntent because it has a status of {status}. Only a \
                 PaymentIntent with one of the following statuses may be canceled: \
                 requires_payment_method, requires_capture, requires_confirmation, \
                 requires_action, processing."
            );
            return bad_request(None, &message, Some("payment_intent_unexpected_state"));
        }
        let reason = params["cancellation_reason"].as_str();
        if let Some(reason) = reason
            && ![
                "duplicate",
                "fraudulent",
                "requested_by_customer",
                "abandoned",
            ]
            .contains(&reason)
        {
            let message = format!("Invalid cancellation_reason: {reason}");
            return bad_request(Some("cancellation_reason"), &message, None);
        }
        pi["status"] = json!("canceled");
        pi["canceled_at"] = json!(self.now());
        pi["cancellation_reason"] = json!(reason);
        self.intents.insert(id.to_owned(), pi.clone());
        (StatusCode::OK, pi)
    }

    fn create_refund(&mut self, fixtures: &Fixtures, params: &Value) -> Answer {
        let requested = match amount(params, false) {
            Ok(amount) => amount,
            Err(answer) => return answer,
        };
        let metadata = match metadata(params) {
            Ok(metadata) => metadata,
            Err(answer) => return answer,
        };
        let pi_id = match (params["payment_intent"].as_str(), params["charge"].as_str()) {
            (Some(pi), _) => pi.to_owned(),
            (None, Some(charge)) => match self.charges.get(charge) {
                Some(charge) => charge["payment_intent"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
                None => return no_such_param("charge", charge, "charge"),
            },
            (None, None) => {
                let message = "One of the following params should be provided for this request: \
                               payment_intent or charge.";
                return bad_request(None, message, Some("parameter_missing"));
            }
        };
        let Some(pi) = self.intents.get(&pi_id).cloned() else {
            return no_such_param("payment_intent", &pi_id, "payment_intent");
        };
        let charge_id = pi["latest_charge"].as_str().unwrap_or_default().to_owned();
        let paid = pi["status"] == "succeeded" && self.charges.contains_key(&charge_id);
        if !paid {
            let message = format!(
                "This PaymentIntent ({pi_id}) does not have a successful charge to refund."
            );
            return bad_request(
                Some("payment_intent"),
                &message,
                Some("charge_not_refundable"),
            );
        }
        let captured = pi["amount_received"].as_i64().unwrap_or_default();
        let refunded = self.charges[&charge_id]["amount_refunded"]
            .as_i64()
            .unwrap_or_default();
        let remaining = captured - refunded;
        let amount = requested.unwrap_or(remaining);
        if remaining <= 0 {
            let message = format!("Charge {charge_id} has already been refunded.");
            return bad_request(None, &message, Some("charge_already_refunded"));
        }
        if amount > remaining {
            let message = format!(
                "Refund amount ({amount}) is greater than unrefunded amount on charge ({remaining})"
            );
            return bad_request(Some("amount"), &message, Some("amount_too_large"));
        }

        let id = self.id("re");
        let mut refund = fixtures.refund.clone();
        refund["id"] = json!(id);
        refund["amount"] = json!(amount);
        refund["currency"] = pi["currency"].clone();
        refund["charge"] = json!(charge_id);
        refund["payment_intent"] = json!(pi_id);
        refund["customer"] = pi["customer"].clone();
        refund["payment_method"] = pi["payment_method"].clone();
        refund["metadata"] = metadata;
        refund["reason"] = string_or_null(&params["reason"]);
        refund["status"] = json!("succeeded");
        refund["created"] = json!(self.now());
        refund["balance_transaction"] = json!(self.id("txn"));
        self.refunds.insert(id, refund.clone());
        if let Some(charge) = self.charges.get_mut(&charge_id) {
            charge["amount_refunded"] = json!(refunded + amount);
            charge["refunded"] = json!(refunded + amount == captured);
        }
        (StatusCode::OK, refund)
    }
}

#[derive(Clone, Copy)]
enum Decline {
    Generic,
    InsufficientFunds,
    AuthenticationRequired,
}

/// Checks `Authorization: Bearer sk_test_…`.
fn check_key(headers: &HeaderMap) -> Result<(), Answer> {
    let Some(auth) = header_str(headers, "authorization") else {
        let message = "You did not provide an API key. You need to provide your API key in the \
                       Authorization header, using Bearer auth (e.g. 'Authorization: Bearer \
                       YOUR_SECRET_KEY').";
        return Err((StatusCode::UNAUTHORIZED, invalid(None, message, None)));
    };
    let key = auth.strip_prefix("Bearer ").unwrap_or_default();
    if key.starts_with("sk_test_") && key.len() > "sk_test_".len() {
        return Ok(());
    }
    let shown: String = key.chars().take(8).collect();
    let message = format!("Invalid API Key provided: {shown}****");
    Err((StatusCode::UNAUTHORIZED, invalid(None, &message, None)))
}

fn unknown_param(route: Route, params: &Value) -> Option<Answer> {
    let Value::Object(params) = params else {
        return None;
    };
    let allowed = route.allowed();
    let unknown = params.keys().find(|key| !allowed.contains(&key.as_str()))?;
    let message = format!("Received unknown parameter: {unknown}");
    Some(bad_request(
        Some(unknown),
        &message,
        Some("parameter_unknown"),
    ))
}

/// Reads `amount` as a positive integer of at most eight digits (Stripe's limit; for a
/// zero-decimal currency such as KRW that is ₩99,999,999).
fn amount(params: &Value, required: bool) -> Result<Option<i64>, Answer> {
    let Some(text) = params["amount"].as_str() else {
        return if required {
            Err(missing("amount"))
        } else {
            Ok(None)
        };
    };
    let Ok(amount) = text.parse::<i64>() else {
        let message = format!("Invalid integer: {text}");
        return Err(bad_request(
            Some("amount"),
            &message,
            Some("parameter_invalid_integer"),
        ));
    };
    if amount < 1 {
        let message = "This value must be greater than or equal to 1.";
        return Err(bad_request(
            Some("amount"),
            message,
            Some("parameter_invalid_integer"),
        ));
    }
    if amount > 99_999_999 {
        let message = "Amount must be no more than 99999999";
        return Err(bad_request(
            Some("amount"),
            message,
            Some("amount_too_large"),
        ));
    }
    Ok(Some(amount))
}

fn flag(params: &Value, name: &str) -> Result<Option<bool>, Answer> {
    match params[name].as_str() {
        None => Ok(None),
        Some("true") => Ok(Some(true)),
        Some("false") => Ok(Some(false)),
        Some(other) => {
            let message = format!("Invalid boolean: {other}");
            Err(bad_request(Some(name), &message, None))
        }
    }
}

/// Reads `metadata[…]` within Stripe's limits: 50 keys, keys up to 40 characters, values up
/// to 500.
fn metadata(params: &Value) -> Result<Value, Answer> {
    let map = match &params["metadata"] {
        Value::Null => return Ok(json!({})),
        Value::String(empty) if empty.is_empty() => return Ok(json!({})),
        Value::Object(map) => map,
        _ => return Err(bad_request(Some("metadata"), "Invalid hash", None)),
    };
    if map.len() > 50 {
        return Err(bad_request(
            Some("metadata"),
            "You can have at most 50 metadata keys",
            None,
        ));
    }
    let mut out = Map::new();
    for (key, value) in map {
        let Some(value) = value.as_str() else {
            return Err(bad_request(
                Some("metadata"),
                "Invalid metadata value",
                None,
            ));
        };
        if key.chars().count() > 40 || value.chars().count() > 500 {
            let message = "Metadata keys can be at most 40 characters and values at most 500";
            return Err(bad_request(
                Some(&format!("metadata[{key}]")),
                message,
                None,
            ));
        }
        out.insert(key.clone(), json!(value));
    }
    Ok(Value::Object(out))
}

fn found(object: Option<&Value>, kind: &str, id: &str) -> Answer {
    match object {
        Some(object) => (StatusCode::OK, object.clone()),
        None => no_such(kind, id, "id"),
    }
}

/// An object named in the path is missing: 404.
fn no_such(kind: &str, id: &str, param: &str) -> Answer {
    let message = format!("No such {kind}: '{id}'");
    let body = error_body(
        "invalid_request_error",
        Some("resource_missing"),
        &message,
        Some(param),
    );
    (StatusCode::NOT_FOUND, body)
}

/// An object named by a parameter is missing: 400.
fn no_such_param(kind: &str, id: &str, param: &str) -> Answer {
    (StatusCode::BAD_REQUEST, no_such(kind, id, param).1)
}

fn not_found_route(method: &Method, path: &str) -> Answer {
    let message = format!(
        "Unrecognized request URL ({method}: {path}). fake-stripe serves only the endpoints \
         Gongbang uses."
    );
    (StatusCode::NOT_FOUND, invalid(None, &message, None))
}

fn missing(param: &str) -> Answer {
    let message = format!("Missing required param: {param}.");
    bad_request(Some(param), &message, Some("parameter_missing"))
}

fn bad_request(param: Option<&str>, message: &str, code: Option<&str>) -> Answer {
    (
        StatusCode::BAD_REQUEST,
        error_body("invalid_request_error", code, message, param),
    )
}

fn invalid(param: Option<&str>, message: &str, code: Option<&str>) -> Value {
    error_body("invalid_request_error", code, message, param)
}

/// Stripe's error body: `{"error": {"type", "code"?, "message", "param"?, "doc_url"?}}`.
fn error_body(kind: &str, code: Option<&str>, message: &str, param: Option<&str>) -> Value {
    let mut error = json!({ "type": kind, "message": message });
    if let Some(code) = code {
        error["code"] = json!(code);
        error["doc_url"] = json!(format!("https://stripe.com/docs/error-codes/{code}"));
    }
    if let Some(param) = param {
        error["param"] = json!(param);
    }
    json!({ "error": error })
}

fn respond(
    status: StatusCode,
    body: &Value,
    request_id: &str,
    idempotency_key: Option<&str>,
    replayed: bool,
) -> Response {
    let bytes = serde_json::to_vec_pretty(body).expect("JSON values serialise");
    let mut response = Response::new(Body::from(bytes));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    headers.insert("stripe-version", HeaderValue::from_static(API_VERSION));
    if let Ok(value) = HeaderValue::from_str(request_id) {
        headers.insert("request-id", value);
    }
    if let Some(value) = idempotency_key.and_then(|key| HeaderValue::from_str(key).ok()) {
        headers.insert("idempotency-key", value);
    }
    if replayed {
        headers.insert("idempotent-replayed", HeaderValue::from_static("true"));
    }
    if status.is_client_error() {
        headers.insert("stripe-should-retry", HeaderValue::from_static("false"));
    }
    response
}

fn header_str<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers.get(name).and_then(|value| value.to_str().ok())
}

fn is_form(headers: &HeaderMap) -> bool {
    header_str(headers, "content-type")
        .is_some_and(|ct| ct.starts_with("application/x-www-form-urlencoded"))
}

fn method_of(endpoint: &str) -> &str {
    endpoint.split(' ').next().unwrap_or_default()
}

fn string_or_null(value: &Value) -> Value {
    match value.as_str() {
        Some(text) => json!(text),
        None => Value::Null,
    }
}

/// 24 letters and digits that look like a client secret's tail, derived from `n`.
fn secret_suffix(n: u64) -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    let mut state = n.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03;
    (0..24)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let index = usize::try_from(state % ALPHABET.len() as u64).unwrap_or_default();
            char::from(ALPHABET[index])
        })
        .collect()
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut out, byte| {
            let _ = write!(out, "{byte:02x}");
            out
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_matches_an_independent_hmac() {
        // printf '1700000000.{"id":1}' | openssl dgst -sha256 -hmac 'whsec_test'
        assert_eq!(
            signature_header(br#"{"id":1}"#, "whsec_test", 1_700_000_000),
            "t=1700000000,v1=2f441ba4b3b2d50d28a9ab9d9fd8880376ecd1eb5d0435401553f5d8d0a5dcf8"
        );
    }

    #[test]
    fn ids_have_stripe_prefixes() {
        let mut ledger = Ledger::default();
        let id = ledger.id("pi");
        assert!(id.starts_with("pi_"));
        assert_eq!(id.len(), "pi_".len() + 24);
        assert_ne!(ledger.id("pi"), id);
    }

    #[test]
    fn secret_suffixes_differ() {
        assert_ne!(secret_suffix(1), secret_suffix(2));
        assert_eq!(secret_suffix(1).len(), 24);
    }
}
