//! Invitation and reminder mail: a worker takes queued mail from the
//! store's outbox, sends it over SMTP (lettre, rustls) from the tenant's
//! configured sender, and records the outcome: `sent` when the server
//! accepted it, `bounced` on a permanent rejection, `failed` (retried) on a
//! temporary one.

use std::sync::atomic::Ordering;

use lettre::message::header::ContentType;
use lettre::message::{Mailbox, Message};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{Address, AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use samspill_i18n::{Arg, Lang};
use samspill_store::{MailKind, MailStatus, OutgoingMail};

use crate::AppState;

/// How to reach the SMTP server.
#[derive(Debug, Clone)]
pub struct SmtpConfig {
    /// Host name.
    pub host: String,
    /// Port (default by TLS mode: 587 STARTTLS, 465 TLS, 25 none).
    pub port: Option<u16>,
    /// Transport security.
    pub tls: SmtpTls,
    /// User name, if the server needs a login.
    pub user: Option<String>,
    /// Password.
    pub password: Option<String>,
}

/// Transport security towards the SMTP server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmtpTls {
    /// Plain (only for a relay on the same host or in tests).
    None,
    /// STARTTLS (required).
    StartTls,
    /// TLS from the first byte.
    Tls,
}

fn transport(c: &SmtpConfig) -> Result<AsyncSmtpTransport<Tokio1Executor>, String> {
    let mut b = match c.tls {
        SmtpTls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(c.host.clone()),
        SmtpTls::StartTls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&c.host)
            .map_err(|e| e.to_string())?,
        SmtpTls::Tls => {
            AsyncSmtpTransport::<Tokio1Executor>::relay(&c.host).map_err(|e| e.to_string())?
        }
    };
    if let Some(p) = c.port {
        b = b.port(p);
    }
    if let (Some(u), Some(p)) = (&c.user, &c.password) {
        b = b.credentials(Credentials::new(u.clone(), p.clone()));
    }
    Ok(b.timeout(Some(std::time::Duration::from_secs(20))).build())
}

fn compose(state: &AppState, m: &OutgoingMail) -> Result<Message, String> {
    let from = m
        .from
        .as_deref()
        .ok_or("the tenant has no sender address")?;
    let from: Address = from.parse().map_err(|e| format!("sender: {e}"))?;
    let to: Address = m.to.parse().map_err(|e| format!("recipient: {e}"))?;
    let lang = Lang::parse(&m.lang).unwrap_or(Lang::Nb);
    let t = state.0.texts.get(lang);
    let link = format!("{}/s/{}", state.0.config.public_url, m.token);
    let deadline = m.closes_on.clone().unwrap_or_default();
    let args = [
        ("name", Arg::Str(&m.name)),
        ("tenant", Arg::Str(&m.tenant_name)),
        ("round", Arg::Str(&m.round_name)),
        ("link", Arg::Str(&link)),
        ("deadline", Arg::Str(&deadline)),
        (
            "has_deadline",
            Arg::Str(if deadline.is_empty() { "no" } else { "yes" }),
        ),
    ];
    let (subject, body) = match m.kind {
        MailKind::Invitation => ("web-mail-subject", "web-mail-body"),
        MailKind::Reminder => ("web-mail-reminder-subject", "web-mail-reminder-body"),
    };
    Message::builder()
        .from(Mailbox::new(Some(m.tenant_name.clone()), from))
        .to(Mailbox::new(Some(m.name.clone()), to))
        .subject(t.format(subject, &args))
        .header(ContentType::TEXT_PLAIN)
        .body(t.format(body, &args))
        .map_err(|e| e.to_string())
}

/// Sends every due mail once; returns (sent, not sent).
pub async fn run_mail_once(state: &AppState) -> (usize, usize) {
    let Some(cfg) = state.0.config.smtp.clone() else {
        return (0, 0);
    };
    let store = &state.0.store;
    let due = match store.due_mail(200).await {
        Ok(d) => d,
        Err(e) => {
            tracing::error!(error = %e, "reading the outbox failed");
            return (0, 0);
        }
    };
    if due.is_empty() {
        return (0, 0);
    }
    let transport = match transport(&cfg) {
        Ok(t) => t,
        Err(e) => {
            tracing::error!(error = %e, "SMTP configuration");
            return (0, due.len());
        }
    };
    let (mut sent, mut failed) = (0, 0);
    for m in due {
        let outcome = match compose(state, &m) {
            Err(e) => (MailStatus::Failed, Some(e)),
            Ok(msg) => match transport.send(msg).await {
                Ok(_) => (MailStatus::Sent, None),
                Err(e) if e.is_permanent() => (MailStatus::Bounced, Some(e.to_string())),
                Err(e) => (MailStatus::Failed, Some(e.to_string())),
            },
        };
        if outcome.0 == MailStatus::Sent {
            sent += 1;
            state.0.metrics.mail_sent.fetch_add(1, Ordering::Relaxed);
        } else {
            failed += 1;
            state.0.metrics.mail_failed.fetch_add(1, Ordering::Relaxed);
            // Never log the link: the error text has no token in it.
            tracing::warn!(mail = m.id, status = outcome.0.as_str(), error = ?outcome.1, "mail not delivered");
        }
        if let Err(e) = store.mark_mail(m.id, outcome.0, outcome.1.as_deref()).await {
            tracing::error!(error = %e, "recording mail status failed");
        }
    }
    (sent, failed)
}

/// Starts the background worker: every `mail_interval`, or at once when
/// mail is queued.
pub fn spawn_worker(state: AppState) {
    tokio::spawn(async move {
        loop {
            run_mail_once(&state).await;
            tokio::select! {
                _ = state.0.mail_wake.notified() => {}
                _ = tokio::time::sleep(state.0.config.mail_interval) => {}
            }
        }
    });
}
