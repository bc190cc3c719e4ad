//! What a recommendation answers: the size and its runner-up, each measured area with
//! the numbers its label comes from, and the made-to-measure alterations (each capped at
//! [`ADJUSTMENT_CAP`]). Both modes of [`super::recommend`] fill it in, and
//! `score::finish` completes it.

use crate::advice::Advice;
use crate::chart::{AreaLabel, Band};
use crate::point::Point;
use crate::units::Length;

/// The largest alteration of one point of a made-to-measure garment; beyond it the
/// workshop drafts a custom pattern.
pub const ADJUSTMENT_CAP: Length = Length::mm(40);

/// The size to make and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Recommendation {
    /// The value code of the recommended size.
    pub size: &'static str,
    /// The next best size, if the chart has another that could be worn.
    pub runner_up: Option<&'static str>,
    /// How far the answer can be trusted, 0 to 1 (input quality, coverage, margin).
    pub confidence: f32,
    /// The recommended size at every measured point of the chart, in chart order.
    pub areas: Vec<Area>,
    /// Made-to-measure alterations of the recommended size (non-zero ones only).
    pub adjustments: Vec<Adjustment>,
    /// What to tell the traveller, most useful first.
    pub advice: Vec<Advice>,
}

/// One point of the recommended size, with the numbers its label comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Area {
    /// The point of measure.
    pub point: Point,
    /// `band.label(ease_mm)`.
    pub label: AreaLabel,
    /// The traveller's body (body mode).
    pub body_mm: Option<Length>,
    /// The traveller's own garment (reference-garment mode).
    pub reference_mm: Option<Length>,
    /// The finished garment of the recommended size.
    pub garment_mm: Length,
    /// `garment_mm` minus the body or the reference garment.
    pub ease_mm: Length,
    /// The ease wanted: the fit's band, or in reference mode a band around zero.
    pub band: Band,
}

/// A made-to-measure alteration of one point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Adjustment {
    /// The point altered.
    pub point: Point,
    /// How much larger (or, negative, smaller) to cut it, at most [`ADJUSTMENT_CAP`].
    pub delta_mm: Length,
}
