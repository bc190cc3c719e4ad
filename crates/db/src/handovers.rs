//! Counter handovers and pickup look-ups.
//!
//! A handover records which received tickets of an order were given to the traveller,
//! by whom, at which counter, the goods value, the immediate tax refund and the balance
//! collected, together with its event and (when the last items leave) the order's move
//! to `picked_up`, all in one transaction. The caller decides every number with the
//! domain rules; this module only stores them, guarded by what the caller saw: the
//! order's status and the number of earlier handovers (so that the balance is collected
//! once and a form's refund is paid once even when two desks serve one order at once).
//! The first handover of an order also issues its tax-free form (`tax_free_forms`), in
//! the same transaction.
//!
//! Every look-up of a pickup code is recorded in `pickup_lookups`, so that code guessing
//! can be limited per staff member, also across several server processes.

use std::collections::BTreeMap;

use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder, TransactionTrait,
};
use time::OffsetDateTime;

use domain::actor::Actor;
use domain::counter::CounterId;
use domain::event::EventKind;
use domain::money::Krw;
use domain::order::{OrderId, OrderMove, OrderStatus};
use domain::ticket::{TicketId, TicketStatus};

use crate::Error;
use crate::codec::narrow;
use crate::entities::{handover, handover_ticket, order, pickup_lookup, ticket};
use crate::error::is_unique_violation;
use crate::events::{self, NewEvent};
use crate::history::{Because, OrderChange, record_order_change};
use crate::tax_free_forms::{self, NewTaxFreeForm};

/// A handover as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandoverRecord {
    /// Its id.
    pub id: i32,
    /// The order.
    pub order_id: OrderId,
    /// Where.
    pub counter_id: CounterId,
    /// The staff account that handed over.
    pub staff_id: i32,
    /// The tickets handed over, by id.
    pub ticket_ids: Vec<TicketId>,
    /// The sum of the line totals of the items handed over.
    pub goods_value: Krw,
    /// The immediate tax refund recorded.
    pub tax_refund: Krw,
    /// The balance collected at this handover.
    pub balance_collected: Krw,
    /// How it was paid (`card` or `cash`), when a balance was collected.
    pub balance_method: Option<String>,
    /// When.
    pub at: OffsetDateTime,
}

/// A handover decided by the caller.
#[derive(Debug, Clone)]
pub struct NewHandover<'a> {
    /// The order.
    pub order_id: &'a OrderId,
    /// The order's status the caller decided from, or its move (to `picked_up`) when
    /// these are its last items; nothing is written if it moved on.
    pub order: HandoverOrder,
    /// How many handovers of the order the caller saw; nothing is written if another
    /// one was recorded meanwhile (its refund and balance would be counted twice).
    pub earlier_handovers: usize,
    /// The counter.
    pub counter_id: CounterId,
    /// The staff account.
    pub staff_id: i32,
    /// The tickets handed over; each must still be `received` and not handed over.
    pub ticket_ids: &'a [TicketId],
    /// The sum of their line totals.
    pub goods_value: Krw,
    /// The immediate tax refund: this handover's share of its order's tax-free form.
    pub tax_refund: Krw,
    /// The order's tax-free form when this handover issues it (its first handover).
    pub tax_free_form: Option<NewTaxFreeForm<'a>>,
    /// The balance collected now.
    pub balance_collected: Krw,
    /// How it was paid.
    pub balance_method: Option<&'a str>,
    /// Who, as shown in histories.
    pub actor: &'a Actor,
    /// When.
    pub at: OffsetDateTime,
}

/// What a handover does to its order.
#[derive(Debug, Clone, Copy)]
pub enum HandoverOrder {
    /// Items remain: the order stays in this status.
    Stays(OrderStatus),
    /// The last items leave: the order moves (to `picked_up`).
    Moves(OrderMove),
}

/// Records a handover, its tickets, its `order.handover` event and, when given, the
/// order's status change, in one transaction. `Ok(None)` when the order, its handovers
/// or one of the tickets changed since the caller looked (nothing is written: look
/// again and retry); otherwise the new handover's id.
pub async fn record(db: &DatabaseConnection, new: &NewHandover<'_>) -> Result<Option<i32>, Error> {
    let txn = db.begin().await?;
    // Writing the order row first takes its lock (PostgreSQL) or the write lock (SQLite):
    // concurrent handovers of one order run one after the other from here on.
    let (from, to) = match new.order {
        HandoverOrder::Stays(status) => (status, status),
        HandoverOrder::Moves(step) => (step.from(), step.to()),
    };
    let updated = order::Entity::update_many()
        .col_expr(order::Column::Status, Expr::value(to.code()))
        .col_expr(order::Column::UpdatedAt, Expr::value(new.at))
        .filter(order::Column::Id.eq(new.order_id.as_str()))
        .filter(order::Column::Status.eq(from.code()))
        .exec(&txn)
        .await?;
    if updated.rows_affected != 1 {
        return Ok(None);
    }
    let earlier = handover::Entity::find()
        .filter(handover::Column::OrderId.eq(new.order_id.as_str()))
        .all(&txn)
        .await?;
    if earlier.len() != new.earlier_handovers {
        return Ok(None);
    }
    if let Some(form) = &new.tax_free_form
        && tax_free_forms::issue(&txn, new.order_id, form, new.at)
            .await?
            .is_none()
    {
        return Ok(None);
    }
    let ids: Vec<i32> = new.ticket_ids.iter().map(|t| t.0).collect();
    let tickets = ticket::Entity::find()
        .filter(ticket::Column::Id.is_in(ids.clone()))
        .filter(ticket::Column::OrderId.eq(new.order_id.as_str()))
        .filter(ticket::Column::Status.eq(TicketStatus::Received.code()))
        .all(&txn)
        .await?;
    let taken = handover_ticket::Entity::find()
        .filter(handover_ticket::Column::TicketId.is_in(ids.clone()))
        .all(&txn)
        .await?;
    if ids.is_empty() || tickets.len() != ids.len() || !taken.is_empty() {
        return Ok(None);
    }
    let row = handover::ActiveModel {
        order_id: Set(new.order_id.to_string()),
        counter_id: Set(narrow(new.counter_id.0, "counter id")?),
        staff_id: Set(new.staff_id),
        goods_value_krw: Set(new.goods_value.won()),
        tax_refund_krw: Set(new.tax_refund.won()),
        balance_collected_krw: Set(new.balance_collected.won()),
        balance_method: Set(new.balance_method.map(str::to_owned)),
        at: Set(new.at),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    if new.balance_collected > Krw::ZERO {
        let method = new.balance_method.unwrap_or("card");
        let note = format!("balance collected at the counter ({method})");
        let entry = domain::payment::Entry {
            kind: domain::payment::EntryKind::CounterPayment,
            status: domain::payment::EntryStatus::Succeeded,
            amount: new.balance_collected,
        };
        let payment = crate::payments::NewPayment {
            order_id: new.order_id,
            entry,
            method: domain::payment::PaymentMethod::Counter,
            stripe_id: None,
            note: &note,
            at: new.at,
        };
        crate::payments::record(&txn, &payment).await?;
    }
    for ticket_id in &ids {
        let inserted = handover_ticket::ActiveModel {
            handover_id: Set(row.id),
            ticket_id: Set(*ticket_id),
        }
        .insert(&txn)
        .await;
        match inserted {
            Ok(_) => {}
            // Another desk handed it over in the same instant.
            Err(error) if is_unique_violation(&error) => return Ok(None),
            Err(error) => return Err(error.into()),
        }
    }
    let numbers: Vec<String> = new.ticket_ids.iter().map(|id| id.number()).collect();
    let note = format!(
        "handed over {} at counter {} (goods ₩{}, tax refund ₩{}, balance collected ₩{})",
        numbers.join(", "),
        new.counter_id.0,
        new.goods_value.won(),
        new.tax_refund.won(),
        new.balance_collected.won(),
    );
    let payload = serde_json::json!({
        "handover": row.id,
        "tickets": numbers,
        "counter": new.counter_id.0,
        "goods_value_krw": new.goods_value.won(),
        "tax_refund_krw": new.tax_refund.won(),
        "balance_collected_krw": new.balance_collected.won(),
        "balance_method": new.balance_method,
        "actor": new.actor.to_string(),
        "note": note,
    });
    let event = NewEvent {
        order_id: new.order_id,
        ticket_id: None,
        workshop_id: None,
        kind: EventKind::OrderHandover,
        payload,
        at: new.at,
    };
    events::record(&txn, event).await?;
    if let HandoverOrder::Moves(step) = new.order {
        let note = match step.from() {
            OrderStatus::NoShow => "every item collected (late pickup)",
            _ => "every item collected",
        };
        let because = Because {
            actor: new.actor,
            note,
            at: new.at,
        };
        record_order_change(&txn, new.order_id, OrderChange::Moved(step), because).await?;
    }
    txn.commit().await?;
    Ok(Some(row.id))
}

/// An order's handovers, oldest first.
pub async fn for_order(
    db: &impl ConnectionTrait,
    order_id: &OrderId,
) -> Result<Vec<HandoverRecord>, Error> {
    let rows = handover::Entity::find()
        .filter(handover::Column::OrderId.eq(order_id.as_str()))
        .order_by_asc(handover::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
    let mut tickets: BTreeMap<i32, Vec<i32>> = BTreeMap::new();
    let links = handover_ticket::Entity::find()
        .filter(handover_ticket::Column::HandoverId.is_in(ids))
        .order_by_asc(handover_ticket::Column::TicketId)
        .all(db)
        .await?;
    for link in links {
        tickets
            .entry(link.handover_id)
            .or_default()
            .push(link.ticket_id);
    }
    rows.into_iter()
        .map(|row| {
            Ok(HandoverRecord {
                ticket_ids: tickets
                    .remove(&row.id)
                    .unwrap_or_default()
                    .into_iter()
                    .map(TicketId)
                    .collect(),
                id: row.id,
                order_id: OrderId::parse(&row.order_id)?,
                counter_id: CounterId(row.counter_id.into()),
                staff_id: row.staff_id,
                goods_value: Krw::new(row.goods_value_krw),
                tax_refund: Krw::new(row.tax_refund_krw),
                balance_collected: Krw::new(row.balance_collected_krw),
                balance_method: row.balance_method,
                at: row.at,
            })
        })
        .collect()
}

/// The id of the order with this pickup code (compact form), if any.
pub async fn order_by_pickup_code(
    db: &impl ConnectionTrait,
    code: &domain::pickup_code::PickupCode,
) -> Result<Option<OrderId>, Error> {
    let row = order::Entity::find()
        .filter(order::Column::PickupCode.eq(code.compact()))
        .one(db)
        .await?;
    row.map(|r| OrderId::parse(&r.id))
        .transpose()
        .map_err(Error::from)
}

/// The ids of a counter's orders in these statuses whose pickup deadline falls in
/// `[from, until)`, by deadline.
pub async fn orders_due(
    db: &impl ConnectionTrait,
    counter_id: CounterId,
    statuses: &[OrderStatus],
    from: OffsetDateTime,
    until: OffsetDateTime,
) -> Result<Vec<OrderId>, Error> {
    let counter: i32 = narrow(counter_id.0, "counter id")?;
    let rows = order::Entity::find()
        .filter(order::Column::CounterId.eq(counter))
        .filter(order::Column::Status.is_in(statuses.iter().map(|s| s.code())))
        .filter(order::Column::PickupDeadline.gte(from))
        .filter(order::Column::PickupDeadline.lt(until))
        .order_by_asc(order::Column::PickupDeadline)
        .order_by_asc(order::Column::Id)
        .all(db)
        .await?;
    rows.into_iter()
        .map(|r| OrderId::parse(&r.id).map_err(Error::from))
        .collect()
}

/// Starts a look-up by `staff_id`: records it as failed (so that concurrent guesses are
/// all counted before any is answered) and returns its id, to be marked succeeded with
/// [`lookup_succeeded`] or withdrawn with [`withdraw_lookup`].
pub async fn begin_lookup(
    db: &impl ConnectionTrait,
    staff_id: i32,
    at: OffsetDateTime,
) -> Result<i32, Error> {
    let row = pickup_lookup::ActiveModel {
        staff_id: Set(staff_id),
        succeeded: Set(false),
        at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(row.id)
}

/// Marks a look-up as succeeded.
pub async fn lookup_succeeded(db: &impl ConnectionTrait, id: i32) -> Result<(), Error> {
    pickup_lookup::Entity::update_many()
        .col_expr(pickup_lookup::Column::Succeeded, Expr::value(true))
        .filter(pickup_lookup::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Forgets a look-up that was refused before it looked anything up.
pub async fn withdraw_lookup(db: &impl ConnectionTrait, id: i32) -> Result<(), Error> {
    pickup_lookup::Entity::delete_by_id(id).exec(db).await?;
    Ok(())
}

/// When `staff_id`'s failed look-ups after `since` happened, newest first, leaving out
/// the look-up `except` (the one being checked).
pub async fn failed_lookups_since(
    db: &impl ConnectionTrait,
    staff_id: i32,
    since: OffsetDateTime,
    except: i32,
) -> Result<Vec<OffsetDateTime>, Error> {
    let rows = pickup_lookup::Entity::find()
        .filter(pickup_lookup::Column::StaffId.eq(staff_id))
        .filter(pickup_lookup::Column::Succeeded.eq(false))
        .filter(pickup_lookup::Column::At.gt(since))
        .filter(pickup_lookup::Column::Id.ne(except))
        .order_by_desc(pickup_lookup::Column::At)
        .order_by_desc(pickup_lookup::Column::Id)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|r| r.at).collect())
}
