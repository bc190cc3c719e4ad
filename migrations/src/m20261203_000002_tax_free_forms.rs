//! Tax-free forms (`tax_free_forms`): one per order, issued at its first handover, with
//! the purchase it covers, its whole immediate tax refund, the traveller it is for and the
//! stay it was issued in, so that the per-trip cap can count a traveller's forms across
//! all their orders. The handovers keep the refund each one paid on its order's form.
//!
//! `(traveller, traveller_form_no)` is unique: a form is numbered after the traveller's
//! forms its issuer saw, so two desks issuing forms for one traveller at once cannot both
//! pass the trip's cap (the second one fails and decides again).

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261125_000001_create_catalogue::{cascade, unique_index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("tax_free_forms")
                    .col(pk_auto("id"))
                    .col(string_len_uniq("order_id", 36))
                    .col(text("traveller"))
                    .col(integer("traveller_form_no"))
                    .col(timestamp_with_time_zone("stay_from"))
                    .col(timestamp_with_time_zone("stay_until"))
                    .col(big_integer("purchase_krw"))
                    .col(big_integer("refund_krw"))
                    .col(big_integer("trip_purchases_before_krw"))
                    .col(timestamp_with_time_zone("issued_at"))
                    .foreign_key(&mut cascade("tax_free_forms", "order_id", "orders"))
                    .to_owned(),
            )
            .await?;
        unique_index(
            manager,
            "tax_free_forms",
            &["traveller", "traveller_form_no"],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("tax_free_forms").to_owned())
            .await
    }
}
