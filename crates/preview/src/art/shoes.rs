//! Shoes, in profile with the toe to the left: the derby, the loafer and the boot. The
//! body swatch is the upper; the trim is the sole and heel. The monogram is stamped on
//! the quarter, near the heel.
//!
//! Each shoe is designed standing on the floor at `y = 0.70` and shifted to sit in the
//! middle of the picture.

use crate::art::Parts;
use crate::art::kit::{HAIR, fold, outline, seam, solid, stitch, stud, tone};
use crate::canvas::{Canvas, Ink};
use crate::composite::{Finish, darker, floor_shadow, monogram_at};
use crate::geom::{Path, ellipse, line, p};
use crate::{Swatch, Texture};

/// The lining colour seen inside the collar.
const LINING: Swatch = Swatch::new([0xc2, 0x9a, 0x72], Texture::Leather);

/// The sole with its welt, and the stacked heel, in the trim.
fn sole(c: &mut Canvas, parts: &Parts<'_>) {
    let trim = parts.trim;
    floor_shadow(c, 0.49, 0.7, 0.43, 0.035, 100);
    let sole = Path::new()
        .m(0.07, 0.648)
        .c(0.066, 0.672, 0.09, 0.685, 0.14, 0.686)
        .l(0.5, 0.688)
        .c(0.6, 0.686, 0.66, 0.672, 0.73, 0.668)
        .l(0.9, 0.668)
        .l(0.9, 0.652)
        .l(0.075, 0.638)
        .z();
    solid(c, &sole, trim);
    let heel = Path::new()
        .m(0.725, 0.662)
        .l(0.9, 0.662)
        .l(0.893, 0.702)
        .l(0.735, 0.702)
        .z();
    solid(c, &heel, trim);
    for i in 1..3 {
        let y = 0.662 + 0.0125 * i as f32;
        c.stroke(&line(&[(0.73, y), (0.897, y)]), HAIR * 0.7, Ink::Shade(50));
    }
    c.fill(
        &Path::new()
            .m(0.735, 0.694)
            .l(0.894, 0.694)
            .l(0.893, 0.702)
            .l(0.735, 0.702)
            .z(),
        Ink::Shade(90),
    );
    // Welt stitching.
    c.dash(
        &Path::new().m(0.085, 0.647).l(0.895, 0.659),
        HAIR * 0.8,
        0.006,
        0.004,
        Ink::Shade(-60),
    );
}

/// The far side's top line, seen above the near one: the dark inside of the shoe.
fn inside(c: &mut Canvas, from: (f32, f32), to: (f32, f32), lift: f32) {
    let lens = Path::new()
        .m(from.0, from.1)
        .c(
            from.0 + 0.1,
            from.1 - lift,
            to.0 - 0.1,
            to.1 - lift,
            to.0,
            to.1,
        )
        .l(to.0, to.1 + 0.08)
        .l(from.0, from.1 + 0.08)
        .z();
    c.fill(&lens, Ink::Material(LINING));
    c.fill(
        &lens,
        Ink::Gradient {
            a: p(0.5, from.1 - lift),
            b: p(0.5, from.1 + 0.02),
            n0: 30,
            n1: 150,
        },
    );
    outline(c, &lens);
}

/// Toe shine and the crease where the foot bends.
fn toe_light(c: &mut Canvas) {
    let shine = Path::new().m(0.085, 0.6).q(0.11, 0.56, 0.22, 0.555);
    c.stroke(&shine, 0.02, Ink::Shade(-18));
    c.stroke(&shine, 0.008, Ink::Shade(-30));
    c.fill(&ellipse(0.15, 0.578, 0.02, 0.005), Ink::Shade(-50));
    fold(c, &Path::new().m(0.37, 0.53).q(0.385, 0.56, 0.39, 0.6), 28);
}

/// The profile shared by the low shoes: toe, vamp rising to the `throat`, the top line
/// back to the heel, the heel curve.
fn low_upper(throat: (f32, f32), vamp: (f32, f32)) -> Path {
    Path::new()
        .m(0.075, 0.646)
        .c(0.05, 0.612, 0.07, 0.548, 0.165, 0.538)
        .c(0.25, 0.528, 0.36, 0.5, vamp.0, vamp.1)
        .c(
            vamp.0 + 0.04,
            vamp.1 - 0.02,
            throat.0 - 0.03,
            throat.1 + 0.008,
            throat.0,
            throat.1,
        )
        .c(throat.0 + 0.09, throat.1 + 0.045, 0.74, 0.485, 0.83, 0.458)
        .q(0.866, 0.448, 0.884, 0.472)
        .c(0.906, 0.52, 0.912, 0.6, 0.898, 0.655)
        .z()
}

/// Rounds a shoe's upper: light along the top, darker toward the welt, and a glossy
/// line following the profile from the toe to the instep.
fn modelling(c: &mut Canvas, upper: &Path, top: &Path) {
    c.fill(
        upper,
        Ink::Gradient {
            a: p(0.5, 0.47),
            b: p(0.5, 0.66),
            n0: -14,
            n1: 46,
        },
    );
    c.stroke(&top.translated(0.0, 0.012), 0.022, Ink::Shade(-14));
    c.stroke(&top.translated(0.0, 0.008), 0.006, Ink::Shade(-16));
}

/// A derby: quarters laced over the vamp with five eyelets, a heel counter.
pub(super) fn derby(c: &mut Canvas, parts: &Parts<'_>) {
    c.shift(0.0, -0.08);
    sole(c, parts);
    let leather = parts.body;
    let thread = tone(leather.rgb);
    inside(c, (0.56, 0.415), (0.862, 0.452), 0.004);
    let upper = low_upper((0.56, 0.415), (0.455, 0.47));
    let m = solid(c, &upper, leather);
    c.clip_to(m);
    modelling(
        c,
        &upper,
        &Path::new()
            .m(0.085, 0.59)
            .c(0.12, 0.548, 0.3, 0.54, 0.455, 0.47),
    );
    toe_light(c);
    // The quarter, laced over the vamp.
    let quarter = Path::new()
        .m(0.462, 0.466)
        .c(0.49, 0.54, 0.54, 0.61, 0.62, 0.66)
        .l(0.95, 0.7)
        .l(0.95, 0.38)
        .l(0.56, 0.38)
        .z();
    c.fill(&quarter.translated(-0.005, 0.002), Ink::Shade(60));
    c.fill(&quarter, Ink::Solid(leather, 60));
    // Heel counter.
    seam(
        c,
        &Path::new()
            .m(0.895, 0.5)
            .c(0.81, 0.5, 0.77, 0.58, 0.78, 0.66),
    );
    stitch(
        c,
        &Path::new()
            .m(0.893, 0.513)
            .c(0.82, 0.515, 0.787, 0.585, 0.795, 0.655),
        thread,
    );
    fold(c, &Path::new().m(0.66, 0.5).q(0.7, 0.55, 0.72, 0.62), 18);
    c.unclip();
    outline(c, &upper);
    seam(
        c,
        &Path::new()
            .m(0.462, 0.466)
            .c(0.49, 0.54, 0.54, 0.61, 0.62, 0.66),
    );
    stitch(
        c,
        &Path::new()
            .m(0.476, 0.47)
            .c(0.505, 0.535, 0.553, 0.602, 0.628, 0.648),
        thread,
    );
    stitch(
        c,
        &Path::new()
            .m(0.565, 0.43)
            .c(0.65, 0.47, 0.74, 0.498, 0.83, 0.472),
        thread,
    );
    // Tongue, eyelets and laces.
    let tongue = Path::new()
        .m(0.52, 0.435)
        .q(0.545, 0.4, 0.585, 0.398)
        .l(0.59, 0.412)
        .q(0.57, 0.418, 0.555, 0.43)
        .z();
    solid(c, &tongue, leather);
    let lace = [0x2a, 0x24, 0x20];
    let brass = Swatch::new([0x8a, 0x7a, 0x5a], Texture::Metal);
    for i in 0..5 {
        let t = i as f32 / 4.0;
        let (x, y) = (0.478 + 0.072 * t, 0.468 - 0.045 * t);
        c.stroke(
            &line(&[(x - 0.004, y - 0.002), (x + 0.016, y - 0.03)]),
            0.0065,
            Ink::Flat(lace),
        );
        stud(c, x, y, 0.0048, brass, false);
    }
    c.stroke(
        &Path::new().m(0.566, 0.392).q(0.54, 0.375, 0.525, 0.385),
        0.0055,
        Ink::Flat(lace),
    );
    c.stroke(
        &Path::new().m(0.566, 0.392).q(0.58, 0.37, 0.56, 0.362),
        0.0055,
        Ink::Flat(lace),
    );
    monogram_at(c, parts, (0.71, 0.56), (0.07, 0.03), Finish::Foil);
    c.shift(0.0, 0.0);
}

/// A penny loafer: moccasin apron seam, saddle strap with its slot, a low collar.
pub(super) fn loafer(c: &mut Canvas, parts: &Parts<'_>) {
    c.shift(0.0, -0.08);
    sole(c, parts);
    let leather = parts.body;
    let thread = tone(leather.rgb);
    inside(c, (0.49, 0.49), (0.862, 0.452), 0.006);
    let upper = low_upper((0.49, 0.49), (0.42, 0.51));
    let m = solid(c, &upper, leather);
    c.clip_to(m.clone());
    modelling(
        c,
        &upper,
        &Path::new()
            .m(0.085, 0.59)
            .c(0.12, 0.548, 0.3, 0.545, 0.42, 0.51),
    );
    toe_light(c);
    // The moccasin apron: a raised seam over the toe with its hand stitches.
    let apron = Path::new()
        .m(0.1, 0.6)
        .c(0.16, 0.575, 0.3, 0.56, 0.45, 0.51);
    c.stroke(&apron.translated(0.0, -0.006), 0.006, Ink::Shade(-30));
    seam(c, &apron);
    for i in 0..12 {
        let t = i as f32 / 11.0;
        let (x, y) = (0.11 + 0.33 * t, 0.598 - 0.028 * t - 0.055 * t * t);
        c.stroke(
            &line(&[(x - 0.003, y - 0.007), (x + 0.004, y + 0.004)]),
            HAIR,
            Ink::Flat(thread),
        );
    }
    c.unclip();
    // Saddle strap across the vamp, with the penny slot.
    let strap = Path::new()
        .m(0.43, 0.505)
        .c(0.45, 0.56, 0.49, 0.62, 0.52, 0.655)
        .l(0.62, 0.66)
        .c(0.6, 0.6, 0.57, 0.54, 0.55, 0.49)
        .z();
    c.clip_to(m);
    c.fill(&strap.translated(0.006, 0.004), Ink::Shade(90));
    c.fill(&strap, Ink::Solid(leather, 50));
    c.stroke(
        &Path::new()
            .m(0.43, 0.505)
            .c(0.45, 0.56, 0.49, 0.62, 0.52, 0.655),
        0.006,
        Ink::Shade(-40),
    );
    c.stroke(&strap, HAIR, Ink::Shade(130));
    let slot = Path::new()
        .m(0.483, 0.565)
        .q(0.525, 0.55, 0.575, 0.565)
        .q(0.525, 0.582, 0.483, 0.565)
        .z();
    c.fill(&slot, Ink::Shade(160));
    stitch(
        c,
        &Path::new()
            .m(0.442, 0.512)
            .c(0.462, 0.565, 0.5, 0.62, 0.528, 0.65),
        thread,
    );
    stitch(
        c,
        &Path::new()
            .m(0.61, 0.652)
            .c(0.59, 0.6, 0.562, 0.545, 0.542, 0.497),
        thread,
    );
    seam(
        c,
        &Path::new()
            .m(0.895, 0.51)
            .c(0.81, 0.51, 0.77, 0.58, 0.78, 0.66),
    );
    fold(c, &Path::new().m(0.66, 0.52).q(0.7, 0.57, 0.72, 0.63), 18);
    c.unclip();
    outline(c, &upper);
    stitch(
        c,
        &Path::new()
            .m(0.48, 0.5)
            .c(0.6, 0.51, 0.75, 0.5, 0.86, 0.458),
        thread,
    );
    monogram_at(c, parts, (0.72, 0.57), (0.07, 0.03), Finish::Foil);
    c.shift(0.0, 0.0);
}

/// A Chelsea boot: an ankle shaft with an elastic side gusset and a pull tab.
pub(super) fn boot(c: &mut Canvas, parts: &Parts<'_>) {
    c.shift(0.0, -0.02);
    sole(c, parts);
    let leather = parts.body;
    let thread = tone(leather.rgb);
    // The pull tab, behind the top line, and the inside of the shaft.
    let tab = Path::new()
        .m(0.79, 0.2)
        .l(0.795, 0.12)
        .q(0.81, 0.105, 0.825, 0.12)
        .l(0.83, 0.2)
        .z();
    solid(c, &tab, leather);
    c.fill(
        &Path::new()
            .m(0.8, 0.175)
            .l(0.803, 0.13)
            .q(0.81, 0.122, 0.817, 0.13)
            .l(0.82, 0.175)
            .z(),
        Ink::Shade(130),
    );
    inside(c, (0.515, 0.17), (0.845, 0.165), 0.02);
    let upper = Path::new()
        .m(0.075, 0.646)
        .c(0.052, 0.615, 0.068, 0.552, 0.165, 0.543)
        .c(0.3, 0.532, 0.42, 0.515, 0.47, 0.45)
        .c(0.51, 0.39, 0.52, 0.28, 0.515, 0.17)
        .q(0.68, 0.18, 0.845, 0.165)
        .c(0.84, 0.28, 0.85, 0.37, 0.875, 0.44)
        .c(0.905, 0.52, 0.91, 0.6, 0.9, 0.655)
        .z();
    let m = solid(c, &upper, leather);
    c.clip_to(m);
    modelling(
        c,
        &upper,
        &Path::new()
            .m(0.085, 0.59)
            .c(0.12, 0.548, 0.35, 0.545, 0.47, 0.45),
    );
    toe_light(c);
    // Elastic gusset.
    let gusset = Path::new()
        .m(0.62, 0.15)
        .l(0.74, 0.15)
        .c(0.735, 0.27, 0.715, 0.35, 0.68, 0.4)
        .c(0.645, 0.35, 0.625, 0.27, 0.62, 0.15)
        .z();
    let elastic = Swatch::new(darker(leather.rgb, 130), Texture::Rubber);
    c.fill(&gusset, Ink::Material(elastic));
    for i in 0..13 {
        let x = 0.622 + 0.0097 * i as f32;
        c.stroke(
            &line(&[(x, 0.15), (0.68 + (x - 0.68) * 0.15, 0.395)]),
            HAIR * 0.7,
            Ink::Shade(-28),
        );
    }
    c.fill(
        &gusset,
        Ink::Gradient {
            a: p(0.68, 0.15),
            b: p(0.68, 0.4),
            n0: 50,
            n1: 0,
        },
    );
    seam(c, &gusset);
    stitch(
        c,
        &Path::new()
            .m(0.608, 0.15)
            .c(0.613, 0.28, 0.638, 0.36, 0.68, 0.415)
            .c(0.722, 0.36, 0.747, 0.28, 0.752, 0.15),
        thread,
    );
    // Ankle creases, the vamp seam and the heel counter.
    fold(c, &Path::new().m(0.46, 0.47).q(0.5, 0.45, 0.54, 0.47), 40);
    fold(c, &Path::new().m(0.43, 0.5).q(0.47, 0.49, 0.52, 0.51), 30);
    seam(
        c,
        &Path::new().m(0.49, 0.41).c(0.53, 0.5, 0.57, 0.6, 0.6, 0.66),
    );
    stitch(
        c,
        &Path::new()
            .m(0.503, 0.415)
            .c(0.543, 0.5, 0.583, 0.6, 0.613, 0.656),
        thread,
    );
    seam(
        c,
        &Path::new()
            .m(0.89, 0.49)
            .c(0.81, 0.5, 0.77, 0.58, 0.78, 0.66),
    );
    c.unclip();
    outline(c, &upper);
    monogram_at(c, parts, (0.72, 0.55), (0.07, 0.03), Finish::Foil);
    c.shift(0.0, 0.0);
}
