//! Programme follow-up (issues 17 and 18): a funder's programme, its
//! cohorts and participants, each participant's path, organisation,
//! anchoring, action plan and reports, the evaluator's rounds with their
//! logs, notes, matrix set-up and sign-offs, the learning log and
//! gatherings.
//!
//! ## Storage: one row per aggregate record, validated as a whole
//!
//! The records are those of `samspill-programme` (its document format is
//! the schema, versioned with it). Each aggregate record is one row of
//! `programme_records` whose `body` is the record's JSON, with the columns
//! a query needs beside it: the kind, the record's key, the participant it
//! belongs to (for access), its position in the document, a revision (a
//! form that read revision 3 cannot overwrite revision 4: [`ProgrammeError::Stale`])
//! and who created it (evaluators and learning notes are «their own»). The
//! programme record itself is `programmes.record`.
//!
//! Rows per field would repeat the crate's sixty record types as columns
//! and still need its validation, which spans aggregates (a report's
//! measures must be in the action plan, a round's columns must be
//! participants). So every write locks the programme (its revision row),
//! reads the whole document inside the transaction, applies the change,
//! **validates the whole document with `samspill-programme`** (errors keep
//! their paths: [`ProgrammeError::Invalid`]), checks the change against the
//! role's rules ([`access`]) and writes the one row and its audit row in
//! the same transaction. A change is whole and valid, or nothing changes.
//!
//! ## Who sees what
//!
//! A programme spans tenants. Funder advisers and evaluators are members of
//! it (`programme_members`); a participant is linked to the tenant whose
//! coordinator keeps its records (`programme_participants`). A
//! [`ProgrammeHandle`] is obtained for a logged-in user only through
//! [`Store::programme_for`], which finds their [`Standing`]; its reads are
//! filtered and its writes checked by the role's function in [`access`].
//! Without a standing the programme does not exist for the user.

pub mod access;

use std::collections::BTreeMap;

use samspill_programme::ids::ParticipantId;
use samspill_programme::model::{
    ActionPlan, Assessment, Cohort, EvaluationRound, Gathering, LearningEntry, Organisation,
    Participant, Programme, Report, SignOff,
};
use samspill_programme::{DocumentErrors, ProgrammeDocument};
use serde::Serialize;
use sqlx::Row;

pub use access::{Action, Standing};

use crate::{Actor, AuthUser, Role, Store, StoreError, TenantId, UserId, now};

/// A programme stored in the database (not the document's text id).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct ProgrammeId(pub(crate) i64);

impl ProgrammeId {
    /// The raw database id (for URLs and forms).
    pub fn get(self) -> i64 {
        self.0
    }
    /// An id from a URL or form. It grants nothing by itself: every handle
    /// is obtained through the user's standing.
    pub fn from_raw(id: i64) -> ProgrammeId {
        ProgrammeId(id)
    }
}

impl std::fmt::Display for ProgrammeId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// What went wrong with a programme.
#[derive(Debug, thiserror::Error)]
pub enum ProgrammeError {
    /// The store failed, or the programme or record does not exist (for
    /// this user).
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The change would leave the programme invalid; nothing was stored.
    #[error(transparent)]
    Invalid(#[from] DocumentErrors),
    /// The user's role does not allow this change.
    #[error("the user's role does not allow this")]
    Forbidden,
    /// The record changed since the user read it; nothing was stored.
    #[error("the record was changed by someone else since it was read")]
    Stale,
    /// An imported document is of another programme than the one replaced.
    #[error("the document is of programme {found:?}, not {expected:?}")]
    OtherProgramme {
        /// The stored programme's id.
        expected: String,
        /// The document's.
        found: String,
    },
    /// A survey round attached to a participant is not one of its tenant's.
    #[error("survey round {0:?} is not a round of the participant's municipality")]
    UnknownRound(String),
    /// A survey round attached to a participant is not closed yet: only a
    /// closed round's frozen answers are results.
    #[error("survey round {0:?} is not closed")]
    RoundNotClosed(String),
}

impl From<sqlx::Error> for ProgrammeError {
    fn from(e: sqlx::Error) -> Self {
        ProgrammeError::Store(StoreError::Db(e))
    }
}

type Result<T, E = ProgrammeError> = std::result::Result<T, E>;

/// A programme in a list.
#[derive(Debug, Clone, Serialize)]
pub struct ProgrammeSummary {
    /// Database id.
    pub id: ProgrammeId,
    /// The document's programme id.
    pub key: String,
    /// Name.
    pub name: String,
    /// The funder's name.
    pub funder: String,
    /// Revision (increases with every change).
    pub revision: i64,
    /// Last change (Unix seconds).
    pub updated_at: i64,
}

/// The kinds of aggregate records stored one per row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// A cohort.
    Cohort,
    /// A participant (with its path, calendar, agreements, pre-analysis).
    Participant,
    /// A participant's programme organisation.
    Organisation,
    /// An anchoring assessment.
    Assessment,
    /// A participant's action plan.
    ActionPlan,
    /// A half-year, annual or final report.
    Report,
    /// A gathering.
    Gathering,
    /// An evaluation round.
    EvaluationRound,
    /// A learning-log entry.
    Learning,
}

impl RecordKind {
    /// Every kind, in document order.
    pub const ALL: [RecordKind; 9] = [
        RecordKind::Cohort,
        RecordKind::Participant,
        RecordKind::Organisation,
        RecordKind::Assessment,
        RecordKind::ActionPlan,
        RecordKind::Report,
        RecordKind::Gathering,
        RecordKind::EvaluationRound,
        RecordKind::Learning,
    ];

    /// Machine name (the `kind` column).
    pub fn as_str(self) -> &'static str {
        match self {
            RecordKind::Cohort => "cohort",
            RecordKind::Participant => "participant",
            RecordKind::Organisation => "organisation",
            RecordKind::Assessment => "assessment",
            RecordKind::ActionPlan => "action_plan",
            RecordKind::Report => "report",
            RecordKind::Gathering => "gathering",
            RecordKind::EvaluationRound => "evaluation_round",
            RecordKind::Learning => "learning",
        }
    }

    /// The document's list of records of this kind.
    pub fn document_field(self) -> &'static str {
        match self {
            RecordKind::Cohort => "cohorts",
            RecordKind::Participant => "participants",
            RecordKind::Organisation => "organisations",
            RecordKind::Assessment => "assessments",
            RecordKind::ActionPlan => "action_plans",
            RecordKind::Report => "reports",
            RecordKind::Gathering => "gatherings",
            RecordKind::EvaluationRound => "evaluation_rounds",
            RecordKind::Learning => "learning_log",
        }
    }

    /// The record as JSON text (what a form edits).
    pub fn json_of(record: &Record) -> String {
        record.body_pretty()
    }

    /// Parses the machine name.
    pub fn parse(s: &str) -> Option<RecordKind> {
        RecordKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One aggregate record of a programme. (Records are built one at a time
/// per change, so their sizes need no boxing.)
#[derive(Debug, Clone, PartialEq)]
#[allow(clippy::large_enum_variant)]
pub enum Record {
    /// A cohort.
    Cohort(Cohort),
    /// A participant.
    Participant(Participant),
    /// An organisation.
    Organisation(Organisation),
    /// An assessment.
    Assessment(Assessment),
    /// An action plan.
    ActionPlan(ActionPlan),
    /// A report.
    Report(Report),
    /// A gathering.
    Gathering(Gathering),
    /// An evaluation round.
    EvaluationRound(EvaluationRound),
    /// A learning-log entry.
    Learning(LearningEntry),
}

impl Record {
    /// The kind.
    pub fn kind(&self) -> RecordKind {
        match self {
            Record::Cohort(_) => RecordKind::Cohort,
            Record::Participant(_) => RecordKind::Participant,
            Record::Organisation(_) => RecordKind::Organisation,
            Record::Assessment(_) => RecordKind::Assessment,
            Record::ActionPlan(_) => RecordKind::ActionPlan,
            Record::Report(_) => RecordKind::Report,
            Record::Gathering(_) => RecordKind::Gathering,
            Record::EvaluationRound(_) => RecordKind::EvaluationRound,
            Record::Learning(_) => RecordKind::Learning,
        }
    }

    /// The key within its kind (a participant's id for its organisation and
    /// action plan).
    pub fn key(&self) -> String {
        match self {
            Record::Cohort(c) => c.id.to_string(),
            Record::Participant(p) => p.id.to_string(),
            Record::Organisation(o) => o.participant.to_string(),
            Record::Assessment(a) => a.id.to_string(),
            Record::ActionPlan(a) => a.participant.to_string(),
            Record::Report(r) => r.id.to_string(),
            Record::Gathering(g) => g.id.to_string(),
            Record::EvaluationRound(r) => r.id.to_string(),
            Record::Learning(e) => e.id.to_string(),
        }
    }

    /// The participant the record belongs to, if one.
    pub fn participant(&self) -> Option<&ParticipantId> {
        match self {
            Record::Cohort(_) | Record::EvaluationRound(_) => None,
            Record::Participant(p) => Some(&p.id),
            Record::Organisation(o) => Some(&o.participant),
            Record::Assessment(a) => Some(&a.participant),
            Record::ActionPlan(a) => Some(&a.participant),
            Record::Report(r) => Some(&r.participant),
            Record::Gathering(g) => g.host.as_ref(),
            Record::Learning(e) => e.participant.as_ref(),
        }
    }

    fn body(&self) -> String {
        let v = match self {
            Record::Cohort(x) => serde_json::to_string(x),
            Record::Participant(x) => serde_json::to_string(x),
            Record::Organisation(x) => serde_json::to_string(x),
            Record::Assessment(x) => serde_json::to_string(x),
            Record::ActionPlan(x) => serde_json::to_string(x),
            Record::Report(x) => serde_json::to_string(x),
            Record::Gathering(x) => serde_json::to_string(x),
            Record::EvaluationRound(x) => serde_json::to_string(x),
            Record::Learning(x) => serde_json::to_string(x),
        };
        v.expect("records serialise")
    }

    fn body_pretty(&self) -> String {
        let v: serde_json::Value = serde_json::from_str(&self.body()).expect("records serialise");
        serde_json::to_string_pretty(&v).expect("records serialise")
    }

    fn from_body(kind: RecordKind, body: &str) -> Result<Record, serde_json::Error> {
        Ok(match kind {
            RecordKind::Cohort => Record::Cohort(serde_json::from_str(body)?),
            RecordKind::Participant => Record::Participant(serde_json::from_str(body)?),
            RecordKind::Organisation => Record::Organisation(serde_json::from_str(body)?),
            RecordKind::Assessment => Record::Assessment(serde_json::from_str(body)?),
            RecordKind::ActionPlan => Record::ActionPlan(serde_json::from_str(body)?),
            RecordKind::Report => Record::Report(serde_json::from_str(body)?),
            RecordKind::Gathering => Record::Gathering(serde_json::from_str(body)?),
            RecordKind::EvaluationRound => Record::EvaluationRound(serde_json::from_str(body)?),
            RecordKind::Learning => Record::Learning(serde_json::from_str(body)?),
        })
    }

    /// Every record of a document, in document order.
    pub fn all(doc: &ProgrammeDocument) -> Vec<Record> {
        let mut out = Vec::new();
        out.extend(doc.cohorts.iter().cloned().map(Record::Cohort));
        out.extend(doc.participants.iter().cloned().map(Record::Participant));
        out.extend(doc.organisations.iter().cloned().map(Record::Organisation));
        out.extend(doc.assessments.iter().cloned().map(Record::Assessment));
        out.extend(doc.action_plans.iter().cloned().map(Record::ActionPlan));
        out.extend(doc.reports.iter().cloned().map(Record::Report));
        out.extend(doc.gatherings.iter().cloned().map(Record::Gathering));
        out.extend(
            doc.evaluation_rounds
                .iter()
                .cloned()
                .map(Record::EvaluationRound),
        );
        out.extend(doc.learning_log.iter().cloned().map(Record::Learning));
        out
    }

    /// The record of `kind` with `key` in a document.
    pub fn find(doc: &ProgrammeDocument, kind: RecordKind, key: &str) -> Option<Record> {
        fn by<T: Clone>(v: &[T], f: impl Fn(&T) -> String, key: &str) -> Option<T> {
            v.iter().find(|x| f(x) == key).cloned()
        }
        Some(match kind {
            RecordKind::Cohort => Record::Cohort(by(&doc.cohorts, |x| x.id.to_string(), key)?),
            RecordKind::Participant => {
                Record::Participant(by(&doc.participants, |x| x.id.to_string(), key)?)
            }
            RecordKind::Organisation => {
                Record::Organisation(by(&doc.organisations, |x| x.participant.to_string(), key)?)
            }
            RecordKind::Assessment => {
                Record::Assessment(by(&doc.assessments, |x| x.id.to_string(), key)?)
            }
            RecordKind::ActionPlan => {
                Record::ActionPlan(by(&doc.action_plans, |x| x.participant.to_string(), key)?)
            }
            RecordKind::Report => Record::Report(by(&doc.reports, |x| x.id.to_string(), key)?),
            RecordKind::Gathering => {
                Record::Gathering(by(&doc.gatherings, |x| x.id.to_string(), key)?)
            }
            RecordKind::EvaluationRound => {
                Record::EvaluationRound(by(&doc.evaluation_rounds, |x| x.id.to_string(), key)?)
            }
            RecordKind::Learning => {
                Record::Learning(by(&doc.learning_log, |x| x.id.to_string(), key)?)
            }
        })
    }

    /// Puts the record into a document: replaces the record with its key,
    /// or appends it.
    pub fn put_into(self, doc: &mut ProgrammeDocument) {
        fn put<T>(v: &mut Vec<T>, x: T, same: impl Fn(&T) -> bool) {
            match v.iter().position(same) {
                Some(i) => v[i] = x,
                None => v.push(x),
            }
        }
        let key = self.key();
        match self {
            Record::Cohort(x) => put(&mut doc.cohorts, x, |y| y.id.as_str() == key),
            Record::Participant(x) => put(&mut doc.participants, x, |y| y.id.as_str() == key),
            Record::Organisation(x) => {
                put(&mut doc.organisations, x, |y| y.participant.as_str() == key)
            }
            Record::Assessment(x) => put(&mut doc.assessments, x, |y| y.id.as_str() == key),
            Record::ActionPlan(x) => {
                put(&mut doc.action_plans, x, |y| y.participant.as_str() == key)
            }
            Record::Report(x) => put(&mut doc.reports, x, |y| y.id.as_str() == key),
            Record::Gathering(x) => put(&mut doc.gatherings, x, |y| y.id.as_str() == key),
            Record::EvaluationRound(x) => {
                put(&mut doc.evaluation_rounds, x, |y| y.id.as_str() == key)
            }
            Record::Learning(x) => put(&mut doc.learning_log, x, |y| y.id.as_str() == key),
        }
    }

    /// Removes the record of `kind` with `key` from a document.
    pub fn remove_from(doc: &mut ProgrammeDocument, kind: RecordKind, key: &str) {
        match kind {
            RecordKind::Cohort => doc.cohorts.retain(|x| x.id.as_str() != key),
            RecordKind::Participant => doc.participants.retain(|x| x.id.as_str() != key),
            RecordKind::Organisation => doc.organisations.retain(|x| x.participant.as_str() != key),
            RecordKind::Assessment => doc.assessments.retain(|x| x.id.as_str() != key),
            RecordKind::ActionPlan => doc.action_plans.retain(|x| x.participant.as_str() != key),
            RecordKind::Report => doc.reports.retain(|x| x.id.as_str() != key),
            RecordKind::Gathering => doc.gatherings.retain(|x| x.id.as_str() != key),
            RecordKind::EvaluationRound => doc.evaluation_rounds.retain(|x| x.id.as_str() != key),
            RecordKind::Learning => doc.learning_log.retain(|x| x.id.as_str() != key),
        }
    }
}

/// A record's row beside its body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RecordMeta {
    /// Revision (1 when created, +1 per change).
    pub revision: i64,
    /// Who created it (`None`: imported or made by tooling).
    pub created_by: Option<UserId>,
}

/// A programme as one user may see it.
#[derive(Debug, Clone)]
pub struct Stored {
    /// The document, filtered to what the user may see.
    pub doc: ProgrammeDocument,
    /// The programme's revision (changes with every write).
    pub revision: i64,
    /// Revisions and creators of the visible records.
    pub meta: BTreeMap<(RecordKind, String), RecordMeta>,
}

impl Stored {
    /// The revision of a record (0: it does not exist).
    pub fn revision_of(&self, kind: RecordKind, key: &str) -> i64 {
        self.meta
            .get(&(kind, key.to_string()))
            .map_or(0, |m| m.revision)
    }
}

struct Loaded {
    doc: ProgrammeDocument,
    revision: i64,
    meta: BTreeMap<(RecordKind, String), RecordMeta>,
    positions: BTreeMap<RecordKind, i64>,
}

async fn load(conn: &mut sqlx::AnyConnection, id: ProgrammeId) -> Result<Loaded> {
    let row = sqlx::query("SELECT record, revision FROM programmes WHERE id = $1")
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound)?;
    let corrupt = |what: &str, e: serde_json::Error| {
        StoreError::Invalid(format!("programme {id}: stored {what} unreadable: {e}"))
    };
    let record: String = row.try_get("record")?;
    let programme: Programme =
        serde_json::from_str(&record).map_err(|e| corrupt("programme", e))?;
    let revision: i64 = row.try_get("revision")?;
    let rows = sqlx::query(
        "SELECT kind, key, position, body, revision, created_by FROM programme_records WHERE programme_id = $1 ORDER BY kind, position, key",
    )
    .bind(id.0)
    .fetch_all(&mut *conn)
    .await?;
    let mut doc = ProgrammeDocument::new(programme);
    let mut meta = BTreeMap::new();
    let mut positions: BTreeMap<RecordKind, i64> = BTreeMap::new();
    let mut records: Vec<(RecordKind, i64, Record)> = Vec::new();
    for r in &rows {
        let kind: String = r.try_get("kind")?;
        let kind = RecordKind::parse(&kind)
            .ok_or_else(|| StoreError::Invalid(format!("unknown record kind {kind}")))?;
        let body: String = r.try_get("body")?;
        let record = Record::from_body(kind, &body).map_err(|e| corrupt(kind.as_str(), e))?;
        let position: i64 = r.try_get("position")?;
        let p = positions.entry(kind).or_insert(0);
        *p = (*p).max(position + 1);
        meta.insert(
            (kind, r.try_get::<String, _>("key")?),
            RecordMeta {
                revision: r.try_get("revision")?,
                created_by: r.try_get::<Option<i64>, _>("created_by")?.map(UserId),
            },
        );
        records.push((kind, position, record));
    }
    records.sort_by_key(|(k, p, _)| (*k, *p));
    for (_, _, r) in records {
        r.put_into(&mut doc);
    }
    Ok(Loaded {
        doc,
        revision,
        meta,
        positions,
    })
}

/// Takes the programme's write lock (its revision row) and returns the new
/// revision.
async fn lock(conn: &mut sqlx::AnyConnection, id: ProgrammeId) -> Result<i64> {
    let r =
        sqlx::query("UPDATE programmes SET revision = revision + 1, updated_at = $1 WHERE id = $2")
            .bind(now())
            .bind(id.0)
            .execute(&mut *conn)
            .await?;
    if r.rows_affected() == 0 {
        return Err(StoreError::NotFound.into());
    }
    let rev: i64 = sqlx::query("SELECT revision FROM programmes WHERE id = $1")
        .bind(id.0)
        .fetch_one(&mut *conn)
        .await?
        .try_get("revision")?;
    Ok(rev)
}

/// The tenants linked to a programme's participants.
async fn links(
    conn: &mut sqlx::AnyConnection,
    id: ProgrammeId,
) -> Result<Vec<(ParticipantId, TenantId)>> {
    let rows = sqlx::query(
        "SELECT participant, tenant_id FROM programme_participants WHERE programme_id = $1 ORDER BY participant",
    )
    .bind(id.0)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                ParticipantId::new(r.try_get::<String, _>("participant")?),
                TenantId(r.try_get("tenant_id")?),
            ))
        })
        .collect()
}

/// Inserts every record of a document (after its rows were deleted).
async fn insert_all(
    conn: &mut sqlx::AnyConnection,
    id: ProgrammeId,
    doc: &ProgrammeDocument,
    by: Option<UserId>,
) -> Result<()> {
    let mut position: BTreeMap<RecordKind, i64> = BTreeMap::new();
    for r in Record::all(doc) {
        let p = position.entry(r.kind()).or_insert(0);
        sqlx::query(
            "INSERT INTO programme_records (programme_id, kind, key, participant, position, body, revision, created_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8)",
        )
        .bind(id.0)
        .bind(r.kind().as_str())
        .bind(r.key())
        .bind(r.participant().map(|p| p.to_string()))
        .bind(*p)
        .bind(r.body())
        .bind(by.map(|u| u.0))
        .bind(now())
        .execute(&mut *conn)
        .await?;
        *p += 1;
    }
    Ok(())
}

fn summary(r: &sqlx::any::AnyRow) -> Result<ProgrammeSummary> {
    let record: String = r.try_get("record")?;
    let funder = serde_json::from_str::<Programme>(&record)
        .map(|p| p.funder.name)
        .unwrap_or_default();
    Ok(ProgrammeSummary {
        id: ProgrammeId(r.try_get("id")?),
        key: r.try_get("key")?,
        name: r.try_get("name")?,
        funder,
        revision: r.try_get("revision")?,
        updated_at: r.try_get("updated_at")?,
    })
}

/// A participant as others in the programme see it: its name and kind.
fn by_name_only(p: &Participant) -> Participant {
    Participant {
        id: p.id.clone(),
        name: p.name.clone(),
        kind: p.kind,
        cohort: p.cohort.clone(),
        municipality_number: p.municipality_number.clone(),
        lang: p.lang.clone(),
        partners: Vec::new(),
        admitted: None,
        path: None,
        planning_calendar: Vec::new(),
        agreements: Vec::new(),
        pre_analysis: None,
        survey_rounds: Vec::new(),
        context: None,
    }
}

/// The items of a list whose participant `sees` allows.
fn only_seen<T: Clone>(
    items: &[T],
    whose: impl Fn(&T) -> &ParticipantId,
    sees: impl Fn(&ParticipantId) -> bool,
) -> Vec<T> {
    items.iter().filter(|x| sees(whose(x))).cloned().collect()
}

/// The part of `doc` a user in `standing` may see.
fn visible(
    doc: &ProgrammeDocument,
    standing: &Standing,
    user: Option<UserId>,
    tenants: &[TenantId],
) -> ProgrammeDocument {
    let may = |a: Action<'_>| standing.allows(user, tenants, &a);
    if may(Action::Overview) && may(Action::Evaluation) {
        return doc.clone();
    }
    let sees = |p: &ParticipantId| may(Action::Participant(p));
    let mut out = ProgrammeDocument::new(doc.programme.clone());
    out.cohorts = doc
        .cohorts
        .iter()
        .map(|c| {
            let mut c = c.clone();
            c.applications
                .retain(|a| a.participant.as_ref().is_some_and(sees));
            c
        })
        .collect();
    out.participants = doc
        .participants
        .iter()
        .map(|p| {
            if sees(&p.id) {
                p.clone()
            } else {
                by_name_only(p)
            }
        })
        .collect();
    out.organisations = only_seen(&doc.organisations, |x| &x.participant, sees);
    out.assessments = only_seen(&doc.assessments, |x| &x.participant, sees);
    out.action_plans = only_seen(&doc.action_plans, |x| &x.participant, sees);
    out.reports = only_seen(&doc.reports, |x| &x.participant, sees);
    out.gatherings = doc
        .gatherings
        .iter()
        .filter(|g| g.host.as_ref().is_none_or(sees))
        .map(|g| {
            let mut g = g.clone();
            // Who else came is the host's to know.
            if g.host.is_none() {
                g.attendance
                    .retain(|a| a.participant.as_ref().is_none_or(sees));
            }
            g
        })
        .collect();
    out.evaluation_rounds = doc
        .evaluation_rounds
        .iter()
        .filter_map(|r| {
            let all: Vec<ParticipantId> = if r.participants.is_empty() {
                doc.participants.iter().map(|p| p.id.clone()).collect()
            } else {
                r.participants.clone()
            };
            let columns: Vec<ParticipantId> = all
                .into_iter()
                .filter(|p| may(Action::MatrixColumn(p)))
                .collect();
            if columns.is_empty() {
                return None;
            }
            let mut r = r.clone();
            r.notes.clear();
            r.log
                .retain(|e| e.participant().is_some_and(|p| columns.contains(p)));
            r.sign_offs.retain(|s| columns.contains(&s.participant));
            r.participants = columns;
            Some(r)
        })
        .collect();
    out.learning_log = doc
        .learning_log
        .iter()
        .filter(|e| may(Action::Learning(e)))
        .cloned()
        .collect();
    out
}

/// The user's standing in programme `id`, if any.
pub async fn standing(store: &Store, user: &AuthUser, id: ProgrammeId) -> Result<Option<Standing>> {
    match user.role {
        Role::Funder | Role::Evaluator => {
            let row = sqlx::query(
                "SELECT role FROM programme_members WHERE programme_id = $1 AND user_id = $2",
            )
            .bind(id.0)
            .bind(user.id.0)
            .fetch_optional(&store.pool)
            .await?;
            let Some(row) = row else { return Ok(None) };
            let role: String = row.try_get("role")?;
            Ok(match (role.as_str(), user.role) {
                ("funder", Role::Funder) => Some(Standing::Funder),
                ("evaluator", Role::Evaluator) => Some(Standing::Evaluator),
                _ => None,
            })
        }
        Role::Coordinator => {
            let Some(tenant) = user.tenant else {
                return Ok(None);
            };
            let row = sqlx::query(
                "SELECT participant FROM programme_participants WHERE programme_id = $1 AND tenant_id = $2",
            )
            .bind(id.0)
            .bind(tenant.0)
            .fetch_optional(&store.pool)
            .await?;
            Ok(row
                .map(|r| r.try_get::<String, _>("participant"))
                .transpose()?
                .map(|p| Standing::Coordinator {
                    participant: ParticipantId::new(p),
                    tenant,
                }))
        }
        Role::Operator => Ok(None),
    }
}

/// One programme, as one user (or tooling) may see and change it.
#[derive(Debug, Clone)]
pub struct ProgrammeHandle {
    store: Store,
    id: ProgrammeId,
    actor: Actor,
    user: Option<UserId>,
    standing: Standing,
    tenants: Vec<TenantId>,
}

impl Store {
    /// Programme tooling (the command line, the demo): create, import,
    /// list, grant membership, link participants to tenants.
    pub fn programmes(&self, actor: Actor) -> Programmes {
        Programmes {
            store: self.clone(),
            actor,
        }
    }

    /// The programme as `user` may see it; [`StoreError::NotFound`] when the
    /// user has no standing in it (or it does not exist).
    pub async fn programme_for(&self, user: &AuthUser, id: ProgrammeId) -> Result<ProgrammeHandle> {
        let standing = standing(self, user, id)
            .await?
            .ok_or(StoreError::NotFound)?;
        let mut conn = self.pool.acquire().await?;
        let tenants = links(&mut conn, id)
            .await?
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        Ok(ProgrammeHandle {
            store: self.clone(),
            id,
            actor: Actor::User {
                id: user.id,
                email: user.email.clone(),
            },
            user: Some(user.id),
            standing,
            tenants,
        })
    }

    /// The programmes `user` has a standing in, by name.
    pub async fn programmes_for(
        &self,
        user: &AuthUser,
    ) -> Result<Vec<(ProgrammeSummary, Standing)>> {
        let rows = sqlx::query(
            "SELECT id, key, name, record, revision, updated_at FROM programmes ORDER BY name, id",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::new();
        for r in &rows {
            let s = summary(r)?;
            if let Some(st) = standing(self, user, s.id).await? {
                out.push((s, st));
            }
        }
        Ok(out)
    }

    /// Creates a programme from an imported document as a funder's adviser,
    /// who becomes its first member ([`access::funder`] decides).
    pub async fn create_programme_as(
        &self,
        user: &AuthUser,
        doc: &ProgrammeDocument,
    ) -> Result<ProgrammeId> {
        if user.role != Role::Funder || !access::funder(user.id, &[], &Action::Create) {
            return Err(ProgrammeError::Forbidden);
        }
        let actor = Actor::User {
            id: user.id,
            email: user.email.clone(),
        };
        self.programmes(actor).create(doc, Some(user.id)).await
    }
}

/// Programme tooling, audited under one actor ([`Store::programmes`]).
#[derive(Debug, Clone)]
pub struct Programmes {
    store: Store,
    actor: Actor,
}

impl Programmes {
    /// Stores a new programme from a whole document (validated first). The
    /// user `funder`, if given, becomes a member with the funder role.
    pub async fn create(
        &self,
        doc: &ProgrammeDocument,
        funder: Option<UserId>,
    ) -> Result<ProgrammeId> {
        doc.validate()?;
        let mut tx = self.store.begin_write().await?;
        let key = doc.programme.id.to_string();
        if sqlx::query("SELECT id FROM programmes WHERE key = $1")
            .bind(&key)
            .fetch_optional(&mut *tx)
            .await?
            .is_some()
        {
            return Err(StoreError::Conflict(key).into());
        }
        let t = now();
        let id: i64 = sqlx::query(
            "INSERT INTO programmes (key, name, record, revision, created_at, updated_at) VALUES ($1, $2, $3, 1, $4, $4) RETURNING id",
        )
        .bind(&key)
        .bind(&doc.programme.name)
        .bind(serde_json::to_string(&doc.programme).expect("records serialise"))
        .bind(t)
        .fetch_one(&mut *tx)
        .await?
        .try_get("id")?;
        let id = ProgrammeId(id);
        insert_all(&mut tx, id, doc, funder).await?;
        if let Some(u) = funder {
            add_member(&mut tx, id, u, "funder").await?;
        }
        crate::audit::write(
            &mut tx,
            None,
            &self.actor,
            "programme.create",
            &format!("programme {id} ({key}): {} records", Record::all(doc).len()),
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Every programme, by name.
    pub async fn list(&self) -> Result<Vec<ProgrammeSummary>> {
        let rows = sqlx::query(
            "SELECT id, key, name, record, revision, updated_at FROM programmes ORDER BY name, id",
        )
        .fetch_all(&self.store.pool)
        .await?;
        rows.iter().map(summary).collect()
    }

    /// The programme whose document id is `key`.
    pub async fn by_key(&self, key: &str) -> Result<ProgrammeId> {
        let row = sqlx::query("SELECT id FROM programmes WHERE key = $1")
            .bind(key.trim())
            .fetch_optional(&self.store.pool)
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok(ProgrammeId(row.try_get("id")?))
    }

    /// A handle with every right (tooling).
    pub async fn handle(&self, id: ProgrammeId) -> Result<ProgrammeHandle> {
        let mut conn = self.store.pool.acquire().await?;
        if sqlx::query("SELECT id FROM programmes WHERE id = $1")
            .bind(id.0)
            .fetch_optional(&mut *conn)
            .await?
            .is_none()
        {
            return Err(StoreError::NotFound.into());
        }
        let tenants = links(&mut conn, id)
            .await?
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        Ok(ProgrammeHandle {
            store: self.store.clone(),
            id,
            actor: self.actor.clone(),
            user: None,
            standing: Standing::System,
            tenants,
        })
    }

    /// Makes the user with `email` a member: a funder's adviser (role
    /// funder) or an evaluator (role evaluator); other roles are refused.
    pub async fn grant(&self, id: ProgrammeId, email: &str) -> Result<()> {
        let row = sqlx::query("SELECT id, role FROM users WHERE email = $1")
            .bind(email.trim().to_lowercase())
            .fetch_optional(&self.store.pool)
            .await?
            .ok_or(StoreError::NotFound)?;
        let role: String = row.try_get("role")?;
        if role != "funder" && role != "evaluator" {
            return Err(StoreError::Invalid(format!(
                "only funder advisers and evaluators are members of a programme, not a {role}"
            ))
            .into());
        }
        let user = UserId(row.try_get("id")?);
        let mut tx = self.store.begin_write().await?;
        lock(&mut tx, id).await?;
        sqlx::query("DELETE FROM programme_members WHERE programme_id = $1 AND user_id = $2")
            .bind(id.0)
            .bind(user.0)
            .execute(&mut *tx)
            .await?;
        add_member(&mut tx, id, user, &role).await?;
        crate::audit::write(
            &mut tx,
            None,
            &self.actor,
            "programme.grant",
            &format!("programme {id}: user {} as {role}", user.0),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Ends a membership.
    pub async fn revoke(&self, id: ProgrammeId, email: &str) -> Result<()> {
        let mut tx = self.store.begin_write().await?;
        lock(&mut tx, id).await?;
        let r = sqlx::query(
            "DELETE FROM programme_members WHERE programme_id = $1 AND user_id = (SELECT id FROM users WHERE email = $2)",
        )
        .bind(id.0)
        .bind(email.trim().to_lowercase())
        .execute(&mut *tx)
        .await?;
        if r.rows_affected() == 0 {
            return Err(StoreError::NotFound.into());
        }
        crate::audit::write(
            &mut tx,
            None,
            &self.actor,
            "programme.revoke",
            &format!("programme {id}"),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The members: (e-mail, name, role).
    pub async fn members(&self, id: ProgrammeId) -> Result<Vec<(String, String, String)>> {
        let rows = sqlx::query(
            "SELECT u.email, u.name, m.role FROM programme_members m JOIN users u ON u.id = m.user_id WHERE m.programme_id = $1 ORDER BY m.role, u.email",
        )
        .bind(id.0)
        .fetch_all(&self.store.pool)
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("email")?, r.try_get("name")?, r.try_get("role")?)))
            .collect()
    }

    /// Links participant `participant` to `tenant`, whose coordinator then
    /// keeps its records and whose survey rounds it may attach. One tenant
    /// per participant and one participant per tenant in a programme.
    pub async fn link(
        &self,
        id: ProgrammeId,
        participant: &ParticipantId,
        tenant: TenantId,
    ) -> Result<()> {
        let mut tx = self.store.begin_write().await?;
        lock(&mut tx, id).await?;
        let doc = load(&mut tx, id).await?.doc;
        if doc.participant(participant).is_none() {
            return Err(StoreError::NotFound.into());
        }
        if sqlx::query("SELECT id FROM tenants WHERE id = $1")
            .bind(tenant.0)
            .fetch_optional(&mut *tx)
            .await?
            .is_none()
        {
            return Err(StoreError::NotFound.into());
        }
        let taken = sqlx::query(
            "SELECT participant FROM programme_participants WHERE programme_id = $1 AND tenant_id = $2",
        )
        .bind(id.0)
        .bind(tenant.0)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(r) = taken {
            let other: String = r.try_get("participant")?;
            if other != participant.as_str() {
                return Err(StoreError::Conflict(other).into());
            }
        }
        sqlx::query(
            "DELETE FROM programme_participants WHERE programme_id = $1 AND participant = $2",
        )
        .bind(id.0)
        .bind(participant.as_str())
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO programme_participants (programme_id, participant, tenant_id, linked_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(id.0)
        .bind(participant.as_str())
        .bind(tenant.0)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        crate::audit::write(
            &mut tx,
            Some(tenant),
            &self.actor,
            "programme.link",
            &format!("programme {id}: participant {participant}"),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Ends a participant's link to its tenant.
    pub async fn unlink(&self, id: ProgrammeId, participant: &ParticipantId) -> Result<()> {
        let mut tx = self.store.begin_write().await?;
        lock(&mut tx, id).await?;
        let r = sqlx::query(
            "DELETE FROM programme_participants WHERE programme_id = $1 AND participant = $2",
        )
        .bind(id.0)
        .bind(participant.as_str())
        .execute(&mut *tx)
        .await?;
        if r.rows_affected() == 0 {
            return Err(StoreError::NotFound.into());
        }
        crate::audit::write(
            &mut tx,
            None,
            &self.actor,
            "programme.unlink",
            &format!("programme {id}: participant {participant}"),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

async fn add_member(
    conn: &mut sqlx::AnyConnection,
    id: ProgrammeId,
    user: UserId,
    role: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO programme_members (programme_id, user_id, role, added_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(id.0)
    .bind(user.0)
    .bind(role)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

impl ProgrammeHandle {
    /// The programme's id.
    pub fn id(&self) -> ProgrammeId {
        self.id
    }

    /// The user's standing.
    pub fn standing(&self) -> &Standing {
        &self.standing
    }

    /// The user acting (`None`: tooling).
    pub fn user(&self) -> Option<UserId> {
        self.user
    }

    /// Whether the user may do `action` (the role's function in [`access`]).
    pub fn allows(&self, action: &Action<'_>) -> bool {
        self.standing.allows(self.user, &self.tenants, action)
    }

    /// The programme as the user may see it, with revisions.
    pub async fn stored(&self) -> Result<Stored> {
        let mut conn = self.store.pool.acquire().await?;
        let l = load(&mut conn, self.id).await?;
        let doc = visible(&l.doc, &self.standing, self.user, &self.tenants);
        let keys: std::collections::BTreeSet<(RecordKind, String)> = Record::all(&doc)
            .iter()
            .map(|r| (r.kind(), r.key()))
            .collect();
        let meta = l
            .meta
            .into_iter()
            .filter(|(k, _)| keys.contains(k))
            .collect();
        Ok(Stored {
            doc,
            revision: l.revision,
            meta,
        })
    }

    /// The programme as the user may see it.
    pub async fn document(&self) -> Result<ProgrammeDocument> {
        Ok(self.stored().await?.doc)
    }

    /// The whole programme for export ([`Action::Export`]).
    pub async fn export(&self) -> Result<ProgrammeDocument> {
        if !self.allows(&Action::Export) {
            return Err(ProgrammeError::Forbidden);
        }
        let mut conn = self.store.pool.acquire().await?;
        let doc = load(&mut conn, self.id).await?.doc;
        drop(conn);
        self.audit_read("export").await?;
        Ok(doc)
    }

    /// The tenants linked to the participants the user may see.
    pub async fn linked_tenants(&self) -> Result<Vec<(ParticipantId, TenantId)>> {
        let mut conn = self.store.pool.acquire().await?;
        Ok(links(&mut conn, self.id)
            .await?
            .into_iter()
            .filter(|(p, _)| self.allows(&Action::Participant(p)))
            .collect())
    }

    /// A [`crate::Tenant`] handle on a linked tenant for reading its closed
    /// rounds' pseudonymised results, acting as this user
    /// ([`Action::SurveyResults`]); the read is audited in the tenant's log.
    pub async fn survey_tenant(&self, tenant: TenantId, what: &str) -> Result<crate::Tenant> {
        if !self.allows(&Action::SurveyResults(tenant)) {
            return Err(ProgrammeError::Forbidden);
        }
        let t = self.store.tenant(tenant).acting_as(self.actor.clone());
        t.record_read(
            "programme-survey",
            &format!("programme {}: {what}", self.id),
        )
        .await?;
        Ok(t)
    }

    /// Records that the user read programme data (`what`: `portfolio`,
    /// `matrix`, `export`, …; never content).
    pub async fn audit_read(&self, what: &str) -> Result<()> {
        let mut conn = self.store.pool.acquire().await?;
        crate::audit::write(
            &mut conn,
            None,
            &self.actor,
            &format!("read.programme-{what}"),
            &format!("programme {}", self.id),
        )
        .await?;
        Ok(())
    }

    /// Adds or replaces one record. `expected` is the record's revision as
    /// the user read it (0: the user is adding a new record); a different
    /// stored revision is [`ProgrammeError::Stale`]. Returns the new
    /// revision.
    pub async fn put(&self, record: Record, expected: Option<i64>) -> Result<i64> {
        let kind = record.kind();
        let key = record.key();
        self.modify(kind, &key, expected, move |_| Ok(record)).await
    }

    /// Changes one record with `change`, which gets the stored record (none
    /// when it does not exist) and returns the new one (with the same kind
    /// and key). Checked, validated and audited as [`ProgrammeHandle::put`].
    pub async fn modify(
        &self,
        kind: RecordKind,
        key: &str,
        expected: Option<i64>,
        change: impl FnOnce(Option<&Record>) -> Result<Record>,
    ) -> Result<i64> {
        let mut tx = self.store.begin_write().await?;
        lock(&mut tx, self.id).await?;
        let loaded = load(&mut tx, self.id).await?;
        let before = Record::find(&loaded.doc, kind, key);
        let meta = loaded.meta.get(&(kind, key.to_string())).copied();
        if let Some(exp) = expected
            && exp != meta.map_or(0, |m| m.revision)
        {
            return Err(ProgrammeError::Stale);
        }
        // A record the user may not see is as absent as one that does not
        // exist.
        if let Some(p) = before.as_ref().and_then(Record::participant)
            && !self.allows(&Action::Participant(p))
            && !matches!(before, Some(Record::Learning(_)))
        {
            return Err(StoreError::NotFound.into());
        }
        let after = change(before.as_ref())?;
        if after.kind() != kind || after.key() != key {
            return Err(StoreError::Invalid("a change may not move a record".into()).into());
        }
        if !self.allows(&Action::Write {
            before: before.as_ref(),
            after: &after,
            created_by: meta.and_then(|m| m.created_by),
        }) {
            return Err(ProgrammeError::Forbidden);
        }
        let links = links(&mut tx, self.id).await?;
        if let Record::Participant(p) = &after {
            self.check_rounds(&mut tx, &links, before.as_ref(), p)
                .await?;
        }
        let mut doc = loaded.doc.clone();
        after.clone().put_into(&mut doc);
        doc.validate()?;
        let revision = match meta {
            Some(m) => {
                sqlx::query(
                    "UPDATE programme_records SET body = $1, participant = $2, revision = revision + 1, updated_at = $3 WHERE programme_id = $4 AND kind = $5 AND key = $6",
                )
                .bind(after.body())
                .bind(after.participant().map(|p| p.to_string()))
                .bind(now())
                .bind(self.id.0)
                .bind(kind.as_str())
                .bind(key)
                .execute(&mut *tx)
                .await?;
                m.revision + 1
            }
            None => {
                sqlx::query(
                    "INSERT INTO programme_records (programme_id, kind, key, participant, position, body, revision, created_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8)",
                )
                .bind(self.id.0)
                .bind(kind.as_str())
                .bind(key)
                .bind(after.participant().map(|p| p.to_string()))
                .bind(loaded.positions.get(&kind).copied().unwrap_or(0))
                .bind(after.body())
                .bind(self.user.map(|u| u.0))
                .bind(now())
                .execute(&mut *tx)
                .await?;
                1
            }
        };
        let tenant = after
            .participant()
            .and_then(|p| links.iter().find(|(q, _)| q == p))
            .map(|(_, t)| *t);
        crate::audit::write(
            &mut tx,
            tenant,
            &self.actor,
            if meta.is_some() {
                "programme.change"
            } else {
                "programme.add"
            },
            &format!("programme {}: {} {key}", self.id, kind.as_str()),
        )
        .await?;
        tx.commit().await?;
        Ok(revision)
    }

    /// New survey rounds attached to a linked participant must be closed
    /// rounds of its tenant (their database id as text).
    async fn check_rounds(
        &self,
        conn: &mut sqlx::AnyConnection,
        links: &[(ParticipantId, TenantId)],
        before: Option<&Record>,
        p: &Participant,
    ) -> Result<()> {
        let Some((_, tenant)) = links.iter().find(|(q, _)| q == &p.id) else {
            return Ok(());
        };
        let old: Vec<&str> = match before {
            Some(Record::Participant(b)) => b
                .survey_rounds
                .iter()
                .map(|r| r.round.as_str())
                .chain(
                    b.pre_analysis
                        .iter()
                        .flat_map(|a| a.baseline_round.as_ref().map(|r| r.as_str())),
                )
                .collect(),
            _ => Vec::new(),
        };
        let new = p
            .survey_rounds
            .iter()
            .map(|r| r.round.as_str())
            .chain(
                p.pre_analysis
                    .iter()
                    .flat_map(|a| a.baseline_round.as_ref().map(|r| r.as_str())),
            )
            .filter(|r| !old.contains(r));
        for r in new {
            let Ok(round) = r.parse::<i64>() else {
                return Err(ProgrammeError::UnknownRound(r.to_string()));
            };
            let status = sqlx::query("SELECT status FROM rounds WHERE id = $1 AND tenant_id = $2")
                .bind(round)
                .bind(tenant.0)
                .fetch_optional(&mut *conn)
                .await?;
            let Some(status) = status else {
                return Err(ProgrammeError::UnknownRound(r.to_string()));
            };
            if status.try_get::<String, _>("status")? != "closed" {
                return Err(ProgrammeError::RoundNotClosed(r.to_string()));
            }
        }
        Ok(())
    }

    /// Removes one record (checked, validated and audited as a change).
    pub async fn remove(&self, kind: RecordKind, key: &str, expected: Option<i64>) -> Result<()> {
        let mut tx = self.store.begin_write().await?;
        lock(&mut tx, self.id).await?;
        let loaded = load(&mut tx, self.id).await?;
        let record = Record::find(&loaded.doc, kind, key).ok_or(StoreError::NotFound)?;
        let meta = loaded.meta.get(&(kind, key.to_string())).copied();
        if let Some(exp) = expected
            && exp != meta.map_or(0, |m| m.revision)
        {
            return Err(ProgrammeError::Stale);
        }
        if let Some(p) = record.participant()
            && !self.allows(&Action::Participant(p))
        {
            return Err(StoreError::NotFound.into());
        }
        if !self.allows(&Action::Remove {
            record: &record,
            created_by: meta.and_then(|m| m.created_by),
        }) {
            return Err(ProgrammeError::Forbidden);
        }
        let mut doc = loaded.doc;
        Record::remove_from(&mut doc, kind, key);
        doc.validate()?;
        sqlx::query(
            "DELETE FROM programme_records WHERE programme_id = $1 AND kind = $2 AND key = $3",
        )
        .bind(self.id.0)
        .bind(kind.as_str())
        .bind(key)
        .execute(&mut *tx)
        .await?;
        crate::audit::write(
            &mut tx,
            None,
            &self.actor,
            "programme.remove",
            &format!("programme {}: {} {key}", self.id, kind.as_str()),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Replaces the programme record (vocabulary, glossary, phase models,
    /// schedule, catalogue; [`Action::ProgrammeRecord`]). `expected` is the
    /// programme's revision as the user read it.
    pub async fn put_programme(&self, programme: Programme, expected: Option<i64>) -> Result<()> {
        if !self.allows(&Action::ProgrammeRecord) {
            return Err(ProgrammeError::Forbidden);
        }
        let mut tx = self.store.begin_write().await?;
        let rev = lock(&mut tx, self.id).await?;
        if let Some(exp) = expected
            && exp != rev - 1
        {
            return Err(ProgrammeError::Stale);
        }
        let mut doc = load(&mut tx, self.id).await?.doc;
        if programme.id != doc.programme.id {
            return Err(ProgrammeError::OtherProgramme {
                expected: doc.programme.id.to_string(),
                found: programme.id.to_string(),
            });
        }
        doc.programme = programme;
        doc.validate()?;
        sqlx::query("UPDATE programmes SET name = $1, record = $2 WHERE id = $3")
            .bind(&doc.programme.name)
            .bind(serde_json::to_string(&doc.programme).expect("records serialise"))
            .bind(self.id.0)
            .execute(&mut *tx)
            .await?;
        crate::audit::write(
            &mut tx,
            None,
            &self.actor,
            "programme.change",
            &format!("programme {}: programme record", self.id),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Replaces the whole programme by an imported document of the same
    /// programme ([`Action::Import`]): every record is replaced, links of
    /// participants no longer in it end, members stay.
    pub async fn replace(&self, doc: &ProgrammeDocument) -> Result<()> {
        if !self.allows(&Action::Import) {
            return Err(ProgrammeError::Forbidden);
        }
        doc.validate()?;
        let mut tx = self.store.begin_write().await?;
        lock(&mut tx, self.id).await?;
        let old = load(&mut tx, self.id).await?.doc;
        if doc.programme.id != old.programme.id {
            return Err(ProgrammeError::OtherProgramme {
                expected: old.programme.id.to_string(),
                found: doc.programme.id.to_string(),
            });
        }
        sqlx::query("DELETE FROM programme_records WHERE programme_id = $1")
            .bind(self.id.0)
            .execute(&mut *tx)
            .await?;
        insert_all(&mut tx, self.id, doc, self.user).await?;
        sqlx::query("UPDATE programmes SET name = $1, record = $2 WHERE id = $3")
            .bind(&doc.programme.name)
            .bind(serde_json::to_string(&doc.programme).expect("records serialise"))
            .bind(self.id.0)
            .execute(&mut *tx)
            .await?;
        for (p, _) in links(&mut tx, self.id).await? {
            if doc.participant(&p).is_none() {
                sqlx::query(
                    "DELETE FROM programme_participants WHERE programme_id = $1 AND participant = $2",
                )
                .bind(self.id.0)
                .bind(p.as_str())
                .execute(&mut *tx)
                .await?;
            }
        }
        crate::audit::write(
            &mut tx,
            None,
            &self.actor,
            "programme.import",
            &format!("programme {}: {} records", self.id, Record::all(doc).len()),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Reads a record of `kind` from its JSON text (a form's), checked as
    /// part of the stored programme: the text is put in the place of the
    /// record with the same key (or appended) and the whole document is
    /// read with `samspill-programme`'s strict rules, so every problem names
    /// the path of the bad field ([`ProgrammeError::Invalid`]). Nothing is
    /// stored; [`ProgrammeHandle::put`] does that, checked again.
    pub async fn parse_record(&self, kind: RecordKind, text: &str) -> Result<Record> {
        use samspill_programme::document::{DocumentError, Problem};
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            DocumentErrors(vec![DocumentError {
                path: String::new(),
                problem: Problem::Syntax {
                    line: e.line(),
                    column: e.column(),
                    detail: e.to_string(),
                },
            }])
        })?;
        let mut conn = self.store.pool.acquire().await?;
        let doc = load(&mut conn, self.id).await?.doc;
        drop(conn);
        let mut whole = serde_json::to_value(&doc).expect("records serialise");
        let field = kind.document_field();
        let list = whole
            .as_object_mut()
            .expect("a document is an object")
            .entry(field)
            .or_insert_with(|| serde_json::Value::Array(Vec::new()));
        let items = list.as_array_mut().expect("record lists are arrays");
        let key_field = match kind {
            RecordKind::Organisation | RecordKind::ActionPlan => "participant",
            _ => "id",
        };
        let key = value.get(key_field).cloned();
        let at = match items
            .iter()
            .position(|x| key.is_some() && x.get(key_field) == key.as_ref())
        {
            Some(i) => {
                items[i] = value;
                i
            }
            None => {
                items.push(value);
                items.len() - 1
            }
        };
        let parsed = ProgrammeDocument::from_value(whole)?;
        Ok(Record::all(&parsed)
            .into_iter()
            .filter(|r| r.kind() == kind)
            .nth(at)
            .expect("the record is where it was put"))
    }

    /// Signs off (or withdraws the sign-off of) the user's own column of an
    /// evaluation round's matrix, as a programme leader or coordinator
    /// ([`Action::MatrixColumn`]). `None` withdraws.
    pub async fn sign_off(
        &self,
        round: &str,
        participant: &ParticipantId,
        sign_off: Option<SignOff>,
    ) -> Result<()> {
        if !self.allows(&Action::MatrixColumn(participant)) {
            return Err(StoreError::NotFound.into());
        }
        if let Some(s) = &sign_off
            && &s.participant != participant
        {
            return Err(ProgrammeError::Forbidden);
        }
        self.modify(RecordKind::EvaluationRound, round, None, |before| {
            let Some(Record::EvaluationRound(r)) = before else {
                return Err(StoreError::NotFound.into());
            };
            if !r.participants.is_empty() && !r.participants.contains(participant) {
                return Err(StoreError::NotFound.into());
            }
            let mut r = r.clone();
            r.sign_offs.retain(|s| &s.participant != participant);
            r.sign_offs.extend(sign_off);
            Ok(Record::EvaluationRound(r))
        })
        .await
        .map(|_| ())
    }
}
