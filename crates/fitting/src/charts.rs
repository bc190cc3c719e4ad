//! The size charts of the demo garments, and which product is fitted with which.
//!
//! All three demo garments are men's tailoring from Sogong-dong Tailors, made to measure:
//! the chart picks the base pattern and the recommendation's adjustments alter it. The
//! body rows follow the structure of **KS K 0050** (men's garment sizing): sizes named
//! by body measurements in centimetres, tops by chest girth (3 cm steps where fit
//! matters, as for tailored jackets; 5 cm steps otherwise, as for shirts), trousers by
//! waist girth in 3 cm steps, heights 165-185 cm in 5 cm steps, and the ordinary
//! ("A") body type with a chest-to-waist drop of 12 cm for jackets. The secondary
//! measurements (neck, shoulder, sleeve, hip, inseam) are graded from the Size Korea
//! averages for men in their twenties to thirties (chest 95 cm, height 175 cm as the KATS
//! reference body). They are starting values to be replaced by each workshop's own
//! pattern measurements; the ease bands are the research note's starting targets (2.3).
//! Women's charts (KS K 0051: bust-hip-height) will join when a workshop offers
//! women's tailoring.

use crate::chart::{Band, EaseBands, PointRule, SizeChart, SizeRow};
use crate::point::Point::{self, *};
use crate::units::Length;

/// How a product is fitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProductFit {
    /// A garment sized by a chart.
    Garment {
        /// Its chart.
        chart: &'static SizeChart,
        /// Whether it is cut to measure, so that the base size is altered per point.
        made_to_measure: bool,
    },
    /// Shoes in Korean millimetre sizes (see [`crate::shoes`]).
    Shoes,
}

/// How the demo product with this code is fitted; `None` for goods not sized to a body
/// (bags, printed goods) and for products without a chart.
pub fn for_product(code: &str) -> Option<ProductFit> {
    let garment = |chart| {
        Some(ProductFit::Garment {
            chart,
            made_to_measure: true,
        })
    };
    match code {
        "made-to-measure-shirt" => garment(&MENS_SHIRT),
        "suit-jacket" => garment(&MENS_JACKET),
        "made-to-measure-trousers" => garment(&MENS_TROUSERS),
        "derby-shoes" | "penny-loafers" | "chelsea-boots" => Some(ProductFit::Shoes),
        _ => None,
    }
}

/// Men's dress shirt, sized by chest girth in 5 cm steps (the Korean retail labels 90 to
/// 115, KS K 0050 chest designation), designation chest-height. Ease: shirt chest slim
/// 4-7, regular 8-12, relaxed 14-20 cm (research note 2.3).
#[rustfmt::skip]
pub static MENS_SHIRT: SizeChart = SizeChart {
    name: "men's shirt",
    points: &[
        rule(Chest, 3, true, true, 100, Band::mm(40, 70), Band::mm(80, 120), Band::mm(140, 200)),
        rule(Neck, 2, true, true, 15, Band::mm(5, 15), Band::mm(10, 20), Band::mm(15, 25)),
        rule(Shoulder, 2, true, false, 10, Band::mm(-10, 10), Band::mm(0, 20), Band::mm(10, 40)),
        rule(Waist, 1, false, true, 130, Band::mm(40, 80), Band::mm(100, 160), Band::mm(180, 260)),
        length(Sleeve, 1, 20, Band::mm(10, 30)),
    ],
    sizes: &[
        size("90", "90-165", &[(Chest, 900), (Neck, 370), (Shoulder, 420), (Waist, 760), (Sleeve, 590)]),
        size("95", "95-170", &[(Chest, 950), (Neck, 380), (Shoulder, 435), (Waist, 810), (Sleeve, 600)]),
        size("100", "100-175", &[(Chest, 1000), (Neck, 390), (Shoulder, 450), (Waist, 860), (Sleeve, 610)]),
        size("105", "105-180", &[(Chest, 1050), (Neck, 400), (Shoulder, 465), (Waist, 910), (Sleeve, 620)]),
        size("110", "110-180", &[(Chest, 1100), (Neck, 410), (Shoulder, 480), (Waist, 960), (Sleeve, 630)]),
        size("115", "115-185", &[(Chest, 1150), (Neck, 420), (Shoulder, 495), (Waist, 1010), (Sleeve, 640)]),
    ],
};

/// Men's tailored jacket, KS K 0050 formal wear: chest in 3 cm steps, A body type (waist
/// = chest - 12 cm), designation chest-waist-height. Chest and shoulder are not altered
/// in a half-canvassed jacket, so they decide the base pattern. Ease: jacket chest slim
/// 6-9, regular 9-13, relaxed 14-18 cm (research note 2.3).
#[rustfmt::skip]
pub static MENS_JACKET: SizeChart = SizeChart {
    name: "men's tailored jacket",
    points: &[
        rule(Chest, 3, true, false, 110, Band::mm(60, 90), Band::mm(90, 130), Band::mm(140, 180)),
        rule(Shoulder, 2, true, false, 10, Band::mm(0, 10), Band::mm(0, 20), Band::mm(10, 40)),
        rule(Waist, 1, false, true, 120, Band::mm(60, 100), Band::mm(100, 140), Band::mm(140, 200)),
        length(Sleeve, 1, 0, Band::mm(-10, 10)),
        // The height a size is cut for sets the jacket's length; it chooses, never alters.
        PointRule {
            point: Height,
            weight: 1,
            critical: false,
            alterable: false,
            cut: Length::ZERO,
            ease: EaseBands::same(Band::mm(-30, 30)),
        },
    ],
    sizes: &[
        size("88", "88-76-165", &[(Chest, 880), (Shoulder, 425), (Waist, 760), (Sleeve, 590), (Height, 1650)]),
        size("91", "91-79-170", &[(Chest, 910), (Shoulder, 435), (Waist, 790), (Sleeve, 595), (Height, 1700)]),
        size("94", "94-82-170", &[(Chest, 940), (Shoulder, 445), (Waist, 820), (Sleeve, 600), (Height, 1700)]),
        size("97", "97-85-175", &[(Chest, 970), (Shoulder, 455), (Waist, 850), (Sleeve, 605), (Height, 1750)]),
        size("100", "100-88-175", &[(Chest, 1000), (Shoulder, 465), (Waist, 880), (Sleeve, 610), (Height, 1750)]),
        size("103", "103-91-180", &[(Chest, 1030), (Shoulder, 475), (Waist, 910), (Sleeve, 615), (Height, 1800)]),
        size("106", "106-94-180", &[(Chest, 1060), (Shoulder, 485), (Waist, 940), (Sleeve, 620), (Height, 1800)]),
        size("109", "109-97-185", &[(Chest, 1090), (Shoulder, 495), (Waist, 970), (Sleeve, 625), (Height, 1850)]),
    ],
};

/// Men's trousers, KS K 0050: sized by waist girth in 3 cm steps, designation waist-hip;
/// hip graded 3 cm a step from 92 cm at waist 76. Ease: trousers waist slim 1-2, regular
/// 2-3, relaxed 3-5 cm; seat slim 3-5, regular 5-7, relaxed 8-12 cm (research note 2.3).
#[rustfmt::skip]
pub static MENS_TROUSERS: SizeChart = SizeChart {
    name: "men's trousers",
    points: &[
        rule(Waist, 3, true, true, 25, Band::mm(10, 20), Band::mm(20, 30), Band::mm(30, 50)),
        rule(Hip, 2, true, true, 60, Band::mm(30, 50), Band::mm(50, 70), Band::mm(80, 120)),
        length(Inseam, 1, 0, Band::mm(-20, 20)),
    ],
    sizes: &[
        size("76", "76-92", &[(Waist, 760), (Hip, 920), (Inseam, 760)]),
        size("79", "79-95", &[(Waist, 790), (Hip, 950), (Inseam, 770)]),
        size("82", "82-98", &[(Waist, 820), (Hip, 980), (Inseam, 780)]),
        size("85", "85-101", &[(Waist, 850), (Hip, 1010), (Inseam, 790)]),
        size("88", "88-104", &[(Waist, 880), (Hip, 1040), (Inseam, 800)]),
        size("91", "91-107", &[(Waist, 910), (Hip, 1070), (Inseam, 800)]),
        size("94", "94-110", &[(Waist, 940), (Hip, 1100), (Inseam, 810)]),
        size("97", "97-113", &[(Waist, 970), (Hip, 1130), (Inseam, 810)]),
    ],
};

/// Every chart in this module.
pub const ALL: [&SizeChart; 3] = [&MENS_SHIRT, &MENS_JACKET, &MENS_TROUSERS];

#[allow(clippy::too_many_arguments)]
const fn rule(
    point: Point,
    weight: u8,
    critical: bool,
    alterable: bool,
    cut: i32,
    slim: Band,
    regular: Band,
    relaxed: Band,
) -> PointRule {
    PointRule {
        point,
        weight,
        critical,
        alterable,
        cut: Length::mm(cut),
        ease: EaseBands {
            slim,
            regular,
            relaxed,
        },
    }
}

/// A length: alterable, never ruled out, the same band at every fit.
const fn length(point: Point, weight: u8, cut: i32, band: Band) -> PointRule {
    PointRule {
        point,
        weight,
        critical: false,
        alterable: true,
        cut: Length::mm(cut),
        ease: EaseBands::same(band),
    }
}

const fn size(
    code: &'static str,
    designation: &'static str,
    body: &'static [(Point, i32)],
) -> SizeRow {
    SizeRow {
        code,
        designation,
        body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measure::Fit;

    #[test]
    fn every_chart_is_well_formed() {
        for chart in ALL {
            assert!(!chart.sizes.is_empty(), "{}", chart.name);
            for rule in chart.points {
                for fit in Fit::ALL {
                    let band = rule.ease.for_fit(fit);
                    assert!(band.min < band.max, "{} {}", chart.name, rule.point);
                }
                // The garment as cut sits in the middle of the regular band.
                assert_eq!(
                    rule.cut,
                    rule.ease.regular.target(),
                    "{} {}",
                    chart.name,
                    rule.point
                );
            }
            for row in chart.sizes {
                for rule in chart.points {
                    let body = row.body(rule.point);
                    let (min, max) = rule.point.plausible();
                    assert!(
                        body.is_some_and(|b| (min..=max).contains(&b)),
                        "{} size {} at {}",
                        chart.name,
                        row.code,
                        rule.point
                    );
                }
                assert_eq!(
                    row.body.len(),
                    chart.points.len(),
                    "{} {}",
                    chart.name,
                    row.code
                );
                assert!(row.designation.starts_with(row.code), "{}", row.designation);
            }
        }
    }

    #[test]
    fn every_point_grows_or_stays_from_one_size_to_the_next() {
        for chart in ALL {
            for pair in chart.sizes.windows(2) {
                for rule in chart.points {
                    assert!(
                        pair[0].body(rule.point) <= pair[1].body(rule.point),
                        "{}: {} shrinks from {} to {}",
                        chart.name,
                        rule.point,
                        pair[0].code,
                        pair[1].code
                    );
                }
                assert_ne!(pair[0].body, pair[1].body, "{}", chart.name);
            }
        }
    }

    #[test]
    fn garments_and_shoes_have_fits_and_other_goods_do_not() {
        assert!(matches!(
            for_product("made-to-measure-shirt"),
            Some(ProductFit::Garment {
                made_to_measure: true,
                ..
            })
        ));
        assert_eq!(for_product("derby-shoes"), Some(ProductFit::Shoes));
        assert_eq!(for_product("leather-tote"), None);
        assert_eq!(for_product("seoul-map-print"), None);
    }
}
