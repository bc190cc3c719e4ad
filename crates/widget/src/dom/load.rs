//! Loading what the page starts from: the server's settings (payment methods, Stripe's
//! key) and the catalogue in the page's language.

use super::api::{Answer, call, parse, problem};
use super::preview::request_preview;
use super::quote::schedule_quote;
use super::render::{render, render_all};
use super::state::{save, with_app};
use crate::app::{Action, Catalogue};
use crate::i18n::T;
use crate::wire::{CounterView, ProductView, WidgetConfig, WorkshopView};

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
