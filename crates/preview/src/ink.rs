//! What shapes are painted with: [`Ink`]s, and the materials they name ([`Mat`]), either
//! fixed by the drawing or picked from the traveller's choice when the drawing is painted.
//!
//! A drawing is recorded once per art kind and size without knowing the chosen swatches;
//! an ink that names a chosen material is what makes a pixel depend on the choice.

use crate::geom::{P, p};
use crate::parts::Parts;
use crate::{Swatch, Texture};

/// A material as a drawing names it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Mat {
    /// The same whatever the traveller chooses (brass eyelets, a lining, black ink).
    Fixed(Swatch),
    /// Worked out from the chosen body and trim when the drawing is painted.
    Chosen(fn(&Parts<'_>) -> Swatch),
}

impl Mat {
    /// The chosen body material.
    pub const BODY: Mat = Mat::Chosen(|parts| parts.body);
    /// The chosen trim material.
    pub const TRIM: Mat = Mat::Chosen(|parts| parts.trim);

    /// A fixed flat colour.
    pub const fn rgb(rgb: [u8; 3]) -> Mat {
        Mat::Fixed(Swatch::new(rgb, Texture::Plain))
    }

    /// The swatch, given the choice.
    pub fn resolve(self, parts: &Parts<'_>) -> Swatch {
        match self {
            Mat::Fixed(sw) => sw,
            Mat::Chosen(pick) => pick(parts),
        }
    }
}

/// What a shape is painted with.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Ink {
    /// A flat colour: the material's colour, without light or texture.
    Flat(Mat),
    /// A material: its colour under the studio light, with its texture.
    Material(Mat),
    /// Darkens what is below by `n`/255 (negative `n` lightens toward white).
    Shade(i32),
    /// A shade that runs linearly from `n0` at `a` to `n1` at `b` (unit coordinates).
    Gradient { a: P, b: P, n0: i32, n1: i32 },
    /// The material's colour laid over what is below at `alpha`/255.
    Glaze(Mat, u8),
    /// A material with round-body shading over the mask's box (see
    /// [`Volume`](crate::blend::Volume)), at `depth` percent of the usual strength.
    Solid(Mat, i32),
}

impl Ink {
    /// A fixed flat colour.
    pub const fn flat(rgb: [u8; 3]) -> Ink {
        Ink::Flat(Mat::rgb(rgb))
    }

    /// A [`Ink::Gradient`] from `n0` at `a` to `n1` at `b`.
    pub fn gradient(a: (f32, f32), b: (f32, f32), n0: i32, n1: i32) -> Ink {
        Ink::Gradient {
            a: p(a.0, a.1),
            b: p(b.0, b.1),
            n0,
            n1,
        }
    }
}
