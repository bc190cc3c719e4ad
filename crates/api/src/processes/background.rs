//! The background workers every server process runs, each pass claiming its rows so that
//! any number of processes can share one database: releasing unpaid card orders,
//! finishing orders left half-way, sending refunds, flagging overdue tickets, ending the
//! holding of uncollected goods.

use std::time::Duration;

use crate::AppState;
use crate::processes::{billing, no_show, overdue, recovery, refunds};

/// Runs every worker's pass every `every` until the process ends; a failed pass is
/// logged and tried again next time.
pub fn spawn_workers(state: AppState, every: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            run_once(&state).await;
            tokio::time::sleep(every).await;
        }
    })
}

/// One pass of every worker.
pub async fn run_once(state: &AppState) {
    if let Err(error) = billing::release_unpaid(state).await {
        tracing::warn!(%error, "releasing unpaid orders failed");
    }
    if let Err(error) = recovery::finish_half_placed(state).await {
        tracing::warn!(%error, "finishing half-placed orders failed");
    }
    if let Err(error) = refunds::retry_due(state).await {
        tracing::warn!(%error, "sending refunds failed");
    }
    if let Err(error) = overdue::flag_overdue(state).await {
        tracing::warn!(%error, "flagging overdue tickets failed");
    }
    if let Err(error) = no_show::apply_holding(state).await {
        tracing::warn!(%error, "ending holding periods failed");
    }
}
