//! The browser side: mounting, rendering the regions, and turning events into state.
//!
//! One listener per event type on the root element (delegation), so re-rendered HTML
//! needs no re-binding. The state lives in a thread-local [`App`](crate::app::App); it is
//! never borrowed across an `await`. A region holding the focused text field is not
//! re-rendered while the traveller types in it (only its messages are), so typing, the
//! caret and screen readers are never disturbed.
//!
//! This file mounts the page. `state` holds the page's [`App`](crate::app::App) and saves
//! its draft; `browser` the document, storage and focus; `render` puts the views into the
//! page; `events` turns the traveller's input into state; `api` calls the server, and the
//! flows over it are `load` (settings, catalogue), `quote`, `order` (placing, paying by
//! card, following the status) and `order_preview` (the server's picture of the order);
//! `preview` is the client of the preview worker, `artwork` reads the traveller's image;
//! [`glue`] is the JavaScript they call.

mod api;
mod artwork;
mod browser;
mod events;
pub mod glue;
mod load;
mod order;
mod order_preview;
mod preview;
mod quote;
mod render;
mod state;

pub use state::snapshot;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::app::App;
use crate::draft::{DRAFT_KEY, Draft, ORDER_KEY, PlacedOrder};
use crate::i18n::Lang;
use crate::view;
use browser::{document, storage_get};
use render::render;
use state::app_cell;

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
    render::forget_rendered();

    root.set_inner_html(view::SHELL);
    events::listen(root)?;
    let resized = Closure::<dyn FnMut()>::new(preview::forget_size);
    window.add_event_listener_with_callback("resize", resized.as_ref().unchecked_ref())?;
    resized.forget();
    render();
    wasm_bindgen_futures::spawn_local(load::load_config());
    wasm_bindgen_futures::spawn_local(load::load_catalogue());
    if placed {
        wasm_bindgen_futures::spawn_local(order::refresh_status(false));
    }
    if card_pending {
        wasm_bindgen_futures::spawn_local(order::mount_card());
    }
    Ok(())
}
