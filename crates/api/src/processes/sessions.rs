//! Staff sessions: checking an email and password (with the slow-down and lock of
//! repeated failures) and opening a session; ending one. The JSON API and the sign-in
//! page both call these.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::Rng;
use time::Duration;

use db::staff::StaffMember;
use domain::staff::next_login_allowed;

use crate::AppState;
use crate::error::{ApiError, ApiResult};
use crate::passwords;
use crate::processes::retry;
use crate::secrets::token_hash;
use crate::staff_accounts::normalise_email;

/// How long a staff session lasts.
pub const SESSION_LENGTH: Duration = Duration::hours(12);

/// What came of a login attempt.
#[derive(Debug)]
pub enum SignIn {
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
pub async fn sign_in(state: &AppState, email: &str, password: String) -> ApiResult<SignIn> {
    let now = state.clock.now();
    let email = normalise_email(email);
    for _ in retry::attempts() {
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

/// Ends the session of this token, if one was sent and there is one.
pub async fn sign_out(state: &AppState, token: Option<&str>) -> ApiResult<()> {
    if let Some(token) = token {
        db::staff::delete_session(&state.db, &token_hash(token)).await?;
    }
    Ok(())
}

/// A fresh session token: 32 random bytes, base64url.
fn new_session_token() -> String {
    let bytes: [u8; 32] = rand::rng().random();
    URL_SAFE_NO_PAD.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_tokens_are_long_and_fresh() {
        let token = new_session_token();
        assert_eq!(token.len(), 43);
        assert_ne!(token, new_session_token());
    }
}
