//! The `products` table.

use sea_orm::entity::prelude::*;

/// One row of `products`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "products")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub workshop_id: i32,
    #[sea_orm(unique)]
    pub code: String,
    pub category: String,
    pub base_price_krw: i64,
    pub unit_minutes: i32,
    pub lead_days: i16,
    pub deposit_percent: i16,
    pub pay_at_counter: bool,
    pub position: i32,
    pub look: Option<Json>,
}

/// No relations are declared: queries join by explicit filters.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
