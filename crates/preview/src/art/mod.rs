//! The drawings: one file per family (garments, shoes, bags and small leather, paper)
//! over a shared drawing kit, and the dispatch from an [`ArtKind`] to its drawing.
//!
//! Every drawing paints in the unit square, back to front: floor shadow, body, trim,
//! shading (light, folds, seams, stitches, edges), with slots for the monogram and the
//! artwork in the places the product has for them. A drawing knows only the art kind and
//! the size: it names the chosen materials (`ink::Mat`) without knowing them, so it is
//! recorded once and painted with any choice.

mod bags;
mod garments;
mod kind;
mod kit;
mod paper;
mod shoes;

pub use kind::ArtKind;

use crate::canvas::Canvas;

/// Draws `kind` onto the canvas.
pub(crate) fn draw(kind: ArtKind, c: &mut Canvas) {
    match kind {
        ArtKind::Shirt => garments::shirt(c),
        ArtKind::Jacket => garments::jacket(c),
        ArtKind::Trousers => garments::trousers(c),
        ArtKind::Derby => shoes::derby(c),
        ArtKind::Loafer => shoes::loafer(c),
        ArtKind::Boot => shoes::boot(c),
        ArtKind::Tote => bags::tote(c),
        ArtKind::Crossbody => bags::crossbody(c),
        ArtKind::Wallet => bags::wallet(c),
        ArtKind::KeyHolder => bags::key_holder(c),
        ArtKind::Card => paper::card(c),
        ArtKind::Notebook => paper::notebook(c),
        ArtKind::Poster => paper::poster(c),
    }
}
