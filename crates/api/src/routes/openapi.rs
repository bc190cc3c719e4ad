//! The OpenAPI 3 document (`/api/v1/openapi.json`) and its browsable page (`/api/v1/docs`).

use axum::Json;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_scalar::{Scalar, Servable};

use super::{
    admin, calendar, catalogue, counter, fit, health, orders, payments, quotes, staff, widget,
    workshop,
};

/// The API description, collected from the handlers' annotations.
#[derive(OpenApi)]
#[openapi(
    info(title = "Gongbang API", version = "1",
         description = "Pre-order goods from Seoul workshops; collect them at a counter on the way home. \
                        Money is integer KRW. Errors are RFC 9457 application/problem+json."),
    paths(health::healthz, catalogue::list_workshops, catalogue::list_counters,
          catalogue::list_products, catalogue::get_product, fit::fit_product, quotes::create_quote,
          orders::create_order, orders::get_order, orders::change_itinerary, orders::cancel_order,
          orders::item_preview, widget::config,
          staff::login, staff::logout, staff::me,
          workshop::list_tickets, workshop::get_ticket, workshop::change_status,
          workshop::ticket_preview,
          super::webhooks::create_webhook, super::webhooks::list_webhooks,
          super::webhooks::delete_webhook,
          workshop::report_delay, admin::confirm_order, admin::orders_at_risk,
          payments::stripe_webhook, payments::reconciliation,
          calendar::get_calendar, calendar::set_pattern, calendar::close, calendar::reopen,
          counter::receive, counter::lookup, counter::handover, counter::no_show, counter::held,
          counter::list_due, counter::list_incoming),
    modifiers(&OrderToken),
    tags((name = "catalogue", description = "Workshops, counters and products"),
         (name = "orders", description = "Quotes and pre-orders"),
         (name = "workshop", description = "Production tickets of the signed-in workshop"),
         (name = "counter", description = "Receiving goods, pickups and handovers at the signed-in counter"),
         (name = "admin", description = "Operator tools"),
         (name = "payments", description = "Stripe webhook"),
         (name = "staff", description = "Staff sign-in: session token (bearer) or gongbang_session cookie"),
         (name = "health"))
)]
pub struct ApiDoc;

struct OrderToken;

impl Modify for OrderToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        let scheme = HttpBuilder::new()
            .scheme(HttpAuthScheme::Bearer)
            .description(Some("The order token returned once by POST /api/v1/orders"));
        components.add_security_scheme("order_token", SecurityScheme::Http(scheme.build()));
        let staff = HttpBuilder::new().scheme(HttpAuthScheme::Bearer).description(Some(
            "A staff session token from POST /api/v1/staff/login (pages use the gongbang_session cookie)",
        ));
        components.add_security_scheme("staff_session", SecurityScheme::Http(staff.build()));
    }
}

/// `GET /api/v1/openapi.json`.
pub(super) async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

/// The browsable page at `/api/v1/docs`.
pub(super) fn browsable_page<S: Clone + Send + Sync + 'static>() -> axum::Router<S> {
    Scalar::with_url("/api/v1/docs", ApiDoc::openapi()).into()
}
