//! Accounts, password hashes (argon2id) and sessions.
//!
//! Session tokens are 256-bit random strings; the database keeps only their
//! SHA-256 hash, so a copy of the database cannot be used to log in.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use serde::Serialize;
use sqlx::Row;

use crate::{
    Result, Store, StoreError, TenantId, UserId, check_len, now, random_token, token_hash,
};

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
}

/// A session as found from its cookie.
#[derive(Debug, Clone)]
pub struct Session {
    /// The user.
    pub user: AuthUser,
    /// The CSRF token bound to this session (compare with the form's).
    pub csrf: String,
}

fn hash_password(password: &str) -> Result<String> {
    Ok(Argon2::default()
        .hash_password(password.as_bytes())
        .map_err(|_| StoreError::Hash)?
        .to_string())
}

fn verify_password(password: &str, hash: &str) -> bool {
    match PasswordHash::new(hash) {
        Ok(h) => Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok(),
        Err(_) => false,
    }
}

fn user_from_row(row: &sqlx::any::AnyRow) -> Result<AuthUser> {
    let role: String = row.try_get("role")?;
    Ok(AuthUser {
        id: UserId(row.try_get("id")?),
        tenant: row.try_get::<Option<i64>, _>("tenant_id")?.map(TenantId),
        email: row.try_get("email")?,
        name: row.try_get("name")?,
        role: Role::parse(&role)
            .ok_or_else(|| StoreError::Invalid(format!("unknown role {role}")))?,
    })
}

impl Store {
    /// Creates a user with an argon2id password hash. Tenant users need a
    /// tenant; an operator may have none.
    pub async fn create_user(
        &self,
        tenant: Option<TenantId>,
        email: &str,
        name: &str,
        role: Role,
        password: &str,
    ) -> Result<UserId> {
        let email = email.trim().to_lowercase();
        if !crate::tenant::valid_email(&email) {
            return Err(StoreError::Invalid("e-mail".into()));
        }
        check_len("name", name, 200)?;
        if password.chars().count() < 10 || password.len() > 1024 {
            return Err(StoreError::Invalid(
                "password must have 10–1024 characters".into(),
            ));
        }
        if tenant.is_none() && role != Role::Operator {
            return Err(StoreError::Invalid(
                "only operators may have no tenant".into(),
            ));
        }
        let hash = hash_password(password)?;
        let mut tx = self.begin_write().await?;
        if sqlx::query("SELECT id FROM users WHERE email = $1")
            .bind(&email)
            .fetch_optional(&mut *tx)
            .await?
            .is_some()
        {
            return Err(StoreError::Conflict(email));
        }
        let id: i64 = sqlx::query(
            "INSERT INTO users (tenant_id, email, name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(tenant.map(|t| t.0))
        .bind(&email)
        .bind(name.trim())
        .bind(role.as_str())
        .bind(hash)
        .bind(now())
        .fetch_one(&mut *tx)
        .await?
        .try_get("id")?;
        tx.commit().await?;
        Ok(UserId(id))
    }

    /// Checks an e-mail and password. `None` for a wrong pair (the caller
    /// says the same in both cases). Takes about as long for an unknown
    /// e-mail as for a wrong password.
    pub async fn verify_login(&self, email: &str, password: &str) -> Result<Option<AuthUser>> {
        let email = email.trim().to_lowercase();
        let row = sqlx::query(
            "SELECT id, tenant_id, email, name, role, password_hash FROM users WHERE email = $1",
        )
        .bind(&email)
        .fetch_optional(&self.pool)
        .await?;
        let password = password.to_string();
        let Some(row) = row else {
            // Spend the same work as a real check.
            let _ = tokio::task::spawn_blocking(move || hash_password(&password)).await;
            return Ok(None);
        };
        let hash: String = row.try_get("password_hash")?;
        let ok = tokio::task::spawn_blocking(move || verify_password(&password, &hash))
            .await
            .unwrap_or(false);
        if !ok {
            return Ok(None);
        }
        Ok(Some(user_from_row(&row)?))
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
            "SELECT u.id, u.tenant_id, u.email, u.name, u.role, s.csrf FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > $2",
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
