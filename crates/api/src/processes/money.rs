//! An order's money record: its stored movements and what they add up to (paid,
//! refunded, pending, due), for every process that decides on money and for the views.

use db::payments::PaymentRow;
use domain::order::Order;
use domain::payment::{Entry, MoneyRecord, money_record};

use crate::AppState;
use crate::error::ApiResult;

/// An order's money record, from its stored movements.
pub async fn record_of(
    state: &AppState,
    order: &Order,
) -> ApiResult<(MoneyRecord, Vec<PaymentRow>)> {
    let rows = db::payments::for_order(&state.db, &order.terms.id).await?;
    let entries: Vec<Entry> = rows.iter().map(|r| r.entry).collect();
    Ok((money_record(order.terms.total, &entries), rows))
}
