//! The audit log: who saw and changed what (PRODUCT.md §8).
//!
//! Every change the store makes writes its audit row **in the same
//! transaction as the change** ([`write`]), so a change is never committed
//! without its row and an audit failure fails the change. The actor comes
//! from the handle the change was made through: a [`Tenant`] obtained for a
//! logged-in user carries that user ([`Tenant::acting_as`]); tooling and the
//! demo act as [`Actor::System`]. Reads of personal data (roster,
//! monitoring, results, exports, reports) are recorded with
//! [`Tenant::record_read`]. Audit rows never hold answers or tokens.

use serde::Serialize;
use sqlx::Row;

use crate::tenant::Tenant;
use crate::{AuditEntry, Result, Store, TenantId, UserId, now};

/// Who makes a change or reads data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Actor {
    /// A logged-in user.
    User {
        /// The account.
        id: UserId,
        /// Its e-mail at the time (kept in the row, so the log stays
        /// readable after the account is gone).
        email: String,
    },
    /// The program itself (command-line tooling, the demo's seeding,
    /// scheduled jobs), with a short name of what acted.
    System(String),
    /// A respondent through their link (never identified further in the log).
    Respondent,
}

impl Actor {
    /// The command line and other operator tooling.
    pub fn system(what: &str) -> Actor {
        Actor::System(what.to_string())
    }

    /// The text of the `actor` column.
    pub fn label(&self) -> String {
        match self {
            Actor::User { email, .. } => email.clone(),
            Actor::System(w) => format!("system:{w}"),
            Actor::Respondent => "respondent".into(),
        }
    }

    fn user_id(&self) -> Option<i64> {
        match self {
            Actor::User { id, .. } => Some(id.0),
            _ => None,
        }
    }
}

/// Writes one audit row on a connection (inside the caller's transaction).
pub(crate) async fn write(
    conn: &mut sqlx::AnyConnection,
    tenant: Option<TenantId>,
    actor: &Actor,
    action: &str,
    detail: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO audit_log (tenant_id, actor, actor_user_id, action, detail, at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(tenant.map(|t| t.0))
    .bind(actor.label())
    .bind(actor.user_id())
    .bind(action)
    .bind(detail.chars().take(500).collect::<String>())
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Which audit rows to read.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// Only rows whose actor contains this text (case-insensitive).
    pub actor: Option<String>,
    /// Only rows whose action starts with this text (`round.`, `read.`).
    pub action: Option<String>,
    /// From this Unix time (inclusive).
    pub from: Option<i64>,
    /// Up to this Unix time (exclusive).
    pub until: Option<i64>,
    /// At most this many rows (newest first; default 500, at most 10 000).
    pub limit: Option<i64>,
}

fn entry(r: &sqlx::any::AnyRow) -> Result<AuditEntry> {
    Ok(AuditEntry {
        id: r.try_get("id")?,
        tenant: r.try_get("tenant_id")?,
        actor: r.try_get("actor")?,
        action: r.try_get("action")?,
        detail: r.try_get("detail")?,
        at: r.try_get("at")?,
    })
}

async fn read(
    store: &Store,
    tenant: Option<TenantId>,
    filter: &AuditFilter,
) -> Result<Vec<AuditEntry>> {
    let like = |s: &Option<String>, prefix_only: bool| {
        s.as_ref().map(|s| {
            let esc = s
                .to_lowercase()
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            if prefix_only {
                format!("{esc}%")
            } else {
                format!("%{esc}%")
            }
        })
    };
    let rows = sqlx::query(
        "SELECT id, tenant_id, actor, action, detail, at FROM audit_log \
         WHERE ($1 IS NULL OR tenant_id = $1) \
         AND ($2 IS NULL OR LOWER(actor) LIKE $2 ESCAPE '\\') \
         AND ($3 IS NULL OR LOWER(action) LIKE $3 ESCAPE '\\') \
         AND ($4 IS NULL OR at >= $4) AND ($5 IS NULL OR at < $5) \
         ORDER BY id DESC LIMIT $6",
    )
    .bind(tenant.map(|t| t.0))
    .bind(like(&filter.actor, false))
    .bind(like(&filter.action, true))
    .bind(filter.from)
    .bind(filter.until)
    .bind(filter.limit.unwrap_or(500).clamp(1, 10_000))
    .fetch_all(&store.pool)
    .await?;
    rows.iter().map(entry).collect()
}

impl Tenant {
    /// Records that the actor of this handle read personal data (`what`:
    /// `roster`, `monitoring`, `results`, `export`, `report`…; `detail`:
    /// ids, never content).
    pub async fn record_read(&self, what: &str, detail: &str) -> Result<()> {
        let mut conn = self.store.pool.acquire().await?;
        write(
            &mut conn,
            Some(self.id),
            &self.actor,
            &format!("read.{what}"),
            detail,
        )
        .await
    }

    /// The tenant's audit rows, newest first.
    pub async fn audit_log(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>> {
        read(&self.store, Some(self.id), filter).await
    }
}

impl Store {
    /// The whole service's audit rows (operator view), newest first. The
    /// rows hold actions and ids, never survey content.
    pub async fn audit_log(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>> {
        read(self, None, filter).await
    }

    /// Writes a service-level audit row (operator actions) in its own
    /// transaction.
    pub(crate) async fn audit_system(
        &self,
        tenant: Option<TenantId>,
        actor: &Actor,
        action: &str,
        detail: &str,
    ) -> Result<()> {
        let mut conn = self.pool.acquire().await?;
        write(&mut conn, tenant, actor, action, detail).await
    }
}
