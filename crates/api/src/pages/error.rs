//! Errors as pages: a missing session sends the browser to the sign-in page, anything
//! else becomes a small HTML page with the problem's status and message. And the
//! extractor for the signed-in staff member of a page.

use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::{StatusCode, request::Parts};
use axum::response::{IntoResponse, Redirect, Response};
use maud::html;

use super::i18n::StaffLang;
use super::layout;
use crate::AppState;
use crate::auth::Staff;
use crate::error::ApiError;

/// Why a page could not be shown.
#[derive(Debug)]
pub(super) enum PageError {
    /// What the API would have answered.
    Api(ApiError),
    /// A POST from a page of another site (or without `Origin` and `Referer`).
    CrossSite,
    /// A request the page's own forms never send (a bad query or form).
    BadRequest(String),
}

/// A page's result.
pub(super) type PageResult<T> = Result<T, PageError>;

impl From<ApiError> for PageError {
    fn from(error: ApiError) -> Self {
        PageError::Api(error)
    }
}

impl From<db::Error> for PageError {
    fn from(error: db::Error) -> Self {
        PageError::Api(error.into())
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let (status, title, detail) = match self {
            PageError::Api(ApiError::Unauthenticated) => {
                return Redirect::to("/staff").into_response();
            }
            PageError::Api(ApiError::TooManyAttempts { retry_after, .. }) => {
                let body = html! {
                    h1 { "Too many failed look-ups" }
                    p.lead { "Too many pickup codes or identity checks failed lately. Try again in " (retry_after.seconds()) " seconds." }
                    p { a href="/counter" { "Back to the counter" } }
                };
                let page = layout::page(StaffLang::En, "/counter", "Too many look-ups", None, body);
                let mut response = (StatusCode::TOO_MANY_REQUESTS, page).into_response();
                retry_after.set_on(&mut response);
                return response;
            }
            PageError::Api(error) => {
                let problem = error.problem();
                let status = StatusCode::from_u16(problem.status)
                    .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
                if let Some(fault) = error.server_fault() {
                    // For the log (`layers::log_server_errors`); the page never shows it.
                    let body = layout::page(
                        StaffLang::En,
                        "/staff",
                        problem.title,
                        None,
                        server_error_body(status),
                    );
                    let mut response = (status, body).into_response();
                    response.extensions_mut().insert(fault);
                    return response;
                }
                let detail = match status {
                    StatusCode::NOT_FOUND => {
                        "There is nothing here, or it belongs to another place.".to_owned()
                    }
                    StatusCode::FORBIDDEN => format!(
                        "This page is {}. Sign in with the right account.",
                        problem.detail.trim_start_matches("this is ")
                    ),
                    _ => problem.detail,
                };
                (status, problem.title, detail)
            }
            PageError::CrossSite => (
                StatusCode::FORBIDDEN,
                "Forbidden",
                "This form was not sent from a Gongbang page. Open the page again and retry."
                    .to_owned(),
            ),
            PageError::BadRequest(detail) => (StatusCode::BAD_REQUEST, "Bad Request", detail),
        };
        let body = html! {
            h1 { (status.as_u16()) " " (title) }
            p.lead { (detail) }
            p { a href="/staff" { "Go to your start page" } }
        };
        (
            status,
            layout::page(StaffLang::En, "/staff", title, None, body),
        )
            .into_response()
    }
}

fn server_error_body(status: StatusCode) -> maud::Markup {
    let title = status.canonical_reason().unwrap_or("Error");
    html! {
        h1 { (status.as_u16()) " " (title) }
        p.lead { "Something went wrong on our side. Please try again in a moment." }
        p { a href="/staff" { "Go to your start page" } }
    }
}

/// The signed-in staff member of a page; without a valid session the browser is sent to
/// `/staff`.
pub(super) struct PageStaff(pub Staff);

impl FromRequestParts<Arc<AppState>> for PageStaff {
    type Rejection = PageError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Self, Self::Rejection> {
        Ok(PageStaff(Staff::from_request_parts(parts, state).await?))
    }
}
