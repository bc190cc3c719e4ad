//! The traveller's widget in Debian's headless Chromium on a phone screen, driven by
//! `tools/browser/widget.mjs` against the real server serving the built widget (`dist/`)
//! with card payments through the fake Stripe. Each scenario ends with what the API
//! says, so a step that only looked right on the page fails here.
//!
//! Needs `dist/` (`trunk build`), `node`, `/usr/bin/chromium` and
//! `tools/browser/node_modules`. Without them the tests are skipped with a note, unless
//! `GONGBANG_REQUIRE_BROWSER=1` (set by `scripts/test`), which makes that a failure.
//! Screenshots are kept in `target/screenshots/widget/` (`en-*`, `ko-*`, `offline-*`,
//! `artwork-*`, `bench-*`).

use std::path::{Path, PathBuf};
use std::process::Stdio;

use reqwest::StatusCode;
use serde_json::Value;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

use crate::helpers::*;

/// One browser at a time: two Chromiums on two cores make timings meaningless.
static BROWSER: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workspace")
        .to_owned()
}

/// The built widget, the script and the screenshot folder; `None` (after a note) when
/// something is missing and the browser is not required.
fn prerequisites() -> Option<(PathBuf, PathBuf, PathBuf)> {
    let dist = std::env::var_os("GONGBANG_WIDGET_DIST")
        .map_or_else(|| workspace().join("dist"), PathBuf::from);
    let missing = if !dist.join("index.html").is_file() {
        Some(format!(
            "{} has no built widget: run `trunk build` in the workspace",
            dist.display()
        ))
    } else {
        crate::pages::browser_tools().err()
    };
    if let Some(missing) = missing {
        crate::pages::skip_browser(&missing, "the widget's browser test");
        return None;
    }
    let script = workspace().join("tools/browser/widget.mjs");
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| workspace().join("target"), PathBuf::from);
    Some((dist, script, target.join("screenshots/widget")))
}

/// Runs one scenario of widget.mjs. `on_placed` is called when the page reports a placed
/// order and waits; the page continues once it returns. Returns the final report.
async fn run_scenario(
    script: &Path,
    base: &str,
    out: &Path,
    scenario: &str,
    lang: &str,
    on_placed: impl AsyncFnOnce(&Value),
) -> Value {
    let mut child = tokio::process::Command::new("node")
        .arg(script)
        .args([
            "--base",
            base,
            "--scenario",
            scenario,
            "--lang",
            lang,
            "--out",
        ])
        .arg(out)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("running node");
    let mut stdin = child.stdin.take().expect("stdin");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let mut on_placed = Some(on_placed);
    let mut report = Value::Null;
    let reading = async {
        while let Some(line) = lines.next_line().await.expect("reading node") {
            let event: Value = serde_json::from_str(&line)
                .unwrap_or_else(|e| panic!("not a JSON line ({e}): {line}"));
            match event["event"].as_str() {
                Some("placed") => {
                    if let Some(callback) = on_placed.take() {
                        callback(&event).await;
                    }
                    stdin
                        .write_all(b"continue\n")
                        .await
                        .expect("writing to node");
                    stdin.flush().await.expect("flushing");
                }
                Some("done") => report = event,
                _ => panic!("unexpected event from the browser: {event}"),
            }
        }
    };
    tokio::time::timeout(std::time::Duration::from_secs(240), reading)
        .await
        .unwrap_or_else(|_| panic!("{scenario} ({lang}) took over four minutes"));
    let output = child.wait_with_output().await.expect("node finished");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        report["ok"] == true,
        "{scenario} ({lang}) failed in the browser: {report:#}\nstderr: {stderr}"
    );
    for shot in report["screenshots"].as_array().expect("screenshots") {
        let file = shot.as_str().expect("a path");
        let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(
            bytes.starts_with(b"\x89PNG") && bytes.len() > 10_000,
            "{file} is a real screenshot"
        );
    }
    report
}

/// Stripe tells the server the order's PaymentIntent succeeded (as after the Payment
/// Element confirmed the card).
async fn stripe_confirms(app: &TestApp, order_id: &str) {
    let intent = app
        .stripe
        .payment_intents()
        .into_iter()
        .find(|pi| pi["metadata"]["order_id"] == order_id)
        .unwrap_or_else(|| panic!("no PaymentIntent for {order_id}"));
    let paid = app.stripe.succeed(intent["id"].as_str().expect("an id"));
    let (payload, signature) = app.stripe.event("payment_intent.succeeded", paid);
    let response = app
        .client
        .post(app.url("/api/v1/payments/stripe/webhook"))
        .header("content-type", "application/json")
        .header("stripe-signature", signature)
        .body(payload)
        .send()
        .await
        .expect("webhook");
    assert_eq!(response.status(), StatusCode::OK, "the webhook is accepted");
}

/// The made-to-measure shirt from the product list to a paid, confirmed order, in
/// `lang`; then the API must hold exactly what the page showed.
async fn shirt_flow(lang: &str) {
    let Some((dist, script, out)) = prerequisites() else {
        return;
    };
    let _one = BROWSER.lock().await;
    let app = spawn_app(Backend::Sqlite).await.expect("sqlite");
    let base = app.serve_widget(&dist).await;
    let report = run_scenario(&script, &base, &out, "flow", lang, async |placed| {
        let id = placed["id"].as_str().expect("order id");
        stripe_confirms(&app, id).await;
    })
    .await;
    let result = &report["result"];
    let stored = &result["order"];
    let (id, token) = (
        stored["id"].as_str().expect("id"),
        stored["token"].as_str().expect("token"),
    );
    let order = expect_status(app.get_order(id, token).await, StatusCode::OK).await;
    assert_eq!(order["status"], "confirmed", "{order:#}");
    assert_eq!(order["pickup_code"], stored["pickup_code"]);
    assert_eq!(order["traveller"]["name"], "Mia Tanaka");
    assert_eq!(order["traveller"]["passport_last4"], "7K2Q");
    assert_eq!(order["traveller"]["language"], lang);
    assert_eq!(order["money"]["method"], "stripe");
    let item = &order["items"][0];
    assert_eq!(
        item["product_id"],
        app.product_id("made-to-measure-shirt").await
    );
    assert_eq!(item["options"]["fabric"], "irish-linen");
    assert_eq!(item["options"]["monogram"], "MT");
    assert_eq!(item["options"]["fit"], "regular");
    let fitting = &item["fitting"];
    assert!(fitting.is_object(), "the fitting is stored: {item:#}");
    let text = fitting.to_string();
    for expected in ["chest", "100", "neck", "39", "sleeve"] {
        assert!(text.contains(expected), "{expected} in {fitting:#}");
    }
    // The trip is the later departure the page offered and the traveller took.
    let departure = result["departure"].as_str().expect("departure");
    let stored_departure = order["itinerary"]["departure"].as_str().expect("departure");
    assert!(
        stored_departure.starts_with(departure),
        "{stored_departure} is the offered {departure}"
    );
    // Stripe.js was given the publishable key and the order's client secret.
    assert_eq!(result["stripe"]["key"], STRIPE_PUBLISHABLE_KEY);
    assert_eq!(result["stripe"]["locale"], lang);
    assert_eq!(result["stripe"]["confirmed"], 1);
    assert!(
        result["stripe"]["clientSecret"]
            .as_str()
            .is_some_and(|s| s.contains("_secret_")),
        "{result:#}"
    );
    let measured = |name: &str| {
        result["measures"]
            .as_array()
            .expect("measures")
            .iter()
            .any(|m| m[0] == name)
    };
    assert!(measured("gongbang:recommend") && measured("gongbang:preview"));
    eprintln!("{lang}: screenshots in {}", out.display());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn widget_orders_a_fitted_shirt_in_english() {
    shirt_flow("en").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn widget_orders_a_fitted_shirt_in_korean() {
    shirt_flow("ko").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn widget_keeps_the_draft_and_places_one_order_when_the_answer_is_lost() {
    let Some((dist, script, out)) = prerequisites() else {
        return;
    };
    let _one = BROWSER.lock().await;
    let app = spawn_app(Backend::Sqlite).await.expect("sqlite");
    let base = app.serve_widget(&dist).await;
    let report = run_scenario(&script, &base, &out, "offline", "en", async |_| {}).await;
    let result = &report["result"];
    assert_eq!(result["lost"], 1, "the first answer was lost: {result:#}");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM orders").await,
        1,
        "the retry replayed the same order"
    );
    let (id, token) = (
        result["order"]["id"].as_str().expect("id"),
        result["order"]["token"].as_str().expect("token"),
    );
    let order = expect_status(app.get_order(id, token).await, StatusCode::OK).await;
    assert_eq!(order["status"], "confirmed");
    assert_eq!(order["money"]["method"], "counter");
    assert_eq!(order["items"][0]["options"]["leather"], "tan");
    assert_eq!(order["items"][0]["options"]["monogram"], "MT");
    assert_eq!(order["traveller"]["email"], "jun@example.com");
    // After choosing a product by keyboard, the focus is on the next step.
    assert_eq!(result["focused_after_choosing"], "h-sizing");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn widget_checks_artwork_without_blocking_the_page() {
    let Some((dist, script, out)) = prerequisites() else {
        return;
    };
    let _one = BROWSER.lock().await;
    let app = spawn_app(Backend::Sqlite).await.expect("sqlite");
    let base = app.serve_widget(&dist).await;
    let report = run_scenario(&script, &base, &out, "artwork", "en", async |_| {}).await;
    let result = &report["result"];
    let responsive = result["responsive_ms"].as_f64().expect("a time");
    assert!(
        responsive < 2_000.0,
        "an option changed in {responsive} ms while a 20-megapixel photo was handled"
    );
}

/// Preview and recommendation timings at 4x CPU slowdown, printed for the record (the
/// budgets are measured here, not asserted: a shared CI machine is no stopwatch).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn widget_preview_timings_are_reported() {
    let Some((dist, script, out)) = prerequisites() else {
        return;
    };
    let _one = BROWSER.lock().await;
    let app = spawn_app(Backend::Sqlite).await.expect("sqlite");
    let base = app.serve_widget(&dist).await;
    let report = run_scenario(&script, &base, &out, "bench", "en", async |_| {}).await;
    let result = &report["result"];
    assert_eq!(result["preview_px"], 1080, "{result:#}");
    assert!(
        result["preview_ms"]["count"].as_u64() >= Some(12),
        "{result:#}"
    );
    eprintln!("widget timings (4x CPU slowdown): {result:#}");
}
