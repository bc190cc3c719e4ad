//! The router: one module per resource, the OpenAPI document, and the widget's files
//! (`widget`).

mod admin;
mod calendar;
mod catalogue;
mod counter;
mod fit;
mod health;
pub mod openapi;
mod orders;
mod payments;
mod quotes;
mod staff;
mod webhooks;
mod widget;
mod workshop;

use std::path::Path;
use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware;
use axum::routing::{get, patch, post};
use tower_http::trace::TraceLayer;

use crate::AppState;
use crate::error::ApiError;
use crate::extract::BODY_LIMIT;
use crate::layers;

/// Builds the application router.
pub fn router(state: Arc<AppState>, widget_dir: Option<&Path>) -> Router {
    let api = Router::new()
        .route("/workshops", get(catalogue::list_workshops))
        .route("/counters", get(catalogue::list_counters))
        .route("/products", get(catalogue::list_products))
        .route("/products/{id}", get(catalogue::get_product))
        .route("/products/{id}/fit", post(fit::fit_product))
        .route("/quotes", post(quotes::create_quote))
        .route("/orders", post(orders::create_order))
        .route("/orders/{id}", get(orders::get_order))
        .route("/orders/{id}/itinerary", patch(orders::change_itinerary))
        .route("/orders/{id}/cancel", post(orders::cancel_order))
        .route(
            "/orders/{id}/items/{index}/preview.png",
            get(orders::item_preview),
        )
        .route("/staff/login", post(staff::login))
        .route("/staff/logout", post(staff::logout))
        .route("/staff/me", get(staff::me))
        .route(
            "/workshop/calendar",
            get(calendar::get_calendar).put(calendar::set_pattern),
        )
        .route("/workshop/calendar/closed-days", post(calendar::close))
        .route(
            "/workshop/calendar/closed-days/{day}",
            axum::routing::delete(calendar::reopen),
        )
        .route("/workshop/tickets", get(workshop::list_tickets))
        .route("/workshop/tickets/{id}", get(workshop::get_ticket))
        .route(
            "/workshop/tickets/{id}/status",
            post(workshop::change_status),
        )
        .route("/workshop/tickets/{id}/delay", post(workshop::report_delay))
        .route(
            "/workshop/tickets/{id}/preview.png",
            get(workshop::ticket_preview),
        )
        .route(
            "/workshop/webhooks",
            get(webhooks::list_webhooks).post(webhooks::create_webhook),
        )
        .route(
            "/workshop/webhooks/{id}",
            axum::routing::delete(webhooks::delete_webhook),
        )
        .route("/admin/orders/{id}/confirm", post(admin::confirm_order))
        .route("/admin/orders/at-risk", get(admin::orders_at_risk))
        .route("/admin/payments", get(payments::reconciliation))
        .route("/payments/stripe/webhook", post(payments::stripe_webhook))
        .route("/counter/receipts", post(counter::receive))
        .route("/counter/incoming", get(counter::list_incoming))
        .route("/counter/pickups", get(counter::list_due))
        .route("/counter/pickups/{code}", get(counter::lookup))
        .route("/counter/pickups/{code}/handover", post(counter::handover))
        .route("/counter/pickups/{code}/no-show", post(counter::no_show))
        .route("/counter/held", get(counter::held))
        .route("/widget/config", get(widget::config))
        .route("/openapi.json", get(openapi::document))
        .fallback(|| async { ApiError::NotFound("resource") })
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed });
    let router = Router::new()
        .route("/healthz", get(health::healthz))
        .nest("/api/v1", api)
        .merge(openapi::browsable_page())
        .merge(crate::pages::router());
    let router = match widget_dir {
        Some(dir) => router.fallback_service(widget::files(dir)),
        None => router.fallback(|| async { ApiError::NotFound("page") }),
    };
    router
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(middleware::map_response(layers::security_headers))
        .layer(middleware::from_fn(layers::log_server_errors))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}
