//! Quoting while the traveller changes things: a quote asked shortly after the last
//! change, and an answer to an older question ignored.

use std::cell::Cell;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::api::{Answer, call, parse, problem, show_problem};
use super::render::render;
use super::state::with_app;
use crate::app::{Action, QuoteState};
use crate::wire::QuoteView;

thread_local! {
    static QUOTE_TIMER: Cell<Option<i32>> = const { Cell::new(None) };
    static QUOTE_SEQ: Cell<u32> = const { Cell::new(0) };
}

/// Asks for a quote shortly (changes in quick succession ask once).
pub(crate) fn schedule_quote() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Some(timer) = QUOTE_TIMER.with(Cell::take) {
        window.clear_timeout_with_handle(timer);
    }
    let callback = Closure::once_into_js(|| {
        QUOTE_TIMER.with(|t| t.set(None));
        wasm_bindgen_futures::spawn_local(run_quote());
    });
    if let Ok(timer) =
        window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 300)
    {
        QUOTE_TIMER.with(|t| t.set(Some(timer)));
    }
}

/// Asks for a quote now; an answer to an older question is ignored.
pub(crate) async fn run_quote() {
    let seq = QUOTE_SEQ.with(|s| {
        s.set(s.get() + 1);
        s.get()
    });
    let request = with_app(|app| {
        if app.placed.is_some() {
            return None;
        }
        let request = app.quote_request();
        app.quote = if request.is_some() {
            QuoteState::Checking
        } else {
            QuoteState::None
        };
        request
    });
    render();
    let Some(request) = request else { return };
    let body = request.to_json().to_text();
    let answer = call("POST", "/api/v1/quotes", Some(body), None, None).await;
    if QUOTE_SEQ.with(Cell::get) != seq {
        return;
    }
    with_app(|app| {
        app.quote = QuoteState::None;
        match answer {
            Answer::Unreachable => app.retry = Some(Action::Quote),
            Answer::Status(200, text) => {
                if let Some(quote) = QuoteView::from_json(&parse(&text)) {
                    app.quote = QuoteState::Ready(quote);
                }
                if app.retry == Some(Action::Quote) {
                    app.retry = None;
                }
            }
            Answer::Status(_, text) => {
                let problem = problem(&text);
                show_problem(app, &problem);
            }
        }
    });
    render();
}
