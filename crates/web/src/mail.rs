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

use crate::{AppState, MailTransport};

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

/// A name as it may appear in a mail header: one line, no control or
/// invisible characters (the store refuses them in new names; this guards
/// rows written before it did), at most 200 characters.
fn header_name(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() || samspill_store::text::is_invisible(c) {
                ' '
            } else {
                c
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(200)
        .collect()
}

/// The subject and body of a message, in the recipient's language: the
/// greeting, why they were asked (their functions and unit, who drew up
/// the list), the personal link, the deadline in the language's words and
/// whom to contact ([`crate::invite`]).
pub fn compose(state: &AppState, m: &OutgoingMail) -> (String, String) {
    let lang = Lang::parse(&m.lang).unwrap_or(Lang::Nb);
    let t = state.texts(lang);
    let link = format!("{}/s/{}", state.config().public_url, m.token);
    let name = header_name(&m.name);
    let tenant = header_name(&m.tenant_name);
    let round = header_name(&m.round_name);
    let args = [
        ("name", Arg::Str(&name)),
        ("tenant", Arg::Str(&tenant)),
        ("round", Arg::Str(&round)),
        ("link", Arg::Str(&link)),
    ];
    let who = crate::invite::Invitee {
        tenant: &tenant,
        functions: &m.functions,
        unit: m.unit.as_deref(),
        contact: &m.contact,
        closes_on: m.closes_on.as_deref(),
    };
    let (subject, opening) = match m.kind {
        MailKind::Invitation => ("web-mail-subject", "everyday-mail-intro"),
        MailKind::Reminder => ("web-mail-reminder-subject", "everyday-mail-reminder-intro"),
    };
    let mut paragraphs = vec![
        t.format("everyday-mail-greeting", &args),
        format!("{} {}", t.format(opening, &args), who.why(t).join(" ")),
        // The link on a line of its own, so no mail encoding breaks it.
        format!("{}\n{link}", t.get("everyday-mail-link")),
        t.get("everyday-mail-pause"),
    ];
    paragraphs.extend(who.deadline(t));
    paragraphs.extend(who.contact(t));
    paragraphs.push(t.format("everyday-mail-thanks", &args));
    (
        header_name(&t.format(subject, &args)),
        paragraphs.join("\n\n"),
    )
}

/// Who a message is from and to.
pub(crate) struct Envelope<'a> {
    pub(crate) from: Option<&'a str>,
    pub(crate) to: &'a str,
    pub(crate) name: &'a str,
    pub(crate) tenant_name: &'a str,
}

impl<'a> Envelope<'a> {
    fn of(m: &'a OutgoingMail) -> Envelope<'a> {
        Envelope {
            from: m.from.as_deref(),
            to: &m.to,
            name: &m.name,
            tenant_name: &m.tenant_name,
        }
    }
}

/// Builds the SMTP message. Every header value is one line; an address
/// that does not parse is an error naming it (the message is marked failed
/// with that reason, shown to the coordinator).
pub(crate) fn message(m: &Envelope<'_>, subject: String, body: String) -> Result<Message, String> {
    let from = m
        .from
        .ok_or("the municipality has no sender address (Settings)")?;
    let from: Address = from
        .trim()
        .parse()
        .map_err(|e| format!("sender address {from:?}: {e}"))?;
    let to: Address =
        m.to.trim()
            .parse()
            .map_err(|e| format!("recipient address {:?}: {e}", m.to))?;
    Message::builder()
        .from(Mailbox::new(Some(header_name(m.tenant_name)), from))
        .to(Mailbox::new(Some(header_name(m.name)), to))
        .subject(subject)
        .header(ContentType::TEXT_PLAIN)
        .body(body)
        .map_err(|e| e.to_string())
}

/// Sends one composed message (or the reason it could not be composed)
/// over SMTP: the status to record and the reason when it was not
/// delivered. A permanent refusal, or a message that cannot be built, is a
/// bounce (not retried); anything else is retried.
pub(crate) async fn send_smtp(
    transport: &AsyncSmtpTransport<Tokio1Executor>,
    msg: Result<Message, String>,
) -> (MailStatus, Option<String>) {
    match msg {
        Ok(msg) => match transport.send(msg).await {
            Ok(_) => (MailStatus::Sent, None),
            Err(e) if e.is_permanent() => (MailStatus::Bounced, Some(e.to_string())),
            Err(e) => (MailStatus::Failed, Some(e.to_string())),
        },
        Err(e) => (MailStatus::Bounced, Some(e)),
    }
}

/// One message through the configured transport: the status to record and
/// the reason when it was not delivered. Never panics: a panic while
/// composing (a bug) marks the message failed with that reason.
async fn deliver(
    state: &AppState,
    smtp: Option<&AsyncSmtpTransport<Tokio1Executor>>,
    m: &OutgoingMail,
) -> (MailStatus, Option<String>) {
    let composed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let (subject, body) = compose(state, m);
        let msg = smtp.map(|_| message(&Envelope::of(m), subject.clone(), body.clone()));
        (subject, body, msg)
    }));
    let (subject, body, msg) = match composed {
        Ok(x) => x,
        Err(_) => {
            tracing::error!(mail = m.id, "composing a message panicked");
            return (
                MailStatus::Failed,
                Some("the message could not be composed".into()),
            );
        }
    };
    match (smtp, msg) {
        (Some(transport), Some(msg)) => send_smtp(transport, msg).await,
        _ => match state.store().deliver_to_outbox(m, &subject, &body).await {
            Ok(()) => (MailStatus::Sent, None),
            Err(e) => (MailStatus::Failed, Some(e.to_string())),
        },
    }
}

/// Sends every due mail once (claimed for this instance, so two instances
/// never send the same message); returns (sent, not sent).
pub async fn run_mail_once(state: &AppState) -> (usize, usize) {
    let transport = match &state.config().mail {
        MailTransport::None => return (0, 0),
        MailTransport::Outbox => None,
        MailTransport::Smtp(cfg) => match transport(cfg) {
            Ok(t) => Some(t),
            Err(e) => {
                tracing::error!(error = %e, "SMTP configuration");
                return (0, 0);
            }
        },
    };
    let store = state.store();
    let due = match store.claim_mail(200, 600).await {
        Ok(d) => d,
        Err(e) => {
            tracing::error!(error = %e, "reading the outbox failed");
            return (0, 0);
        }
    };
    let (mut sent, mut failed) = (0, 0);
    for m in due {
        let (status, error) = deliver(state, transport.as_ref(), &m).await;
        if status == MailStatus::Sent {
            sent += 1;
            state.metrics().mail_sent.fetch_add(1, Ordering::Relaxed);
            if transport.is_none() {
                // The outbox transport recorded the delivery itself.
                continue;
            }
        } else {
            failed += 1;
            state.metrics().mail_failed.fetch_add(1, Ordering::Relaxed);
            // Never log the link: the error text has no token in it.
            tracing::warn!(mail = m.id, status = status.as_str(), error = ?error, "mail not delivered");
        }
        if let Err(e) = store.mark_mail(m.id, status, error.as_deref()).await {
            tracing::error!(error = %e, "recording mail status failed");
        }
    }
    // Account mail, retention warnings and notices (issue 16).
    let (s2, f2) = crate::account::send_service_mail(state, transport.as_ref()).await;
    (sent + s2, failed + f2)
}

/// Sends one test message to `to` through the configured SMTP server and
/// returns what the server answered (for `samspill admin mail-test`).
pub async fn send_test_mail(
    config: &crate::Config,
    from: &str,
    to: &str,
) -> Result<String, String> {
    let Some(cfg) = config.smtp() else {
        return Err("no SMTP server is configured (mail.host)".into());
    };
    let t = transport(cfg)?;
    let from: Address = from.parse().map_err(|e| format!("sender {from:?}: {e}"))?;
    let to_addr: Address = to.parse().map_err(|e| format!("recipient {to:?}: {e}"))?;
    let msg = Message::builder()
        .from(Mailbox::new(Some("samspill".into()), from))
        .to(Mailbox::new(None, to_addr))
        .subject("samspill: test message")
        .header(ContentType::TEXT_PLAIN)
        .body("This message was sent by `samspill admin mail-test`.\n".to_string())
        .map_err(|e| e.to_string())?;
    match t.send(msg).await {
        Ok(r) => Ok(format!(
            "{} {}",
            r.code(),
            r.message().collect::<Vec<_>>().join(" ")
        )),
        Err(e) => Err(e.to_string()),
    }
}

/// Starts the background worker: every `mail_interval`, or at once when
/// mail is queued. Supervised: if a pass panics (a bug), the panic is
/// logged and the worker goes on; a message that caused it has already
/// been marked failed by [`deliver`].
pub fn spawn_worker(state: AppState) {
    tokio::spawn(async move {
        loop {
            let s = state.clone();
            if let Err(e) = tokio::spawn(async move { run_mail_once(&s).await }).await {
                tracing::error!(error = %e, "the mail worker's pass failed; going on");
            }
            tokio::select! {
                _ = state.0.mail_wake.notified() => {}
                _ = tokio::time::sleep(state.config().mail_interval) => {}
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(name: &'a str, to: &'a str, from: Option<&'a str>) -> Envelope<'a> {
        Envelope {
            from,
            to,
            name,
            tenant_name: "Oppdal\nkommune",
        }
    }

    #[test]
    fn names_with_line_breaks_make_one_line_headers() {
        assert_eq!(header_name("Kari\r\nBcc: x@y.no"), "Kari Bcc: x@y.no");
        assert_eq!(header_name("Ka\u{200B}ri\u{202E}"), "Ka ri");
        assert_eq!(header_name(&"x".repeat(500)).len(), 200);
        let e = env(
            "Kari\r\nBcc: alle@k.example",
            "kari@k.example",
            Some("s@k.example"),
        );
        let msg = message(&e, header_name("Emne\r\nBcc: x"), "Brødtekst".into())
            .expect("a message despite the names");
        let text = String::from_utf8(msg.formatted()).unwrap();
        let headers = text.split("\r\n\r\n").next().unwrap();
        assert!(!headers.contains("\r\nBcc:"), "{headers}");
        assert!(headers.contains("To: "));
    }

    #[test]
    fn an_address_that_does_not_parse_is_a_reason_not_a_panic() {
        let err = message(
            &env("Kari", "not an address", Some("s@k.example")),
            "s".into(),
            "b".into(),
        )
        .unwrap_err();
        assert!(err.contains("recipient address"), "{err}");
        let err =
            message(&env("Kari", "kari@k.example", None), "s".into(), "b".into()).unwrap_err();
        assert!(err.contains("sender"), "{err}");
    }
}
