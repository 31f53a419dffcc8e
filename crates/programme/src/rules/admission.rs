//! Cohorts and applications, partners and agreements.
//!
//! * A cohort's summary counts applications (the recorded ones, or the
//!   cohort's `applied` count if larger) and outcomes.
//! * An admitted application needs a political decision to apply and a
//!   plan for the programme organisation (both were preconditions in 2009,
//!   domain.md §1.5); without either it is a finding.
//! * A housing area needs a municipality and a housing organisation as
//!   partners (Landsbyggefonden requires the two to make the plan), and
//!   every partner's role should be agreed early (seed 002: «meget tidligt
//!   i fasen at lave en klar rammesætning og rollefordeling»).
//! * An obligation of the participant's signed agreements whose due date has
//!   passed without being done is a finding.

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::document::ProgrammeDocument;
use crate::finding::{Finding, FindingKind};
use crate::ids::{CohortId, ParticipantId};
use crate::model::{Cohort, Outcome, Participant, ParticipantKind, PartnerKind};

/// A cohort in numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortSummary {
    /// The cohort.
    pub cohort: CohortId,
    /// Its number.
    pub number: u32,
    /// Invited, if known.
    pub invited: Option<u32>,
    /// Applications.
    pub applied: u32,
    /// Admitted.
    pub admitted: u32,
    /// Rejected.
    pub rejected: u32,
    /// Deferred or withdrawn.
    pub other: u32,
    /// Not decided.
    pub undecided: u32,
    /// The admitted participants with records.
    pub participants: Vec<ParticipantId>,
}

/// The numbers of a cohort.
pub fn cohort_summary(doc: &ProgrammeDocument, cohort: &Cohort) -> CohortSummary {
    let count = |o: Outcome| {
        cohort
            .applications
            .iter()
            .filter(|a| a.outcome == Some(o))
            .count() as u32
    };
    let recorded = cohort.applications.len() as u32;
    let applied = recorded.max(cohort.applied.unwrap_or(0));
    let decided = cohort
        .applications
        .iter()
        .filter(|a| a.outcome.is_some())
        .count() as u32;
    let admitted = count(Outcome::Admitted);
    // Applications counted but not recorded were, by the admissions
    // recorded, not admitted when the cohort's decision is made.
    let unrecorded = applied - recorded;
    let rejected = count(Outcome::Rejected)
        + if cohort.decision.is_some() {
            unrecorded
        } else {
            0
        };
    CohortSummary {
        cohort: cohort.id.clone(),
        number: cohort.number,
        invited: cohort.invited,
        applied,
        admitted,
        rejected,
        other: count(Outcome::Deferred) + count(Outcome::Withdrawn),
        undecided: recorded - decided
            + if cohort.decision.is_none() {
                unrecorded
            } else {
                0
            },
        participants: doc
            .participants
            .iter()
            .filter(|p| p.cohort.as_ref() == Some(&cohort.id))
            .map(|p| p.id.clone())
            .collect(),
    }
}

/// Findings about a cohort's admitted applications.
pub fn admission_findings(cohort: &Cohort) -> Vec<Finding> {
    let mut out = Vec::new();
    for a in cohort
        .applications
        .iter()
        .filter(|a| a.outcome == Some(Outcome::Admitted))
    {
        let pid = a.participant.as_ref();
        if a.political_decision.is_none() {
            out.push(Finding::new(
                pid,
                FindingKind::AdmittedWithoutPoliticalDecision {
                    applicant: a.applicant.clone(),
                },
            ));
        }
        if !a.organisation_plan {
            out.push(Finding::new(
                pid,
                FindingKind::AdmittedWithoutOrganisationPlan {
                    applicant: a.applicant.clone(),
                },
            ));
        }
    }
    out
}

/// Findings about a participant's partners and agreement at `at`.
pub fn partner_findings(participant: &Participant, at: Date) -> Vec<Finding> {
    let pid = Some(&participant.id);
    let mut out = Vec::new();
    if participant.kind == ParticipantKind::HousingArea {
        for kind in [PartnerKind::Municipality, PartnerKind::HousingOrganisation] {
            if !participant.partners.iter().any(|p| p.kind == kind) {
                out.push(Finding::new(
                    pid,
                    FindingKind::HousingAreaPartnerMissing { missing: kind },
                ));
            }
        }
        for p in &participant.partners {
            if p.role.as_deref().is_none_or(|r| r.trim().is_empty()) {
                out.push(Finding::new(
                    pid,
                    FindingKind::PartnerRoleNotAgreed {
                        partner: p.name.clone(),
                    },
                ));
            }
        }
    }
    for a in participant.agreements.iter().filter(|a| a.signed) {
        for o in &a.obligations {
            if let Some(due) = o.due
                && o.done.is_none_or(|d| d.start() > at.start())
                && due.end() < at.start()
            {
                out.push(Finding::new(
                    pid,
                    FindingKind::ObligationOverdue {
                        text: o.text.clone(),
                        due,
                    },
                ));
            }
        }
    }
    out
}
