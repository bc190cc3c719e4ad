//! Opening the database named by a URL and bringing its schema up to date.

use std::time::Duration;

use migrations::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, DatabaseConnection};

use crate::Error;

/// Connects to `url` (`sqlite://path?mode=rwc` or `postgres://…`), creating a SQLite file
/// if needed, and applies every pending migration.
///
/// SQLite runs in WAL mode with a generous busy timeout, so concurrent writers queue for
/// the write lock instead of failing.
pub async fn connect(url: &str, max_connections: u32) -> Result<DatabaseConnection, Error> {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .max_connections(max_connections)
        .min_connections(1)
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(|opts| {
            use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
            opts.create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(30))
        });
    let db = sea_orm::Database::connect(options).await?;
    Migrator::up(&db, None).await?;
    Ok(db)
}
