//! The widget's own texts in English, Korean, Japanese and Chinese.
//!
//! One table per language (`en.rs`, `ko.rs`, `ja.rs`, `zh.rs`), each an exhaustive
//! `match` over the keys [`T`] (`keys.rs`, which the tables and this file share), so a
//! key missing from a language does not compile; the tests check that no text is empty
//! and that every translation uses the same `{placeholders}` as the English one.
//! Catalogue texts (product and option names) come from the API in the negotiated
//! language; the fitting engine's advice comes as codes and is worded here. This file
//! picks the table of a [`Lang`] and fills the placeholders.

mod en;
mod ja;
mod keys;
mod ko;
mod zh;

pub use keys::{T, category_name, label_name, point_hint, point_name, status_name};

/// A language of the widget.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English, the fallback.
    #[default]
    En,
    /// Korean.
    Ko,
    /// Japanese.
    Ja,
    /// Chinese (simplified).
    Zh,
}

impl Lang {
    /// Every language, in the switcher's order.
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Ko, Lang::Ja, Lang::Zh];

    /// The BCP 47 code, as in `<html lang>`, `?lang=` and `Accept-Language`.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
            Lang::Ja => "ja",
            Lang::Zh => "zh",
        }
    }

    /// The language's name in itself, for the switcher.
    pub const fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ko => "한국어",
            Lang::Ja => "日本語",
            Lang::Zh => "中文",
        }
    }

    /// The language of a tag such as `ko`, `ko-KR` or `zh-Hant-TW` (primary subtag,
    /// any case); `None` for languages the widget does not speak.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The first of the traveller's preferred tags the widget speaks, else English.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred
            .into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or_default()
    }

    /// The text of `key` in this language.
    pub fn t(self, key: T) -> &'static str {
        match self {
            Lang::En => en::text(key),
            Lang::Ko => ko::text(key),
            Lang::Ja => ja::text(key),
            Lang::Zh => zh::text(key),
        }
    }

    /// The text of `key` with its `{name}` placeholders filled in.
    pub fn f(self, key: T, args: &[(&str, &str)]) -> String {
        fill(self.t(key), args)
    }
}

/// Replaces each `{name}` in `template` with its value; unknown names stay as they are.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(value),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    #[test]
    fn every_key_has_a_text_in_every_language_with_the_same_placeholders() {
        for &key in T::ALL {
            let english = placeholders(Lang::En.t(key));
            for lang in Lang::ALL {
                let text = lang.t(key);
                assert!(!text.trim().is_empty(), "{key:?} is empty in {lang:?}");
                assert_eq!(
                    placeholders(text),
                    english,
                    "{key:?} in {lang:?} has other placeholders than in English: {text}"
                );
            }
        }
    }

    #[test]
    fn translations_are_not_left_in_english() {
        // Texts that are the same in every language (symbols, units) are few; a table
        // copied from English would show up here.
        for lang in [Lang::Ko, Lang::Ja, Lang::Zh] {
            let same = T::ALL
                .iter()
                .filter(|&&key| lang.t(key) == Lang::En.t(key))
                .count();
            assert!(same <= 3, "{lang:?} has {same} texts identical to English");
        }
    }

    #[test]
    fn placeholders_are_filled_and_unknown_ones_kept() {
        assert_eq!(fill("from {price}", &[("price", "₩1")]), "from ₩1");
        assert_eq!(fill("{a}{b}{a}", &[("a", "x")]), "x{b}x");
        assert_eq!(fill("open { brace", &[]), "open { brace");
        assert_eq!(fill("", &[("a", "x")]), "");
    }

    #[test]
    fn languages_negotiate_from_tags() {
        assert_eq!(Lang::negotiate(["fr-FR", "ko-KR", "en"]), Lang::Ko);
        assert_eq!(Lang::negotiate(["zh-Hant-TW"]), Lang::Zh);
        assert_eq!(Lang::negotiate(["JA"]), Lang::Ja);
        assert_eq!(Lang::negotiate(["de"]), Lang::En);
        assert_eq!(Lang::negotiate([]), Lang::En);
        assert_eq!(Lang::from_tag(""), None);
    }
}
