//! The page's state: one [`App`] per page in a thread-local cell, borrowed for a call and
//! never across an `await`, and its draft saved after every change.

use std::cell::RefCell;

use super::browser::storage_set;
use crate::app::App;
use crate::draft::DRAFT_KEY;

thread_local! {
    // Leaked once, so that `with_app` is one non-generic lookup instead of a
    // `LocalKey::with` per call site (each of those is wasm on the first screen).
    static APP: &'static RefCell<App> = Box::leak(Box::new(RefCell::new(App::default())));
}

/// Runs `f` on the state (never across an `await`).
pub(crate) fn with_app<R>(f: impl FnOnce(&mut App) -> R) -> R {
    f(&mut app_cell().borrow_mut())
}

/// The cell itself (to replace the state when mounting).
pub(super) fn app_cell() -> &'static RefCell<App> {
    APP.with(|app| *app)
}

/// A copy of the state, for tests.
pub fn snapshot() -> App {
    with_app(|app| app.clone())
}

/// Saves the draft (after every change).
pub(crate) fn save() {
    let json = with_app(|app| app.draft.to_json());
    storage_set(DRAFT_KEY, &json);
}
