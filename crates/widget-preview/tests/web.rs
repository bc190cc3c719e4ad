//! The preview renderer compiled to wasm draws the golden samples to the very digests the
//! native test records (`crates/preview/tests/golden.txt`): the pixels the traveller sees
//! are byte for byte the ticket preview the workshop gets.
//!
//! `cargo test --target wasm32-unknown-unknown -p widget-preview`.

#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const GOLDEN: &str = include_str!("../../preview/tests/golden.txt");

/// The side the golden samples are drawn at (as in `crates/preview/tests/golden.rs`).
const SIZE: u32 = 360;

#[wasm_bindgen_test]
fn wasm_renders_every_sample_to_its_golden_digest() {
    let samples = preview::samples::samples();
    assert_eq!(
        samples.len(),
        GOLDEN.lines().count(),
        "one golden line per sample"
    );
    let mut computed = String::new();
    let mut differ = Vec::new();
    // The worker's path: one Renderer kept across pictures, each drawn cold then repainted.
    let mut renderer = preview::Renderer::new();
    for (name, spec) in samples {
        let image = preview::render(&spec, SIZE).unwrap_or_else(|e| panic!("{name}: {e}"));
        let digest = preview::pixel_digest(&image);
        for pass in ["cold", "warm"] {
            let kept = renderer
                .render(&spec, SIZE)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(
                preview::pixel_digest(&kept),
                digest,
                "{name}: the {pass} Renderer differs"
            );
        }
        computed.push_str(&format!("{name} {digest}\n"));
        let expected = GOLDEN
            .lines()
            .find_map(|line| line.strip_prefix(name)?.strip_prefix(' '));
        if expected != Some(digest.as_str()) {
            differ.push(name);
        }
    }
    assert!(
        differ.is_empty(),
        "{differ:?} render differently in wasm than golden.txt records; wasm drew:\n{computed}"
    );
}

#[wasm_bindgen_test]
fn the_worker_renders_a_catalogue_look() {
    let look = r##"{"art":"wallet","body":"leather","monogram":"monogram",
        "swatches":{"tan":"#b07040:leather"}}"##;
    let image = widget_preview::render_job(
        &mut preview::Renderer::new(),
        look,
        r#"{"leather":"tan","monogram":"김"}"#,
        None,
        128,
    )
    .expect("renders");
    assert_eq!((image.width(), image.height()), (128, 128));
}
