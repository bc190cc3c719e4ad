//! Who is calling: the staff session extractor and the role checks every staff route
//! makes. A session token comes as `Authorization: Bearer <token>` (the API) or as the
//! `gongbang_session` cookie (the pages); only its SHA-256 is stored.

use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::{HeaderValue, header, request::Parts};
use axum::response::{IntoResponse, Response};

use db::staff::StaffMember;
use domain::actor::Actor;
use domain::catalogue::WorkshopId;
use domain::counter::CounterId;
use domain::staff::Role;

use crate::AppState;
use crate::error::{ApiError, ApiResult};
use crate::secrets::token_hash;

/// The name of the session cookie the pages use.
pub const SESSION_COOKIE: &str = "gongbang_session";

/// A signed-in staff member; requests without a valid session are refused with 401.
#[derive(Debug, Clone)]
pub struct Staff(pub StaffMember);

impl FromRequestParts<Arc<AppState>> for Staff {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &Arc<AppState>) -> ApiResult<Self> {
        let token = session_token(parts).ok_or(ApiError::Unauthenticated)?;
        let member = db::staff::by_session(&state.db, &token_hash(&token), state.clock.now())
            .await?
            .ok_or(ApiError::Unauthenticated)?;
        Ok(Staff(member))
    }
}

impl Staff {
    /// The workshop of workshop staff; 403 for anyone else.
    pub fn workshop(&self) -> ApiResult<WorkshopId> {
        match self.0.role {
            Role::Workshop(id) => Ok(id),
            _ => Err(ApiError::Forbidden("workshop staff")),
        }
    }

    /// The counter of counter staff; 403 for anyone else.
    pub fn counter(&self) -> ApiResult<CounterId> {
        match self.0.role {
            Role::Counter(id) => Ok(id),
            _ => Err(ApiError::Forbidden("counter staff")),
        }
    }

    /// Passes for operators; 403 for anyone else.
    pub fn operator(&self) -> ApiResult<()> {
        match self.0.role {
            Role::Operator => Ok(()),
            _ => Err(ApiError::Forbidden("operators")),
        }
    }

    /// This member as the maker of a change (`workshop:3 (kim@…)` in histories).
    pub fn actor(&self) -> Actor {
        Actor::Staff {
            role: self.0.role,
            email: self.0.email.clone(),
        }
    }
}

/// The session token from the bearer header or the session cookie.
pub fn session_token(parts: &Parts) -> Option<String> {
    let bearer = parts
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty());
    if let Some(token) = bearer {
        return Some(token.to_owned());
    }
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value.to_owned())
        .filter(|t| !t.is_empty())
}

/// The `Set-Cookie` value for the session cookie (an empty token with age 0 clears it).
pub fn session_cookie(token: &str, max_age_seconds: i64) -> String {
    format!(
        "{SESSION_COOKIE}={token}; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age={max_age_seconds}"
    )
}

/// `response` with this `Set-Cookie` value (from [`session_cookie`]), never cached.
pub fn signed_in_response(response: impl IntoResponse, cookie: &str) -> Response {
    let mut response = response.into_response();
    let headers = response.headers_mut();
    if let Ok(cookie) = HeaderValue::from_str(cookie) {
        headers.insert(header::SET_COOKIE, cookie);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use db::staff::StaffMember;
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
        assert_eq!(workshop.actor().to_string(), "workshop:2 (kim@example.com)");
    }

    #[test]
    fn the_cookie_has_every_attribute() {
        assert_eq!(
            session_cookie("abc", 43_200),
            "gongbang_session=abc; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=43200"
        );
    }
}
