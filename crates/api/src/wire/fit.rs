//! The fitting request (body measurements or a garment the traveller owns) and the
//! answer (the size to order and why), as the fit endpoint, quotes and orders carry them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use domain::order::FittingRecord;

use crate::error::{ApiError, ApiResult};

/// Body measurements with a fit preference, or a garment the traveller owns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FitRequest {
    /// Body measurements by point: `chest`, `waist`, `hip`, `neck`, `shoulder`,
    /// `sleeve`, `inseam`, `height`; shoes `foot_length` and `foot_girth`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measurements: Option<BTreeMap<String, MeasurementInput>>,
    /// A garment that fits, laid flat (chest, waist and hip across, so half the girth;
    /// other points as they are), instead of `measurements`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_garment: Option<BTreeMap<String, GarmentInput>>,
    /// How close the garment should sit (default `regular`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fit: Option<FitInput>,
}

/// One body measurement.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MeasurementInput {
    #[schema(example = 96)]
    pub value: f64,
    pub unit: UnitInput,
    /// Where it came from (default `tape`); estimates lower the confidence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceInput>,
}

/// One measurement of a garment laid flat.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GarmentInput {
    #[schema(example = 54)]
    pub value: f64,
    pub unit: UnitInput,
}

/// Centimetres or inches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum UnitInput {
    Cm,
    In,
}

/// How a measurement was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum SourceInput {
    Tape,
    Garment,
    Estimate,
}

/// Fit preference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum FitInput {
    Slim,
    Regular,
    Relaxed,
}

/// The fitting an order line is made to: what the traveller sent, and what the engine
/// answered when the server ran it again as the order was placed.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ItemFitting {
    /// The item's `fitting` as sent.
    pub request: FitRequest,
    /// The answer, as `POST /api/v1/products/{id}/fit` gives it.
    pub result: FitView,
}

impl UnitInput {
    /// `cm` or `in`.
    pub const fn code(self) -> &'static str {
        match self {
            UnitInput::Cm => "cm",
            UnitInput::In => "in",
        }
    }
}

impl SourceInput {
    /// `tape`, `garment` or `estimate`.
    pub const fn code(self) -> &'static str {
        match self {
            SourceInput::Tape => "tape",
            SourceInput::Garment => "garment",
            SourceInput::Estimate => "estimate",
        }
    }
}

impl FitInput {
    /// `slim`, `regular` or `relaxed`.
    pub const fn code(self) -> &'static str {
        match self {
            FitInput::Slim => "slim",
            FitInput::Regular => "regular",
            FitInput::Relaxed => "relaxed",
        }
    }
}

impl ItemFitting {
    /// Reads the fitting an order line stored, if it has one.
    pub(crate) fn stored(record: Option<&FittingRecord>) -> ApiResult<Option<ItemFitting>> {
        record
            .map(|record| {
                serde_json::from_str(&record.0)
                    .map_err(|e| ApiError::Internal(anyhow::anyhow!("stored fitting: {e}")))
            })
            .transpose()
    }

    /// The record an order line stores.
    pub(crate) fn record(&self) -> ApiResult<FittingRecord> {
        serde_json::to_string(self)
            .map(FittingRecord)
            .map_err(|e| ApiError::Internal(e.into()))
    }
}

/// The size to order and why.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct FitView {
    /// A value code of the product's `size` option; for a made-to-measure garment without
    /// one, the base pattern size (the KS body designation, e.g. `100`).
    pub size: String,
    /// The next best size.
    pub runner_up: Option<String>,
    /// 0 to 1: input quality, how many decisive points were measured, the margin.
    pub confidence: f32,
    /// `body` or `reference_garment`: what `ease_cm` is measured over.
    pub compared_with: String,
    /// Per measured point: the body (or your garment), the garment of this size, the
    /// ease between them, the wanted band, and the label that follows.
    pub areas: Vec<AreaView>,
    /// Made-to-measure alterations of the base size (empty for other products).
    pub adjustments: Vec<AdjustmentView>,
    pub advice: Vec<AdviceView>,
    /// Shoes: the width fitting, a value of the product's `width` option when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<String>,
    /// Shoes: the size in other systems (approximate).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversions: Option<ConversionsView>,
}

/// One area of the garment.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AreaView {
    pub point: String,
    /// `tight`, `snug`, `good`, `loose` or `too_loose`: where `ease_cm` sits in `band_cm`.
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_cm: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_cm: Option<f64>,
    pub garment_cm: f64,
    /// `garment_cm` minus `body_cm` (or `reference_cm`).
    pub ease_cm: f64,
    pub band_cm: BandView,
}

/// The ease wanted at a point.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct BandView {
    pub min: f64,
    pub max: f64,
}

/// A made-to-measure alteration.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AdjustmentView {
    pub point: String,
    /// Cut this much larger (negative: smaller), at most 4 cm.
    pub delta_cm: f64,
}

/// A piece of advice: a stable code and an English text.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AdviceView {
    /// `measure-next`, `remeasure`, `between-sizes`, `no-size-fits`, `custom-pattern`,
    /// `narrow-foot`.
    pub code: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub point: Option<String>,
}

/// A shoe size in other systems.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ConversionsView {
    pub mondopoint: u16,
    pub eu: f32,
    pub uk: f32,
    pub us_men: f32,
    pub us_women: f32,
    pub jp_cm: f32,
    pub cn: f32,
}
