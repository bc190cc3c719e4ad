//! A [`Drawing`]: everything about a preview that depends only on the art kind and the
//! size, worked out once. Every outline is rasterised, and everything that does not
//! depend on the traveller's choice (backdrop, floor and drop shadows, fixed parts such
//! as eyelets and linings) is baked into a base picture wherever nothing chosen lies
//! below it. What remains is a list of [`Op`]s: the chosen materials with their lighting
//! and volume, the shading, seams, folds and edges over them, and the monogram and
//! artwork slots. Painting copies the base and replays the ops with the chosen
//! materials, which is integer colour maths over the product's pixels only.

use image::RgbaImage;

use crate::ArtKind;
use crate::art;
use crate::canvas::Canvas;
use crate::memo::Memo;
use crate::ops::Op;
use crate::parts::Parts;
use crate::studio::backdrop;

/// One art kind at one size, ready to paint.
#[derive(Debug)]
pub(crate) struct Drawing {
    pub art: ArtKind,
    pub size: i32,
    /// Opaque RGBA with everything independent of the choice baked in.
    base: Vec<u8>,
    ops: Vec<Op>,
}

impl Drawing {
    /// Records `art` at `size_px`, baking fixed materials with (and into) `memo`.
    pub fn record(art: ArtKind, size_px: u32, memo: &mut Memo) -> Drawing {
        let lent = std::mem::replace(memo, Memo::new(memo.size()));
        let mut c = Canvas::recording(backdrop(size_px), lent);
        art::draw(art, &mut c);
        let (ops, base, lent) = c.finish();
        *memo = lent;
        Drawing {
            art,
            size: size_px as i32,
            base,
            ops,
        }
    }

    /// The preview with the chosen materials, monogram and artwork; `memo` is this
    /// size's.
    pub fn paint(&self, parts: &Parts<'_>, memo: &mut Memo) -> RgbaImage {
        self.paint_onto(self.base.clone(), parts, memo)
    }

    /// [`Drawing::paint`], onto the base itself (for a drawing used once).
    pub fn into_image(mut self, parts: &Parts<'_>, memo: &mut Memo) -> RgbaImage {
        let base = std::mem::take(&mut self.base);
        self.paint_onto(base, parts, memo)
    }

    fn paint_onto(&self, mut px: Vec<u8>, parts: &Parts<'_>, memo: &mut Memo) -> RgbaImage {
        for op in &self.ops {
            op.apply(&mut px, self.size, parts, memo);
        }
        let s = self.size as u32;
        RgbaImage::from_raw(s, s, px).unwrap_or_else(|| RgbaImage::new(s, s))
    }
}
