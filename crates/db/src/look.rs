//! A product's look (how the preview renderer draws it), and how it is stored in
//! `products.look` as JSON.

use std::collections::BTreeMap;

use sea_orm::prelude::Json;
use serde::{Deserialize, Serialize};

use crate::Error;

/// How a product is drawn in previews, in the words of the `preview` crate (which parses
/// it): the picture, the option groups that colour it, and a swatch for every value of
/// those groups. The catalogue only carries it; it is stored and served as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Look {
    /// The picture: `shirt`, `jacket`, `trousers`, `derby`, `loafer`, `boot`, `tote`,
    /// `crossbody`, `wallet`, `key_holder`, `card`, `notebook` or `poster`.
    pub art: String,
    /// The choice group whose value colours the body (fabric, leather, paper, cover).
    pub body: String,
    /// The choice group whose value colours the trim (buttons, sole, hardware, ink).
    pub trim: Option<String>,
    /// The text group drawn as a monogram.
    pub monogram: Option<String>,
    /// Per value code of the body and trim groups: `#rrggbb:texture`.
    pub swatches: BTreeMap<String, String>,
}

/// A look as stored in `products.look`.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredLook {
    art: String,
    body: String,
    trim: Option<String>,
    monogram: Option<String>,
    swatches: BTreeMap<String, String>,
}

/// Reads a stored look.
pub(crate) fn look(json: &Json) -> Result<Look, Error> {
    let StoredLook {
        art,
        body,
        trim,
        monogram,
        swatches,
    } = StoredLook::deserialize(json).map_err(|e| Error::Corrupt(format!("look: {e}")))?;
    Ok(Look {
        art,
        body,
        trim,
        monogram,
        swatches,
    })
}

/// Writes a look as `{"art", "body", "trim", "monogram", "swatches"}`.
pub(crate) fn look_json(look: &Look) -> Result<Json, Error> {
    let Look {
        art,
        body,
        trim,
        monogram,
        swatches,
    } = look.clone();
    let stored = StoredLook {
        art,
        body,
        trim,
        monogram,
        swatches,
    };
    serde_json::to_value(stored).map_err(|e| Error::Corrupt(format!("look: {e}")))
}
