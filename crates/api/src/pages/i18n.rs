//! The staff pages' two languages: Korean for the people who make and hand over the
//! goods in Seoul, English for everyone else.
//!
//! A page asks for [`StaffLang`] and writes each text once in both languages, side by
//! side where it is used: `lang.pick("Queue", "작업 목록")`. The language is the one the
//! switch on the page chose (the `gongbang_lang` cookie), else the browser's
//! `Accept-Language` (Korean when it prefers Korean to English, English otherwise).

use axum::Form;
use axum::extract::FromRequestParts;
use axum::http::{HeaderMap, HeaderValue, header, request::Parts};
use axum::response::{IntoResponse, Redirect, Response};
use domain::language::Language;
use serde::Deserialize;

/// The cookie the language switch sets.
pub(super) const LANG_COOKIE: &str = "gongbang_lang";

/// A language a staff page is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum StaffLang {
    /// English.
    #[default]
    En,
    /// Korean.
    Ko,
}

impl StaffLang {
    /// The text in this language, from the English and the Korean.
    pub fn pick<'a>(self, en: &'a str, ko: &'a str) -> &'a str {
        match self {
            StaffLang::En => en,
            StaffLang::Ko => ko,
        }
    }

    /// The BCP 47 code (`html lang=`).
    pub const fn code(self) -> &'static str {
        match self {
            StaffLang::En => "en",
            StaffLang::Ko => "ko",
        }
    }

    /// From a stored or submitted code (`en`, `ko`); `None` for anything else.
    pub fn from_code(code: &str) -> Option<StaffLang> {
        match code.trim() {
            "en" => Some(StaffLang::En),
            "ko" => Some(StaffLang::Ko),
            _ => None,
        }
    }

    /// The language of a request: the switch's cookie, else `Accept-Language`.
    pub fn of(headers: &HeaderMap) -> StaffLang {
        cookie(headers)
            .and_then(StaffLang::from_code)
            .unwrap_or_else(|| negotiate(headers))
    }
}

/// The `gongbang_lang` cookie's value, if sent.
fn cookie(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == LANG_COOKIE)
        .map(|(_, value)| value)
}

/// Korean when the browser ranks Korean above English (shared negotiation with the
/// travellers' API); English otherwise.
fn negotiate(headers: &HeaderMap) -> StaffLang {
    let header = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let staff_languages = header
        .split(',')
        .filter(|entry| {
            let tag = entry.split(';').next().unwrap_or("").trim();
            matches!(tag.split(['-', '_']).next(), Some("ko" | "en"))
        })
        .collect::<Vec<_>>()
        .join(",");
    match Language::negotiate(&staff_languages) {
        Language::Ko => StaffLang::Ko,
        _ => StaffLang::En,
    }
}

impl<S: Send + Sync> FromRequestParts<S> for StaffLang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(StaffLang::of(&parts.headers))
    }
}

/// The language switch's form: the language chosen and the page to go back to.
#[derive(Debug, Deserialize)]
pub(super) struct Switch {
    lang: String,
    back: String,
}

/// `POST /staff/language`: remembers the chosen language for a year and goes back to
/// the page the switch was on (only a path of this site; anything else goes to `/staff`).
pub(super) async fn switch(Form(form): Form<Switch>) -> Response {
    let lang = StaffLang::from_code(&form.lang).unwrap_or_default();
    let back = if form.back.starts_with('/') && !form.back.starts_with("//") {
        form.back.as_str()
    } else {
        "/staff"
    };
    let mut response = Redirect::to(back).into_response();
    let cookie = format!(
        "{LANG_COOKIE}={}; Secure; SameSite=Strict; Path=/; Max-Age=31536000",
        lang.code()
    );
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(header::HeaderName, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(name.clone(), HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn the_switch_wins_over_the_browser() {
        let h = headers(&[
            (header::ACCEPT_LANGUAGE, "en-US,en;q=0.9"),
            (header::COOKIE, "gongbang_session=abc; gongbang_lang=ko"),
        ]);
        assert_eq!(StaffLang::of(&h), StaffLang::Ko);
    }

    #[test]
    fn the_browser_decides_without_the_switch() {
        let korean = headers(&[(header::ACCEPT_LANGUAGE, "ko-KR,ko;q=0.9,en;q=0.8")]);
        assert_eq!(StaffLang::of(&korean), StaffLang::Ko);
        let english_first = headers(&[(header::ACCEPT_LANGUAGE, "en,ko;q=0.5")]);
        assert_eq!(StaffLang::of(&english_first), StaffLang::En);
        let japanese = headers(&[(header::ACCEPT_LANGUAGE, "ja,ko;q=0.4")]);
        assert_eq!(StaffLang::of(&japanese), StaffLang::Ko);
        assert_eq!(StaffLang::of(&HeaderMap::new()), StaffLang::En);
    }

    #[test]
    fn an_unknown_cookie_falls_back_to_the_browser() {
        let h = headers(&[
            (header::ACCEPT_LANGUAGE, "ko"),
            (header::COOKIE, "gongbang_lang=fr"),
        ]);
        assert_eq!(StaffLang::of(&h), StaffLang::Ko);
        assert_eq!(StaffLang::Ko.pick("Queue", "작업 목록"), "작업 목록");
    }
}
