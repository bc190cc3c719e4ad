//! The widget's state and its pure decisions: what is chosen, what is valid, what to
//! send. The DOM layer (`dom`, wasm only) turns events into calls here and renders the
//! state with `view`; everything here runs natively in `cargo test -p widget`.

use std::collections::BTreeMap;

use domain::traveller;
use fitting::charts::ProductFit;

use crate::draft::{Draft, Mode, PlacedOrder};
use crate::format::SeoulTime;
use crate::i18n::{Lang, T};
use crate::sizing::{self, Evaluation, Suggestion};
use crate::wire::{
    CounterView, ItemRequest, ItineraryRequest, OrderRequest, OrderView, ProductView, QuoteRequest,
    QuoteView, TravellerRequest, WidgetConfig, WorkshopView,
};

/// What the API serves about goods, workshops and counters, in the page's language.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Catalogue {
    pub products: Vec<ProductView>,
    pub workshops: Vec<WorkshopView>,
    pub counters: Vec<CounterView>,
}

/// The quote for the current choice and trip.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum QuoteState {
    /// Nothing to quote yet (no product or no complete trip).
    #[default]
    None,
    /// Asked, not answered yet.
    Checking,
    /// The answer.
    Ready(QuoteView),
}

/// The card form.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum CardState {
    /// Not needed (no card payment chosen).
    #[default]
    Idle,
    /// Stripe.js is loading.
    Loading,
    /// Stripe.js is loaded; the Payment Element mounts once the order exists.
    Ready,
    /// Stripe.js could not be loaded.
    Unavailable,
    /// The Payment Element is mounted for the placed order.
    Mounted,
    /// Confirming the payment.
    Paying,
    /// The payment failed; the message says why.
    Failed(String),
}

/// An action that needs the API and can be retried after a network failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    LoadCatalogue,
    Quote,
    PlaceOrder,
    RefreshStatus,
}

/// The traveller's artwork for printed goods.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum ArtworkState {
    /// None chosen.
    #[default]
    None,
    /// Being read.
    Reading,
    /// Read and checked; the message says how sharp it prints. `usable` is false when
    /// the resolution is too low to print, `soft` when it prints but not sharply.
    Checked {
        message: String,
        usable: bool,
        soft: bool,
    },
    /// Refused; the message says why.
    Refused(String),
}

/// The whole state of the page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct App {
    pub lang: Lang,
    pub catalogue: Option<Catalogue>,
    pub config: WidgetConfig,
    pub draft: Draft,
    pub quote: QuoteState,
    /// Messages next to fields, by element id (from the last order attempt or the API).
    pub field_errors: BTreeMap<String, String>,
    /// A message for the whole page (an API problem without a field).
    pub notice: Option<String>,
    /// What to retry when the API was unreachable.
    pub retry: Option<Action>,
    pub placing: bool,
    pub placed: Option<PlacedOrder>,
    /// The placed order as last fetched.
    pub order: Option<OrderView>,
    pub card: CardState,
    pub artwork: ArtworkState,
    /// Whether the product list is open (it folds once a product is chosen).
    pub choosing: bool,
}

impl App {
    /// A page in `lang` restoring `draft`.
    pub fn new(lang: Lang, draft: Draft) -> App {
        App {
            lang,
            choosing: draft.product.is_none(),
            draft,
            ..App::default()
        }
    }

    /// A text in the page's language.
    pub fn t(&self, key: T) -> &'static str {
        self.lang.t(key)
    }

    /// A text with placeholders, in the page's language.
    pub fn f(&self, key: T, args: &[(&str, &str)]) -> String {
        self.lang.f(key, args)
    }

    /// The chosen product, if it is in the catalogue.
    pub fn product(&self) -> Option<&ProductView> {
        let code = self.draft.product.as_deref()?;
        self.catalogue
            .as_ref()?
            .products
            .iter()
            .find(|p| p.code == code)
    }

    /// How the chosen product is fitted.
    pub fn product_fit(&self) -> Option<ProductFit> {
        fitting::charts::for_product(&self.product()?.code)
    }

    /// The workshop's name.
    pub fn workshop_name(&self, id: i64) -> Option<&str> {
        let workshops = &self.catalogue.as_ref()?.workshops;
        workshops
            .iter()
            .find(|w| w.id == id)
            .map(|w| w.name.as_str())
    }

    /// The counter with this id.
    pub fn counter(&self, id: i64) -> Option<&CounterView> {
        self.catalogue
            .as_ref()?
            .counters
            .iter()
            .find(|c| c.id == id)
    }

    /// The catalogue arrived (again, e.g. in another language): keeps the choices that
    /// still exist, drops those that do not.
    pub fn set_catalogue(&mut self, catalogue: Catalogue) {
        self.catalogue = Some(catalogue);
        if self.draft.product.is_some() && self.product().is_none() {
            self.draft.product = None;
            self.draft.options.clear();
            self.notice = Some(self.t(T::ProductMissing).to_owned());
        }
        if let Some(product) = self.product() {
            let defaults = product.defaults();
            let groups: Vec<String> = product
                .option_groups
                .iter()
                .map(|g| g.code.clone())
                .collect();
            let options = &mut self.draft.options;
            options.retain(|group, _| groups.contains(group));
            for (group, value) in defaults {
                options.entry(group).or_insert(value);
            }
        }
        if self
            .draft
            .trip
            .counter_id
            .is_none_or(|id| self.counter(id).is_none())
        {
            self.draft.trip.counter_id = self
                .catalogue
                .as_ref()
                .and_then(|c| {
                    c.counters
                        .iter()
                        .find(|c| c.code.starts_with("icn"))
                        .or(c.counters.first())
                })
                .map(|c| c.id);
        }
        self.choosing = self.draft.product.is_none();
    }

    /// The traveller chose a product: its default options, a fresh quote.
    pub fn choose_product(&mut self, code: &str) {
        if self.draft.product.as_deref() != Some(code) {
            self.draft.product = Some(code.to_owned());
            self.draft.options = self
                .product()
                .map(ProductView::defaults)
                .unwrap_or_default();
            self.draft.sizing.mode = Mode::Body;
            self.artwork = ArtworkState::None;
            self.quote = QuoteState::None;
            self.field_errors.clear();
            self.notice = None;
        }
        self.choosing = false;
    }

    /// The options to send: only the product's groups, texts trimmed, empty texts left out.
    pub fn options(&self) -> BTreeMap<String, String> {
        let Some(product) = self.product() else {
            return BTreeMap::new();
        };
        crate::json::map_of(
            self.draft
                .options
                .iter()
                .filter(|(group, _)| product.group(group).is_some())
                .map(|(group, value)| (group.clone(), value.trim().to_owned()))
                .filter(|(_, value)| !value.is_empty()),
        )
    }

    /// The configuration priced by the server's rules; the error names the group.
    pub fn configuration(&self) -> Option<Result<domain::catalogue::Configuration, domain::Error>> {
        Some(self.product()?.to_domain().configure(&self.options()))
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

    /// The sizing step evaluated, for products sized to a body.
    pub fn evaluation(&self) -> Option<Evaluation> {
        let fit = self.product_fit()?;
        Some(sizing::evaluate(
            fit,
            &self.draft.sizing,
            sizing::fit_of(&self.draft.options),
        ))
    }

    /// Sets the product's `size` (and `width`) options from a shoe suggestion, when the
    /// product offers them; returns whether anything changed.
    pub fn apply_suggestion(&mut self) -> bool {
        let Some(Suggestion::Shoe(shoe)) = self.evaluation().and_then(|e| e.suggestion) else {
            return false;
        };
        let Some(product) = self.product() else {
            return false;
        };
        let offered = |group: &str, value: &str| {
            product
                .group(group)
                .is_some_and(|g| g.values.iter().any(|v| v.code == value))
        };
        let mut wanted = Vec::new();
        if offered("size", &shoe.code()) {
            wanted.push(("size", shoe.code()));
        }
        if offered("width", shoe.width.code()) {
            wanted.push(("width", shoe.width.code().to_owned()));
        }
        let mut changed = false;
        for (group, value) in wanted {
            if self.draft.options.get(group) != Some(&value) {
                self.draft.options.insert(group.to_owned(), value);
                changed = true;
            }
        }
        changed
    }

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

    /// The traveller's problems, by element id.
    pub fn traveller_errors(&self) -> Vec<(&'static str, String)> {
        let details = &self.draft.traveller;
        let mut errors = Vec::new();
        if !traveller::is_valid_name(&details.name) {
            errors.push(("traveller-name", self.t(T::ErrName).to_owned()));
        }
        if !traveller::is_plausible_email(&details.email) {
            errors.push(("traveller-email", self.t(T::ErrEmail).to_owned()));
        }
        if !traveller::is_valid_passport_last4(&details.passport_last4) {
            errors.push(("traveller-passport", self.t(T::ErrPassport).to_owned()));
        }
        errors
    }

    /// How the current items can be paid here: the quote's word, else the server's.
    pub fn payment_methods(&self) -> Vec<String> {
        if let QuoteState::Ready(quote) = &self.quote {
            return quote.payment_methods.clone();
        }
        let at_counter = self.product().is_some_and(|p| p.pay_at_counter);
        let mut methods = self.config.payment_methods.clone();
        if methods.is_empty() {
            methods.push("counter".to_owned());
        }
        methods.retain(|m| m != "counter" || at_counter);
        methods
    }

    /// The payment method to use: the traveller's choice if allowed, else the first.
    pub fn payment(&self) -> Option<String> {
        let methods = self.payment_methods();
        match &self.draft.payment {
            Some(chosen) if methods.contains(chosen) => Some(chosen.clone()),
            _ => methods.first().cloned(),
        }
    }

    /// Whether paying by card is possible here: the server has a key and Stripe.js loads.
    pub fn card_possible(&self) -> bool {
        self.config.stripe_publishable_key.is_some() && self.card != CardState::Unavailable
    }

    /// The order to place, or every problem by element id (the first is focused).
    pub fn order_request(&self) -> Result<OrderRequest, Vec<(String, String)>> {
        let mut errors: Vec<(String, String)> = Vec::new();
        let Some(product) = self.product() else {
            return Err(vec![("products".into(), self.t(T::ChooseFirst).into())]);
        };
        if let Some(evaluation) = self.evaluation() {
            for (point, error) in &evaluation.errors {
                let message = crate::view::field_error_text(self, *point, error);
                errors.push((crate::view::measure_id(&self.draft.sizing, *point), message));
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

    /// Whether the quote says the trip works.
    pub fn feasible(&self) -> bool {
        matches!(&self.quote, QuoteState::Ready(q) if q.feasible)
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
pub fn field_for_pointer(pointer: &str, sizing: &crate::draft::Sizing) -> Option<String> {
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
            crate::view::measure_id(sizing, point)
        }
        _ => return None,
    };
    Some(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Traveller;
    use crate::tests_support::{catalogue, feasible_quote};

    fn app() -> App {
        let mut app = App::new(Lang::En, Draft::new("key".into()));
        app.set_catalogue(catalogue());
        app
    }

    fn ready(app: &mut App) {
        app.choose_product("made-to-measure-shirt");
        app.draft.trip.arrival = "2026-12-01T10:00".into();
        app.draft.trip.departure = "2026-12-22T18:00".into();
        app.draft.traveller = Traveller {
            name: " Mia Tanaka ".into(),
            email: "mia@example.jp".into(),
            passport_last4: "7k2q".into(),
        };
        app.quote = QuoteState::Ready(feasible_quote());
    }

    #[test]
    fn choosing_a_product_takes_its_defaults_and_folds_the_list() {
        let mut app = app();
        assert!(app.choosing);
        app.choose_product("made-to-measure-shirt");
        assert!(!app.choosing);
        assert_eq!(app.options()["fabric"], "cotton-poplin");
        assert_eq!(app.draft.trip.counter_id, Some(2), "Incheon by default");
        app.draft.options.insert("monogram".into(), " mt!".into());
        assert_eq!(
            app.text_error("monogram").as_deref(),
            Some("These characters cannot be made: “m”, “t”, “!”.")
        );
        app.draft.options.insert("monogram".into(), "ABCD".into());
        assert_eq!(
            app.text_error("monogram").as_deref(),
            Some("At most 3 characters; you typed 4.")
        );
        app.draft.options.insert("monogram".into(), "MT".into());
        assert_eq!(app.text_error("monogram"), None);
        let configuration = app.configuration().expect("a product").expect("valid");
        assert_eq!(configuration.unit_price.won(), 195_000);
    }

    #[test]
    fn a_quote_needs_a_valid_configuration_and_a_trip() {
        let mut app = app();
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
        let mut app = app();
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
        let sizing = crate::draft::Sizing::default();
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

    #[test]
    fn a_catalogue_in_another_language_keeps_the_choices() {
        let mut app = app();
        ready(&mut app);
        app.draft.options.insert("monogram".into(), "MT".into());
        app.draft.options.insert("gone".into(), "x".into());
        app.set_catalogue(catalogue());
        assert_eq!(app.draft.product.as_deref(), Some("made-to-measure-shirt"));
        assert_eq!(
            app.draft.options.get("monogram").map(String::as_str),
            Some("MT")
        );
        assert!(!app.draft.options.contains_key("gone"));
        app.draft.product = Some("withdrawn".into());
        app.set_catalogue(catalogue());
        assert_eq!(app.draft.product, None);
        assert!(app.notice.is_some() && app.choosing);
    }
}
