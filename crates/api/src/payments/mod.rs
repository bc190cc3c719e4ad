//! Taking money: the Stripe gateway and webhook verification.

pub mod stripe;
