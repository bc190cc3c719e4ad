//! End-to-end tests: the real server over real HTTP on a fresh database per test, each
//! test run on SQLite and on PostgreSQL.

// Tests fail by panicking; unwrapping is how they say what they expected.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod helpers;

mod calendar;
mod capacity;
mod catalogue;
mod contract;
mod counter;
mod fit;
mod itinerary;
mod looks;
mod no_show;
mod orders;
mod pages;
mod payments;
mod previews;
mod quotes;
mod refunds;
mod staff;
mod tax_refund;
mod tickets;
mod webhooks;
mod widget;
mod workers;
