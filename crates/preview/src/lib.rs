//! Gongbang's preview renderer: a product drawn in the materials a traveller chose.
//!
//! Deterministic 2D illustration, never generative imagery: each product is a drawing
//! made in code from vector outlines, tinted with the chosen swatches and a procedural
//! texture, with the monogram drawn from the very font file the workshop uses and the
//! traveller's artwork scaled into the print area. The widget (wasm32) and the server
//! (ticket previews) run this same code and get byte-identical pixels: geometry uses only
//! `+ - * /` and `sqrt` on floats, which IEEE 754 defines exactly, and colour maths is
//! integer. No IO, no clock, no randomness, no threads, no serde.
//!
//! Drawing a preview has two steps. A drawing (`drawing`) depends only on the art kind
//! and the size: every outline is rasterised once, and what does not depend on the
//! traveller's choice (backdrop, floor and drop shadows, fixed parts such as eyelets and
//! linings) is baked into a base picture wherever nothing chosen lies below it; the rest
//! is recorded as integer paint operations over the product's pixels, with slots for the
//! monogram and the artwork. Painting copies the base and replays the operations with
//! the chosen swatches, textures, monogram and artwork. [`render`] does both once; a
//! [`Renderer`] keeps what it can between previews, so a change of colour, material,
//! trim, monogram or artwork only repaints:
//! - the last 4 drawings (art kind and size);
//! - for the last 2 sizes, each texture's relief (up to 6 textures), computed lazily for
//!   the pixels painted, and the artwork scaled to its print areas (up to 3).
//!
//! Both give the same bytes: replaying an operation does to each pixel exactly what
//! painting it directly would, in the same order.
//!
//! Layout, from the bottom floor up (each module uses only modules listed before it):
//! - `error`: the one [`Error`].
//! - [`swatch`]: [`Texture`] and [`Swatch`] (`#1f2a44:wool`).
//! - `geom`, `stroke`: outlines in the unit square; strokes and dashes as outlines.
//! - `raster`: outlines to anti-aliased coverage masks (`ab_glyph_rasterizer`).
//! - `blend`: integer colour maths (blend, shade, volume) and the colour helpers.
//! - `texture`: integer hash-noise surfaces per texture.
//! - [`monogram`]: the bundled font, [`font_covers`], text outlines.
//! - [`ArtKind`] (`art::kind`): which drawings exist, their codes and default trims.
//! - [`look`]: [`ProductLook`] (which option groups colour what) → [`PreviewSpec`];
//!   [`Artwork`].
//! - `scale`, `memo`: the traveller's artwork scaled into its print area; what painting
//!   keeps at one size (reliefs, scaled artwork).
//! - `parts`: what a drawing is painted with, checked from the spec and the size
//!   ([`MIN_SIZE`]..=[`MAX_SIZE`]).
//! - `ink`: inks and the materials they name, fixed or chosen.
//! - `ops`: recorded paint operations, replayed with the chosen materials; the `Slot`
//!   interface of what the traveller adds; materials under the studio light.
//! - `canvas`: what drawings paint on: it rasterises, bakes and records.
//! - `studio`: the backdrop every drawing is recorded over, and floor shadows.
//! - `slots`: the monogram and artwork `Slot`s, left while recording, filled at paint
//!   time.
//! - [`art`]: the drawings, one file per family (`garments`, `shoes`, `bags`, `paper`)
//!   over a shared drawing kit, and the dispatch from an art kind to its drawing.
//! - `drawing`: one art kind at one size, recorded once, painted with any choice.
//! - `renderer`: [`render`] and the [`Renderer`].
//! - [`samples`]: the fixed configurations of the golden determinism test.
//!
//! Deliberately not here: decoding images (the browser decodes and downscales photos),
//! reading catalogues (the caller builds a [`ProductLook`]), and any text but monograms.

#![warn(missing_docs)]

pub mod art;
mod blend;
mod canvas;
mod drawing;
mod error;
mod geom;
mod ink;
pub mod look;
mod memo;
pub mod monogram;
mod ops;
mod parts;
mod raster;
mod renderer;
pub mod samples;
mod scale;
mod slots;
mod stroke;
mod studio;
pub mod swatch;
mod texture;

pub use art::ArtKind;
pub use error::Error;
pub use image::RgbaImage;
pub use look::{Artwork, PreviewSpec, ProductLook};
pub use monogram::font_covers;
pub use parts::{MAX_SIZE, MIN_SIZE};
pub use renderer::{Renderer, render};
pub use swatch::{Swatch, Texture};

/// A fingerprint of a picture for determinism tests: 64-bit FNV-1a over the width and
/// height (little-endian `u32`s) and then the raw RGBA bytes, as 16 lowercase hex digits.
pub fn pixel_digest(image: &RgbaImage) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut h = OFFSET;
    let header = image
        .width()
        .to_le_bytes()
        .into_iter()
        .chain(image.height().to_le_bytes());
    for b in header.chain(image.as_raw().iter().copied()) {
        h ^= b as u64;
        h = h.wrapping_mul(PRIME);
    }
    format!("{h:016x}")
}

/// Encodes a preview as PNG (for the server's ticket previews).
#[cfg(feature = "png")]
pub fn encode_png(image: &RgbaImage) -> Result<Vec<u8>, Error> {
    let mut out = std::io::Cursor::new(Vec::new());
    image
        .write_to(&mut out, image::ImageFormat::Png)
        .map_err(|e| Error::Encode(e.to_string()))?;
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(art: ArtKind) -> PreviewSpec {
        PreviewSpec {
            art,
            body: Swatch::new([0x1f, 0x2a, 0x44], Texture::Wool),
            trim: None,
            monogram: None,
            artwork: None,
        }
    }

    #[test]
    fn the_digest_is_fnv1a_over_size_and_bytes() {
        let empty = RgbaImage::new(0, 0);
        // FNV-1a of eight zero bytes.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for _ in 0..8 {
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        assert_eq!(pixel_digest(&empty), format!("{h:016x}"));
        assert_ne!(
            pixel_digest(&RgbaImage::new(1, 2)),
            pixel_digest(&RgbaImage::new(2, 1))
        );
    }

    #[test]
    fn sizes_outside_the_range_are_refused() {
        for size in [0, 63, 1081, 4096] {
            assert_eq!(
                render(&spec(ArtKind::Shirt), size).map(|_| ()),
                Err(Error::BadSize {
                    given: size,
                    min: 64,
                    max: 1080
                })
            );
        }
        for size in [64, 1080] {
            let image = render(&spec(ArtKind::Shirt), size).expect("in range");
            assert_eq!(image.dimensions(), (size, size));
        }
    }

    #[test]
    fn the_output_is_opaque() {
        let image = render(&spec(ArtKind::Tote), 96).expect("renders");
        assert!(image.pixels().all(|p| p.0[3] == 255));
    }

    #[test]
    fn a_monogram_the_font_lacks_is_refused_by_name() {
        let mut s = spec(ArtKind::Tote);
        s.monogram = Some("A中".into());
        assert_eq!(
            render(&s, 128).map(|_| ()),
            Err(Error::MissingGlyph { character: '中' })
        );
    }

    #[cfg(feature = "png")]
    #[test]
    fn png_encoding_round_trips() {
        let image = render(&spec(ArtKind::Card), 64).expect("renders");
        let bytes = encode_png(&image).expect("encodes");
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        let back = image::load_from_memory(&bytes).expect("decodes").to_rgba8();
        assert_eq!(pixel_digest(&back), pixel_digest(&image));
    }

    #[test]
    fn malformed_artwork_is_refused() {
        let mut s = spec(ArtKind::Poster);
        s.artwork = Some(Artwork {
            width: 4,
            height: 4,
            rgba: vec![0; 63],
        });
        assert!(matches!(render(&s, 128), Err(Error::BadArtwork { .. })));
    }
}
