//! The message glue of the worker (wasm only).

use std::cell::RefCell;

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use preview::Artwork;

thread_local! {
    static ARTWORK: RefCell<Option<Artwork>> = const { RefCell::new(None) };
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
            let rendered = ARTWORK
                .with(|a| crate::render_job(&look, &configuration, a.borrow().as_ref(), size));
            match rendered {
                Ok(image) => {
                    let (width, height) = (image.width(), image.height());
                    let pixels = Uint8Array::from(image.as_raw().as_slice());
                    let buffer = pixels.buffer();
                    let reply = message(&[
                        ("kind", "frame".into()),
                        ("id", id),
                        ("width", width.into()),
                        ("height", height.into()),
                        ("rgba", buffer.clone().into()),
                    ]);
                    let _ = scope.post_message_with_transfer(&reply, &Array::of1(&buffer));
                }
                Err(error) => {
                    let reply = message(&[
                        ("kind", "error".into()),
                        ("id", id),
                        ("message", error.into()),
                    ]);
                    let _ = scope.post_message(&reply);
                }
            }
        }
        _ => {}
    }
}
