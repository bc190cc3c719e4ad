//! Money back and work past due: `refunds` is the outbox of money to give back (a refund
//! of a paid PaymentIntent, or the cancellation of one not yet paid), written in the same
//! transaction as the change that causes it and sent by the refund worker until Stripe
//! answers; `tickets.overdue_since` marks tickets the overdue worker flagged;
//! `counters.holding_days` is how long a counter keeps goods nobody collected,
//! `workshops.no_show_keeps_balance` the workshop's policy when the period ends, and
//! `orders.goods_released_at` when the goods went back to the workshop.

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
                    .table("refunds")
                    .col(pk_auto("id"))
                    .col(string_len("order_id", 36))
                    // One money-back per PaymentIntent: deciding it twice is a no-op.
                    .col(string_len("payment_intent", 255).unique_key())
                    .col(string_len("kind", 16))
                    .col(big_integer("amount_krw"))
                    .col(string_len("status", 16))
                    .col(text("reason"))
                    .col(integer_null("payment_id"))
                    .col(integer("attempts").default(0))
                    .col(timestamp_with_time_zone("next_attempt_at"))
                    .col(string_len_null("stripe_refund_id", 255))
                    .col(text_null("last_error"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(&mut cascade("refunds", "order_id", "orders"))
                    .to_owned(),
            )
            .await?;
        plain_index(manager, "refunds", &["status", "next_attempt_at"]).await?;
        plain_index(manager, "refunds", &["order_id"]).await?;
        let mut overdue = timestamp_with_time_zone_null("overdue_since");
        manager
            .alter_table(
                Table::alter()
                    .table("tickets")
                    .add_column(&mut overdue)
                    .to_owned(),
            )
            .await?;
        let added = [
            ("counters", integer("holding_days").default(30).to_owned()),
            (
                "workshops",
                boolean("no_show_keeps_balance").default(false).to_owned(),
            ),
            ("orders", timestamp_with_time_zone_null("goods_released_at")),
        ];
        for (table, mut column) in added {
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, column) in [
            ("orders", "goods_released_at"),
            ("workshops", "no_show_keeps_balance"),
            ("counters", "holding_days"),
            ("tickets", "overdue_since"),
        ] {
            manager
                .alter_table(Table::alter().table(table).drop_column(column).to_owned())
                .await?;
        }
        manager
            .drop_table(Table::drop().table("refunds").to_owned())
            .await
    }
}
