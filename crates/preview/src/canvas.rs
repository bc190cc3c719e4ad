//! The canvas the drawings paint on with inks, in painter's order, optionally through a
//! clip. It rasterises each shape and records what each paint does to each pixel as an
//! [`Op`]. While a drawing is recorded, paint that does not depend on the traveller's
//! choice goes straight into the base picture wherever nothing chosen lies below it
//! ("baked"); everything else is kept, to be replayed when the drawing is painted.

use crate::blend::{Volume, blend, shade};
use crate::geom::Path;
use crate::ink::{Ink, Mat};
use crate::memo::Memo;
use crate::ops::{Lit, Op, Slot, Spans, get, put};
use crate::raster::{Mask, Raster};

/// The picture being drawn, as ops (and a base picture while a drawing is recorded).
pub(crate) struct Canvas {
    size: i32,
    raster: Raster,
    clip: Option<Mask>,
    ops: Vec<Op>,
    base: Base,
    /// Whether paint is baked into the base: while recording a drawing, but not the
    /// contents of its slots, nor on an immediate canvas.
    baking: bool,
}

/// The base picture of a drawing being recorded (empty on an immediate canvas).
struct Base {
    /// Opaque RGBA, with every op baked so far.
    px: Vec<u8>,
    /// Whether something chosen has been painted on a pixel (or may be): from then on,
    /// everything painted there is replayed instead of baked.
    chosen: Vec<bool>,
    memo: Memo,
}

impl Canvas {
    /// A canvas recording a drawing over `base` (opaque RGBA, `size` x `size`).
    pub fn recording(base: Vec<u8>, memo: Memo) -> Canvas {
        let size = memo.size();
        Canvas {
            size,
            raster: Raster::new(size),
            clip: None,
            ops: Vec::new(),
            base: Base {
                px: base,
                chosen: vec![false; (size * size) as usize],
                memo,
            },
            baking: true,
        }
    }

    /// A canvas recording ops to apply at once: a slot's contents, drawn at paint time
    /// with the shift and clip in force where the slot was recorded.
    pub fn immediate(size: i32, offset: (f32, f32), clip: Option<Mask>) -> Canvas {
        let mut raster = Raster::new(size);
        raster.set_offset(offset);
        Canvas {
            size,
            raster,
            clip,
            ops: Vec::new(),
            base: Base {
                px: Vec::new(),
                chosen: Vec::new(),
                memo: Memo::new(size),
            },
            baking: false,
        }
    }

    /// The ops recorded, the base picture (empty on an immediate canvas) and the memo.
    pub fn finish(self) -> (Vec<Op>, Vec<u8>, Memo) {
        (self.ops, self.base.px, self.base.memo)
    }

    /// Moves everything drawn from now on by `(dx, dy)` (unit coordinates), so a drawing
    /// can be designed standing on one floor line and placed on another.
    pub fn shift(&mut self, dx: f32, dy: f32) {
        self.raster.set_offset((dx, dy));
    }

    /// The current shift.
    pub fn offset(&self) -> (f32, f32) {
        self.raster.offset()
    }

    /// The side in pixels.
    pub fn size(&self) -> i32 {
        self.size
    }

    /// The clip in force, if any.
    pub fn clip_mask(&self) -> Option<&Mask> {
        self.clip.as_ref()
    }

    /// The coverage of a filled outline (all contours closed, overlaps added up).
    pub fn mask(&mut self, path: &Path) -> Mask {
        self.raster.fill(path)
    }

    /// The coverage of a stroke of `width` (unit coordinates) along the outline.
    pub fn stroke_mask(&mut self, path: &Path, width: f32) -> Mask {
        self.raster.stroke(path, width)
    }

    /// Fills an outline.
    pub fn fill(&mut self, path: &Path, ink: Ink) {
        let m = self.mask(path);
        self.paint(&m, ink);
    }

    /// Strokes an outline with a line `width` wide (unit coordinates).
    pub fn stroke(&mut self, path: &Path, width: f32, ink: Ink) {
        let m = self.stroke_mask(path, width);
        self.paint(&m, ink);
    }

    /// Strokes a dashed line: stitching.
    pub fn dash(&mut self, path: &Path, width: f32, dash: f32, gap: f32, ink: Ink) {
        let m = self.raster.dash(path, width, dash, gap);
        self.paint(&m, ink);
    }

    /// Limits every paint until [`Canvas::unclip`] to the inside of `path`.
    pub fn clip(&mut self, path: &Path) {
        let m = self.mask(path);
        self.clip = Some(m);
    }

    /// Limits every paint until [`Canvas::unclip`] to an existing mask.
    pub fn clip_to(&mut self, mask: Mask) {
        self.clip = Some(mask);
    }

    /// Paints everywhere again; returns the clip that was in force.
    pub fn unclip(&mut self) -> Option<Mask> {
        self.clip.take()
    }

    /// Paints `ink` through a coverage mask (and the clip, if any).
    pub fn paint(&mut self, mask: &Mask, ink: Ink) {
        let s = self.size;
        let (ox, oy) = self.raster.offset();
        let fixed = match ink {
            Ink::Shade(_) | Ink::Gradient { .. } => true,
            Ink::Flat(m) | Ink::Glaze(m, _) | Ink::Material(m) | Ink::Solid(m, _) => {
                matches!(m, Mat::Fixed(_))
            }
        };
        let Base { px, chosen, memo } = &mut self.base;
        let sweep = Sweep {
            size: s,
            clip: self.clip.as_ref(),
            mode: match (self.baking, fixed) {
                (false, _) => Mode::Keep,
                (true, true) => Mode::Bake { px, chosen },
                (true, false) => Mode::Choose(chosen),
            },
        };
        let op = match ink {
            Ink::Shade(n) => Op::Shade(sweep.run(
                mask,
                |_, _, cov| (n * cov / 255) as i16,
                |p, _, _, n| put(p, shade(get(p), n as i32)),
            )),
            Ink::Gradient { a, b, n0, n1 } => {
                let sf = s as f32;
                let (ax, ay) = ((a.x + ox) * sf, (a.y + oy) * sf);
                let (dx, dy) = ((b.x - a.x) * sf, (b.y - a.y) * sf);
                let len2 = (dx * dx + dy * dy).max(1.0);
                let (ux, uy) = (dx / len2, dy / len2);
                Op::Shade(sweep.run(
                    mask,
                    |x, y, cov| {
                        let t = ((x as f32 + 0.5 - ax) * ux + (y as f32 + 0.5 - ay) * uy)
                            .clamp(0.0, 1.0);
                        let n = n0 + (n1 - n0) * (t * 256.0) as i32 / 256;
                        (n * cov / 255) as i16
                    },
                    |p, _, _, n| put(p, shade(get(p), n as i32)),
                ))
            }
            Ink::Flat(mat) | Ink::Glaze(mat, _) => {
                let alpha = match ink {
                    Ink::Glaze(_, alpha) => alpha as i32,
                    _ => 255,
                };
                // Only a fixed colour is baked.
                let rgb = match mat {
                    Mat::Fixed(sw) => sw.rgb.map(i32::from),
                    Mat::Chosen(_) => [0; 3],
                };
                let covs = sweep.run(
                    mask,
                    |_, _, cov| (cov * alpha / 255) as u8,
                    |p, _, _, c| put(p, blend(get(p), rgb, c as i32)),
                );
                Op::Blend(mat, covs)
            }
            Ink::Material(mat) | Ink::Solid(mat, _) => {
                let volume = match ink {
                    Ink::Solid(_, depth) => Some(Volume::new(mask, depth)),
                    _ => None,
                };
                // Only a fixed material is baked, and lit for it.
                let mut lit = match (&sweep.mode, mat) {
                    (Mode::Bake { .. }, Mat::Fixed(sw)) => {
                        Some(Lit::new(sw, s, volume.as_ref(), memo))
                    }
                    _ => None,
                };
                let cov = sweep.run(
                    mask,
                    |_, _, cov| cov as u8,
                    |p, x, y, c| {
                        if let Some(lit) = &mut lit {
                            put(p, blend(get(p), lit.at(x, y), c as i32));
                        }
                    },
                );
                Op::Material { mat, volume, cov }
            }
        };
        if !op.is_empty() {
            self.ops.push(op);
        }
    }

    /// Leaves a slot for what the traveller adds; everything it may touch counts as
    /// chosen from here on.
    pub fn slot(&mut self, slot: impl Slot + 'static) {
        let op = Op::Slot(Box::new(slot));
        if self.baking {
            op.mark(&mut self.base.chosen, self.size);
        }
        self.ops.push(op);
    }

    /// The ops `draw` records, kept apart (for a slot) and whole.
    pub fn apart(&mut self, draw: impl FnOnce(&mut Canvas)) -> Vec<Op> {
        let outer = std::mem::take(&mut self.ops);
        let was = std::mem::replace(&mut self.baking, false);
        draw(self);
        self.baking = was;
        std::mem::replace(&mut self.ops, outer)
    }
}

/// What a paint does with the pixels it covers.
enum Mode<'a> {
    /// Keeps them all (for a slot, or an immediate canvas).
    Keep,
    /// Paints straight into the base picture where nothing chosen lies below, keeps the
    /// rest.
    Bake {
        px: &'a mut [u8],
        chosen: &'a [bool],
    },
    /// Keeps them all, and marks them as chosen: the ink depends on the choice.
    Choose(&'a mut [bool]),
}

/// One paint's pass over the pixels a mask covers, inside the canvas and the clip.
struct Sweep<'a> {
    size: i32,
    clip: Option<&'a Mask>,
    mode: Mode<'a>,
}

impl Sweep<'_> {
    /// `value(x, y, coverage)` of every covered pixel, the pixels whose value does
    /// nothing (zero) left out; in [`Mode::Bake`], pixels with nothing chosen below are
    /// painted with `bake(pixel, x, y, value)` instead of kept.
    fn run<T: Copy + Default + PartialEq>(
        mut self,
        mask: &Mask,
        mut value: impl FnMut(i32, i32, i32) -> T,
        mut bake: impl FnMut(&mut [u8], i32, i32, T),
    ) -> Spans<T> {
        let s = self.size;
        let mut out = Spans::new();
        let xs = mask.x0.max(0)..(mask.x0 + mask.w).min(s);
        if xs.is_empty() {
            return out;
        }
        for y in mask.y0.max(0)..(mask.y0 + mask.h).min(s) {
            let row = ((y - mask.y0) * mask.w) as usize;
            let cov_row =
                &mask.a[row + (xs.start - mask.x0) as usize..row + (xs.end - mask.x0) as usize];
            for (x, &c) in (xs.start..).zip(cov_row) {
                if c == 0 {
                    continue;
                }
                let mut cov = c as i32;
                if let Some(clip) = self.clip {
                    cov = cov * clip.at(x, y) as i32 / 255;
                    if cov == 0 {
                        continue;
                    }
                }
                let v = value(x, y, cov);
                if v == T::default() {
                    continue;
                }
                let i = (y * s + x) as usize;
                match &mut self.mode {
                    Mode::Keep => {}
                    Mode::Bake { px, chosen } => {
                        if !chosen[i] {
                            bake(&mut px[i * 4..i * 4 + 4], x, y, v);
                            continue;
                        }
                    }
                    Mode::Choose(chosen) => chosen[i] = true,
                }
                out.push(x, y, v);
            }
        }
        out
    }
}
