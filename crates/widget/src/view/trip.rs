//! The trip step: arrival, departure and pickup counter, and the quote's verdict on
//! them: ready in time (when, where, how much) or why not, with the alternatives that
//! would work as buttons.

use std::fmt::Write;

use super::parts::counter_name;
use crate::app::{App, QuoteState};
use crate::format::{SeoulTime, krw, seoul};
use crate::html::{esc, field_message, invalid};
use crate::i18n::T;
use crate::wire::{AlternativeView, ReasonView};

/// The trip's fields.
pub(super) fn trip(app: &App) -> String {
    let t = &app.draft.trip;
    let order_error = app
        .trip_errors()
        .into_iter()
        .find(|(_, m)| m == app.t(T::ErrDepartureOrder))
        .map(|(_, m)| m);
    let field = |id: &str, key: T, value: &str, computed: Option<String>| {
        let error = app.field_errors.get(id).cloned().or(computed);
        format!(
            r#"<div class="field"><label for="{id}">{}</label><input type="datetime-local" id="{id}" name="{id}" value="{}" aria-describedby="trip-hint {id}-error"{}><p class="error" id="{id}-error">{}</p></div>"#,
            app.t(key),
            esc(value),
            invalid(error.as_deref()),
            field_message(error.as_deref())
        )
    };
    let mut html = format!(
        r#"<p class="hint" id="trip-hint">{}</p>"#,
        app.t(T::TripIntro)
    );
    html.push_str(&field("trip-arrival", T::Arrival, &t.arrival, None));
    html.push_str(&field(
        "trip-departure",
        T::Departure,
        &t.departure,
        order_error,
    ));
    let _ = write!(
        html,
        r#"<div class="field"><label for="trip-counter">{}</label><select id="trip-counter" name="trip-counter" aria-describedby="trip-counter-hint">"#,
        app.t(T::Counter)
    );
    for counter in app.catalogue.iter().flat_map(|c| &c.counters) {
        let selected = if t.counter_id == Some(counter.id) {
            " selected"
        } else {
            ""
        };
        let _ = write!(
            html,
            r#"<option value="{}"{selected}>{}</option>"#,
            counter.id,
            esc(&counter.name)
        );
    }
    html.push_str("</select>");
    if let Some(counter) = t.counter_id.and_then(|id| app.counter(id)) {
        let hours = app.f(
            T::CounterHours,
            &[("opens", &counter.opens_at), ("closes", &counter.closes_at)],
        );
        let _ = write!(
            html,
            r#"<p class="hint" id="trip-counter-hint">{} · {}</p>"#,
            esc(&counter.address),
            esc(&hours)
        );
    } else {
        html.push_str(r#"<p class="hint" id="trip-counter-hint"></p>"#);
    }
    html.push_str("</div>");
    html
}

/// Whether the trip works, from the quote.
pub(super) fn quote(app: &App) -> String {
    match &app.quote {
        QuoteState::None => String::new(),
        QuoteState::Checking => format!(r#"<p class="muted">{}</p>"#, app.t(T::Checking)),
        QuoteState::Ready(q) if q.feasible => {
            let mut html = format!(
                r#"<div class="verdict yes" id="verdict"><p><span aria-hidden="true">✓</span> <strong>{}</strong></p>"#,
                app.t(T::Feasible)
            );
            if let Some(ready) = q.items.first().and_then(|i| i.ready_by.as_deref()) {
                let _ = write!(
                    html,
                    "<p>{}</p>",
                    app.f(T::ReadyBy, &[("time", &seoul(ready, app.lang))])
                );
            }
            if let Some(deadline) = &q.pickup_deadline {
                let _ = write!(
                    html,
                    "<p>{}</p>",
                    esc(&app.f(
                        T::CollectBy,
                        &[
                            ("counter", &counter_name(app, q.counter_id)),
                            ("time", &seoul(deadline, app.lang))
                        ]
                    ))
                );
            }
            let _ = write!(
                html,
                "<p>{}</p></div>",
                app.f(T::Total, &[("amount", &krw(q.total_krw))])
            );
            html
        }
        QuoteState::Ready(q) => {
            let mut html = format!(
                r#"<div class="verdict no" id="verdict"><p><span aria-hidden="true">✗</span> <strong>{}</strong></p><ul>"#,
                app.t(T::Infeasible)
            );
            for reason in &q.reasons {
                let text = match reason {
                    ReasonView::NotReadyInTime {
                        ready_by,
                        pickup_deadline,
                    } => app.f(
                        T::ReasonNotReady,
                        &[
                            ("ready", &seoul(ready_by, app.lang)),
                            ("deadline", &seoul(pickup_deadline, app.lang)),
                        ],
                    ),
                    ReasonView::NoCapacity => app.t(T::ReasonNoCapacity).to_owned(),
                    ReasonView::PaymentUnavailable => app.t(T::ReasonPayment).to_owned(),
                    ReasonView::NoPickupDuringStay => app.t(T::ReasonNoPickup).to_owned(),
                    ReasonView::Other => continue,
                };
                let _ = write!(html, "<li>{}</li>", esc(&text));
            }
            html.push_str("</ul>");
            html.push_str(&alternatives(app, &q.alternatives));
            html.push_str("</div>");
            html
        }
    }
}

/// The alternatives of an infeasible quote (or a 409), as buttons that apply them.
fn alternatives(app: &App, alternatives: &[AlternativeView]) -> String {
    let mut items = String::new();
    for alternative in alternatives {
        let (act, value, text) = match alternative {
            AlternativeView::LaterDeparture { earliest_departure } => {
                let Some(time) = SeoulTime::from_rfc3339(earliest_departure) else {
                    continue;
                };
                (
                    "alt-later",
                    time.local(),
                    app.f(T::AltLater, &[("time", &time.display(app.lang))]),
                )
            }
            AlternativeView::OtherCounter {
                counter_id,
                pickup_deadline,
            } => (
                "alt-counter",
                counter_id.to_string(),
                app.f(
                    T::AltCounter,
                    &[
                        ("counter", &counter_name(app, *counter_id)),
                        ("time", &seoul(pickup_deadline, app.lang)),
                    ],
                ),
            ),
            AlternativeView::SimplerOptions { ready_by } => (
                "alt-simpler",
                String::new(),
                app.f(T::AltSimpler, &[("time", &seoul(ready_by, app.lang))]),
            ),
            AlternativeView::Other => continue,
        };
        let _ = write!(
            items,
            r#"<li><button type="button" class="secondary" data-act="{act}" data-value="{}">{}</button></li>"#,
            esc(&value),
            esc(&text)
        );
    }
    if items.is_empty() {
        return String::new();
    }
    format!(
        r#"<p>{}</p><ul class="alternatives">{items}</ul>"#,
        app.t(T::WhatWorks)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::tests_support::app;

    #[test]
    fn an_infeasible_quote_offers_its_alternatives_as_buttons() {
        let mut app = app(Lang::En);
        app.choose_product("made-to-measure-shirt");
        app.quote = QuoteState::Ready(crate::tests_support::quote(
            r#"{"feasible":false,"total_krw":1,"deposit_krw":0,"counter_id":2,
                "pickup_deadline":null,"items":[],"payment_methods":[],
                "reasons":[{"code":"not_ready_in_time","ready_by":"2026-12-08T18:00:00+09:00",
                  "pickup_deadline":"2026-12-05T15:00:00+09:00"}],
                "alternatives":[{"kind":"later_departure","earliest_departure":"2026-12-08T21:00:00+09:00"},
                  {"kind":"other_counter","counter_id":1,"pickup_deadline":"2026-12-09T20:00:00+09:00"}]}"#,
        ));
        let html = quote(&app);
        assert!(html.contains("No: it cannot be ready in time"), "{html}");
        assert!(html.contains("Tue 8 Dec 2026, 18:00"));
        assert!(html.contains(r#"data-act="alt-later" data-value="2026-12-08T21:00""#));
        assert!(html.contains("Collect at Myeongdong shop"));
    }
}
