//! sea-orm entities, one module per table, mirroring `migrations/` exactly.
//!
//! These are storage rows, not domain types and not wire types: the query modules
//! convert them into `domain` values, and only the query modules touch them.

pub mod capacity_reservation;
pub mod counter;
pub mod exchange_rate;
pub mod idempotency_key;
pub mod option_group;
pub mod option_value;
pub mod order;
pub mod order_item;
pub mod order_status_change;
pub mod product;
pub mod product_text;
pub mod server_setting;
pub mod workshop;
pub mod workshop_day_load;
pub mod workshop_holiday;
