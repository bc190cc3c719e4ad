//! Who made a change: recorded with every status change and shown on timelines.

use std::fmt;
use std::str::FromStr;

use crate::Error;
use crate::staff::Role;

/// Who made a change.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Actor {
    /// The traveller, holding the order's token.
    Traveller,
    /// A signed-in staff member.
    Staff {
        /// The member's role and place.
        role: Role,
        /// The member's sign-in address.
        email: String,
    },
    /// A background worker of the server (confirmations, releases, following tickets).
    System,
    /// Stripe, through a signed webhook.
    Stripe,
}

impl fmt::Display for Actor {
    /// As recorded: `traveller`, `system`, `stripe`, or `workshop:3 (kim@example.kr)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Actor::Traveller => f.write_str("traveller"),
            Actor::System => f.write_str("system"),
            Actor::Stripe => f.write_str("stripe"),
            Actor::Staff { role, email } => write!(f, "{role} ({email})"),
        }
    }
}

impl FromStr for Actor {
    type Err = Error;

    fn from_str(text: &str) -> Result<Actor, Error> {
        let unknown = || Error::UnknownName {
            kind: "actor",
            given: text.to_owned(),
            expected: "traveller, system, stripe, or a role with an email",
        };
        match text {
            "traveller" => return Ok(Actor::Traveller),
            "system" => return Ok(Actor::System),
            "stripe" => return Ok(Actor::Stripe),
            _ => {}
        }
        let (role, rest) = text.split_once(" (").ok_or_else(unknown)?;
        let email = rest.strip_suffix(')').ok_or_else(unknown)?;
        let (kind, place) = match role.split_once(':') {
            Some((kind, place)) => (kind, Some(place.parse().map_err(|_| unknown())?)),
            None => (role, None),
        };
        let role = Role::from_parts(kind, place).map_err(|_| unknown())?;
        Ok(Actor::Staff {
            role,
            email: email.to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::WorkshopId;

    #[test]
    fn actors_read_back_as_recorded() {
        let staff = Actor::Staff {
            role: Role::Workshop(WorkshopId(3)),
            email: "kim@example.kr".into(),
        };
        assert_eq!(staff.to_string(), "workshop:3 (kim@example.kr)");
        let operator = Actor::Staff {
            role: Role::Operator,
            email: "op@gongbang.demo".into(),
        };
        for actor in [
            Actor::Traveller,
            Actor::System,
            Actor::Stripe,
            staff,
            operator,
        ] {
            assert_eq!(actor.to_string().parse::<Actor>(), Ok(actor));
        }
        assert!("someone".parse::<Actor>().is_err());
        assert!("workshop (kim@example.kr)".parse::<Actor>().is_err());
    }
}
