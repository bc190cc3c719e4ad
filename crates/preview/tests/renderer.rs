//! A [`Renderer`] keeps drawings, texture reliefs and scaled artwork between previews;
//! whatever it drew before, it must give the same bytes as [`render`], and so the golden
//! digests.

use std::collections::BTreeMap;

use preview::samples::{artwork, samples};
use preview::{PreviewSpec, Renderer, Swatch, Texture, pixel_digest, render};

/// Each sample, then the same product after one option change, cycling through the kinds
/// of change the widget sends: colour, material (texture), trim, monogram, artwork.
fn specs() -> Vec<(String, PreviewSpec)> {
    let mut out = Vec::new();
    for (i, (name, spec)) in samples().into_iter().enumerate() {
        let mut changed = spec.clone();
        let what = match i % 5 {
            0 => {
                changed.body.rgb = changed.body.rgb.map(|c| c.wrapping_add(90));
                "colour"
            }
            1 => {
                changed.body.texture = Texture::ALL[(i * 7) % Texture::ALL.len()];
                "material"
            }
            2 => {
                changed.trim = match changed.trim {
                    Some(_) => None,
                    None => Some(Swatch::new([0xd0, 0x30, 0x40], Texture::Metal)),
                };
                "trim"
            }
            3 => {
                changed.monogram = match changed.monogram {
                    Some(_) => None,
                    None => Some("김J".to_owned()),
                };
                "monogram"
            }
            _ => {
                changed.artwork = match changed.artwork {
                    Some(_) => None,
                    None => Some(artwork()),
                };
                "artwork"
            }
        };
        out.push((name.to_owned(), spec));
        out.push((format!("{name} ({what} changed)"), changed));
    }
    out
}

fn golden() -> BTreeMap<String, String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden.txt");
    let text = std::fs::read_to_string(path).expect("read golden.txt");
    text.lines()
        .filter_map(|line| line.split_once(' '))
        .map(|(name, digest)| (name.to_owned(), digest.to_owned()))
        .collect()
}

#[test]
fn a_renderer_draws_every_sample_to_its_golden_digest() {
    let golden = golden();
    let mut renderer = Renderer::new();
    for (name, spec) in samples() {
        let image = renderer.render(&spec, 360).expect("renders");
        assert_eq!(Some(&pixel_digest(&image)), golden.get(name), "{name}");
    }
}

#[test]
fn a_reused_renderer_gives_the_bytes_of_render_in_any_order() {
    let specs = specs();
    let sizes = [200, 97];
    let expected: Vec<[String; 2]> = specs
        .iter()
        .map(|(_, spec)| sizes.map(|size| pixel_digest(&render(spec, size).expect("renders"))))
        .collect();
    let mut renderer = Renderer::new();
    // Forward, alternating sizes, then backward: drawings are evicted and drawn again,
    // reliefs and artwork are reused across products.
    let forward = (0..specs.len()).map(|i| (i, i % 2));
    let backward = (0..specs.len()).rev().map(|i| (i, (i + 1) % 2));
    for (i, s) in forward.chain(backward) {
        let (name, spec) = &specs[i];
        let image = renderer.render(spec, sizes[s]).expect("renders");
        assert_eq!(
            pixel_digest(&image),
            expected[i][s],
            "{name} at {} px, after {renderer:?}",
            sizes[s]
        );
    }
}

#[test]
fn a_renderer_refuses_what_render_refuses() {
    let mut renderer = Renderer::new();
    let mut spec = samples().remove(0).1;
    assert_eq!(
        renderer.render(&spec, 63).map(|_| ()),
        render(&spec, 63).map(|_| ())
    );
    spec.monogram = Some("中".to_owned());
    assert_eq!(
        renderer.render(&spec, 128).map(|_| ()),
        render(&spec, 128).map(|_| ())
    );
    assert!(renderer.render(&spec, 128).is_err());
}
