//! The page as HTML, from the state: one function per region of the page, one file per
//! step of the page.
//!
//! Pure string building (every catalogue or typed text is escaped), so it is tested
//! natively and the wasm stays small (no UI framework). The DOM layer puts each region
//! into its container; inputs carry stable ids so focus survives a re-render, and every
//! control has a `<label>`, every group a `<fieldset>` with a `<legend>`, every message
//! words (and an icon), never colour alone.
//!
//! This file only lists the regions and the sections shown; the steps draw them:
//! `frame` (containers, title, language, notices), `products`, `sizing` and `fit`
//! (measurements and the suggested size), `options` (choices, monogram, artwork, price),
//! `trip` (the trip and whether it can be ready), `traveller`, `pay` (payment and the card
//! form), `done` (the confirmation and the order's status), and `parts` (what several
//! steps show).

mod done;
mod fit;
mod frame;
mod options;
mod parts;
mod pay;
mod products;
mod sizing;
mod traveller;
mod trip;

pub use frame::{SECTIONS, SHELL};

use crate::app::App;
use crate::i18n::T;

/// The regions of the page and their HTML, in page order.
pub fn regions(app: &App) -> Vec<(&'static str, String)> {
    let mut out = vec![
        ("g-lang", frame::language_switcher(app)),
        ("g-head", frame::head(app)),
        ("g-notice", frame::notice(app)),
        ("c-products", products::products(app)),
        ("c-sizing", sizing::sizing(app)),
        ("c-options", options::options(app)),
        ("c-trip", trip::trip(app)),
        ("c-traveller", traveller::traveller(app)),
        ("c-pay", pay::pay(app)),
        ("c-card", pay::card(app)),
        ("c-done", done::done(app)),
    ];
    out.extend(outputs(app));
    out
}

/// The regions that only show results (updated while the traveller types, without
/// touching the inputs).
pub fn outputs(app: &App) -> Vec<(&'static str, String)> {
    vec![
        ("c-fit", fit::fit_result(app)),
        ("c-price", options::price(app)),
        ("c-quote", trip::quote(app)),
    ]
}

/// The sections shown, with their headings' texts: `(section id, heading)`. Steps are
/// numbered as shown; sections not listed are hidden.
pub fn sections(app: &App) -> Vec<(&'static str, String)> {
    match &app.placed {
        Some(p) if p.client_secret.is_none() => {
            return vec![("s-done", app.t(T::StepDone).to_owned())];
        }
        Some(_) => return vec![("s-pay", app.t(T::StepPay).to_owned())],
        None => {}
    }
    let mut steps: Vec<(&'static str, T)> = vec![("s-products", T::StepProduct)];
    if app.product().is_some() && !app.choosing {
        if app.product_fit().is_some() {
            steps.push(("s-sizing", T::StepSizing));
        }
        steps.extend([
            ("s-options", T::StepOptions),
            ("s-trip", T::StepTrip),
            ("s-traveller", T::StepTraveller),
            ("s-pay", T::StepPay),
        ]);
    }
    steps
        .into_iter()
        .enumerate()
        .map(|(i, (id, key))| (id, format!("{}. {}", i + 1, app.t(key))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::QuoteState;
    use crate::draft::{Mode, PlacedOrder};
    use crate::i18n::Lang;
    use crate::tests_support::{app, feasible_quote};

    /// Every `<input>` and `<select>` has a `<label for>` with its id (radios sit inside
    /// their label), so every control is named for screen readers.
    fn assert_labelled(html: &str) {
        for tag in ["<input ", "<select "] {
            for part in html.split(tag).skip(1) {
                let attrs = &part[..part.find('>').expect("a closed tag")];
                if attrs.contains(r#"type="radio""#) {
                    continue;
                }
                let id = attrs
                    .split("id=\"")
                    .nth(1)
                    .and_then(|rest| rest.split('"').next())
                    .unwrap_or_else(|| panic!("no id in {attrs}"));
                assert!(
                    html.contains(&format!(r#"<label for="{id}""#)),
                    "no label for {id}"
                );
            }
        }
    }

    #[test]
    fn every_control_is_labelled_in_every_state() {
        for lang in Lang::ALL {
            for product in ["made-to-measure-shirt", "derby-shoes", "card-wallet"] {
                for mode in [Mode::Body, Mode::Garment, Mode::Skip] {
                    let mut app = app(lang);
                    app.choose_product(product);
                    app.draft.sizing.mode = mode;
                    app.quote = QuoteState::Ready(feasible_quote());
                    let html: String = regions(&app).into_iter().map(|(_, h)| h).collect();
                    assert_labelled(&html);
                }
            }
        }
    }

    #[test]
    fn steps_are_numbered_as_shown() {
        let mut app = app(Lang::En);
        assert_eq!(sections(&app).len(), 1);
        app.choose_product("made-to-measure-shirt");
        let headings: Vec<String> = sections(&app).into_iter().map(|(_, h)| h).collect();
        assert_eq!(headings[1], "2. Your size");
        assert_eq!(headings[5], "6. Pay and order");
        app.choose_product("card-wallet");
        let shown: Vec<&str> = sections(&app).into_iter().map(|(id, _)| id).collect();
        assert!(!shown.contains(&"s-sizing"));
        // A card order waits for its payment: only the payment step shows.
        app.placed = Some(PlacedOrder {
            id: "o1".into(),
            token: "t".into(),
            pickup_code: "ABCD-2345".into(),
            counter_id: 2,
            payment: "stripe".into(),
            due_now_krw: 54_000,
            client_secret: Some("pi_1_secret_2".into()),
        });
        assert_eq!(sections(&app), vec![("s-pay", "Pay and order".to_owned())]);
        assert!(done::done(&app).is_empty());
        assert!(pay::card(&app).contains(r#"data-act="new-order""#));
        // Paid (or paid at the counter): only the confirmation.
        if let Some(placed) = app.placed.as_mut() {
            placed.client_secret = None;
        }
        assert_eq!(sections(&app), vec![("s-done", "Your order".to_owned())]);
        let html = done::done(&app);
        assert!(
            html.contains("ABCD-2345") && html.contains("<svg"),
            "{html}"
        );
        assert!(html.contains(r#"aria-label="QR code of pickup code ABCD-2345""#));
    }
}
