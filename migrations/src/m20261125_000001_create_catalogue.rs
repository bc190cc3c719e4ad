//! Workshops with their calendars, counters, products with translated texts, option
//! groups and values, and the operator's exchange-rate table.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("workshops")
                    .col(pk_auto("id"))
                    .col(string_len_uniq("code", 64))
                    .col(string_len("craft", 16))
                    .col(json("names"))
                    .col(json("descriptions"))
                    .col(string("district"))
                    .col(integer("utc_offset_minutes"))
                    .col(small_integer("working_days"))
                    .col(integer("minutes_per_day"))
                    .col(string_len("closes_at", 5))
                    .col(small_integer("buffer_days"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("workshop_holidays")
                    .col(integer("workshop_id"))
                    .col(date("day"))
                    .col(string("name"))
                    .primary_key(Index::create().col("workshop_id").col("day"))
                    .foreign_key(&mut cascade(
                        "workshop_holidays",
                        "workshop_id",
                        "workshops",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("counters")
                    .col(pk_auto("id"))
                    .col(string_len_uniq("code", 64))
                    .col(string_len("kind", 16))
                    .col(json("names"))
                    .col(json("addresses"))
                    .col(integer("utc_offset_minutes"))
                    .col(small_integer("open_days"))
                    .col(string_len("opens_at", 5))
                    .col(string_len("closes_at", 5))
                    .col(string_len("pickup_rule", 32))
                    .col(integer_null("pickup_minutes_before_departure"))
                    .col(small_integer("transit_days"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("products")
                    .col(pk_auto("id"))
                    .col(integer("workshop_id"))
                    .col(string_len_uniq("code", 64))
                    .col(string_len("category", 16))
                    .col(big_integer("base_price_krw"))
                    .col(integer("unit_minutes"))
                    .col(small_integer("lead_days"))
                    .col(small_integer("deposit_percent"))
                    .col(boolean("pay_at_counter"))
                    .col(integer("position"))
                    .foreign_key(&mut cascade("products", "workshop_id", "workshops"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("product_texts")
                    .col(integer("product_id"))
                    .col(string_len("language", 2))
                    .col(string("name"))
                    .col(text("description"))
                    .primary_key(Index::create().col("product_id").col("language"))
                    .foreign_key(&mut cascade("product_texts", "product_id", "products"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("option_groups")
                    .col(pk_auto("id"))
                    .col(integer("product_id"))
                    .col(string_len("code", 64))
                    .col(string_len("kind", 16))
                    .col(json("labels"))
                    .col(integer("position"))
                    .col(integer_null("text_max_chars"))
                    .col(text_null("text_allowed"))
                    .col(boolean("text_required"))
                    .col(big_integer("text_price_delta_krw"))
                    .col(integer("text_minutes_delta"))
                    .foreign_key(&mut cascade("option_groups", "product_id", "products"))
                    .to_owned(),
            )
            .await?;
        unique_index(manager, "option_groups", &["product_id", "code"]).await?;
        manager
            .create_table(
                Table::create()
                    .table("option_values")
                    .col(pk_auto("id"))
                    .col(integer("group_id"))
                    .col(string_len("code", 64))
                    .col(json("labels"))
                    .col(big_integer("price_delta_krw"))
                    .col(integer("minutes_delta"))
                    .col(boolean("is_default"))
                    .col(integer("position"))
                    .foreign_key(&mut cascade("option_values", "group_id", "option_groups"))
                    .to_owned(),
            )
            .await?;
        unique_index(manager, "option_values", &["group_id", "code"]).await?;
        manager
            .create_table(
                Table::create()
                    .table("exchange_rates")
                    .col(string_len("currency", 3).primary_key())
                    .col(big_integer("milliwon_per_unit"))
                    .col(small_integer("minor_digits"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "exchange_rates",
            "option_values",
            "option_groups",
            "product_texts",
            "products",
            "counters",
            "workshop_holidays",
            "workshops",
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

/// A foreign key from `table.column` to `target.id` that deletes with its parent.
pub(crate) fn cascade(table: &str, column: &str, target: &str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_{table}_{column}"))
        .from(table.to_owned(), column.to_owned())
        .to(target.to_owned(), "id")
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

/// A unique index over `columns` of `table`.
pub(crate) async fn unique_index(
    manager: &SchemaManager<'_>,
    table: &str,
    columns: &[&str],
) -> Result<(), DbErr> {
    let mut index = Index::create();
    index
        .name(format!("ux_{table}_{}", columns.join("_")))
        .table(table.to_owned())
        .unique();
    for column in columns {
        index.col(ToString::to_string(column));
    }
    manager.create_index(index.to_owned()).await
}

/// A plain index over `columns` of `table`.
pub(crate) async fn plain_index(
    manager: &SchemaManager<'_>,
    table: &str,
    columns: &[&str],
) -> Result<(), DbErr> {
    let mut index = Index::create();
    index
        .name(format!("ix_{table}_{}", columns.join("_")))
        .table(table.to_owned());
    for column in columns {
        index.col(ToString::to_string(column));
    }
    manager.create_index(index.to_owned()).await
}
