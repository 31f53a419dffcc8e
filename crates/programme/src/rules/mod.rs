//! The programme's rules: records in, findings out. Each module states its
//! rules in its documentation; thresholds are named constants.
//!
//! Every rule takes a validated [`ProgrammeDocument`] (a store assembles
//! one from its aggregates) and a date: the answer is what the records say
//! *as of* that date, so the same records can be asked about November 2010
//! and about today.

pub mod admission;
pub mod anchoring;
pub mod coherence;
pub mod learning;
pub mod phases;
pub mod planning;
pub mod portfolio;
pub mod prefill;
pub mod reports;
pub mod representation;

use crate::date::Date;
use crate::document::ProgrammeDocument;
use crate::finding::Finding;
use crate::model::Participant;

use coherence::SurveyFigure;

/// Every finding about one participant at `at`: path and gates, the action
/// plan against the planning calendar, coherence of the action plan version
/// in force, representation, anchoring, reports, partners and agreement,
/// learning. Most serious first, then in rule order.
pub fn participant_findings(
    doc: &ProgrammeDocument,
    participant: &Participant,
    at: Date,
    figures: &[SurveyFigure],
) -> Vec<Finding> {
    let mut out = Vec::new();
    if let Some(s) = phases::path_status(doc, participant, at) {
        out.extend(s.findings);
    }
    out.extend(planning::revision_findings(doc, participant, at));
    if let Some(v) = doc
        .action_plan(&participant.id)
        .and_then(|p| p.version_at(at))
    {
        out.extend(coherence::coherence(&participant.id, v, figures));
    }
    if let Some((_, f)) = representation::coverage(doc, &participant.id, at) {
        out.extend(f);
    }
    out.extend(anchoring::findings(doc, participant, at));
    out.extend(reports::report_statuses(doc, participant, at).1);
    out.extend(admission::partner_findings(participant, at));
    out.extend(learning::learning_summary(doc, Some(&participant.id), at).1);
    out.sort_by_key(|f| std::cmp::Reverse(f.severity));
    out
}

/// Every finding of the programme at `at`: each participant's, the
/// cohorts' admission findings and the programme's own learning.
pub fn all_findings(doc: &ProgrammeDocument, at: Date, figures: &[SurveyFigure]) -> Vec<Finding> {
    let mut out: Vec<Finding> = doc
        .participants
        .iter()
        .flat_map(|p| participant_findings(doc, p, at, figures))
        .collect();
    for c in &doc.cohorts {
        out.extend(admission::admission_findings(c));
    }
    out.extend(learning::learning_summary(doc, None, at).1);
    out.sort_by_key(|f| std::cmp::Reverse(f.severity));
    out
}
