//! Coverage: outlines in unit coordinates rasterised into anti-aliased masks (with
//! `ab_glyph_rasterizer`), strokes and dashes built from small pieces, and the masks'
//! own operations.
//!
//! Coverage is turned into 0..=255 as soon as it is computed; everything after is
//! integer maths.

use ab_glyph_rasterizer::{Rasterizer, point};

use crate::geom::{P, Path, Seg};
use crate::stroke::{dashes, stroke_outline};

/// Anti-aliased coverage of an outline over a pixel box of the canvas.
#[derive(Debug, Clone)]
pub(crate) struct Mask {
    pub x0: i32,
    pub y0: i32,
    pub w: i32,
    pub h: i32,
    /// Row by row, `w * h` coverages.
    pub a: Vec<u8>,
}

/// The smallest box holding two boxes.
fn union(a: (f32, f32, f32, f32), b: (f32, f32, f32, f32)) -> (f32, f32, f32, f32) {
    (a.0.min(b.0), a.1.min(b.1), a.2.max(b.2), a.3.max(b.3))
}

impl Mask {
    /// Raises this mask to `other` wherever `other` covers more (a union of shapes).
    fn merge_max(&mut self, other: &Mask) {
        for oy in 0..other.h {
            let y = other.y0 + oy - self.y0;
            if y < 0 || y >= self.h {
                continue;
            }
            for ox in 0..other.w {
                let x = other.x0 + ox - self.x0;
                if x < 0 || x >= self.w {
                    continue;
                }
                let v = other.a[(oy * other.w + ox) as usize];
                let d = &mut self.a[(y * self.w + x) as usize];
                *d = (*d).max(v);
            }
        }
    }

    /// The coverage at a canvas pixel (0 outside the mask).
    pub fn at(&self, x: i32, y: i32) -> u8 {
        let (mx, my) = (x - self.x0, y - self.y0);
        if mx < 0 || my < 0 || mx >= self.w || my >= self.h {
            0
        } else {
            self.a[(my * self.w + mx) as usize]
        }
    }
}

impl Mask {
    /// A mask computed per pixel over the box `x0..x1`, `y0..y1` (pixels).
    pub fn from_fn(x0: i32, y0: i32, x1: i32, y1: i32, f: impl Fn(i32, i32) -> u8) -> Mask {
        let (w, h) = ((x1 - x0).max(0), (y1 - y0).max(0));
        let mut a = Vec::with_capacity((w * h) as usize);
        for y in y0..y0 + h {
            for x in x0..x0 + w {
                a.push(f(x, y));
            }
        }
        Mask { x0, y0, w, h, a }
    }

    /// This mask softened by a box blur of `radius` px (across, then down), grown by
    /// the radius on every side so nothing is cut off.
    pub fn blurred(&self, radius: i32) -> Mask {
        let r = radius.max(1);
        let (w, h) = ((self.w + 2 * r) as usize, (self.h + 2 * r) as usize);
        let (ru, sw) = (r as usize, self.w as usize);
        let inv = 65_536 / (2 * r as u32 + 1);
        let mut padded = vec![0u8; w];
        let mut across = vec![0u8; w * h];
        for y in 0..self.h as usize {
            padded[ru..ru + sw].copy_from_slice(&self.a[y * sw..(y + 1) * sw]);
            let out = (y + ru) * w;
            box_blur(&padded, &mut across[out..out + w], ru, inv);
        }
        // Down the columns: running sums over a window of rows, row by row.
        let mut sums = vec![0u32; w];
        for row in across.chunks_exact(w).take(ru) {
            for (sum, &v) in sums.iter_mut().zip(row) {
                *sum += v as u32;
            }
        }
        let mut a = vec![0u8; w * h];
        for y in 0..h {
            if y + ru < h {
                for (sum, &v) in sums.iter_mut().zip(&across[(y + ru) * w..(y + ru + 1) * w]) {
                    *sum += v as u32;
                }
            }
            for (out, &sum) in a[y * w..(y + 1) * w].iter_mut().zip(&sums) {
                *out = ((sum * inv) >> 16).min(255) as u8;
            }
            if y >= ru {
                for (sum, &v) in sums.iter_mut().zip(&across[(y - ru) * w..(y - ru + 1) * w]) {
                    *sum -= v as u32;
                }
            }
        }
        Mask {
            x0: self.x0 - r,
            y0: self.y0 - r,
            w: w as i32,
            h: h as i32,
            a,
        }
    }

    /// How near each covered pixel is to the edge of the shape, 0..=255: the coverage
    /// less a blur of it, times the coverage. Painting a shade through it darkens a band
    /// about `radius` px wide just inside the outline.
    pub fn inner_edge(&self, radius: i32) -> Mask {
        let blur = self.blurred(radius);
        let (r, bw) = ((self.x0 - blur.x0) as usize, blur.w as usize);
        let w = self.w as usize;
        let mut a = vec![0u8; self.a.len()];
        for (y, (out, cov)) in a
            .chunks_exact_mut(w)
            .zip(self.a.chunks_exact(w))
            .enumerate()
        {
            let b = &blur.a[(y + r) * bw + r..(y + r) * bw + r + w];
            for ((o, &c), &b) in out.iter_mut().zip(cov).zip(b) {
                *o = ((255 - b as u32) * c as u32 / 255) as u8;
            }
        }
        Mask {
            x0: self.x0,
            y0: self.y0,
            w: self.w,
            h: self.h,
            a,
        }
    }

    /// A mask that covers nothing.
    pub fn empty() -> Mask {
        Mask {
            x0: 0,
            y0: 0,
            w: 0,
            h: 0,
            a: Vec::new(),
        }
    }
}

/// A sliding box average of `src` into `dst`, `2r + 1` wide, zero beyond the ends;
/// `inv` is the reciprocal of the width in 16.16 fixed point.
fn box_blur(src: &[u8], dst: &mut [u8], r: usize, inv: u32) {
    let n = src.len();
    let mut sum: u32 = src.iter().take(r).map(|&v| v as u32).sum();
    for i in 0..n {
        if i + r < n {
            sum += src[i + r] as u32;
        }
        dst[i] = ((sum * inv) >> 16).min(255) as u8;
        if i >= r {
            sum -= src[i - r] as u32;
        }
    }
}

/// Turns outlines into masks on a `size` px canvas, every point moved by `offset`
/// (unit coordinates) first. Keeps one rasteriser so its buffer is reused.
pub(crate) struct Raster {
    size: f32,
    offset: (f32, f32),
    raster: Rasterizer,
}

impl Raster {
    pub fn new(size: i32) -> Raster {
        Raster {
            size: size as f32,
            offset: (0.0, 0.0),
            raster: Rasterizer::new(0, 0),
        }
    }

    pub fn set_offset(&mut self, offset: (f32, f32)) {
        self.offset = offset;
    }

    pub fn offset(&self) -> (f32, f32) {
        self.offset
    }

    /// The coverage of a filled outline (all contours closed, overlaps added up).
    pub fn fill(&mut self, path: &Path) -> Mask {
        let Some((bx0, by0, bx1, by1)) = path.bounds().map(|(x0, y0, x1, y1)| {
            let (dx, dy) = self.offset;
            (x0 + dx, y0 + dy, x1 + dx, y1 + dy)
        }) else {
            return Mask::empty();
        };
        let s = self.size;
        let x0 = (bx0 * s).floor() as i32 - 1;
        let y0 = (by0 * s).floor() as i32 - 1;
        let w = (bx1 * s).ceil() as i32 + 2 - x0;
        let h = (by1 * s).ceil() as i32 + 2 - y0;
        self.raster.reset(w as usize, h as usize);
        let (ox, oy) = (x0 as f32, y0 as f32);
        let (dx, dy) = self.offset;
        let tp = |q: P| point((q.x + dx) * s - ox, (q.y + dy) * s - oy);
        for contour in &path.contours {
            let mut first = None;
            let mut last = None;
            for seg in &contour.segs {
                match *seg {
                    Seg::Line(a, b) => {
                        first.get_or_insert(a);
                        last = Some(b);
                        self.raster.draw_line(tp(a), tp(b));
                    }
                    Seg::Quad(a, b, c) => {
                        first.get_or_insert(a);
                        last = Some(c);
                        self.raster.draw_quad(tp(a), tp(b), tp(c));
                    }
                    Seg::Cubic(a, b, c, d) => {
                        first.get_or_insert(a);
                        last = Some(d);
                        self.raster.draw_cubic(tp(a), tp(b), tp(c), tp(d));
                    }
                }
            }
            if let (Some(f), Some(l)) = (first, last)
                && f != l
            {
                self.raster.draw_line(tp(l), tp(f));
            }
        }
        let mut a = vec![0u8; (w * h) as usize];
        self.raster.for_each_pixel(|i, c| {
            if let Some(v) = a.get_mut(i) {
                *v = (c.min(1.0) * 255.0 + 0.5) as u8;
            }
        });
        Mask { x0, y0, w, h, a }
    }

    /// The coverage of a stroke of `width` (unit coordinates) along the outline.
    pub fn stroke(&mut self, path: &Path, width: f32) -> Mask {
        let step = (2.0 / self.size).max(width);
        let mut pieces = Vec::new();
        for (pts, closed) in path.polylines(step) {
            pieces.extend(stroke_outline(&pts, closed, width / 2.0, true));
        }
        self.pieces_mask(&pieces)
    }

    /// The coverage of a dashed stroke: `dash` on, `gap` off (unit coordinates).
    pub fn dash(&mut self, path: &Path, width: f32, dash: f32, gap: f32) -> Mask {
        let step = (2.0 / self.size).max(width);
        let mut pieces = Vec::new();
        for pts in dashes(&path.polylines(step), dash, gap) {
            pieces.extend(stroke_outline(&pts, false, width / 2.0, false));
        }
        self.pieces_mask(&pieces)
    }

    /// The union of many small outlines (the pieces of a stroke). Neighbouring pieces
    /// are rasterised together in small batches and the batches merged by maximum, so a
    /// long thin stroke costs its length, not the area of its bounding box.
    fn pieces_mask(&mut self, pieces: &[Path]) -> Mask {
        const BATCH_PX: f32 = 96.0 * 96.0;
        let s = self.size;
        let (dx, dy) = self.offset;
        let Some(all) = pieces
            .iter()
            .filter_map(Path::bounds)
            .reduce(union)
            .map(|b| (b.0 + dx, b.1 + dy, b.2 + dx, b.3 + dy))
        else {
            return Mask::empty();
        };
        let x0 = (all.0 * s).floor() as i32 - 1;
        let y0 = (all.1 * s).floor() as i32 - 1;
        let w = (all.2 * s).ceil() as i32 + 2 - x0;
        let h = (all.3 * s).ceil() as i32 + 2 - y0;
        let mut out = Mask {
            x0,
            y0,
            w,
            h,
            a: vec![0; (w * h) as usize],
        };
        let mut batch = Path::new();
        let mut batch_box: Option<(f32, f32, f32, f32)> = None;
        for piece in pieces {
            let Some(b) = piece.bounds() else { continue };
            let grown = batch_box.map_or(b, |bb| union(bb, b));
            if batch_box.is_some() && (grown.2 - grown.0) * (grown.3 - grown.1) * s * s > BATCH_PX {
                let m = self.fill(&batch);
                out.merge_max(&m);
                batch = Path::new();
                batch_box = Some(b);
            } else {
                batch_box = Some(grown);
            }
            batch = batch.with(piece.clone());
        }
        let m = self.fill(&batch);
        out.merge_max(&m);
        out
    }
}
