//! The action plan against the municipality's planning calendar
//! (rullering): the seed found it «utfordrende å innpasse handlingsplanen
//! tidsmessig med kommunenes rullering av planer».
//!
//! * An action plan not yet approved is *expected* on its latest version's
//!   planned approval date, or else on the planned date of the gate whose
//!   evidence is an approved action plan.
//! * The plans it should feed are the plan types its plan-anchoring facts
//!   name (adopted or planned); if it names none, every plan in the
//!   calendar.
//! * For each of those plan types, the next revision is the first whose
//!   deadline (input deadline, or adoption) is on or after the date. If
//!   the expected approval is after that deadline, the plan misses it; the
//!   finding names the revision after it.
//! * No planned approval at all, while the participant is in the phase
//!   that should approve it, is a finding; so is a planned date that has
//!   passed.
//! * An approved plan is revised yearly: more than 12 months after its
//!   latest approval without a new one is a finding.

use std::collections::BTreeSet;

use crate::date::Date;
use crate::document::ProgrammeDocument;
use crate::finding::{Finding, FindingKind};
use crate::model::{Fact, GateEvidence, Participant, PlanStatus, PlanType};

use super::phases::{Position, path_status};

/// Months after its latest approval an action plan is due for revision.
pub const REVISION_MONTHS: i32 = 12;

/// The plan types the participant's action plan should feed.
pub fn target_plans(doc: &ProgrammeDocument, participant: &Participant) -> BTreeSet<PlanType> {
    doc.assessments_of(&participant.id)
        .flat_map(|a| a.evidence.iter())
        .filter_map(|e| match &e.fact {
            Fact::PlanAnchoring {
                plan,
                status: PlanStatus::Adopted | PlanStatus::Planned,
                ..
            } => Some(*plan),
            _ => None,
        })
        .collect()
}

/// When the action plan is expected to be approved, if it is not approved
/// by `at` and a date is planned.
pub fn expected_approval(
    doc: &ProgrammeDocument,
    participant: &Participant,
    at: Date,
) -> Option<Date> {
    let plan = doc.action_plan(&participant.id);
    if plan.is_some_and(|p| p.approved_at(at).is_some()) {
        return None;
    }
    plan.and_then(|p| p.version_at(at).or(p.versions.last()))
        .and_then(|v| v.planned_approval)
        .or_else(|| {
            let path = participant.path.as_ref()?;
            let model = doc.phase_model(&path.model)?;
            model.phases.iter().find_map(|ph| {
                let gate = ph
                    .gates
                    .iter()
                    .find(|g| g.evidence == Some(GateEvidence::ActionPlanApproved))?;
                path.phases
                    .iter()
                    .find(|r| r.phase == ph.key)?
                    .gates
                    .iter()
                    .find(|g| g.gate == gate.key)?
                    .planned
            })
        })
}

/// The findings about the action plan and the planning calendar at `at`.
pub fn revision_findings(
    doc: &ProgrammeDocument,
    participant: &Participant,
    at: Date,
) -> Vec<Finding> {
    let at = at.start();
    let pid = Some(&participant.id);
    let mut out = Vec::new();
    let plan = doc.action_plan(&participant.id);
    if let Some(approved) = plan
        .and_then(|p| p.approved_at(at))
        .and_then(|v| v.approved)
    {
        if approved.start().add_months(REVISION_MONTHS) < at {
            out.push(Finding::new(
                pid,
                FindingKind::ActionPlanRevisionOverdue { approved },
            ));
        }
        return out;
    }
    // Only from the phase whose gate is the approval on: before it, nobody
    // expects a date.
    let in_approval_phase = participant.path.as_ref().is_some_and(|path| {
        let Some(model) = doc.phase_model(&path.model) else {
            return false;
        };
        let Some(status) = path_status(doc, participant, at) else {
            return false;
        };
        let approving = model.phases.iter().position(|ph| {
            ph.gates
                .iter()
                .any(|g| g.evidence == Some(GateEvidence::ActionPlanApproved))
        });
        let real = match &status.real {
            Position::In(k) => model.phases.iter().position(|p| &p.key == k),
            Position::Finished => Some(model.phases.len()),
            Position::NotStarted => None,
        };
        matches!((approving, real), (Some(a), Some(r)) if r >= a)
    });
    let Some(expected) = expected_approval(doc, participant, at) else {
        if in_approval_phase {
            out.push(Finding::new(pid, FindingKind::ActionPlanApprovalNotPlanned));
        }
        return out;
    };
    if expected.end() < at {
        out.push(Finding::new(
            pid,
            FindingKind::ActionPlanApprovalOverdue { planned: expected },
        ));
    }
    let expected_day = expected.start().max(at);
    let mut targets = target_plans(doc, participant);
    if targets.is_empty() {
        targets = participant
            .planning_calendar
            .iter()
            .map(|r| r.plan)
            .collect();
    }
    for plan_type in targets {
        let mut revisions: Vec<_> = participant
            .planning_calendar
            .iter()
            .filter(|r| r.plan == plan_type && r.deadline() >= at)
            .collect();
        revisions.sort_by_key(|r| r.deadline());
        let Some(next) = revisions.first() else {
            continue;
        };
        if expected_day > next.deadline() {
            out.push(Finding::new(
                pid,
                FindingKind::ActionPlanMissesRevision {
                    plan: plan_type,
                    revision: next.name.clone(),
                    deadline: next.deadline(),
                    expected,
                    next: revisions.get(1).map(|r| r.deadline()),
                },
            ));
        }
    }
    out
}
