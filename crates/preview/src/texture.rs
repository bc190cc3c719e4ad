//! Procedural surfaces: the per-pixel brightness pattern of each [`Texture`], made from
//! integer hash noise (no random numbers, no floating point), so every platform computes
//! the same bytes.
//!
//! A pattern is a brightness offset in 1/256ths, added to the lighting factor of a
//! material. Feature sizes scale with the picture, so a 360 px and a 1080 px preview show
//! the same weave.

use crate::Texture;

/// A 32-bit integer hash of a lattice point and a seed (a variant of the "lowbias32"
/// finaliser), returning 0..=255.
fn hash(x: i32, y: i32, seed: u32) -> i32 {
    let mut h = (x as u32).wrapping_mul(0x9E37_79B1) ^ (y as u32).wrapping_mul(0x85EB_CA77) ^ seed;
    h ^= h >> 16;
    h = h.wrapping_mul(0x7FEB_352D);
    h ^= h >> 15;
    h = h.wrapping_mul(0x846C_A68B);
    h ^= h >> 16;
    (h & 0xFF) as i32
}

/// The reciprocal of a cell size in pixels, 16.16 fixed point.
const fn per(cell: i32) -> u32 {
    65_536 / if cell < 1 { 1 } else { cell as u32 }
}

/// Smooth value noise, -128..=127, over lattice cells whose sizes are given as 16.16
/// reciprocals (`kx`, `ky`), so no division is needed per pixel. It remembers the
/// corner hashes of the last cell, and their blend down to the last row: along a row
/// they change only every few pixels.
#[derive(Debug, Clone, Copy)]
struct Noise {
    kx: u32,
    ky: u32,
    seed: u32,
    /// The last row asked for, its cell row and its smoothed fraction down the cell.
    y: i32,
    gy: i32,
    sy: i32,
    cell: (i32, i32),
    corners: [i32; 4],
    /// The left and right corners blended down to `sy`, and the `sy` they are for.
    left: i32,
    right: i32,
    blended: i32,
}

impl Noise {
    fn new(kx: u32, ky: u32, seed: u32) -> Noise {
        Noise {
            kx,
            ky,
            seed,
            y: i32::MIN,
            gy: 0,
            sy: 0,
            cell: (i32::MIN, i32::MIN),
            corners: [0; 4],
            left: 0,
            right: 0,
            blended: -1,
        }
    }

    /// Smoothstep in fixed point: f * f * (3 - 2f), for `f` in 1/256ths.
    #[inline(always)]
    fn smooth(f: i32) -> i32 {
        (f * f * (768 - 2 * f)) >> 16
    }

    #[inline(always)]
    fn at(&mut self, x: i32, y: i32) -> i32 {
        if y != self.y {
            let ys = (y.max(0) as u32).wrapping_mul(self.ky);
            self.y = y;
            self.gy = (ys >> 16) as i32;
            self.sy = Noise::smooth(((ys >> 8) & 0xFF) as i32);
        }
        let xs = (x.max(0) as u32).wrapping_mul(self.kx);
        let (gx, gy) = ((xs >> 16) as i32, self.gy);
        if (gx, gy) != self.cell {
            let s = self.seed;
            self.cell = (gx, gy);
            self.corners = [
                hash(gx, gy, s),
                hash(gx + 1, gy, s),
                hash(gx, gy + 1, s),
                hash(gx + 1, gy + 1, s),
            ];
            self.blended = -1;
        }
        let sy = self.sy;
        if sy != self.blended {
            // Blending down first, then across, is the same integer sum as across
            // first: a(1-x)(1-y) + bx(1-y) + c(1-x)y + dxy.
            let [a, b, c, d] = self.corners;
            self.left = a * (256 - sy) + c * sy;
            self.right = b * (256 - sy) + d * sy;
            self.blended = sy;
        }
        let sx = Noise::smooth(((xs >> 8) & 0xFF) as i32);
        ((self.left * (256 - sx) + self.right * sx) >> 16) - 128
    }
}

/// The side of the grain tile (a power of two).
const GRAIN: i32 = 128;

/// The relief of one texture at one picture size: cell sizes worked out once, so the
/// per-pixel work is multiplications, shifts and a few hashes.
#[derive(Debug, Clone)]
pub(crate) struct Relief {
    texture: Texture,
    /// One "thread" (about 1/200 of the picture, at least 2 px), as a 16.16 reciprocal.
    kt: u32,
    /// The metal's specular band period.
    band: i32,
    /// The noises the texture mixes.
    n: [Noise; 3],
    /// Per-pixel grain: a 128 x 128 tile of hashes, looked up instead of hashed.
    grain: Vec<i8>,
}

impl Relief {
    pub fn new(texture: Texture, size: i32) -> Relief {
        let t = (size / 200).max(2);
        let k = |threads: i32| per(threads * t);
        let one = per(1);
        let noise = |a: (u32, u32, u32), b: (u32, u32, u32), c: (u32, u32, u32)| {
            [a, b, c].map(|(kx, ky, seed)| Noise::new(kx, ky, seed))
        };
        let none = (one, one, 0);
        let n = match texture {
            Texture::Linen => noise((k(9), one, 21), (one, k(11), 22), none),
            Texture::Wool => noise((k(5), k(5), 31), none, none),
            Texture::Flannel => noise((k(14), k(14), 41), (k(3), k(3), 42), none),
            Texture::Leather => noise((k(2), k(2), 51), (k(24), k(24), 52), none),
            Texture::Suede => noise((k(10), k(10), 61), (k(1), k(1), 62), none),
            Texture::Hanji => noise((k(16), k(1), 81), (k(12), k(1), 82), (k(24), k(24), 83)),
            Texture::Metal => noise((k(40), one, 91), none, none),
            _ => noise(none, none, none),
        };
        let seed = match texture {
            Texture::Cotton => 11,
            Texture::Linen => 23,
            Texture::Wool => 32,
            Texture::Flannel => 43,
            Texture::Leather => 53,
            Texture::Suede => 63,
            _ => 7,
        };
        let grain = (0..GRAIN * GRAIN)
            .map(|i| (hash(i % GRAIN, i / GRAIN, seed) - 128) as i8)
            .collect();
        Relief {
            texture,
            kt: per(t),
            band: size / 3 + 1,
            n,
            grain,
        }
    }

    /// The texture this is the relief of.
    pub fn texture(&self) -> Texture {
        self.texture
    }

    /// The grain at a pixel, -128..=127.
    fn grain(&self, x: i32, y: i32) -> i32 {
        self.grain[((y & (GRAIN - 1)) * GRAIN + (x & (GRAIN - 1))) as usize] as i32
    }

    /// The brightness offsets of the pixels from `(x0, y)` along the row, in 1/256ths
    /// and clamped to -127..=127, into the entries of `out` that are `i8::MIN` (not yet
    /// computed).
    pub fn fill_row(&mut self, x0: i32, y: i32, out: &mut [i8]) {
        for (x, o) in (x0..).zip(out) {
            if *o == i8::MIN {
                *o = self.at(x, y).clamp(-127, 127) as i8;
            }
        }
    }

    /// The brightness offset at pixel `(x, y)`, in 1/256ths (roughly -40..=40).
    #[inline(always)]
    pub fn at(&mut self, x: i32, y: i32) -> i32 {
        // The thread a pixel falls in, along each axis.
        let (tx, ty) = (
            ((x as u32 * self.kt) >> 16) as i32,
            ((y as u32 * self.kt) >> 16) as i32,
        );
        let g = self.grain(x, y);
        let [n0, n1, n2] = &mut self.n;
        match self.texture {
            Texture::Plain | Texture::Paper => g / 64,
            Texture::Cotton => {
                let weave = if (tx + ty) % 2 == 0 { 5 } else { -5 };
                weave + g / 24
            }
            Texture::Linen => {
                let weave = if (tx + ty) % 2 == 0 { 4 } else { -4 };
                // Slubs: thicker stretches of yarn along the rows and the columns.
                weave + n0.at(x, ty) / 12 + n1.at(tx, y) / 16 + g / 24
            }
            Texture::Wool => {
                // A 2/2 twill: diagonal ribs four threads wide.
                let twill = [7, 3, -7, -3][((tx + ty) % 4) as usize];
                twill + n0.at(x, y) / 16 + g / 20
            }
            Texture::Flannel => n0.at(x, y) / 7 + n1.at(x, y) / 10 + g / 18,
            Texture::Leather => {
                // Pebble grain: the valleys of the noise read as fine creases.
                let crease = if n0.at(x, y).abs() < 10 { -7 } else { 2 };
                crease + n1.at(x, y) / 20 + g / 40
            }
            Texture::Suede => n0.at(x, y) / 10 + n1.at(x, y) / 12 + g / 12,
            Texture::Rubber => (hash(x / 2, y / 2, 71) - 128) / 22,
            Texture::Hanji => {
                // Cloudy thickness, and thin fibres running every which way: the ridges
                // of noise stretched along both diagonals.
                let (u, v) = (x + y, x - y + 16_384);
                let ridge = |n: i32| n.abs() < 5;
                let dark = if ridge(n0.at(u, v)) { -7 } else { 0 };
                let light = if ridge(n1.at(v, u)) { 6 } else { 0 };
                dark + light + n2.at(x, y) / 12 + g / 40
            }
            Texture::Metal => {
                // Brushed along x, with a broad specular band.
                let d = (x - y).rem_euclid(self.band) * 512 / self.band - 256;
                n0.at(x, y) / 10 + 36 - d.abs() * 48 / 256
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relief_stays_within_a_modest_range() {
        for texture in Texture::ALL {
            for (x, y) in [(0, 0), (17, 400), (1079, 1079), (333, 5)] {
                let r = Relief::new(texture, 1080).at(x, y);
                assert!((-60..=60).contains(&r), "{texture} at {x},{y}: {r}");
            }
        }
    }

    #[test]
    fn value_noise_is_continuous_across_cells() {
        let mut n = Noise::new(per(40), per(40), 1);
        let (a, b) = (n.at(39, 10), n.at(40, 10));
        assert!((a - b).abs() < 16);
    }
}
