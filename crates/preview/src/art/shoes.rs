//! Shoes, in profile with the toe to the left: the derby, the loafer and the boot. The
//! body swatch is the upper; the trim is the sole and heel. The monogram is stamped on
//! the quarter, near the heel.
//!
//! Each shoe is designed standing on the floor at `y = 0.70` and shifted to sit in the
//! middle of the picture.

use crate::art::kit::{
    HAIR, THREAD, fold, graded, outline, seam, solid, stitch, stitched_seam, stud, within,
};
use crate::blend::darker;
use crate::canvas::Canvas;
use crate::geom::{Path, cubic, ellipse, line, poly, quad};
use crate::ink::{Ink, Mat};
use crate::slots::{Finish, monogram_at};
use crate::studio::floor_shadow;
use crate::{Swatch, Texture};

/// The lining colour seen inside the collar.
const LINING: Mat = Mat::Fixed(Swatch::new([0xc2, 0x9a, 0x72], Texture::Leather));

/// The sole with its welt, and the stacked heel, in the trim.
fn sole(c: &mut Canvas) {
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
    solid(c, &sole, Mat::TRIM);
    let heel = poly(&[(0.725, 0.662), (0.9, 0.662), (0.893, 0.702), (0.735, 0.702)]);
    solid(c, &heel, Mat::TRIM);
    for i in 1..3 {
        let y = 0.662 + 0.0125 * i as f32;
        c.stroke(&line(&[(0.73, y), (0.897, y)]), HAIR * 0.7, Ink::Shade(50));
    }
    let lift = poly(&[
        (0.735, 0.694),
        (0.894, 0.694),
        (0.893, 0.702),
        (0.735, 0.702),
    ]);
    c.fill(&lift, Ink::Shade(90));
    // Welt stitching.
    let welt = line(&[(0.085, 0.647), (0.895, 0.659)]);
    c.dash(&welt, HAIR * 0.8, 0.006, 0.004, Ink::Shade(-60));
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
    let m = c.mask(&lens);
    let light = ((0.5, from.1 - lift), (0.5, from.1 + 0.02));
    graded(c, &m, Ink::Material(LINING), light, (30, 150));
    outline(c, &lens);
}

/// Toe shine and the crease where the foot bends.
fn toe_light(c: &mut Canvas) {
    let shine = quad((0.085, 0.6), (0.11, 0.56), (0.22, 0.555));
    c.stroke(&shine, 0.02, Ink::Shade(-18));
    c.stroke(&shine, 0.008, Ink::Shade(-30));
    c.fill(&ellipse(0.15, 0.578, 0.02, 0.005), Ink::Shade(-50));
    fold(c, &quad((0.37, 0.53), (0.385, 0.56), (0.39, 0.6)), 28);
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

/// The upper in the body leather, rounded (light along the top, darker toward the welt,
/// a glossy line along the profile from the toe through `via` to the `instep`) and lit
/// at the toe; `details` are drawn on it, clipped, before its outline.
fn upper(
    c: &mut Canvas,
    upper: &Path,
    (via, instep): ((f32, f32), (f32, f32)),
    details: impl FnOnce(&mut Canvas),
) {
    let m = solid(c, upper, Mat::BODY);
    within(c, m, |c| {
        c.fill(upper, Ink::gradient((0.5, 0.47), (0.5, 0.66), -14, 46));
        let top = cubic((0.085, 0.59), (0.12, 0.548), via, instep);
        c.stroke(&top.translated(0.0, 0.012), 0.022, Ink::Shade(-14));
        c.stroke(&top.translated(0.0, 0.008), 0.006, Ink::Shade(-16));
        toe_light(c);
        details(c);
    });
    outline(c, upper);
}

/// The heel counter's seam, from the back of the heel at `top`, bending at `bend`, down
/// to the sole.
fn heel_counter(c: &mut Canvas, top: (f32, f32), bend: (f32, f32)) {
    seam(c, &cubic(top, bend, (0.77, 0.58), (0.78, 0.66)));
}

/// A loop standing from its foot `(x0, x1, y)`, its sides leaning in to the shoulders
/// `(x0, x1, y)`, with a round top through `peak`: the boot's pull tab and its hole.
fn arch(foot: (f32, f32, f32), shoulders: (f32, f32, f32), peak: (f32, f32)) -> Path {
    Path::new()
        .m(foot.0, foot.2)
        .l(shoulders.0, shoulders.2)
        .q(peak.0, peak.1, shoulders.1, shoulders.2)
        .l(foot.1, foot.2)
        .z()
}

/// The monogram stamped on the quarter at `centre`; the shoe is done, the canvas back
/// on its floor line.
fn stamp(c: &mut Canvas, centre: (f32, f32)) {
    monogram_at(c, centre, (0.07, 0.03), Finish::Foil);
    c.shift(0.0, 0.0);
}

/// A derby: quarters laced over the vamp with five eyelets, a heel counter.
pub(super) fn derby(c: &mut Canvas) {
    c.shift(0.0, -0.08);
    sole(c);
    inside(c, (0.56, 0.415), (0.862, 0.452), 0.004);
    let vamp = low_upper((0.56, 0.415), (0.455, 0.47));
    upper(c, &vamp, ((0.3, 0.54), (0.455, 0.47)), |c| {
        // The quarter, laced over the vamp.
        let quarter = Path::new()
            .m(0.462, 0.466)
            .c(0.49, 0.54, 0.54, 0.61, 0.62, 0.66)
            .l(0.95, 0.7)
            .l(0.95, 0.38)
            .l(0.56, 0.38)
            .z();
        c.fill(&quarter.translated(-0.005, 0.002), Ink::Shade(60));
        c.fill(&quarter, Ink::Solid(Mat::BODY, 60));
        heel_counter(c, (0.895, 0.5), (0.81, 0.5));
        let counter_stitch = cubic(
            (0.893, 0.513),
            (0.82, 0.515),
            (0.787, 0.585),
            (0.795, 0.655),
        );
        stitch(c, &counter_stitch, THREAD);
        fold(c, &quad((0.66, 0.5), (0.7, 0.55), (0.72, 0.62)), 18);
    });
    stitched_seam(
        c,
        &cubic((0.462, 0.466), (0.49, 0.54), (0.54, 0.61), (0.62, 0.66)),
        &cubic(
            (0.476, 0.47),
            (0.505, 0.535),
            (0.553, 0.602),
            (0.628, 0.648),
        ),
    );
    let top_line = cubic((0.565, 0.43), (0.65, 0.47), (0.74, 0.498), (0.83, 0.472));
    stitch(c, &top_line, THREAD);
    // Tongue, eyelets and laces.
    let tongue = Path::new()
        .m(0.52, 0.435)
        .q(0.545, 0.4, 0.585, 0.398)
        .l(0.59, 0.412)
        .q(0.57, 0.418, 0.555, 0.43)
        .z();
    solid(c, &tongue, Mat::BODY);
    let lace = Ink::flat([0x2a, 0x24, 0x20]);
    let brass = Mat::Fixed(Swatch::new([0x8a, 0x7a, 0x5a], Texture::Metal));
    for i in 0..5 {
        let t = i as f32 / 4.0;
        let (x, y) = (0.478 + 0.072 * t, 0.468 - 0.045 * t);
        let cross = line(&[(x - 0.004, y - 0.002), (x + 0.016, y - 0.03)]);
        c.stroke(&cross, 0.0065, lace);
        stud(c, x, y, 0.0048, brass, false);
    }
    c.stroke(
        &quad((0.566, 0.392), (0.54, 0.375), (0.525, 0.385)),
        0.0055,
        lace,
    );
    c.stroke(
        &quad((0.566, 0.392), (0.58, 0.37), (0.56, 0.362)),
        0.0055,
        lace,
    );
    stamp(c, (0.71, 0.56));
}

/// A penny loafer: moccasin apron seam, saddle strap with its slot, a low collar.
pub(super) fn loafer(c: &mut Canvas) {
    c.shift(0.0, -0.08);
    sole(c);
    inside(c, (0.49, 0.49), (0.862, 0.452), 0.006);
    let vamp = low_upper((0.49, 0.49), (0.42, 0.51));
    upper(c, &vamp, ((0.3, 0.545), (0.42, 0.51)), |c| {
        // The moccasin apron: a raised seam over the toe with its hand stitches.
        let apron = cubic((0.1, 0.6), (0.16, 0.575), (0.3, 0.56), (0.45, 0.51));
        c.stroke(&apron.translated(0.0, -0.006), 0.006, Ink::Shade(-30));
        seam(c, &apron);
        for i in 0..12 {
            let t = i as f32 / 11.0;
            let (x, y) = (0.11 + 0.33 * t, 0.598 - 0.028 * t - 0.055 * t * t);
            let hand = line(&[(x - 0.003, y - 0.007), (x + 0.004, y + 0.004)]);
            c.stroke(&hand, HAIR, Ink::Flat(THREAD));
        }
        // Saddle strap across the vamp, with the penny slot.
        let strap = Path::new()
            .m(0.43, 0.505)
            .c(0.45, 0.56, 0.49, 0.62, 0.52, 0.655)
            .l(0.62, 0.66)
            .c(0.6, 0.6, 0.57, 0.54, 0.55, 0.49)
            .z();
        c.fill(&strap.translated(0.006, 0.004), Ink::Shade(90));
        c.fill(&strap, Ink::Solid(Mat::BODY, 50));
        let lit = cubic((0.43, 0.505), (0.45, 0.56), (0.49, 0.62), (0.52, 0.655));
        c.stroke(&lit, 0.006, Ink::Shade(-40));
        c.stroke(&strap, HAIR, Ink::Shade(130));
        let slot = Path::new()
            .m(0.483, 0.565)
            .q(0.525, 0.55, 0.575, 0.565)
            .q(0.525, 0.582, 0.483, 0.565)
            .z();
        c.fill(&slot, Ink::Shade(160));
        let near = cubic((0.442, 0.512), (0.462, 0.565), (0.5, 0.62), (0.528, 0.65));
        stitch(c, &near, THREAD);
        let far = cubic((0.61, 0.652), (0.59, 0.6), (0.562, 0.545), (0.542, 0.497));
        stitch(c, &far, THREAD);
        heel_counter(c, (0.895, 0.51), (0.81, 0.51));
        fold(c, &quad((0.66, 0.52), (0.7, 0.57), (0.72, 0.63)), 18);
    });
    let collar = cubic((0.48, 0.5), (0.6, 0.51), (0.75, 0.5), (0.86, 0.458));
    stitch(c, &collar, THREAD);
    stamp(c, (0.72, 0.57));
}

/// A Chelsea boot: an ankle shaft with an elastic side gusset and a pull tab.
pub(super) fn boot(c: &mut Canvas) {
    c.shift(0.0, -0.02);
    sole(c);
    // The pull tab, behind the top line, and the inside of the shaft.
    let tab = arch((0.79, 0.83, 0.2), (0.795, 0.825, 0.12), (0.81, 0.105));
    solid(c, &tab, Mat::BODY);
    let hole = arch((0.8, 0.82, 0.175), (0.803, 0.817, 0.13), (0.81, 0.122));
    c.fill(&hole, Ink::Shade(130));
    inside(c, (0.515, 0.17), (0.845, 0.165), 0.02);
    let shaft = Path::new()
        .m(0.075, 0.646)
        .c(0.052, 0.615, 0.068, 0.552, 0.165, 0.543)
        .c(0.3, 0.532, 0.42, 0.515, 0.47, 0.45)
        .c(0.51, 0.39, 0.52, 0.28, 0.515, 0.17)
        .q(0.68, 0.18, 0.845, 0.165)
        .c(0.84, 0.28, 0.85, 0.37, 0.875, 0.44)
        .c(0.905, 0.52, 0.91, 0.6, 0.9, 0.655)
        .z();
    upper(c, &shaft, ((0.35, 0.545), (0.47, 0.45)), |c| {
        // Elastic gusset.
        let gusset = Path::new()
            .m(0.62, 0.15)
            .l(0.74, 0.15)
            .c(0.735, 0.27, 0.715, 0.35, 0.68, 0.4)
            .c(0.645, 0.35, 0.625, 0.27, 0.62, 0.15)
            .z();
        let elastic =
            Mat::Chosen(|parts| Swatch::new(darker(parts.body.rgb, 130), Texture::Rubber));
        c.fill(&gusset, Ink::Material(elastic));
        for i in 0..13 {
            let x = 0.622 + 0.0097 * i as f32;
            let rib = line(&[(x, 0.15), (0.68 + (x - 0.68) * 0.15, 0.395)]);
            c.stroke(&rib, HAIR * 0.7, Ink::Shade(-28));
        }
        c.fill(&gusset, Ink::gradient((0.68, 0.15), (0.68, 0.4), 50, 0));
        seam(c, &gusset);
        let around = Path::new()
            .m(0.608, 0.15)
            .c(0.613, 0.28, 0.638, 0.36, 0.68, 0.415)
            .c(0.722, 0.36, 0.747, 0.28, 0.752, 0.15);
        stitch(c, &around, THREAD);
        // Ankle creases, the vamp seam and the heel counter.
        fold(c, &quad((0.46, 0.47), (0.5, 0.45), (0.54, 0.47)), 40);
        fold(c, &quad((0.43, 0.5), (0.47, 0.49), (0.52, 0.51)), 30);
        stitched_seam(
            c,
            &cubic((0.49, 0.41), (0.53, 0.5), (0.57, 0.6), (0.6, 0.66)),
            &cubic((0.503, 0.415), (0.543, 0.5), (0.583, 0.6), (0.613, 0.656)),
        );
        heel_counter(c, (0.89, 0.49), (0.81, 0.5));
    });
    stamp(c, (0.72, 0.55));
}
