//! The drawing kit the families share: solid parts with volume shading, outlines,
//! seams, stitching, folds and small hardware, all in unit coordinates.

use crate::Swatch;
use crate::canvas::{Canvas, Ink};
use crate::composite::luma;
use crate::geom::{Path, ellipse, p};
use crate::raster::Mask;

/// A hairline: about 1 px at 360 px.
pub(super) const HAIR: f32 = 0.0028;

/// Fills a part with its material and gives it volume: darker toward the sides and
/// the bottom, a soft inner edge, and a crisp outline. Returns the part's coverage, for
/// clipping the details drawn on it.
pub(super) fn solid(c: &mut Canvas, path: &Path, sw: Swatch) -> Mask {
    part(c, path, sw, 100)
}

/// [`solid`] with the volume shading at `depth` percent: flatter parts shade less.
pub(super) fn part(c: &mut Canvas, path: &Path, sw: Swatch, depth: i32) -> Mask {
    let m = c.mask(path);
    c.paint(&m, Ink::Solid(sw, depth));
    edges(c, path, m, depth)
}

/// A part lying over another: a soft shadow offset by `shadow`, then the [`part`].
pub(super) fn raised(
    c: &mut Canvas,
    path: &Path,
    sw: Swatch,
    depth: i32,
    shadow: (f32, f32),
) -> Mask {
    c.fill(&path.translated(shadow.0, shadow.1), Ink::Shade(55));
    part(c, path, sw, depth)
}

/// The soft inner edge (clipped to the part's coverage `m`) and the outline; gives the
/// coverage back.
fn edges(c: &mut Canvas, path: &Path, m: Mask, depth: i32) -> Mask {
    let edge = m.inner_edge(c.size() * 12 / 1000);
    c.paint(&edge, Ink::Shade(64 * depth / 100));
    outline(c, path);
    m
}

/// A crisp dark outline around a part.
pub(super) fn outline(c: &mut Canvas, path: &Path) {
    c.stroke(path, HAIR, Ink::Shade(120));
}

/// A seam: a fine dark line with a faint highlight beside it.
pub(super) fn seam(c: &mut Canvas, path: &Path) {
    c.stroke(
        &path.translated(HAIR * 0.7, HAIR * 0.7),
        HAIR,
        Ink::Shade(-40),
    );
    c.stroke(path, HAIR * 0.9, Ink::Shade(90));
}

/// Topstitching in `rgb`: short dashes.
pub(super) fn stitch(c: &mut Canvas, path: &Path, rgb: [u8; 3]) {
    c.dash(path, HAIR * 0.9, 0.009, 0.005, Ink::Flat(rgb));
}

/// A soft fold: a wide faint shadow with a narrower darker core, and a highlight.
pub(super) fn fold(c: &mut Canvas, path: &Path, strength: i32) {
    c.stroke(
        &path.translated(-0.006, -0.002),
        0.008,
        Ink::Shade(-strength / 2),
    );
    c.stroke(path, 0.016, Ink::Shade(strength / 2));
    c.stroke(path, 0.006, Ink::Shade(strength / 2));
}

/// The thread colour that goes with a material: a tone of it, darker on light colours
/// and lighter on dark ones.
pub(super) fn tone(rgb: [u8; 3]) -> [u8; 3] {
    if luma(rgb) > 90 {
        rgb.map(|c| (c as i32 * 150 / 255) as u8)
    } else {
        rgb.map(|c| (c as i32 + (255 - c as i32) * 90 / 255) as u8)
    }
}

/// A round button or rivet with a highlight.
pub(super) fn stud(c: &mut Canvas, cx: f32, cy: f32, r: f32, sw: Swatch, holes: bool) {
    let disc = ellipse(cx, cy, r, r);
    c.fill(&ellipse(cx + r * 0.25, cy + r * 0.35, r, r), Ink::Shade(70));
    c.fill(&disc, Ink::Material(sw));
    c.fill(
        &disc,
        Ink::Gradient {
            a: p(cx - r, cy - r),
            b: p(cx + r, cy + r),
            n0: -70,
            n1: 60,
        },
    );
    c.stroke(&disc, HAIR * 0.8, Ink::Shade(110));
    if holes {
        let h = r * 0.22;
        for (dx, dy) in [(-0.3, -0.3), (0.3, -0.3), (-0.3, 0.3), (0.3, 0.3)] {
            c.fill(&ellipse(cx + dx * r, cy + dy * r, h, h), Ink::Shade(110));
        }
    } else {
        c.fill(
            &ellipse(cx - r * 0.3, cy - r * 0.3, r * 0.3, r * 0.22),
            Ink::Shade(-110),
        );
    }
}

/// A soft drop shadow under a flat part: its outline moved, with a fading rim.
pub(super) fn drop_shadow(c: &mut Canvas, path: &Path, dx: f32, dy: f32) {
    let shadow = path.translated(dx, dy);
    c.stroke(&shadow, 0.03, Ink::Shade(10));
    c.stroke(&shadow, 0.016, Ink::Shade(14));
    c.fill(&shadow, Ink::Shade(36));
}

/// A path turned by the angle whose cosine and sine are given, about `(cx, cy)`.
pub(super) fn turned(path: &Path, cx: f32, cy: f32, cos: f32, sin: f32) -> Path {
    path.mapped(|q| {
        let (x, y) = (q.x - cx, q.y - cy);
        p(cx + x * cos - y * sin, cy + x * sin + y * cos)
    })
}
