//! The Stripe objects the fake makes and changes, one file a resource. Each endpoint is a
//! function `fn(&mut Ledger, &Call) -> Result<Value, Error>` that the dispatch
//! table in `http::routes` names (retrieving by id is the ledger's, the same for every
//! object); `request` holds what they share: the call and the parameter readers.

pub(crate) mod charges;
pub(crate) mod customers;
pub(crate) mod payment_intents;
pub(crate) mod refunds;
pub(crate) mod request;
