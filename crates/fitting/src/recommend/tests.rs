use proptest::prelude::*;

use super::*;
use crate::chart::{AreaLabel, SizeRow};
use crate::charts::{ALL, MENS_JACKET, MENS_SHIRT, MENS_TROUSERS};
use crate::measure::Source;
use crate::point::Point;

fn tape(point: Point, mm: i32) -> Measurement {
    Measurement::new(point, Length::mm(mm), Source::Tape).unwrap()
}

/// The body of a chart's size row, tape-measured at every point.
fn row_body(row: &SizeRow) -> Vec<Measurement> {
    row.body
        .iter()
        .map(|&(point, mm)| tape(point, mm))
        .collect()
}

fn shirt(points: &[(Point, i32)]) -> Vec<Measurement> {
    points.iter().map(|&(p, mm)| tape(p, mm)).collect()
}

#[test]
fn a_tape_measured_body_from_each_row_gets_that_size() {
    for chart in ALL {
        for row in chart.sizes {
            let found = recommend(chart, &row_body(row), Fit::Regular).unwrap();
            assert_eq!(found.size, row.code, "{} row {}", chart.name, row.code);
            assert!(
                found.areas.iter().all(|a| a.label == AreaLabel::Good),
                "{found:?}"
            );
            assert!(found.adjustments.is_empty(), "{found:?}");
            assert!(
                found.confidence > 0.9,
                "{} {}: {found:?}",
                chart.name,
                row.code
            );
            assert!(
                !found
                    .advice
                    .iter()
                    .any(|a| matches!(a, Advice::BetweenSizes { .. }))
            );
        }
    }
}

#[test]
fn each_rows_own_garment_is_matched_in_reference_mode() {
    for chart in ALL {
        for row in chart.sizes {
            let garment: Vec<Measurement> = chart
                .points
                .iter()
                .map(|rule| {
                    let length = chart.garment(row, rule.point).unwrap();
                    Measurement::new(rule.point, length, Source::Garment).unwrap()
                })
                .collect();
            let found = recommend_from_garment(chart, &garment).unwrap();
            assert_eq!(found.size, row.code, "{} row {}", chart.name, row.code);
            for area in &found.areas {
                assert_eq!(area.ease_mm, Length::ZERO);
                assert_eq!(area.body_mm, None);
                assert_eq!(area.label, AreaLabel::Good);
            }
        }
    }
}

#[test]
fn a_shirt_laid_flat_is_compared_as_full_girths() {
    // The size-100 shirt laid flat: chest 110 cm shows as 55 cm, waist 99 cm as 49.5 cm.
    let garment = vec![
        Measurement::laid_flat(Point::Chest, Length::mm(550)).unwrap(),
        Measurement::laid_flat(Point::Waist, Length::mm(495)).unwrap(),
        Measurement::laid_flat(Point::Sleeve, Length::mm(630)).unwrap(),
    ];
    let found = recommend_from_garment(&MENS_SHIRT, &garment).unwrap();
    assert_eq!(found.size, "100");
    assert!(found.advice.contains(&Advice::MeasureNext(Point::Neck)));
}

#[test]
fn the_fit_preference_moves_the_base_size() {
    let body = row_body(MENS_SHIRT.size("100").unwrap());
    let size = |fit| recommend(&MENS_SHIRT, &body, fit).unwrap().size;
    assert_eq!(size(Fit::Slim), "95");
    assert_eq!(size(Fit::Regular), "100");
    assert_eq!(size(Fit::Relaxed), "105");
}

#[test]
fn a_chest_halfway_between_two_sizes_is_between_sizes() {
    let found = recommend(&MENS_SHIRT, &shirt(&[(Point::Chest, 975)]), Fit::Regular).unwrap();
    assert_eq!((found.size, found.runner_up), ("95", Some("100")));
    assert_eq!(
        found.advice[0],
        Advice::BetweenSizes {
            smaller: "95",
            larger: "100"
        }
    );
    assert!(found.advice.contains(&Advice::MeasureNext(Point::Neck)));
    assert!(found.advice.contains(&Advice::MeasureNext(Point::Shoulder)));
    assert!(found.confidence < 0.3, "{found:?}");
}

#[test]
fn estimated_and_missing_points_lower_the_confidence() {
    let row = MENS_TROUSERS.size("85").unwrap();
    let full = recommend(&MENS_TROUSERS, &row_body(row), Fit::Regular).unwrap();
    let estimated: Vec<Measurement> = row
        .body
        .iter()
        .map(|&(p, mm)| Measurement::new(p, Length::mm(mm), Source::Estimate).unwrap())
        .collect();
    let guessed = recommend(&MENS_TROUSERS, &estimated, Fit::Regular).unwrap();
    let partial = recommend(&MENS_TROUSERS, &row_body(row)[..1], Fit::Regular).unwrap();
    assert_eq!((guessed.size, partial.size), ("85", "85"));
    assert!(guessed.confidence < full.confidence);
    assert!(partial.confidence < full.confidence);
    assert!(guessed.advice.contains(&Advice::Remeasure(Point::Waist)));
    assert!(partial.advice.contains(&Advice::MeasureNext(Point::Hip)));
}

#[test]
fn made_to_measure_alters_the_alterable_points_up_to_the_cap() {
    let mut body = row_body(MENS_SHIRT.size("100").unwrap());
    body[3] = tape(Point::Waist, 890);
    let found = recommend(&MENS_SHIRT, &body, Fit::Regular).unwrap();
    assert_eq!(found.size, "100");
    let waist = Adjustment {
        point: Point::Waist,
        delta_mm: Length::mm(30),
    };
    assert_eq!(found.adjustments, vec![waist]);

    body[3] = tape(Point::Waist, 960);
    let found = recommend(&MENS_SHIRT, &body, Fit::Regular).unwrap();
    assert_eq!(found.adjustments[0].delta_mm, ADJUSTMENT_CAP);
    assert!(found.advice.contains(&Advice::CustomPattern {
        point: Point::Waist,
        needed: Length::mm(100)
    }));
}

#[test]
fn a_tailored_jacket_keeps_its_chest_and_shoulder() {
    let mut body = row_body(MENS_JACKET.size("97").unwrap());
    body[0] = tape(Point::Chest, 980);
    let found = recommend(&MENS_JACKET, &body, Fit::Regular).unwrap();
    assert_eq!(found.size, "97");
    assert!(found.adjustments.iter().all(|a| a.point != Point::Chest));
}

#[test]
fn a_body_larger_than_every_size_gets_the_largest_and_is_told() {
    let found = recommend(&MENS_SHIRT, &shirt(&[(Point::Chest, 1500)]), Fit::Regular).unwrap();
    assert_eq!(found.size, "115");
    assert!(found.advice.contains(&Advice::NoSizeFits(Point::Chest)));
    assert_eq!(found.areas[0].label, AreaLabel::Tight);
}

#[test]
fn duplicates_and_unrelated_points_are_refused() {
    let twice = shirt(&[(Point::Chest, 960), (Point::Chest, 970)]);
    assert_eq!(
        recommend(&MENS_SHIRT, &twice, Fit::Regular),
        Err(Error::DuplicatePoint(Point::Chest))
    );
    let feet = shirt(&[(Point::FootLength, 260)]);
    assert_eq!(
        recommend(&MENS_SHIRT, &feet, Fit::Regular)
            .unwrap_err()
            .to_string(),
        "measure at least one of: chest, neck, shoulder, waist, sleeve"
    );
}

/// Any in-range measurement of any point, from any source.
fn any_measurement() -> impl Strategy<Value = Measurement> {
    (0..Point::ALL.len(), any::<u32>(), 0..Source::ALL.len()).prop_map(|(p, r, s)| {
        let point = Point::ALL[p];
        let (min, max) = point.plausible();
        let span = u32::try_from(max.get() - min.get() + 1).unwrap_or(1);
        let mm = min.get() + i32::try_from(r % span).unwrap_or(0);
        Measurement::new(point, Length::mm(mm), Source::ALL[s]).unwrap()
    })
}

/// A set of measurements with each point at most once.
fn any_body() -> impl Strategy<Value = Vec<Measurement>> {
    proptest::collection::vec(any_measurement(), 0..12).prop_map(|mut all| {
        let mut seen = Vec::new();
        all.retain(|m| {
            let fresh = !seen.contains(&m.point());
            seen.push(m.point());
            fresh
        });
        all
    })
}

fn any_fit() -> impl Strategy<Value = Fit> {
    (0..Fit::ALL.len()).prop_map(|i| Fit::ALL[i])
}

/// A chart, a body near its rows at some of its points, and the same body grown at
/// every point by 0-20 cm.
fn body_and_larger() -> impl Strategy<Value = (usize, Vec<Measurement>, Vec<Measurement>)> {
    (
        0..ALL.len(),
        proptest::collection::vec((any::<bool>(), -150i32..150, 0i32..200), 5),
    )
        .prop_map(|(c, draws)| {
            let chart = ALL[c];
            let (mut body, mut larger) = (Vec::new(), Vec::new());
            for (i, rule) in chart.points.iter().enumerate() {
                let (keep, offset, growth) = draws[i % draws.len()];
                if !keep && i > 0 {
                    continue;
                }
                let first = chart.sizes[0].body(rule.point).unwrap().get();
                let last = chart.sizes[chart.sizes.len() - 1]
                    .body(rule.point)
                    .unwrap()
                    .get();
                let (min, max) = rule.point.plausible();
                let base = (first + (last - first) * (offset + 150) / 300 + offset)
                    .clamp(min.get(), max.get());
                let grown = (base + growth).min(max.get());
                body.push(tape(rule.point, base));
                larger.push(tape(rule.point, grown));
            }
            (c, body, larger)
        })
}

fn index(chart: &SizeChart, code: &str) -> usize {
    chart.sizes.iter().position(|s| s.code == code).unwrap()
}

fn check_areas(found: &Recommendation) -> Result<(), TestCaseError> {
    for area in &found.areas {
        let compared = area.body_mm.or(area.reference_mm).unwrap();
        prop_assert_eq!(area.garment_mm.minus(compared), area.ease_mm);
        prop_assert_eq!(area.label, area.band.label(area.ease_mm));
        prop_assert_eq!(area.label == AreaLabel::Tight, area.ease_mm < area.band.min);
        prop_assert_eq!(
            area.label == AreaLabel::TooLoose,
            area.ease_mm > area.band.max
        );
        let z = area.band.z(area.ease_mm);
        let expected = match area.label {
            AreaLabel::Tight => z < -1.0,
            AreaLabel::Snug => (-1.0..-0.4).contains(&z),
            AreaLabel::Good => (-0.4..=0.4).contains(&z),
            AreaLabel::Loose => z > 0.4 && z <= 1.0,
            AreaLabel::TooLoose => z > 1.0,
        };
        prop_assert!(expected, "{:?} at z = {}", area, z);
    }
    prop_assert!((0.0..=1.0).contains(&found.confidence));
    for adjustment in &found.adjustments {
        prop_assert!(adjustment.delta_mm.get().abs() <= ADJUSTMENT_CAP.get());
    }
    Ok(())
}

proptest! {
    #[test]
    fn a_larger_body_never_gets_a_smaller_size(
        (c, body, larger) in body_and_larger(),
        fit in any_fit(),
    ) {
        let chart = ALL[c];
        let small = recommend(chart, &body, fit).unwrap();
        let large = recommend(chart, &larger, fit).unwrap();
        prop_assert!(
            index(chart, small.size) <= index(chart, large.size),
            "{} then {}", small.size, large.size
        );
        // The same holds for garments the traveller owns.
        let garment = |m: &Vec<Measurement>| -> Vec<Measurement> {
            m.iter()
                .map(|m| Measurement::new(m.point(), m.length(), Source::Garment).unwrap())
                .collect()
        };
        let small = recommend_from_garment(chart, &garment(&body)).unwrap();
        let large = recommend_from_garment(chart, &garment(&larger)).unwrap();
        prop_assert!(index(chart, small.size) <= index(chart, large.size));
    }

    #[test]
    fn labels_agree_with_the_numbers_they_show(
        (c, body, _) in body_and_larger(),
        fit in any_fit(),
    ) {
        check_areas(&recommend(ALL[c], &body, fit).unwrap())?;
        check_areas(&recommend_from_garment(ALL[c], &body).unwrap())?;
    }

    #[test]
    fn recommending_is_total_for_any_in_range_input(body in any_body(), fit in any_fit()) {
        for chart in ALL {
            let relevant = body.iter().any(|m| chart.rule(m.point()).is_some());
            for found in [recommend(chart, &body, fit), recommend_from_garment(chart, &body)] {
                match found {
                    Ok(found) => {
                        prop_assert!(relevant);
                        prop_assert!(chart.size(found.size).is_some());
                        prop_assert!(found.runner_up != Some(found.size));
                        check_areas(&found)?;
                    }
                    Err(Error::NoMeasurements { .. }) => prop_assert!(!relevant),
                    Err(other) => prop_assert!(false, "unexpected {}", other),
                }
            }
        }
    }
}
