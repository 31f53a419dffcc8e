//! The tenant handle: everything a tenant owns is reached through a
//! [`Tenant`], and every query binds `self.id` and filters by `tenant_id`.
//! The aggregates live in their own modules (`roster`, `rounds`, `network`,
//! `mail`, `audit`, `results`); this one holds the handle and the tenant's
//! own settings.

use samspill_engine::model::Level;
use serde::{Deserialize, Serialize};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::*;

/// A handle on one tenant's data. Every method filters by the tenant, so
/// ids of another tenant's rows behave as if they did not exist.
#[derive(Clone, Debug)]
pub struct Tenant {
    pub(crate) store: Store,
    pub(crate) id: TenantId,
    /// Who acts through this handle (written into every audit row).
    pub(crate) actor: Actor,
}

pub(crate) fn tenant_info(row: &AnyRow) -> Result<TenantInfo> {
    Ok(TenantInfo {
        id: row.try_get("id")?,
        slug: row.try_get("slug")?,
        name: row.try_get("name")?,
        kind: TenantKind::parse(&row.try_get::<String, _>("kind")?),
        lang: row.try_get("lang")?,
        mail_from: row.try_get("mail_from")?,
        active: row.try_get::<i64, _>("active")? != 0,
    })
}

/// A rough but strict e-mail check: one `@`, a dot in the domain, no
/// spaces or angle brackets, at most 254 characters.
pub(crate) fn valid_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && s.len() <= 254
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && s.chars().all(|c| {
            !c.is_whitespace()
                && !c.is_control()
                && !crate::text::is_invisible(c)
                && !"<>\"(),;:[]\\".contains(c)
        })
}

/// A participant of a round as the store sees it (internal).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Snapshot {
    pub name: String,
    pub email: String,
    pub unit: Option<String>,
    pub level: Option<Level>,
    pub functions: Vec<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct Participant {
    pub invitation: i64,
    pub person: i64,
    pub snap: Snapshot,
    pub started: bool,
    pub submitted: bool,
    pub nonce: String,
}

pub(crate) fn opt_text(s: &Option<String>) -> Option<String> {
    s.as_ref()
        .map(|x| x.trim().to_string())
        .filter(|x| !x.is_empty())
}

impl Tenant {
    /// The tenant's id.
    pub fn id(&self) -> TenantId {
        self.id
    }

    /// The same handle acting for `actor`: every change made through it is
    /// audited under that actor, in the change's own transaction.
    pub fn acting_as(mut self, actor: Actor) -> Tenant {
        self.actor = actor;
        self
    }

    /// Who acts through this handle.
    pub fn actor(&self) -> &Actor {
        &self.actor
    }

    /// Writes the audit row of a change inside its transaction.
    pub(crate) async fn audit_in(
        &self,
        conn: &mut sqlx::AnyConnection,
        action: &str,
        detail: &str,
    ) -> Result<()> {
        crate::audit::write(conn, Some(self.id), &self.actor, action, detail).await
    }

    pub(crate) fn pool(&self) -> &sqlx::AnyPool {
        &self.store.pool
    }

    /// The tenant's settings.
    pub async fn info(&self) -> Result<TenantInfo> {
        let row = sqlx::query(
            "SELECT id, slug, name, kind, lang, mail_from, active FROM tenants WHERE id = $1",
        )
        .bind(self.id.0)
        .fetch_optional(self.pool())
        .await?
        .ok_or(StoreError::NotFound)?;
        tenant_info(&row)
    }

    /// Changes name, default language and the sender address of mail.
    pub async fn update_settings(
        &self,
        name: &str,
        lang: &str,
        mail_from: Option<&str>,
    ) -> Result<()> {
        check_line("name", name, 200)?;
        if name.trim().is_empty() {
            return Err(StoreError::Invalid("name".into()));
        }
        let mail_from = mail_from.map(str::trim).filter(|s| !s.is_empty());
        if let Some(m) = mail_from
            && !valid_email(m)
        {
            return Err(StoreError::Invalid("mail_from".into()));
        }
        let lang = lang_code(lang)?;
        let mut tx = self.store.begin_write().await?;
        sqlx::query("UPDATE tenants SET name = $1, lang = $2, mail_from = $3 WHERE id = $4")
            .bind(name.trim())
            .bind(lang)
            .bind(mail_from.map(str::to_string))
            .bind(self.id.0)
            .execute(&mut *tx)
            .await?;
        self.audit_in(&mut tx, "settings.update", lang).await?;
        tx.commit().await?;
        Ok(())
    }
}
