//! A half-year, annual or final report filled in from the data: phase and
//! gates, status per measure with its indicators, changes in the programme
//! organisation and in the anchoring ratings during the period, and the
//! open findings to comment on. The coordinator edits it; nothing here is
//! stored until they submit.

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::document::ProgrammeDocument;
use crate::finding::{Finding, Labelled};
use crate::ids::{GateKey, MeasureId, ParticipantId, PhaseKey};
use crate::model::{
    MeasureStatus, Member, Orientation, OwnerKind, Participant, PlacementKind, ReportKind,
    known_from,
};

use super::anchoring::{DimensionRating, profile};
use super::coherence::{SurveyFigure, indicator_values};
use super::phases::{Position, path_end, path_status};

/// One measure in a report draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeasureLine {
    /// The measure.
    pub measure: MeasureId,
    /// Its title.
    pub title: String,
    /// The titles of the goals it serves.
    pub goals: Vec<String>,
    /// Who is responsible (name, or the roster id).
    pub responsible: Option<String>,
    /// Its status in the plan version in force at the end of the period.
    pub status: MeasureStatus,
    /// Its status in the previous submitted report: (kind, year, status).
    pub previous: Option<(ReportKind, i32, MeasureStatus)>,
    /// Its indicators.
    pub indicators: Vec<IndicatorLine>,
}

/// One indicator in a report draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorLine {
    /// Its name.
    pub name: String,
    /// Its unit.
    pub unit: Option<String>,
    /// The baseline value.
    pub baseline: Option<f64>,
    /// The target value.
    pub target: Option<f64>,
    /// The latest value by the end of the period.
    pub latest: Option<(Date, f64)>,
}

/// A change in the programme organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum OrganisationChange {
    /// A body was set up.
    BodyEstablished {
        /// The body.
        body: String,
        /// When.
        date: Date,
    },
    /// A body was wound up.
    BodyDissolved {
        /// The body.
        body: String,
        /// When.
        date: Date,
    },
    /// A member joined.
    MemberJoined {
        /// The body.
        body: String,
        /// The member (position, unit or roster id).
        member: String,
        /// When.
        date: Date,
    },
    /// A member left.
    MemberLeft {
        /// The body.
        body: String,
        /// The member.
        member: String,
        /// When.
        date: Date,
    },
    /// The programme leader moved.
    PlacementChanged {
        /// The new unit.
        unit: String,
        /// Its kind.
        kind: PlacementKind,
        /// When.
        date: Date,
    },
    /// The programme leader's orientation changed.
    OrientationChanged {
        /// Towards what.
        towards: Orientation,
        /// When.
        date: Date,
    },
    /// The ownership changed.
    OwnerChanged {
        /// Kind.
        kind: OwnerKind,
        /// Holder.
        holder: Option<String>,
        /// When.
        date: Date,
    },
}

/// A report filled in from the data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportDraft {
    /// Whose.
    pub participant: ParticipantId,
    /// Which report.
    pub kind: ReportKind,
    /// Its year.
    pub year: i32,
    /// The first day of the period reported on.
    pub from: Date,
    /// The last day.
    pub to: Date,
    /// The calendar phase at the end of the period.
    pub calendar: Option<Position>,
    /// The real phase at the end of the period.
    pub real: Option<Position>,
    /// Gates passed in the period: (phase, gate, date).
    pub gates_passed: Vec<(Labelled<PhaseKey>, Labelled<GateKey>, Date)>,
    /// Status per measure.
    pub measures: Vec<MeasureLine>,
    /// Changes in the programme organisation in the period, by date.
    pub organisation_changes: Vec<OrganisationChange>,
    /// Anchoring ratings given in the period.
    pub anchoring: Vec<DimensionRating>,
    /// Findings at the end of the period to comment on.
    pub open_findings: Vec<Finding>,
}

fn member_label(m: &Member) -> String {
    m.position
        .clone()
        .or_else(|| m.unit.clone())
        .or_else(|| m.person.as_ref().map(|p| p.to_string()))
        .unwrap_or_default()
}

/// The period a report covers: half-year: January–June; annual: the year;
/// final: the whole path.
pub fn report_period(
    doc: &ProgrammeDocument,
    participant: &Participant,
    kind: ReportKind,
    year: i32,
) -> Option<(Date, Date)> {
    match kind {
        ReportKind::HalfYear => Some((Date::ymd(year, 1, 1)?, Date::ymd(year, 6, 30)?)),
        ReportKind::Annual => Some((Date::ymd(year, 1, 1)?, Date::ymd(year, 12, 31)?)),
        ReportKind::Final => {
            let start = participant
                .path
                .as_ref()
                .map(|p| p.start)
                .or(participant.admitted)?;
            Some((start.start(), path_end(doc, participant)?.end()))
        }
    }
}

/// A draft of `participant`'s `kind` report for `year` (for a final report,
/// the year is the year it is written).
pub fn prefill(
    doc: &ProgrammeDocument,
    participant: &Participant,
    kind: ReportKind,
    year: i32,
    figures: &[SurveyFigure],
) -> Option<ReportDraft> {
    let (from, to) = report_period(doc, participant, kind, year)?;
    let in_period = |d: Date| d.start() >= from && d.start() <= to;
    let status = path_status(doc, participant, to);
    let gates_passed = status
        .iter()
        .flat_map(|s| s.phases.iter())
        .flat_map(|p| {
            p.gates.iter().filter_map(move |g| {
                g.passed
                    .filter(|d| in_period(*d))
                    .map(|d| (p.phase.clone(), g.gate.clone(), d))
            })
        })
        .collect();

    let previous_report = doc
        .reports_of(&participant.id)
        .filter(|r| {
            r.submitted.is_some_and(|s| s.start() < to) && !(r.kind == kind && r.year == year)
        })
        .max_by_key(|r| r.submitted);
    let measures = doc
        .action_plan(&participant.id)
        .and_then(|p| p.version_at(to))
        .map(|v| {
            v.measures
                .iter()
                .map(|m| MeasureLine {
                    measure: m.id.clone(),
                    title: m.title.clone(),
                    goals: m
                        .goals
                        .iter()
                        .filter_map(|g| v.goal(g).map(|g| g.title.clone()))
                        .collect(),
                    responsible: m.responsible.as_ref().and_then(|r| {
                        r.name
                            .clone()
                            .or_else(|| r.person.as_ref().map(|p| p.to_string()))
                    }),
                    status: m.status,
                    previous: previous_report.and_then(|r| {
                        r.measures
                            .iter()
                            .find(|x| x.measure == m.id)
                            .map(|x| (r.kind, r.year, x.status))
                    }),
                    indicators: v
                        .indicators
                        .iter()
                        .filter(|i| i.measure.as_ref() == Some(&m.id))
                        .map(|i| IndicatorLine {
                            name: i.name.clone(),
                            unit: i.unit.clone(),
                            baseline: i.baseline.map(|b| b.value),
                            target: i.target.map(|t| t.value),
                            latest: indicator_values(&participant.id, i, figures)
                                .into_iter()
                                .rfind(|(d, _)| d.start() <= to),
                        })
                        .collect(),
                })
                .collect()
        })
        .unwrap_or_default();

    let mut changes = Vec::new();
    if let Some(org) = doc.organisation(&participant.id) {
        for b in org.bodies.iter().filter(|b| b.in_programme_organisation()) {
            if let Some(d) = b.established.filter(|d| in_period(*d)) {
                changes.push(OrganisationChange::BodyEstablished {
                    body: b.name.clone(),
                    date: d,
                });
            }
            if let Some(d) = b.dissolved.filter(|d| in_period(*d)) {
                changes.push(OrganisationChange::BodyDissolved {
                    body: b.name.clone(),
                    date: d,
                });
            }
            for m in &b.members {
                if let Some(d) = m.from.filter(|d| in_period(*d)) {
                    changes.push(OrganisationChange::MemberJoined {
                        body: b.name.clone(),
                        member: member_label(m),
                        date: d,
                    });
                }
                if let Some(d) = m.to.filter(|d| in_period(*d)) {
                    changes.push(OrganisationChange::MemberLeft {
                        body: b.name.clone(),
                        member: member_label(m),
                        date: d,
                    });
                }
            }
        }
        if let Some(l) = &org.leader {
            for p in &l.placements {
                if let Some(d) = p.from.filter(|d| in_period(*d)) {
                    changes.push(OrganisationChange::PlacementChanged {
                        unit: p.unit.clone(),
                        kind: p.kind,
                        date: d,
                    });
                }
            }
            for o in &l.orientation {
                if let Some(d) = o.from.filter(|d| in_period(*d)) {
                    changes.push(OrganisationChange::OrientationChanged {
                        towards: o.towards,
                        date: d,
                    });
                }
            }
        }
        for w in &org.owners {
            if let Some(d) = known_from(w.from, &[]).filter(|d| in_period(*d)) {
                changes.push(OrganisationChange::OwnerChanged {
                    kind: w.kind,
                    holder: w.holder.clone(),
                    date: d,
                });
            }
        }
    }
    changes.sort_by_key(|c| match c {
        OrganisationChange::BodyEstablished { date, .. }
        | OrganisationChange::BodyDissolved { date, .. }
        | OrganisationChange::MemberJoined { date, .. }
        | OrganisationChange::MemberLeft { date, .. }
        | OrganisationChange::PlacementChanged { date, .. }
        | OrganisationChange::OrientationChanged { date, .. }
        | OrganisationChange::OwnerChanged { date, .. } => *date,
    });

    let anchoring = profile(doc, participant, to)
        .ratings
        .into_iter()
        .filter(|r| in_period(r.date))
        .collect();
    Some(ReportDraft {
        participant: participant.id.clone(),
        kind,
        year,
        from,
        to,
        calendar: status.as_ref().map(|s| s.calendar.clone()),
        real: status.as_ref().map(|s| s.real.clone()),
        gates_passed,
        measures,
        organisation_changes: changes,
        anchoring,
        open_findings: super::participant_findings(doc, participant, to, figures)
            .into_iter()
            .filter(|f| f.severity >= crate::finding::Severity::Warning)
            .collect(),
    })
}
