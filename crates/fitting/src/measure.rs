//! Measurements: a point of measure, a length and where it came from; and the fit a
//! traveller prefers.
//!
//! A [`Measurement`] can only be made inside its point's plausible adult range, so every
//! rule downstream works on believable numbers and a typo (96 mm for 96 cm) is refused
//! with the range it missed.

use crate::Error;
use crate::point::Point;
use crate::units::Length;

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
}
