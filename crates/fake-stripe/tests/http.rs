//! The fake at the HTTP level, as any Stripe client sees it.

use fake_stripe::{FakeStripe, WEBHOOK_SECRET, signature_header};
use serde_json::Value;

const KEY: &str = "Bearer sk_test_fake";

struct Answer {
    status: u16,
    replayed: bool,
    body: Value,
}

async fn call(
    fake: &FakeStripe,
    method: &str,
    path: &str,
    form: &str,
    key: Option<&str>,
) -> Answer {
    call_as(fake, Some(KEY), method, path, form, key).await
}

async fn call_as(
    fake: &FakeStripe,
    auth: Option<&str>,
    method: &str,
    path: &str,
    form: &str,
    key: Option<&str>,
) -> Answer {
    let url = format!("{}{}", fake.base_url(), path.trim_start_matches('/'));
    let client = reqwest::Client::new();
    let mut request = match method {
        "GET" => client.get(format!("{url}?{form}")),
        _ => client
            .post(url)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(form.to_owned()),
    };
    if let Some(auth) = auth {
        request = request.header("authorization", auth);
    }
    if let Some(key) = key {
        request = request.header("idempotency-key", key);
    }
    let response = request.send().await.expect("the fake answers");
    let status = response.status().as_u16();
    let replayed = response.headers().get("idempotent-replayed").is_some();
    let body = response.json().await.expect("JSON");
    Answer {
        status,
        replayed,
        body,
    }
}

async fn new_intent(fake: &FakeStripe, extra: &str) -> Value {
    let form = format!("amount=35000&currency=krw&metadata[order_id]=GB-1{extra}");
    let answer = call(fake, "POST", "/v1/payment_intents", &form, None).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    answer.body
}

#[tokio::test]
async fn objects_start_from_stripes_fixtures_with_the_requested_fields() {
    let fake = fake_stripe::start().await;
    fake.set_now(1_760_000_000);
    let form = "email=a%40example.com&name=MINA+KIM&metadata[traveller]=t1";
    let customer = call(&fake, "POST", "/v1/customers", form, None).await.body;
    assert_eq!(customer["object"], "customer");
    assert_eq!(customer["email"], "a@example.com");
    assert_eq!(customer["name"], "MINA KIM");
    assert_eq!(customer["metadata"]["traveller"], "t1");
    assert_eq!(customer["created"], 1_760_000_000);
    assert_eq!(customer["tax_exempt"], "none", "a fixture field is kept");
    let cus = customer["id"].as_str().expect("id");
    let read = call(&fake, "GET", &format!("/v1/customers/{cus}"), "", None).await;
    assert_eq!(read.body, customer);

    let form = format!(
        "amount=35000&currency=krw&customer={cus}&setup_future_usage=off_session\
         &automatic_payment_methods[enabled]=true&metadata[order_id]=GB-1"
    );
    let pi = call(&fake, "POST", "/v1/payment_intents", &form, None)
        .await
        .body;
    let id = pi["id"].as_str().expect("id");
    assert!(id.starts_with("pi_"));
    assert!(
        pi["client_secret"]
            .as_str()
            .expect("secret")
            .starts_with(&format!("{id}_secret_"))
    );
    assert_eq!(pi["amount"], 35_000);
    assert_eq!(pi["currency"], "krw");
    assert_eq!(pi["customer"], cus);
    assert_eq!(pi["setup_future_usage"], "off_session");
    assert_eq!(pi["status"], "requires_payment_method");
    assert_eq!(pi["automatic_payment_methods"]["enabled"], true);
    assert_eq!(pi["metadata"]["order_id"], "GB-1");
    assert_eq!(
        pi["confirmation_method"], "automatic",
        "a fixture field is kept"
    );
    assert!(pi["last_payment_error"].is_null());
}

#[tokio::test]
async fn api_keys_are_required() {
    let fake = fake_stripe::start().await;
    let form = "amount=1&currency=krw";
    for auth in [
        None,
        Some("Bearer sk_live_x"),
        Some("Bearer pk_test_x"),
        Some("Basic abc"),
    ] {
        let answer = call_as(&fake, auth, "POST", "/v1/payment_intents", form, None).await;
        assert_eq!(answer.status, 401, "{auth:?}");
        assert_eq!(answer.body["error"]["type"], "invalid_request_error");
    }
    assert_eq!(fake.count("POST /v1/payment_intents"), 0);
    assert_eq!(fake.received("POST /v1/payment_intents"), 4);
}

#[tokio::test]
async fn validation_like_stripe() {
    let fake = fake_stripe::start().await;
    let cases = [
        ("currency=krw", "amount", "parameter_missing"),
        ("amount=35000", "currency", "parameter_missing"),
        (
            "amount=abc&currency=krw",
            "amount",
            "parameter_invalid_integer",
        ),
        (
            "amount=0&currency=krw",
            "amount",
            "parameter_invalid_integer",
        ),
        (
            "amount=100000000&currency=krw",
            "amount",
            "amount_too_large",
        ),
        (
            "amount=1&currency=krw&customer=cus_nobody",
            "customer",
            "resource_missing",
        ),
        (
            "amount=1&currency=krw&colour=red",
            "colour",
            "parameter_unknown",
        ),
    ];
    for (form, param, code) in cases {
        let answer = call(&fake, "POST", "/v1/payment_intents", form, Some(form)).await;
        assert_eq!(answer.status, 400, "{form}: {}", answer.body);
        assert_eq!(answer.body["error"]["param"], param, "{form}");
        assert_eq!(answer.body["error"]["code"], code, "{form}");
    }
    // Validation failures are not kept under their idempotency key.
    let answer = call(
        &fake,
        "POST",
        "/v1/payment_intents",
        "currency=krw",
        Some("currency=krw"),
    )
    .await;
    assert!(!answer.replayed);

    let answer = call(&fake, "GET", "/v1/charges", "", None).await;
    assert_eq!(answer.status, 404);
    assert!(
        answer.body["error"]["message"]
            .as_str()
            .expect("message")
            .contains("Unrecognized")
    );

    let client = reqwest::Client::new();
    let response = client
        .post(format!("{}v1/customers", fake.base_url()))
        .header("authorization", KEY)
        .header("content-type", "application/json")
        .body(r#"{"email":"a@example.com"}"#)
        .send()
        .await
        .expect("answer");
    assert_eq!(response.status().as_u16(), 400);
}

#[tokio::test]
async fn idempotency_keys_like_stripe() {
    let fake = fake_stripe::start().await;
    let form = "amount=35000&currency=krw&metadata[order_id]=GB-1";
    let first = call(&fake, "POST", "/v1/payment_intents", form, Some("k1")).await;
    // Same parameters in another order are the same request.
    let same = "metadata[order_id]=GB-1&currency=krw&amount=35000";
    let again = call(&fake, "POST", "/v1/payment_intents", same, Some("k1")).await;
    assert!(again.replayed);
    assert_eq!(again.body, first.body);
    assert_eq!(fake.count("POST /v1/payment_intents"), 1);

    let other = call(
        &fake,
        "POST",
        "/v1/payment_intents",
        "amount=1&currency=krw",
        Some("k1"),
    )
    .await;
    assert_eq!(other.status, 400);
    assert_eq!(other.body["error"]["type"], "idempotency_error");
    let other = call(&fake, "POST", "/v1/customers", "", Some("k1")).await;
    assert_eq!(other.status, 400);
    assert_eq!(other.body["error"]["type"], "idempotency_error");

    // GETs ignore keys.
    let id = first.body["id"].as_str().expect("id");
    let path = format!("/v1/payment_intents/{id}");
    call(&fake, "GET", &path, "", Some("k1")).await;
    let read = call(&fake, "GET", &path, "", Some("k1")).await;
    assert_eq!(read.status, 200);
    assert!(!read.replayed);
    assert_eq!(fake.count("GET /v1/payment_intents/{id}"), 2);
    assert_eq!(fake.count(&format!("GET {path}")), 2);
}

#[tokio::test]
async fn confirm_succeeds_or_declines_off_session() {
    let fake = fake_stripe::start().await;
    let pi = new_intent(&fake, "").await;
    let id = pi["id"].as_str().expect("id");
    let confirm = format!("/v1/payment_intents/{id}/confirm");

    let answer = call(&fake, "POST", &confirm, "", None).await;
    assert_eq!(answer.status, 400, "no payment method: {}", answer.body);

    fake.decline_off_session(true);
    let form = "payment_method=pm_card_visa&off_session=true";
    let answer = call(&fake, "POST", &confirm, form, Some("c1")).await;
    assert_eq!(answer.status, 402);
    let error = &answer.body["error"];
    assert_eq!(error["type"], "card_error");
    assert_eq!(error["code"], "card_declined");
    assert_eq!(error["decline_code"], "insufficient_funds");
    assert_eq!(error["payment_intent"]["id"], id);
    assert_eq!(error["payment_intent"]["status"], "requires_payment_method");
    let charge = error["charge"].as_str().expect("failed charge");
    assert_eq!(fake.charge(charge).expect("charge")["status"], "failed");
    // A decline is kept under its key.
    assert!(
        call(&fake, "POST", &confirm, form, Some("c1"))
            .await
            .replayed
    );

    // On-session confirmations are not affected by the switch.
    let answer = call(&fake, "POST", &confirm, "payment_method=pm_card_visa", None).await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.body["status"], "succeeded");
    assert_eq!(answer.body["amount_received"], 35_000);

    let answer = call(&fake, "POST", &confirm, "payment_method=pm_card_visa", None).await;
    assert_eq!(answer.status, 400);
    assert_eq!(
        answer.body["error"]["code"],
        "payment_intent_unexpected_state"
    );

    fake.decline_off_session(false);
    let pi = new_intent(&fake, "b").await;
    let confirm = format!(
        "/v1/payment_intents/{}/confirm",
        pi["id"].as_str().expect("id")
    );
    let answer = call(&fake, "POST", &confirm, form, None).await;
    assert_eq!(answer.body["status"], "succeeded");
    assert_eq!(fake.count("POST /v1/payment_intents/{id}/confirm"), 5);
}

#[tokio::test]
async fn test_controls_move_intents() {
    let fake = fake_stripe::start().await;
    let pi = new_intent(&fake, "").await;
    let id = pi["id"].as_str().expect("id");
    let paid = fake.succeed(id);
    assert_eq!(paid["status"], "succeeded");
    assert!(
        paid["payment_method"]
            .as_str()
            .expect("pm")
            .starts_with("pm_")
    );
    let read = call(&fake, "GET", &format!("/v1/payment_intents/{id}"), "", None).await;
    assert_eq!(read.body, paid);

    let pi = new_intent(&fake, "b").await;
    let failed = fake.fail(pi["id"].as_str().expect("id"));
    assert_eq!(failed["status"], "requires_payment_method");
    assert_eq!(failed["last_payment_error"]["type"], "card_error");
}

#[tokio::test]
async fn refunds_follow_the_charge() {
    let fake = fake_stripe::start().await;
    let pi = new_intent(&fake, "").await;
    let id = pi["id"].as_str().expect("id");
    fake.succeed(id);
    let form = format!("payment_intent={id}&amount=5000&metadata[order_id]=GB-1");
    let refund = call(&fake, "POST", "/v1/refunds", &form, None).await.body;
    assert!(refund["id"].as_str().expect("id").starts_with("re_"));
    assert_eq!(refund["amount"], 5_000);
    assert_eq!(refund["status"], "succeeded");
    let charge = fake
        .charge(refund["charge"].as_str().expect("charge"))
        .expect("charge");
    assert_eq!(charge["amount_refunded"], 5_000);
    let path = format!("/v1/refunds/{}", refund["id"].as_str().expect("id"));
    assert_eq!(call(&fake, "GET", &path, "", None).await.body, refund);

    // Without an amount, the rest is refunded; then nothing is left.
    let rest = call(
        &fake,
        "POST",
        "/v1/refunds",
        &format!("payment_intent={id}"),
        None,
    )
    .await;
    assert_eq!(rest.body["amount"], 30_000);
    let none = call(
        &fake,
        "POST",
        "/v1/refunds",
        &format!("payment_intent={id}"),
        None,
    )
    .await;
    assert_eq!(none.status, 400);
    assert_eq!(none.body["error"]["code"], "charge_already_refunded");
    assert_eq!(
        call(&fake, "GET", "/v1/refunds/re_nope", "", None)
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn events_are_signed_like_stripe() {
    let fake = fake_stripe::start().await;
    fake.set_now(1_760_000_000);
    let pi = new_intent(&fake, "").await;
    let (payload, header) = fake.event("payment_intent.created", pi.clone());
    let event: Value = serde_json::from_slice(&payload).expect("JSON");
    assert!(event["id"].as_str().expect("id").starts_with("evt_"));
    assert_eq!(event["object"], "event");
    assert_eq!(event["type"], "payment_intent.created");
    assert_eq!(event["created"], 1_760_000_000);
    assert_eq!(event["data"]["object"], pi);
    assert_eq!(
        header,
        signature_header(&payload, WEBHOOK_SECRET, 1_760_000_000)
    );
}
