//! What talks to the API, the worker and Stripe.js: loading, quoting, placing, paying,
//! refreshing, reading artwork. Each flow takes what it needs from the state, awaits,
//! and writes the answer back; nothing is borrowed across an `await`.
//!
//! A request that cannot reach the server leaves everything as it was and offers a
//! retry (`App::retry`); an order is always sent with the draft's `Idempotency-Key`, so
//! retrying it can never place two orders.

use std::cell::{Cell, RefCell};

use js_sys::{Array, Uint8Array, Uint8ClampedArray};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::{focus_id, glue, preview, render, render_all, save, storage_set, with_app};
use crate::app::{Action, ArtworkState, CardState, Catalogue, QuoteState};
use crate::artwork::{self, HEADER_BYTES, MAX_FILE_BYTES, MAX_PIXELS};
use crate::draft::{ORDER_KEY, PlacedOrder};
use crate::i18n::T;
use crate::json::Json;
use crate::wire::{
    CounterView, OrderCreated, OrderView, Problem, ProductView, QuoteView, WidgetConfig,
    WorkshopView,
};

const STRIPE_JS: &str = "https://js.stripe.com/v3/";

thread_local! {
    static QUOTE_TIMER: Cell<Option<i32>> = const { Cell::new(None) };
    static QUOTE_SEQ: Cell<u32> = const { Cell::new(0) };
    static ORDER_IMAGE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// What came back from the API.
enum Answer {
    /// No answer at all: offline, DNS, refused, aborted.
    Unreachable,
    /// A status and its body.
    Status(u16, String),
}

async fn call(
    method: &str,
    path: &str,
    body: Option<String>,
    key: Option<String>,
    token: Option<String>,
) -> Answer {
    let lang = with_app(|app| app.lang.code());
    match glue::request(method, path, body, lang, key, token).await {
        Ok(pair) => {
            let pair: Array = pair.unchecked_into();
            let status = pair.get(0).as_f64().unwrap_or(0.0) as u16;
            let text = pair.get(1).as_string().unwrap_or_default();
            Answer::Status(status, text)
        }
        Err(_) => Answer::Unreachable,
    }
}

fn parse(text: &str) -> Json {
    Json::parse(text).unwrap_or_default()
}

fn problem(text: &str) -> Problem {
    Problem::from_json(&parse(text))
}

/// The server's settings (payment methods, Stripe key). A server without the endpoint
/// leaves the defaults: the quote still says how each order can be paid.
pub(crate) async fn load_config() {
    if let Answer::Status(200, text) = call("GET", "/api/v1/widget/config", None, None, None).await
    {
        let config = WidgetConfig::from_json(&parse(&text));
        with_app(|app| app.config = config);
        render();
    }
}

/// The catalogue in the page's language.
pub(crate) async fn load_catalogue() {
    let mut parts = Vec::new();
    for path in ["/api/v1/products", "/api/v1/workshops", "/api/v1/counters"] {
        match call("GET", path, None, None, None).await {
            Answer::Status(200, text) => parts.push(text),
            Answer::Status(_, text) => {
                let detail = problem(&text).detail;
                with_app(|app| app.notice = Some(app.f(T::ServerSays, &[("detail", &detail)])));
                render();
                return;
            }
            Answer::Unreachable => {
                with_app(|app| app.retry = Some(Action::LoadCatalogue));
                render();
                return;
            }
        }
    }
    let all = |text: &str| parse(text).items().to_vec();
    let catalogue = Catalogue {
        products: all(&parts[0])
            .iter()
            .filter_map(ProductView::from_json)
            .collect(),
        workshops: all(&parts[1])
            .iter()
            .filter_map(WorkshopView::from_json)
            .collect(),
        counters: all(&parts[2])
            .iter()
            .filter_map(CounterView::from_json)
            .collect(),
    };
    with_app(|app| {
        app.set_catalogue(catalogue);
        if app.retry == Some(Action::LoadCatalogue) {
            app.retry = None;
        }
        app.apply_suggestion();
    });
    save();
    render_all();
    request_preview();
    schedule_quote();
}

/// Asks for a quote shortly (changes in quick succession ask once).
pub(crate) fn schedule_quote() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Some(timer) = QUOTE_TIMER.with(Cell::take) {
        window.clear_timeout_with_handle(timer);
    }
    let callback = Closure::once_into_js(|| {
        QUOTE_TIMER.with(|t| t.set(None));
        wasm_bindgen_futures::spawn_local(run_quote());
    });
    if let Ok(timer) =
        window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 300)
    {
        QUOTE_TIMER.with(|t| t.set(Some(timer)));
    }
}

/// Asks for a quote now; an answer to an older question is ignored.
pub(crate) async fn run_quote() {
    let seq = QUOTE_SEQ.with(|s| {
        s.set(s.get() + 1);
        s.get()
    });
    let request = with_app(|app| {
        if app.placed.is_some() {
            return None;
        }
        let request = app.quote_request();
        app.quote = if request.is_some() {
            QuoteState::Checking
        } else {
            QuoteState::None
        };
        request
    });
    render();
    let Some(request) = request else { return };
    let body = request.to_json().to_text();
    let answer = call("POST", "/api/v1/quotes", Some(body), None, None).await;
    if QUOTE_SEQ.with(Cell::get) != seq {
        return;
    }
    with_app(|app| {
        app.quote = QuoteState::None;
        match answer {
            Answer::Unreachable => app.retry = Some(Action::Quote),
            Answer::Status(200, text) => {
                if let Some(quote) = QuoteView::from_json(&parse(&text)) {
                    app.quote = QuoteState::Ready(quote);
                }
                if app.retry == Some(Action::Quote) {
                    app.retry = None;
                }
            }
            Answer::Status(_, text) => {
                let problem = problem(&text);
                show_problem(app, &problem);
            }
        }
    });
    render();
}

/// Puts a problem's message next to the field its pointer names, else on the page.
fn show_problem(app: &mut crate::app::App, problem: &Problem) {
    let message = app.f(T::ServerSays, &[("detail", &problem.detail)]);
    let field = problem
        .field
        .as_deref()
        .and_then(|pointer| crate::app::fields::field_for_pointer(pointer, &app.draft.sizing));
    match field {
        Some(id) => {
            app.field_errors.insert(id, message);
        }
        None => {
            app.field_errors.insert("place-order".into(), message);
        }
    }
}

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
                    .and_then(|p| crate::app::fields::field_for_pointer(p, &app.draft.sizing))
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
        counter_id: created.order.itinerary.as_ref().map_or(0, |t| t.counter_id),
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
            if let Some(card) = super::element("card-element") {
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
                    let status = crate::i18n::status_name(&order.status)
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

async fn load_order_preview() {
    if ORDER_IMAGE.with(|i| i.borrow().is_some()) {
        return;
    }
    let Some((id, token)) = with_app(|app| {
        let placed = app.placed.as_ref().filter(|p| p.client_secret.is_none())?;
        Some((placed.id.clone(), placed.token.clone()))
    }) else {
        return;
    };
    let url = glue::image_url(&format!("/api/v1/orders/{id}/items/0/preview.png"), &token).await;
    if let Some(url) = url.as_string() {
        ORDER_IMAGE.with(|i| *i.borrow_mut() = Some(url));
        show_order_preview();
    }
}

/// Shows the server's picture of the ordered item, once loaded (after every render).
pub(crate) fn show_order_preview() {
    let Some(url) = ORDER_IMAGE.with(|i| i.borrow().clone()) else {
        return;
    };
    let (Some(figure), Some(image)) = (
        super::element("order-preview"),
        super::element("order-preview-img"),
    ) else {
        return;
    };
    if image.get_attribute("src").as_deref() != Some(url.as_str()) {
        let _ = image.set_attribute("src", &url);
    }
    if let Some(figure) = figure.dyn_ref::<web_sys::HtmlElement>() {
        figure.set_hidden(false);
    }
}

/// Drops the picture of the previous order.
pub(crate) fn forget_order_preview() {
    if let Some(url) = ORDER_IMAGE.with(|i| i.borrow_mut().take()) {
        let _ = web_sys::Url::revoke_object_url(&url);
    }
}

/// Asks the worker for a picture of the current configuration (if the product has a
/// look and the configuration is valid).
pub(crate) fn request_preview() {
    request_preview_since(super::now());
}

/// Like [`request_preview`], timing `gongbang:preview` from `started` (the moment of the
/// traveller's change, an event's `timeStamp`).
pub(crate) fn request_preview_since(started: f64) {
    let job = with_app(|app| {
        if app.choosing || app.placed.is_some() {
            return None;
        }
        let look = app.product()?.look.as_ref()?.to_text();
        let configuration = app.configuration()?.ok()?.as_map();
        let configuration = Json::Object(
            configuration
                .into_iter()
                .map(|(k, v)| (k, Json::String(v)))
                .collect(),
        );
        Some(preview::Job {
            look,
            configuration: configuration.to_text(),
            size: 0,
            started,
        })
    });
    if let Some(mut job) = job {
        job.size = preview::canvas_size();
        preview::request(job);
    }
}

/// Reads the traveller's artwork: refused unread when too large, checked for print
/// resolution, downscaled by the browser, handed to the worker.
pub(crate) async fn read_artwork(file: web_sys::File) {
    let refuse = |message: String| {
        with_app(|app| app.artwork = ArtworkState::Refused(message));
        render_all();
    };
    let size = file.size();
    if size > MAX_FILE_BYTES {
        let mb = ((size / 1_048_576.0).round() as u64).to_string();
        let max = ((MAX_FILE_BYTES / 1_048_576.0) as u64).to_string();
        refuse(with_app(|app| {
            app.f(T::ArtworkTooBig, &[("size", &mb), ("max", &max)])
        }));
        return;
    }
    with_app(|app| app.artwork = ArtworkState::Reading);
    render_all();
    let too_many = |(w, h): (u32, u32)| {
        with_app(|app| {
            app.f(
                T::ArtworkTooManyPixels,
                &[
                    ("width", &w.to_string()),
                    ("height", &h.to_string()),
                    ("max", "16.7"),
                ],
            )
        })
    };
    if let Ok(head) = glue::head_bytes(&file, HEADER_BYTES).await {
        let head = Uint8Array::new(&head).to_vec();
        if let Some((w, h)) = artwork::image_size(&head)
            && u64::from(w) * u64::from(h) > MAX_PIXELS
        {
            refuse(too_many((w, h)));
            return;
        }
    }
    let Ok(bitmap) = glue::decode_image(&file).await else {
        refuse(with_app(|app| app.t(T::ArtworkUnreadable).to_owned()));
        return;
    };
    let dimension = |key: &str| {
        js_sys::Reflect::get(&bitmap, &key.into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0) as u32
    };
    let (width, height) = (dimension("width"), dimension("height"));
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        refuse(too_many((width, height)));
        return;
    }
    let Some((area, area_name)) =
        with_app(|app| artwork::print_area(&app.product()?.code, &app.draft.options))
    else {
        return;
    };
    let Ok(check) = fitting::check_print((width, height), area) else {
        refuse(with_app(|app| app.t(T::ArtworkUnreadable).to_owned()));
        return;
    };
    let name = file.name();
    let message = with_app(|app| {
        let key = match check.quality {
            fitting::PrintQuality::Good => T::ArtworkGood,
            fitting::PrintQuality::Warn => T::ArtworkWarn,
            fitting::PrintQuality::TooLow => T::ArtworkTooLow,
        };
        let mut message = app.f(
            key,
            &[
                ("width", &width.to_string()),
                ("height", &height.to_string()),
                ("dpi", &check.dpi.to_string()),
                ("print", area_name),
            ],
        );
        if check.ok && !check.fits {
            message.push(' ');
            message.push_str(app.t(T::ArtworkCrop));
        }
        format!("{name}: {message}")
    });
    let soft = check.quality == fitting::PrintQuality::Warn;
    if !check.ok {
        with_app(|app| {
            app.artwork = ArtworkState::Checked {
                message,
                usable: false,
                soft,
            }
        });
        render_all();
        return;
    }
    let (w, h) = artwork::downscaled(width, height);
    let Ok(pixels) = glue::downscale(&bitmap, w, h).await else {
        refuse(with_app(|app| app.t(T::ArtworkUnreadable).to_owned()));
        return;
    };
    let pixels: Uint8ClampedArray = pixels.unchecked_into();
    preview::set_artwork(w, h, &pixels);
    with_app(|app| {
        app.artwork = ArtworkState::Checked {
            message,
            usable: true,
            soft,
        }
    });
    render_all();
    request_preview();
}
