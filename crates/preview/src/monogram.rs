//! Monograms: the bundled workshop font, which characters it covers, and a text laid out
//! as one outline centred in a box, ready to fill like any other shape.
//!
//! The font file is the one the workshops stitch, stamp and print with (see
//! `fonts/README.md`). A character it lacks is an error, never a substituted glyph.

use ab_glyph::{Font, FontRef, OutlineCurve};

use crate::Error;
use crate::geom::{P, Path, p};

/// The bundled monogram font (a subset of NanumMyeongjo Bold, SIL OFL 1.1).
pub const FONT_BYTES: &[u8] = include_bytes!("../fonts/gongbang-monogram-bold.ttf");

fn font() -> Option<FontRef<'static>> {
    FontRef::try_from_slice(FONT_BYTES).ok()
}

/// Whether the bundled monogram font has a glyph for `c`.
pub fn font_covers(c: char) -> bool {
    font().is_some_and(|f| f.glyph_id(c).0 != 0)
}

/// The first character of `text` the font cannot draw, as an error.
pub(crate) fn check(text: &str) -> Result<(), Error> {
    match text.chars().find(|&c| !font_covers(c)) {
        Some(character) => Err(Error::MissingGlyph { character }),
        None => Ok(()),
    }
}

/// The outline of `text`, as large as fits a `w` x `h` box centred on `(cx, cy)` (unit
/// coordinates), with `tracking` extra space between letters (in ems).
pub(crate) fn outline(text: &str, cx: f32, cy: f32, w: f32, h: f32, tracking: f32) -> Path {
    let Some(font) = font() else {
        return Path::new();
    };
    let em = font.units_per_em().unwrap_or(1000.0);
    let mut path = Path::new();
    let mut pen = 0.0;
    let mut prev = None;
    for c in text.chars() {
        let id = font.glyph_id(c);
        if let Some(before) = prev {
            pen += font.kern_unscaled(before, id) + tracking * em;
        }
        if let Some(o) = font.outline(id) {
            let at = |q: ab_glyph::Point| p(q.x + pen, -q.y);
            let mut glyph = Path::new();
            let mut last: Option<P> = None;
            for curve in &o.curves {
                let (start, end) = match *curve {
                    OutlineCurve::Line(a, b) => (a, b),
                    OutlineCurve::Quad(a, _, b) => (a, b),
                    OutlineCurve::Cubic(a, _, _, b) => (a, b),
                };
                if last != Some(at(start)) {
                    if last.is_some() {
                        glyph = glyph.z();
                    }
                    glyph = glyph.m(at(start).x, at(start).y);
                }
                glyph = match *curve {
                    OutlineCurve::Line(_, b) => glyph.l(at(b).x, at(b).y),
                    OutlineCurve::Quad(_, c1, b) => glyph.q(at(c1).x, at(c1).y, at(b).x, at(b).y),
                    OutlineCurve::Cubic(_, c1, c2, b) => {
                        glyph.c(at(c1).x, at(c1).y, at(c2).x, at(c2).y, at(b).x, at(b).y)
                    }
                };
                last = Some(at(end));
            }
            if last.is_some() {
                glyph = glyph.z();
            }
            path = path.with(glyph);
        }
        pen += font.h_advance_unscaled(id);
        prev = Some(id);
    }
    let Some((x0, y0, x1, y1)) = path.bounds() else {
        return path;
    };
    let k = (w / (x1 - x0).max(1.0)).min(h / (y1 - y0).max(1.0));
    let (mx, my) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    path.mapped(|q| p(cx + (q.x - mx) * k, cy + (q.y - my) * k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_font_covers_latin_and_the_workshop_hangul_only() {
        assert!(font_covers('A'));
        assert!(font_covers('z'));
        assert!(font_covers('7'));
        assert!(font_covers('&'));
        assert!(font_covers('김'));
        assert!(!font_covers('中'));
        assert!(!font_covers('é'));
    }

    #[test]
    fn a_missing_character_is_named() {
        assert_eq!(check("KJ"), Ok(()));
        assert_eq!(check("김A"), Ok(()));
        assert_eq!(check("K中J"), Err(Error::MissingGlyph { character: '中' }));
    }

    #[test]
    fn the_outline_fits_its_box() {
        let path = outline("MJK", 0.5, 0.5, 0.2, 0.1, 0.0);
        let (x0, y0, x1, y1) = path.bounds().expect("glyphs have outlines");
        assert!(x0 >= 0.4 - 1e-4 && x1 <= 0.6 + 1e-4, "{x0} {x1}");
        assert!(y0 >= 0.45 - 1e-4 && y1 <= 0.55 + 1e-4, "{y0} {y1}");
    }
}
