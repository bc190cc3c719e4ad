//! What a traveller's contact details must look like: the widget checks them as they are
//! typed and the API checks them again when the order arrives, with these same rules.

/// A name as on the passport: 1 to 100 characters after trimming, no control characters.
pub fn is_valid_name(name: &str) -> bool {
    let name = name.trim();
    !name.is_empty() && name.chars().count() <= 100 && !name.chars().any(char::is_control)
}

/// Whether `email` (trimmed) could be an address: at most 254 bytes, no spaces, one `@`
/// with something before it and a dotted domain after it.
pub fn is_plausible_email(email: &str) -> bool {
    let email = email.trim();
    email.len() <= 254
        && !email.contains(char::is_whitespace)
        && email.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
        })
}

/// The last four letters or digits of a passport number (trimmed, any case).
pub fn is_valid_passport_last4(last4: &str) -> bool {
    let last4 = last4.trim();
    last4.len() == 4 && last4.bytes().all(|b| b.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_need_one_to_a_hundred_printable_characters() {
        assert!(is_valid_name("  Mina Tanaka "));
        assert!(!is_valid_name("   "));
        assert!(!is_valid_name(&"a".repeat(101)));
        assert!(!is_valid_name("Mina\u{7}"));
    }

    #[test]
    fn emails_need_a_local_part_and_a_dotted_domain() {
        assert!(is_plausible_email(" mina@example.jp "));
        for bad in [
            "mina",
            "@example.jp",
            "mina@example",
            "mina@.jp",
            "mi na@example.jp",
            "a@b@c.jp",
        ] {
            assert!(!is_plausible_email(bad), "{bad}");
        }
        assert!(!is_plausible_email(&format!(
            "{}@example.jp",
            "a".repeat(250)
        )));
    }

    #[test]
    fn passport_endings_are_four_letters_or_digits() {
        assert!(is_valid_passport_last4("12ab"));
        assert!(!is_valid_passport_last4("123"));
        assert!(!is_valid_passport_last4("12-4"));
        assert!(!is_valid_passport_last4("한국12"));
    }
}
