//! What the traveller adds to a drawing: the monogram in its finish and the artwork in
//! its print area, the two kinds of [`Slot`](crate::ops::Slot). A drawing records a slot
//! where each goes, with every pixel it may touch counted as chosen; the slot is filled
//! when the drawing is painted, in its place in the painter's order.

mod artwork;
mod monogram;

pub(crate) use artwork::artwork_in;
pub(crate) use monogram::{Finish, Turn, monogram_at, monogram_turned};
