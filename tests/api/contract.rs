//! The contract between the widget and the server: the widget's own readers
//! (`widget::wire`, over its own `widget::json`) read real answers of the running server,
//! and every member they read equals what the JSON says. The requests are the widget's
//! own too, built by `widget::app::App` as the page builds them, so a member renamed on
//! either side fails here: a request the server refuses, a required member the widget
//! does not find (its reader answers `None`), or a value that differs.

use reqwest::{Response, StatusCode};
use serde_json::Value;

use widget::app::{App, Catalogue, QuoteState};
use widget::draft::{Draft, Traveller};
use widget::i18n::Lang;
use widget::json::Json;
use widget::sizing::{self, Suggestion};
use widget::wire::{
    AlternativeView, CounterView, OrderCreated, OrderView, ProductView, QuoteView, ReasonView,
    WidgetConfig, WorkshopView,
};

use crate::helpers::*;

/// An answer of this status, read by the widget (`Json`) and by serde (`Value`) from the
/// same text.
async fn answer(response: Response, status: StatusCode) -> (Json, Value) {
    let actual = response.status();
    let text = response.text().await.expect("body");
    assert_eq!(actual, status, "unexpected status; body: {text}");
    let read = Json::parse(&text).unwrap_or_else(|| panic!("the widget cannot read {text}"));
    (read, serde_json::from_str(&text).expect("JSON"))
}

/// Posts a body the widget wrote, as the page's `fetch` does.
async fn post(app: &TestApp, path: &str, body: &Json, key: Option<&str>) -> Response {
    let mut request = app
        .client
        .post(app.url(path))
        .header("content-type", "application/json")
        .body(body.to_text());
    if let Some(key) = key {
        request = request.header("idempotency-key", key);
    }
    request.send().await.expect("request")
}

fn text(value: &Value) -> &str {
    value
        .as_str()
        .unwrap_or_else(|| panic!("{value} is not a string"))
}

fn int(value: &Value) -> i64 {
    value
        .as_i64()
        .unwrap_or_else(|| panic!("{value} is not a whole number"))
}

fn texts(value: &Value) -> Vec<&str> {
    let items = value.as_array().expect("an array");
    items.iter().map(text).collect()
}

/// Two numbers the same to a millionth (a centimetre or a confidence, written by one
/// side and read by the other).
fn assert_near(read: Option<f64>, expected: f64, what: &str) {
    let read = read.unwrap_or_else(|| panic!("{what}: no number"));
    assert!(
        (read - expected).abs() < 1e-6,
        "{what}: {read} vs {expected}"
    );
}

/// Every member of a product the widget reads equals the JSON's.
fn assert_product(product: &ProductView, json: &Value) {
    let at = &product.code;
    assert_eq!(product.id, int(&json["id"]), "{at}");
    assert_eq!(product.code, text(&json["code"]));
    assert_eq!(product.workshop_id, int(&json["workshop_id"]), "{at}");
    assert_eq!(product.category, text(&json["category"]), "{at}");
    assert_eq!(product.name, text(&json["name"]), "{at}");
    assert_eq!(product.description, text(&json["description"]), "{at}");
    assert_eq!(product.base_price_krw, int(&json["base_price_krw"]), "{at}");
    assert_eq!(
        i64::from(product.deposit_percent),
        int(&json["deposit_percent"]),
        "{at}"
    );
    assert_eq!(
        Some(product.pay_at_counter),
        json["pay_at_counter"].as_bool()
    );
    assert_eq!(
        i64::from(product.lead_days),
        int(&json["lead_days"]),
        "{at}"
    );
    assert_eq!(
        i64::from(product.production_minutes),
        int(&json["production_minutes"]),
        "{at}"
    );
    match &product.look {
        Some(look) => assert_eq!(
            serde_json::from_str::<Value>(&look.to_text()).expect("JSON"),
            json["look"],
            "{at}: the look goes to the preview worker as it came"
        ),
        None => assert!(json["look"].is_null(), "{at}: {}", json["look"]),
    }
    let groups = json["option_groups"].as_array().expect("option groups");
    assert_eq!(product.option_groups.len(), groups.len(), "{at}");
    for (group, json) in product.option_groups.iter().zip(groups) {
        let at = format!("{at}/{}", group.code);
        assert_eq!(group.code, text(&json["code"]));
        assert_eq!(group.label, text(&json["label"]), "{at}");
        assert_eq!(group.kind, text(&json["kind"]), "{at}");
        let values = json["values"].as_array().map_or(&[][..], Vec::as_slice);
        assert_eq!(group.values.len(), values.len(), "{at}");
        for (value, json) in group.values.iter().zip(values) {
            assert_eq!(value.code, text(&json["code"]), "{at}");
            assert_eq!(value.label, text(&json["label"]), "{at}");
            assert_eq!(value.price_delta_krw, int(&json["price_delta_krw"]), "{at}");
            assert_eq!(
                i64::from(value.production_minutes_delta),
                int(&json["production_minutes_delta"]),
                "{at}"
            );
            assert_eq!(Some(value.default), json["default"].as_bool(), "{at}");
        }
        let rule = &json["text_rule"];
        match &group.text_rule {
            Some(read) => {
                assert_eq!(read.max_chars as i64, int(&rule["max_chars"]), "{at}");
                assert_eq!(read.allowed_characters, text(&rule["allowed_characters"]));
                assert_eq!(Some(read.required), rule["required"].as_bool(), "{at}");
                assert_eq!(read.price_delta_krw, int(&rule["price_delta_krw"]), "{at}");
            }
            None => assert!(rule.is_null(), "{at}: {rule}"),
        }
    }
}

/// A list the page loads: every item read by the widget's `read`, then checked against
/// its JSON by `check`. Returns the items read and their JSON.
async fn list<T>(
    app: &TestApp,
    path: &str,
    read: impl Fn(&Json) -> Option<T>,
    check: impl Fn(&T, &Value),
) -> (Vec<T>, Vec<Value>) {
    let (items, json) = answer(app.get(path).await, StatusCode::OK).await;
    let json = json.as_array().expect("a list").clone();
    assert_eq!(items.items().len(), json.len(), "{path}");
    let mut read_all = Vec::new();
    for (item, json) in items.items().iter().zip(&json) {
        let value = read(item).unwrap_or_else(|| panic!("the widget cannot read {json}"));
        check(&value, json);
        read_all.push(value);
    }
    (read_all, json)
}

/// The catalogue as the page loads it: products, workshops and counters, each checked
/// against its JSON. Returns it with the product list's JSON.
async fn load_catalogue(app: &TestApp) -> (Catalogue, Vec<Value>) {
    let (products, listed) = list(
        app,
        "/api/v1/products",
        ProductView::from_json,
        assert_product,
    )
    .await;
    let (workshops, _) = list(
        app,
        "/api/v1/workshops",
        WorkshopView::from_json,
        |w, json| {
            assert_eq!(w.id, int(&json["id"]));
            assert_eq!(w.name, text(&json["name"]));
        },
    )
    .await;
    let (counters, _) = list(
        app,
        "/api/v1/counters",
        CounterView::from_json,
        |c, json| {
            assert_eq!(c.id, int(&json["id"]));
            assert_eq!(c.code, text(&json["code"]));
            assert_eq!(c.name, text(&json["name"]));
            assert_eq!(c.address, text(&json["address"]));
            assert_eq!(c.opens_at, text(&json["opens_at"]));
            assert_eq!(c.closes_at, text(&json["closes_at"]));
        },
    )
    .await;
    let catalogue = Catalogue {
        products,
        workshops,
        counters,
    };
    (catalogue, listed)
}

/// A page in English as the widget starts it: the server's settings and the catalogue.
async fn page(app: &TestApp) -> App {
    let (read, json) = answer(app.get("/api/v1/widget/config").await, StatusCode::OK).await;
    let config = WidgetConfig::from_json(&read);
    assert_eq!(config.payment_methods, texts(&json["payment_methods"]));
    assert_eq!(config.payment_methods, ["stripe", "counter"]);
    assert_eq!(
        config.stripe_publishable_key.as_deref(),
        json["stripe_publishable_key"].as_str()
    );
    assert_eq!(
        config.stripe_publishable_key.as_deref(),
        Some(STRIPE_PUBLISHABLE_KEY)
    );
    let mut page = App::new(Lang::En, Draft::new(uuid::Uuid::new_v4().to_string()));
    page.config = config;
    page.set_catalogue(load_catalogue(app).await.0);
    page
}

/// The page with a product chosen and a trip from now to `departure` (Seoul time, as the
/// inputs hold it), collecting at Incheon T1 (the page's default counter).
fn trip(page: &mut App, product: &str, departure: &str) {
    page.choose_product(product);
    page.draft.trip.arrival = "2026-12-01T10:00".into();
    page.draft.trip.departure = departure.into();
    assert_eq!(page.draft.trip.counter_id, Some(counter_id("icn-t1")));
}

/// A tape-measured body that is a regular size 100 shirt, typed as the page holds it.
fn measure_shirt(page: &mut App) {
    for (point, typed) in [
        ("chest", "100"),
        ("neck", "39"),
        ("shoulder", "45"),
        ("waist", "86"),
        ("sleeve", "61"),
    ] {
        page.draft.sizing.body.insert(point.into(), typed.into());
    }
}

/// Asks for the quote the page asks for; checks what the widget reads against the JSON.
async fn quote(app: &TestApp, page: &App) -> (QuoteView, Value) {
    let request = page
        .quote_request()
        .expect("the page has a quote to ask for");
    let (read, json) = answer(
        post(app, "/api/v1/quotes", &request.to_json(), None).await,
        StatusCode::OK,
    )
    .await;
    let quote = QuoteView::from_json(&read).unwrap_or_else(|| panic!("not a quote: {json}"));
    assert_eq!(Some(quote.feasible), json["feasible"].as_bool());
    assert_eq!(quote.total_krw, int(&json["total_krw"]));
    assert_eq!(quote.deposit_krw, int(&json["deposit_krw"]));
    assert_eq!(quote.counter_id, int(&json["counter_id"]));
    assert_eq!(
        quote.pickup_deadline.as_deref(),
        json["pickup_deadline"].as_str()
    );
    let items = json["items"].as_array().expect("items");
    assert_eq!(quote.items.len(), items.len());
    for (item, json) in quote.items.iter().zip(items) {
        assert_eq!(item.unit_price_krw, int(&json["unit_price_krw"]));
        assert_eq!(item.ready_by.as_deref(), json["ready_by"].as_str());
    }
    assert_eq!(quote.payment_methods, texts(&json["payment_methods"]));
    let reasons = json["reasons"].as_array().expect("reasons");
    assert_eq!(quote.reasons.len(), reasons.len());
    for (reason, json) in quote.reasons.iter().zip(reasons) {
        match reason {
            ReasonView::NotReadyInTime {
                ready_by,
                pickup_deadline,
            } => {
                assert_eq!(text(&json["code"]), "not_ready_in_time");
                assert_eq!(ready_by, text(&json["ready_by"]));
                assert_eq!(pickup_deadline, text(&json["pickup_deadline"]));
            }
            ReasonView::NoCapacity => assert_eq!(text(&json["code"]), "no_capacity"),
            ReasonView::PaymentUnavailable => {
                assert_eq!(text(&json["code"]), "payment_unavailable");
            }
            ReasonView::NoPickupDuringStay => {
                assert_eq!(text(&json["code"]), "no_pickup_during_stay");
            }
            ReasonView::Other => panic!("a reason the widget does not know: {json}"),
        }
    }
    let alternatives = json["alternatives"].as_array().expect("alternatives");
    assert_eq!(quote.alternatives.len(), alternatives.len());
    for (alternative, json) in quote.alternatives.iter().zip(alternatives) {
        match alternative {
            AlternativeView::LaterDeparture { earliest_departure } => {
                assert_eq!(text(&json["kind"]), "later_departure");
                assert_eq!(earliest_departure, text(&json["earliest_departure"]));
            }
            AlternativeView::OtherCounter {
                counter_id,
                pickup_deadline,
            } => {
                assert_eq!(text(&json["kind"]), "other_counter");
                assert_eq!(*counter_id, int(&json["counter_id"]));
                assert_eq!(pickup_deadline, text(&json["pickup_deadline"]));
            }
            AlternativeView::SimplerOptions { ready_by } => {
                assert_eq!(text(&json["kind"]), "simpler_options");
                assert_eq!(ready_by, text(&json["ready_by"]));
            }
            AlternativeView::Other => panic!("an alternative the widget does not know: {json}"),
        }
    }
    (quote, json)
}

/// Every member of an order the widget reads equals the JSON's.
fn assert_order(order: &OrderView, json: &Value) {
    assert_eq!(order.status, text(&json["status"]));
    assert_eq!(order.total_krw, int(&json["total_krw"]));
    let items = json["items"].as_array().expect("items");
    assert_eq!(order.items.len(), items.len());
    for (item, json) in order.items.iter().zip(items) {
        assert_eq!(item.product_id, int(&json["product_id"]));
        let options = json["options"].as_object().expect("options");
        assert_eq!(item.options.len(), options.len(), "{json}");
        for (group, value) in options {
            assert_eq!(item.options.get(group).map(String::as_str), value.as_str());
        }
        assert_eq!(item.ready_by, text(&json["ready_by"]));
    }
    let trip = &json["itinerary"];
    assert_eq!(order.itinerary.counter_id, int(&trip["counter_id"]));
    assert_eq!(
        order.itinerary.pickup_deadline,
        text(&trip["pickup_deadline"])
    );
    assert_eq!(order.money.paid_krw, int(&json["money"]["paid_krw"]));
    assert_eq!(order.money.due_krw, int(&json["money"]["due_krw"]));
}

/// Places the order the page places (with its idempotency key), then reads it back with
/// its token as the confirmation does; checks both against their JSON.
async fn place(app: &TestApp, page: &App) -> OrderCreated {
    let request = page.order_request().expect("the page can order");
    let key = page.draft.idempotency_key.as_str();
    let response = post(app, "/api/v1/orders", &request.to_json(), Some(key)).await;
    let (read, json) = answer(response, StatusCode::CREATED).await;
    let created = OrderCreated::from_json(&read).unwrap_or_else(|| panic!("not an order: {json}"));
    assert_eq!(created.id, text(&json["id"]));
    assert_eq!(created.token, text(&json["token"]));
    assert_eq!(created.pickup_code, text(&json["pickup_code"]));
    assert_eq!(created.pickup_code.len(), 11, "{}", created.pickup_code);
    let payment = &json["payment"];
    assert_eq!(created.payment.method, text(&payment["method"]));
    assert_eq!(created.payment.method, request.payment);
    assert_eq!(
        created.payment.amount_due_now_krw,
        int(&payment["amount_due_now_krw"])
    );
    assert_eq!(
        created.payment.client_secret.as_deref(),
        payment["client_secret"].as_str()
    );
    assert_order(&created.order, &json);

    let response = app.get_order(&created.id, &created.token).await;
    let (read, json) = answer(response, StatusCode::OK).await;
    let viewed = OrderView::from_json(&read).unwrap_or_else(|| panic!("not an order: {json}"));
    assert_order(&viewed, &json);
    assert_eq!(text(&json["pickup_code"]), created.pickup_code);
    assert_eq!(
        viewed, created.order,
        "the confirmation shows what was placed"
    );
    created
}

/// Sends the page's fitting of the chosen product (its own request, as the quote and the
/// order carry it) to `POST /api/v1/products/{id}/fit`; the answer as the widget and serde
/// read it.
async fn fit(app: &TestApp, page: &App) -> (Json, Value) {
    let fit = page.product_fit().expect("a product sized to a body");
    let preference = sizing::fit_of(&page.draft.options);
    let request =
        sizing::fitting_request(fit, &page.draft.sizing, preference).expect("a fitting to send");
    let product = page.product().expect("a product").id;
    let path = format!("/api/v1/products/{product}/fit");
    answer(post(app, &path, &request, None).await, StatusCode::OK).await
}

async fn the_catalogue_reads_as_its_json_says(app: TestApp) {
    let (catalogue, listed) = load_catalogue(&app).await;
    assert!(catalogue.products.len() >= 10, "the demo catalogue");
    let shirt = catalogue
        .products
        .iter()
        .find(|p| p.code == "made-to-measure-shirt")
        .expect("the demo shirt");
    assert_eq!(
        (shirt.name.as_str(), shirt.category.as_str()),
        ("Made-to-measure shirt", "garment")
    );
    assert_eq!(
        (
            shirt.base_price_krw,
            shirt.deposit_percent,
            shirt.pay_at_counter
        ),
        (180_000, 30, false)
    );
    assert_eq!((shirt.lead_days, shirt.production_minutes), (1, 240));
    assert!(shirt.look.is_some(), "the shirt is drawn");
    let monogram = shirt.group("monogram").expect("a monogram");
    assert_eq!(monogram.kind, "text");
    assert!(monogram.text_rule.as_ref().is_some_and(|r| r.max_chars > 0));
    let fabric = shirt.group("fabric").expect("fabrics");
    assert_eq!(fabric.values.iter().filter(|v| v.default).count(), 1);
    assert!(shirt.to_domain().configure(&shirt.defaults()).is_ok());
    let wallet = catalogue.products.iter().find(|p| p.code == "card-wallet");
    assert!(wallet.is_some_and(|w| w.pay_at_counter && w.base_price_krw == 85_000));
    let workshop = catalogue
        .workshops
        .iter()
        .find(|w| w.id == shirt.workshop_id);
    assert!(workshop.is_some_and(|w| !w.name.is_empty()));
    let incheon = catalogue.counters.iter().find(|c| c.code == "icn-t1");
    assert_eq!(incheon.map(|c| c.id), Some(counter_id("icn-t1")));

    // One product, as `GET /api/v1/products/{id}` answers it, reads the same.
    let (read, json) = answer(
        app.get(&format!("/api/v1/products/{}", shirt.id)).await,
        StatusCode::OK,
    )
    .await;
    let one = ProductView::from_json(&read).expect("a product");
    assert_product(&one, &json);
    assert_eq!(&one, shirt);
    assert!(listed.contains(&json));
}

async fn a_quote_reads_as_its_json_says(app: TestApp) {
    let mut page = page(&app).await;
    trip(&mut page, "made-to-measure-shirt", "2026-12-22T18:00");
    measure_shirt(&mut page);
    let (quote, json) = quote(&app, &page).await;
    assert!(quote.feasible, "{json}");
    assert!(quote.reasons.is_empty() && quote.alternatives.is_empty());
    assert_eq!(quote.counter_id, counter_id("icn-t1"));
    assert!(quote.pickup_deadline.is_some(), "{json}");
    assert!(quote.items[0].ready_by.is_some(), "{json}");
    assert_eq!(
        quote.payment_methods,
        ["stripe"],
        "the shirt is paid by card"
    );
    // The page prices the configuration with the server's rules, to the won.
    let price = page.configuration().expect("a product").expect("valid");
    assert_eq!(price.unit_price.won(), quote.items[0].unit_price_krw);
    assert_eq!(quote.total_krw, quote.items[0].unit_price_krw);

    // A trip of one day is too short: the reasons and alternatives read as sent.
    trip(&mut page, "made-to-measure-shirt", "2026-12-02T10:00");
    let (quote, json) = self::quote(&app, &page).await;
    assert!(!quote.feasible, "{json}");
    assert!(
        quote
            .reasons
            .iter()
            .any(|r| matches!(r, ReasonView::NotReadyInTime { .. })),
        "{json}"
    );
    assert!(
        quote
            .alternatives
            .iter()
            .any(|a| matches!(a, AlternativeView::LaterDeparture { .. })),
        "{json}"
    );
}

async fn a_placed_order_and_its_view_read_as_their_json_says(app: TestApp) {
    // A card order: the shirt, fitted, its deposit due now.
    let mut page = page(&app).await;
    trip(&mut page, "made-to-measure-shirt", "2026-12-22T18:00");
    measure_shirt(&mut page);
    page.draft.traveller = Traveller {
        name: "Mia Tanaka".into(),
        email: "mia@example.jp".into(),
        passport_last4: "7k2q".into(),
    };
    let (quote, _) = quote(&app, &page).await;
    page.quote = QuoteState::Ready(quote.clone());
    let card = place(&app, &page).await;
    assert_eq!(card.payment.method, "stripe");
    assert_eq!(card.payment.amount_due_now_krw, quote.deposit_krw);
    assert!(card.payment.client_secret.is_some(), "for Stripe's form");
    assert_eq!(card.order.status, "placed");
    assert_eq!(card.order.total_krw, quote.total_krw);
    assert_eq!(
        Some(&card.order.items[0].ready_by),
        quote.items[0].ready_by.as_ref()
    );
    assert_eq!(
        Some(&card.order.itinerary.pickup_deadline),
        quote.pickup_deadline.as_ref()
    );
    assert_eq!(card.order.itinerary.counter_id, counter_id("icn-t1"));
    assert_eq!(card.order.items[0].options, page.options());
    assert_eq!(card.order.money.paid_krw, 0, "not paid yet");

    // A counter order: a monogrammed wallet, confirmed at once, nothing due now.
    let mut page = self::page(&app).await;
    trip(&mut page, "card-wallet", "2026-12-22T18:00");
    page.draft.options.insert("monogram".into(), "MT".into());
    page.draft.traveller = Traveller {
        name: "Mia Tanaka".into(),
        email: "mia@example.jp".into(),
        passport_last4: "7K2Q".into(),
    };
    page.draft.payment = Some("counter".into());
    let (quote, _) = self::quote(&app, &page).await;
    page.quote = QuoteState::Ready(quote.clone());
    let counter = place(&app, &page).await;
    assert_eq!(counter.payment.method, "counter");
    assert_eq!(counter.payment.amount_due_now_krw, 0);
    assert_eq!(counter.payment.client_secret, None);
    assert_eq!(counter.order.status, "confirmed");
    assert_eq!(counter.order.money.due_krw, quote.total_krw);
    assert_eq!(
        counter.order.items[0]
            .options
            .get("monogram")
            .map(String::as_str),
        Some("MT")
    );
    assert_ne!(counter.pickup_code, card.pickup_code);
}

async fn a_fit_answer_is_the_size_the_widget_shows(app: TestApp) {
    // A shirt measured on the body: the page's own request, the page's own suggestion.
    let mut page = page(&app).await;
    trip(&mut page, "made-to-measure-shirt", "2026-12-22T18:00");
    measure_shirt(&mut page);
    let Some(Suggestion::Garment {
        recommendation: shown,
        made_to_measure,
    }) = page.evaluation().and_then(|e| e.suggestion)
    else {
        panic!("the page suggests a garment size");
    };
    let (fitted, json) = fit(&app, &page).await;
    assert_eq!(fitted.get("size").str(), Some(shown.size), "{json}");
    assert_eq!(fitted.get("size").str(), json["size"].as_str());
    assert_eq!(fitted.get("runner_up").str(), shown.runner_up);
    let confidence = (f64::from(shown.confidence) * 100.0).round() / 100.0;
    assert_near(fitted.get("confidence").f64(), confidence, "confidence");
    assert_near(json["confidence"].as_f64(), confidence, "confidence");
    assert_eq!(fitted.get("compared_with").str(), Some("body"));
    let areas = fitted.get("areas").items();
    assert_eq!(areas.len(), shown.areas.len(), "{json}");
    for (area, shown) in areas.iter().zip(&shown.areas) {
        let at = shown.point.code();
        assert_eq!(area.get("point").str(), Some(at));
        assert_eq!(area.get("label").str(), Some(shown.label.code()), "{at}");
        let body = shown.body_mm.expect("measured on the body").cm();
        assert_near(area.get("body_cm").f64(), body, at);
        assert_near(area.get("garment_cm").f64(), shown.garment_mm.cm(), at);
        assert_near(area.get("ease_cm").f64(), shown.ease_mm.cm(), at);
    }
    assert!(made_to_measure, "the shirt is made to measure");
    let adjustments = fitted.get("adjustments").items();
    assert_eq!(adjustments.len(), shown.adjustments.len(), "{json}");
    for (adjustment, shown) in adjustments.iter().zip(&shown.adjustments) {
        let at = shown.point.code();
        assert_eq!(adjustment.get("point").str(), Some(at));
        assert_near(adjustment.get("delta_cm").f64(), shown.delta_mm.cm(), at);
    }
    // The quote runs the same fitting on the same request.
    let (_, quoted) = quote(&app, &page).await;
    assert_eq!(quoted["items"][0]["fitting"]["size"], json["size"]);

    // Shoes sized by the foot.
    trip(&mut page, "derby-shoes", "2026-12-22T18:00");
    page.draft
        .sizing
        .body
        .insert("foot_length".into(), "26.2".into());
    page.draft
        .sizing
        .body
        .insert("foot_girth".into(), "25".into());
    let Some(Suggestion::Shoe(shown)) = page.evaluation().and_then(|e| e.suggestion) else {
        panic!("the page suggests a shoe size");
    };
    let (fitted, json) = fit(&app, &page).await;
    assert_eq!(
        fitted.get("size").str(),
        Some(shown.code().as_str()),
        "{json}"
    );
    assert_eq!(fitted.get("size").str(), Some("265"));
    assert_eq!(
        fitted.get("width").str(),
        Some(shown.width.code()),
        "{json}"
    );
    assert_eq!(
        fitted.get("runner_up").str().map(str::to_owned),
        shown.runner_up.map(|mm| mm.to_string())
    );
    let confidence = (f64::from(shown.confidence) * 100.0).round() / 100.0;
    assert_near(fitted.get("confidence").f64(), confidence, "confidence");
    // The page puts the size and width on the shoes' options: those the server answers.
    page.apply_suggestion();
    assert_eq!(
        page.draft.options.get("size").map(String::as_str),
        fitted.get("size").str()
    );
    assert_eq!(
        page.draft.options.get("width").map(String::as_str),
        fitted.get("width").str()
    );
}

crate::on_both_databases! {
    the_catalogue_reads_as_its_json_says,
    a_quote_reads_as_its_json_says,
    a_placed_order_and_its_view_read_as_their_json_says,
    a_fit_answer_is_the_size_the_widget_shows,
}
