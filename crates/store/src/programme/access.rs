//! Who may read and change what in a programme: **one function per role**
//! ([`funder`], [`evaluator`], [`coordinator`]), each a pure answer to one
//! [`Action`], so the rules can be read, tested and joined with other
//! grant models in one place. The store asks them on every read it filters
//! and every write it commits; the web pages ask them to decide what to
//! offer.
//!
//! * A **funder's adviser** who is a member of the programme (funder role)
//!   sees every participant of it and the evaluation, keeps the programme
//!   record (vocabulary, glossary, phase models, schedule), the cohorts,
//!   the funder's side of each participant (admission, path plan,
//!   extensions and their reasons, agreements), anchoring assessments,
//!   gatherings and their own learning notes, marks reports read, and moves
//!   the whole programme in and out. Like an evaluator, they may set up
//!   evaluation rounds of their own (log, notes, matrix set-up), never
//!   another's, and never the programme leaders' sign-offs. Survey results of the participants'
//!   tenants are shown pseudonymised.
//! * An **evaluator** who is a member (evaluator role) reads the programme's
//!   data and the participants' pseudonymised survey results, and writes
//!   only their own evaluation rounds (log, notes, matrix set-up) and their
//!   own learning notes.
//! * A **coordinator** of a tenant linked to a participant keeps that
//!   participant's side: the path's actual dates and gates, the planning
//!   calendar, the pre-analysis and attached survey rounds, the
//!   organisation, anchoring assessments, the action plan, reports (all
//!   but the funder's «read»), gatherings they host, learning notes they
//!   write, and the sign-off of their own column of an evaluation round's
//!   matrix. They see the other participants only by name, and learning
//!   notes of others only when shared.
//!
//! Nobody else sees a programme at all (the store answers «not found»).

use samspill_programme::ids::ParticipantId;
use samspill_programme::model::{EvaluationRound, LearningEntry, Participant, ParticipantPath};

use super::Record;
use crate::{TenantId, UserId};

/// Something a user wants to do with a programme.
#[derive(Debug, Clone, Copy)]
pub enum Action<'a> {
    /// Create a new programme (by importing a document).
    Create,
    /// See the programme record, cohorts and every participant's path: the
    /// portfolio.
    Overview,
    /// See one participant's records.
    Participant(&'a ParticipantId),
    /// See the evaluation: every round with its log, notes and whole matrix.
    Evaluation,
    /// See one column of an evaluation round's matrix (and sign it off).
    MatrixColumn(&'a ParticipantId),
    /// See one entry of the learning log.
    Learning(&'a LearningEntry),
    /// See pseudonymised results of a closed survey round of a tenant
    /// linked to the programme.
    SurveyResults(TenantId),
    /// Export the whole programme.
    Export,
    /// Replace the whole programme by an imported document.
    Import,
    /// Change the programme record (vocabulary, glossary, phase models,
    /// schedule, catalogue).
    ProgrammeRecord,
    /// Add or change an aggregate record: `before` is the stored record
    /// (none when new), `created_by` who created it.
    Write {
        /// The record as stored.
        before: Option<&'a Record>,
        /// The record as it would be.
        after: &'a Record,
        /// Who created the stored record.
        created_by: Option<UserId>,
    },
    /// Remove an aggregate record.
    Remove {
        /// The record.
        record: &'a Record,
        /// Who created it.
        created_by: Option<UserId>,
    },
}

/// A user's standing in one programme, found by [`super::standing`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// A member with the funder role.
    Funder,
    /// A member with the evaluator role.
    Evaluator,
    /// The coordinator of the tenant behind a participant.
    Coordinator {
        /// The participant.
        participant: ParticipantId,
        /// Its tenant.
        tenant: TenantId,
    },
    /// Command-line tooling and the demo (everything).
    System,
}

impl Standing {
    /// Whether `user` in this standing may do `action`, by the role's
    /// function. `tenants` are the tenants linked to the programme.
    pub fn allows(&self, user: Option<UserId>, tenants: &[TenantId], action: &Action<'_>) -> bool {
        match (self, user) {
            (Standing::System, _) => true,
            (Standing::Funder, Some(u)) => funder(u, tenants, action),
            (Standing::Evaluator, Some(u)) => evaluator(u, tenants, action),
            (
                Standing::Coordinator {
                    participant,
                    tenant,
                },
                Some(u),
            ) => coordinator(u, participant, *tenant, action),
            _ => false,
        }
    }

    /// The role's machine name (`funder`, `evaluator`, `coordinator`,
    /// `system`).
    pub fn as_str(&self) -> &'static str {
        match self {
            Standing::Funder => "funder",
            Standing::Evaluator => "evaluator",
            Standing::Coordinator { .. } => "coordinator",
            Standing::System => "system",
        }
    }
}

/// A funder's adviser who is a member of the programme.
pub fn funder(user: UserId, tenants: &[TenantId], action: &Action<'_>) -> bool {
    match action {
        Action::Create
        | Action::Overview
        | Action::Participant(_)
        | Action::Evaluation
        | Action::MatrixColumn(_)
        | Action::Learning(_)
        | Action::Export
        | Action::Import
        | Action::ProgrammeRecord => true,
        Action::SurveyResults(t) => tenants.contains(t),
        Action::Write {
            before,
            after,
            created_by,
            ..
        } => match after {
            Record::Cohort(_)
            | Record::Participant(_)
            | Record::Assessment(_)
            | Record::Gathering(_) => true,
            // Only the funder's «read» date of a report.
            Record::Report(r) => match before {
                Some(Record::Report(b)) => {
                    let mut same = b.clone();
                    same.read = r.read;
                    same == *r
                }
                _ => false,
            },
            Record::Learning(_) => before.is_none() || *created_by == Some(user),
            Record::EvaluationRound(r) => own_round(user, before, r, *created_by),
            Record::Organisation(_) | Record::ActionPlan(_) => false,
        },
        Action::Remove { record, created_by } => match record {
            Record::Cohort(_) | Record::Assessment(_) | Record::Gathering(_) => true,
            Record::Learning(_) | Record::EvaluationRound(_) => *created_by == Some(user),
            _ => false,
        },
    }
}

/// An evaluator who is a member of the programme.
pub fn evaluator(user: UserId, tenants: &[TenantId], action: &Action<'_>) -> bool {
    match action {
        Action::Overview
        | Action::Participant(_)
        | Action::Evaluation
        | Action::MatrixColumn(_)
        | Action::Learning(_)
        | Action::Export => true,
        Action::SurveyResults(t) => tenants.contains(t),
        Action::Create | Action::Import | Action::ProgrammeRecord => false,
        Action::Write {
            before,
            after,
            created_by,
            ..
        } => match after {
            Record::EvaluationRound(r) => own_round(user, before, r, *created_by),
            Record::Learning(_) => before.is_none() || *created_by == Some(user),
            _ => false,
        },
        Action::Remove { record, created_by } => {
            matches!(record, Record::EvaluationRound(_) | Record::Learning(_))
                && *created_by == Some(user)
        }
    }
}

/// The coordinator of the tenant behind participant `own`.
pub fn coordinator(
    user: UserId,
    own: &ParticipantId,
    tenant: TenantId,
    action: &Action<'_>,
) -> bool {
    match action {
        Action::Participant(p) | Action::MatrixColumn(p) => *p == own,
        Action::Learning(e) => e.participant.as_ref() == Some(own) || e.shared,
        Action::SurveyResults(t) => *t == tenant,
        Action::Create
        | Action::Overview
        | Action::Evaluation
        | Action::Export
        | Action::Import
        | Action::ProgrammeRecord => false,
        Action::Write {
            before,
            after,
            created_by,
            ..
        } => {
            let mine = |p: &ParticipantId| p == own;
            match after {
                Record::Participant(p) => match before {
                    Some(Record::Participant(b)) => mine(&b.id) && funder_side(b) == funder_side(p),
                    _ => false,
                },
                Record::Organisation(o) => mine(&o.participant) && before_is_own(before, own),
                Record::Assessment(a) => mine(&a.participant) && before_is_own(before, own),
                Record::ActionPlan(a) => mine(&a.participant) && before_is_own(before, own),
                Record::Report(r) => {
                    mine(&r.participant)
                        && match before {
                            None => r.read.is_none(),
                            Some(Record::Report(b)) => mine(&b.participant) && b.read == r.read,
                            Some(_) => false,
                        }
                }
                Record::Gathering(g) => g.host.as_ref() == Some(own) && before_is_own(before, own),
                Record::Learning(e) => {
                    e.participant.as_ref() == Some(own)
                        && (before.is_none() || *created_by == Some(user))
                }
                Record::EvaluationRound(r) => match before {
                    Some(Record::EvaluationRound(b)) => only_own_sign_off(b, r, own),
                    _ => false,
                },
                Record::Cohort(_) => false,
            }
        }
        Action::Remove { record, created_by } => match record {
            Record::Assessment(a) => &a.participant == own,
            Record::Gathering(g) => g.host.as_ref() == Some(own),
            Record::Learning(e) => e.participant.as_ref() == Some(own) && *created_by == Some(user),
            _ => false,
        },
    }
}

/// A new evaluation round without sign-offs, or a change to one of the
/// user's own rounds (its log, notes, participants and matrix set-up) that
/// leaves the programme leaders' sign-offs as they are.
fn own_round(
    user: UserId,
    before: &Option<&Record>,
    after: &EvaluationRound,
    created_by: Option<UserId>,
) -> bool {
    match before {
        None => after.sign_offs.is_empty(),
        Some(Record::EvaluationRound(b)) => {
            created_by == Some(user) && b.sign_offs == after.sign_offs
        }
        Some(_) => false,
    }
}

/// Whether the stored record (if any) belongs to `own` too.
fn before_is_own(before: &Option<&Record>, own: &ParticipantId) -> bool {
    before.is_none_or(|b| b.participant() == Some(own))
}

/// The part of a participant the funder keeps: everything but the path's
/// actual dates and gates, the planning calendar, the pre-analysis, the
/// attached survey rounds and the context.
fn funder_side(p: &Participant) -> Participant {
    let mut p = p.clone();
    p.planning_calendar.clear();
    p.pre_analysis = None;
    p.survey_rounds.clear();
    p.context = None;
    if let Some(path) = &mut p.path {
        *path = path_plan(path);
    }
    p
}

/// A path without what the participant records (actual dates, gate dates).
fn path_plan(path: &ParticipantPath) -> ParticipantPath {
    let mut path = path.clone();
    for r in &mut path.phases {
        r.actual_start = None;
        r.actual_end = None;
        r.gates.clear();
    }
    path.phases.retain(|r| {
        r.planned_start.is_some() || r.planned_end.is_some() || !r.extensions.is_empty()
    });
    path
}

/// Whether `after` differs from `before` only in `own`'s sign-offs.
fn only_own_sign_off(
    before: &EvaluationRound,
    after: &EvaluationRound,
    own: &ParticipantId,
) -> bool {
    let strip = |r: &EvaluationRound| {
        let mut r = r.clone();
        r.sign_offs.retain(|s| &s.participant != own);
        r
    };
    let includes_own = before.participants.is_empty() || before.participants.contains(own);
    includes_own && strip(before) == strip(after)
}
