//! What to draw: a product's [`ProductLook`] (which option groups colour what) and the
//! [`PreviewSpec`] it makes from a configuration, plus the traveller's [`Artwork`].

use std::collections::BTreeMap;

use crate::{ArtKind, Error, Swatch};

/// Artwork sides are at most this many pixels (the browser downscales before).
pub const MAX_ARTWORK_SIDE: u32 = 1024;

/// How a product is illustrated: its drawing and which option groups tint which part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductLook {
    /// The drawing.
    pub art: ArtKind,
    /// The option group whose chosen value colours the main body.
    pub body_group: String,
    /// The option group for the trim: buttons, hardware, sole, ink, edge.
    pub trim_group: Option<String>,
    /// The text option group drawn as a monogram.
    pub monogram_group: Option<String>,
    /// Option value code to swatch, for the body and trim groups.
    pub swatches: BTreeMap<String, Swatch>,
}

/// A picture the traveller adds to printed goods: straight RGBA, row by row, already
/// decoded and downscaled by the browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Artwork {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// `width * height * 4` bytes of straight (not premultiplied) RGBA.
    pub rgba: Vec<u8>,
}

impl Artwork {
    /// Checks that the buffer matches the dimensions and the size is within bounds.
    pub fn validate(&self) -> Result<(), Error> {
        let bad = |reason| Error::BadArtwork {
            width: self.width,
            height: self.height,
            len: self.rgba.len(),
            reason,
        };
        if self.width == 0 || self.height == 0 {
            return Err(bad("a side is zero"));
        }
        if self.width > MAX_ARTWORK_SIDE || self.height > MAX_ARTWORK_SIDE {
            return Err(bad("a side is over 1024 pixels"));
        }
        if self.rgba.len() != self.width as usize * self.height as usize * 4 {
            return Err(bad("the buffer is not width * height * 4 bytes"));
        }
        Ok(())
    }
}

/// Everything one preview shows, resolved from a configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviewSpec {
    /// The drawing.
    pub art: ArtKind,
    /// The material of the main body.
    pub body: Swatch,
    /// The material of the trim; the drawing's own default when absent.
    pub trim: Option<Swatch>,
    /// Monogram text, already checked against the product's whitelist.
    pub monogram: Option<String>,
    /// The traveller's picture, for printed goods.
    pub artwork: Option<Artwork>,
}

impl ProductLook {
    /// Resolves a configuration (`{group code: value code}`, defaults filled in) into
    /// what to draw. The body group must have a value with a swatch; a trim group
    /// without a value falls back to the drawing's default trim, and an empty monogram
    /// means none.
    pub fn spec(
        &self,
        configuration: &BTreeMap<String, String>,
        artwork: Option<Artwork>,
    ) -> Result<PreviewSpec, Error> {
        let body = self
            .swatch_of(&self.body_group, configuration)?
            .ok_or_else(|| Error::MissingValue {
                group: self.body_group.clone(),
            })?;
        let trim = match &self.trim_group {
            Some(group) => self.swatch_of(group, configuration)?,
            None => None,
        };
        let monogram = self
            .monogram_group
            .as_ref()
            .and_then(|group| configuration.get(group))
            .map(|text| text.trim())
            .filter(|text| !text.is_empty())
            .map(str::to_owned);
        if let Some(art) = &artwork {
            art.validate()?;
        }
        Ok(PreviewSpec {
            art: self.art,
            body,
            trim,
            monogram,
            artwork,
        })
    }

    fn swatch_of(
        &self,
        group: &str,
        configuration: &BTreeMap<String, String>,
    ) -> Result<Option<Swatch>, Error> {
        let Some(value) = configuration.get(group) else {
            return Ok(None);
        };
        self.swatches
            .get(value)
            .copied()
            .map(Some)
            .ok_or_else(|| Error::MissingSwatch {
                group: group.to_owned(),
                value: value.clone(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Texture;

    fn look() -> ProductLook {
        ProductLook {
            art: ArtKind::Tote,
            body_group: "leather".into(),
            trim_group: Some("hardware".into()),
            monogram_group: Some("monogram".into()),
            swatches: BTreeMap::from([
                (
                    "tan".into(),
                    Swatch::new([0xb0, 0x70, 0x40], Texture::Leather),
                ),
                (
                    "brass".into(),
                    Swatch::new([0xc8, 0xa0, 0x50], Texture::Metal),
                ),
            ]),
        }
    }

    fn config(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(g, v)| ((*g).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn a_full_configuration_resolves_every_part() {
        let spec = look()
            .spec(
                &config(&[
                    ("leather", "tan"),
                    ("hardware", "brass"),
                    ("monogram", " KJ "),
                ]),
                None,
            )
            .expect("resolves");
        assert_eq!(spec.art, ArtKind::Tote);
        assert_eq!(spec.body.texture, Texture::Leather);
        assert_eq!(spec.trim.map(|t| t.texture), Some(Texture::Metal));
        assert_eq!(spec.monogram.as_deref(), Some("KJ"));
    }

    #[test]
    fn optional_parts_may_be_absent() {
        let spec = look()
            .spec(&config(&[("leather", "tan"), ("monogram", "")]), None)
            .expect("resolves");
        assert_eq!(spec.trim, None);
        assert_eq!(spec.monogram, None);
    }

    #[test]
    fn a_missing_body_value_names_the_group() {
        let err = look().spec(&config(&[("hardware", "brass")]), None);
        assert_eq!(
            err,
            Err(Error::MissingValue {
                group: "leather".into()
            })
        );
    }

    #[test]
    fn a_value_without_swatch_names_group_and_value() {
        let err = look().spec(&config(&[("leather", "tan"), ("hardware", "chrome")]), None);
        assert_eq!(
            err,
            Err(Error::MissingSwatch {
                group: "hardware".into(),
                value: "chrome".into()
            })
        );
    }

    #[test]
    fn artwork_must_match_its_dimensions() {
        let art = |w, h, len| Artwork {
            width: w,
            height: h,
            rgba: vec![0; len],
        };
        assert!(art(2, 3, 24).validate().is_ok());
        assert!(matches!(
            art(2, 3, 23).validate(),
            Err(Error::BadArtwork { .. })
        ));
        assert!(matches!(
            art(0, 3, 0).validate(),
            Err(Error::BadArtwork { .. })
        ));
        assert!(matches!(
            art(1025, 1, 4100).validate(),
            Err(Error::BadArtwork { .. })
        ));
        let err = look().spec(&config(&[("leather", "tan")]), Some(art(2, 2, 3)));
        assert!(matches!(err, Err(Error::BadArtwork { len: 3, .. })));
    }
}
