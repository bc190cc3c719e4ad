//! The counter: receiving goods, looking orders up by pickup code, handing over with the
//! identity check, the tax refund and the balance, partial pickups, no-shows, the day's
//! lists, and the limit on guessing pickup codes.

use reqwest::{Client, Response, StatusCode};
use serde_json::{Value, json};
use time::macros::datetime;

use crate::helpers::*;

crate::on_both_databases! {
    an_order_lives_from_the_workshop_to_the_traveller,
    a_two_item_order_can_be_collected_in_parts,
    staff_see_only_their_own_side,
    guessing_pickup_codes_is_limited,
    the_tax_refund_follows_the_immediate_refund_rules,
    a_no_show_comes_only_after_the_deadline_and_a_late_pickup_still_works,
    the_day_lists_show_what_is_due_and_what_is_coming,
    simultaneous_handovers_hand_over_once,
}

const DESK: &str = "desk@icn-t1.example";
const OTHER_DESK: &str = "desk@icn-t2.example";
const MAKER: &str = "maker@seochon.example";

/// A signed-in staff member talking to one server.
#[derive(Clone)]
pub(crate) struct Session {
    client: Client,
    base: String,
    token: String,
}

impl Session {
    pub(crate) async fn get(&self, path: &str) -> Response {
        let request = self
            .client
            .get(format!("{}{path}", self.base))
            .bearer_auth(&self.token);
        request.send().await.expect("request")
    }

    pub(crate) async fn post(&self, path: &str, body: &Value) -> Response {
        let request = self
            .client
            .post(format!("{}{path}", self.base))
            .bearer_auth(&self.token)
            .json(body);
        request.send().await.expect("request")
    }

    pub(crate) async fn receive(&self, tickets: Value) -> Value {
        let response = self
            .post(
                "/api/v1/counter/receipts",
                &json!({ "ticket_ids": tickets }),
            )
            .await;
        expect_status(response, StatusCode::OK).await
    }

    pub(crate) async fn lookup(&self, code: &str) -> Response {
        self.get(&format!("/api/v1/counter/pickups/{code}")).await
    }

    pub(crate) async fn hand_over(&self, code: &str, body: &Value) -> Response {
        self.post(&format!("/api/v1/counter/pickups/{code}/handover"), body)
            .await
    }

    pub(crate) async fn no_show(&self, code: &str) -> Response {
        self.post(
            &format!("/api/v1/counter/pickups/{code}/no-show"),
            &json!({}),
        )
        .await
    }

    /// Moves a ticket through the workshop's steps up to `dispatched`.
    pub(crate) async fn dispatch(&self, ticket: &str) {
        for status in [
            "accepted",
            "in_production",
            "quality_check",
            "ready",
            "dispatched",
        ] {
            let path = format!("/api/v1/workshop/tickets/{ticket}/status");
            let response = self.post(&path, &json!({ "status": status })).await;
            expect_status(response, StatusCode::OK).await;
        }
    }
}

/// Adds a staff account and signs it in on the app's server.
async fn staff(app: &TestApp, email: &str, role: &str, place: Option<i64>) -> Session {
    let token = app.sign_in(email, role, place).await;
    Session {
        client: app.client.clone(),
        base: app.base.clone(),
        token,
    }
}

/// Signs an existing account in on another server.
async fn staff_at(base: &str, email: &str) -> Session {
    let client = Client::new();
    let credentials = json!({ "email": email, "password": STAFF_PASSWORD });
    let response = client
        .post(format!("{base}/api/v1/staff/login"))
        .json(&credentials)
        .send()
        .await
        .expect("request");
    let body = expect_status(response, StatusCode::OK).await;
    let token = body["token"].as_str().expect("token").to_owned();
    Session {
        client,
        base: base.to_owned(),
        token,
    }
}

/// A placed order: its id, token, pickup code and the printed numbers of its tickets.
pub(crate) struct Placed {
    pub(crate) id: String,
    pub(crate) token: String,
    pub(crate) code: String,
    pub(crate) tickets: Vec<String>,
    pub(crate) body: Value,
}

/// Places an order of pay-at-counter goods (confirmed at once, with tickets) collected
/// at Incheon T1 on the comfortable trip.
pub(crate) async fn place(app: &TestApp, lines: &[(&str, i64)]) -> Placed {
    place_for(app, lines, traveller()).await
}

/// Places an order like [`place`] for this traveller.
pub(crate) async fn place_for(app: &TestApp, lines: &[(&str, i64)], traveller: Value) -> Placed {
    let mut items = Vec::new();
    for (product, quantity) in lines {
        let id = app.product_id(product).await;
        items.push(json!({ "product_id": id, "quantity": quantity, "options": {} }));
    }
    let body = json!({ "items": items, "itinerary": long_trip(), "traveller": traveller, "payment": "counter" });
    let created = app.place(&body).await;
    assert_eq!(created["status"], "confirmed", "{created}");
    let tickets = created["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            item["ticket"]["number"]
                .as_str()
                .expect("a ticket")
                .to_owned()
        })
        .collect();
    Placed {
        id: created["id"].as_str().unwrap().to_owned(),
        token: created["token"].as_str().unwrap().to_owned(),
        code: created["pickup_code"].as_str().unwrap().to_owned(),
        tickets,
        body: created,
    }
}

/// The leather workshop (maker of the card wallet and the key holder).
async fn leather_workshop(app: &TestApp) -> i64 {
    let products = expect_status(app.get("/api/v1/products").await, StatusCode::OK).await;
    let wallet = products
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == "card-wallet");
    wallet.expect("the card wallet")["workshop_id"]
        .as_i64()
        .unwrap()
}

/// The desk at Incheon T1, the desk at T2 and the leather workshop's maker.
pub(crate) async fn people(app: &TestApp) -> (Session, Session, Session) {
    let desk = staff(app, DESK, "counter", Some(counter_id("icn-t1"))).await;
    let other = staff(app, OTHER_DESK, "counter", Some(counter_id("icn-t2"))).await;
    let maker = staff(app, MAKER, "workshop", Some(leather_workshop(app).await)).await;
    (desk, other, maker)
}

/// Dispatches and receives every ticket of an order.
pub(crate) async fn deliver(maker: &Session, desk: &Session, order: &Placed) {
    for ticket in &order.tickets {
        maker.dispatch(ticket).await;
    }
    let received = desk.receive(json!(order.tickets)).await;
    assert_eq!(received["received"], order.tickets.len(), "{received}");
}

/// The traveller's view of the order.
async fn traveller_view(app: &TestApp, order: &Placed) -> Value {
    expect_status(app.get_order(&order.id, &order.token).await, StatusCode::OK).await
}

pub(crate) fn ticket_id(number: &str) -> i64 {
    number
        .trim_start_matches('T')
        .parse()
        .expect("a ticket number")
}

/// Immediate refunds of the standard table (`domain::tax_free::RefundTable::standard`), as
/// its published brackets say: ₩85,000 falls in ₩75,000–94,999 (₩4,500), ₩120,000 in
/// ₩115,000–164,999 (₩6,900), ₩170,000 in ₩165,000–214,999 (₩10,000).
pub(crate) const REFUND_85_000: i64 = 4_500;
pub(crate) const REFUND_120_000: i64 = 6_900;
pub(crate) const REFUND_170_000: i64 = 10_000;
/// The share of a ₩120,000 order's ₩6,900 refund paid when its ₩85,000 wallet is handed
/// over first: 85/120 of it, rounded down to the won (₩4,887.5).
pub(crate) const SHARE_OF_85_000_IN_120_000: i64 = 4_887;

/// A well-formed pickup code (right check character) that no order has.
fn unknown_code(mut bits: u64) -> String {
    const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    let mut values = [0u64; 9];
    for value in values.iter_mut().take(8) {
        *value = bits % 31;
        bits /= 31;
    }
    let sum: u64 = values[..8]
        .iter()
        .enumerate()
        .map(|(i, v)| (i as u64 + 1) * v)
        .sum();
    values[8] = (31 - sum % 31) % 31 * 7 % 31;
    let text: String = values
        .iter()
        .map(|v| char::from(ALPHABET[*v as usize]))
        .collect();
    format!("{}-{}-{}", &text[..4], &text[4..8], &text[8..])
}

fn statuses(history: &Value) -> Vec<&str> {
    history
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["to"].as_str().unwrap())
        .collect()
}

async fn an_order_lives_from_the_workshop_to_the_traveller(app: TestApp) {
    let (desk, other, maker) = people(&app).await;
    let order = place(&app, &[("card-wallet", 1)]).await;
    let number = order.tickets[0].clone();
    // Paid at the counter: nothing was paid up front, the whole total is due there.
    let balance = order.body["total_krw"].as_i64().unwrap();

    // Nothing can be received before the workshop sends it.
    let early = desk.receive(json!([number])).await;
    assert_eq!(early["results"][0]["outcome"], "refused");
    assert_eq!(early["results"][0]["reason"], "not-dispatched");
    assert_eq!(early["results"][0]["ticket_status"], "queued");

    maker.dispatch(&number).await;
    let incoming = expect_status(desk.get("/api/v1/counter/incoming").await, StatusCode::OK).await;
    assert_eq!(incoming.as_array().unwrap().len(), 1, "{incoming}");
    assert_eq!(incoming[0]["ticket"], number);
    assert_eq!(incoming[0]["traveller_name"], "Mia Tanaka");
    let elsewhere =
        expect_status(other.get("/api/v1/counter/incoming").await, StatusCode::OK).await;
    assert_eq!(elsewhere, json!([]));

    // Another counter cannot receive it, and is told exactly what an unknown ticket gets.
    let id = ticket_id(&number);
    let refused = other.receive(json!([id, "T999999"])).await;
    assert_eq!(refused["received"], 0);
    for (result, given) in refused["results"]
        .as_array()
        .unwrap()
        .iter()
        .zip([id.to_string(), "T999999".into()])
    {
        assert_eq!(result["reason"], "unknown", "{result}");
        assert_eq!(result["ticket_status"], Value::Null);
        assert_eq!(result["order_status"], Value::Null);
        assert_eq!(
            result["detail"],
            format!("no ticket {given} is bound for this counter")
        );
    }

    // The right counter receives it (by id as a number), and the order is at the counter.
    let received = desk.receive(json!([id])).await;
    assert_eq!(received["results"][0]["outcome"], "received", "{received}");
    assert_eq!(received["results"][0]["ticket"], number);
    assert_eq!(received["results"][0]["order_status"], "at_counter");
    let again = desk.receive(json!([number])).await;
    assert_eq!(again["results"][0]["reason"], "already-received");

    // Looking the order up: any case, dashes optional; the passport digits are not shown.
    let typed = order.code.replace('-', "").to_lowercase();
    let found = expect_status(desk.lookup(&typed).await, StatusCode::OK).await;
    assert_eq!(found["order_id"], order.id.as_str());
    assert_eq!(found["pickup_code"], order.code.as_str());
    assert_eq!(found["traveller_name"], "Mia Tanaka");
    assert!(
        !found.to_string().contains("7K2Q"),
        "passport digits leaked: {found}"
    );
    assert_eq!(found["status"], "at_counter");
    assert_eq!(found["deadline_passed"], false);
    assert_eq!(found["items"][0]["ticket"], number);
    assert_eq!(found["items"][0]["ticket_status"], "received");
    assert_eq!(found["items"][0]["at_counter"], true);
    assert_eq!(found["items"][0]["handed_over"], false);
    assert_eq!(found["items"][0]["product_name"], "Card wallet");
    assert_eq!(found["balance_due_krw"], balance);
    assert_eq!(found["goods_at_counter_krw"], 85_000);
    assert_eq!(found["tax_refund_krw"], REFUND_85_000);

    // Another counter gets the same 404 as for a code that does not exist.
    let elsewhere = expect_problem(
        other.lookup(&order.code).await,
        StatusCode::NOT_FOUND,
        "not-found",
    )
    .await;
    let unknown = expect_problem(
        desk.lookup(&unknown_code(42)).await,
        StatusCode::NOT_FOUND,
        "not-found",
    )
    .await;
    let garbage = expect_problem(
        desk.lookup("not-a-code").await,
        StatusCode::NOT_FOUND,
        "not-found",
    )
    .await;
    assert_eq!(elsewhere, unknown);
    assert_eq!(garbage, unknown);
    let by_other = other
        .hand_over(
            &order.code,
            &json!({ "name": "Mia Tanaka", "passport_last4": "7K2Q" }),
        )
        .await;
    assert_eq!(
        expect_problem(by_other, StatusCode::NOT_FOUND, "not-found").await,
        unknown
    );

    // A wrong passport digit or a wrong name is refused the same way and changes nothing.
    let wrong_digit = desk
        .hand_over(
            &order.code,
            &json!({ "name": "Mia Tanaka", "passport_last4": "7K2X", "balance_method": "card" }),
        )
        .await;
    let wrong_digit = expect_problem(
        wrong_digit,
        StatusCode::UNPROCESSABLE_ENTITY,
        "identity-mismatch",
    )
    .await;
    assert_eq!(
        wrong_digit["detail"],
        "name and passport digits do not match the order"
    );
    let wrong_name = desk
        .hand_over(
            &order.code,
            &json!({ "name": "Mio Tanaka", "passport_last4": "7K2Q", "balance_method": "card" }),
        )
        .await;
    let wrong_name = expect_problem(
        wrong_name,
        StatusCode::UNPROCESSABLE_ENTITY,
        "identity-mismatch",
    )
    .await;
    assert_eq!(
        wrong_digit, wrong_name,
        "the refusal must not say which check failed"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM handovers").await, 0);
    assert_eq!(traveller_view(&app, &order).await["status"], "at_counter");

    // A balance is due: how it is paid must be said.
    if balance > 0 {
        let unpaid = desk
            .hand_over(
                &order.code,
                &json!({ "name": "Mia Tanaka", "passport_last4": "7K2Q" }),
            )
            .await;
        let problem = expect_problem(
            unpaid,
            StatusCode::UNPROCESSABLE_ENTITY,
            "balance-method-required",
        )
        .await;
        assert_eq!(problem["field"], "/balance_method");
        assert_eq!(app.count("SELECT COUNT(*) FROM handovers").await, 0);
    }

    // The right name and digits (case and spacing aside) hand the goods over.
    let body =
        json!({ "name": "  mia   TANAKA ", "passport_last4": "7k2q", "balance_method": "card" });
    let handed = expect_status(
        desk.hand_over(&order.code, &body).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(handed["order_id"], order.id.as_str());
    assert_eq!(handed["order_status"], "picked_up");
    assert_eq!(handed["items"].as_array().unwrap().len(), 1);
    assert_eq!(handed["items"][0]["ticket"], number);
    assert_eq!(handed["goods_value_krw"], 85_000);
    assert_eq!(handed["tax_refund_krw"], REFUND_85_000);
    assert_eq!(handed["balance_collected_krw"], balance);
    assert_eq!(handed["items_remaining"], 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM handovers").await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM handover_tickets").await, 1);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM events WHERE kind = 'order.handover'")
            .await,
        1
    );
    assert_eq!(
        app.count("SELECT CAST(COALESCE(SUM(tax_refund_krw), 0) AS BIGINT) FROM handovers")
            .await,
        REFUND_85_000
    );

    // The traveller sees every step, in order.
    let seen = traveller_view(&app, &order).await;
    assert_eq!(seen["status"], "picked_up");
    assert_eq!(
        statuses(&seen["history"]),
        [
            "placed",
            "confirmed",
            "in_production",
            "ready",
            "at_counter",
            "picked_up"
        ]
    );
    let last = seen["history"].as_array().unwrap().last().unwrap().clone();
    assert!(last["actor"].as_str().unwrap().contains(DESK), "{last}");
    let kinds: Vec<&str> = seen["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    for kind in [
        "ticket.accepted",
        "ticket.in_production",
        "ticket.quality_check",
        "ticket.ready",
        "ticket.dispatched",
        "ticket.received",
        "order.at_counter",
        "order.handover",
        "order.picked_up",
    ] {
        assert!(kinds.contains(&kind), "{kind} missing from {kinds:?}");
    }
    let handover = kinds.iter().position(|k| *k == "order.handover").unwrap();
    let picked = kinds.iter().position(|k| *k == "order.picked_up").unwrap();
    assert!(handover < picked, "{kinds:?}");
    assert!(
        seen["timeline"][handover]["note"]
            .as_str()
            .unwrap()
            .contains(&number)
    );

    // Nothing is left to hand over; the lookup shows what happened.
    let twice = desk.hand_over(&order.code, &body).await;
    let problem = expect_problem(twice, StatusCode::CONFLICT, "order-state").await;
    assert_eq!(problem["current_status"], "picked_up");
    let after = expect_status(desk.lookup(&order.code).await, StatusCode::OK).await;
    assert_eq!(after["status"], "picked_up");
    assert_eq!(after["items"][0]["handed_over"], true);
    assert_eq!(after["items"][0]["at_counter"], false);
    assert_eq!(after["balance_due_krw"], 0);
    assert_eq!(after["handovers"].as_array().unwrap().len(), 1);
    assert_eq!(after["handovers"][0]["tickets"], json!([number]));
}

async fn a_two_item_order_can_be_collected_in_parts(app: TestApp) {
    let (desk, _, maker) = people(&app).await;
    let order = place(&app, &[("card-wallet", 1), ("key-holder", 1)]).await;
    let (wallet, keys) = (order.tickets[0].clone(), order.tickets[1].clone());
    // Paid at the counter: nothing was paid up front, the whole total is due there.
    let balance = order.body["total_krw"].as_i64().unwrap();
    maker.dispatch(&wallet).await;
    maker.dispatch(&keys).await;
    assert_eq!(desk.receive(json!([wallet])).await["received"], 1);
    assert_eq!(traveller_view(&app, &order).await["status"], "ready");

    // The key holder has not arrived: handing it over is refused and changes nothing.
    let who = json!({ "name": "Mia Tanaka", "passport_last4": "7K2Q", "balance_method": "cash" });
    let mut body = who.clone();
    body["ticket_ids"] = json!([keys, wallet]);
    let early = expect_problem(
        desk.hand_over(&order.code, &body).await,
        StatusCode::CONFLICT,
        "not-at-counter",
    )
    .await;
    let detail = early["detail"].as_str().unwrap();
    assert!(
        detail.contains(&keys) && detail.contains("dispatched"),
        "{detail}"
    );
    assert_eq!(early["tickets"][0]["ticket"], keys);
    assert_eq!(app.count("SELECT COUNT(*) FROM handovers").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM handover_tickets").await, 0);

    // A ticket of another order is not part of this one.
    let stranger = place(&app, &[("key-holder", 1)]).await;
    body["ticket_ids"] = json!([stranger.tickets[0]]);
    let foreign = expect_problem(
        desk.hand_over(&order.code, &body).await,
        StatusCode::CONFLICT,
        "not-at-counter",
    )
    .await;
    assert!(
        foreign["detail"]
            .as_str()
            .unwrap()
            .contains("not an item of this order"),
        "{foreign}"
    );

    // The wallet goes now, with the balance.
    body["ticket_ids"] = json!([ticket_id(&wallet)]);
    let first = expect_status(
        desk.hand_over(&order.code, &body).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(first["items"][0]["ticket"], wallet);
    assert_eq!(first["goods_value_krw"], 85_000);
    // One order, one tax-free form of ₩120,000: the wallet gets its share of the refund.
    assert_eq!(first["tax_refund_krw"], SHARE_OF_85_000_IN_120_000);
    assert_eq!(first["balance_collected_krw"], balance);
    assert_eq!(
        first["balance_method"],
        if balance > 0 {
            json!("cash")
        } else {
            Value::Null
        }
    );
    assert_eq!(first["order_status"], "ready");
    assert_eq!(first["items_remaining"], 1);

    // Handing it over twice is refused.
    let twice = expect_problem(
        desk.hand_over(&order.code, &body).await,
        StatusCode::CONFLICT,
        "not-at-counter",
    )
    .await;
    assert!(
        twice["detail"]
            .as_str()
            .unwrap()
            .contains("already handed over"),
        "{twice}"
    );

    // The key holder arrives later; the order is at the counter, with nothing more to pay.
    assert_eq!(
        desk.receive(json!([keys])).await["results"][0]["order_status"],
        "at_counter"
    );
    let found = expect_status(desk.lookup(&order.code).await, StatusCode::OK).await;
    assert_eq!(found["items"][0]["handed_over"], true);
    assert_eq!(found["items"][0]["at_counter"], false);
    assert_eq!(found["items"][1]["at_counter"], true);
    assert_eq!(found["balance_due_krw"], 0);
    assert_eq!(found["goods_at_counter_krw"], 35_000);
    assert_eq!(
        found["tax_refund_krw"],
        REFUND_120_000 - SHARE_OF_85_000_IN_120_000
    );

    // Without ticket_ids everything at the counter goes; no balance is collected twice.
    let who = json!({ "name": "Mia Tanaka", "passport_last4": "7K2Q" });
    let second = expect_status(desk.hand_over(&order.code, &who).await, StatusCode::CREATED).await;
    assert_eq!(second["items"][0]["ticket"], keys);
    assert_eq!(second["goods_value_krw"], 35_000);
    // Together, what collecting both at once refunds.
    assert_eq!(
        second["tax_refund_krw"],
        REFUND_120_000 - SHARE_OF_85_000_IN_120_000
    );
    assert_eq!(second["balance_collected_krw"], 0);
    assert_eq!(second["balance_method"], Value::Null);
    assert_eq!(second["order_status"], "picked_up");
    assert_eq!(app.count("SELECT COUNT(*) FROM handovers").await, 2);
    assert_eq!(
        app.count("SELECT CAST(COALESCE(SUM(balance_collected_krw), 0) AS BIGINT) FROM handovers")
            .await,
        balance
    );

    let seen = traveller_view(&app, &order).await;
    assert_eq!(statuses(&seen["history"]).last(), Some(&"picked_up"));
    let handovers = seen["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "order.handover");
    assert_eq!(handovers.count(), 2, "each partial pickup is recorded");
}

async fn staff_see_only_their_own_side(app: TestApp) {
    let (desk, _, maker) = people(&app).await;
    let operator = staff(&app, "op@x", "operator", None).await;
    let order = place(&app, &[("card-wallet", 1)]).await;
    let code = &order.code;

    expect_problem(
        desk.get("/api/v1/workshop/tickets").await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let path = format!("/api/v1/workshop/tickets/{}/status", order.tickets[0]);
    expect_problem(
        desk.post(&path, &json!({ "status": "accepted" })).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    for session in [&maker, &operator] {
        for response in [
            session.get("/api/v1/counter/incoming").await,
            session.get("/api/v1/counter/pickups?due=today").await,
            session.lookup(code).await,
            session
                .post(
                    "/api/v1/counter/receipts",
                    &json!({ "ticket_ids": [order.tickets[0]] }),
                )
                .await,
            session
                .hand_over(
                    code,
                    &json!({ "name": "Mia Tanaka", "passport_last4": "7K2Q" }),
                )
                .await,
            session.no_show(code).await,
        ] {
            expect_problem(response, StatusCode::FORBIDDEN, "forbidden").await;
        }
    }
    let anonymous = app.get(&format!("/api/v1/counter/pickups/{code}")).await;
    expect_problem(anonymous, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    // Refused roles looked nothing up.
    assert_eq!(app.count("SELECT COUNT(*) FROM pickup_lookups").await, 0);

    // Bad requests name the field.
    let empty = desk
        .post("/api/v1/counter/receipts", &json!({ "ticket_ids": [] }))
        .await;
    let problem = expect_problem(empty, StatusCode::UNPROCESSABLE_ENTITY, "invalid-field").await;
    assert_eq!(problem["field"], "/ticket_ids");
    let method =
        json!({ "name": "Mia Tanaka", "passport_last4": "7K2Q", "balance_method": "cheque" });
    let problem = expect_problem(
        desk.hand_over(code, &method).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid-field",
    )
    .await;
    assert_eq!(problem["field"], "/balance_method");
    let due = desk.get("/api/v1/counter/pickups?due=yesterday").await;
    let problem = expect_problem(due, StatusCode::UNPROCESSABLE_ENTITY, "invalid-field").await;
    assert_eq!(problem["field"], "/due");
}

async fn guessing_pickup_codes_is_limited(app: TestApp) {
    let (desk, _, maker) = people(&app).await;
    let colleague = staff(
        &app,
        "second@icn-t1.example",
        "counter",
        Some(counter_id("icn-t1")),
    )
    .await;
    let order = place(&app, &[("card-wallet", 1)]).await;
    deliver(&maker, &desk, &order).await;
    expect_status(desk.lookup(&order.code).await, StatusCode::OK).await;

    for attempt in 0..10u64 {
        let code = if attempt % 2 == 0 {
            unknown_code(attempt + 1)
        } else {
            format!("WRONG-{attempt}")
        };
        expect_problem(desk.lookup(&code).await, StatusCode::NOT_FOUND, "not-found").await;
    }
    let eleventh = desk.lookup(&unknown_code(99)).await;
    let retry = eleventh
        .headers()
        .get("retry-after")
        .map(|v| v.to_str().unwrap().to_owned());
    expect_problem(eleventh, StatusCode::TOO_MANY_REQUESTS, "too-many-attempts").await;
    assert_eq!(
        retry.as_deref(),
        Some("600"),
        "the oldest failure leaves the window in 10 minutes"
    );
    // Now even the right code waits, and so does a handover or a no-show.
    expect_problem(
        desk.lookup(&order.code).await,
        StatusCode::TOO_MANY_REQUESTS,
        "too-many-attempts",
    )
    .await;
    let who = json!({ "name": "Mia Tanaka", "passport_last4": "7K2Q", "balance_method": "card" });
    expect_problem(
        desk.hand_over(&order.code, &who).await,
        StatusCode::TOO_MANY_REQUESTS,
        "too-many-attempts",
    )
    .await;
    expect_problem(
        desk.no_show(&order.code).await,
        StatusCode::TOO_MANY_REQUESTS,
        "too-many-attempts",
    )
    .await;
    assert_eq!(
        app.count("SELECT COUNT(*) FROM pickup_lookups WHERE succeeded")
            .await,
        1
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM pickup_lookups WHERE NOT succeeded")
            .await,
        10
    );

    // The limit is per staff member, and guessing passport digits counts too.
    for attempt in 0..10 {
        let wrong = json!({ "name": "Mia Tanaka", "passport_last4": format!("000{attempt}"), "balance_method": "card" });
        let refused = colleague.hand_over(&order.code, &wrong).await;
        expect_problem(
            refused,
            StatusCode::UNPROCESSABLE_ENTITY,
            "identity-mismatch",
        )
        .await;
    }
    expect_problem(
        colleague.hand_over(&order.code, &who).await,
        StatusCode::TOO_MANY_REQUESTS,
        "too-many-attempts",
    )
    .await;
    assert_eq!(app.count("SELECT COUNT(*) FROM handovers").await, 0);

    // Ten minutes later the desk may look again.
    let later = serve_at(&app.database_url, NOW + time::Duration::minutes(10), None).await;
    let desk_later = staff_at(&later, DESK).await;
    let found = expect_status(desk_later.lookup(&order.code).await, StatusCode::OK).await;
    assert_eq!(found["status"], "at_counter");
}

async fn the_tax_refund_follows_the_immediate_refund_rules(app: TestApp) {
    let (desk, _, maker) = people(&app).await;
    let who = json!({ "name": "Mia Tanaka", "passport_last4": "7K2Q", "balance_method": "card" });

    // Two wallets: ₩170,000, inside the immediate-refund range.
    let pair = place(&app, &[("card-wallet", 2)]).await;
    deliver(&maker, &desk, &pair).await;
    let found = expect_status(desk.lookup(&pair.code).await, StatusCode::OK).await;
    assert_eq!(found["tax_refund_krw"], REFUND_170_000);
    let handed = expect_status(desk.hand_over(&pair.code, &who).await, StatusCode::CREATED).await;
    assert_eq!(handed["goods_value_krw"], 170_000);
    assert_eq!(handed["tax_refund_krw"], REFUND_170_000);

    // Twelve wallets: ₩1,020,000, above the ₩1,000,000 limit of an immediate refund.
    let dozen = place(&app, &[("card-wallet", 12)]).await;
    deliver(&maker, &desk, &dozen).await;
    let handed = expect_status(desk.hand_over(&dozen.code, &who).await, StatusCode::CREATED).await;
    assert_eq!(handed["goods_value_krw"], 1_020_000);
    assert_eq!(handed["tax_refund_krw"], 0);

    // No demo product costs less than ₩15,000: make one line a ₩12,000 one in the database.
    let small = place(&app, &[("key-holder", 1)]).await;
    app.execute("UPDATE order_items SET line_total_krw = 12000 WHERE line_total_krw = 35000")
        .await;
    deliver(&maker, &desk, &small).await;
    let found = expect_status(desk.lookup(&small.code).await, StatusCode::OK).await;
    assert_eq!(found["goods_at_counter_krw"], 12_000);
    assert_eq!(found["tax_refund_krw"], 0);
    let handed = expect_status(desk.hand_over(&small.code, &who).await, StatusCode::CREATED).await;
    assert_eq!(handed["goods_value_krw"], 12_000);
    assert_eq!(handed["tax_refund_krw"], 0);

    // What was answered is what was recorded.
    assert_eq!(app.count("SELECT COUNT(*) FROM handovers").await, 3);
    assert_eq!(
        app.count("SELECT CAST(COALESCE(SUM(tax_refund_krw), 0) AS BIGINT) FROM handovers")
            .await,
        REFUND_170_000
    );
    assert_eq!(
        app.count("SELECT CAST(COALESCE(SUM(goods_value_krw), 0) AS BIGINT) FROM handovers")
            .await,
        170_000 + 1_020_000 + 12_000
    );
}

async fn a_no_show_comes_only_after_the_deadline_and_a_late_pickup_still_works(app: TestApp) {
    let (desk, other, maker) = people(&app).await;
    let order = place(&app, &[("card-wallet", 1)]).await;
    let waiting = place(&app, &[("key-holder", 1)]).await;
    let deadline = parse_time(&order.body["itinerary"]["pickup_deadline"]);
    deliver(&maker, &desk, &order).await;

    // Before the deadline.
    let early = expect_problem(
        desk.no_show(&order.code).await,
        StatusCode::CONFLICT,
        "deadline-not-passed",
    )
    .await;
    assert!(
        early["pickup_deadline"]
            .as_str()
            .unwrap()
            .ends_with("+09:00"),
        "{early}"
    );
    assert_eq!(traveller_view(&app, &order).await["status"], "at_counter");

    // A day after the deadline, on a server whose clock says so.
    let later = serve_at(&app.database_url, deadline + time::Duration::days(1), None).await;
    let desk_later = staff_at(&later, DESK).await;
    let found = expect_status(desk_later.lookup(&order.code).await, StatusCode::OK).await;
    assert_eq!(found["deadline_passed"], true);
    expect_problem(
        staff_at(&later, OTHER_DESK)
            .await
            .no_show(&order.code)
            .await,
        StatusCode::NOT_FOUND,
        "not-found",
    )
    .await;
    drop(other);
    // An order whose goods never reached the counter is not a no-show.
    let not_here = expect_problem(
        desk_later.no_show(&waiting.code).await,
        StatusCode::CONFLICT,
        "order-state",
    )
    .await;
    assert_eq!(not_here["current_status"], "confirmed");

    let marked = expect_status(desk_later.no_show(&order.code).await, StatusCode::OK).await;
    assert_eq!(marked["status"], "no_show");
    assert_eq!(
        marked["items"][0]["at_counter"], true,
        "the goods are held at the counter"
    );
    let seen = traveller_view(&app, &order).await;
    assert_eq!(seen["status"], "no_show");
    let last = seen["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (last["from"].as_str(), last["to"].as_str()),
        (Some("at_counter"), Some("no_show"))
    );
    assert!(last["actor"].as_str().unwrap().contains(DESK), "{last}");
    assert!(last["note"].as_str().unwrap().contains("held"), "{last}");
    let again = expect_problem(
        desk_later.no_show(&order.code).await,
        StatusCode::CONFLICT,
        "order-state",
    )
    .await;
    assert_eq!(again["current_status"], "no_show");

    // The traveller comes late: still a handover, with the identity check.
    let wrong = json!({ "name": "Mia Tanaka", "passport_last4": "0000", "balance_method": "cash" });
    expect_problem(
        desk_later.hand_over(&order.code, &wrong).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "identity-mismatch",
    )
    .await;
    let who = json!({ "name": "Mia Tanaka", "passport_last4": "7K2Q", "balance_method": "cash" });
    let handed = expect_status(
        desk_later.hand_over(&order.code, &who).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(handed["order_status"], "picked_up");
    assert_eq!(handed["tax_refund_krw"], REFUND_85_000);
    let seen = traveller_view(&app, &order).await;
    assert_eq!(
        statuses(&seen["history"]),
        [
            "placed",
            "confirmed",
            "in_production",
            "ready",
            "at_counter",
            "no_show",
            "picked_up"
        ]
    );
}

async fn the_day_lists_show_what_is_due_and_what_is_coming(app: TestApp) {
    let (desk, other, maker) = people(&app).await;
    let here = place(&app, &[("card-wallet", 1)]).await;
    let coming = place(&app, &[("key-holder", 1)]).await;
    let still_made = place(&app, &[("key-holder", 1)]).await;
    deliver(&maker, &desk, &here).await;
    maker.dispatch(&coming.tickets[0]).await;
    let deadline = parse_time(&here.body["itinerary"]["pickup_deadline"]);
    assert_eq!(
        deadline,
        datetime!(2026-12-22 15:00 +9),
        "the desk closes three hours before the flight"
    );

    let incoming = expect_status(desk.get("/api/v1/counter/incoming").await, StatusCode::OK).await;
    let numbers: Vec<&Value> = incoming
        .as_array()
        .unwrap()
        .iter()
        .map(|t| &t["ticket"])
        .collect();
    assert_eq!(numbers, [&json!(coming.tickets[0])]);
    assert_eq!(incoming[0]["order_id"], coming.id.as_str());

    let elsewhere =
        expect_status(other.get("/api/v1/counter/incoming").await, StatusCode::OK).await;
    assert_eq!(elsewhere, json!([]));

    // Three weeks ahead of the deadline nothing is due.
    for due in ["today", "tomorrow"] {
        let list = desk
            .get(&format!("/api/v1/counter/pickups?due={due}"))
            .await;
        assert_eq!(expect_status(list, StatusCode::OK).await, json!([]));
    }

    // The day before: due tomorrow.
    let eve = serve_at(&app.database_url, datetime!(2026-12-21 10:00 +9), None).await;
    let desk_eve = staff_at(&eve, DESK).await;
    let tomorrow = expect_status(
        desk_eve.get("/api/v1/counter/pickups?due=tomorrow").await,
        StatusCode::OK,
    )
    .await;
    let ids: Vec<&str> = tomorrow
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["order_id"].as_str().unwrap())
        .collect();
    let mut expected = vec![here.id.as_str(), coming.id.as_str()];
    expected.sort_unstable();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    assert_eq!(
        sorted, expected,
        "orders neither here nor on their way are left out"
    );
    assert!(!ids.contains(&still_made.id.as_str()));
    let today = expect_status(
        desk_eve.get("/api/v1/counter/pickups?due=today").await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(today, json!([]));

    // The day itself: due today, with what is here and what is coming.
    let day = serve_at(&app.database_url, datetime!(2026-12-22 08:00 +9), None).await;
    let desk_day = staff_at(&day, DESK).await;
    let today = expect_status(
        desk_day.get("/api/v1/counter/pickups").await,
        StatusCode::OK,
    )
    .await;
    let orders = today.as_array().unwrap();
    assert_eq!(orders.len(), 2, "{today}");
    let of = |id: &str| {
        orders
            .iter()
            .find(|o| o["order_id"] == id)
            .expect("listed")
            .clone()
    };
    let (listed_here, listed_coming) = (of(&here.id), of(&coming.id));
    assert_eq!(
        (
            listed_here["items_at_counter"].as_i64(),
            listed_here["items_on_the_way"].as_i64()
        ),
        (Some(1), Some(0))
    );
    assert_eq!(
        (
            listed_coming["items_at_counter"].as_i64(),
            listed_coming["items_on_the_way"].as_i64()
        ),
        (Some(0), Some(1))
    );
    assert_eq!(listed_here["traveller_name"], "Mia Tanaka");
    assert_eq!(listed_here["status"], "at_counter");
    assert_eq!(parse_time(&listed_here["pickup_deadline"]), deadline);
    assert!(!today.to_string().contains("7K2Q"));

    // Another counter sees none of it.
    let other_day = staff_at(&day, OTHER_DESK).await;
    let list = expect_status(
        other_day.get("/api/v1/counter/pickups?due=today").await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(list, json!([]));

    // Collected orders leave the list.
    let who = json!({ "name": "Mia Tanaka", "passport_last4": "7K2Q", "balance_method": "card" });
    expect_status(
        desk_day.hand_over(&here.code, &who).await,
        StatusCode::CREATED,
    )
    .await;
    let today = expect_status(
        desk_day.get("/api/v1/counter/pickups?due=today").await,
        StatusCode::OK,
    )
    .await;
    let ids: Vec<&str> = today
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["order_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [coming.id.as_str()]);
}

async fn simultaneous_handovers_hand_over_once(app: TestApp) {
    let (desk, _, maker) = people(&app).await;
    let order = place(&app, &[("card-wallet", 1), ("key-holder", 1)]).await;
    deliver(&maker, &desk, &order).await;
    // Two desks of the same counter, on two server processes, press the button together.
    let second_server = app.serve_another().await;
    let colleague = staff(
        &app,
        "second@icn-t1.example",
        "counter",
        Some(counter_id("icn-t1")),
    )
    .await;
    let colleague = Session {
        base: second_server,
        ..colleague
    };
    let who = json!({ "name": "Mia Tanaka", "passport_last4": "7K2Q", "balance_method": "card" });
    let mut tasks = tokio::task::JoinSet::new();
    for index in 0..8 {
        let session = if index % 2 == 0 {
            desk.clone()
        } else {
            colleague.clone()
        };
        let (code, who) = (order.code.clone(), who.clone());
        tasks.spawn(async move {
            let response = session.hand_over(&code, &who).await;
            (response.status(), response.text().await.unwrap_or_default())
        });
    }
    let mut created = 0;
    for (status, body) in tasks.join_all().await {
        match status {
            StatusCode::CREATED => created += 1,
            StatusCode::CONFLICT => {}
            other => panic!("unexpected {other}: {body}"),
        }
    }
    assert_eq!(created, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM handovers").await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM handover_tickets").await, 2);
    // Paid at the counter: nothing was paid up front, the whole total is due there.
    let balance = order.body["total_krw"].as_i64().unwrap();
    assert_eq!(
        app.count("SELECT CAST(COALESCE(SUM(balance_collected_krw), 0) AS BIGINT) FROM handovers")
            .await,
        balance
    );
    let seen = traveller_view(&app, &order).await;
    let picked = statuses(&seen["history"])
        .iter()
        .filter(|s| **s == "picked_up")
        .count();
    assert_eq!(picked, 1);
}
