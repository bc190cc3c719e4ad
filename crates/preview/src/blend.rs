//! The colour maths of painting, all integer: blending a colour by coverage, shading
//! toward black or white, the round-body shading that gives parts volume, and the colour
//! helpers the drawings share (a darker colour, perceived lightness).

use crate::raster::Mask;

/// Round-body shading over a mask's box: darker toward both sides (more on the right,
/// away from the light) and toward the bottom. Slopes are 16.16 fixed point, so the
/// pixel loop does not divide.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Volume {
    x0: i32,
    x1: i32,
    y0: i32,
    y1: i32,
    xl: i32,
    xr: i32,
    top: i32,
    ky: i32,
    kl: i32,
    kr: i32,
}

impl Volume {
    pub fn new(mask: &Mask, depth: i32) -> Volume {
        let (x0, x1) = (mask.x0 + 1, (mask.x0 + mask.w - 2).max(mask.x0 + 2));
        let (y0, y1) = (mask.y0 + 1, (mask.y0 + mask.h - 2).max(mask.y0 + 2));
        let w = x1 - x0;
        let (xl, xr) = (x0 + w * 3 / 10, x1 - w * 4 / 10);
        let (left, right) = (34 * depth / 100, 58 * depth / 100);
        let (top, bottom) = (-16 * depth / 100, 26 * depth / 100);
        Volume {
            x0,
            x1,
            y0,
            y1,
            xl,
            xr,
            top,
            ky: (bottom - top) * 65_536 / (y1 - y0),
            kl: left * 65_536 / (xl - x0).max(1),
            kr: right * 65_536 / (x1 - xr).max(1),
        }
    }

    /// The shade at a pixel, in 1/255ths (negative lightens).
    #[inline(always)]
    pub fn at(&self, x: i32, y: i32) -> i32 {
        let mut n = self.top + (((y - self.y0).clamp(0, self.y1 - self.y0) * self.ky) >> 16);
        if x < self.xl {
            n += ((self.xl - x).min(self.xl - self.x0) * self.kl) >> 16;
        }
        if x > self.xr {
            n += ((x - self.xr).min(self.x1 - self.xr) * self.kr) >> 16;
        }
        n
    }
}

/// `v / 255` rounded down, for `0 <= v < 65_535`, without a division.
#[inline(always)]
fn div255(v: i32) -> i32 {
    (v + 1 + (v >> 8)) >> 8
}

/// `dst` toward `src` by `cov`/255, rounded.
#[inline(always)]
pub(crate) fn blend(dst: [i32; 3], src: [i32; 3], cov: i32) -> [i32; 3] {
    let keep = 255 - cov;
    [
        div255(src[0] * cov + dst[0] * keep + 127),
        div255(src[1] * cov + dst[1] * keep + 127),
        div255(src[2] * cov + dst[2] * keep + 127),
    ]
}

/// Darkens by `n`/255 toward black, or lightens by `-n`/255 toward white.
#[inline(always)]
pub(crate) fn shade(dst: [i32; 3], n: i32) -> [i32; 3] {
    // Toward black: c * (255 - n); toward white: c * (255 - n) + 255 * n.
    let (n, base) = if n >= 0 {
        (n.min(255), 0)
    } else {
        ((-n).min(255), 255 * (-n).min(255))
    };
    let keep = 255 - n;
    [
        div255(dst[0] * keep + base + 127),
        div255(dst[1] * keep + base + 127),
        div255(dst[2] * keep + base + 127),
    ]
}

/// A colour darker by `n`/255.
pub(crate) fn darker(rgb: [u8; 3], n: i32) -> [u8; 3] {
    rgb.map(|c| (c as i32 * (255 - n) / 255) as u8)
}

/// Perceived lightness, 0..=255 (integer Rec. 601 weights).
pub(crate) fn luma(rgb: [u8; 3]) -> i32 {
    (rgb[0] as i32 * 299 + rgb[1] as i32 * 587 + rgb[2] as i32 * 114) / 1000
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn div255_is_exact_over_its_range() {
        for v in 0..65_535 {
            assert_eq!(div255(v), v / 255, "{v}");
        }
    }
}
