//! Looks and fittings over HTTP: the catalogue tells the widget how to draw each product,
//! in every language; a fitting sent with an order is run again by the server, stored
//! with the line and shown to the traveller and on the workshop's ticket; a bad fitting
//! is refused with a pointer into the order and stores nothing.

use std::path::PathBuf;

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::*;
use crate::pages::{browser_or_skip, form_sign_in, run_browser};

crate::on_both_databases! {
    the_catalogue_shows_every_products_look_in_every_language,
    the_openapi_document_describes_looks_fittings_and_previews,
    a_quote_with_a_fitting_shows_the_size_it_recommends,
    an_order_with_a_fitting_stores_it_and_the_ticket_shows_it,
    a_bad_fitting_is_refused_with_its_pointer_and_nothing_is_stored,
    the_fitting_is_part_of_the_idempotency_fingerprint,
}

fn cm(value: f64, source: &str) -> Value {
    json!({ "value": value, "unit": "cm", "source": source })
}

/// A traveller who measured themselves, one point in inches and estimated.
fn shirt_fitting() -> Value {
    json!({
        "measurements": {
            "chest": cm(100.0, "tape"),
            "neck": cm(39.0, "tape"),
            "shoulder": cm(45.0, "tape"),
            "waist": cm(90.0, "tape"),
            "sleeve": { "value": 24.0, "unit": "in", "source": "estimate" },
        },
        "fit": "regular",
    })
}

fn shirt_order(shirt: i64, fitting: Value) -> Value {
    json!({
        "items": [{ "product_id": shirt, "quantity": 1, "options": { "fabric": "irish-linen" }, "fitting": fitting }],
        "itinerary": long_trip(),
        "traveller": traveller(),
    })
}

/// The value codes of a product's choice group, from the catalogue view.
fn values_of(product: &Value, group: &str) -> Vec<String> {
    let groups = product["option_groups"].as_array().expect("option groups");
    let found = groups
        .iter()
        .find(|g| g["code"] == group)
        .unwrap_or_else(|| panic!("{} has no group {group}", product["code"]));
    assert_eq!(found["kind"], "choice", "{group} of {}", product["code"]);
    found["values"]
        .as_array()
        .expect("values")
        .iter()
        .map(|v| v["code"].as_str().expect("code").to_owned())
        .collect()
}

async fn the_catalogue_shows_every_products_look_in_every_language(app: TestApp) {
    let english = expect_status(app.get("/api/v1/products").await, StatusCode::OK).await;
    let products = english.as_array().expect("a list");
    assert_eq!(products.len(), 14);
    for product in products {
        let look = &product["look"];
        let code = &product["code"];
        let keys: Vec<&str> = look
            .as_object()
            .unwrap_or_else(|| panic!("{code} has no look"))
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            ["art", "body", "monogram", "swatches", "trim"],
            "{code}"
        );
        let art = look["art"].as_str().expect("art");
        assert!(art.parse::<preview::ArtKind>().is_ok(), "{code}: art {art}");
        let mut coloured = values_of(product, look["body"].as_str().expect("body group"));
        if let Some(trim) = look["trim"].as_str() {
            coloured.extend(values_of(product, trim));
        }
        let swatches = look["swatches"].as_object().expect("swatches");
        for value in &coloured {
            let swatch = swatches[value.as_str()].as_str().unwrap_or_else(|| {
                panic!("{code}: no swatch for {value}");
            });
            assert!(
                swatch.parse::<preview::Swatch>().is_ok(),
                "{code}: {value} = {swatch}"
            );
        }
        assert_eq!(swatches.len(), coloured.len(), "{code}: {swatches:?}");
        if let Some(monogram) = look["monogram"].as_str() {
            let groups = product["option_groups"].as_array().expect("groups");
            let group = groups
                .iter()
                .find(|g| g["code"] == monogram)
                .expect("group");
            assert_eq!(group["kind"], "text", "{code}");
        }
    }
    let shirt = products
        .iter()
        .find(|p| p["code"] == "made-to-measure-shirt")
        .expect("the shirt");
    assert_eq!(
        shirt["look"],
        json!({
            "art": "shirt", "body": "fabric", "trim": null, "monogram": "monogram",
            "swatches": {
                "cotton-oxford": "#c7d7ea:cotton", "cotton-poplin": "#f4f5f1:cotton",
                "irish-linen": "#e6dfcf:linen", "sea-island-cotton": "#fbf9f2:cotton",
            },
        })
    );
    let crossbody = products
        .iter()
        .find(|p| p["code"] == "crossbody-bag")
        .expect("bag");
    assert_eq!(crossbody["look"]["trim"], "hardware");
    assert_eq!(crossbody["look"]["swatches"]["brass"], "#b8953f:metal");

    // The look is data, not text: the same in every language, on the list and on a product.
    for language in ["ko", "ja", "zh"] {
        let translated = app.get_in("/api/v1/products", language).await;
        let translated = expect_status(translated, StatusCode::OK).await;
        for (a, b) in products.iter().zip(translated.as_array().expect("a list")) {
            assert_eq!(a["code"], b["code"]);
            assert_ne!(a["name"], b["name"], "{language} names are translated");
            assert_eq!(a["look"], b["look"], "{language}: {}", a["code"]);
        }
        let id = shirt["id"].as_i64().expect("id");
        let one = app
            .get_in(&format!("/api/v1/products/{id}"), language)
            .await;
        let one = expect_status(one, StatusCode::OK).await;
        assert_eq!(one["look"], shirt["look"]);
    }
}

async fn the_openapi_document_describes_looks_fittings_and_previews(app: TestApp) {
    let document = expect_status(app.get("/api/v1/openapi.json").await, StatusCode::OK).await;
    let schemas = &document["components"]["schemas"];
    let look = &schemas["LookView"]["properties"];
    for field in ["art", "body", "trim", "monogram", "swatches"] {
        assert!(look.get(field).is_some(), "LookView.{field}: {look}");
    }
    let product = &schemas["ProductView"]["properties"];
    assert!(product.get("look").is_some(), "{product}");
    let item = &schemas["ItemRequest"]["properties"];
    assert!(item.get("fitting").is_some(), "{item}");
    let ordered = &schemas["OrderItemView"]["properties"];
    assert!(ordered.get("fitting").is_some(), "{ordered}");
    let ticket = &schemas["TicketView"]["properties"];
    assert!(ticket.get("fitting").is_some(), "{ticket}");
    let paths = &document["paths"];
    for path in [
        "/api/v1/orders/{id}/items/{index}/preview.png",
        "/api/v1/workshop/tickets/{id}/preview.png",
        "/api/v1/widget/config",
    ] {
        assert!(paths.get(path).is_some(), "no {path}");
    }
    let png = &paths["/api/v1/orders/{id}/items/{index}/preview.png"]["get"]["responses"]["200"];
    assert!(png["content"].get("image/png").is_some(), "{png}");
}

async fn a_quote_with_a_fitting_shows_the_size_it_recommends(app: TestApp) {
    let shirt = app.product_id("made-to-measure-shirt").await;
    let fit = app
        .post_json(&format!("/api/v1/products/{shirt}/fit"), &shirt_fitting())
        .await;
    let fit = expect_status(fit, StatusCode::OK).await;
    let mut body = shirt_order(shirt, shirt_fitting());
    body.as_object_mut().expect("object").remove("traveller");
    let quote = expect_status(app.quote(&body).await, StatusCode::OK).await;
    assert_eq!(quote["items"][0]["fitting"], fit);
    // Without a fitting the quote says nothing about sizes.
    let plain = quote_body(shirt, 1, long_trip());
    let plain = expect_status(app.quote(&plain).await, StatusCode::OK).await;
    assert!(plain["items"][0].get("fitting").is_none(), "{plain}");
}

async fn an_order_with_a_fitting_stores_it_and_the_ticket_shows_it(app: TestApp) {
    let shirt = app.product_id("made-to-measure-shirt").await;
    let fit = app
        .post_json(&format!("/api/v1/products/{shirt}/fit"), &shirt_fitting())
        .await;
    let fit = expect_status(fit, StatusCode::OK).await;

    let created = app.place(&shirt_order(shirt, shirt_fitting())).await;
    let id = created["id"].as_str().unwrap().to_owned();
    let token = created["token"].as_str().unwrap().to_owned();
    assert_eq!(created["items"][0]["fitting"]["result"], fit);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM order_items WHERE fitting IS NOT NULL")
            .await,
        1
    );

    app.confirm_paid(&id, created["total_krw"].as_i64().unwrap())
        .await;
    let order = expect_status(app.get_order(&id, &token).await, StatusCode::OK).await;
    let fitting = &order["items"][0]["fitting"];
    assert_eq!(fitting["request"], shirt_fitting());
    assert_eq!(fitting["result"], fit);
    for field in ["size", "confidence", "areas", "adjustments"] {
        assert!(fitting["result"].get(field).is_some(), "{field}: {fitting}");
    }

    let number = order["items"][0]["ticket"]["number"]
        .as_str()
        .expect("a ticket");
    let workshop = order["items"][0]["workshop_id"].as_i64().unwrap();
    let staff = app.sign_in("tailor@test", "workshop", Some(workshop)).await;
    let ticket = app
        .client
        .get(app.url(&format!("/api/v1/workshop/tickets/{number}")))
        .bearer_auth(&staff)
        .send()
        .await
        .unwrap();
    let ticket = expect_status(ticket, StatusCode::OK).await;
    let on_ticket = &ticket["fitting"];
    assert_eq!(on_ticket["size"], fit["size"]);
    assert_eq!(on_ticket["confidence"], fit["confidence"]);
    assert_eq!(on_ticket["adjustments"], fit["adjustments"]);
    assert_eq!(on_ticket["compared_with"], "body");
    assert_eq!(on_ticket["fit"], "regular");
    let measurements = on_ticket["measurements"].as_array().expect("measurements");
    assert_eq!(measurements.len(), 5);
    assert!(
        measurements
            .contains(&json!({ "point": "chest", "value": 100.0, "unit": "cm", "source": "tape" }))
    );
    assert!(measurements.contains(
        &json!({ "point": "sleeve", "value": 24.0, "unit": "in", "source": "estimate" })
    ));

    // The pages show the same numbers (the session token works as the page cookie).
    let cookie = format!("gongbang_session={staff}");
    for path in [
        format!("/workshop/tickets/{number}"),
        format!("/workshop/tickets/{number}/print?format=a4"),
    ] {
        let page = app
            .client
            .get(app.url(&path))
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), StatusCode::OK, "{path}");
        let html = page.text().await.unwrap();
        let size = fit["size"].as_str().unwrap();
        for text in [
            "Recommended base size",
            &format!("<strong>{size}</strong>"),
            "Made-to-measure adjustments",
            "Chest",
            "100.0 cm",
            "24.0 in",
            "tape-measured",
            "estimated",
            &format!(r#"src="/api/v1/workshop/tickets/{number}/preview.png""#),
            r#"alt="Preview of Made-to-measure shirt: Fabric Irish linen"#,
        ] {
            assert!(html.contains(text), "{path} lacks {text:?}: {html}");
        }
        assert!(!html.contains("without a fitting"), "{path}");
    }

    // A line ordered without a fitting says so.
    let wallet = app.product_id("card-wallet").await;
    let plain = app.place(&counter_order_body(wallet, 1, long_trip())).await;
    assert_eq!(plain["items"][0]["fitting"], Value::Null);
}

async fn a_bad_fitting_is_refused_with_its_pointer_and_nothing_is_stored(app: TestApp) {
    let shirt = app.product_id("made-to-measure-shirt").await;
    let tote = app.product_id("leather-tote").await;
    let mut huge = shirt_fitting();
    huge["measurements"]["chest"] = cm(300.0, "tape");
    let mut both = shirt_fitting();
    both["reference_garment"] = json!({ "chest": { "value": 54.0, "unit": "cm" } });
    let mut unknown = shirt_fitting();
    unknown["measurements"]["elbow"] = cm(30.0, "tape");
    let cases = [
        (
            huge.clone(),
            shirt,
            "measurement-out-of-range",
            "/items/1/fitting/measurements/chest/value",
        ),
        (
            both,
            shirt,
            "invalid-field",
            "/items/1/fitting/reference_garment",
        ),
        (
            unknown,
            shirt,
            "invalid-field",
            "/items/1/fitting/measurements/elbow",
        ),
        (shirt_fitting(), tote, "no-sizes", "/items/1/fitting"),
        (
            json!({ "measurements": { "chest": { "value": 100, "unit": "mm" } } }),
            shirt,
            "invalid-field",
            "/items/1/fitting/measurements/chest/unit",
        ),
    ];
    let wallet = app.product_id("card-wallet").await;
    for (fitting, product, slug, field) in cases {
        let body = json!({
            "items": [
                { "product_id": wallet, "quantity": 1 },
                { "product_id": product, "quantity": 1, "fitting": fitting },
            ],
            "itinerary": long_trip(),
            "traveller": traveller(),
        });
        let refused = app.order(&uuid::Uuid::new_v4().to_string(), &body).await;
        let problem = expect_problem(refused, StatusCode::UNPROCESSABLE_ENTITY, slug).await;
        assert_eq!(problem["field"], field, "{problem}");
        let mut quote = body.clone();
        quote.as_object_mut().unwrap().remove("traveller");
        let quoted = app.quote(&quote).await;
        let problem = expect_problem(quoted, StatusCode::UNPROCESSABLE_ENTITY, slug).await;
        assert_eq!(problem["field"], field, "{problem}");
    }
    // The fit endpoint says the same about the same body, without the prefix.
    let fit = app
        .post_json(&format!("/api/v1/products/{shirt}/fit"), &huge)
        .await;
    let problem = expect_problem(
        fit,
        StatusCode::UNPROCESSABLE_ENTITY,
        "measurement-out-of-range",
    )
    .await;
    assert_eq!(problem["field"], "/measurements/chest/value");
    assert_eq!(app.count("SELECT COUNT(*) FROM orders").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM order_items").await, 0);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM capacity_reservations")
            .await,
        0
    );
}

async fn the_fitting_is_part_of_the_idempotency_fingerprint(app: TestApp) {
    let shirt = app.product_id("made-to-measure-shirt").await;
    let key = uuid::Uuid::new_v4().to_string();
    let body = shirt_order(shirt, shirt_fitting());
    let first = expect_status(app.order(&key, &body).await, StatusCode::CREATED).await;
    let again = app.order(&key, &body).await;
    assert_eq!(again.headers().get("idempotent-replayed").unwrap(), "true");
    let again = expect_status(again, StatusCode::CREATED).await;
    assert_eq!(again["id"], first["id"]);
    assert_eq!(again["items"][0]["fitting"], first["items"][0]["fitting"]);

    let mut other = shirt_fitting();
    other["measurements"]["chest"] = cm(104.0, "tape");
    let changed = app.order(&key, &shirt_order(shirt, other)).await;
    expect_problem(
        changed,
        StatusCode::UNPROCESSABLE_ENTITY,
        "idempotency-key-reused",
    )
    .await;
    let without = app.order(&key, &order_body(shirt, 1, long_trip())).await;
    expect_problem(
        without,
        StatusCode::UNPROCESSABLE_ENTITY,
        "idempotency-key-reused",
    )
    .await;
    assert_eq!(app.count("SELECT COUNT(*) FROM orders").await, 1);
}

/// A long fitting (six points, four alterations, two of them over the cap) with the
/// preview beside it still prints the A4 ticket on one page, in Debian's headless
/// Chromium (skipped like the pages' browser test when the browser tools are missing).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_ticket_with_a_long_fitting_prints_on_one_a4_page() {
    let Some(script) = browser_or_skip("the A4 ticket with a fitting") else {
        return;
    };
    let app = spawn_app(Backend::Sqlite).await.unwrap();
    let shirt = app.product_id("made-to-measure-shirt").await;
    let fitting = json!({
        "measurements": {
            "chest": cm(104.0, "tape"), "neck": cm(41.0, "tape"), "shoulder": cm(47.0, "tape"),
            "waist": cm(98.0, "tape"), "sleeve": cm(66.0, "tape"),
            "height": { "value": 70.0, "unit": "in", "source": "estimate" },
        },
        "fit": "slim",
    });
    let mut body = shirt_order(shirt, fitting);
    body["items"][0]["options"]["monogram"] = json!("MT");
    let created = app.place(&body).await;
    let id = created["id"].as_str().unwrap();
    app.confirm_paid(id, created["total_krw"].as_i64().unwrap())
        .await;
    let token = created["token"].as_str().unwrap();
    let order = expect_status(app.get_order(id, token).await, StatusCode::OK).await;
    let result = &order["items"][0]["fitting"]["result"];
    assert!(
        result["adjustments"].as_array().unwrap().len() >= 3,
        "{result}"
    );
    let custom = result["advice"].as_array().unwrap();
    assert!(
        custom.iter().any(|a| a["code"] == "custom-pattern"),
        "{result}"
    );

    let number = order["items"][0]["ticket"]["number"].as_str().unwrap();
    let workshop = order["items"][0]["workshop_id"].as_i64().unwrap();
    let staff = form_sign_in(&app, "tailor@test", "workshop", Some(workshop)).await;
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target"),
        PathBuf::from,
    );
    let out = target.join("screenshots/fitting");
    let _ = std::fs::remove_dir_all(&out);
    let paths = [
        format!("/workshop/tickets/{number}"),
        format!("/workshop/tickets/{number}/print?format=a4"),
    ];
    let report = run_browser(&script, &app.base, &staff, &out, &paths).await;
    let pages = report["pages"].as_array().unwrap();
    assert!(
        pages[0]["scroll_width"].as_i64().unwrap() <= 412,
        "{:#}",
        pages[0]
    );
    assert_eq!(
        pages[1]["pdf"]["pages"], 1,
        "one A4 page: {:#}",
        pages[1]["pdf"]
    );
}
