//! Accounts, password hashes (argon2id), login limits and sessions.
//!
//! Session tokens are 256-bit random strings; the database keeps only their
//! SHA-256 hash, so a copy of the database cannot be used to log in.
//!
//! ## Login limits (shared by every instance: they live in the database)
//!
//! A login attempt is **reserved before the password is hashed**: the
//! counters of the pair (e-mail, client address) and of the client address
//! are incremented with a compare-and-set, so fifty concurrent wrong
//! passwords cannot all be checked. After [`PAIR_FREE`] failures of a pair,
//! each further attempt of that pair must wait twice as long as the last
//! (2 s, 4 s, … at most [`MAX_DELAY`]); a success resets the pair. The
//! limit is keyed by the pair so that an attacker elsewhere cannot lock a
//! user out; a client address that fails [`ADDRESS_FREE`] times (any
//! e-mail) is slowed the same way. At most a few hashes run at once
//! ([`StoreConfig::max_hashes`]); when they are busy a login is refused at
//! once ([`LoginOutcome::Busy`]) instead of queueing memory and CPU.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use serde::Serialize;
use sqlx::Row;

use crate::{
    Result, Store, StoreConfig, StoreError, TenantId, UserId, now, random_token, token_hash,
};

/// Failures of one (e-mail, address) pair before attempts are delayed.
pub const PAIR_FREE: i64 = 3;
/// Failures from one address (any e-mail) before attempts are delayed.
pub const ADDRESS_FREE: i64 = 30;
/// The longest delay between attempts, in seconds (15 minutes).
pub const MAX_DELAY: i64 = 15 * 60;
/// Logins waiting for a hash slot before further ones are refused at once.
const MAX_WAITING: usize = 16;

/// How long a session lasts without logging in again (12 hours).
pub const SESSION_SECONDS: i64 = 12 * 3600;

/// A user's role (least privilege, PRODUCT.md §8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Runs the installation (municipal IT).
    Operator,
    /// Runs survey rounds for one tenant.
    Coordinator,
    /// A funder's adviser (aggregates only; later issues).
    Funder,
    /// An evaluator (later issues).
    Evaluator,
}

impl Role {
    /// Stable machine name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Operator => "operator",
            Role::Coordinator => "coordinator",
            Role::Funder => "funder",
            Role::Evaluator => "evaluator",
        }
    }
    /// Parses the machine name.
    pub fn parse(s: &str) -> Option<Role> {
        [
            Role::Operator,
            Role::Coordinator,
            Role::Funder,
            Role::Evaluator,
        ]
        .into_iter()
        .find(|r| r.as_str() == s)
    }
}

/// A logged-in user.
#[derive(Debug, Clone, Serialize)]
pub struct AuthUser {
    /// Id.
    pub id: UserId,
    /// The user's tenant (`None` for an operator of the whole installation).
    pub tenant: Option<TenantId>,
    /// E-mail (the login name).
    pub email: String,
    /// Name.
    pub name: String,
    /// Role.
    pub role: Role,
    /// The user's own interface language (`None`: the tenant's).
    pub lang: Option<String>,
}

/// A session as found from its cookie.
#[derive(Debug, Clone)]
pub struct Session {
    /// The user.
    pub user: AuthUser,
    /// The CSRF token bound to this session (compare with the form's).
    pub csrf: String,
}

/// Bounds the number of argon2 computations at once (each takes ~19 MiB
/// and a core for tens of milliseconds).
#[derive(Debug)]
pub(crate) struct HashSlots {
    slots: tokio::sync::Semaphore,
    waiting: std::sync::atomic::AtomicUsize,
}

impl HashSlots {
    pub(crate) fn new(config: &StoreConfig) -> HashSlots {
        HashSlots {
            slots: tokio::sync::Semaphore::new(config.max_hashes.max(1)),
            waiting: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    /// A slot, waiting at most 5 s, or `None` at once when too many wait.
    async fn acquire(&self) -> Option<tokio::sync::SemaphorePermit<'_>> {
        use std::sync::atomic::Ordering;
        if let Ok(p) = self.slots.try_acquire() {
            return Some(p);
        }
        if self.waiting.fetch_add(1, Ordering::AcqRel) >= MAX_WAITING {
            self.waiting.fetch_sub(1, Ordering::AcqRel);
            return None;
        }
        let p = tokio::time::timeout(std::time::Duration::from_secs(5), self.slots.acquire())
            .await
            .ok()
            .and_then(Result::ok);
        self.waiting.fetch_sub(1, Ordering::AcqRel);
        p
    }
}

fn hash_password(password: &str) -> Result<String> {
    Ok(Argon2::default()
        .hash_password(password.as_bytes())
        .map_err(|_| StoreError::Hash)?
        .to_string())
}

pub(crate) fn verify_password(password: &str, hash: &str) -> bool {
    match PasswordHash::new(hash) {
        Ok(h) => Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok(),
        Err(_) => false,
    }
}

/// Checks the password rule (10–1024 characters).
pub(crate) fn check_password(password: &str) -> Result<()> {
    if password.chars().count() < 10 || password.len() > 1024 {
        return Err(StoreError::Invalid(
            "password must have 10–1024 characters".into(),
        ));
    }
    Ok(())
}

/// The delay after the `n`th counted attempt when `free` are free.
fn delay(n: i64, free: i64) -> i64 {
    if n < free {
        0
    } else {
        1i64.checked_shl((n - free + 1).min(20) as u32)
            .unwrap_or(MAX_DELAY)
            .min(MAX_DELAY)
    }
}

/// What a login attempt gave.
#[derive(Debug, Clone)]
pub enum LoginOutcome {
    /// The password was right: the user (active, with an active tenant).
    Ok(AuthUser),
    /// Wrong e-mail or password (the caller says the same in both cases).
    Wrong,
    /// Too many recent failures: try again in this many seconds.
    Limited {
        /// Seconds until the next attempt is allowed.
        retry_after: i64,
    },
    /// Too many logins are being checked right now: try again shortly.
    Busy,
}

pub(crate) fn user_from_row(row: &sqlx::any::AnyRow) -> Result<AuthUser> {
    let role: String = row.try_get("role")?;
    Ok(AuthUser {
        id: UserId(row.try_get("id")?),
        tenant: row.try_get::<Option<i64>, _>("tenant_id")?.map(TenantId),
        email: row.try_get("email")?,
        name: row.try_get("name")?,
        lang: row.try_get("lang")?,
        role: Role::parse(&role)
            .ok_or_else(|| StoreError::Invalid(format!("unknown role {role}")))?,
    })
}

impl Store {
    /// Hashes a password in a hash slot (waiting for one).
    pub(crate) async fn hash(&self, password: &str) -> Result<String> {
        let _slot = self
            .hash_slots
            .slots
            .acquire()
            .await
            .map_err(|_| StoreError::Hash)?;
        let password = password.to_string();
        tokio::task::spawn_blocking(move || hash_password(&password))
            .await
            .map_err(|_| StoreError::Hash)?
    }

    /// Reserves one attempt on a limit key: `Err(seconds)` when the key
    /// must wait. A compare-and-set on the counter, retried on a race, so
    /// concurrent attempts (on any instance) are counted one by one.
    pub(crate) async fn reserve_limit(&self, key: &str, free: i64) -> Result<Result<(), i64>> {
        let t = now();
        sqlx::query("INSERT INTO login_attempts (key, failures, next_allowed_at, updated_at) VALUES ($1, 0, 0, $2) ON CONFLICT (key) DO NOTHING")
            .bind(key)
            .bind(t)
            .execute(&self.pool)
            .await?;
        for _ in 0..50 {
            let row =
                sqlx::query("SELECT failures, next_allowed_at FROM login_attempts WHERE key = $1")
                    .bind(key)
                    .fetch_optional(&self.pool)
                    .await?;
            let (failures, next): (i64, i64) = match row {
                Some(r) => (r.try_get("failures")?, r.try_get("next_allowed_at")?),
                None => (0, 0),
            };
            if next > t {
                return Ok(Err(next - t));
            }
            let n = failures + 1;
            let r = sqlx::query("UPDATE login_attempts SET failures = $1, next_allowed_at = $2, updated_at = $3 WHERE key = $4 AND failures = $5")
                .bind(n)
                .bind(t + delay(n, free))
                .bind(t)
                .bind(key)
                .bind(failures)
                .execute(&self.pool)
                .await?;
            if r.rows_affected() == 1 {
                return Ok(Ok(()));
            }
        }
        // Lost the race fifty times: treat as limited rather than spin.
        Ok(Err(1))
    }

    /// Logs in with an e-mail and password from a client address (the
    /// address as the web layer determined it, proxies considered). See the
    /// module documentation for the limits. A deactivated user or tenant
    /// gets [`LoginOutcome::Wrong`], like a wrong password.
    pub async fn login(&self, email: &str, password: &str, client: &str) -> Result<LoginOutcome> {
        let email = email.trim().to_lowercase();
        let Some(_slot) = self.hash_slots.acquire().await else {
            return Ok(LoginOutcome::Busy);
        };
        let pair = format!("pair:{}|{client}", token_hash(&email));
        let addr = format!("addr:{client}");
        if let Err(s) = self.reserve_limit(&pair, PAIR_FREE).await? {
            return Ok(LoginOutcome::Limited { retry_after: s });
        }
        if let Err(s) = self.reserve_limit(&addr, ADDRESS_FREE).await? {
            return Ok(LoginOutcome::Limited { retry_after: s });
        }
        let row = sqlx::query(
            "SELECT u.id, u.tenant_id, u.email, u.name, u.role, u.lang, u.password_hash, u.active, t.active AS tactive FROM users u LEFT JOIN tenants t ON t.id = u.tenant_id WHERE u.email = $1",
        )
        .bind(&email)
        .fetch_optional(&self.pool)
        .await?;
        let password = password.to_string();
        let Some(row) = row else {
            // Spend the same work as a real check.
            let _ = tokio::task::spawn_blocking(move || hash_password(&password)).await;
            return Ok(LoginOutcome::Wrong);
        };
        let hash: String = row.try_get("password_hash")?;
        let ok = tokio::task::spawn_blocking(move || verify_password(&password, &hash))
            .await
            .unwrap_or(false);
        let active = row.try_get::<i64, _>("active")? != 0
            && row.try_get::<Option<i64>, _>("tactive")?.unwrap_or(1) != 0;
        if !ok || !active {
            return Ok(LoginOutcome::Wrong);
        }
        // A success clears the pair and gives the address its attempt back
        // (an office behind one address logs in many times a day).
        sqlx::query("DELETE FROM login_attempts WHERE key = $1 OR updated_at < $2")
            .bind(&pair)
            .bind(now() - 86_400)
            .execute(&self.pool)
            .await?;
        sqlx::query(
            "UPDATE login_attempts SET failures = failures - 1 WHERE key = $1 AND failures > 0",
        )
        .bind(&addr)
        .execute(&self.pool)
        .await?;
        let user = user_from_row(&row)?;
        self.audit_system(
            user.tenant,
            &crate::Actor::User {
                id: user.id,
                email: user.email.clone(),
            },
            "login",
            "",
        )
        .await?;
        Ok(LoginOutcome::Ok(user))
    }

    /// Checks an e-mail and password without limits or audit (tests and
    /// tooling). `None` for a wrong pair or an inactive account.
    pub async fn verify_login(&self, email: &str, password: &str) -> Result<Option<AuthUser>> {
        let client = format!("tooling-{}", random_token());
        match self.login(email, password, &client).await? {
            LoginOutcome::Ok(u) => Ok(Some(u)),
            _ => Ok(None),
        }
    }

    /// Starts a session; returns the secret cookie value.
    pub async fn create_session(&self, user: UserId) -> Result<String> {
        let token = random_token();
        let csrf = random_token();
        let t = now();
        sqlx::query("DELETE FROM sessions WHERE expires_at < $1")
            .bind(t)
            .execute(&self.pool)
            .await?;
        sqlx::query("INSERT INTO sessions (token_hash, user_id, csrf, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(token_hash(&token))
            .bind(user.0)
            .bind(csrf)
            .bind(t)
            .bind(t + SESSION_SECONDS)
            .execute(&self.pool)
            .await?;
        Ok(token)
    }

    /// The session of a cookie value, if valid and not expired.
    pub async fn session(&self, token: &str) -> Result<Option<Session>> {
        let row = sqlx::query(
            "SELECT u.id, u.tenant_id, u.email, u.name, u.role, u.lang, s.csrf FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN tenants t ON t.id = u.tenant_id WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.active = 1 AND (t.id IS NULL OR t.active = 1)",
        )
        .bind(token_hash(token))
        .bind(now())
        .fetch_optional(&self.pool)
        .await?;
        match row {
            None => Ok(None),
            Some(row) => Ok(Some(Session {
                user: user_from_row(&row)?,
                csrf: row.try_get("csrf")?,
            })),
        }
    }

    /// Ends a session.
    pub async fn delete_session(&self, token: &str) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash(token))
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
