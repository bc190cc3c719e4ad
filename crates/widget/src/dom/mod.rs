//! The browser side: mounting, rendering the regions, and turning events into state.
//!
//! One listener per event type on the root element (delegation), so re-rendered HTML
//! needs no re-binding. The state lives in a thread-local [`App`]; it is never borrowed
//! across an `await`. A region holding the focused text field is not re-rendered while
//! the traveller types in it (only its messages are), so typing, the caret and screen
//! readers are never disturbed.

mod flows;
pub mod glue;
mod preview;

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, Event, HtmlElement, HtmlInputElement, HtmlSelectElement};

use crate::app::{Action, App, ArtworkState};
use crate::draft::{DRAFT_KEY, Draft, Mode, ORDER_KEY, PlacedOrder, UnitChoice};
use crate::i18n::{Lang, T};
use crate::sizing;
use crate::view;

thread_local! {
    // Leaked once, so that `with_app` is one non-generic lookup instead of a
    // `LocalKey::with` per call site (each of those is wasm on the first screen).
    static APP: &'static RefCell<App> = Box::leak(Box::new(RefCell::new(App::default())));
    static RENDERED: RefCell<Vec<(&'static str, String)>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` on the state (never across an `await`).
pub(crate) fn with_app<R>(f: impl FnOnce(&mut App) -> R) -> R {
    f(&mut app_cell().borrow_mut())
}

fn app_cell() -> &'static RefCell<App> {
    APP.with(|app| *app)
}

/// A copy of the state, for tests.
pub fn snapshot() -> App {
    with_app(|app| app.clone())
}

/// Mounts the page on `#gongbang` when the document has one (the page Trunk builds);
/// otherwise does nothing, so tests can mount where they like.
#[wasm_bindgen(start)]
pub fn start() {
    let root = document().and_then(|d| d.get_element_by_id("gongbang"));
    if let Some(root) = root
        && let Err(error) = mount(&root)
    {
        web_sys::console::error_2(&"gongbang: the widget did not start".into(), &error);
    }
}

/// Builds the page inside `root`, restores the draft and starts loading the catalogue.
pub fn mount(root: &Element) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let params = web_sys::UrlSearchParams::new_with_str(&window.location().search()?)?;
    let mut draft = Draft::restore(storage_get(DRAFT_KEY).as_deref())
        .unwrap_or_else(|| Draft::new(glue::random_id()));
    let preferred: Vec<String> = window
        .navigator()
        .languages()
        .iter()
        .filter_map(|l| l.as_string())
        .collect();
    let lang = params
        .get("lang")
        .as_deref()
        .and_then(Lang::from_tag)
        .or_else(|| draft.lang.as_deref().and_then(Lang::from_tag))
        .unwrap_or_else(|| Lang::negotiate(preferred.iter().map(String::as_str)));
    if let Some(product) = params.get("product").filter(|p| !p.is_empty())
        && draft.product.as_deref() != Some(product.as_str())
    {
        draft.product = Some(product);
        draft.options.clear();
    }
    let mut app = App::new(lang, draft);
    app.placed = PlacedOrder::restore(storage_get(ORDER_KEY).as_deref());
    let card_pending = app
        .placed
        .as_ref()
        .is_some_and(|p| p.client_secret.is_some());
    let placed = app.placed.is_some();
    *app_cell().borrow_mut() = app;
    RENDERED.with(|cache| cache.borrow_mut().clear());

    root.set_inner_html(view::SHELL);
    listen(root, "input", on_input)?;
    listen(root, "change", on_change)?;
    listen(root, "click", on_click)?;
    listen(root, "focusin", on_focus)?;
    let resized = Closure::<dyn FnMut()>::new(preview::forget_size);
    window.add_event_listener_with_callback("resize", resized.as_ref().unchecked_ref())?;
    resized.forget();
    render();
    wasm_bindgen_futures::spawn_local(flows::load_config());
    wasm_bindgen_futures::spawn_local(flows::load_catalogue());
    if placed {
        wasm_bindgen_futures::spawn_local(flows::refresh_status(false));
    }
    if card_pending {
        wasm_bindgen_futures::spawn_local(flows::mount_card());
    }
    Ok(())
}

fn listen(root: &Element, kind: &str, handler: fn(Event)) -> Result<(), JsValue> {
    let closure = Closure::<dyn FnMut(Event)>::new(handler);
    root.add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref())?;
    // The page lives as long as the document; so do its listeners.
    closure.forget();
    Ok(())
}

pub(crate) fn document() -> Option<Document> {
    web_sys::window()?.document()
}

pub(crate) fn element(id: &str) -> Option<Element> {
    document()?.get_element_by_id(id)
}

pub(crate) fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

pub(crate) fn storage_get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

pub(crate) fn storage_set(key: &str, value: &str) {
    if let Some(storage) = storage() {
        // Private modes may refuse; the page keeps working from memory.
        let _ = storage.set_item(key, value);
    }
}

pub(crate) fn storage_remove(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

/// Saves the draft (after every change).
pub(crate) fn save() {
    let json = with_app(|app| app.draft.to_json());
    storage_set(DRAFT_KEY, &json);
}

/// Whether `element` is a field the traveller types into.
fn is_text_field(element: &Element) -> bool {
    element.dyn_ref::<HtmlInputElement>().is_some_and(|input| {
        matches!(
            input.type_().as_str(),
            "text" | "email" | "search" | "tel" | "datetime-local"
        )
    })
}

/// Renders every region whose HTML changed, except the one holding the focused text
/// field; shows and numbers the sections; keeps the focus where it was.
pub(crate) fn render() {
    render_regions(true);
}

/// Like [`render`], but also re-renders the region of the focused field (after a
/// `change`, to show its messages), restoring focus and caret.
pub(crate) fn render_all() {
    render_regions(false);
}

/// Records that the DOM of `region` already shows the state (the traveller typed it, and
/// its messages were updated in place), so no render replaces the fields being typed in.
pub(crate) fn settle(region: &str) {
    let html = with_app(|app| view::regions(app).into_iter().find(|(id, _)| *id == region));
    let Some((id, html)) = html else { return };
    RENDERED.with(|cache| {
        let mut cache = cache.borrow_mut();
        match cache.iter().position(|(c, _)| *c == id) {
            Some(i) => cache[i].1 = html,
            None => cache.push((id, html)),
        }
    });
}

fn render_regions(spare_focused: bool) {
    let Some(document) = document() else { return };
    let active = document.active_element();
    let active_id = active.as_ref().map(Element::id).filter(|id| !id.is_empty());
    let caret = active
        .as_ref()
        .and_then(|a| a.dyn_ref::<HtmlInputElement>())
        .filter(|input| input.type_() == "text")
        .and_then(|input| Some((input.selection_start().ok()??, input.selection_end().ok()??)));
    let spared = active
        .as_ref()
        .filter(|a| spare_focused && is_text_field(a))
        .and_then(|a| a.closest("[id^=c-]").ok().flatten())
        .map(|region| region.id());
    let (regions, sections, lang, product_name, has_look) = with_app(|app| {
        let product = app.product();
        (
            view::regions(app),
            view::sections(app),
            app.lang,
            product.map(|p| p.name.clone()).unwrap_or_default(),
            product.is_some_and(|p| p.look.is_some()) && !app.choosing,
        )
    });
    RENDERED.with(|cache| {
        let mut cache = cache.borrow_mut();
        for (id, html) in regions {
            if spared.as_deref() == Some(id) {
                continue;
            }
            let cached = cache.iter().position(|(c, _)| *c == id);
            if cached.is_some_and(|i| cache[i].1 == html) {
                continue;
            }
            if let Some(element) = document.get_element_by_id(id) {
                element.set_inner_html(&html);
                match cached {
                    Some(i) => cache[i].1 = html,
                    None => cache.push((id, html)),
                }
            }
        }
    });
    for id in view::SECTIONS {
        let Some(section) = document.get_element_by_id(id) else {
            continue;
        };
        let shown = sections.iter().find(|(s, _)| *s == id);
        if let Some(section) = section.dyn_ref::<HtmlElement>() {
            section.set_hidden(shown.is_none());
        }
        if let (Some((_, heading)), Some(h2)) =
            (shown, document.get_element_by_id(&format!("h{}", &id[1..])))
            && h2.text_content().as_deref() != Some(heading.as_str())
        {
            h2.set_text_content(Some(heading));
        }
    }
    if let Some(figure) = document
        .get_element_by_id("preview")
        .and_then(|f| f.dyn_into::<HtmlElement>().ok())
    {
        figure.set_hidden(!has_look);
    }
    if let Some(canvas) = document.get_element_by_id("preview-canvas") {
        let label = lang.f(T::PreviewAlt, &[("product", &product_name)]);
        let _ = canvas.set_attribute("aria-label", &label);
    }
    if let Some(root) = document.document_element()
        && root.get_attribute("lang").as_deref() != Some(lang.code())
    {
        let _ = root.set_attribute("lang", lang.code());
    }
    document.set_title(&format!("Gongbang · {}", lang.t(T::Title)));
    flows::show_order_preview();
    // Restore the focus if its element was replaced.
    if let Some(id) = active_id {
        let still = document.active_element().is_some_and(|a| a.id() == id);
        if !still && let Some(element) = document.get_element_by_id(&id) {
            focus(&element);
            if let (Some((start, end)), Some(input)) =
                (caret, element.dyn_ref::<HtmlInputElement>())
            {
                let _ = input.set_selection_range(start, end);
            }
        }
    }
}

pub(crate) fn focus(element: &Element) {
    if let Some(element) = element.dyn_ref::<HtmlElement>() {
        let _ = element.focus();
    }
}

/// Focuses an element by id and scrolls it into view.
pub(crate) fn focus_id(id: &str) {
    if let Some(element) = element(id) {
        focus(&element);
        element.scroll_into_view();
    }
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
        let html = crate::html::field_message(message);
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
            flows::request_preview();
        }
        flows::schedule_quote();
    } else if let Some(group) = id.strip_prefix("opt-") {
        let group = group.to_owned();
        let normal = with_app(|app| {
            let rule = app
                .product()
                .and_then(|p| p.group(&group))
                .and_then(|g| g.text_rule.clone());
            let normal = match rule {
                Some(rule) => {
                    crate::app::fields::capitals_if_only_capitals(&value, &rule.allowed_characters)
                }
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
            flows::request_preview();
            flows::schedule_quote();
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
                wasm_bindgen_futures::spawn_local(flows::load_catalogue());
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
                    flows::ensure_stripe().await;
                });
            }
        }
        "artwork" => {
            let file = target
                .dyn_ref::<HtmlInputElement>()
                .and_then(|input| input.files())
                .and_then(|files| files.get(0));
            if let Some(file) = file {
                wasm_bindgen_futures::spawn_local(flows::read_artwork(file));
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
            flows::request_preview_since(event.time_stamp());
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
            flows::schedule_quote();
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
            flows::schedule_quote();
            return;
        }
        "trip-counter" => with_app(|app| app.draft.trip.counter_id = value.parse().ok()),
        _ => return,
    }
    save();
    render_all();
    flows::schedule_quote();
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
            flows::request_preview();
            flows::schedule_quote();
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
                Some(Action::LoadCatalogue) => {
                    wasm_bindgen_futures::spawn_local(flows::load_catalogue())
                }
                Some(Action::Quote) => wasm_bindgen_futures::spawn_local(flows::run_quote()),
                Some(Action::PlaceOrder) => wasm_bindgen_futures::spawn_local(flows::place_order()),
                Some(Action::RefreshStatus) => {
                    wasm_bindgen_futures::spawn_local(flows::refresh_status(true))
                }
                None => {}
            }
        }
        "alt-later" => {
            with_app(|app| app.draft.trip.departure = value);
            save();
            render_all();
            focus_id("trip-departure");
            wasm_bindgen_futures::spawn_local(flows::run_quote());
        }
        "alt-counter" => {
            with_app(|app| app.draft.trip.counter_id = value.parse().ok());
            save();
            render_all();
            focus_id("trip-counter");
            wasm_bindgen_futures::spawn_local(flows::run_quote());
        }
        "alt-simpler" => {
            with_app(|app| {
                if let Some(defaults) = app.product().map(|p| p.defaults()) {
                    app.draft.options = defaults;
                }
            });
            save();
            render_all();
            flows::request_preview();
            wasm_bindgen_futures::spawn_local(flows::run_quote());
        }
        "place-order" => wasm_bindgen_futures::spawn_local(flows::place_order()),
        "pay-card" => wasm_bindgen_futures::spawn_local(flows::pay_card()),
        "retry-card" => wasm_bindgen_futures::spawn_local(flows::mount_card()),
        "refresh-status" => wasm_bindgen_futures::spawn_local(flows::refresh_status(true)),
        "new-order" => {
            storage_remove(ORDER_KEY);
            flows::forget_order_preview();
            with_app(|app| {
                app.placed = None;
                app.order = None;
                app.choosing = true;
                app.notice = None;
                app.card = crate::app::CardState::Idle;
                app.quote = crate::app::QuoteState::None;
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
            flows::request_preview();
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
