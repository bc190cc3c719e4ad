//! Staff accounts and sessions, production tickets with their history, counter
//! handovers, the event outbox with workshop webhooks, and pickup look-ups (for rate
//! limiting code guessing).

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261125_000001_create_catalogue::{cascade, plain_index, unique_index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        create_staff(manager).await?;
        create_tickets(manager).await?;
        create_handovers(manager).await?;
        create_events(manager).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "pickup_lookups",
            "webhook_deliveries",
            "webhook_endpoints",
            "events",
            "handover_tickets",
            "handovers",
            "ticket_history",
            "tickets",
            "staff_sessions",
            "staff",
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

async fn create_staff(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    manager
        .create_table(
            Table::create()
                .table("staff")
                .col(pk_auto("id"))
                .col(string_len_uniq("email", 254))
                .col(text("password_hash"))
                .col(string_len("role", 16))
                .col(integer_null("place_id"))
                .col(integer("failed_logins"))
                .col(timestamp_with_time_zone_null("last_failed_at"))
                .col(timestamp_with_time_zone("created_at"))
                .to_owned(),
        )
        .await?;
    manager
        .create_table(
            Table::create()
                .table("staff_sessions")
                .col(string_len("token_hash", 64).primary_key())
                .col(integer("staff_id"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("expires_at"))
                .foreign_key(&mut cascade("staff_sessions", "staff_id", "staff"))
                .to_owned(),
        )
        .await?;
    plain_index(manager, "staff_sessions", &["staff_id"]).await?;
    manager
        .create_table(
            Table::create()
                .table("pickup_lookups")
                .col(pk_auto("id"))
                .col(integer("staff_id"))
                .col(boolean("succeeded"))
                .col(timestamp_with_time_zone("at"))
                .foreign_key(&mut cascade("pickup_lookups", "staff_id", "staff"))
                .to_owned(),
        )
        .await?;
    plain_index(manager, "pickup_lookups", &["staff_id", "at"]).await
}

async fn create_tickets(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    manager
        .create_table(
            Table::create()
                .table("tickets")
                .col(pk_auto("id"))
                .col(string_len("order_id", 36))
                .col(integer_uniq("order_item_id"))
                .col(integer("workshop_id"))
                .col(integer("counter_id"))
                .col(string_len("status", 16))
                .col(timestamp_with_time_zone("due_at"))
                .col(boolean("at_risk"))
                .col(text("notes"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut cascade("tickets", "order_id", "orders"))
                .foreign_key(&mut cascade("tickets", "order_item_id", "order_items"))
                .to_owned(),
        )
        .await?;
    plain_index(manager, "tickets", &["workshop_id", "status"]).await?;
    plain_index(manager, "tickets", &["counter_id", "status"]).await?;
    plain_index(manager, "tickets", &["order_id"]).await?;
    manager
        .create_table(
            Table::create()
                .table("ticket_history")
                .col(pk_auto("id"))
                .col(integer("ticket_id"))
                .col(string_len_null("from_status", 16))
                .col(string_len("to_status", 16))
                .col(string_len("actor", 64))
                .col(text("note"))
                .col(timestamp_with_time_zone("at"))
                .foreign_key(&mut cascade("ticket_history", "ticket_id", "tickets"))
                .to_owned(),
        )
        .await?;
    plain_index(manager, "ticket_history", &["ticket_id"]).await
}

async fn create_handovers(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    manager
        .create_table(
            Table::create()
                .table("handovers")
                .col(pk_auto("id"))
                .col(string_len("order_id", 36))
                .col(integer("counter_id"))
                .col(integer("staff_id"))
                .col(big_integer("goods_value_krw"))
                .col(big_integer("tax_refund_krw"))
                .col(big_integer("balance_collected_krw"))
                .col(string_len_null("balance_method", 16))
                .col(timestamp_with_time_zone("at"))
                .foreign_key(&mut cascade("handovers", "order_id", "orders"))
                .to_owned(),
        )
        .await?;
    plain_index(manager, "handovers", &["order_id"]).await?;
    manager
        .create_table(
            Table::create()
                .table("handover_tickets")
                .col(integer("handover_id"))
                .col(integer_uniq("ticket_id"))
                .primary_key(Index::create().col("handover_id").col("ticket_id"))
                .foreign_key(&mut cascade("handover_tickets", "handover_id", "handovers"))
                .foreign_key(&mut cascade("handover_tickets", "ticket_id", "tickets"))
                .to_owned(),
        )
        .await
}

async fn create_events(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    manager
        .create_table(
            Table::create()
                .table("events")
                .col(big_pk_auto("id"))
                .col(string_len("order_id", 36))
                .col(integer_null("ticket_id"))
                .col(integer_null("workshop_id"))
                .col(string_len("kind", 64))
                .col(json("payload"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut cascade("events", "order_id", "orders"))
                .to_owned(),
        )
        .await?;
    plain_index(manager, "events", &["order_id"]).await?;
    plain_index(manager, "events", &["workshop_id"]).await?;
    manager
        .create_table(
            Table::create()
                .table("webhook_endpoints")
                .col(pk_auto("id"))
                .col(integer("workshop_id"))
                .col(text("url"))
                .col(text("secret"))
                .col(boolean("active"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut cascade(
                    "webhook_endpoints",
                    "workshop_id",
                    "workshops",
                ))
                .to_owned(),
        )
        .await?;
    manager
        .create_table(
            Table::create()
                .table("webhook_deliveries")
                .col(big_pk_auto("id"))
                .col(integer("endpoint_id"))
                .col(big_integer("event_id"))
                .col(integer("attempts"))
                .col(timestamp_with_time_zone("next_attempt_at"))
                .col(timestamp_with_time_zone_null("delivered_at"))
                .col(text_null("last_error"))
                .foreign_key(&mut cascade(
                    "webhook_deliveries",
                    "endpoint_id",
                    "webhook_endpoints",
                ))
                .foreign_key(&mut cascade("webhook_deliveries", "event_id", "events"))
                .to_owned(),
        )
        .await?;
    unique_index(manager, "webhook_deliveries", &["endpoint_id", "event_id"]).await?;
    plain_index(
        manager,
        "webhook_deliveries",
        &["delivered_at", "next_attempt_at"],
    )
    .await
}
