//! The traveller step: who collects (name, email, passport ending).

use crate::app::App;
use crate::html::{esc, field_message, invalid};
use crate::i18n::T;

/// The fields of the person who collects.
pub(super) fn traveller(app: &App) -> String {
    let t = &app.draft.traveller;
    let field = |id: &str, key: T, value: &str, attrs: &str, hint: Option<T>| {
        let error = app.field_errors.get(id).map(String::as_str);
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
            invalid(error),
            field_message(error)
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
