//! Times the sample previews, cold and warm: `cargo run -p preview --release --example
//! timing`. Prints, per size, each sample's median over runs and the median over samples:
//!
//! - cold: [`preview::render`], a fresh renderer, everything computed;
//! - warm: a [`Renderer`] that drew the sample before redraws it with another body colour
//!   (the option change the widget sees most);
//! - new texture: the drawing is kept, but the body's texture is one the renderer has not
//!   painted at this size yet (its relief is computed for the pixels painted).

use std::hint::black_box;
use std::time::Instant;

use preview::samples::samples;
use preview::{PreviewSpec, Renderer, Texture, render};

const RUNS: usize = 9;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn ms(f: impl FnOnce()) -> f64 {
    let start = Instant::now();
    f();
    start.elapsed().as_secs_f64() * 1e3
}

/// The spec with its body colour moved a little, the texture kept.
fn recoloured(spec: &PreviewSpec, i: usize) -> PreviewSpec {
    let mut s = spec.clone();
    s.body.rgb = s.body.rgb.map(|c| c.wrapping_add(17 * (i as u8 % 5 + 1)));
    s
}

/// The spec with a body texture it does not use.
fn retextured(spec: &PreviewSpec) -> PreviewSpec {
    let mut s = spec.clone();
    s.body.texture = if spec.body.texture == Texture::Flannel {
        Texture::Suede
    } else {
        Texture::Flannel
    };
    s
}

fn main() {
    for size in [1080u32, 512] {
        let (mut cold, mut warm, mut fresh) = (Vec::new(), Vec::new(), Vec::new());
        for (name, spec) in samples() {
            let c = median(
                (0..RUNS)
                    .map(|_| ms(|| drop(black_box(render(&spec, size)))))
                    .collect(),
            );
            let mut r = Renderer::new();
            r.render(&spec, size).expect("renders");
            let w = median(
                (0..RUNS)
                    .map(|i| {
                        let s = recoloured(&spec, i);
                        ms(|| drop(black_box(r.render(&s, size))))
                    })
                    .collect(),
            );
            let t = median(
                (0..RUNS)
                    .map(|_| {
                        let mut r = Renderer::new();
                        r.render(&spec, size).expect("renders");
                        let s = retextured(&spec);
                        ms(|| drop(black_box(r.render(&s, size))))
                    })
                    .collect(),
            );
            eprintln!("{size} {name:22} cold {c:6.2} ms  warm {w:5.2} ms  new texture {t:5.2} ms");
            cold.push(c);
            warm.push(w);
            fresh.push(t);
        }
        eprintln!(
            "{size} median over samples: cold {:.2} ms, warm {:.2} ms, new texture {:.2} ms",
            median(cold),
            median(warm),
            median(fresh)
        );
    }
}
