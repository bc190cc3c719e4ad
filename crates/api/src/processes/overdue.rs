//! Overdue work: a worker that flags tickets still at the workshop when their due time
//! passes, or that can no longer be finished in the workshop's hours left before it
//! (`domain::ticket::overdue`). A flagged ticket is at risk on the workshop's queue, its
//! order at risk for the traveller and on the operator's list, and a `ticket.overdue`
//! event tells the workshop (webhooks) and the traveller (timeline, notifications).

use time::Duration;

use domain::calendar::WorkMinutes;
use domain::ticket::{Overdue, Ticket, TicketStatus, overdue};

use crate::AppState;
use crate::error::ApiResult;

/// How far ahead of their due time tickets are checked for work that cannot finish.
const LOOKAHEAD: Duration = Duration::days(14);

/// Flags every ticket that is overdue now, once. Returns how many this call flagged.
pub async fn flag_overdue(state: &AppState) -> ApiResult<usize> {
    let now = state.clock.now();
    let candidates = db::tickets::unflagged_due_before(&state.db, now + LOOKAHEAD).await?;
    if candidates.is_empty() {
        return Ok(0);
    }
    let workshops = db::catalogue::planning_workshops(&state.db).await?;
    let mut flagged = 0;
    for ticket in candidates {
        let Some(workshop) = workshops.get(&ticket.workshop_id) else {
            continue;
        };
        let remaining = remaining_work(state, &ticket).await?;
        let Some(why) = overdue(
            ticket.status,
            ticket.due_at,
            remaining,
            &workshop.calendar,
            now,
        ) else {
            continue;
        };
        let note = match why {
            Overdue::PastDue => format!(
                "ticket {} is still at the workshop after its due time",
                ticket.id.number()
            ),
            Overdue::CannotFinish { needed, left } => format!(
                "ticket {} needs {} more minutes of work but the workshop has {} left before it is due",
                ticket.id.number(),
                needed.get(),
                left.get()
            ),
        };
        if db::tickets::flag_overdue(&state.db, &ticket, &note, now).await? {
            flagged += 1;
        }
    }
    Ok(flagged)
}

/// The work a ticket still needs: all of it before production starts, none counted once
/// it has (how far along it is, only the workshop knows; the due time still catches it).
async fn remaining_work(state: &AppState, ticket: &Ticket) -> ApiResult<WorkMinutes> {
    if !matches!(ticket.status, TicketStatus::Queued | TicketStatus::Accepted) {
        return Ok(WorkMinutes::new(0));
    }
    let Some(order) = db::orders::find(&state.db, &ticket.order_id).await? else {
        return Ok(WorkMinutes::new(0));
    };
    Ok(order
        .items
        .iter()
        .find(|item| item.id == ticket.order_item_id)
        .map_or(WorkMinutes::new(0), |item| {
            item.terms
                .unit_minutes
                .saturating_mul(item.terms.quantity.into())
        }))
}
