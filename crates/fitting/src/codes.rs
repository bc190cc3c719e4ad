//! Reading the stable wire codes back: a unit, a point of measure, a source, a fit.
//!
//! Each type says its own code (`code()`); parsing lives here, beside the one error it
//! refuses with ([`Error::UnknownName`], listing the accepted codes), so the vocabulary
//! modules need not know the error type that names them.

use std::str::FromStr;

use crate::Error;
use crate::measure::{Fit, Source};
use crate::point::Point;
use crate::units::Unit;

impl FromStr for Unit {
    type Err = Error;

    fn from_str(code: &str) -> Result<Unit, Error> {
        find(&[Unit::Cm, Unit::In], Unit::code, code, "unit", "cm, in")
    }
}

impl FromStr for Point {
    type Err = Error;

    fn from_str(code: &str) -> Result<Point, Error> {
        find(
            &Point::ALL,
            Point::code,
            code,
            "point of measure",
            "chest, waist, hip, neck, shoulder, sleeve, inseam, height, foot_length, foot_girth",
        )
    }
}

impl FromStr for Source {
    type Err = Error;

    fn from_str(code: &str) -> Result<Source, Error> {
        find(
            &Source::ALL,
            Source::code,
            code,
            "source",
            "tape, garment, estimate",
        )
    }
}

impl FromStr for Fit {
    type Err = Error;

    fn from_str(code: &str) -> Result<Fit, Error> {
        find(&Fit::ALL, Fit::code, code, "fit", "slim, regular, relaxed")
    }
}

/// The value of `all` whose code is `code`, or an [`Error::UnknownName`] of `kind`
/// listing the `expected` codes.
fn find<T: Copy>(
    all: &[T],
    code_of: fn(T) -> &'static str,
    code: &str,
    kind: &'static str,
    expected: &'static str,
) -> Result<T, Error> {
    all.iter()
        .copied()
        .find(|&value| code_of(value) == code)
        .ok_or_else(|| Error::UnknownName {
            kind,
            given: code.to_owned(),
            expected,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_parse_back() {
        for point in Point::ALL {
            assert_eq!(point.code().parse::<Point>(), Ok(point));
        }
        for source in Source::ALL {
            assert_eq!(source.code().parse::<Source>(), Ok(source));
        }
        for fit in Fit::ALL {
            assert_eq!(fit.code().parse::<Fit>(), Ok(fit));
        }
        for unit in [Unit::Cm, Unit::In] {
            assert_eq!(unit.code().parse::<Unit>(), Ok(unit));
        }
        assert!("bust".parse::<Point>().is_err());
        assert!("loose".parse::<Fit>().is_err());
        assert!("mm".parse::<Unit>().is_err());
    }

    #[test]
    fn an_unknown_code_lists_every_accepted_code() {
        let expected = |error: Error| match error {
            Error::UnknownName { expected, .. } => expected,
            other => panic!("{other}"),
        };
        let codes = |all: &[&str]| all.join(", ");
        assert_eq!(
            expected("bust".parse::<Point>().unwrap_err()),
            codes(&Point::ALL.map(Point::code))
        );
        assert_eq!(
            expected("guess".parse::<Source>().unwrap_err()),
            codes(&Source::ALL.map(Source::code))
        );
        assert_eq!(
            expected("loose".parse::<Fit>().unwrap_err()),
            codes(&Fit::ALL.map(Fit::code))
        );
        assert_eq!(
            expected("mm".parse::<Unit>().unwrap_err()),
            codes(&[Unit::Cm.code(), Unit::In.code()])
        );
    }
}
