//! `POST /api/v1/quotes`: prices, ready-by times, feasibility with alternatives, and the
//! problem documents for every kind of bad input.

use reqwest::StatusCode;
use serde_json::{Map, Value, json};
use time::Duration;

use crate::helpers::*;

/// The demo display rate for US dollars (`crates/demo/src/lib.rs`): 1,380.000 won.
const DEMO_WON_PER_USD: f64 = 1_380.0;

/// The request body limit the API documents.
const BODY_LIMIT: usize = 64 * 1024;

// ---------------------------------------------------------------------------------------
// Catalogue look-ups, all through the API.

/// Every product, with its options, as `GET /api/v1/products` lists them.
async fn products(app: &TestApp) -> Vec<Value> {
    let body = expect_status(app.get("/api/v1/products").await, StatusCode::OK).await;
    body.as_array().expect("a product list").clone()
}

/// One product by its id, from `GET /api/v1/products/{id}`.
async fn product(app: &TestApp, id: i64) -> Value {
    let response = app.get(&format!("/api/v1/products/{id}")).await;
    expect_status(response, StatusCode::OK).await
}

/// One product by its code.
async fn product_by_code(app: &TestApp, code: &str) -> Value {
    let listed = products(app).await;
    let found = listed.iter().find(|p| p["code"] == code);
    let id = id_of(found.unwrap_or_else(|| panic!("no product {code} in the demo catalogue")));
    product(app, id).await
}

fn id_of(value: &Value) -> i64 {
    value["id"]
        .as_i64()
        .unwrap_or_else(|| panic!("no id in {value}"))
}

fn int(value: &Value, key: &str) -> i64 {
    value[key]
        .as_i64()
        .unwrap_or_else(|| panic!("{key} is not an integer in {value}"))
}

fn groups(product: &Value) -> &Vec<Value> {
    product["option_groups"].as_array().expect("option groups")
}

/// The first product that has a free-text option group (a monogram), with that group.
async fn product_with_text_group(app: &TestApp) -> (Value, Value) {
    for listed in products(app).await {
        let detail = product(app, id_of(&listed)).await;
        if let Some(group) = groups(&detail)
            .iter()
            .find(|g| g["kind"] == "text")
            .cloned()
        {
            return (detail, group);
        }
    }
    panic!("the demo catalogue has no product with a text option");
}

/// A choice group of `product` and its default value's code.
fn some_choice_group(product: &Value) -> (String, String) {
    let group = groups(product)
        .iter()
        .find(|g| g["kind"] == "choice")
        .unwrap_or_else(|| panic!("{} has no choice group", product["code"]));
    let default = group["values"]
        .as_array()
        .expect("values")
        .iter()
        .find(|v| v["default"] == true)
        .expect("a default value");
    (str_of(group, "code"), str_of(default, "code"))
}

fn str_of(value: &Value, key: &str) -> String {
    value[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} is not a string in {value}"))
        .to_owned()
}

/// The letters and digits a text group accepts, in the order the API lists them.
fn allowed_alphanumerics(group: &Value) -> Vec<char> {
    let allowed = str_of(&group["text_rule"], "allowed_characters");
    allowed.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The most expensive configuration of `product`: the priciest value of every choice
/// group and a monogram of allowed letters. Returns the options and the unit price that
/// `GET /api/v1/products/{id}` implies for them.
fn priciest_configuration(product: &Value) -> (Map<String, Value>, i64) {
    let mut options = Map::new();
    let mut unit_price = int(product, "base_price_krw");
    for group in groups(product) {
        let code = str_of(group, "code");
        match group["kind"].as_str() {
            Some("choice") => {
                let values = group["values"].as_array().expect("values");
                let priciest = values
                    .iter()
                    .max_by_key(|v| int(v, "price_delta_krw"))
                    .expect("a choice group has values");
                options.insert(code, priciest["code"].clone());
                unit_price += int(priciest, "price_delta_krw");
            }
            Some("text") => {
                let rule = &group["text_rule"];
                let max = usize::try_from(int(rule, "max_chars")).expect("a length");
                let text: String = allowed_alphanumerics(group)
                    .into_iter()
                    .take(max.min(2))
                    .collect();
                assert!(!text.is_empty(), "{code} allows some letters");
                options.insert(code, Value::from(text));
                unit_price += int(rule, "price_delta_krw");
            }
            other => panic!("unknown option kind {other:?}"),
        }
    }
    (options, unit_price)
}

/// The deposit share of `amount` at `percent`, rounded up to the next won.
fn deposit_of(amount: i64, percent: i64) -> i64 {
    (amount * percent + 99) / 100
}

// ---------------------------------------------------------------------------------------
// Request helpers.

/// Posts a raw body with a content type of our choosing.
async fn post_raw(app: &TestApp, content_type: Option<&str>, body: String) -> reqwest::Response {
    let mut request = app.client.post(app.url("/api/v1/quotes")).body(body);
    if let Some(content_type) = content_type {
        request = request.header("content-type", content_type);
    }
    request.send().await.expect("request")
}

/// A quote body that passes validation: one unit of the first listed product, defaults,
/// on the long trip.
async fn valid_body(app: &TestApp) -> Value {
    let first = &products(app).await[0];
    let body = quote_body(id_of(first), 1, long_trip());
    let response = app.quote(&body).await;
    expect_status(response, StatusCode::OK).await;
    body
}

/// Sets the member at a JSON Pointer (its parent must exist).
fn set(body: &mut Value, pointer: &str, value: Value) {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
    let shown = body.to_string();
    let target = body
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("no {parent} in {shown}"));
    match target {
        Value::Object(map) => {
            map.insert(key.to_owned(), value);
        }
        Value::Array(items) => items[key.parse::<usize>().expect("an index")] = value,
        other => panic!("cannot set {key} in {other}"),
    }
}

/// Asserts that a quote of `body` is refused with this slug at this field.
async fn expect_refused(app: &TestApp, body: &Value, slug: &str, field: &str) -> Value {
    let response = app.quote(body).await;
    let problem = expect_problem(response, StatusCode::UNPROCESSABLE_ENTITY, slug).await;
    assert_eq!(problem["field"], field, "problem for {body}: {problem}");
    problem
}

fn assert_seoul_time(value: &Value, what: &str) {
    let text = value
        .as_str()
        .unwrap_or_else(|| panic!("{what} is not a time: {value}"));
    assert!(
        text.ends_with("+09:00"),
        "{what} is not in Seoul time: {text}"
    );
    parse_time(value);
}

fn by_kind<'a>(list: &'a Value, key: &str, kind: &str) -> Vec<&'a Value> {
    list.as_array()
        .unwrap_or_else(|| panic!("not a list: {list}"))
        .iter()
        .filter(|entry| entry[key] == kind)
        .collect()
}

// ---------------------------------------------------------------------------------------
// Feasible quotes: prices and times.

async fn a_feasible_quote_prices_every_line_as_the_catalogue_lists_it(app: TestApp) {
    let shirt = product_by_code(&app, "made-to-measure-shirt").await;
    let wallet = product_by_code(&app, "card-wallet").await;
    let (shirt_options, shirt_unit) = priciest_configuration(&shirt);
    assert!(
        shirt_unit > int(&shirt, "base_price_krw"),
        "options add to the price"
    );
    let body = json!({
        "items": [
            { "product_id": shirt["id"], "quantity": 2, "options": shirt_options },
            { "product_id": wallet["id"], "quantity": 3, "options": {} },
        ],
        "itinerary": long_trip(),
        "currency": "USD",
    });
    let quote = expect_status(app.quote(&body).await, StatusCode::OK).await;

    assert_eq!(quote["feasible"], true, "{quote}");
    assert_eq!(quote["reasons"], json!([]), "{quote}");
    assert_eq!(quote["alternatives"], json!([]), "{quote}");
    assert_eq!(quote["counter_id"], long_trip()["counter_id"]);
    let items = quote["items"].as_array().expect("items");
    assert_eq!(items.len(), 2);

    let expected = [
        (&shirt, shirt_unit, 2, Value::Object(shirt_options.clone())),
        (&wallet, int(&wallet, "base_price_krw"), 3, Value::Null),
    ];
    let (mut total, mut deposit) = (0, 0);
    for (item, (product, unit, quantity, options)) in items.iter().zip(expected) {
        assert_eq!(item["product_id"], product["id"]);
        assert_eq!(item["quantity"], quantity);
        assert_eq!(int(item, "unit_price_krw"), unit, "{item}");
        let line_total = unit * quantity;
        assert_eq!(int(item, "line_total_krw"), line_total, "{item}");
        let line_deposit = deposit_of(line_total, int(product, "deposit_percent"));
        assert_eq!(int(item, "deposit_krw"), line_deposit, "{item}");
        total += line_total;
        deposit += line_deposit;
        // The configuration comes back complete: what was asked, defaults for the rest.
        let echoed = item["options"].as_object().expect("options");
        for group in groups(product).iter().filter(|g| g["kind"] == "choice") {
            let code = str_of(group, "code");
            let wanted = match &options {
                Value::Object(asked) => asked[&code].clone(),
                _ => group["values"]
                    .as_array()
                    .expect("values")
                    .iter()
                    .find(|v| v["default"] == true)
                    .expect("a default")["code"]
                    .clone(),
            };
            assert_eq!(echoed.get(&code), Some(&wanted), "{code} of {item}");
        }
        if let Value::Object(asked) = &options {
            assert_eq!(
                echoed, asked,
                "the priciest configuration is echoed as given"
            );
        }
        let minutes = int(item, "production_minutes");
        let plain_minutes = int(product, "production_minutes") * quantity;
        if options.is_null() {
            assert_eq!(
                minutes, plain_minutes,
                "defaults take the listed time: {item}"
            );
        } else {
            assert_eq!(
                minutes % quantity,
                0,
                "the same time for every unit: {item}"
            );
            assert!(minutes > 0, "{item}");
        }
        assert_seoul_time(&item["ready_by"], "ready_by");
        assert!(parse_time(&item["ready_by"]) > NOW, "{item}");
        assert!(
            parse_time(&item["ready_by"]) <= parse_time(&quote["pickup_deadline"]),
            "{quote}"
        );
        let production = &item["production"];
        assert!(
            production["starts_on"].as_str() <= production["finishes_on"].as_str(),
            "{production}"
        );
    }
    assert_eq!(int(&quote, "total_krw"), total, "{quote}");
    assert_eq!(int(&quote, "deposit_krw"), deposit, "{quote}");
    assert!(deposit < total, "a deposit is a share");

    assert_seoul_time(&quote["pickup_deadline"], "pickup_deadline");
    // An airport desk: the deadline is three hours before the flight, at the latest.
    let departure = parse_time(&long_trip()["departure"]);
    assert!(parse_time(&quote["pickup_deadline"]) <= departure - Duration::hours(3));

    let display = &quote["display"];
    assert_eq!(display["currency"], "USD", "{quote}");
    for (key, won) in [("total", total), ("deposit", deposit)] {
        let text = str_of(display, key);
        let amount = text
            .strip_suffix(" USD")
            .unwrap_or_else(|| panic!("{key}: {text}"));
        let (_, cents) = amount
            .split_once('.')
            .unwrap_or_else(|| panic!("{key}: {text}"));
        assert_eq!(cents.len(), 2, "dollars have cents: {text}");
        let dollars: f64 = amount.parse().expect("a number");
        #[allow(clippy::cast_precision_loss)]
        let exact = won as f64 / DEMO_WON_PER_USD;
        assert!(
            (dollars - exact).abs() <= 0.005 + 1e-9,
            "{key}: {text}, expected ≈ {exact:.4}"
        );
    }
}

async fn every_product_is_priced_from_its_catalogue_entry(app: TestApp) {
    for listed in products(&app).await {
        let detail = product(&app, id_of(&listed)).await;
        let (options, unit) = priciest_configuration(&detail);
        let body = json!({
            "items": [{ "product_id": detail["id"], "quantity": 3, "options": options }],
            "itinerary": long_trip(),
        });
        let quote = expect_status(app.quote(&body).await, StatusCode::OK).await;
        let item = &quote["items"][0];
        assert_eq!(
            int(item, "unit_price_krw"),
            unit,
            "{}: {quote}",
            detail["code"]
        );
        assert_eq!(int(item, "line_total_krw"), unit * 3, "{}", detail["code"]);
        let deposit = deposit_of(unit * 3, int(&detail, "deposit_percent"));
        assert_eq!(int(item, "deposit_krw"), deposit, "{}", detail["code"]);
        assert_eq!(int(&quote, "total_krw"), unit * 3);
        assert_eq!(int(&quote, "deposit_krw"), deposit);
        assert!(
            quote.get("display").is_none(),
            "no display without a currency: {quote}"
        );
        assert_seoul_time(&quote["pickup_deadline"], "pickup_deadline");
        assert_seoul_time(&item["ready_by"], "ready_by");
    }
}

async fn a_quote_reserves_nothing(app: TestApp) {
    let shirt = product_by_code(&app, "made-to-measure-shirt").await;
    let (options, _) = priciest_configuration(&shirt);
    let body = json!({
        "items": [{ "product_id": shirt["id"], "quantity": 20, "options": options }],
        "itinerary": long_trip(),
    });
    let stored_before = stored_capacity(&app).await;
    let first = expect_status(app.quote(&body).await, StatusCode::OK).await;
    assert!(first["items"][0]["ready_by"].is_string(), "{first}");
    let second = expect_status(app.quote(&body).await, StatusCode::OK).await;
    assert_eq!(
        first["items"][0]["ready_by"],
        second["items"][0]["ready_by"]
    );
    assert_eq!(
        first["items"][0]["production"],
        second["items"][0]["production"]
    );
    assert_eq!(first, second);
    assert_eq!(
        stored_capacity(&app).await,
        stored_before,
        "a quote stores nothing"
    );
}

/// Orders, reservations and reserved minutes in the database.
async fn stored_capacity(app: &TestApp) -> [i64; 3] {
    [
        app.count("SELECT COUNT(*) FROM orders").await,
        app.count("SELECT COUNT(*) FROM capacity_reservations")
            .await,
        app.count("SELECT COALESCE(SUM(reserved_minutes), 0) FROM workshop_day_loads")
            .await,
    ]
}

// ---------------------------------------------------------------------------------------
// Infeasible quotes and their alternatives.

async fn a_trip_too_short_is_infeasible_and_the_later_departure_offered_works(app: TestApp) {
    let listed = products(&app).await;
    let slowest = listed
        .iter()
        .max_by_key(|p| int(p, "lead_days"))
        .expect("products");
    assert!(int(slowest, "lead_days") >= 2, "{slowest}");
    let counters = expect_status(app.get("/api/v1/counters").await, StatusCode::OK).await;
    let counters = counters.as_array().expect("counters");
    for counter in counters {
        let counter_id = int(counter, "id");
        let departure = NOW + Duration::days(2);
        let body = quote_body(id_of(slowest), 1, itinerary(NOW, departure, counter_id));
        let quote = expect_status(app.quote(&body).await, StatusCode::OK).await;
        let at = counter["code"].clone();

        assert_eq!(quote["feasible"], false, "{at}: {quote}");
        let reasons = by_kind(&quote["reasons"], "code", "not_ready_in_time");
        assert_eq!(reasons.len(), 1, "{at}: {quote}");
        let reason = reasons[0];
        assert_eq!(reason["item"], 0, "{reason}");
        assert_seoul_time(&reason["ready_by"], "reason ready_by");
        assert_seoul_time(&reason["pickup_deadline"], "reason pickup_deadline");
        assert_eq!(reason["ready_by"], quote["items"][0]["ready_by"], "{quote}");
        assert_eq!(
            reason["pickup_deadline"], quote["pickup_deadline"],
            "{quote}"
        );
        assert!(parse_time(&reason["ready_by"]) > parse_time(&reason["pickup_deadline"]));
        assert!(!str_of(reason, "detail").is_empty());

        let later = by_kind(&quote["alternatives"], "kind", "later_departure");
        assert_eq!(later.len(), 1, "{at}: {quote}");
        let earliest = &later[0]["earliest_departure"];
        assert_seoul_time(earliest, "earliest_departure");
        assert!(parse_time(earliest) > departure, "{at}: {quote}");

        // Flying at exactly that moment works ...
        let mut retry = body.clone();
        set(&mut retry, "/itinerary/departure", earliest.clone());
        let requote = expect_status(app.quote(&retry).await, StatusCode::OK).await;
        assert_eq!(
            requote["feasible"], true,
            "{at}: departing {earliest}: {requote}"
        );
        assert_eq!(requote["reasons"], json!([]));
        assert_eq!(requote["alternatives"], json!([]));
        assert!(
            parse_time(&requote["items"][0]["ready_by"]) <= parse_time(&requote["pickup_deadline"]),
            "{requote}"
        );
        // ... and it is the earliest: a minute before does not.
        let sooner = parse_time(earliest) - Duration::minutes(1);
        set(
            &mut retry,
            "/itinerary/departure",
            Value::from(rfc3339(sooner)),
        );
        let too_soon = expect_status(app.quote(&retry).await, StatusCode::OK).await;
        assert_eq!(
            too_soon["feasible"], false,
            "{at}: departing {sooner}: {too_soon}"
        );

        // Any other counter offered works as well.
        for other in by_kind(&quote["alternatives"], "kind", "other_counter") {
            assert_ne!(other["counter_id"], counter_id);
            let mut elsewhere = body.clone();
            set(
                &mut elsewhere,
                "/itinerary/counter_id",
                other["counter_id"].clone(),
            );
            let requote = expect_status(app.quote(&elsewhere).await, StatusCode::OK).await;
            assert_eq!(requote["feasible"], true, "{at} offered {other}: {requote}");
            assert_eq!(
                requote["pickup_deadline"], other["pickup_deadline"],
                "{requote}"
            );
        }
    }
}

/// The earliest departure a quote offers as an alternative.
fn earliest_departure(quote: &Value) -> Value {
    let later = by_kind(&quote["alternatives"], "kind", "later_departure");
    assert_eq!(later.len(), 1, "one later departure in {quote}");
    later[0]["earliest_departure"].clone()
}

async fn another_counter_is_offered_when_only_it_can_make_it_in_time(app: TestApp) {
    let counters = expect_status(app.get("/api/v1/counters").await, StatusCode::OK).await;
    let counters = counters.as_array().expect("counters");
    let shop = counters
        .iter()
        .find(|c| c["kind"] == "city_shop")
        .expect("a city shop");
    let desk = counters
        .iter()
        .find(|c| c["kind"] == "airport_desk")
        .expect("an airport desk");
    // Goods reach the shop sooner than the airport.
    assert!(
        int(shop, "transit_days") < int(desk, "transit_days"),
        "{shop} {desk}"
    );
    let listed = products(&app).await;
    let slowest = listed
        .iter()
        .max_by_key(|p| int(p, "lead_days"))
        .expect("products");
    let short = |counter: &Value| {
        quote_body(
            id_of(slowest),
            1,
            itinerary(NOW, NOW + Duration::days(2), int(counter, "id")),
        )
    };
    let at_shop = expect_status(app.quote(&short(shop)).await, StatusCode::OK).await;
    let at_desk = expect_status(app.quote(&short(desk)).await, StatusCode::OK).await;
    let (shop_earliest, desk_earliest) =
        (earliest_departure(&at_shop), earliest_departure(&at_desk));
    assert!(
        parse_time(&shop_earliest) < parse_time(&desk_earliest),
        "{at_shop} {at_desk}"
    );

    // Flying when the shop could make it but the desk could not ...
    let mut body = short(desk);
    set(&mut body, "/itinerary/departure", shop_earliest.clone());
    let quote = expect_status(app.quote(&body).await, StatusCode::OK).await;
    assert_eq!(quote["feasible"], false, "{quote}");
    assert_eq!(
        by_kind(&quote["reasons"], "code", "not_ready_in_time").len(),
        1,
        "{quote}"
    );
    // ... the desk's own later departure is still offered ...
    assert_eq!(earliest_departure(&quote), desk_earliest, "{quote}");
    // ... and so is the shop, and only the shop.
    let others = by_kind(&quote["alternatives"], "kind", "other_counter");
    assert_eq!(others.len(), 1, "{quote}");
    let other = others[0];
    assert_eq!(other["counter_id"], shop["id"], "{other}");
    assert_eq!(other["counter_code"], shop["code"], "{other}");
    assert_seoul_time(&other["pickup_deadline"], "other counter's pickup deadline");
    set(&mut body, "/itinerary/counter_id", shop["id"].clone());
    let requote = expect_status(app.quote(&body).await, StatusCode::OK).await;
    assert_eq!(requote["feasible"], true, "{requote}");
    assert_eq!(
        requote["pickup_deadline"], other["pickup_deadline"],
        "{requote}"
    );
}

async fn the_default_options_are_offered_when_only_they_are_ready_in_time(app: TestApp) {
    let desk = counter_id("icn-t1");
    let short = itinerary(NOW, NOW + Duration::days(2), desk);
    // A product whose priciest options take it past a day boundary, found through the API.
    let mut found = None;
    for listed in products(&app).await {
        let detail = product(&app, id_of(&listed)).await;
        let (options, _) = priciest_configuration(&detail);
        let plain = quote_body(id_of(&detail), 1, short.clone());
        let plain = expect_status(app.quote(&plain).await, StatusCode::OK).await;
        let mut fancy = quote_body(id_of(&detail), 1, short.clone());
        set(
            &mut fancy,
            "/items/0/options",
            Value::Object(options.clone()),
        );
        let fancy = expect_status(app.quote(&fancy).await, StatusCode::OK).await;
        if parse_time(&fancy["items"][0]["ready_by"]) > parse_time(&plain["items"][0]["ready_by"]) {
            found = Some((detail, options, plain, fancy));
            break;
        }
    }
    let (slow, options, plain, fancy) = found.expect("some options make a demo product later");
    let quickest = products(&app)
        .await
        .into_iter()
        .min_by_key(|p| int(p, "lead_days"))
        .expect("products");

    // Departing when the defaults are just ready: a quick line first, the slow one second.
    let departure = earliest_departure(&plain);
    let body = json!({
        "items": [
            { "product_id": quickest["id"], "quantity": 1, "options": {} },
            { "product_id": slow["id"], "quantity": 1, "options": options },
        ],
        "itinerary": itinerary(NOW, parse_time(&departure), desk),
    });
    let quote = expect_status(app.quote(&body).await, StatusCode::OK).await;
    assert_eq!(quote["feasible"], false, "{quote}");
    let reasons = by_kind(&quote["reasons"], "code", "not_ready_in_time");
    assert_eq!(reasons.len(), 1, "{quote}");
    assert_eq!(reasons[0]["item"], 1, "the slow line is at fault: {quote}");
    assert_eq!(
        earliest_departure(&quote),
        earliest_departure(&fancy),
        "{quote}"
    );
    let simpler = by_kind(&quote["alternatives"], "kind", "simpler_options");
    assert_eq!(simpler.len(), 1, "{quote}");
    assert_eq!(simpler[0]["item"], 1, "{quote}");
    assert_eq!(
        simpler[0]["ready_by"], plain["items"][0]["ready_by"],
        "{quote}"
    );
    assert!(!str_of(simpler[0], "detail").is_empty());

    // Taking that advice works.
    let mut advised = body.clone();
    set(&mut advised, "/items/1/options", json!({}));
    let requote = expect_status(app.quote(&advised).await, StatusCode::OK).await;
    assert_eq!(requote["feasible"], true, "{requote}");
    assert_eq!(
        requote["items"][1]["ready_by"], simpler[0]["ready_by"],
        "{requote}"
    );
}

// ---------------------------------------------------------------------------------------
// Bad input: each a problem document with a stable type and, where there is one, the
// offending field.

async fn malformed_json_is_a_bad_request_problem(app: TestApp) {
    for body in ["{\"items\": [", "not json at all", ""] {
        let response = post_raw(&app, Some("application/json"), body.to_owned()).await;
        let problem = expect_problem(response, StatusCode::BAD_REQUEST, "malformed-body").await;
        assert!(problem.get("field").is_none(), "{problem}");
    }
}

async fn a_body_that_is_not_declared_json_is_an_unsupported_media_type_problem(app: TestApp) {
    let body = valid_body(&app).await.to_string();
    for content_type in [
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        None,
    ] {
        let response = post_raw(&app, content_type, body.clone()).await;
        expect_problem(
            response,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported-media-type",
        )
        .await;
    }
    // The same body declared as JSON (with parameters) is accepted.
    let response = post_raw(&app, Some("application/json; charset=utf-8"), body).await;
    expect_status(response, StatusCode::OK).await;
}

async fn an_unknown_field_is_an_invalid_field_problem_pointing_at_it(app: TestApp) {
    let valid = valid_body(&app).await;
    for pointer in ["/items/0/colour", "/itinerary/flight", "/coupon"] {
        let mut body = valid.clone();
        set(&mut body, pointer, json!("x"));
        let problem = expect_refused(&app, &body, "invalid-field", pointer).await;
        let name = pointer.rsplit('/').next().expect("a name");
        assert!(str_of(&problem, "detail").contains(name), "{problem}");
    }
}

async fn a_field_of_the_wrong_type_is_an_invalid_field_problem_pointing_at_it(app: TestApp) {
    let valid = valid_body(&app).await;
    for (pointer, value) in [
        ("/items/0/quantity", json!("two")),
        ("/items/0/quantity", json!(1.5)),
        ("/items/0/product_id", json!("wallet")),
        ("/items/0/options", json!(["a"])),
        ("/itinerary/counter_id", json!("icn-t1")),
        ("/itinerary/arrival", json!("tomorrow")),
        ("/itinerary/departure", json!(20261222)),
        ("/items", json!({})),
        ("/currency", json!(840)),
    ] {
        let mut body = valid.clone();
        set(&mut body, pointer, value);
        expect_refused(&app, &body, "invalid-field", pointer).await;
    }
    // A missing member is named in the detail.
    let mut body = valid.clone();
    body.as_object_mut().expect("an object").remove("itinerary");
    let response = app.quote(&body).await;
    let problem = expect_problem(response, StatusCode::UNPROCESSABLE_ENTITY, "invalid-field").await;
    assert!(
        str_of(&problem, "detail").contains("itinerary"),
        "{problem}"
    );
}

async fn an_unknown_product_is_a_problem_pointing_at_its_line(app: TestApp) {
    let listed = products(&app).await;
    let unknown = listed.iter().map(id_of).max().expect("products") + 1;
    let known = id_of(&listed[0]);
    let body = json!({
        "items": [
            { "product_id": known, "quantity": 1 },
            { "product_id": unknown, "quantity": 1 },
        ],
        "itinerary": long_trip(),
    });
    let problem = expect_refused(&app, &body, "unknown-product", "/items/1/product_id").await;
    assert!(
        str_of(&problem, "detail").contains(&unknown.to_string()),
        "{problem}"
    );
    let body = quote_body(-1, 1, long_trip());
    expect_refused(&app, &body, "unknown-product", "/items/0/product_id").await;
}

async fn an_unknown_option_group_is_a_problem_pointing_at_the_group(app: TestApp) {
    let wallet = product_by_code(&app, "card-wallet").await;
    let mut body = quote_body(id_of(&wallet), 1, long_trip());
    set(&mut body, "/items/0/options", json!({ "sleeve": "long" }));
    let problem = expect_refused(&app, &body, "unknown-option", "/items/0/options/sleeve").await;
    assert!(str_of(&problem, "detail").contains("sleeve"), "{problem}");
    // A group code that needs escaping in a JSON Pointer is escaped (RFC 6901).
    for (group, field) in [
        ("colour/finish", "/items/0/options/colour~1finish"),
        ("~tilde", "/items/0/options/~0tilde"),
    ] {
        set(&mut body, "/items/0/options", json!({ group: "x" }));
        expect_refused(&app, &body, "unknown-option", field).await;
    }
}

async fn an_unknown_option_value_is_a_problem_pointing_at_the_group(app: TestApp) {
    let wallet = product_by_code(&app, "card-wallet").await;
    let (group, default) = some_choice_group(&wallet);
    let mut body = quote_body(id_of(&wallet), 1, long_trip());
    set(
        &mut body,
        "/items/0/options",
        json!({ &group: "tartan-plaid" }),
    );
    let field = format!("/items/0/options/{group}");
    let problem = expect_refused(&app, &body, "unknown-option-value", &field).await;
    assert!(
        str_of(&problem, "detail").contains("tartan-plaid"),
        "{problem}"
    );
    // The value's label is not its code.
    let label = groups(&wallet)
        .iter()
        .find(|g| g["code"] == group.as_str())
        .and_then(|g| g["values"].as_array())
        .and_then(|values| values.iter().find(|v| v["code"] == default.as_str()))
        .map(|v| str_of(v, "label"))
        .expect("the default's label");
    assert_ne!(label, default);
    set(&mut body, "/items/0/options", json!({ &group: label }));
    expect_refused(&app, &body, "unknown-option-value", &field).await;
}

async fn a_monogram_outside_the_whitelist_is_refused_naming_the_characters(app: TestApp) {
    let (product, group) = product_with_text_group(&app).await;
    let code = str_of(&group, "code");
    let rule = &group["text_rule"];
    let allowed = str_of(rule, "allowed_characters");
    let max = usize::try_from(int(rule, "max_chars")).expect("a length");
    assert!(max >= 2, "{group}");
    let field = format!("/items/0/options/{code}");
    let with_text = |text: &str| {
        let mut body = quote_body(id_of(&product), 1, long_trip());
        set(&mut body, "/items/0/options", json!({ &code: text }));
        body
    };

    // A text within the whitelist is accepted and kept as written.
    let good: String = allowed_alphanumerics(&group).into_iter().take(2).collect();
    let quote = expect_status(app.quote(&with_text(&good)).await, StatusCode::OK).await;
    assert_eq!(
        quote["items"][0]["options"][&code],
        good.as_str(),
        "{quote}"
    );

    // Characters outside it are refused, each named.
    let bad: Vec<char> = ['ü', '#', '!', '?', '@', '½', '☆']
        .into_iter()
        .filter(|c| !allowed.contains(*c))
        .take(2)
        .collect();
    assert_eq!(bad.len(), 2, "the whitelist of {code} is narrow: {allowed}");
    let text: String = bad.iter().collect();
    let problem = expect_refused(&app, &with_text(&text), "invalid-option-text", &field).await;
    let detail = str_of(&problem, "detail");
    for c in &bad {
        assert!(detail.contains(*c), "{c:?} is not named in {detail:?}");
    }

    // Lower case is refused rather than silently changed to upper case.
    if let Some(upper) = allowed
        .chars()
        .find(|c| c.is_ascii_uppercase() && !allowed.contains(c.to_ascii_lowercase()))
    {
        let lower = upper.to_ascii_lowercase().to_string();
        let problem = expect_refused(&app, &with_text(&lower), "invalid-option-text", &field).await;
        assert!(str_of(&problem, "detail").contains(&lower), "{problem}");
    }

    // No text is no monogram, at no extra cost.
    let quote = expect_status(app.quote(&with_text("")).await, StatusCode::OK).await;
    assert_eq!(
        int(&quote["items"][0], "unit_price_krw"),
        int(&product, "base_price_krw")
    );
    assert!(quote["items"][0]["options"].get(&code).is_none(), "{quote}");

    // Too long a text is refused too.
    let long: String = allowed_alphanumerics(&group)
        .into_iter()
        .cycle()
        .take(max + 1)
        .collect();
    expect_refused(&app, &with_text(&long), "invalid-option-text", &field).await;
}

async fn a_quantity_outside_one_to_twenty_is_refused(app: TestApp) {
    let listed = products(&app).await;
    let id = id_of(&listed[0]);
    for quantity in [0, 21, -1, 65_537] {
        let body = quote_body(id, quantity, long_trip());
        let problem =
            expect_refused(&app, &body, "quantity-out-of-range", "/items/0/quantity").await;
        assert!(
            str_of(&problem, "detail").contains(&quantity.to_string()),
            "{problem}"
        );
    }
    // The pointer names the line at fault.
    let body = json!({
        "items": [
            { "product_id": id, "quantity": 20 },
            { "product_id": id, "quantity": 0 },
        ],
        "itinerary": long_trip(),
    });
    expect_refused(&app, &body, "quantity-out-of-range", "/items/1/quantity").await;
    // The bounds themselves are accepted.
    for quantity in [1, 20] {
        let response = app.quote(&quote_body(id, quantity, long_trip())).await;
        expect_status(response, StatusCode::OK).await;
    }
}

async fn a_departure_before_the_arrival_is_refused(app: TestApp) {
    let id = id_of(&products(&app).await[0]);
    let counter = counter_id("icn-t1");
    let arrival = NOW + Duration::days(5);
    for departure in [NOW + Duration::days(3), arrival] {
        let body = quote_body(id, 1, itinerary(arrival, departure, counter));
        expect_refused(
            &app,
            &body,
            "departure-before-arrival",
            "/itinerary/departure",
        )
        .await;
    }
}

async fn a_trip_in_the_past_is_refused(app: TestApp) {
    let id = id_of(&products(&app).await[0]);
    let counter = counter_id("icn-t1");
    for departure in [NOW - Duration::days(3), NOW - Duration::minutes(1), NOW] {
        let body = quote_body(
            id,
            1,
            itinerary(NOW - Duration::days(10), departure, counter),
        );
        expect_refused(&app, &body, "trip-in-past", "/itinerary/departure").await;
    }
}

async fn a_trip_beyond_the_planning_horizon_is_refused(app: TestApp) {
    let id = id_of(&products(&app).await[0]);
    let trip = itinerary(NOW, NOW + Duration::days(400), counter_id("icn-t1"));
    expect_refused(
        &app,
        &quote_body(id, 1, trip),
        "trip-too-far-ahead",
        "/itinerary/departure",
    )
    .await;
}

async fn an_unknown_counter_is_refused(app: TestApp) {
    let id = id_of(&products(&app).await[0]);
    let counters = expect_status(app.get("/api/v1/counters").await, StatusCode::OK).await;
    let unknown = counters
        .as_array()
        .expect("counters")
        .iter()
        .map(id_of)
        .max()
        .expect("counters")
        + 1;
    for counter in [unknown, 0, -1] {
        let trip = itinerary(NOW, NOW + Duration::days(21), counter);
        let body = quote_body(id, 1, trip);
        let problem = expect_refused(&app, &body, "unknown-counter", "/itinerary/counter_id").await;
        assert!(
            str_of(&problem, "detail").contains(&counter.to_string()),
            "{problem}"
        );
    }
}

async fn a_quote_needs_one_to_twenty_items(app: TestApp) {
    let id = id_of(&products(&app).await[0]);
    let empty = json!({ "items": [], "itinerary": long_trip() });
    expect_refused(&app, &empty, "invalid-items", "/items").await;
    let line = json!({ "product_id": id, "quantity": 1 });
    let many = json!({ "items": vec![line; 21], "itinerary": long_trip() });
    expect_refused(&app, &many, "invalid-items", "/items").await;
}

async fn a_body_over_64_kib_is_refused_as_too_large(app: TestApp) {
    let (product, group) = product_with_text_group(&app).await;
    let letter = allowed_alphanumerics(&group)[0];
    let text: String = std::iter::repeat_n(letter, BODY_LIMIT + 1).collect();
    let mut body = quote_body(id_of(&product), 1, long_trip());
    set(
        &mut body,
        "/items/0/options",
        json!({ group["code"].as_str().expect("code"): text }),
    );
    let response = app.quote(&body).await;
    let problem = expect_problem(response, StatusCode::PAYLOAD_TOO_LARGE, "body-too-large").await;
    assert!(
        str_of(&problem, "detail").contains(&BODY_LIMIT.to_string()),
        "{problem}"
    );
}

async fn an_unknown_currency_is_refused(app: TestApp) {
    let valid = valid_body(&app).await;
    for currency in ["XYZ", "US", "dollars"] {
        let mut body = valid.clone();
        set(&mut body, "/currency", json!(currency));
        let problem = expect_refused(&app, &body, "unknown-currency", "/currency").await;
        assert!(str_of(&problem, "detail").contains(currency), "{problem}");
    }
    // A currency with a demo rate is fine.
    let mut body = valid;
    set(&mut body, "/currency", json!("JPY"));
    let quote = expect_status(app.quote(&body).await, StatusCode::OK).await;
    assert_eq!(quote["display"]["currency"], "JPY", "{quote}");
}

crate::on_both_databases! {
    a_feasible_quote_prices_every_line_as_the_catalogue_lists_it,
    every_product_is_priced_from_its_catalogue_entry,
    a_quote_reserves_nothing,
    a_trip_too_short_is_infeasible_and_the_later_departure_offered_works,
    another_counter_is_offered_when_only_it_can_make_it_in_time,
    the_default_options_are_offered_when_only_they_are_ready_in_time,
    malformed_json_is_a_bad_request_problem,
    a_body_that_is_not_declared_json_is_an_unsupported_media_type_problem,
    an_unknown_field_is_an_invalid_field_problem_pointing_at_it,
    a_field_of_the_wrong_type_is_an_invalid_field_problem_pointing_at_it,
    an_unknown_product_is_a_problem_pointing_at_its_line,
    an_unknown_option_group_is_a_problem_pointing_at_the_group,
    an_unknown_option_value_is_a_problem_pointing_at_the_group,
    a_monogram_outside_the_whitelist_is_refused_naming_the_characters,
    a_quantity_outside_one_to_twenty_is_refused,
    a_departure_before_the_arrival_is_refused,
    a_trip_in_the_past_is_refused,
    a_trip_beyond_the_planning_horizon_is_refused,
    an_unknown_counter_is_refused,
    a_quote_needs_one_to_twenty_items,
    a_body_over_64_kib_is_refused_as_too_large,
    an_unknown_currency_is_refused,
}
