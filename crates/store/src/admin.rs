//! The operator's aggregate: tenants (municipalities, housing areas) and
//! user accounts, for `samspill admin` and the operator pages. Every change
//! is audited in its own transaction under the [`Admin`] handle's actor.

use serde::Serialize;
use sqlx::Row;

use crate::auth::check_password;
use crate::tenant::{tenant_info, valid_email};
use crate::{
    Actor, NewTenant, Result, Role, STANDARD_FUNCTIONS, Store, StoreError, TenantId, TenantInfo,
    UserId, check_line, lang_code, now,
};

/// A user account as the operator sees it (never the hash).
#[derive(Debug, Clone, Serialize)]
pub struct UserInfo {
    /// Id.
    pub id: UserId,
    /// E-mail (the login name).
    pub email: String,
    /// Name.
    pub name: String,
    /// Role.
    pub role: Role,
    /// The user's tenant, by slug (`None` for an operator).
    pub tenant: Option<String>,
    /// Whether the account may log in.
    pub active: bool,
    /// Created (Unix seconds).
    pub created_at: i64,
}

/// Operator actions, audited under one actor. Obtain with [`Store::admin`].
#[derive(Debug, Clone)]
pub struct Admin {
    store: Store,
    actor: Actor,
}

fn check_slug(slug: &str) -> Result<()> {
    if slug.is_empty()
        || slug.len() > 64
        || !slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        return Err(StoreError::Invalid(
            "tenant slug must be 1–64 of a-z, 0-9, -".into(),
        ));
    }
    Ok(())
}

impl Store {
    /// Operator actions performed by `actor`.
    pub fn admin(&self, actor: Actor) -> Admin {
        Admin {
            store: self.clone(),
            actor,
        }
    }

    /// Creates a tenant as the system (seeding, tests); see
    /// [`Admin::create_tenant`].
    pub async fn create_tenant(&self, t: &NewTenant) -> Result<TenantId> {
        self.admin(Actor::system("store")).create_tenant(t).await
    }

    /// Creates a user as the system (seeding, tests); see
    /// [`Admin::create_user`].
    pub async fn create_user(
        &self,
        tenant: Option<TenantId>,
        email: &str,
        name: &str,
        role: Role,
        password: &str,
    ) -> Result<UserId> {
        self.admin(Actor::system("store"))
            .create_user(tenant, email, name, role, password)
            .await
    }

    /// Looks a tenant up by its slug (operator tooling).
    pub async fn tenant_by_slug(&self, slug: &str) -> Result<TenantId> {
        let row = sqlx::query("SELECT id FROM tenants WHERE slug = $1")
            .bind(slug.trim())
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok(TenantId(row.try_get("id")?))
    }

    /// Every tenant (operator view), active or not.
    pub async fn tenants(&self) -> Result<Vec<TenantInfo>> {
        let rows = sqlx::query(
            "SELECT id, slug, name, kind, lang, mail_from, active FROM tenants ORDER BY slug",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(tenant_info).collect()
    }

    /// Every user account, optionally of one tenant.
    pub async fn users(&self, tenant: Option<TenantId>) -> Result<Vec<UserInfo>> {
        let rows = sqlx::query(
            "SELECT u.id, u.email, u.name, u.role, u.active, u.created_at, t.slug FROM users u LEFT JOIN tenants t ON t.id = u.tenant_id WHERE ($1 IS NULL OR u.tenant_id = $1) ORDER BY u.email",
        )
        .bind(tenant.map(|t| t.0))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let role: String = r.try_get("role")?;
                Ok(UserInfo {
                    id: UserId(r.try_get("id")?),
                    email: r.try_get("email")?,
                    name: r.try_get("name")?,
                    role: Role::parse(&role)
                        .ok_or_else(|| StoreError::Invalid(format!("unknown role {role}")))?,
                    tenant: r.try_get("slug")?,
                    active: r.try_get::<i64, _>("active")? != 0,
                    created_at: r.try_get("created_at")?,
                })
            })
            .collect()
    }

    /// Whether any active operator account exists (an empty installation
    /// says how to create the first one).
    pub async fn has_operator(&self) -> Result<bool> {
        Ok(
            sqlx::query("SELECT id FROM users WHERE role = 'operator' AND active = 1 LIMIT 1")
                .fetch_optional(&self.pool)
                .await?
                .is_some(),
        )
    }
}

impl Admin {
    pub(crate) fn store(&self) -> &Store {
        &self.store
    }

    /// Who acts through this handle.
    pub fn actor(&self) -> &Actor {
        &self.actor
    }

    /// Creates a tenant with the standard function catalogue.
    pub async fn create_tenant(&self, t: &NewTenant) -> Result<TenantId> {
        let slug = t.slug.trim();
        check_slug(slug)?;
        check_line("name", &t.name, 200)?;
        if t.name.trim().is_empty() {
            return Err(StoreError::Invalid("name".into()));
        }
        if let Some(m) = t.mail_from.as_deref()
            && !valid_email(m.trim())
        {
            return Err(StoreError::Invalid("mail_from".into()));
        }
        let lang = lang_code(&t.lang)?;
        let mut tx = self.store.begin_write().await?;
        let exists = sqlx::query("SELECT id FROM tenants WHERE slug = $1")
            .bind(slug)
            .fetch_optional(&mut *tx)
            .await?;
        if exists.is_some() {
            return Err(StoreError::Conflict(slug.to_string()));
        }
        let id: i64 = sqlx::query(
            "INSERT INTO tenants (slug, name, kind, lang, mail_from, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(slug)
        .bind(t.name.trim())
        .bind(t.kind.as_str())
        .bind(lang)
        .bind(t.mail_from.as_deref().map(|m| m.trim().to_string()))
        .bind(now())
        .fetch_one(&mut *tx)
        .await?
        .try_get("id")?;
        for (i, (code, name)) in STANDARD_FUNCTIONS.iter().enumerate() {
            sqlx::query(
                "INSERT INTO functions (tenant_id, code, name, position) VALUES ($1, $2, $3, $4)",
            )
            .bind(id)
            .bind(*code)
            .bind(*name)
            .bind(i as i64)
            .execute(&mut *tx)
            .await?;
        }
        crate::audit::write(
            &mut tx,
            Some(TenantId(id)),
            &self.actor,
            "tenant.create",
            slug,
        )
        .await?;
        tx.commit().await?;
        Ok(TenantId(id))
    }

    /// Renames a tenant.
    pub async fn rename_tenant(&self, slug: &str, name: &str) -> Result<()> {
        check_line("name", name, 200)?;
        if name.trim().is_empty() {
            return Err(StoreError::Invalid("name".into()));
        }
        let id = self.store.tenant_by_slug(slug).await?;
        let mut tx = self.store.begin_write().await?;
        sqlx::query("UPDATE tenants SET name = $1 WHERE id = $2")
            .bind(name.trim())
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        crate::audit::write(&mut tx, Some(id), &self.actor, "tenant.rename", slug).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Deactivates (or reactivates) a tenant: its users cannot log in and
    /// its survey links are closed; nothing is deleted.
    pub async fn set_tenant_active(&self, slug: &str, active: bool) -> Result<()> {
        let id = self.store.tenant_by_slug(slug).await?;
        let mut tx = self.store.begin_write().await?;
        sqlx::query("UPDATE tenants SET active = $1 WHERE id = $2")
            .bind(active as i64)
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        let action = if active {
            "tenant.activate"
        } else {
            "tenant.deactivate"
        };
        crate::audit::write(&mut tx, Some(id), &self.actor, action, slug).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Creates a user with an argon2id password hash. Tenant users need a
    /// tenant; an operator has none.
    pub async fn create_user(
        &self,
        tenant: Option<TenantId>,
        email: &str,
        name: &str,
        role: Role,
        password: &str,
    ) -> Result<UserId> {
        let email = email.trim().to_lowercase();
        if !valid_email(&email) {
            return Err(StoreError::Invalid("e-mail".into()));
        }
        check_line("name", name, 200)?;
        if name.trim().is_empty() {
            return Err(StoreError::Invalid("name".into()));
        }
        check_password(password)?;
        match (tenant.is_some(), role) {
            (false, Role::Operator) | (true, Role::Coordinator) => {}
            (true, Role::Operator) => {
                return Err(StoreError::Invalid(
                    "an operator belongs to no tenant".into(),
                ));
            }
            (false, _) => {
                return Err(StoreError::Invalid(
                    "only operators may have no tenant".into(),
                ));
            }
            (true, _) => {}
        }
        let hash = self.store.hash(password).await?;
        let mut tx = self.store.begin_write().await?;
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
        crate::audit::write(
            &mut tx,
            tenant,
            &self.actor,
            "user.create",
            &format!("user {id} ({})", role.as_str()),
        )
        .await?;
        tx.commit().await?;
        Ok(UserId(id))
    }

    async fn user_row(&self, email: &str) -> Result<(i64, Option<TenantId>)> {
        let row = sqlx::query("SELECT id, tenant_id FROM users WHERE email = $1")
            .bind(email.trim().to_lowercase())
            .fetch_optional(&self.store.pool)
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok((
            row.try_get("id")?,
            row.try_get::<Option<i64>, _>("tenant_id")?.map(TenantId),
        ))
    }

    /// Sets a new password and ends the user's sessions.
    pub async fn reset_password(&self, email: &str, password: &str) -> Result<()> {
        check_password(password)?;
        let (id, tenant) = self.user_row(email).await?;
        let hash = self.store.hash(password).await?;
        let mut tx = self.store.begin_write().await?;
        sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(hash)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        crate::audit::write(
            &mut tx,
            tenant,
            &self.actor,
            "user.password",
            &format!("user {id}"),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Deactivates (or reactivates) a user; deactivation ends their sessions.
    pub async fn set_user_active(&self, email: &str, active: bool) -> Result<()> {
        let (id, tenant) = self.user_row(email).await?;
        let mut tx = self.store.begin_write().await?;
        sqlx::query("UPDATE users SET active = $1 WHERE id = $2")
            .bind(active as i64)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        if !active {
            sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        let action = if active {
            "user.activate"
        } else {
            "user.deactivate"
        };
        crate::audit::write(&mut tx, tenant, &self.actor, action, &format!("user {id}")).await?;
        tx.commit().await?;
        Ok(())
    }
}
