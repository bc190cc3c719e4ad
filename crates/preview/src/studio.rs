//! The studio the products stand in: the light backdrop sweep every drawing is recorded
//! over, and the soft contact shadows on its floor.

use crate::canvas::Canvas;
use crate::ink::Ink;
use crate::raster::Mask;

/// A light studio sweep, as opaque RGBA: warm grey, a little darker toward the floor and
/// the sides.
pub(crate) fn backdrop(size_px: u32) -> Vec<u8> {
    let size = size_px as i32;
    let rows: Vec<u8> = (0..size).map(|y| (y * 20 / size) as u8).collect();
    let cols: Vec<u8> = (0..size)
        .map(|x| {
            let d = (2 * x - size) * 64 / size;
            (d * d * 10 / 4096) as u8
        })
        .collect();
    let base = [0xf3u8, 0xf1, 0xed];
    let mut px = vec![255u8; (size * size * 4) as usize];
    for (row, &dy) in px.chunks_exact_mut((size * 4) as usize).zip(&rows) {
        for (p, &dx) in row.chunks_exact_mut(4).zip(&cols) {
            let dim = dy.saturating_add(dx);
            p[0] = base[0].saturating_sub(dim);
            p[1] = base[1].saturating_sub(dim);
            p[2] = base[2].saturating_sub(dim);
        }
    }
    px
}

/// A soft contact shadow on the floor: an ellipse fading out from its centre (unit
/// coordinates), `strength`/255 dark at its middle.
pub(crate) fn floor_shadow(c: &mut Canvas, cx: f32, cy: f32, rx: f32, ry: f32, strength: i32) {
    let s = c.size() as f32;
    let (cx, cy) = (cx + c.offset().0, cy + c.offset().1);
    let (pcx, pcy, prx, pry) = (cx * s, cy * s, (rx * s).max(1.0), (ry * s).max(1.0));
    let mask = Mask::from_fn(
        (pcx - prx) as i32,
        (pcy - pry) as i32,
        (pcx + prx) as i32 + 2,
        (pcy + pry) as i32 + 2,
        |x, y| {
            let u = (x as f32 + 0.5 - pcx) / prx;
            let v = (y as f32 + 0.5 - pcy) / pry;
            let d = 1.0 - (u * u + v * v);
            if d <= 0.0 { 0 } else { (d * d * 255.0) as u8 }
        },
    );
    c.paint(&mask, Ink::Shade(strength));
}
