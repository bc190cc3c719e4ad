//! The `order_items` table.

use sea_orm::entity::prelude::*;

/// One row of `order_items`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "order_items")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub order_id: String,
    pub line_no: i32,
    pub product_id: i32,
    pub workshop_id: i32,
    pub quantity: i32,
    pub options: Json,
    pub unit_price_krw: i64,
    pub line_total_krw: i64,
    pub deposit_krw: i64,
    pub unit_minutes: i32,
    pub ready_by: TimeDateTimeWithTimeZone,
    pub fitting: Option<Json>,
}

/// No relations are declared: queries join by explicit filters.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
