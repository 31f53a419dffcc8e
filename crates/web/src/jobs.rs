//! Scheduled jobs: every minute each instance offers to run each job; the
//! lease in the database (`samspill_store::Store::lease_job`) lets exactly
//! one instance run it per period, however many share the database. A job
//! that fails is logged and tried again next period; a panic stays inside
//! its task.

use std::time::Duration;

use crate::AppState;

/// A job: its name, how often it runs (seconds) and what it does.
struct Job {
    name: &'static str,
    every: i64,
}

const JOBS: &[Job] = &[
    Job {
        name: "reminders",
        every: 300,
    },
    // Retention (issue 16): rounds past their tenant's retention time are
    // reduced or deleted, coordinators warned a month before.
    Job {
        name: "retention",
        every: 3600,
    },
];

async fn run(state: &AppState, job: &Job) -> Result<(), samspill_store::StoreError> {
    match job.name {
        "reminders" => {
            let (rounds, queued) = state.store().run_due_reminders().await?;
            if queued > 0 {
                tracing::info!(rounds, queued, "scheduled reminders queued");
                state.wake_mail();
            }
        }
        "retention" => {
            let r = state.store().run_retention(state.now()).await?;
            if r != samspill_store::RetentionReport::default() {
                tracing::info!(
                    warned = r.warned,
                    reduced = r.reduced,
                    deleted = r.deleted,
                    "retention applied"
                );
                state.0.results.clear();
                state.wake_mail();
            }
        }
        other => tracing::error!(job = other, "unknown job"),
    }
    Ok(())
}

/// Runs every due job once (this instance takes the lease of those no other
/// instance holds). Returns the names of the jobs it ran.
pub async fn run_due(state: &AppState) -> Vec<&'static str> {
    let mut ran = Vec::new();
    for job in JOBS {
        let at = state.now();
        match state.store().lease_job(job.name, at, 600, job.every).await {
            Ok(true) => {
                if let Err(e) = run(state, job).await {
                    tracing::error!(job = job.name, error = %e, "scheduled job failed");
                }
                if let Err(e) = state.store().finish_job(job.name, at).await {
                    tracing::error!(job = job.name, error = %e, "releasing a job failed");
                }
                ran.push(job.name);
            }
            Ok(false) => {}
            Err(e) => tracing::error!(job = job.name, error = %e, "leasing a job failed"),
        }
    }
    ran
}

/// Starts the scheduler (supervised like the mail worker).
pub fn spawn(state: AppState) {
    tokio::spawn(async move {
        loop {
            let s = state.clone();
            if let Err(e) = tokio::spawn(async move { run_due(&s).await }).await {
                tracing::error!(error = %e, "the scheduler's pass failed; going on");
            }
            tokio::time::sleep(Duration::from_secs(60)).await;
        }
    });
}
