//! Backups of an SQLite store: an online, consistent copy while the server
//! runs (`VACUUM INTO`, which reads one snapshot: every commit before it is
//! in the copy, none after), and the checks a restore makes before it
//! replaces anything. PostgreSQL is backed up with its own tools
//! (`pg_dump`/`pg_restore`); `samspill backup` runs them.

use std::path::Path;

use sqlx::Row;

use crate::{Backend, Result, Store, StoreConfig, StoreError, schema};

/// What a backup file holds, as far as a restore needs to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupInfo {
    /// The schema version of the copy.
    pub schema_version: i64,
    /// Tenants in it.
    pub tenants: i64,
    /// Rounds in it.
    pub rounds: i64,
    /// Answers (contact, political, rating and open) in it.
    pub answers: i64,
    /// The fingerprint of the token key the copy was used with.
    pub key_fingerprint: Option<String>,
}

impl Store {
    /// Writes a consistent copy of this SQLite database to `path` (which
    /// must not exist), while the server goes on serving.
    pub async fn backup_sqlite(&self, path: &Path) -> Result<()> {
        if self.backend != Backend::Sqlite {
            return Err(StoreError::Invalid(
                "backup_sqlite needs an SQLite store".into(),
            ));
        }
        // The copy holds every answer: it is created empty and readable by
        // its owner only before SQLite writes into it (`VACUUM INTO`
        // accepts an empty file), so no other local user can read it, not
        // even while it is being written.
        create_private(path).map_err(|_| StoreError::Conflict(path.display().to_string()))?;
        let target = path.to_string_lossy().to_string();
        sqlx::query("VACUUM INTO $1")
            .bind(target)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

/// Creates `path` empty, readable and writable by its owner only (on Unix;
/// elsewhere with the platform's defaults). Fails if it exists.
pub fn create_private(path: &Path) -> std::io::Result<()> {
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
    o.open(path).map(drop)
}

/// Opens a backup file read-only and checks it: SQLite's integrity check,
/// a samspill schema no newer than this program's, and its counts.
/// Nothing is written to it.
pub async fn inspect_sqlite_backup(path: &Path) -> Result<BackupInfo> {
    if !path.is_file() {
        return Err(StoreError::NotFound);
    }
    let url = format!("sqlite://{}?mode=ro", path.display());
    let mut cfg = StoreConfig::url(url);
    cfg.max_connections = 1;
    let store = Store::open_unmigrated(&cfg)
        .await
        .map_err(|e| StoreError::Invalid(format!("not an SQLite database: {e}")))?;
    let check: String = sqlx::query("PRAGMA integrity_check")
        .fetch_one(&store.pool)
        .await
        .map_err(|e| StoreError::Invalid(format!("not an SQLite database: {e}")))?
        .try_get(0)?;
    if check != "ok" {
        store.close().await;
        return Err(StoreError::Invalid(format!("damaged: {check}")));
    }
    let version: Option<i64> = sqlx::query("SELECT MAX(version) AS v FROM schema_migrations")
        .fetch_one(&store.pool)
        .await
        .map_err(|_| StoreError::Invalid("not a samspill database (no schema_migrations)".into()))?
        .try_get("v")?;
    let version = version.unwrap_or(0);
    let newest = schema::MIGRATIONS.last().map(|m| m.version).unwrap_or(0);
    if version > newest {
        store.close().await;
        return Err(StoreError::Migration(format!(
            "the backup has schema version {version}, newer than this program's {newest}"
        )));
    }
    let count = |sql: &'static str| {
        let pool = store.pool.clone();
        async move {
            sqlx::query(sql)
                .fetch_one(&pool)
                .await
                .and_then(|r| r.try_get::<i64, _>(0))
                .unwrap_or(0)
        }
    };
    let answers = count("SELECT COUNT(*) FROM contact_answers").await
        + count("SELECT COUNT(*) FROM political_answers").await
        + count("SELECT COUNT(*) FROM rating_answers").await
        + count("SELECT COUNT(*) FROM open_answers").await;
    let key_fingerprint = if version >= 3 {
        sqlx::query("SELECT value FROM instance_settings WHERE key = 'token_key_fingerprint'")
            .fetch_optional(&store.pool)
            .await?
            .map(|r| r.try_get("value"))
            .transpose()?
    } else {
        None
    };
    let info = BackupInfo {
        schema_version: version,
        tenants: count("SELECT COUNT(*) FROM tenants").await,
        rounds: count("SELECT COUNT(*) FROM rounds").await,
        answers,
        key_fingerprint,
    };
    store.close().await;
    Ok(info)
}

/// The fingerprint a token key has (to compare with a backup's).
pub fn key_fingerprint(key: [u8; 32]) -> String {
    use hmac::{Hmac, KeyInit, Mac};
    let mut mac =
        <Hmac<sha2::Sha256> as KeyInit>::new_from_slice(&key).expect("HMAC accepts any key length");
    mac.update(b"samspill-token-key-fingerprint");
    crate::hex(&mac.finalize().into_bytes()[..16])
}
