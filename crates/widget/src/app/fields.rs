//! The form's fields as the page names them: each field's element id, what is wrong with
//! its value in words, and which field an API problem's JSON Pointer points at.

use fitting::Point;

use super::App;
use crate::draft::Sizing;
use crate::format::{SeoulTime, length};
use crate::i18n::{T, point_name};
use crate::sizing::FieldError;
use domain::traveller;

/// The element id of a measurement field.
pub fn measure_id(_sizing: &Sizing, point: Point) -> String {
    format!("m-{}", point.code())
}

impl App {
    /// The message of a measurement that cannot be used.
    pub fn field_error_text(&self, point: Point, error: &FieldError) -> String {
        let name = self.t(point_name(point));
        let unit = self.draft.sizing.unit.unit();
        match error {
            FieldError::NotANumber { given } => {
                self.f(T::ErrNumber, &[("point", name), ("given", given)])
            }
            FieldError::OutOfRange {
                given,
                min,
                max,
                flat,
            } => self.f(
                if *flat { T::ErrFlatRange } else { T::ErrRange },
                &[
                    ("point", name),
                    ("given", &length(*given, unit)),
                    ("min", &length(*min, unit)),
                    ("max", &length(*max, unit)),
                ],
            ),
        }
    }

    /// The message for a text option group's current value, if it is refused.
    pub fn text_error(&self, group: &str) -> Option<String> {
        let product = self.product()?;
        let rule = product.group(group)?.text_rule.as_ref()?;
        let text = self.draft.options.get(group).map_or("", |t| t.trim());
        let domain_rule = domain::catalogue::TextRule {
            max_chars: rule.max_chars,
            allowed: crate::json::char_set(&rule.allowed_characters),
            required: rule.required,
            price_delta: domain::money::Krw::new(rule.price_delta_krw),
            minutes_delta: 0,
        };
        match domain_rule.check(group, text) {
            Ok(()) => None,
            Err(domain::Error::CharactersNotAllowed { rejected, .. }) => {
                let chars: Vec<String> = rejected
                    .chars()
                    .map(|c| {
                        if c == ' ' {
                            "“ ”".to_owned()
                        } else {
                            format!("“{c}”")
                        }
                    })
                    .collect();
                Some(self.f(T::ErrChars, &[("chars", &chars.join(", "))]))
            }
            Err(domain::Error::TextTooLong { max, given, .. }) => Some(self.f(
                T::ErrTooLong,
                &[("max", &max.to_string()), ("given", &given.to_string())],
            )),
            Err(_) => Some(self.t(T::ErrRequired).to_owned()),
        }
    }

    /// The trip's problems, by element id.
    pub fn trip_errors(&self) -> Vec<(&'static str, String)> {
        let trip = &self.draft.trip;
        let mut errors = Vec::new();
        let arrival = SeoulTime::from_local(&trip.arrival);
        let departure = SeoulTime::from_local(&trip.departure);
        if arrival.is_none() {
            errors.push(("trip-arrival", self.t(T::ErrDateMissing).to_owned()));
        }
        if departure.is_none() {
            errors.push(("trip-departure", self.t(T::ErrDateMissing).to_owned()));
        }
        if let (Some(a), Some(d)) = (arrival, departure)
            && d <= a
        {
            errors.push(("trip-departure", self.t(T::ErrDepartureOrder).to_owned()));
        }
        errors
    }

    /// The traveller's problems, by element id.
    pub fn traveller_errors(&self) -> Vec<(&'static str, String)> {
        let details = &self.draft.traveller;
        let mut errors = Vec::new();
        if traveller::TravellerName::parse(&details.name).is_err() {
            errors.push(("traveller-name", self.t(T::ErrName).to_owned()));
        }
        if traveller::EmailAddress::parse(&details.email).is_err() {
            errors.push(("traveller-email", self.t(T::ErrEmail).to_owned()));
        }
        if traveller::PassportLast4::parse(&details.passport_last4).is_err() {
            errors.push(("traveller-passport", self.t(T::ErrPassport).to_owned()));
        }
        errors
    }
}

/// Latin letters typed in lower case become capitals when the workshop makes only
/// capitals (a monogram "mt" is meant as "MT"); anything else is kept, to be named.
pub fn capitals_if_only_capitals(text: &str, allowed: &str) -> String {
    text.chars()
        .map(|c| {
            let upper = c.to_ascii_uppercase();
            if c.is_ascii_lowercase() && !allowed.contains(c) && allowed.contains(upper) {
                upper
            } else {
                c
            }
        })
        .collect()
}

/// The element id a problem's JSON Pointer points at, if the page shows that field.
pub fn field_for_pointer(pointer: &str, sizing: &Sizing) -> Option<String> {
    let parts: Vec<&str> = pointer.trim_start_matches('/').split('/').collect();
    let id = match parts.as_slice() {
        ["traveller", "name"] => "traveller-name".to_owned(),
        ["traveller", "email"] => "traveller-email".to_owned(),
        ["traveller", "passport_last4"] => "traveller-passport".to_owned(),
        ["itinerary", "arrival"] => "trip-arrival".to_owned(),
        ["itinerary", "departure"] => "trip-departure".to_owned(),
        ["itinerary", "counter_id"] => "trip-counter".to_owned(),
        ["items", _, "options", group, ..] => format!("opt-{group}"),
        [
            "items",
            _,
            "fitting",
            "measurements" | "reference_garment",
            point,
            ..,
        ] => {
            let point: fitting::Point = point.parse().ok()?;
            measure_id(sizing, point)
        }
        _ => return None,
    };
    Some(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_monograms_become_capitals_only_where_that_is_all_there_is() {
        assert_eq!(capitals_if_only_capitals("mt", "ABCMT"), "MT");
        assert_eq!(
            capitals_if_only_capitals("mé1", "&.ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
            "Mé1"
        );
        assert_eq!(capitals_if_only_capitals("ab", "abAB"), "ab");
        assert_eq!(capitals_if_only_capitals("김a", "김A"), "김A");
    }

    #[test]
    fn problems_point_at_the_fields_shown() {
        let sizing = Sizing::default();
        let check = |pointer: &str, id: Option<&str>| {
            assert_eq!(
                field_for_pointer(pointer, &sizing).as_deref(),
                id,
                "{pointer}"
            );
        };
        check("/traveller/passport_last4", Some("traveller-passport"));
        check("/itinerary/departure", Some("trip-departure"));
        check("/items/0/options/monogram", Some("opt-monogram"));
        check("/items/0/fitting/measurements/chest/value", Some("m-chest"));
        check(
            "/items/0/fitting/reference_garment/waist/value",
            Some("m-waist"),
        );
        check("/items/0/fitting/measurements/elbow/value", None);
        check("/currency", None);
    }
}
