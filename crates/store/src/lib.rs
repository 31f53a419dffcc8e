//! # samspill-store
//!
//! Storage for survey rounds: tenants (a municipality or a Danish housing
//! area), users and sessions, the roster (persons with stable ids,
//! functions, unit, level, e-mail), the function catalogue, rounds with
//! their instrument wording and political bodies, invitations, answers, the
//! mail outbox and an audit log. One schema and one set of runtime queries
//! (`$1` parameters, no dialect-specific SQL besides the primary key type)
//! run on **embedded SQLite** (one file, WAL, `synchronous = FULL`) and on
//! **PostgreSQL**, through sqlx's `Any` driver.
//!
//! ## Tenant isolation, in one place
//!
//! Every tenant-owned row is reached only through a [`Tenant`] handle,
//! obtained with [`Store::tenant`] from a [`TenantId`]. A `TenantId` comes
//! from an authenticated context ([`Store::session`]), from a respondent's
//! token ([`Store::respondent`]) or from operator tooling
//! ([`Store::create_tenant`], [`Store::tenant_by_slug`]). Every query a
//! `Tenant` or [`Respondent`] runs binds that id and filters by it, and the
//! schema's composite foreign keys `(tenant_id, id)` make it impossible to
//! link a row to another tenant's row. `tests/tenants.rs` tries every method
//! against another tenant's ids.
//!
//! ## Seeding data programmatically
//!
//! ```no_run
//! # async fn demo() -> Result<(), samspill_store::StoreError> {
//! use samspill_store::{Store, StoreConfig, NewTenant, NewPerson, NewRound, Role};
//! let store = Store::open(&StoreConfig::sqlite("demo.sqlite3")).await?;
//! let tid = store.create_tenant(&NewTenant::municipality("oppdal", "Oppdal kommune", "nb")).await?;
//! store.create_user(Some(tid), "koordinator@oppdal.example", "Kari", Role::Coordinator, "passord123").await?;
//! let t = store.tenant(tid);
//! t.import_roster(&[NewPerson {
//!     name: "Ola Nordmann".into(), email: "ola@oppdal.example".into(),
//!     unit: Some("NAV".into()), level: None, functions: vec!["Tildeling av bolig".into()],
//! }]).await?;
//! let round = t.create_round(&NewRound::standard("Runde 1", "nb")).await?;
//! t.open_round(round).await?; // creates one invitation per active person
//! for link in t.invitation_links(round).await? {
//!     let r = store.respondent(&link.token).await?;
//!     // r.save_contacts(...), r.save_ratings(...), r.submit() ...
//!     # let _ = r;
//! }
//! t.close_round(round).await?;
//! let data = t.round_network(round).await?; // the engine's input
//! # let _ = data; Ok(()) }
//! ```

#![warn(missing_docs)]

mod accounts;
mod admin;
mod audit;
mod auth;
mod backup;
mod jobs;
mod mail;
mod network;
mod privacy;
mod profile;
pub mod programme;
mod respondent;
mod results;
mod roster;
mod rounds;
pub mod schema;
mod tenant;
#[cfg(feature = "test-support")]
pub mod testing;
pub mod text;
pub mod totp;
mod types;

use std::time::Duration;

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{AnyPool, Row};

pub use accounts::{
    AccountLink, CHALLENGE_ATTEMPTS, CHALLENGE_SECONDS, Challenge, ChallengeOutcome, Grant,
    INVITE_SECONDS, Identity, OidcFlow, RESET_SECONDS, SecondFactor, TokenPurpose,
};
pub use admin::{Admin, UserInfo};
pub use audit::{Actor, AuditFilter};
pub use auth::{
    ADDRESS_FREE, AuthUser, LoginOutcome, MAX_DELAY, PAIR_FREE, Role, SESSION_SECONDS, Session,
};
pub use backup::{BackupInfo, create_private, inspect_sqlite_backup, key_fingerprint};
pub use mail::service::{NewServiceMail, ServiceMail};
pub use privacy::*;
pub use programme::{
    ProgrammeError, ProgrammeHandle, ProgrammeId, ProgrammeSummary, Programmes, Record, RecordKind,
    Standing, Stored,
};
pub use respondent::{Respondent, RosterEntry, SurveyView};
pub use results::{MAX_THEME, OpenAnswerRow, Pseudonym, Review};
pub use tenant::Tenant;
pub(crate) use text::{check_line, check_text};
pub use types::*;

/// What went wrong in the store. User-facing texts are chosen by the web
/// layer from the variant; the `Display` text is for logs.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database failed (connection, constraint the code did not expect…).
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    /// No such row for this tenant (also what another tenant's id gives).
    #[error("not found")]
    NotFound,
    /// The round is closed: its data is frozen and cannot change.
    #[error("the round is closed and its data is frozen")]
    Frozen,
    /// The round is not open for answers (draft, or outside its dates).
    #[error("the round is not open")]
    NotOpen,
    /// The invitation link is unknown or has expired.
    #[error("unknown or expired invitation")]
    BadToken,
    /// Input that breaks a rule (too long, wrong value, unknown person…).
    #[error("invalid input: {0}")]
    Invalid(String),
    /// A unique value is already taken (e-mail, function name, slug).
    #[error("already exists: {0}")]
    Conflict(String),
    /// A roster was rejected; nothing was stored.
    #[error("the roster has {} problem(s); nothing was stored", .0.len())]
    Roster(Vec<RowProblem>),
    /// The database's schema is newer than this program or a migration failed.
    #[error("migration: {0}")]
    Migration(String),
    /// Password hashing failed.
    #[error("password hashing failed")]
    Hash,
    /// The answers are not complete (chosen people without a frequency).
    #[error("{0} chosen people have no frequency yet")]
    Incomplete(usize),
    /// The round cannot open without a confirmation: its wording changed in
    /// one language and these `(language, item)`s were not brought up to
    /// date, so the languages would ask different things.
    #[error("the wording of {} item(s) differs between the round's languages", .0.len())]
    Unsynced(Vec<(String, String)>),
    /// The roster changed after the import's preview was made; nothing was
    /// stored (make a new preview).
    #[error("the roster changed after the preview; nothing was stored")]
    Stale,
    /// The round's answers were deleted by the tenant's retention rule.
    #[error("the round's answers were deleted by the retention rule")]
    Purged,
    /// The token key is not the one this database was used with.
    #[error(
        "the token key does not match this database (key fingerprint {found}, the database was used with {expected}): every invitation link would stop working. Start with the key file that belongs to this database, or restore both from the same backup"
    )]
    KeyMismatch {
        /// Fingerprint recorded in the database.
        expected: String,
        /// Fingerprint of the key given.
        found: String,
    },
}

/// Result alias.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// How to open the store.
#[derive(Clone)]
pub struct StoreConfig {
    /// `sqlite://path/to/file.sqlite3` or `postgres://user@host:port/db`.
    pub url: String,
    /// Secret key from which invitation tokens are derived (HMAC). The
    /// database holds only a hash of each token, so links can be shown again
    /// (letters, reminders) only by a process that has this key.
    pub token_key: [u8; 32],
    /// Maximum pool size.
    pub max_connections: u32,
    /// SQLite only: `synchronous = FULL` (the default; a commit is on disk
    /// before it is acknowledged, surviving power loss) or `NORMAL`
    /// (`false`; in WAL mode still survives a crash or `kill -9` of the
    /// process, but the last commits may be lost on power loss or an OS
    /// crash; several times the write throughput on slow disks).
    pub sqlite_sync_full: bool,
    /// Password hashes (argon2id, ~19 MiB each) computed at once; further
    /// logins wait briefly or are refused (default: half the cores, at
    /// least 1).
    pub max_hashes: usize,
}

fn default_hashes() -> usize {
    std::thread::available_parallelism()
        .map(|n| (n.get() / 2).max(1))
        .unwrap_or(1)
}

impl std::fmt::Debug for StoreConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoreConfig")
            .field("url", &redact_url(&self.url))
            .field("token_key", &"<secret>")
            .finish()
    }
}

fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => format!("{}://***{}", &url[..s], &url[at..]),
        _ => url.to_string(),
    }
}

impl StoreConfig {
    /// An SQLite file (created if missing) with a random token key.
    pub fn sqlite(path: impl AsRef<std::path::Path>) -> StoreConfig {
        StoreConfig {
            url: format!("sqlite://{}?mode=rwc", path.as_ref().display()),
            token_key: random_bytes(),
            max_connections: 8,
            sqlite_sync_full: true,
            max_hashes: default_hashes(),
        }
    }

    /// Any URL (`sqlite://…` or `postgres://…`) with a random token key.
    pub fn url(url: impl Into<String>) -> StoreConfig {
        let url = url.into();
        let url = if url.starts_with("sqlite://") && !url.contains('?') {
            format!("{url}?mode=rwc")
        } else {
            url
        };
        StoreConfig {
            url,
            token_key: random_bytes(),
            max_connections: 16,
            sqlite_sync_full: true,
            max_hashes: default_hashes(),
        }
    }

    /// The same with a given token key.
    pub fn with_token_key(mut self, key: [u8; 32]) -> StoreConfig {
        self.token_key = key;
        self
    }
}

/// Which database is behind the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// Embedded SQLite.
    Sqlite,
    /// PostgreSQL.
    Postgres,
}

/// The store: a connection pool and the token key. Cheap to clone.
#[derive(Clone)]
pub struct Store {
    pub(crate) pool: AnyPool,
    /// SQLite only: the one connection write transactions take, so that
    /// writers queue in order in the pool (FIFO) instead of polling
    /// SQLite's busy handler, whose growing sleeps let one writer posting
    /// large bodies back to back starve the others. `None` on PostgreSQL,
    /// for read-only and for in-memory databases (a second pool would open
    /// a different in-memory database).
    pub(crate) writer: Option<AnyPool>,
    pub(crate) backend: Backend,
    pub(crate) token_key: [u8; 32],
    pub(crate) hash_slots: std::sync::Arc<auth::HashSlots>,
    /// This process's name in leases and claims (mail, jobs).
    pub(crate) instance: std::sync::Arc<str>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("backend", &self.backend)
            .finish()
    }
}

impl Store {
    /// Opens the database, applies any pending migrations and checks that
    /// the token key is the one the database was used with
    /// ([`StoreError::KeyMismatch`] otherwise: every invitation link would
    /// be dead).
    pub async fn open(config: &StoreConfig) -> Result<Store> {
        let store = Store::open_unmigrated(config).await?;
        store.migrate().await?;
        store.check_token_key().await?;
        Ok(store)
    }

    /// A fingerprint of the token key (not the key: an HMAC of a fixed
    /// text), recorded in the database.
    pub fn token_key_fingerprint(&self) -> String {
        key_fingerprint(self.token_key)
    }

    async fn check_token_key(&self) -> Result<()> {
        let mine = self.token_key_fingerprint();
        sqlx::query("INSERT INTO instance_settings (key, value) VALUES ('token_key_fingerprint', $1) ON CONFLICT (key) DO NOTHING")
            .bind(&mine)
            .execute(&self.pool)
            .await?;
        let stored: String =
            sqlx::query("SELECT value FROM instance_settings WHERE key = 'token_key_fingerprint'")
                .fetch_one(&self.pool)
                .await?
                .try_get("value")?;
        if stored != mine {
            return Err(StoreError::KeyMismatch {
                expected: stored,
                found: mine,
            });
        }
        Ok(())
    }

    /// A name for this process in leases and claims.
    pub fn instance(&self) -> &str {
        &self.instance
    }

    /// Opens the database without migrating (for migration tests and tools).
    pub async fn open_unmigrated(config: &StoreConfig) -> Result<Store> {
        install_default_drivers();
        let backend = if config.url.starts_with("postgres") {
            Backend::Postgres
        } else {
            Backend::Sqlite
        };
        let mut opts = AnyPoolOptions::new()
            .max_connections(config.max_connections.max(1))
            .acquire_timeout(Duration::from_secs(30));
        if backend == Backend::Sqlite {
            let pragmas = if config.sqlite_sync_full {
                "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000; PRAGMA synchronous = FULL;"
            } else {
                "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;"
            };
            opts = opts.after_connect(move |conn, _| {
                Box::pin(async move {
                    // Durable commits, and writers wait for each other
                    // instead of failing.
                    sqlx::raw_sql(pragmas).execute(conn).await?;
                    Ok(())
                })
            });
        }
        let writable_file = backend == Backend::Sqlite
            && !config.url.contains("mode=ro")
            && !config.url.contains("memory");
        let pool = opts.clone().connect(&config.url).await?;
        if backend == Backend::Sqlite && !config.url.contains("mode=ro") {
            sqlx::raw_sql("PRAGMA journal_mode = WAL;")
                .execute(&pool)
                .await?;
        }
        let writer = if writable_file {
            Some(opts.max_connections(1).connect(&config.url).await?)
        } else {
            None
        };
        tracing::info!(backend = ?backend, "store opened");
        Ok(Store {
            pool,
            writer,
            backend,
            token_key: config.token_key,
            hash_slots: std::sync::Arc::new(auth::HashSlots::new(config)),
            instance: format!("{}-{}", std::process::id(), &random_token()[..8]).into(),
        })
    }

    /// The database behind this store.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Closes the pools (waits for connections to be returned). On SQLite
    /// the last connection to close checkpoints the write-ahead log into
    /// the database file, so a copy of the file made afterwards is whole.
    pub async fn close(&self) {
        if let Some(writer) = &self.writer {
            writer.close().await;
        }
        self.pool.close().await;
    }

    /// Checks that the database answers (health endpoint).
    pub async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// The highest applied migration version (0 for an empty database).
    pub async fn schema_version(&self) -> Result<i64> {
        self.ensure_migration_table().await?;
        let v: Option<i64> = sqlx::query("SELECT MAX(version) AS v FROM schema_migrations")
            .fetch_one(&self.pool)
            .await?
            .try_get("v")?;
        Ok(v.unwrap_or(0))
    }

    async fn ensure_migration_table(&self) -> Result<()> {
        sqlx::query(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)",
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Applies every pending migration.
    pub async fn migrate(&self) -> Result<()> {
        self.migrate_to(i64::MAX).await
    }

    /// Applies pending migrations up to and including `target`, each in
    /// its own transaction. Refuses a database newer than this program.
    pub async fn migrate_to(&self, target: i64) -> Result<()> {
        let current = self.schema_version().await?;
        let newest = schema::MIGRATIONS.last().map(|m| m.version).unwrap_or(0);
        if current > newest {
            return Err(StoreError::Migration(format!(
                "the database has schema version {current}, newer than this program's {newest}; refusing to touch it"
            )));
        }
        for m in schema::MIGRATIONS
            .iter()
            .filter(|m| m.version > current && m.version <= target)
        {
            let sql = schema::render(m.sql, self.backend == Backend::Postgres);
            let mut tx = self.pool.begin().await?;
            sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
                .execute(&mut *tx)
                .await
                .map_err(|e| {
                    StoreError::Migration(format!("migration {} ({}): {e}", m.version, m.name))
                })?;
            sqlx::query(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
            )
            .bind(m.version)
            .bind(m.name)
            .bind(now())
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            tracing::info!(version = m.version, name = m.name, "migration applied");
        }
        Ok(())
    }

    /// The pool (tests that read every table generically).
    #[doc(hidden)]
    pub fn __pool_for_tests(&self) -> &AnyPool {
        &self.pool
    }

    /// Records a schema version without running anything (tests of the
    /// "newer database" refusal only).
    #[doc(hidden)]
    pub async fn __insert_schema_version_for_tests(&self, version: i64) -> Result<()> {
        sqlx::query(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, 'future', $2)",
        )
        .bind(version)
        .bind(now())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Begins a write transaction. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`), so concurrent writers queue instead of failing
    /// when a read would have to be upgraded; in this process they queue,
    /// in order, for the one writer connection (see [`Store::writer`]).
    pub(crate) async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>> {
        Ok(match self.backend {
            Backend::Sqlite => {
                let pool = self.writer.as_ref().unwrap_or(&self.pool);
                pool.begin_with("BEGIN IMMEDIATE").await?
            }
            Backend::Postgres => self.pool.begin().await?,
        })
    }

    /// The handle through which every tenant-owned row is read and written.
    pub fn tenant(&self, id: TenantId) -> Tenant {
        Tenant {
            store: self.clone(),
            id,
            actor: Actor::system("store"),
        }
    }
}

/// The eleven standard functions of the 2015 study (code, Norwegian name).
pub const STANDARD_FUNCTIONS: [(&str, &str); 11] = [
    ("economy", "Økonomiske virkemidler/rådgivning"),
    ("services", "Tjenester i bolig"),
    ("allocation", "Tildeling av bolig"),
    ("tenancy", "Husleiekontrakter"),
    ("development", "Utbygging"),
    ("procurement", "Framskaffe boliger"),
    ("land_use", "Arealplanlegging"),
    ("maintenance", "Drift og vedlikehold"),
    ("housing_planning", "Boligsosial planlegging"),
    ("community_planning", "Samfunnsplanlegging"),
    ("politician", "Politisk folkevalgt"),
];

/// Seconds since the Unix epoch.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Today's date as `YYYY-MM-DD` (UTC).
pub fn today() -> String {
    date_of(now())
}

/// The UTC date of a Unix time as `YYYY-MM-DD`.
pub fn date_of(t: i64) -> String {
    // Howard Hinnant's days-to-civil algorithm.
    let z = t.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    format!("{y:04}-{m:02}-{d:02}")
}

/// Whether `s` is a date `YYYY-MM-DD`.
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&s[5..7].parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u32>().unwrap_or(0))
}

pub(crate) fn random_bytes<const N: usize>() -> [u8; N] {
    let mut b = [0u8; N];
    // The OS random source does not fail on supported platforms; if it
    // did, a zero key would be unsafe, so fall back to hashing the time.
    if getrandom::fill(&mut b).is_err() {
        let seed = sha256(format!("{:?}", std::time::SystemTime::now()).as_bytes());
        for (i, x) in b.iter_mut().enumerate() {
            *x = seed[i % 32];
        }
    }
    b
}

/// A random URL-safe secret of 256 bits.
pub fn random_token() -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(random_bytes::<32>())
}

pub(crate) fn sha256(data: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    let d = sha2::Sha256::digest(data);
    let mut out = [0u8; 32];
    out.copy_from_slice(&d);
    out
}

/// Lower-case hex (tests that look for secrets in the database).
#[doc(hidden)]
pub fn __hex_for_tests(b: &[u8]) -> String {
    hex(b)
}

pub(crate) fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// The hash under which a secret token is stored.
pub(crate) fn token_hash(token: &str) -> String {
    hex(&sha256(token.as_bytes()))
}

pub(crate) fn lang_code(s: &str) -> Result<&'static str> {
    match s.trim() {
        "nb" => Ok("nb"),
        "nn" => Ok("nn"),
        "da" => Ok("da"),
        "en" => Ok("en"),
        other => Err(StoreError::Invalid(format!("unknown language {other:?}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(date_of(0), "1970-01-01");
        assert_eq!(date_of(1_700_000_000), "2023-11-14");
        assert!(is_date("2026-02-28"));
        assert!(!is_date("2026-13-01"));
        assert!(!is_date("2026-1-01"));
    }

    #[test]
    fn url_is_redacted() {
        assert_eq!(
            redact_url("postgres://u:secret@h:5/db"),
            "postgres://***@h:5/db"
        );
    }
}
