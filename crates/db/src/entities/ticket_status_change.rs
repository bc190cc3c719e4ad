//! The `ticket_history` table.

use sea_orm::entity::prelude::*;

/// One row of `ticket_history`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ticket_history")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub ticket_id: i32,
    pub from_status: Option<String>,
    pub to_status: String,
    pub actor: String,
    pub note: String,
    pub at: TimeDateTimeWithTimeZone,
}

/// No relations are declared: queries join by explicit filters.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
