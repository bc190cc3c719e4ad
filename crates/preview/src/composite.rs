//! Putting a preview together: the size check, the studio backdrop and floor shadow,
//! the traveller's artwork scaled into a print area, monograms in their finishes, and
//! the colour helpers the drawings share.

use image::RgbaImage;

use crate::art::{self, Parts};
use crate::canvas::{Canvas, Ink};
use crate::geom::{Path, p, rect};
use crate::raster::Mask;
use crate::{Error, PreviewSpec, Swatch, Texture, monogram, scale};

/// The smallest preview side drawn, in pixels.
pub const MIN_SIZE: u32 = 64;
/// The largest preview side drawn, in pixels.
pub const MAX_SIZE: u32 = 1080;

/// Draws a square, opaque preview `size_px` wide.
pub fn render(spec: &PreviewSpec, size_px: u32) -> Result<RgbaImage, Error> {
    if !(MIN_SIZE..=MAX_SIZE).contains(&size_px) {
        return Err(Error::BadSize {
            given: size_px,
            min: MIN_SIZE,
            max: MAX_SIZE,
        });
    }
    if let Some(text) = &spec.monogram {
        monogram::check(text)?;
    }
    if let Some(artwork) = &spec.artwork {
        artwork.validate()?;
    }
    let parts = Parts {
        body: spec.body,
        trim: spec.trim.unwrap_or(spec.art.default_trim()),
        monogram: spec.monogram.as_deref().filter(|t| !t.is_empty()),
        artwork: spec.artwork.as_ref(),
    };
    let mut canvas = backdrop(size_px);
    art::draw(spec.art, &mut canvas, &parts);
    Ok(canvas.into_image())
}

/// A light studio sweep: warm grey, a little darker toward the floor and the sides.
fn backdrop(size_px: u32) -> Canvas {
    let size = size_px as i32;
    let rows: Vec<u8> = (0..size).map(|y| (y * 20 / size) as u8).collect();
    let cols: Vec<u8> = (0..size)
        .map(|x| {
            let d = (2 * x - size) * 64 / size;
            (d * d * 10 / 4096) as u8
        })
        .collect();
    Canvas::new(size_px, [0xf3, 0xf1, 0xed], &rows, &cols)
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

/// A colour darker by `n`/255.
pub(crate) fn darker(rgb: [u8; 3], n: i32) -> [u8; 3] {
    rgb.map(|c| (c as i32 * (255 - n) / 255) as u8)
}

/// Perceived lightness, 0..=255 (integer Rec. 601 weights).
pub(crate) fn luma(rgb: [u8; 3]) -> i32 {
    (rgb[0] as i32 * 299 + rgb[1] as i32 * 587 + rgb[2] as i32 * 114) / 1000
}

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

/// The thread, foil or ink colour of a monogram: the trim if it stands out against the
/// body, else a contrasting default (gold foil, or cream or navy thread).
pub(crate) fn monogram_swatch(parts: &Parts<'_>, finish: Finish) -> Swatch {
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

/// Draws the monogram, if any, fitted and centred in the `w` x `h` box at `(cx, cy)`.
pub(crate) fn monogram_at(
    c: &mut Canvas,
    parts: &Parts<'_>,
    centre: (f32, f32),
    size: (f32, f32),
    finish: Finish,
) {
    if let Some(glyphs) = monogram_outline(parts, centre, size) {
        monogram_paint(c, parts, &glyphs, finish);
    }
}

/// The monogram's outline, if any, fitted and centred in the `w` x `h` box at `(cx, cy)`.
pub(crate) fn monogram_outline(
    parts: &Parts<'_>,
    (cx, cy): (f32, f32),
    (w, h): (f32, f32),
) -> Option<Path> {
    let text = parts.monogram?;
    let tracking = if text.chars().count() > 1 { 0.08 } else { 0.0 };
    Some(monogram::outline(text, cx, cy, w, h, tracking))
}

/// Paints monogram outlines in their finish: raised thread, pressed foil or flat ink.
pub(crate) fn monogram_paint(c: &mut Canvas, parts: &Parts<'_>, glyphs: &Path, finish: Finish) {
    let Some((_, y0, _, y1)) = glyphs.bounds() else {
        return;
    };
    let sw = monogram_swatch(parts, finish);
    let px = 1.0 / c.size() as f32;
    match finish {
        Finish::Thread => {
            c.fill(&glyphs.translated(px, px * 1.5), Ink::Shade(90));
            c.fill(glyphs, Ink::Material(Swatch::new(sw.rgb, Texture::Cotton)));
            c.fill(
                glyphs,
                Ink::Gradient {
                    a: p(0.0, y0),
                    b: p(0.0, y1),
                    n0: -30,
                    n1: 40,
                },
            );
        }
        Finish::Foil => {
            c.fill(&glyphs.translated(-px, -px), Ink::Shade(110));
            c.fill(&glyphs.translated(px, px), Ink::Shade(-50));
            c.fill(glyphs, Ink::Material(sw));
        }
        Finish::Print => c.fill(glyphs, Ink::Flat(sw.rgb)),
    }
}

/// Lays the artwork into the print area `(x0, y0, x1, y1)` (unit coordinates), as
/// large as fits without cropping, centred; without artwork, a placeholder.
pub(crate) fn artwork_in(c: &mut Canvas, parts: &Parts<'_>, area: (f32, f32, f32, f32)) {
    let s = c.size() as f32;
    let (dx, dy) = c.offset();
    let (x0, y0) = (((area.0 + dx) * s) as i32, ((area.1 + dy) * s) as i32);
    let (x1, y1) = (((area.2 + dx) * s) as i32, ((area.3 + dy) * s) as i32);
    let (bw, bh) = (x1 - x0, y1 - y0);
    if bw <= 0 || bh <= 0 {
        return;
    }
    let Some(art) = parts.artwork else {
        placeholder(c, parts, area);
        return;
    };
    let (aw, ah) = (art.width as i64, art.height as i64);
    // Contain: the side that binds decides the scale.
    let (dw, dh) = if aw * bh as i64 >= ah * bw as i64 {
        (bw, ((ah * bw as i64 + aw / 2) / aw).max(1) as i32)
    } else {
        (((aw * bh as i64 + ah / 2) / ah).max(1) as i32, bh)
    };
    let pixels = scale::scaled(art, dw, dh);
    c.blit(x0 + (bw - dw) / 2, y0 + (bh - dh) / 2, dw, dh, &pixels);
}

/// "Your picture here": a soft frame with a sun and hills in the ink colour.
fn placeholder(c: &mut Canvas, parts: &Parts<'_>, (x0, y0, x1, y1): (f32, f32, f32, f32)) {
    let (w, h) = (x1 - x0, y1 - y0);
    let ink = Ink::Glaze(parts.trim.rgb, 46);
    let area = rect(x0, y0, x1, y1);
    c.clip(&area);
    c.fill(&area, Ink::Glaze(parts.trim.rgb, 14));
    let sun = crate::geom::ellipse(
        x0 + w * 0.7,
        y0 + h * 0.32,
        w.min(h) * 0.09,
        w.min(h) * 0.09,
    );
    c.fill(&sun, ink);
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
    c.stroke(&area, w.min(h) * 0.012, Ink::Glaze(parts.trim.rgb, 60));
}
