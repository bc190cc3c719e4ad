//! sea-orm entities, one module per table, mirroring `migrations/` exactly.
//!
//! These are storage rows, not domain types and not wire types: the query modules
//! convert them into `domain` values, and only the query modules touch them.

pub mod capacity_reservation;
pub mod counter;
pub mod event;
pub mod exchange_rate;
pub mod handover;
pub mod handover_ticket;
pub mod idempotency_key;
pub mod option_group;
pub mod option_value;
pub mod order;
pub mod order_item;
pub mod order_status_change;
pub mod payment;
pub mod pickup_lookup;
pub mod product;
pub mod product_text;
pub mod refund;
pub mod server_setting;
pub mod staff;
pub mod staff_session;
pub mod stripe_event;
pub mod tax_free_form;
pub mod ticket;
pub mod ticket_status_change;
pub mod webhook_delivery;
pub mod webhook_endpoint;
pub mod workshop;
pub mod workshop_day_load;
pub mod workshop_holiday;
