//! The Stripe gateway (the real `async-stripe` client) against `fake-stripe`, and webhook
//! verification against events the fake signs as Stripe does.

// The gateway is compiled into this test directly, so the test does not depend on where
// `payments` is registered in the library (`api::payments::stripe`).
#[allow(dead_code)]
#[path = "../src/payments/stripe.rs"]
mod gateway;

use fake_stripe::{FakeStripe, Signing, WEBHOOK_SECRET};
use gateway::{
    IntentStatus, NewIntent, OffSession, RefundStatus, StripeError, StripeGateway, WebhookError,
    verify_webhook,
};
use serde_json::json;

const KEY: &str = "sk_test_gongbang_fake";

async fn setup() -> (FakeStripe, StripeGateway) {
    let fake = fake_stripe::start().await;
    let gateway = StripeGateway::new(KEY, Some(&fake.base_url())).expect("gateway");
    (fake, gateway)
}

fn order(key: &str) -> NewIntent<'_> {
    NewIntent {
        amount_krw: 35_000,
        customer: None,
        save_card_for_later: false,
        order_id: "GB-1001",
        idempotency_key: key,
    }
}

/// A paid deposit of ₩35,000 for order GB-1001.
async fn paid_intent(fake: &FakeStripe, gateway: &StripeGateway) -> String {
    let intent = gateway
        .create_payment_intent(&order("pay-paid"))
        .await
        .expect("intent");
    fake.succeed(&intent.id);
    intent.id
}

fn assert_rejected(result: Result<impl std::fmt::Debug, StripeError>, status: u16, kind: &str) {
    match result {
        Err(StripeError::Rejected {
            status: s, kind: k, ..
        }) if s == status && k == kind => {}
        other => panic!("expected {status} {kind}, got {other:?}"),
    }
}

#[tokio::test]
async fn customer_and_intent_arrive_as_sent() {
    let (fake, gateway) = setup().await;

    let customer = gateway
        .create_customer("mina@example.com", "MINA KIM", "customer-GB-1001")
        .await
        .expect("customer");
    assert!(customer.starts_with("cus_"), "{customer}");
    let stored = fake.customer(&customer).expect("stored customer");
    assert_eq!(stored["email"], "mina@example.com");
    assert_eq!(stored["name"], "MINA KIM");

    let new = NewIntent {
        customer: Some(customer.clone()),
        save_card_for_later: true,
        ..order("pay-GB-1001")
    };
    let intent = gateway.create_payment_intent(&new).await.expect("intent");
    assert!(intent.id.starts_with("pi_"), "{intent:?}");
    assert!(
        intent
            .client_secret
            .starts_with(&format!("{}_secret_", intent.id)),
        "{intent:?}"
    );
    assert_eq!(intent.status, IntentStatus::RequiresPaymentMethod);
    assert_eq!(intent.amount_krw, 35_000);

    let request = fake
        .last_request("POST /v1/payment_intents")
        .expect("request");
    assert_eq!(request.idempotency_key.as_deref(), Some("pay-GB-1001"));
    assert_eq!(
        request.params,
        json!({
            "amount": "35000",
            "currency": "krw",
            "customer": customer,
            "metadata": {"order_id": "GB-1001"},
            "setup_future_usage": "off_session",
            "automatic_payment_methods": {"enabled": "true"},
        })
    );
    let stored = fake.payment_intent(&intent.id).expect("stored intent");
    assert_eq!(stored["amount"], 35_000);
    assert_eq!(stored["currency"], "krw");
    assert_eq!(stored["customer"], json!(customer));
    assert_eq!(stored["metadata"], json!({"order_id": "GB-1001"}));
    assert_eq!(stored["setup_future_usage"], "off_session");
    assert_eq!(stored["client_secret"], json!(intent.client_secret));
}

#[tokio::test]
async fn an_intent_without_customer_does_not_save_the_card() {
    let (fake, gateway) = setup().await;
    gateway
        .create_payment_intent(&order("pay-1"))
        .await
        .expect("intent");
    let params = fake
        .last_request("POST /v1/payment_intents")
        .expect("request")
        .params;
    assert!(params.get("setup_future_usage").is_none(), "{params}");
    assert!(params.get("customer").is_none(), "{params}");
}

#[tokio::test]
async fn one_idempotency_key_creates_one_intent() {
    let (fake, gateway) = setup().await;
    let first = gateway
        .create_payment_intent(&order("pay-once"))
        .await
        .expect("first");
    let again = gateway
        .create_payment_intent(&order("pay-once"))
        .await
        .expect("again");
    assert_eq!(first, again);
    assert_eq!(fake.count("POST /v1/payment_intents"), 1);
    assert_eq!(fake.received("POST /v1/payment_intents"), 2);
    assert!(fake.requests()[1].replayed);

    let other_amount = NewIntent {
        amount_krw: 36_000,
        ..order("pay-once")
    };
    let result = gateway.create_payment_intent(&other_amount).await;
    assert_rejected(result, 400, "idempotency_error");
    assert_eq!(fake.count("POST /v1/payment_intents"), 1);
    assert_eq!(fake.payment_intents().len(), 1);

    // The key is scoped to its endpoint too.
    let result = gateway.cancel_payment_intent(&first.id, "pay-once").await;
    assert_rejected(result, 400, "idempotency_error");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_hundred_concurrent_calls_with_one_key_create_one_intent() {
    let (fake, gateway) = setup().await;
    let mut calls = tokio::task::JoinSet::new();
    for _ in 0..100 {
        let gateway = gateway.clone();
        calls.spawn(async move { gateway.create_payment_intent(&order("pay-burst")).await });
    }
    let mut ids = std::collections::BTreeSet::new();
    while let Some(result) = calls.join_next().await {
        ids.insert(result.expect("task").expect("intent").id);
    }
    assert_eq!(ids.len(), 1, "{ids:?}");
    assert_eq!(fake.count("POST /v1/payment_intents"), 1);
    assert_eq!(fake.received("POST /v1/payment_intents"), 100);
    assert_eq!(fake.payment_intents().len(), 1);
}

#[tokio::test]
async fn retrieve_and_cancel() {
    let (fake, gateway) = setup().await;
    let intent = gateway
        .create_payment_intent(&order("pay-2"))
        .await
        .expect("intent");

    let read = gateway
        .retrieve_payment_intent(&intent.id)
        .await
        .expect("retrieve");
    assert_eq!(read, intent);

    let canceled = gateway
        .cancel_payment_intent(&intent.id, "cancel-2")
        .await
        .expect("cancel");
    assert_eq!(canceled.status, IntentStatus::Canceled);
    assert_eq!(canceled.id, intent.id);
    let read = gateway
        .retrieve_payment_intent(&intent.id)
        .await
        .expect("retrieve");
    assert_eq!(read.status, IntentStatus::Canceled);
    // The same key answers the same cancellation again; the endpoint ran once.
    let again = gateway
        .cancel_payment_intent(&intent.id, "cancel-2")
        .await
        .expect("again");
    assert_eq!(again, canceled);
    assert_eq!(fake.count("POST /v1/payment_intents/{id}/cancel"), 1);

    match gateway.cancel_payment_intent(&intent.id, "cancel-2b").await {
        Err(StripeError::Rejected {
            status: 400,
            code: Some(code),
            ..
        }) => {
            assert_eq!(code, "payment_intent_unexpected_state");
        }
        other => panic!("cancelling twice: {other:?}"),
    }

    let paid = paid_intent(&fake, &gateway).await;
    let read = gateway
        .retrieve_payment_intent(&paid)
        .await
        .expect("retrieve");
    assert_eq!(read.status, IntentStatus::Succeeded);

    match gateway.retrieve_payment_intent("pi_missing").await {
        Err(StripeError::Rejected {
            status: 404,
            code: Some(code),
            message,
            ..
        }) => {
            assert_eq!(code, "resource_missing");
            assert!(message.contains("pi_missing"), "{message}");
        }
        other => panic!("unknown intent: {other:?}"),
    }
}

#[tokio::test]
async fn a_failed_payment_goes_back_to_requires_payment_method() {
    let (fake, gateway) = setup().await;
    let intent = gateway
        .create_payment_intent(&order("pay-3"))
        .await
        .expect("intent");
    let failed = fake.fail(&intent.id);
    assert_eq!(failed["last_payment_error"]["code"], "card_declined");
    let read = gateway
        .retrieve_payment_intent(&intent.id)
        .await
        .expect("retrieve");
    assert_eq!(read.status, IntentStatus::RequiresPaymentMethod);
}

#[tokio::test]
async fn refunds() {
    let (fake, gateway) = setup().await;
    let paid = paid_intent(&fake, &gateway).await;

    let refund = gateway
        .refund(&paid, 10_000, "GB-1001", "refund-1")
        .await
        .expect("refund");
    assert!(refund.id.starts_with("re_"), "{refund:?}");
    assert_eq!(refund.status, RefundStatus::Succeeded);
    assert_eq!(refund.amount_krw, 10_000);
    let stored = fake.refund(&refund.id).expect("stored refund");
    assert_eq!(stored["payment_intent"], json!(paid));
    assert_eq!(stored["currency"], "krw");
    assert_eq!(stored["metadata"], json!({"order_id": "GB-1001"}));

    let again = gateway
        .refund(&paid, 10_000, "GB-1001", "refund-1")
        .await
        .expect("again");
    assert_eq!(again, refund);
    assert_eq!(fake.count("POST /v1/refunds"), 1);

    match gateway.refund(&paid, 30_000, "GB-1001", "refund-2").await {
        Err(StripeError::Rejected {
            status: 400,
            code: Some(code),
            param,
            ..
        }) => {
            assert_eq!(code, "amount_too_large");
            assert_eq!(param.as_deref(), Some("amount"));
        }
        other => panic!("refunding more than was paid: {other:?}"),
    }
    let rest = gateway
        .refund(&paid, 25_000, "GB-1001", "refund-3")
        .await
        .expect("rest");
    assert_eq!(rest.amount_krw, 25_000);

    let unpaid = gateway
        .create_payment_intent(&order("pay-unpaid"))
        .await
        .expect("intent");
    let result = gateway
        .refund(&unpaid.id, 1_000, "GB-1001", "refund-4")
        .await;
    assert_rejected(result, 400, "invalid_request_error");
}

#[tokio::test]
async fn off_session_charge_succeeds() {
    let (fake, gateway) = setup().await;
    let customer = gateway
        .create_customer("a@example.com", "A", "cus-a")
        .await
        .expect("customer");
    let outcome = gateway
        .charge_off_session(
            &customer,
            "pm_card_visa",
            65_000,
            "GB-1001",
            "balance-GB-1001",
        )
        .await
        .expect("charge");
    let OffSession::Succeeded(intent) = outcome else {
        panic!("expected success, got {outcome:?}");
    };
    assert_eq!(intent.status, IntentStatus::Succeeded);
    assert_eq!(intent.amount_krw, 65_000);

    let params = fake
        .last_request("POST /v1/payment_intents")
        .expect("request")
        .params;
    assert_eq!(params["off_session"], "true");
    assert_eq!(params["confirm"], "true");
    assert_eq!(params["customer"], json!(customer));
    assert_eq!(params["payment_method"], "pm_card_visa");
    assert_eq!(params["currency"], "krw");
    assert_eq!(params["metadata"], json!({"order_id": "GB-1001"}));
    let stored = fake.payment_intent(&intent.id).expect("stored");
    assert_eq!(stored["amount_received"], 65_000);
    assert!(
        fake.charge(stored["latest_charge"].as_str().expect("charge id"))
            .is_some()
    );
}

#[tokio::test]
async fn off_session_decline_needs_the_traveller() {
    let (fake, gateway) = setup().await;
    let customer = gateway
        .create_customer("a@example.com", "A", "cus-a")
        .await
        .expect("customer");
    fake.decline_off_session(true);
    let charge =
        || gateway.charge_off_session(&customer, "pm_card_visa", 65_000, "GB-1001", "balance-1");
    let outcome = charge().await.expect("a decline is no error");
    assert_eq!(
        outcome,
        OffSession::NeedsTraveller("Your card has insufficient funds.".into())
    );
    let declined = fake.payment_intents().pop().expect("the declined intent");
    assert_eq!(declined["status"], "requires_payment_method");
    assert_eq!(
        declined["last_payment_error"]["decline_code"],
        "insufficient_funds"
    );

    // Stripe stores a decline under its key: the same key gives the same answer.
    assert_eq!(charge().await.expect("again"), outcome);
    assert_eq!(fake.count("POST /v1/payment_intents"), 1);

    fake.decline_off_session(false);
    fake.require_authentication_off_session(true);
    let outcome = gateway
        .charge_off_session(&customer, "pm_card_visa", 65_000, "GB-1001", "balance-2")
        .await
        .expect("authentication is no error");
    let OffSession::NeedsTraveller(message) = outcome else {
        panic!("expected NeedsTraveller, got {outcome:?}");
    };
    assert!(message.contains("requires authentication"), "{message}");
}

#[tokio::test]
async fn outages_and_bad_keys_are_told_apart() {
    let (fake, gateway) = setup().await;
    fake.outage(true);
    let err = gateway
        .create_payment_intent(&order("pay-4"))
        .await
        .expect_err("outage");
    assert!(matches!(err, StripeError::Unavailable(_)), "{err:?}");
    assert!(err.is_retryable());
    fake.outage(false);
    gateway
        .create_payment_intent(&order("pay-4"))
        .await
        .expect("after the outage");

    let live = StripeGateway::new("sk_live_nope", Some(&fake.base_url())).expect("gateway");
    let err = live
        .create_payment_intent(&order("pay-5"))
        .await
        .expect_err("bad key");
    assert!(
        matches!(err, StripeError::Rejected { status: 401, .. }),
        "{err:?}"
    );
    assert!(!err.is_retryable());

    let base = fake.base_url();
    drop(fake);
    tokio::task::yield_now().await;
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("port");
    let unreachable = format!("http://{}/", closed.local_addr().expect("addr"));
    drop(closed);
    let gone = StripeGateway::new(KEY, Some(&unreachable)).expect("gateway");
    let err = gone
        .retrieve_payment_intent("pi_1")
        .await
        .expect_err("unreachable");
    assert!(
        matches!(err, StripeError::Unavailable(_)),
        "{err:?} ({base})"
    );

    let err = gateway
        .create_payment_intent(&order(""))
        .await
        .expect_err("empty key");
    assert!(matches!(err, StripeError::Config(_)), "{err:?}");
    let long = "k".repeat(256);
    let err = gateway
        .create_payment_intent(&order(&long))
        .await
        .expect_err("long key");
    assert!(matches!(err, StripeError::Config(_)), "{err:?}");
}

#[tokio::test]
async fn a_base_url_without_trailing_slash_works() {
    let fake = fake_stripe::start().await;
    let base = fake.base_url();
    let gateway = StripeGateway::new(KEY, Some(base.trim_end_matches('/'))).expect("gateway");
    gateway
        .create_payment_intent(&order("pay-6"))
        .await
        .expect("intent");
}

fn secrets(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

#[tokio::test]
async fn a_valid_webhook_is_read() {
    let (fake, gateway) = setup().await;
    fake.set_now(1_760_000_000);
    let intent = gateway
        .create_payment_intent(&order("pay-7"))
        .await
        .expect("intent");
    let (payload, header) = fake.event("payment_intent.succeeded", fake.succeed(&intent.id));

    let event =
        verify_webhook(&payload, &header, &secrets(&[WEBHOOK_SECRET]), fake.now()).expect("valid");
    assert!(event.id.starts_with("evt_"), "{event:?}");
    assert_eq!(event.kind, "payment_intent.succeeded");
    assert_eq!(event.object_id.as_deref(), Some(intent.id.as_str()));
    assert_eq!(event.object["amount"], 35_000);
    assert_eq!(event.object["status"], "succeeded");
    assert_eq!(event.object["metadata"]["order_id"], "GB-1001");
    assert_eq!(event.created, 1_760_000_000);
}

#[tokio::test]
async fn tampered_or_wrongly_signed_webhooks_are_refused() {
    let (fake, gateway) = setup().await;
    let intent = gateway
        .create_payment_intent(&order("pay-8"))
        .await
        .expect("intent");
    let (payload, header) = fake.event("payment_intent.succeeded", fake.succeed(&intent.id));
    let ours = secrets(&[WEBHOOK_SECRET]);

    let text = String::from_utf8(payload.clone()).expect("utf-8");
    let tampered = text.replacen("35000", "3500", 1);
    assert_ne!(tampered, text);
    assert_eq!(
        verify_webhook(tampered.as_bytes(), &header, &ours, fake.now()),
        Err(WebhookError::SignatureMismatch)
    );
    assert_eq!(
        verify_webhook(
            &payload,
            &header,
            &secrets(&["whsec_someone_else"]),
            fake.now()
        ),
        Err(WebhookError::SignatureMismatch)
    );
    // Moving the timestamp breaks the signature.
    let (t, rest) = header.split_once(',').expect("t first");
    let t: i64 = t.trim_start_matches("t=").parse().expect("t");
    let moved = format!("t={},{rest}", t + 1);
    assert_eq!(
        verify_webhook(&payload, &moved, &ours, fake.now()),
        Err(WebhookError::SignatureMismatch)
    );
    assert_eq!(
        verify_webhook(&payload, "", &ours, fake.now()),
        Err(WebhookError::MalformedHeader)
    );
}

#[tokio::test]
async fn any_of_several_secrets_and_signatures_may_match() {
    let (fake, gateway) = setup().await;
    let intent = gateway
        .create_payment_intent(&order("pay-9"))
        .await
        .expect("intent");
    let object = fake.payment_intent(&intent.id).expect("intent");
    let (old, new) = ("whsec_old_secret", "whsec_new_secret");

    // Rotation on our side: we accept the old and the new secret.
    let (payload, header) =
        fake.event_with("payment_intent.created", object.clone(), &Signing::new(new));
    let both = secrets(&[old, new]);
    assert!(verify_webhook(&payload, &header, &both, fake.now()).is_ok());
    assert_eq!(
        verify_webhook(&payload, &header, &secrets(&[old]), fake.now()),
        Err(WebhookError::SignatureMismatch)
    );

    // Rotation on Stripe's side: one header, a v1 per secret; either secret verifies.
    let signing = Signing::new(new).also_signed_with(old);
    let (payload, header) = fake.event_with("payment_intent.created", object.clone(), &signing);
    assert_eq!(header.matches("v1=").count(), 2, "{header}");
    assert!(verify_webhook(&payload, &header, &secrets(&[old]), fake.now()).is_ok());
    assert!(verify_webhook(&payload, &header, &secrets(&[new]), fake.now()).is_ok());

    // Garbage v1 values before the real one do not hide it.
    let signing = Signing::new(WEBHOOK_SECRET)
        .extra_v1("00".repeat(32))
        .extra_v1("not-hex");
    let (payload, header) = fake.event_with("payment_intent.created", object.clone(), &signing);
    assert_eq!(header.matches("v1=").count(), 3, "{header}");
    assert!(verify_webhook(&payload, &header, &secrets(&[WEBHOOK_SECRET]), fake.now()).is_ok());

    // Only garbage: refused.
    let signing = Signing::new("whsec_unknown").extra_v1("00".repeat(32));
    let (payload, header) = fake.event_with("payment_intent.created", object, &signing);
    assert_eq!(
        verify_webhook(&payload, &header, &secrets(&[WEBHOOK_SECRET]), fake.now()),
        Err(WebhookError::SignatureMismatch)
    );
}

#[tokio::test]
async fn stale_and_future_timestamps_are_refused() {
    let (fake, gateway) = setup().await;
    let intent = gateway
        .create_payment_intent(&order("pay-10"))
        .await
        .expect("intent");
    let object = fake.payment_intent(&intent.id).expect("intent");
    let ours = secrets(&[WEBHOOK_SECRET]);
    let signed_aged = |age| {
        let signing = Signing::new(WEBHOOK_SECRET).aged(age);
        let (payload, header) = fake.event_with("payment_intent.created", object.clone(), &signing);
        verify_webhook(&payload, &header, &ours, fake.now())
    };
    fake.set_now(1_760_000_000);
    assert!(signed_aged(300).is_ok());
    assert_eq!(
        signed_aged(301),
        Err(WebhookError::OutsideTolerance { age_secs: 301 })
    );
    assert_eq!(
        signed_aged(86_400),
        Err(WebhookError::OutsideTolerance { age_secs: 86_400 })
    );
    assert!(signed_aged(-300).is_ok());
    assert_eq!(
        signed_aged(-301),
        Err(WebhookError::OutsideTolerance { age_secs: -301 })
    );
}
