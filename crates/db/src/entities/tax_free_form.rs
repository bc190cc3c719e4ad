//! The `tax_free_forms` table.

use sea_orm::entity::prelude::*;

/// One row of `tax_free_forms`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "tax_free_forms")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub order_id: String,
    pub traveller: String,
    pub traveller_form_no: i32,
    pub stay_from: TimeDateTimeWithTimeZone,
    pub stay_until: TimeDateTimeWithTimeZone,
    pub purchase_krw: i64,
    pub refund_krw: i64,
    pub trip_purchases_before_krw: i64,
    pub issued_at: TimeDateTimeWithTimeZone,
}

/// No relations are declared: queries join by explicit filters.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
