//! The widget's browser glue in a real headless Chromium (`wasm-bindgen-test`):
//! mounting renders the product step, the draft survives `localStorage`, and the
//! preview's pixels shown on a canvas come back unchanged.
//!
//! `cargo test --target wasm32-unknown-unknown -p widget` (needs wasm-bindgen-test-runner
//! and chromedriver; `.cargo/config.toml` sets the runner).

#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use widget::draft::{DRAFT_KEY, Draft, Mode};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

#[wasm_bindgen_test]
fn the_app_mounts_into_a_div_and_shows_the_product_step() {
    let document = document();
    let root = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    widget::dom::mount(&root).expect("mounts");
    let heading = document
        .get_element_by_id("h-products")
        .expect("the step heading");
    assert_eq!(
        heading.text_content().as_deref(),
        Some("1. Choose a product")
    );
    let section = document
        .get_element_by_id("s-products")
        .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
        .expect("the section");
    assert!(!section.hidden());
    // Later steps wait for a product.
    let trip = document
        .get_element_by_id("s-trip")
        .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
        .expect("the trip section");
    assert!(trip.hidden());
    assert!(
        document.get_element_by_id("lang").is_some(),
        "the language switcher"
    );
    assert_eq!(
        document
            .document_element()
            .and_then(|e| e.get_attribute("lang"))
            .as_deref(),
        Some(widget::dom::snapshot().lang.code())
    );
    // The first draft is saved with an idempotency key of its own.
    let key = widget::dom::snapshot().draft.idempotency_key;
    assert_eq!(key.len(), 36, "a UUID: {key}");
}

#[wasm_bindgen_test]
fn a_draft_round_trips_through_local_storage() {
    let storage = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage");
    let mut draft = Draft::new(widget::dom::glue::random_id());
    draft.product = Some("made-to-measure-shirt".into());
    draft.sizing.mode = Mode::Garment;
    draft.sizing.garment.insert("chest".into(), "54,5".into());
    draft.options.insert("monogram".into(), "김".into());
    draft.traveller.name = "Mia \"Tanaka\"".into();
    storage
        .set_item(DRAFT_KEY, &draft.to_json())
        .expect("stored");
    let stored = storage.get_item(DRAFT_KEY).expect("readable");
    assert_eq!(Draft::restore(stored.as_deref()), Some(draft));
    storage.remove_item(DRAFT_KEY).expect("removed");
}

/// The worker's picture as the page shows it: RGBA bytes made into an `ImageBitmap` as the
/// worker does (no premultiplication, no colour conversion), handed to the preview canvas,
/// and read back unchanged.
#[wasm_bindgen_test]
async fn pixels_shown_on_the_canvas_come_back_unchanged() {
    let (width, height) = (3u32, 2u32);
    let pixels: Vec<u8> = (0..width * height * 4)
        .map(|i| {
            if i % 4 == 3 {
                255
            } else {
                (i * 17 % 256) as u8
            }
        })
        .collect();
    let data = web_sys::ImageData::new_with_u8_clamped_array_and_sh(
        wasm_bindgen::Clamped(pixels.as_slice()),
        width,
        height,
    )
    .expect("image data");
    let options = web_sys::ImageBitmapOptions::new();
    options.set_premultiply_alpha(web_sys::PremultiplyAlpha::None);
    options.set_color_space_conversion(web_sys::ColorSpaceConversion::None);
    let window = web_sys::window().expect("a window");
    let promise = window
        .create_image_bitmap_with_image_data_and_image_bitmap_options(&data, &options)
        .expect("a bitmap");
    let bitmap = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("decoded");

    let canvas = canvas();
    widget::dom::glue::show_bitmap(&canvas, &bitmap);
    assert_eq!((canvas.width(), canvas.height()), (width, height));

    // Read it back through a 2D canvas.
    let reader = canvas_sized(width, height);
    let context = reader
        .get_context("2d")
        .expect("a context")
        .expect("2d")
        .dyn_into::<web_sys::CanvasRenderingContext2d>()
        .expect("2d context");
    context
        .draw_image_with_html_canvas_element(&canvas, 0.0, 0.0)
        .expect("drawn");
    let back = context
        .get_image_data(0.0, 0.0, f64::from(width), f64::from(height))
        .expect("pixels")
        .data()
        .0;
    assert_eq!(back, pixels);
}

fn canvas() -> web_sys::HtmlCanvasElement {
    document()
        .create_element("canvas")
        .expect("a canvas")
        .dyn_into::<web_sys::HtmlCanvasElement>()
        .expect("a canvas element")
}

fn canvas_sized(width: u32, height: u32) -> web_sys::HtmlCanvasElement {
    let canvas = canvas();
    canvas.set_width(width);
    canvas.set_height(height);
    canvas
}
