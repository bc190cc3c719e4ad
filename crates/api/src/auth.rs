//! Who is calling: the staff session extractor and the role checks every staff route
//! makes. A session token comes as `Authorization: Bearer <token>` (the API) or as the
//! `gongbang_session` cookie (the pages); only its SHA-256 is stored.

use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::{header, request::Parts};

use db::staff::StaffMember;
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

    /// How this member appears in histories: `workshop:3 (kim@…)`.
    pub fn actor(&self) -> String {
        format!("{} ({})", self.0.role, self.0.email)
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
