//! Previews and the widget over HTTP: an ordered item drawn by the server is exactly what
//! the `preview` renderer draws for the same configuration; only the order's token or
//! the making workshop sees it; sizes are bounded. The widget's files are served with
//! their caching and security headers, and the widget's settings come from one endpoint.

use std::collections::BTreeMap;

use reqwest::StatusCode;
use reqwest::header::{self, HeaderMap};
use serde_json::{Value, json};

use crate::helpers::*;

crate::on_both_databases! {
    an_item_preview_is_the_renderers_picture_of_its_configuration,
    an_item_preview_needs_the_token_and_an_item,
    preview_sizes_are_bounded,
    a_workshop_sees_the_previews_of_its_own_tickets_only,
    a_product_without_a_look_has_no_preview,
    the_widget_config_says_how_to_pay_and_which_languages,
    the_widget_files_are_served_with_caching_and_framing_headers,
}

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// A tan card wallet with initials, paid at the counter (so its ticket exists at once);
/// returns the created order.
async fn wallet_order(app: &TestApp) -> Value {
    let wallet = app.product_id("card-wallet").await;
    let body = json!({
        "items": [{ "product_id": wallet, "quantity": 1,
                    "options": { "leather": "tan", "thread": "red", "monogram": "MT" } }],
        "itinerary": long_trip(),
        "traveller": traveller(),
        "payment": "counter",
    });
    let created = app.place(&body).await;
    assert_eq!(created["status"], "confirmed");
    created
}

async fn get_with(app: &TestApp, path: &str, token: Option<&str>) -> reqwest::Response {
    let mut request = app.client.get(app.url(path));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.unwrap()
}

fn header_of(headers: &HeaderMap, name: header::HeaderName) -> String {
    headers
        .get(&name)
        .unwrap_or_else(|| panic!("no {name} header in {headers:?}"))
        .to_str()
        .unwrap()
        .to_owned()
}

/// Asserts a PNG answer with the preview headers; returns the decoded picture.
async fn expect_png(response: reqwest::Response) -> image::RgbaImage {
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.bytes().await.unwrap();
    assert_eq!(
        status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&bytes)
    );
    assert_eq!(header_of(&headers, header::CONTENT_TYPE), "image/png");
    assert_eq!(
        header_of(&headers, header::CACHE_CONTROL),
        "private, max-age=300"
    );
    assert!(bytes.starts_with(PNG_SIGNATURE));
    image::load_from_memory_with_format(&bytes, image::ImageFormat::Png)
        .expect("a PNG")
        .to_rgba8()
}

/// What `preview` draws for a catalogue product's look and these options.
fn rendered(product: &Value, options: &BTreeMap<String, String>, size: u32) -> image::RgbaImage {
    let look = &product["look"];
    let text = |v: &Value| v.as_str().map(str::to_owned);
    let swatches = look["swatches"]
        .as_object()
        .expect("swatches")
        .iter()
        .map(|(value, swatch)| (value.clone(), swatch.as_str().unwrap().parse().unwrap()))
        .collect();
    let look = preview::ProductLook {
        art: look["art"].as_str().unwrap().parse().unwrap(),
        body_group: text(&look["body"]).unwrap(),
        trim_group: text(&look["trim"]),
        monogram_group: text(&look["monogram"]),
        swatches,
    };
    let spec = look.spec(options, None).expect("a spec");
    preview::render(&spec, size).expect("rendered")
}

async fn catalogue_product(app: &TestApp, id: i64) -> Value {
    let product = app.get(&format!("/api/v1/products/{id}")).await;
    expect_status(product, StatusCode::OK).await
}

async fn an_item_preview_is_the_renderers_picture_of_its_configuration(app: TestApp) {
    let created = wallet_order(&app).await;
    let (id, token) = (
        created["id"].as_str().unwrap(),
        created["token"].as_str().unwrap(),
    );
    let path = format!("/api/v1/orders/{id}/items/0/preview.png");
    let picture = expect_png(get_with(&app, &path, Some(token)).await).await;
    assert_eq!(picture.dimensions(), (512, 512));

    let item = &created["items"][0];
    let options: BTreeMap<String, String> =
        serde_json::from_value(item["options"].clone()).unwrap();
    assert_eq!(options["monogram"], "MT");
    let product = catalogue_product(&app, item["product_id"].as_i64().unwrap()).await;
    let expected = rendered(&product, &options, 512);
    assert!(
        picture.as_raw() == expected.as_raw(),
        "the server's pixels differ from preview::render"
    );
    // Another configuration is another picture.
    let mut black = options.clone();
    black.insert("leather".into(), "black".into());
    assert!(rendered(&product, &black, 512).as_raw() != picture.as_raw());
}

async fn an_item_preview_needs_the_token_and_an_item(app: TestApp) {
    let created = wallet_order(&app).await;
    let other = wallet_order(&app).await;
    let id = created["id"].as_str().unwrap();
    let token = created["token"].as_str().unwrap();
    let path = format!("/api/v1/orders/{id}/items/0/preview.png");
    for wrong in [None, Some("not-a-token"), other["token"].as_str()] {
        let response = get_with(&app, &path, wrong).await;
        expect_problem(response, StatusCode::NOT_FOUND, "not-found").await;
    }
    for index in ["1", "-1", "first"] {
        let path = format!("/api/v1/orders/{id}/items/{index}/preview.png");
        let response = get_with(&app, &path, Some(token)).await;
        expect_problem(response, StatusCode::NOT_FOUND, "not-found").await;
    }
    let unknown = format!(
        "/api/v1/orders/{}/items/0/preview.png",
        uuid::Uuid::new_v4()
    );
    let response = get_with(&app, &unknown, Some(token)).await;
    expect_problem(response, StatusCode::NOT_FOUND, "not-found").await;
}

async fn preview_sizes_are_bounded(app: TestApp) {
    let created = wallet_order(&app).await;
    let id = created["id"].as_str().unwrap();
    let token = created["token"].as_str().unwrap();
    let path = format!("/api/v1/orders/{id}/items/0/preview.png");
    for size in ["63", "1081", "0", "-5", "big", "512.5", ""] {
        let response = get_with(&app, &format!("{path}?size={size}"), Some(token)).await;
        let problem =
            expect_problem(response, StatusCode::UNPROCESSABLE_ENTITY, "invalid-field").await;
        assert_eq!(problem["field"], "/size", "{size}: {problem}");
    }
    for size in [64, 1080] {
        let response = get_with(&app, &format!("{path}?size={size}"), Some(token)).await;
        assert_eq!(expect_png(response).await.dimensions(), (size, size));
    }
}

async fn a_workshop_sees_the_previews_of_its_own_tickets_only(app: TestApp) {
    let created = wallet_order(&app).await;
    let id = created["id"].as_str().unwrap();
    let token = created["token"].as_str().unwrap();
    let number = created["items"][0]["ticket"]["number"].as_str().unwrap();
    let workshop = created["items"][0]["workshop_id"].as_i64().unwrap();
    let path = format!("/api/v1/workshop/tickets/{number}/preview.png");

    let own = app
        .sign_in("atelier@test", "workshop", Some(workshop))
        .await;
    let by_workshop = expect_png(get_with(&app, &path, Some(&own)).await).await;
    let traveller_path = format!("/api/v1/orders/{id}/items/0/preview.png");
    let by_traveller = expect_png(get_with(&app, &traveller_path, Some(token)).await).await;
    assert!(by_workshop.as_raw() == by_traveller.as_raw());
    let small = get_with(&app, &format!("{path}?size=128"), Some(&own)).await;
    assert_eq!(expect_png(small).await.dimensions(), (128, 128));
    let bad = get_with(&app, &format!("{path}?size=2000"), Some(&own)).await;
    expect_problem(bad, StatusCode::UNPROCESSABLE_ENTITY, "invalid-field").await;
    // The numeric id works like the printed number.
    let numeric = number.trim_start_matches('T').trim_start_matches('0');
    let by_id = format!("/api/v1/workshop/tickets/{numeric}/preview.png");
    expect_png(get_with(&app, &by_id, Some(&own)).await).await;

    let other = app
        .sign_in("shoes@test", "workshop", Some(workshop - 1))
        .await;
    let response = get_with(&app, &path, Some(&other)).await;
    expect_problem(response, StatusCode::NOT_FOUND, "not-found").await;
    let missing = get_with(
        &app,
        "/api/v1/workshop/tickets/T999999/preview.png",
        Some(&own),
    )
    .await;
    expect_problem(missing, StatusCode::NOT_FOUND, "not-found").await;
    let desk = app
        .sign_in("desk@test", "counter", Some(counter_id("icn-t1")))
        .await;
    let response = get_with(&app, &path, Some(&desk)).await;
    expect_problem(response, StatusCode::FORBIDDEN, "forbidden").await;
    let response = get_with(&app, &path, None).await;
    expect_problem(response, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    // The ticket page shows the picture with words for it.
    let page = app
        .client
        .get(app.url(&format!("/workshop/tickets/{number}")))
        .header(header::COOKIE, format!("gongbang_session={own}"))
        .send()
        .await
        .unwrap();
    let page = page.text().await.unwrap();
    assert!(
        page.contains(&format!(r#"<img class="preview" src="{path}" alt="Preview of Card wallet: Leather colour Tan, Stitching thread Red, Initials, Latin or Hangul (hot-stamped) “MT”""#)),
        "{page}"
    );
}

async fn a_product_without_a_look_has_no_preview(app: TestApp) {
    let created = wallet_order(&app).await;
    let id = created["id"].as_str().unwrap();
    let token = created["token"].as_str().unwrap();
    let number = created["items"][0]["ticket"]["number"].as_str().unwrap();
    let workshop = created["items"][0]["workshop_id"].as_i64().unwrap();
    app.execute("UPDATE products SET look = NULL").await;
    let product =
        catalogue_product(&app, created["items"][0]["product_id"].as_i64().unwrap()).await;
    assert_eq!(product["look"], Value::Null);
    let path = format!("/api/v1/orders/{id}/items/0/preview.png");
    let response = get_with(&app, &path, Some(token)).await;
    let problem = expect_problem(response, StatusCode::NOT_FOUND, "not-found").await;
    assert!(
        problem["detail"].as_str().unwrap().contains("preview"),
        "{problem}"
    );
    let staff = app
        .sign_in("atelier@test", "workshop", Some(workshop))
        .await;
    let path = format!("/api/v1/workshop/tickets/{number}/preview.png");
    let response = get_with(&app, &path, Some(&staff)).await;
    expect_problem(response, StatusCode::NOT_FOUND, "not-found").await;
    let page = app
        .client
        .get(app.url(&format!("/workshop/tickets/{number}")))
        .header(header::COOKIE, format!("gongbang_session={staff}"))
        .send()
        .await
        .unwrap();
    let page = page.text().await.unwrap();
    assert!(
        page.contains("No preview: this product has no picture."),
        "{page}"
    );
    assert!(!page.contains("<img"), "{page}");
}

async fn the_widget_config_says_how_to_pay_and_which_languages(app: TestApp) {
    let with_cards = app.get("/api/v1/widget/config").await;
    assert_eq!(
        expect_status(with_cards, StatusCode::OK).await,
        json!({
            "payment_methods": ["stripe", "counter"],
            "stripe_publishable_key": STRIPE_PUBLISHABLE_KEY,
            "languages": ["en", "ko", "ja", "zh"],
        })
    );
    let counter_only = serve_with_stripe(&app.database_url, None).await;
    let response = app
        .client
        .get(format!("{counter_only}/api/v1/widget/config"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        expect_status(response, StatusCode::OK).await,
        json!({
            "payment_methods": ["counter"],
            "stripe_publishable_key": null,
            "languages": ["en", "ko", "ja", "zh"],
        })
    );
}

/// A widget as Trunk builds it: the page with a nonce placeholder, a hashed script with a
/// precompressed sibling, a hashed wasm module, and one file without a hash.
fn widget_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let page = r#"<!doctype html><html><head><script type="module" nonce="{{__TRUNK NONCE__}}">import init from '/widget-0123456789abcdef.js'; init();</script></head><body><main id="widget"></main></body></html>"#;
    std::fs::write(dir.path().join("index.html"), page).unwrap();
    let script = "export default async function init() {}\n".repeat(40);
    std::fs::write(dir.path().join("widget-0123456789abcdef.js"), &script).unwrap();
    std::fs::write(
        dir.path().join("widget-0123456789abcdef.js.gz"),
        b"\x1f\x8bpretend-gzip",
    )
    .unwrap();
    let mut wasm = b"\0asm\x01\0\0\0".to_vec();
    wasm.extend(std::iter::repeat_n(7u8, 4096));
    std::fs::write(dir.path().join("widget-0123456789abcdef_bg.wasm"), &wasm).unwrap();
    std::fs::write(dir.path().join("robots.txt"), "User-agent: *\nAllow: /\n").unwrap();
    dir
}

async fn the_widget_files_are_served_with_caching_and_framing_headers(app: TestApp) {
    let dir = widget_dir();
    let base = app.serve_widget(dir.path()).await;
    let get = |path: &str, encoding: Option<&str>| {
        let mut request = app.client.get(format!("{base}{path}"));
        if let Some(encoding) = encoding {
            request = request.header(header::ACCEPT_ENCODING, encoding);
        }
        request.send()
    };

    // The page: never cached without revalidating, a fresh nonce each time, embeddable.
    let mut nonces = Vec::new();
    for path in ["/", "/index.html", "/orders/some-order"] {
        let response = get(path, None).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let headers = response.headers().clone();
        assert_eq!(
            header_of(&headers, header::CACHE_CONTROL),
            "no-cache",
            "{path}"
        );
        assert!(header_of(&headers, header::CONTENT_TYPE).starts_with("text/html"));
        assert!(headers.get(header::X_FRAME_OPTIONS).is_none(), "{path}");
        let policy = header_of(&headers, header::CONTENT_SECURITY_POLICY);
        for part in [
            "default-src 'self'",
            "'wasm-unsafe-eval'",
            "https://js.stripe.com",
            "connect-src 'self' https://api.stripe.com",
            "frame-ancestors *",
        ] {
            assert!(policy.contains(part), "{path}: {part} not in {policy}");
        }
        let html = response.text().await.unwrap();
        assert!(!html.contains("__TRUNK NONCE__"), "{html}");
        let nonce = html
            .split(r#"nonce=""#)
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap()
            .to_owned();
        assert!(nonce.len() >= 16, "{nonce}");
        assert!(policy.contains(&format!("'nonce-{nonce}'")), "{policy}");
        nonces.push(nonce);
    }
    nonces.dedup();
    assert_eq!(nonces.len(), 3, "every page gets its own nonce");

    // Hashed assets are immutable; wasm is served as wasm.
    let wasm = get("/widget-0123456789abcdef_bg.wasm", None).await.unwrap();
    assert_eq!(wasm.status(), StatusCode::OK);
    let headers = wasm.headers().clone();
    assert_eq!(
        header_of(&headers, header::CONTENT_TYPE),
        "application/wasm"
    );
    assert_eq!(
        header_of(&headers, header::CACHE_CONTROL),
        "public, max-age=31536000, immutable"
    );
    assert!(wasm.bytes().await.unwrap().starts_with(b"\0asm"));

    // A precompressed sibling is sent as it is when the browser accepts it.
    let script = get("/widget-0123456789abcdef.js", Some("gzip"))
        .await
        .unwrap();
    let headers = script.headers().clone();
    assert_eq!(header_of(&headers, header::CONTENT_ENCODING), "gzip");
    assert!(header_of(&headers, header::CONTENT_TYPE).contains("javascript"));
    assert_eq!(
        header_of(&headers, header::CACHE_CONTROL),
        "public, max-age=31536000, immutable"
    );
    assert_eq!(&script.bytes().await.unwrap()[..], b"\x1f\x8bpretend-gzip");
    let plain = get("/widget-0123456789abcdef.js", None).await.unwrap();
    assert!(plain.headers().get(header::CONTENT_ENCODING).is_none());
    assert!(plain.text().await.unwrap().starts_with("export default"));

    // Without a sibling, the server compresses on the fly.
    let wasm = get("/widget-0123456789abcdef_bg.wasm", Some("gzip"))
        .await
        .unwrap();
    assert_eq!(header_of(wasm.headers(), header::CONTENT_ENCODING), "gzip");
    assert!(wasm.bytes().await.unwrap().starts_with(b"\x1f\x8b"));

    // A file without a hash in its name is revalidated; a missing file is a 404.
    let robots = get("/robots.txt", None).await.unwrap();
    assert_eq!(
        header_of(robots.headers(), header::CACHE_CONTROL),
        "no-cache"
    );
    let missing = get("/widget-fedcba9876543210.js", None).await.unwrap();
    expect_problem(missing, StatusCode::NOT_FOUND, "not-found").await;

    // The staff pages keep their strict headers; the API stays JSON.
    let staff = get("/staff", None).await.unwrap();
    let headers = staff.headers();
    assert_eq!(header_of(headers, header::X_FRAME_OPTIONS), "DENY");
    assert_eq!(
        header_of(headers, header::CONTENT_SECURITY_POLICY),
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:"
    );
    assert_eq!(header_of(headers, header::CACHE_CONTROL), "no-store");
    let api = get("/api/v1/nothing-here", None).await.unwrap();
    expect_problem(api, StatusCode::NOT_FOUND, "not-found").await;
}
