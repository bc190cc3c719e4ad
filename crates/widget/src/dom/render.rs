//! Putting the views into the page: every region whose HTML changed (the one being typed
//! in spared), the sections shown and their headings, the preview's frame, the page's
//! language and title, and the focus kept where it was.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

use super::browser::{document, focus};
use super::order_preview::show_order_preview;
use super::state::with_app;
use crate::i18n::T;
use crate::view;

thread_local! {
    static RENDERED: RefCell<Vec<(&'static str, String)>> = const { RefCell::new(Vec::new()) };
}

/// Forgets what was rendered (a new page is mounted: every region is rendered again).
pub(super) fn forget_rendered() {
    RENDERED.with(|cache| cache.borrow_mut().clear());
}

/// Whether `element` is a field the traveller types into.
pub(super) fn is_text_field(element: &Element) -> bool {
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
    show_order_preview();
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
