//! Garments, seen from the front as if on an invisible form: the shirt, the jacket and
//! the trousers. The body swatch is the cloth; the trim is the buttons.
//!
//! Parts are drawn for the wearer's left (the right of the picture) and repeated on the
//! other side in one of two ways that round differently, each kept as the drawing was
//! designed: shapes [`sided`] (mirrored, `1 - x`) and lines [`on_side`] (`0.5 + side *
//! (x - 0.5)`).

use crate::art::kit::{
    HAIR, THREAD, fold, graded, outline, raised, seam, solid, stitch, stud, tone, within,
};
use crate::blend::darker;
use crate::canvas::Canvas;
use crate::geom::{Path, cubic, line, p, poly, quad, round_rect};
use crate::ink::{Ink, Mat};
use crate::slots::{Finish, monogram_at};
use crate::studio::floor_shadow;
use crate::{Swatch, Texture};

/// The right side (1) and the left (-1).
const SIDES: [f32; 2] = [1.0, -1.0];

/// A lining for the cloth: a deeper, warmer tone of it.
const LINING: Mat = Mat::Chosen(|parts| Swatch::new(lining_of(parts.body.rgb), Texture::Plain));

/// The sleeve-button stitching: the thread a little darker.
const CUFF_THREAD: Mat =
    Mat::Chosen(|parts| Swatch::new(darker(tone(parts.body.rgb), 20), Texture::Plain));

/// An `x` drawn for the right side, on `side`.
fn side_x(side: f32, x: f32) -> f32 {
    0.5 + side * (x - 0.5)
}

/// A line or curve drawn for the right side, on `side` (see [`side_x`]).
fn on_side(side: f32, path: &Path) -> Path {
    path.mapped(|q| p(side_x(side, q.x), q.y))
}

/// A part on one side: as drawn (right, `side` 1) or mirrored (left, `side` -1).
fn sided(path: &Path, side: f32) -> Path {
    if side > 0.0 {
        path.clone()
    } else {
        path.mirrored(0.5)
    }
}

/// A fold along a quadratic curve (from, through, to) drawn for the right side, with
/// its strength.
type Crease = ((f32, f32), (f32, f32), (f32, f32), i32);

/// The folds on `side`.
fn folds(c: &mut Canvas, side: f32, creases: &[Crease]) {
    for &(a, b, e, strength) in creases {
        fold(c, &on_side(side, &quad(a, b, e)), strength);
    }
}

/// The shirt's sleeve folds: inside the elbow, above the cuff, down from the shoulder.
const SHIRT_SLEEVE: [Crease; 3] = [
    ((0.765, 0.52), (0.79, 0.53), (0.81, 0.515), 40),
    ((0.775, 0.6), (0.8, 0.61), (0.826, 0.6), 30),
    ((0.75, 0.3), (0.74, 0.4), (0.76, 0.48), 22),
];

/// The jacket's sleeve folds: inside the elbow, down from the shoulder.
const JACKET_SLEEVE: [Crease; 2] = [
    ((0.77, 0.53), (0.795, 0.54), (0.82, 0.525), 36),
    ((0.755, 0.3), (0.745, 0.4), (0.765, 0.48), 22),
];

/// Both sleeves over the armholes (`arm` drawn for the right side), each casting a
/// little shadow on the body, with its folds; then `cuff(c, side)` finishes each.
fn sleeves(c: &mut Canvas, arm: &Path, creases: &[Crease], mut cuff: impl FnMut(&mut Canvas, f32)) {
    for side in SIDES {
        let s = sided(arm, side);
        c.fill(&s.translated(-side * 0.004, 0.004), Ink::Shade(40));
        let m = solid(c, &s, Mat::BODY);
        within(c, m, |c| folds(c, side, creases));
        cuff(c, side);
    }
}

/// A button-down shirt: collar, placket with buttons, chest pocket, long sleeves with
/// cuffs; the monogram is embroidered on the left cuff.
pub(super) fn shirt(c: &mut Canvas) {
    floor_shadow(c, 0.5, 0.93, 0.36, 0.035, 60);

    // Body, with its drape.
    let body = Path::new()
        .m(0.5, 0.15)
        .q(0.55, 0.148, 0.585, 0.128)
        .l(0.7, 0.158)
        .c(0.69, 0.24, 0.685, 0.31, 0.69, 0.37)
        .l(0.7, 0.83)
        .c(0.66, 0.85, 0.6, 0.9, 0.5, 0.9)
        .mirror_z(0.5);
    let m = solid(c, &body, Mat::BODY);
    within(c, m, |c| {
        for side in SIDES {
            let drape = [
                ((0.66, 0.5), (0.63, 0.62), (0.65, 0.8), 24),
                ((0.62, 0.66), (0.6, 0.74), (0.61, 0.84), 18),
            ];
            folds(c, side, &drape);
            let shoulder = quad((0.59, 0.14), (0.65, 0.17), (0.7, 0.18));
            seam(c, &on_side(side, &shoulder));
        }
    });
    let hem = Path::new()
        .m(0.303, 0.82)
        .c(0.34, 0.84, 0.4, 0.888, 0.5, 0.888)
        .c(0.6, 0.888, 0.66, 0.84, 0.697, 0.82);
    stitch(c, &hem, THREAD);

    // Sleeves over the armholes, then the cuffs.
    let arm = Path::new()
        .m(0.7, 0.158)
        .c(0.74, 0.168, 0.765, 0.2, 0.777, 0.25)
        .c(0.8, 0.38, 0.83, 0.56, 0.845, 0.725)
        .l(0.752, 0.728)
        .c(0.74, 0.58, 0.72, 0.46, 0.69, 0.37)
        .c(0.685, 0.31, 0.69, 0.24, 0.7, 0.158)
        .z();
    sleeves(c, &arm, &SHIRT_SLEEVE, |c, side| {
        let cuff = sided(&round_rect(0.748, 0.722, 0.856, 0.805, 0.008), side);
        solid(c, &cuff, Mat::BODY);
        for y in [0.73, 0.797] {
            stitch(c, &on_side(side, &line(&[(0.756, y), (0.848, y)])), THREAD);
        }
        stud(c, side_x(side, 0.838), 0.763, 0.0085, Mat::TRIM, true);
    });

    // Chest pocket (wearer's left).
    let pocket = poly(&[
        (0.565, 0.275),
        (0.655, 0.275),
        (0.655, 0.37),
        (0.61, 0.385),
        (0.565, 0.37),
    ]);
    raised(c, &pocket, Mat::BODY, 25, (0.002, 0.003));
    stitch(c, &line(&[(0.565, 0.29), (0.655, 0.29)]), THREAD);

    // Placket and buttons.
    let placket = round_rect(0.484, 0.17, 0.516, 0.897, 0.0);
    c.fill(&placket, Ink::Shade(-10));
    stitch(c, &line(&[(0.4865, 0.2), (0.4865, 0.89)]), THREAD);
    stitch(c, &line(&[(0.5135, 0.2), (0.5135, 0.89)]), THREAD);
    c.stroke(&line(&[(0.484, 0.2), (0.484, 0.897)]), HAIR, Ink::Shade(70));
    for i in 0..7 {
        stud(c, 0.5, 0.255 + 0.09 * i as f32, 0.0095, Mat::TRIM, true);
    }

    // Collar: the inside of the back, then the two leaves over it.
    let back = Path::new()
        .m(0.41, 0.14)
        .q(0.5, 0.095, 0.59, 0.14)
        .l(0.56, 0.2)
        .l(0.44, 0.2)
        .z();
    let (m, light) = (c.mask(&back), ((0.5, 0.1), (0.5, 0.19)));
    graded(c, &m, Ink::Material(Mat::BODY), light, (20, 70));
    outline(c, &back);
    let leaf = Path::new()
        .m(0.503, 0.19)
        .q(0.545, 0.165, 0.588, 0.118)
        .q(0.605, 0.16, 0.632, 0.228)
        .q(0.57, 0.212, 0.503, 0.205)
        .z();
    for side in SIDES {
        raised(c, &sided(&leaf, side), Mat::BODY, 50, (0.0, 0.007));
        let edge = quad((0.51, 0.199), (0.57, 0.204), (0.618, 0.218));
        stitch(c, &on_side(side, &edge), THREAD);
    }
    stud(c, 0.5, 0.183, 0.0075, Mat::TRIM, true);

    monogram_at(c, (0.188, 0.764), (0.062, 0.032), Finish::Thread);
}

/// A single-breasted jacket: notch lapels, two buttons, flap pockets, a breast welt,
/// sleeve buttons; the lining shows between the lapels, with the monogram stitched on it.
pub(super) fn jacket(c: &mut Canvas) {
    floor_shadow(c, 0.5, 0.93, 0.37, 0.035, 60);

    // The lining seen through the opening, with the monogram.
    let inside = Path::new()
        .m(0.5, 0.1)
        .l(0.6, 0.1)
        .l(0.6, 0.3)
        .l(0.5, 0.58)
        .mirror_z(0.5);
    let (m, light) = (c.mask(&inside), ((0.5, 0.12), (0.5, 0.55)));
    graded(c, &m, Ink::Material(LINING), light, (40, 90));
    monogram_at(c, (0.5, 0.205), (0.058, 0.03), Finish::Thread);

    let body = Path::new()
        .m(0.5, 0.12)
        .q(0.55, 0.118, 0.585, 0.105)
        .l(0.705, 0.14)
        .c(0.695, 0.24, 0.69, 0.31, 0.695, 0.38)
        .c(0.7, 0.55, 0.705, 0.7, 0.71, 0.86)
        .l(0.57, 0.875)
        .q(0.515, 0.87, 0.5, 0.775)
        .mirror_z(0.5);
    // The opening between the lapels is a hole in the front (wound the other way).
    let opening = poly(&[
        (0.5, 0.56),
        (0.548, 0.3),
        (0.555, 0.11),
        (0.445, 0.11),
        (0.452, 0.3),
    ]);
    let m = solid(c, &body.with(opening), Mat::BODY);
    within(c, m, |c| {
        for side in SIDES {
            let dart = quad((0.6, 0.47), (0.605, 0.6), (0.6, 0.7));
            seam(c, &on_side(side, &dart));
            let shoulder = quad((0.585, 0.105), (0.65, 0.12), (0.705, 0.14));
            seam(c, &on_side(side, &shoulder));
            folds(c, side, &[((0.53, 0.6), (0.6, 0.62), (0.66, 0.6), 22)]);
        }
    });
    // Back collar across the top of the opening.
    let collar = Path::new()
        .m(0.43, 0.125)
        .q(0.5, 0.09, 0.57, 0.125)
        .l(0.57, 0.14)
        .q(0.5, 0.11, 0.43, 0.14)
        .z();
    raised(c, &collar, Mat::BODY, 40, (0.0, 0.004));

    // Lapels with the collar, from the neck to the top button.
    let lapel = Path::new()
        .m(0.57, 0.11)
        .l(0.6, 0.1)
        .q(0.625, 0.13, 0.645, 0.198)
        .l(0.628, 0.212)
        .l(0.672, 0.228)
        .c(0.655, 0.33, 0.59, 0.45, 0.503, 0.57)
        .l(0.548, 0.3)
        .z();
    for side in SIDES {
        let shadow = (side * 0.004, 0.006);
        raised(c, &sided(&lapel, side), Mat::BODY, 60, shadow);
        let notch = line(&[(0.628, 0.212), (0.598, 0.198)]);
        c.stroke(&on_side(side, &notch), HAIR, Ink::Shade(110));
        let edge = cubic((0.662, 0.236), (0.646, 0.33), (0.585, 0.44), (0.512, 0.55));
        stitch(c, &on_side(side, &edge), THREAD);
        // Flap pocket.
        let flap = sided(&round_rect(0.585, 0.665, 0.685, 0.71, 0.004), side);
        raised(c, &flap, Mat::BODY, 30, (0.0, 0.005));
    }
    // Breast welt (wearer's left).
    let welt = poly(&[(0.585, 0.36), (0.66, 0.35), (0.662, 0.37), (0.587, 0.38)]);
    raised(c, &welt, Mat::BODY, 30, (0.0, 0.003));
    // The wearer's left front laps over the right below the lapels.
    let lap = Path::new()
        .m(0.503, 0.57)
        .l(0.503, 0.77)
        .q(0.51, 0.85, 0.57, 0.874);
    c.stroke(&lap, HAIR, Ink::Shade(120));
    stud(c, 0.515, 0.59, 0.012, Mat::TRIM, true);
    stud(c, 0.515, 0.7, 0.012, Mat::TRIM, true);

    // Sleeves over the armholes.
    let arm = Path::new()
        .m(0.705, 0.14)
        .c(0.75, 0.142, 0.778, 0.18, 0.787, 0.25)
        .c(0.81, 0.42, 0.84, 0.6, 0.85, 0.8)
        .l(0.748, 0.805)
        .c(0.74, 0.62, 0.72, 0.48, 0.695, 0.38)
        .c(0.69, 0.31, 0.695, 0.24, 0.705, 0.14)
        .z();
    sleeves(c, &arm, &JACKET_SLEEVE, |c, side| {
        let cuff = line(&[(0.752, 0.77), (0.848, 0.767)]);
        stitch(c, &on_side(side, &cuff), CUFF_THREAD);
        for j in 0..3 {
            let x = side_x(side, 0.83 - 0.019 * j as f32);
            stud(c, x, 0.787, 0.0068, Mat::TRIM, true);
        }
    });
}

/// Trousers: waistband with belt loops and a button, fly stitching, slanted pockets,
/// pressed creases; the monogram is stitched on the waistband.
pub(super) fn trousers(c: &mut Canvas) {
    floor_shadow(c, 0.5, 0.95, 0.3, 0.03, 60);

    let legs = Path::new()
        .m(0.5, 0.12)
        .l(0.665, 0.12)
        .c(0.68, 0.3, 0.69, 0.5, 0.675, 0.93)
        .l(0.525, 0.935)
        .c(0.52, 0.7, 0.51, 0.5, 0.5, 0.33)
        .mirror_z(0.5);
    let m = solid(c, &legs, Mat::BODY);
    within(c, m, |c| {
        for side in SIDES {
            // Pressed crease down the middle of the leg: a lit edge and a fine dark line.
            let lit = line(&[(0.595, 0.2), (0.6, 0.935)]);
            c.stroke(&on_side(side, &lit), 0.006, Ink::Shade(-36));
            let crease = line(&[(0.6, 0.2), (0.605, 0.935)]);
            c.stroke(&on_side(side, &crease), HAIR, Ink::Shade(60));
            let creases = [
                ((0.53, 0.8), (0.58, 0.78), (0.65, 0.81), 26),
                ((0.55, 0.45), (0.53, 0.4), (0.52, 0.36), 30),
            ];
            folds(c, side, &creases);
            // Slanted side pocket.
            seam(c, &on_side(side, &line(&[(0.62, 0.165), (0.665, 0.32)])));
        }
    });
    // Crotch seam and fly.
    seam(c, &line(&[(0.5, 0.2), (0.5, 0.33)]));
    let fly = Path::new()
        .m(0.478, 0.17)
        .l(0.478, 0.3)
        .q(0.478, 0.317, 0.5, 0.322);
    stitch(c, &fly, THREAD);
    for side in SIDES {
        let hem = line(&[(0.527, 0.915), (0.673, 0.913)]);
        stitch(c, &on_side(side, &hem), THREAD);
    }
    // Waistband, belt loops and button.
    let band = round_rect(0.333, 0.105, 0.667, 0.165, 0.006);
    solid(c, &band, Mat::BODY);
    stitch(c, &line(&[(0.34, 0.112), (0.66, 0.112)]), THREAD);
    stitch(c, &line(&[(0.34, 0.158), (0.66, 0.158)]), THREAD);
    for x in [0.36, 0.44, 0.56, 0.64] {
        let lp = round_rect(x - 0.008, 0.098, x + 0.008, 0.185, 0.003);
        raised(c, &lp, Mat::BODY, 30, (0.002, 0.003));
    }
    c.stroke(&line(&[(0.5, 0.105), (0.5, 0.165)]), HAIR, Ink::Shade(90));
    stud(c, 0.49, 0.135, 0.0095, Mat::TRIM, true);
    monogram_at(c, (0.6, 0.135), (0.05, 0.032), Finish::Thread);
}

/// A lining colour for a cloth: a deeper, warmer tone of it.
fn lining_of(rgb: [u8; 3]) -> [u8; 3] {
    let [r, g, b] = rgb.map(i32::from);
    [
        (r * 5 + 0x8a * 3) / 8,
        (g * 5 + 0x22 * 3) / 8,
        (b * 5 + 0x30 * 3) / 8,
    ]
    .map(|c| c as u8)
}
