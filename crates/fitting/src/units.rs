//! Lengths in whole millimetres, read and shown in centimetres or inches.
//!
//! A millimetre is finer than any tape is read, so whole millimetres lose nothing a
//! traveller measured: a value converted from inches is off by at most half a millimetre.

use std::fmt;

/// Millimetres in an inch, exactly (the international inch of 1959).
pub const MM_PER_INCH: f64 = 25.4;

/// A length or a difference of lengths (an ease may be negative), in whole millimetres.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Length(i32);

/// The units a traveller measures in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Centimetres.
    Cm,
    /// Inches.
    In,
}

impl Length {
    /// No length.
    pub const ZERO: Length = Length(0);

    /// A length of whole millimetres.
    pub const fn mm(mm: i32) -> Length {
        Length(mm)
    }

    /// The length in whole millimetres.
    pub const fn get(self) -> i32 {
        self.0
    }

    /// From centimetres, to the nearest millimetre. Values beyond `i32` millimetres (and
    /// NaN, which becomes zero) saturate; range checks refuse them later.
    pub fn from_cm(cm: f64) -> Length {
        Length((cm * 10.0).round() as i32)
    }

    /// From inches, to the nearest millimetre (saturating like [`Length::from_cm`]).
    pub fn from_in(inches: f64) -> Length {
        Length((inches * MM_PER_INCH).round() as i32)
    }

    /// From a value in the given unit.
    pub fn from_unit(value: f64, unit: Unit) -> Length {
        match unit {
            Unit::Cm => Length::from_cm(value),
            Unit::In => Length::from_in(value),
        }
    }

    /// In centimetres.
    pub fn cm(self) -> f64 {
        f64::from(self.0) / 10.0
    }

    /// In inches.
    pub fn inches(self) -> f64 {
        f64::from(self.0) / MM_PER_INCH
    }

    /// In the given unit.
    pub fn in_unit(self, unit: Unit) -> f64 {
        match unit {
            Unit::Cm => self.cm(),
            Unit::In => self.inches(),
        }
    }

    /// The difference `self - other`.
    pub const fn minus(self, other: Length) -> Length {
        Length(self.0.saturating_sub(other.0))
    }

    /// The sum `self + other`.
    pub const fn plus(self, other: Length) -> Length {
        Length(self.0.saturating_add(other.0))
    }

    /// Clamped to `-cap..=cap`.
    pub fn capped(self, cap: Length) -> Length {
        Length(self.0.clamp(-cap.0.abs(), cap.0.abs()))
    }
}

impl fmt::Display for Length {
    /// Centimetres with one decimal, e.g. `96.5 cm`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let mm = self.0.unsigned_abs();
        write!(f, "{sign}{}.{} cm", mm / 10, mm % 10)
    }
}

impl Unit {
    /// The stable code used on the wire.
    pub const fn code(self) -> &'static str {
        match self {
            Unit::Cm => "cm",
            Unit::In => "in",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn centimetres_and_inches_read_to_the_nearest_millimetre() {
        let check = |value: f64, unit: Unit, mm: i32| {
            assert_eq!(
                Length::from_unit(value, unit),
                Length::mm(mm),
                "{value} {unit:?}"
            );
        };
        check(96.0, Unit::Cm, 960);
        check(96.54, Unit::Cm, 965);
        check(38.0, Unit::In, 965);
        check(1.0, Unit::In, 25);
        check(f64::NAN, Unit::Cm, 0);
        check(f64::INFINITY, Unit::In, i32::MAX);
    }

    #[test]
    fn lengths_display_in_centimetres() {
        assert_eq!(Length::mm(965).to_string(), "96.5 cm");
        assert_eq!(Length::mm(-15).to_string(), "-1.5 cm");
        assert_eq!(Length::mm(40).capped(Length::mm(30)), Length::mm(30));
        assert_eq!(Length::mm(-45).capped(Length::mm(40)), Length::mm(-40));
    }

    proptest! {
        #[test]
        fn inches_round_trip_within_half_a_millimetre(inches in 0.0f64..120.0) {
            let back = Length::from_in(inches).inches();
            prop_assert!((back - inches).abs() * MM_PER_INCH <= 0.5 + 1e-9);
        }

        #[test]
        fn centimetres_round_trip_within_half_a_millimetre(cm in 0.0f64..300.0) {
            let back = Length::from_cm(cm).cm();
            prop_assert!((back - cm).abs() * 10.0 <= 0.5 + 1e-9);
        }

        #[test]
        fn a_length_survives_centimetres_to_inches_and_back(mm in 0i32..3000) {
            let length = Length::mm(mm);
            prop_assert_eq!(Length::from_in(length.inches()), length);
            prop_assert_eq!(Length::from_cm(length.cm()), length);
            // cm -> in -> cm, each step read to the nearest millimetre.
            let via_inches = Length::from_in(Length::from_cm(length.cm()).inches());
            prop_assert_eq!(via_inches, length);
        }
    }
}
