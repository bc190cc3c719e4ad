//! The staff's HTML pages: sign-in with a form, the workshop queue, a ticket with its
//! forms, the printable ticket and the calendar. First over plain HTTP (statuses,
//! headers, texts, role and place checks, a form move that is recorded), then in
//! Debian's headless Chromium (tools/browser/pages.mjs): phone screenshots without page
//! errors, and the printed A4 ticket and label exactly one page each.
//!
//! The browser part needs `node`, `/usr/bin/chromium` and `tools/browser/node_modules`
//! (`scripts/setup` installs them). Without them it is skipped with a note, unless
//! `GONGBANG_REQUIRE_BROWSER=1` (set by `scripts/test`), which makes that a failure.

use std::path::{Path, PathBuf};

use reqwest::header::{self, HeaderMap};
use reqwest::{Client, Response, StatusCode};
use serde_json::{Value, json};

use crate::helpers::*;

const CSP: &str = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

crate::on_both_databases! {
    workshop_pages_sign_in_show_and_move_tickets,
    pages_check_role_place_and_origin,
    counter_pages_receive_look_up_and_hand_over,
}

/// A client that shows redirects instead of following them.
fn browser_like() -> Client {
    Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// `application/x-www-form-urlencoded` as a browser writes it.
fn form(pairs: &[(&str, &str)]) -> String {
    let encode = |text: &str| {
        text.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => {
                    (b as char).to_string()
                }
                b' ' => "+".to_owned(),
                other => format!("%{other:02X}"),
            })
            .collect::<String>()
    };
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// A page's GET with the session cookie (if any).
async fn page(app: &TestApp, path: &str, session: Option<&str>) -> Response {
    let mut request = browser_like().get(app.url(path));
    if let Some(token) = session {
        request = request.header(header::COOKIE, format!("gongbang_session={token}"));
    }
    request.send().await.unwrap()
}

/// A form POST from one of the app's own pages (its `Origin`).
async fn post_form(
    app: &TestApp,
    path: &str,
    session: Option<&str>,
    fields: &[(&str, &str)],
) -> Response {
    let mut request = browser_like()
        .post(app.url(path))
        .header(header::ORIGIN, app.base.clone())
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(form(fields));
    if let Some(token) = session {
        request = request.header(header::COOKIE, format!("gongbang_session={token}"));
    }
    request.send().await.unwrap()
}

/// Asserts an HTML page of this status with the security headers; returns its text.
async fn expect_page(response: Response, status: StatusCode) -> String {
    let headers = response.headers().clone();
    let actual = response.status();
    let text = response.text().await.unwrap();
    assert_eq!(actual, status, "unexpected status; page: {text}");
    assert_eq!(
        header_of(&headers, header::CONTENT_TYPE),
        "text/html; charset=utf-8"
    );
    expect_security_headers(&headers);
    assert!(text.starts_with("<!DOCTYPE html>"), "{text}");
    text
}

fn expect_security_headers(headers: &HeaderMap) {
    assert_eq!(header_of(headers, header::CONTENT_SECURITY_POLICY), CSP);
    assert_eq!(header_of(headers, header::X_FRAME_OPTIONS), "DENY");
    assert_eq!(header_of(headers, header::CACHE_CONTROL), "no-store");
}

fn header_of(headers: &HeaderMap, name: header::HeaderName) -> String {
    headers
        .get(&name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_else(|| panic!("no {name} header in {headers:?}"))
        .to_owned()
}

/// Asserts a 303 to `location`; returns the headers.
fn expect_redirect(response: &Response, location: &str) -> HeaderMap {
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "{response:?}");
    let headers = response.headers().clone();
    assert_eq!(header_of(&headers, header::LOCATION), location);
    expect_security_headers(&headers);
    headers
}

/// Adds a staff account and signs it in through the sign-in form; returns the session
/// token from the cookie the form sets.
pub(crate) async fn form_sign_in(
    app: &TestApp,
    email: &str,
    role: &str,
    place: Option<i64>,
) -> String {
    api::staff_accounts::add_staff_at(&app.database_url, email, role, place, STAFF_PASSWORD)
        .await
        .unwrap();
    let response = post_form(
        app,
        "/staff/login",
        None,
        &[("email", email), ("password", STAFF_PASSWORD)],
    )
    .await;
    let home = match role {
        "workshop" => "/workshop",
        "counter" => "/counter",
        _ => "/admin",
    };
    let headers = expect_redirect(&response, home);
    let cookie = header_of(&headers, header::SET_COOKIE);
    assert!(
        cookie.ends_with("; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=43200"),
        "{cookie}"
    );
    cookie
        .strip_prefix("gongbang_session=")
        .and_then(|rest| rest.split(';').next())
        .filter(|token| !token.is_empty())
        .expect("a session token in the cookie")
        .to_owned()
}

/// A pay-at-counter wallet order (confirmed at once, so its ticket exists); returns the
/// order, the ticket number and the leather workshop's id.
async fn wallet_order(app: &TestApp, options: Value, quantity: i64) -> (Value, String, i64) {
    let wallet = app.product_id("card-wallet").await;
    let body = json!({
        "items": [{ "product_id": wallet, "quantity": quantity, "options": options }],
        "itinerary": long_trip(),
        "traveller": traveller(),
        "payment": "counter",
    });
    let created = app.place(&body).await;
    assert_eq!(created["status"], "confirmed");
    let number = created["items"][0]["ticket"]["number"]
        .as_str()
        .expect("a ticket")
        .to_owned();
    let workshop = created["items"][0]["workshop_id"].as_i64().unwrap();
    (created, number, workshop)
}

async fn ticket_json(app: &TestApp, token: &str, number: &str) -> Value {
    let response = app
        .client
        .get(app.url(&format!("/api/v1/workshop/tickets/{number}")))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    expect_status(response, StatusCode::OK).await
}

async fn workshop_pages_sign_in_show_and_move_tickets(app: TestApp) {
    let (order, number, workshop) =
        wallet_order(&app, json!({ "leather": "tan", "monogram": "MT" }), 2).await;

    let sign_in = expect_page(page(&app, "/staff", None).await, StatusCode::OK).await;
    assert!(sign_in.contains("Staff sign-in"));
    assert!(sign_in.contains(r#"<form method="post" action="/staff/login">"#));
    assert!(sign_in.contains(r#"name="email""#) && sign_in.contains(r#"name="password""#));

    let email = "atelier@test";
    api::staff_accounts::add_staff_at(
        &app.database_url,
        email,
        "workshop",
        Some(workshop),
        STAFF_PASSWORD,
    )
    .await
    .unwrap();
    let wrong = post_form(
        &app,
        "/staff/login",
        None,
        &[("email", email), ("password", "not it")],
    )
    .await;
    assert!(wrong.headers().get(header::SET_COOKIE).is_none());
    let wrong = expect_page(wrong, StatusCode::UNAUTHORIZED).await;
    assert!(wrong.contains("The email or the password is wrong."));
    assert!(
        wrong.contains(r#"value="atelier@test""#),
        "the email is kept"
    );

    let response = post_form(
        &app,
        "/staff/login",
        None,
        &[("email", "ATELIER@test"), ("password", STAFF_PASSWORD)],
    )
    .await;
    let headers = expect_redirect(&response, "/workshop");
    let cookie = header_of(&headers, header::SET_COOKIE);
    let token = cookie
        .strip_prefix("gongbang_session=")
        .and_then(|rest| rest.split(';').next())
        .unwrap()
        .to_owned();
    // Signed in, the sign-in page goes straight to the queue.
    expect_redirect(&page(&app, "/staff", Some(&token)).await, "/workshop");

    let queue = expect_page(page(&app, "/workshop", Some(&token)).await, StatusCode::OK).await;
    for text in [
        "Ticket queue",
        number.as_str(),
        "Card wallet",
        "Queued",
        "Incheon Airport Terminal 1 pickup desk",
        &format!(r#"href="/workshop/tickets/{number}""#),
        "Sign out",
    ] {
        assert!(queue.contains(text), "queue lacks {text:?}: {queue}");
    }
    let korean = browser_like()
        .get(app.url("/workshop"))
        .header(header::COOKIE, format!("gongbang_session={token}"))
        .header(header::ACCEPT_LANGUAGE, "ko-KR,ko;q=0.9")
        .send()
        .await
        .unwrap();
    let korean = expect_page(korean, StatusCode::OK).await;
    assert!(korean.contains("카드 지갑"), "{korean}");

    let path = format!("/workshop/tickets/{number}");
    let ticket = expect_page(page(&app, &path, Some(&token)).await, StatusCode::OK).await;
    for text in [
        "Card wallet",
        " × 2",
        "Leather colour",
        "Tan",
        "Stitching thread",
        "Ivory",
        "“MT”",
        "No measurements: the item was ordered without a fitting.",
        r#"<img class="preview" src="/api/v1/workshop/tickets/"#,
        "Incheon Airport Terminal 1 pickup desk",
        "Pickup deadline",
        order["id"].as_str().unwrap(),
        "ticket created",
        r#"value="accepted""#,
        r#"value="declined""#,
        &format!(r#"action="{path}/status""#),
        &format!(r#"action="{path}/delay""#),
    ] {
        assert!(
            ticket.contains(text),
            "ticket page lacks {text:?}: {ticket}"
        );
    }
    // The numeric id opens the same page.
    let id = number.trim_start_matches('T').trim_start_matches('0');
    let by_id = page(&app, &format!("/workshop/tickets/{id}"), Some(&token)).await;
    assert!(
        expect_page(by_id, StatusCode::OK)
            .await
            .contains(number.as_str())
    );

    // A form move is the API's move: recorded with who did it and the note.
    let moved = post_form(
        &app,
        &format!("{path}/status"),
        Some(&token),
        &[("status", "accepted"), ("note", "leather in stock")],
    )
    .await;
    expect_redirect(&moved, &format!("{path}?moved=accepted"));
    let after = ticket_json(&app, &token, &number).await;
    assert_eq!(after["status"], "accepted");
    let last = after["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["to"], "accepted");
    assert_eq!(last["note"], "leather in stock");
    assert_eq!(last["actor"], format!("workshop:{workshop} (atelier@test)"));
    let shown = page(&app, &format!("{path}?moved=accepted"), Some(&token)).await;
    let shown = expect_page(shown, StatusCode::OK).await;
    assert!(shown.contains("Moved to “Accepted”."), "{shown}");
    assert!(shown.contains("leather in stock"));
    assert!(shown.contains(r#"value="in_production""#));

    // An illegal move shows the ticket again with the problem's message.
    let skipped = post_form(
        &app,
        &format!("{path}/status"),
        Some(&token),
        &[("status", "ready")],
    )
    .await;
    let skipped = expect_page(skipped, StatusCode::CONFLICT).await;
    assert!(skipped.contains("Not done:"), "{skipped}");
    assert!(skipped.contains("role=\"alert\""));
    let unknown = post_form(
        &app,
        &format!("{path}/status"),
        Some(&token),
        &[("status", "teleported")],
    )
    .await;
    expect_page(unknown, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(
        ticket_json(&app, &token, &number).await["status"],
        "accepted"
    );

    // A delay from the form.
    let bad_delay = post_form(
        &app,
        &format!("{path}/delay"),
        Some(&token),
        &[("working_days", "0"), ("note", "")],
    )
    .await;
    let bad_delay = expect_page(bad_delay, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert!(bad_delay.contains("a delay is 1 to 30 working days"));
    let due_before = parse_time(&ticket_json(&app, &token, &number).await["due_at"]);
    let delayed = post_form(
        &app,
        &format!("{path}/delay"),
        Some(&token),
        &[("working_days", "2"), ("note", "hardware arrives late")],
    )
    .await;
    expect_redirect(&delayed, &format!("{path}?delayed=2"));
    let after = ticket_json(&app, &token, &number).await;
    assert!(parse_time(&after["due_at"]) > due_before);
    let shown = page(&app, &format!("{path}?delayed=2"), Some(&token)).await;
    let shown = expect_page(shown, StatusCode::OK).await;
    assert!(shown.contains("delayed 2 working day(s): hardware arrives late"));

    // Printing.
    let a4 = page(&app, &format!("{path}/print?format=a4"), Some(&token)).await;
    let a4 = expect_page(a4, StatusCode::OK).await;
    for text in [
        "@page{size:A4",
        "<svg",
        number.as_str(),
        "Card wallet",
        "Tan",
        order["id"].as_str().unwrap(),
        "Incheon Airport Terminal 1 pickup desk",
        "Leaves the workshop by",
    ] {
        assert!(a4.contains(text), "A4 lacks {text:?}");
    }
    let label = page(&app, &format!("{path}/print?format=label"), Some(&token)).await;
    let label = expect_page(label, StatusCode::OK).await;
    assert!(label.contains("@page{size:100mm 150mm;margin:4mm}"));
    assert!(label.contains("<svg") && label.contains(number.as_str()));
    let odd = page(&app, &format!("{path}/print?format=a3"), Some(&token)).await;
    expect_page(odd, StatusCode::BAD_REQUEST).await;

    let calendar = page(&app, "/workshop/calendar", Some(&token)).await;
    let calendar = expect_page(calendar, StatusCode::OK).await;
    for text in [
        "Working days",
        "Mon, Tue",
        "per working day",
        "Closes at",
        "Holidays in the next 90 days",
        "December 2026",
        "February 2027",
    ] {
        assert!(
            calendar.contains(text),
            "calendar lacks {text:?}: {calendar}"
        );
    }

    // Signing out ends the session and clears the cookie.
    let out = post_form(&app, "/staff/logout", Some(&token), &[]).await;
    let headers = expect_redirect(&out, "/staff");
    assert!(header_of(&headers, header::SET_COOKIE).starts_with("gongbang_session=; "));
    expect_redirect(&page(&app, "/workshop", Some(&token)).await, "/staff");
}

async fn pages_check_role_place_and_origin(app: TestApp) {
    let (_, number, workshop) = wallet_order(&app, json!({}), 1).await;
    let path = format!("/workshop/tickets/{number}");

    // No session: to the sign-in page, for pages and their forms alike.
    for protected in [
        "/workshop",
        path.as_str(),
        "/workshop/calendar",
        "/counter",
        "/admin",
    ] {
        expect_redirect(&page(&app, protected, None).await, "/staff");
    }
    let anonymous = post_form(
        &app,
        &format!("{path}/status"),
        None,
        &[("status", "accepted")],
    )
    .await;
    expect_redirect(&anonymous, "/staff");

    // Another workshop's ticket is not found; its forms neither.
    let other = form_sign_in(&app, "shoes@test", "workshop", Some(workshop + 1)).await;
    let queue = expect_page(page(&app, "/workshop", Some(&other)).await, StatusCode::OK).await;
    assert!(!queue.contains(number.as_str()));
    assert!(queue.contains("No open tickets"));
    for peek in [path.clone(), format!("{path}/print?format=label")] {
        let body = expect_page(page(&app, &peek, Some(&other)).await, StatusCode::NOT_FOUND).await;
        assert!(body.contains("404"), "{body}");
    }
    let moved = post_form(
        &app,
        &format!("{path}/status"),
        Some(&other),
        &[("status", "accepted")],
    )
    .await;
    expect_page(moved, StatusCode::NOT_FOUND).await;
    let missing = page(&app, "/workshop/tickets/T999999", Some(&other)).await;
    expect_page(missing, StatusCode::NOT_FOUND).await;

    // The wrong role gets 403 pages; each role starts on its own page.
    let desk = form_sign_in(&app, "desk@test", "counter", Some(counter_id("icn-t1"))).await;
    for refused in ["/workshop", path.as_str(), "/workshop/calendar", "/admin"] {
        let body = expect_page(
            page(&app, refused, Some(&desk)).await,
            StatusCode::FORBIDDEN,
        )
        .await;
        assert!(body.contains("This page is only for"), "{body}");
    }
    let home = expect_page(page(&app, "/counter", Some(&desk)).await, StatusCode::OK).await;
    assert!(home.contains("desk@test") && home.contains("Incheon Airport Terminal 1"));
    let operator = form_sign_in(&app, "ops@test", "operator", None).await;
    expect_page(page(&app, "/admin", Some(&operator)).await, StatusCode::OK).await;
    expect_page(
        page(&app, "/workshop", Some(&operator)).await,
        StatusCode::FORBIDDEN,
    )
    .await;

    // The form is throttled like the JSON login: after three failures, 429.
    api::staff_accounts::add_staff_at(
        &app.database_url,
        "guessed@test",
        "workshop",
        Some(workshop),
        STAFF_PASSWORD,
    )
    .await
    .unwrap();
    for _ in 0..3 {
        let guess = post_form(
            &app,
            "/staff/login",
            None,
            &[("email", "guessed@test"), ("password", "guess")],
        )
        .await;
        expect_page(guess, StatusCode::UNAUTHORIZED).await;
    }
    let throttled = post_form(
        &app,
        "/staff/login",
        None,
        &[("email", "guessed@test"), ("password", STAFF_PASSWORD)],
    )
    .await;
    assert_eq!(header_of(throttled.headers(), header::RETRY_AFTER), "1");
    assert!(throttled.headers().get(header::SET_COOKIE).is_none());
    let throttled = expect_page(throttled, StatusCode::TOO_MANY_REQUESTS).await;
    assert!(throttled.contains("Too many failed sign-ins. Try again in 1 second(s)."));

    // Page POSTs must come from this host's pages.
    let own = form_sign_in(&app, "leather@test", "workshop", Some(workshop)).await;
    let cookie = format!("gongbang_session={own}");
    let status_url = app.url(&format!("{path}/status"));
    let no_origin = browser_like()
        .post(&status_url)
        .header(header::COOKIE, &cookie)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body("status=accepted")
        .send()
        .await
        .unwrap();
    expect_page(no_origin, StatusCode::FORBIDDEN).await;
    let foreign = browser_like()
        .post(&status_url)
        .header(header::COOKIE, &cookie)
        .header(header::ORIGIN, "https://evil.example")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body("status=accepted")
        .send()
        .await
        .unwrap();
    expect_page(foreign, StatusCode::FORBIDDEN).await;
    let login_elsewhere = browser_like()
        .post(app.url("/staff/login"))
        .header(header::REFERER, "https://evil.example/staff")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(form(&[
            ("email", "leather@test"),
            ("password", STAFF_PASSWORD),
        ]))
        .send()
        .await
        .unwrap();
    assert!(login_elsewhere.headers().get(header::SET_COOKIE).is_none());
    expect_page(login_elsewhere, StatusCode::FORBIDDEN).await;
    let referer_ok = browser_like()
        .post(&status_url)
        .header(header::COOKIE, &cookie)
        .header(header::REFERER, app.url(&path))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body("status=accepted")
        .send()
        .await
        .unwrap();
    expect_redirect(&referer_ok, &format!("{path}?moved=accepted"));
    assert_eq!(ticket_json(&app, &own, &number).await["status"], "accepted");
}

/// Moves a ticket through the workshop's steps up to `dispatched` (JSON API).
async fn dispatch(app: &TestApp, workshop_token: &str, ticket: &str) {
    let current = ticket_json(app, workshop_token, ticket).await;
    let steps = [
        "accepted",
        "in_production",
        "quality_check",
        "ready",
        "dispatched",
    ];
    let from = steps
        .iter()
        .position(|s| *s == current["status"])
        .map_or(0, |at| at + 1);
    for status in &steps[from..] {
        let response = app
            .client
            .post(app.url(&format!("/api/v1/workshop/tickets/{ticket}/status")))
            .bearer_auth(workshop_token)
            .json(&json!({ "status": status }))
            .send()
            .await
            .unwrap();
        expect_status(response, StatusCode::OK).await;
    }
}

async fn counter_pages_receive_look_up_and_hand_over(app: TestApp) {
    let wallet = app.product_id("card-wallet").await;
    let keys = app.product_id("key-holder").await;
    let body = json!({
        "items": [
            { "product_id": wallet, "quantity": 1, "options": {} },
            { "product_id": keys, "quantity": 2, "options": {} },
        ],
        "itinerary": long_trip(),
        "traveller": traveller(),
        "payment": "counter",
    });
    let order = app.place(&body).await;
    let code = order["pickup_code"].as_str().unwrap().to_owned();
    let tickets: Vec<String> = order["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["ticket"]["number"].as_str().unwrap().to_owned())
        .collect();
    let workshop = order["items"][0]["workshop_id"].as_i64().unwrap();
    let maker = form_sign_in(&app, "maker@test", "workshop", Some(workshop)).await;
    for ticket in &tickets {
        dispatch(&app, &maker, ticket).await;
    }

    let desk = form_sign_in(&app, "desk@test", "counter", Some(counter_id("icn-t1"))).await;
    let home = expect_page(page(&app, "/counter", Some(&desk)).await, StatusCode::OK).await;
    for text in [
        "Incheon Airport Terminal 1 pickup desk",
        "Coming from the workshops (2)",
        tickets[0].as_str(),
        tickets[1].as_str(),
        "Mia Tanaka",
        r#"action="/counter/receipts""#,
        r#"action="/counter/pickups""#,
        "No pickups due today.",
    ] {
        assert!(home.contains(text), "counter page lacks {text:?}: {home}");
    }
    // The workshop's pages are not the counter's.
    expect_page(
        page(&app, "/counter", Some(&maker)).await,
        StatusCode::FORBIDDEN,
    )
    .await;

    // Receiving by typing or scanning: one known ticket, one unknown.
    let typed = format!("{}\n T999999 ,", tickets[0].to_lowercase());
    let received = post_form(
        &app,
        "/counter/receipts",
        Some(&desk),
        &[("tickets", &typed)],
    )
    .await;
    let received = expect_page(received, StatusCode::OK).await;
    assert!(received.contains("Received 1, refused 1"), "{received}");
    assert!(received.contains(&format!("{} received", tickets[0])));
    assert!(received.contains("no ticket T999999 is bound for this counter"));
    assert!(received.contains("Coming from the workshops (1)"));
    let empty = post_form(&app, "/counter/receipts", Some(&desk), &[("tickets", " ")]).await;
    expect_page(empty, StatusCode::UNPROCESSABLE_ENTITY).await;

    // Looking up: the form goes to the pickup's page.
    let typed_code = code.replace('-', "").to_lowercase();
    let found = page(
        &app,
        &format!("/counter/pickups?code={typed_code}"),
        Some(&desk),
    )
    .await;
    let upper = typed_code.to_uppercase();
    expect_redirect(&found, &format!("/counter/pickups/{upper}"));
    let path = format!("/counter/pickups/{code}");
    let pickup = expect_page(page(&app, &path, Some(&desk)).await, StatusCode::OK).await;
    let total = order["total_krw"].as_i64().unwrap();
    // Paid at the counter: the whole total is due there.
    for text in [
        "Mia Tanaka",
        &code,
        "At the counter",
        "On the way",
        "Balance due",
        "Tax refund (VAT)",
        &format!(r#"name="ticket" value="{}""#, tickets[0]),
        r#"name="balance_method" value="card""#,
        &format!(r#"action="{path}/handover""#),
    ] {
        assert!(
            pickup.contains(text),
            "pickup page lacks {text:?}: {pickup}"
        );
    }
    assert!(pickup.contains(&won(total)), "balance: {pickup}");
    assert!(
        !pickup.contains("7K2Q"),
        "the passport digits are never shown"
    );
    assert!(
        !pickup.contains("Record no-show"),
        "not before the deadline"
    );
    let unknown = page(&app, "/counter/pickups/2222-2222-2", Some(&desk)).await;
    expect_page(unknown, StatusCode::NOT_FOUND).await;

    // The identity check refuses a wrong passport, and hands over one item.
    let handover = format!("{path}/handover");
    let wrong = post_form(
        &app,
        &handover,
        Some(&desk),
        &[
            ("ticket", &tickets[0]),
            ("name", "Mia Tanaka"),
            ("passport_last4", "0000"),
            ("balance_method", "card"),
        ],
    )
    .await;
    let wrong = expect_page(wrong, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert!(wrong.contains("name and passport digits do not match the order"));
    let early = post_form(&app, &format!("{path}/no-show"), Some(&desk), &[]).await;
    let early = expect_page(early, StatusCode::CONFLICT).await;
    assert!(early.contains("Not done:"), "{early}");

    let done = post_form(
        &app,
        &handover,
        Some(&desk),
        &[
            ("ticket", &tickets[0]),
            ("name", "mia tanaka"),
            ("passport_last4", "7k2q"),
            ("balance_method", "card"),
        ],
    )
    .await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let location = header_of(done.headers(), header::LOCATION);
    assert!(
        location.starts_with(&format!("{path}?handover=")),
        "{location}"
    );
    let shown = expect_page(page(&app, &location, Some(&desk)).await, StatusCode::OK).await;
    assert!(
        shown.contains(&format!("Handed over {}: goods", tickets[0])),
        "{shown}"
    );
    assert!(shown.contains(&format!("balance collected {}", won(total))));
    // What was refunded and why: the order's tax-free form and the trip, in English...
    assert!(shown.contains("(form TF"), "{shown}");
    assert!(
        shown.contains("the purchase is within ₩15,000–₩1,000,000: refunded on the spot"),
        "{shown}"
    );
    assert!(shown.contains("(cap ₩5,000,000)"), "{shown}");
    // ...and in Korean.
    let korean = browser_like()
        .get(app.url(&path))
        .header(header::COOKIE, format!("gongbang_session={desk}"))
        .header(header::ACCEPT_LANGUAGE, "ko-KR,ko;q=0.9")
        .send()
        .await
        .unwrap();
    let korean = expect_page(korean, StatusCode::OK).await;
    for text in [
        "즉시 환급합니다",
        "한도 ₩5,000,000",
        "카운터에 있는 물품을 모두 인도할 때",
    ] {
        assert!(
            korean.contains(text),
            "Korean page lacks {text:?}: {korean}"
        );
    }
    let traveller_view = app
        .get_order(
            order["id"].as_str().unwrap(),
            order["token"].as_str().unwrap(),
        )
        .await;
    let traveller_view = expect_status(traveller_view, StatusCode::OK).await;
    assert_ne!(traveller_view["status"], "picked_up");

    // The rest after it arrives: no balance any more, and the order is picked up.
    let rest = post_form(
        &app,
        "/counter/receipts",
        Some(&desk),
        &[("tickets", &tickets[1])],
    )
    .await;
    assert!(
        expect_page(rest, StatusCode::OK)
            .await
            .contains("Received 1 item(s).")
    );
    let pickup = expect_page(page(&app, &path, Some(&desk)).await, StatusCode::OK).await;
    assert!(!pickup.contains(r#"name="balance_method""#), "{pickup}");
    let done = post_form(
        &app,
        &handover,
        Some(&desk),
        &[
            ("ticket", &tickets[1]),
            ("name", "Mia Tanaka"),
            ("passport_last4", "7K2Q"),
        ],
    )
    .await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let traveller_view = app
        .get_order(
            order["id"].as_str().unwrap(),
            order["token"].as_str().unwrap(),
        )
        .await;
    assert_eq!(
        expect_status(traveller_view, StatusCode::OK).await["status"],
        "picked_up"
    );
}

/// An amount as the pages write it: `₩85,000`.
fn won(amount: i64) -> String {
    let digits = amount.to_string();
    let mut grouped = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    format!("₩{grouped}")
}

// ---------------------------------------------------------------------------------------
// In a browser
// ---------------------------------------------------------------------------------------

/// Where the workspace is.
fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workspace")
        .to_owned()
}

/// What the browser part needs, or why it cannot run.
pub(crate) fn browser_tools() -> Result<PathBuf, String> {
    let script = workspace().join("tools/browser/pages.mjs");
    let node = std::process::Command::new("node").arg("--version").output();
    if !node.is_ok_and(|o| o.status.success()) {
        return Err("node is not on PATH".into());
    }
    if !Path::new("/usr/bin/chromium").exists() {
        return Err("/usr/bin/chromium is missing (apt-get install chromium)".into());
    }
    if !workspace()
        .join("tools/browser/node_modules/playwright-core")
        .is_dir()
    {
        return Err("tools/browser/node_modules is missing (npm ci in tools/browser)".into());
    }
    Ok(script)
}

/// The pages' browser script, or `None` after a note when the browser tools are missing
/// and not required: a failure when `GONGBANG_REQUIRE_BROWSER` is set (`scripts/test`).
pub(crate) fn browser_or_skip(what: &str) -> Option<PathBuf> {
    browser_tools()
        .map_err(|missing| skip_browser(&missing, what))
        .ok()
}

/// Says why the browser part `what` is skipped, or fails when the browser is required.
pub(crate) fn skip_browser(missing: &str, what: &str) {
    assert!(
        std::env::var("GONGBANG_REQUIRE_BROWSER").is_err(),
        "GONGBANG_REQUIRE_BROWSER is set but {missing}"
    );
    eprintln!("note: {missing}; skipping {what}");
}

/// A PNG's width and height, checking its signature.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert!(
        bytes.len() > 24 && bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        "not a PNG"
    );
    let word = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (word(16), word(20))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn workshop_pages_in_a_browser() {
    let Some(script) = browser_or_skip("the browser test of the pages") else {
        return;
    };
    let app = spawn_app(Backend::Sqlite).await.unwrap();
    // A queue worth looking at: one ticket accepted, one at risk, one fresh.
    let (first_order, first, workshop) = wallet_order(
        &app,
        json!({ "leather": "dark-brown", "thread": "matching", "monogram": "J.K" }),
        1,
    )
    .await;
    let (_, second, _) = wallet_order(&app, json!({ "leather": "olive" }), 3).await;
    let (_, third, _) = wallet_order(&app, json!({}), 1).await;
    let token = form_sign_in(&app, "atelier@test", "workshop", Some(workshop)).await;
    let moved = post_form(
        &app,
        &format!("/workshop/tickets/{first}/status"),
        Some(&token),
        &[("status", "accepted"), ("note", "hides cut")],
    )
    .await;
    assert_eq!(moved.status(), StatusCode::SEE_OTHER);
    let delayed = post_form(
        &app,
        &format!("/workshop/tickets/{second}/delay"),
        Some(&token),
        &[
            ("working_days", "30"),
            ("note", "olive hides are back-ordered"),
        ],
    )
    .await;
    assert_eq!(delayed.status(), StatusCode::SEE_OTHER);
    assert_eq!(ticket_json(&app, &token, &second).await["at_risk"], true);

    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| workspace().join("target"), PathBuf::from);
    let out = target.join("screenshots/pages");
    let _ = std::fs::remove_dir_all(&out);
    let ticket = format!("/workshop/tickets/{first}");
    let paths = [
        "anon:/staff".to_owned(),
        "/workshop".to_owned(),
        ticket.clone(),
        format!("/workshop/tickets/{second}"),
        format!("{ticket}/print?format=a4"),
        format!("{ticket}/print?format=label"),
        "/workshop/calendar".to_owned(),
        format!("/workshop/tickets/{third}"),
    ];
    let report = run_browser(&script, &app.base, &token, &out, &paths).await;
    let pages = report["pages"].as_array().unwrap();
    assert_eq!(pages.len(), paths.len());
    for (visited, path) in pages.iter().zip(&paths) {
        assert_eq!(visited["path"], path.as_str());
        assert_eq!(visited["status"], 200, "{visited:#}");
        let shot = std::fs::read(visited["screenshot"].as_str().unwrap()).unwrap();
        let (width, height) = png_size(&shot);
        assert_eq!(width, 412, "phone width: {visited:#}");
        assert!(height >= 600, "a whole page: {visited:#}");
        assert!(shot.len() > 8_000, "a non-trivial screenshot: {visited:#}");
        // Nothing is wider than the phone.
        assert!(
            visited["scroll_width"].as_i64().unwrap() <= 412,
            "{visited:#}"
        );
    }
    for (index, (width, height)) in [(4, (210.0, 297.0)), (5, (100.0, 150.0))] {
        let pdf = &pages[index]["pdf"];
        assert_eq!(
            pdf["pages"], 1,
            "{} prints on one page: {pdf:#}",
            paths[index]
        );
        assert_eq!(pdf["count"], 1, "{pdf:#}");
        let size = &pdf["sizes"][0];
        let close = |value: &Value, expected: f64| (value.as_f64().unwrap() - expected).abs() < 1.0;
        assert!(
            close(&size["width_mm"], width) && close(&size["height_mm"], height),
            "{} paper: {pdf:#}",
            paths[index]
        );
        let picture = std::fs::read(pages[index]["print_screenshot"].as_str().unwrap()).unwrap();
        png_size(&picture);
    }

    // The counter's pages: goods on their way, one order at the counter.
    dispatch(&app, &token, &first).await;
    dispatch(&app, &token, &third).await;
    let desk = form_sign_in(&app, "desk@test", "counter", Some(counter_id("icn-t1"))).await;
    let received = post_form(
        &app,
        "/counter/receipts",
        Some(&desk),
        &[("tickets", &first)],
    )
    .await;
    assert_eq!(received.status(), StatusCode::OK);
    let code = first_order["pickup_code"].as_str().unwrap();
    let counter_paths = ["/counter".to_owned(), format!("/counter/pickups/{code}")];
    let report = run_browser(&script, &app.base, &desk, &out, &counter_paths).await;
    for visited in report["pages"].as_array().unwrap() {
        let shot = std::fs::read(visited["screenshot"].as_str().unwrap()).unwrap();
        assert_eq!(png_size(&shot).0, 412, "{visited:#}");
        assert!(
            visited["scroll_width"].as_i64().unwrap() <= 412,
            "{visited:#}"
        );
    }
    eprintln!("screenshots and PDFs in {}", out.display());
}

/// Runs tools/browser/pages.mjs on `paths` as the staff member of `token`; returns its
/// report, failing on any page error or non-200.
pub(crate) async fn run_browser(
    script: &Path,
    base: &str,
    token: &str,
    out: &Path,
    paths: &[String],
) -> Value {
    let output = tokio::process::Command::new("node")
        .arg(script)
        .args(["--base", base, "--token", token, "--out"])
        .arg(out)
        .args(paths)
        .output()
        .await
        .expect("running node");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let report: Value = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("no JSON report ({e}); stdout: {stdout}; stderr: {stderr}"));
    assert!(
        output.status.success() && report["ok"] == true,
        "the browser found problems: {report:#}; stderr: {stderr}"
    );
    assert_eq!(report["pages"].as_array().map(Vec::len), Some(paths.len()));
    report
}
