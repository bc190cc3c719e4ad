//! Payments: every charge, refund and counter payment as a row (the money record), the
//! Stripe events already applied (each at most once), and how each order is paid.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261125_000001_create_catalogue::{cascade, plain_index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("payments")
                    .col(pk_auto("id"))
                    .col(string_len("order_id", 36))
                    .col(string_len("kind", 16))
                    .col(string_len("status", 16))
                    .col(string_len("method", 16))
                    .col(big_integer("amount_krw"))
                    .col(string_len_null("stripe_id", 255).unique_key())
                    .col(text("note"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(&mut cascade("payments", "order_id", "orders"))
                    .to_owned(),
            )
            .await?;
        plain_index(manager, "payments", &["order_id"]).await?;
        plain_index(manager, "payments", &["created_at"]).await?;
        manager
            .create_table(
                Table::create()
                    .table("stripe_events")
                    .col(string_len("id", 255).primary_key())
                    .col(string_len("kind", 128))
                    .col(timestamp_with_time_zone("received_at"))
                    .to_owned(),
            )
            .await?;
        for column in [
            string_len("payment_method", 16)
                .default("counter")
                .to_owned(),
            string_len_null("stripe_customer_id", 255).to_owned(),
            string_len_null("stripe_payment_method", 255).to_owned(),
        ] {
            let mut column = column;
            manager
                .alter_table(
                    Table::alter()
                        .table("orders")
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [
            "stripe_payment_method",
            "stripe_customer_id",
            "payment_method",
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table("orders")
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        for table in ["stripe_events", "payments"] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
