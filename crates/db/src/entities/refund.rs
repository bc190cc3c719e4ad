//! The `refunds` table.

use sea_orm::entity::prelude::*;

/// One row of `refunds`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "refunds")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub order_id: String,
    #[sea_orm(unique)]
    pub payment_intent: String,
    pub kind: String,
    pub amount_krw: i64,
    pub status: String,
    pub reason: String,
    pub payment_id: Option<i32>,
    pub attempts: i32,
    pub next_attempt_at: TimeDateTimeWithTimeZone,
    pub stripe_refund_id: Option<String>,
    pub last_error: Option<String>,
    pub created_at: TimeDateTimeWithTimeZone,
    pub updated_at: TimeDateTimeWithTimeZone,
}

/// No relations are declared: queries join by explicit filters.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
