//! The drawing kit the families share: solid parts with volume shading, outlines,
//! seams, stitching, folds, gradient-modelled small parts and hardware, all in unit
//! coordinates, and the materials the families derive from the chosen ones.

use crate::blend::luma;
use crate::canvas::Canvas;
use crate::geom::{Path, ellipse};
use crate::ink::{Ink, Mat};
use crate::raster::Mask;
use crate::{Swatch, Texture};

/// A hairline: about 1 px at 360 px.
pub(super) const HAIR: f32 = 0.0028;

/// Thread in a tone of the body material (see [`tone`]).
pub(super) const THREAD: Mat =
    Mat::Chosen(|parts| Swatch::new(tone(parts.body.rgb), Texture::Plain));

/// Fills a part with its material and gives it volume: darker toward the sides and
/// the bottom, a soft inner edge, and a crisp outline. Returns the part's coverage, for
/// clipping the details drawn on it.
pub(super) fn solid(c: &mut Canvas, path: &Path, mat: Mat) -> Mask {
    part(c, path, mat, 100)
}

/// [`solid`] with the volume shading at `depth` percent: flatter parts shade less.
pub(super) fn part(c: &mut Canvas, path: &Path, mat: Mat, depth: i32) -> Mask {
    let m = c.mask(path);
    c.paint(&m, Ink::Solid(mat, depth));
    edges(c, path, m, depth)
}

/// A part lying over another: a soft shadow offset by `shadow`, then the [`part`].
pub(super) fn raised(
    c: &mut Canvas,
    path: &Path,
    mat: Mat,
    depth: i32,
    shadow: (f32, f32),
) -> Mask {
    c.fill(&path.translated(shadow.0, shadow.1), Ink::Shade(55));
    part(c, path, mat, depth)
}

/// The soft inner edge (clipped to the part's coverage `m`) and the outline; gives the
/// coverage back.
fn edges(c: &mut Canvas, path: &Path, m: Mask, depth: i32) -> Mask {
    let edge = m.inner_edge(c.size() * 12 / 1000);
    c.paint(&edge, Ink::Shade(64 * depth / 100));
    outline(c, path);
    m
}

/// Draws `details` clipped to a part's coverage `m`.
pub(super) fn within(c: &mut Canvas, m: Mask, details: impl FnOnce(&mut Canvas)) {
    c.clip_to(m);
    details(c);
    c.unclip();
}

/// Paints `ink` through `m`, then models it with a shade running from `n0` at `a` to
/// `n1` at `b`: how small flat or round parts are lit.
pub(super) fn graded(
    c: &mut Canvas,
    m: &Mask,
    ink: Ink,
    (a, b): ((f32, f32), (f32, f32)),
    (n0, n1): (i32, i32),
) {
    c.paint(m, ink);
    c.paint(m, Ink::gradient(a, b, n0, n1));
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

/// A [`seam`] with [`THREAD`] topstitching along `stitching` beside it.
pub(super) fn stitched_seam(c: &mut Canvas, path: &Path, stitching: &Path) {
    seam(c, path);
    stitch(c, stitching, THREAD);
}

/// Topstitching in the colour of `thread`: short dashes.
pub(super) fn stitch(c: &mut Canvas, path: &Path, thread: Mat) {
    c.dash(path, HAIR * 0.9, 0.009, 0.005, Ink::Flat(thread));
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
pub(super) fn stud(c: &mut Canvas, cx: f32, cy: f32, r: f32, mat: Mat, holes: bool) {
    let disc = ellipse(cx, cy, r, r);
    c.fill(&ellipse(cx + r * 0.25, cy + r * 0.35, r, r), Ink::Shade(70));
    let m = c.mask(&disc);
    let light = ((cx - r, cy - r), (cx + r, cy + r));
    graded(c, &m, Ink::Material(mat), light, (-70, 60));
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
