//! A ticket to print: one A4 page for the workbench, or a 100 × 150 mm label for the
//! parcel, with the ticket number as a QR code (inline SVG) for the counter's scanner.

use std::sync::Arc;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use maud::{DOCTYPE, Markup, PreEscaped, html};
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};
use serde::Deserialize;

use super::error::{PageError, PageResult, PageStaff};
use super::format;
use super::workshop::{self, TicketData};
use crate::AppState;
use crate::extract::Negotiated;
use crate::wire::TicketFitting;

/// Which paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Paper {
    A4,
    Label,
}

/// `?format=a4|label`.
#[derive(Debug, Default, Deserialize)]
pub(super) struct PrintQuery {
    format: Option<String>,
}

const SHARED_STYLE: &str = r#"
*{box-sizing:border-box}
body{margin:0;font:11pt/1.35 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans KR","Noto Sans CJK KR",sans-serif;color:#000;background:#e9ecef}
.toolbar{font-size:15px;padding:.6rem .75rem;background:#14202e;color:#fff;display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:center}
.toolbar a{color:#fff}
.toolbar .hint{color:#b9c4d0;font-size:13px;width:100%}
.sheet{background:#fff;margin:12px auto;box-shadow:0 1px 4px rgba(0,0,0,.25);overflow:hidden}
.num{font-weight:800;font-variant-numeric:tabular-nums;letter-spacing:.02em;line-height:1}
.qr svg{display:block;width:100%;height:auto}
.kicker{text-transform:uppercase;letter-spacing:.08em;font-size:8pt;font-weight:700}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:1.2mm 2mm 1.2mm 0;border-bottom:.3mm solid #bbb}
th{font-weight:600;width:35%}
.risk{border:.6mm solid #000;padding:.5mm 2mm;font-weight:800;display:inline-block}
.empty{font-style:italic}
@media print{
 body{background:#fff}
 .toolbar{display:none}
 .sheet{margin:0;box-shadow:none}
}
"#;

const A4_STYLE: &str = r#"
@page{size:A4;margin:12mm}
.sheet{width:186mm;min-height:273mm;padding:8mm}
@media print{.sheet{padding:0;min-height:0}}
.head{display:flex;justify-content:space-between;align-items:flex-start;gap:8mm;border-bottom:1mm solid #000;padding-bottom:5mm}
.head .num{font-size:40pt;margin:2mm 0 3mm}
.head .qr{width:42mm;flex:none}
.due{font-size:15pt;font-weight:700;margin:1mm 0}
.facts{display:grid;grid-template-columns:auto 1fr;gap:1mm 5mm;margin-top:2mm}
.facts dt{font-weight:600}.facts dd{margin:0}
h2{font-size:12pt;margin:6mm 0 2mm;text-transform:uppercase;letter-spacing:.05em}
.product{font-size:16pt;font-weight:700;margin:5mm 0 0}
.qr .caption{text-align:center;font-size:9pt;font-weight:700;margin-top:1mm;letter-spacing:.05em}
.ruled{height:32mm;background:repeating-linear-gradient(#fff 0 7.7mm,#999 7.7mm 8mm);border-top:.3mm solid #999}
.ruled.short{height:16mm}
.ruled.short+.signoff{margin-top:7mm}
.signoff{display:grid;grid-template-columns:repeat(3,1fr);gap:6mm;margin-top:10mm}
.signoff div{border-top:.3mm solid #000;padding-top:1.5mm;font-size:9pt}
.foot{margin-top:8mm;font-size:8pt;color:#333}
.made-to{display:flex;gap:6mm;align-items:flex-start}
.made-to>div:first-child{flex:1;min-width:0}
.made-to .preview{width:50mm;flex:none;margin-top:6mm}
.made-to .preview img{display:block;width:100%;height:auto;border:.3mm solid #bbb}
.made-to p{margin:0 0 1.5mm}
.measured{font-size:10pt}
.banner{border:.5mm solid #000;padding:1mm 2mm;font-weight:700}
/* A phone shows the sheet narrower; printing is unaffected. */
@media screen and (max-width:720px){
 .sheet{width:auto;min-height:0;margin:8px;padding:5mm}
 .head{gap:3mm}.head>div:first-child{min-width:0;flex:1}
 .head .num{font-size:24pt}.head .qr{width:24mm}
 .due{font-size:13pt}
 .made-to{display:block}.made-to .preview{width:45mm}
}
"#;

const LABEL_STYLE: &str = r#"
@page{size:100mm 150mm;margin:4mm}
.sheet{width:92mm;height:142mm;padding:0}
@media screen{.sheet{outline:1px dashed #888;outline-offset:4mm;margin:24px auto}}
body{font-size:9pt}
.top{display:flex;justify-content:space-between;gap:3mm;align-items:flex-start;border-bottom:.8mm solid #000;padding-bottom:2.5mm}
.top .num{font-size:22pt;margin:1.5mm 0 2mm}
.top .qr{width:30mm;flex:none}
.product{font-size:12pt;font-weight:700;margin:2.5mm 0 1mm}
.due{font-size:11pt;font-weight:700}
.to{font-size:13pt;font-weight:800;margin:1.5mm 0 2mm;border:.6mm solid #000;padding:1mm 2mm}
th,td{padding:.7mm 1.5mm .7mm 0;font-size:8.5pt}
.foot{margin-top:2mm;font-size:7pt;word-break:break-all}
"#;

/// `GET /workshop/tickets/{id}/print?format=a4|label`: the printable ticket.
pub(super) async fn page(
    State(state): State<Arc<AppState>>,
    Negotiated(language): Negotiated,
    PageStaff(staff): PageStaff,
    Path(id): Path<String>,
    query: Result<Query<PrintQuery>, QueryRejection>,
) -> PageResult<Markup> {
    let workshop = staff.workshop()?;
    let Query(query) = query.map_err(|e| PageError::BadRequest(e.body_text()))?;
    let paper = match query.format.as_deref() {
        None | Some("a4") => Paper::A4,
        Some("label") => Paper::Label,
        Some(_) => {
            return Err(PageError::BadRequest(
                "the print format is a4 or label".into(),
            ));
        }
    };
    let data = TicketData::load(&state, workshop, &id, language).await?;
    let printed = format::seoul(state.clock.now());
    let sheet = match paper {
        Paper::A4 => a4(&data, &printed, language.code()),
        Paper::Label => label(&data, language.code()),
    };
    let path = data.path();
    let (title, style) = match paper {
        Paper::A4 => ("A4 ticket", A4_STYLE),
        Paper::Label => ("Ticket label", LABEL_STYLE),
    };
    Ok(html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="robots" content="noindex";
                link rel="icon" href="data:,";
                title { (data.view.number) " · " (title) " · Gongbang" }
                style { (PreEscaped(SHARED_STYLE)) (PreEscaped(style)) }
            }
            body {
                div.toolbar {
                    a href=(path) { "← Ticket" }
                    @if paper == Paper::A4 { strong { "A4" } } @else { a href={ (path) "/print?format=a4" } { "A4" } }
                    @if paper == Paper::Label { strong { "Label 100 × 150 mm" } } @else { a href={ (path) "/print?format=label" } { "Label 100 × 150 mm" } }
                    span.hint { "Print with the browser's Print command; the page size is set for you." }
                }
                (sheet)
            }
        }
    })
}

fn a4(data: &TicketData, printed: &str, lang: &str) -> Markup {
    let view = &data.view;
    html! {
        div.sheet {
            div.head {
                div {
                    div.kicker { "Gongbang · production ticket · " (data.workshop_name) }
                    div.num { (view.number) }
                    @if view.at_risk { div.risk { "AT RISK: may miss the pickup deadline" } }
                    div.due { "Leaves the workshop by " (format::seoul(view.due_at.0)) }
                    dl.facts {
                        dt { "Counter" } dd { (data.counter_name) }
                        dt { "Pickup deadline" } dd { (format::seoul(view.pickup_deadline.0)) }
                        dt { "Status" } dd { (format::status(data.record.status)) }
                    }
                }
                div.qr role="img" aria-label={ "QR code of " (view.number) } {
                    (qr_svg(&view.number))
                    div.caption { (view.number) }
                }
            }
            p.product lang=(lang) { (data.product_name) " × " (view.quantity) }
            div.made-to {
                div {
                    h2 { "Configuration" }
                    (configuration_table(data, lang))
                    h2 { "Measurements" }
                    (fitting_lines(view.fitting.as_ref()))
                }
                @if let Some(preview) = &data.preview {
                    div.preview { (workshop::preview_image(Some(preview))) }
                }
            }
            h2 { "Notes" }
            @if view.notes.trim().is_empty() { p.empty { "No notes." } } @else { p style="white-space:pre-wrap" { (view.notes) } }
            h2 { "Workshop notes" }
            div.ruled.short[view.fitting.is_some()] {}
            div.signoff {
                div { "Made by" } div { "Checked by" } div { "Dispatched (date, initials)" }
            }
            p.foot { "Order " (view.order_id) " · printed " (printed) " (Seoul time)" }
        }
    }
}

fn label(data: &TicketData, lang: &str) -> Markup {
    let view = &data.view;
    html! {
        div.sheet {
            div.top {
                div {
                    div.kicker { "Gongbang ticket" }
                    div.num { (view.number) }
                    div.due { "Due " (format::seoul(view.due_at.0)) }
                    @if view.at_risk { div.risk style="margin-top:1mm" { "AT RISK" } }
                }
                div.qr role="img" aria-label={ "QR code of " (view.number) } { (qr_svg(&view.number)) }
            }
            p.product lang=(lang) { (data.product_name) " × " (view.quantity) }
            div.to { "→ " (data.counter_name) }
            (configuration_table(data, lang))
            p.foot { "Order " (view.order_id) br; (data.workshop_name) }
        }
    }
}

/// The fitting in a few lines, so that a made-to-measure ticket still prints on one page:
/// base size and confidence, the measurements with unit and source, the adjustments.
fn fitting_lines(fitting: Option<&TicketFitting>) -> Markup {
    let Some(fitting) = fitting else {
        return html! { p.empty { "No measurements: the item was ordered without a fitting." } };
    };
    let garment = fitting.compared_with == "reference_garment";
    let custom: Vec<String> = fitting
        .advice
        .iter()
        .filter(|a| a.code == "custom-pattern")
        .map(|a| a.point.as_deref().map_or_else(String::new, format::point))
        .collect();
    html! {
        p {
            "Recommended base size " strong { (fitting.size) }
            @if let Some(next) = &fitting.runner_up { " (next best " (next) ")" }
            " · confidence " ((fitting.confidence * 100.0).round()) " % · " (fitting.fit) " fit"
        }
        p.measured {
            @if garment { "A garment that fits, laid flat: " }
            @for (index, m) in fitting.measurements.iter().enumerate() {
                @if index > 0 { " · " }
                (format::point(&m.point)) " " strong { (format!("{:.1}", m.value)) " " (m.unit) }
                " (" (format::source(m.source)) ")"
            }
        }
        p {
            strong { "Made-to-measure adjustments: " }
            @if fitting.adjustments.is_empty() {
                "none, cut the base size as it is."
            }
            @for (index, a) in fitting.adjustments.iter().enumerate() {
                @if index > 0 { " · " }
                (format::point(&a.point)) " " strong { (format::alteration(a.delta_cm)) }
            }
        }
        @if !custom.is_empty() {
            p.banner {
                "Custom pattern: " (custom.join(", "))
                " need more alteration than a size step allows."
            }
        }
    }
}

fn configuration_table(data: &TicketData, lang: &str) -> Markup {
    html! {
        @if data.configuration.is_empty() {
            p.empty { "No options." }
        } @else {
            table lang=(lang) {
                @for line in &data.configuration { tr { th { (line.group) } td { (line.value) } } }
            }
        }
    }
}

/// `text` as a QR code (error correction M), inline SVG without the XML prolog.
fn qr_svg(text: &str) -> Markup {
    let Ok(code) = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M) else {
        return html! { span { (text) } };
    };
    let image = code
        .render::<svg::Color<'_>>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .dark_color(svg::Color("#000"))
        .light_color(svg::Color("#fff"))
        .build();
    let svg = image.find("<svg").map_or(image.as_str(), |at| &image[at..]);
    PreEscaped(svg.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_qr_code_is_inline_svg() {
        let svg = qr_svg("T000042").into_string();
        assert!(svg.starts_with("<svg"), "{svg}");
        assert!(svg.ends_with("</svg>"), "{svg}");
        assert!(!svg.contains("<?xml"));
    }
}
