//! The page's frame: the containers of the regions and sections, the title, the
//! language switcher and the notices for the whole page.

use std::fmt::Write;

use crate::app::App;
use crate::html::esc;
use crate::i18n::{Lang, T};

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
pub(super) fn head(app: &App) -> String {
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

pub(super) fn language_switcher(app: &App) -> String {
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

pub(super) fn notice(app: &App) -> String {
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
