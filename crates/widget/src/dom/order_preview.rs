//! The server's picture of the placed order's item, loaded once behind the order's token
//! and shown after every render.

use std::cell::{Cell, RefCell};

use wasm_bindgen::JsCast;

use super::browser::element;
use super::glue;
use super::state::with_app;

thread_local! {
    static ORDER_IMAGE: RefCell<Option<String>> = const { RefCell::new(None) };
    /// Whether a load is in flight: a second caller (paying, then refreshing the status)
    /// waits for that one instead of fetching the picture again.
    static LOADING: Cell<bool> = const { Cell::new(false) };
}

/// Loads the picture of the placed (and paid) order, once.
pub(super) async fn load_order_preview() {
    if ORDER_IMAGE.with(|i| i.borrow().is_some()) || LOADING.with(Cell::get) {
        return;
    }
    let Some((id, token)) = with_app(|app| {
        let placed = app.placed.as_ref().filter(|p| p.client_secret.is_none())?;
        Some((placed.id.clone(), placed.token.clone()))
    }) else {
        return;
    };
    LOADING.with(|l| l.set(true));
    let url = glue::image_url(&format!("/api/v1/orders/{id}/items/0/preview.png"), &token).await;
    LOADING.with(|l| l.set(false));
    if let Some(url) = url.as_string() {
        ORDER_IMAGE.with(|i| *i.borrow_mut() = Some(url));
        show_order_preview();
    }
}

/// Shows the server's picture of the ordered item, once loaded (after every render).
pub(crate) fn show_order_preview() {
    let Some(url) = ORDER_IMAGE.with(|i| i.borrow().clone()) else {
        return;
    };
    let (Some(figure), Some(image)) = (element("order-preview"), element("order-preview-img"))
    else {
        return;
    };
    if image.get_attribute("src").as_deref() != Some(url.as_str()) {
        let _ = image.set_attribute("src", &url);
    }
    if let Some(figure) = figure.dyn_ref::<web_sys::HtmlElement>() {
        figure.set_hidden(false);
    }
}

/// Drops the picture of the previous order.
pub(crate) fn forget_order_preview() {
    if let Some(url) = ORDER_IMAGE.with(|i| i.borrow_mut().take()) {
        let _ = web_sys::Url::revoke_object_url(&url);
    }
}
