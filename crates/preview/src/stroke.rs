//! Strokes as outlines: a polyline split into dashes, and a line of some width turned
//! into small pieces (a quadrilateral per segment, an octagon per joint) that the
//! rasteriser fills. Pieces are all wound the same way, so where they overlap their
//! coverage adds up instead of cancelling.

use crate::geom::{P, Path, poly};

/// Splits polylines into dashes of length `dash` separated by `gap`.
pub(crate) fn dashes(lines: &[(Vec<P>, bool)], dash: f32, gap: f32) -> Vec<Vec<P>> {
    let mut out = Vec::new();
    for (pts, closed) in lines {
        let mut pts = pts.clone();
        if *closed && let Some(&first) = pts.first() {
            pts.push(first);
        }
        let mut on = true;
        let mut left = dash;
        let mut current = vec![pts[0]];
        for w in pts.windows(2) {
            let (mut a, b) = (w[0], w[1]);
            let mut len = a.dist(b);
            while len > 0.0 {
                if len < left {
                    left -= len;
                    if on {
                        current.push(b);
                    }
                    len = 0.0;
                } else {
                    let m = a.lerp(b, left / len);
                    if on {
                        current.push(m);
                        out.push(std::mem::take(&mut current));
                    } else {
                        current = vec![m];
                    }
                    len -= left;
                    a = m;
                    on = !on;
                    left = if on { dash } else { gap };
                }
            }
        }
        if on && current.len() > 1 {
            out.push(current);
        }
    }
    out
}

/// The outline of a stroke of half-width `hw` along a polyline, in pieces: one
/// quadrilateral per segment and a small octagon at each joint (and at the ends with
/// `round_caps`), in order along the line, all wound the same way so they add up.
pub(crate) fn stroke_outline(pts: &[P], closed: bool, hw: f32, round_caps: bool) -> Vec<Path> {
    let mut path = Vec::new();
    let n = pts.len();
    if n < 2 {
        return path;
    }
    let pieces = if closed { n } else { n - 1 };
    for i in 0..pieces {
        let (a, b) = (pts[i], pts[(i + 1) % n]);
        let len = a.dist(b);
        if len <= 0.0 {
            continue;
        }
        let (nx, ny) = (-(b.y - a.y) / len * hw, (b.x - a.x) / len * hw);
        if i > 0 || round_caps || closed {
            path.push(octagon(a, hw));
        }
        path.push(oriented(&[
            (a.x + nx, a.y + ny),
            (b.x + nx, b.y + ny),
            (b.x - nx, b.y - ny),
            (a.x - nx, a.y - ny),
        ]));
    }
    if round_caps && !closed {
        path.push(octagon(pts[n - 1], hw));
    }
    path
}

fn octagon(c: P, r: f32) -> Path {
    let k = r * 0.414_213_57;
    oriented(&[
        (c.x + r, c.y - k),
        (c.x + r, c.y + k),
        (c.x + k, c.y + r),
        (c.x - k, c.y + r),
        (c.x - r, c.y + k),
        (c.x - r, c.y - k),
        (c.x - k, c.y - r),
        (c.x + k, c.y - r),
    ])
}

/// A polygon wound clockwise on screen (positive signed area with `y` down).
fn oriented(points: &[(f32, f32)]) -> Path {
    let mut area = 0.0;
    for i in 0..points.len() {
        let (a, b) = (points[i], points[(i + 1) % points.len()]);
        area += a.0 * b.1 - b.0 * a.1;
    }
    if area < 0.0 {
        let rev: Vec<_> = points.iter().rev().copied().collect();
        poly(&rev)
    } else {
        poly(points)
    }
}
