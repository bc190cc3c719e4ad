//! Who an order is for, parsed once: a name as on the passport, an email address, the
//! passport's last four characters and a language. The widget checks these as they are
//! typed and the API checks them again when the order arrives, with these same rules.

use std::fmt;

use crate::Error;
use crate::language::Language;

/// The traveller who collects an order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Traveller {
    /// The name as on the passport.
    pub name: TravellerName,
    /// Where messages go.
    pub email: EmailAddress,
    /// Checked at the counter with the name.
    pub passport_last4: PassportLast4,
    /// The language messages and pages use.
    pub language: Language,
}

/// A name as on the passport: 1 to 100 characters after trimming, no control characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TravellerName(String);

impl TravellerName {
    /// Checks and trims a name.
    pub fn parse(text: &str) -> Result<TravellerName, Error> {
        let name = text.trim();
        let valid =
            !name.is_empty() && name.chars().count() <= 100 && !name.chars().any(char::is_control);
        if valid {
            Ok(TravellerName(name.to_owned()))
        } else {
            Err(Error::InvalidTravellerName)
        }
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An address that could be an email address (trimmed): at most 254 bytes, no spaces,
/// one `@` with something before it and a dotted domain after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailAddress(String);

impl EmailAddress {
    /// Checks and trims an address.
    pub fn parse(text: &str) -> Result<EmailAddress, Error> {
        let email = text.trim();
        let plausible = email.len() <= 254
            && !email.contains(char::is_whitespace)
            && email.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !domain.contains('@')
            });
        if plausible {
            Ok(EmailAddress(email.to_owned()))
        } else {
            Err(Error::InvalidEmail(email.to_owned()))
        }
    }

    /// The address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The last four letters or digits of a passport number, in capitals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PassportLast4(String);

impl PassportLast4 {
    /// Checks four letters or digits (trimmed, any case).
    pub fn parse(text: &str) -> Result<PassportLast4, Error> {
        let last4 = text.trim();
        if last4.len() == 4 && last4.bytes().all(|b| b.is_ascii_alphanumeric()) {
            Ok(PassportLast4(last4.to_ascii_uppercase()))
        } else {
            Err(Error::InvalidPassportLast4)
        }
    }

    /// The four characters.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TravellerName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for PassportLast4 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_need_one_to_a_hundred_printable_characters() {
        assert_eq!(
            TravellerName::parse("  Mina Tanaka ").map(|n| n.to_string()),
            Ok("Mina Tanaka".to_owned())
        );
        assert!(TravellerName::parse("   ").is_err());
        assert!(TravellerName::parse(&"a".repeat(101)).is_err());
        assert!(TravellerName::parse("Mina\u{7}").is_err());
    }

    #[test]
    fn emails_need_a_local_part_and_a_dotted_domain() {
        assert_eq!(
            EmailAddress::parse(" mina@example.jp ").map(|e| e.to_string()),
            Ok("mina@example.jp".to_owned())
        );
        for bad in [
            "mina",
            "@example.jp",
            "mina@example",
            "mina@.jp",
            "mi na@example.jp",
            "a@b@c.jp",
        ] {
            assert!(EmailAddress::parse(bad).is_err(), "{bad}");
        }
        assert!(EmailAddress::parse(&format!("{}@example.jp", "a".repeat(250))).is_err());
    }

    #[test]
    fn passport_endings_are_four_letters_or_digits() {
        assert_eq!(
            PassportLast4::parse(" 12ab").map(|p| p.to_string()),
            Ok("12AB".to_owned())
        );
        assert!(PassportLast4::parse("123").is_err());
        assert!(PassportLast4::parse("12-4").is_err());
        assert!(PassportLast4::parse("한국12").is_err());
    }
}
