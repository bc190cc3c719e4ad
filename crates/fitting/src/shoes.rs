//! Shoes: Korean millimetre sizes, Mondopoint, the usual conversions, and width class.
//!
//! A Korean shoe size is the foot length it is made for, in millimetres, in 5 mm steps
//! (KS footwear sizing; the last adds the toe allowance, not the label). That is also the
//! Mondopoint length of ISO 9407 (Range 1 grading, 5 mm). So the size for a foot is its
//! length rounded *up* to the next 5 mm: a shoe never shorter than the foot.
//!
//! Width comes from the ball girth relative to the length. KS and JIS footwear grade
//! fittings 6 mm of girth apart (B ... EEEE); at 250 mm the JIS men's fittings run D 237,
//! E 243, 2E 249, 3E 255 mm, so a girth/length ratio under 0.94 is narrower than D, from
//! 1.00 it is 3E or wider, and between is the standard fitting (D to 2E).

use std::fmt;

use crate::Error;
use crate::chart::Band;
use crate::measure::{Measurement, Source};
use crate::point::Point;
use crate::recommend::{Advice, Area};
use crate::units::{Length, MM_PER_INCH};

/// The size step of Korean and Mondopoint sizes.
pub const STEP_MM: u16 = 5;

/// Room wanted between the foot and the size label: 0 to one step.
pub const ROOM: Band = Band::mm(0, 5);

/// The width fitting a foot needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum WidthClass {
    /// Narrower than D (girth under 94 % of the length).
    Narrow,
    /// D to 2E.
    Standard,
    /// 3E or wider (girth at least the length).
    Wide,
}

/// The shoe size for a foot.
#[derive(Debug, Clone, PartialEq)]
pub struct ShoeSize {
    /// The Korean size: foot length in millimetres, a multiple of 5.
    pub mm: u16,
    /// The next size up, when the foot fills this one to within a millimetre.
    pub runner_up: Option<u16>,
    /// The width fitting (standard when the girth was not measured).
    pub width: WidthClass,
    /// How far the answer can be trusted, 0 to 1.
    pub confidence: f32,
    /// What to tell the traveller.
    pub advice: Vec<Advice>,
    /// The foot length measured.
    pub foot_mm: Length,
}

/// A size in the other systems travellers know. All are approximate: they depend on the
/// last, and makers' tables differ by half a size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Conversions {
    /// ISO 9407 Mondopoint length: the foot length, as the Korean size.
    pub mondopoint: u16,
    /// EU (Paris points of 2/3 cm): `1.5 × (foot cm + 1.5)`, the 1.5 cm being the toe
    /// allowance; to the nearest half.
    pub eu: f32,
    /// UK (barleycorns of 1/3 inch): `3 × last inches - 25` with the last two
    /// barleycorns longer than the foot, so `3 × foot inches - 23`; to the nearest half.
    pub uk: f32,
    /// US men's: UK + 1.
    pub us_men: f32,
    /// US women's: UK + 2.5 (the common convention; some makers use + 2).
    pub us_women: f32,
    /// Japan: the foot length in centimetres.
    pub jp_cm: f32,
    /// China: `(mm - 50) / 5`.
    pub cn: f32,
}

/// The Korean size for a foot, its width and a runner-up. Measure both feet standing and
/// give the larger.
pub fn recommend_shoe(
    foot_length: Measurement,
    foot_girth: Option<Measurement>,
) -> Result<ShoeSize, Error> {
    expect(Point::FootLength, &foot_length)?;
    if let Some(girth) = &foot_girth {
        expect(Point::FootGirth, girth)?;
    }
    let length = foot_length.length().get().max(0);
    let step = i32::from(STEP_MM);
    let mm = (length + step - 1) / step * step;
    let room = mm - length;
    let runner_up = (room <= 1).then_some(mm + step);
    let width = foot_girth.map_or(WidthClass::Standard, |g| {
        WidthClass::from_ratio(g.length(), foot_length.length())
    });
    let mut advice = Vec::new();
    let mut confidence = foot_length.source().quality();
    if foot_length.source() == Source::Estimate {
        advice.push(Advice::Remeasure(Point::FootLength));
    }
    match foot_girth {
        None => {
            advice.push(Advice::MeasureNext(Point::FootGirth));
            confidence *= 0.8;
        }
        Some(girth) => {
            confidence *= girth.source().quality();
            if girth.source() == Source::Estimate {
                advice.push(Advice::Remeasure(Point::FootGirth));
            }
        }
    }
    if runner_up.is_some() {
        confidence *= 0.8;
    }
    // Foot lengths are at most 340 mm (the plausible range), so sizes fit a u16.
    let to_u16 = |mm: i32| u16::try_from(mm).unwrap_or(u16::MAX);
    Ok(ShoeSize {
        mm: to_u16(mm),
        runner_up: runner_up.map(to_u16),
        width,
        confidence,
        advice,
        foot_mm: foot_length.length(),
    })
}

impl ShoeSize {
    /// The value code of the size, as in the demo shoes' `size` option (`265`).
    pub fn code(&self) -> String {
        self.mm.to_string()
    }

    /// The foot length against the size, labelled like a garment's area.
    pub fn area(&self) -> Area {
        let garment_mm = Length::mm(i32::from(self.mm));
        let ease_mm = garment_mm.minus(self.foot_mm);
        Area {
            point: Point::FootLength,
            label: ROOM.label(ease_mm),
            body_mm: Some(self.foot_mm),
            reference_mm: None,
            garment_mm,
            ease_mm,
            band: ROOM,
        }
    }

    /// The size in other systems.
    pub fn conversions(&self) -> Conversions {
        let mm = f64::from(self.mm);
        let half = |x: f64| ((x * 2.0).round() / 2.0) as f32;
        let uk = half(3.0 * mm / MM_PER_INCH - 23.0);
        Conversions {
            mondopoint: self.mm,
            eu: half(1.5 * (mm / 10.0 + 1.5)),
            uk,
            us_men: uk + 1.0,
            us_women: uk + 2.5,
            jp_cm: (mm / 10.0) as f32,
            cn: ((mm - 50.0) / 5.0) as f32,
        }
    }
}

impl WidthClass {
    /// The class of a foot from its ball girth and length.
    pub fn from_ratio(girth: Length, length: Length) -> WidthClass {
        let (g, l) = (i64::from(girth.get()), i64::from(length.get()));
        if 100 * g < 94 * l {
            WidthClass::Narrow
        } else if g >= l {
            WidthClass::Wide
        } else {
            WidthClass::Standard
        }
    }

    /// The stable code used on the wire (`standard` and `wide` are the demo shoes' `width`
    /// option values).
    pub const fn code(self) -> &'static str {
        match self {
            WidthClass::Narrow => "narrow",
            WidthClass::Standard => "standard",
            WidthClass::Wide => "wide",
        }
    }
}

impl fmt::Display for WidthClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

fn expect(point: Point, m: &Measurement) -> Result<(), Error> {
    if m.point() == point {
        Ok(())
    } else {
        Err(Error::WrongPoint {
            expected: point,
            given: m.point(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::AreaLabel;
    use proptest::prelude::*;

    fn foot(mm: i32) -> Measurement {
        Measurement::new(Point::FootLength, Length::mm(mm), Source::Tape).unwrap()
    }

    fn girth(mm: i32) -> Measurement {
        Measurement::new(Point::FootGirth, Length::mm(mm), Source::Tape).unwrap()
    }

    #[test]
    fn the_size_is_the_foot_length_rounded_up_to_five_millimetres() {
        let check = |length: i32, mm: u16, runner_up: Option<u16>| {
            let size = recommend_shoe(foot(length), Some(girth(length - 10))).unwrap();
            assert_eq!((size.mm, size.runner_up), (mm, runner_up), "foot {length}");
            assert_eq!(size.code(), mm.to_string());
        };
        check(230, 230, Some(235));
        check(256, 260, None);
        check(262, 265, None);
        check(264, 265, Some(270));
        check(265, 265, Some(270));
        check(289, 290, Some(295));
    }

    #[test]
    fn width_follows_the_girth_to_length_ratio() {
        let check = |girth_mm: i32, width: WidthClass| {
            let size = recommend_shoe(foot(250), Some(girth(girth_mm))).unwrap();
            assert_eq!(size.width, width, "girth {girth_mm} at 250");
        };
        check(230, WidthClass::Narrow);
        check(235, WidthClass::Standard);
        check(243, WidthClass::Standard);
        check(249, WidthClass::Standard);
        check(250, WidthClass::Wide);
        check(262, WidthClass::Wide);
    }

    #[test]
    fn a_missing_girth_lowers_the_confidence_and_asks_for_it() {
        let with = recommend_shoe(foot(262), Some(girth(250))).unwrap();
        let without = recommend_shoe(foot(262), None).unwrap();
        assert!(without.confidence < with.confidence);
        assert_eq!(without.advice, vec![Advice::MeasureNext(Point::FootGirth)]);
        assert!(recommend_shoe(girth(250), None).is_err());
    }

    #[test]
    fn conversions_follow_the_documented_formulas() {
        let size = recommend_shoe(foot(260), None).unwrap();
        let c = size.conversions();
        assert_eq!(c.mondopoint, 260);
        assert_eq!(c.eu, 41.5); // 1.5 × 27.5 = 41.25, to the nearest half
        assert_eq!(c.uk, 7.5); // 3 × 10.24 - 23 = 7.71
        assert_eq!(c.us_men, 8.5);
        assert_eq!(c.us_women, 10.0);
        assert_eq!(c.jp_cm, 26.0);
        assert_eq!(c.cn, 42.0);
    }

    #[test]
    fn the_foot_length_area_shows_the_room() {
        let area = recommend_shoe(foot(262), None).unwrap().area();
        assert_eq!(area.ease_mm, Length::mm(3));
        assert_eq!(area.label, AreaLabel::Good);
    }

    proptest! {
        #[test]
        fn a_longer_foot_never_gets_a_smaller_size(a in 180i32..=340, b in 180i32..=340) {
            let (short, long) = (a.min(b), a.max(b));
            let small = recommend_shoe(foot(short), None).unwrap();
            let large = recommend_shoe(foot(long), None).unwrap();
            prop_assert!(small.mm <= large.mm);
            prop_assert!(i32::from(small.mm) >= short && i32::from(small.mm) < short + 5);
            prop_assert!((0.0..=1.0).contains(&small.confidence));
        }
    }
}
