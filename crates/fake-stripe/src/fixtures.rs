//! Stripe's example objects ([`Fixtures`]), read once at start from [`fixtures_path`]: every
//! object the fake makes starts as a copy of one of them, so clients deserialise real
//! shapes. Also the API version the fake claims for them ([`API_VERSION`]).

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::error::Error;

/// The Stripe API version the fake claims in responses and events.
pub const API_VERSION: &str = "2026-09-30.endive";

/// Where Stripe's example objects are read from: `STRIPE_FIXTURES` when set, else the
/// first `shared/stripe/fixtures3.json` found beside this repository or any folder above
/// it (the team's shared notes sit beside the checkout).
pub fn fixtures_path() -> PathBuf {
    if let Some(path) = std::env::var_os("STRIPE_FIXTURES") {
        return PathBuf::from(path);
    }
    let relative = Path::new("shared/stripe/fixtures3.json");
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest
        .ancestors()
        .map(|dir| dir.join(relative))
        .find(|candidate| candidate.is_file())
        .unwrap_or_else(|| manifest.join("../../../shared/stripe/fixtures3.json"))
}

/// Stripe's example objects, one per resource.
pub(crate) struct Fixtures {
    pub(crate) payment_intent: Value,
    pub(crate) refund: Value,
    pub(crate) customer: Value,
    pub(crate) event: Value,
    pub(crate) charge: Value,
}

impl Fixtures {
    /// Reads the fixture file at [`fixtures_path`].
    pub(crate) fn load() -> Result<Self, Error> {
        let path = fixtures_path();
        let text = std::fs::read_to_string(&path).map_err(|source| Error::FixturesUnreadable {
            path: path.clone(),
            source,
        })?;
        let all: Value = serde_json::from_str(&text).map_err(|source| Error::FixturesNotJson {
            path: path.clone(),
            source,
        })?;
        let take = |name: &'static str| match &all["resources"][name] {
            Value::Object(object) => Ok(Value::Object(object.clone())),
            _ => Err(Error::FixtureMissing {
                path: path.clone(),
                name,
            }),
        };
        Ok(Self {
            payment_intent: take("payment_intent")?,
            refund: take("refund")?,
            customer: take("customer")?,
            event: take("event")?,
            charge: take("charge")?,
        })
    }
}
