//! The page as HTML, from the state: one function per region of the page.
//!
//! Pure string building (every catalogue or typed text is escaped), so it is tested
//! natively and the wasm stays small (no UI framework). The DOM layer puts each region
//! into its container; inputs carry stable ids so focus survives a re-render, and every
//! control has a `<label>`, every group a `<fieldset>` with a `<legend>`, every message
//! words (and an icon), never colour alone.

use std::fmt::Write;

use fitting::charts::ProductFit;
use fitting::{Advice, Area, Point, Unit};

use crate::app::fields::measure_id;
use crate::app::{App, ArtworkState, CardState, QuoteState};
use crate::artwork::print_area;
use crate::draft::{Mode, UnitChoice};
use crate::format::{SeoulTime, krw, length, seoul, signed_length};
use crate::html::esc;
use crate::i18n::{self, Lang, T, label_name, point_hint, point_name};
use crate::sizing::{Suggestion, range_hint};
use crate::wire::{AlternativeView, OptionGroupView, ReasonView};

/// The regions of the page and their HTML, in page order.
pub fn regions(app: &App) -> Vec<(&'static str, String)> {
    let mut out = vec![
        ("g-lang", language_switcher(app)),
        ("g-head", head(app)),
        ("g-notice", notice(app)),
        ("c-products", products(app)),
        ("c-sizing", sizing(app)),
        ("c-options", options(app)),
        ("c-trip", trip(app)),
        ("c-traveller", traveller(app)),
        ("c-pay", pay(app)),
        ("c-card", card(app)),
        ("c-done", done(app)),
    ];
    out.extend(outputs(app));
    out
}

/// The regions that only show results (updated while the traveller types, without
/// touching the inputs).
pub fn outputs(app: &App) -> Vec<(&'static str, String)> {
    vec![
        ("c-fit", fit_result(app)),
        ("c-price", price(app)),
        ("c-quote", quote(app)),
    ]
}

/// The sections shown, with their headings' texts: `(section id, heading)`. Steps are
/// numbered as shown; sections not listed are hidden.
pub fn sections(app: &App) -> Vec<(&'static str, String)> {
    match &app.placed {
        Some(p) if p.client_secret.is_none() => {
            return vec![("s-done", app.t(T::StepDone).to_owned())];
        }
        Some(_) => return vec![("s-pay", app.t(T::StepPay).to_owned())],
        None => {}
    }
    let mut steps: Vec<(&'static str, T)> = vec![("s-products", T::StepProduct)];
    if app.product().is_some() && !app.choosing {
        if app.product_fit().is_some() {
            steps.push(("s-sizing", T::StepSizing));
        }
        steps.extend([
            ("s-options", T::StepOptions),
            ("s-trip", T::StepTrip),
            ("s-traveller", T::StepTraveller),
            ("s-pay", T::StepPay),
        ]);
    }
    steps
        .into_iter()
        .enumerate()
        .map(|(i, (id, key))| (id, format!("{}. {}", i + 1, app.t(key))))
        .collect()
}

/// The page's frame: a container per region, sections hidden until shown. The preview
/// canvas and Stripe's card form live outside the regions, so re-rendering a region never
/// clears a drawn preview or a mounted card form.
pub const SHELL: &str = concat!(
    r#"<div class="gb">"#,
    r#"<header class="gb-head"><div class="gb-lang" id="g-lang"></div><div id="g-head"></div></header>"#,
    r#"<div id="g-notice" class="gb-notice" role="status" aria-live="polite"></div>"#,
    r#"<main class="gb-main">"#,
    r#"<section id="s-products" aria-labelledby="h-products"><h2 id="h-products" tabindex="-1"></h2><div id="c-products"></div></section>"#,
    r#"<section id="s-sizing" aria-labelledby="h-sizing" hidden><h2 id="h-sizing" tabindex="-1"></h2><div id="c-sizing"></div><div id="c-fit" aria-live="polite"></div></section>"#,
    r#"<section id="s-options" aria-labelledby="h-options" hidden><h2 id="h-options" tabindex="-1"></h2><div class="options"><div id="c-options"></div>"#,
    r#"<figure id="preview" class="preview" hidden><canvas id="preview-canvas" width="320" height="320" role="img"></canvas><figcaption id="preview-status" aria-live="polite"></figcaption></figure></div>"#,
    r#"<div id="c-price" aria-live="polite"></div></section>"#,
    r#"<section id="s-trip" aria-labelledby="h-trip" hidden><h2 id="h-trip" tabindex="-1"></h2><div id="c-trip"></div><div id="c-quote" aria-live="polite"></div></section>"#,
    r#"<section id="s-traveller" aria-labelledby="h-traveller" hidden><h2 id="h-traveller" tabindex="-1"></h2><div id="c-traveller"></div></section>"#,
    r#"<section id="s-pay" aria-labelledby="h-pay" hidden><h2 id="h-pay" tabindex="-1"></h2><div id="c-pay"></div><div id="card-element" class="card-element"></div><div id="c-card" aria-live="polite"></div></section>"#,
    r#"<section id="s-done" aria-labelledby="h-done" hidden><h2 id="h-done" tabindex="-1"></h2><div id="c-done"></div></section>"#,
    r#"</main></div>"#,
);

/// The page's title and introduction.
fn head(app: &App) -> String {
    format!(
        r#"<h1>{}</h1><p class="intro">{}</p>"#,
        app.t(T::Title),
        app.t(T::Intro)
    )
}

/// Every section id, for hiding those not shown.
pub const SECTIONS: [&str; 7] = [
    "s-products",
    "s-sizing",
    "s-options",
    "s-trip",
    "s-traveller",
    "s-pay",
    "s-done",
];

fn language_switcher(app: &App) -> String {
    let mut html = format!(
        r#"<label for="lang">{}</label><select id="lang" name="lang" autocomplete="off">"#,
        app.t(T::Language)
    );
    for lang in Lang::ALL {
        let selected = if lang == app.lang { " selected" } else { "" };
        let _ = write!(
            html,
            r#"<option value="{}" lang="{}"{selected}>{}</option>"#,
            lang.code(),
            lang.code(),
            lang.native_name()
        );
    }
    html.push_str("</select>");
    html
}

fn notice(app: &App) -> String {
    let mut html = String::new();
    if app.retry.is_some() {
        let _ = write!(
            html,
            r#"<div class="banner warn"><p><span aria-hidden="true">⚠</span> {}</p><button type="button" data-act="retry">{}</button></div>"#,
            app.t(T::Unreachable),
            app.t(T::Retry)
        );
    }
    if let Some(message) = &app.notice {
        let _ = write!(html, r#"<p class="banner">{}</p>"#, esc(message));
    }
    html
}

fn products(app: &App) -> String {
    let Some(catalogue) = &app.catalogue else {
        return format!(r#"<p class="muted">{}</p>"#, app.t(T::Loading));
    };
    if let (Some(product), false) = (app.product(), app.choosing) {
        return format!(
            r#"<div class="chosen"><p>{}</p><button type="button" class="secondary" data-act="change-product">{}</button></div>"#,
            app.f(
                T::Chosen,
                &[(
                    "product",
                    &format!("<strong>{}</strong>", esc(&product.name))
                )]
            ),
            app.t(T::ChangeProduct)
        );
    }
    let mut html = String::from(r#"<ul class="cards" id="products">"#);
    for product in &catalogue.products {
        let category = i18n::category_name(&product.category).map_or("", |k| app.t(k));
        let workshop = app
            .workshop_name(product.workshop_id)
            .map(|name| app.f(T::ByWorkshop, &[("workshop", name)]))
            .unwrap_or_default();
        let current = app.draft.product.as_deref() == Some(product.code.as_str());
        let _ = write!(
            html,
            r#"<li class="card{}"><h3><button type="button" class="card-button" data-act="choose" data-value="{}" aria-describedby="about-{}"{}>{}</button></h3><p class="meta" id="about-{}"><span class="tag">{}</span> {} · <strong>{}</strong></p><p class="desc">{}</p></li>"#,
            if current { " current" } else { "" },
            esc(&product.code),
            esc(&product.code),
            if current {
                r#" aria-current="true""#
            } else {
                ""
            },
            esc(&product.name),
            esc(&product.code),
            category,
            esc(&workshop),
            app.f(T::PriceFrom, &[("price", &krw(product.base_price_krw))]),
            esc(&product.description)
        );
    }
    html.push_str("</ul>");
    html
}

fn radio(name: &str, value: &str, checked: bool, label: &str) -> String {
    format!(
        r#"<label class="choice"><input type="radio" name="{name}" id="{name}-{value}" value="{value}"{}> <span>{label}</span></label>"#,
        if checked { " checked" } else { "" }
    )
}

fn sizing(app: &App) -> String {
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
            invalid = if error.is_some() {
                r#" aria-invalid="true""#
            } else {
                ""
            },
            hint = esc(&hint),
            error = error
                .map(|e| format!("<span aria-hidden=\"true\">⚠</span> {}", esc(&e)))
                .unwrap_or_default(),
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

fn fit_result(app: &App) -> String {
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

/// The characters a text option allows, runs written as ranges: `& . A–Z`.
pub fn describe_allowed(allowed: &str) -> String {
    // A set sorts and de-duplicates (the same type as `domain`'s rule, so no new code).
    let chars: Vec<char> = crate::json::char_set(allowed).into_iter().collect();
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let mut j = i;
        while j + 1 < chars.len() && chars[j + 1] as u32 == chars[j] as u32 + 1 {
            j += 1;
        }
        if j - i >= 2 {
            parts.push(format!("{}–{}", chars[i], chars[j]));
        } else {
            parts.extend(chars[i..=j].iter().map(char::to_string));
        }
        i = j + 1;
    }
    parts.join(" ")
}

fn delta(app: &App, won: i64) -> String {
    if won == 0 {
        app.t(T::Included).to_owned()
    } else if won > 0 {
        format!("+{}", krw(won))
    } else {
        krw(won)
    }
}

fn choice_group(app: &App, group: &OptionGroupView) -> String {
    let chosen = app.draft.options.get(&group.code);
    let id = format!("opt-{}", group.code);
    if group.values.len() > 6 {
        let mut html = format!(
            r#"<div class="field"><label for="{id}">{}</label><select id="{id}" name="{id}">"#,
            esc(&group.label)
        );
        for value in &group.values {
            let selected = if chosen == Some(&value.code) {
                " selected"
            } else {
                ""
            };
            let price = if value.price_delta_krw == 0 {
                String::new()
            } else {
                format!(" ({})", delta(app, value.price_delta_krw))
            };
            let _ = write!(
                html,
                r#"<option value="{}"{selected}>{}{price}</option>"#,
                esc(&value.code),
                esc(&value.label)
            );
        }
        html.push_str("</select></div>");
        return html;
    }
    let mut html = format!(
        r#"<fieldset class="choices" id="{id}"><legend>{}</legend>"#,
        esc(&group.label)
    );
    for value in &group.values {
        let checked = if chosen == Some(&value.code) {
            " checked"
        } else {
            ""
        };
        let _ = write!(
            html,
            r#"<label class="choice"><input type="radio" name="{id}" id="{id}-{code}" value="{code}"{checked}> <span>{label}</span> <span class="delta">{delta}</span></label>"#,
            code = esc(&value.code),
            label = esc(&value.label),
            delta = delta(app, value.price_delta_krw)
        );
    }
    html.push_str("</fieldset>");
    html
}

fn options(app: &App) -> String {
    let Some(product) = app.product() else {
        return String::new();
    };
    let fit_shown = app.product_fit().is_some();
    let mut html = String::new();
    for group in &product.option_groups {
        if fit_shown && group.code == "fit" {
            continue;
        }
        match &group.text_rule {
            Some(rule) => {
                let id = format!("opt-{}", group.code);
                let typed = app
                    .draft
                    .options
                    .get(&group.code)
                    .map_or("", String::as_str);
                let error = app
                    .field_errors
                    .get(&id)
                    .cloned()
                    .or_else(|| app.text_error(&group.code));
                let _ = write!(
                    html,
                    r#"<div class="field"><label for="{id}">{label}</label><input type="text" id="{id}" name="{id}" value="{value}" autocomplete="off" autocapitalize="characters" spellcheck="false" aria-describedby="{id}-hint {id}-error"{invalid}><p class="hint" id="{id}-hint">{help} {price}</p><p class="error" id="{id}-error">{error}</p></div>"#,
                    label = esc(&group.label),
                    value = esc(typed),
                    invalid = if error.is_some() {
                        r#" aria-invalid="true""#
                    } else {
                        ""
                    },
                    help = esc(&app.f(
                        T::MonogramHelp,
                        &[
                            ("max", &rule.max_chars.to_string()),
                            ("allowed", &describe_allowed(&rule.allowed_characters))
                        ]
                    )),
                    price = app.f(T::MonogramPrice, &[("price", &krw(rule.price_delta_krw))]),
                    error = error
                        .map(|e| format!("<span aria-hidden=\"true\">⚠</span> {}", esc(&e)))
                        .unwrap_or_default(),
                );
            }
            None => html.push_str(&choice_group(app, group)),
        }
    }
    if let Some((_, name)) = print_area(&product.code, &app.draft.options) {
        let (status, class) = match &app.artwork {
            ArtworkState::None => (String::new(), ""),
            ArtworkState::Reading => (app.t(T::ArtworkReading).to_owned(), "muted"),
            ArtworkState::Checked {
                message,
                usable,
                soft,
            } => {
                let class = match (usable, soft) {
                    (false, _) => "error",
                    (true, true) => "warn",
                    (true, false) => "ok",
                };
                (message.clone(), class)
            }
            ArtworkState::Refused(message) => (message.clone(), "error"),
        };
        let remove = if matches!(app.artwork, ArtworkState::Checked { .. }) {
            format!(
                r#"<button type="button" class="secondary" data-act="remove-artwork">{}</button>"#,
                app.t(T::ArtworkRemove)
            )
        } else {
            String::new()
        };
        let _ = write!(
            html,
            r#"<div class="field"><label for="artwork">{} <span class="unit">({name})</span></label><input type="file" id="artwork" name="artwork" accept="image/*" aria-describedby="artwork-hint artwork-status"><p class="hint" id="artwork-hint">{}</p><p class="{class}" id="artwork-status">{}</p>{remove}</div>"#,
            app.t(T::Artwork),
            app.t(T::ArtworkHint),
            esc(&status)
        );
    }
    html
}

fn price(app: &App) -> String {
    match app.configuration() {
        Some(Ok(configuration)) => format!(
            r#"<p class="price">{}</p>"#,
            app.f(
                T::UnitPriceIs,
                &[("price", &krw(configuration.unit_price.won()))]
            )
        ),
        _ => String::new(),
    }
}

fn trip(app: &App) -> String {
    let t = &app.draft.trip;
    let order_error = app
        .trip_errors()
        .into_iter()
        .find(|(_, m)| m == app.t(T::ErrDepartureOrder))
        .map(|(_, m)| m);
    let field = |id: &str, key: T, value: &str, computed: Option<String>| {
        let error = app.field_errors.get(id).cloned().or(computed);
        format!(
            r#"<div class="field"><label for="{id}">{}</label><input type="datetime-local" id="{id}" name="{id}" value="{}" aria-describedby="trip-hint {id}-error"{}><p class="error" id="{id}-error">{}</p></div>"#,
            app.t(key),
            esc(value),
            if error.is_some() {
                r#" aria-invalid="true""#
            } else {
                ""
            },
            error
                .map(|e| format!("<span aria-hidden=\"true\">⚠</span> {}", esc(&e)))
                .unwrap_or_default()
        )
    };
    let mut html = format!(
        r#"<p class="hint" id="trip-hint">{}</p>"#,
        app.t(T::TripIntro)
    );
    html.push_str(&field("trip-arrival", T::Arrival, &t.arrival, None));
    html.push_str(&field(
        "trip-departure",
        T::Departure,
        &t.departure,
        order_error,
    ));
    let _ = write!(
        html,
        r#"<div class="field"><label for="trip-counter">{}</label><select id="trip-counter" name="trip-counter" aria-describedby="trip-counter-hint">"#,
        app.t(T::Counter)
    );
    for counter in app.catalogue.iter().flat_map(|c| &c.counters) {
        let selected = if t.counter_id == Some(counter.id) {
            " selected"
        } else {
            ""
        };
        let _ = write!(
            html,
            r#"<option value="{}"{selected}>{}</option>"#,
            counter.id,
            esc(&counter.name)
        );
    }
    html.push_str("</select>");
    if let Some(counter) = t.counter_id.and_then(|id| app.counter(id)) {
        let hours = app.f(
            T::CounterHours,
            &[("opens", &counter.opens_at), ("closes", &counter.closes_at)],
        );
        let _ = write!(
            html,
            r#"<p class="hint" id="trip-counter-hint">{} · {}</p>"#,
            esc(&counter.address),
            esc(&hours)
        );
    } else {
        html.push_str(r#"<p class="hint" id="trip-counter-hint"></p>"#);
    }
    html.push_str("</div>");
    html
}

fn counter_name(app: &App, id: i64) -> String {
    app.counter(id)
        .map_or_else(|| id.to_string(), |c| c.name.clone())
}

fn quote(app: &App) -> String {
    match &app.quote {
        QuoteState::None => String::new(),
        QuoteState::Checking => format!(r#"<p class="muted">{}</p>"#, app.t(T::Checking)),
        QuoteState::Ready(q) if q.feasible => {
            let mut html = format!(
                r#"<div class="verdict yes" id="verdict"><p><span aria-hidden="true">✓</span> <strong>{}</strong></p>"#,
                app.t(T::Feasible)
            );
            if let Some(ready) = q.items.first().and_then(|i| i.ready_by.as_deref()) {
                let _ = write!(
                    html,
                    "<p>{}</p>",
                    app.f(T::ReadyBy, &[("time", &seoul(ready, app.lang))])
                );
            }
            if let Some(deadline) = &q.pickup_deadline {
                let _ = write!(
                    html,
                    "<p>{}</p>",
                    esc(&app.f(
                        T::CollectBy,
                        &[
                            ("counter", &counter_name(app, q.counter_id)),
                            ("time", &seoul(deadline, app.lang))
                        ]
                    ))
                );
            }
            let _ = write!(
                html,
                "<p>{}</p></div>",
                app.f(T::Total, &[("amount", &krw(q.total_krw))])
            );
            html
        }
        QuoteState::Ready(q) => {
            let mut html = format!(
                r#"<div class="verdict no" id="verdict"><p><span aria-hidden="true">✗</span> <strong>{}</strong></p><ul>"#,
                app.t(T::Infeasible)
            );
            for reason in &q.reasons {
                let text = match reason {
                    ReasonView::NotReadyInTime {
                        ready_by,
                        pickup_deadline,
                    } => app.f(
                        T::ReasonNotReady,
                        &[
                            ("ready", &seoul(ready_by, app.lang)),
                            ("deadline", &seoul(pickup_deadline, app.lang)),
                        ],
                    ),
                    ReasonView::NoCapacity => app.t(T::ReasonNoCapacity).to_owned(),
                    ReasonView::PaymentUnavailable => app.t(T::ReasonPayment).to_owned(),
                    ReasonView::NoPickupDuringStay => app.t(T::ReasonNoPickup).to_owned(),
                    ReasonView::Other => continue,
                };
                let _ = write!(html, "<li>{}</li>", esc(&text));
            }
            html.push_str("</ul>");
            html.push_str(&alternatives(app, &q.alternatives));
            html.push_str("</div>");
            html
        }
    }
}

/// The alternatives of an infeasible quote (or a 409), as buttons that apply them.
pub fn alternatives(app: &App, alternatives: &[AlternativeView]) -> String {
    let mut items = String::new();
    for alternative in alternatives {
        let (act, value, text) = match alternative {
            AlternativeView::LaterDeparture { earliest_departure } => {
                let Some(time) = SeoulTime::from_rfc3339(earliest_departure) else {
                    continue;
                };
                (
                    "alt-later",
                    time.local(),
                    app.f(T::AltLater, &[("time", &time.display(app.lang))]),
                )
            }
            AlternativeView::OtherCounter {
                counter_id,
                pickup_deadline,
            } => (
                "alt-counter",
                counter_id.to_string(),
                app.f(
                    T::AltCounter,
                    &[
                        ("counter", &counter_name(app, *counter_id)),
                        ("time", &seoul(pickup_deadline, app.lang)),
                    ],
                ),
            ),
            AlternativeView::SimplerOptions { ready_by } => (
                "alt-simpler",
                String::new(),
                app.f(T::AltSimpler, &[("time", &seoul(ready_by, app.lang))]),
            ),
            AlternativeView::Other => continue,
        };
        let _ = write!(
            items,
            r#"<li><button type="button" class="secondary" data-act="{act}" data-value="{}">{}</button></li>"#,
            esc(&value),
            esc(&text)
        );
    }
    if items.is_empty() {
        return String::new();
    }
    format!(
        r#"<p>{}</p><ul class="alternatives">{items}</ul>"#,
        app.t(T::WhatWorks)
    )
}

fn traveller(app: &App) -> String {
    let t = &app.draft.traveller;
    let field = |id: &str, key: T, value: &str, attrs: &str, hint: Option<T>| {
        let error = app.field_errors.get(id);
        let hint_html = hint.map_or(String::new(), |h| {
            format!(r#"<p class="hint" id="{id}-hint">{}</p>"#, app.t(h))
        });
        let described = if hint.is_some() {
            format!("{id}-hint {id}-error")
        } else {
            format!("{id}-error")
        };
        format!(
            r#"<div class="field"><label for="{id}">{}</label><input id="{id}" name="{id}" value="{}" {attrs} aria-describedby="{described}"{}>{hint_html}<p class="error" id="{id}-error">{}</p></div>"#,
            app.t(key),
            esc(value),
            if error.is_some() {
                r#" aria-invalid="true""#
            } else {
                ""
            },
            error
                .map(|e| format!("<span aria-hidden=\"true\">⚠</span> {}", esc(e)))
                .unwrap_or_default()
        )
    };
    let mut html = field(
        "traveller-name",
        T::Name,
        &t.name,
        r#"type="text" autocomplete="name" spellcheck="false""#,
        None,
    );
    html.push_str(&field(
        "traveller-email",
        T::Email,
        &t.email,
        r#"type="email" autocomplete="email" inputmode="email" spellcheck="false""#,
        Some(T::EmailHint),
    ));
    html.push_str(&field(
        "traveller-passport",
        T::Passport,
        &t.passport_last4,
        r#"type="text" maxlength="4" autocomplete="off" autocapitalize="characters" spellcheck="false" class="short""#,
        Some(T::PassportHint),
    ));
    html
}

fn pay(app: &App) -> String {
    let amounts = match &app.quote {
        QuoteState::Ready(q) => Some((q.total_krw, q.deposit_krw)),
        _ => None,
    };
    // A card order placed and waiting for its payment: see `card`.
    if let Some(placed) = app.placed.as_ref().filter(|p| p.client_secret.is_some()) {
        let ordered = app
            .order
            .as_ref()
            .and_then(|o| o.items.first())
            .map(|item| summary(app, item.product_id, &item.options))
            .unwrap_or_default();
        return format!(
            r#"{ordered}<p class="price">{}</p><h3>{}</h3>"#,
            app.f(T::DueNow, &[("amount", &krw(placed.due_now_krw))]),
            app.t(T::CardTitle)
        );
    }
    let methods = app.payment_methods();
    let chosen = app.payment();
    let configured = match app.configuration() {
        Some(Ok(configuration)) => configuration.as_map(),
        _ => app.options(),
    };
    let mut html = app
        .product()
        .map(|p| summary(app, p.id, &configured))
        .unwrap_or_default();
    if !methods.is_empty() {
        let _ = write!(
            html,
            r#"<fieldset class="choices"><legend>{}</legend>"#,
            app.t(T::PayLegend)
        );
        for method in &methods {
            let label = match method.as_str() {
                "stripe" => app.f(
                    T::PayCard,
                    &[("amount", &amounts.map(|(_, d)| krw(d)).unwrap_or_default())],
                ),
                "counter" => app.t(T::PayCounter).to_owned(),
                _ => continue,
            };
            html.push_str(&radio(
                "payment",
                method,
                chosen.as_deref() == Some(method.as_str()),
                &label,
            ));
        }
        html.push_str("</fieldset>");
    }
    if let Some((total, deposit)) = amounts {
        let _ = write!(
            html,
            "<p>{}</p>",
            app.f(T::Total, &[("amount", &krw(total))])
        );
        match chosen.as_deref() {
            Some("stripe") => {
                let _ = write!(
                    html,
                    "<p>{}</p>",
                    app.f(T::DueNow, &[("amount", &krw(deposit))])
                );
                if total > deposit {
                    let _ = write!(
                        html,
                        "<p class=\"hint\">{}</p>",
                        app.f(T::BalanceLater, &[("amount", &krw(total - deposit))])
                    );
                }
            }
            Some("counter") => {
                let _ = write!(
                    html,
                    "<p>{}</p>",
                    app.f(T::PayAtPickup, &[("amount", &krw(total))])
                );
            }
            _ => {}
        }
    }
    if chosen.as_deref() == Some("stripe") {
        match app.card {
            CardState::Loading => {
                let _ = write!(html, r#"<p class="muted">{}</p>"#, app.t(T::CardLoading));
            }
            CardState::Unavailable => {
                let alternative = if methods.iter().any(|m| m == "counter") {
                    T::CardTryCounter
                } else {
                    T::CardTryLater
                };
                let _ = write!(
                    html,
                    r#"<p class="error" id="card-error"><span aria-hidden="true">⚠</span> {} {}</p>"#,
                    app.t(T::CardUnavailable),
                    app.t(alternative)
                );
            }
            _ => {}
        }
    }
    let error = app.field_errors.get("place-order");
    let _ = write!(
        html,
        r#"<p class="error" id="place-order-error">{}</p><button type="button" class="primary" id="place-order" data-act="place-order" aria-describedby="place-order-error"{}>{}</button>"#,
        error
            .map(|e| format!("<span aria-hidden=\"true\">⚠</span> {}", esc(e)))
            .unwrap_or_default(),
        if app.placing { " disabled" } else { "" },
        app.t(if app.placing {
            T::Placing
        } else {
            T::PlaceOrder
        })
    );
    html
}

/// Below Stripe's Payment Element of a placed card order: its state and the Pay button.
fn card(app: &App) -> String {
    let Some(placed) = app.placed.as_ref().filter(|p| p.client_secret.is_some()) else {
        return String::new();
    };
    let mut html = String::new();
    match &app.card {
        CardState::Loading | CardState::Ready => {
            let _ = write!(html, r#"<p class="muted">{}</p>"#, app.t(T::CardLoading));
        }
        CardState::Unavailable => {
            let _ = write!(
                html,
                r#"<p class="error"><span aria-hidden="true">⚠</span> {} {}</p><button type="button" data-act="retry-card">{}</button>"#,
                app.t(T::CardUnavailable),
                app.t(T::CardTryLater),
                app.t(T::Retry)
            );
        }
        CardState::Failed(message) => {
            let _ = write!(
                html,
                r#"<p class="error" id="pay-error"><span aria-hidden="true">⚠</span> {}</p>"#,
                esc(&app.f(T::PayFailed, &[("message", message)]))
            );
        }
        _ => {}
    }
    if matches!(
        app.card,
        CardState::Mounted | CardState::Paying | CardState::Failed(_)
    ) {
        let paying = app.card == CardState::Paying;
        let _ = write!(
            html,
            r#"<button type="button" class="primary" id="pay-now" data-act="pay-card"{}>{}</button>"#,
            if paying { " disabled" } else { "" },
            if paying {
                app.t(T::Paying).to_owned()
            } else {
                app.f(T::PayNow, &[("amount", &krw(placed.due_now_krw))])
            }
        );
    }
    // Changed one's mind: an unpaid card order gives its workshop time back by itself.
    let _ = write!(
        html,
        r#"<p><button type="button" class="secondary" data-act="new-order">{}</button></p>"#,
        app.t(T::NewOrder)
    );
    html
}

/// What is ordered: the product and each option in words.
fn summary(
    app: &App,
    product_id: i64,
    options: &std::collections::BTreeMap<String, String>,
) -> String {
    let Some(product) = app
        .catalogue
        .as_ref()
        .and_then(|c| c.products.iter().find(|p| p.id == product_id))
    else {
        return String::new();
    };
    let mut html = format!(
        r#"<div class="summary"><p><strong>{}</strong></p><ul>"#,
        esc(&product.name)
    );
    for group in &product.option_groups {
        let Some(value) = options.get(&group.code).filter(|v| !v.is_empty()) else {
            continue;
        };
        let shown = match group.values.iter().find(|v| &v.code == value) {
            Some(choice) => esc(&choice.label),
            None => format!("“{}”", esc(value)),
        };
        let _ = write!(html, "<li>{}: {shown}</li>", esc(&group.label));
    }
    html.push_str("</ul></div>");
    html
}

fn done(app: &App) -> String {
    let Some(placed) = &app.placed else {
        return String::new();
    };
    if placed.client_secret.is_some() {
        return String::new();
    }
    let status = app
        .order
        .as_ref()
        .map(|o| {
            i18n::status_name(&o.status).map_or_else(|| o.status.clone(), |k| app.t(k).to_owned())
        })
        .unwrap_or_else(|| app.t(T::Loading).to_owned());
    let counter = counter_name(app, placed.counter_id);
    let qr = crate::qr::svg(
        &placed.pickup_code,
        &app.f(T::QrLabel, &[("code", &placed.pickup_code)]),
    )
    .unwrap_or_default();
    let mut html = format!(
        r#"<p class="thanks"><span aria-hidden="true">✓</span> {}</p><dl class="order"><dt>{}</dt><dd id="order-id">{}</dd><dt>{}</dt><dd class="code" id="pickup-code">{}</dd><dt>{}</dt><dd id="order-status">{}</dd></dl><figure class="qr">{qr}</figure><p>{}</p>"#,
        app.t(T::Thanks),
        app.t(T::OrderNumber),
        esc(&placed.id),
        app.t(T::PickupCode),
        esc(&placed.pickup_code),
        app.t(T::Status),
        esc(&status),
        esc(&app.f(T::PickupHint, &[("counter", &counter)]))
    );
    if let Some(order) = &app.order {
        if let Some(ready) = order.items.first().and_then(|i| i.ready_by.as_deref()) {
            let _ = write!(
                html,
                "<p>{}</p>",
                app.f(T::ReadyBy, &[("time", &seoul(ready, app.lang))])
            );
        }
        if let Some(deadline) = order
            .itinerary
            .as_ref()
            .and_then(|i| i.pickup_deadline.as_deref())
        {
            let _ = write!(
                html,
                "<p>{}</p>",
                esc(&app.f(
                    T::CollectBy,
                    &[("counter", &counter), ("time", &seoul(deadline, app.lang))]
                ))
            );
        }
        if let Some(item) = order.items.first() {
            html.push_str(&summary(app, item.product_id, &item.options));
        }
        if order.total_krw > 0 {
            let _ = write!(
                html,
                "<p>{}</p>",
                app.f(T::Total, &[("amount", &krw(order.total_krw))])
            );
        }
    }
    let _ = write!(
        html,
        r#"<p><button type="button" class="secondary" data-act="refresh-status">{}</button></p><figure class="order-preview" id="order-preview" hidden><img id="order-preview-img" alt="{}"><figcaption>{}</figcaption></figure><p class="muted">{}</p><p><button type="button" class="secondary" data-act="new-order">{}</button></p>"#,
        app.t(T::RefreshStatus),
        app.t(T::OrderPreview),
        app.t(T::OrderPreview),
        app.t(T::KeptOnDevice),
        app.t(T::NewOrder)
    );
    html
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
    use crate::draft::{Draft, PlacedOrder};
    use crate::tests_support::{catalogue, feasible_quote};

    fn app(lang: Lang) -> App {
        let mut app = App::new(lang, Draft::new("key".into()));
        app.set_catalogue(catalogue());
        app
    }

    /// Every `<input>` and `<select>` has a `<label for>` with its id (radios sit inside
    /// their label), so every control is named for screen readers.
    fn assert_labelled(html: &str) {
        for tag in ["<input ", "<select "] {
            for part in html.split(tag).skip(1) {
                let attrs = &part[..part.find('>').expect("a closed tag")];
                if attrs.contains(r#"type="radio""#) {
                    continue;
                }
                let id = attrs
                    .split("id=\"")
                    .nth(1)
                    .and_then(|rest| rest.split('"').next())
                    .unwrap_or_else(|| panic!("no id in {attrs}"));
                assert!(
                    html.contains(&format!(r#"<label for="{id}""#)),
                    "no label for {id}"
                );
            }
        }
    }

    #[test]
    fn catalogue_texts_are_escaped() {
        assert_eq!(esc(r#"<b a="1">&'"#), "&lt;b a=&quot;1&quot;&gt;&amp;&#39;");
        let mut app = app(Lang::En);
        if let Some(c) = app.catalogue.as_mut() {
            c.products[0].name = "<script>x</script>".into();
        }
        let html = products(&app);
        assert!(!html.contains("<script>") && html.contains("&lt;script&gt;"));
    }

    #[test]
    fn every_control_is_labelled_in_every_state() {
        for lang in Lang::ALL {
            for product in ["made-to-measure-shirt", "derby-shoes", "card-wallet"] {
                for mode in [Mode::Body, Mode::Garment, Mode::Skip] {
                    let mut app = app(lang);
                    app.choose_product(product);
                    app.draft.sizing.mode = mode;
                    app.quote = QuoteState::Ready(feasible_quote());
                    let html: String = regions(&app).into_iter().map(|(_, h)| h).collect();
                    assert_labelled(&html);
                }
            }
        }
    }

    #[test]
    fn steps_are_numbered_as_shown() {
        let mut app = app(Lang::En);
        assert_eq!(sections(&app).len(), 1);
        app.choose_product("made-to-measure-shirt");
        let headings: Vec<String> = sections(&app).into_iter().map(|(_, h)| h).collect();
        assert_eq!(headings[1], "2. Your size");
        assert_eq!(headings[5], "6. Pay and order");
        app.choose_product("card-wallet");
        let shown: Vec<&str> = sections(&app).into_iter().map(|(id, _)| id).collect();
        assert!(!shown.contains(&"s-sizing"));
        // A card order waits for its payment: only the payment step shows.
        app.placed = Some(PlacedOrder {
            id: "o1".into(),
            token: "t".into(),
            pickup_code: "ABCD-2345".into(),
            counter_id: 2,
            payment: "stripe".into(),
            due_now_krw: 54_000,
            client_secret: Some("pi_1_secret_2".into()),
        });
        assert_eq!(sections(&app), vec![("s-pay", "Pay and order".to_owned())]);
        assert!(done(&app).is_empty());
        assert!(card(&app).contains(r#"data-act="new-order""#));
        // Paid (or paid at the counter): only the confirmation.
        if let Some(placed) = app.placed.as_mut() {
            placed.client_secret = None;
        }
        assert_eq!(sections(&app), vec![("s-done", "Your order".to_owned())]);
        let html = done(&app);
        assert!(
            html.contains("ABCD-2345") && html.contains("<svg"),
            "{html}"
        );
        assert!(html.contains(r#"aria-label="QR code of pickup code ABCD-2345""#));
    }

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

    #[test]
    fn allowed_characters_are_described_compactly() {
        assert_eq!(describe_allowed("&.ABCDEFGHIJKLMNOPQRSTUVWXYZ"), "& . A–Z");
        assert_eq!(describe_allowed("김AB"), "A B 김");
    }

    #[test]
    fn an_infeasible_quote_offers_its_alternatives_as_buttons() {
        let mut app = app(Lang::En);
        app.choose_product("made-to-measure-shirt");
        app.quote = QuoteState::Ready(crate::tests_support::quote(
            r#"{"feasible":false,"total_krw":1,"deposit_krw":0,"counter_id":2,
                "reasons":[{"code":"not_ready_in_time","ready_by":"2026-12-08T18:00:00+09:00",
                  "pickup_deadline":"2026-12-05T15:00:00+09:00"}],
                "alternatives":[{"kind":"later_departure","earliest_departure":"2026-12-08T21:00:00+09:00"},
                  {"kind":"other_counter","counter_id":1,"pickup_deadline":"2026-12-09T20:00:00+09:00"}]}"#,
        ));
        let html = quote(&app);
        assert!(html.contains("No: it cannot be ready in time"), "{html}");
        assert!(html.contains("Tue 8 Dec 2026, 18:00"));
        assert!(html.contains(r#"data-act="alt-later" data-value="2026-12-08T21:00""#));
        assert!(html.contains("Collect at Myeongdong shop"));
    }
}
