//! Fitting: which size of a product to order, from body measurements or a garment that
//! fits, with the numbers behind the answer. The rules are `fitting`'s; this process only
//! reads the request, finds the product's chart and words the answer.
//!
//! [`fit_for`] is the one place that runs the engine for a product: the fit endpoint
//! answers with it, and quotes and orders run it again for an item's `fitting` (an order
//! line stores the request with the answer, [`crate::wire::ItemFitting`], for the workshop).

use std::collections::BTreeMap;

use db::catalogue::ProductRecord;
use domain::catalogue::{OptionKind, Product};
use fitting::charts::ProductFit;
use fitting::shoes::{Conversions, ShoeSize, WidthClass};
use fitting::{Advice, Area, Fit, Length, Measurement, Point, Recommendation, SizeChart, Unit};

use crate::error::{ApiError, ApiResult};
use crate::wire::{
    AdjustmentView, AdviceView, AreaView, BandView, ConversionsView, FitInput, FitRequest, FitView,
    GarmentInput, MeasurementInput, SourceInput, UnitInput,
};

/// Runs the fitting engine for a product: the size to order and why, or a problem whose
/// `field` points into `request` (prefix it with [`under`] when the request is nested).
pub(crate) fn fit_for(record: &ProductRecord, request: &FitRequest) -> ApiResult<FitView> {
    let mut view = match fitting::charts::for_product(&record.code) {
        Some(ProductFit::Garment {
            chart,
            made_to_measure,
        }) => fit_garment(chart, made_to_measure, request)?,
        Some(ProductFit::Shoes) => fit_shoes(&record.product, request)?,
        None => {
            let detail = format!(
                "{} is not sized to a body; choose from its options directly",
                record.code
            );
            return Err(ApiError::invalid("no-sizes", "", detail));
        }
    };
    if let Some(offered) = choice_values(&record.product, "size") {
        if !offered.contains(&view.size.as_str()) {
            let detail = format!(
                "size {} would fit, but this product is made in {}",
                view.size,
                offered.join(", ")
            );
            return Err(ApiError::invalid(
                "size-not-offered",
                "/measurements",
                detail,
            ));
        }
        view.runner_up = view.runner_up.filter(|r| offered.contains(&r.as_str()));
    }
    Ok(view)
}

/// Moves a problem about a fit request to where the request sits in a larger body:
/// `under("/items/0/fitting")` turns `/measurements/chest/value` into
/// `/items/0/fitting/measurements/chest/value`.
pub(crate) fn under(base: &str) -> impl Fn(ApiError) -> ApiError + '_ {
    move |error| match error {
        ApiError::Invalid {
            kind,
            field,
            detail,
        } => ApiError::Invalid {
            kind,
            field: format!("{base}{field}"),
            detail,
        },
        other => other,
    }
}

fn fit_garment(
    chart: &SizeChart,
    made_to_measure: bool,
    request: &FitRequest,
) -> ApiResult<FitView> {
    let (found, compared_with) = match (&request.measurements, &request.reference_garment) {
        (Some(body), None) => {
            let fit = match request.fit.unwrap_or(FitInput::Regular) {
                FitInput::Slim => Fit::Slim,
                FitInput::Regular => Fit::Regular,
                FitInput::Relaxed => Fit::Relaxed,
            };
            let body = body_measurements(body)?;
            let found = fitting::recommend(chart, &body, fit)
                .map_err(|e| fitting_error(e, "/measurements", Unit::Cm))?;
            (found, "body")
        }
        (None, Some(garment)) => {
            let garment = garment_measurements(garment)?;
            let found = fitting::recommend_from_garment(chart, &garment)
                .map_err(|e| fitting_error(e, "/reference_garment", Unit::Cm))?;
            (found, "reference_garment")
        }
        (Some(_), Some(_)) => {
            let detail = "send either measurements or reference_garment, not both";
            return Err(ApiError::invalid(
                "invalid-field",
                "/reference_garment",
                detail,
            ));
        }
        (None, None) => {
            let detail = "send measurements (of your body) or reference_garment (laid flat)";
            return Err(ApiError::invalid("invalid-field", "/measurements", detail));
        }
    };
    Ok(garment_view(found, compared_with, made_to_measure))
}

fn fit_shoes(product: &Product, request: &FitRequest) -> ApiResult<FitView> {
    if request.reference_garment.is_some() {
        let detail = "shoes are fitted by the foot: send measurements.foot_length";
        return Err(ApiError::invalid(
            "invalid-field",
            "/reference_garment",
            detail,
        ));
    }
    let no_measurements = BTreeMap::new();
    let body = body_measurements(request.measurements.as_ref().unwrap_or(&no_measurements))?;
    let of = |point| body.iter().copied().find(|m| m.point() == point);
    let length = of(Point::FootLength).ok_or_else(|| {
        let detail = "measure your foot_length: heel to the longest toe, standing; give the \
                      longer foot";
        ApiError::invalid("no-measurements", "/measurements/foot_length", detail)
    })?;
    let shoe = fitting::recommend_shoe(length, of(Point::FootGirth))
        .map_err(|e| fitting_error(e, "/measurements", Unit::Cm))?;
    Ok(shoe_view(&shoe, product))
}

/// Parses body measurements, refusing unknown points and implausible values.
fn body_measurements(input: &BTreeMap<String, MeasurementInput>) -> ApiResult<Vec<Measurement>> {
    input
        .iter()
        .map(|(key, m)| {
            let point = parse_point(key, "/measurements")?;
            let unit = unit(m.unit);
            let source = match m.source.unwrap_or(SourceInput::Tape) {
                SourceInput::Tape => fitting::Source::Tape,
                SourceInput::Garment => fitting::Source::Garment,
                SourceInput::Estimate => fitting::Source::Estimate,
            };
            Measurement::new(point, Length::from_unit(m.value, unit), source)
                .map_err(|e| fitting_error(e, "/measurements", unit))
        })
        .collect()
}

/// Parses a garment laid flat (girths doubled by `fitting`).
fn garment_measurements(input: &BTreeMap<String, GarmentInput>) -> ApiResult<Vec<Measurement>> {
    input
        .iter()
        .map(|(key, m)| {
            let point = parse_point(key, "/reference_garment")?;
            let unit = unit(m.unit);
            Measurement::laid_flat(point, Length::from_unit(m.value, unit))
                .map_err(|e| fitting_error(e, "/reference_garment", unit))
        })
        .collect()
}

fn parse_point(key: &str, base: &str) -> ApiResult<Point> {
    key.parse().map_err(|e: fitting::Error| {
        let escaped = key.replace('~', "~0").replace('/', "~1");
        ApiError::invalid("invalid-field", format!("{base}/{escaped}"), e.to_string())
    })
}

fn unit(input: UnitInput) -> Unit {
    match input {
        UnitInput::Cm => Unit::Cm,
        UnitInput::In => Unit::In,
    }
}

/// A refusal of the fitting rules as a problem about the field under `base`; ranges are
/// stated in the unit the traveller measured in.
fn fitting_error(error: fitting::Error, base: &str, unit: Unit) -> ApiError {
    use fitting::Error as E;
    match error {
        E::OutOfRange {
            point,
            given,
            min,
            max,
        } => {
            let flat = if base == "/reference_garment" && point.is_girth() {
                " (laid flat)"
            } else {
                ""
            };
            let show = |l: Length| format!("{:.1} {}", l.in_unit(unit), unit.code());
            let detail = format!(
                "{point}{flat} {} is outside the plausible range {} to {}",
                show(given),
                show(min),
                show(max)
            );
            ApiError::invalid(
                "measurement-out-of-range",
                format!("{base}/{point}/value"),
                detail,
            )
        }
        E::NoMeasurements { .. } => ApiError::invalid("no-measurements", base, error.to_string()),
        E::UnknownName { .. } | E::DuplicatePoint(_) | E::WrongPoint { .. } => {
            ApiError::invalid("invalid-field", base, error.to_string())
        }
        E::EmptyChart(_) | E::ZeroSize(_) => ApiError::Internal(error.into()),
    }
}

fn garment_view(found: Recommendation, compared_with: &'static str, mtm: bool) -> FitView {
    let adjustments = if mtm {
        let view = |a: &fitting::Adjustment| AdjustmentView {
            point: a.point.code().to_owned(),
            delta_cm: a.delta_mm.cm(),
        };
        found.adjustments.iter().map(view).collect()
    } else {
        Vec::new()
    };
    let advice = found
        .advice
        .iter()
        .filter(|a| mtm || !matches!(a, Advice::CustomPattern { .. }))
        .map(advice_view)
        .collect();
    FitView {
        size: found.size.to_owned(),
        runner_up: found.runner_up.map(str::to_owned),
        confidence: rounded(found.confidence),
        compared_with: compared_with.to_owned(),
        areas: found.areas.iter().map(area_view).collect(),
        adjustments,
        advice,
        width: None,
        conversions: None,
    }
}

fn shoe_view(shoe: &ShoeSize, product: &Product) -> FitView {
    let mut advice: Vec<AdviceView> = shoe.advice.iter().map(advice_view).collect();
    if let Some(next) = shoe.runner_up {
        advice.push(AdviceView {
            code: "between-sizes".to_owned(),
            text: format!(
                "Your foot fills the {} mm size; choose {next} mm for thick socks or a \
                 swollen foot.",
                shoe.mm
            ),
            point: Some(Point::FootLength.code().to_owned()),
        });
    }
    let widths = choice_values(product, "width");
    let offered = |class: WidthClass| widths.as_ref().is_none_or(|w| w.contains(&class.code()));
    let width = if offered(shoe.width) {
        shoe.width
    } else {
        if shoe.width == WidthClass::Narrow {
            advice.push(AdviceView {
                code: "narrow-foot".to_owned(),
                text: "Your foot is narrower than the standard fitting; the shoemaker will \
                       fit the last to your girth."
                    .to_owned(),
                point: Some(Point::FootGirth.code().to_owned()),
            });
        }
        WidthClass::Standard
    };
    let Conversions {
        mondopoint,
        eu,
        uk,
        us_men,
        us_women,
        jp_cm,
        cn,
    } = shoe.conversions();
    FitView {
        size: shoe.code(),
        runner_up: shoe.runner_up.map(|mm| mm.to_string()),
        confidence: rounded(shoe.confidence),
        compared_with: "body".to_owned(),
        areas: vec![area_view(&shoe.area())],
        adjustments: Vec::new(),
        advice,
        width: Some(width.code().to_owned()),
        conversions: Some(ConversionsView {
            mondopoint,
            eu,
            uk,
            us_men,
            us_women,
            jp_cm,
            cn,
        }),
    }
}

fn area_view(area: &Area) -> AreaView {
    AreaView {
        point: area.point.code().to_owned(),
        label: area.label.code().to_owned(),
        body_cm: area.body_mm.map(Length::cm),
        reference_cm: area.reference_mm.map(Length::cm),
        garment_cm: area.garment_mm.cm(),
        ease_cm: area.ease_mm.cm(),
        band_cm: BandView {
            min: area.band.min.cm(),
            max: area.band.max.cm(),
        },
    }
}

fn advice_view(advice: &Advice) -> AdviceView {
    AdviceView {
        code: advice.code().to_owned(),
        text: advice.to_string(),
        point: advice.point().map(|p| p.code().to_owned()),
    }
}

/// The value codes of a choice group of the product, if it has one.
fn choice_values<'p>(product: &'p Product, group: &str) -> Option<Vec<&'p str>> {
    product
        .option_groups
        .iter()
        .find(|g| g.code == group)
        .and_then(|g| match &g.kind {
            OptionKind::Choice { values, .. } => {
                Some(values.iter().map(|v| v.code.as_str()).collect())
            }
            OptionKind::Text(_) => None,
        })
}

fn rounded(confidence: f32) -> f32 {
    (confidence * 100.0).round() / 100.0
}
