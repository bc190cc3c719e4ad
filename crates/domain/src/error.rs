//! The one error type of the domain crate: every rule that can refuse input says why here.

use time::OffsetDateTime;

use crate::order::OrderStatus;
use crate::ticket::TicketStatus;

/// Why a rule refused its input. Each variant names the offending thing so that the
/// server can point at the field and the widget can show a readable message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// A money computation left the range of `i64` won.
    #[error("amount out of range")]
    AmountOutOfRange,
    /// A percentage outside 0..=100.
    #[error("percentage {0} is outside 0..=100")]
    PercentOutOfRange(u16),
    /// No rate is configured for the requested display currency.
    #[error("no exchange rate for currency {0}")]
    UnknownCurrency(String),
    /// A currency code that is not three ASCII letters.
    #[error("currency code {0:?} is not three letters")]
    MalformedCurrency(String),
    /// A quantity outside the allowed range.
    #[error("quantity {given} is outside {min}..={max}")]
    QuantityOutOfRange {
        /// What was asked for.
        given: i64,
        /// The smallest allowed quantity.
        min: u16,
        /// The largest allowed quantity.
        max: u16,
    },
    /// The configuration names an option group the product does not have.
    #[error("this product has no option group {group:?}")]
    UnknownOptionGroup {
        /// The group code as given.
        group: String,
    },
    /// The configuration picks a value the group does not offer.
    #[error("option group {group:?} has no value {value:?}")]
    UnknownOptionValue {
        /// The group code.
        group: String,
        /// The value code as given.
        value: String,
    },
    /// A required text option (such as a monogram) was left empty.
    #[error("option {group:?} is required")]
    MissingOption {
        /// The group code.
        group: String,
    },
    /// A text option is longer than the workshop can make.
    #[error("{group:?} allows at most {max} characters, got {given}")]
    TextTooLong {
        /// The group code.
        group: String,
        /// The longest allowed text, in characters.
        max: usize,
        /// The length given, in characters.
        given: usize,
    },
    /// A text option contains characters the workshop cannot make.
    #[error("{group:?} cannot contain {rejected:?}")]
    CharactersNotAllowed {
        /// The group code.
        group: String,
        /// The offending characters, each once, in order of appearance.
        rejected: String,
    },
    /// The departure is not after the arrival.
    #[error("departure {departure} is not after arrival {arrival}")]
    DepartureBeforeArrival {
        /// The arrival given.
        arrival: OffsetDateTime,
        /// The departure given.
        departure: OffsetDateTime,
    },
    /// The trip has already ended.
    #[error("departure {departure} is in the past")]
    TripInPast {
        /// The departure given.
        departure: OffsetDateTime,
    },
    /// The trip is further ahead than workshops plan.
    #[error("departure {departure} is more than {max_days} days ahead")]
    TripTooFarAhead {
        /// The departure given.
        departure: OffsetDateTime,
        /// The planning horizon in days.
        max_days: u16,
    },
    /// An order status change that the lifecycle does not allow.
    #[error("an order cannot go from {from} to {to}")]
    IllegalTransition {
        /// The current status.
        from: OrderStatus,
        /// The requested status.
        to: OrderStatus,
    },
    /// A ticket status change that the workshop may not make.
    #[error("a ticket cannot go from {from} to {to}")]
    IllegalTicketTransition {
        /// The current status.
        from: TicketStatus,
        /// The requested status.
        to: TicketStatus,
    },
    /// A traveller's name that is empty, too long or has control characters.
    #[error("give the name as on the passport, 1 to 100 characters")]
    InvalidTravellerName,
    /// Text that cannot be an email address.
    #[error("{0:?} is not an email address")]
    InvalidEmail(String),
    /// Not four letters or digits.
    #[error("give the last four letters or digits of the passport number")]
    InvalidPassportLast4,
    /// Text that is not an order id.
    #[error("{0:?} is not an order id")]
    InvalidOrderId(String),
    /// A pickup code that does not parse or whose check character is wrong.
    #[error("{0:?} is not a valid pickup code")]
    InvalidPickupCode(String),
    /// A name that is not one of the known codes.
    #[error("{kind} {given:?} is not one of: {expected}")]
    UnknownName {
        /// What kind of name (category, language, …).
        kind: &'static str,
        /// The text given.
        given: String,
        /// The accepted names, comma separated.
        expected: &'static str,
    },
    /// Stored calendar or catalogue data that breaks an invariant.
    #[error("invalid stored data: {0}")]
    InvalidData(String),
}
