//! The funder's portfolio: every participant's phase (calendar and real),
//! overruns, open gates, reports due and late, and anchoring at a glance,
//! with the anchoring counts across the programme.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::document::ProgrammeDocument;
use crate::finding::{Finding, Severity};
use crate::ids::ParticipantId;

use super::anchoring::{AnchoringCounts, AnchoringProfile, counts, profile};
use super::phases::{PathStatus, path_status};
use super::reports::{ReportState, ReportStatus, report_statuses};

/// One participant's line in the portfolio.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PortfolioRow {
    /// Who.
    pub participant: ParticipantId,
    /// Name.
    pub name: String,
    /// Cohort number.
    pub cohort: Option<u32>,
    /// The path (calendar and real phase, phases, gates), if it has one.
    pub path: Option<PathStatus>,
    /// Reports due by the date plus the warning days.
    pub reports: Vec<ReportStatus>,
    /// How many of them are late.
    pub reports_late: u32,
    /// How many are due soon.
    pub reports_due_soon: u32,
    /// Anchoring at a glance.
    pub anchoring: AnchoringProfile,
    /// Every finding about the participant, most serious first.
    pub findings: Vec<Finding>,
    /// Findings per severity.
    pub severity_counts: BTreeMap<Severity, u32>,
}

/// The portfolio of a programme at a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Portfolio {
    /// As of when.
    pub at: Date,
    /// One row per participant, by cohort and name.
    pub rows: Vec<PortfolioRow>,
    /// Anchoring counted across the participants.
    pub counts: AnchoringCounts,
}

/// The portfolio at `at`, with the findings of [`super::participant_findings`].
pub fn portfolio(
    doc: &ProgrammeDocument,
    at: Date,
    figures: &[super::coherence::SurveyFigure],
) -> Portfolio {
    let mut rows: Vec<PortfolioRow> = doc
        .participants
        .iter()
        .map(|p| {
            let (reports, _) = report_statuses(doc, p, at);
            let findings = super::participant_findings(doc, p, at, figures);
            let mut severity_counts = BTreeMap::new();
            for f in &findings {
                *severity_counts.entry(f.severity).or_insert(0) += 1;
            }
            PortfolioRow {
                participant: p.id.clone(),
                name: p.name.clone(),
                cohort: p
                    .cohort
                    .as_ref()
                    .and_then(|c| doc.cohorts.iter().find(|x| &x.id == c))
                    .map(|c| c.number),
                path: path_status(doc, p, at),
                reports_late: reports
                    .iter()
                    .filter(|r| r.state == ReportState::Late)
                    .count() as u32,
                reports_due_soon: reports
                    .iter()
                    .filter(|r| r.state == ReportState::DueSoon)
                    .count() as u32,
                reports,
                anchoring: profile(doc, p, at),
                findings,
                severity_counts,
            }
        })
        .collect();
    rows.sort_by(|a, b| (a.cohort, &a.name).cmp(&(b.cohort, &b.name)));
    Portfolio {
        at: at.start(),
        rows,
        counts: counts(doc, &[], at),
    }
}
