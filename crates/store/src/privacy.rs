//! The data subject's rights and the tenant's privacy duties (issue 16):
//! the information respondents get, what samspill holds about one person
//! (access), erasure, rectification, retention, and notices to people who
//! appear only through others' reports (GDPR art. 14).
//!
//! ## The erasure rule
//! Erasing a person ([`Tenant::erase_person`]) removes them **from every
//! round, frozen ones included, as if they had never been on its roster**:
//! their roster entry and functions, their invitations with every answer
//! they gave and the coordinator's reviews of those answers, the mail sent
//! to them, the notices queued for them, and **every tie others reported
//! with them** (the reporters' other answers stay exactly as they were).
//! Their full name, where others wrote it in an open answer or a review,
//! is replaced by `[…]`; nothing else of another person's answer changes.
//! In a round already reduced by retention, their node and its ties are
//! removed from the pseudonymised network; that network's ratings are not
//! linked to anyone and stay. Their pseudonym is retired, never given to
//! anyone else. Each round they were removed from records when and how
//! much was removed ([`RoundPrivacy::erasures`]), which the report's method
//! chapter states, and its data version changes so that every report is
//! made again. The audit row names the person by id only.
//!
//! ## Retention
//! A tenant may set that a round's answers and identifying data go
//! `months` after the round closed ([`PrivacySettings::retention_months`]):
//! either **reduced** to the pseudonymised network (ties with their
//! frequencies, functions, levels, who answered, political contacts and
//! the ratings, kept under the stable person ids; names, e-mails, units,
//! open answers, reviews, mail and the invitations are deleted), or
//! **deleted** altogether (the round keeps only its name, dates and
//! wording). [`Store::run_retention`] does it at a given time (the
//! scheduler passes the clock), warns the tenant's coordinators
//! [`WARN_DAYS`] days before by e-mail, and writes what it did to the audit
//! log.

use std::collections::{BTreeMap, HashMap, HashSet};

use samspill_engine::model::{Network, Person};
use samspill_engine::survey::{PoliticalContacts, RatingAnswers};
use serde::{Deserialize, Serialize};
use sqlx::Row;

use crate::NewServiceMail;
use crate::tenant::{Snapshot, Tenant, opt_text, valid_email};
use crate::*;

/// Days before a round's retention date that its coordinators are warned.
pub const WARN_DAYS: i64 = 30;
/// The longest retention a tenant may set (10 years).
pub const MAX_RETENTION_MONTHS: u32 = 120;
/// What replaces an erased person's name in others' free text.
pub const REDACTED: &str = "[…]";

/// What happens to a round when its retention time is out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum RetentionMode {
    /// Keep the pseudonymised network, delete the rest.
    #[default]
    Reduce,
    /// Delete every answer.
    Delete,
}

impl RetentionMode {
    /// Machine name.
    pub fn as_str(self) -> &'static str {
        match self {
            RetentionMode::Reduce => "reduce",
            RetentionMode::Delete => "delete",
        }
    }
    /// Parses the machine name.
    pub fn parse(s: &str) -> Option<RetentionMode> {
        match s {
            "reduce" => Some(RetentionMode::Reduce),
            "delete" => Some(RetentionMode::Delete),
            _ => None,
        }
    }
}

/// A tenant's privacy settings: what respondents are told, and the rules
/// samspill applies.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct PrivacySettings {
    /// The controller (default: the tenant's name).
    pub controller: Option<String>,
    /// The data protection officer's name.
    pub dpo_name: Option<String>,
    /// How to reach the data protection officer (e-mail, phone).
    pub dpo_contact: Option<String>,
    /// The purpose, in the tenant's words (default: the standard text).
    pub purpose: Option<String>,
    /// The legal basis (default: the standard text, GDPR art. 6(1)(e)).
    pub legal_basis: Option<String>,
    /// Who receives the results.
    pub recipients: Option<String>,
    /// Processors (hosting, mail), as the tenant's agreements name them.
    pub processors: Option<String>,
    /// Months after closing until a round is reduced or deleted (`None`:
    /// kept until the coordinator acts).
    pub retention_months: Option<u32>,
    /// What retention does.
    pub retention_mode: RetentionMode,
    /// Whether the tenant's users must use TOTP with passwords.
    pub require_totp: bool,
}

/// A round's own information texts (empty: the tenant's).
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct RoundNotice {
    /// Purpose.
    pub purpose: Option<String>,
    /// Legal basis.
    pub legal_basis: Option<String>,
    /// Recipients.
    pub recipients: Option<String>,
}

/// A round's retention status.
#[derive(Debug, Clone, Serialize)]
pub struct RoundRetention {
    /// The round.
    pub round: RoundId,
    /// Its name.
    pub name: String,
    /// Closed (Unix seconds).
    pub closed_at: i64,
    /// The day its retention time is out (`YYYY-MM-DD`), if a rule is set.
    pub due: Option<String>,
    /// Within [`WARN_DAYS`] of the due day and not done yet.
    pub soon: bool,
    /// `reduced` or `deleted` once done.
    pub state: Option<String>,
    /// When it was done (Unix seconds).
    pub done_at: Option<i64>,
}

/// One erasure as a round records it (no one is named).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RoundErasure {
    /// When (Unix seconds).
    pub at: i64,
    /// Whether the person had answered.
    pub responded: bool,
    /// Their own answers removed (rows).
    pub own_answers: i64,
    /// Ties others had reported with them, removed.
    pub reported_ties: i64,
}

/// What a round's results must say about privacy actions on its data.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RoundPrivacy {
    /// People erased from the round.
    pub erasures: Vec<RoundErasure>,
    /// `reduced` or `deleted` by retention.
    pub retention: Option<String>,
    /// When retention acted.
    pub retention_at: Option<i64>,
    /// Changes with every erasure, rectification and retention (part of a
    /// rendering's cache key).
    pub version: i64,
}

/// The pseudonymised network a reduced round keeps.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Archive {
    pub network: Network,
    pub political: PoliticalContacts,
    pub ratings: Vec<RatingAnswers>,
}

/// One of the person's contacts as they reported it.
#[derive(Debug, Clone, Serialize)]
pub struct OwnContact {
    /// `contact` or `advice`.
    pub relation: String,
    /// The other person's name (as frozen with the round).
    pub name: String,
    /// `daily`, `weekly`, `monthly`, `rarer` (none: not given yet).
    pub frequency: Option<String>,
}

/// One of the person's rounds.
#[derive(Debug, Clone, Serialize)]
pub struct PersonRound {
    /// The round.
    pub round: RoundId,
    /// Its name.
    pub name: String,
    /// `draft`, `open`, `closed`.
    pub status: String,
    /// Invited (Unix seconds).
    pub invited_at: i64,
    /// First opened the link.
    pub first_seen_at: Option<i64>,
    /// Submitted.
    pub submitted_at: Option<i64>,
    /// The name, e-mail, unit, level and functions frozen with the round.
    pub frozen_as: Option<PersonEntry>,
    /// Contacts they reported.
    pub contacts: Vec<OwnContact>,
    /// Political contact they reported: (body, type).
    pub political: Vec<(String, String)>,
    /// Ratings they gave: (question, value; 0 = «vet ikke»).
    pub ratings: Vec<(String, i64)>,
    /// Open answers they wrote: (question, text, the reviewed text quoted
    /// in reports if any).
    pub open: Vec<(String, String, Option<String>)>,
    /// What others reported about them: (relation, frequency, how many
    /// people). The reporters are not named: their answers are their own
    /// personal data.
    pub reported_by_others: Vec<(String, String, i64)>,
    /// Mail sent to them for this round: (kind, status, sent).
    pub mail: Vec<(String, String, Option<i64>)>,
    /// When an art. 14 notice was queued for them.
    pub notice_at: Option<i64>,
}

/// A person's roster data.
#[derive(Debug, Clone, Serialize)]
pub struct PersonEntry {
    /// Name.
    pub name: String,
    /// E-mail.
    pub email: String,
    /// Unit.
    pub unit: Option<String>,
    /// Level.
    pub level: Option<String>,
    /// Functions, primary first.
    pub functions: Vec<String>,
}

/// Everything the store holds about one person (GDPR art. 15).
#[derive(Debug, Clone, Serialize)]
pub struct PersonData {
    /// The person's stable id.
    pub id: PersonId,
    /// The roster entry.
    pub roster: PersonEntry,
    /// On the current roster.
    pub active: bool,
    /// Added (Unix seconds).
    pub created_at: i64,
    /// Their pseudonyms in reports: (function, number), one per function
    /// they were numbered under.
    pub pseudonyms: Vec<Pseudonym>,
    /// Every round they were invited to.
    pub rounds: Vec<PersonRound>,
    /// Rounds reduced by retention in which they still appear as a
    /// pseudonymised node.
    pub reduced_rounds: Vec<(RoundId, String)>,
    /// Changes to their roster entry (audit rows: who, what, when).
    pub changes: Vec<AuditEntry>,
}

/// What an erasure removed.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct ErasureSummary {
    /// Rounds the person was removed from.
    pub rounds: usize,
    /// Their own answer rows removed.
    pub own_answers: i64,
    /// Ties others had reported with them, removed.
    pub reported_ties: i64,
    /// Places in others' free text where their name was replaced.
    pub redacted: i64,
}

/// Someone who did not answer a round but appears in it through others'
/// reports (art. 14).
#[derive(Debug, Clone, Serialize)]
pub struct NoticeCandidate {
    /// The person.
    pub person: PersonId,
    /// Name.
    pub name: String,
    /// E-mail.
    pub email: String,
    /// How many respondents reported a contact with them.
    pub reported_by: i64,
    /// When a notice was queued (Unix seconds), if one was.
    pub noticed_at: Option<i64>,
}

/// What a retention pass did.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct RetentionReport {
    /// Rounds whose coordinators were warned.
    pub warned: usize,
    /// Rounds reduced to the pseudonymised network.
    pub reduced: usize,
    /// Rounds whose answers were deleted.
    pub deleted: usize,
}

// ------------------------------------------------------------------ dates

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    // Howard Hinnant's days-from-civil algorithm.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// `t` plus `months` calendar months (the day clamped to the month's
/// length: 31 January + 1 month = 28/29 February), same time of day.
pub fn add_months(t: i64, months: u32) -> i64 {
    let date = date_of(t);
    let (y, m, d) = (
        date[0..4].parse::<i64>().unwrap_or(1970),
        date[5..7].parse::<i64>().unwrap_or(1),
        date[8..10].parse::<i64>().unwrap_or(1),
    );
    let total = y * 12 + (m - 1) + i64::from(months);
    let (ny, nm) = (total.div_euclid(12), total.rem_euclid(12) + 1);
    let nd = d.min(days_in_month(ny, nm));
    days_from_civil(ny, nm, nd) * 86_400 + t.rem_euclid(86_400)
}

// ----------------------------------------------------------------- helpers

fn opt_line(field: &str, v: &Option<String>, max: usize) -> Result<Option<String>> {
    let v = opt_text(v);
    if let Some(x) = &v {
        check_text(field, x, max)?;
    }
    Ok(v)
}

/// Replaces whole-word, case-insensitive occurrences of `name` in `text`
/// by [`REDACTED`]; returns the new text and how many were replaced.
pub fn redact_name(text: &str, name: &str) -> (String, i64) {
    let name = name.trim();
    if name.chars().count() < 2 {
        return (text.to_string(), 0);
    }
    let lower_text: Vec<char> = text.chars().flat_map(char::to_lowercase).collect();
    let original: Vec<char> = text.chars().collect();
    // Lower-casing may change the length of a few characters; fall back
    // to an exact search then.
    let (hay, pat): (Vec<char>, Vec<char>) = if lower_text.len() == original.len() {
        (
            lower_text,
            name.chars().flat_map(char::to_lowercase).collect(),
        )
    } else {
        (original.clone(), name.chars().collect())
    };
    let mut out = String::new();
    let mut n = 0;
    let mut i = 0;
    while i < hay.len() {
        let fits = i + pat.len() <= hay.len() && hay[i..i + pat.len()] == pat[..];
        let before_ok = i == 0 || !hay[i - 1].is_alphanumeric();
        let after_ok = i + pat.len() >= hay.len() || !hay[i + pat.len()].is_alphanumeric();
        if fits && before_ok && after_ok {
            out.push_str(REDACTED);
            n += 1;
            i += pat.len();
        } else {
            out.push(original[i]);
            i += 1;
        }
    }
    (out, n)
}

impl Archive {
    /// Removes one person (by stable id) with their ties and political
    /// contacts; `None` if they are not in it.
    fn without(mut self, person: &str) -> Option<(Archive, i64)> {
        let idx = self.network.people.iter().position(|p| p.id == person)?;
        self.network.people.remove(idx);
        let mut removed = 0;
        let shift = |i: usize| if i > idx { i - 1 } else { i };
        for rel in &mut self.network.relations {
            let before = rel.ties.len();
            rel.ties.retain(|t| t.source != idx && t.target != idx);
            removed += (before - rel.ties.len()) as i64;
            for t in &mut rel.ties {
                t.source = shift(t.source);
                t.target = shift(t.target);
            }
        }
        self.political.contacts.retain(|c| c.0 != idx);
        for c in &mut self.political.contacts {
            c.0 = shift(c.0);
        }
        Some((self, removed))
    }
}

impl Tenant {
    // -------------------------------------------------------------- settings

    /// The tenant's privacy settings (defaults until saved).
    pub async fn privacy_settings(&self) -> Result<PrivacySettings> {
        let row = sqlx::query("SELECT controller, dpo_name, dpo_contact, purpose, legal_basis, recipients, processors, retention_months, retention_mode, require_totp FROM tenant_privacy WHERE tenant_id = $1")
            .bind(self.id.0)
            .fetch_optional(self.pool())
            .await?;
        let Some(r) = row else {
            return Ok(PrivacySettings::default());
        };
        Ok(PrivacySettings {
            controller: r.try_get("controller")?,
            dpo_name: r.try_get("dpo_name")?,
            dpo_contact: r.try_get("dpo_contact")?,
            purpose: r.try_get("purpose")?,
            legal_basis: r.try_get("legal_basis")?,
            recipients: r.try_get("recipients")?,
            processors: r.try_get("processors")?,
            retention_months: r
                .try_get::<Option<i64>, _>("retention_months")?
                .map(|m| m as u32),
            retention_mode: RetentionMode::parse(&r.try_get::<String, _>("retention_mode")?)
                .unwrap_or_default(),
            require_totp: r.try_get::<i64, _>("require_totp")? != 0,
        })
    }

    /// Saves the privacy settings. `Invalid(field)` names a field that is
    /// too long, has control characters, or a retention out of 1–120
    /// months.
    pub async fn set_privacy_settings(&self, s: &PrivacySettings) -> Result<()> {
        let controller = opt_line("controller", &s.controller, 200)?;
        let dpo_name = opt_line("dpo_name", &s.dpo_name, 200)?;
        let dpo_contact = opt_line("dpo_contact", &s.dpo_contact, 300)?;
        let purpose = opt_line("purpose", &s.purpose, 2000)?;
        let legal_basis = opt_line("legal_basis", &s.legal_basis, 2000)?;
        let recipients = opt_line("recipients", &s.recipients, 2000)?;
        let processors = opt_line("processors", &s.processors, 2000)?;
        for (f, v) in [("controller", &controller), ("dpo_name", &dpo_name)] {
            if let Some(v) = v {
                check_line(f, v, 200)?;
            }
        }
        if let Some(m) = s.retention_months
            && !(1..=MAX_RETENTION_MONTHS).contains(&m)
        {
            return Err(StoreError::Invalid("retention_months".into()));
        }
        let mut tx = self.store.begin_write().await?;
        sqlx::query("DELETE FROM tenant_privacy WHERE tenant_id = $1")
            .bind(self.id.0)
            .execute(&mut *tx)
            .await?;
        sqlx::query("INSERT INTO tenant_privacy (tenant_id, controller, dpo_name, dpo_contact, purpose, legal_basis, recipients, processors, retention_months, retention_mode, require_totp, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)")
            .bind(self.id.0)
            .bind(controller)
            .bind(dpo_name)
            .bind(dpo_contact)
            .bind(purpose)
            .bind(legal_basis)
            .bind(recipients)
            .bind(processors)
            .bind(s.retention_months.map(i64::from))
            .bind(s.retention_mode.as_str())
            .bind(s.require_totp as i64)
            .bind(now())
            .execute(&mut *tx)
            .await?;
        self.audit_in(
            &mut tx,
            "privacy.settings",
            &format!(
                "retention {} {}, totp {}",
                s.retention_months
                    .map(|m| m.to_string())
                    .unwrap_or("-".into()),
                s.retention_mode.as_str(),
                s.require_totp
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// A round's own information texts.
    pub async fn round_notice(&self, round: RoundId) -> Result<RoundNotice> {
        self.round(round).await?;
        let row = sqlx::query("SELECT purpose, legal_basis, recipients FROM round_notices WHERE round_id = $1 AND tenant_id = $2")
            .bind(round.0)
            .bind(self.id.0)
            .fetch_optional(self.pool())
            .await?;
        Ok(match row {
            None => RoundNotice::default(),
            Some(r) => RoundNotice {
                purpose: r.try_get("purpose")?,
                legal_basis: r.try_get("legal_basis")?,
                recipients: r.try_get("recipients")?,
            },
        })
    }

    /// Sets a round's own information texts (until it closes: respondents
    /// answered under the texts they were shown).
    pub async fn set_round_notice(&self, round: RoundId, n: &RoundNotice) -> Result<()> {
        let purpose = opt_line("purpose", &n.purpose, 2000)?;
        let legal_basis = opt_line("legal_basis", &n.legal_basis, 2000)?;
        let recipients = opt_line("recipients", &n.recipients, 2000)?;
        let mut tx = self.store.begin_write().await?;
        self.guard_round(&mut tx, round).await?;
        sqlx::query("DELETE FROM round_notices WHERE round_id = $1 AND tenant_id = $2")
            .bind(round.0)
            .bind(self.id.0)
            .execute(&mut *tx)
            .await?;
        sqlx::query("INSERT INTO round_notices (tenant_id, round_id, purpose, legal_basis, recipients, updated_at) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(self.id.0)
            .bind(round.0)
            .bind(purpose)
            .bind(legal_basis)
            .bind(recipients)
            .bind(now())
            .execute(&mut *tx)
            .await?;
        self.audit_in(&mut tx, "round.notice", &format!("round {round}"))
            .await?;
        tx.commit().await?;
        Ok(())
    }

    // ------------------------------------------------------------- retention

    /// The day a round closed at `closed_at` is due under the settings.
    pub fn retention_due(settings: &PrivacySettings, closed_at: i64) -> Option<i64> {
        settings.retention_months.map(|m| add_months(closed_at, m))
    }

    /// Every closed round with its retention date and state, at time `at`.
    pub async fn retention_overview(&self, at: i64) -> Result<Vec<RoundRetention>> {
        let settings = self.privacy_settings().await?;
        let rows = sqlx::query("SELECT id, name, closed_at, retention_state, retention_at FROM rounds WHERE tenant_id = $1 AND status = 'closed' ORDER BY closed_at")
            .bind(self.id.0)
            .fetch_all(self.pool())
            .await?;
        rows.iter()
            .map(|r| {
                let closed_at: i64 = r.try_get::<Option<i64>, _>("closed_at")?.unwrap_or(0);
                let state: Option<String> = r.try_get("retention_state")?;
                let due = Self::retention_due(&settings, closed_at);
                Ok(RoundRetention {
                    round: RoundId(r.try_get("id")?),
                    name: r.try_get("name")?,
                    closed_at,
                    due: due.map(date_of),
                    soon: state.is_none() && due.is_some_and(|d| d - WARN_DAYS * 86_400 <= at),
                    state,
                    done_at: r.try_get("retention_at")?,
                })
            })
            .collect()
    }

    /// What a round's results must say about privacy actions on its data.
    pub async fn round_privacy(&self, round: RoundId) -> Result<RoundPrivacy> {
        let r = sqlx::query("SELECT retention_state, retention_at, data_version FROM rounds WHERE id = $1 AND tenant_id = $2")
            .bind(round.0)
            .bind(self.id.0)
            .fetch_optional(self.pool())
            .await?
            .ok_or(StoreError::NotFound)?;
        let rows = sqlx::query("SELECT at, responded, own_answers, reported_ties FROM round_erasures WHERE round_id = $1 AND tenant_id = $2 ORDER BY id")
            .bind(round.0)
            .bind(self.id.0)
            .fetch_all(self.pool())
            .await?;
        Ok(RoundPrivacy {
            erasures: rows
                .iter()
                .map(|e| {
                    Ok(RoundErasure {
                        at: e.try_get("at")?,
                        responded: e.try_get::<i64, _>("responded")? != 0,
                        own_answers: e.try_get("own_answers")?,
                        reported_ties: e.try_get("reported_ties")?,
                    })
                })
                .collect::<Result<_>>()?,
            retention: r.try_get("retention_state")?,
            retention_at: r.try_get("retention_at")?,
            version: r.try_get("data_version")?,
        })
    }

    /// The pseudonymised network of a reduced round (`None` if the round
    /// is not reduced; `Purged` if its answers were deleted).
    pub(crate) async fn archived_network(&self, round: RoundId) -> Result<Option<RoundNetwork>> {
        let r = sqlx::query("SELECT retention_state FROM rounds WHERE id = $1 AND tenant_id = $2")
            .bind(round.0)
            .bind(self.id.0)
            .fetch_optional(self.pool())
            .await?
            .ok_or(StoreError::NotFound)?;
        match r
            .try_get::<Option<String>, _>("retention_state")?
            .as_deref()
        {
            None => Ok(None),
            Some("deleted") => Err(StoreError::Purged),
            Some(_) => {
                let a = sqlx::query(
                    "SELECT network FROM round_archives WHERE round_id = $1 AND tenant_id = $2",
                )
                .bind(round.0)
                .bind(self.id.0)
                .fetch_one(self.pool())
                .await?;
                let a: Archive = serde_json::from_str(&a.try_get::<String, _>("network")?)
                    .map_err(|e| StoreError::Invalid(format!("archive: {e}")))?;
                Ok(Some(RoundNetwork {
                    network: a.network,
                    political: a.political,
                    ratings: a.ratings,
                    open_answers: Vec::new(),
                }))
            }
        }
    }

    /// Deletes everything of a round that links answers to people: mail,
    /// notices, reviews, answers and invitations (inside `tx`).
    async fn delete_round_answers(
        &self,
        tx: &mut sqlx::AnyConnection,
        round: RoundId,
    ) -> Result<i64> {
        let inv = "SELECT id FROM invitations WHERE round_id = $1 AND tenant_id = $2";
        sqlx::query(sqlx::AssertSqlSafe(format!("DELETE FROM delivered_mail WHERE tenant_id = $2 AND outbox_id IN (SELECT id FROM mail_outbox WHERE tenant_id = $2 AND invitation_id IN ({inv}))")))
            .bind(round.0)
            .bind(self.id.0)
            .execute(&mut *tx)
            .await?;
        let mut rows = 0;
        for table in [
            "mail_outbox",
            "open_answer_reviews",
            "open_answers",
            "rating_answers",
            "political_answers",
            "contact_answers",
        ] {
            rows += sqlx::query(sqlx::AssertSqlSafe(format!(
                "DELETE FROM {table} WHERE tenant_id = $2 AND invitation_id IN ({inv})"
            )))
            .bind(round.0)
            .bind(self.id.0)
            .execute(&mut *tx)
            .await?
            .rows_affected() as i64;
        }
        sqlx::query("DELETE FROM privacy_notices WHERE round_id = $1 AND tenant_id = $2")
            .bind(round.0)
            .bind(self.id.0)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM invitations WHERE round_id = $1 AND tenant_id = $2")
            .bind(round.0)
            .bind(self.id.0)
            .execute(&mut *tx)
            .await?;
        Ok(rows)
    }

    /// Applies retention to one closed round at time `at`.
    async fn apply_retention(&self, round: RoundId, mode: RetentionMode, at: i64) -> Result<()> {
        let archive = match mode {
            RetentionMode::Reduce => {
                let net = self.round_network(round).await?;
                let mut network = net.network;
                for p in &mut network.people {
                    *p = Person {
                        functions: std::mem::take(&mut p.functions),
                        level: p.level,
                        responded: p.responded,
                        ..Person::new(p.id.clone(), String::new())
                    };
                }
                Some(Archive {
                    network,
                    political: net.political,
                    ratings: net.ratings,
                })
            }
            RetentionMode::Delete => None,
        };
        let mut tx = self.store.begin_write().await?;
        let claimed = sqlx::query("UPDATE rounds SET retention_state = $1, retention_at = $2, data_version = data_version + 1 WHERE id = $3 AND tenant_id = $4 AND status = 'closed' AND retention_state IS NULL")
            .bind(match mode {
                RetentionMode::Reduce => "reduced",
                RetentionMode::Delete => "deleted",
            })
            .bind(at)
            .bind(round.0)
            .bind(self.id.0)
            .execute(&mut *tx)
            .await?;
        if claimed.rows_affected() == 0 {
            return Ok(());
        }
        let people = archive
            .as_ref()
            .map(|a| a.network.people.len())
            .unwrap_or(0);
        let ties: usize = archive
            .as_ref()
            .map(|a| a.network.relations.iter().map(|r| r.ties.len()).sum())
            .unwrap_or(0);
        if let Some(a) = &archive {
            sqlx::query("INSERT INTO round_archives (tenant_id, round_id, network, created_at) VALUES ($1, $2, $3, $4)")
                .bind(self.id.0)
                .bind(round.0)
                .bind(serde_json::to_string(a).map_err(|e| StoreError::Invalid(e.to_string()))?)
                .bind(at)
                .execute(&mut *tx)
                .await?;
        }
        let rows = self.delete_round_answers(&mut tx, round).await?;
        let detail = match mode {
            RetentionMode::Reduce => format!(
                "round {round}: reduced to the pseudonymised network ({people} people, {ties} ties kept); {rows} answer and mail rows, names, e-mails, units and open answers deleted"
            ),
            RetentionMode::Delete => format!("round {round}: {rows} answer and mail rows deleted"),
        };
        self.audit_in(&mut tx, &format!("retention.{}", mode.as_str()), &detail)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    // ------------------------------------------------------------- a person

    /// Everything the store holds about one person (GDPR art. 15).
    pub async fn person_data(&self, person: PersonId) -> Result<PersonData> {
        let p = self.person(person).await?;
        let created: i64 =
            sqlx::query("SELECT created_at FROM persons WHERE id = $1 AND tenant_id = $2")
                .bind(person.0)
                .bind(self.id.0)
                .fetch_one(self.pool())
                .await?
                .try_get("created_at")?;
        let pseudonyms: Vec<Pseudonym> = self
            .pseudonyms()
            .await?
            .into_iter()
            .filter(|(p, _)| *p == person)
            .map(|(_, ps)| ps)
            .collect();
        let invs = sqlx::query("SELECT i.id, i.round_id, i.created_at, i.first_seen_at, i.submitted_at, i.snapshot, r.name, r.status FROM invitations i JOIN rounds r ON r.id = i.round_id AND r.tenant_id = i.tenant_id WHERE i.person_id = $1 AND i.tenant_id = $2 ORDER BY i.round_id")
            .bind(person.0)
            .bind(self.id.0)
            .fetch_all(self.pool())
            .await?;
        // Names of everyone as frozen per round (for own contacts).
        let mut rounds = Vec::new();
        for i in &invs {
            let inv: i64 = i.try_get("id")?;
            let round = RoundId(i.try_get("round_id")?);
            let names: HashMap<i64, String> = self
                .participants(round)
                .await?
                .into_iter()
                .map(|x| (x.person, x.snap.name))
                .collect();
            let frozen_as = i
                .try_get::<Option<String>, _>("snapshot")?
                .and_then(|s| serde_json::from_str::<Snapshot>(&s).ok())
                .map(|s| PersonEntry {
                    name: s.name,
                    email: s.email,
                    unit: s.unit,
                    level: s.level.map(|l| l.as_str().to_string()),
                    functions: s.functions,
                });
            let contacts = sqlx::query("SELECT relation, alter_id, frequency FROM contact_answers WHERE invitation_id = $1 AND tenant_id = $2 ORDER BY relation, alter_id")
                .bind(inv)
                .bind(self.id.0)
                .fetch_all(self.pool())
                .await?
                .iter()
                .map(|c| {
                    let alter: i64 = c.try_get("alter_id")?;
                    Ok(OwnContact {
                        relation: c.try_get("relation")?,
                        name: names.get(&alter).cloned().unwrap_or_default(),
                        frequency: c.try_get("frequency")?,
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            let political = sqlx::query("SELECT b.name, a.contact_type FROM political_answers a JOIN political_bodies b ON b.id = a.body_id AND b.tenant_id = a.tenant_id WHERE a.invitation_id = $1 AND a.tenant_id = $2 ORDER BY b.position, a.contact_type")
                .bind(inv)
                .bind(self.id.0)
                .fetch_all(self.pool())
                .await?
                .iter()
                .map(|r| Ok((r.try_get("name")?, r.try_get("contact_type")?)))
                .collect::<Result<Vec<_>>>()?;
            let ratings = sqlx::query("SELECT question, value FROM rating_answers WHERE invitation_id = $1 AND tenant_id = $2 ORDER BY question")
                .bind(inv)
                .bind(self.id.0)
                .fetch_all(self.pool())
                .await?
                .iter()
                .map(|r| Ok((r.try_get("question")?, r.try_get("value")?)))
                .collect::<Result<Vec<_>>>()?;
            let open = sqlx::query("SELECT a.question, a.text, v.text AS rtext, v.quote FROM open_answers a LEFT JOIN open_answer_reviews v ON v.invitation_id = a.invitation_id AND v.question = a.question AND v.tenant_id = a.tenant_id WHERE a.invitation_id = $1 AND a.tenant_id = $2 ORDER BY a.question")
                .bind(inv)
                .bind(self.id.0)
                .fetch_all(self.pool())
                .await?
                .iter()
                .map(|r| {
                    let quoted = match r.try_get::<Option<i64>, _>("quote")? {
                        Some(1) => r.try_get("rtext")?,
                        _ => None,
                    };
                    Ok((r.try_get("question")?, r.try_get("text")?, quoted))
                })
                .collect::<Result<Vec<_>>>()?;
            let reported_by_others = sqlx::query("SELECT c.relation, COALESCE(c.frequency, 'rarer') AS f, COUNT(*) AS n FROM contact_answers c JOIN invitations i ON i.id = c.invitation_id AND i.tenant_id = c.tenant_id WHERE c.alter_id = $1 AND c.tenant_id = $2 AND i.round_id = $3 GROUP BY c.relation, COALESCE(c.frequency, 'rarer') ORDER BY c.relation, f")
                .bind(person.0)
                .bind(self.id.0)
                .bind(round.0)
                .fetch_all(self.pool())
                .await?
                .iter()
                .map(|r| Ok((r.try_get("relation")?, r.try_get("f")?, r.try_get("n")?)))
                .collect::<Result<Vec<_>>>()?;
            let mail = sqlx::query("SELECT kind, status, sent_at FROM mail_outbox WHERE invitation_id = $1 AND tenant_id = $2 ORDER BY id")
                .bind(inv)
                .bind(self.id.0)
                .fetch_all(self.pool())
                .await?
                .iter()
                .map(|r| Ok((r.try_get("kind")?, r.try_get("status")?, r.try_get("sent_at")?)))
                .collect::<Result<Vec<_>>>()?;
            let notice_at = sqlx::query("SELECT queued_at FROM privacy_notices WHERE round_id = $1 AND person_id = $2 AND tenant_id = $3")
                .bind(round.0)
                .bind(person.0)
                .bind(self.id.0)
                .fetch_optional(self.pool())
                .await?
                .map(|r| r.try_get::<i64, _>("queued_at"))
                .transpose()?;
            rounds.push(PersonRound {
                round,
                name: i.try_get("name")?,
                status: i.try_get("status")?,
                invited_at: i.try_get("created_at")?,
                first_seen_at: i.try_get("first_seen_at")?,
                submitted_at: i.try_get("submitted_at")?,
                frozen_as,
                contacts,
                political,
                ratings,
                open,
                reported_by_others,
                mail,
                notice_at,
            });
        }
        let mut reduced_rounds = Vec::new();
        for a in sqlx::query("SELECT a.round_id, a.network, r.name FROM round_archives a JOIN rounds r ON r.id = a.round_id AND r.tenant_id = a.tenant_id WHERE a.tenant_id = $1 ORDER BY a.round_id")
            .bind(self.id.0)
            .fetch_all(self.pool())
            .await?
        {
            let net: Archive = serde_json::from_str(&a.try_get::<String, _>("network")?)
                .map_err(|e| StoreError::Invalid(format!("archive: {e}")))?;
            if net.network.people.iter().any(|x| x.id == person.0.to_string()) {
                reduced_rounds.push((RoundId(a.try_get("round_id")?), a.try_get("name")?));
            }
        }
        let changes = sqlx::query("SELECT id, tenant_id, actor, action, detail, at FROM audit_log WHERE tenant_id = $1 AND (detail = $2 OR detail LIKE $3) ORDER BY id")
            .bind(self.id.0)
            .bind(format!("person {person}"))
            .bind(format!("person {person}:%"))
            .fetch_all(self.pool())
            .await?
            .iter()
            .map(|r| {
                Ok(AuditEntry {
                    id: r.try_get("id")?,
                    tenant: r.try_get("tenant_id")?,
                    actor: r.try_get("actor")?,
                    action: r.try_get("action")?,
                    detail: r.try_get("detail")?,
                    at: r.try_get("at")?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(PersonData {
            id: person,
            roster: PersonEntry {
                name: p.name,
                email: p.email,
                unit: p.unit,
                level: p.level.map(|l| l.as_str().to_string()),
                functions: p.functions,
            },
            active: p.active,
            created_at: created,
            pseudonyms,
            rounds,
            reduced_rounds,
            changes,
        })
    }

    /// Erases a person (GDPR art. 17) by the rule in the module
    /// documentation, in one transaction.
    pub async fn erase_person(&self, person: PersonId) -> Result<ErasureSummary> {
        let mut tx = self.store.begin_write().await?;
        let row = sqlx::query("SELECT name FROM persons WHERE id = $1 AND tenant_id = $2")
            .bind(person.0)
            .bind(self.id.0)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound)?;
        let mut names: HashSet<String> = HashSet::from([row.try_get::<String, _>("name")?]);
        let invs = sqlx::query("SELECT id, round_id, submitted_at, snapshot FROM invitations WHERE person_id = $1 AND tenant_id = $2")
            .bind(person.0)
            .bind(self.id.0)
            .fetch_all(&mut *tx)
            .await?;
        let mut per_round: BTreeMap<i64, RoundErasure> = BTreeMap::new();
        let t = now();
        let mut own_total = 0;
        for i in &invs {
            let inv: i64 = i.try_get("id")?;
            if let Some(s) = i
                .try_get::<Option<String>, _>("snapshot")?
                .and_then(|s| serde_json::from_str::<Snapshot>(&s).ok())
            {
                names.insert(s.name);
            }
            let mut own = 0;
            for table in [
                "contact_answers",
                "political_answers",
                "rating_answers",
                "open_answers",
            ] {
                own += sqlx::query(sqlx::AssertSqlSafe(format!(
                    "SELECT COUNT(*) AS n FROM {table} WHERE invitation_id = $1 AND tenant_id = $2"
                )))
                .bind(inv)
                .bind(self.id.0)
                .fetch_one(&mut *tx)
                .await?
                .try_get::<i64, _>("n")?;
            }
            own_total += own;
            per_round.insert(
                i.try_get("round_id")?,
                RoundErasure {
                    at: t,
                    responded: i.try_get::<Option<i64>, _>("submitted_at")?.is_some(),
                    own_answers: own,
                    reported_ties: 0,
                },
            );
        }
        let reported = sqlx::query("SELECT i.round_id, COUNT(*) AS n FROM contact_answers c JOIN invitations i ON i.id = c.invitation_id AND i.tenant_id = c.tenant_id WHERE c.alter_id = $1 AND c.tenant_id = $2 GROUP BY i.round_id")
            .bind(person.0)
            .bind(self.id.0)
            .fetch_all(&mut *tx)
            .await?;
        let mut reported_total = 0;
        for r in &reported {
            let n: i64 = r.try_get("n")?;
            reported_total += n;
            per_round
                .entry(r.try_get("round_id")?)
                .or_insert(RoundErasure {
                    at: t,
                    responded: false,
                    own_answers: 0,
                    reported_ties: 0,
                })
                .reported_ties += n;
        }
        // Reduced rounds: the node and its ties leave the archive.
        let archives =
            sqlx::query("SELECT round_id, network FROM round_archives WHERE tenant_id = $1")
                .bind(self.id.0)
                .fetch_all(&mut *tx)
                .await?;
        for a in &archives {
            let arch: Archive = serde_json::from_str(&a.try_get::<String, _>("network")?)
                .map_err(|e| StoreError::Invalid(format!("archive: {e}")))?;
            let responded = arch
                .network
                .people
                .iter()
                .any(|p| p.id == person.0.to_string() && p.responded);
            if let Some((arch, ties)) = arch.without(&person.0.to_string()) {
                let round: i64 = a.try_get("round_id")?;
                sqlx::query(
                    "UPDATE round_archives SET network = $1 WHERE round_id = $2 AND tenant_id = $3",
                )
                .bind(serde_json::to_string(&arch).map_err(|e| StoreError::Invalid(e.to_string()))?)
                .bind(round)
                .bind(self.id.0)
                .execute(&mut *tx)
                .await?;
                reported_total += ties;
                per_round.insert(
                    round,
                    RoundErasure {
                        at: t,
                        responded,
                        own_answers: 0,
                        reported_ties: ties,
                    },
                );
            }
        }
        // Mail to them, their notices, their answers and invitations; the
        // ties others reported with them.
        let email: String =
            sqlx::query("SELECT email FROM persons WHERE id = $1 AND tenant_id = $2")
                .bind(person.0)
                .bind(self.id.0)
                .fetch_one(&mut *tx)
                .await?
                .try_get("email")?;
        let inv = "SELECT id FROM invitations WHERE person_id = $1 AND tenant_id = $2";
        sqlx::query(sqlx::AssertSqlSafe(format!("DELETE FROM delivered_mail WHERE tenant_id = $2 AND (outbox_id IN (SELECT id FROM mail_outbox WHERE tenant_id = $2 AND invitation_id IN ({inv})) OR LOWER(to_addr) = $3)")))
            .bind(person.0)
            .bind(self.id.0)
            .bind(email.to_lowercase())
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM service_mail WHERE tenant_id = $1 AND kind = 'notice' AND LOWER(to_addr) = $2")
            .bind(self.id.0)
            .bind(email.to_lowercase())
            .execute(&mut *tx)
            .await?;
        for table in [
            "mail_outbox",
            "open_answer_reviews",
            "open_answers",
            "rating_answers",
            "political_answers",
            "contact_answers",
        ] {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "DELETE FROM {table} WHERE tenant_id = $2 AND invitation_id IN ({inv})"
            )))
            .bind(person.0)
            .bind(self.id.0)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query("DELETE FROM contact_answers WHERE alter_id = $1 AND tenant_id = $2")
            .bind(person.0)
            .bind(self.id.0)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM privacy_notices WHERE person_id = $1 AND tenant_id = $2")
            .bind(person.0)
            .bind(self.id.0)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM invitations WHERE person_id = $1 AND tenant_id = $2")
            .bind(person.0)
            .bind(self.id.0)
            .execute(&mut *tx)
            .await?;
        // Their name in others' free text.
        let mut redacted = 0;
        for (table, key) in [("open_answers", "text"), ("open_answer_reviews", "text")] {
            let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
                "SELECT invitation_id, question, {key} AS t FROM {table} WHERE tenant_id = $1"
            )))
            .bind(self.id.0)
            .fetch_all(&mut *tx)
            .await?;
            for r in rows {
                let mut text: String = r.try_get("t")?;
                let mut n = 0;
                for name in &names {
                    let (t2, k) = redact_name(&text, name);
                    text = t2;
                    n += k;
                }
                if n > 0 {
                    redacted += n;
                    sqlx::query(sqlx::AssertSqlSafe(format!(
                        "UPDATE {table} SET {key} = $1 WHERE invitation_id = $2 AND question = $3 AND tenant_id = $4"
                    )))
                    .bind(text)
                    .bind(r.try_get::<i64, _>("invitation_id")?)
                    .bind(r.try_get::<String, _>("question")?)
                    .bind(self.id.0)
                    .execute(&mut *tx)
                    .await?;
                }
            }
        }
        // The rounds record the erasure (no one named) and are made again.
        for (round, e) in &per_round {
            sqlx::query("INSERT INTO round_erasures (tenant_id, round_id, at, responded, own_answers, reported_ties) VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(self.id.0)
                .bind(*round)
                .bind(e.at)
                .bind(e.responded as i64)
                .bind(e.own_answers)
                .bind(e.reported_ties)
                .execute(&mut *tx)
                .await?;
            sqlx::query("UPDATE rounds SET data_version = data_version + 1 WHERE id = $1 AND tenant_id = $2")
                .bind(*round)
                .bind(self.id.0)
                .execute(&mut *tx)
                .await?;
        }
        // The pseudonym is retired, the roster entry goes.
        // (One pseudonym per function they were numbered under.)
        for p in sqlx::query(
            "SELECT function, number FROM pseudonyms WHERE person_id = $1 AND tenant_id = $2",
        )
        .bind(person.0)
        .bind(self.id.0)
        .fetch_all(&mut *tx)
        .await?
        {
            sqlx::query("INSERT INTO retired_pseudonyms (tenant_id, function, number) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, function, number) DO NOTHING")
                .bind(self.id.0)
                .bind(p.try_get::<String, _>("function")?)
                .bind(p.try_get::<i64, _>("number")?)
                .execute(&mut *tx)
                .await?;
        }
        for sql in [
            "DELETE FROM pseudonyms WHERE person_id = $1 AND tenant_id = $2",
            "DELETE FROM person_functions WHERE person_id = $1 AND tenant_id = $2",
            "DELETE FROM persons WHERE id = $1 AND tenant_id = $2",
        ] {
            sqlx::query(sql)
                .bind(person.0)
                .bind(self.id.0)
                .execute(&mut *tx)
                .await?;
        }
        let summary = ErasureSummary {
            rounds: per_round.len(),
            own_answers: own_total,
            reported_ties: reported_total,
            redacted,
        };
        self.audit_in(
            &mut tx,
            "person.erase",
            &format!(
                "person {person}: {} rounds, {} own answers, {} reported ties, {} mentions replaced",
                summary.rounds, summary.own_answers, summary.reported_ties, summary.redacted
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(summary)
    }

    /// Rectifies a person's roster data (GDPR art. 16); with
    /// `closed_rounds`, also what closed rounds froze about them (name,
    /// e-mail, unit, level, functions; their answers stay as given), and
    /// those rounds' reports are made again.
    pub async fn rectify_person(
        &self,
        person: PersonId,
        p: &NewPerson,
        closed_rounds: bool,
    ) -> Result<usize> {
        self.update_person(person, p).await?;
        if !closed_rounds {
            return Ok(0);
        }
        let fresh = self.person(person).await?;
        let snap = Snapshot {
            name: fresh.name,
            email: fresh.email,
            unit: fresh.unit,
            level: fresh.level,
            functions: fresh.functions,
        };
        let json = serde_json::to_string(&snap).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let mut tx = self.store.begin_write().await?;
        let rounds = sqlx::query("SELECT round_id FROM invitations WHERE person_id = $1 AND tenant_id = $2 AND frozen = 1")
            .bind(person.0)
            .bind(self.id.0)
            .fetch_all(&mut *tx)
            .await?;
        sqlx::query("UPDATE invitations SET snapshot = $1 WHERE person_id = $2 AND tenant_id = $3 AND frozen = 1")
            .bind(json)
            .bind(person.0)
            .bind(self.id.0)
            .execute(&mut *tx)
            .await?;
        for r in &rounds {
            sqlx::query("UPDATE rounds SET data_version = data_version + 1 WHERE id = $1 AND tenant_id = $2")
                .bind(r.try_get::<i64, _>("round_id")?)
                .bind(self.id.0)
                .execute(&mut *tx)
                .await?;
        }
        self.audit_in(
            &mut tx,
            "person.rectify",
            &format!("person {person}: {} closed rounds", rounds.len()),
        )
        .await?;
        tx.commit().await?;
        Ok(rounds.len())
    }

    // --------------------------------------------------------------- notices

    /// People who did not answer a closed round but appear in it through
    /// others' reports (GDPR art. 14).
    pub async fn notice_candidates(&self, round: RoundId) -> Result<Vec<NoticeCandidate>> {
        let info = self.round(round).await?;
        if info.status != RoundStatus::Closed {
            return Err(StoreError::NotOpen);
        }
        let rows = sqlx::query("SELECT p.id, p.name, p.email, COUNT(DISTINCT c.invitation_id) AS n, pn.queued_at FROM invitations i JOIN persons p ON p.id = i.person_id AND p.tenant_id = i.tenant_id JOIN contact_answers c ON c.alter_id = p.id AND c.tenant_id = i.tenant_id JOIN invitations ri ON ri.id = c.invitation_id AND ri.tenant_id = c.tenant_id AND ri.round_id = i.round_id AND ri.submitted_at IS NOT NULL LEFT JOIN privacy_notices pn ON pn.round_id = i.round_id AND pn.person_id = p.id WHERE i.round_id = $1 AND i.tenant_id = $2 AND i.submitted_at IS NULL GROUP BY p.id, p.name, p.email, pn.queued_at ORDER BY p.name, p.id")
            .bind(round.0)
            .bind(self.id.0)
            .fetch_all(self.pool())
            .await?;
        rows.iter()
            .map(|r| {
                Ok(NoticeCandidate {
                    person: PersonId(r.try_get("id")?),
                    name: r.try_get("name")?,
                    email: r.try_get("email")?,
                    reported_by: r.try_get("n")?,
                    noticed_at: r.try_get("queued_at")?,
                })
            })
            .collect()
    }

    /// Queues the art. 14 notice by e-mail to every candidate who has not
    /// had one for this round; returns how many were queued.
    pub async fn queue_notices(&self, round: RoundId) -> Result<usize> {
        let candidates = self.notice_candidates(round).await?;
        let info = self.round(round).await?;
        let tenant = self.info().await?;
        let settings =
            serde_json::to_value(self.privacy_settings().await?).unwrap_or(serde_json::Value::Null);
        let mut tx = self.store.begin_write().await?;
        let mut n = 0;
        for c in candidates.iter().filter(|c| c.noticed_at.is_none()) {
            if !valid_email(&c.email) {
                continue;
            }
            let lang = sqlx::query("SELECT lang FROM invitations WHERE round_id = $1 AND person_id = $2 AND tenant_id = $3")
                .bind(round.0)
                .bind(c.person.0)
                .bind(self.id.0)
                .fetch_optional(&mut *tx)
                .await?
                .and_then(|r| r.try_get::<Option<String>, _>("lang").ok().flatten())
                .unwrap_or_else(|| info.lang.clone());
            self.store
                .queue_service_mail_in(
                    &mut tx,
                    &NewServiceMail {
                        tenant: Some(self.id),
                        kind: "notice".into(),
                        to: c.email.clone(),
                        name: c.name.clone(),
                        lang,
                        args: serde_json::json!({"round": info.name, "round_id": round.0, "tenant": tenant.name, "settings": settings}),
                        token_id: None,
                    },
                )
                .await?;
            sqlx::query("INSERT INTO privacy_notices (tenant_id, round_id, person_id, queued_at) VALUES ($1, $2, $3, $4)")
                .bind(self.id.0)
                .bind(round.0)
                .bind(c.person.0)
                .bind(now())
                .execute(&mut *tx)
                .await?;
            n += 1;
        }
        self.audit_in(
            &mut tx,
            "privacy.notices",
            &format!("round {round}: {n} queued"),
        )
        .await?;
        tx.commit().await?;
        Ok(n)
    }
}

impl Store {
    /// One retention pass at Unix time `at` (the scheduler passes its
    /// clock; tests move it): warns the coordinators of rounds due within
    /// [`WARN_DAYS`] (once per round), and reduces or deletes the rounds
    /// whose time is out. Each action is audited under `system:retention`.
    pub async fn run_retention(&self, at: i64) -> Result<RetentionReport> {
        let rows = sqlx::query("SELECT r.id, r.tenant_id, r.name, r.closed_at, r.retention_warned_at, p.retention_months, p.retention_mode FROM rounds r JOIN tenant_privacy p ON p.tenant_id = r.tenant_id JOIN tenants t ON t.id = r.tenant_id WHERE r.status = 'closed' AND r.retention_state IS NULL AND p.retention_months IS NOT NULL AND r.closed_at IS NOT NULL AND t.active = 1 ORDER BY r.id")
            .fetch_all(&self.pool)
            .await?;
        let mut report = RetentionReport::default();
        for r in rows {
            let tenant = self
                .tenant(TenantId(r.try_get("tenant_id")?))
                .acting_as(Actor::system("retention"));
            let round = RoundId(r.try_get("id")?);
            let months = r.try_get::<i64, _>("retention_months")?.clamp(1, 1200) as u32;
            let mode = RetentionMode::parse(&r.try_get::<String, _>("retention_mode")?)
                .unwrap_or_default();
            let due = add_months(r.try_get("closed_at")?, months);
            if due <= at {
                tenant.apply_retention(round, mode, at).await?;
                match mode {
                    RetentionMode::Reduce => report.reduced += 1,
                    RetentionMode::Delete => report.deleted += 1,
                }
            } else if due - WARN_DAYS * 86_400 <= at
                && r.try_get::<Option<i64>, _>("retention_warned_at")?
                    .is_none()
            {
                let name: String = r.try_get("name")?;
                let mut tx = self.begin_write().await?;
                let claimed = sqlx::query("UPDATE rounds SET retention_warned_at = $1 WHERE id = $2 AND tenant_id = $3 AND retention_warned_at IS NULL")
                    .bind(at)
                    .bind(round.0)
                    .bind(tenant.id.0)
                    .execute(&mut *tx)
                    .await?;
                if claimed.rows_affected() == 0 {
                    continue;
                }
                let coords = sqlx::query("SELECT u.email, u.name, COALESCE(u.lang, t.lang) AS lang FROM users u JOIN tenants t ON t.id = u.tenant_id WHERE u.tenant_id = $1 AND u.role = 'coordinator' AND u.active = 1")
                    .bind(tenant.id.0)
                    .fetch_all(&mut *tx)
                    .await?;
                for c in &coords {
                    self.queue_service_mail_in(
                        &mut tx,
                        &NewServiceMail {
                            tenant: Some(tenant.id),
                            kind: "retention-warning".into(),
                            to: c.try_get("email")?,
                            name: c.try_get("name")?,
                            lang: c.try_get("lang")?,
                            args: serde_json::json!({"round": name, "date": date_of(due), "mode": mode.as_str()}),
                            token_id: None,
                        },
                    )
                    .await?;
                }
                tenant
                    .audit_in(
                        &mut tx,
                        "retention.warn",
                        &format!(
                            "round {round}: due {}, {} coordinators warned",
                            date_of(due),
                            coords.len()
                        ),
                    )
                    .await?;
                tx.commit().await?;
                report.warned += 1;
            }
        }
        Ok(report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_calendar_months() {
        let jan31 = days_from_civil(2026, 1, 31) * 86_400 + 3600;
        assert_eq!(date_of(add_months(jan31, 1)), "2026-02-28");
        assert_eq!(date_of(add_months(jan31, 13)), "2027-02-28");
        assert_eq!(
            date_of(add_months(days_from_civil(2027, 12, 31) * 86_400, 2)),
            "2028-02-29"
        );
        assert_eq!(add_months(jan31, 12).rem_euclid(86_400), 3600);
        assert_eq!(
            date_of(add_months(days_from_civil(2026, 3, 15) * 86_400, 24)),
            "2028-03-15"
        );
        assert_eq!(days_from_civil(1970, 1, 1), 0);
    }

    #[test]
    fn names_are_redacted_as_whole_words_only() {
        let (t, n) = redact_name(
            "Samarbeidet med Per Lie og per lie er godt. Perlie ikke.",
            "Per Lie",
        );
        assert_eq!(t, "Samarbeidet med […] og […] er godt. Perlie ikke.");
        assert_eq!(n, 2);
        assert_eq!(redact_name("Kari", "K"), ("Kari".to_string(), 0));
        let (t, n) = redact_name("Åse Ø. snakket med ÅSE Ø.", "Åse Ø.");
        assert_eq!((t.as_str(), n), ("[…] snakket med […]", 2));
    }
}
