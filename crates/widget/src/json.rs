//! A small JSON reader and writer for the API's documents and the stored draft.
//!
//! The widget's first screen has a size budget (150 KB gzip with its JS and CSS), and
//! `serde`-derived code for a dozen wire types was a third of the wasm. One untyped tree
//! with typed accessors is a few kilobytes and is all the widget needs: it reads a few
//! members of a few documents and writes small requests.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// A JSON value. Objects keep their members in document order.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Json {
    #[default]
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

static NULL: Json = Json::Null;

/// A map built by inserting. (`collect` into a `BTreeMap` sorts first, and every sort it
/// instantiates is kilobytes of wasm on the first screen.)
pub fn map_of(pairs: impl IntoIterator<Item = (String, String)>) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for (key, value) in pairs {
        map.insert(key, value);
    }
    map
}

/// The characters of `text` as a set, built by inserting (see [`map_of`]).
pub fn char_set(text: &str) -> BTreeSet<char> {
    let mut set = BTreeSet::new();
    for c in text.chars() {
        set.insert(c);
    }
    set
}

/// An object's string members as a map (others are left out).
pub fn string_map(json: &Json) -> BTreeMap<String, String> {
    map_of(
        json.members()
            .iter()
            .filter_map(|(k, v)| Some((k.clone(), v.str()?.to_owned()))),
    )
}

/// How deep documents may nest (the API's nest three or four levels).
const MAX_DEPTH: usize = 64;

impl Json {
    /// Parses a document; `None` if it is not JSON.
    pub fn parse(text: &str) -> Option<Json> {
        let mut parser = Parser {
            bytes: text.as_bytes(),
            at: 0,
        };
        let value = parser.value(0)?;
        parser.space();
        (parser.at == parser.bytes.len()).then_some(value)
    }

    /// The member `key` of an object (`Null` when absent or not an object).
    pub fn get(&self, key: &str) -> &Json {
        match self {
            Json::Object(members) => members
                .iter()
                .find(|(k, _)| k == key)
                .map_or(&NULL, |(_, v)| v),
            _ => &NULL,
        }
    }

    /// A string value.
    pub fn str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// A string value, owned; empty when absent.
    pub fn string(&self) -> String {
        self.str().unwrap_or_default().to_owned()
    }

    /// A whole number.
    pub fn i64(&self) -> Option<i64> {
        match self {
            Json::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => Some(*n as i64),
            _ => None,
        }
    }

    /// A number.
    pub fn f64(&self) -> Option<f64> {
        match self {
            Json::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// A boolean.
    pub fn bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The items of an array (none when not an array).
    pub fn items(&self) -> &[Json] {
        match self {
            Json::Array(items) => items,
            _ => &[],
        }
    }

    /// The members of an object (none when not an object).
    pub fn members(&self) -> &[(String, Json)] {
        match self {
            Json::Object(members) => members,
            _ => &[],
        }
    }

    /// Whether it is `null` (or absent).
    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    /// An object from members, leaving out `null` ones.
    pub fn object<const N: usize>(members: [(&str, Json); N]) -> Json {
        Json::Object(
            members
                .into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.to_owned(), v))
                .collect(),
        )
    }

    /// The document as compact text.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Number(n) => write_number(*n, out),
            Json::String(s) => write_string(s, out),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(key, out);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }
}

impl From<&str> for Json {
    fn from(s: &str) -> Json {
        Json::String(s.to_owned())
    }
}

impl From<String> for Json {
    fn from(s: String) -> Json {
        Json::String(s)
    }
}

impl From<i64> for Json {
    fn from(n: i64) -> Json {
        Json::Number(n as f64)
    }
}

impl<T: Into<Json>> From<Option<T>> for Json {
    fn from(value: Option<T>) -> Json {
        value.map_or(Json::Null, Into::into)
    }
}

/// Numbers as the widget writes them: whole numbers as integers, others with up to
/// three decimals (measurements are read to the millimetre).
fn write_number(n: f64, out: &mut String) {
    if !n.is_finite() {
        out.push_str("null");
        return;
    }
    let thousandths = (n * 1000.0).round() as i64;
    if thousandths < 0 {
        out.push('-');
    }
    let abs = thousandths.unsigned_abs();
    let _ = write!(out, "{}", abs / 1000);
    let mut frac = abs % 1000;
    if frac > 0 {
        out.push('.');
        let mut digits = 3;
        while frac.is_multiple_of(10) {
            frac /= 10;
            digits -= 1;
        }
        let _ = write!(out, "{frac:0digits$}");
    }
}

fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn space(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn eat(&mut self, literal: &str) -> Option<()> {
        let end = self.at + literal.len();
        (self.bytes.get(self.at..end)? == literal.as_bytes()).then(|| self.at = end)
    }

    fn value(&mut self, depth: usize) -> Option<Json> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.space();
        match *self.bytes.get(self.at)? {
            b'n' => self.eat("null").map(|()| Json::Null),
            b't' => self.eat("true").map(|()| Json::Bool(true)),
            b'f' => self.eat("false").map(|()| Json::Bool(false)),
            b'"' => self.string().map(Json::String),
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                self.space();
                if self.eat("]").is_some() {
                    return Some(Json::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.space();
                    if self.eat(",").is_none() {
                        self.eat("]")?;
                        return Some(Json::Array(items));
                    }
                }
            }
            b'{' => {
                self.at += 1;
                let mut members = Vec::new();
                self.space();
                if self.eat("}").is_some() {
                    return Some(Json::Object(members));
                }
                loop {
                    self.space();
                    let key = self.string()?;
                    self.space();
                    self.eat(":")?;
                    members.push((key, self.value(depth + 1)?));
                    self.space();
                    if self.eat(",").is_none() {
                        self.eat("}")?;
                        return Some(Json::Object(members));
                    }
                }
            }
            _ => self.number(),
        }
    }

    fn number(&mut self) -> Option<Json> {
        let start = self.at;
        while let Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E') = self.bytes.get(self.at) {
            self.at += 1;
        }
        let text = std::str::from_utf8(&self.bytes[start..self.at]).ok()?;
        let valid = text
            .bytes()
            .next()
            .is_some_and(|b| b == b'-' || b.is_ascii_digit());
        valid.then(|| crate::format::decimal(text).map(Json::Number))?
    }

    fn hex4(&mut self) -> Option<u32> {
        let text = std::str::from_utf8(self.bytes.get(self.at..self.at + 4)?).ok()?;
        self.at += 4;
        u32::from_str_radix(text, 16).ok()
    }

    fn string(&mut self) -> Option<String> {
        self.eat("\"")?;
        let mut out = String::new();
        loop {
            let start = self.at;
            while let Some(&b) = self.bytes.get(self.at) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            out.push_str(std::str::from_utf8(&self.bytes[start..self.at]).ok()?);
            match *self.bytes.get(self.at)? {
                b'"' => {
                    self.at += 1;
                    return Some(out);
                }
                b'\\' => {
                    self.at += 1;
                    let escape = *self.bytes.get(self.at)?;
                    self.at += 1;
                    match escape {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let first = self.hex4()?;
                            let code = if (0xd800..0xdc00).contains(&first) {
                                self.eat("\\u")?;
                                let second = self.hex4()?;
                                if !(0xdc00..0xe000).contains(&second) {
                                    return None;
                                }
                                0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00)
                            } else {
                                first
                            };
                            out.push(char::from_u32(code)?);
                        }
                        _ => return None,
                    }
                }
                _ => return None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_parse_and_members_are_read() {
        let doc = Json::parse(
            r#" {"a": [1, -2.5, 3e2, true, false, null], "b": {"c": "x\"y\\z\n\u00e9\ud83d\ude00"},
               "empty": {}, "list": []} "#,
        )
        .expect("valid");
        let a = doc.get("a").items();
        assert_eq!(a[0].i64(), Some(1));
        assert_eq!(a[1].f64(), Some(-2.5));
        assert_eq!(a[1].i64(), None);
        assert_eq!(a[2].i64(), Some(300));
        assert_eq!(a[3].bool(), Some(true));
        assert!(a[5].is_null());
        assert_eq!(doc.get("b").get("c").str(), Some("x\"y\\z\né😀"));
        assert!(doc.get("missing").get("deeper").is_null());
        assert!(doc.get("empty").members().is_empty() && doc.get("list").items().is_empty());
    }

    #[test]
    fn non_json_is_refused() {
        for text in [
            "",
            "{",
            "[1,]",
            "{\"a\" 1}",
            "tru",
            "\"open",
            "01x",
            "[1] 2",
            "{\"a\":1,}",
            ".5",
            "\"\\ud800\"",
            "\"\\q\"",
        ] {
            assert_eq!(Json::parse(text), None, "{text:?}");
        }
        let deep = "[".repeat(100) + &"]".repeat(100);
        assert_eq!(Json::parse(&deep), None, "too deep");
    }

    #[test]
    fn documents_are_written_compactly_and_read_back() {
        let doc = Json::object([
            ("s", "a\"b\\\n\u{1}é".into()),
            ("n", Json::Number(96.55)),
            ("i", 180_000i64.into()),
            ("neg", Json::Number(-1.5)),
            ("gone", Json::Null),
            ("list", Json::Array(vec![Json::Bool(true), Json::Null])),
        ]);
        let text = doc.to_text();
        assert_eq!(
            text,
            r#"{"s":"a\"b\\\n\u0001é","n":96.55,"i":180000,"neg":-1.5,"list":[true,null]}"#
        );
        assert_eq!(Json::parse(&text), Some(doc));
    }
}
