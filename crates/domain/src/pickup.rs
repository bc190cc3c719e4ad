//! Handing goods over at the counter: checking that the traveller is the one who ordered.
//!
//! A pickup code alone releases nothing: the name and the passport's last four
//! characters given at order time must both match. The immediate tax (VAT) refund
//! recorded with a handover is [`crate::tax_free`]'s.

/// Whether the traveller at the counter is the one who ordered: both the name (case,
/// spacing and accents of ASCII letters aside) and the passport's last four characters
/// must match.
pub fn identity_matches(
    ordered_name: &str,
    ordered_last4: &str,
    given_name: &str,
    given_last4: &str,
) -> bool {
    normalise_name(ordered_name) == normalise_name(given_name)
        && !ordered_last4.is_empty()
        && ordered_last4
            .trim()
            .eq_ignore_ascii_case(given_last4.trim())
}

/// A name as the identity check compares it: words separated by one space, lower case.
pub(crate) fn normalise_name(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_name_and_passport_digits_must_match() {
        assert!(identity_matches(
            "Mia Tanaka",
            "7K2Q",
            "  mia   TANAKA ",
            "7k2q"
        ));
        assert!(!identity_matches(
            "Mia Tanaka",
            "7K2Q",
            "Mia Tanaka",
            "7K2X"
        ));
        assert!(!identity_matches(
            "Mia Tanaka",
            "7K2Q",
            "Mio Tanaka",
            "7K2Q"
        ));
        assert!(!identity_matches("Mia Tanaka", "", "Mia Tanaka", ""));
    }
}
