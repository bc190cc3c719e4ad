//! The databases under test: a fresh SQLite file or a fresh PostgreSQL database (dropped
//! afterwards), and [`Reader`], the direct read-only connection the invariants use, which
//! speaks to either engine through sqlx.

use std::path::Path;

use anyhow::Context;
use sqlx::postgres::{PgPool, PgRow};
use sqlx::sqlite::{SqlitePool, SqliteRow};
use sqlx::{Connection, FromRow};

/// Which database engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    /// The name in the report.
    pub fn label(self) -> &'static str {
        match self {
            Engine::Sqlite => "sqlite",
            Engine::Postgres => "postgres",
        }
    }
}

/// A fresh database, with a directory for its file and the processes' logs.
pub struct Database {
    engine: Engine,
    url: String,
    dir: tempfile::TempDir,
    /// The PostgreSQL server's maintenance URL and the database's name, to drop it.
    dropped_through: Option<(String, String)>,
}

impl Database {
    /// Creates a fresh database; `postgres` is the server's URL (no database name).
    pub async fn create(engine: Engine, postgres: Option<&str>) -> anyhow::Result<Self> {
        let dir = tempfile::Builder::new()
            .prefix("gongbang-chaos-")
            .tempdir()
            .context("creating a temporary directory")?;
        if engine == Engine::Sqlite {
            let url = format!(
                "sqlite://{}?mode=rwc",
                dir.path().join("chaos.db").display()
            );
            return Ok(Database {
                engine,
                url,
                dir,
                dropped_through: None,
            });
        }
        let server = postgres
            .context("PostgreSQL needs --postgres URL or GONGBANG_TEST_POSTGRES (scripts/chaos starts one)")?
            .trim_end_matches('/');
        let suffix: u64 = rand::random();
        let name = format!("chaos_{suffix:016x}");
        let maintenance = format!("{server}/postgres");
        let mut admin = sqlx::PgConnection::connect(&maintenance)
            .await
            .with_context(|| format!("connecting to {maintenance}"))?;
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut admin)
            .await
            .with_context(|| format!("creating database {name}"))?;
        Ok(Database {
            engine,
            url: format!("{server}/{name}"),
            dir,
            dropped_through: Some((maintenance, name)),
        })
    }

    pub fn engine(&self) -> Engine {
        self.engine
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    /// Where the SQLite file and the logs live.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// A pool for reading the database directly.
    pub async fn reader(&self) -> anyhow::Result<Reader> {
        let reader = match self.engine {
            Engine::Sqlite => Reader::Sqlite(SqlitePool::connect(&self.url).await?),
            Engine::Postgres => Reader::Postgres(PgPool::connect(&self.url).await?),
        };
        Ok(reader)
    }

    /// Leaves the database and its directory for a person to look at.
    pub fn keep(self) {
        let _ = self.dir.keep();
    }

    /// Drops a PostgreSQL database (best effort); the directory goes when dropped.
    pub async fn remove(self) {
        let Some((maintenance, name)) = &self.dropped_through else {
            return;
        };
        let dropped = async {
            let mut admin = sqlx::PgConnection::connect(maintenance).await?;
            let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            sqlx::query(sqlx::AssertSqlSafe(sql))
                .execute(&mut admin)
                .await
                .map(|_| ())
        };
        if let Err(error) = dropped.await {
            eprintln!("note: database {name} was not dropped: {error}");
        }
    }
}

/// A direct connection to the database under test. Queries cast every integer to
/// `BIGINT` and every date or JSON value to `TEXT`, so that one row type decodes on both
/// engines.
pub enum Reader {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

impl Reader {
    /// Every row of `sql`.
    pub async fn rows<T>(&self, sql: &'static str) -> anyhow::Result<Vec<T>>
    where
        T: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin,
    {
        let rows = match self {
            Reader::Sqlite(pool) => sqlx::query_as::<_, T>(sql).fetch_all(pool).await,
            Reader::Postgres(pool) => sqlx::query_as::<_, T>(sql).fetch_all(pool).await,
        };
        rows.with_context(|| format!("reading `{sql}`"))
    }

    /// The one number `sql` selects.
    pub async fn number(&self, sql: &'static str) -> anyhow::Result<i64> {
        let rows: Vec<(i64,)> = self.rows(sql).await?;
        Ok(rows.first().map_or(0, |row| row.0))
    }

    /// Whether the schema has a table of this name.
    pub async fn has_table(&self, name: &str) -> anyhow::Result<bool> {
        let tables: Vec<(String,)> = match self {
            Reader::Sqlite(_) => {
                self.rows("SELECT name FROM sqlite_master WHERE type = 'table'")
                    .await?
            }
            Reader::Postgres(_) => {
                self.rows(
                    "SELECT CAST(table_name AS TEXT) FROM information_schema.tables \
                     WHERE table_schema = 'public'",
                )
                .await?
            }
        };
        Ok(tables.iter().any(|(table,)| table == name))
    }

    pub async fn close(&self) {
        match self {
            Reader::Sqlite(pool) => pool.close().await,
            Reader::Postgres(pool) => pool.close().await,
        }
    }
}
