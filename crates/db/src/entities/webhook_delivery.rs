//! The `webhook_deliveries` table.

use sea_orm::entity::prelude::*;

/// One row of `webhook_deliveries`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "webhook_deliveries")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub endpoint_id: i32,
    pub event_id: i64,
    pub attempts: i32,
    pub next_attempt_at: TimeDateTimeWithTimeZone,
    pub delivered_at: Option<TimeDateTimeWithTimeZone>,
    pub last_error: Option<String>,
}

/// No relations are declared: queries join by explicit filters.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
