//! Pickup codes: what a traveller shows at the counter.
//!
//! Eight characters from an alphabet without look-alikes (no 0/O, 1/I/L) plus one check
//! character, printed as `XXXX-XXXX-C`. The alphabet has 31 symbols, a prime, so the
//! weighted check catches every single wrong character and every swap of two neighbours.
//! The code alone never releases goods: staff also check the name and passport digits.

use std::fmt;
use std::str::FromStr;

use crate::Error;

const ALPHABET: &[u8; 31] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const DATA_LEN: usize = 8;

/// A valid pickup code (its check character is right).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PickupCode([u8; DATA_LEN + 1]);

impl PickupCode {
    /// Builds a code from random bits; the caller supplies the randomness.
    pub fn from_random(mut bits: u64) -> PickupCode {
        let mut symbols = [0u8; DATA_LEN + 1];
        for symbol in symbols.iter_mut().take(DATA_LEN) {
            *symbol = (bits % 31) as u8;
            bits /= 31;
        }
        symbols[DATA_LEN] = check_symbol(&symbols[..DATA_LEN]);
        PickupCode(symbols.map(|s| ALPHABET[usize::from(s)]))
    }

    /// The code without separators, as stored.
    pub fn compact(&self) -> String {
        self.0.iter().map(|b| char::from(*b)).collect()
    }
}

/// The check symbol: weights 1..=8 over symbol values, modulo 31, chosen so that the
/// weighted sum including the check (weight 9) is zero.
fn check_symbol(symbols: &[u8]) -> u8 {
    let sum: u32 = symbols
        .iter()
        .enumerate()
        .map(|(i, s)| (i as u32 + 1) * u32::from(*s))
        .sum();
    // Find c with (sum + 9c) ≡ 0 (mod 31); 9 * 7 = 63 ≡ 1, so 7 is the inverse of 9.
    let c = (31 - sum % 31) % 31 * 7 % 31;
    c as u8
}

fn symbol_value(c: char) -> Option<u8> {
    let upper = c.to_ascii_uppercase();
    ALPHABET
        .iter()
        .position(|b| char::from(*b) == upper)
        .map(|p| p as u8)
}

impl FromStr for PickupCode {
    type Err = Error;

    /// Accepts any case, with or without dashes and spaces.
    fn from_str(text: &str) -> Result<Self, Error> {
        let invalid = || Error::InvalidPickupCode(text.to_owned());
        let values: Vec<u8> = text
            .chars()
            .filter(|c| !matches!(c, '-' | ' '))
            .map(symbol_value)
            .collect::<Option<_>>()
            .ok_or_else(invalid)?;
        let values: [u8; DATA_LEN + 1] = values.try_into().map_err(|_| invalid())?;
        if check_symbol(&values[..DATA_LEN]) != values[DATA_LEN] {
            return Err(invalid());
        }
        Ok(PickupCode(values.map(|v| ALPHABET[usize::from(v)])))
    }
}

impl fmt::Display for PickupCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.compact();
        write!(f, "{}-{}-{}", &text[..4], &text[4..8], &text[8..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn codes_print_in_groups_and_parse_back_in_any_case() {
        let code = PickupCode::from_random(0x1234_5678_9abc);
        let printed = code.to_string();
        assert_eq!(printed.len(), 11);
        assert_eq!(printed.to_lowercase().parse::<PickupCode>(), Ok(code));
        assert_eq!(code.compact().parse::<PickupCode>(), Ok(code));
    }

    #[test]
    fn look_alike_characters_are_not_in_the_alphabet() {
        for c in ['0', 'O', '1', 'I', 'L'] {
            assert!(!ALPHABET.contains(&(c as u8)));
        }
    }

    proptest! {
        #[test]
        fn every_single_character_error_is_caught(bits: u64, position in 0usize..9, shift in 1u8..31) {
            let code = PickupCode::from_random(bits).compact().into_bytes();
            let mut broken = code.clone();
            let value = symbol_value(char::from(broken[position])).unwrap();
            broken[position] = ALPHABET[usize::from((value + shift) % 31)];
            let text = String::from_utf8(broken).unwrap();
            prop_assert!(text.parse::<PickupCode>().is_err());
        }

        #[test]
        fn every_swap_of_neighbours_is_caught(bits: u64, position in 0usize..8) {
            let code = PickupCode::from_random(bits).compact().into_bytes();
            prop_assume!(code[position] != code[position + 1]);
            let mut swapped = code.clone();
            swapped.swap(position, position + 1);
            let text = String::from_utf8(swapped).unwrap();
            prop_assert!(text.parse::<PickupCode>().is_err());
        }
    }
}
