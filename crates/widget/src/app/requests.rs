//! What the page sends: the quote and the order, built from the state once every field
//! is right (else every problem, by element id).

use super::App;
use super::fields::measure_id;
use crate::format::SeoulTime;
use crate::i18n::T;
use crate::sizing;
use crate::wire::{ItemRequest, ItineraryRequest, OrderRequest, QuoteRequest, TravellerRequest};

impl App {
    /// The item to quote or order.
    fn item(&self) -> Option<ItemRequest> {
        let product = self.product()?;
        let fitting = self.product_fit().and_then(|fit| {
            sizing::fitting_request(fit, &self.draft.sizing, sizing::fit_of(&self.draft.options))
        });
        Some(ItemRequest {
            product_id: product.id,
            quantity: 1,
            options: self.options(),
            fitting,
        })
    }

    fn itinerary(&self) -> Option<ItineraryRequest> {
        let trip = &self.draft.trip;
        let arrival = SeoulTime::from_local(&trip.arrival)?;
        let departure = SeoulTime::from_local(&trip.departure)?;
        (departure > arrival).then(|| ItineraryRequest {
            arrival: arrival.rfc3339(),
            departure: departure.rfc3339(),
            counter_id: trip.counter_id.unwrap_or_default(),
        })
    }

    /// The quote to ask for, once a valid configuration and a complete trip exist.
    pub fn quote_request(&self) -> Option<QuoteRequest> {
        if self.configuration()?.is_err() || self.draft.trip.counter_id.is_none() {
            return None;
        }
        Some(QuoteRequest {
            items: vec![self.item()?],
            itinerary: self.itinerary()?,
        })
    }

    /// The order to place, or every problem by element id (the first is focused).
    pub fn order_request(&self) -> Result<OrderRequest, Vec<(String, String)>> {
        let mut errors: Vec<(String, String)> = Vec::new();
        let Some(product) = self.product() else {
            return Err(vec![("products".into(), self.t(T::ChooseFirst).into())]);
        };
        if let Some(evaluation) = self.evaluation() {
            for (point, error) in &evaluation.errors {
                let message = self.field_error_text(*point, error);
                errors.push((measure_id(&self.draft.sizing, *point), message));
            }
        }
        for group in &product.option_groups {
            if let Some(message) = self.text_error(&group.code) {
                errors.push((format!("opt-{}", group.code), message));
            }
        }
        for (id, message) in self.trip_errors() {
            errors.push((id.to_owned(), message));
        }
        for (id, message) in self.traveller_errors() {
            errors.push((id.to_owned(), message));
        }
        let item = self.item();
        let itinerary = self.itinerary();
        let payment = self.payment();
        match (item, itinerary, payment) {
            (Some(item), Some(itinerary), Some(payment)) if errors.is_empty() => {
                let traveller = &self.draft.traveller;
                Ok(OrderRequest {
                    items: vec![item],
                    itinerary,
                    traveller: TravellerRequest {
                        name: traveller.name.trim().to_owned(),
                        email: traveller.email.trim().to_owned(),
                        passport_last4: traveller.passport_last4.trim().to_ascii_uppercase(),
                        language: self.lang.code().to_owned(),
                    },
                    payment,
                })
            }
            (.., None) if errors.is_empty() => {
                Err(vec![("trip-departure".into(), self.t(T::NeedTrip).into())])
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;
    use crate::tests_support::{app, ready};

    #[test]
    fn a_quote_needs_a_valid_configuration_and_a_trip() {
        let mut app = app(Lang::En);
        assert_eq!(app.quote_request(), None);
        app.choose_product("made-to-measure-shirt");
        assert_eq!(app.quote_request(), None, "no trip yet");
        app.draft.trip.arrival = "2026-12-01T10:00".into();
        app.draft.trip.departure = "2026-12-01T09:00".into();
        assert_eq!(app.quote_request(), None, "departure before arrival");
        assert_eq!(
            app.trip_errors(),
            vec![(
                "trip-departure",
                "The departure must be after the arrival.".to_owned()
            )]
        );
        app.draft.trip.departure = "2026-12-22T18:00".into();
        let request = app.quote_request().expect("a quote");
        assert_eq!(request.itinerary.arrival, "2026-12-01T10:00:00+09:00");
        assert_eq!(request.items[0].fitting, None);
        app.draft.sizing.body.insert("chest".into(), "100".into());
        let request = app.quote_request().expect("a quote");
        assert_eq!(
            request.items[0]
                .fitting
                .as_ref()
                .expect("fitting")
                .get("measurements")
                .get("chest")
                .get("value")
                .f64(),
            Some(100.0)
        );
        app.draft.options.insert("monogram".into(), "é".into());
        assert_eq!(app.quote_request(), None, "an invalid monogram");
    }

    #[test]
    fn an_order_collects_every_problem_or_the_request() {
        let mut app = app(Lang::En);
        ready(&mut app);
        app.draft.sizing.body.insert("chest".into(), "400".into());
        app.draft.traveller.email = "mia".into();
        let errors = app.order_request().expect_err("problems");
        let ids: Vec<&str> = errors.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["m-chest", "traveller-email"]);
        assert!(errors[0].1.contains("60 cm to 160 cm"), "{}", errors[0].1);
        app.draft.sizing.body.insert("chest".into(), "100".into());
        app.draft.traveller.email = "mia@example.jp".into();
        let request = app.order_request().expect("an order");
        assert_eq!(request.traveller.name, "Mia Tanaka");
        assert_eq!(request.traveller.passport_last4, "7K2Q");
        assert_eq!(request.traveller.language, "en");
        assert_eq!(request.payment, "stripe");
        app.draft.payment = Some("counter".into());
        assert_eq!(
            app.order_request().expect("an order").payment,
            "stripe",
            "the quote does not allow paying the shirt at the counter"
        );
    }
}
