//! The `counters` table.

use sea_orm::entity::prelude::*;

/// One row of `counters`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "counters")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub code: String,
    pub kind: String,
    pub names: Json,
    pub addresses: Json,
    pub utc_offset_minutes: i32,
    pub open_days: i16,
    pub opens_at: String,
    pub closes_at: String,
    pub pickup_rule: String,
    pub pickup_minutes_before_departure: Option<i32>,
    pub transit_days: i16,
    pub holding_days: i32,
}

/// No relations are declared: queries join by explicit filters.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
