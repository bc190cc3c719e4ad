//! What the clients saw, for the invariants to hold the servers to: every order answered
//! 201 with what its traveller keeps, the orders whose answer never came (to be asked
//! again, as the widget does on a reload), and how each kind of request went.

use std::collections::BTreeMap;
use std::sync::{Mutex, MutexGuard, PoisonError};

use rand::Rng;
use rand::rngs::StdRng;
use serde_json::Value;

use crate::cluster::Answer;

/// An order the server answered 201 for.
#[derive(Debug, Clone)]
pub struct PlacedOrder {
    pub id: String,
    pub token: String,
    pub pickup_code: String,
    pub traveller_name: String,
    pub passport_last4: String,
    /// Lines in the request.
    pub items: usize,
    /// The PaymentIntent of a card order (from its client secret).
    pub payment_intent: Option<String>,
    /// The harness completed the card payment at the fake Stripe.
    pub paid: bool,
    /// A cancellation was answered 200.
    pub cancelled: bool,
    /// A handover was answered 201.
    pub handed_over: bool,
}

/// An order request that no server answered: its key and body.
#[derive(Debug, Clone)]
pub struct Unanswered {
    pub key: String,
    pub body: Value,
}

/// How the requests of one kind went.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tally {
    /// 2xx.
    pub ok: u32,
    /// 4xx: a correct refusal (busy day, wrong state, …).
    pub refused: u32,
    /// 5xx or no answer.
    pub failed: u32,
}

/// Everything the clients saw, shared by them.
#[derive(Default)]
pub struct Observed {
    orders: Mutex<Vec<PlacedOrder>>,
    unanswered: Mutex<Vec<Unanswered>>,
    tallies: Mutex<BTreeMap<&'static str, Tally>>,
}

impl Observed {
    pub fn add_order(&self, order: PlacedOrder) {
        lock(&self.orders).push(order);
    }

    pub fn add_unanswered(&self, request: Unanswered) {
        lock(&self.unanswered).push(request);
    }

    /// The unanswered order requests, taken out.
    pub fn take_unanswered(&self) -> Vec<Unanswered> {
        std::mem::take(&mut *lock(&self.unanswered))
    }

    /// A random order that `wanted` accepts.
    pub fn pick(
        &self,
        rng: &mut StdRng,
        wanted: impl Fn(&PlacedOrder) -> bool,
    ) -> Option<PlacedOrder> {
        let orders = lock(&self.orders);
        let candidates: Vec<&PlacedOrder> = orders.iter().filter(|o| wanted(o)).collect();
        if candidates.is_empty() {
            return None;
        }
        Some(candidates[rng.random_range(0..candidates.len())].clone())
    }

    pub fn find(&self, id: &str) -> Option<PlacedOrder> {
        lock(&self.orders).iter().find(|o| o.id == id).cloned()
    }

    /// Changes what is known of order `id`.
    pub fn update(&self, id: &str, change: impl FnOnce(&mut PlacedOrder)) {
        if let Some(order) = lock(&self.orders).iter_mut().find(|o| o.id == id) {
            change(order);
        }
    }

    pub fn orders(&self) -> Vec<PlacedOrder> {
        lock(&self.orders).clone()
    }

    /// Counts an answer to a request of kind `action`.
    pub fn count(&self, action: &'static str, answer: &Answer) {
        let mut tallies = lock(&self.tallies);
        let tally = tallies.entry(action).or_default();
        match answer {
            Answer::Status(status, _) if status.is_success() => tally.ok += 1,
            Answer::Status(status, _) if status.is_client_error() => tally.refused += 1,
            _ => tally.failed += 1,
        }
    }

    pub fn tallies(&self) -> BTreeMap<&'static str, Tally> {
        lock(&self.tallies).clone()
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
