//! The API's JSON as the widget reads and writes it: only the members the widget uses.
//! A member the server always sends is required (missing or renamed, the document does
//! not read: a change of the API's shape is an error, not a silent default); a member it
//! may leave out or send as `null` is optional; members the widget does not know are
//! ignored, so a server that adds members never breaks a page that is already open.
//!
//! One file per kind of document: `catalogue` (products, workshops, counters, the
//! widget's settings), `quote`, `order` (created and viewed), `problem`, and `requests`
//! (what the widget sends); `read` holds the few readers they share.

mod catalogue;
mod order;
mod problem;
mod quote;
mod read;
mod requests;

pub use catalogue::{
    CounterView, OptionGroupView, OptionValueView, ProductView, TextRuleView, WidgetConfig,
    WorkshopView,
};
pub use order::{MoneyView, OrderCreated, OrderItemView, OrderView, PaymentStart, TripView};
pub use problem::Problem;
pub use quote::{AlternativeView, ItemQuoteView, QuoteView, ReasonView};
pub use requests::{ItemRequest, ItineraryRequest, OrderRequest, QuoteRequest, TravellerRequest};
