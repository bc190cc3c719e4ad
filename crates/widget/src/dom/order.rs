//! The order: placing it (every field checked first, sent with the draft's idempotency
//! key, so a retry never places two), paying a card order in Stripe's Payment Element,
//! and following its status.
//!
//! A request that cannot reach the server leaves everything as it was and offers a
//! retry (`App::retry`).

use super::api::{Answer, call, parse, problem, show_problem};
use super::browser::{element, focus_id, storage_set};
use super::glue;
use super::load::load_config;
use super::order_preview::load_order_preview;
use super::render::{render, render_all};
use super::state::{save, with_app};
use crate::app::fields::field_for_pointer;
use crate::app::{Action, CardState, QuoteState};
use crate::draft::{ORDER_KEY, PlacedOrder};
use crate::i18n::{T, status_name};
use crate::wire::{OrderCreated, OrderView, QuoteView};

const STRIPE_JS: &str = "https://js.stripe.com/v3/";

/// Places the order: checks every field first, loads Stripe.js for a card, then posts
/// with the draft's idempotency key.
pub(crate) async fn place_order() {
    let prepared = with_app(|app| {
        if app.placing {
            return None;
        }
        app.field_errors.clear();
        app.notice = None;
        match app.order_request() {
            Err(errors) => {
                let first = errors.first().map(|(id, _)| id.clone());
                app.field_errors.extend(errors);
                let fix = app.t(T::FixFirst).to_owned();
                app.field_errors.insert("place-order".into(), fix);
                Some(Err(first))
            }
            Ok(request) => Some(Ok((request, app.draft.idempotency_key.clone()))),
        }
    });
    let (request, key) = match prepared {
        None => return,
        Some(Err(first)) => {
            render_all();
            if let Some(id) = first {
                focus_id(&id);
            }
            return;
        }
        Some(Ok(prepared)) => prepared,
    };
    if request.payment == "stripe" && !ensure_stripe().await {
        return;
    }
    with_app(|app| app.placing = true);
    render();
    let body = request.to_json().to_text();
    let answer = call("POST", "/api/v1/orders", Some(body), Some(key), None).await;
    with_app(|app| app.placing = false);
    match answer {
        Answer::Unreachable => {
            with_app(|app| app.retry = Some(Action::PlaceOrder));
            render();
        }
        Answer::Status(200 | 201, text) => match OrderCreated::from_json(&parse(&text)) {
            Some(created) => placed(created, &request.payment).await,
            None => render(),
        },
        Answer::Status(status, text) => {
            let problem = problem(&text);
            with_app(|app| {
                if status == 409 && !problem.reasons.is_empty() {
                    let mut quote = match &app.quote {
                        QuoteState::Ready(q) => q.clone(),
                        _ => QuoteView {
                            feasible: false,
                            total_krw: 0,
                            deposit_krw: 0,
                            pickup_deadline: None,
                            counter_id: app.draft.trip.counter_id.unwrap_or_default(),
                            items: Vec::new(),
                            reasons: Vec::new(),
                            alternatives: Vec::new(),
                            payment_methods: Vec::new(),
                        },
                    };
                    quote.feasible = false;
                    quote.reasons = problem.reasons.clone();
                    quote.alternatives = problem.alternatives.clone();
                    app.quote = QuoteState::Ready(quote);
                }
                if status == 502 || status == 503 {
                    app.retry = Some(Action::PlaceOrder);
                }
                show_problem(app, &problem);
            });
            render_all();
            let field = with_app(|app| {
                problem
                    .field
                    .as_deref()
                    .and_then(|p| field_for_pointer(p, &app.draft.sizing))
            });
            focus_id(field.as_deref().unwrap_or("place-order"));
        }
    }
}

async fn placed(created: OrderCreated, method: &str) {
    let card = method == "stripe";
    let placed = PlacedOrder {
        id: created.id.clone(),
        token: created.token.clone(),
        pickup_code: created.pickup_code.clone(),
        counter_id: created.order.itinerary.counter_id,
        payment: created.payment.method.clone(),
        due_now_krw: created.payment.amount_due_now_krw,
        client_secret: if card {
            created.payment.client_secret.clone()
        } else {
            None
        },
    };
    storage_set(ORDER_KEY, &placed.to_json());
    let next_key = glue::random_id();
    with_app(|app| {
        app.placed = Some(placed);
        app.order = Some(created.order.clone());
        app.draft = app.draft.next(next_key);
        app.retry = None;
        app.field_errors.clear();
        app.quote = QuoteState::None;
    });
    save();
    glue::notify_parent(&created.id, &created.order.status);
    render_all();
    if card && created.payment.client_secret.is_some() {
        focus_id("h-pay");
        mount_card().await;
    } else {
        focus_id("h-done");
        load_order_preview().await;
    }
}

/// Loads Stripe.js (once); false, with a message, when it cannot be loaded.
pub(crate) async fn ensure_stripe() -> bool {
    let state = with_app(|app| {
        app.config.stripe_publishable_key.as_ref()?;
        Some(app.card.clone())
    });
    match state {
        None => {
            with_app(|app| app.card = CardState::Unavailable);
            render();
            return false;
        }
        Some(CardState::Ready | CardState::Mounted | CardState::Paying | CardState::Failed(_)) => {
            return true;
        }
        Some(_) => {}
    }
    with_app(|app| app.card = CardState::Loading);
    render();
    let loaded = glue::load_script(STRIPE_JS, 15_000).await.as_bool() == Some(true);
    with_app(|app| {
        app.card = if loaded {
            CardState::Ready
        } else {
            CardState::Unavailable
        };
    });
    render();
    loaded
}

/// Mounts Stripe's Payment Element for the placed card order.
pub(crate) async fn mount_card() {
    // The key may still be on its way after a reload.
    if with_app(|app| app.config.stripe_publishable_key.is_none()) {
        load_config().await;
    }
    with_app(|app| {
        if app.card == CardState::Unavailable {
            app.card = CardState::Idle;
        }
    });
    if !ensure_stripe().await {
        return;
    }
    let ids = with_app(|app| {
        let key = app.config.stripe_publishable_key.clone()?;
        let secret = app.placed.as_ref()?.client_secret.clone()?;
        Some((key, secret, app.lang.code()))
    });
    let Some((key, secret, locale)) = ids else {
        return;
    };
    let mounted = glue::stripe_mount(&key, &secret, locale, "#card-element").is_ok();
    with_app(|app| {
        app.card = if mounted {
            CardState::Mounted
        } else {
            CardState::Unavailable
        };
    });
    render();
}

/// Confirms the card payment in Stripe's Payment Element.
pub(crate) async fn pay_card() {
    with_app(|app| app.card = CardState::Paying);
    render();
    let return_url = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let result = glue::stripe_confirm(&return_url).await;
    let failure = match result {
        Ok(value) if value.is_null() || value.is_undefined() => None,
        Ok(value) => Some(value.as_string().unwrap_or_default()),
        Err(error) => Some(error.as_string().unwrap_or_else(|| "Stripe".into())),
    };
    match failure {
        Some(message) => {
            with_app(|app| app.card = CardState::Failed(message));
            render();
            focus_id("pay-now");
        }
        None => {
            let placed = with_app(|app| {
                app.card = CardState::Idle;
                let placed = app.placed.as_mut()?;
                placed.client_secret = None;
                Some(placed.to_json())
            });
            if let Some(json) = placed {
                storage_set(ORDER_KEY, &json);
            }
            if let Some(card) = element("card-element") {
                card.set_inner_html("");
            }
            render_all();
            focus_id("h-done");
            refresh_status(false).await;
        }
    }
}

/// Fetches the placed order's status (and its preview picture).
pub(crate) async fn refresh_status(announce: bool) {
    let Some((id, token)) =
        with_app(|app| app.placed.as_ref().map(|p| (p.id.clone(), p.token.clone())))
    else {
        return;
    };
    let answer = call(
        "GET",
        &format!("/api/v1/orders/{id}"),
        None,
        None,
        Some(token),
    )
    .await;
    with_app(|app| match answer {
        Answer::Unreachable => app.retry = Some(Action::RefreshStatus),
        Answer::Status(200, text) => {
            if let Some(order) = OrderView::from_json(&parse(&text)) {
                if announce {
                    let status = status_name(&order.status)
                        .map_or_else(|| order.status.clone(), |k| app.t(k).to_owned());
                    app.notice = Some(app.f(T::StatusUpdated, &[("status", &status)]));
                }
                app.order = Some(order);
            }
            if app.retry == Some(Action::RefreshStatus) {
                app.retry = None;
            }
        }
        Answer::Status(_, text) => {
            let detail = problem(&text).detail;
            app.notice = Some(app.f(T::ServerSays, &[("detail", &detail)]));
        }
    });
    render();
    load_order_preview().await;
}
