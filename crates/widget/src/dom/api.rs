//! Calling the API: a request and its answer (or none: offline), the body read as JSON,
//! and a problem's message put next to the field it points at.

use js_sys::Array;
use wasm_bindgen::JsCast;

use super::glue;
use super::state::with_app;
use crate::app::App;
use crate::app::fields::field_for_pointer;
use crate::i18n::T;
use crate::json::Json;
use crate::wire::Problem;

/// What came back from the API.
pub(super) enum Answer {
    /// No answer at all: offline, DNS, refused, aborted.
    Unreachable,
    /// A status and its body.
    Status(u16, String),
}

/// Calls the API in the page's language, with an idempotency key or an order token.
pub(super) async fn call(
    method: &str,
    path: &str,
    body: Option<String>,
    key: Option<String>,
    token: Option<String>,
) -> Answer {
    let lang = with_app(|app| app.lang.code());
    match glue::request(method, path, body, lang, key, token).await {
        Ok(pair) => {
            let pair: Array = pair.unchecked_into();
            let status = pair.get(0).as_f64().unwrap_or(0.0) as u16;
            let text = pair.get(1).as_string().unwrap_or_default();
            Answer::Status(status, text)
        }
        Err(_) => Answer::Unreachable,
    }
}

/// The body as JSON (`null` when it is not JSON).
pub(super) fn parse(text: &str) -> Json {
    Json::parse(text).unwrap_or_default()
}

/// The body as a problem document.
pub(super) fn problem(text: &str) -> Problem {
    Problem::from_json(&parse(text))
}

/// Puts a problem's message next to the field its pointer names, else on the page.
pub(super) fn show_problem(app: &mut App, problem: &Problem) {
    let message = app.f(T::ServerSays, &[("detail", &problem.detail)]);
    let field = problem
        .field
        .as_deref()
        .and_then(|pointer| field_for_pointer(pointer, &app.draft.sizing));
    match field {
        Some(id) => {
            app.field_errors.insert(id, message);
        }
        None => {
            app.field_errors.insert("place-order".into(), message);
        }
    }
}
