//! Garments, seen from the front as if on an invisible form: the shirt, the jacket and
//! the trousers. The body swatch is the cloth; the trim is the buttons.

use crate::art::Parts;
use crate::art::kit::{HAIR, fold, outline, raised, seam, solid, stitch, stud, tone};
use crate::canvas::{Canvas, Ink};
use crate::composite::{Finish, darker, floor_shadow, monogram_at};
use crate::geom::{Path, line, p, round_rect};
use crate::{Swatch, Texture};

/// Mirrors `x` about the centre line when `side` is -1.
fn side_x(side: f32, x: f32) -> f32 {
    0.5 + side * (x - 0.5)
}

/// A part on one side: as drawn (right, `side` 1) or mirrored (left, `side` -1).
fn sided(path: &Path, side: f32) -> Path {
    if side > 0.0 {
        path.clone()
    } else {
        path.mirrored(0.5)
    }
}

/// A button-down shirt: collar, placket with buttons, chest pocket, long sleeves with
/// cuffs; the monogram is embroidered on the left cuff.
pub(super) fn shirt(c: &mut Canvas, parts: &Parts<'_>) {
    let cloth = parts.body;
    let thread = tone(cloth.rgb);
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
    let m = solid(c, &body, cloth);
    c.clip_to(m);
    for side in [1.0, -1.0] {
        let x = |v: f32| side_x(side, v);
        fold(
            c,
            &Path::new().m(x(0.66), 0.5).q(x(0.63), 0.62, x(0.65), 0.8),
            24,
        );
        fold(
            c,
            &Path::new().m(x(0.62), 0.66).q(x(0.6), 0.74, x(0.61), 0.84),
            18,
        );
        seam(
            c,
            &Path::new().m(x(0.59), 0.14).q(x(0.65), 0.17, x(0.7), 0.18),
        );
    }
    c.unclip();
    stitch(
        c,
        &Path::new()
            .m(0.303, 0.82)
            .c(0.34, 0.84, 0.4, 0.888, 0.5, 0.888)
            .c(0.6, 0.888, 0.66, 0.84, 0.697, 0.82),
        thread,
    );

    // Sleeves over the armholes, then the cuffs.
    let sleeve = Path::new()
        .m(0.7, 0.158)
        .c(0.74, 0.168, 0.765, 0.2, 0.777, 0.25)
        .c(0.8, 0.38, 0.83, 0.56, 0.845, 0.725)
        .l(0.752, 0.728)
        .c(0.74, 0.58, 0.72, 0.46, 0.69, 0.37)
        .c(0.685, 0.31, 0.69, 0.24, 0.7, 0.158)
        .z();
    for side in [1.0, -1.0] {
        let x = |v: f32| side_x(side, v);
        let s = sided(&sleeve, side);
        c.fill(&s.translated(-side * 0.004, 0.004), Ink::Shade(40));
        let m = solid(c, &s, cloth);
        c.clip_to(m);
        fold(
            c,
            &Path::new()
                .m(x(0.765), 0.52)
                .q(x(0.79), 0.53, x(0.81), 0.515),
            40,
        );
        fold(
            c,
            &Path::new().m(x(0.775), 0.6).q(x(0.8), 0.61, x(0.826), 0.6),
            30,
        );
        fold(
            c,
            &Path::new().m(x(0.75), 0.3).q(x(0.74), 0.4, x(0.76), 0.48),
            22,
        );
        c.unclip();
        let cuff = sided(&round_rect(0.748, 0.722, 0.856, 0.805, 0.008), side);
        solid(c, &cuff, cloth);
        let (x0, x1) = (x(0.756), x(0.848));
        stitch(c, &line(&[(x0, 0.73), (x1, 0.73)]), thread);
        stitch(c, &line(&[(x0, 0.797), (x1, 0.797)]), thread);
        stud(c, x(0.838), 0.763, 0.0085, parts.trim, true);
    }

    // Chest pocket (wearer's left).
    let pocket = Path::new()
        .m(0.565, 0.275)
        .l(0.655, 0.275)
        .l(0.655, 0.37)
        .l(0.61, 0.385)
        .l(0.565, 0.37)
        .z();
    raised(c, &pocket, cloth, 25, (0.002, 0.003));
    stitch(c, &line(&[(0.565, 0.29), (0.655, 0.29)]), thread);

    // Placket and buttons.
    let placket = round_rect(0.484, 0.17, 0.516, 0.897, 0.0);
    c.fill(&placket, Ink::Shade(-10));
    stitch(c, &line(&[(0.4865, 0.2), (0.4865, 0.89)]), thread);
    stitch(c, &line(&[(0.5135, 0.2), (0.5135, 0.89)]), thread);
    c.stroke(&line(&[(0.484, 0.2), (0.484, 0.897)]), HAIR, Ink::Shade(70));
    for i in 0..7 {
        stud(c, 0.5, 0.255 + 0.09 * i as f32, 0.0095, parts.trim, true);
    }

    // Collar: the inside of the back, then the two leaves over it.
    let back = Path::new()
        .m(0.41, 0.14)
        .q(0.5, 0.095, 0.59, 0.14)
        .l(0.56, 0.2)
        .l(0.44, 0.2)
        .z();
    c.fill(&back, Ink::Material(cloth));
    c.fill(
        &back,
        Ink::Gradient {
            a: p(0.5, 0.1),
            b: p(0.5, 0.19),
            n0: 20,
            n1: 70,
        },
    );
    outline(c, &back);
    let leaf = Path::new()
        .m(0.503, 0.19)
        .q(0.545, 0.165, 0.588, 0.118)
        .q(0.605, 0.16, 0.632, 0.228)
        .q(0.57, 0.212, 0.503, 0.205)
        .z();
    for side in [1.0, -1.0] {
        let l = sided(&leaf, side);
        raised(c, &l, cloth, 50, (0.0, 0.007));
        let x = |v: f32| side_x(side, v);
        stitch(
            c,
            &Path::new()
                .m(x(0.51), 0.199)
                .q(x(0.57), 0.204, x(0.618), 0.218),
            thread,
        );
    }
    stud(c, 0.5, 0.183, 0.0075, parts.trim, true);

    monogram_at(c, parts, (0.188, 0.764), (0.062, 0.032), Finish::Thread);
}

/// A single-breasted jacket: notch lapels, two buttons, flap pockets, a breast welt,
/// sleeve buttons; the lining shows between the lapels, with the monogram stitched on it.
pub(super) fn jacket(c: &mut Canvas, parts: &Parts<'_>) {
    let cloth = parts.body;
    let thread = tone(cloth.rgb);
    let lining = Swatch::new(lining_of(cloth.rgb), Texture::Plain);
    floor_shadow(c, 0.5, 0.93, 0.37, 0.035, 60);

    // The lining seen through the opening, with the monogram.
    let inside = Path::new()
        .m(0.5, 0.1)
        .l(0.6, 0.1)
        .l(0.6, 0.3)
        .l(0.5, 0.58)
        .mirror_z(0.5);
    c.fill(&inside, Ink::Material(lining));
    c.fill(
        &inside,
        Ink::Gradient {
            a: p(0.5, 0.12),
            b: p(0.5, 0.55),
            n0: 40,
            n1: 90,
        },
    );
    monogram_at(c, parts, (0.5, 0.205), (0.058, 0.03), Finish::Thread);

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
    let opening = Path::new()
        .m(0.5, 0.56)
        .l(0.548, 0.3)
        .l(0.555, 0.11)
        .l(0.445, 0.11)
        .l(0.452, 0.3)
        .z();
    let front = body.with(opening);
    let m = solid(c, &front, cloth);
    c.clip_to(m);
    for side in [1.0, -1.0] {
        let x = |v: f32| side_x(side, v);
        seam(
            c,
            &Path::new().m(x(0.6), 0.47).q(x(0.605), 0.6, x(0.6), 0.7),
        );
        seam(
            c,
            &Path::new()
                .m(x(0.585), 0.105)
                .q(x(0.65), 0.12, x(0.705), 0.14),
        );
        fold(
            c,
            &Path::new().m(x(0.53), 0.6).q(x(0.6), 0.62, x(0.66), 0.6),
            22,
        );
    }
    c.unclip();
    // Back collar across the top of the opening.
    let collar = Path::new()
        .m(0.43, 0.125)
        .q(0.5, 0.09, 0.57, 0.125)
        .l(0.57, 0.14)
        .q(0.5, 0.11, 0.43, 0.14)
        .z();
    raised(c, &collar, cloth, 40, (0.0, 0.004));

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
    for side in [1.0, -1.0] {
        let l = sided(&lapel, side);
        raised(c, &l, cloth, 60, (side * 0.004, 0.006));
        let x = |v: f32| side_x(side, v);
        c.stroke(
            &line(&[(x(0.628), 0.212), (x(0.598), 0.198)]),
            HAIR,
            Ink::Shade(110),
        );
        stitch(
            c,
            &Path::new()
                .m(x(0.662), 0.236)
                .c(x(0.646), 0.33, x(0.585), 0.44, x(0.512), 0.55),
            thread,
        );
        // Flap pocket.
        let flap = sided(&round_rect(0.585, 0.665, 0.685, 0.71, 0.004), side);
        raised(c, &flap, cloth, 30, (0.0, 0.005));
    }
    // Breast welt (wearer's left).
    let welt = Path::new()
        .m(0.585, 0.36)
        .l(0.66, 0.35)
        .l(0.662, 0.37)
        .l(0.587, 0.38)
        .z();
    raised(c, &welt, cloth, 30, (0.0, 0.003));
    // The wearer's left front laps over the right below the lapels.
    c.stroke(
        &Path::new()
            .m(0.503, 0.57)
            .l(0.503, 0.77)
            .q(0.51, 0.85, 0.57, 0.874),
        HAIR,
        Ink::Shade(120),
    );
    stud(c, 0.515, 0.59, 0.012, parts.trim, true);
    stud(c, 0.515, 0.7, 0.012, parts.trim, true);

    // Sleeves over the armholes.
    let sleeve = Path::new()
        .m(0.705, 0.14)
        .c(0.75, 0.142, 0.778, 0.18, 0.787, 0.25)
        .c(0.81, 0.42, 0.84, 0.6, 0.85, 0.8)
        .l(0.748, 0.805)
        .c(0.74, 0.62, 0.72, 0.48, 0.695, 0.38)
        .c(0.69, 0.31, 0.695, 0.24, 0.705, 0.14)
        .z();
    for side in [1.0, -1.0] {
        let x = |v: f32| side_x(side, v);
        let s = sided(&sleeve, side);
        c.fill(&s.translated(-side * 0.004, 0.004), Ink::Shade(40));
        let m = solid(c, &s, cloth);
        c.clip_to(m);
        fold(
            c,
            &Path::new()
                .m(x(0.77), 0.53)
                .q(x(0.795), 0.54, x(0.82), 0.525),
            36,
        );
        fold(
            c,
            &Path::new()
                .m(x(0.755), 0.3)
                .q(x(0.745), 0.4, x(0.765), 0.48),
            22,
        );
        c.unclip();
        stitch(
            c,
            &line(&[(x(0.752), 0.77), (x(0.848), 0.767)]),
            darker(thread, 20),
        );
        for j in 0..3 {
            stud(
                c,
                x(0.83 - 0.019 * j as f32),
                0.787,
                0.0068,
                parts.trim,
                true,
            );
        }
    }
}

/// Trousers: waistband with belt loops and a button, fly stitching, slanted pockets,
/// pressed creases; the monogram is stitched on the waistband.
pub(super) fn trousers(c: &mut Canvas, parts: &Parts<'_>) {
    let cloth = parts.body;
    let thread = tone(cloth.rgb);
    floor_shadow(c, 0.5, 0.95, 0.3, 0.03, 60);

    let legs = Path::new()
        .m(0.5, 0.12)
        .l(0.665, 0.12)
        .c(0.68, 0.3, 0.69, 0.5, 0.675, 0.93)
        .l(0.525, 0.935)
        .c(0.52, 0.7, 0.51, 0.5, 0.5, 0.33)
        .mirror_z(0.5);
    let m = solid(c, &legs, cloth);
    c.clip_to(m);
    for side in [1.0, -1.0] {
        let x = |v: f32| side_x(side, v);
        // Pressed crease down the middle of the leg: a lit edge and a fine dark line.
        c.stroke(
            &line(&[(x(0.595), 0.2), (x(0.6), 0.935)]),
            0.006,
            Ink::Shade(-36),
        );
        c.stroke(
            &line(&[(x(0.6), 0.2), (x(0.605), 0.935)]),
            HAIR,
            Ink::Shade(60),
        );
        fold(
            c,
            &Path::new().m(x(0.53), 0.8).q(x(0.58), 0.78, x(0.65), 0.81),
            26,
        );
        fold(
            c,
            &Path::new().m(x(0.55), 0.45).q(x(0.53), 0.4, x(0.52), 0.36),
            30,
        );
        // Slanted side pocket.
        seam(c, &Path::new().m(x(0.62), 0.165).l(x(0.665), 0.32));
    }
    c.unclip();
    // Crotch seam and fly.
    seam(c, &Path::new().m(0.5, 0.2).l(0.5, 0.33));
    stitch(
        c,
        &Path::new()
            .m(0.478, 0.17)
            .l(0.478, 0.3)
            .q(0.478, 0.317, 0.5, 0.322),
        thread,
    );
    for side in [1.0, -1.0] {
        let x = |v: f32| side_x(side, v);
        stitch(c, &line(&[(x(0.527), 0.915), (x(0.673), 0.913)]), thread);
    }
    // Waistband, belt loops and button.
    let band = round_rect(0.333, 0.105, 0.667, 0.165, 0.006);
    solid(c, &band, cloth);
    stitch(c, &line(&[(0.34, 0.112), (0.66, 0.112)]), thread);
    stitch(c, &line(&[(0.34, 0.158), (0.66, 0.158)]), thread);
    for x in [0.36, 0.44, 0.56, 0.64] {
        let lp = round_rect(x - 0.008, 0.098, x + 0.008, 0.185, 0.003);
        raised(c, &lp, cloth, 30, (0.002, 0.003));
    }
    c.stroke(&line(&[(0.5, 0.105), (0.5, 0.165)]), HAIR, Ink::Shade(90));
    stud(c, 0.49, 0.135, 0.0095, parts.trim, true);
    monogram_at(c, parts, (0.6, 0.135), (0.05, 0.032), Finish::Thread);
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
