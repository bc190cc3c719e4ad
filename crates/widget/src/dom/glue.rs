//! The browser calls of `glue.js`, as Rust functions.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/dom/glue.js")]
extern "C" {
    /// `fetch`; resolves `[status, text]`, rejects when the server cannot be reached.
    #[wasm_bindgen(catch)]
    pub async fn request(
        method: &str,
        path: &str,
        body: Option<String>,
        lang: &str,
        key: Option<String>,
        token: Option<String>,
    ) -> Result<JsValue, JsValue>;

    /// An image behind the order's token, as an object URL, or `null`.
    #[wasm_bindgen(js_name = imageUrl)]
    pub async fn image_url(path: &str, token: &str) -> JsValue;

    /// A random UUID v4 (the draft's idempotency key).
    #[wasm_bindgen(js_name = randomId)]
    pub fn random_id() -> String;

    /// `performance.measure(name, {start, end})`.
    pub fn measure(name: &str, start: f64, end: f64);

    /// `postMessage({type: 'gongbang:order-placed', orderId, status})` to an embedding page.
    #[wasm_bindgen(js_name = notifyParent)]
    pub fn notify_parent(order_id: &str, status: &str);

    /// Shows an `ImageBitmap` on a canvas (a `bitmaprenderer` context), sized to it.
    #[wasm_bindgen(js_name = showBitmap)]
    pub fn show_bitmap(canvas: &web_sys::HtmlCanvasElement, bitmap: &JsValue);

    /// The first `count` bytes of a file.
    #[wasm_bindgen(js_name = headBytes, catch)]
    pub async fn head_bytes(file: &web_sys::File, count: i32) -> Result<JsValue, JsValue>;

    /// `createImageBitmap(file)`.
    #[wasm_bindgen(js_name = decodeImage, catch)]
    pub async fn decode_image(file: &web_sys::File) -> Result<JsValue, JsValue>;

    /// Downscales a bitmap (closing it) and returns its RGBA pixels.
    #[wasm_bindgen(catch)]
    pub async fn downscale(bitmap: &JsValue, width: u32, height: u32) -> Result<JsValue, JsValue>;

    /// Loads a script (Stripe.js); resolves whether it loaded within the time.
    #[wasm_bindgen(js_name = loadScript)]
    pub async fn load_script(src: &str, timeout_ms: u32) -> JsValue;

    /// Mounts Stripe's Payment Element for the PaymentIntent's client secret.
    #[wasm_bindgen(js_name = stripeMount, catch)]
    pub fn stripe_mount(
        publishable_key: &str,
        client_secret: &str,
        locale: &str,
        selector: &str,
    ) -> Result<(), JsValue>;

    /// Confirms the payment; resolves `null` when paid, else the message to show.
    #[wasm_bindgen(js_name = stripeConfirm, catch)]
    pub async fn stripe_confirm(return_url: &str) -> Result<JsValue, JsValue>;
}
