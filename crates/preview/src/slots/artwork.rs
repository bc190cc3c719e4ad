//! The artwork slot: the traveller's picture laid into a print area, as large as fits
//! without cropping, centred; without one, a placeholder in the ink colour.

use crate::blend::blend;
use crate::canvas::Canvas;
use crate::geom::{Path, ellipse, rect};
use crate::ink::{Ink, Mat};
use crate::memo::Memo;
use crate::ops::{Op, Slot, get, mark_box, put};
use crate::parts::Parts;
use crate::raster::Mask;

/// The print area in pixels `(x0, y0, x1, y1)`, the clip in force, and the
/// placeholder's ops.
#[derive(Debug)]
struct ArtworkSlot {
    area: (i32, i32, i32, i32),
    clip: Option<Mask>,
    placeholder: Vec<Op>,
}

/// Lays the artwork into the print area `(x0, y0, x1, y1)` (unit coordinates), as
/// large as fits without cropping, centred; without artwork, a placeholder.
pub(crate) fn artwork_in(c: &mut Canvas, area: (f32, f32, f32, f32)) {
    let s = c.size() as f32;
    let (dx, dy) = c.offset();
    let (x0, y0) = (((area.0 + dx) * s) as i32, ((area.1 + dy) * s) as i32);
    let (x1, y1) = (((area.2 + dx) * s) as i32, ((area.3 + dy) * s) as i32);
    if x1 <= x0 || y1 <= y0 {
        return;
    }
    let clip = c.clip_mask().cloned();
    let placeholder = c.apart(|c| placeholder(c, area));
    if let Some(m) = clip.clone() {
        c.clip_to(m);
    }
    let area = (x0, y0, x1, y1);
    c.slot(ArtworkSlot {
        area,
        clip,
        placeholder,
    });
}

/// "Your picture here": a soft frame with a sun and hills in the ink colour.
fn placeholder(c: &mut Canvas, (x0, y0, x1, y1): (f32, f32, f32, f32)) {
    let (w, h) = (x1 - x0, y1 - y0);
    let ink = Ink::Glaze(Mat::TRIM, 46);
    let area = rect(x0, y0, x1, y1);
    c.clip(&area);
    c.fill(&area, Ink::Glaze(Mat::TRIM, 14));
    let r = w.min(h) * 0.09;
    c.fill(&ellipse(x0 + w * 0.7, y0 + h * 0.32, r, r), ink);
    let hills = Path::new()
        .m(x0, y1)
        .l(x0, y0 + h * 0.78)
        .q(x0 + w * 0.22, y0 + h * 0.5, x0 + w * 0.45, y0 + h * 0.74)
        .q(x0 + w * 0.62, y0 + h * 0.58, x0 + w * 0.78, y0 + h * 0.68)
        .q(x0 + w * 0.9, y0 + h * 0.62, x1, y0 + h * 0.7)
        .l(x1, y1)
        .z();
    c.fill(&hills, ink);
    c.unclip();
    c.stroke(&area, w.min(h) * 0.012, Ink::Glaze(Mat::TRIM, 60));
}

impl Slot for ArtworkSlot {
    /// The print area, and whatever the placeholder touches.
    fn mark(&self, flags: &mut [bool], size: i32) {
        mark_box(flags, size, self.area);
        for op in &self.placeholder {
            op.mark(flags, size);
        }
    }

    /// Lays the artwork, or the placeholder, onto `px` (opaque RGBA, `size` pixels wide).
    fn fill(&self, px: &mut [u8], size: i32, parts: &Parts<'_>, memo: &mut Memo) {
        let Some(art) = parts.artwork else {
            for op in &self.placeholder {
                op.apply(px, size, parts, memo);
            }
            return;
        };
        let (x0, y0, x1, y1) = self.area;
        let (bw, bh) = (x1 - x0, y1 - y0);
        let (aw, ah) = (art.width as i64, art.height as i64);
        // Contain: the side that binds decides the scale.
        let (dw, dh) = if aw * bh as i64 >= ah * bw as i64 {
            (bw, ((ah * bw as i64 + aw / 2) / aw).max(1) as i32)
        } else {
            (((aw * bh as i64 + ah / 2) / ah).max(1) as i32, bh)
        };
        let pixels = memo.scaled(art, (dw, dh));
        let at = (x0 + (bw - dw) / 2, y0 + (bh - dh) / 2);
        blit(px, size, self.clip.as_ref(), at, (dw, dh), pixels);
    }
}

/// Lays a picture (`src`, rows of `w` straight RGBA pixels) at pixel `(x0, y0)` of `px`
/// (opaque RGBA, `size` pixels wide), through the clip.
fn blit(
    px: &mut [u8],
    size: i32,
    clip: Option<&Mask>,
    (x0, y0): (i32, i32),
    (w, h): (i32, i32),
    src: &[[u8; 4]],
) {
    for y in y0.max(0)..(y0 + h).min(size) {
        for x in x0.max(0)..(x0 + w).min(size) {
            let [r, g, b, a] = src[((y - y0) * w + (x - x0)) as usize];
            let mut cov = a as i32;
            if let Some(clip) = clip {
                cov = cov * clip.at(x, y) as i32 / 255;
            }
            if cov == 0 {
                continue;
            }
            let i = ((y * size + x) * 4) as usize;
            let p = &mut px[i..i + 4];
            put(p, blend(get(p), [r as i32, g as i32, b as i32], cov));
        }
    }
}
