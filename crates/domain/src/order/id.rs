//! An order's identity: a random UUID (version 4), written in its canonical lowercase
//! form. It is also the key of the order's payments at Stripe, so it never changes.

use std::fmt;

use crate::Error;

/// The id of an order: 36 characters, `xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx` in
/// lowercase hexadecimal.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OrderId(String);

impl OrderId {
    /// A new id from 128 random bits (the caller supplies the randomness); the version
    /// and variant bits are set as UUID version 4 requires.
    pub fn from_random(bits: u128) -> OrderId {
        let bits = (bits & !(0xf << 76) | (0x4 << 76)) & !(0x3 << 62) | (0x2 << 62);
        let hex = format!("{bits:032x}");
        OrderId(format!(
            "{}-{}-{}-{}-{}",
            &hex[0..8],
            &hex[8..12],
            &hex[12..16],
            &hex[16..20],
            &hex[20..32]
        ))
    }

    /// Reads an id as written on the wire or in storage.
    pub fn parse(text: &str) -> Result<OrderId, Error> {
        let canonical = text.len() == 36
            && text.char_indices().all(|(i, c)| match i {
                8 | 13 | 18 | 23 => c == '-',
                _ => c.is_ascii_digit() || ('a'..='f').contains(&c),
            });
        if canonical {
            Ok(OrderId(text.to_owned()))
        } else {
            Err(Error::InvalidOrderId(text.chars().take(40).collect()))
        }
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for OrderId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_ids_are_version_4_and_read_back() {
        for bits in [0, u128::MAX, 0x0123_4567_89ab_cdef_0123_4567_89ab_cdef] {
            let id = OrderId::from_random(bits);
            assert_eq!(id.as_str().len(), 36);
            assert_eq!(&id.as_str()[14..15], "4");
            assert!(matches!(&id.as_str()[19..20], "8" | "9" | "a" | "b"));
            assert_eq!(OrderId::parse(id.as_str()), Ok(id));
        }
    }

    #[test]
    fn anything_else_is_not_an_order_id() {
        for bad in [
            "",
            "nope",
            "7F1C0000-0000-4000-8000-000000000000",
            "7f1c0000_0000-4000-8000-000000000000",
            "7f1c0000-0000-4000-8000-0000000000000",
        ] {
            assert!(OrderId::parse(bad).is_err(), "{bad}");
        }
    }
}
