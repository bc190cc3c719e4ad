//! What a drawing is painted with ([`Parts`]): the spec's chosen materials, monogram
//! and artwork, taken once the spec and the size are checked, so painting never fails.

use crate::look::Artwork;
use crate::{Error, PreviewSpec, Swatch, monogram};

/// The smallest preview side drawn, in pixels.
pub const MIN_SIZE: u32 = 64;
/// The largest preview side drawn, in pixels.
pub const MAX_SIZE: u32 = 1080;

/// What a drawing is painted with, resolved from the spec: the chosen materials, the
/// monogram and the artwork.
pub(crate) struct Parts<'a> {
    pub body: Swatch,
    pub trim: Swatch,
    pub monogram: Option<&'a str>,
    pub artwork: Option<&'a Artwork>,
}

impl Parts<'_> {
    /// What to paint a drawing with, once the size (`MIN_SIZE..=MAX_SIZE`), the
    /// monogram's glyphs and the artwork's buffer are checked.
    pub fn checked(spec: &PreviewSpec, size_px: u32) -> Result<Parts<'_>, Error> {
        check_size(size_px)?;
        if let Some(text) = &spec.monogram {
            monogram::check(text)?;
        }
        if let Some(artwork) = &spec.artwork {
            artwork.validate()?;
        }
        Ok(Parts {
            body: spec.body,
            trim: spec.trim.unwrap_or(spec.art.default_trim()),
            monogram: spec.monogram.as_deref().filter(|t| !t.is_empty()),
            artwork: spec.artwork.as_ref(),
        })
    }
}

/// Refuses a size outside `MIN_SIZE..=MAX_SIZE`.
fn check_size(size_px: u32) -> Result<(), Error> {
    if (MIN_SIZE..=MAX_SIZE).contains(&size_px) {
        Ok(())
    } else {
        Err(Error::BadSize {
            given: size_px,
            min: MIN_SIZE,
            max: MAX_SIZE,
        })
    }
}
