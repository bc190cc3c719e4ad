//! Signing in and out with a form, exactly as the JSON login does (same code path, same
//! cookie, same throttling), and the operator's start page.

use std::sync::Arc;

use axum::Form;
use axum::extract::State;
use axum::extract::rejection::FormRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;

use domain::staff::Role;

use super::error::{PageError, PageResult, PageStaff};
use super::i18n::StaffLang;
use super::layout::{self, Banner, Nav};
use crate::AppState;
use crate::auth::{Staff, session_token};
use crate::auth::{session_cookie, signed_in_response};
use crate::error::ApiError;
use crate::error::RetryAfter;
use crate::processes::sessions::{SESSION_LENGTH, SignIn, sign_in, sign_out as end_session};

/// The sign-in form's fields.
#[derive(Debug, Default, Deserialize)]
pub(super) struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
}

/// Where each role starts.
pub(super) fn home(role: Role) -> &'static str {
    match role {
        Role::Workshop(_) => "/workshop",
        Role::Counter(_) => "/counter",
        Role::Operator => "/admin",
    }
}

/// `GET /staff`: the sign-in form, or straight to the start page when signed in.
pub(super) async fn form(staff: Result<Staff, ApiError>) -> Response {
    match staff {
        Ok(Staff(member)) => Redirect::to(home(member.role)).into_response(),
        Err(_) => sign_in_page("", None).into_response(),
    }
}

/// `POST /staff/login`: signs in like `POST /api/v1/staff/login` and goes to the start
/// page; a refusal shows the form again with the reason (401, or 429 with `Retry-After`).
pub(super) async fn submit(
    State(state): State<Arc<AppState>>,
    form: Result<Form<SignInForm>, FormRejection>,
) -> PageResult<Response> {
    let Form(form) = form.map_err(|e| PageError::BadRequest(e.body_text()))?;
    match sign_in(&state, &form.email, form.password).await? {
        SignIn::SignedIn { token, member } => {
            let cookie = session_cookie(&token, SESSION_LENGTH.whole_seconds());
            Ok(signed_in_response(Redirect::to(home(member.role)), &cookie))
        }
        SignIn::InvalidCredentials => {
            let banner = Banner::Error("The email or the password is wrong.".into());
            let page = sign_in_page(&form.email, Some(&banner));
            Ok((StatusCode::UNAUTHORIZED, page).into_response())
        }
        SignIn::TooManyAttempts(wait) => {
            let retry_after = RetryAfter::from_wait(wait);
            let seconds = retry_after.seconds();
            let banner = Banner::Error(format!(
                "Too many failed sign-ins. Try again in {seconds} second(s)."
            ));
            let page = sign_in_page(&form.email, Some(&banner));
            let mut response = (StatusCode::TOO_MANY_REQUESTS, page).into_response();
            retry_after.set_on(&mut response);
            Ok(response)
        }
    }
}

/// `POST /staff/logout`: ends the session, clears the cookie, back to the sign-in form.
pub(super) async fn sign_out(
    State(state): State<Arc<AppState>>,
    request: axum::extract::Request,
) -> PageResult<Response> {
    let (parts, _) = request.into_parts();
    end_session(&state, session_token(&parts).as_deref()).await?;
    Ok(signed_in_response(
        Redirect::to("/staff"),
        &session_cookie("", 0),
    ))
}

fn sign_in_page(email: &str, banner: Option<&Banner>) -> Markup {
    let body = html! {
        div.card style="max-width:26rem;margin:2rem auto" {
            h1 { "Staff sign-in" }
            p.muted { "Workshops, counters and operators of Gongbang." }
            (layout::banner(banner))
            form method="post" action="/staff/login" {
                label for="email" { "Email" }
                input #email type="email" name="email" value=(email) autocomplete="username"
                    required autofocus;
                label for="password" { "Password" }
                input #password type="password" name="password"
                    autocomplete="current-password" required;
                p { button type="submit" style="width:100%;margin-top:.75rem" { "Sign in" } }
            }
        }
    };
    layout::page(StaffLang::En, "/staff", "Sign in", None, body)
}

/// `GET /admin`: the operator's start page.
pub(super) async fn operator_home(PageStaff(staff): PageStaff) -> PageResult<Markup> {
    staff.operator()?;
    Ok(start_page(&staff, "the platform (operator)", "/admin"))
}

fn start_page(staff: &Staff, place: &str, current: &'static str) -> Markup {
    let nav = Nav {
        who: format!("{} · {place}", staff.0.email),
        links: vec![(current, "Start")],
        current,
    };
    let body = html! {
        h1 { "Signed in" }
        div.card {
            p.lead { "Signed in as " strong { (staff.0.email) } " for " strong { (place) } "." }
            p.muted { "The pages for this role are not built yet; the JSON API serves it meanwhile." }
        }
    };
    layout::page(StaffLang::En, current, "Signed in", Some(&nav), body)
}
