//! The staff's pages: server-rendered HTML (maud) that works on a phone and prints well.
//!
//! They mirror the JSON API and call the same processes (`processes::fulfilment`,
//! `processes::pickup`, `processes::sessions`) and show the same views (`wire`); they
//! never call a handler, and nothing here decides anything the API does not.
//! Every page checks the role and the place like the API does, but answers as a browser
//! expects: no session → 303 to `/staff`, wrong role → a 403 page, another place's
//! ticket → the 404 page. Every response carries a strict `Content-Security-Policy`
//! (no scripts at all) and `X-Frame-Options: DENY`; every POST must come from a page of
//! this host (`Origin`, else `Referer`), on top of the SameSite=Strict session cookie.
//!
//! - [`guard`]: the security headers and the same-origin check for POSTs.
//! - [`error`]: page errors and the signed-in staff extractor.
//! - [`i18n`]: the pages' two languages (Korean, English) and the switch between them.
//! - [`layout`]: the shared page shell and its stylesheet.
//! - [`format`]: times, statuses and configurations in words.
//! - [`sign_in`]: `/staff` sign-in and sign-out, and the operator's start page.
//! - [`workshop`]: the ticket queue and the ticket page with its forms.
//! - [`print`]: a ticket on one A4 page or a 100 mm label, with its QR code.
//! - [`calendar`]: the workshop's working days and holidays.
//! - [`counter`]: receiving goods, the day's pickups, and the pickup itself (look-up by
//!   code, identity check, handover with balance and tax refund, no-show).

mod calendar;
mod counter;
mod error;
mod format;
mod guard;
mod i18n;
mod layout;
mod print;
mod sign_in;
mod workshop;

use std::sync::Arc;

use axum::Router;
use axum::middleware;
use axum::routing::{get, post};

use crate::AppState;

/// The pages' routes, with their security headers and the same-origin check for POSTs.
pub fn router() -> Router<Arc<AppState>> {
    Router::new()
        .route("/staff", get(sign_in::form))
        .route("/staff/login", post(sign_in::submit))
        .route("/staff/logout", post(sign_in::sign_out))
        .route("/staff/language", post(i18n::switch))
        .route("/counter", get(counter::home))
        .route("/counter/receipts", post(counter::receive))
        .route("/counter/pickups", get(counter::find))
        .route("/counter/pickups/{code}", get(counter::pickup))
        .route("/counter/pickups/{code}/handover", post(counter::hand_over))
        .route("/counter/pickups/{code}/no-show", post(counter::no_show))
        .route("/admin", get(sign_in::operator_home))
        .route("/workshop", get(workshop::queue))
        .route("/workshop/calendar", get(calendar::page))
        .route("/workshop/tickets/{id}", get(workshop::ticket))
        .route(
            "/workshop/tickets/{id}/status",
            post(workshop::change_status),
        )
        .route("/workshop/tickets/{id}/delay", post(workshop::report_delay))
        .route("/workshop/tickets/{id}/print", get(print::page))
        .layer(middleware::from_fn(guard::same_origin_posts))
        .layer(middleware::map_response(crate::layers::page_headers))
}
