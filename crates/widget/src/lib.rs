//! Gongbang's traveller widget: choose a product, size it, configure it with a live
//! preview, enter the trip and see at once whether it can be ready, pay, and see the
//! pickup code, on a phone, in English, Korean, Japanese or Chinese.
//!
//! Plain web-sys DOM code without a UI framework (the first screen must stay small).
//! The rules are the server's own crates: `fitting` recommends the size and
//! `domain::catalogue` prices and checks a configuration, so the page shows exactly
//! what the API will compute. Rendering the preview runs in a Web Worker
//! (`crates/widget-preview`), loaded only when a product with a look is chosen.
//!
//! Layout:
//! - [`i18n`]: the widget's texts: the keys, one table per language, filling placeholders.
//! - [`json`]: a small JSON reader and writer (no serde: the first screen is small).
//! - [`wire`]: the API's JSON as read and written here, one file per kind of document.
//! - [`draft`]: the traveller's draft in `localStorage`, with its idempotency key.
//! - [`sizing`]: the sizing step over `fitting`.
//! - [`format`]: money, lengths, Seoul times.
//! - [`artwork`]: image headers, print areas, downscale sizes.
//! - [`app`]: the page's state and decisions (pure, tested natively); `app::fields` names
//!   the fields and words their problems, `app::requests` builds the quote and the order.
//! - [`html`]: escaping text for HTML; a field's message and its `aria-invalid`.
//! - [`view`]: the page as HTML from the state (pure), one file per step of the page.
//! - [`qr`]: the pickup code as an inline SVG QR code.
//! - `dom` (wasm only): mounting, rendering, events, the API flows (catalogue, quote,
//!   order, payment, status), the preview worker, artwork, Stripe.js.

pub mod app;
pub mod artwork;
pub mod draft;
pub mod format;
pub mod html;
pub mod i18n;
pub mod json;
pub mod qr;
pub mod sizing;
pub mod view;
pub mod wire;

#[cfg(target_arch = "wasm32")]
pub mod dom;

#[cfg(test)]
mod tests_support;
