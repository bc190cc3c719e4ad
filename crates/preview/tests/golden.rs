//! Golden determinism: every sample renders to the digest recorded in `golden.txt`.
//!
//! The browser test runs the same samples compiled to wasm against the same file, so a
//! digest that differs between platforms shows up there. After an intended change to
//! the drawings, rewrite the file with `UPDATE_GOLDEN=1 cargo test -p preview --test golden`
//! and look at the pictures (`PREVIEW_PNGS=1`) before committing it.

use std::path::PathBuf;

use preview::samples::samples;
use preview::{ArtKind, PreviewSpec, Swatch, Texture, pixel_digest, render};

/// The side every golden sample is drawn at.
const SIZE: u32 = 360;

fn golden_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden.txt")
}

#[test]
fn samples_render_to_their_golden_digests() {
    let actual: Vec<(String, String)> = samples()
        .into_iter()
        .map(|(name, spec)| {
            let image = render(&spec, SIZE).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name.to_owned(), pixel_digest(&image))
        })
        .collect();
    let text: String = actual.iter().map(|(n, d)| format!("{n} {d}\n")).collect();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(golden_path(), &text).expect("write golden.txt");
        return;
    }
    let expected = std::fs::read_to_string(golden_path()).expect("read golden.txt");
    assert_eq!(
        text, expected,
        "digests changed; if intended, run with UPDATE_GOLDEN=1 and review the PNGs"
    );
}

#[test]
fn rendering_twice_gives_identical_bytes() {
    for (name, spec) in samples().into_iter().take(4) {
        let a = render(&spec, 200).expect("renders");
        let b = render(&spec, 200).expect("renders");
        assert!(
            a.as_raw() == b.as_raw(),
            "{name} differs between two renders"
        );
    }
}

#[test]
fn changing_the_colour_changes_the_body_but_not_the_background() {
    let spec = |rgb| PreviewSpec {
        art: ArtKind::Tote,
        body: Swatch::new(rgb, Texture::Leather),
        trim: None,
        monogram: None,
        artwork: None,
    };
    let tan = render(&spec([0xb0, 0x70, 0x40]), 200).expect("renders");
    let blue = render(&spec([0x30, 0x50, 0x90]), 200).expect("renders");
    // The middle of the bag's front.
    assert_ne!(tan.get_pixel(100, 130), blue.get_pixel(100, 130));
    // The corners are backdrop.
    for (x, y) in [(2, 2), (197, 2), (2, 197), (197, 197)] {
        assert_eq!(tan.get_pixel(x, y), blue.get_pixel(x, y));
    }
}

#[test]
fn every_art_kind_has_a_sample() {
    let all = samples();
    for art in ArtKind::ALL {
        assert!(all.iter().any(|(_, s)| s.art == art), "{art} has no sample");
    }
}
