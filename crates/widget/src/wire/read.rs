//! Readers the documents share. A member the server always sends is required: missing,
//! renamed or of another type, it fails the read of its document (`None`), so a change of
//! the API's shape is an error, never a silent default.

use crate::json::Json;

/// Every item of an array, each read by `read`; `None` when it is not an array or one
/// of its items does not read.
pub(super) fn list<T>(json: &Json, read: impl Fn(&Json) -> Option<T>) -> Option<Vec<T>> {
    let Json::Array(items) = json else {
        return None;
    };
    items.iter().map(read).collect()
}

/// A whole number that fits `T`.
pub(super) fn int<T: TryFrom<i64>>(json: &Json) -> Option<T> {
    json.i64().and_then(|n| T::try_from(n).ok())
}

/// A string.
pub(super) fn text(json: &Json) -> Option<String> {
    json.str().map(str::to_owned)
}
