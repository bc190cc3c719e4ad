//! Points of measure on the body (or the same places on a garment), their wire codes
//! and the range an adult body, or a garment, can plausibly measure at each.
//!
//! The vocabulary every other module speaks: charts are sized by points, measurements
//! and errors name them.

use std::fmt;

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
