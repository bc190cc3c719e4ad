//! A ticket's identity and its printed number (`T000042`), which staff type or scan.

use std::fmt;

/// The id of a production ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TicketId(pub i32);

impl TicketId {
    /// The ticket a printed number (`T000042`, `t42` or `42`) names, if it can be one.
    pub fn parse_number(text: &str) -> Option<TicketId> {
        parse_ticket_number(text)
            .and_then(|id| i32::try_from(id).ok())
            .map(TicketId)
    }

    /// The printed number, `T` and six digits.
    pub fn number(self) -> String {
        ticket_number(i64::from(self.0))
    }
}

impl fmt::Display for TicketId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A ticket's printed number, `T` and six digits, derived from its id.
pub fn ticket_number(id: i64) -> String {
    format!("T{id:06}")
}

/// The id inside a printed ticket number (`T000042`, `t42` or `42`).
pub fn parse_ticket_number(text: &str) -> Option<i64> {
    let digits = text.trim().trim_start_matches(['T', 't']);
    digits.parse().ok().filter(|id| *id > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticket_numbers_round_trip() {
        assert_eq!(ticket_number(42), "T000042");
        assert_eq!(TicketId(42).number(), "T000042");
        assert_eq!(parse_ticket_number("T000042"), Some(42));
        assert_eq!(parse_ticket_number(" t42 "), Some(42));
        assert_eq!(parse_ticket_number("T0"), None);
        assert_eq!(parse_ticket_number("X1"), None);
        assert_eq!(TicketId::parse_number("T000042"), Some(TicketId(42)));
        assert_eq!(TicketId::parse_number("T99999999999"), None);
    }
}
