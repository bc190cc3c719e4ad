//! Readers the documents share. A member the server always sends is required: missing
//! or renamed, it fails the read of its document (`None`), so a change of the API's
//! shape is an error, never a silent default.

use crate::json::Json;

/// Whether every one of `members` is there (present and not `null`). Checked before a
/// document is built, so that building it never stops half-way.
pub(super) fn has(json: &Json, members: &[&str]) -> bool {
    members.iter().all(|member| !json.get(member).is_null())
}

/// Every item of an array, each read by `read`; `None` when it is not an array or one
/// of its items does not read.
pub(super) fn list<T>(json: &Json, read: impl Fn(&Json) -> Option<T>) -> Option<Vec<T>> {
    let Json::Array(items) = json else {
        return None;
    };
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        out.push(read(item)?);
    }
    Some(out)
}

/// A whole number that fits `T`, else `T`'s default.
pub(super) fn int<T: TryFrom<i64> + Default>(json: &Json) -> T {
    json.i64()
        .and_then(|n| T::try_from(n).ok())
        .unwrap_or_default()
}

/// A string, if it is one.
pub(super) fn text(json: &Json) -> Option<String> {
    json.str().map(str::to_owned)
}
