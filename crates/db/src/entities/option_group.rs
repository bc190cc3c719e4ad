//! The `option_groups` table.

use sea_orm::entity::prelude::*;

/// One row of `option_groups`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "option_groups")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub product_id: i32,
    pub code: String,
    pub kind: String,
    pub labels: Json,
    pub position: i32,
    pub text_max_chars: Option<i32>,
    pub text_allowed: Option<String>,
    pub text_required: bool,
    pub text_price_delta_krw: i64,
    pub text_minutes_delta: i32,
}

/// No relations are declared: queries join by explicit filters.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
