//! The business processes: the named middle floor between the HTTP edge (`routes/` for
//! JSON, `pages/` for HTML) and storage (`db`). Each process takes and returns domain
//! values (and the API's error), asks `domain` for every decision and `db` to store it;
//! handlers and pages only parse, authorise, call a process and answer.
//!
//! - [`planning`]: a request's items and trip, planned against stored capacity.
//! - [`ordering`]: placing an order idempotently, moving it to a new trip, cancelling it.
//! - [`billing`]: charging at order time, refunds by policy, the balance, releasing
//!   unpaid orders.
//! - [`stripe_events`]: Stripe's webhook events applied (a payment confirms its order).
//! - [`fulfilment`]: confirming orders into tickets; moving, declining, delaying tickets.
//! - [`calendar`]: a workshop's weekly pattern, closing a day (re-planning what was
//!   reserved on it) and opening it again.
//! - [`fitting`]: running the fitting engine for a product.
//! - [`previews`]: ordered items drawn by the `preview` renderer, as PNG.
//! - [`pickup`]: the counter: receiving goods, looking orders up, handing them over,
//!   no-shows.
//! - [`sessions`]: staff signing in and out.
//! - [`no_show`]: goods held after the pickup deadline, then the workshop's policy.
//! - [`money`]: an order's money record.
//! - [`paid_elsewhere`]: confirming an order paid outside the card flow.
//! - [`refunds`]: what an ending order gives back, and the worker sending it to Stripe.
//! - [`recovery`]: finishing or releasing orders a crash left half-way.
//! - [`overdue`]: flagging tickets that will not leave the workshop in time.
//! - [`background`]: every worker above, run by each server process.
//! - [`retry`]: the one way a process retries when storage says "changed underneath".

pub mod background;
pub mod billing;
pub mod calendar;
pub mod fitting;
pub mod fulfilment;
pub mod money;
pub mod no_show;
pub mod ordering;
pub mod overdue;
pub mod paid_elsewhere;
pub mod pickup;
pub mod planning;
pub mod previews;
pub mod recovery;
pub mod refunds;
pub mod retry;
pub mod sessions;
pub mod stripe_events;
