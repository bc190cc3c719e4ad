//! Printed goods: the card, the notebook and the poster. The body swatch is the paper
//! or cover; the trim is the ink (and the notebook's elastic). The traveller's artwork
//! fills the print area; without one, a placeholder shows where it goes.

use crate::art::kit::{HAIR, drop_shadow, graded, outline, part, solid};
use crate::canvas::Canvas;
use crate::geom::{Path, line, rect, round_rect};
use crate::ink::{Ink, Mat};
use crate::slots::{Finish, Turn, artwork_in, monogram_at, monogram_turned};
use crate::studio::floor_shadow;
use crate::{Swatch, Texture};

/// A flat sheet of the body paper with a faint paper shading.
fn sheet(c: &mut Canvas, path: &Path) {
    part(c, path, Mat::BODY, 25);
}

/// Two cards: the back of one, turned, with the monogram; the front of another, with the
/// artwork.
pub(super) fn card(c: &mut Canvas) {
    floor_shadow(c, 0.5, 0.86, 0.38, 0.04, 50);
    // Turned by 8 degrees (its cosine and sine) about the middle of the back card.
    let turn = Turn {
        cx: 0.64,
        cy: 0.44,
        cos: 0.990_268_1,
        sin: 0.139_173_1,
    };
    let back = turn.path(&rect(0.47, 0.2, 0.81, 0.68));
    drop_shadow(c, &back, 0.008, 0.012);
    sheet(c, &back);
    monogram_turned(c, (0.68, 0.4), (0.14, 0.07), Finish::Print, Some(turn));
    let front = rect(0.17, 0.32, 0.51, 0.8);
    drop_shadow(c, &front, 0.008, 0.012);
    sheet(c, &front);
    artwork_in(c, (0.195, 0.345, 0.485, 0.775));
}

/// A notebook: cloth spine, cover with the artwork, page block at the fore-edge, an
/// elastic band in the trim colour, and the monogram stamped at the foot of the cover.
pub(super) fn notebook(c: &mut Canvas) {
    floor_shadow(c, 0.5, 0.88, 0.34, 0.035, 70);
    let pages = round_rect(0.24, 0.13, 0.78, 0.865, 0.01);
    c.fill(&pages, Ink::flat([0xf2, 0xed, 0xe0]));
    for i in 0..6 {
        let d = 0.003 * i as f32;
        let edge = line(&[(0.77 - d, 0.15), (0.77 - d, 0.85)]);
        c.stroke(&edge, HAIR * 0.5, Ink::Shade(30));
        let foot = line(&[(0.26, 0.857 - d), (0.77, 0.857 - d)]);
        c.stroke(&foot, HAIR * 0.5, Ink::Shade(30));
    }
    outline(c, &pages);
    let cover = round_rect(0.22, 0.12, 0.76, 0.85, 0.012);
    solid(c, &cover, Mat::BODY);
    // Spine.
    let spine = round_rect(0.22, 0.12, 0.285, 0.85, 0.012);
    c.fill(&spine, Ink::Shade(40));
    let hinge = line(&[(0.285, 0.12), (0.285, 0.85)]);
    c.stroke(&hinge, HAIR, Ink::Shade(100));
    let lit = line(&[(0.291, 0.12), (0.291, 0.85)]);
    c.stroke(&lit, HAIR, Ink::Shade(-40));
    artwork_in(c, (0.34, 0.2, 0.68, 0.62));
    c.stroke(&rect(0.34, 0.2, 0.68, 0.62), HAIR * 0.6, Ink::Shade(40));
    // Elastic band.
    let band = rect(0.7, 0.115, 0.722, 0.855);
    let elastic = Mat::Chosen(|parts| Swatch::new(parts.trim.rgb, Texture::Rubber));
    c.fill(&band.translated(0.004, 0.0), Ink::Shade(60));
    let m = c.mask(&band);
    graded(
        c,
        &m,
        Ink::Material(elastic),
        ((0.7, 0.5), (0.722, 0.5)),
        (-30, 40),
    );
    outline(c, &band);
    monogram_at(c, (0.51, 0.74), (0.2, 0.055), Finish::Foil);
}

/// A poster hung on the wall by two clips: the artwork with a white margin and the
/// monogram printed small in the bottom margin.
pub(super) fn poster(c: &mut Canvas) {
    let paper = rect(0.2, 0.1, 0.8, 0.9);
    drop_shadow(c, &paper, 0.01, 0.014);
    sheet(c, &paper);
    artwork_in(c, (0.24, 0.14, 0.76, 0.8));
    monogram_at(c, (0.5, 0.85), (0.14, 0.03), Finish::Print);
    let steel = Mat::Fixed(Swatch::new([0x9a, 0x9e, 0xa4], Texture::Metal));
    let wire = Mat::Fixed(Swatch::new([0xc4, 0xc8, 0xcc], Texture::Metal));
    let black = Mat::Fixed(Swatch::new([0x26, 0x27, 0x2a], Texture::Metal));
    for x in [0.3, 0.7] {
        // A binder clip: folded wire handles over a black steel jaw.
        for dx in [-0.022, 0.022] {
            let handle = line(&[(x + dx, 0.09), (x + dx * 1.3, 0.035), (x - dx * 0.2, 0.035)]);
            c.stroke(&handle.translated(0.002, 0.004), 0.005, Ink::Shade(50));
            c.stroke(&handle, 0.005, Ink::Material(wire));
        }
        let jaw = Path::new()
            .m(x - 0.03, 0.13)
            .l(x - 0.036, 0.08)
            .q(x, 0.07, x + 0.036, 0.08)
            .l(x + 0.03, 0.13)
            .z();
        c.fill(&jaw.translated(0.003, 0.006), Ink::Shade(70));
        solid(c, &jaw, black);
        let lip = line(&[(x - 0.03, 0.124), (x + 0.03, 0.124)]);
        c.stroke(&lip, HAIR, Ink::Material(steel));
    }
}
