//! Starting the fake ([`start`], [`try_start`]) and the running [`FakeStripe`]: its address
//! and its lifetime (the server stops when it is dropped). What tests do with it is in
//! `controls` (inspect, steer) and `events` (signed webhook events).

use std::net::SocketAddr;
use std::sync::{Arc, MutexGuard};

use crate::error::Error;
use crate::fixtures::Fixtures;
use crate::http;
use crate::state::{Ledger, Shared};

/// Starts the fake on a free loopback port.
///
/// # Panics
/// When the fixture file ([`crate::fixtures_path`]) is missing or unreadable, or no port
/// can be bound; the message names the cause.
pub async fn start() -> FakeStripe {
    match try_start().await {
        Ok(fake) => fake,
        Err(error) => panic!("fake-stripe: {error}"),
    }
}

/// Starts the fake on a free loopback port.
///
/// # Errors
/// When the fixture file ([`crate::fixtures_path`]) is missing or unreadable (the error
/// names the path), or no port can be bound.
pub async fn try_start() -> Result<FakeStripe, Error> {
    let shared = Arc::new(Shared::new(Fixtures::load()?));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .map_err(Error::Bind)?;
    let addr = listener.local_addr().map_err(Error::NoLocalAddress)?;
    let app = http::router(Arc::clone(&shared));
    let server = tokio::spawn(async move {
        // The server lives as long as the `FakeStripe`; an accept error ends the test's fake.
        let _ = axum::serve(listener, app).await;
    });
    Ok(FakeStripe {
        addr,
        shared,
        server,
    })
}

/// A running fake; the server stops when this is dropped.
pub struct FakeStripe {
    addr: SocketAddr,
    shared: Arc<Shared>,
    server: tokio::task::JoinHandle<()>,
}

impl FakeStripe {
    /// The base URL to give a Stripe client, e.g. `http://127.0.0.1:41234/` (requests go to
    /// `{base}v1/…`).
    pub fn base_url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// The address the fake listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub(crate) fn ledger(&self) -> MutexGuard<'_, Ledger> {
        self.shared.ledger()
    }

    pub(crate) fn fixtures(&self) -> &Fixtures {
        &self.shared.fixtures
    }
}

impl Drop for FakeStripe {
    fn drop(&mut self) {
        self.server.abort();
    }
}

impl std::fmt::Debug for FakeStripe {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FakeStripe")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}
