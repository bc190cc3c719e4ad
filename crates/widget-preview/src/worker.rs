//! The message glue of the worker (wasm only).

use std::cell::RefCell;

use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::{Clamped, JsCast};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    ColorSpaceConversion, DedicatedWorkerGlobalScope, ImageBitmapOptions, ImageData, MessageEvent,
    PremultiplyAlpha,
};

use preview::Artwork;

thread_local! {
    static ARTWORK: RefCell<Option<Artwork>> = const { RefCell::new(None) };
    static RENDERER: RefCell<preview::Renderer> = RefCell::new(preview::Renderer::new());
}

/// Starts listening when loaded in a worker (and does nothing on a page, e.g. in tests).
#[wasm_bindgen(start)]
pub fn start() {
    let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else {
        return;
    };
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(on_message);
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page; so does its handler.
    on_message.forget();
    let _ = scope.post_message(&message(&[("kind", "ready".into())]));
}

/// The picture as an `ImageBitmap` with its bytes as they are (no premultiplication, no
/// colour conversion), so the canvas shows exactly the renderer's pixels.
fn bitmap_of(
    scope: &DedicatedWorkerGlobalScope,
    image: &preview::RgbaImage,
) -> Result<Promise, JsValue> {
    let data = ImageData::new_with_u8_clamped_array_and_sh(
        Clamped(image.as_raw()),
        image.width(),
        image.height(),
    )?;
    let options = ImageBitmapOptions::new();
    options.set_premultiply_alpha(PremultiplyAlpha::None);
    options.set_color_space_conversion(ColorSpaceConversion::None);
    scope.create_image_bitmap_with_image_data_and_image_bitmap_options(&data, &options)
}

fn error_message(id: JsValue, error: &JsValue) -> Object {
    let text = error
        .as_string()
        .or_else(|| {
            error
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "error".into());
    message(&[
        ("kind", "error".into()),
        ("id", id),
        ("message", text.into()),
    ])
}

fn now(scope: &DedicatedWorkerGlobalScope) -> f64 {
    scope.performance().map_or(0.0, |p| p.now())
}

fn message(members: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (key, value) in members {
        let _ = Reflect::set(&object, &(*key).into(), value);
    }
    object
}

fn on_message(event: MessageEvent) {
    let data = event.data();
    let get = |key: &str| Reflect::get(&data, &key.into()).unwrap_or(JsValue::UNDEFINED);
    let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else {
        return;
    };
    match get("kind").as_string().as_deref() {
        Some("artwork") => {
            let rgba = get("rgba");
            let artwork = (!rgba.is_undefined()).then(|| Artwork {
                width: get("width").as_f64().unwrap_or(0.0) as u32,
                height: get("height").as_f64().unwrap_or(0.0) as u32,
                rgba: Uint8Array::new(&rgba).to_vec(),
            });
            ARTWORK.with(|a| *a.borrow_mut() = artwork);
        }
        Some("render") => {
            let id = get("id");
            let look = get("look").as_string().unwrap_or_default();
            let configuration = get("configuration").as_string().unwrap_or_default();
            let size = get("size").as_f64().unwrap_or(0.0) as u32;
            let started = now(&scope);
            let rendered = ARTWORK.with(|a| {
                RENDERER.with(|r| {
                    let renderer = &mut r.borrow_mut();
                    crate::render_job(renderer, &look, &configuration, a.borrow().as_ref(), size)
                })
            });
            match rendered {
                // The pixels become an ImageBitmap here, off the main thread, and are
                // transferred: the page only hands the bitmap to its canvas.
                Ok(image) => match bitmap_of(&scope, &image) {
                    Ok(promise) => wasm_bindgen_futures::spawn_local(async move {
                        let reply = match JsFuture::from(promise).await {
                            Ok(bitmap) => {
                                let reply = message(&[
                                    ("kind", "frame".into()),
                                    ("id", id),
                                    ("width", image.width().into()),
                                    ("height", image.height().into()),
                                    ("bitmap", bitmap.clone()),
                                    ("render_ms", (now(&scope) - started).into()),
                                ]);
                                let _ =
                                    scope.post_message_with_transfer(&reply, &Array::of1(&bitmap));
                                return;
                            }
                            Err(error) => error_message(id, &error),
                        };
                        let _ = scope.post_message(&reply);
                    }),
                    Err(error) => {
                        let _ = scope.post_message(&error_message(id, &error));
                    }
                },
                Err(error) => {
                    let _ = scope.post_message(&error_message(id, &error.into()));
                }
            }
        }
        _ => {}
    }
}
