//! Fixtures for the unit tests: a small catalogue as the API serves it, quotes, and a
//! page showing it.

use crate::app::{App, Catalogue, QuoteState};
use crate::draft::{Draft, Traveller};
use crate::i18n::Lang;
use crate::json::Json;
use crate::wire::{CounterView, ProductView, QuoteView, WorkshopView};

pub(crate) const SHIRT: &str = r#"{"id":1,"code":"made-to-measure-shirt","workshop_id":1,"category":"garment",
    "name":"Made-to-measure shirt","description":"d","base_price_krw":180000,"deposit_percent":30,
    "pay_at_counter":false,"lead_days":1,"production_minutes":240,"option_groups":[
    {"code":"fabric","label":"Fabric","kind":"choice","values":[
      {"code":"cotton-poplin","label":"Cotton poplin","price_delta_krw":0,"production_minutes_delta":0,"default":true},
      {"code":"irish-linen","label":"Irish linen","price_delta_krw":40000,"production_minutes_delta":60,"default":false}]},
    {"code":"monogram","label":"Monogram","kind":"text","text_rule":{"max_chars":3,
      "allowed_characters":"&.ABCDEFGHIJKLMNOPQRSTUVWXYZ","required":false,"price_delta_krw":15000}}],
    "future_member":{"ignored":true}}"#;

const SHOES: &str = r#"{"id":4,"code":"derby-shoes","workshop_id":2,"category":"shoes",
    "name":"Derby shoes","description":"d","base_price_krw":420000,"deposit_percent":50,
    "pay_at_counter":false,"lead_days":0,"production_minutes":0,"option_groups":[
    {"code":"size","label":"Size","kind":"choice","values":[
      {"code":"260","label":"260","price_delta_krw":0,"production_minutes_delta":0,"default":true},
      {"code":"265","label":"265","price_delta_krw":0,"production_minutes_delta":0,"default":false}]},
    {"code":"width","label":"Width","kind":"choice","values":[
      {"code":"standard","label":"Standard","price_delta_krw":0,"production_minutes_delta":0,"default":true},
      {"code":"wide","label":"Wide","price_delta_krw":0,"production_minutes_delta":0,"default":false}]}],
    "look":null}"#;

const WALLET: &str = r#"{"id":9,"code":"card-wallet","workshop_id":3,"category":"bag",
    "name":"Card wallet","description":"d","base_price_krw":85000,"deposit_percent":0,
    "pay_at_counter":true,"lead_days":0,"production_minutes":0,"option_groups":[
    {"code":"monogram","label":"Monogram","kind":"text","text_rule":{"max_chars":3,
      "allowed_characters":"ABC김","required":false,"price_delta_krw":10000}}],
    "look":{"art":"wallet","body":"leather","swatches":{}}}"#;

/// The shirt alone.
pub(crate) fn shirt() -> ProductView {
    ProductView::from_json(&Json::parse(SHIRT).expect("json")).expect("the shirt parses")
}

/// A small catalogue: the shirt, shoes, a wallet; two counters.
pub(crate) fn catalogue() -> Catalogue {
    let parse =
        |json: &str| ProductView::from_json(&Json::parse(json).expect("json")).expect("parses");
    Catalogue {
        products: vec![parse(SHIRT), parse(SHOES), parse(WALLET)],
        workshops: vec![WorkshopView {
            id: 1,
            name: "Sogong-dong Tailors".into(),
        }],
        counters: Json::parse(
            r#"[{"id":1,"code":"myeongdong","name":"Myeongdong shop","address":"Myeong-dong 8-gil",
                  "opens_at":"10:00","closes_at":"20:00"},
                {"id":2,"code":"icn-t1","name":"Incheon T1","address":"Terminal 1, 3F",
                  "opens_at":"05:30","closes_at":"23:00"}]"#,
        )
        .expect("json")
        .items()
        .iter()
        .filter_map(CounterView::from_json)
        .collect(),
    }
}

/// A feasible quote payable by card only.
pub(crate) fn feasible_quote() -> QuoteView {
    quote(
        r#"{"feasible":true,"total_krw":180000,"deposit_krw":54000,"counter_id":2,
        "pickup_deadline":"2026-12-22T15:00:00+09:00",
        "items":[{"unit_price_krw":180000,"ready_by":"2026-12-08T18:00:00+09:00"}],
        "reasons":[],"alternatives":[],"payment_methods":["stripe"]}"#,
    )
}

/// A quote from its JSON.
pub(crate) fn quote(json: &str) -> QuoteView {
    QuoteView::from_json(&Json::parse(json).expect("json")).expect("a quote")
}

/// Asserts that `text` reads with `read`, and no longer reads once any one of `members`
/// is renamed (`(member, renamed)`, at its first place in `text`); returns what it read.
pub(crate) fn assert_required<T: std::fmt::Debug>(
    text: &str,
    read: impl Fn(&Json) -> Option<T>,
    members: &[(&str, &str)],
) -> T {
    let parse = |text: &str| read(&Json::parse(text).expect("json"));
    for (member, renamed) in members {
        let changed = text.replacen(member, renamed, 1);
        assert_ne!(changed, text, "{member} is not in the document");
        assert!(
            parse(&changed).is_none(),
            "{member} renamed {renamed} still reads"
        );
    }
    parse(text).expect("the document reads")
}

/// A page in `lang` with the small catalogue.
pub(crate) fn app(lang: Lang) -> App {
    let mut app = App::new(lang, Draft::new("key".into()));
    app.set_catalogue(catalogue());
    app
}

/// The shirt chosen, a trip, who collects and a feasible quote: ready to order.
pub(crate) fn ready(app: &mut App) {
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
