//! Reading an order back: its row, items, reservations and history as a domain
//! [`Order`].

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use domain::calendar::WorkMinutes;
use domain::catalogue::{ProductId, WorkshopId};
use domain::counter::CounterId;
use domain::money::Krw;
use domain::order::{
    FittingRecord, LineTerms, Order, OrderId, OrderItem, OrderTerms, StatusChange, Trip,
};
use domain::schedule::Slot;
use domain::traveller::{EmailAddress, PassportLast4, Traveller, TravellerName};

use crate::Error;
use crate::codec::narrow;
use crate::entities::{capacity_reservation, order, order_item, order_status_change};

/// The order with this id, its items and history.
pub async fn find(db: &impl ConnectionTrait, id: &OrderId) -> Result<Option<Order>, Error> {
    let Some(row) = order::Entity::find_by_id(id.to_string()).one(db).await? else {
        return Ok(None);
    };
    let items = order_item::Entity::find()
        .filter(order_item::Column::OrderId.eq(id.as_str()))
        .order_by_asc(order_item::Column::LineNo)
        .all(db)
        .await?;
    let reservations = capacity_reservation::Entity::find()
        .filter(
            capacity_reservation::Column::OrderItemId
                .is_in(items.iter().map(|i| i.id).collect::<Vec<_>>()),
        )
        .order_by_asc(capacity_reservation::Column::Day)
        .all(db)
        .await?;
    let history = order_status_change::Entity::find()
        .filter(order_status_change::Column::OrderId.eq(id.as_str()))
        .order_by_asc(order_status_change::Column::Id)
        .all(db)
        .await?;
    stored_order(row, items, &reservations, history).map(Some)
}

fn stored_order(
    row: order::Model,
    items: Vec<order_item::Model>,
    reservations: &[capacity_reservation::Model],
    history: Vec<order_status_change::Model>,
) -> Result<Order, Error> {
    let items = items
        .into_iter()
        .map(|item| stored_item(item, reservations))
        .collect::<Result<_, _>>()?;
    let history = history
        .into_iter()
        .map(|change| {
            Ok(StatusChange {
                from: change.from_status.as_deref().map(str::parse).transpose()?,
                to: change.to_status.parse()?,
                actor: change.actor.parse()?,
                note: change.note,
                at: change.at,
            })
        })
        .collect::<Result<_, Error>>()?;
    Ok(Order {
        status: row.status.parse()?,
        terms: OrderTerms {
            token_hash: row.token_hash,
            pickup_code: row.pickup_code.parse()?,
            trip: Trip {
                arrival: row.arrival,
                departure: row.departure,
                counter_id: CounterId(row.counter_id.into()),
                pickup_deadline: row.pickup_deadline,
            },
            traveller: Traveller {
                name: TravellerName::parse(&row.traveller_name)?,
                email: EmailAddress::parse(&row.traveller_email)?,
                passport_last4: PassportLast4::parse(&row.passport_last4)?,
                language: row.language.parse()?,
            },
            total: Krw::new(row.total_krw),
            deposit: Krw::new(row.deposit_krw),
            payment_method: row.payment_method.parse()?,
            created_at: row.created_at,
            id: OrderId::parse(&row.id)?,
        },
        items,
        history,
    })
}

fn stored_item(
    item: order_item::Model,
    reservations: &[capacity_reservation::Model],
) -> Result<OrderItem, Error> {
    let reserved = reservations
        .iter()
        .filter(|r| r.order_item_id == item.id)
        .map(|r| {
            Ok(Slot {
                date: r.day,
                minutes: WorkMinutes::new(narrow(r.minutes, "minutes")?),
            })
        })
        .collect::<Result<_, Error>>()?;
    Ok(OrderItem {
        id: item.id,
        line_no: narrow(item.line_no, "line number")?,
        terms: LineTerms {
            product_id: ProductId(item.product_id.into()),
            workshop_id: WorkshopId(item.workshop_id.into()),
            quantity: narrow(item.quantity, "quantity")?,
            options: serde_json::from_value(item.options)
                .map_err(|e| Error::Corrupt(format!("options: {e}")))?,
            unit_price: Krw::new(item.unit_price_krw),
            line_total: Krw::new(item.line_total_krw),
            deposit: Krw::new(item.deposit_krw),
            unit_minutes: WorkMinutes::new(narrow(item.unit_minutes, "unit minutes")?),
        },
        ready_by: item.ready_by,
        reserved,
        fitting: item.fitting.map(|json| FittingRecord(json.to_string())),
    })
}
