//! The preview, drawn by the worker (`crates/widget-preview`) and put on the canvas here:
//! a job made from the state's configuration, sent to the worker, its picture shown.
//!
//! The worker is started the first time a product with a look needs a picture, so the
//! first screen never downloads the renderer. The worker turns the pixels into an
//! `ImageBitmap` and transfers it, so this thread neither copies nor decodes them. At
//! most one render is in flight; changes
//! meanwhile replace the one waiting (latest request wins), and a picture that arrives
//! while a newer request waits is dropped, never drawn.

use std::cell::RefCell;

use js_sys::{Array, Object, Reflect, Uint8ClampedArray};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlCanvasElement, MessageEvent, Worker};

use super::browser::{document, element, now};
use super::glue;
use super::state::with_app;
use crate::i18n::T;
use crate::json::Json;

/// The worker's script, as Trunk names it (`data-loader-shim`), next to `index.html`.
const WORKER_SCRIPT: &str = "widget-preview_loader.js";

/// The largest preview side in device pixels.
const MAX_SIDE: f64 = 1080.0;

/// One picture to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    /// The product's look, JSON.
    pub look: String,
    /// The configuration `{group: value}`, JSON.
    pub configuration: String,
    /// The side in device pixels.
    pub size: u32,
    /// When the traveller changed the option (`performance.now()`).
    pub started: f64,
}

struct Client {
    worker: Worker,
    ready: bool,
    in_flight: Option<(u32, f64)>,
    pending: Option<Job>,
    next_id: u32,
    /// Pixels of the artwork waiting for the worker to start.
    artwork: Option<JsValue>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
}

thread_local! {
    static SIZE: std::cell::Cell<Option<u32>> = const { std::cell::Cell::new(None) };
}

/// The canvas side to render at: its CSS size in device pixels, capped at 1080. Measured
/// once (reading a layout size can force a layout, in the middle of an option change)
/// and again after [`forget_size`] (the window was resized or a product chosen).
pub fn canvas_size() -> u32 {
    if let Some(size) = SIZE.with(std::cell::Cell::get) {
        return size;
    }
    let size = measure_canvas();
    // A hidden canvas has no size yet: measure again next time.
    if element("preview-canvas").is_some_and(|c| c.client_width() > 0) {
        SIZE.with(|s| s.set(Some(size)));
    }
    size
}

/// Measures the canvas again next time.
pub fn forget_size() {
    SIZE.with(|s| s.set(None));
}

fn measure_canvas() -> u32 {
    let window = web_sys::window();
    let ratio = window
        .as_ref()
        .map_or(1.0, web_sys::Window::device_pixel_ratio);
    let css = element("preview-canvas")
        .map(|c| f64::from(c.client_width()))
        .filter(|w| *w > 0.0)
        .unwrap_or(320.0);
    (css * ratio).round().clamp(64.0, MAX_SIDE) as u32
}

/// Asks the worker for a picture of the current configuration (if the product has a
/// look and the configuration is valid).
pub(crate) fn request_preview() {
    request_preview_since(now());
}

/// Like [`request_preview`], timing `gongbang:preview` from `started` (the moment of the
/// traveller's change, an event's `timeStamp`).
pub(crate) fn request_preview_since(started: f64) {
    let job = with_app(|app| {
        if app.choosing || app.placed.is_some() {
            return None;
        }
        let look = app.product()?.look.as_ref()?.to_text();
        let configuration = app.configuration()?.ok()?.as_map();
        let configuration = Json::Object(
            configuration
                .into_iter()
                .map(|(k, v)| (k, Json::String(v)))
                .collect(),
        );
        Some(Job {
            look,
            configuration: configuration.to_text(),
            size: 0,
            started,
        })
    });
    if let Some(mut job) = job {
        job.size = canvas_size();
        request(job);
    }
}

/// Asks for a picture; starts the worker on first use.
pub fn request(job: Job) {
    CLIENT.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            match start() {
                Ok(client) => *cell = Some(client),
                Err(error) => {
                    web_sys::console::warn_2(&"gongbang: no preview worker".into(), &error);
                    status(Some(&error_text(&error)));
                    return;
                }
            }
        }
        let Some(client) = cell.as_mut() else { return };
        if client.ready && client.in_flight.is_none() {
            send(client, job);
        } else {
            client.pending = Some(job);
        }
    });
}

/// Hands the artwork's pixels to the worker (transferred, not copied).
pub fn set_artwork(width: u32, height: u32, pixels: &Uint8ClampedArray) {
    let message = Object::new();
    let _ = Reflect::set(&message, &"kind".into(), &"artwork".into());
    let _ = Reflect::set(&message, &"width".into(), &width.into());
    let _ = Reflect::set(&message, &"height".into(), &height.into());
    let _ = Reflect::set(&message, &"rgba".into(), &pixels.buffer());
    CLIENT.with(|cell| match cell.borrow_mut().as_mut() {
        Some(client) if client.ready => {
            let transfer = Array::of1(&pixels.buffer());
            let _ = client
                .worker
                .post_message_with_transfer(&message, &transfer);
        }
        Some(client) => client.artwork = Some(message.into()),
        None => {}
    });
}

/// Forgets the artwork in the worker.
pub fn clear_artwork() {
    let message = Object::new();
    let _ = Reflect::set(&message, &"kind".into(), &"artwork".into());
    CLIENT.with(|cell| {
        if let Some(client) = cell.borrow_mut().as_mut() {
            client.artwork = None;
            let _ = client.worker.post_message(&message);
        }
    });
}

fn start() -> Result<Client, JsValue> {
    let base = document()
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    let url = web_sys::Url::new_with_base(WORKER_SCRIPT, &base)?.href();
    let worker = Worker::new(&url)?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(on_message);
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|_| {
        status(Some(&error_text(&"worker".into())));
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    Ok(Client {
        worker,
        ready: false,
        in_flight: None,
        pending: None,
        next_id: 1,
        artwork: None,
        _on_message: on_message,
    })
}

fn send(client: &mut Client, job: Job) {
    let id = client.next_id;
    client.next_id += 1;
    let message = Object::new();
    let _ = Reflect::set(&message, &"kind".into(), &"render".into());
    let _ = Reflect::set(&message, &"id".into(), &id.into());
    let _ = Reflect::set(&message, &"look".into(), &job.look.into());
    let _ = Reflect::set(&message, &"configuration".into(), &job.configuration.into());
    let _ = Reflect::set(&message, &"size".into(), &job.size.into());
    if client.worker.post_message(&message).is_ok() {
        client.in_flight = Some((id, job.started));
        busy(true);
    }
}

fn on_message(event: MessageEvent) {
    let data = event.data();
    let get = |key: &str| Reflect::get(&data, &key.into()).unwrap_or(JsValue::UNDEFINED);
    let kind = get("kind").as_string().unwrap_or_default();
    CLIENT.with(|cell| {
        let mut cell = cell.borrow_mut();
        let Some(client) = cell.as_mut() else { return };
        match kind.as_str() {
            "ready" => {
                client.ready = true;
                if let Some(artwork) = client.artwork.take() {
                    let buffer =
                        Reflect::get(&artwork, &"rgba".into()).unwrap_or(JsValue::UNDEFINED);
                    let _ = client
                        .worker
                        .post_message_with_transfer(&artwork, &Array::of1(&buffer));
                }
            }
            "frame" | "error" => {
                let finished = client.in_flight.take();
                let stale = client.pending.is_some();
                if !stale {
                    busy(false);
                    if kind == "frame" {
                        let canvas = element("preview-canvas")
                            .and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok());
                        if let Some(canvas) = canvas {
                            glue::show_bitmap(&canvas, &get("bitmap"));
                            let _ = canvas.set_attribute(
                                "data-drawn",
                                &(get("id").as_f64().unwrap_or(0.0) as u32).to_string(),
                            );
                            let end = now();
                            if let Some((_, started)) = finished {
                                glue::measure("gongbang:preview", started, end);
                            }
                            // The worker's own share (rendering and copying the pixels out).
                            if let Some(render) = get("render_ms").as_f64() {
                                glue::measure("gongbang:preview-render", end - render, end);
                            }
                        }
                        status(None);
                    } else {
                        status(Some(&error_text(&get("message"))));
                    }
                }
            }
            _ => {}
        }
        if client.ready
            && client.in_flight.is_none()
            && let Some(job) = client.pending.take()
        {
            send(client, job);
        }
    });
}

fn busy(on: bool) {
    if let Some(figure) = element("preview") {
        let _ = figure.class_list().toggle_with_force("busy", on);
        let _ = figure.set_attribute("aria-busy", if on { "true" } else { "false" });
    }
}

fn error_text(error: &JsValue) -> String {
    let detail = error.as_string().unwrap_or_else(|| "?".into());
    with_app(|app| app.f(T::PreviewFailed, &[("detail", &detail)]))
}

fn status(message: Option<&str>) {
    if let Some(caption) = element("preview-status") {
        caption.set_text_content(message);
    }
}
