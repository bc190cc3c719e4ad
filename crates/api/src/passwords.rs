//! Staff passwords: argon2id hashes in PHC string form, with argon2's default parameters
//! (19 MiB, 2 passes, 1 lane), made and checked off the async threads.
//!
//! Verification reads the parameters from the stored string, so hashes made with other
//! parameters (older defaults, a stronger setting later) keep working.

use std::sync::OnceLock;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use rand::Rng;

/// The PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) of `password` with a fresh salt.
pub fn hash_blocking(password: &str) -> anyhow::Result<String> {
    let bytes: [u8; 16] = rand::rng().random();
    let salt = SaltString::encode_b64(&bytes).map_err(|e| anyhow::anyhow!("salt: {e}"))?;
    let hash = Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| anyhow::anyhow!("hashing a password: {e}"))?;
    Ok(hash.to_string())
}

/// Whether `password` matches the stored PHC string; a malformed one matches nothing.
pub fn verify_blocking(password: &str, stored: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(stored) else {
        tracing::warn!("a stored password hash is not a PHC string");
        return false;
    };
    Argon2::default()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok()
}

/// [`hash_blocking`] on the blocking thread pool.
pub async fn hash(password: String) -> anyhow::Result<String> {
    tokio::task::spawn_blocking(move || hash_blocking(&password)).await?
}

/// [`verify_blocking`] on the blocking thread pool. Without a stored hash (no such
/// account) it verifies against a dummy hash and answers `false`, so that an unknown
/// email costs the same time as a wrong password.
pub async fn verify(password: String, stored: Option<String>) -> anyhow::Result<bool> {
    let checked = tokio::task::spawn_blocking(move || match stored {
        Some(stored) => Ok(verify_blocking(&password, &stored)),
        None => {
            let dummy = dummy_hash()?;
            let _ = verify_blocking(&password, dummy);
            Ok::<_, anyhow::Error>(false)
        }
    });
    checked.await?
}

/// A hash of a random password with the default parameters, made once per process.
fn dummy_hash() -> anyhow::Result<&'static str> {
    static DUMMY: OnceLock<String> = OnceLock::new();
    if let Some(hash) = DUMMY.get() {
        return Ok(hash);
    }
    let random: [u8; 16] = rand::rng().random();
    let made = hash_blocking(&format!("{random:?}"))?;
    Ok(DUMMY.get_or_init(|| made))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_right_password_verifies_and_salts_differ() -> anyhow::Result<()> {
        let first = hash_blocking("correct horse battery")?;
        let second = hash_blocking("correct horse battery")?;
        assert!(
            first.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{first}"
        );
        assert_ne!(first, second, "each hash has its own salt");
        assert!(verify_blocking("correct horse battery", &first));
        assert!(verify_blocking("correct horse battery", &second));
        assert!(!verify_blocking("correct horse batter", &first));
        assert!(!verify_blocking("correct horse battery", "not a hash"));
        Ok(())
    }

    #[tokio::test]
    async fn unknown_accounts_never_verify() -> anyhow::Result<()> {
        assert!(!verify("anything at all".into(), None).await?);
        let stored = hash("s3cret password".into()).await?;
        assert!(verify("s3cret password".into(), Some(stored)).await?);
        Ok(())
    }
}
