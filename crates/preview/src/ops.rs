//! Recorded paint: each paint of a drawing kept as the pixels it touches with what it
//! does to each ([`Op`]), so a drawing rasterised once can be painted again with other
//! materials by replaying only integer colour maths; the [`Slot`]s left among them for
//! what the traveller adds; and materials under the studio light ([`Lit`]).
//!
//! Replaying an op does to every pixel exactly what painting it directly did, in the
//! same order, so the bytes are the same.

use std::fmt;

use crate::blend::{Volume, blend, shade};
use crate::ink::Mat;
use crate::memo::Memo;
use crate::parts::Parts;
use crate::texture::Relief;
use crate::{Swatch, Texture};

/// A stretch of consecutive pixels on one row.
#[derive(Debug, Clone, Copy)]
struct Run {
    x: u16,
    y: u16,
    len: u16,
}

/// A value for each pixel of a sparse set, in runs along rows, top to bottom.
#[derive(Debug)]
pub(crate) struct Spans<T> {
    runs: Vec<Run>,
    vals: Vec<T>,
}

impl<T: Copy> Spans<T> {
    pub fn new() -> Spans<T> {
        Spans {
            runs: Vec::new(),
            vals: Vec::new(),
        }
    }

    /// Adds pixel `(x, y)`, after every pixel added so far in reading order.
    pub fn push(&mut self, x: i32, y: i32, v: T) {
        let (x, y) = (x as u16, y as u16);
        match self.runs.last_mut() {
            Some(r) if r.y == y && r.x + r.len == x => r.len += 1,
            _ => self.runs.push(Run { x, y, len: 1 }),
        }
        self.vals.push(v);
    }

    pub fn is_empty(&self) -> bool {
        self.vals.is_empty()
    }

    /// Each run as its first pixel `(x, y)` and its values.
    pub fn runs(&self) -> impl Iterator<Item = (i32, i32, &[T])> {
        let mut at = 0;
        self.runs.iter().map(move |r| {
            let vals = &self.vals[at..at + r.len as usize];
            at += r.len as usize;
            (r.x as i32, r.y as i32, vals)
        })
    }

    /// Marks the pixels in `flags` (one per pixel of a picture `size` wide).
    pub fn mark(&self, flags: &mut [bool], size: i32) {
        for r in &self.runs {
            let i = (r.y as i32 * size + r.x as i32) as usize;
            flags[i..i + r.len as usize].fill(true);
        }
    }

    /// Whether every pixel lies in the box `x0..x1`, `y0..y1`.
    pub fn within(&self, (x0, y0, x1, y1): (i32, i32, i32, i32)) -> bool {
        self.runs.iter().all(|r| {
            let (x, y) = (r.x as i32, r.y as i32);
            x >= x0 && x + r.len as i32 <= x1 && y >= y0 && y < y1
        })
    }
}

/// One recorded paint.
#[derive(Debug)]
pub(crate) enum Op {
    /// Shades each pixel by its amount (see [`shade`]).
    Shade(Spans<i16>),
    /// Blends the material's flat colour over each pixel by its coverage.
    Blend(Mat, Spans<u8>),
    /// Blends the material, lit and textured (and shaded by `volume`), by coverage.
    Material {
        mat: Mat,
        volume: Option<Volume>,
        cov: Spans<u8>,
    },
    /// What the traveller adds, drawn when the drawing is painted.
    Slot(Box<dyn Slot>),
}

/// A place left in a drawing for what the traveller adds (the monogram in its finish,
/// the artwork in its print area), filled when the drawing is painted, in its place in
/// the painter's order. The recording knows a slot only by what it may touch and how it
/// is filled; the kinds are in `slots`.
pub(crate) trait Slot: fmt::Debug {
    /// Marks every pixel it may touch in `flags` (one per pixel of a picture `size`
    /// wide).
    fn mark(&self, flags: &mut [bool], size: i32);

    /// Draws what the traveller added onto `px` (opaque RGBA, `size` pixels wide).
    fn fill(&self, px: &mut [u8], size: i32, parts: &Parts<'_>, memo: &mut Memo);
}

impl Op {
    /// Whether it paints nothing.
    pub fn is_empty(&self) -> bool {
        match self {
            Op::Shade(s) => s.is_empty(),
            Op::Blend(_, s) | Op::Material { cov: s, .. } => s.is_empty(),
            Op::Slot(_) => false,
        }
    }

    /// Marks every pixel it may touch in `flags` (one per pixel of a picture `size`
    /// wide).
    pub fn mark(&self, flags: &mut [bool], size: i32) {
        match self {
            Op::Shade(s) => s.mark(flags, size),
            Op::Blend(_, s) | Op::Material { cov: s, .. } => s.mark(flags, size),
            Op::Slot(slot) => slot.mark(flags, size),
        }
    }

    /// Whether every pixel it touches lies in the box `x0..x1`, `y0..y1`.
    pub fn within(&self, bounds: (i32, i32, i32, i32)) -> bool {
        match self {
            Op::Shade(s) => s.within(bounds),
            Op::Blend(_, s) | Op::Material { cov: s, .. } => s.within(bounds),
            Op::Slot(_) => false,
        }
    }

    /// Paints it onto `px`, an opaque RGBA picture `size` pixels wide, with the chosen
    /// materials.
    pub fn apply(&self, px: &mut [u8], size: i32, parts: &Parts<'_>, memo: &mut Memo) {
        let at = |x: i32, y: i32| ((y * size + x) * 4) as usize;
        match self {
            Op::Shade(amounts) => {
                for (x0, y, vals) in amounts.runs() {
                    let row = &mut px[at(x0, y)..at(x0, y) + vals.len() * 4];
                    for (p, &n) in row.chunks_exact_mut(4).zip(vals) {
                        put(p, shade(get(p), n as i32));
                    }
                }
            }
            Op::Blend(mat, covs) => {
                let rgb = mat.resolve(parts).rgb.map(i32::from);
                for (x0, y, vals) in covs.runs() {
                    let row = &mut px[at(x0, y)..at(x0, y) + vals.len() * 4];
                    for (p, &c) in row.chunks_exact_mut(4).zip(vals) {
                        put(p, blend(get(p), rgb, c as i32));
                    }
                }
            }
            Op::Material { mat, volume, cov } => {
                let mut lit = Lit::new(mat.resolve(parts), size, volume.as_ref(), memo);
                for (x0, y, vals) in cov.runs() {
                    lit.prepare(x0, y, vals.len());
                    let row = &mut px[at(x0, y)..at(x0, y) + vals.len() * 4];
                    for ((p, &c), x) in row.chunks_exact_mut(4).zip(vals).zip(x0..) {
                        put(p, blend(get(p), lit.colour(x, y), c as i32));
                    }
                }
            }
            Op::Slot(slot) => slot.fill(px, size, parts, memo),
        }
    }
}

/// Marks the pixels of the box `(x0, y0, x1, y1)` inside the picture.
pub(crate) fn mark_box(flags: &mut [bool], size: i32, (x0, y0, x1, y1): (i32, i32, i32, i32)) {
    let (x0, x1) = (x0.clamp(0, size), x1.clamp(0, size));
    for y in y0.max(0)..y1.min(size) {
        let row = (y * size) as usize;
        flags[row + x0 as usize..row + x1.max(x0) as usize].fill(true);
    }
}

/// The colour channels of an RGBA pixel.
#[inline(always)]
pub(crate) fn get(p: &[u8]) -> [i32; 3] {
    [p[0] as i32, p[1] as i32, p[2] as i32]
}

/// Stores colour channels into an RGBA pixel.
#[inline(always)]
pub(crate) fn put(p: &mut [u8], c: [i32; 3]) {
    p[0] = c[0] as u8;
    p[1] = c[1] as u8;
    p[2] = c[2] as u8;
}

/// A material under the studio light: its colour, the key light, its texture's relief
/// and, for solid parts, the round-body shading.
pub(crate) struct Lit<'a> {
    rgb: [i32; 3],
    plain: bool,
    k: i32,
    size: i32,
    volume: Option<&'a Volume>,
    relief: &'a mut Relief,
    cache: &'a mut [i8],
}

impl<'a> Lit<'a> {
    pub fn new(sw: Swatch, size: i32, volume: Option<&'a Volume>, memo: &'a mut Memo) -> Lit<'a> {
        let (relief, cache) = memo.relief(sw.texture);
        Lit {
            rgb: sw.rgb.map(i32::from),
            plain: sw.texture == Texture::Plain,
            // The key light: 272/256 at the top left down to 232/256 at the bottom right.
            k: 40 * 65_536 / (2 * size),
            size,
            volume,
            relief,
            cache,
        }
    }

    /// Makes sure the relief of the `len` pixels from `(x0, y)` along the row is
    /// computed.
    #[inline(always)]
    pub fn prepare(&mut self, x0: i32, y: i32, len: usize) {
        let i = (y * self.size + x0) as usize;
        let row = &mut self.cache[i..i + len];
        if row.contains(&i8::MIN) {
            self.relief.fill_row(x0, y, row);
        }
    }

    /// The colour at pixel `(x, y)`, its relief computed.
    #[inline(always)]
    pub fn colour(&self, x: i32, y: i32) -> [i32; 3] {
        let r = self.cache[(y * self.size + x) as usize] as i32;
        let factor = 272 - (((x + y) * self.k) >> 16) + r;
        // Dark colours get part of the relief added, so grain shows on black.
        let lift = if self.plain { 0 } else { r / 5 };
        let tone = |c: i32| (((c * factor) >> 8) + lift).clamp(0, 255);
        let colour = [tone(self.rgb[0]), tone(self.rgb[1]), tone(self.rgb[2])];
        match self.volume {
            Some(v) => shade(colour, v.at(x, y)),
            None => colour,
        }
    }

    /// The colour at pixel `(x, y)`.
    #[inline(always)]
    pub fn at(&mut self, x: i32, y: i32) -> [i32; 3] {
        self.prepare(x, y, 1);
        self.colour(x, y)
    }
}
