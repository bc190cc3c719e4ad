//! The widget's state and its pure decisions: what is chosen, what is valid, what to
//! send. The DOM layer (`dom`, wasm only) turns events into calls here and renders the
//! state with `view`; everything here runs natively in `cargo test -p widget`.
//!
//! This file holds the state and what changes it (a catalogue arriving, a product chosen,
//! a shoe size applied) with the decisions read from it (the product, its configuration,
//! the sizing's answer, how it can be paid). [`fields`] words what is wrong with each
//! field and says which field an API problem points at; `requests` builds the quote and
//! the order to send.

pub mod fields;
mod requests;

use std::collections::BTreeMap;

use fitting::charts::ProductFit;

use crate::draft::{Draft, Mode, PlacedOrder};
use crate::i18n::{Lang, T};
use crate::sizing::{self, Evaluation, Suggestion};
use crate::wire::{CounterView, OrderView, ProductView, QuoteView, WidgetConfig, WorkshopView};

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

    /// Whether the quote says the trip works.
    pub fn feasible(&self) -> bool {
        matches!(&self.quote, QuoteState::Ready(q) if q.feasible)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests_support::{app, catalogue, ready};

    #[test]
    fn choosing_a_product_takes_its_defaults_and_folds_the_list() {
        let mut app = app(Lang::En);
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
    fn a_catalogue_in_another_language_keeps_the_choices() {
        let mut app = app(Lang::En);
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
