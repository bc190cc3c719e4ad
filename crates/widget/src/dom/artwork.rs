//! Reading the traveller's artwork for printed goods: refused unread when too large,
//! checked for print resolution, downscaled by the browser, handed to the worker.

use js_sys::{Uint8Array, Uint8ClampedArray};
use wasm_bindgen::JsCast;

use super::glue;
use super::preview::{self, request_preview};
use super::render::render_all;
use super::state::with_app;
use crate::app::ArtworkState;
use crate::artwork::{self, HEADER_BYTES, MAX_FILE_BYTES, MAX_PIXELS};
use crate::i18n::T;

/// Reads the traveller's artwork: refused unread when too large, checked for print
/// resolution, downscaled by the browser, handed to the worker.
pub(crate) async fn read_artwork(file: web_sys::File) {
    let refuse = |message: String| {
        with_app(|app| app.artwork = ArtworkState::Refused(message));
        render_all();
    };
    let size = file.size();
    if size > MAX_FILE_BYTES {
        let mb = ((size / 1_048_576.0).round() as u64).to_string();
        let max = ((MAX_FILE_BYTES / 1_048_576.0) as u64).to_string();
        refuse(with_app(|app| {
            app.f(T::ArtworkTooBig, &[("size", &mb), ("max", &max)])
        }));
        return;
    }
    with_app(|app| app.artwork = ArtworkState::Reading);
    render_all();
    let too_many = |(w, h): (u32, u32)| {
        with_app(|app| {
            app.f(
                T::ArtworkTooManyPixels,
                &[
                    ("width", &w.to_string()),
                    ("height", &h.to_string()),
                    ("max", "16.7"),
                ],
            )
        })
    };
    if let Ok(head) = glue::head_bytes(&file, HEADER_BYTES).await {
        let head = Uint8Array::new(&head).to_vec();
        if let Some((w, h)) = artwork::image_size(&head)
            && u64::from(w) * u64::from(h) > MAX_PIXELS
        {
            refuse(too_many((w, h)));
            return;
        }
    }
    let Ok(bitmap) = glue::decode_image(&file).await else {
        refuse(with_app(|app| app.t(T::ArtworkUnreadable).to_owned()));
        return;
    };
    let dimension = |key: &str| {
        js_sys::Reflect::get(&bitmap, &key.into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0) as u32
    };
    let (width, height) = (dimension("width"), dimension("height"));
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        refuse(too_many((width, height)));
        return;
    }
    let Some((area, area_name)) =
        with_app(|app| artwork::print_area(&app.product()?.code, &app.draft.options))
    else {
        return;
    };
    let Ok(check) = fitting::check_print((width, height), area) else {
        refuse(with_app(|app| app.t(T::ArtworkUnreadable).to_owned()));
        return;
    };
    let name = file.name();
    let message = with_app(|app| {
        let key = match check.quality {
            fitting::PrintQuality::Good => T::ArtworkGood,
            fitting::PrintQuality::Warn => T::ArtworkWarn,
            fitting::PrintQuality::TooLow => T::ArtworkTooLow,
        };
        let mut message = app.f(
            key,
            &[
                ("width", &width.to_string()),
                ("height", &height.to_string()),
                ("dpi", &check.dpi.to_string()),
                ("print", area_name),
            ],
        );
        if check.ok && !check.fits {
            message.push(' ');
            message.push_str(app.t(T::ArtworkCrop));
        }
        format!("{name}: {message}")
    });
    let soft = check.quality == fitting::PrintQuality::Warn;
    if !check.ok {
        with_app(|app| {
            app.artwork = ArtworkState::Checked {
                message,
                usable: false,
                soft,
            }
        });
        render_all();
        return;
    }
    let (w, h) = artwork::downscaled(width, height);
    let Ok(pixels) = glue::downscale(&bitmap, w, h).await else {
        refuse(with_app(|app| app.t(T::ArtworkUnreadable).to_owned()));
        return;
    };
    let pixels: Uint8ClampedArray = pixels.unchecked_into();
    preview::set_artwork(w, h, &pixels);
    with_app(|app| {
        app.artwork = ArtworkState::Checked {
            message,
            usable: true,
            soft,
        }
    });
    render_all();
    request_preview();
}
