//! The catalogue over HTTP: health, the OpenAPI document, workshops, counters and
//! products, in the traveller's language.

use std::collections::BTreeSet;

use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::*;

/// The languages every demo text is written in besides English.
const TRANSLATIONS: [&str; 3] = ["ko", "ja", "zh"];

/// A JSON array from a 200 response.
async fn list(app: &TestApp, path: &str) -> Vec<Value> {
    let body = expect_status(app.get(path).await, StatusCode::OK).await;
    body.as_array()
        .unwrap_or_else(|| panic!("{path} is not an array: {body}"))
        .clone()
}

fn str_of<'a>(value: &'a Value, key: &str) -> &'a str {
    value[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} is not a string in {value}"))
}

fn id_of(value: &Value) -> i64 {
    value["id"]
        .as_i64()
        .unwrap_or_else(|| panic!("no id in {value}"))
}

async fn the_health_check_answers_ok(app: TestApp) {
    let response = app.get("/healthz").await;
    assert_eq!(response.status(), StatusCode::OK);
}

async fn the_openapi_document_is_openapi_3_and_lists_every_path(app: TestApp) {
    let response = app.get("/api/v1/openapi.json").await;
    let content_type = response.headers().get("content-type").cloned();
    let document = expect_status(response, StatusCode::OK).await;
    assert!(
        content_type
            .as_ref()
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/json")),
        "content type: {content_type:?}"
    );
    let version = document["openapi"].as_str().expect("an openapi version");
    assert!(version.starts_with("3."), "openapi version {version}");
    let paths = document["paths"].as_object().expect("a paths object");
    // Every route the API serves, and nothing else: a route added without its OpenAPI
    // entry, or an entry without its route, fails here.
    let served = [
        "/healthz",
        "/api/v1/workshops",
        "/api/v1/counters",
        "/api/v1/products",
        "/api/v1/products/{id}",
        "/api/v1/products/{id}/fit",
        "/api/v1/quotes",
        "/api/v1/orders",
        "/api/v1/orders/{id}",
        "/api/v1/orders/{id}/itinerary",
        "/api/v1/orders/{id}/cancel",
        "/api/v1/orders/{id}/items/{index}/preview.png",
        "/api/v1/widget/config",
        "/api/v1/staff/login",
        "/api/v1/staff/logout",
        "/api/v1/staff/me",
        "/api/v1/workshop/calendar",
        "/api/v1/workshop/calendar/closed-days",
        "/api/v1/workshop/calendar/closed-days/{day}",
        "/api/v1/workshop/tickets",
        "/api/v1/workshop/tickets/{id}",
        "/api/v1/workshop/tickets/{id}/status",
        "/api/v1/workshop/tickets/{id}/delay",
        "/api/v1/workshop/tickets/{id}/preview.png",
        "/api/v1/workshop/webhooks",
        "/api/v1/workshop/webhooks/{id}",
        "/api/v1/admin/orders/{id}/confirm",
        "/api/v1/admin/orders/at-risk",
        "/api/v1/admin/payments",
        "/api/v1/payments/stripe/webhook",
        "/api/v1/counter/receipts",
        "/api/v1/counter/incoming",
        "/api/v1/counter/pickups",
        "/api/v1/counter/pickups/{code}",
        "/api/v1/counter/pickups/{code}/handover",
        "/api/v1/counter/pickups/{code}/no-show",
        "/api/v1/counter/held",
    ];
    let documented: std::collections::BTreeSet<&str> = paths.keys().map(String::as_str).collect();
    assert_eq!(
        documented,
        served.into_iter().collect(),
        "the documented paths are not the served ones"
    );
    // The methods the router serves are the ones documented.
    for (path, method) in [
        ("/api/v1/quotes", "post"),
        ("/api/v1/orders", "post"),
        ("/api/v1/orders/{id}", "get"),
        ("/api/v1/orders/{id}/itinerary", "patch"),
        ("/api/v1/orders/{id}/cancel", "post"),
    ] {
        assert!(
            paths[path].get(method).is_some(),
            "{method} {path} is not documented"
        );
    }
}

/// Every operation of the OpenAPI document reaches a handler: asked with made-up
/// parameters it may be refused (401, 404 of an unknown object, 422…), but never with the
/// router's "no such path" or "no such method".
async fn every_documented_operation_reaches_a_handler(app: TestApp) {
    let document = expect_status(app.get("/api/v1/openapi.json").await, StatusCode::OK).await;
    let paths = document["paths"].as_object().expect("a paths object");
    let mut operations = 0;
    for (path, item) in paths {
        let concrete = path
            .replace("{id}", "1")
            .replace("{index}", "0")
            .replace("{code}", "ABCD-EFGH-2")
            .replace("{day}", "2027-01-01");
        for method in item.as_object().expect("a path item").keys() {
            let method = reqwest::Method::from_bytes(method.to_ascii_uppercase().as_bytes())
                .expect("an HTTP method");
            let response = app
                .client
                .request(method.clone(), app.url(&concrete))
                .header("content-type", "application/json")
                .body("{}")
                .send()
                .await
                .expect("the server answers");
            let status = response.status();
            let body = response.text().await.unwrap_or_default();
            assert_ne!(status, StatusCode::METHOD_NOT_ALLOWED, "{method} {path}");
            assert!(
                !body.contains("resource not found"),
                "{method} {path} is documented but not routed: {status} {body}"
            );
            operations += 1;
        }
    }
    assert_eq!(operations, 39, "documented operations");
}

async fn the_api_docs_page_is_html(app: TestApp) {
    let response = app.get("/api/v1/docs").await;
    assert_eq!(response.status(), StatusCode::OK);
    let content_type = response.headers().get("content-type").cloned();
    assert!(
        content_type
            .as_ref()
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html")),
        "content type: {content_type:?}"
    );
    let page = response.text().await.expect("body");
    assert!(
        page.to_ascii_lowercase().contains("<html"),
        "not an HTML page: {page}"
    );
}

async fn the_workshops_cover_the_four_crafts(app: TestApp) {
    let workshops = list(&app, "/api/v1/workshops").await;
    assert!(workshops.len() >= 4, "{} workshops", workshops.len());
    let crafts: BTreeSet<&str> = workshops.iter().map(|w| str_of(w, "craft")).collect();
    let expected: BTreeSet<&str> = ["garment", "shoes", "bag", "printed"].into();
    assert_eq!(crafts, expected);
    let ids: BTreeSet<i64> = workshops.iter().map(id_of).collect();
    assert_eq!(ids.len(), workshops.len(), "workshop ids are unique");
    for workshop in &workshops {
        for key in ["code", "name", "description", "district"] {
            assert!(!str_of(workshop, key).is_empty(), "{key} of {workshop}");
        }
        let days = workshop["working_days"].as_array().expect("working days");
        assert!(!days.is_empty(), "a workshop works some days: {workshop}");
        assert!(
            workshop["minutes_per_day"].as_u64().is_some_and(|m| m > 0),
            "{workshop}"
        );
    }
}

async fn there_are_three_counters_two_of_them_airport_desks(app: TestApp) {
    let counters = list(&app, "/api/v1/counters").await;
    assert_eq!(counters.len(), 3, "{counters:?}");
    let desks = counters
        .iter()
        .filter(|c| c["kind"] == "airport_desk")
        .count();
    assert_eq!(desks, 2, "{counters:?}");
    let shops = counters.iter().filter(|c| c["kind"] == "city_shop").count();
    assert_eq!(shops, 1, "{counters:?}");
    // The harness's fixed ids match the seed order.
    for counter in &counters {
        assert_eq!(
            id_of(counter),
            counter_id(str_of(counter, "code")),
            "{counter}"
        );
        for key in ["name", "address", "opens_at", "closes_at", "pickup_rule"] {
            assert!(!str_of(counter, key).is_empty(), "{key} of {counter}");
        }
    }
}

async fn the_product_list_has_at_least_twelve_products(app: TestApp) {
    let products = list(&app, "/api/v1/products").await;
    assert!(products.len() >= 12, "{} products", products.len());
    let ids: BTreeSet<i64> = products.iter().map(id_of).collect();
    assert_eq!(ids.len(), products.len(), "product ids are unique");
    let codes: BTreeSet<&str> = products.iter().map(|p| str_of(p, "code")).collect();
    assert_eq!(codes.len(), products.len(), "product codes are unique");
    let workshops: BTreeSet<i64> = list(&app, "/api/v1/workshops")
        .await
        .iter()
        .map(id_of)
        .collect();
    for product in &products {
        let workshop = product["workshop_id"].as_i64().expect("workshop id");
        assert!(
            workshops.contains(&workshop),
            "{product} names an unknown workshop"
        );
        assert!(
            product["base_price_krw"].as_i64().is_some_and(|p| p > 0),
            "{product}"
        );
    }
}

async fn filtering_products_by_category_returns_only_that_category(app: TestApp) {
    let all = list(&app, "/api/v1/products").await;
    let categories: BTreeSet<&str> = all.iter().map(|p| str_of(p, "category")).collect();
    assert!(
        categories.len() >= 2,
        "the demo has several categories: {categories:?}"
    );
    let mut seen = 0;
    for category in categories {
        let filtered = list(&app, &format!("/api/v1/products?category={category}")).await;
        let expected = all.iter().filter(|p| p["category"] == category).count();
        assert!(!filtered.is_empty(), "{category} has products");
        assert!(filtered.len() < all.len(), "{category} filters nothing");
        assert_eq!(
            filtered.len(),
            expected,
            "every {category} product is listed"
        );
        for product in &filtered {
            assert_eq!(product["category"], category, "{product}");
        }
        seen += filtered.len();
    }
    assert_eq!(seen, all.len(), "the categories partition the catalogue");
}

async fn filtering_products_by_workshop_returns_only_that_workshops_products(app: TestApp) {
    let all = list(&app, "/api/v1/products").await;
    let workshops = list(&app, "/api/v1/workshops").await;
    for workshop in &workshops {
        let id = id_of(workshop);
        let filtered = list(&app, &format!("/api/v1/products?workshop_id={id}")).await;
        let expected = all.iter().filter(|p| p["workshop_id"] == id).count();
        assert!(!filtered.is_empty(), "workshop {id} has products");
        assert!(filtered.len() < all.len(), "workshop {id} filters nothing");
        assert_eq!(
            filtered.len(),
            expected,
            "every product of workshop {id} is listed"
        );
        for product in &filtered {
            assert_eq!(product["workshop_id"], id, "{product}");
            // A workshop makes products of its own craft.
            assert_eq!(product["category"], workshop["craft"], "{product}");
        }
    }
    // Both filters together narrow further.
    let first = &all[0];
    let path = format!(
        "/api/v1/products?category={}&workshop_id={}",
        str_of(first, "category"),
        first["workshop_id"]
    );
    let both = list(&app, &path).await;
    assert!(
        both.iter().any(|p| p["id"] == first["id"]),
        "{path} lists {first}"
    );
    for product in &both {
        assert_eq!(product["category"], first["category"]);
        assert_eq!(product["workshop_id"], first["workshop_id"]);
    }
}

async fn an_unknown_category_is_a_problem_about_the_category(app: TestApp) {
    let response = app.get("/api/v1/products?category=spaceships").await;
    let problem = expect_problem(response, StatusCode::UNPROCESSABLE_ENTITY, "invalid-field").await;
    assert_eq!(problem["field"], "/category", "{problem}");
    assert!(
        str_of(&problem, "detail").contains("spaceships"),
        "{problem}"
    );
}

async fn product_texts_come_in_the_requested_language(app: TestApp) {
    let products = list(&app, "/api/v1/products").await;
    for listed in &products {
        let path = format!("/api/v1/products/{}", id_of(listed));
        let response = app.get(&path).await;
        assert_eq!(
            response
                .headers()
                .get("content-language")
                .and_then(|v| v.to_str().ok()),
            Some("en"),
            "{path} without Accept-Language"
        );
        let english = expect_status(response, StatusCode::OK).await;
        assert_eq!(&english, listed, "the detail is the listed product");
        for language in TRANSLATIONS {
            let response = app.get_in(&path, language).await;
            assert_eq!(
                response
                    .headers()
                    .get("content-language")
                    .and_then(|v| v.to_str().ok()),
                Some(language),
                "{path} in {language}"
            );
            let translated = expect_status(response, StatusCode::OK).await;
            for key in ["name", "description"] {
                assert_ne!(
                    translated[key], english[key],
                    "{key} of {path} in {language}"
                );
                assert!(
                    !str_of(&translated, key).is_empty(),
                    "{key} of {path} in {language}"
                );
            }
            let groups = translated["option_groups"].as_array().expect("groups");
            let english_groups = english["option_groups"].as_array().expect("groups");
            assert_eq!(groups.len(), english_groups.len());
            for (group, english_group) in groups.iter().zip(english_groups) {
                assert_eq!(
                    group["code"], english_group["code"],
                    "codes are not translated"
                );
                assert_ne!(group["label"], english_group["label"], "{path} {language}");
            }
            // Only the texts change: prices, codes and times stay.
            for key in ["id", "code", "workshop_id", "category", "base_price_krw"] {
                assert_eq!(
                    translated[key], english[key],
                    "{key} of {path} in {language}"
                );
            }
        }
    }
}

async fn the_lists_come_in_the_requested_language(app: TestApp) {
    for path in ["/api/v1/workshops", "/api/v1/counters", "/api/v1/products"] {
        let english = list(&app, path).await;
        for language in TRANSLATIONS {
            let response = app.get_in(path, language).await;
            assert_eq!(
                response
                    .headers()
                    .get("content-language")
                    .and_then(|v| v.to_str().ok()),
                Some(language),
                "{path} in {language}"
            );
            let translated = expect_status(response, StatusCode::OK).await;
            let translated = translated.as_array().expect("a list");
            assert_eq!(translated.len(), english.len(), "{path} in {language}");
            for (entry, original) in translated.iter().zip(&english) {
                assert_eq!(entry["id"], original["id"], "{path}: the same order");
                assert_ne!(
                    entry["name"], original["name"],
                    "{path} in {language}: {entry}"
                );
            }
        }
    }
    // A regional variant counts as its language.
    let response = app
        .get_in("/api/v1/workshops", "ko-KR,ko;q=0.9,en;q=0.8")
        .await;
    assert_eq!(
        response
            .headers()
            .get("content-language")
            .and_then(|v| v.to_str().ok()),
        Some("ko")
    );
}

async fn an_unsupported_language_falls_back_to_english(app: TestApp) {
    let products = list(&app, "/api/v1/products").await;
    let path = format!("/api/v1/products/{}", id_of(&products[0]));
    let english = expect_status(app.get(&path).await, StatusCode::OK).await;
    let korean = expect_status(app.get_in(&path, "ko").await, StatusCode::OK).await;
    let response = app.get_in(&path, "fr").await;
    assert_eq!(
        response
            .headers()
            .get("content-language")
            .and_then(|v| v.to_str().ok()),
        Some("en")
    );
    let french = expect_status(response, StatusCode::OK).await;
    assert_eq!(french, english);
    assert_ne!(
        french, korean,
        "the fallback is English, not another language"
    );
    // A supported language further down the list wins over an unsupported first choice.
    let response = app.get_in(&path, "fr-FR, ja;q=0.5").await;
    assert_eq!(
        response
            .headers()
            .get("content-language")
            .and_then(|v| v.to_str().ok()),
        Some("ja")
    );
}

async fn every_choice_option_group_has_exactly_one_default(app: TestApp) {
    let products = list(&app, "/api/v1/products").await;
    let mut choice_groups = 0;
    for listed in &products {
        let path = format!("/api/v1/products/{}", id_of(listed));
        let product = expect_status(app.get(&path).await, StatusCode::OK).await;
        for group in product["option_groups"].as_array().expect("groups") {
            match str_of(group, "kind") {
                "choice" => {
                    choice_groups += 1;
                    let values = group["values"].as_array().expect("values");
                    let defaults = values.iter().filter(|v| v["default"] == true).count();
                    assert_eq!(defaults, 1, "{path}: {group}");
                    let codes: BTreeSet<&str> = values.iter().map(|v| str_of(v, "code")).collect();
                    assert_eq!(codes.len(), values.len(), "value codes are unique: {group}");
                }
                "text" => {
                    let rule = &group["text_rule"];
                    assert!(rule["max_chars"].as_u64().is_some_and(|m| m > 0), "{group}");
                    assert!(!str_of(rule, "allowed_characters").is_empty(), "{group}");
                }
                other => panic!("{path}: unknown option kind {other}"),
            }
        }
    }
    assert!(choice_groups > 0, "the demo has choice groups");
}

async fn a_malformed_workshop_filter_is_a_problem_about_the_workshop_id(app: TestApp) {
    let response = app.get("/api/v1/products?workshop_id=abc").await;
    let problem = expect_problem(response, StatusCode::UNPROCESSABLE_ENTITY, "invalid-field").await;
    assert_eq!(problem["field"], "/workshop_id", "{problem}");
}

async fn an_unknown_product_is_not_found(app: TestApp) {
    let products = list(&app, "/api/v1/products").await;
    let unknown = products.iter().map(id_of).max().expect("products") + 1;
    for id in [unknown.to_string(), "999".to_owned(), "abc".to_owned()] {
        let response = app.get(&format!("/api/v1/products/{id}")).await;
        expect_problem(response, StatusCode::NOT_FOUND, "not-found").await;
    }
}

async fn an_unknown_api_path_is_a_not_found_problem(app: TestApp) {
    for path in [
        "/api/v1/spaceships",
        "/api/v1/products/1/reviews",
        "/api/v2/products",
    ] {
        let response = app.get(path).await;
        expect_problem(response, StatusCode::NOT_FOUND, "not-found").await;
    }
}

async fn a_wrong_method_on_a_known_path_is_a_method_not_allowed_problem(app: TestApp) {
    for (method, path, allowed) in [
        (reqwest::Method::GET, "/api/v1/quotes", "POST"),
        (reqwest::Method::POST, "/api/v1/products", "GET"),
        (reqwest::Method::DELETE, "/api/v1/products/1", "GET"),
    ] {
        let request = app.client.request(method.clone(), app.url(path));
        let response = request.send().await.expect("request");
        let allow = response
            .headers()
            .get("allow")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        assert!(
            allow.as_deref().is_some_and(|a| a.contains(allowed)),
            "{method} {path}: Allow is {allow:?}"
        );
        expect_problem(
            response,
            StatusCode::METHOD_NOT_ALLOWED,
            "method-not-allowed",
        )
        .await;
    }
}

crate::on_both_databases! {
    the_health_check_answers_ok,
    the_openapi_document_is_openapi_3_and_lists_every_path,
    every_documented_operation_reaches_a_handler,
    the_api_docs_page_is_html,
    the_workshops_cover_the_four_crafts,
    there_are_three_counters_two_of_them_airport_desks,
    the_product_list_has_at_least_twelve_products,
    filtering_products_by_category_returns_only_that_category,
    filtering_products_by_workshop_returns_only_that_workshops_products,
    an_unknown_category_is_a_problem_about_the_category,
    product_texts_come_in_the_requested_language,
    the_lists_come_in_the_requested_language,
    an_unsupported_language_falls_back_to_english,
    every_choice_option_group_has_exactly_one_default,
    a_malformed_workshop_filter_is_a_problem_about_the_workshop_id,
    an_unknown_product_is_not_found,
    an_unknown_api_path_is_a_not_found_problem,
    a_wrong_method_on_a_known_path_is_a_method_not_allowed_problem,
}
