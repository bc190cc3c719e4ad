//! The one error type of the fitting engine: each refusal names the field it is about.

use crate::point::Point;
use crate::units::Length;

/// Why the engine refused its input. Each variant names the point of measure or the
/// value concerned, so the server can point at the field and the widget can say what to
/// measure again.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// A measurement outside what an adult body (or a garment, laid flat) can measure.
    #[error("{point} {given} is outside the plausible range {min} to {max}")]
    OutOfRange {
        /// The point of measure.
        point: Point,
        /// The value given.
        given: Length,
        /// The smallest plausible value.
        min: Length,
        /// The largest plausible value.
        max: Length,
    },
    /// A name that is not one of the known codes (a point, unit, source or fit).
    #[error("{kind} {given:?} is not one of: {expected}")]
    UnknownName {
        /// What kind of name.
        kind: &'static str,
        /// The text given.
        given: String,
        /// The accepted names, comma separated.
        expected: &'static str,
    },
    /// The same point was measured twice.
    #[error("{0} is measured twice")]
    DuplicatePoint(Point),
    /// None of the points this chart sizes by was measured.
    #[error("measure at least one of: {needed}")]
    NoMeasurements {
        /// The points the chart uses, most decisive first, comma separated.
        needed: String,
    },
    /// A measurement of another point where this one was expected.
    #[error("expected a {expected} measurement, got {given}")]
    WrongPoint {
        /// The point the rule needs.
        expected: Point,
        /// The point given.
        given: Point,
    },
    /// A chart without sizes (a workshop's chart still being written).
    #[error("the {0} chart has no sizes")]
    EmptyChart(&'static str),
    /// An image or print area with no pixels or no extent.
    #[error("the {0} has a zero side")]
    ZeroSize(&'static str),
}
