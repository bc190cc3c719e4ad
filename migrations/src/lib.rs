//! Gongbang's schema, as an ordered list of sea-orm migrations.
//!
//! The server runs [`Migrator`] at start, on SQLite and PostgreSQL alike; tests run the
//! same migrations, never a schema derived from entities. See `README.md` for the rules
//! (names, and never editing an applied migration).

pub use sea_orm_migration::prelude::*;

mod m20261125_000001_create_catalogue;
mod m20261125_000002_create_orders;
mod m20261125_000003_create_staff_and_tickets;
mod m20261125_000004_create_payments;
mod m20261125_000005_add_looks_and_fittings;
mod m20261203_000001_refunds_and_overdue;
mod m20261203_000002_tax_free_forms;

/// Applies Gongbang's migrations in order.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261125_000001_create_catalogue::Migration),
            Box::new(m20261125_000002_create_orders::Migration),
            Box::new(m20261125_000003_create_staff_and_tickets::Migration),
            Box::new(m20261125_000004_create_payments::Migration),
            Box::new(m20261125_000005_add_looks_and_fittings::Migration),
            Box::new(m20261203_000001_refunds_and_overdue::Migration),
            Box::new(m20261203_000002_tax_free_forms::Migration),
        ]
    }
}
