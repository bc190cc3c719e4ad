//! The `payments` table.

use sea_orm::entity::prelude::*;

/// One row of `payments`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "payments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub order_id: String,
    pub kind: String,
    pub status: String,
    pub method: String,
    pub amount_krw: i64,
    #[sea_orm(unique)]
    pub stripe_id: Option<String>,
    pub note: String,
    pub created_at: TimeDateTimeWithTimeZone,
    pub updated_at: TimeDateTimeWithTimeZone,
}

/// No relations are declared: queries join by explicit filters.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
