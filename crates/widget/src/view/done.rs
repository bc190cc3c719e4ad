//! The confirmation: the order number, the pickup code with its QR code, the order's
//! status, when and where to collect it, and what was ordered.

use std::fmt::Write;

use super::parts::{counter_name, summary};
use crate::app::App;
use crate::format::{krw, seoul};
use crate::html::esc;
use crate::i18n::{self, T};

/// The placed order (nothing while a card order waits for its payment).
pub(super) fn done(app: &App) -> String {
    let Some(placed) = &app.placed else {
        return String::new();
    };
    if placed.client_secret.is_some() {
        return String::new();
    }
    let status = app
        .order
        .as_ref()
        .map(|o| {
            i18n::status_name(&o.status).map_or_else(|| o.status.clone(), |k| app.t(k).to_owned())
        })
        .unwrap_or_else(|| app.t(T::Loading).to_owned());
    let counter = counter_name(app, placed.counter_id);
    let qr = crate::qr::svg(
        &placed.pickup_code,
        &app.f(T::QrLabel, &[("code", &placed.pickup_code)]),
    )
    .unwrap_or_default();
    let mut html = format!(
        r#"<p class="thanks"><span aria-hidden="true">✓</span> {}</p><dl class="order"><dt>{}</dt><dd id="order-id">{}</dd><dt>{}</dt><dd class="code" id="pickup-code">{}</dd><dt>{}</dt><dd id="order-status">{}</dd></dl><figure class="qr">{qr}</figure><p>{}</p>"#,
        app.t(T::Thanks),
        app.t(T::OrderNumber),
        esc(&placed.id),
        app.t(T::PickupCode),
        esc(&placed.pickup_code),
        app.t(T::Status),
        esc(&status),
        esc(&app.f(T::PickupHint, &[("counter", &counter)]))
    );
    if let Some(order) = &app.order {
        if let Some(ready) = order.items.first().map(|i| i.ready_by.as_str()) {
            let _ = write!(
                html,
                "<p>{}</p>",
                app.f(T::ReadyBy, &[("time", &seoul(ready, app.lang))])
            );
        }
        let deadline = seoul(&order.itinerary.pickup_deadline, app.lang);
        let _ = write!(
            html,
            "<p>{}</p>",
            esc(&app.f(T::CollectBy, &[("counter", &counter), ("time", &deadline)]))
        );
        if let Some(item) = order.items.first() {
            html.push_str(&summary(app, item.product_id, &item.options));
        }
        if order.total_krw > 0 {
            let _ = write!(
                html,
                "<p>{}</p>",
                app.f(T::Total, &[("amount", &krw(order.total_krw))])
            );
        }
    }
    let _ = write!(
        html,
        r#"<p><button type="button" class="secondary" data-act="refresh-status">{}</button></p><figure class="order-preview" id="order-preview" hidden><img id="order-preview-img" alt="{}"><figcaption>{}</figcaption></figure><p class="muted">{}</p><p><button type="button" class="secondary" data-act="new-order">{}</button></p>"#,
        app.t(T::RefreshStatus),
        app.t(T::OrderPreview),
        app.t(T::OrderPreview),
        app.t(T::KeptOnDevice),
        app.t(T::NewOrder)
    );
    html
}
