//! The languages travellers read Gongbang in, and texts translated into them.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use crate::Error;

/// A supported language. English is the fallback for anything missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Language {
    /// English.
    #[default]
    En,
    /// Korean.
    Ko,
    /// Japanese.
    Ja,
    /// Chinese.
    Zh,
}

impl Language {
    /// All supported languages, English first.
    pub const ALL: [Language; 4] = [Language::En, Language::Ko, Language::Ja, Language::Zh];

    /// The two-letter code.
    pub const fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Ko => "ko",
            Language::Ja => "ja",
            Language::Zh => "zh",
        }
    }

    /// Picks the best supported language from an `Accept-Language` header value,
    /// honouring quality weights; English when nothing supported is asked for.
    pub fn negotiate(accept_language: &str) -> Language {
        let mut best: Option<(u16, Language)> = None;
        for entry in accept_language.split(',') {
            let mut parts = entry.split(';');
            let tag = parts.next().unwrap_or("").trim();
            let quality = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(1000, parse_quality);
            let primary = tag.split(['-', '_']).next().unwrap_or("");
            let Ok(language) = primary.parse::<Language>() else {
                continue;
            };
            if quality > 0 && best.is_none_or(|(q, _)| quality > q) {
                best = Some((quality, language));
            }
        }
        best.map_or(Language::En, |(_, language)| language)
    }
}

/// A quality value in thousandths (`q=0.8` is 800); malformed values count as 0.
fn parse_quality(text: &str) -> u16 {
    let text = text.trim();
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let whole: u16 = match whole {
        "0" => 0,
        "1" => 1000,
        _ => return 0,
    };
    let digits: String = fraction.chars().chain("000".chars()).take(3).collect();
    let fraction: u16 = digits.parse().unwrap_or(0);
    (whole + fraction).min(1000)
}

impl FromStr for Language {
    type Err = Error;

    fn from_str(code: &str) -> Result<Self, Error> {
        match code.to_ascii_lowercase().as_str() {
            "en" => Ok(Language::En),
            "ko" => Ok(Language::Ko),
            "ja" => Ok(Language::Ja),
            "zh" => Ok(Language::Zh),
            _ => Err(Error::UnknownName {
                kind: "language",
                given: code.to_owned(),
                expected: "en, ko, ja, zh",
            }),
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// One text in several languages, always with an English version to fall back on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalizedText {
    english: String,
    others: BTreeMap<Language, String>,
}

impl LocalizedText {
    /// A text with its English version.
    pub fn new(english: impl Into<String>) -> Self {
        LocalizedText {
            english: english.into(),
            others: BTreeMap::new(),
        }
    }

    /// Adds (or replaces) a translation; English replaces the fallback.
    pub fn with(mut self, language: Language, text: impl Into<String>) -> Self {
        self.set(language, text);
        self
    }

    /// Adds (or replaces) a translation.
    pub fn set(&mut self, language: Language, text: impl Into<String>) {
        match language {
            Language::En => self.english = text.into(),
            other => {
                self.others.insert(other, text.into());
            }
        }
    }

    /// The text in `language`, or in English when it is not translated.
    pub fn get(&self, language: Language) -> &str {
        self.others.get(&language).unwrap_or(&self.english)
    }

    /// Every language the text exists in, with its text.
    pub fn entries(&self) -> impl Iterator<Item = (Language, &str)> {
        std::iter::once((Language::En, self.english.as_str()))
            .chain(self.others.iter().map(|(l, t)| (*l, t.as_str())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(header: &str, expected: Language) {
        assert_eq!(Language::negotiate(header), expected, "header {header:?}");
    }

    #[test]
    fn negotiation_follows_quality_and_falls_back_to_english() {
        check("", Language::En);
        check("ko-KR,ko;q=0.9,en-US;q=0.8", Language::Ko);
        check("fr-FR, ja;q=0.5", Language::Ja);
        check("zh-TW", Language::Zh);
        check("zh_CN;q=0.3, en;q=0.7", Language::En);
        check("de, fr", Language::En);
        check("ja;q=0, ko;q=0.1", Language::Ko);
        check("JA", Language::Ja);
        check("*;q=0.5, ko;q=garbage", Language::En);
    }

    #[test]
    fn localized_text_falls_back_to_english() {
        let text = LocalizedText::new("Shirt").with(Language::Ko, "셔츠");
        assert_eq!(text.get(Language::Ko), "셔츠");
        assert_eq!(text.get(Language::Ja), "Shirt");
        assert_eq!(text.entries().count(), 2);
    }
}
