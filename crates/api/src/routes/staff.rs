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
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::Rng;
use serde::{Deserialize, Serialize};
use time::Duration;
use utoipa::ToSchema;

use db::staff::StaffMember;
use domain::staff::{Role, next_login_allowed};

use super::State;
use crate::AppState;
use crate::auth::{SESSION_COOKIE, Staff, session_token};
use crate::error::{ApiError, ApiResult, Problem};
use crate::extract::ApiJson;
use crate::passwords;
use crate::secrets::token_hash;
use crate::staff_accounts::normalise_email;

/// How long a session lasts.
pub const SESSION_LENGTH: Duration = Duration::hours(12);

/// How often a login re-reads the account when concurrent attempts keep changing it.
const MAX_ATTEMPTS: usize = 8;

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
            SignIn::TooManyAttempts(wait) => too_many_attempts(wait),
        },
    )
}

/// What came of a login attempt.
#[derive(Debug)]
pub(crate) enum SignIn {
    /// A new session with this token.
    SignedIn {
        /// The session token (only its hash is stored).
        token: String,
        /// Who signed in.
        member: StaffMember,
    },
    /// Unknown email or wrong password: the caller must not say which.
    InvalidCredentials,
    /// Too many failed logins; the next attempt is allowed after `wait`.
    TooManyAttempts(Duration),
}

/// Checks an email and password against the stored account, with the slow-down and lock
/// of repeated failures, and opens a session of [`SESSION_LENGTH`] on success. The JSON
/// API and the sign-in page share it.
pub(crate) async fn sign_in(state: &AppState, email: &str, password: String) -> ApiResult<SignIn> {
    let now = state.clock.now();
    let email = normalise_email(email);
    for _ in 0..MAX_ATTEMPTS {
        let account = match &email {
            Some(email) => db::staff::by_email(&state.db, email).await?,
            None => None,
        };
        let Some(account) = account else {
            // The same argon2 work as for a real account, and the same answer.
            passwords::verify(password, None)
                .await
                .map_err(ApiError::Internal)?;
            return Ok(SignIn::InvalidCredentials);
        };
        if let Some(allowed) = next_login_allowed(account.failed_logins, account.last_failed_at)
            && allowed > now
        {
            return Ok(SignIn::TooManyAttempts(allowed - now));
        }
        // Count the attempt as failed before checking it, so that concurrent guesses are
        // all counted; a correct password clears the count below.
        let member = account.member;
        let counted =
            db::staff::record_failed_login(&state.db, member.id, account.failed_logins, now)
                .await?;
        if !counted {
            continue;
        }
        let matches = passwords::verify(password, Some(account.password_hash))
            .await
            .map_err(ApiError::Internal)?;
        if !matches {
            tracing::debug!("staff login refused");
            return Ok(SignIn::InvalidCredentials);
        }
        db::staff::record_successful_login(&state.db, member.id).await?;
        let token = new_session_token();
        let expires_at = now + SESSION_LENGTH;
        db::staff::create_session(&state.db, member.id, &token_hash(&token), now, expires_at)
            .await?;
        if let Err(error) = db::staff::purge_expired_sessions(&state.db, now).await {
            tracing::warn!(%error, "purging expired staff sessions");
        }
        tracing::info!(staff = %member.role, email = %member.email, "staff signed in");
        return Ok(SignIn::SignedIn { token, member });
    }
    // Other attempts on this account kept winning the race: let the caller back off.
    Ok(SignIn::TooManyAttempts(Duration::seconds(1)))
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

/// Ends the session of this token, if one was sent and there is one.
pub(crate) async fn sign_out(state: &AppState, token: Option<&str>) -> ApiResult<()> {
    if let Some(token) = token {
        db::staff::delete_session(&state.db, &token_hash(token)).await?;
    }
    Ok(())
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

/// A fresh session token: 32 random bytes, base64url.
fn new_session_token() -> String {
    let bytes: [u8; 32] = rand::rng().random();
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The `Set-Cookie` value for the session cookie (an empty token with age 0 clears it).
pub(crate) fn session_cookie(token: &str, max_age_seconds: i64) -> String {
    format!(
        "{SESSION_COOKIE}={token}; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age={max_age_seconds}"
    )
}

/// `response` with this `Set-Cookie` value (from [`session_cookie`]), never cached.
pub(crate) fn signed_in_response(response: impl IntoResponse, cookie: &str) -> Response {
    let mut response = response.into_response();
    let headers = response.headers_mut();
    if let Ok(cookie) = HeaderValue::from_str(cookie) {
        headers.insert(header::SET_COOKIE, cookie);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
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

/// 429 `too-many-attempts` with `Retry-After` in whole seconds (rounded up).
pub(crate) fn too_many_attempts(wait: Duration) -> Response {
    let seconds = wait_seconds(wait);
    let detail = format!("too many failed logins; try again in {seconds} seconds");
    let mut response = ApiError::TooManyAttempts { detail }.into_response();
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    response
}

/// A wait in whole seconds for `Retry-After`, rounded up, at least 1.
pub(crate) fn wait_seconds(wait: Duration) -> u64 {
    let whole = wait.whole_seconds() + i64::from(wait.subsec_nanoseconds() > 0);
    u64::try_from(whole.max(1)).unwrap_or(1)
}

fn problem_response(status: StatusCode, problem: Problem) -> Response {
    let mut response = (status, Json(problem)).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::catalogue::WorkshopId;
    use domain::counter::CounterId;

    fn staff(role: Role) -> Staff {
        Staff(StaffMember {
            id: 1,
            email: "kim@example.com".into(),
            role,
        })
    }

    #[test]
    fn each_role_passes_only_its_own_check() {
        let workshop = staff(Role::Workshop(WorkshopId(2)));
        let counter = staff(Role::Counter(CounterId(3)));
        let operator = staff(Role::Operator);
        assert_eq!(workshop.workshop().ok(), Some(WorkshopId(2)));
        assert_eq!(counter.counter().ok(), Some(CounterId(3)));
        assert!(operator.operator().is_ok());
        for refused in [
            workshop.counter().err(),
            workshop.operator().err(),
            counter.workshop().err(),
            counter.operator().err(),
            operator.workshop().err(),
            operator.counter().err(),
        ] {
            assert!(
                matches!(refused, Some(ApiError::Forbidden(_))),
                "{refused:?}"
            );
        }
        assert_eq!(workshop.actor(), "workshop:2 (kim@example.com)");
    }

    #[test]
    fn the_cookie_has_every_attribute() {
        assert_eq!(
            session_cookie("abc", SESSION_LENGTH.whole_seconds()),
            "gongbang_session=abc; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=43200"
        );
    }

    #[test]
    fn waits_round_up_to_whole_seconds() {
        assert_eq!(wait_seconds(Duration::milliseconds(1)), 1);
        assert_eq!(wait_seconds(Duration::seconds(4)), 4);
        assert_eq!(wait_seconds(Duration::milliseconds(4_001)), 5);
        assert_eq!(wait_seconds(Duration::minutes(15)), 900);
        assert_eq!(wait_seconds(Duration::ZERO), 1);
    }

    #[test]
    fn session_tokens_are_long_and_fresh() {
        let token = new_session_token();
        assert_eq!(token.len(), 43);
        assert_ne!(token, new_session_token());
    }
}
