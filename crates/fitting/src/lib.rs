//! Gongbang's fitting engine: which size to make, and why, from a traveller's numbers.
//!
//! Pure rules, like `domain`: no IO, no clock, no serde, nothing but `thiserror`. It
//! compiles for `wasm32-unknown-unknown`, so the widget on the phone and the server run
//! the same recommendation and show the same numbers. Every answer explains itself: each
//! area of a garment carries the body, the garment and the ease between them, and the
//! label follows from those numbers and the target band, never the other way round.
//!
//! Deliberately not here: wire formats (the API owns them), texts in four languages (the
//! widget owns them; advice comes as codes), and estimating a body from height and weight.
//!
//! Layout:
//! - [`units`]: [`Length`] in whole millimetres, centimetre and inch conversions.
//! - [`point`]: points of measure, their codes, plausible adult and garment ranges.
//! - `error`: the one [`Error`], naming the point or value it refuses.
//! - [`measure`]: validated measurements, their sources, fit preferences.
//! - `codes`: the wire codes of units, points, sources and fits read back.
//! - [`chart`]: size charts: body measurements per size, ease bands per fit.
//! - [`charts`]: the charts of the demo garments and which product uses which.
//! - [`recommend`](mod@recommend): body and reference-garment recommendations; beneath
//!   it what a recommendation answers (areas with labels, made-to-measure adjustments)
//!   and the scoring, choice, advice and confidence.
//! - [`shoes`]: Korean millimetre sizes, Mondopoint, EU/UK/US conversions, width class.
//! - [`print`](mod@print): effective resolution of an image at its print size.

#![warn(missing_docs)]

mod advice;
pub mod chart;
pub mod charts;
mod codes;
mod error;
pub mod measure;
pub mod point;
pub mod print;
pub mod recommend;
pub mod shoes;
pub mod units;

pub use chart::{AreaLabel, Band, SizeChart};
pub use error::Error;
pub use measure::{Fit, Measurement, Source};
pub use point::Point;
pub use print::{PrintCheck, PrintQuality, check_print};
pub use recommend::{Adjustment, Advice, Area, Recommendation, recommend, recommend_from_garment};
pub use shoes::{ShoeSize, WidthClass, recommend_shoe};
pub use units::{Length, Unit};
