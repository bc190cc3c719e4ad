//! Staff sign-in: login (a session token for the API and an HttpOnly cookie for the
//! pages), logout, and who is signed in.
//!
//! Failed logins slow down and then lock the account (`domain::staff::next_login_allowed`);
//! a refused login never says whether the email exists: an unknown email costs the same
//! argon2 work as a wrong password and gets the same 401 problem.

use axum::Json;
use axum::extract::FromRequestParts;
use axum::http::{HeaderValue, StatusCode, header, request::Parts};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use domain::staff::Role;

use crate::auth::{Staff, session_cookie, session_token, signed_in_response};
use crate::error::{ApiError, ApiResult, Problem, RetryAfter};
use crate::extract::ApiJson;
use crate::extract::State;
use crate::processes::sessions::{SESSION_LENGTH, SignIn, sign_in, sign_out};

/// Email and password.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    /// The login email (case does not matter).
    #[schema(example = "workshop-euljiro-tailor@gongbang.demo")]
    email: String,
    /// The password.
    #[schema(format = Password)]
    password: String,
}

/// What a staff account may do.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum RoleKind {
    /// Staff of one workshop.
    Workshop,
    /// Staff of one counter.
    Counter,
    /// Runs the platform.
    Operator,
}

impl From<Role> for RoleKind {
    fn from(role: Role) -> Self {
        match role {
            Role::Workshop(_) => RoleKind::Workshop,
            Role::Counter(_) => RoleKind::Counter,
            Role::Operator => RoleKind::Operator,
        }
    }
}

/// A new session.
#[derive(Debug, Serialize, ToSchema)]
pub struct LoginResponse {
    /// The session token: send it as `Authorization: Bearer <token>`. The same token is
    /// set as the `gongbang_session` cookie for the pages. Valid for 12 hours.
    token: String,
    role: RoleKind,
    /// The workshop or counter id; null for operators.
    place_id: Option<i64>,
}

/// The signed-in staff member.
#[derive(Debug, Serialize, ToSchema)]
pub struct StaffView {
    email: String,
    role: RoleKind,
    /// The workshop or counter id; null for operators.
    place_id: Option<i64>,
}

/// Signs in: answers a session token and sets it as an HttpOnly, Secure, SameSite=Strict
/// cookie. After a few failed logins each further attempt must wait (429 with
/// `Retry-After`), and ten in a row lock the account for 15 minutes.
#[utoipa::path(post, path = "/api/v1/staff/login", tag = "staff", request_body = LoginRequest,
    responses((status = 200, body = LoginResponse,
               headers(("Set-Cookie" = String, description = "gongbang_session=<token>; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=43200"))),
              (status = 401, description = "Unknown email or wrong password (type invalid-credentials)", body = Problem),
              (status = 422, body = Problem),
              (status = 429, description = "Too many failed logins; see Retry-After", body = Problem,
               headers(("Retry-After" = u64, description = "Seconds until the next attempt is allowed")))))]
pub(super) async fn login(
    state: State,
    ApiJson(request): ApiJson<LoginRequest>,
) -> ApiResult<Response> {
    Ok(
        match sign_in(&state, &request.email, request.password).await? {
            SignIn::SignedIn { token, member } => {
                let body = LoginResponse {
                    token: token.clone(),
                    role: member.role.into(),
                    place_id: member.role.place_id(),
                };
                let cookie = session_cookie(&token, SESSION_LENGTH.whole_seconds());
                signed_in_response(Json(body), &cookie)
            }
            SignIn::InvalidCredentials => invalid_credentials(),
            SignIn::TooManyAttempts(wait) => {
                let retry_after = RetryAfter::from_wait(wait);
                let detail = format!(
                    "too many failed logins; try again in {} seconds",
                    retry_after.seconds()
                );
                ApiError::TooManyAttempts {
                    detail,
                    retry_after,
                }
                .into_response()
            }
        },
    )
}

/// Signs out: ends the session of the token sent (bearer or cookie) and clears the
/// cookie. Answers 204 also when there was no session, so it can be repeated.
#[utoipa::path(post, path = "/api/v1/staff/logout", tag = "staff", security(("staff_session" = [])),
    responses((status = 204, description = "Signed out; the cookie is cleared",
               headers(("Set-Cookie" = String, description = "gongbang_session=; …; Max-Age=0")))))]
pub(super) async fn logout(state: State, SessionToken(token): SessionToken) -> ApiResult<Response> {
    sign_out(&state, token.as_deref()).await?;
    Ok(signed_in_response(
        StatusCode::NO_CONTENT,
        &session_cookie("", 0),
    ))
}

/// Who is signed in (send the session token as bearer or cookie).
#[utoipa::path(get, path = "/api/v1/staff/me", tag = "staff", security(("staff_session" = [])),
    responses((status = 200, body = StaffView),
              (status = 401, description = "No valid session (type unauthenticated)", body = Problem)))]
pub(super) async fn me(Staff(member): Staff) -> Json<StaffView> {
    Json(StaffView {
        email: member.email,
        role: member.role.into(),
        place_id: member.role.place_id(),
    })
}

/// The session token sent with a request, if any (bearer header or cookie).
pub(super) struct SessionToken(Option<String>);

impl<S: Send + Sync> FromRequestParts<S> for SessionToken {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(SessionToken(session_token(parts)))
    }
}

/// 401 `invalid-credentials`: the same for an unknown email and a wrong password.
pub(crate) fn invalid_credentials() -> Response {
    let status = StatusCode::UNAUTHORIZED;
    let problem = Problem {
        kind: "urn:gongbang:problem:invalid-credentials".into(),
        title: status.canonical_reason().unwrap_or("Unauthorized"),
        status: status.as_u16(),
        detail: "the email or the password is wrong".into(),
        field: None,
        extensions: serde_json::Map::new(),
    };
    problem_response(status, problem)
}

fn problem_response(status: StatusCode, problem: Problem) -> Response {
    let mut response = (status, Json(problem)).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    response
}
