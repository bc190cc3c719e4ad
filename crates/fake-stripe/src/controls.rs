//! The test controls on [`FakeStripe`]: what it received and what it stores (requests,
//! counts, objects), and what tests steer (a payment succeeds or fails in the browser,
//! off-session declines, an outage, the clock).

use serde_json::Value;

use crate::journal::RecordedRequest;
use crate::resources::payment_intents;
use crate::server::FakeStripe;

impl FakeStripe {
    /// How many requests an endpoint ran, e.g. `count("POST /v1/payment_intents")` or
    /// `count("POST /v1/payment_intents/{id}/cancel")` (a concrete path such as
    /// `POST /v1/payment_intents/pi_…/cancel` counts that object only). Idempotent replays,
    /// idempotency conflicts and rejected API keys did not run the endpoint and are not
    /// counted; see [`FakeStripe::received`].
    pub fn count(&self, endpoint: &str) -> usize {
        self.ledger().journal.ran(endpoint)
    }

    /// How many HTTP requests arrived for an endpoint, replays and rejections included.
    pub fn received(&self, endpoint: &str) -> usize {
        self.ledger().journal.received(endpoint)
    }

    /// Every request received, oldest first.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.ledger().journal.requests().to_vec()
    }

    /// The newest request to an endpoint (as named in [`FakeStripe::count`]).
    pub fn last_request(&self, endpoint: &str) -> Option<RecordedRequest> {
        self.ledger().journal.last(endpoint).cloned()
    }

    /// The stored PaymentIntent.
    pub fn payment_intent(&self, id: &str) -> Option<Value> {
        self.ledger().intents.get(id).cloned()
    }

    /// Every stored PaymentIntent, in creation order.
    pub fn payment_intents(&self) -> Vec<Value> {
        let ledger = self.ledger();
        let mut all: Vec<Value> = ledger.intents.values().cloned().collect();
        all.sort_by_key(|pi| pi["id"].as_str().map(str::to_owned));
        all
    }

    /// The stored Customer.
    pub fn customer(&self, id: &str) -> Option<Value> {
        self.ledger().customers.get(id).cloned()
    }

    /// The stored Refund.
    pub fn refund(&self, id: &str) -> Option<Value> {
        self.ledger().refunds.get(id).cloned()
    }

    /// The stored Charge (made when a PaymentIntent succeeds or a charge attempt fails).
    pub fn charge(&self, id: &str) -> Option<Value> {
        self.ledger().charges.get(id).cloned()
    }

    /// The traveller paid: the PaymentIntent becomes `succeeded` with a charge and a payment
    /// method, as after a successful confirmation in the browser. Returns it (e.g. for
    /// `event("payment_intent.succeeded", …)`).
    ///
    /// # Panics
    /// When there is no such PaymentIntent.
    pub fn succeed(&self, pi_id: &str) -> Value {
        payment_intents::succeed(&mut self.ledger(), self.fixtures(), pi_id)
            .unwrap_or_else(|| panic!("fake-stripe: no PaymentIntent {pi_id}"))
    }

    /// The traveller's card was declined in the browser: the PaymentIntent goes back to
    /// `requires_payment_method` with a `last_payment_error`. Returns it.
    ///
    /// # Panics
    /// When there is no such PaymentIntent.
    pub fn fail(&self, pi_id: &str) -> Value {
        payment_intents::fail(&mut self.ledger(), self.fixtures(), pi_id)
            .unwrap_or_else(|| panic!("fake-stripe: no PaymentIntent {pi_id}"))
    }

    /// From now on, off-session confirmations (`off_session=true`) are declined with a 402
    /// `card_error` / `card_declined` (`insufficient_funds`), as a card without funds is.
    pub fn decline_off_session(&self, decline: bool) {
        self.ledger().switches.decline_off_session = decline;
    }

    /// From now on, off-session confirmations fail with a 402 `card_error` /
    /// `authentication_required`, as when the bank wants 3-D Secure.
    pub fn require_authentication_off_session(&self, require: bool) {
        self.ledger().switches.authentication_off_session = require;
    }

    /// While on, every request is answered `500 api_error`, as during a Stripe outage.
    pub fn outage(&self, on: bool) {
        self.ledger().switches.outage = on;
    }

    /// The fake's clock (Unix seconds): the real time unless [`FakeStripe::set_now`] fixed it.
    pub fn now(&self) -> i64 {
        self.ledger().now()
    }

    /// Fixes the fake's clock (Unix seconds); used for `created` and event timestamps.
    pub fn set_now(&self, unix: i64) {
        self.ledger().set_now(unix);
    }

    /// Moves the fake's clock forward (fixing it first if it was real).
    pub fn advance(&self, secs: i64) {
        let mut ledger = self.ledger();
        let now = ledger.now();
        ledger.set_now(now + secs);
    }
}
