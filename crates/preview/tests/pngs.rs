//! Pictures for review: with `PREVIEW_PNGS=1`, writes every sample at 720 px (or
//! `PREVIEW_SIZE`) and a contact sheet of them all to `target/previews/<name>.png` in the workspace. Without it, does nothing.

use std::path::PathBuf;

use preview::render;
use preview::samples::samples;

#[test]
fn write_sample_pngs_for_review() {
    if std::env::var_os("PREVIEW_PNGS").is_none() {
        return;
    }
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/previews");
    std::fs::create_dir_all(&dir).expect("create target/previews");
    let size = std::env::var("PREVIEW_SIZE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(720);
    let all = samples();
    let cols = 4u32;
    let rows = (all.len() as u32).div_ceil(cols);
    let mut sheet = image::RgbaImage::new(cols * size, rows * size);
    for (i, (name, spec)) in all.into_iter().enumerate() {
        let image = render(&spec, size).expect("renders");
        image
            .save(dir.join(format!("{name}.png")))
            .expect("write png");
        let (x, y) = ((i as u32 % cols) * size, (i as u32 / cols) * size);
        image::imageops::replace(&mut sheet, &image, x.into(), y.into());
    }
    sheet
        .save(dir.join("contact-sheet.png"))
        .expect("write png");
}
