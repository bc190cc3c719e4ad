//! Scaling the traveller's artwork to its print area, in integer maths: a box filter
//! when shrinking (every source pixel counts), bilinear when enlarging. Colours are
//! weighted by alpha, so transparent pixels do not bleed their colour into the edges.

use crate::look::Artwork;

/// The artwork as `dw` x `dh` straight RGBA pixels.
pub(crate) fn scaled(art: &Artwork, dw: i32, dh: i32) -> Vec<[u8; 4]> {
    if dw as u32 > art.width || dh as u32 > art.height {
        bilinear(art, dw, dh)
    } else {
        boxed(art, dw, dh)
    }
}

/// Straight RGBA from alpha-weighted sums: colour sums `c`, alpha sum `a`, of `n` units
/// of weight.
fn unweight(c: [u64; 3], a: u64, n: u64) -> [u8; 4] {
    if a == 0 {
        return [0, 0, 0, 0];
    }
    [
        ((c[0] + a / 2) / a) as u8,
        ((c[1] + a / 2) / a) as u8,
        ((c[2] + a / 2) / a) as u8,
        ((a + n / 2) / n) as u8,
    ]
}

fn pixel(art: &Artwork, x: i64, y: i64) -> [u64; 4] {
    let i = ((y * art.width as i64 + x) * 4) as usize;
    [0, 1, 2, 3].map(|k| art.rgba[i + k] as u64)
}

/// Each target pixel averages the source pixels it covers.
fn boxed(art: &Artwork, dw: i32, dh: i32) -> Vec<[u8; 4]> {
    let (sw, sh) = (art.width as i64, art.height as i64);
    let (dw, dh) = (dw as i64, dh as i64);
    let mut out = Vec::with_capacity((dw * dh) as usize);
    for dy in 0..dh {
        let sy0 = dy * sh / dh;
        let sy1 = ((dy + 1) * sh / dh).max(sy0 + 1);
        for dx in 0..dw {
            let sx0 = dx * sw / dw;
            let sx1 = ((dx + 1) * sw / dw).max(sx0 + 1);
            let (mut c, mut a) = ([0u64; 3], 0u64);
            for sy in sy0..sy1 {
                for sx in sx0..sx1 {
                    let [r, g, b, alpha] = pixel(art, sx, sy);
                    c = [c[0] + r * alpha, c[1] + g * alpha, c[2] + b * alpha];
                    a += alpha;
                }
            }
            out.push(unweight(c, a, ((sy1 - sy0) * (sx1 - sx0)) as u64));
        }
    }
    out
}

/// Where target pixel `d` (of `dn`) samples a source of `sn` pixels: the left or top
/// neighbour, the other one, and the weight of the other in 1/256ths.
fn sample(d: i64, dn: i64, sn: i64) -> (i64, i64, u64) {
    let at = ((2 * d + 1) * sn * 256 / (2 * dn) - 128).clamp(0, (sn - 1) * 256);
    let i = at >> 8;
    (i, (i + 1).min(sn - 1), (at & 0xFF) as u64)
}

/// Each target pixel blends its four nearest source pixels.
fn bilinear(art: &Artwork, dw: i32, dh: i32) -> Vec<[u8; 4]> {
    let (sw, sh) = (art.width as i64, art.height as i64);
    let (dw, dh) = (dw as i64, dh as i64);
    let columns: Vec<_> = (0..dw).map(|dx| sample(dx, dw, sw)).collect();
    let mut out = Vec::with_capacity((dw * dh) as usize);
    for dy in 0..dh {
        let (y0, y1, ty) = sample(dy, dh, sh);
        for &(x0, x1, tx) in &columns {
            let (mut c, mut a) = ([0u64; 3], 0u64);
            for (x, y, w) in [
                (x0, y0, (256 - tx) * (256 - ty)),
                (x1, y0, tx * (256 - ty)),
                (x0, y1, (256 - tx) * ty),
                (x1, y1, tx * ty),
            ] {
                let [r, g, b, alpha] = pixel(art, x, y);
                let aw = alpha * w;
                c = [c[0] + r * aw, c[1] + g * aw, c[2] + b * aw];
                a += aw;
            }
            out.push(unweight(c, a, 65_536));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(w: u32, h: u32, f: impl Fn(u32, u32) -> [u8; 4]) -> Artwork {
        let mut rgba = Vec::new();
        for y in 0..h {
            for x in 0..w {
                rgba.extend_from_slice(&f(x, y));
            }
        }
        Artwork {
            width: w,
            height: h,
            rgba,
        }
    }

    #[test]
    fn a_flat_colour_stays_flat_both_ways() {
        let flat = art(7, 5, |_, _| [10, 200, 30, 255]);
        for (w, h) in [(3, 2), (7, 5), (20, 13)] {
            assert!(
                scaled(&flat, w, h).iter().all(|p| *p == [10, 200, 30, 255]),
                "{w}x{h}"
            );
        }
    }

    #[test]
    fn shrinking_averages_and_ignores_transparent_colour() {
        let checker = art(4, 4, |x, y| {
            if (x + y) % 2 == 0 {
                [255, 255, 255, 255]
            } else {
                [0, 0, 0, 255]
            }
        });
        assert!(
            scaled(&checker, 2, 2)
                .iter()
                .all(|p| *p == [128, 128, 128, 255])
        );
        let half = art(2, 1, |x, _| {
            if x == 0 {
                [255, 0, 0, 255]
            } else {
                [0, 255, 0, 0]
            }
        });
        assert_eq!(scaled(&half, 1, 1), vec![[255, 0, 0, 128]]);
    }

    #[test]
    fn enlarging_blends_neighbours() {
        let two = art(2, 1, |x, _| {
            if x == 0 {
                [0, 0, 0, 255]
            } else {
                [255, 255, 255, 255]
            }
        });
        let row = scaled(&two, 8, 1);
        assert_eq!(row[0], [0, 0, 0, 255]);
        assert_eq!(row[7], [255, 255, 255, 255]);
        assert!(row.windows(2).all(|w| w[0][0] <= w[1][0]));
        assert!(row[3][0] > 0 && row[4][0] < 255);
    }
}
