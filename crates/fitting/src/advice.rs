//! Advice beside a size: what to measure next, between sizes, alterations past a step.
//!
//! Each piece has a stable code for the widget to word in the traveller's language, and
//! an English text (its `Display`) for everyone else.

use std::fmt;

use crate::point::Point;
use crate::units::Length;

/// Something to tell the traveller beside the size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Advice {
    /// A decisive point is missing: measuring it would raise the confidence.
    MeasureNext(Point),
    /// This decisive point was estimated: a tape measurement would raise the confidence.
    Remeasure(Point),
    /// Two neighbouring sizes fit about equally well.
    BetweenSizes {
        /// The smaller of the two.
        smaller: &'static str,
        /// The larger of the two.
        larger: &'static str,
    },
    /// Even the largest size is too tight here.
    NoSizeFits(Point),
    /// Made to measure, this point needs more than one grade step of alteration; the
    /// workshop drafts a custom pattern.
    CustomPattern {
        /// The point.
        point: Point,
        /// The alteration it would need.
        needed: Length,
    },
}

impl Advice {
    /// The stable code used on the wire.
    pub const fn code(&self) -> &'static str {
        match self {
            Advice::MeasureNext(_) => "measure-next",
            Advice::Remeasure(_) => "remeasure",
            Advice::BetweenSizes { .. } => "between-sizes",
            Advice::NoSizeFits(_) => "no-size-fits",
            Advice::CustomPattern { .. } => "custom-pattern",
        }
    }

    /// The point the advice is about, if any.
    pub const fn point(&self) -> Option<Point> {
        match *self {
            Advice::MeasureNext(point)
            | Advice::Remeasure(point)
            | Advice::NoSizeFits(point)
            | Advice::CustomPattern { point, .. } => Some(point),
            Advice::BetweenSizes { .. } => None,
        }
    }
}

impl fmt::Display for Advice {
    /// The advice in English; the widget words it in the traveller's language by code.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Advice::MeasureNext(point) => {
                write!(f, "Measure your {point} to make this recommendation surer.")
            }
            Advice::Remeasure(point) => write!(
                f,
                "Your {point} is an estimate; measure it with a tape to make this surer."
            ),
            Advice::BetweenSizes { smaller, larger } => write!(
                f,
                "You are between sizes {smaller} and {larger}: choose {smaller} for a closer \
                 fit, {larger} for more room."
            ),
            Advice::NoSizeFits(point) => {
                write!(f, "Even the largest size is too tight at the {point}.")
            }
            Advice::CustomPattern { point, needed } => write!(
                f,
                "Your {point} needs {needed} of alteration, more than a size step; the \
                 workshop will draft a custom pattern."
            ),
        }
    }
}
