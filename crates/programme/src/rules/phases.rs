//! Which phase a participant is in: by the calendar and in reality, gate
//! by gate, with overruns and extensions.
//!
//! * **Calendar schedule.** The path's `start_phase` (the first phase if
//!   none is given) starts on the path's `start`; each phase then lasts its
//!   maximum duration (its minimum if it has no maximum; open-ended if it
//!   has neither) and the next starts where it ends. Planned dates entered
//!   on a phase replace the chained ones. The *calendar phase* at a date is
//!   the scheduled phase that contains it.
//! * **Real phase.** A phase is complete at a date when its actual end is
//!   recorded by then, or when every required gate is passed by then (a
//!   phase with no required gate needs its actual end). Phases before the
//!   start phase count as complete unless their records say otherwise. The
//!   *real phase* is the first phase not complete.
//! * **Gates.** A gate is passed on its recorded date, or else on the date
//!   its evidence shows (a signed agreement, an appointed leader, an
//!   approved action plan, …).
//! * **Overrun.** The current phase may last from its actual start (its
//!   scheduled start if none is recorded) for its maximum duration, or
//!   until its planned end if one is entered, or until its last extension.
//!   Past that day it overruns, by whole months and days.
//! * **Finished phases** that took longer than allowed are reported as
//!   completed late; those shorter than their minimum as such. A phase
//!   ends on the day the next one starts (its actual end), having used the
//!   days before it.

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::document::ProgrammeDocument;
use crate::finding::{Finding, FindingKind, Labelled};
use crate::ids::{GateKey, ParticipantId, PhaseKey};
use crate::model::{
    GateDef, GateEvidence, Outcome, Participant, PhaseDef, PhaseModel, PhaseModelRef, PhaseRecord,
    known_from,
};
use crate::text::{Message, Value};

/// Where a participant is on a schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", content = "phase", rename_all = "snake_case")]
pub enum Position {
    /// Before the first phase.
    NotStarted,
    /// In this phase.
    In(PhaseKey),
    /// Past the last phase.
    Finished,
}

impl Position {
    fn index(&self, model: &PhaseModel) -> usize {
        match self {
            Position::NotStarted => 0,
            Position::In(k) => model
                .phases
                .iter()
                .position(|p| &p.key == k)
                .map_or(0, |i| i + 1),
            Position::Finished => model.phases.len() + 1,
        }
    }
}

/// A gate's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GateState {
    /// Passed.
    Passed,
    /// Not passed; no planned date has passed.
    Open,
    /// Not passed, and the planned date has passed.
    Overdue,
}

/// One gate of one phase of a participant's path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GateView {
    /// The gate and its label.
    pub gate: Labelled<GateKey>,
    /// Whether the phase needs it.
    pub required: bool,
    /// The planned date.
    pub planned: Option<Date>,
    /// When it was passed.
    pub passed: Option<Date>,
    /// The record that shows it passed, when no date was entered.
    pub evidence: Option<GateEvidence>,
    /// The state.
    pub state: GateState,
}

/// One phase of a participant's path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PhaseView {
    /// The phase and its label.
    pub phase: Labelled<PhaseKey>,
    /// Minimum duration in months.
    pub min_months: Option<u32>,
    /// Maximum duration in months.
    pub max_months: Option<u32>,
    /// Calendar start.
    pub scheduled_start: Option<Date>,
    /// Calendar end (the last day of the phase).
    pub scheduled_end: Option<Date>,
    /// Actual start.
    pub actual_start: Option<Date>,
    /// Actual end.
    pub actual_end: Option<Date>,
    /// The last day the phase may run (its maximum duration from its start,
    /// its planned end, or its last extension), if limited.
    pub allowed_end: Option<Date>,
    /// Whether the phase is complete at the date.
    pub complete: bool,
    /// Agreed extensions (until, reason).
    pub extensions: Vec<(Date, String)>,
    /// The gates.
    pub gates: Vec<GateView>,
}

/// A participant's path at a date: calendar and real phase side by side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PathStatus {
    /// Whose path.
    pub participant: ParticipantId,
    /// As of when.
    pub at: Date,
    /// The phase model followed.
    pub model: PhaseModelRef,
    /// Where the calendar says the participant is.
    pub calendar: Position,
    /// Where the participant really is.
    pub real: Position,
    /// Every phase.
    pub phases: Vec<PhaseView>,
    /// The findings (behind schedule, overrun, extension, gates, …).
    pub findings: Vec<Finding>,
}

impl PathStatus {
    /// Whether the calendar is ahead of the real phase.
    pub fn behind_schedule(&self) -> bool {
        self.findings
            .iter()
            .any(|f| matches!(f.kind, FindingKind::BehindSchedule { .. }))
    }

    /// The overrun of the current phase, if any: (phase, months, days).
    pub fn overrun(&self) -> Option<(&PhaseKey, i32, i64)> {
        self.findings.iter().find_map(|f| match &f.kind {
            FindingKind::PhaseOverrun {
                phase,
                months,
                days,
                ..
            } => Some((&phase.key, *months, *days)),
            _ => None,
        })
    }

    /// The gates of the real phase that are not passed.
    pub fn open_gates(&self) -> Vec<&GateView> {
        let Position::In(k) = &self.real else {
            return Vec::new();
        };
        self.phases
            .iter()
            .filter(|p| &p.phase.key == k)
            .flat_map(|p| p.gates.iter().filter(|g| g.state != GateState::Passed))
            .collect()
    }
}

/// The label of a phase: its own, or the default text of its key.
pub fn phase_label(def: &PhaseDef) -> Value {
    match &def.label {
        Some(l) => Value::Text(l.clone()),
        None => Message::new(format!(
            "programme-phase-{}",
            def.key.as_str().replace('_', "-")
        ))
        .into(),
    }
}

/// The label of a gate: its own, or the default text of its key.
pub fn gate_label(def: &GateDef) -> Value {
    match &def.label {
        Some(l) => Value::Text(l.clone()),
        None => Message::new(format!(
            "programme-gate-{}",
            def.key.as_str().replace('_', "-")
        ))
        .into(),
    }
}

fn labelled_phase(def: &PhaseDef) -> Labelled<PhaseKey> {
    Labelled {
        key: def.key.clone(),
        label: phase_label(def),
    }
}

/// The date the evidence of a gate shows it passed (by `at`), if it does.
pub fn evidence_date(
    doc: &ProgrammeDocument,
    participant: &Participant,
    evidence: GateEvidence,
    at: Date,
) -> Option<Date> {
    let by = |d: Option<Date>| d.map(Date::start).filter(|d| *d <= at.start());
    let application = doc.application_of(&participant.id);
    match evidence {
        GateEvidence::ApplicationSubmitted => by(application.and_then(|(_, a)| a.received)),
        GateEvidence::PoliticalDecision => by(application.and_then(|(c, a)| {
            // A decision without a date of its own came before the
            // application, so the application (or the admission) dates it.
            a.political_decision
                .as_ref()
                .and_then(|d| d.date.or(a.received).or(c.decision))
        })),
        GateEvidence::Admitted => by(participant.admitted.or_else(|| {
            application
                .filter(|(_, a)| a.outcome == Some(Outcome::Admitted))
                .and_then(|(c, _)| c.decision)
        })),
        GateEvidence::AgreementSigned => participant
            .agreements
            .iter()
            .filter(|a| a.signed)
            .filter_map(|a| known_from(a.signed_on, &a.sources))
            .filter(|d| *d <= at.start())
            .min(),
        GateEvidence::LeaderAppointed => doc
            .organisation(&participant.id)
            .and_then(|o| o.leader.as_ref())
            .and_then(|l| known_from(l.appointed, &l.sources))
            .filter(|d| *d <= at.start()),
        GateEvidence::ActionPlanApproved => doc
            .action_plan(&participant.id)
            .and_then(|p| {
                p.versions
                    .iter()
                    .filter_map(|v| v.approved)
                    .map(Date::start)
                    .min()
            })
            .filter(|d| *d <= at.start()),
        GateEvidence::ActionPlanRevised => doc.action_plan(&participant.id).and_then(|p| {
            let mut approved: Vec<Date> = p
                .versions
                .iter()
                .filter_map(|v| v.approved)
                .map(Date::start)
                .filter(|d| *d <= at.start())
                .collect();
            approved.sort();
            approved.get(1).copied()
        }),
        GateEvidence::ContinuationPlan => doc.action_plan(&participant.id).and_then(|p| {
            p.versions
                .iter()
                .flat_map(|v| v.measures.iter())
                .filter(|m| m.continuation && m.status == crate::model::MeasureStatus::Completed)
                .filter_map(|m| m.end)
                .map(Date::start)
                .filter(|d| *d <= at.start())
                .min()
        }),
    }
}

/// The schedule: (start, end) per phase, `None` where unscheduled.
fn schedule(
    model: &PhaseModel,
    path: &crate::model::ParticipantPath,
) -> Vec<(Option<Date>, Option<Date>)> {
    let first = path
        .start_phase
        .as_ref()
        .and_then(|k| model.phases.iter().position(|p| &p.key == k))
        .unwrap_or(0);
    let record = |k: &PhaseKey| path.phases.iter().find(|r| &r.phase == k);
    let mut out = vec![(None, None); model.phases.len()];
    let mut next_start = Some(path.start.start());
    for (i, def) in model.phases.iter().enumerate().skip(first) {
        let rec = record(&def.key);
        let start = rec
            .and_then(|r| r.planned_start)
            .map(Date::start)
            .or(next_start);
        let months = def.max_months.or(def.min_months);
        let end = rec
            .and_then(|r| r.planned_end)
            .map(|d| d.end().add_days(1))
            .or_else(|| start.zip(months).map(|(s, m)| s.add_months(m as i32)));
        out[i] = (start, end);
        next_start = end;
    }
    out
}

/// The status of a participant's path at `at`; `None` if the participant
/// has no path or its phase model is missing.
pub fn path_status(
    doc: &ProgrammeDocument,
    participant: &Participant,
    at: Date,
) -> Option<PathStatus> {
    let path = participant.path.as_ref()?;
    let model = doc.phase_model(&path.model)?;
    let at = at.start();
    let sched = schedule(model, path);
    let first = path
        .start_phase
        .as_ref()
        .and_then(|k| model.phases.iter().position(|p| &p.key == k))
        .unwrap_or(0);
    let pid = Some(&participant.id);
    let mut findings = Vec::new();

    // Calendar position.
    let calendar = match sched.get(first).and_then(|s| s.0) {
        Some(s) if at < s => Position::NotStarted,
        _ => {
            let mut pos = Position::Finished;
            for (i, (s, e)) in sched.iter().enumerate().skip(first) {
                let started = s.is_none_or(|s| s <= at);
                if started && e.is_none_or(|e| at < e) {
                    pos = Position::In(model.phases[i].key.clone());
                    break;
                }
                if s.is_none() && e.is_none() {
                    pos = Position::In(model.phases[i].key.clone());
                    break;
                }
            }
            pos
        }
    };

    let mut phases = Vec::new();
    let mut real: Option<Position> = None;
    let mut previous_end: Option<Date> = None;
    for (i, def) in model.phases.iter().enumerate() {
        let rec: Option<&PhaseRecord> = path.phases.iter().find(|r| r.phase == def.key);
        let empty = PhaseRecord {
            phase: def.key.clone(),
            planned_start: None,
            planned_end: None,
            actual_start: None,
            actual_end: None,
            extensions: Vec::new(),
            gates: Vec::new(),
        };
        let rec = rec.unwrap_or(&empty);
        let gates: Vec<GateView> = def
            .gates
            .iter()
            .map(|g| {
                let gr = rec.gates.iter().find(|x| x.gate == g.key);
                let recorded = gr
                    .and_then(|x| x.done)
                    .map(Date::start)
                    .filter(|d| *d <= at);
                let (passed, evidence) = match recorded {
                    Some(d) => (Some(d), None),
                    None => match g
                        .evidence
                        .and_then(|e| evidence_date(doc, participant, e, at).map(|d| (d, e)))
                    {
                        Some((d, e)) => (Some(d), Some(e)),
                        None => (None, None),
                    },
                };
                let planned = gr.and_then(|x| x.planned);
                let state = if passed.is_some() {
                    GateState::Passed
                } else if planned.is_some_and(|p| p.end() < at) {
                    GateState::Overdue
                } else {
                    GateState::Open
                };
                GateView {
                    gate: Labelled {
                        key: g.key.clone(),
                        label: gate_label(g),
                    },
                    required: g.required,
                    planned,
                    passed,
                    evidence,
                    state,
                }
            })
            .collect();
        let required: Vec<&GateView> = gates.iter().filter(|g| g.required).collect();
        let ended = rec.actual_end.map(Date::start).filter(|d| *d <= at);
        let gates_done =
            !required.is_empty() && required.iter().all(|g| g.state == GateState::Passed);
        let before_start = i < first && rec.actual_start.is_none() && rec.actual_end.is_none();
        let complete = ended.is_some() || gates_done || before_start;

        let actual_start = rec.actual_start.map(Date::start);
        let effective_start = actual_start.or(previous_end).or(sched[i].0);
        let limit = def.max_months.map(|m| m as i32);
        // The last day the phase may run (inclusive).
        let mut allowed_end = rec.planned_end.map(Date::end).or_else(|| {
            effective_start
                .zip(limit)
                .map(|(s, m)| s.add_months(m).add_days(-1))
        });
        let last_extension = rec.extensions.iter().max_by_key(|e| e.until);
        if let Some(e) = last_extension {
            let until = e.until.end();
            allowed_end = Some(allowed_end.map_or(until, |a| a.max(until)));
        }

        if real.is_none() && !complete && !before_start {
            let started =
                actual_start.is_some_and(|s| s <= at) || effective_start.is_some_and(|s| s <= at);
            real = Some(if started || i > 0 {
                Position::In(def.key.clone())
            } else {
                Position::NotStarted
            });
            // The current phase: overrun, extension, overdue gates.
            if started && let Some(end) = allowed_end {
                if at > end {
                    findings.push(Finding::new(
                        pid,
                        FindingKind::PhaseOverrun {
                            phase: labelled_phase(def),
                            allowed_end: end,
                            months: at.months_since(end.add_days(1)),
                            days: at.days_since(end),
                            extension_reason: last_extension.map(|e| e.reason.clone()),
                        },
                    ));
                } else if let Some(e) = last_extension {
                    findings.push(Finding::new(
                        pid,
                        FindingKind::PhaseExtended {
                            phase: labelled_phase(def),
                            until: e.until,
                            reason: e.reason.clone(),
                        },
                    ));
                }
            }
            for g in &gates {
                if g.required && g.state == GateState::Overdue {
                    findings.push(Finding::new(
                        pid,
                        FindingKind::GateOverdue {
                            phase: labelled_phase(def),
                            gate: g.gate.clone(),
                            planned: g.planned.expect("overdue gates have a planned date"),
                        },
                    ));
                }
            }
        }

        // Finished phases: duration against the limits, gates left open.
        // A phase ends on the day the next one starts, having used the
        // days before it: it is late if it ends after the day following
        // its last allowed day.
        if let (Some(s), Some(e)) = (actual_start, ended) {
            if let Some(first_after) = allowed_end.map(|a| a.add_days(1)).filter(|a| e > *a) {
                findings.push(Finding::new(
                    pid,
                    FindingKind::PhaseCompletedLate {
                        phase: labelled_phase(def),
                        months: e.months_since(first_after),
                        days: e.days_since(first_after),
                    },
                ));
            }
            if let Some(min) = def.min_months {
                let took = e.months_since(s);
                if took < min as i32 {
                    findings.push(Finding::new(
                        pid,
                        FindingKind::PhaseShorterThanMinimum {
                            phase: labelled_phase(def),
                            months: took,
                            minimum: min,
                        },
                    ));
                }
            }
        }
        if ended.is_some() {
            for g in gates
                .iter()
                .filter(|g| g.required && g.state != GateState::Passed)
            {
                findings.push(Finding::new(
                    pid,
                    FindingKind::GateOpenAtPhaseEnd {
                        phase: labelled_phase(def),
                        gate: g.gate.clone(),
                    },
                ));
            }
        }

        previous_end = ended.or(if complete {
            required.iter().filter_map(|g| g.passed).max()
        } else {
            None
        });
        phases.push(PhaseView {
            phase: labelled_phase(def),
            min_months: def.min_months,
            max_months: def.max_months,
            scheduled_start: sched[i].0,
            scheduled_end: sched[i].1.map(|d| d.add_days(-1)),
            actual_start: rec.actual_start,
            actual_end: rec.actual_end,
            allowed_end,
            complete,
            extensions: rec
                .extensions
                .iter()
                .map(|e| (e.until, e.reason.clone()))
                .collect(),
            gates,
        });
    }
    let real = real.unwrap_or(Position::Finished);
    if calendar.index(model) > real.index(model)
        && let (Position::In(c), Position::In(r)) = (&calendar, &real)
    {
        let def = |k: &PhaseKey| {
            model
                .phases
                .iter()
                .find(|p| &p.key == k)
                .expect("model phase")
        };
        findings.insert(
            0,
            Finding::new(
                pid,
                FindingKind::BehindSchedule {
                    calendar: labelled_phase(def(c)),
                    real: labelled_phase(def(r)),
                },
            ),
        );
    }
    Some(PathStatus {
        participant: participant.id.clone(),
        at,
        model: path.model.clone(),
        calendar,
        real,
        phases,
        findings,
    })
}

/// The last day of a participant's path: the actual end of its last phase,
/// or else the scheduled end.
pub fn path_end(doc: &ProgrammeDocument, participant: &Participant) -> Option<Date> {
    let path = participant.path.as_ref()?;
    let model = doc.phase_model(&path.model)?;
    let last = model.phases.last()?;
    path.phases
        .iter()
        .find(|r| r.phase == last.key)
        .and_then(|r| r.actual_end.or(r.planned_end))
        .map(Date::end)
        .or_else(|| {
            schedule(model, path)
                .last()
                .and_then(|s| s.1)
                .map(|d| d.add_days(-1))
        })
}
