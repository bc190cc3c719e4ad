//! The faults: in every round one server is killed with SIGKILL at a random moment and
//! started again after a short random pause, and sometimes Stripe is out for a while
//! ([`round`]); after the storm, [`settle`] lets the system come to rest: Stripe
//! reachable, every server up, and then waiting until the fake Stripe has delivered its
//! events, the workshop's webhooks are delivered and no refund is pending.

use std::sync::Arc;
use std::time::{Duration, Instant};

use rand::Rng;
use rand::rngs::StdRng;

use crate::databases::Reader;
use crate::servers::{Server, Stripe};

/// What one round did.
#[derive(Debug, Clone)]
pub struct RoundFaults {
    /// The server killed, and when (from the round's start).
    pub killed: String,
    pub killed_at: Duration,
    /// How long the server was down, restart included.
    pub down_for: Duration,
    /// When a Stripe outage started and how long it lasted.
    pub outage: Option<(Duration, Duration)>,
}

/// The faults of one round of `length`, while the clients run.
pub async fn round(
    servers: &mut [Server],
    stripe: &Arc<Stripe>,
    rng: &mut StdRng,
    length: Duration,
) -> anyhow::Result<RoundFaults> {
    let outage = rng.random_bool(0.4).then(|| {
        let at = length.mul_f64(rng.random_range(0.0..0.8));
        (at, Duration::from_millis(rng.random_range(200..1_200)))
    });
    let outage_task = outage.map(|(at, lasts)| {
        let stripe = Arc::clone(stripe);
        tokio::spawn(async move {
            tokio::time::sleep(at).await;
            let on = stripe.outage(true).await;
            tokio::time::sleep(lasts).await;
            on.and(stripe.outage(false).await)
        })
    });
    let killed_at = length.mul_f64(rng.random_range(0.1..0.7));
    let victim = rng.random_range(0..servers.len());
    let pause = Duration::from_millis(rng.random_range(0..400));
    tokio::time::sleep(killed_at).await;
    let server = &mut servers[victim];
    server.kill();
    let down = Instant::now();
    tokio::time::sleep(pause).await;
    server.start().await?;
    let down_for = down.elapsed();
    if let Some(task) = outage_task {
        task.await??;
    }
    Ok(RoundFaults {
        killed: server.name().to_owned(),
        killed_at,
        down_for,
        outage,
    })
}

/// Makes sure every server is up and Stripe reachable.
pub async fn heal(servers: &mut [Server], stripe: &Stripe) -> anyhow::Result<()> {
    stripe.outage(false).await?;
    for server in servers.iter_mut() {
        if !server.is_running() {
            server.start().await?;
        }
    }
    Ok(())
}

/// Waits until nothing is left in flight, or `limit` passes; returns how long it took and
/// whether everything came to rest.
pub async fn settle(
    reader: &Reader,
    stripe: &Stripe,
    limit: Duration,
) -> anyhow::Result<(Duration, bool)> {
    let started = Instant::now();
    let has_refunds = reader.has_table("refunds").await?;
    let mut told = false;
    loop {
        // Give the workers a few runs before the first look.
        tokio::time::sleep(Duration::from_millis(500)).await;
        let state = stripe.state().await?;
        let events_in_flight = state["events"].as_array().map_or(0, |events| {
            events.iter().filter(|e| e["delivered"] != true).count()
        });
        let deliveries_due = reader
            .number(
                "SELECT CAST(COUNT(*) AS BIGINT) FROM webhook_deliveries d \
                 JOIN webhook_endpoints e ON e.id = d.endpoint_id \
                 WHERE d.delivered_at IS NULL AND e.active = TRUE",
            )
            .await?;
        let refunds_pending = if has_refunds {
            reader
                .number("SELECT CAST(COUNT(*) AS BIGINT) FROM refunds WHERE status = 'pending'")
                .await?
        } else {
            0
        };
        // Pay-at-counter orders a kill left `placed` are the recovery worker's, once they
        // are older than its grace period (`api::processes::recovery::GRACE`).
        let half_placed = reader
            .number(
                "SELECT CAST(COUNT(*) AS BIGINT) FROM orders \
                 WHERE status = 'placed' AND payment_method = 'counter'",
            )
            .await?;
        let at_rest = events_in_flight == 0
            && deliveries_due == 0
            && refunds_pending == 0
            && half_placed == 0;
        if at_rest || started.elapsed() > limit {
            return Ok((started.elapsed(), at_rest));
        }
        if !told && started.elapsed() > Duration::from_secs(5) {
            told = true;
            eprintln!(
                "settling: {events_in_flight} Stripe events, {deliveries_due} webhook deliveries, \
                 {refunds_pending} refunds and {half_placed} half-placed orders still in flight \
                 (a delivery claimed by a killed server waits for its lease to run out)"
            );
        }
    }
}
