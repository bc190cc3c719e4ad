//! A traveller's trip: when they land, when they fly home, and where they collect.

use time::{Duration, OffsetDateTime};

use crate::Error;
use crate::counter::CounterId;

/// How far ahead a departure may be: the booking horizon (commerce rules: 90 days, since
/// made-to-order needs lead time; duty-free shops open 30 to 60 days ahead).
pub const MAX_DAYS_AHEAD: u16 = 90;

/// A checked trip: the departure is after the arrival and neither in the past nor
/// beyond the planning horizon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Itinerary {
    arrival: OffsetDateTime,
    departure: OffsetDateTime,
    counter_id: CounterId,
}

impl Itinerary {
    /// Checks a trip against `now`.
    pub fn new(
        arrival: OffsetDateTime,
        departure: OffsetDateTime,
        counter_id: CounterId,
        now: OffsetDateTime,
    ) -> Result<Itinerary, Error> {
        if departure <= arrival {
            return Err(Error::DepartureBeforeArrival { arrival, departure });
        }
        if departure <= now {
            return Err(Error::TripInPast { departure });
        }
        if departure - now > Duration::days(i64::from(MAX_DAYS_AHEAD)) {
            return Err(Error::TripTooFarAhead {
                departure,
                max_days: MAX_DAYS_AHEAD,
            });
        }
        Ok(Itinerary {
            arrival,
            departure,
            counter_id,
        })
    }

    /// When the traveller lands.
    pub fn arrival(&self) -> OffsetDateTime {
        self.arrival
    }

    /// When the traveller flies home.
    pub fn departure(&self) -> OffsetDateTime {
        self.departure
    }

    /// The counter chosen for pickup.
    pub fn counter_id(&self) -> CounterId {
        self.counter_id
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const NOW: OffsetDateTime = datetime!(2026-11-25 12:00 UTC);

    #[test]
    fn a_trip_must_end_after_it_starts() {
        let result = Itinerary::new(
            datetime!(2026-12-10 10:00 +9),
            datetime!(2026-12-10 10:00 +9),
            CounterId(1),
            NOW,
        );
        assert!(matches!(result, Err(Error::DepartureBeforeArrival { .. })));
    }

    #[test]
    fn a_trip_in_the_past_is_refused() {
        let result = Itinerary::new(
            datetime!(2026-11-01 10:00 +9),
            datetime!(2026-11-05 10:00 +9),
            CounterId(1),
            NOW,
        );
        assert!(matches!(result, Err(Error::TripInPast { .. })));
    }

    #[test]
    fn a_trip_beyond_the_horizon_is_refused() {
        let result = Itinerary::new(
            datetime!(2027-12-01 10:00 +9),
            datetime!(2027-12-05 10:00 +9),
            CounterId(1),
            NOW,
        );
        assert!(matches!(result, Err(Error::TripTooFarAhead { .. })));
    }

    #[test]
    fn a_trip_already_under_way_is_accepted() {
        let trip = Itinerary::new(
            datetime!(2026-11-20 10:00 +9),
            datetime!(2026-12-05 10:00 +9),
            CounterId(3),
            NOW,
        )
        .unwrap();
        assert_eq!(trip.counter_id(), CounterId(3));
    }
}
