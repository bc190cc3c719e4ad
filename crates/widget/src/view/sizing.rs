//! The sizing step's form: how to size, the unit and the source, the fit option group,
//! and a field per point with where to measure it drawn beside.

use std::fmt::Write;

use fitting::Point;
use fitting::charts::ProductFit;

use super::options::choice_group;
use super::parts::radio;
use crate::app::App;
use crate::app::fields::measure_id;
use crate::draft::{Mode, UnitChoice};
use crate::html::{esc, field_message, invalid};
use crate::i18n::{T, point_hint, point_name};
use crate::sizing::range_hint;

/// How to size the product, and a field per point to measure.
pub(super) fn sizing(app: &App) -> String {
    let Some(fit) = app.product_fit() else {
        return String::new();
    };
    let s = &app.draft.sizing;
    let shoes = matches!(fit, ProductFit::Shoes);
    let mut html = format!(r#"<p class="lead">{}</p>"#, app.t(T::SizingIntro));
    let _ = write!(
        html,
        r#"<fieldset class="choices"><legend>{}</legend>{}"#,
        app.t(T::SizingHow),
        radio(
            "mode",
            "body",
            s.mode == Mode::Body || (shoes && s.mode == Mode::Garment),
            app.t(if shoes { T::ModeShoes } else { T::ModeBody })
        )
    );
    if !shoes {
        html.push_str(&radio(
            "mode",
            "garment",
            s.mode == Mode::Garment,
            app.t(T::ModeGarment),
        ));
    }
    html.push_str(&radio(
        "mode",
        "skip",
        s.mode == Mode::Skip,
        app.t(T::ModeSkip),
    ));
    html.push_str("</fieldset>");
    if s.mode == Mode::Skip {
        let _ = write!(html, r#"<p class="muted">{}</p>"#, app.t(T::SkipNote));
        return html + &fit_group(app);
    }
    let garment_mode = s.mode == Mode::Garment && !shoes;
    let _ = write!(
        html,
        r#"<div class="row"><fieldset class="choices inline"><legend>{}</legend>{}{}</fieldset>"#,
        app.t(T::Unit),
        radio("unit", "cm", s.unit == UnitChoice::Cm, app.t(T::UnitCm)),
        radio("unit", "in", s.unit == UnitChoice::In, app.t(T::UnitIn)),
    );
    if !garment_mode {
        let source = crate::sizing::source(s);
        let _ = write!(
            html,
            r#"<div class="field"><label for="source">{}</label><select id="source" name="source">"#,
            app.t(T::Source)
        );
        for (code, key) in [
            ("tape", T::SourceTape),
            ("garment", T::SourceGarment),
            ("estimate", T::SourceEstimate),
        ] {
            let selected = if source.code() == code {
                " selected"
            } else {
                ""
            };
            let _ = write!(
                html,
                r#"<option value="{code}"{selected}>{}</option>"#,
                app.t(key)
            );
        }
        html.push_str("</select></div>");
    }
    html.push_str("</div>");
    html.push_str(&fit_group(app));
    if garment_mode {
        let _ = write!(html, r#"<p class="hint">{}</p>"#, app.t(T::GarmentHint));
    }
    let points = crate::sizing::points(fit);
    let evaluation = app.evaluation().unwrap_or_default();
    let _ = write!(
        html,
        r#"<div class="measure"><figure class="drawing">{}<figcaption>{}</figcaption></figure><div class="fields">"#,
        drawing(fit, &points, app.t(T::MeasureDrawing)),
        app.t(T::MeasureDrawing)
    );
    let values = if garment_mode { &s.garment } else { &s.body };
    for (i, point) in points.iter().enumerate() {
        let id = measure_id(s, *point);
        let typed = values.get(point.code()).map_or("", String::as_str);
        let error = app.field_errors.get(&id).cloned().or_else(|| {
            evaluation
                .errors
                .iter()
                .find(|(p, _)| p == point)
                .map(|(p, e)| app.field_error_text(*p, e))
        });
        let mut label = app.t(point_name(*point)).to_owned();
        if garment_mode && point.is_girth() {
            label = format!("{label} ({})", app.t(T::LaidFlat));
        }
        let hint = if garment_mode && point.is_girth() {
            range_hint(*point, true, s.unit.unit())
        } else {
            format!(
                "{} {}",
                app.t(point_hint(*point)),
                range_hint(*point, garment_mode, s.unit.unit())
            )
        };
        let _ = write!(
            html,
            r#"<div class="field" data-point="{code}"><label for="{id}"><span class="num" aria-hidden="true">{n}</span> {label} <span class="unit">({unit})</span></label><input type="text" id="{id}" name="{id}" inputmode="decimal" autocomplete="off" spellcheck="false" value="{value}" aria-describedby="{id}-hint {id}-error"{invalid}><p class="hint" id="{id}-hint">{hint}</p><p class="error" id="{id}-error">{error}</p></div>"#,
            code = point.code(),
            n = i + 1,
            label = esc(&label),
            unit = s.unit.unit().code(),
            value = esc(typed),
            invalid = invalid(error.as_deref()),
            hint = esc(&hint),
            error = field_message(error.as_deref()),
        );
    }
    html.push_str("</div></div>");
    html
}

/// The product's `fit` option group, shown with the sizing (it changes the suggestion).
fn fit_group(app: &App) -> String {
    match app.product().and_then(|p| p.group("fit")) {
        Some(group) if app.product_fit().is_some() => choice_group(app, group),
        _ => String::new(),
    }
}

/// Where to measure: a figure (garments) or a foot (shoes) with a numbered line per
/// point asked for, matching the numbers of the fields.
fn drawing(fit: ProductFit, points: &[Point], title: &str) -> String {
    let mut svg = format!(
        r#"<svg viewBox="0 0 120 200" width="120" height="200" role="img" aria-labelledby="drawing-title"><title id="drawing-title">{}</title>"#,
        esc(title)
    );
    if matches!(fit, ProductFit::Shoes) {
        svg.push_str(r#"<path class="body" d="M60 12c20 0 30 22 30 48 0 22-4 36-6 54-2 20 4 34 2 52-2 18-14 26-26 26s-24-8-26-26c-2-18 4-32 2-52-2-18-6-32-6-54 0-26 10-48 30-48z"/>"#);
    } else {
        svg.push_str(r#"<circle class="body" cx="60" cy="18" r="12"/><path class="body" d="M50 31h20l4 6 18 7 10 58-10 2-8-42-2 48 4 80H66l-6-70-6 70H36l4-80-2-48-8 42-10-2 10-58 18-7z"/>"#);
    }
    for (i, point) in points.iter().enumerate() {
        let (line, (x, y)) = match point {
            Point::Neck => (r#"<ellipse cx="60" cy="36" rx="9" ry="3"/>"#, (40, 32)),
            Point::Shoulder => (r#"<path d="M30 44H90"/>"#, (22, 40)),
            Point::Chest => (r#"<path d="M36 60H84"/>"#, (28, 58)),
            Point::Waist => (r#"<path d="M38 84H82"/>"#, (30, 84)),
            Point::Hip => (r#"<path d="M39 104H81"/>"#, (31, 106)),
            Point::Sleeve => (r#"<path d="M92 44 101 100"/>"#, (104, 72)),
            Point::Inseam => (r#"<path d="M63 124 66 188"/>"#, (72, 160)),
            Point::Height => (r#"<path d="M112 6V190"/>"#, (112, 198)),
            Point::FootLength => (r#"<path d="M100 12V190"/>"#, (108, 100)),
            Point::FootGirth => (r#"<path d="M30 62Q60 74 90 62"/>"#, (20, 58)),
        };
        let _ = write!(
            svg,
            r#"<g class="pt" data-point="{}">{line}<circle cx="{x}" cy="{y}" r="6"/><text x="{x}" y="{}">{}</text></g>"#,
            point.code(),
            y + 3,
            i + 1
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::tests_support::app;
    use crate::view::fit::fit_result;

    #[test]
    fn measurement_errors_show_next_to_their_field_with_the_range() {
        let mut app = app(Lang::Ko);
        app.choose_product("made-to-measure-shirt");
        app.draft.sizing.body.insert("chest".into(), "300".into());
        let html = sizing(&app);
        assert!(
            html.contains(r#"aria-invalid="true""#) && html.contains("60 cm~160 cm"),
            "{html}"
        );
        app.draft.sizing.body.insert("chest".into(), "100".into());
        let result = fit_result(&app);
        assert!(result.contains("기본 패턴 100"), "{result}");
        assert!(result.contains("<table"), "numbers, not only labels");
    }
}
