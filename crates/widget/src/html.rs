//! Escaping text for HTML, and a field's message with its `aria-invalid`: what every
//! piece of the page built as a string (the views, the QR code, messages set in place by
//! the DOM layer) puts around catalogue and typed text.

/// Escapes text for HTML content and quoted attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

/// ` aria-invalid="true"` for a field that has a message, else nothing.
pub fn invalid(message: Option<&str>) -> &'static str {
    if message.is_some() {
        r#" aria-invalid="true""#
    } else {
        ""
    }
}

/// A field's message as shown under it: a warning sign (hidden from screen readers) and
/// the words, escaped; nothing without a message.
pub fn field_message(message: Option<&str>) -> String {
    message
        .map(|m| format!("<span aria-hidden=\"true\">⚠</span> {}", esc(m)))
        .unwrap_or_default()
}
