//! Money: integer Korean won, deposits, and display estimates in other currencies.
//!
//! KRW is a zero-decimal currency (in Stripe too), so an amount is a whole number of won.
//! Amounts in other currencies are only ever estimates for display, computed from an
//! operator-set [`RateTable`]; nothing is charged in them.

use std::collections::BTreeMap;
use std::fmt;

use crate::Error;

/// An amount of Korean won. May be negative for a price delta (a cheaper option).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Krw(i64);

impl Krw {
    /// Zero won.
    pub const ZERO: Krw = Krw(0);

    /// An amount of whole won.
    pub const fn new(won: i64) -> Self {
        Krw(won)
    }

    /// The amount in whole won.
    pub const fn won(self) -> i64 {
        self.0
    }

    /// Adds, refusing overflow.
    pub fn checked_add(self, other: Krw) -> Result<Krw, Error> {
        self.0
            .checked_add(other.0)
            .map(Krw)
            .ok_or(Error::AmountOutOfRange)
    }

    /// Multiplies by a count, refusing overflow.
    pub fn checked_mul(self, count: u32) -> Result<Krw, Error> {
        self.0
            .checked_mul(i64::from(count))
            .map(Krw)
            .ok_or(Error::AmountOutOfRange)
    }

    /// The share of this amount taken as a deposit, rounded up to the next won so that a
    /// deposit is never less than the stated percentage.
    pub fn percent_rounded_up(self, percent: Percent) -> Krw {
        let numerator = i128::from(self.0) * i128::from(percent.0);
        let share = numerator.div_euclid(100) + i128::from(numerator.rem_euclid(100) != 0);
        // |share| <= |self| because percent <= 100, so the cast cannot truncate.
        Krw(share as i64)
    }
}

impl fmt::Display for Krw {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.0.unsigned_abs().to_string();
        let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(digit);
        }
        let sign = if self.0 < 0 { "-" } else { "" };
        write!(f, "{sign}₩{grouped}")
    }
}

/// A whole percentage from 0 to 100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Percent(u8);

impl Percent {
    /// Parses a percentage, refusing anything above 100.
    pub fn new(value: u16) -> Result<Percent, Error> {
        u8::try_from(value)
            .ok()
            .filter(|p| *p <= 100)
            .map(Percent)
            .ok_or(Error::PercentOutOfRange(value))
    }

    /// The percentage as a number from 0 to 100.
    pub const fn get(self) -> u8 {
        self.0
    }
}

/// An ISO 4217 currency code such as `USD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CurrencyCode([u8; 3]);

impl CurrencyCode {
    /// Parses three ASCII letters, in any case.
    pub fn parse(code: &str) -> Result<CurrencyCode, Error> {
        let bytes: [u8; 3] = code
            .as_bytes()
            .try_into()
            .map_err(|_| Error::MalformedCurrency(code.to_owned()))?;
        if !bytes.iter().all(u8::is_ascii_alphabetic) {
            return Err(Error::MalformedCurrency(code.to_owned()));
        }
        Ok(CurrencyCode(bytes.map(|b| b.to_ascii_uppercase())))
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        // Constructed only from ASCII letters.
        std::str::from_utf8(&self.0).unwrap_or("???")
    }
}

impl fmt::Display for CurrencyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What one unit of a foreign currency is worth, as the operator set it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    /// Won per one unit of the currency, in thousandths of a won (1 USD = 1,380.50 KRW is
    /// `1_380_500`), so that rates need no floating point.
    pub milliwon_per_unit: u64,
    /// Digits after the decimal point in the currency (USD 2, JPY 0).
    pub minor_digits: u8,
}

/// The operator's table of display rates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RateTable {
    rates: BTreeMap<CurrencyCode, Rate>,
}

/// An estimate of a KRW amount in another currency, in that currency's minor units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DisplayAmount {
    /// The currency of the estimate.
    pub currency: CurrencyCode,
    /// The amount in minor units (cents for USD, yen for JPY).
    pub minor_units: i64,
    /// Digits after the decimal point.
    pub minor_digits: u8,
}

impl fmt::Display for DisplayAmount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scale = 10_i64.pow(u32::from(self.minor_digits));
        let sign = if self.minor_units < 0 { "-" } else { "" };
        let whole = (self.minor_units / scale).unsigned_abs();
        if self.minor_digits == 0 {
            return write!(f, "{sign}{whole} {}", self.currency);
        }
        let fraction = (self.minor_units % scale).unsigned_abs();
        let width = usize::from(self.minor_digits);
        write!(f, "{sign}{whole}.{fraction:0width$} {}", self.currency)
    }
}

impl RateTable {
    /// An empty table.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets or replaces the rate of one currency. A zero rate is refused.
    pub fn set(&mut self, currency: CurrencyCode, rate: Rate) -> Result<(), Error> {
        if rate.milliwon_per_unit == 0 || rate.minor_digits > 4 {
            return Err(Error::InvalidData(format!(
                "rate for {currency} is not usable"
            )));
        }
        self.rates.insert(currency, rate);
        Ok(())
    }

    /// The currencies the table can display.
    pub fn currencies(&self) -> impl Iterator<Item = CurrencyCode> + '_ {
        self.rates.keys().copied()
    }

    /// Estimates `amount` in `currency`, rounding half away from zero to the minor unit.
    pub fn estimate(&self, amount: Krw, currency: CurrencyCode) -> Result<DisplayAmount, Error> {
        let rate = self
            .rates
            .get(&currency)
            .ok_or_else(|| Error::UnknownCurrency(currency.to_string()))?;
        let scale = 10_i128.pow(u32::from(rate.minor_digits));
        let numerator = i128::from(amount.won()) * scale * 1000;
        let denominator = i128::from(rate.milliwon_per_unit);
        let rounded = (numerator.abs() * 2 + denominator) / (denominator * 2);
        let minor_units =
            i64::try_from(rounded * numerator.signum()).map_err(|_| Error::AmountOutOfRange)?;
        Ok(DisplayAmount {
            currency,
            minor_units,
            minor_digits: rate.minor_digits,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> RateTable {
        let mut table = RateTable::new();
        let usd = CurrencyCode::parse("usd").unwrap();
        table
            .set(
                usd,
                Rate {
                    milliwon_per_unit: 1_380_500,
                    minor_digits: 2,
                },
            )
            .unwrap();
        let jpy = CurrencyCode::parse("JPY").unwrap();
        table
            .set(
                jpy,
                Rate {
                    milliwon_per_unit: 9_250,
                    minor_digits: 0,
                },
            )
            .unwrap();
        table
    }

    #[test]
    fn krw_displays_with_thousands_separators() {
        assert_eq!(Krw::new(1_234_567).to_string(), "₩1,234,567");
        assert_eq!(Krw::new(-500).to_string(), "-₩500");
        assert_eq!(Krw::new(0).to_string(), "₩0");
    }

    #[test]
    fn deposit_rounds_up_to_the_next_won() {
        let thirty = Percent::new(30).unwrap();
        assert_eq!(
            Krw::new(100_000).percent_rounded_up(thirty),
            Krw::new(30_000)
        );
        assert_eq!(Krw::new(10_001).percent_rounded_up(thirty), Krw::new(3_001));
        assert_eq!(
            Krw::new(5).percent_rounded_up(Percent::new(100).unwrap()),
            Krw::new(5)
        );
        assert_eq!(
            Krw::new(5).percent_rounded_up(Percent::new(0).unwrap()),
            Krw::ZERO
        );
    }

    #[test]
    fn percent_above_hundred_is_refused() {
        assert_eq!(Percent::new(101), Err(Error::PercentOutOfRange(101)));
    }

    #[test]
    fn estimate_converts_to_minor_units() {
        let table = table();
        let usd = CurrencyCode::parse("USD").unwrap();
        let estimate = table.estimate(Krw::new(138_050), usd).unwrap();
        assert_eq!(estimate.minor_units, 10_000);
        assert_eq!(estimate.to_string(), "100.00 USD");
        let jpy = CurrencyCode::parse("JPY").unwrap();
        assert_eq!(
            table.estimate(Krw::new(92_500), jpy).unwrap().to_string(),
            "10000 JPY"
        );
    }

    #[test]
    fn estimate_in_unknown_currency_is_refused() {
        let eur = CurrencyCode::parse("EUR").unwrap();
        assert_eq!(
            table().estimate(Krw::new(1), eur),
            Err(Error::UnknownCurrency("EUR".into()))
        );
    }

    #[test]
    fn malformed_currency_codes_are_refused() {
        assert!(CurrencyCode::parse("US").is_err());
        assert!(CurrencyCode::parse("U$D").is_err());
    }

    #[test]
    fn checked_arithmetic_refuses_overflow() {
        assert_eq!(
            Krw::new(i64::MAX).checked_add(Krw::new(1)),
            Err(Error::AmountOutOfRange)
        );
        assert_eq!(
            Krw::new(i64::MAX / 2 + 1).checked_mul(2),
            Err(Error::AmountOutOfRange)
        );
    }
}
