//! The queue of service mail (issue 16): account mail with one-time
//! links (invitations, password resets), retention warnings and art. 14
//! notices. It keeps the lease discipline of round mail
//! ([`super::lease`]); the mail worker sends both queues in one pass.

use sqlx::Row;

use super::lease::{self, Queue};
use crate::*;

/// A service mail to queue.
#[derive(Debug, Clone)]
pub struct NewServiceMail {
    /// The tenant it concerns, if any.
    pub tenant: Option<TenantId>,
    /// `invite`, `reset`, `retention-warning`, `notice`.
    pub kind: String,
    /// Recipient.
    pub to: String,
    /// Recipient's name.
    pub name: String,
    /// Language of the message.
    pub lang: String,
    /// Arguments of the message (never a secret).
    pub args: serde_json::Value,
    /// The one-time link's token row, for account mail.
    pub token_id: Option<i64>,
}

/// A claimed service mail with everything its sender needs.
#[derive(Debug, Clone)]
pub struct ServiceMail {
    /// Id.
    pub id: i64,
    /// The tenant, if any.
    pub tenant: Option<TenantId>,
    /// The tenant's name.
    pub tenant_name: Option<String>,
    /// The tenant's sender address.
    pub from: Option<String>,
    /// Kind (see [`NewServiceMail::kind`]).
    pub kind: String,
    /// Recipient.
    pub to: String,
    /// Recipient's name.
    pub name: String,
    /// Language.
    pub lang: String,
    /// Arguments.
    pub args: serde_json::Value,
    /// The one-time link's token (derived with the store's key), for
    /// account mail; `None` once the link was used or expired.
    pub token: Option<String>,
    /// Attempts so far.
    pub attempts: i64,
}

impl Store {
    /// Queues a service mail inside the caller's transaction.
    pub(crate) async fn queue_service_mail_in(
        &self,
        conn: &mut sqlx::AnyConnection,
        m: &NewServiceMail,
    ) -> Result<i64> {
        let id: i64 = sqlx::query("INSERT INTO service_mail (tenant_id, kind, to_addr, to_name, lang, args, token_id, status, attempts, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 'queued', 0, $8) RETURNING id")
            .bind(m.tenant.map(|t| t.0))
            .bind(&m.kind)
            .bind(m.to.trim().to_lowercase())
            .bind(&m.name)
            .bind(&m.lang)
            .bind(m.args.to_string())
            .bind(m.token_id)
            .bind(now())
            .fetch_one(&mut *conn)
            .await?
            .try_get("id")?;
        Ok(id)
    }

    /// Claims due service mail for this instance (like [`Store::claim_mail`]).
    pub async fn claim_service_mail(
        &self,
        limit: i64,
        lease_seconds: i64,
    ) -> Result<Vec<ServiceMail>> {
        let t = now();
        lease::claim(
            &self.pool,
            Queue::Service,
            "SELECT m.id FROM service_mail m WHERE 1 = 1",
            &self.instance,
            t,
            t + lease_seconds,
            limit,
        )
        .await?;
        let rows = sqlx::query(
            "SELECT m.id, m.tenant_id, m.kind, m.to_addr, m.to_name, m.lang, m.args, m.attempts, t.name AS tname, t.mail_from, a.nonce, a.used_at, a.expires_at FROM service_mail m LEFT JOIN tenants t ON t.id = m.tenant_id LEFT JOIN account_tokens a ON a.id = m.token_id WHERE m.claimed_by = $1 AND m.claimed_until >= $2 AND (m.status = 'queued' OR m.status = 'failed') ORDER BY m.id",
        )
        .bind(&*self.instance)
        .bind(t)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let live = r.try_get::<Option<i64>, _>("used_at")?.is_none()
                    && r.try_get::<Option<i64>, _>("expires_at")?
                        .is_some_and(|e| e > t);
                let token = match r.try_get::<Option<String>, _>("nonce")? {
                    Some(n) if live => Some(self.derive_account_token(&n)),
                    _ => None,
                };
                Ok(ServiceMail {
                    id: r.try_get("id")?,
                    tenant: r.try_get::<Option<i64>, _>("tenant_id")?.map(TenantId),
                    tenant_name: r.try_get("tname")?,
                    from: r.try_get("mail_from")?,
                    kind: r.try_get("kind")?,
                    to: r.try_get("to_addr")?,
                    name: r.try_get("to_name")?,
                    lang: r.try_get("lang")?,
                    args: serde_json::from_str(&r.try_get::<String, _>("args")?)
                        .unwrap_or(serde_json::Value::Null),
                    token,
                    attempts: r.try_get("attempts")?,
                })
            })
            .collect()
    }

    /// Records the outcome of sending a service mail.
    pub async fn mark_service_mail(
        &self,
        id: i64,
        status: MailStatus,
        error: Option<&str>,
    ) -> Result<()> {
        lease::mark(&self.pool, Queue::Service, id, status, error).await
    }

    /// Delivers a service mail to the built-in outbox. Account mail (which
    /// carries one-time links) goes to the service's outbox, which only an
    /// operator reads, and only when the outbox is the configured
    /// transport; notices and warnings of a tenant go to the tenant's
    /// outbox.
    pub async fn deliver_service_mail_to_outbox(
        &self,
        m: &ServiceMail,
        subject: &str,
        body: &str,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        match (m.kind.as_str(), m.tenant) {
            ("notice" | "retention-warning", Some(t)) => {
                sqlx::query("INSERT INTO delivered_mail (tenant_id, outbox_id, to_addr, subject, body, delivered_at) VALUES ($1, 0, $2, $3, $4, $5)")
                    .bind(t.0)
                    .bind(&m.to)
                    .bind(subject)
                    .bind(body)
                    .bind(now())
                    .execute(&mut *tx)
                    .await?;
            }
            _ => {
                sqlx::query("INSERT INTO delivered_service_mail (tenant_id, to_addr, subject, body, delivered_at) VALUES ($1, $2, $3, $4, $5)")
                    .bind(m.tenant.map(|t| t.0))
                    .bind(&m.to)
                    .bind(subject)
                    .bind(body)
                    .bind(now())
                    .execute(&mut *tx)
                    .await?;
            }
        }
        lease::mark(&mut *tx, Queue::Service, m.id, MailStatus::Sent, None).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Account mail delivered to the service's outbox, newest first.
    pub async fn delivered_service_mail(&self, limit: i64) -> Result<Vec<DeliveredMail>> {
        let rows = sqlx::query("SELECT id, to_addr, subject, body, delivered_at FROM delivered_service_mail ORDER BY id DESC LIMIT $1")
            .bind(limit.clamp(1, 10_000))
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(DeliveredMail {
                    id: r.try_get("id")?,
                    to: r.try_get("to_addr")?,
                    subject: r.try_get("subject")?,
                    body: r.try_get("body")?,
                    at: r.try_get("delivered_at")?,
                })
            })
            .collect()
    }

    /// Service mail that could not be delivered (operator view): (to,
    /// kind, status, reason).
    pub async fn undelivered_service_mail(&self) -> Result<Vec<MailProblem>> {
        let rows = sqlx::query("SELECT to_addr, status, attempts, last_error FROM service_mail WHERE status IN ('failed', 'bounced') ORDER BY id DESC LIMIT 200")
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(MailProblem {
                    to: r.try_get("to_addr")?,
                    status: r.try_get("status")?,
                    attempts: r.try_get("attempts")?,
                    reason: r
                        .try_get::<Option<String>, _>("last_error")?
                        .unwrap_or_default(),
                })
            })
            .collect()
    }
}
