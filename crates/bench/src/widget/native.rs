//! Native timings of the pure engines the widget and the server share.

use std::time::{Duration, Instant};

use fitting::charts::{ProductFit, for_product};
use fitting::{Fit, Length, Measurement, Point, Source};

/// Prints recommendation and preview rendering times.
pub fn report() {
    println!("## Native (this machine, release build)\n");
    println!("| what | runs | median | p95 | budget |");
    println!("|---|---:|---:|---:|---|");
    for product in [
        "made-to-measure-shirt",
        "suit-jacket",
        "made-to-measure-trousers",
    ] {
        if let Some(ProductFit::Garment { chart, .. }) = for_product(product) {
            let body = body_for(chart);
            let times = repeat(2_000, || {
                let found = fitting::recommend(
                    std::hint::black_box(chart),
                    std::hint::black_box(&body),
                    Fit::Regular,
                );
                std::hint::black_box(found.is_ok());
            });
            row(
                &format!("recommend {product} ({} sizes)", chart.sizes.len()),
                &times,
                "< 1 ms",
            );
        }
    }
    let foot = Measurement::new(Point::FootLength, Length::from_cm(26.1), Source::Tape);
    if let Ok(foot) = foot {
        let times = repeat(2_000, || {
            std::hint::black_box(fitting::recommend_shoe(std::hint::black_box(foot), None).is_ok());
        });
        row("recommend shoes (foot length)", &times, "< 1 ms");
    }
    for (size, budget) in [
        (1080, "(browser: 100 ms p75 at 4x)"),
        (512, "<= 30 ms (ticket)"),
    ] {
        for (name, spec) in preview::samples::samples() {
            let times = repeat(15, || {
                std::hint::black_box(preview::render(std::hint::black_box(&spec), size).is_ok());
            });
            row(&format!("preview {name} {size} px"), &times, budget);
        }
    }
    // What the widget's worker does on an option change: one Renderer kept across
    // pictures repaints a drawing it already holds.
    for size in [1080, 512] {
        let mut renderer = preview::Renderer::new();
        let mut times = Vec::new();
        for (_, spec) in preview::samples::samples() {
            let _ = renderer.render(&spec, size);
            times.extend(repeat(9, || {
                let drawn = renderer.render(std::hint::black_box(&spec), size);
                std::hint::black_box(drawn.is_ok());
            }));
        }
        times.sort();
        row(
            &format!("preview repaint, every sample, kept Renderer, {size} px"),
            &times,
            "worker path",
        );
    }
    println!();
}

/// A typical adult body at every point the chart uses, measured with a tape.
fn body_for(chart: &fitting::SizeChart) -> Vec<Measurement> {
    let typical = |point: Point| match point {
        Point::Chest => 98.0,
        Point::Waist => 84.0,
        Point::Hip => 99.0,
        Point::Neck => 39.5,
        Point::Shoulder => 45.0,
        Point::Sleeve => 63.0,
        Point::Inseam => 80.0,
        Point::Height => 176.0,
        Point::FootLength => 26.0,
        Point::FootGirth => 25.0,
    };
    chart
        .points
        .iter()
        .filter_map(|rule| {
            Measurement::new(
                rule.point,
                Length::from_cm(typical(rule.point)),
                Source::Tape,
            )
            .ok()
        })
        .collect()
}

fn repeat(runs: usize, mut work: impl FnMut()) -> Vec<Duration> {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .collect();
    times.sort();
    times
}

fn row(what: &str, sorted: &[Duration], budget: &str) {
    let pick = |q: f64| sorted[((sorted.len() - 1) as f64 * q).round() as usize];
    println!(
        "| {what} | {} | {} | {} | {budget} |",
        sorted.len(),
        show(pick(0.5)),
        show(pick(0.95))
    );
}

fn show(time: Duration) -> String {
    if time < Duration::from_millis(1) {
        format!("{:.1} µs", time.as_secs_f64() * 1e6)
    } else {
        format!("{:.2} ms", time.as_secs_f64() * 1e3)
    }
}
