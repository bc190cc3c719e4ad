//! The pickup code as a QR code, inline SVG (no image request, sharp at any zoom).

use qrcode::QrCode;
use qrcode::render::svg;

use crate::html::esc;

/// An `<svg role="img">` of `text` named `label` for screen readers; `None` if the text
/// does not fit a QR code.
pub fn svg(text: &str, label: &str) -> Option<String> {
    let code = QrCode::new(text.as_bytes()).ok()?;
    let image = code
        .render::<svg::Color<'_>>()
        .min_dimensions(176, 176)
        .quiet_zone(true)
        .build();
    // Inline in HTML: no XML declaration, and a name for the image.
    let start = image.find("<svg")?;
    Some(image[start..].replacen(
        "<svg",
        &format!(r#"<svg role="img" aria-label="{}""#, esc(label)),
        1,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pickup_code_becomes_a_named_inline_svg() {
        let svg = svg("K7Q2-9XAB", "QR code of pickup code K7Q2-9XAB").expect("fits");
        assert!(
            svg.starts_with(r#"<svg role="img" aria-label="QR code of pickup code K7Q2-9XAB""#)
        );
        assert!(svg.ends_with("</svg>"));
        assert!(!svg.contains("<?xml"));
    }
}
