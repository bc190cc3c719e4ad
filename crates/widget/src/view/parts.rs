//! What several steps show: a radio choice, a counter's name, the summary of what is
//! ordered.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::app::App;
use crate::html::esc;

/// A radio button inside its label.
pub(super) fn radio(name: &str, value: &str, checked: bool, label: &str) -> String {
    format!(
        r#"<label class="choice"><input type="radio" name="{name}" id="{name}-{value}" value="{value}"{}> <span>{label}</span></label>"#,
        if checked { " checked" } else { "" }
    )
}

/// A counter's name (its id when the catalogue does not list it).
pub(super) fn counter_name(app: &App, id: i64) -> String {
    app.counter(id)
        .map_or_else(|| id.to_string(), |c| c.name.clone())
}

/// What is ordered: the product and each option in words.
pub(super) fn summary(app: &App, product_id: i64, options: &BTreeMap<String, String>) -> String {
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
