//! The monogram slot: where the monogram goes, fitted and centred in a box (and turned,
//! on a turned card), and its finishes: raised thread, pressed foil, flat ink.

use crate::blend::luma;
use crate::canvas::Canvas;
use crate::geom::{P, Path, p};
use crate::ink::{Ink, Mat};
use crate::memo::Memo;
use crate::ops::{Slot, mark_box};
use crate::parts::Parts;
use crate::raster::Mask;
use crate::{Swatch, Texture, monogram};

/// How a monogram is made on the product.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Finish {
    /// Embroidered in thread: raised, with a soft shadow.
    Thread,
    /// Hot-stamped foil pressed into leather or board.
    Foil,
    /// Printed ink.
    Print,
}

/// A turn about `(cx, cy)` by the angle whose cosine and sine are given.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Turn {
    pub cx: f32,
    pub cy: f32,
    pub cos: f32,
    pub sin: f32,
}

impl Turn {
    fn apply(self, q: P) -> P {
        let (x, y) = (q.x - self.cx, q.y - self.cy);
        p(
            self.cx + x * self.cos - y * self.sin,
            self.cy + x * self.sin + y * self.cos,
        )
    }

    /// The path turned.
    pub fn path(self, path: &Path) -> Path {
        path.mapped(|q| self.apply(q))
    }
}

/// The monogram fitted and centred in the `size` box at `centre` (unit coordinates),
/// then turned, drawn with the shift and clip in force where the slot was left.
#[derive(Debug)]
struct MonogramSlot {
    centre: (f32, f32),
    size: (f32, f32),
    finish: Finish,
    turn: Option<Turn>,
    offset: (f32, f32),
    clip: Option<Mask>,
    /// The pixels `(x0, y0, x1, y1)`, clamped to the canvas, it stays within.
    bounds: (i32, i32, i32, i32),
}

/// Draws the monogram, if any, fitted and centred in the `w` x `h` box at `(cx, cy)`.
pub(crate) fn monogram_at(c: &mut Canvas, centre: (f32, f32), size: (f32, f32), finish: Finish) {
    monogram_turned(c, centre, size, finish, None);
}

/// [`monogram_at`], the monogram then turned.
pub(crate) fn monogram_turned(
    c: &mut Canvas,
    (cx, cy): (f32, f32),
    (w, h): (f32, f32),
    finish: Finish,
    turn: Option<Turn>,
) {
    let corners = [(-1.0, -1.0), (1.0, -1.0), (-1.0, 1.0), (1.0, 1.0)]
        .map(|(sx, sy)| p(cx + sx * w / 2.0, cy + sy * h / 2.0))
        .map(|q| turn.map_or(q, |t| t.apply(q)));
    let (dx, dy) = c.offset();
    let s = c.size() as f32;
    // The glyphs stay inside the box; a shadow moves them by up to 1.5 px, and
    // anti-aliasing adds a pixel.
    let margin = 4;
    let xs = corners.map(|q| ((q.x + dx) * s).floor() as i32);
    let ys = corners.map(|q| ((q.y + dy) * s).floor() as i32);
    let clamp = |v: i32| v.clamp(0, c.size());
    let bounds = (
        clamp(xs.into_iter().min().unwrap_or(0) - margin),
        clamp(ys.into_iter().min().unwrap_or(0) - margin),
        clamp(xs.into_iter().max().unwrap_or(0) + 1 + margin),
        clamp(ys.into_iter().max().unwrap_or(0) + 1 + margin),
    );
    let slot = MonogramSlot {
        centre: (cx, cy),
        size: (w, h),
        finish,
        turn,
        offset: c.offset(),
        clip: c.clip_mask().cloned(),
        bounds,
    };
    c.slot(slot);
}

impl Slot for MonogramSlot {
    /// The box the monogram stays within.
    fn mark(&self, flags: &mut [bool], size: i32) {
        mark_box(flags, size, self.bounds);
    }

    /// Draws the monogram, if there is one, onto `px` (opaque RGBA, `size` pixels wide).
    fn fill(&self, px: &mut [u8], size: i32, parts: &Parts<'_>, memo: &mut Memo) {
        let Some(text) = parts.monogram else {
            return;
        };
        let ((cx, cy), (w, h)) = (self.centre, self.size);
        let tracking = if text.chars().count() > 1 { 0.08 } else { 0.0 };
        let glyphs = monogram::outline(text, cx, cy, w, h, tracking);
        let glyphs = match self.turn {
            Some(t) => t.path(&glyphs),
            None => glyphs,
        };
        let mut c = Canvas::immediate(size, self.offset, self.clip.clone());
        paint(&mut c, parts, &glyphs, self.finish);
        for op in c.finish().0 {
            debug_assert!(op.within(self.bounds), "the monogram leaves its slot");
            op.apply(px, size, parts, memo);
        }
    }
}

/// The thread, foil or ink colour of a monogram: the trim if it stands out against the
/// body, else a contrasting default (gold foil, or cream or navy thread).
fn swatch(parts: &Parts<'_>, finish: Finish) -> Swatch {
    let (body, trim) = (luma(parts.body.rgb), luma(parts.trim.rgb));
    if (body - trim).abs() >= 70 {
        return parts.trim;
    }
    match finish {
        Finish::Foil => Swatch::new([0xd4, 0xaf, 0x5e], Texture::Metal),
        _ if body < 128 => Swatch::new([0xf4, 0xee, 0xdc], Texture::Plain),
        _ => Swatch::new([0x1e, 0x27, 0x44], Texture::Plain),
    }
}

/// Paints monogram outlines in their finish: raised thread, pressed foil or flat ink.
fn paint(c: &mut Canvas, parts: &Parts<'_>, glyphs: &Path, finish: Finish) {
    let Some((_, y0, _, y1)) = glyphs.bounds() else {
        return;
    };
    let sw = swatch(parts, finish);
    let px = 1.0 / c.size() as f32;
    match finish {
        Finish::Thread => {
            c.fill(&glyphs.translated(px, px * 1.5), Ink::Shade(90));
            let thread = Swatch::new(sw.rgb, Texture::Cotton);
            c.fill(glyphs, Ink::Material(Mat::Fixed(thread)));
            c.fill(glyphs, Ink::gradient((0.0, y0), (0.0, y1), -30, 40));
        }
        Finish::Foil => {
            c.fill(&glyphs.translated(-px, -px), Ink::Shade(110));
            c.fill(&glyphs.translated(px, px), Ink::Shade(-50));
            c.fill(glyphs, Ink::Material(Mat::Fixed(sw)));
        }
        Finish::Print => c.fill(glyphs, Ink::Flat(Mat::Fixed(sw))),
    }
}
