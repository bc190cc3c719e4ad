//! The options step: a choice per option group, the text of a monogram with what it
//! allows, the artwork of printed goods, and the unit price (the preview canvas sits
//! beside, outside the regions).

use std::fmt::Write;

use crate::app::{App, ArtworkState};
use crate::artwork::print_area;
use crate::format::krw;
use crate::html::{esc, field_message, invalid};
use crate::i18n::T;
use crate::wire::OptionGroupView;

/// The characters a text option allows, runs written as ranges: `& . A–Z`.
fn describe_allowed(allowed: &str) -> String {
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

/// One choice group: radio buttons, or a list when it has many values.
pub(super) fn choice_group(app: &App, group: &OptionGroupView) -> String {
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

/// The product's option groups (the fit group shows with the sizing) and its artwork.
pub(super) fn options(app: &App) -> String {
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
                    invalid = invalid(error.as_deref()),
                    help = esc(&app.f(
                        T::MonogramHelp,
                        &[
                            ("max", &rule.max_chars.to_string()),
                            ("allowed", &describe_allowed(&rule.allowed_characters))
                        ]
                    )),
                    price = app.f(T::MonogramPrice, &[("price", &krw(rule.price_delta_krw))]),
                    error = field_message(error.as_deref()),
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

/// The unit price of a valid configuration.
pub(super) fn price(app: &App) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowed_characters_are_described_compactly() {
        assert_eq!(describe_allowed("&.ABCDEFGHIJKLMNOPQRSTUVWXYZ"), "& . A–Z");
        assert_eq!(describe_allowed("김AB"), "A B 김");
    }
}
