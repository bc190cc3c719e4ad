//! Points of measure, where a measurement came from, and the fit a traveller prefers.
//!
//! A [`Measurement`] can only be made inside its point's plausible adult range, so every
//! rule downstream works on believable numbers and a typo (96 mm for 96 cm) is refused
//! with the range it missed.

use std::fmt;
use std::str::FromStr;

use crate::Error;
use crate::units::Length;

/// A point of measure on the body (or the same place on a garment).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Point {
    /// Chest (men) or bust (women) girth, at the fullest part.
    Chest,
    /// Natural waist girth.
    Waist,
    /// Hip girth, at the fullest part of the seat.
    Hip,
    /// Neck girth at the base of the neck (a collar's length).
    Neck,
    /// Shoulder width across the back, shoulder point to shoulder point.
    Shoulder,
    /// Sleeve: shoulder point to the wrist bone, arm relaxed.
    Sleeve,
    /// Inside leg, crotch to floor.
    Inseam,
    /// Height, standing, without shoes.
    Height,
    /// Foot length, heel to the longest toe, standing.
    FootLength,
    /// Ball girth of the foot, around the joints of the big and little toes.
    FootGirth,
}

/// Where a measurement came from; it sets how far the answer can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// Measured on the body with a tape.
    Tape,
    /// Taken from a garment that fits.
    Garment,
    /// Estimated (from height and weight, or a guess).
    Estimate,
}

/// How closely the traveller wants the garment to sit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Fit {
    /// Close to the body.
    Slim,
    /// As the pattern is designed.
    #[default]
    Regular,
    /// With room to move.
    Relaxed,
}

/// One measured point: validated against its plausible range when made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Measurement {
    point: Point,
    length: Length,
    source: Source,
}

impl Point {
    /// Every point, in the order charts and answers list them.
    pub const ALL: [Point; 10] = [
        Point::Chest,
        Point::Waist,
        Point::Hip,
        Point::Neck,
        Point::Shoulder,
        Point::Sleeve,
        Point::Inseam,
        Point::Height,
        Point::FootLength,
        Point::FootGirth,
    ];

    /// The stable code used on the wire.
    pub const fn code(self) -> &'static str {
        match self {
            Point::Chest => "chest",
            Point::Waist => "waist",
            Point::Hip => "hip",
            Point::Neck => "neck",
            Point::Shoulder => "shoulder",
            Point::Sleeve => "sleeve",
            Point::Inseam => "inseam",
            Point::Height => "height",
            Point::FootLength => "foot_length",
            Point::FootGirth => "foot_girth",
        }
    }

    /// The range an adult body measures at this point, in millimetres: wide enough for
    /// every traveller (Size Korea and ISO 8559 tables sit well inside it), narrow enough
    /// to catch a wrong unit or a slipped digit.
    pub const fn plausible(self) -> (Length, Length) {
        let (min, max) = match self {
            Point::Chest => (600, 1600),
            Point::Waist => (500, 1600),
            Point::Hip => (600, 1700),
            Point::Neck => (250, 600),
            Point::Shoulder => (300, 650),
            Point::Sleeve => (400, 800),
            Point::Inseam => (550, 1000),
            Point::Height => (1300, 2200),
            Point::FootLength => (180, 340),
            Point::FootGirth => (170, 340),
        };
        (Length::mm(min), Length::mm(max))
    }

    /// The range a garment measures at this point: a girth may be cut up to a quarter
    /// larger than the largest body (a relaxed coat); lengths as on the body.
    pub const fn plausible_garment(self) -> (Length, Length) {
        let (min, max) = self.plausible();
        if self.is_girth() {
            (min, Length::mm(max.get() + max.get() / 4))
        } else {
            (min, max)
        }
    }

    /// Whether this is a circumference that a garment laid flat shows as half its girth.
    pub const fn is_girth(self) -> bool {
        matches!(self, Point::Chest | Point::Waist | Point::Hip)
    }
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Point {
    type Err = Error;

    fn from_str(code: &str) -> Result<Point, Error> {
        Point::ALL
            .into_iter()
            .find(|p| p.code() == code)
            .ok_or_else(|| Error::UnknownName {
                kind: "point of measure",
                given: code.to_owned(),
                expected: "chest, waist, hip, neck, shoulder, sleeve, inseam, height, \
                           foot_length, foot_girth",
            })
    }
}

impl Source {
    /// Every source.
    pub const ALL: [Source; 3] = [Source::Tape, Source::Garment, Source::Estimate];

    /// The stable code used on the wire.
    pub const fn code(self) -> &'static str {
        match self {
            Source::Tape => "tape",
            Source::Garment => "garment",
            Source::Estimate => "estimate",
        }
    }

    /// How much a measurement from this source is trusted, 0 to 1: a tape on the body
    /// 1.0, a garment that fits 0.9, an estimate 0.6 (the research note, 2.4 step 7).
    pub const fn quality(self) -> f32 {
        match self {
            Source::Tape => 1.0,
            Source::Garment => 0.9,
            Source::Estimate => 0.6,
        }
    }
}

impl FromStr for Source {
    type Err = Error;

    fn from_str(code: &str) -> Result<Source, Error> {
        Source::ALL
            .into_iter()
            .find(|s| s.code() == code)
            .ok_or_else(|| Error::UnknownName {
                kind: "source",
                given: code.to_owned(),
                expected: "tape, garment, estimate",
            })
    }
}

impl Fit {
    /// Every fit, closest first.
    pub const ALL: [Fit; 3] = [Fit::Slim, Fit::Regular, Fit::Relaxed];

    /// The stable code used on the wire (and as the demo garments' `fit` option values).
    pub const fn code(self) -> &'static str {
        match self {
            Fit::Slim => "slim",
            Fit::Regular => "regular",
            Fit::Relaxed => "relaxed",
        }
    }
}

impl FromStr for Fit {
    type Err = Error;

    fn from_str(code: &str) -> Result<Fit, Error> {
        Fit::ALL
            .into_iter()
            .find(|f| f.code() == code)
            .ok_or_else(|| Error::UnknownName {
                kind: "fit",
                given: code.to_owned(),
                expected: "slim, regular, relaxed",
            })
    }
}

impl Measurement {
    /// A measurement of the body, refused outside the point's plausible adult range.
    pub fn new(point: Point, length: Length, source: Source) -> Result<Measurement, Error> {
        let (min, max) = point.plausible();
        check(point, length, min, max)?;
        Ok(Measurement {
            point,
            length,
            source,
        })
    }

    /// A measurement of a garment the traveller owns, laid flat: a girth (chest, waist,
    /// hip) shows as half, so it is doubled; other points are taken as they are. Refused
    /// outside the garment range, stated as it was measured (laid flat).
    pub fn laid_flat(point: Point, flat: Length) -> Result<Measurement, Error> {
        let (min, max) = point.plausible_garment();
        let factor = if point.is_girth() { 2 } else { 1 };
        check(
            point,
            flat,
            Length::mm(min.get() / factor),
            Length::mm(max.get() / factor),
        )?;
        Ok(Measurement {
            point,
            length: Length::mm(flat.get() * factor),
            source: Source::Garment,
        })
    }

    /// The point measured.
    pub const fn point(&self) -> Point {
        self.point
    }

    /// The length measured (a full girth, also when it was measured laid flat).
    pub const fn length(&self) -> Length {
        self.length
    }

    /// Where it came from.
    pub const fn source(&self) -> Source {
        self.source
    }
}

fn check(point: Point, given: Length, min: Length, max: Length) -> Result<(), Error> {
    if (min..=max).contains(&given) {
        Ok(())
    } else {
        Err(Error::OutOfRange {
            point,
            given,
            min,
            max,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_measurement_outside_its_range_names_the_point_and_the_range() {
        let error = Measurement::new(Point::Chest, Length::mm(96), Source::Tape).unwrap_err();
        assert_eq!(
            error.to_string(),
            "chest 9.6 cm is outside the plausible range 60.0 cm to 160.0 cm"
        );
        assert!(Measurement::new(Point::Chest, Length::mm(960), Source::Tape).is_ok());
    }

    #[test]
    fn a_flat_girth_is_doubled_and_checked_as_laid_flat() {
        let chest = Measurement::laid_flat(Point::Chest, Length::mm(540)).unwrap();
        assert_eq!(chest.length(), Length::mm(1080));
        assert_eq!(chest.source(), Source::Garment);
        let sleeve = Measurement::laid_flat(Point::Sleeve, Length::mm(640)).unwrap();
        assert_eq!(sleeve.length(), Length::mm(640));
        let error = Measurement::laid_flat(Point::Chest, Length::mm(1080)).unwrap_err();
        assert_eq!(
            error,
            Error::OutOfRange {
                point: Point::Chest,
                given: Length::mm(1080),
                min: Length::mm(300),
                max: Length::mm(1000),
            }
        );
    }

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
        assert!("bust".parse::<Point>().is_err());
        assert!("loose".parse::<Fit>().is_err());
    }
}
