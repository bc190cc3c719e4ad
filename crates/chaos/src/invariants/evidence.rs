//! What the invariants share: the [`Evidence`] they are checked against, the [`Finding`]
//! each gives, and the questions they all ask of an order's status or the fake's objects.

use std::collections::{HashMap, HashSet};

use domain::order::OrderStatus;
use serde_json::Value;

use crate::databases::Reader;
use crate::observed::PlacedOrder;

/// Every order's status, by id (`None` for a code the domain does not know).
pub type Statuses = HashMap<String, Option<OrderStatus>>;

/// Examples kept per invariant.
const EXAMPLES: usize = 5;

/// The outcome of one invariant.
#[derive(Debug, Clone)]
pub struct Finding {
    pub title: &'static str,
    pub violations: usize,
    /// Why the invariant could not be checked.
    pub skipped: Option<String>,
    pub examples: Vec<String>,
}

impl Finding {
    pub(super) fn new(title: &'static str) -> Self {
        Finding {
            title,
            violations: 0,
            skipped: None,
            examples: Vec::new(),
        }
    }

    pub(super) fn violation(&mut self, example: String) {
        self.violations += 1;
        if self.examples.len() < EXAMPLES {
            self.examples.push(example);
        }
    }
}

/// What the invariants are checked against.
pub struct Evidence<'a> {
    pub reader: &'a Reader,
    /// The fake's `/_fake/state`.
    pub stripe: &'a Value,
    /// The orders answered 201.
    pub observed: &'a [PlacedOrder],
    /// Webhook event ids the workshop's endpoint received.
    pub received: &'a HashMap<i64, u32>,
}

/// Confirmed, or further along the way to the traveller (not cancelled or declined).
pub(super) fn is_live(status: OrderStatus) -> bool {
    use OrderStatus as S;
    matches!(
        status,
        S::Confirmed | S::InProduction | S::Ready | S::AtCounter | S::PickedUp | S::NoShow
    )
}

/// The ids a list of the fake's objects holds.
pub(super) fn ids(objects: &Value) -> HashSet<String> {
    objects
        .as_array()
        .map(|all| {
            all.iter()
                .filter_map(|o| o["id"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::{EXAMPLES, Finding, ids};

    #[test]
    fn every_violation_counts_but_few_examples_are_kept() {
        let mut finding = Finding::new("test");
        for n in 0..EXAMPLES + 3 {
            finding.violation(format!("example {n}"));
        }
        assert_eq!(finding.violations, EXAMPLES + 3);
        assert_eq!(finding.examples.len(), EXAMPLES);
    }

    #[test]
    fn ids_of_the_fake_s_objects() {
        let objects = json!([{ "id": "re_1" }, { "id": "re_2" }, { "amount": 5 }]);
        let found = ids(&objects);
        assert_eq!(found.len(), 2);
        assert!(found.contains("re_1") && found.contains("re_2"));
        assert!(ids(&json!(null)).is_empty());
    }
}
