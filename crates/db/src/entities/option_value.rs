//! The `option_values` table.

use sea_orm::entity::prelude::*;

/// One row of `option_values`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "option_values")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub group_id: i32,
    pub code: String,
    pub labels: Json,
    pub price_delta_krw: i64,
    pub minutes_delta: i32,
    pub is_default: bool,
    pub position: i32,
}

/// No relations are declared: queries join by explicit filters.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
