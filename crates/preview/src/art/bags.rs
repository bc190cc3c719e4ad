//! Bags and small leather goods, from the front: the tote, the crossbody, the open
//! bifold wallet and the key holder. The body swatch is the leather or canvas; the trim
//! is the hardware (rivets, rings, clasps). Monograms are hot-stamped.

use crate::art::kit::{HAIR, THREAD, graded, outline, raised, seam, solid, stitch, stud};
use crate::blend::darker;
use crate::canvas::Canvas;
use crate::geom::{Path, cubic, ellipse, line, poly, quad, round_rect};
use crate::ink::{Ink, Mat};
use crate::slots::{Finish, monogram_at};
use crate::studio::floor_shadow;
use crate::{Swatch, Texture};

/// The painted edges of cut leather: the body colour, much darker.
const EDGE: Mat = Mat::Chosen(|parts| Swatch::new(darker(parts.body.rgb, 110), Texture::Plain));

/// A strap of the body leather along `path`, `width` wide, with dark painted edges;
/// darker when it is the far one, `behind` the bag.
fn strap(c: &mut Canvas, path: &Path, width: f32, behind: bool) {
    c.stroke(&path.translated(0.003, 0.005), width, Ink::Shade(50));
    let edge = c.stroke_mask(path, width);
    c.paint(&edge, Ink::Flat(EDGE));
    let face = c.stroke_mask(path, width - HAIR * 2.0);
    c.paint(&face, Ink::Material(Mat::BODY));
    if behind {
        c.paint(&face, Ink::Shade(70));
    }
}

/// A painted edge along a straight cut from `a` to `b`.
fn cut(c: &mut Canvas, a: (f32, f32), b: (f32, f32)) {
    c.stroke(&line(&[a, b]), 0.004, Ink::Flat(EDGE));
}

/// A pocket in the body leather: the shadow of its mouth just above it (`shadow`/255),
/// the leather modelled from the mouth down along `light` by `shades`.
fn pocket(
    c: &mut Canvas,
    path: &Path,
    shadow: i32,
    light: ((f32, f32), (f32, f32)),
    shades: (i32, i32),
) {
    c.fill(&path.translated(0.0, -0.004), Ink::Shade(shadow));
    let m = c.mask(path);
    graded(c, &m, Ink::Material(Mat::BODY), light, shades);
}

/// The tote: an open trapezoid with two handles, riveted tabs and a stamp at the front.
pub(super) fn tote(c: &mut Canvas) {
    floor_shadow(c, 0.5, 0.88, 0.36, 0.035, 80);
    let handle = cubic((0.37, 0.4), (0.37, 0.1), (0.63, 0.1), (0.63, 0.4));
    strap(c, &handle.translated(0.03, -0.012), 0.032, true);
    // Body and the dark opening along its top.
    let body = Path::new()
        .m(0.5, 0.34)
        .l(0.76, 0.34)
        .l(0.8, 0.82)
        .q(0.8, 0.86, 0.76, 0.86)
        .l(0.5, 0.86)
        .mirror_z(0.5);
    let opening = Path::new()
        .m(0.24, 0.34)
        .q(0.5, 0.31, 0.76, 0.34)
        .q(0.5, 0.35, 0.24, 0.34)
        .z();
    c.fill(&opening, Ink::Material(Mat::BODY));
    c.fill(&opening, Ink::Shade(150));
    solid(c, &body, Mat::BODY);
    // Top hem and side seams.
    stitch(c, &line(&[(0.245, 0.36), (0.755, 0.36)]), THREAD);
    stitch(c, &line(&[(0.26, 0.345), (0.29, 0.85)]), THREAD);
    stitch(c, &line(&[(0.74, 0.345), (0.71, 0.85)]), THREAD);
    seam(c, &quad((0.2, 0.8), (0.5, 0.805), (0.8, 0.8)));
    // Front handle with riveted tabs.
    strap(c, &handle, 0.032, false);
    for x in [0.37, 0.63] {
        let tab = round_rect(x - 0.03, 0.33, x + 0.03, 0.43, 0.01);
        solid(c, &tab, Mat::BODY);
        let rim = round_rect(x - 0.022, 0.338, x + 0.022, 0.422, 0.006);
        stitch(c, &rim, THREAD);
        stud(c, x, 0.39, 0.0105, Mat::TRIM, false);
    }
    monogram_at(c, (0.5, 0.6), (0.18, 0.07), Finish::Foil);
}

/// The crossbody: a soft rectangle with a rounded flap, a turn-lock, D-rings and a
/// shoulder strap; the monogram is stamped on the flap.
pub(super) fn crossbody(c: &mut Canvas) {
    floor_shadow(c, 0.5, 0.85, 0.33, 0.035, 80);
    let sling = cubic((0.225, 0.44), (0.22, 0.1), (0.78, 0.1), (0.775, 0.44));
    strap(c, &sling, 0.026, true);
    let body = round_rect(0.2, 0.42, 0.8, 0.83, 0.06);
    solid(c, &body, Mat::BODY);
    stitch(c, &round_rect(0.212, 0.432, 0.788, 0.818, 0.05), THREAD);
    // D-rings on the sides, and the strap ends.
    for x in [0.2, 0.8] {
        let ring = quad(
            (x, 0.42),
            (x + if x < 0.5 { -0.03 } else { 0.03 }, 0.44),
            (x, 0.465),
        );
        let m = c.stroke_mask(&ring, 0.01);
        let light = ((x, 0.42), (x, 0.465));
        graded(c, &m, Ink::Material(Mat::TRIM), light, (-60, 60));
        outline(c, &ring);
    }
    // Flap.
    let flap = Path::new()
        .m(0.5, 0.42)
        .l(0.78, 0.42)
        .q(0.8, 0.42, 0.8, 0.44)
        .l(0.8, 0.6)
        .c(0.8, 0.68, 0.72, 0.7, 0.64, 0.7)
        .l(0.5, 0.7)
        .mirror_z(0.5);
    raised(c, &flap, Mat::BODY, 70, (0.0, 0.01));
    let flap_stitch = Path::new()
        .m(0.212, 0.44)
        .l(0.212, 0.6)
        .c(0.212, 0.67, 0.28, 0.688, 0.36, 0.688)
        .l(0.64, 0.688)
        .c(0.72, 0.688, 0.788, 0.67, 0.788, 0.6)
        .l(0.788, 0.44);
    stitch(c, &flap_stitch, THREAD);
    // Turn-lock.
    let plate = round_rect(0.455, 0.655, 0.545, 0.72, 0.012);
    c.fill(&plate.translated(0.002, 0.005), Ink::Shade(80));
    let m = c.mask(&plate);
    let light = ((0.455, 0.655), (0.545, 0.72));
    graded(c, &m, Ink::Material(Mat::TRIM), light, (-50, 50));
    outline(c, &plate);
    stud(c, 0.5, 0.6875, 0.014, Mat::TRIM, false);
    monogram_at(c, (0.5, 0.545), (0.16, 0.055), Finish::Foil);
}

/// The open bifold wallet: card slots on the left, a full pocket with the stamp on the
/// right, painted edges and stitching all round.
pub(super) fn wallet(c: &mut Canvas) {
    floor_shadow(c, 0.5, 0.76, 0.4, 0.03, 70);
    let shell = round_rect(0.12, 0.28, 0.88, 0.74, 0.025);
    solid(c, &shell, Mat::BODY);
    c.stroke(&shell, 0.005, Ink::Flat(EDGE));
    stitch(c, &round_rect(0.133, 0.293, 0.867, 0.727, 0.018), THREAD);
    // The fold.
    c.clip(&shell);
    let left = round_rect(0.44, 0.27, 0.5, 0.75, 0.0);
    c.fill(&left, Ink::gradient((0.44, 0.5), (0.5, 0.5), 0, 60));
    let right = round_rect(0.5, 0.27, 0.56, 0.75, 0.0);
    c.fill(&right, Ink::gradient((0.5, 0.5), (0.56, 0.5), 40, 0));
    c.unclip();
    // Card slots, back to front, with cards peeking out.
    let cards: [[u8; 3]; 3] = [[0x2f, 0x5d, 0x8a], [0xe8, 0xe2, 0xd4], [0x8c, 0x2f, 0x39]];
    for (i, card) in cards.iter().enumerate() {
        let y = 0.355 + 0.08 * i as f32;
        let peek = round_rect(0.19 + 0.012 * i as f32, y - 0.035, 0.41, y + 0.05, 0.008);
        let m = c.mask(&peek);
        let light = ((0.2, y - 0.035), (0.2, y));
        graded(c, &m, Ink::flat(*card), light, (-20, 40));
        outline(c, &peek);
        // Only the last pocket shows its whole depth; the others end under the next.
        let bottom = if i + 1 < cards.len() { y + 0.09 } else { 0.71 };
        let slot = Path::new()
            .m(0.155, y)
            .l(0.295, y)
            .q(0.3, y + 0.012, 0.305, y)
            .l(0.445, y)
            .l(0.445, bottom)
            .l(0.155, bottom)
            .z();
        pocket(c, &slot, 60, ((0.3, y), (0.3, y + 0.1)), (-18, 16));
        cut(c, (0.155, y), (0.295, y));
        cut(c, (0.305, y), (0.445, y));
    }
    let slots_stitch = line(&[(0.165, 0.52), (0.165, 0.7), (0.435, 0.7), (0.435, 0.52)]);
    stitch(c, &slots_stitch, THREAD);
    // Right pocket.
    let right = round_rect(0.555, 0.36, 0.845, 0.71, 0.01);
    pocket(c, &right, 50, ((0.7, 0.36), (0.7, 0.71)), (-16, 18));
    cut(c, (0.555, 0.36), (0.845, 0.36));
    let pocket_stitch = line(&[(0.565, 0.37), (0.565, 0.7), (0.835, 0.7), (0.835, 0.37)]);
    stitch(c, &pocket_stitch, THREAD);
    monogram_at(c, (0.7, 0.53), (0.17, 0.07), Finish::Foil);
}

/// The key holder: a leather tab folded round a ring, riveted, with a key on the ring;
/// the monogram is stamped on the tab.
pub(super) fn key_holder(c: &mut Canvas) {
    let steel = Mat::Fixed(Swatch::new([0xb4, 0xb8, 0xbc], Texture::Metal));
    floor_shadow(c, 0.52, 0.86, 0.27, 0.03, 70);
    // A key hanging from the ring, behind the tab.
    let key_blade = poly(&[
        (0.32, 0.27),
        (0.2, 0.52),
        (0.22, 0.53),
        (0.235, 0.505),
        (0.25, 0.51),
        (0.26, 0.485),
        (0.275, 0.49),
        (0.285, 0.465),
        (0.3, 0.47),
        (0.345, 0.28),
    ]);
    let key_head = ellipse(0.345, 0.25, 0.05, 0.045);
    let hole = ellipse(0.355, 0.235, 0.012, 0.012);
    let key = key_blade.with(key_head);
    raised(c, &key, steel, 80, (0.01, 0.015));
    let wall = Mat::Fixed(Swatch::new([0xee, 0xec, 0xe8], Texture::Plain));
    c.fill(&hole, Ink::Material(wall));
    outline(c, &hole);
    // The ring.
    let ring = ellipse(0.45, 0.2, 0.085, 0.085);
    c.stroke(&ring.translated(0.004, 0.008), 0.016, Ink::Shade(60));
    let light = ((0.37, 0.12), (0.53, 0.28));
    let m = c.stroke_mask(&ring, 0.016);
    graded(c, &m, Ink::Material(Mat::TRIM), light, (-60, 60));
    let inner = c.stroke_mask(&ring, 0.011);
    c.paint(&m, Ink::Shade(90));
    graded(c, &inner, Ink::Material(Mat::TRIM), light, (-70, 50));
    // The tab.
    let tab = Path::new()
        .m(0.525, 0.24)
        .l(0.6, 0.24)
        .q(0.615, 0.24, 0.615, 0.26)
        .l(0.615, 0.74)
        .q(0.615, 0.82, 0.525, 0.82)
        .q(0.435, 0.82, 0.435, 0.74)
        .l(0.435, 0.26)
        .q(0.435, 0.24, 0.45, 0.24)
        .z();
    c.fill(&tab.translated(0.006, 0.012), Ink::Shade(60));
    solid(c, &tab, Mat::BODY);
    c.stroke(&tab, 0.004, Ink::Flat(EDGE));
    let rim = Path::new()
        .m(0.447, 0.32)
        .l(0.447, 0.74)
        .q(0.447, 0.806, 0.525, 0.806)
        .q(0.603, 0.806, 0.603, 0.74)
        .l(0.603, 0.32);
    stitch(c, &rim, THREAD);
    // The fold over the ring and its rivet.
    let fold = round_rect(0.435, 0.24, 0.615, 0.275, 0.012);
    c.fill(&fold, Ink::Shade(-24));
    seam(c, &line(&[(0.437, 0.31), (0.613, 0.31)]));
    stud(c, 0.525, 0.29, 0.012, Mat::TRIM, false);
    monogram_at(c, (0.525, 0.58), (0.12, 0.09), Finish::Foil);
}
