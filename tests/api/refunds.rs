//! Money that must not go astray: a refund decided while Stripe is down is kept as a
//! pending refund and sent by the refund worker once Stripe is back, exactly once however
//! many server processes run it; an operator's confirmation records how the order was
//! paid and cancels the card payment it no longer needs.

use reqwest::StatusCode;
use serde_json::json;
use time::Duration;

use fake_stripe::WEBHOOK_SECRET;

use crate::helpers::*;
use crate::payments::{
    RESERVED_MINUTES, card_shirt, deposit_intent, id_token, money_adds_up, operator, order_view,
    pay_deposit, state_at,
};

const REFUNDS_SENT: &str = "POST /v1/refunds";

async fn a_refund_decided_while_stripe_is_down_is_sent_once_when_it_is_back(app: TestApp) {
    let operator = operator(&app).await;
    let created = card_shirt(&app).await;
    let (id, token) = id_token(&created);
    let deposit = created["deposit_krw"].as_i64().unwrap();
    pay_deposit(&app, &id).await;

    app.stripe.outage(true);
    let cancelled = expect_status(app.cancel(&id, &token).await, StatusCode::OK).await;
    assert_eq!(cancelled["status"], "cancelled");
    assert_eq!(cancelled["money"]["refunds_pending_krw"], deposit);
    assert_eq!(cancelled["money"]["refunded_krw"], 0);
    assert_eq!(app.count(RESERVED_MINUTES).await, 0, "the hours are free");
    let again = app.cancel(&id, &token).await;
    expect_problem(again, StatusCode::CONFLICT, "order-state").await;

    // The worker tries while Stripe is still down: nothing is lost, nothing is sent.
    let soon = state_at(&app, NOW + Duration::minutes(5), &[WEBHOOK_SECRET]).await;
    assert_eq!(api::processes::refunds::retry_due(&soon).await.unwrap(), 0);
    assert_eq!(app.stripe.count(REFUNDS_SENT), 0);
    let waiting = order_view(&app, &id, &token).await;
    assert_eq!(waiting["money"]["refunds_pending_krw"], deposit);

    // Stripe is back; two server processes run their workers at the same moment.
    app.stripe.outage(false);
    let later = NOW + Duration::hours(2);
    let first = state_at(&app, later, &[WEBHOOK_SECRET]).await;
    let second = state_at(&app, later, &[WEBHOOK_SECRET]).await;
    let (a, b) = tokio::join!(
        api::processes::refunds::retry_due(&first),
        api::processes::refunds::retry_due(&second)
    );
    assert_eq!(
        a.unwrap() + b.unwrap(),
        1,
        "one refund sent, by one process"
    );
    assert_eq!(app.stripe.count(REFUNDS_SENT), 1);
    let request = app.stripe.last_request(REFUNDS_SENT).unwrap();
    assert_eq!(request.params["amount"], deposit.to_string());
    assert!(request.idempotency_key.is_some());

    let money = money_adds_up(&app, &operator, &id, &token).await;
    assert_eq!(money["refunded_krw"], deposit);
    assert_eq!(money["refunds_pending_krw"], 0);
    assert_eq!(api::processes::refunds::retry_due(&first).await.unwrap(), 0);
    assert_eq!(app.stripe.count(REFUNDS_SENT), 1, "never twice");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM refunds WHERE status = 'succeeded'")
            .await,
        1
    );
}

async fn an_operator_confirmation_records_the_payment_and_cancels_the_card_payment(app: TestApp) {
    let operator = operator(&app).await;
    let created = card_shirt(&app).await;
    let (id, token) = id_token(&created);
    let total = created["total_krw"].as_i64().unwrap();
    let intent = deposit_intent(&app, &id);
    let url = app.url(&format!("/api/v1/admin/orders/{id}/confirm"));
    let confirm = |body: serde_json::Value| {
        let request = app.client.post(&url).bearer_auth(&operator).json(&body);
        async move { request.send().await.unwrap() }
    };

    let unpaid = confirm(json!({ "note": "bank transfer received" })).await;
    expect_problem(unpaid, StatusCode::UNPROCESSABLE_ENTITY, "invalid-field").await;
    let too_much = json!({ "note": "transfer", "paid_krw": total + 1, "paid_by": "bank_transfer" });
    expect_problem(
        confirm(too_much).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid-field",
    )
    .await;
    assert_eq!(order_view(&app, &id, &token).await["status"], "placed");

    let paid =
        json!({ "note": "bank transfer received", "paid_krw": total, "paid_by": "bank_transfer" });
    expect_status(confirm(paid).await, StatusCode::OK).await;
    let order = order_view(&app, &id, &token).await;
    assert_eq!(order["status"], "confirmed");
    assert_eq!(order["money"]["paid_krw"], total);
    assert_eq!(order["money"]["due_krw"], 0, "the counter collects nothing");
    let at_stripe = app
        .stripe
        .payment_intent(intent["id"].as_str().unwrap())
        .unwrap();
    assert_eq!(
        at_stripe["status"], "canceled",
        "the card payment can no longer be taken"
    );
    money_adds_up(&app, &operator, &id, &token).await;
}

crate::on_both_databases! {
    a_refund_decided_while_stripe_is_down_is_sent_once_when_it_is_back,
    an_operator_confirmation_records_the_payment_and_cancels_the_card_payment,
}
