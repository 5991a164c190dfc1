//! Opening the database: SQLite (a file, the embedded default) or PostgreSQL (several server instances).
//!
//! Both go through sqlx's `Any` driver, so the event log and the account tables are one set of SQL
//! statements. The statements are written with numbered placeholders (`$1`, `$2`, …), which PostgreSQL
//! requires and SQLite accepts, and use only types both map to 64-bit integers and text. Each backend has its
//! own migrations folder (`migrations/sqlite`, `migrations/postgres`) with the same tables.

use std::{path::Path, str::FromStr, time::Duration};

use sqlx::{
    any::{install_default_drivers, AnyPoolOptions},
    sqlite::SqliteConnectOptions,
    AnyPool, Executor,
};

use crate::error::StoreError;

/// Which database a `DATABASE_URL` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// `sqlite://path?mode=rwc`: one server instance owns the file.
    Sqlite,
    /// `postgres://…`: several server instances may share it; they learn of each other's events through
    /// `LISTEN`/`NOTIFY` (see `crate::peers`).
    Postgres,
}

impl Backend {
    /// The backend of `url`, by its scheme; anything else is refused with the scheme named.
    pub fn of(url: &str) -> Result<Self, StoreError> {
        let scheme = url.split(':').next().unwrap_or_default();
        match scheme {
            "sqlite" => Ok(Self::Sqlite),
            "postgres" | "postgresql" => Ok(Self::Postgres),
            other => Err(StoreError::Unsupported(other.to_owned())),
        }
    }
}

/// SQLite settings applied to every new connection. WAL with `synchronous = FULL`: a command is
/// acknowledged only after its transaction is durable, so a restart (or a power cut) loses nothing that was
/// acknowledged. (`busy_timeout` 5 s and `foreign_keys` are sqlx's defaults for SQLite.)
const SQLITE_PRAGMAS: &str = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;";

/// Opens a pool on `url` (creating a SQLite file and its folder if needed) and runs the backend's
/// embedded migrations.
pub async fn open(url: &str) -> Result<(Backend, AnyPool), StoreError> {
    install_default_drivers();
    let backend = Backend::of(url)?;
    let options = AnyPoolOptions::new().acquire_timeout(Duration::from_secs(5));
    let pool = match backend {
        Backend::Sqlite => {
            create_folder(url)?;
            options
                .max_connections(8)
                .after_connect(|connection, _| {
                    Box::pin(async move {
                        connection.execute(SQLITE_PRAGMAS).await?;
                        Ok(())
                    })
                })
                .connect(url)
                .await?
        }
        Backend::Postgres => options.max_connections(16).connect(url).await?,
    };
    match backend {
        Backend::Sqlite => sqlx::migrate!("./migrations/sqlite").run(&pool).await?,
        Backend::Postgres => sqlx::migrate!("./migrations/postgres").run(&pool).await?,
    }
    Ok((backend, pool))
}

/// Creates the folder of a SQLite file (`sqlite://data/panelcast.db` on a fresh checkout).
fn create_folder(url: &str) -> Result<(), StoreError> {
    let options = SqliteConnectOptions::from_str(url)?;
    if let Some(parent) = Path::new(options.get_filename()).parent() {
        if !parent.as_os_str().is_empty() {
            std::fs::create_dir_all(parent).map_err(|e| StoreError::Io(e.to_string()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scheme_names_the_backend() {
        assert_eq!(
            Backend::of("sqlite://data/p.db?mode=rwc").unwrap(),
            Backend::Sqlite
        );
        assert_eq!(Backend::of("sqlite::memory:").unwrap(), Backend::Sqlite);
        assert_eq!(
            Backend::of("postgres://pc@localhost/pc").unwrap(),
            Backend::Postgres
        );
        assert_eq!(
            Backend::of("postgresql:///pc?host=/run/pg").unwrap(),
            Backend::Postgres
        );
        assert!(matches!(
            Backend::of("mysql://x/y"),
            Err(StoreError::Unsupported(scheme)) if scheme == "mysql"
        ));
    }
}
