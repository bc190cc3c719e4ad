//! The ceiling: a bare axum server with one route, `POST /rows`, that inserts one row per
//! request through a sqlx pool. It runs in this process but on its own multi-threaded
//! tokio runtime (one worker per core, as `#[tokio::main]` gives the real server), so it
//! does not share worker threads with the load generator.

use std::net::SocketAddr;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use axum::Json;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use serde_json::{Value, json};
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use tokio::runtime::Runtime;
use tokio::task::JoinHandle;

use crate::scratch::{Database, Kind};

/// A running baseline server; [`Baseline::stop`] closes its pool, dropping it just stops.
pub struct Baseline {
    runtime: Option<Runtime>,
    server: JoinHandle<()>,
    store: Arc<Store>,
    addr: SocketAddr,
}

impl Baseline {
    /// Creates the table in `database` and starts serving on a loopback port.
    pub async fn start(database: &Database, pool_size: u32) -> anyhow::Result<Baseline> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .thread_name("baseline")
            .enable_all()
            .build()
            .context("starting the baseline runtime")?;
        let (kind, url) = (database.kind(), database.url().to_owned());
        // The pool and the listener belong to the baseline's runtime: make them there.
        let (store, listener) = runtime
            .spawn(async move {
                let store = Store::open(kind, &url, pool_size).await?;
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
                anyhow::Ok((Arc::new(store), listener))
            })
            .await??;
        let addr = listener.local_addr()?;
        let app = Router::new()
            .route("/rows", post(insert))
            .with_state(Arc::clone(&store));
        let server = runtime.spawn(async move {
            if let Err(error) = axum::serve(listener, app).await {
                eprintln!("baseline server: {error}");
            }
        });
        Ok(Baseline {
            runtime: Some(runtime),
            server,
            store,
            addr,
        })
    }

    /// `http://127.0.0.1:<port>`.
    pub fn base(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Stops serving, closes the pool and the runtime.
    pub async fn stop(self) {
        self.server.abort();
        if let Some(runtime) = &self.runtime {
            let store = Arc::clone(&self.store);
            let _ = runtime.spawn(async move { store.close().await }).await;
        }
    }
}

impl Drop for Baseline {
    fn drop(&mut self) {
        self.server.abort();
        if let Some(runtime) = self.runtime.take() {
            // Called from async code: must not block on the runtime's threads.
            runtime.shutdown_background();
        }
    }
}

/// The pool, per engine.
enum Store {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

impl Store {
    /// Connects as the app does (same pool size, timeouts and SQLite settings) and
    /// creates the table.
    async fn open(kind: Kind, url: &str, pool_size: u32) -> anyhow::Result<Store> {
        let store = match kind {
            Kind::Sqlite => {
                let options = SqliteConnectOptions::from_str(url)?
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Normal)
                    .foreign_keys(true)
                    .busy_timeout(Duration::from_secs(30));
                let pool = SqlitePoolOptions::new()
                    .max_connections(pool_size)
                    .min_connections(1)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_with(options)
                    .await
                    .context("opening the baseline SQLite database")?;
                sqlx::query(
                    "CREATE TABLE rows (id TEXT PRIMARY KEY, payload TEXT NOT NULL, \
                     created_at TEXT NOT NULL)",
                )
                .execute(&pool)
                .await?;
                Store::Sqlite(pool)
            }
            Kind::Postgres => {
                let pool = PgPoolOptions::new()
                    .max_connections(pool_size)
                    .min_connections(1)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect(url)
                    .await
                    .context("opening the baseline PostgreSQL database")?;
                sqlx::query(
                    "CREATE TABLE rows (id UUID PRIMARY KEY, payload TEXT NOT NULL, \
                     created_at TIMESTAMPTZ NOT NULL)",
                )
                .execute(&pool)
                .await?;
                Store::Postgres(pool)
            }
        };
        Ok(store)
    }

    async fn insert(&self, id: &str, payload: &str, created_at: &str) -> sqlx::Result<()> {
        match self {
            Store::Sqlite(pool) => {
                sqlx::query("INSERT INTO rows (id, payload, created_at) VALUES (?, ?, ?)")
                    .bind(id)
                    .bind(payload)
                    .bind(created_at)
                    .execute(pool)
                    .await?;
            }
            Store::Postgres(pool) => {
                sqlx::query(
                    "INSERT INTO rows (id, payload, created_at) \
                     VALUES ($1::uuid, $2, $3::timestamptz)",
                )
                .bind(id)
                .bind(payload)
                .bind(created_at)
                .execute(pool)
                .await?;
            }
        }
        Ok(())
    }

    async fn close(&self) {
        match self {
            Store::Sqlite(pool) => pool.close().await,
            Store::Postgres(pool) => pool.close().await,
        }
    }
}

/// `POST /rows {"payload": "…"}` → 201 `{"id": "…"}`.
async fn insert(
    State(store): State<Arc<Store>>,
    Json(body): Json<Value>,
) -> Result<(StatusCode, Json<Value>), (StatusCode, String)> {
    let payload = body["payload"].as_str().ok_or((
        StatusCode::UNPROCESSABLE_ENTITY,
        "payload must be a string".to_owned(),
    ))?;
    let id = uuid::Uuid::new_v4().to_string();
    let created_at = OffsetDateTime::now_utc()
        .format(&Rfc3339)
        .map_err(|e| (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    store
        .insert(&id, payload, &created_at)
        .await
        .map_err(|e| (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    Ok((StatusCode::CREATED, Json(json!({ "id": id }))))
}
