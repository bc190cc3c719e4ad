//! Orders, their items and status history, capacity reservations with the per-day load
//! row that makes reserving atomic, idempotency keys, and server settings.

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
                    .table("orders")
                    .col(string_len("id", 36).primary_key())
                    .col(string_len("status", 16))
                    .col(string_len("token_hash", 64))
                    .col(string_len_uniq("pickup_code", 9))
                    .col(integer("counter_id"))
                    .col(timestamp_with_time_zone("arrival"))
                    .col(timestamp_with_time_zone("departure"))
                    .col(timestamp_with_time_zone("pickup_deadline"))
                    .col(string("traveller_name"))
                    .col(string("traveller_email"))
                    .col(string_len("passport_last4", 4))
                    .col(string_len("language", 2))
                    .col(big_integer("total_krw"))
                    .col(big_integer("deposit_krw"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_orders_counter_id")
                            .from("orders", "counter_id")
                            .to("counters", "id"),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("order_items")
                    .col(pk_auto("id"))
                    .col(string_len("order_id", 36))
                    .col(integer("line_no"))
                    .col(integer("product_id"))
                    .col(integer("workshop_id"))
                    .col(integer("quantity"))
                    .col(json("options"))
                    .col(big_integer("unit_price_krw"))
                    .col(big_integer("line_total_krw"))
                    .col(big_integer("deposit_krw"))
                    .col(integer("unit_minutes"))
                    .col(timestamp_with_time_zone("ready_by"))
                    .foreign_key(&mut cascade("order_items", "order_id", "orders"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_order_items_product_id")
                            .from("order_items", "product_id")
                            .to("products", "id"),
                    )
                    .to_owned(),
            )
            .await?;
        plain_index(manager, "order_items", &["order_id"]).await?;
        manager
            .create_table(
                Table::create()
                    .table("workshop_day_loads")
                    .col(integer("workshop_id"))
                    .col(date("day"))
                    .col(integer("reserved_minutes"))
                    .primary_key(Index::create().col("workshop_id").col("day"))
                    .foreign_key(&mut cascade(
                        "workshop_day_loads",
                        "workshop_id",
                        "workshops",
                    ))
                    .check(Expr::col("reserved_minutes").gte(0))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("capacity_reservations")
                    .col(pk_auto("id"))
                    .col(integer("order_item_id"))
                    .col(integer("workshop_id"))
                    .col(date("day"))
                    .col(integer("minutes"))
                    .foreign_key(&mut cascade(
                        "capacity_reservations",
                        "order_item_id",
                        "order_items",
                    ))
                    .to_owned(),
            )
            .await?;
        plain_index(manager, "capacity_reservations", &["order_item_id"]).await?;
        plain_index(manager, "capacity_reservations", &["workshop_id", "day"]).await?;
        manager
            .create_table(
                Table::create()
                    .table("order_status_history")
                    .col(pk_auto("id"))
                    .col(string_len("order_id", 36))
                    .col(string_len_null("from_status", 16))
                    .col(string_len("to_status", 16))
                    .col(string_len("actor", 64))
                    .col(text("note"))
                    .col(timestamp_with_time_zone("at"))
                    .foreign_key(&mut cascade("order_status_history", "order_id", "orders"))
                    .to_owned(),
            )
            .await?;
        plain_index(manager, "order_status_history", &["order_id"]).await?;
        manager
            .create_table(
                Table::create()
                    .table("idempotency_keys")
                    .col(string_len("key", 255).primary_key())
                    .col(string_len("request_hash", 64))
                    .col(string_len("order_id", 36))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(&mut cascade("idempotency_keys", "order_id", "orders"))
                    .to_owned(),
            )
            .await?;
        plain_index(manager, "idempotency_keys", &["created_at"]).await?;
        manager
            .create_table(
                Table::create()
                    .table("server_settings")
                    .col(string_len("name", 64).primary_key())
                    .col(text("value"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "server_settings",
            "idempotency_keys",
            "order_status_history",
            "capacity_reservations",
            "workshop_day_loads",
            "order_items",
            "orders",
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
