//! Stripe's API key check: `Authorization: Bearer sk_test_…` (test-mode secret keys only).

use crate::error::Error;

const TEST_SECRET_KEY: &str = "sk_test_";

/// Checks the `Authorization` header.
pub(super) fn check(authorization: Option<&str>) -> Result<(), Error> {
    let Some(authorization) = authorization else {
        return Err(Error::MissingApiKey);
    };
    let key = authorization.strip_prefix("Bearer ").unwrap_or_default();
    if key.starts_with(TEST_SECRET_KEY) && key.len() > TEST_SECRET_KEY.len() {
        return Ok(());
    }
    Err(Error::InvalidApiKey {
        shown: key.chars().take(8).collect(),
    })
}
