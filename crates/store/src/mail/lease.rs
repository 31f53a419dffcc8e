//! The lease discipline both mail queues share: the round mail of
//! `mail_outbox` (invitations, reminders) and the service mail of
//! `service_mail` (account links, retention warnings, art. 14 notices).
//!
//! A message is due while it is `queued`, or `failed` fewer than
//! [`MAX_ATTEMPTS`] times. An instance claims due messages with one
//! conditional update (`claimed_by`, `claimed_until`), so when several
//! instances share the database each message goes to one of them; a claim
//! whose instance died expires and the message is claimed again. Every
//! outcome clears the claim and counts the attempt.

use crate::{MailStatus, Result, now};

/// Attempts after which a failing message is no longer retried.
pub(crate) const MAX_ATTEMPTS: i64 = 5;

/// One of the two queues.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Queue {
    /// `mail_outbox`: invitations and reminders of rounds.
    Round,
    /// `service_mail`: account mail, warnings and notices.
    Service,
}

impl Queue {
    fn table(self) -> &'static str {
        match self {
            Queue::Round => "mail_outbox",
            Queue::Service => "service_mail",
        }
    }
}

/// Claims up to `limit` due messages of `queue` for `instance` until
/// `until`, at time `at`. `candidates` selects the ids of messages that
/// may be claimed beyond the queue's own rules (for round mail: of open
/// rounds of active tenants); it is static SQL whose rows are `m.id` of the
/// queue's table aliased `m`, and it may use `$3` (now) and `$4` (limit).
pub(crate) async fn claim(
    pool: &sqlx::AnyPool,
    queue: Queue,
    candidates: &'static str,
    instance: &str,
    at: i64,
    until: i64,
    limit: i64,
) -> Result<()> {
    let table = queue.table();
    // The table names and the candidate query are static text of this
    // crate; every value is bound.
    let sql = format!(
        "UPDATE {table} SET claimed_by = $1, claimed_until = $2 \
         WHERE id IN ({candidates} AND (m.status = 'queued' OR (m.status = 'failed' AND m.attempts < {MAX_ATTEMPTS})) \
             AND (m.claimed_until IS NULL OR m.claimed_until < $3) ORDER BY m.id LIMIT $4) \
         AND (status = 'queued' OR (status = 'failed' AND attempts < {MAX_ATTEMPTS})) \
         AND (claimed_until IS NULL OR claimed_until < $3)"
    );
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(instance)
        .bind(until)
        .bind(at)
        .bind(limit)
        .execute(pool)
        .await?;
    Ok(())
}

/// Records the outcome of one attempt at a claimed message and releases
/// its claim; `error` is kept (its first 500 characters) for the people
/// who read the queue's problems.
pub(crate) async fn mark<'c, E>(
    conn: E,
    queue: Queue,
    id: i64,
    status: MailStatus,
    error: Option<&str>,
) -> Result<()>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    let sql = format!(
        "UPDATE {} SET status = $1, attempts = attempts + 1, last_error = $2, sent_at = CASE WHEN $3 = 1 THEN $4 ELSE sent_at END, claimed_by = NULL, claimed_until = NULL WHERE id = $5",
        queue.table()
    );
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(status.as_str())
        .bind(error.map(|e| e.chars().take(500).collect::<String>()))
        .bind((status == MailStatus::Sent) as i64)
        .bind(now())
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}
