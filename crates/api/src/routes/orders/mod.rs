//! Orders: place (idempotently), read with the secret token, move to a new itinerary,
//! cancel, see an item's preview.

mod create;
mod manage;
mod preview;
mod view;
mod wire;

pub(in crate::routes) use create::{__path_create_order, create_order};
pub(in crate::routes) use manage::{
    __path_cancel_order, __path_change_itinerary, __path_get_order, cancel_order, change_itinerary,
    get_order,
};
pub(in crate::routes) use preview::{__path_item_preview, item_preview};
