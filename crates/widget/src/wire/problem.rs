//! An RFC 9457 problem document: what went wrong, the field at fault, and for an
//! infeasible order the quote's reasons and alternatives.

use super::quote::{AlternativeView, ReasonView};
use super::read::{int, list};
use crate::json::Json;

/// An RFC 9457 problem document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Problem {
    pub kind: String,
    pub status: u16,
    pub detail: String,
    /// JSON Pointer to the field at fault.
    pub field: Option<String>,
    /// A 409 for an infeasible order carries the quote's reasons and alternatives.
    pub reasons: Vec<ReasonView>,
    pub alternatives: Vec<AlternativeView>,
}

impl Problem {
    /// The slug of the problem type (`urn:gongbang:problem:<slug>`).
    pub fn slug(&self) -> &str {
        self.kind.rsplit(':').next().unwrap_or_default()
    }
}

impl Problem {
    /// Reads a problem document (anything else reads as an empty problem).
    pub fn from_json(json: &Json) -> Problem {
        Problem {
            kind: json.get("type").string(),
            status: int(json.get("status")),
            detail: json.get("detail").string(),
            field: json.get("field").str().map(str::to_owned),
            reasons: list(json.get("reasons"), ReasonView::from_json).unwrap_or_default(),
            alternatives: list(json.get("alternatives"), AlternativeView::from_json)
                .unwrap_or_default(),
        }
    }
}
