//! What a quote or an order asks for: items with their options and fitting, and the trip.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

use crate::wire::FitRequest;

/// One item to quote or order.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemRequest {
    /// The product.
    pub product_id: i64,
    /// How many units (1 to 20).
    pub quantity: i64,
    /// `{group_code: value_code}` (or the text for a text group such as a monogram);
    /// omitted groups take their default.
    #[serde(default)]
    pub options: BTreeMap<String, String>,
    /// The traveller's fitting, as for `POST /api/v1/products/{id}/fit`: the server runs
    /// it again and the workshop receives the measurements with the recommended size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fitting: Option<FitRequest>,
}

/// The traveller's trip.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ItineraryRequest {
    /// Landing in Korea, RFC 3339.
    #[serde(with = "time::serde::rfc3339")]
    pub arrival: OffsetDateTime,
    /// Flying home, RFC 3339.
    #[serde(with = "time::serde::rfc3339")]
    pub departure: OffsetDateTime,
    /// The pickup counter.
    pub counter_id: i64,
}
