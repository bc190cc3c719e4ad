//! The widget's preview worker: the main thread posts a product's look, a configuration
//! and a size; this worker renders it with `preview` (the very renderer the server uses
//! for ticket previews), makes the RGBA pixels an `ImageBitmap` (bytes as they are: no
//! premultiplication, no colour conversion) and transfers it back. The main thread only
//! hands the bitmap to its canvas, so drawing never blocks the page.
//!
//! Messages in: `{kind: "render", id, look, configuration, size}` (look and
//! configuration as JSON text) and `{kind: "artwork", width?, height?, rgba?}` (the
//! traveller's picture, already downscaled by the browser; without pixels it is
//! forgotten). Messages out: `{kind: "ready"}` once listening, then per render
//! `{kind: "frame", id, width, height, bitmap, render_ms}` or `{kind: "error", id,
//! message}`.
//!
//! Layout: [`look_from_json`] and [`render_job`] are pure (tested natively); the
//! `worker` module (wasm only) is the message glue.

use std::collections::BTreeMap;

use preview::{Artwork, ProductLook, RgbaImage};
use serde::Deserialize;

/// The largest side rendered, in device pixels.
pub const MAX_SIZE: u32 = 1080;
/// The smallest side rendered.
pub const MIN_SIZE: u32 = 64;

/// A product's look as the catalogue API writes it.
#[derive(Debug, Deserialize)]
struct LookJson {
    art: String,
    body: String,
    #[serde(default)]
    trim: Option<String>,
    #[serde(default)]
    monogram: Option<String>,
    #[serde(default)]
    swatches: BTreeMap<String, String>,
}

/// Reads the catalogue's `look` member (`{"art","body","trim","monogram","swatches"}`).
pub fn look_from_json(json: &str) -> Result<ProductLook, String> {
    let look: LookJson = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let swatches = look
        .swatches
        .iter()
        .map(|(value, swatch)| {
            Ok((
                value.clone(),
                swatch.parse().map_err(|e: preview::Error| e.to_string())?,
            ))
        })
        .collect::<Result<_, String>>()?;
    Ok(ProductLook {
        art: look
            .art
            .parse()
            .map_err(|e: preview::Error| e.to_string())?,
        body_group: look.body,
        trim_group: look.trim,
        monogram_group: look.monogram,
        swatches,
    })
}

/// Renders one request: the look and configuration as JSON, the side clamped to what
/// the renderer draws. The `renderer` keeps the drawings of the last products and sizes,
/// so an option change only repaints (same pixels as `preview::render`, far sooner).
pub fn render_job(
    renderer: &mut preview::Renderer,
    look: &str,
    configuration: &str,
    artwork: Option<&Artwork>,
    size: u32,
) -> Result<RgbaImage, String> {
    let look = look_from_json(look)?;
    let configuration: BTreeMap<String, String> =
        serde_json::from_str(configuration).map_err(|e| e.to_string())?;
    let spec = look
        .spec(&configuration, artwork.cloned())
        .map_err(|e| e.to_string())?;
    renderer
        .render(&spec, size.clamp(MIN_SIZE, MAX_SIZE))
        .map_err(|e| e.to_string())
}

#[cfg(target_arch = "wasm32")]
pub mod worker;

#[cfg(test)]
mod tests {
    use super::*;

    const TOTE: &str = r##"{"art":"tote","body":"leather","trim":"hardware","monogram":"monogram",
        "swatches":{"tan":"#b07040:leather","brass":"#c8a050:metal"}}"##;

    #[test]
    fn a_look_from_the_catalogue_renders() {
        let config = r#"{"leather":"tan","hardware":"brass","monogram":"KJ"}"#;
        let image =
            render_job(&mut preview::Renderer::new(), TOTE, config, None, 5000).expect("renders");
        assert_eq!((image.width(), image.height()), (MAX_SIZE, MAX_SIZE));
        let small =
            render_job(&mut preview::Renderer::new(), TOTE, config, None, 10).expect("renders");
        assert_eq!(small.width(), MIN_SIZE);
    }

    #[test]
    fn bad_looks_and_configurations_say_why() {
        let error = render_job(
            &mut preview::Renderer::new(),
            TOTE,
            r#"{"leather":"purple"}"#,
            None,
            200,
        )
        .expect_err("refused");
        assert!(error.contains("purple"), "{error}");
        assert!(look_from_json(r#"{"art":"spaceship","body":"x"}"#).is_err());
        assert!(
            look_from_json(r##"{"art":"tote","body":"x","swatches":{"a":"#zz0000:wool"}}"##)
                .is_err()
        );
        assert!(render_job(&mut preview::Renderer::new(), TOTE, "not json", None, 200).is_err());
    }
}
