//! The `capacity_reservations` table.

use sea_orm::entity::prelude::*;

/// One row of `capacity_reservations`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "capacity_reservations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub order_item_id: i32,
    pub workshop_id: i32,
    pub day: TimeDate,
    pub minutes: i32,
}

/// No relations are declared: queries join by explicit filters.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
