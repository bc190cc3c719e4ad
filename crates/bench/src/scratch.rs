//! Fresh, throwaway databases: a SQLite file in a temporary directory, or a new database
//! on a PostgreSQL server, dropped again when the benchmark is done with it.

use std::path::Path;

use anyhow::Context;
use sqlx::Connection;

/// Which database engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Sqlite,
    Postgres,
}

impl Kind {
    /// The name in the report.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Sqlite => "sqlite",
            Kind::Postgres => "postgres",
        }
    }
}

/// One fresh database.
pub struct Database {
    kind: Kind,
    url: String,
    /// Holds the SQLite file (and the server's log); removed on drop.
    dir: tempfile::TempDir,
    /// `(admin URL, database name)` of a PostgreSQL database to drop afterwards.
    postgres: Option<(String, String)>,
}

impl Database {
    /// Creates a fresh database of `kind`; `server` is the PostgreSQL server's URL
    /// (without a database name). `role` only names the file or database.
    pub async fn create(kind: Kind, server: Option<&str>, role: &str) -> anyhow::Result<Self> {
        let dir = tempfile::Builder::new()
            .prefix("gongbang-bench-")
            .tempdir()
            .context("creating a temporary directory")?;
        match kind {
            Kind::Sqlite => {
                let path = dir.path().join(format!("{role}.db"));
                Ok(Database {
                    kind,
                    url: format!("sqlite://{}?mode=rwc", path.display()),
                    dir,
                    postgres: None,
                })
            }
            Kind::Postgres => {
                let server = server
                    .context("no PostgreSQL server given")?
                    .trim_end_matches('/');
                let name = format!("bench_{}", uuid::Uuid::new_v4().simple());
                let admin = format!("{server}/postgres");
                let mut connection = sqlx::PgConnection::connect(&admin)
                    .await
                    .with_context(|| format!("connecting to PostgreSQL at {admin}"))?;
                sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                    .execute(&mut connection)
                    .await
                    .with_context(|| format!("creating database {name}"))?;
                connection.close().await.ok();
                Ok(Database {
                    kind,
                    url: format!("{server}/{name}"),
                    dir,
                    postgres: Some((admin, name)),
                })
            }
        }
    }

    /// The engine.
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The URL to connect with.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// A directory that lives as long as the database (for logs).
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// Drops a PostgreSQL database (best effort; the temporary directory goes on drop).
    pub async fn remove(self) {
        let Some((admin, name)) = &self.postgres else {
            return;
        };
        let dropped = async {
            let mut connection = sqlx::PgConnection::connect(admin).await?;
            let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            sqlx::query(sqlx::AssertSqlSafe(sql))
                .execute(&mut connection)
                .await?;
            connection.close().await
        };
        if let Err(error) = dropped.await {
            eprintln!("note: could not drop database {name}: {error}");
        }
    }
}
