//! Wire types shared by several resources: request items and itineraries (`items`), the counter
//! (`counter`) and its tax refunds (`tax_refund`), quotes
//! (`quote`), the fitting request and answer (`fit`), and instants, weekdays and times as shown (`time`).
//!
//! Wire types are the API's JSON; they are separate from domain and storage types and
//! converted at the edge.

mod counter;
mod fit;
mod holding;
mod items;
mod picture;
mod quote;
mod tax_refund;
mod ticket;
mod time;

pub use self::counter::{
    DueOrder, DueQuery, HandedOverItem, HandoverRequest, HandoverSummary, HandoverView,
    IncomingTicket, PickupItem, PickupView, RECEIVED, ReceiptRequest, ReceiptResponse,
    ReceiptResult, TicketRef,
};
pub use self::fit::{
    AdjustmentView, AdviceView, AreaView, BandView, ConversionsView, FitInput, FitRequest, FitView,
    GarmentInput, ItemFitting, MeasurementInput, SourceInput, UnitInput,
};
pub use self::holding::HeldGoodsView;
pub use self::items::{ItemRequest, ItineraryRequest};
pub use self::picture::{DEFAULT_SIZE, Png, PreviewQuery, SIZES, preview_size};
pub use self::quote::{
    AlternativeView, DisplayPrices, ItemQuote, ProductionWindow, QuoteRequest, QuoteResponse,
    ReasonView, infeasible, quote_response,
};
pub use self::tax_refund::TaxRefundView;
pub use self::ticket::{
    TicketChangeView, TicketDetail, TicketFitting, TicketMeasurement, TicketView, detail_view,
    ticket_view,
};
pub use self::time::{SeoulTime, WEEKDAY_CODES, hh_mm, weekday_codes};
