//! Readers the documents share: a list of what reads, a number that fits (else 0).

use crate::json::Json;

/// The items of an array that `read` accepts (others are left out).
pub(super) fn list<T>(json: &Json, read: impl Fn(&Json) -> Option<T>) -> Vec<T> {
    json.items().iter().filter_map(read).collect()
}

/// A whole number that fits `T`, else `T`'s default.
pub(super) fn int<T: TryFrom<i64> + Default>(json: &Json) -> T {
    json.i64()
        .and_then(|n| T::try_from(n).ok())
        .unwrap_or_default()
}
