//! Reading what the counter needs from the database: its tickets, an order's status,
//! the item of a ticket and product names.

use std::collections::{BTreeMap, BTreeSet};

use domain::catalogue::ProductId;
use domain::counter::CounterId;
use domain::language::Language;
use domain::order::{Order, OrderId, OrderItem, OrderStatus};
use domain::ticket::{Ticket, TicketId};

use crate::AppState;
use crate::error::{ApiError, ApiResult};

/// The ticket if it is bound for `counter`.
pub(super) async fn counter_ticket(
    state: &AppState,
    id: TicketId,
    counter: CounterId,
) -> ApiResult<Option<Ticket>> {
    let ticket = db::tickets::find(&state.db, id).await?;
    Ok(ticket.filter(|t| t.counter_id == counter))
}

pub(super) async fn order_status(state: &AppState, order_id: &OrderId) -> ApiResult<OrderStatus> {
    let order = db::orders::find(&state.db, order_id)
        .await?
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("order {order_id} is gone")))?;
    Ok(order.status)
}

pub(super) fn item_of<'a>(order: &'a Order, ticket: &Ticket) -> ApiResult<&'a OrderItem> {
    order
        .items
        .iter()
        .find(|item| item.id == ticket.order_item_id)
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("ticket {} has no item", ticket.id)))
}

pub(super) async fn product_names(
    state: &AppState,
    ids: &BTreeSet<ProductId>,
    language: Language,
) -> ApiResult<BTreeMap<ProductId, String>> {
    let records = db::catalogue::products_by_id(&state.db, ids).await?;
    Ok(records
        .into_iter()
        .map(|(id, r)| (id, r.names.get(language).to_owned()))
        .collect())
}

pub(super) fn name_of(names: &BTreeMap<ProductId, String>, id: ProductId) -> String {
    names.get(&id).cloned().unwrap_or_default()
}
