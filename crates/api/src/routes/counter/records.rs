//! Reading what the counter needs from the database: its tickets, an order's status,
//! the item of a ticket and product names.

use std::collections::{BTreeMap, BTreeSet};

use db::orders::{StoredItem, StoredOrder};
use db::tickets::TicketRecord;
use domain::catalogue::ProductId;
use domain::counter::CounterId;
use domain::language::Language;
use domain::order::OrderStatus;

use crate::AppState;
use crate::error::ApiError;

use super::{CounterResult, Refusal};

/// The ticket if it is bound for `counter`.
pub(super) async fn counter_ticket(
    state: &AppState,
    id: i32,
    counter: CounterId,
) -> CounterResult<Option<TicketRecord>> {
    let ticket = db::tickets::find(&state.db, id).await?;
    Ok(ticket.filter(|t| i64::from(t.counter_id) == counter.0))
}

pub(super) async fn order_status(state: &AppState, order_id: &str) -> CounterResult<OrderStatus> {
    let order = db::orders::find(&state.db, order_id)
        .await?
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("order {order_id} is gone")))?;
    Ok(order.terms.status)
}

pub(super) fn item_of<'a>(
    order: &'a StoredOrder,
    ticket: &TicketRecord,
) -> CounterResult<&'a StoredItem> {
    order
        .items
        .iter()
        .find(|item| item.id == ticket.order_item_id)
        .ok_or_else(|| {
            Refusal::Api(ApiError::Internal(anyhow::anyhow!(
                "ticket {} has no item",
                ticket.id
            )))
        })
}

pub(super) async fn product_names(
    state: &AppState,
    ids: &BTreeSet<ProductId>,
    language: Language,
) -> CounterResult<BTreeMap<ProductId, String>> {
    let records = db::catalogue::products_by_id(&state.db, ids).await?;
    Ok(records
        .into_iter()
        .map(|(id, r)| (id, r.names.get(language).to_owned()))
        .collect())
}

pub(super) fn name_of(names: &BTreeMap<ProductId, String>, id: ProductId) -> String {
    names.get(&id).cloned().unwrap_or_default()
}
