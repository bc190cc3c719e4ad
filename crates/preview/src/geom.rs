//! Vector outlines in the unit square: contours of lines and Bézier curves, the shapes
//! the drawings are made of, and their flattening into polylines for strokes.
//!
//! Coordinates are `f32` with `x` to the right and `y` down, `0..1` across the picture.
//! Only `+ - * /` and `sqrt` are used, which IEEE 754 defines exactly, so the same
//! outline gives the same numbers on x86_64 and wasm32.

/// A point in unit coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct P {
    pub x: f32,
    pub y: f32,
}

/// Shorthand for a point.
pub(crate) const fn p(x: f32, y: f32) -> P {
    P { x, y }
}

impl P {
    pub fn lerp(self, o: P, t: f32) -> P {
        p(self.x + (o.x - self.x) * t, self.y + (o.y - self.y) * t)
    }

    pub fn dist(self, o: P) -> f32 {
        let (dx, dy) = (o.x - self.x, o.y - self.y);
        (dx * dx + dy * dy).sqrt()
    }
}

/// One piece of a contour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Seg {
    Line(P, P),
    Quad(P, P, P),
    Cubic(P, P, P, P),
}

impl Seg {
    fn map(self, f: impl Fn(P) -> P) -> Seg {
        match self {
            Seg::Line(a, b) => Seg::Line(f(a), f(b)),
            Seg::Quad(a, b, c) => Seg::Quad(f(a), f(b), f(c)),
            Seg::Cubic(a, b, c, d) => Seg::Cubic(f(a), f(b), f(c), f(d)),
        }
    }

    fn reversed(self) -> Seg {
        match self {
            Seg::Line(a, b) => Seg::Line(b, a),
            Seg::Quad(a, b, c) => Seg::Quad(c, b, a),
            Seg::Cubic(a, b, c, d) => Seg::Cubic(d, c, b, a),
        }
    }

    fn end(self) -> P {
        match self {
            Seg::Line(_, b) | Seg::Quad(_, _, b) | Seg::Cubic(_, _, _, b) => b,
        }
    }

    /// Points along the piece, the start excluded, at most about `step` apart.
    fn flatten_into(self, step: f32, out: &mut Vec<P>) {
        let hull = match self {
            Seg::Line(_, b) => {
                out.push(b);
                return;
            }
            Seg::Quad(a, b, c) => a.dist(b) + b.dist(c),
            Seg::Cubic(a, b, c, d) => a.dist(b) + b.dist(c) + c.dist(d),
        };
        let n = ((hull / step).ceil() as usize).clamp(2, 96);
        for i in 1..=n {
            let t = i as f32 / n as f32;
            out.push(match self {
                Seg::Line(_, b) => b,
                Seg::Quad(a, b, c) => a.lerp(b, t).lerp(b.lerp(c, t), t),
                Seg::Cubic(a, b, c, d) => {
                    let (ab, bc, cd) = (a.lerp(b, t), b.lerp(c, t), c.lerp(d, t));
                    ab.lerp(bc, t).lerp(bc.lerp(cd, t), t)
                }
            });
        }
    }
}

/// A contour: connected pieces, closed for fills (always) and for strokes (if `closed`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Contour {
    pub segs: Vec<Seg>,
    pub closed: bool,
}

/// An outline made of contours, built with a small pen API (`m`, `l`, `q`, `c`, `z`).
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Path {
    pub contours: Vec<Contour>,
    start: Option<P>,
    cur: Option<P>,
}

impl Path {
    pub fn new() -> Path {
        Path::default()
    }

    /// Moves the pen, starting a new contour.
    pub fn m(mut self, x: f32, y: f32) -> Path {
        self.contours.push(Contour {
            segs: Vec::new(),
            closed: false,
        });
        self.start = Some(p(x, y));
        self.cur = Some(p(x, y));
        self
    }

    fn push(mut self, seg: Seg) -> Path {
        self.cur = Some(seg.end());
        if let Some(c) = self.contours.last_mut() {
            c.segs.push(seg);
        }
        self
    }

    fn here(&self) -> P {
        self.cur.unwrap_or(p(0.0, 0.0))
    }

    /// A straight line to `(x, y)`.
    pub fn l(self, x: f32, y: f32) -> Path {
        let a = self.here();
        self.push(Seg::Line(a, p(x, y)))
    }

    /// A quadratic curve through control `(cx, cy)` to `(x, y)`.
    pub fn q(self, cx: f32, cy: f32, x: f32, y: f32) -> Path {
        let a = self.here();
        self.push(Seg::Quad(a, p(cx, cy), p(x, y)))
    }

    /// A cubic curve through controls `(ax, ay)`, `(bx, by)` to `(x, y)`.
    #[allow(clippy::too_many_arguments)]
    pub fn c(self, ax: f32, ay: f32, bx: f32, by: f32, x: f32, y: f32) -> Path {
        let a = self.here();
        self.push(Seg::Cubic(a, p(ax, ay), p(bx, by), p(x, y)))
    }

    /// Closes the contour with a line back to its start.
    pub fn z(mut self) -> Path {
        if let (Some(s), Some(c)) = (self.start, self.cur)
            && s != c
        {
            self = self.push(Seg::Line(c, s));
        }
        if let Some(c) = self.contours.last_mut() {
            c.closed = true;
        }
        self
    }

    /// Closes the current contour, which runs down the right half of a symmetric shape
    /// from `(axis, top)` to `(axis, bottom)`, with its mirror image about `x = axis`.
    pub fn mirror_z(mut self, axis: f32) -> Path {
        if let Some(c) = self.contours.last_mut() {
            let right = c.segs.clone();
            for seg in right.into_iter().rev() {
                c.segs
                    .push(seg.reversed().map(|q| p(2.0 * axis - q.x, q.y)));
            }
            c.closed = true;
        }
        self.cur = self.start;
        self
    }

    /// All contours of `other` added to this path (for fills, overlapping contours of the
    /// same direction add up).
    pub fn with(mut self, other: Path) -> Path {
        self.contours.extend(other.contours);
        self
    }

    /// This path moved by `(dx, dy)`.
    pub fn translated(&self, dx: f32, dy: f32) -> Path {
        self.mapped(|q| p(q.x + dx, q.y + dy))
    }

    /// This path mirrored about the vertical line `x = axis` (contours reversed, so
    /// the winding stays the same).
    pub fn mirrored(&self, axis: f32) -> Path {
        let mut out = self.mapped(|q| p(2.0 * axis - q.x, q.y));
        for c in &mut out.contours {
            c.segs = c.segs.iter().rev().map(|s| s.reversed()).collect();
        }
        out
    }

    /// This path with every point moved by `f`.
    pub fn mapped(&self, f: impl Fn(P) -> P + Copy) -> Path {
        Path {
            contours: self
                .contours
                .iter()
                .map(|c| Contour {
                    segs: c.segs.iter().map(|s| s.map(f)).collect(),
                    closed: c.closed,
                })
                .collect(),
            start: self.start.map(f),
            cur: self.cur.map(f),
        }
    }

    /// The smallest box holding every point and control point: `(x0, y0, x1, y1)`.
    pub fn bounds(&self) -> Option<(f32, f32, f32, f32)> {
        let mut b: Option<(f32, f32, f32, f32)> = None;
        let mut add = |q: P| {
            b = Some(match b {
                None => (q.x, q.y, q.x, q.y),
                Some((x0, y0, x1, y1)) => (x0.min(q.x), y0.min(q.y), x1.max(q.x), y1.max(q.y)),
            });
        };
        for c in &self.contours {
            for s in &c.segs {
                match *s {
                    Seg::Line(a, b2) => {
                        add(a);
                        add(b2);
                    }
                    Seg::Quad(a, b2, c2) => {
                        add(a);
                        add(b2);
                        add(c2);
                    }
                    Seg::Cubic(a, b2, c2, d) => {
                        add(a);
                        add(b2);
                        add(c2);
                        add(d);
                    }
                }
            }
        }
        b
    }

    /// Each contour as a polyline with points at most about `step` apart.
    pub fn polylines(&self, step: f32) -> Vec<(Vec<P>, bool)> {
        self.contours
            .iter()
            .filter_map(|c| {
                let first = c.segs.first()?;
                let start = match *first {
                    Seg::Line(a, _) | Seg::Quad(a, _, _) | Seg::Cubic(a, _, _, _) => a,
                };
                let mut pts = vec![start];
                for s in &c.segs {
                    s.flatten_into(step, &mut pts);
                }
                Some((pts, c.closed))
            })
            .collect()
    }
}

/// An axis-aligned rectangle.
pub(crate) fn rect(x0: f32, y0: f32, x1: f32, y1: f32) -> Path {
    Path::new().m(x0, y0).l(x1, y0).l(x1, y1).l(x0, y1).z()
}

/// A rectangle with corners rounded by `r`.
pub(crate) fn round_rect(x0: f32, y0: f32, x1: f32, y1: f32, r: f32) -> Path {
    let k = r * 0.4477;
    Path::new()
        .m(x0 + r, y0)
        .l(x1 - r, y0)
        .c(x1 - k, y0, x1, y0 + k, x1, y0 + r)
        .l(x1, y1 - r)
        .c(x1, y1 - k, x1 - k, y1, x1 - r, y1)
        .l(x0 + r, y1)
        .c(x0 + k, y1, x0, y1 - k, x0, y1 - r)
        .l(x0, y0 + r)
        .c(x0, y0 + k, x0 + k, y0, x0 + r, y0)
        .z()
}

/// An ellipse centred on `(cx, cy)` with radii `rx`, `ry` (four cubic arcs).
pub(crate) fn ellipse(cx: f32, cy: f32, rx: f32, ry: f32) -> Path {
    const K: f32 = 0.552_284_8;
    let (kx, ky) = (rx * K, ry * K);
    Path::new()
        .m(cx, cy - ry)
        .c(cx + kx, cy - ry, cx + rx, cy - ky, cx + rx, cy)
        .c(cx + rx, cy + ky, cx + kx, cy + ry, cx, cy + ry)
        .c(cx - kx, cy + ry, cx - rx, cy + ky, cx - rx, cy)
        .c(cx - rx, cy - ky, cx - kx, cy - ry, cx, cy - ry)
        .z()
}

/// A closed polygon through the points.
pub(crate) fn poly(points: &[(f32, f32)]) -> Path {
    let mut path = Path::new();
    for (i, &(x, y)) in points.iter().enumerate() {
        path = if i == 0 { path.m(x, y) } else { path.l(x, y) };
    }
    path.z()
}

/// An open line through the points (for strokes).
pub(crate) fn line(points: &[(f32, f32)]) -> Path {
    let mut path = Path::new();
    for (i, &(x, y)) in points.iter().enumerate() {
        path = if i == 0 { path.m(x, y) } else { path.l(x, y) };
    }
    path
}

/// An open quadratic curve from `a` through control `b` to `c` (for strokes).
pub(crate) fn quad(a: (f32, f32), b: (f32, f32), c: (f32, f32)) -> Path {
    Path::new().m(a.0, a.1).q(b.0, b.1, c.0, c.1)
}

/// An open cubic curve from `a` through controls `b`, `c` to `d` (for strokes).
pub(crate) fn cubic(a: (f32, f32), b: (f32, f32), c: (f32, f32), d: (f32, f32)) -> Path {
    Path::new().m(a.0, a.1).c(b.0, b.1, c.0, c.1, d.0, d.1)
}
