//! The statuses of a production ticket and the moves a workshop may make between them:
//! the vocabulary of the ticket's lifecycle (moves are made in `lifecycle`).
//!
//! `queued → accepted | declined`, `accepted → in_production → quality_check → ready →
//! dispatched → received` (by the counter). A ticket of a cancelled order ends
//! `cancelled`.

use std::fmt;

/// Where a production ticket is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TicketStatus {
    /// Waiting for the workshop to accept it.
    Queued,
    /// The workshop will make it.
    Accepted,
    /// The workshop cannot make it in its slot.
    Declined,
    /// Being made.
    InProduction,
    /// Made; being checked.
    QualityCheck,
    /// Checked and ready to leave the workshop.
    Ready,
    /// On its way to the counter.
    Dispatched,
    /// The counter has it.
    Received,
    /// Its order was cancelled.
    Cancelled,
}

use TicketStatus as T;

impl TicketStatus {
    /// Every status, ranked so that every allowed transition moves to a later entry.
    pub const ALL: [TicketStatus; 9] = [
        T::Queued,
        T::Accepted,
        T::InProduction,
        T::QualityCheck,
        T::Ready,
        T::Dispatched,
        T::Received,
        T::Declined,
        T::Cancelled,
    ];

    /// The stable code used on the wire and in storage.
    pub const fn code(self) -> &'static str {
        match self {
            T::Queued => "queued",
            T::Accepted => "accepted",
            T::Declined => "declined",
            T::InProduction => "in_production",
            T::QualityCheck => "quality_check",
            T::Ready => "ready",
            T::Dispatched => "dispatched",
            T::Received => "received",
            T::Cancelled => "cancelled",
        }
    }

    /// The statuses a workshop may move this ticket to.
    pub const fn next_for_workshop(self) -> &'static [TicketStatus] {
        match self {
            T::Queued => &[T::Accepted, T::Declined],
            T::Accepted => &[T::InProduction, T::Declined],
            T::InProduction => &[T::QualityCheck],
            T::QualityCheck => &[T::Ready, T::InProduction],
            T::Ready => &[T::Dispatched],
            T::Dispatched | T::Received | T::Declined | T::Cancelled => &[],
        }
    }

    /// Whether production time is still reserved for it: until it is ready, since a
    /// quality check may send it back into production.
    pub const fn holds_capacity(self) -> bool {
        matches!(
            self,
            T::Queued | T::Accepted | T::InProduction | T::QualityCheck
        )
    }

    /// Whether it is still at the workshop (not yet dispatched, not ended).
    pub const fn at_workshop(self) -> bool {
        matches!(
            self,
            T::Queued | T::Accepted | T::InProduction | T::QualityCheck | T::Ready
        )
    }

    /// Whether the workshop has started work (the traveller can no longer cancel freely).
    pub const fn started(self) -> bool {
        matches!(
            self,
            T::InProduction | T::QualityCheck | T::Ready | T::Dispatched | T::Received
        )
    }
}

impl fmt::Display for TicketStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}
