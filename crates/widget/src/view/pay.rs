//! The payment step: what is ordered, how to pay and how much now, the Place order
//! button; once a card order is placed, the state of Stripe's card form and Pay.

use std::fmt::Write;

use super::parts::{radio, summary};
use crate::app::{App, CardState, QuoteState};
use crate::format::krw;
use crate::html::{esc, field_message};
use crate::i18n::T;

/// The summary, the payment methods, the amounts and the Place order button.
pub(super) fn pay(app: &App) -> String {
    let amounts = match &app.quote {
        QuoteState::Ready(q) => Some((q.total_krw, q.deposit_krw)),
        _ => None,
    };
    // A card order placed and waiting for its payment: see `card`.
    if let Some(placed) = app.placed.as_ref().filter(|p| p.client_secret.is_some()) {
        let ordered = app
            .order
            .as_ref()
            .and_then(|o| o.items.first())
            .map(|item| summary(app, item.product_id, &item.options))
            .unwrap_or_default();
        return format!(
            r#"{ordered}<p class="price">{}</p><h3>{}</h3>"#,
            app.f(T::DueNow, &[("amount", &krw(placed.due_now_krw))]),
            app.t(T::CardTitle)
        );
    }
    let methods = app.payment_methods();
    let chosen = app.payment();
    let configured = match app.configuration() {
        Some(Ok(configuration)) => configuration.as_map(),
        _ => app.options(),
    };
    let mut html = app
        .product()
        .map(|p| summary(app, p.id, &configured))
        .unwrap_or_default();
    if !methods.is_empty() {
        let _ = write!(
            html,
            r#"<fieldset class="choices"><legend>{}</legend>"#,
            app.t(T::PayLegend)
        );
        for method in &methods {
            let label = match method.as_str() {
                "stripe" => app.f(
                    T::PayCard,
                    &[("amount", &amounts.map(|(_, d)| krw(d)).unwrap_or_default())],
                ),
                "counter" => app.t(T::PayCounter).to_owned(),
                _ => continue,
            };
            html.push_str(&radio(
                "payment",
                method,
                chosen.as_deref() == Some(method.as_str()),
                &label,
            ));
        }
        html.push_str("</fieldset>");
    }
    if let Some((total, deposit)) = amounts {
        let _ = write!(
            html,
            "<p>{}</p>",
            app.f(T::Total, &[("amount", &krw(total))])
        );
        match chosen.as_deref() {
            Some("stripe") => {
                let _ = write!(
                    html,
                    "<p>{}</p>",
                    app.f(T::DueNow, &[("amount", &krw(deposit))])
                );
                if total > deposit {
                    let _ = write!(
                        html,
                        "<p class=\"hint\">{}</p>",
                        app.f(T::BalanceLater, &[("amount", &krw(total - deposit))])
                    );
                }
            }
            Some("counter") => {
                let _ = write!(
                    html,
                    "<p>{}</p>",
                    app.f(T::PayAtPickup, &[("amount", &krw(total))])
                );
            }
            _ => {}
        }
    }
    if chosen.as_deref() == Some("stripe") {
        match app.card {
            CardState::Loading => {
                let _ = write!(html, r#"<p class="muted">{}</p>"#, app.t(T::CardLoading));
            }
            CardState::Unavailable => {
                let alternative = if methods.iter().any(|m| m == "counter") {
                    T::CardTryCounter
                } else {
                    T::CardTryLater
                };
                let _ = write!(
                    html,
                    r#"<p class="error" id="card-error"><span aria-hidden="true">⚠</span> {} {}</p>"#,
                    app.t(T::CardUnavailable),
                    app.t(alternative)
                );
            }
            _ => {}
        }
    }
    let error = app.field_errors.get("place-order");
    let _ = write!(
        html,
        r#"<p class="error" id="place-order-error">{}</p><button type="button" class="primary" id="place-order" data-act="place-order" aria-describedby="place-order-error"{}>{}</button>"#,
        field_message(error.map(String::as_str)),
        if app.placing { " disabled" } else { "" },
        app.t(if app.placing {
            T::Placing
        } else {
            T::PlaceOrder
        })
    );
    html
}

/// Below Stripe's Payment Element of a placed card order: its state and the Pay button.
pub(super) fn card(app: &App) -> String {
    let Some(placed) = app.placed.as_ref().filter(|p| p.client_secret.is_some()) else {
        return String::new();
    };
    let mut html = String::new();
    match &app.card {
        CardState::Loading | CardState::Ready => {
            let _ = write!(html, r#"<p class="muted">{}</p>"#, app.t(T::CardLoading));
        }
        CardState::Unavailable => {
            let _ = write!(
                html,
                r#"<p class="error"><span aria-hidden="true">⚠</span> {} {}</p><button type="button" data-act="retry-card">{}</button>"#,
                app.t(T::CardUnavailable),
                app.t(T::CardTryLater),
                app.t(T::Retry)
            );
        }
        CardState::Failed(message) => {
            let _ = write!(
                html,
                r#"<p class="error" id="pay-error"><span aria-hidden="true">⚠</span> {}</p>"#,
                esc(&app.f(T::PayFailed, &[("message", message)]))
            );
        }
        _ => {}
    }
    if matches!(
        app.card,
        CardState::Mounted | CardState::Paying | CardState::Failed(_)
    ) {
        let paying = app.card == CardState::Paying;
        let _ = write!(
            html,
            r#"<button type="button" class="primary" id="pay-now" data-act="pay-card"{}>{}</button>"#,
            if paying { " disabled" } else { "" },
            if paying {
                app.t(T::Paying).to_owned()
            } else {
                app.f(T::PayNow, &[("amount", &krw(placed.due_now_krw))])
            }
        );
    }
    // Changed one's mind: an unpaid card order gives its workshop time back by itself.
    let _ = write!(
        html,
        r#"<p><button type="button" class="secondary" data-act="new-order">{}</button></p>"#,
        app.t(T::NewOrder)
    );
    html
}
