//! The sizing step: which points to ask for, reading what was typed, and the fitting
//! engine's answer. The engine is `fitting` itself, the crate the server runs for
//! `POST /api/v1/products/{id}/fit`, so the page shows the numbers the workshop gets.

use std::collections::BTreeMap;

use fitting::charts::ProductFit;
use fitting::shoes::ShoeSize;
use fitting::{Fit, Length, Measurement, Point, Recommendation, Source, Unit};

use crate::draft::{Mode, Sizing, UnitChoice};
use crate::format::{number, parse_number};
use crate::json::Json;

/// What is wrong with one typed measurement.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldError {
    /// Not a number at all.
    NotANumber { given: String },
    /// Outside the point's plausible range (as measured: laid flat for a garment girth).
    OutOfRange {
        given: Length,
        min: Length,
        max: Length,
        flat: bool,
    },
}

/// The engine's answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Suggestion {
    /// A garment size; `made_to_measure` means the size is a base pattern to alter.
    Garment {
        recommendation: Recommendation,
        made_to_measure: bool,
    },
    /// A shoe size.
    Shoe(ShoeSize),
}

/// The sizing step evaluated.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Evaluation {
    /// Per point with a problem, in the order asked.
    pub errors: Vec<(Point, FieldError)>,
    /// The answer, when every typed value is valid and enough were given.
    pub suggestion: Option<Suggestion>,
}

/// The points the traveller is asked for, most decisive first.
pub fn points(fit: ProductFit) -> Vec<Point> {
    match fit {
        ProductFit::Garment { chart, .. } => chart.points.iter().map(|r| r.point).collect(),
        ProductFit::Shoes => vec![Point::FootLength, Point::FootGirth],
    }
}

/// The source of body measurements chosen (tape unless said otherwise).
pub fn source(sizing: &Sizing) -> Source {
    sizing.source.parse().unwrap_or(Source::Tape)
}

/// The fit preference from a product's `fit` option value (regular by default).
pub fn fit_of(options: &BTreeMap<String, String>) -> Fit {
    options
        .get("fit")
        .and_then(|code| code.parse().ok())
        .unwrap_or_default()
}

/// Reads what was typed and asks the engine.
pub fn evaluate(fit: ProductFit, sizing: &Sizing, preference: Fit) -> Evaluation {
    let mut evaluation = Evaluation::default();
    if sizing.mode == Mode::Skip {
        return evaluation;
    }
    let garment_mode = sizing.mode == Mode::Garment && matches!(fit, ProductFit::Garment { .. });
    let unit = sizing.unit.unit();
    let mut measurements = Vec::new();
    for point in points(fit) {
        let typed = if garment_mode {
            sizing.garment.get(point.code())
        } else {
            sizing.body.get(point.code())
        };
        let Some(typed) = typed else { continue };
        let value = match parse_number(typed) {
            Ok(None) => continue,
            Ok(Some(value)) => value,
            Err(()) => {
                let given = typed.trim().to_owned();
                evaluation
                    .errors
                    .push((point, FieldError::NotANumber { given }));
                continue;
            }
        };
        let length = Length::from_unit(value, unit);
        let made = if garment_mode {
            Measurement::laid_flat(point, length)
        } else {
            Measurement::new(point, length, source(sizing))
        };
        match made {
            Ok(m) => measurements.push(m),
            Err(fitting::Error::OutOfRange {
                given, min, max, ..
            }) => evaluation.errors.push((
                point,
                FieldError::OutOfRange {
                    given,
                    min,
                    max,
                    flat: garment_mode && point.is_girth(),
                },
            )),
            Err(_) => {}
        }
    }
    if !evaluation.errors.is_empty() || measurements.is_empty() {
        return evaluation;
    }
    evaluation.suggestion = match fit {
        ProductFit::Garment {
            chart,
            made_to_measure,
        } => {
            let found = if garment_mode {
                fitting::recommend_from_garment(chart, &measurements)
            } else {
                fitting::recommend(chart, &measurements, preference)
            };
            found.ok().map(|recommendation| Suggestion::Garment {
                recommendation,
                made_to_measure,
            })
        }
        ProductFit::Shoes => {
            let of = |p: Point| measurements.iter().copied().find(|m| m.point() == p);
            of(Point::FootLength)
                .and_then(|length| fitting::recommend_shoe(length, of(Point::FootGirth)).ok())
                .map(Suggestion::Shoe)
        }
    };
    evaluation
}

/// The `fitting` member of an order item, as `POST /api/v1/products/{id}/fit` takes it:
/// only when the traveller gave valid measurements (a skipped or invalid step sends none).
pub fn fitting_request(fit: ProductFit, sizing: &Sizing, preference: Fit) -> Option<Json> {
    let evaluation = evaluate(fit, sizing, preference);
    evaluation.suggestion.as_ref()?;
    let garment_mode = sizing.mode == Mode::Garment && matches!(fit, ProductFit::Garment { .. });
    let typed = if garment_mode {
        &sizing.garment
    } else {
        &sizing.body
    };
    let unit = sizing.unit.unit().code();
    let mut points = Vec::new();
    for point in self::points(fit) {
        if let Some(Ok(Some(value))) = typed.get(point.code()).map(|t| parse_number(t)) {
            let source = (!garment_mode).then(|| source(sizing).code());
            let entry = Json::object([
                ("value", Json::Number(value)),
                ("unit", unit.into()),
                ("source", source.into()),
            ]);
            points.push((point.code().to_owned(), entry));
        }
    }
    let points = Json::Object(points);
    Some(if garment_mode {
        Json::object([("reference_garment", points)])
    } else if matches!(fit, ProductFit::Shoes) {
        Json::object([("measurements", points)])
    } else {
        Json::object([("measurements", points), ("fit", preference.code().into())])
    })
}

/// Converts every typed value to the other unit (`96` cm → `37.8` in), leaving what does
/// not parse as it is, so switching units never loses a value.
pub fn convert_all(sizing: &mut Sizing, to: UnitChoice) {
    if sizing.unit == to {
        return;
    }
    let (from, to_unit) = (sizing.unit.unit(), to.unit());
    for values in [&mut sizing.body, &mut sizing.garment] {
        for typed in values.values_mut() {
            if let Ok(Some(value)) = parse_number(typed) {
                *typed = number(Length::from_unit(value, from).in_unit(to_unit));
            }
        }
    }
    sizing.unit = to;
}

/// The plausible range of a field as typed, for its hint: `60–160 cm`.
pub fn range_hint(point: Point, garment_mode: bool, unit: Unit) -> String {
    let (min, max) = if garment_mode {
        let (min, max) = point.plausible_garment();
        let factor = if point.is_girth() { 2 } else { 1 };
        (
            Length::mm(min.get() / factor),
            Length::mm(max.get() / factor),
        )
    } else {
        point.plausible()
    };
    format!(
        "{}–{} {}",
        number(min.in_unit(unit)),
        number(max.in_unit(unit)),
        unit.code()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use fitting::charts::for_product;

    fn shirt() -> ProductFit {
        for_product("made-to-measure-shirt").expect("the shirt has a chart")
    }

    fn sizing(mode: Mode, pairs: &[(&str, &str)]) -> Sizing {
        let values: BTreeMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        Sizing {
            mode,
            body: values.clone(),
            garment: values,
            ..Sizing::default()
        }
    }

    #[test]
    fn an_impossible_measurement_names_the_point_and_the_range() {
        let evaluation = evaluate(
            shirt(),
            &sizing(Mode::Body, &[("chest", "300"), ("neck", "x")]),
            Fit::Regular,
        );
        assert_eq!(evaluation.suggestion, None);
        assert_eq!(
            evaluation.errors,
            vec![
                (
                    Point::Chest,
                    FieldError::OutOfRange {
                        given: Length::mm(3000),
                        min: Length::mm(600),
                        max: Length::mm(1600),
                        flat: false
                    }
                ),
                (Point::Neck, FieldError::NotANumber { given: "x".into() }),
            ]
        );
    }

    #[test]
    fn valid_measurements_give_the_servers_recommendation() {
        let typed = sizing(
            Mode::Body,
            &[("chest", "101"), ("neck", "39"), ("waist", "")],
        );
        let evaluation = evaluate(shirt(), &typed, Fit::Regular);
        let Some(Suggestion::Garment {
            recommendation,
            made_to_measure,
        }) = evaluation.suggestion
        else {
            panic!("a garment suggestion: {evaluation:?}");
        };
        assert!(made_to_measure);
        let ProductFit::Garment { chart, .. } = shirt() else {
            unreachable!()
        };
        let body = [
            Measurement::new(Point::Chest, Length::mm(1010), Source::Tape).expect("valid"),
            Measurement::new(Point::Neck, Length::mm(390), Source::Tape).expect("valid"),
        ];
        assert_eq!(
            Some(recommendation),
            fitting::recommend(chart, &body, Fit::Regular).ok()
        );
        let request = fitting_request(shirt(), &typed, Fit::Slim).expect("a request");
        assert_eq!(
            request.to_text(),
            r#"{"measurements":{"chest":{"value":101,"unit":"cm","source":"tape"},"neck":{"value":39,"unit":"cm","source":"tape"}},"fit":"slim"}"#
        );
    }

    #[test]
    fn a_garment_laid_flat_is_checked_as_laid_flat() {
        let evaluation = evaluate(
            shirt(),
            &sizing(Mode::Garment, &[("chest", "108")]),
            Fit::Regular,
        );
        assert!(matches!(
            evaluation.errors[..],
            [(Point::Chest, FieldError::OutOfRange { flat: true, .. })]
        ));
        let typed = sizing(Mode::Garment, &[("chest", "55"), ("sleeve", "62")]);
        assert!(evaluate(shirt(), &typed, Fit::Regular).suggestion.is_some());
        assert_eq!(
            fitting_request(shirt(), &typed, Fit::Regular)
                .map(|j| j.to_text())
                .as_deref(),
            Some(
                r#"{"reference_garment":{"chest":{"value":55,"unit":"cm"},"sleeve":{"value":62,"unit":"cm"}}}"#
            )
        );
    }

    #[test]
    fn nothing_typed_or_skipped_gives_no_suggestion_and_no_request() {
        for typed in [
            sizing(Mode::Body, &[]),
            sizing(Mode::Skip, &[("chest", "100")]),
            sizing(Mode::Body, &[("chest", "1000")]),
        ] {
            assert_eq!(evaluate(shirt(), &typed, Fit::Regular).suggestion, None);
            assert_eq!(fitting_request(shirt(), &typed, Fit::Regular), None);
        }
    }

    #[test]
    fn feet_give_a_shoe_size() {
        let typed = sizing(Mode::Body, &[("foot_length", "26.2"), ("foot_girth", "25")]);
        let Some(Suggestion::Shoe(shoe)) =
            evaluate(ProductFit::Shoes, &typed, Fit::Regular).suggestion
        else {
            panic!("a shoe size");
        };
        assert_eq!(shoe.code(), "265");
        assert_eq!(
            fitting_request(ProductFit::Shoes, &typed, Fit::Regular)
                .map(|j| j.to_text())
                .as_deref(),
            Some(
                r#"{"measurements":{"foot_length":{"value":26.2,"unit":"cm","source":"tape"},"foot_girth":{"value":25,"unit":"cm","source":"tape"}}}"#
            )
        );
    }

    #[test]
    fn inches_are_read_and_converted_without_losing_values() {
        let mut typed = sizing(Mode::Body, &[("chest", "96"), ("neck", "abc")]);
        convert_all(&mut typed, UnitChoice::In);
        assert_eq!(typed.body["chest"], "37.8");
        assert_eq!(typed.body["neck"], "abc");
        assert_eq!(typed.unit, UnitChoice::In);
        let evaluation = evaluate(
            shirt(),
            &sizing(Mode::Body, &[("chest", "37.8")]).with_unit(UnitChoice::In),
            Fit::Regular,
        );
        assert!(evaluation.suggestion.is_some());
        convert_all(&mut typed, UnitChoice::Cm);
        assert_eq!(typed.body["chest"], "96");
        assert_eq!(range_hint(Point::Chest, false, Unit::Cm), "60–160 cm");
        assert_eq!(range_hint(Point::Chest, true, Unit::Cm), "30–100 cm");
        assert_eq!(range_hint(Point::Chest, false, Unit::In), "23.6–63 in");
    }

    impl Sizing {
        fn with_unit(mut self, unit: UnitChoice) -> Sizing {
            self.unit = unit;
            self
        }
    }
}
