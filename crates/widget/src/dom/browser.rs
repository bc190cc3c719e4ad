//! The browser's basics: the document and its elements, the clock, `localStorage`, and
//! moving the focus.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

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
