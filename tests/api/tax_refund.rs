//! The immediate tax refund cannot be gamed (issue 11, item 7): an order is one purchase
//! on one tax-free form whatever the number of handovers, so splitting a pickup never
//! refunds more than collecting it at once and a purchase above ₩1,000,000 gets no
//! immediate refund however it is split; and one traveller's forms on one trip cover at
//! most ₩5,000,000 of purchases, across all of the traveller's orders.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::counter::{
    REFUND_85_000, REFUND_120_000, SHARE_OF_85_000_IN_120_000, deliver, people, place, place_for,
    ticket_id,
};
use crate::helpers::*;

crate::on_both_databases! {
    a_purchase_above_the_limit_gets_no_immediate_refund_however_it_is_split,
    a_split_pickup_refunds_what_one_pickup_refunds,
    one_trip_refunds_at_most_five_million_won_of_purchases,
}

/// The immediate refund of the standard table (`domain::tax_free::RefundTable::standard`)
/// for ₩1,000,000, as its published brackets say: it falls in ₩965,000–1,000,000
/// (₩58,400).
const REFUND_1_000_000: i64 = 58_400;

const MIA: &str = "Mia Tanaka";

fn who(name: &str) -> Value {
    json!({ "name": name, "passport_last4": "7K2Q", "balance_method": "cash" })
}

fn refunded_in_total(handovers: &[&Value]) -> i64 {
    handovers
        .iter()
        .map(|h| h["tax_refund_krw"].as_i64().expect("a refund"))
        .sum()
}

async fn a_purchase_above_the_limit_gets_no_immediate_refund_however_it_is_split(app: TestApp) {
    let (desk, _, maker) = people(&app).await;
    // Ten wallets and nine wallets: ₩850,000 + ₩765,000 = ₩1,615,000, one purchase.
    let order = place(&app, &[("card-wallet", 10), ("card-wallet", 9)]).await;
    deliver(&maker, &desk, &order).await;
    let found = expect_status(desk.lookup(&order.code).await, StatusCode::OK).await;
    assert_eq!(found["tax_refund_krw"], 0, "{found}");
    assert_eq!(found["tax_refund"]["purchase_krw"], 1_615_000);
    assert_eq!(found["tax_refund"]["eligibility"], "above-maximum");
    assert_eq!(
        found["tax_refund"]["form"],
        Value::Null,
        "no form before a handover"
    );

    // Collected in two halves, each of which alone would be below ₩1,000,000.
    let mut body = who(MIA);
    body["ticket_ids"] = json!([ticket_id(&order.tickets[0])]);
    let first = expect_status(
        desk.hand_over(&order.code, &body).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(first["goods_value_krw"], 850_000);
    assert_eq!(first["tax_refund_krw"], 0, "{first}");
    assert_eq!(first["tax_refund"]["eligibility"], "above-maximum");
    let form = first["tax_refund"]["form"]
        .as_str()
        .expect("a form")
        .to_owned();
    let detail = first["tax_refund"]["detail"].as_str().unwrap();
    assert!(
        detail.contains(&form) && detail.contains("₩1,615,000") && detail.contains("₩1,000,000"),
        "{detail}"
    );

    let found = expect_status(desk.lookup(&order.code).await, StatusCode::OK).await;
    assert_eq!(found["goods_at_counter_krw"], 765_000);
    assert_eq!(found["tax_refund_krw"], 0, "{found}");
    assert_eq!(found["tax_refund"]["form"], form.as_str());
    let second = expect_status(
        desk.hand_over(&order.code, &who(MIA)).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(second["goods_value_krw"], 765_000);
    assert_eq!(second["tax_refund_krw"], 0, "{second}");
    assert_eq!(
        second["tax_refund"]["form"],
        form.as_str(),
        "one form per order"
    );
    assert_eq!(refunded_in_total(&[&first, &second]), 0);
    assert_eq!(
        app.count("SELECT CAST(COALESCE(SUM(tax_refund_krw), 0) AS BIGINT) FROM handovers")
            .await,
        0
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM tax_free_forms").await, 1);
}

async fn a_split_pickup_refunds_what_one_pickup_refunds(app: TestApp) {
    let (desk, _, maker) = people(&app).await;
    // A wallet and a key holder, ₩120,000, collected at once...
    let whole = place(&app, &[("card-wallet", 1), ("key-holder", 1)]).await;
    deliver(&maker, &desk, &whole).await;
    let at_once = expect_status(
        desk.hand_over(&whole.code, &who(MIA)).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(at_once["tax_refund_krw"], REFUND_120_000, "{at_once}");

    // ...and the same goods collected in two parts: the form is the order's, and each
    // handover pays the share of the form's refund for the goods it hands over.
    let split = place(&app, &[("card-wallet", 1), ("key-holder", 1)]).await;
    deliver(&maker, &desk, &split).await;
    let mut body = who(MIA);
    body["ticket_ids"] = json!([ticket_id(&split.tickets[0])]);
    let first = expect_status(
        desk.hand_over(&split.code, &body).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(first["goods_value_krw"], 85_000);
    assert_eq!(
        first["tax_refund_krw"], SHARE_OF_85_000_IN_120_000,
        "{first}"
    );
    assert_eq!(first["tax_refund"]["purchase_krw"], 120_000);
    assert_eq!(first["tax_refund"]["form_refund_krw"], REFUND_120_000);
    assert_eq!(first["tax_refund"]["eligibility"], "eligible");
    let found = expect_status(desk.lookup(&split.code).await, StatusCode::OK).await;
    assert_eq!(
        found["tax_refund_krw"],
        REFUND_120_000 - SHARE_OF_85_000_IN_120_000
    );
    assert_eq!(
        found["tax_refund"]["refunded_on_form_krw"],
        SHARE_OF_85_000_IN_120_000
    );
    let second = expect_status(
        desk.hand_over(&split.code, &who(MIA)).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(refunded_in_total(&[&first, &second]), REFUND_120_000);
    assert_eq!(second["tax_refund"]["form"], first["tax_refund"]["form"]);
    assert_ne!(
        first["tax_refund"]["form"], at_once["tax_refund"]["form"],
        "one form per order"
    );
    // Both forms are on Mia's trip: the second one says what the first refunded.
    assert_eq!(second["tax_refund"]["trip_refunded_krw"], REFUND_120_000);
    assert_eq!(second["tax_refund"]["trip_purchases_krw"], 120_000);
    assert_eq!(second["tax_refund"]["trip_cap_krw"], 5_000_000);
}

async fn one_trip_refunds_at_most_five_million_won_of_purchases(app: TestApp) {
    let (desk, _, maker) = people(&app).await;
    // Five orders of one key holder each, made ₩1,000,000 purchases in the database (no
    // demo product paid at the counter costs that much).
    let mut orders = Vec::new();
    for _ in 0..5 {
        orders.push(place(&app, &[("key-holder", 1)]).await);
    }
    app.execute("UPDATE order_items SET line_total_krw = 1000000 WHERE line_total_krw = 35000")
        .await;
    for (index, order) in orders.iter().enumerate() {
        deliver(&maker, &desk, order).await;
        let handed = expect_status(
            desk.hand_over(&order.code, &who(MIA)).await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(handed["tax_refund_krw"], REFUND_1_000_000, "{handed}");
        let before = i64::try_from(index).unwrap() * 1_000_000;
        assert_eq!(handed["tax_refund"]["trip_purchases_krw"], before);
    }

    // A sixth order on the same trip, placed with the name written otherwise: the same
    // traveller (passport digits and name as on the passport), over the trip's cap.
    let mia_again = json!({ "name": "MIA  tanaka", "email": "other@example.jp", "passport_last4": "7k2q", "language": "en" });
    let sixth = place_for(&app, &[("card-wallet", 1)], mia_again).await;
    deliver(&maker, &desk, &sixth).await;
    let found = expect_status(desk.lookup(&sixth.code).await, StatusCode::OK).await;
    assert_eq!(found["tax_refund_krw"], 0, "{found}");
    assert_eq!(found["tax_refund"]["eligibility"], "over-trip-cap");
    let handed = expect_status(
        desk.hand_over(&sixth.code, &who(MIA)).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(handed["tax_refund_krw"], 0, "{handed}");
    assert_eq!(handed["tax_refund"]["eligibility"], "over-trip-cap");
    assert_eq!(handed["tax_refund"]["trip_purchases_krw"], 5_000_000);
    assert_eq!(
        handed["tax_refund"]["trip_refunded_krw"],
        5 * REFUND_1_000_000
    );
    let detail = handed["tax_refund"]["detail"].as_str().unwrap();
    assert!(detail.contains("₩5,000,000"), "{detail}");

    // Another traveller on the same dates has a cap of their own.
    let someone = json!({ "name": "Noa Berg", "email": "noa@example.se", "passport_last4": "4411", "language": "en" });
    let theirs = place_for(&app, &[("card-wallet", 1)], someone).await;
    deliver(&maker, &desk, &theirs).await;
    let mut body = who("Noa Berg");
    body["passport_last4"] = json!("4411");
    let handed = expect_status(
        desk.hand_over(&theirs.code, &body).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(handed["tax_refund_krw"], REFUND_85_000, "{handed}");

    assert_eq!(
        app.count("SELECT CAST(COALESCE(SUM(tax_refund_krw), 0) AS BIGINT) FROM handovers")
            .await,
        5 * REFUND_1_000_000 + REFUND_85_000
    );
}
