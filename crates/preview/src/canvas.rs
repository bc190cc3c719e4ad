//! The canvas: an opaque RGBA picture that outlines are painted onto with inks, in
//! painter's order, optionally through a clip.

use image::RgbaImage;

use crate::blend::{Volume, blend, shade};
use crate::geom::{P, Path};
use crate::raster::{Mask, Raster};
use crate::texture::Relief;
use crate::{Swatch, Texture};

/// What a shape is painted with.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Ink {
    /// A flat colour.
    Flat([u8; 3]),
    /// A material: its colour under the studio light, with its texture.
    Material(Swatch),
    /// Darkens what is below by `n`/255 (negative `n` lightens toward white).
    Shade(i32),
    /// A shade that runs linearly from `n0` at `a` to `n1` at `b` (unit coordinates).
    Gradient { a: P, b: P, n0: i32, n1: i32 },
    /// A colour laid over what is below at `alpha`/255.
    Glaze([u8; 3], u8),
    /// A material with round-body shading over the mask's box (see [`Volume`]), at
    /// `depth` percent of the usual strength.
    Solid(Swatch, i32),
}

/// The picture being drawn.
pub(crate) struct Canvas {
    size: i32,
    px: Vec<u8>,
    raster: Raster,
    clip: Option<Mask>,
    /// The relief of each texture used so far, per pixel (`i8::MIN` where not yet
    /// computed): overlapping parts of one material compute it once.
    reliefs: Vec<(Relief, Vec<i8>)>,
}

impl Canvas {
    /// A `size` x `size` canvas filled with `base` darkened by `rows[y] + cols[x]` levels
    /// (both at least 0, summing to at most the darkest channel of `base`).
    pub fn new(size: u32, base: [u8; 3], rows: &[u8], cols: &[u8]) -> Canvas {
        let s = size as i32;
        let mut px = vec![255u8; (s * s * 4) as usize];
        for (row, &dy) in px.chunks_exact_mut((s * 4) as usize).zip(rows) {
            for (p, &dx) in row.chunks_exact_mut(4).zip(cols) {
                let dim = dy.saturating_add(dx);
                p[0] = base[0].saturating_sub(dim);
                p[1] = base[1].saturating_sub(dim);
                p[2] = base[2].saturating_sub(dim);
            }
        }
        Canvas {
            size: s,
            px,
            raster: Raster::new(s),
            clip: None,
            reliefs: Vec::new(),
        }
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

    /// The finished picture.
    pub fn into_image(self) -> RgbaImage {
        let s = self.size as u32;
        RgbaImage::from_raw(s, s, self.px).unwrap_or_else(|| RgbaImage::new(s, s))
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

    /// Paints everywhere again; returns the clip that was in force.
    pub fn unclip(&mut self) -> Option<Mask> {
        self.clip.take()
    }

    /// Paints `ink` through a coverage mask (and the clip, if any).
    pub fn paint(&mut self, mask: &Mask, ink: Ink) {
        let s = self.size;
        match ink {
            Ink::Flat(c) => {
                let c = c.map(i32::from);
                self.each(mask, |_, _, dst, cov| blend(dst, c, cov));
            }
            Ink::Material(sw) | Ink::Solid(sw, _) => {
                let volume = match ink {
                    Ink::Solid(_, depth) => Some(Volume::new(mask, depth)),
                    _ => None,
                };
                let mut reliefs = std::mem::take(&mut self.reliefs);
                let slot = match reliefs.iter().position(|(r, _)| r.texture() == sw.texture) {
                    Some(i) => i,
                    None => {
                        let relief = Relief::new(sw.texture, s);
                        reliefs.push((relief, vec![i8::MIN; (s * s) as usize]));
                        reliefs.len() - 1
                    }
                };
                let (relief, cache) = &mut reliefs[slot];
                // The key light: 272/256 at the top left down to 232/256 at the bottom right.
                let k = 40 * 65_536 / (2 * s);
                let plain = sw.texture == Texture::Plain;
                let rgb = sw.rgb.map(i32::from);
                self.each(mask, |x, y, dst, cov| {
                    let cached = &mut cache[(y * s + x) as usize];
                    if *cached == i8::MIN {
                        *cached = relief.at(x, y).clamp(-127, 127) as i8;
                    }
                    let r = *cached as i32;
                    let factor = 272 - (((x + y) * k) >> 16) + r;
                    // Dark colours get part of the relief added, so grain shows on black.
                    let lift = if plain { 0 } else { r / 5 };
                    let tone = |c: i32| (((c * factor) >> 8) + lift).clamp(0, 255);
                    let colour = [tone(rgb[0]), tone(rgb[1]), tone(rgb[2])];
                    match &volume {
                        Some(v) => blend(dst, shade(colour, v.at(x, y)), cov),
                        None => blend(dst, colour, cov),
                    }
                });
                self.reliefs = reliefs;
            }
            Ink::Glaze(c, alpha) => {
                let c = c.map(i32::from);
                let alpha = alpha as i32;
                self.each(mask, |_, _, dst, cov| blend(dst, c, cov * alpha / 255));
            }
            Ink::Shade(n) => self.each(mask, |_, _, dst, cov| shade(dst, n * cov / 255)),
            Ink::Gradient { a, b, n0, n1 } => {
                let sf = s as f32;
                let (ox, oy) = self.raster.offset();
                let (ax, ay) = ((a.x + ox) * sf, (a.y + oy) * sf);
                let (dx, dy) = ((b.x - a.x) * sf, (b.y - a.y) * sf);
                let len2 = (dx * dx + dy * dy).max(1.0);
                let (ux, uy) = (dx / len2, dy / len2);
                self.each(mask, |x, y, dst, cov| {
                    let t =
                        ((x as f32 + 0.5 - ax) * ux + (y as f32 + 0.5 - ay) * uy).clamp(0.0, 1.0);
                    let n = n0 + (n1 - n0) * (t * 256.0) as i32 / 256;
                    shade(dst, n * cov / 255)
                });
            }
        }
    }

    /// Runs `f(x, y, dst, coverage)` on every covered pixel of the mask inside the canvas
    /// and the clip, and stores its colour.
    fn each(&mut self, mask: &Mask, mut f: impl FnMut(i32, i32, [i32; 3], i32) -> [i32; 3]) {
        let s = self.size;
        let xs = mask.x0.max(0)..(mask.x0 + mask.w).min(s);
        if xs.is_empty() {
            return;
        }
        for y in mask.y0.max(0)..(mask.y0 + mask.h).min(s) {
            let row = ((y - mask.y0) * mask.w) as usize;
            let cov_row =
                &mask.a[row + (xs.start - mask.x0) as usize..row + (xs.end - mask.x0) as usize];
            let mut i = 0;
            while i < cov_row.len() {
                // Skip empty stretches sixteen pixels at a time.
                if cov_row[i] == 0 {
                    while cov_row.get(i..i + 16).is_some_and(|c| c == [0u8; 16]) {
                        i += 16;
                    }
                    while i < cov_row.len() && cov_row[i] == 0 {
                        i += 1;
                    }
                    continue;
                }
                let x = xs.start + i as i32;
                let mut cov = cov_row[i] as i32;
                i += 1;
                if let Some(clip) = &self.clip {
                    cov = cov * clip.at(x, y) as i32 / 255;
                    if cov == 0 {
                        continue;
                    }
                }
                let p = ((y * s + x) * 4) as usize;
                let px = &mut self.px[p..p + 3];
                let out = f(x, y, [px[0] as i32, px[1] as i32, px[2] as i32], cov);
                px[0] = out[0] as u8;
                px[1] = out[1] as u8;
                px[2] = out[2] as u8;
            }
        }
    }

    /// Limits every paint until [`Canvas::unclip`] to an existing mask.
    pub fn clip_to(&mut self, mask: Mask) {
        self.clip = Some(mask);
    }

    /// Lays a picture (`rgb` rows of `w` pixels, with coverage 0..=255) at pixel `(x0, y0)`,
    /// through the clip.
    pub fn blit(&mut self, x0: i32, y0: i32, w: i32, h: i32, src: &[[u8; 4]]) {
        let s = self.size;
        for y in y0.max(0)..(y0 + h).min(s) {
            for x in x0.max(0)..(x0 + w).min(s) {
                let [r, g, b, a] = src[((y - y0) * w + (x - x0)) as usize];
                let mut cov = a as i32;
                if let Some(clip) = &self.clip {
                    cov = cov * clip.at(x, y) as i32 / 255;
                }
                if cov == 0 {
                    continue;
                }
                let i = ((y * s + x) * 4) as usize;
                let dst = [
                    self.px[i] as i32,
                    self.px[i + 1] as i32,
                    self.px[i + 2] as i32,
                ];
                let out = blend(dst, [r as i32, g as i32, b as i32], cov);
                self.px[i] = out[0] as u8;
                self.px[i + 1] = out[1] as u8;
                self.px[i + 2] = out[2] as u8;
            }
        }
    }
}
