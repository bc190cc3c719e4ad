//! The [`Renderer`]: previews drawn again quickly when only the options change.

use std::fmt;

use image::RgbaImage;

use crate::art::Parts;
use crate::composite::check_size;
use crate::drawing::Drawing;
use crate::memo::{Memo, recent};
use crate::{Error, PreviewSpec, monogram};

/// How many drawings (art kind and size) a renderer keeps.
const DRAWINGS: usize = 4;
/// How many sizes' [`Memo`]s a renderer keeps.
const SIZES: usize = 2;

/// Draws previews, keeping what does not depend on the traveller's choice between them.
///
/// What it keeps:
/// - the last 4 drawings (pairs of art kind and size): every outline rasterised, the
///   backdrop, floor and drop shadows and the fixed parts (eyelets, linings, clips)
///   baked into a base picture wherever nothing chosen lies below, and the rest recorded
///   as integer paint operations over the product's pixels;
/// - for the last 2 sizes, the per-pixel relief of up to 6 textures, computed for the
///   pixels painted so far, and the artwork scaled to up to 3 print areas.
///
/// A redraw after a change of colour, material, trim, monogram or artwork then copies
/// the base picture and replays the paint over the product's pixels (and draws the
/// monogram, which is small). The pixels are the same bytes as [`render`](crate::render)
/// gives, whatever the renderer drew before.
#[derive(Default)]
pub struct Renderer {
    /// Most recently used last.
    drawings: Vec<Drawing>,
    /// Most recently used last.
    memos: Vec<Memo>,
}

impl Renderer {
    /// A renderer with nothing kept yet.
    pub fn new() -> Renderer {
        Renderer::default()
    }

    /// Draws a square, opaque preview `size_px` wide.
    pub fn render(&mut self, spec: &PreviewSpec, size_px: u32) -> Result<RgbaImage, Error> {
        let parts = parts(spec, size_px)?;
        let size = size_px as i32;
        let memo = recent(
            &mut self.memos,
            SIZES,
            |m| m.size() == size,
            || Memo::new(size),
        );
        let drawing = recent(
            &mut self.drawings,
            DRAWINGS,
            |d| d.art == spec.art && d.size == size,
            || Drawing::record(spec.art, size_px, memo),
        );
        let image = drawing.paint(&parts, memo);
        Ok(image)
    }
}

/// What to paint a drawing with, once the spec and size are checked.
pub(crate) fn parts(spec: &PreviewSpec, size_px: u32) -> Result<Parts<'_>, Error> {
    check_size(size_px)?;
    if let Some(text) = &spec.monogram {
        monogram::check(text)?;
    }
    if let Some(artwork) = &spec.artwork {
        artwork.validate()?;
    }
    Ok(Parts {
        body: spec.body,
        trim: spec.trim.unwrap_or(spec.art.default_trim()),
        monogram: spec.monogram.as_deref().filter(|t| !t.is_empty()),
        artwork: spec.artwork.as_ref(),
    })
}

impl fmt::Debug for Renderer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let drawings: Vec<_> = self.drawings.iter().map(|d| (d.art, d.size)).collect();
        let sizes: Vec<_> = self.memos.iter().map(Memo::size).collect();
        f.debug_struct("Renderer")
            .field("drawings", &drawings)
            .field("relief_sizes", &sizes)
            .finish()
    }
}
