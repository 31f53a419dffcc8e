//! The mail outbox: queued by a tenant, sent by the (system-level) worker.
//! Round mail (invitations, reminders) lives here; service mail in
//! [`service`]; both keep the lease discipline of [`lease`].

mod lease;
pub(crate) mod service;

use lease::Queue;
use sqlx::Row;

use crate::tenant::*;
use crate::*;

impl Tenant {
    /// Messages delivered to the built-in outbox for this tenant, newest
    /// first (each as it would arrive, with its link).
    pub async fn delivered_mail(&self, limit: i64) -> Result<Vec<DeliveredMail>> {
        let rows = sqlx::query("SELECT id, to_addr, subject, body, delivered_at FROM delivered_mail WHERE tenant_id = $1 ORDER BY id DESC LIMIT $2")
            .bind(self.id.0)
            .bind(limit.clamp(1, 10_000))
            .fetch_all(&self.store.pool)
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

    /// Mail of a round that could not be delivered, with the reason (the
    /// coordinator sees it on the round page).
    pub async fn undelivered_mail(&self, round: RoundId) -> Result<Vec<MailProblem>> {
        let rows = sqlx::query("SELECT m.id, m.to_addr, m.status, m.attempts, m.last_error FROM mail_outbox m JOIN invitations i ON i.id = m.invitation_id AND i.tenant_id = m.tenant_id WHERE m.tenant_id = $1 AND i.round_id = $2 AND m.status IN ('failed', 'bounced') ORDER BY m.id")
            .bind(self.id.0)
            .bind(round.0)
            .fetch_all(&self.store.pool)
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

    /// Queues mail for a round: invitations to everyone not yet mailed an
    /// invitation (a bounced invitation is sent again only to a corrected
    /// address), or reminders to everyone who has not submitted. Returns
    /// the number queued.
    pub async fn queue_mail(&self, round: RoundId, kind: MailKind) -> Result<usize> {
        let mut tx = self.store.begin_write().await?;
        let status = self.guard_round(&mut tx, round).await?;
        if status != RoundStatus::Open {
            return Err(StoreError::NotOpen);
        }
        let n = self.queue_in(&mut tx, round, kind).await?;
        self.audit_in(
            &mut tx,
            &format!("mail.{}", kind.as_str()),
            &format!("round {round}: {n} queued"),
        )
        .await?;
        tx.commit().await?;
        Ok(n)
    }

    /// The scheduled reminder of a round (its `remind_on` date has come):
    /// queued once, whichever instance runs the job first.
    pub(crate) async fn queue_scheduled_reminders(&self, round: RoundId) -> Result<usize> {
        let mut tx = self.store.begin_write().await?;
        let status = self.guard_round(&mut tx, round).await?;
        if status != RoundStatus::Open {
            return Ok(0);
        }
        let claimed = sqlx::query(
            "UPDATE rounds SET reminded_at = $1 WHERE id = $2 AND tenant_id = $3 AND reminded_at IS NULL",
        )
        .bind(now())
        .bind(round.0)
        .bind(self.id.0)
        .execute(&mut *tx)
        .await?;
        if claimed.rows_affected() == 0 {
            return Ok(0);
        }
        let n = self.queue_in(&mut tx, round, MailKind::Reminder).await?;
        self.audit_in(
            &mut tx,
            "mail.reminder.scheduled",
            &format!("round {round}: {n} queued"),
        )
        .await?;
        tx.commit().await?;
        Ok(n)
    }

    async fn queue_in(
        &self,
        tx: &mut sqlx::AnyConnection,
        round: RoundId,
        kind: MailKind,
    ) -> Result<usize> {
        let sql = match kind {
            MailKind::Invitation => {
                "SELECT i.id, p.email FROM invitations i JOIN persons p ON p.id = i.person_id AND p.tenant_id = i.tenant_id WHERE i.round_id = $1 AND i.tenant_id = $2 AND NOT EXISTS (SELECT 1 FROM mail_outbox m WHERE m.invitation_id = i.id AND m.tenant_id = i.tenant_id AND m.kind = 'invitation' AND (m.status IN ('queued', 'sent', 'failed') OR m.to_addr = p.email)) ORDER BY i.id"
            }
            MailKind::Reminder => {
                "SELECT i.id, p.email FROM invitations i JOIN persons p ON p.id = i.person_id AND p.tenant_id = i.tenant_id WHERE i.round_id = $1 AND i.tenant_id = $2 AND i.submitted_at IS NULL ORDER BY i.id"
            }
        };
        let rows = sqlx::query(sql)
            .bind(round.0)
            .bind(self.id.0)
            .fetch_all(&mut *tx)
            .await?;
        for r in &rows {
            sqlx::query(
                "INSERT INTO mail_outbox (tenant_id, invitation_id, kind, to_addr, status, attempts, created_at) VALUES ($1, $2, $3, $4, 'queued', 0, $5)",
            )
            .bind(self.id.0)
            .bind(r.try_get::<i64, _>("id")?)
            .bind(kind.as_str())
            .bind(r.try_get::<String, _>("email")?)
            .bind(now())
            .execute(&mut *tx)
            .await?;
        }
        Ok(rows.len())
    }
}

impl Store {
    /// The invitation token for a nonce: HMAC-SHA256 with the store's key,
    /// base64url (256 bits).
    pub(crate) fn derive_token(&self, nonce: &str) -> String {
        use base64::Engine;
        use hmac::{Hmac, KeyInit, Mac};
        let mut mac = <Hmac<sha2::Sha256> as KeyInit>::new_from_slice(&self.token_key)
            .expect("HMAC accepts any key length");
        mac.update(b"samspill-invitation\0");
        mac.update(nonce.as_bytes());
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    }

    /// Claims mail to send (queued, or failed fewer than 5 times, of open
    /// rounds) for this instance for `lease_seconds`, and returns it. A
    /// claim is a conditional update, so when several instances share the
    /// database each message is claimed by one of them; a claim whose
    /// instance died expires and the message is claimed again.
    /// System-level: spans tenants by design.
    pub async fn claim_mail(&self, limit: i64, lease_seconds: i64) -> Result<Vec<OutgoingMail>> {
        let t = now();
        lease::claim(
            &self.pool,
            Queue::Round,
            "SELECT m.id FROM mail_outbox m JOIN invitations i ON i.id = m.invitation_id AND i.tenant_id = m.tenant_id \
             JOIN rounds r ON r.id = i.round_id AND r.tenant_id = i.tenant_id JOIN tenants t ON t.id = m.tenant_id \
             WHERE r.status = 'open' AND t.active = 1",
            &self.instance,
            t,
            t + lease_seconds,
            limit,
        )
        .await?;
        let rows = sqlx::query(
            "SELECT m.id, m.tenant_id, m.kind, m.to_addr, m.attempts, t.name AS tenant_name, t.mail_from, t.lang AS tlang, r.name AS round_name, r.lang AS rlang, r.closes_on, r.contact_name, r.contact_email, r.contact_phone, r.list_by, i.nonce, i.lang AS ilang, p.id AS pid, p.name AS pname, p.unit AS punit FROM mail_outbox m JOIN tenants t ON t.id = m.tenant_id JOIN invitations i ON i.id = m.invitation_id AND i.tenant_id = m.tenant_id JOIN rounds r ON r.id = i.round_id AND r.tenant_id = i.tenant_id JOIN persons p ON p.id = i.person_id AND p.tenant_id = i.tenant_id WHERE m.claimed_by = $1 AND m.claimed_until >= $2 AND (m.status = 'queued' OR m.status = 'failed') ORDER BY m.id",
        )
        .bind(&*self.instance)
        .bind(t)
        .fetch_all(&self.pool)
        .await?;
        // The recipients' functions (why they were asked), in one query.
        let mut functions: std::collections::HashMap<i64, Vec<String>> =
            std::collections::HashMap::new();
        if !rows.is_empty() {
            let frows = sqlx::query(
                "SELECT pf.person_id AS p, f.name AS name FROM person_functions pf JOIN functions f ON f.id = pf.function_id AND f.tenant_id = pf.tenant_id \
                 WHERE pf.person_id IN (SELECT i.person_id FROM mail_outbox m JOIN invitations i ON i.id = m.invitation_id AND i.tenant_id = m.tenant_id WHERE m.claimed_by = $1 AND m.claimed_until >= $2) \
                 ORDER BY pf.person_id, pf.position",
            )
            .bind(&*self.instance)
            .bind(t)
            .fetch_all(&self.pool)
            .await?;
            for r in frows {
                functions
                    .entry(r.try_get("p")?)
                    .or_default()
                    .push(r.try_get("name")?);
            }
        }
        rows.iter()
            .map(|r| {
                let kind: String = r.try_get("kind")?;
                let lang = r
                    .try_get::<Option<String>, _>("ilang")?
                    .unwrap_or(r.try_get::<String, _>("rlang")?);
                Ok(OutgoingMail {
                    id: r.try_get("id")?,
                    tenant: TenantId(r.try_get("tenant_id")?),
                    tenant_name: r.try_get("tenant_name")?,
                    from: r.try_get("mail_from")?,
                    to: r.try_get("to_addr")?,
                    name: r.try_get("pname")?,
                    kind: if kind == "reminder" {
                        MailKind::Reminder
                    } else {
                        MailKind::Invitation
                    },
                    round_name: r.try_get("round_name")?,
                    lang,
                    closes_on: r.try_get("closes_on")?,
                    functions: functions
                        .get(&r.try_get::<i64, _>("pid")?)
                        .cloned()
                        .unwrap_or_default(),
                    unit: r.try_get("punit")?,
                    contact: RoundContact {
                        name: r.try_get("contact_name")?,
                        email: r.try_get("contact_email")?,
                        phone: r.try_get("contact_phone")?,
                        list_by: r.try_get("list_by")?,
                    },
                    token: self.derive_token(&r.try_get::<String, _>("nonce")?),
                    attempts: r.try_get("attempts")?,
                })
            })
            .collect()
    }

    /// Mail due now, without claiming it (tests and diagnostics).
    pub async fn due_mail(&self, limit: i64) -> Result<Vec<OutgoingMail>> {
        self.claim_mail(limit, 0).await
    }

    /// Delivers a message to the built-in outbox (the transport of the demo
    /// and of installations without SMTP that want to see what would be
    /// sent): the message as it would arrive is stored for the tenant to
    /// read, and the mail is marked sent, in one transaction.
    pub async fn deliver_to_outbox(
        &self,
        mail: &OutgoingMail,
        subject: &str,
        body: &str,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("INSERT INTO delivered_mail (tenant_id, outbox_id, to_addr, subject, body, delivered_at) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(mail.tenant.0)
            .bind(mail.id)
            .bind(&mail.to)
            .bind(subject)
            .bind(body)
            .bind(now())
            .execute(&mut *tx)
            .await?;
        lease::mark(&mut *tx, Queue::Round, mail.id, MailStatus::Sent, None).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records the outcome of a send attempt.
    pub async fn mark_mail(&self, id: i64, status: MailStatus, error: Option<&str>) -> Result<()> {
        lease::mark(&self.pool, Queue::Round, id, status, error).await
    }

    /// Records a bounce that arrived later (a delivery status notification
    /// for an address): the latest sent mail to it becomes `bounced`.
    pub async fn record_bounce(&self, to_addr: &str) -> Result<bool> {
        let row = sqlx::query("SELECT id FROM mail_outbox WHERE to_addr = $1 AND status = 'sent' ORDER BY id DESC LIMIT 1")
            .bind(to_addr.trim().to_lowercase())
            .fetch_optional(&self.pool)
            .await?;
        match row {
            None => Ok(false),
            Some(r) => {
                sqlx::query("UPDATE mail_outbox SET status = 'bounced' WHERE id = $1")
                    .bind(r.try_get::<i64, _>("id")?)
                    .execute(&self.pool)
                    .await?;
                Ok(true)
            }
        }
    }
}
