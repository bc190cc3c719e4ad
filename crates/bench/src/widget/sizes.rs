//! Gzip sizes of the first screen and of the lazily loaded preview module.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use flate2::Compression;
use flate2::write::GzEncoder;

const FIRST_SCREEN_BUDGET: usize = 150 * 1024;
const PREVIEW_BUDGET: usize = 350 * 1024;

/// Prints the table of files and the two totals against their budgets.
pub fn report(dist: &Path) -> anyhow::Result<()> {
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index).with_context(|| {
        format!(
            "{} is missing: build the widget (scripts/widget)",
            index.display()
        )
    })?;
    let mut first_screen = vec![index.clone()];
    first_screen.extend(referenced(&html).into_iter().map(|name| dist.join(name)));
    first_screen.sort();
    first_screen.dedup();
    let preview = preview_files(dist, &first_screen)?;

    println!("## Sizes (gzip -9)\n");
    println!("| part | file | bytes | gzip |");
    println!("|---|---|---:|---:|");
    let first_total = rows("first screen", &first_screen)?;
    let preview_total = rows("preview module", &preview)?;
    println!();
    verdict("first screen", first_total, FIRST_SCREEN_BUDGET);
    verdict("preview module", preview_total, PREVIEW_BUDGET);
    println!();
    Ok(())
}

fn verdict(part: &str, total: usize, budget: usize) {
    let within = if total <= budget { "within" } else { "OVER" };
    println!(
        "- {part}: {:.1} KB gzip, {within} the budget of {} KB",
        total as f64 / 1024.0,
        budget / 1024
    );
}

fn rows(part: &str, files: &[PathBuf]) -> anyhow::Result<usize> {
    let mut total = 0;
    for file in files {
        let bytes = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
        let gz = gzip(&bytes)?;
        total += gz;
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        println!("| {part} | {name} | {} | {gz} |", bytes.len());
    }
    Ok(total)
}

fn gzip(bytes: &[u8]) -> anyhow::Result<usize> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len())
}

/// Local files an HTML page references with `href="…"` or `src="…"`, plus the wasm that
/// a referenced `.js` glue file loads (Trunk preloads it, but count it either way).
fn referenced(html: &str) -> Vec<String> {
    let mut names = Vec::new();
    for attribute in ["href=\"", "src=\"", "href='", "src='"] {
        let quote = &attribute[attribute.len() - 1..];
        for (at, _) in html.match_indices(attribute) {
            let rest = &html[at + attribute.len()..];
            let Some(end) = rest.find(quote) else {
                continue;
            };
            let target = rest[..end].trim_start_matches("./").trim_start_matches('/');
            let local = !target.is_empty() && !target.contains("://") && !target.starts_with('#');
            let asset = [".js", ".wasm", ".css"]
                .iter()
                .any(|ext| target.ends_with(ext));
            if local && asset {
                names.push(target.to_owned());
            }
        }
    }
    names
}

/// The worker's files: everything in `dist` named like the preview crate that the first
/// screen does not load.
fn preview_files(dist: &Path, first_screen: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dist)? {
        let path = entry?.path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let code = [".js", ".wasm"].iter().any(|ext| name.ends_with(ext));
        if code && name.contains("preview") && !first_screen.contains(&path) {
            files.push(path);
        }
    }
    files.sort();
    anyhow::ensure!(
        !files.is_empty(),
        "no preview module (*preview*.js/.wasm) in {}",
        dist.display()
    );
    Ok(files)
}
