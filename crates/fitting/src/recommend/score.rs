//! The machinery behind [`super::recommend`]: which points count, choosing the best and
//! runner-up sizes, alterations, and the advice and confidence every answer carries.

use crate::Error;
use crate::advice::Advice;
use crate::chart::{PointRule, SizeChart, SizeRow};
use crate::measure::{Measurement, Source};
use crate::point::Point;
use crate::units::Length;

use super::answer::{ADJUSTMENT_CAP, Adjustment, Area, Recommendation};

/// Two sizes whose scores differ by less than this are "between sizes".
pub const BETWEEN_SIZES_MARGIN: f64 = 0.5;

/// Scores closer than this are equal (so that rounding never decides).
const EQUAL_SCORES: f64 = 1e-6;

/// One size's score.
#[derive(Debug, Clone, Copy)]
pub(super) struct Scored {
    pub(super) score: f64,
    pub(super) feasible: bool,
}

/// The outcome of comparing the sizes' scores.
#[derive(Debug, Clone, Copy)]
pub(super) struct Choice {
    pub(super) best: usize,
    pub(super) runner_up: Option<usize>,
    /// Whether some size passed the tightness check (else `best` is the largest).
    pub(super) fits: bool,
}

/// A weighted mean being summed.
#[derive(Debug, Default)]
pub(super) struct Terms {
    sum: f64,
    weights: f64,
}

impl Terms {
    pub(super) fn add(&mut self, rule: &PointRule, term: f64) {
        let weight = f64::from(rule.weight);
        self.sum += weight * term;
        self.weights += weight;
    }

    pub(super) fn mean(&self) -> f64 {
        if self.weights > 0.0 {
            self.sum / self.weights
        } else {
            0.0
        }
    }
}

/// The chart's measured points, in chart order; refuses duplicates and no overlap.
pub(super) fn relevant<'c>(
    chart: &'c SizeChart,
    measurements: &[Measurement],
) -> Result<Vec<(&'c PointRule, Measurement)>, Error> {
    if chart.sizes.is_empty() {
        return Err(Error::EmptyChart(chart.name));
    }
    for (i, m) in measurements.iter().enumerate() {
        if measurements[..i].iter().any(|n| n.point() == m.point()) {
            return Err(Error::DuplicatePoint(m.point()));
        }
    }
    let given: Vec<_> = chart
        .points
        .iter()
        .filter_map(|rule| {
            let m = measurements.iter().find(|m| m.point() == rule.point)?;
            Some((rule, *m))
        })
        .collect();
    if given.is_empty() {
        let needed: Vec<&str> = chart.points.iter().map(|r| r.point.code()).collect();
        return Err(Error::NoMeasurements {
            needed: needed.join(", "),
        });
    }
    Ok(given)
}

/// The finished garment of `size` at a chart point (every row has every chart point;
/// the charts' tests check it, and a gap reads as zero rather than panicking).
pub(super) fn garment(chart: &SizeChart, size: &SizeRow, point: Point) -> Length {
    chart.garment(size, point).unwrap_or(Length::ZERO)
}

/// The best feasible size (ties to the smaller) and the runner-up; the largest size when
/// none is feasible.
pub(super) fn choose(scored: &[Scored]) -> Choice {
    let candidates: Vec<usize> = (0..scored.len()).filter(|&i| scored[i].feasible).collect();
    let Some(lowest) = candidates
        .iter()
        .map(|&i| scored[i].score)
        .min_by(f64::total_cmp)
    else {
        return Choice {
            best: scored.len().saturating_sub(1),
            runner_up: None,
            fits: false,
        };
    };
    let best = candidates
        .iter()
        .copied()
        .find(|&i| scored[i].score <= lowest + EQUAL_SCORES)
        .unwrap_or(0);
    let runner_up = candidates
        .iter()
        .copied()
        .filter(|&i| i != best)
        .min_by(|&a, &b| scored[a].score.total_cmp(&scored[b].score));
    Choice {
        best,
        runner_up,
        fits: true,
    }
}

/// Records a made-to-measure alteration, capped, and asks for a custom pattern past the cap.
pub(super) fn adjust(
    point: Point,
    needed: Length,
    adjustments: &mut Vec<Adjustment>,
    advice: &mut Vec<Advice>,
) {
    let delta_mm = needed.capped(ADJUSTMENT_CAP);
    if delta_mm != Length::ZERO {
        adjustments.push(Adjustment { point, delta_mm });
    }
    if delta_mm != needed {
        advice.push(Advice::CustomPattern { point, needed });
    }
}

/// Adds the advice and confidence every recommendation carries.
pub(super) fn finish(
    chart: &SizeChart,
    given: &[(&PointRule, Measurement)],
    scored: &[Scored],
    choice: Choice,
    areas: Vec<Area>,
    adjustments: Vec<Adjustment>,
    mut advice: Vec<Advice>,
) -> Recommendation {
    let best = scored[choice.best].score;
    let margin = choice.runner_up.map(|r| scored[r].score - best);
    if let (Some(r), Some(m)) = (choice.runner_up, margin)
        && m < BETWEEN_SIZES_MARGIN
    {
        let (smaller, larger) = (choice.best.min(r), choice.best.max(r));
        advice.insert(
            0,
            Advice::BetweenSizes {
                smaller: chart.sizes[smaller].code,
                larger: chart.sizes[larger].code,
            },
        );
    }
    for rule in chart.points.iter().filter(|r| r.critical) {
        match given.iter().find(|(r, _)| r.point == rule.point) {
            None => advice.push(Advice::MeasureNext(rule.point)),
            Some((_, m)) if m.source() == Source::Estimate => {
                advice.push(Advice::Remeasure(rule.point));
            }
            Some(_) => {}
        }
    }
    let all_weight: f64 = chart.points.iter().map(|r| f64::from(r.weight)).sum();
    let given_weight: f64 = given.iter().map(|(r, _)| f64::from(r.weight)).sum();
    let quality: f64 = given
        .iter()
        .map(|(r, m)| f64::from(r.weight) * f64::from(m.source().quality()))
        .sum::<f64>()
        / given_weight.max(1.0);
    let coverage = given_weight / all_weight.max(1.0);
    let separation = match (choice.fits, margin) {
        (false, _) => 0.5,
        (true, None) => 1.0,
        (true, Some(m)) => 0.5 + 0.5 * (m / BETWEEN_SIZES_MARGIN).clamp(0.0, 1.0),
    };
    let closeness = 1.0 / (1.0 + best.max(0.0) / 4.0);
    let confidence = (quality * coverage * separation * closeness).clamp(0.0, 1.0);
    Recommendation {
        size: chart.sizes[choice.best].code,
        runner_up: choice.runner_up.map(|r| chart.sizes[r].code),
        confidence: confidence as f32,
        areas,
        adjustments,
        advice,
    }
}
