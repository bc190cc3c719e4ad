//! Drawing previews: [`render`] draws one and keeps nothing; a [`Renderer`] keeps what
//! does not depend on the traveller's choice, so a preview is drawn again quickly when
//! only the options change. Both give the same bytes.

use std::fmt;

use image::RgbaImage;

use crate::drawing::Drawing;
use crate::memo::{Memo, recent};
use crate::parts::Parts;
use crate::{Error, PreviewSpec};

/// How many drawings (art kind and size) a renderer keeps.
const DRAWINGS: usize = 4;
/// How many sizes' [`Memo`]s a renderer keeps.
const SIZES: usize = 2;

/// Draws a square, opaque preview `size_px` wide: the same bytes as
/// [`Renderer::render`] with any renderer, keeping nothing.
pub fn render(spec: &PreviewSpec, size_px: u32) -> Result<RgbaImage, Error> {
    let parts = Parts::checked(spec, size_px)?;
    let memo = &mut Memo::new(size_px as i32);
    Ok(Drawing::record(spec.art, size_px, memo).into_image(&parts, memo))
}

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
        let parts = Parts::checked(spec, size_px)?;
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
