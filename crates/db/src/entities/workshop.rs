//! The `workshops` table.

use sea_orm::entity::prelude::*;

/// One row of `workshops`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "workshops")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub code: String,
    pub craft: String,
    pub names: Json,
    pub descriptions: Json,
    pub district: String,
    pub utc_offset_minutes: i32,
    pub working_days: i16,
    pub minutes_per_day: i32,
    pub closes_at: String,
    pub buffer_days: i16,
    pub no_show_keeps_balance: bool,
}

/// No relations are declared: queries join by explicit filters.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
