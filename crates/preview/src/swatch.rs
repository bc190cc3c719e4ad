//! Materials: a [`Texture`] and a [`Swatch`] (a colour on a texture), written `#1f2a44:wool`.

use std::fmt;
use std::str::FromStr;

use crate::Error;

/// The surface of a material, which decides the procedural pattern laid over its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Texture {
    /// No pattern at all.
    Plain,
    /// A fine plain weave.
    Cotton,
    /// A coarse, slubby plain weave.
    Linen,
    /// A diagonal twill.
    Wool,
    /// Brushed wool: soft, blotchy noise.
    Flannel,
    /// Smooth leather with a pebble grain.
    Leather,
    /// Napped leather: soft, fine noise.
    Suede,
    /// Matte rubber with a faint stipple.
    Rubber,
    /// Smooth paper: flat.
    Paper,
    /// Korean mulberry paper with long visible fibres.
    Hanji,
    /// Brushed metal (buckles, rivets, foil).
    Metal,
}

impl Texture {
    /// Every texture, in declaration order.
    pub const ALL: [Texture; 11] = [
        Texture::Plain,
        Texture::Cotton,
        Texture::Linen,
        Texture::Wool,
        Texture::Flannel,
        Texture::Leather,
        Texture::Suede,
        Texture::Rubber,
        Texture::Paper,
        Texture::Hanji,
        Texture::Metal,
    ];

    const EXPECTED: &'static str =
        "plain, cotton, linen, wool, flannel, leather, suede, rubber, paper, hanji, metal";

    /// The lowercase code used in swatches and catalogues.
    pub fn code(self) -> &'static str {
        match self {
            Texture::Plain => "plain",
            Texture::Cotton => "cotton",
            Texture::Linen => "linen",
            Texture::Wool => "wool",
            Texture::Flannel => "flannel",
            Texture::Leather => "leather",
            Texture::Suede => "suede",
            Texture::Rubber => "rubber",
            Texture::Paper => "paper",
            Texture::Hanji => "hanji",
            Texture::Metal => "metal",
        }
    }
}

impl fmt::Display for Texture {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Texture {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Texture::ALL
            .into_iter()
            .find(|t| t.code() == s)
            .ok_or_else(|| Error::UnknownName {
                kind: "texture",
                given: s.to_owned(),
                expected: Texture::EXPECTED,
            })
    }
}

/// A colour on a texture: what one option value (a cloth, a leather, a paper) looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Swatch {
    /// The colour in sRGB.
    pub rgb: [u8; 3],
    /// The surface pattern.
    pub texture: Texture,
}

impl Swatch {
    /// A swatch from its parts.
    pub const fn new(rgb: [u8; 3], texture: Texture) -> Swatch {
        Swatch { rgb, texture }
    }
}

impl fmt::Display for Swatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [r, g, b] = self.rgb;
        write!(f, "#{r:02x}{g:02x}{b:02x}:{}", self.texture)
    }
}

impl FromStr for Swatch {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = |reason| Error::BadSwatch {
            given: s.to_owned(),
            reason,
        };
        let (colour, texture) = s
            .split_once(':')
            .ok_or_else(|| bad("no ':' before the texture"))?;
        let hex = colour
            .strip_prefix('#')
            .ok_or_else(|| bad("the colour does not start with '#'"))?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad("the colour is not six hex digits"));
        }
        let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16);
        let rgb = match (channel(0), channel(2), channel(4)) {
            (Ok(r), Ok(g), Ok(b)) => [r, g, b],
            _ => return Err(bad("the colour is not six hex digits")),
        };
        Ok(Swatch {
            rgb,
            texture: texture.parse()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swatch_round_trips_through_its_text_form() {
        let s: Swatch = "#1f2a44:wool".parse().expect("valid swatch");
        assert_eq!(s, Swatch::new([0x1f, 0x2a, 0x44], Texture::Wool));
        assert_eq!(s.to_string(), "#1f2a44:wool");
        let upper: Swatch = "#ABCDEF:metal".parse().expect("uppercase hex is read");
        assert_eq!(upper.to_string(), "#abcdef:metal");
    }

    #[test]
    fn every_texture_round_trips_through_its_code() {
        for t in Texture::ALL {
            assert_eq!(t.code().parse::<Texture>(), Ok(t));
        }
    }

    #[test]
    fn bad_swatches_say_what_is_wrong() {
        for (text, reason) in [
            ("1f2a44:wool", "the colour does not start with '#'"),
            ("#1f2a44", "no ':' before the texture"),
            ("#1f2a4:wool", "the colour is not six hex digits"),
            ("#1f2a4g:wool", "the colour is not six hex digits"),
            ("#+f2a44:wool", "the colour is not six hex digits"),
        ] {
            assert_eq!(
                text.parse::<Swatch>(),
                Err(Error::BadSwatch {
                    given: text.to_owned(),
                    reason
                })
            );
        }
        let err = "#1f2a44:velvet"
            .parse::<Swatch>()
            .expect_err("unknown texture");
        assert!(err.to_string().contains("velvet"));
        assert!(err.to_string().contains("hanji"));
    }
}
