//! Staff sign-in: login, the session as bearer token and as cookie, logout, expiry,
//! slowing down and locking password guessing, `gongbang staff add`, the demo staff.

use clap::Parser;
use reqwest::{Response, StatusCode};
use serde_json::{Value, json};
use time::Duration;

use crate::helpers::{
    NOW, STAFF_PASSWORD, TestApp, counter_id, expect_problem, expect_status, serve_at,
};

crate::on_both_databases! {
    login_answers_the_role_and_sets_a_strict_cookie,
    the_token_works_as_bearer_and_as_cookie,
    unknown_email_and_wrong_password_get_the_same_refusal,
    failed_logins_slow_down_and_then_lock,
    logout_ends_the_session,
    sessions_expire_after_twelve_hours,
    staff_add_checks_role_place_password_and_email,
    demo_staff_exist_for_every_place,
    login_bodies_are_checked,
}

const TAILOR: &str = "kim@euljiro-tailor.example";

async fn login(base: &str, email: &str, password: &str) -> Response {
    reqwest::Client::new()
        .post(format!("{base}/api/v1/staff/login"))
        .json(&json!({ "email": email, "password": password }))
        .send()
        .await
        .expect("request")
}

async fn me(app: &TestApp, token: &str) -> Response {
    let request = app
        .client
        .get(app.url("/api/v1/staff/me"))
        .bearer_auth(token);
    request.send().await.expect("request")
}

async fn me_at(base: &str, token: &str) -> Response {
    let request = reqwest::Client::new()
        .get(format!("{base}/api/v1/staff/me"))
        .bearer_auth(token);
    request.send().await.expect("request")
}

fn header(response: &Response, name: &str) -> Option<String> {
    let value = response.headers().get(name)?;
    Some(value.to_str().expect("ASCII header").to_owned())
}

async fn add(app: &TestApp, email: &str, role: &str, place: Option<i64>) {
    api::staff_accounts::add_staff_at(&app.database_url, email, role, place, STAFF_PASSWORD)
        .await
        .expect("add staff");
}

async fn login_answers_the_role_and_sets_a_strict_cookie(app: TestApp) {
    add(&app, TAILOR, "workshop", Some(1)).await;
    let response = login(&app.base, TAILOR, STAFF_PASSWORD).await;
    let cookie = header(&response, "set-cookie").expect("a session cookie");
    assert_eq!(
        header(&response, "cache-control").as_deref(),
        Some("no-store")
    );
    let body = expect_status(response, StatusCode::OK).await;
    let token = body["token"].as_str().expect("token");
    assert!(token.len() >= 43, "{token}");
    assert_eq!(body["role"], "workshop");
    assert_eq!(body["place_id"], 1);
    assert_eq!(
        cookie,
        format!(
            "gongbang_session={token}; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=43200"
        )
    );
    // Only the token's hash is stored.
    let stored = app
        .count("SELECT COUNT(*) FROM staff_sessions WHERE length(token_hash) = 64")
        .await;
    assert_eq!(stored, 1);

    let operator = app.sign_in("ops@gongbang.example", "operator", None).await;
    let body = expect_status(me(&app, &operator).await, StatusCode::OK).await;
    assert_eq!(
        body,
        json!({ "email": "ops@gongbang.example", "role": "operator", "place_id": null })
    );
    let counter = app
        .sign_in("desk@icn.example", "counter", Some(counter_id("icn-t1")))
        .await;
    let body = expect_status(me(&app, &counter).await, StatusCode::OK).await;
    assert_eq!(body["role"], "counter");
    assert_eq!(body["place_id"], counter_id("icn-t1"));

    // The email's case does not matter.
    let response = login(&app.base, "  KIM@Euljiro-Tailor.example", STAFF_PASSWORD).await;
    expect_status(response, StatusCode::OK).await;
}

async fn the_token_works_as_bearer_and_as_cookie(app: TestApp) {
    let token = app.sign_in(TAILOR, "workshop", Some(2)).await;
    let expected = json!({ "email": TAILOR, "role": "workshop", "place_id": 2 });
    assert_eq!(
        expect_status(me(&app, &token).await, StatusCode::OK).await,
        expected
    );
    let by_cookie = app
        .client
        .get(app.url("/api/v1/staff/me"))
        .header("cookie", format!("theme=dark; gongbang_session={token}"));
    let response = by_cookie.send().await.expect("request");
    assert_eq!(expect_status(response, StatusCode::OK).await, expected);

    expect_problem(
        app.get("/api/v1/staff/me").await,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
    )
    .await;
    let wrong = format!("{token}x");
    expect_problem(
        me(&app, &wrong).await,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
    )
    .await;
}

async fn unknown_email_and_wrong_password_get_the_same_refusal(app: TestApp) {
    add(&app, TAILOR, "workshop", Some(1)).await;
    let wrong_password = login(&app.base, TAILOR, "not the password").await;
    assert_eq!(header(&wrong_password, "set-cookie"), None);
    let wrong_password = expect_problem(
        wrong_password,
        StatusCode::UNAUTHORIZED,
        "invalid-credentials",
    )
    .await;
    let unknown = login(&app.base, "nobody@nowhere.example", "not the password").await;
    let unknown = expect_problem(unknown, StatusCode::UNAUTHORIZED, "invalid-credentials").await;
    assert_eq!(wrong_password, unknown);
    let not_an_email = login(&app.base, "nobody", "not the password").await;
    let not_an_email = expect_problem(
        not_an_email,
        StatusCode::UNAUTHORIZED,
        "invalid-credentials",
    )
    .await;
    assert_eq!(not_an_email, unknown);
    // Unknown emails leave no trace; the wrong password was counted.
    let failures = app
        .count("SELECT CAST(SUM(failed_logins) AS BIGINT) FROM staff")
        .await;
    assert_eq!(failures, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM staff_sessions").await, 0);
}

async fn failed_logins_slow_down_and_then_lock(app: TestApp) {
    add(&app, TAILOR, "workshop", Some(1)).await;
    // The first three failures answer at once.
    for _ in 0..3 {
        let response = login(&app.base, TAILOR, "guess guess guess").await;
        expect_problem(response, StatusCode::UNAUTHORIZED, "invalid-credentials").await;
    }
    // Then each attempt must wait, even with the right password (the clock stands still).
    let response = login(&app.base, TAILOR, STAFF_PASSWORD).await;
    assert_eq!(header(&response, "retry-after").as_deref(), Some("1"));
    expect_problem(response, StatusCode::TOO_MANY_REQUESTS, "too-many-attempts").await;
    let failures = "SELECT CAST(failed_logins AS BIGINT) FROM staff WHERE email = 'kim@euljiro-tailor.example'";
    assert_eq!(
        app.count(failures).await,
        3,
        "a refused attempt is not counted"
    );

    // Nine failures so far; the tenth, two minutes later, locks the account.
    let nine = "UPDATE staff SET failed_logins = 9 WHERE email = 'kim@euljiro-tailor.example'";
    app.execute(nine).await;
    let later = serve_at(&app.database_url, NOW + Duration::minutes(2), None).await;
    let response = login(&later, TAILOR, "guess guess guess").await;
    expect_problem(response, StatusCode::UNAUTHORIZED, "invalid-credentials").await;
    assert_eq!(app.count(failures).await, 10);
    let response = login(&later, TAILOR, STAFF_PASSWORD).await;
    assert_eq!(header(&response, "retry-after").as_deref(), Some("900"));
    let problem =
        expect_problem(response, StatusCode::TOO_MANY_REQUESTS, "too-many-attempts").await;
    assert!(
        problem["detail"].as_str().unwrap().contains("900 seconds"),
        "{problem}"
    );
    // Still locked just before the 15 minutes are over.
    let almost = serve_at(
        &app.database_url,
        NOW + Duration::minutes(17) - Duration::seconds(1),
        None,
    )
    .await;
    let response = login(&almost, TAILOR, STAFF_PASSWORD).await;
    assert_eq!(header(&response, "retry-after").as_deref(), Some("1"));
    expect_problem(response, StatusCode::TOO_MANY_REQUESTS, "too-many-attempts").await;

    // Once the lock has passed the right password works and clears the count.
    let unlocked = serve_at(&app.database_url, NOW + Duration::minutes(17), None).await;
    let response = login(&unlocked, TAILOR, STAFF_PASSWORD).await;
    expect_status(response, StatusCode::OK).await;
    assert_eq!(app.count(failures).await, 0);
    let nulls = "SELECT COUNT(*) FROM staff WHERE last_failed_at IS NOT NULL";
    assert_eq!(app.count(nulls).await, 0);
    let response = login(&unlocked, TAILOR, "guess guess guess").await;
    expect_problem(response, StatusCode::UNAUTHORIZED, "invalid-credentials").await;
    assert_eq!(app.count(failures).await, 1);
}

async fn logout_ends_the_session(app: TestApp) {
    let token = app.sign_in(TAILOR, "workshop", Some(1)).await;
    let other = login(&app.base, TAILOR, STAFF_PASSWORD).await;
    let other = expect_status(other, StatusCode::OK).await["token"]
        .as_str()
        .unwrap()
        .to_owned();

    let logout = app.client.post(app.url("/api/v1/staff/logout"));
    let response = logout.bearer_auth(&token).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        header(&response, "set-cookie").as_deref(),
        Some("gongbang_session=; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=0")
    );
    expect_problem(
        me(&app, &token).await,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
    )
    .await;
    // Other sessions of the same account stay; logging out twice is harmless.
    expect_status(me(&app, &other).await, StatusCode::OK).await;
    let again = app.client.post(app.url("/api/v1/staff/logout"));
    let response = again.bearer_auth(&token).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::NO_CONTENT);

    // The pages log out with the cookie.
    let by_cookie = app
        .client
        .post(app.url("/api/v1/staff/logout"))
        .header("cookie", format!("gongbang_session={other}"));
    let response = by_cookie.send().await.expect("request");
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    expect_problem(
        me(&app, &other).await,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
    )
    .await;
    assert_eq!(app.count("SELECT COUNT(*) FROM staff_sessions").await, 0);
}

async fn sessions_expire_after_twelve_hours(app: TestApp) {
    let token = app.sign_in(TAILOR, "workshop", Some(1)).await;
    let last_minute = serve_at(
        &app.database_url,
        NOW + Duration::hours(12) - Duration::seconds(1),
        None,
    )
    .await;
    expect_status(me_at(&last_minute, &token).await, StatusCode::OK).await;
    let expired = serve_at(&app.database_url, NOW + Duration::hours(12), None).await;
    let response = me_at(&expired, &token).await;
    expect_problem(response, StatusCode::UNAUTHORIZED, "unauthenticated").await;

    // A session aged in the database is refused by the server at NOW too.
    let fresh = app
        .sign_in("lee@euljiro-tailor.example", "workshop", Some(1))
        .await;
    expect_status(me(&app, &fresh).await, StatusCode::OK).await;
    app.execute("UPDATE staff_sessions SET expires_at = created_at")
        .await;
    expect_problem(
        me(&app, &fresh).await,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
    )
    .await;

    // A later login purges expired sessions.
    assert_eq!(app.count("SELECT COUNT(*) FROM staff_sessions").await, 2);
    let response = login(&expired, TAILOR, STAFF_PASSWORD).await;
    expect_status(response, StatusCode::OK).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM staff_sessions").await, 1);
}

fn staff_add(url: &str, extra: &[&str]) -> api::config::StaffAddArgs {
    let mut argv = vec!["gongbang", "staff", "add", "--database-url", url];
    argv.extend_from_slice(extra);
    let api::Command::Staff(staff) = api::Cli::try_parse_from(argv).expect("parses").command else {
        panic!("not a staff command");
    };
    let api::config::StaffCommand::Add(args) = staff.command;
    args
}

async fn run_add(args: &api::config::StaffAddArgs, stdin: &str) -> anyhow::Result<String> {
    let member = api::staff_accounts::run_add(args, &mut stdin.as_bytes()).await?;
    Ok(format!("{} {}", member.email, member.role))
}

async fn staff_add_checks_role_place_password_and_email(app: TestApp) {
    let url = app.database_url.as_str();
    let tailor = [
        "--email",
        "Kim@Euljiro-Tailor.example",
        "--role",
        "workshop",
        "--place",
        "1",
    ];
    let added = run_add(&staff_add(url, &tailor), "a long password\nignored\n").await;
    assert_eq!(added.unwrap(), format!("{TAILOR} workshop:1"));
    let response = login(&app.base, TAILOR, "a long password").await;
    let body = expect_status(response, StatusCode::OK).await;
    assert_eq!(
        (&body["role"], &body["place_id"]),
        (&json!("workshop"), &json!(1))
    );

    let refusal = |result: anyhow::Result<String>| format!("{:#}", result.unwrap_err());
    let again = run_add(&staff_add(url, &tailor), "another long password\n").await;
    assert!(refusal(again).contains("already exists"));
    let short = ["--email", "a@b.example", "--role", "operator"];
    let error = refusal(run_add(&staff_add(url, &short), "123456789\n").await);
    assert!(error.contains("at least 10 characters"), "{error}");
    let error = refusal(run_add(&staff_add(url, &short), "").await);
    assert!(error.contains("standard input"), "{error}");
    let placeless = ["--email", "c@d.example", "--role", "counter"];
    let error = refusal(run_add(&staff_add(url, &placeless), "a long password\n").await);
    assert!(error.contains("--place"), "{error}");
    let placed_operator = [
        "--email",
        "e@f.example",
        "--role",
        "operator",
        "--place",
        "1",
    ];
    let error = refusal(run_add(&staff_add(url, &placed_operator), "a long password\n").await);
    assert!(error.contains("not bound to a place"), "{error}");
    let nowhere = [
        "--email",
        "g@h.example",
        "--role",
        "workshop",
        "--place",
        "99",
    ];
    let error = refusal(run_add(&staff_add(url, &nowhere), "a long password\n").await);
    assert_eq!(error, "there is no workshop with id 99");
    let nowhere = [
        "--email",
        "g@h.example",
        "--role",
        "counter",
        "--place",
        "4",
    ];
    let error = refusal(run_add(&staff_add(url, &nowhere), "a long password\n").await);
    assert_eq!(error, "there is no counter with id 4");
    let bad_email = ["--email", "not-an-email", "--role", "operator"];
    let error = refusal(run_add(&staff_add(url, &bad_email), "a long password\n").await);
    assert!(error.contains("not an email address"), "{error}");
    let unknown_role = [
        "gongbang",
        "staff",
        "add",
        "--email",
        "i@j.example",
        "--role",
        "admin",
    ];
    assert!(api::Cli::try_parse_from(unknown_role).is_err());

    let operator = ["--email", "ops@gongbang.example", "--role", "operator"];
    let added = run_add(&staff_add(url, &operator), "an operator password\n").await;
    assert_eq!(added.unwrap(), "ops@gongbang.example operator");
    let count = "SELECT COUNT(*) FROM staff WHERE email NOT LIKE '%@gongbang.demo'";
    assert_eq!(app.count(count).await, 2, "refused accounts are not stored");
    let hashed =
        "SELECT COUNT(*) FROM staff WHERE password_hash LIKE '$argon2id$v=19$m=19456,t=2,p=1$%'";
    assert_eq!(app.count(hashed).await, 10, "8 demo accounts and 2 added");
}

async fn demo_staff_exist_for_every_place(app: TestApp) {
    let count = |sql: &'static str| app.count(sql);
    assert_eq!(
        count("SELECT COUNT(*) FROM staff WHERE email = 'operator@gongbang.demo' AND role = 'operator' AND place_id IS NULL").await,
        1
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM staff s JOIN workshops w ON w.id = s.place_id WHERE s.role = 'workshop' AND s.email = 'workshop-' || w.code || '@gongbang.demo'").await,
        4
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM staff s JOIN counters c ON c.id = s.place_id WHERE s.role = 'counter' AND s.email = 'counter-' || c.code || '@gongbang.demo'").await,
        3
    );
    assert_eq!(
        count("SELECT COUNT(DISTINCT password_hash) FROM staff").await,
        8
    );
    // Their passwords are random: none of them is the test password.
    let response = login(&app.base, "operator@gongbang.demo", STAFF_PASSWORD).await;
    expect_problem(response, StatusCode::UNAUTHORIZED, "invalid-credentials").await;
}

async fn login_bodies_are_checked(app: TestApp) {
    let response = app
        .post_json("/api/v1/staff/login", &json!({ "email": TAILOR }))
        .await;
    let problem = expect_problem(response, StatusCode::UNPROCESSABLE_ENTITY, "invalid-field").await;
    assert!(problem["detail"].as_str().unwrap().contains("password"));
    let text = app
        .client
        .post(app.url("/api/v1/staff/login"))
        .body("email=kim");
    let response = text.send().await.expect("request");
    expect_problem(
        response,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported-media-type",
    )
    .await;

    let document = expect_status(app.get("/api/v1/openapi.json").await, StatusCode::OK).await;
    let paths: &Value = &document["paths"];
    assert!(paths["/api/v1/staff/login"]["post"].is_object());
    assert!(paths["/api/v1/staff/logout"]["post"].is_object());
    assert!(paths["/api/v1/staff/me"]["get"].is_object());
}
