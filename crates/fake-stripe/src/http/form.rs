//! Stripe's request encoding: `application/x-www-form-urlencoded` with bracketed keys
//! (`metadata[order_id]=A1`, `expand[0]=customer`, `payment_method_types[]=card`), read into
//! a JSON tree whose leaves are strings.

use serde_json::{Map, Value};

use crate::error::Error;

/// Parses a form-encoded body or query string into a JSON object. Lists (`a[0]`, `a[]`)
/// become arrays; every leaf stays a string, as Stripe receives it.
pub(super) fn parse(input: &[u8]) -> Result<Value, Error> {
    let mut root = Map::new();
    for (key, value) in form_urlencoded::parse(input) {
        let path = split_key(&key)?;
        insert(&mut root, &path, value.into_owned())?;
    }
    Ok(listify(Value::Object(root)))
}

/// `a[b][c]` → `["a", "b", "c"]`; `a[]` → `["a", ""]`.
fn split_key(key: &str) -> Result<Vec<String>, Error> {
    let invalid = || Error::InvalidParameterName {
        key: key.to_owned(),
    };
    let (head, mut rest) = match key.find('[') {
        Some(at) => (&key[..at], &key[at..]),
        None => (key, ""),
    };
    if head.is_empty() {
        return Err(invalid());
    }
    let mut path = vec![head.to_owned()];
    while !rest.is_empty() {
        let inner = rest.strip_prefix('[').ok_or_else(invalid)?;
        let close = inner.find(']').ok_or_else(invalid)?;
        path.push(inner[..close].to_owned());
        rest = &inner[close + 1..];
    }
    Ok(path)
}

fn insert(node: &mut Map<String, Value>, path: &[String], value: String) -> Result<(), Error> {
    let conflict = || Error::ConflictingValues {
        path: path.join("."),
    };
    let Some((first, rest)) = path.split_first() else {
        return Err(conflict());
    };
    // `a[]` appends: number the element after the ones already there.
    let key = if first.is_empty() {
        node.len().to_string()
    } else {
        first.clone()
    };
    if rest.is_empty() {
        if node.contains_key(&key) {
            return Err(conflict());
        }
        node.insert(key, Value::String(value));
        return Ok(());
    }
    match node.entry(key).or_insert_with(|| Value::Object(Map::new())) {
        Value::Object(child) => insert(child, rest, value),
        _ => Err(conflict()),
    }
}

/// Turns objects keyed `0..n` into arrays, bottom-up.
fn listify(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let is_list =
                !map.is_empty() && (0..map.len()).all(|index| map.contains_key(&index.to_string()));
            if is_list {
                let mut items: Vec<(usize, Value)> = map
                    .into_iter()
                    .filter_map(|(k, v)| k.parse().ok().map(|i| (i, listify(v))))
                    .collect();
                items.sort_by_key(|(index, _)| *index);
                Value::Array(items.into_iter().map(|(_, v)| v).collect())
            } else {
                Value::Object(map.into_iter().map(|(k, v)| (k, listify(v))).collect())
            }
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::parse;
    use serde_json::json;

    #[test]
    fn nested_keys_and_lists() {
        let body = b"amount=35000&currency=krw&metadata[order_id]=A%2F1&metadata[note]=a+b\
                     &automatic_payment_methods[enabled]=true&expand[0]=customer&expand[1]=latest_charge\
                     &payment_method_types[]=card";
        assert_eq!(
            parse(body).unwrap(),
            json!({
                "amount": "35000",
                "currency": "krw",
                "metadata": {"order_id": "A/1", "note": "a b"},
                "automatic_payment_methods": {"enabled": "true"},
                "expand": ["customer", "latest_charge"],
                "payment_method_types": ["card"],
            })
        );
    }

    #[test]
    fn conflicts_and_bad_names_are_errors() {
        assert!(parse(b"a=1&a=2").is_err());
        assert!(parse(b"a=1&a[b]=2").is_err());
        assert!(parse(b"[a]=1").is_err());
        assert!(parse(b"a[b=1").is_err());
    }
}
