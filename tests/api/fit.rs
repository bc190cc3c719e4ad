//! Fitting over HTTP: sizes for garments and shoes from body measurements or a garment
//! that fits, with numbers that agree with their labels, and the problems bad input gets.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::*;

async fn fit(app: &TestApp, product: i64, body: &Value) -> reqwest::Response {
    app.post_json(&format!("/api/v1/products/{product}/fit"), body)
        .await
}

async fn fit_ok(app: &TestApp, code: &str, body: &Value) -> Value {
    let product = app.product_id(code).await;
    expect_status(fit(app, product, body).await, StatusCode::OK).await
}

/// The value codes of a product's choice group, if it has one.
async fn option_values(app: &TestApp, code: &str, group: &str) -> Option<Vec<String>> {
    let id = app.product_id(code).await;
    let product = expect_status(
        app.get(&format!("/api/v1/products/{id}")).await,
        StatusCode::OK,
    )
    .await;
    let groups = product["option_groups"].as_array().expect("option groups");
    let found = groups.iter().find(|g| g["code"] == group)?;
    let values = found["values"].as_array().expect("values");
    Some(
        values
            .iter()
            .map(|v| v["code"].as_str().expect("code").to_owned())
            .collect(),
    )
}

fn cm(value: f64, source: &str) -> Value {
    json!({ "value": value, "unit": "cm", "source": source })
}

/// A tape-measured man who is a regular size 100 shirt.
fn shirt_body() -> Value {
    json!({
        "measurements": {
            "chest": cm(100.0, "tape"),
            "neck": cm(39.0, "tape"),
            "shoulder": cm(45.0, "tape"),
            "waist": cm(86.0, "tape"),
            "sleeve": cm(61.0, "tape"),
        },
        "fit": "regular",
    })
}

fn number(value: &Value, key: &str) -> f64 {
    value[key]
        .as_f64()
        .unwrap_or_else(|| panic!("{key} is not a number in {value}"))
}

/// Every area's ease is garment minus body (or reference), and its label is where that
/// ease sits in the band.
fn assert_consistent(answer: &Value) {
    let confidence = number(answer, "confidence");
    assert!((0.0..=1.0).contains(&confidence), "{answer}");
    let areas = answer["areas"].as_array().expect("areas");
    assert!(!areas.is_empty(), "{answer}");
    for area in areas {
        let compared = area
            .get("body_cm")
            .or_else(|| area.get("reference_cm"))
            .and_then(Value::as_f64)
            .unwrap_or_else(|| panic!("no body or reference in {area}"));
        let (garment, ease) = (number(area, "garment_cm"), number(area, "ease_cm"));
        assert!((garment - compared - ease).abs() < 0.05, "{area}");
        let (min, max) = (
            number(&area["band_cm"], "min"),
            number(&area["band_cm"], "max"),
        );
        let z = (2.0 * ease - min - max) / (max - min);
        let expected = if ease < min {
            "tight"
        } else if ease > max {
            "too_loose"
        } else if z < -0.4 {
            "snug"
        } else if z > 0.4 {
            "loose"
        } else {
            "good"
        };
        assert_eq!(area["label"], expected, "{area}");
    }
    for advice in answer["advice"].as_array().expect("advice") {
        assert!(
            advice["code"].as_str().is_some_and(|c| !c.is_empty()),
            "{advice}"
        );
        assert!(
            advice["text"].as_str().is_some_and(|t| !t.is_empty()),
            "{advice}"
        );
    }
}

async fn a_shirt_fit_returns_a_size_with_labelled_areas(app: TestApp) {
    let answer = fit_ok(&app, "made-to-measure-shirt", &shirt_body()).await;
    assert_consistent(&answer);
    let size = answer["size"].as_str().expect("a size");
    match option_values(&app, "made-to-measure-shirt", "size").await {
        Some(sizes) => assert!(sizes.iter().any(|s| s == size), "{size} not in {sizes:?}"),
        // Made to measure without a size option: the base pattern of the KS chart.
        None => assert_eq!(size, "100", "{answer}"),
    }
    let areas = answer["areas"].as_array().expect("areas");
    assert_eq!(areas.len(), 5, "{answer}");
    assert!(areas.iter().all(|a| a["label"] == "good"), "{answer}");
    assert_eq!(areas[0]["point"], "chest");
    assert_eq!(areas[0]["body_cm"], 100.0);
    assert_eq!(answer["compared_with"], "body");
    assert!(number(&answer, "confidence") > 0.8, "{answer}");
    assert_eq!(
        answer["adjustments"],
        json!([]),
        "nothing to alter: {answer}"
    );
}

async fn a_made_to_measure_shirt_is_altered_where_the_body_differs(app: TestApp) {
    let mut body = shirt_body();
    body["measurements"]["waist"] = cm(90.0, "tape");
    body["measurements"]["chest"] = cm(101.0, "estimate");
    let answer = fit_ok(&app, "made-to-measure-shirt", &body).await;
    assert_consistent(&answer);
    let adjustments = answer["adjustments"].as_array().expect("adjustments");
    let waist = adjustments
        .iter()
        .find(|a| a["point"] == "waist")
        .unwrap_or_else(|| panic!("no waist adjustment in {answer}"));
    assert!((number(waist, "delta_cm") - 4.0).abs() < 0.05, "{waist}");
    let codes: Vec<&str> = answer["advice"]
        .as_array()
        .expect("advice")
        .iter()
        .filter_map(|a| a["code"].as_str())
        .collect();
    assert!(codes.contains(&"remeasure"), "{answer}");
}

async fn inches_give_the_same_answer_as_centimetres(app: TestApp) {
    let inches = |value: f64| json!({ "value": value, "unit": "in", "source": "tape" });
    let body = json!({
        "measurements": {
            "chest": inches(100.0 / 2.54),
            "neck": inches(39.0 / 2.54),
            "shoulder": inches(45.0 / 2.54),
            "waist": inches(86.0 / 2.54),
            "sleeve": inches(61.0 / 2.54),
        },
    });
    let in_inches = fit_ok(&app, "made-to-measure-shirt", &body).await;
    let in_cm = fit_ok(&app, "made-to-measure-shirt", &shirt_body()).await;
    assert_eq!(in_inches, in_cm);
}

async fn a_larger_chest_never_gets_a_smaller_size(app: TestApp) {
    let product = app.product_id("made-to-measure-shirt").await;
    let mut previous = 0.0;
    for chest in (84..=124).step_by(4) {
        let body = json!({ "measurements": { "chest": cm(f64::from(chest), "tape") } });
        let answer = expect_status(fit(&app, product, &body).await, StatusCode::OK).await;
        assert_consistent(&answer);
        let size: f64 = answer["size"]
            .as_str()
            .expect("size")
            .parse()
            .expect("KS size");
        assert!(
            size >= previous,
            "chest {chest} got {size} after {previous}"
        );
        previous = size;
        assert!(
            answer["advice"]
                .as_array()
                .expect("advice")
                .iter()
                .any(|a| a["code"] == "measure-next" && a["point"] == "neck"),
            "{answer}"
        );
    }
}

async fn trousers_and_jackets_are_fitted_by_their_own_charts(app: TestApp) {
    let trousers = json!({ "measurements": {
        "waist": cm(85.0, "tape"), "hip": cm(101.0, "tape"), "inseam": cm(79.0, "tape"),
    }});
    let answer = fit_ok(&app, "made-to-measure-trousers", &trousers).await;
    assert_consistent(&answer);
    assert_eq!(answer["size"], "85", "{answer}");
    let jacket = json!({ "measurements": {
        "chest": cm(97.0, "tape"), "shoulder": cm(45.5, "tape"), "waist": cm(85.0, "tape"),
        "sleeve": cm(60.5, "tape"), "height": cm(175.0, "tape"),
    }, "fit": "regular" });
    let answer = fit_ok(&app, "suit-jacket", &jacket).await;
    assert_consistent(&answer);
    assert_eq!(answer["size"], "97", "{answer}");
}

async fn shoes_are_sized_by_foot_length(app: TestApp) {
    let body = json!({ "measurements": {
        "foot_length": { "value": 26.2, "unit": "cm" },
        "foot_girth": { "value": 25.0, "unit": "cm" },
    }});
    let answer = fit_ok(&app, "derby-shoes", &body).await;
    assert_consistent(&answer);
    assert_eq!(answer["size"], "265", "{answer}");
    assert_eq!(answer["width"], "standard");
    let sizes = option_values(&app, "derby-shoes", "size")
        .await
        .expect("shoes have a size option");
    assert!(sizes.iter().any(|s| s == "265"), "{sizes:?}");
    let widths = option_values(&app, "derby-shoes", "width")
        .await
        .expect("shoes have a width option");
    assert!(widths.iter().any(|w| w == "standard"), "{widths:?}");
    assert_eq!(answer["conversions"]["mondopoint"], 265);
    assert_eq!(answer["adjustments"], json!([]));

    let wide = json!({ "measurements": {
        "foot_length": { "value": 24.0, "unit": "cm" },
        "foot_girth": { "value": 25.0, "unit": "cm" },
    }});
    let answer = fit_ok(&app, "chelsea-boots", &wide).await;
    assert_eq!(
        (&answer["size"], &answer["width"]),
        (&json!("240"), &json!("wide"))
    );

    let too_long = json!({ "measurements": { "foot_length": { "value": 31.0, "unit": "cm" } } });
    let product = app.product_id("penny-loafers").await;
    expect_problem(
        fit(&app, product, &too_long).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "size-not-offered",
    )
    .await;
}

async fn a_garment_that_fits_is_matched_in_reference_mode(app: TestApp) {
    // The regular size-100 shirt laid flat: chest and waist across, sleeve as it is.
    let body = json!({ "reference_garment": {
        "chest": { "value": 55, "unit": "cm" },
        "waist": { "value": 49.5, "unit": "cm" },
        "sleeve": { "value": 63, "unit": "cm" },
    }});
    let answer = fit_ok(&app, "made-to-measure-shirt", &body).await;
    assert_consistent(&answer);
    assert_eq!(answer["size"], "100", "{answer}");
    assert_eq!(answer["compared_with"], "reference_garment");
    let chest = &answer["areas"][0];
    assert_eq!(
        (chest["reference_cm"].as_f64(), chest["ease_cm"].as_f64()),
        (Some(110.0), Some(0.0))
    );
    assert!(chest.get("body_cm").is_none(), "{chest}");
}

async fn bad_input_is_a_problem_about_its_field(app: TestApp) {
    let shirt = app.product_id("made-to-measure-shirt").await;
    let check = |body: Value, slug: &'static str, field: &'static str| {
        let app = &app;
        async move {
            let problem = expect_problem(
                fit(app, shirt, &body).await,
                StatusCode::UNPROCESSABLE_ENTITY,
                slug,
            )
            .await;
            assert_eq!(problem["field"], field, "{problem}");
            problem
        }
    };
    let problem = check(
        json!({ "measurements": { "chest": cm(30.0, "tape") } }),
        "measurement-out-of-range",
        "/measurements/chest/value",
    )
    .await;
    let detail = problem["detail"].as_str().expect("detail");
    assert!(
        detail.contains("60.0 cm") && detail.contains("160.0 cm"),
        "{detail}"
    );
    let problem = check(
        json!({ "measurements": { "neck": { "value": 30, "unit": "in" } } }),
        "measurement-out-of-range",
        "/measurements/neck/value",
    )
    .await;
    assert!(
        problem["detail"].as_str().expect("detail").contains(" in "),
        "{problem}"
    );
    check(
        json!({ "measurements": { "bust": cm(90.0, "tape") } }),
        "invalid-field",
        "/measurements/bust",
    )
    .await;
    check(
        json!({ "measurements": { "chest": { "value": 96, "unit": "mm" } } }),
        "invalid-field",
        "/measurements/chest/unit",
    )
    .await;
    check(
        json!({ "measurements": { "chest": { "value": 96, "unit": "cm", "source": "guess" } } }),
        "invalid-field",
        "/measurements/chest/source",
    )
    .await;
    check(
        json!({ "measurements": { "chest": cm(96.0, "tape") }, "fit": "baggy" }),
        "invalid-field",
        "/fit",
    )
    .await;
    check(
        json!({ "measurements": { "foot_length": cm(26.0, "tape") } }),
        "no-measurements",
        "/measurements",
    )
    .await;
    check(json!({}), "invalid-field", "/measurements").await;

    for code in ["leather-tote", "seoul-map-print", "card-wallet"] {
        let product = app.product_id(code).await;
        expect_problem(
            fit(&app, product, &shirt_body()).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "no-sizes",
        )
        .await;
    }
    expect_problem(
        fit(&app, 999_999, &shirt_body()).await,
        StatusCode::NOT_FOUND,
        "not-found",
    )
    .await;
}

async fn the_fit_endpoint_is_documented(app: TestApp) {
    let document = expect_status(app.get("/api/v1/openapi.json").await, StatusCode::OK).await;
    let path = &document["paths"]["/api/v1/products/{id}/fit"];
    assert!(path.get("post").is_some(), "{path}");
}

crate::on_both_databases! {
    the_fit_endpoint_is_documented,
    a_shirt_fit_returns_a_size_with_labelled_areas,
    a_made_to_measure_shirt_is_altered_where_the_body_differs,
    inches_give_the_same_answer_as_centimetres,
    a_larger_chest_never_gets_a_smaller_size,
    trousers_and_jackets_are_fitted_by_their_own_charts,
    shoes_are_sized_by_foot_length,
    a_garment_that_fits_is_matched_in_reference_mode,
    bad_input_is_a_problem_about_its_field,
}
