//! The `stripe_events` table.

use sea_orm::entity::prelude::*;

/// One row of `stripe_events`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "stripe_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub kind: String,
    pub received_at: TimeDateTimeWithTimeZone,
}

/// No relations are declared: queries join by explicit filters.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
