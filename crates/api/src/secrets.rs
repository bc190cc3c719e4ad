//! Secrets and fingerprints: order tokens, pickup codes, request hashes.
//!
//! An order token is `HMAC-SHA256(key, order id)`, base64url: high entropy, never
//! stored (only its SHA-256 is), and re-derivable so that a retried order request with
//! the same idempotency key gets the same token back. The key is shared by every server
//! process through the database unless one is configured.

use std::sync::Arc;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use rand::Rng;
use sha2::{Digest, Sha256};

use domain::pickup_code::PickupCode;

/// The key order tokens are derived with.
#[derive(Clone)]
pub struct TokenKey(Arc<Vec<u8>>);

impl TokenKey {
    /// The configured secret, or the one stored in the database (created on first use).
    pub async fn load(
        db: &db::DatabaseConnection,
        configured: Option<&str>,
    ) -> Result<Self, db::Error> {
        if let Some(secret) = configured {
            return Ok(TokenKey(Arc::new(secret.as_bytes().to_vec())));
        }
        let candidate: [u8; 32] = rand::rng().random();
        let stored = db::settings::get_or_init(db, "order_token_key", &hex(&candidate)).await?;
        Ok(TokenKey(Arc::new(stored.into_bytes())))
    }

    /// The secret token of an order.
    pub fn order_token(&self, order_id: &domain::order::OrderId) -> String {
        // HMAC accepts keys of any length, so this cannot fail.
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes any key length");
        mac.update(b"gongbang order token\0");
        mac.update(order_id.as_str().as_bytes());
        URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    }
}

/// The stored form of a token: SHA-256, hex.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// Whether a presented token matches a stored hash, in constant time.
pub fn token_matches(stored_hash: &str, presented: &str) -> bool {
    let presented = token_hash(presented);
    stored_hash.len() == presented.len()
        && stored_hash
            .bytes()
            .zip(presented.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

/// A fresh random pickup code.
pub fn new_pickup_code() -> PickupCode {
    PickupCode::from_random(rand::rng().random())
}

/// A fingerprint of a request body, independent of whitespace and key order.
pub fn request_hash(body: &serde_json::Value) -> String {
    hex(&Sha256::digest(body.to_string().as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> TokenKey {
        TokenKey(Arc::new(b"test key".to_vec()))
    }

    fn order(n: u128) -> domain::order::OrderId {
        domain::order::OrderId::from_random(n)
    }

    #[test]
    fn tokens_are_stable_per_order_and_differ_between_orders() {
        assert_eq!(key().order_token(&order(1)), key().order_token(&order(1)));
        assert_ne!(key().order_token(&order(1)), key().order_token(&order(2)));
        assert_eq!(key().order_token(&order(1)).len(), 43);
    }

    #[test]
    fn only_the_right_token_matches_its_hash() {
        let token = key().order_token(&order(3));
        let stored = token_hash(&token);
        assert!(token_matches(&stored, &token));
        assert!(!token_matches(&stored, &key().order_token(&order(4))));
        assert!(!token_matches(&stored, ""));
    }

    #[test]
    fn request_hash_ignores_key_order() {
        let a: serde_json::Value = serde_json::from_str(r#"{"a":1,"b":[1,2]}"#).unwrap();
        let b: serde_json::Value = serde_json::from_str(r#"{ "b":[1,2], "a":1 }"#).unwrap();
        assert_eq!(request_hash(&a), request_hash(&b));
    }
}
