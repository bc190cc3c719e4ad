//! The `handovers` table.

use sea_orm::entity::prelude::*;

/// One row of `handovers`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "handovers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub order_id: String,
    pub counter_id: i32,
    pub staff_id: i32,
    pub goods_value_krw: i64,
    pub tax_refund_krw: i64,
    pub balance_collected_krw: i64,
    pub balance_method: Option<String>,
    pub at: TimeDateTimeWithTimeZone,
}

/// No relations are declared: queries join by explicit filters.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
