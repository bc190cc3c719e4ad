//! The `handover_tickets` table.

use sea_orm::entity::prelude::*;

/// One row of `handover_tickets`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "handover_tickets")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub handover_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub ticket_id: i32,
}

/// No relations are declared: queries join by explicit filters.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
