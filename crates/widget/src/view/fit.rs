//! The sizing step's answer: the suggested size with its confidence, the numbers per
//! area, the alterations and the advice, for garments and for shoes.

use std::fmt::Write;

use fitting::{Advice, Area, Point, Unit};

use crate::app::App;
use crate::draft::Mode;
use crate::format::{length, signed_length};
use crate::html::esc;
use crate::i18n::{Lang, T, label_name, point_name};
use crate::sizing::Suggestion;

/// A point's name inside a sentence (lower case in English).
fn point_in_sentence(app: &App, point: Point) -> String {
    let name = app.t(point_name(point));
    if app.lang == Lang::En {
        name.to_ascii_lowercase()
    } else {
        name.to_owned()
    }
}

fn advice_text(app: &App, advice: &Advice, unit: Unit) -> String {
    match advice {
        Advice::MeasureNext(p) => {
            app.f(T::AdvMeasureNext, &[("point", &point_in_sentence(app, *p))])
        }
        Advice::Remeasure(p) => app.f(T::AdvRemeasure, &[("point", &point_in_sentence(app, *p))]),
        Advice::BetweenSizes { smaller, larger } => {
            app.f(T::AdvBetween, &[("smaller", smaller), ("larger", larger)])
        }
        Advice::NoSizeFits(p) => app.f(T::AdvNoSizeFits, &[("point", &point_in_sentence(app, *p))]),
        Advice::CustomPattern { point, needed } => app.f(
            T::AdvCustom,
            &[
                ("point", &point_in_sentence(app, *point)),
                ("needed", &length(*needed, unit)),
            ],
        ),
    }
}

fn label_icon(label: fitting::AreaLabel) -> &'static str {
    use fitting::AreaLabel as L;
    match label {
        L::Good => "✓",
        L::Snug | L::Loose => "≈",
        L::Tight | L::TooLoose => "⚠",
    }
}

fn confidence(app: &App, value: f32) -> String {
    let level = if value >= 0.8 {
        T::ConfHigh
    } else if value >= 0.5 {
        T::ConfMedium
    } else {
        T::ConfLow
    };
    let percent = ((value * 100.0).round() as i32).to_string();
    app.f(
        T::Confidence,
        &[("percent", &percent), ("level", app.t(level))],
    )
}

fn areas_table(app: &App, areas: &[Area], reference: bool, unit: Unit) -> String {
    let mut html = format!(
        r#"<div class="table-wrap"><table class="areas"><caption>{}</caption><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>"#,
        app.f(T::AreasCaption, &[("unit", unit.code())]),
        app.t(T::ColArea),
        app.t(if reference {
            T::ColYourGarment
        } else {
            T::ColYou
        }),
        app.t(T::ColGarment),
        app.t(T::ColEase)
    );
    for area in areas {
        // The caption names the unit; the cells are numbers.
        let value = |l: fitting::Length| crate::format::number(l.in_unit(unit));
        let yours = area
            .body_mm
            .or(area.reference_mm)
            .map(value)
            .unwrap_or_default();
        let ease = value(area.ease_mm);
        let ease = if area.ease_mm.get() > 0 {
            format!("+{ease}")
        } else {
            ease
        };
        let _ = write!(
            html,
            r#"<tr><th scope="row">{} <span class="label l-{}"><span aria-hidden="true">{}</span> {}</span></th><td>{}</td><td>{}</td><td>{}</td></tr>"#,
            app.t(point_name(area.point)),
            area.label.code(),
            label_icon(area.label),
            app.t(label_name(area.label)),
            yours,
            value(area.garment_mm),
            ease
        );
    }
    html.push_str("</tbody></table></div>");
    html
}

/// The suggestion for the measurements typed (nothing while skipped).
pub(super) fn fit_result(app: &App) -> String {
    let Some(evaluation) = app.evaluation() else {
        return String::new();
    };
    if app.draft.sizing.mode == Mode::Skip {
        return String::new();
    }
    let unit = app.draft.sizing.unit.unit();
    let Some(suggestion) = evaluation.suggestion else {
        if evaluation.errors.is_empty() {
            return format!(r#"<p class="muted">{}</p>"#, app.t(T::EnterOne));
        }
        return String::new();
    };
    let mut html = format!(
        r#"<div class="result" id="fit-result"><h3>{}</h3>"#,
        app.t(T::Suggestion)
    );
    match suggestion {
        Suggestion::Garment {
            recommendation: r,
            made_to_measure,
        } => {
            let key = if made_to_measure {
                T::BaseSizeIs
            } else {
                T::SizeIs
            };
            let _ = write!(
                html,
                r#"<p class="big" id="fit-size">{}</p>"#,
                app.f(key, &[("size", r.size)])
            );
            if let Some(other) = r.runner_up {
                let _ = write!(
                    html,
                    "<p>{}</p>",
                    app.f(T::AlsoPossible, &[("size", other)])
                );
            }
            let _ = write!(html, "<p>{}</p>", confidence(app, r.confidence));
            let reference = r.areas.iter().any(|a| a.reference_mm.is_some());
            html.push_str(&areas_table(app, &r.areas, reference, unit));
            if made_to_measure && !r.adjustments.is_empty() {
                let _ = write!(html, "<h4>{}</h4><ul>", app.t(T::Alterations));
                for a in &r.adjustments {
                    let _ = write!(
                        html,
                        "<li>{}: {}</li>",
                        app.t(point_name(a.point)),
                        signed_length(a.delta_mm, unit)
                    );
                }
                html.push_str("</ul>");
            }
            let advice: Vec<&Advice> = r
                .advice
                .iter()
                .filter(|a| made_to_measure || !matches!(a, Advice::CustomPattern { .. }))
                .collect();
            if !advice.is_empty() {
                html.push_str(r#"<ul class="advice">"#);
                for a in advice {
                    let _ = write!(html, "<li>{}</li>", esc(&advice_text(app, a, unit)));
                }
                html.push_str("</ul>");
            }
        }
        Suggestion::Shoe(shoe) => {
            let width = match shoe.width {
                fitting::WidthClass::Narrow => T::WNarrow,
                fitting::WidthClass::Standard => T::WStandard,
                fitting::WidthClass::Wide => T::WWide,
            };
            let _ = write!(
                html,
                r#"<p class="big" id="fit-size">{}</p><p>{}</p>"#,
                app.f(
                    T::ShoeSizeIs,
                    &[("size", &shoe.code()), ("width", app.t(width))]
                ),
                confidence(app, shoe.confidence)
            );
            html.push_str(&areas_table(app, &[shoe.area()], false, unit));
            let c = shoe.conversions();
            let _ = write!(
                html,
                "<p>{}</p>",
                app.f(
                    T::Conversions,
                    &[
                        ("eu", &crate::format::number(f64::from(c.eu))),
                        ("uk", &crate::format::number(f64::from(c.uk))),
                        ("us_men", &crate::format::number(f64::from(c.us_men))),
                        ("us_women", &crate::format::number(f64::from(c.us_women))),
                        ("jp", &crate::format::number(f64::from(c.jp_cm))),
                    ]
                )
            );
            html.push_str(r#"<ul class="advice">"#);
            for a in &shoe.advice {
                let _ = write!(html, "<li>{}</li>", esc(&advice_text(app, a, unit)));
            }
            if let Some(next) = shoe.runner_up {
                let _ = write!(
                    html,
                    "<li>{}</li>",
                    app.f(T::ShoeFills, &[("size", &next.to_string())])
                );
            }
            if shoe.width == fitting::WidthClass::Narrow {
                let _ = write!(html, "<li>{}</li>", app.t(T::ShoeNarrow));
            }
            if app.product().is_some_and(|p| p.group("size").is_some()) {
                let _ = write!(html, "<li>{}</li>", app.t(T::AppliedSize));
            }
            html.push_str("</ul>");
        }
    }
    html.push_str("</div>");
    html
}
