//! The `tickets` table.

use sea_orm::entity::prelude::*;

/// One row of `tickets`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "tickets")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub order_id: String,
    #[sea_orm(unique)]
    pub order_item_id: i32,
    pub workshop_id: i32,
    pub counter_id: i32,
    pub status: String,
    pub due_at: TimeDateTimeWithTimeZone,
    pub at_risk: bool,
    pub overdue_since: Option<TimeDateTimeWithTimeZone>,
    pub notes: String,
    pub created_at: TimeDateTimeWithTimeZone,
    pub updated_at: TimeDateTimeWithTimeZone,
}

/// No relations are declared: queries join by explicit filters.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
