//! A local fake of the part of Stripe's HTTP API that Gongbang uses, for tests.
//!
//! [`start`] serves it on `127.0.0.1:0`; point a real Stripe client at
//! [`FakeStripe::base_url`]. It answers form-encoded requests as Stripe does, with JSON
//! objects built from Stripe's own example objects (`/work/shared/stripe/fixtures3.json`,
//! read at start) so that clients deserialise real shapes, with the fields a request decides
//! set from the request.
//!
//! Endpoints:
//! - `POST /v1/customers`, `GET /v1/customers/{id}`
//! - `POST /v1/payment_intents` (also with `confirm=true`, e.g. off-session charges),
//!   `GET /v1/payment_intents/{id}`, `POST /v1/payment_intents/{id}/cancel`,
//!   `POST /v1/payment_intents/{id}/confirm`
//! - `POST /v1/refunds`, `GET /v1/refunds/{id}`
//!
//! Like Stripe it requires `Authorization: Bearer sk_test_…`, rejects unknown parameters,
//! and honours `Idempotency-Key` on POST: the same key with the same parameters answers the
//! stored response again (header `Idempotent-Replayed: true`), the same key with other
//! parameters or another endpoint is a 400 `idempotency_error`. Requests are handled one at
//! a time, so concurrent requests with one key run the endpoint once.
//!
//! Tests steer it with plain methods: [`FakeStripe::succeed`], [`FakeStripe::fail`],
//! [`FakeStripe::decline_off_session`], [`FakeStripe::outage`], the clock
//! ([`FakeStripe::set_now`]), and build signed webhook events with [`FakeStripe::event`].
//!
//! Layout (each file depends only on those listed after it, `http` and `resources` in turn
//! on their own files, and nothing depends on `process` or `controls`):
//! - `process` — the fake as a process of its own ([`run_process`], the `fake-stripe`
//!   binary): its controls over HTTP under `/_fake` and webhook delivery to the servers.
//! - `controls` — the test controls on [`FakeStripe`]: inspect requests, counts and stored
//!   objects; make a payment succeed or fail; off-session declines, outage, clock.
//! - `events` — signed webhook events ([`FakeStripe::event`], [`Signing`],
//!   [`signature_header`]).
//! - `server` — [`start`], [`try_start`] and the running [`FakeStripe`].
//! - `http` — the HTTP surface: `http/mod.rs` takes each request through auth, outage,
//!   form decoding, idempotency and the journal under one lock; `routes` is the dispatch
//!   table (endpoint name → accepted parameters → resource function or retrieve); `auth`
//!   the API key check; `form` Stripe's form encoding; `response` the answer with
//!   Stripe's headers.
//! - `resources` — one file a Stripe resource: `customers`, `payment_intents`, `charges`,
//!   `refunds`; `request` holds what endpoints share (the call, parameter readers).
//! - `state` — the `Ledger` behind one lock: objects (and retrieving one by id), ids,
//!   clock, test switches.
//! - `idempotency` — answers kept by `Idempotency-Key`, replays and mismatches.
//! - `journal` — what was received ([`RecordedRequest`]) and the counts per endpoint.
//! - `fixtures` — Stripe's example objects ([`fixtures_path`]) and [`API_VERSION`].
//! - `error` — [`Error`], the crate's one error type, and the one place it becomes
//!   Stripe's JSON error shape.

mod controls;
mod error;
mod events;
mod fixtures;
mod http;
mod idempotency;
mod journal;
mod process;
mod resources;
mod server;
mod state;

pub use error::{Decline, Error};
pub use events::{Signing, WEBHOOK_SECRET, signature_header, signature_v1};
pub use fixtures::{API_VERSION, fixtures_path};
pub use journal::RecordedRequest;
pub use process::run_process;
pub use server::{FakeStripe, start, try_start};
