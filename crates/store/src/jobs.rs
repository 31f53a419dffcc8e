//! Scheduled jobs shared by every instance: a job runs on one instance at a
//! time, under a lease in the database (an instance that dies loses its
//! lease when it expires), and the jobs themselves: automatic reminders on
//! the date a round sets.

use sqlx::Row;

use crate::{Actor, Result, RoundId, Store, TenantId, today};

impl Store {
    /// Takes the lease of job `name` for `seconds` if no other instance
    /// holds it and it last ran at least `every` seconds before `at` (the
    /// scheduler's clock, Unix seconds: the real time in service, moved
    /// forward by tests). `true`: run it now, then call
    /// [`Store::finish_job`] with the same clock.
    pub async fn lease_job(&self, name: &str, at: i64, seconds: i64, every: i64) -> Result<bool> {
        let t = at;
        sqlx::query("INSERT INTO jobs (name, owner, lease_until, last_run_at) VALUES ($1, NULL, 0, NULL) ON CONFLICT (name) DO NOTHING")
            .bind(name)
            .execute(&self.pool)
            .await?;
        let r = sqlx::query(
            "UPDATE jobs SET owner = $1, lease_until = $2 WHERE name = $3 AND lease_until < $4 AND (last_run_at IS NULL OR last_run_at <= $5)",
        )
        .bind(&*self.instance)
        .bind(t + seconds)
        .bind(name)
        .bind(t)
        .bind(t - every)
        .execute(&self.pool)
        .await?;
        Ok(r.rows_affected() == 1)
    }

    /// Ends this instance's lease of a job and records that it ran at `at`.
    pub async fn finish_job(&self, name: &str, at: i64) -> Result<()> {
        sqlx::query("UPDATE jobs SET owner = NULL, lease_until = 0, last_run_at = $1 WHERE name = $2 AND owner = $3")
            .bind(at)
            .bind(name)
            .bind(&*self.instance)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Queues the automatic reminders of every open round whose reminder
    /// date has come, once per round. Returns (rounds, messages queued).
    pub async fn run_due_reminders(&self) -> Result<(usize, usize)> {
        let rows = sqlx::query(
            "SELECT r.id, r.tenant_id FROM rounds r JOIN tenants t ON t.id = r.tenant_id WHERE r.status = 'open' AND t.active = 1 AND r.remind_on IS NOT NULL AND r.remind_on <= $1 AND r.reminded_at IS NULL ORDER BY r.id",
        )
        .bind(today())
        .fetch_all(&self.pool)
        .await?;
        let (mut rounds, mut queued) = (0, 0);
        for r in rows {
            let tenant = self
                .tenant(TenantId(r.try_get("tenant_id")?))
                .acting_as(Actor::system("reminders"));
            let round = RoundId(r.try_get("id")?);
            queued += tenant.queue_scheduled_reminders(round).await?;
            rounds += 1;
        }
        Ok((rounds, queued))
    }
}
