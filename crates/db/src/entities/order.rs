//! The `orders` table.

use sea_orm::entity::prelude::*;

/// One row of `orders`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "orders")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub status: String,
    pub token_hash: String,
    #[sea_orm(unique)]
    pub pickup_code: String,
    pub counter_id: i32,
    pub arrival: TimeDateTimeWithTimeZone,
    pub departure: TimeDateTimeWithTimeZone,
    pub pickup_deadline: TimeDateTimeWithTimeZone,
    pub traveller_name: String,
    pub traveller_email: String,
    pub passport_last4: String,
    pub language: String,
    pub total_krw: i64,
    pub deposit_krw: i64,
    pub created_at: TimeDateTimeWithTimeZone,
    pub updated_at: TimeDateTimeWithTimeZone,
    pub payment_method: String,
    pub stripe_customer_id: Option<String>,
    pub stripe_payment_method: Option<String>,
    pub goods_released_at: Option<TimeDateTimeWithTimeZone>,
}

/// No relations are declared: queries join by explicit filters.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
