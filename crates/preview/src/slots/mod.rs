//! What the traveller adds to a drawing: the monogram in its finish and the artwork in
//! its print area. A drawing records a [`Slot`] where each goes, with every pixel it may
//! touch counted as chosen; the slot is filled when the drawing is painted, in its place
//! in the painter's order.

mod artwork;
mod monogram;

pub(crate) use artwork::{ArtworkSlot, artwork_in};
pub(crate) use monogram::{Finish, MonogramSlot, Turn, monogram_at, monogram_turned};

use crate::memo::Memo;
use crate::parts::Parts;

/// A place left in a drawing for what the traveller adds.
#[derive(Debug)]
pub(crate) enum Slot {
    Monogram(MonogramSlot),
    Artwork(ArtworkSlot),
}

impl Slot {
    /// Marks every pixel it may touch in `flags` (one per pixel of a picture `size`
    /// wide).
    pub fn mark(&self, flags: &mut [bool], size: i32) {
        match self {
            Slot::Monogram(slot) => mark_box(flags, size, slot.bounds),
            Slot::Artwork(slot) => {
                mark_box(flags, size, slot.area);
                for op in &slot.placeholder {
                    op.mark(flags, size);
                }
            }
        }
    }

    /// Draws what the traveller added onto `px` (opaque RGBA, `size` pixels wide).
    pub fn fill(&self, px: &mut [u8], size: i32, parts: &Parts<'_>, memo: &mut Memo) {
        match self {
            Slot::Monogram(slot) => slot.fill(px, size, parts, memo),
            Slot::Artwork(slot) => slot.fill(px, size, parts, memo),
        }
    }
}

/// Marks the pixels of the box `(x0, y0, x1, y1)` inside the picture.
fn mark_box(flags: &mut [bool], size: i32, (x0, y0, x1, y1): (i32, i32, i32, i32)) {
    let (x0, x1) = (x0.clamp(0, size), x1.clamp(0, size));
    for y in y0.max(0)..y1.min(size) {
        let row = (y * size) as usize;
        flags[row + x0 as usize..row + x1.max(x0) as usize].fill(true);
    }
}
