//! Recommending a size from body measurements or from a garment the traveller owns.
//!
//! Body mode (fitting note, steps 1-7): for each size the ease `E = garment - body` at
//! every measured point, its place in the wanted band `z = (E - mid) / half-width`, and
//! the score `S = sum(w z^2) / sum(w)`. A size tighter than the slim band's minimum (less
//! a tolerance) at a critical point is ruled out; the lowest score wins, ties to the
//! smaller size. Because every chart point grows from size to size, the score has
//! decreasing differences in the body, so a larger body never gets a smaller size.
//!
//! Reference-garment mode compares the owned garment with each size's garment directly
//! (Virtusize's weighted absolute difference, here in half-widths of the regular band).
//!
//! Made-to-measure: from the chosen size, each alterable point is moved by
//! `(body + target) - garment` (or to the owned garment), capped at one grade step.

use crate::Error;
pub use crate::advice::Advice;
use crate::chart::{PointRule, SizeChart};
use crate::measure::{Fit, Measurement};
use crate::units::Length;

pub use answer::{ADJUSTMENT_CAP, Adjustment, Area, Recommendation};
pub use score::BETWEEN_SIZES_MARGIN;
use score::{Scored, Terms, adjust, choose, finish, garment, relevant};

mod answer;
mod score;

/// How much less ease than the slim band's minimum a critical point can take before a
/// size is ruled out as too tight.
pub const TIGHT_TOLERANCE: Length = Length::mm(10);

/// Recommends a size of `chart` for a body measured at some of its points.
///
/// Points the chart does not use are ignored; a point measured twice, or none of the
/// chart's points measured, is refused.
pub fn recommend(
    chart: &SizeChart,
    measurements: &[Measurement],
    fit: Fit,
) -> Result<Recommendation, Error> {
    let given = relevant(chart, measurements)?;
    let floor = |rule: &PointRule| rule.ease.slim.min.minus(TIGHT_TOLERANCE);
    let scored: Vec<Scored> = chart
        .sizes
        .iter()
        .map(|size| {
            let mut terms = Terms::default();
            let mut feasible = true;
            for (rule, m) in &given {
                let ease = garment(chart, size, rule.point).minus(m.length());
                let z = rule.ease.for_fit(fit).z(ease);
                terms.add(rule, z * z);
                feasible &= !rule.critical || ease >= floor(rule);
            }
            Scored {
                score: terms.mean(),
                feasible,
            }
        })
        .collect();
    let choice = choose(&scored);
    let size = &chart.sizes[choice.best];
    let mut advice = Vec::new();
    let mut areas = Vec::new();
    let mut adjustments = Vec::new();
    for (rule, m) in &given {
        let garment_mm = garment(chart, size, rule.point);
        let ease_mm = garment_mm.minus(m.length());
        let band = rule.ease.for_fit(fit);
        areas.push(Area {
            point: rule.point,
            label: band.label(ease_mm),
            body_mm: Some(m.length()),
            reference_mm: None,
            garment_mm,
            ease_mm,
            band,
        });
        if !choice.fits && rule.critical && ease_mm < floor(rule) {
            advice.push(Advice::NoSizeFits(rule.point));
        }
        if rule.alterable {
            let wanted = m.length().plus(band.target());
            adjust(
                rule.point,
                wanted.minus(garment_mm),
                &mut adjustments,
                &mut advice,
            );
        }
    }
    Ok(finish(
        chart,
        &given,
        &scored,
        choice,
        areas,
        adjustments,
        advice,
    ))
}

/// Recommends a size of `chart` to match a garment the traveller owns and likes, measured
/// at some of the chart's points (full girths: see [`Measurement::laid_flat`]).
pub fn recommend_from_garment(
    chart: &SizeChart,
    garment_measurements: &[Measurement],
) -> Result<Recommendation, Error> {
    let given = relevant(chart, garment_measurements)?;
    let scored: Vec<Scored> = chart
        .sizes
        .iter()
        .map(|size| {
            let mut terms = Terms::default();
            for (rule, m) in &given {
                let difference = garment(chart, size, rule.point).minus(m.length());
                terms.add(rule, rule.ease.regular.centred().z(difference).abs());
            }
            Scored {
                score: terms.mean(),
                feasible: true,
            }
        })
        .collect();
    let choice = choose(&scored);
    let size = &chart.sizes[choice.best];
    let mut advice = Vec::new();
    let mut areas = Vec::new();
    let mut adjustments = Vec::new();
    for (rule, m) in &given {
        let garment_mm = garment(chart, size, rule.point);
        let ease_mm = garment_mm.minus(m.length());
        let band = rule.ease.regular.centred();
        areas.push(Area {
            point: rule.point,
            label: band.label(ease_mm),
            body_mm: None,
            reference_mm: Some(m.length()),
            garment_mm,
            ease_mm,
            band,
        });
        if rule.alterable {
            adjust(
                rule.point,
                m.length().minus(garment_mm),
                &mut adjustments,
                &mut advice,
            );
        }
    }
    Ok(finish(
        chart,
        &given,
        &scored,
        choice,
        areas,
        adjustments,
        advice,
    ))
}

#[cfg(test)]
mod tests;
