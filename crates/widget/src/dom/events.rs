//! The traveller's input turned into state: typing (measurements, monograms, who
//! collects), choices (language, sizing, options, trip, payment, artwork), buttons and the
//! focus. Messages of the field being typed in are updated in place; the rest renders.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Element, Event, HtmlInputElement, HtmlSelectElement};

use super::artwork::read_artwork;
use super::browser::{document, element, focus, focus_id, now, storage_remove};
use super::glue;
use super::load::load_catalogue;
use super::order;
use super::order_preview::forget_order_preview;
use super::preview::{self, request_preview, request_preview_since};
use super::quote::{run_quote, schedule_quote};
use super::render::{is_text_field, render, render_all, settle};
use super::state::{save, with_app};
use crate::app::fields::capitals_if_only_capitals;
use crate::app::{Action, ArtworkState, CardState, QuoteState};
use crate::draft::{Mode, ORDER_KEY, UnitChoice};
use crate::html::field_message;
use crate::i18n::{Lang, T};
use crate::sizing;

/// Listens to the page's events on its root (delegation: re-rendered HTML needs no
/// re-binding).
pub(super) fn listen(root: &Element) -> Result<(), JsValue> {
    on(root, "input", on_input)?;
    on(root, "change", on_change)?;
    on(root, "click", on_click)?;
    on(root, "focusin", on_focus)
}

fn on(root: &Element, kind: &str, handler: fn(Event)) -> Result<(), JsValue> {
    let closure = Closure::<dyn FnMut(Event)>::new(handler);
    root.add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref())?;
    // The page lives as long as the document; so do its listeners.
    closure.forget();
    Ok(())
}

/// Sets a field's message and `aria-invalid` in place (while the traveller types).
fn show_field_error(id: &str, message: Option<&str>) {
    let Some(field) = element(id) else { return };
    match message {
        Some(_) => {
            let _ = field.set_attribute("aria-invalid", "true");
        }
        None => {
            let _ = field.remove_attribute("aria-invalid");
        }
    }
    if let Some(error) = element(&format!("{id}-error")) {
        let html = field_message(message);
        if error.inner_html() != html {
            error.set_inner_html(&html);
        }
    }
}

/// Evaluates the sizing step, marking the time it took as `gongbang:recommend`.
fn measure_recommendation() {
    let start = now();
    let _ = with_app(|app| app.evaluation());
    glue::measure("gongbang:recommend", start, now());
}

fn target_element(event: &Event) -> Option<Element> {
    event.target()?.dyn_into::<Element>().ok()
}

fn value_of(element: &Element) -> String {
    if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
        input.value()
    } else if let Some(select) = element.dyn_ref::<HtmlSelectElement>() {
        select.value()
    } else {
        String::new()
    }
}

fn on_input(event: Event) {
    let Some(target) = target_element(&event) else {
        return;
    };
    let id = target.id();
    let value = value_of(&target);
    if let Some(point) = id.strip_prefix("m-") {
        let point = point.to_owned();
        let changed_options = with_app(|app| {
            let sizing = &mut app.draft.sizing;
            let values = if sizing.mode == Mode::Garment {
                &mut sizing.garment
            } else {
                &mut sizing.body
            };
            values.insert(point, value);
            app.field_errors.retain(|k, _| !k.starts_with("m-"));
            app.apply_suggestion()
        });
        save();
        measure_recommendation();
        // Messages already shown are updated at once; new ones wait for the change.
        show_measure_errors(false);
        settle("c-sizing");
        render();
        if changed_options {
            request_preview();
        }
        schedule_quote();
    } else if let Some(group) = id.strip_prefix("opt-") {
        let group = group.to_owned();
        let normal = with_app(|app| {
            let rule = app
                .product()
                .and_then(|p| p.group(&group))
                .and_then(|g| g.text_rule.clone());
            let normal = match rule {
                Some(rule) => capitals_if_only_capitals(&value, &rule.allowed_characters),
                None => value.clone(),
            };
            app.draft.options.insert(group.clone(), normal.clone());
            app.field_errors.remove(&id);
            normal
        });
        if normal != value
            && let Some(input) = target.dyn_ref::<HtmlInputElement>()
        {
            let caret = input.selection_start().ok().flatten();
            input.set_value(&normal);
            if let Some(caret) = caret {
                let _ = input.set_selection_range(caret, caret);
            }
        }
        save();
        let message = with_app(|app| app.text_error(&group));
        show_field_error(&id, message.as_deref());
        settle("c-options");
        render();
        if message.is_none() {
            request_preview();
            schedule_quote();
        }
    } else if id.starts_with("traveller-") {
        with_app(|app| {
            let traveller = &mut app.draft.traveller;
            match id.as_str() {
                "traveller-name" => traveller.name = value,
                "traveller-email" => traveller.email = value,
                "traveller-passport" => traveller.passport_last4 = value,
                _ => {}
            }
            app.field_errors.remove(&id);
        });
        save();
        show_field_error(&id, None);
        settle("c-traveller");
    }
}

/// A `?lang=` in the address follows the switcher, so a reload keeps the choice.
fn remember_language_in_url(lang: Lang) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(href) = window.location().href() else {
        return;
    };
    let Ok(url) = web_sys::Url::new(&href) else {
        return;
    };
    if url.search_params().get("lang").is_some() {
        url.search_params().set("lang", lang.code());
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url.href()));
        }
    }
}

/// Updates the measurement fields' messages in place: all of them (`all`), or only
/// those already showing (while typing, a half-typed value is not an error yet).
fn show_measure_errors(all: bool) {
    let errors = with_app(|app| {
        let evaluation = app.evaluation().unwrap_or_default();
        app.product_fit()
            .map(sizing::points)
            .unwrap_or_default()
            .into_iter()
            .map(|p| {
                let message = evaluation
                    .errors
                    .iter()
                    .find(|(q, _)| *q == p)
                    .map(|(q, e)| app.field_error_text(*q, e));
                (format!("m-{}", p.code()), message)
            })
            .collect::<Vec<_>>()
    });
    for (field, message) in errors {
        let shown = element(&format!("{field}-error")).is_some_and(|e| !e.inner_html().is_empty());
        if all || shown || message.is_none() {
            show_field_error(&field, message.as_deref());
        }
    }
}

fn on_change(event: Event) {
    let Some(target) = target_element(&event) else {
        return;
    };
    let id = target.id();
    let name = target.get_attribute("name").unwrap_or_default();
    let value = value_of(&target);
    match name.as_str() {
        "lang" => {
            if let Some(lang) = Lang::from_tag(&value) {
                with_app(|app| {
                    app.lang = lang;
                    app.draft.lang = Some(lang.code().to_owned());
                    // Messages were worded in the old language.
                    app.field_errors.clear();
                    app.notice = None;
                });
                save();
                remember_language_in_url(lang);
                render_all();
                wasm_bindgen_futures::spawn_local(load_catalogue());
            }
            return;
        }
        "mode" => {
            let mode = match value.as_str() {
                "garment" => Mode::Garment,
                "skip" => Mode::Skip,
                _ => Mode::Body,
            };
            with_app(|app| {
                app.draft.sizing.mode = mode;
                app.field_errors.retain(|k, _| !k.starts_with("m-"));
            });
        }
        "unit" => {
            let unit = if value == "in" {
                UnitChoice::In
            } else {
                UnitChoice::Cm
            };
            with_app(|app| sizing::convert_all(&mut app.draft.sizing, unit));
        }
        "source" => with_app(|app| app.draft.sizing.source = value),
        "payment" => {
            with_app(|app| app.draft.payment = Some(value.clone()));
            if value == "stripe" {
                wasm_bindgen_futures::spawn_local(async {
                    order::ensure_stripe().await;
                });
            }
        }
        "artwork" => {
            let file = target
                .dyn_ref::<HtmlInputElement>()
                .and_then(|input| input.files())
                .and_then(|files| files.get(0));
            if let Some(file) = file {
                wasm_bindgen_futures::spawn_local(read_artwork(file));
            }
            return;
        }
        _ if id.starts_with("m-") => {
            // The traveller left the field: its message now shows. The fields are not
            // re-rendered (the next one may be taking the focus right now).
            show_measure_errors(true);
            settle("c-sizing");
            render();
            return;
        }
        _ if id.starts_with("opt-") || name.starts_with("opt-") => {
            if is_text_field(&target) {
                // Handled while typing (`input`).
                return;
            }
            let group = name.trim_start_matches("opt-").to_owned();
            with_app(|app| {
                app.draft.options.insert(group, value);
            });
            // Ask the worker first; the page updates while it draws.
            request_preview_since(event.time_stamp());
            // The control already shows the choice: its region stays as it is (less work
            // on this thread while the preview is drawn), unless the choice changes the
            // region itself (a print size names the artwork's print area).
            let prints = with_app(|app| {
                app.product().is_some_and(|p| {
                    crate::artwork::print_area(&p.code, &app.draft.options).is_some()
                })
            });
            if !prints && let Some(region) = target.closest("[id^=c-]").ok().flatten() {
                settle(&region.id());
            }
            save();
            render();
            schedule_quote();
            return;
        }
        "trip-arrival" | "trip-departure" => {
            let order_error = with_app(|app| {
                if name == "trip-arrival" {
                    app.draft.trip.arrival = value;
                } else {
                    app.draft.trip.departure = value;
                }
                app.field_errors.remove(&name);
                app.trip_errors()
                    .into_iter()
                    .find(|(_, m)| m == app.t(T::ErrDepartureOrder))
                    .map(|(_, m)| m)
            });
            show_field_error("trip-arrival", None);
            show_field_error("trip-departure", order_error.as_deref());
            settle("c-trip");
            save();
            // The date fields stay as they are while the traveller edits them.
            render();
            schedule_quote();
            return;
        }
        "trip-counter" => with_app(|app| app.draft.trip.counter_id = value.parse().ok()),
        _ => return,
    }
    save();
    render_all();
    schedule_quote();
}

fn on_click(event: Event) {
    let Some(target) = target_element(&event) else {
        return;
    };
    let Some(button) = target.closest("[data-act]").ok().flatten() else {
        return;
    };
    let act = button.get_attribute("data-act").unwrap_or_default();
    let value = button.get_attribute("data-value").unwrap_or_default();
    match act.as_str() {
        "choose" => {
            preview::forget_size();
            with_app(|app| app.choose_product(&value));
            save();
            render_all();
            let next = with_app(|app| {
                if app.product_fit().is_some() {
                    "h-sizing"
                } else {
                    "h-options"
                }
            });
            focus_id(next);
            request_preview();
            schedule_quote();
        }
        "change-product" => {
            with_app(|app| app.choosing = true);
            render_all();
            let current = with_app(|app| app.draft.product.clone()).unwrap_or_default();
            if let Some(button) = document().and_then(|d| {
                d.query_selector(&format!("[data-act=choose][data-value=\"{current}\"]"))
                    .ok()
                    .flatten()
            }) {
                focus(&button);
            }
        }
        "retry" => {
            let action = with_app(|app| app.retry.take());
            render();
            match action {
                Some(Action::LoadCatalogue) => wasm_bindgen_futures::spawn_local(load_catalogue()),
                Some(Action::Quote) => wasm_bindgen_futures::spawn_local(run_quote()),
                Some(Action::PlaceOrder) => wasm_bindgen_futures::spawn_local(order::place_order()),
                Some(Action::RefreshStatus) => {
                    wasm_bindgen_futures::spawn_local(order::refresh_status(true))
                }
                None => {}
            }
        }
        "alt-later" => {
            with_app(|app| app.draft.trip.departure = value);
            save();
            render_all();
            focus_id("trip-departure");
            wasm_bindgen_futures::spawn_local(run_quote());
        }
        "alt-counter" => {
            with_app(|app| app.draft.trip.counter_id = value.parse().ok());
            save();
            render_all();
            focus_id("trip-counter");
            wasm_bindgen_futures::spawn_local(run_quote());
        }
        "alt-simpler" => {
            with_app(|app| {
                if let Some(defaults) = app.product().map(|p| p.defaults()) {
                    app.draft.options = defaults;
                }
            });
            save();
            render_all();
            request_preview();
            wasm_bindgen_futures::spawn_local(run_quote());
        }
        "place-order" => wasm_bindgen_futures::spawn_local(order::place_order()),
        "pay-card" => wasm_bindgen_futures::spawn_local(order::pay_card()),
        "retry-card" => wasm_bindgen_futures::spawn_local(order::mount_card()),
        "refresh-status" => wasm_bindgen_futures::spawn_local(order::refresh_status(true)),
        "new-order" => {
            storage_remove(ORDER_KEY);
            forget_order_preview();
            with_app(|app| {
                app.placed = None;
                app.order = None;
                app.choosing = true;
                app.notice = None;
                app.card = CardState::Idle;
                app.quote = QuoteState::None;
                app.artwork = ArtworkState::None;
            });
            if let Some(card) = element("card-element") {
                card.set_inner_html("");
            }
            render_all();
            focus_id("h-products");
        }
        "remove-artwork" => {
            with_app(|app| app.artwork = ArtworkState::None);
            preview::clear_artwork();
            render_all();
            focus_id("artwork");
            request_preview();
        }
        _ => {}
    }
}

/// Highlights the focused measurement's line in the drawing.
fn on_focus(event: Event) {
    let Some(target) = target_element(&event) else {
        return;
    };
    let point = target.id().strip_prefix("m-").map(str::to_owned);
    let Some(document) = document() else { return };
    if let Ok(lines) = document.query_selector_all(".drawing .pt") {
        for i in 0..lines.length() {
            if let Some(line) = lines.get(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                let on = point
                    .as_deref()
                    .is_some_and(|p| line.get_attribute("data-point").as_deref() == Some(p));
                let _ = line.class_list().toggle_with_force("on", on);
            }
        }
    }
}
