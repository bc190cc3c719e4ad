//! The workshop's webhook endpoint: a small HTTP server inside this process that answers
//! 204 to every delivery and counts how often each `Gongbang-Event-Id` arrived.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use anyhow::Context;
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;

/// Event id → deliveries received.
type Seen = Arc<Mutex<HashMap<i64, u32>>>;

/// The running endpoint; it stops when dropped.
pub struct Receiver {
    url: String,
    seen: Seen,
    server: tokio::task::JoinHandle<()>,
}

impl Receiver {
    pub async fn start() -> anyhow::Result<Self> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .context("binding the webhook receiver")?;
        let addr = listener.local_addr()?;
        let seen = Seen::default();
        let app = Router::new()
            .route("/hooks", post(receive))
            .with_state(Arc::clone(&seen));
        let server = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Ok(Receiver {
            url: format!("http://{addr}/hooks"),
            seen,
            server,
        })
    }

    /// Where the workshop registers its webhook.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// How often each event id arrived.
    pub fn seen(&self) -> HashMap<i64, u32> {
        self.seen
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        self.server.abort();
    }
}

async fn receive(State(seen): State<Seen>, headers: HeaderMap) -> StatusCode {
    let Some(id) = headers
        .get("gongbang-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<i64>().ok())
    else {
        return StatusCode::BAD_REQUEST;
    };
    *seen
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .entry(id)
        .or_default() += 1;
    StatusCode::NO_CONTENT
}
