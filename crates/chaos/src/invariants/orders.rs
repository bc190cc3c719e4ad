//! Invariants 1 and 2: the orders answered 201 and their reservations, and the workshop
//! days' loads against the reservations and the capacity.

use std::collections::{BTreeMap, HashMap};

use domain::calendar::WeekdaySet;
use domain::order::OrderStatus;
use domain::ticket::TicketStatus;
use time::Date;
use time::macros::format_description;

use crate::invariants::evidence::{Evidence, Finding, Statuses};

/// An item, its reservations and its ticket, as stored.
type ItemRow = (String, i64, i64, Option<String>);
/// An item's id, its reservations and its ticket's status.
type ItemState = (i64, i64, Option<TicketStatus>);
/// A reservation's workshop, day, minutes, order and ticket status.
type ReservationRow = (i64, String, i64, Option<String>, Option<String>);

/// Invariant 1: Every order answered 201 exists with its items, and each item holds reservations
/// exactly while it holds capacity: its order's status does, and its ticket (if any) has
/// not left the workshop's hours (a ready ticket gives its hours back).
pub(super) async fn answered_orders_exist(
    evidence: &Evidence<'_>,
    statuses: &Statuses,
) -> anyhow::Result<Finding> {
    let mut finding = Finding::new("1. orders answered 201 exist, with items and reservations");
    let items: Vec<ItemRow> = evidence
        .reader
        .rows(
            "SELECT oi.order_id, CAST(oi.id AS BIGINT), CAST(COUNT(cr.id) AS BIGINT), \
             (SELECT MAX(t.status) FROM tickets t WHERE t.order_item_id = oi.id) \
             FROM order_items oi LEFT JOIN capacity_reservations cr ON cr.order_item_id = oi.id \
             GROUP BY oi.order_id, oi.id",
        )
        .await?;
    let mut by_order: HashMap<&str, Vec<ItemState>> = HashMap::new();
    for (order, item, reservations, ticket) in &items {
        let ticket = ticket.as_deref().and_then(ticket_status);
        by_order
            .entry(order)
            .or_default()
            .push((*item, *reservations, ticket));
    }
    for order in evidence.observed {
        let Some(status) = statuses.get(&order.id) else {
            finding.violation(format!(
                "order {} was answered 201 but is missing",
                order.id
            ));
            continue;
        };
        let Some(status) = status else {
            finding.violation(format!("order {} has an unknown status", order.id));
            continue;
        };
        let items = by_order.get(order.id.as_str()).cloned().unwrap_or_default();
        if items.len() != order.items {
            finding.violation(format!(
                "order {} has {} items, {} were ordered",
                order.id,
                items.len(),
                order.items
            ));
        }
        for (item, reservations, ticket) in items {
            let holding =
                status.holds_capacity() && ticket.is_none_or(TicketStatus::holds_capacity);
            let place = format!(
                "item {item} of {status} order {} (ticket {})",
                order.id,
                ticket.map_or("none", TicketStatus::code)
            );
            if holding && reservations == 0 {
                finding.violation(format!("{place} lacks reservations"));
            }
            if !holding && reservations > 0 {
                finding.violation(format!("{place} still holds reservations"));
            }
        }
    }
    Ok(finding)
}

/// The ticket status of a stored code.
fn ticket_status(code: &str) -> Option<TicketStatus> {
    TicketStatus::ALL.into_iter().find(|s| s.code() == code)
}

/// Invariant 2: No reservation without a live order (an order still `placed` once the storm is
/// over and every traveller has paid holds hours it will never use), and per workshop day
/// the stored load equals the sum of its reservations and never exceeds capacity.
pub(super) async fn reservations_belong_to_live_orders(
    evidence: &Evidence<'_>,
    statuses: &Statuses,
) -> anyhow::Result<Finding> {
    let mut finding = Finding::new("2. reservations belong to live orders, day loads add up");
    let reservations: Vec<ReservationRow> = evidence
        .reader
        .rows(
            "SELECT CAST(cr.workshop_id AS BIGINT), CAST(cr.day AS TEXT), \
             CAST(cr.minutes AS BIGINT), oi.order_id, t.status \
             FROM capacity_reservations cr LEFT JOIN order_items oi ON oi.id = cr.order_item_id \
             LEFT JOIN tickets t ON t.order_item_id = cr.order_item_id",
        )
        .await?;
    let mut summed: BTreeMap<(i64, String), i64> = BTreeMap::new();
    let mut left_placed: BTreeMap<&str, i64> = BTreeMap::new();
    for (workshop, day, minutes, order, ticket) in &reservations {
        *summed.entry((*workshop, day.clone())).or_default() += minutes;
        let status = order
            .as_ref()
            .and_then(|o| statuses.get(o).copied().flatten());
        let ticket = ticket.as_deref().and_then(ticket_status);
        match (order, status) {
            (Some(order), Some(OrderStatus::Placed)) => {
                *left_placed.entry(order).or_default() += minutes;
            }
            (Some(_), Some(status))
                if status.holds_capacity() && ticket.is_none_or(TicketStatus::holds_capacity) => {}
            (order, status) => finding.violation(format!(
                "a reservation of {minutes} min on {day} belongs to {} order {} (ticket {})",
                status.map_or("no", OrderStatus::code),
                order.as_deref().unwrap_or("(none)"),
                ticket.map_or("none", TicketStatus::code)
            )),
        }
    }
    let methods: HashMap<String, String> = evidence
        .reader
        .rows("SELECT id, payment_method FROM orders WHERE status = 'placed'")
        .await?
        .into_iter()
        .collect();
    for (order, minutes) in left_placed {
        let payment = match methods.get(order).map(String::as_str) {
            Some("stripe") => format!("card order, {}", intents_of(evidence, order)),
            Some(method) => format!("{method} order"),
            None => "order".to_owned(),
        };
        finding.violation(format!(
            "{payment} {order} was left placed after the storm, holding {minutes} min with no tickets"
        ));
    }
    let capacity = Capacity::read(evidence).await?;
    let loads: Vec<(i64, String, i64)> = evidence
        .reader
        .rows(
            "SELECT CAST(workshop_id AS BIGINT), CAST(day AS TEXT), \
             CAST(reserved_minutes AS BIGINT) FROM workshop_day_loads",
        )
        .await?;
    let mut stored: BTreeMap<(i64, String), i64> = BTreeMap::new();
    for (workshop, day, minutes) in loads {
        stored.insert((workshop, day), minutes);
    }
    let mut days: Vec<&(i64, String)> = stored.keys().chain(summed.keys()).collect();
    days.sort();
    days.dedup();
    for key @ (workshop, day) in days {
        let load = stored.get(key).copied().unwrap_or(0);
        let sum = summed.get(key).copied().unwrap_or(0);
        if load != sum {
            finding.violation(format!(
                "workshop {workshop} on {day}: load {load} min, reservations {sum} min"
            ));
        }
        let limit = capacity.on(*workshop, day)?;
        if load.max(sum) > limit {
            finding.violation(format!(
                "workshop {workshop} on {day}: {} min booked, capacity {limit} min",
                load.max(sum)
            ));
        }
    }
    Ok(finding)
}

/// The PaymentIntents the fake holds for an order, with their statuses.
fn intents_of(evidence: &Evidence<'_>, order: &str) -> String {
    let intents: Vec<String> = evidence.stripe["payment_intents"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|pi| pi["metadata"]["order_id"] == order)
        .map(|pi| {
            format!(
                "{} {}",
                pi["id"].as_str().unwrap_or("?"),
                pi["status"].as_str().unwrap_or("?")
            )
        })
        .collect();
    if intents.is_empty() {
        "no PaymentIntent".to_owned()
    } else {
        intents.join(", ")
    }
}

/// The workshops' calendars: minutes per working day, working weekdays, holidays.
struct Capacity {
    workshops: HashMap<i64, (i64, WeekdaySet)>,
    holidays: Vec<(i64, String)>,
}

impl Capacity {
    async fn read(evidence: &Evidence<'_>) -> anyhow::Result<Self> {
        let workshops: Vec<(i64, i64, i64)> = evidence
            .reader
            .rows(
                "SELECT CAST(id AS BIGINT), CAST(minutes_per_day AS BIGINT), \
                 CAST(working_days AS BIGINT) FROM workshops",
            )
            .await?;
        let holidays = evidence
            .reader
            .rows("SELECT CAST(workshop_id AS BIGINT), CAST(day AS TEXT) FROM workshop_holidays")
            .await?;
        let workshops = workshops
            .into_iter()
            .map(|(id, minutes, days)| {
                let days = WeekdaySet::from_bits(u8::try_from(days).unwrap_or(0));
                (id, (minutes, days))
            })
            .collect();
        Ok(Capacity {
            workshops,
            holidays,
        })
    }

    /// The minutes `workshop` can make on `day` (`YYYY-MM-DD`).
    fn on(&self, workshop: i64, day: &str) -> anyhow::Result<i64> {
        let date = Date::parse(day, format_description!("[year]-[month]-[day]"))?;
        let Some((minutes, days)) = self.workshops.get(&workshop) else {
            return Ok(0);
        };
        let holiday = self
            .holidays
            .iter()
            .any(|(w, d)| *w == workshop && d == day);
        Ok(if days.contains(date.weekday()) && !holiday {
            *minutes
        } else {
            0
        })
    }
}

#[cfg(test)]
mod tests {
    use domain::calendar::WeekdaySet;

    use super::Capacity;

    fn leather() -> Capacity {
        // Monday to Saturday (bits 0 to 5), 12 hours a day, closed on 1 January 2027.
        Capacity {
            workshops: [(1, (720, WeekdaySet::from_bits(0b011_1111)))].into(),
            holidays: vec![(1, "2027-01-01".to_owned())],
        }
    }

    #[test]
    fn capacity_is_the_working_day_s_minutes() {
        let capacity = leather();
        assert_eq!(capacity.on(1, "2027-01-04").ok(), Some(720), "a Monday");
        assert_eq!(capacity.on(1, "2027-01-03").ok(), Some(0), "a Sunday");
        assert_eq!(capacity.on(1, "2027-01-01").ok(), Some(0), "a holiday");
        assert_eq!(
            capacity.on(2, "2027-01-04").ok(),
            Some(0),
            "no such workshop"
        );
        assert!(capacity.on(1, "4 January").is_err());
    }
}
