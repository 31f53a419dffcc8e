//! The learning log, gatherings and the evaluator's data-collection log.
//!
//! * A participant sees its own learning entries and the entries other
//!   participants (or the programme) marked as shared.
//! * The seed warns that learning mostly stays in loops 1 and 2 (seed 001
//!   line 271: «Å sikre læring på alle tre nivå vil derfor være sentralt»):
//!   when at least [`MIN_ENTRIES_FOR_LOOP_CHECK`] entries of a participant
//!   in the last [`LOOP_WINDOW_MONTHS`] months hold none of loop 3, that is
//!   a finding.
//! * Attendance at gatherings is counted by level per participant.
//! * An evaluation round expects an application, a pre-analysis and an
//!   action plan from each participant it follows; one not received by the
//!   round's status date is a finding.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::document::ProgrammeDocument;
use crate::finding::{Finding, FindingKind};
use crate::ids::ParticipantId;
use crate::model::{
    DocumentKind, EvaluationRound, InformantGroupKind, KnowledgeArea, LearningEntry, LearningLoop,
    Level, LogEntry, Note, Status,
};

/// Entries needed before a missing third loop is worth saying.
pub const MIN_ENTRIES_FOR_LOOP_CHECK: usize = 5;
/// The window the loop check looks at, in months.
pub const LOOP_WINDOW_MONTHS: i32 = 12;

/// The learning entries `viewer` may read: its own, and shared ones.
pub fn visible_entries<'a>(
    doc: &'a ProgrammeDocument,
    viewer: &ParticipantId,
) -> Vec<&'a LearningEntry> {
    doc.learning_log
        .iter()
        .filter(|e| e.participant.as_ref() == Some(viewer) || e.shared)
        .collect()
}

/// Learning entries counted by loop and by knowledge area.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LearningSummary {
    /// Entries per loop.
    pub by_loop: BTreeMap<LearningLoop, u32>,
    /// Entries per knowledge area.
    pub by_area: BTreeMap<KnowledgeArea, u32>,
    /// Entries shared with the other participants.
    pub shared: u32,
}

/// The learning of `participant` (the programme's own entries if `None`)
/// in the [`LOOP_WINDOW_MONTHS`] months up to `at`, with findings.
pub fn learning_summary(
    doc: &ProgrammeDocument,
    participant: Option<&ParticipantId>,
    at: Date,
) -> (LearningSummary, Vec<Finding>) {
    let from = at.start().add_months(-LOOP_WINDOW_MONTHS);
    let entries: Vec<&LearningEntry> = doc
        .learning_log
        .iter()
        .filter(|e| e.participant.as_ref() == participant)
        .filter(|e| e.date.start() <= at.start() && e.date.start() > from)
        .collect();
    let mut s = LearningSummary::default();
    for e in &entries {
        *s.by_loop.entry(e.learning_loop).or_insert(0) += 1;
        *s.by_area.entry(e.area).or_insert(0) += 1;
        s.shared += u32::from(e.shared);
    }
    let mut findings = Vec::new();
    if entries.len() >= MIN_ENTRIES_FOR_LOOP_CHECK && !s.by_loop.contains_key(&LearningLoop::Third)
    {
        findings.push(Finding::new(
            participant,
            FindingKind::NoThirdLoopLearning {
                entries: entries.len(),
            },
        ));
    }
    (s, findings)
}

/// People of `participant` at realised gatherings up to `at`, by level.
pub fn attendance_by_level(
    doc: &ProgrammeDocument,
    participant: &ParticipantId,
    at: Date,
) -> BTreeMap<Level, u32> {
    let mut out = BTreeMap::new();
    for g in doc
        .gatherings
        .iter()
        .filter(|g| g.status == Status::Realised && g.date.is_some_and(|d| d.start() <= at.start()))
    {
        for a in g
            .attendance
            .iter()
            .filter(|a| a.participant.as_ref() == Some(participant))
        {
            *out.entry(a.level).or_insert(0) += a.count;
        }
    }
    out
}

/// What an evaluation round has collected from one participant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Collection {
    /// Whose (none: programme level and funder).
    pub participant: Option<ParticipantId>,
    /// Interviews per informant group and month.
    pub interviews: BTreeMap<InformantGroupKind, BTreeMap<Date, u32>>,
    /// Interviews in all (those with a recorded count).
    pub interview_total: u32,
    /// Informant groups interviewed (log entries).
    pub groups: u32,
    /// Documents received, per kind (first date received).
    pub documents: BTreeMap<DocumentKind, Date>,
    /// Meetings attended.
    pub meetings: u32,
    /// The evaluator's notes.
    pub notes: Vec<Note>,
}

/// The round's data-collection log summarised per participant (in the
/// round's order, then the programme level), with findings for expected
/// documents not received.
pub fn collection(
    doc: &ProgrammeDocument,
    round: &EvaluationRound,
) -> (Vec<Collection>, Vec<Finding>) {
    let followed: Vec<Option<ParticipantId>> = if round.participants.is_empty() {
        doc.participants
            .iter()
            .map(|p| Some(p.id.clone()))
            .collect()
    } else {
        round.participants.iter().cloned().map(Some).collect()
    };
    let mut out = Vec::new();
    let mut findings = Vec::new();
    for who in followed.iter().cloned().chain(std::iter::once(None)) {
        let mut c = Collection {
            participant: who.clone(),
            interviews: BTreeMap::new(),
            interview_total: 0,
            groups: 0,
            documents: BTreeMap::new(),
            meetings: 0,
            notes: round
                .notes
                .iter()
                .filter(|n| n.participant == who)
                .cloned()
                .collect(),
        };
        for e in &round.log {
            match e {
                LogEntry::Interviews {
                    participant,
                    group,
                    month,
                    count,
                    ..
                } if *participant == who => {
                    let month = Date::month_of(month.year(), month.month()).expect("valid month");
                    let n = count.unwrap_or(0);
                    *c.interviews
                        .entry(*group)
                        .or_default()
                        .entry(month)
                        .or_insert(0) += n;
                    c.interview_total += n;
                    c.groups += 1;
                }
                LogEntry::Document {
                    participant,
                    kind,
                    received,
                    ..
                } if *participant == who => {
                    let e = c.documents.entry(*kind).or_insert(*received);
                    *e = (*e).min(*received);
                }
                LogEntry::Meeting { participant, .. } if *participant == who => c.meetings += 1,
                _ => {}
            }
        }
        if let Some(pid) = &who {
            for kind in DocumentKind::EXPECTED {
                if c.documents
                    .get(&kind)
                    .is_none_or(|d| d.start() > round.as_of.start())
                {
                    findings.push(Finding::new(
                        Some(pid),
                        FindingKind::DocumentNotReceived { document: kind },
                    ));
                }
            }
        }
        if who.is_some()
            || c.groups > 0
            || !c.documents.is_empty()
            || c.meetings > 0
            || !c.notes.is_empty()
        {
            out.push(c);
        }
    }
    (out, findings)
}
