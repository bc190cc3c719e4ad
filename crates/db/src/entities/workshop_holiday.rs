//! The `workshop_holidays` table.

use sea_orm::entity::prelude::*;

/// One row of `workshop_holidays`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "workshop_holidays")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub workshop_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub day: TimeDate,
    pub name: String,
}

/// No relations are declared: queries join by explicit filters.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
