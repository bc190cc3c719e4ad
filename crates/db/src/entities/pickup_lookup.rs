//! The `pickup_lookups` table.

use sea_orm::entity::prelude::*;

/// One row of `pickup_lookups`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "pickup_lookups")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub staff_id: i32,
    pub succeeded: bool,
    pub at: TimeDateTimeWithTimeZone,
}

/// No relations are declared: queries join by explicit filters.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
