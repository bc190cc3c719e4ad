//! The fixed configurations of the golden determinism test, shared by the native test
//! (`tests/golden.rs`) and the browser test, which compares the same digests in wasm.

use crate::{ArtKind, Artwork, PreviewSpec, Swatch, Texture};

fn spec(art: ArtKind, body: Swatch, trim: Option<Swatch>, monogram: Option<&str>) -> PreviewSpec {
    PreviewSpec {
        art,
        body,
        trim,
        monogram: monogram.map(str::to_owned),
        artwork: None,
    }
}

/// A small synthetic artwork: a gradient sky, a sun and a dark band of hills, 96 x 64
/// pixels with a transparent corner (so alpha handling is covered too).
pub fn artwork() -> Artwork {
    let (w, h) = (96u32, 64u32);
    let mut rgba = Vec::with_capacity((w * h * 4) as usize);
    for y in 0..h as i32 {
        for x in 0..w as i32 {
            let (dx, dy) = (x - 66, y - 20);
            let px = if dx * dx + dy * dy < 100 {
                [0xf4, 0xb3, 0x3e, 255]
            } else if y > 44 - (x % 24 - 12).abs() / 2 {
                [0x2d, 0x4a, 0x3e, 255]
            } else {
                [(0x5a + y * 2) as u8, (0x8f + y) as u8, 0xd0, 255]
            };
            let px = if x < 8 && y < 8 { [0, 0, 0, 0] } else { px };
            rgba.extend_from_slice(&px);
        }
    }
    Artwork {
        width: w,
        height: h,
        rgba,
    }
}

/// Named specs covering every art kind, Latin and Hangul monograms, artwork and most
/// textures.
pub fn samples() -> Vec<(&'static str, PreviewSpec)> {
    let sw = Swatch::new;
    let with_art = |mut s: PreviewSpec| {
        s.artwork = Some(artwork());
        s
    };
    vec![
        (
            "shirt-oxford-kj",
            spec(
                ArtKind::Shirt,
                sw([0xc9, 0xd8, 0xea], Texture::Cotton),
                None,
                Some("KJ"),
            ),
        ),
        (
            "shirt-linen-plain",
            spec(
                ArtKind::Shirt,
                sw([0xe9, 0xe1, 0xcf], Texture::Linen),
                Some(sw([0x6b, 0x4a, 0x2f], Texture::Plain)),
                None,
            ),
        ),
        (
            "jacket-navy-wool",
            spec(
                ArtKind::Jacket,
                sw([0x1f, 0x2a, 0x44], Texture::Wool),
                None,
                Some("MH"),
            ),
        ),
        (
            "trousers-grey-flannel",
            spec(
                ArtKind::Trousers,
                sw([0x7d, 0x7f, 0x83], Texture::Flannel),
                None,
                None,
            ),
        ),
        (
            "derby-tan",
            spec(
                ArtKind::Derby,
                sw([0x9a, 0x5b, 0x2e], Texture::Leather),
                Some(sw([0x2b, 0x1d, 0x14], Texture::Leather)),
                Some("JL"),
            ),
        ),
        (
            "loafer-suede",
            spec(
                ArtKind::Loafer,
                sw([0x6e, 0x4b, 0x35], Texture::Suede),
                Some(sw([0x24, 0x22, 0x20], Texture::Rubber)),
                None,
            ),
        ),
        (
            "boot-black",
            spec(
                ArtKind::Boot,
                sw([0x22, 0x20, 0x1e], Texture::Leather),
                None,
                None,
            ),
        ),
        (
            "tote-hangul",
            spec(
                ArtKind::Tote,
                sw([0xb0, 0x70, 0x40], Texture::Leather),
                Some(sw([0xc8, 0xa0, 0x50], Texture::Metal)),
                Some("김나"),
            ),
        ),
        (
            "crossbody-green",
            spec(
                ArtKind::Crossbody,
                sw([0x2f, 0x4f, 0x3a], Texture::Leather),
                Some(sw([0xc0, 0xc4, 0xc8], Texture::Metal)),
                Some("SY"),
            ),
        ),
        (
            "wallet-black-hangul",
            spec(
                ArtKind::Wallet,
                sw([0x1c, 0x1c, 0x1e], Texture::Leather),
                None,
                Some("박"),
            ),
        ),
        (
            "key-holder-red",
            spec(
                ArtKind::KeyHolder,
                sw([0x8c, 0x22, 0x2c], Texture::Leather),
                None,
                Some("A"),
            ),
        ),
        (
            "card-hanji-art",
            with_art(spec(
                ArtKind::Card,
                sw([0xf1, 0xe9, 0xd6], Texture::Hanji),
                Some(sw([0x1e, 0x27, 0x44], Texture::Plain)),
                Some("D&J"),
            )),
        ),
        (
            "notebook-placeholder",
            spec(
                ArtKind::Notebook,
                sw([0x3b, 0x5b, 0x7a], Texture::Paper),
                Some(sw([0xd2, 0x4b, 0x3a], Texture::Plain)),
                Some("이"),
            ),
        ),
        (
            "notebook-art",
            with_art(spec(
                ArtKind::Notebook,
                sw([0x8a, 0x6a, 0x4a], Texture::Leather),
                None,
                None,
            )),
        ),
        (
            "poster-art",
            with_art(spec(
                ArtKind::Poster,
                sw([0xfb, 0xfa, 0xf6], Texture::Paper),
                None,
                Some("B.K"),
            )),
        ),
    ]
}
