//! The `workshop_day_loads` table.

use sea_orm::entity::prelude::*;

/// One row of `workshop_day_loads`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "workshop_day_loads")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub workshop_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub day: TimeDate,
    pub reserved_minutes: i32,
}

/// No relations are declared: queries join by explicit filters.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
