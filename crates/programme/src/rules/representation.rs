//! Who sits in the steering and project groups: levels and functions,
//! against the programme's function catalogue («summen av den faglige
//! representasjonen i kommunens styringsgruppe og prosjektgruppe bestemmer
//! hva en ser og hvordan en ser det», seed 001 line 375).
//!
//! Members count when their spell holds at the date. Open workshops count
//! with the project group when there is no project group (Hamar's model).
//! A function is *missing* when no member of either group covers it; that
//! is only said when some member has functions recorded at all.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::document::ProgrammeDocument;
use crate::finding::{Finding, FindingKind};
use crate::ids::ParticipantId;
use crate::model::{BodyKind, Level, Member, Organisation};

/// One function of the catalogue and how many members cover it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FunctionCount {
    /// The function's code.
    pub code: String,
    /// Its label.
    pub label: String,
    /// Members covering it.
    pub members: u32,
}

/// The make-up of one kind of body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Representation {
    /// Which kind of body (workshops count as the project group where there
    /// is none).
    pub body: BodyKind,
    /// Members at the date.
    pub members: u32,
    /// Members per level.
    pub by_level: BTreeMap<Level, u32>,
    /// Members per function, in catalogue order (zero where none).
    pub functions: Vec<FunctionCount>,
}

/// The representation in the steering and project groups of a participant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coverage {
    /// Whose.
    pub participant: ParticipantId,
    /// As of when.
    pub at: Date,
    /// The steering group.
    pub steering: Representation,
    /// The project group (or the workshops replacing it).
    pub project: Representation,
    /// Catalogue functions neither group covers (labels), when known.
    pub missing: Vec<String>,
    /// Whether any member has functions recorded.
    pub functions_recorded: bool,
}

/// The members of bodies of `kind` in the programme organisation (top-level
/// bodies, not a sub-project's own groups), holding at `at`.
pub fn members_at(org: &Organisation, kind: BodyKind, at: Date) -> Vec<&Member> {
    org.bodies
        .iter()
        .filter(|b| b.kind == kind && b.parent.is_none() && b.exists_at(at))
        .flat_map(|b| b.members.iter().filter(|m| m.holds_at(at)))
        .collect()
}

fn representation(doc: &ProgrammeDocument, kind: BodyKind, members: &[&Member]) -> Representation {
    let mut by_level = BTreeMap::new();
    for m in members {
        *by_level.entry(m.level).or_insert(0) += 1;
    }
    let functions = doc
        .programme
        .functions
        .iter()
        .map(|f| FunctionCount {
            code: f.code.clone(),
            label: f.label.clone(),
            members: members
                .iter()
                .filter(|m| m.functions.contains(&f.code))
                .count() as u32,
        })
        .collect();
    Representation {
        body: kind,
        members: members.len() as u32,
        by_level,
        functions,
    }
}

/// The steering and project groups of a participant at `at`, with findings.
pub fn coverage(
    doc: &ProgrammeDocument,
    participant: &ParticipantId,
    at: Date,
) -> Option<(Coverage, Vec<Finding>)> {
    let org = doc.organisation(participant)?;
    let steering_members = members_at(org, BodyKind::SteeringGroup, at);
    let mut project_kind = BodyKind::ProjectGroup;
    let mut project_members = members_at(org, BodyKind::ProjectGroup, at);
    if project_members.is_empty() {
        let w = members_at(org, BodyKind::Workshops, at);
        if !w.is_empty() {
            project_kind = BodyKind::Workshops;
            project_members = w;
        }
    }
    let steering = representation(doc, BodyKind::SteeringGroup, &steering_members);
    let project = representation(doc, project_kind, &project_members);
    let functions_recorded = steering_members
        .iter()
        .chain(&project_members)
        .any(|m| !m.functions.is_empty());
    let missing: Vec<String> = if functions_recorded {
        steering
            .functions
            .iter()
            .zip(&project.functions)
            .filter(|(a, b)| a.members == 0 && b.members == 0)
            .map(|(a, _)| a.label.clone())
            .collect()
    } else {
        Vec::new()
    };
    let mut findings = Vec::new();
    let pid = Some(participant);
    if steering.members + project.members > 0 && !doc.programme.functions.is_empty() {
        if !functions_recorded {
            findings.push(Finding::new(pid, FindingKind::FunctionsNotRecorded));
        } else if !missing.is_empty() {
            findings.push(Finding::new(
                pid,
                FindingKind::FunctionsNotRepresented {
                    functions: missing.clone(),
                },
            ));
        }
    }
    Some((
        Coverage {
            participant: participant.clone(),
            at,
            steering,
            project,
            missing,
            functions_recorded,
        },
        findings,
    ))
}
