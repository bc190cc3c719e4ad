//! Size charts: the body each size is cut for, and how much ease each fit wants.
//!
//! A chart follows ISO 8559-2 and KS K 0050/0051 in naming each size by the *body* it is
//! made for. The finished garment of a size is that body plus the chart's cut ease at
//! each point (the workshop's regular block), so `garment - body` of the size's own row
//! is the designed ease. What a traveller wants around their body is a band per fit; the
//! recommendation compares the garment's ease over *their* body with that band.

use crate::measure::Fit;
use crate::point::Point;
use crate::units::Length;

/// A garment's sizes and the rules for each point of measure it is sized by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SizeChart {
    /// A short name, e.g. `men's shirt`.
    pub name: &'static str,
    /// The points this garment is sized by, most decisive first.
    pub points: &'static [PointRule],
    /// The sizes, smallest first; every body measurement grows (or stays) from one size
    /// to the next, which is what makes "a larger body never gets a smaller size" hold.
    pub sizes: &'static [SizeRow],
}

/// How one point of measure counts in a chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PointRule {
    /// The point.
    pub point: Point,
    /// Its weight in the score (the most decisive point weighs most).
    pub weight: u8,
    /// Whether a size too tight here is ruled out (chest, neck, shoulder, waist of trousers).
    pub critical: bool,
    /// Whether a made-to-measure garment can be altered here (waist, lengths) or the
    /// pattern's size must fit as it is (shoulder, a tailored chest).
    pub alterable: bool,
    /// Ease of the finished garment over the body of its size row.
    pub cut: Length,
    /// The ease wanted at each fit.
    pub ease: EaseBands,
}

/// The wanted ease at one point, per fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EaseBands {
    /// For a slim fit.
    pub slim: Band,
    /// For a regular fit.
    pub regular: Band,
    /// For a relaxed fit.
    pub relaxed: Band,
}

/// A range of ease, `min..=max`, with `min < max`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Band {
    /// The least ease that still fits as intended.
    pub min: Length,
    /// The most ease that still fits as intended.
    pub max: Length,
}

/// One size: its value code and the body it is made for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SizeRow {
    /// The value code, as in a product's `size` option (e.g. `100`).
    pub code: &'static str,
    /// The full KS-style designation of the body, e.g. `100-86-175` (chest-waist-height).
    pub designation: &'static str,
    /// Body measurements in millimetres, one per point of the chart.
    pub body: &'static [(Point, i32)],
}

/// Ease past either end of a band, relative to its half-width: the shared scale of
/// labels and scores, so a label always agrees with the numbers beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AreaLabel {
    /// Less ease than the band's minimum.
    Tight,
    /// In the lower 30 % of the band.
    Snug,
    /// In the middle 40 % of the band.
    Good,
    /// In the upper 30 % of the band.
    Loose,
    /// More ease than the band's maximum.
    TooLoose,
}

impl SizeChart {
    /// The rule for a point, if the chart uses it.
    pub fn rule(&self, point: Point) -> Option<&PointRule> {
        self.points.iter().find(|r| r.point == point)
    }

    /// The size with this code.
    pub fn size(&self, code: &str) -> Option<&SizeRow> {
        self.sizes.iter().find(|s| s.code == code)
    }

    /// The finished garment of `size` at `point`: the body of its row plus the cut ease.
    pub fn garment(&self, size: &SizeRow, point: Point) -> Option<Length> {
        let rule = self.rule(point)?;
        size.body(point).map(|body| body.plus(rule.cut))
    }
}

impl SizeRow {
    /// The body this size is made for at `point`.
    pub fn body(&self, point: Point) -> Option<Length> {
        self.body
            .iter()
            .find(|(p, _)| *p == point)
            .map(|(_, mm)| Length::mm(*mm))
    }
}

impl EaseBands {
    /// One band for every fit (for lengths, where the fit does not change the ease).
    pub const fn same(band: Band) -> EaseBands {
        EaseBands {
            slim: band,
            regular: band,
            relaxed: band,
        }
    }

    /// The band for a fit.
    pub const fn for_fit(&self, fit: Fit) -> Band {
        match fit {
            Fit::Slim => self.slim,
            Fit::Regular => self.regular,
            Fit::Relaxed => self.relaxed,
        }
    }
}

impl Band {
    /// A band of `min..=max` millimetres.
    pub const fn mm(min: i32, max: i32) -> Band {
        Band {
            min: Length::mm(min),
            max: Length::mm(max),
        }
    }

    /// The middle of the band: the ease aimed at.
    pub const fn target(&self) -> Length {
        Length::mm((self.min.get() + self.max.get()).div_euclid(2))
    }

    /// A band of the same width centred on zero (for comparing two garments).
    pub const fn centred(&self) -> Band {
        let half = (self.max.get() - self.min.get()) / 2;
        Band::mm(-half, half)
    }

    /// How far `ease` sits from the middle, in half-widths: -1 at `min`, +1 at `max`.
    pub fn z(&self, ease: Length) -> f64 {
        let (min, max) = (f64::from(self.min.get()), f64::from(self.max.get()));
        let width = (max - min).max(1.0);
        (2.0 * f64::from(ease.get()) - min - max) / width
    }

    /// The label of `ease` in this band, decided in whole millimetres (no rounding):
    /// tight below `min`, too loose above `max`, and in between snug, good or loose for
    /// the lower 30 %, middle 40 % and upper 30 % (z < -0.4, |z| <= 0.4, z > 0.4).
    pub fn label(&self, ease: Length) -> AreaLabel {
        let (min, max, e) = (
            i64::from(self.min.get()),
            i64::from(self.max.get()),
            i64::from(ease.get()),
        );
        // 5 (2e - min - max) compared with ±2 (max - min) is z compared with ±0.4.
        let scaled = 5 * (2 * e - min - max);
        let edge = 2 * (max - min);
        if e < min {
            AreaLabel::Tight
        } else if e > max {
            AreaLabel::TooLoose
        } else if scaled < -edge {
            AreaLabel::Snug
        } else if scaled > edge {
            AreaLabel::Loose
        } else {
            AreaLabel::Good
        }
    }
}

impl AreaLabel {
    /// The stable code used on the wire.
    pub const fn code(self) -> &'static str {
        match self {
            AreaLabel::Tight => "tight",
            AreaLabel::Snug => "snug",
            AreaLabel::Good => "good",
            AreaLabel::Loose => "loose",
            AreaLabel::TooLoose => "too_loose",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_split_the_band_at_its_ends_and_at_four_tenths() {
        let band = Band::mm(80, 120);
        let check = |ease: i32, label: AreaLabel| {
            assert_eq!(band.label(Length::mm(ease)), label, "ease {ease} mm");
        };
        check(79, AreaLabel::Tight);
        check(80, AreaLabel::Snug);
        check(91, AreaLabel::Snug);
        check(92, AreaLabel::Good);
        check(100, AreaLabel::Good);
        check(108, AreaLabel::Good);
        check(109, AreaLabel::Loose);
        check(120, AreaLabel::Loose);
        check(121, AreaLabel::TooLoose);
        assert_eq!(band.target(), Length::mm(100));
        assert_eq!(band.centred(), Band::mm(-20, 20));
        assert!((band.z(Length::mm(120)) - 1.0).abs() < 1e-12);
    }
}
