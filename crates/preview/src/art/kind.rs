//! Which drawings exist ([`ArtKind`]): their codes in catalogues, and the trim each is
//! drawn with when the product has no trim option.

use std::fmt;
use std::str::FromStr;

use crate::{Error, Swatch, Texture};

/// The drawing a product is illustrated with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ArtKind {
    /// A button-down shirt.
    Shirt,
    /// A single-breasted jacket.
    Jacket,
    /// Tailored trousers.
    Trousers,
    /// A derby shoe (open lacing).
    Derby,
    /// A penny loafer.
    Loafer,
    /// An ankle boot.
    Boot,
    /// A tote bag.
    Tote,
    /// A crossbody bag with a flap.
    Crossbody,
    /// A bifold wallet.
    Wallet,
    /// A leather key holder.
    KeyHolder,
    /// A printed card.
    Card,
    /// A notebook with a printed cover.
    Notebook,
    /// A printed poster.
    Poster,
}

impl ArtKind {
    /// Every drawing, in declaration order.
    pub const ALL: [ArtKind; 13] = [
        ArtKind::Shirt,
        ArtKind::Jacket,
        ArtKind::Trousers,
        ArtKind::Derby,
        ArtKind::Loafer,
        ArtKind::Boot,
        ArtKind::Tote,
        ArtKind::Crossbody,
        ArtKind::Wallet,
        ArtKind::KeyHolder,
        ArtKind::Card,
        ArtKind::Notebook,
        ArtKind::Poster,
    ];

    const EXPECTED: &'static str = "shirt, jacket, trousers, derby, loafer, boot, tote, \
                                    crossbody, wallet, key_holder, card, notebook, poster";

    /// The lowercase code used in catalogues.
    pub fn code(self) -> &'static str {
        match self {
            ArtKind::Shirt => "shirt",
            ArtKind::Jacket => "jacket",
            ArtKind::Trousers => "trousers",
            ArtKind::Derby => "derby",
            ArtKind::Loafer => "loafer",
            ArtKind::Boot => "boot",
            ArtKind::Tote => "tote",
            ArtKind::Crossbody => "crossbody",
            ArtKind::Wallet => "wallet",
            ArtKind::KeyHolder => "key_holder",
            ArtKind::Card => "card",
            ArtKind::Notebook => "notebook",
            ArtKind::Poster => "poster",
        }
    }

    /// The trim drawn when the product has no trim option: pearl buttons, a dark
    /// leather sole, brass hardware, black ink.
    pub fn default_trim(self) -> Swatch {
        match self {
            ArtKind::Shirt => Swatch::new([0xf2, 0xee, 0xe4], Texture::Plain),
            ArtKind::Jacket => Swatch::new([0x3a, 0x2c, 0x24], Texture::Plain),
            ArtKind::Trousers => Swatch::new([0x2a, 0x26, 0x22], Texture::Plain),
            ArtKind::Derby | ArtKind::Loafer | ArtKind::Boot => {
                Swatch::new([0x4a, 0x32, 0x22], Texture::Leather)
            }
            ArtKind::Tote | ArtKind::Crossbody | ArtKind::Wallet | ArtKind::KeyHolder => {
                Swatch::new([0xc9, 0xa2, 0x5a], Texture::Metal)
            }
            ArtKind::Card | ArtKind::Notebook | ArtKind::Poster => {
                Swatch::new([0x22, 0x22, 0x28], Texture::Plain)
            }
        }
    }
}

impl fmt::Display for ArtKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for ArtKind {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ArtKind::ALL
            .into_iter()
            .find(|a| a.code() == s)
            .ok_or_else(|| Error::UnknownName {
                kind: "art kind",
                given: s.to_owned(),
                expected: ArtKind::EXPECTED,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_art_kind_round_trips_through_its_code() {
        for a in ArtKind::ALL {
            assert_eq!(a.code().parse::<ArtKind>(), Ok(a));
            assert_eq!(a.to_string(), a.code());
        }
    }

    #[test]
    fn an_unknown_art_kind_lists_the_codes() {
        let err = "sock".parse::<ArtKind>().expect_err("no socks");
        let text = err.to_string();
        assert!(text.contains("\"sock\""), "{text}");
        assert!(text.contains("key_holder"), "{text}");
    }
}
