//! Anchoring at a glance, per participant and counted across participants.
//!
//! What each count means (every record counts only if it holds at the
//! date: spells that have started and not ended, facts whose own date or
//! earliest source date is on or before it):
//!
//! * **chief executive in the steering group**: a member with the office
//!   of chief executive in a top-level steering group;
//! * **political representation**: a politician member of any body of the
//!   programme organisation (political committees that follow the programme
//!   from outside do not count);
//! * **political / administrative ownership**: the ownership spell's kind;
//! * **political committee**: a political committee body that follows the
//!   programme;
//! * **political decision on the application**: recorded on the application;
//! * **cooperation agreement**: a signed version known by the date;
//! * **programme leader in a strategic unit**: the placement at the date;
//! * **NAV in the programme organisation**: a NAV member of any body of it;
//! * **external actors in the organisation**: a member of an external level;
//! * **user participation**: a realised user-participation fact at the
//!   level of consultation or active participation. Users who were only
//!   informants (in the pre-analysis, or a fact at informant level) do not
//!   count: «noe kvalitativt forskjellig» (seed 001 line 339);
//! * **action plan approved**: a version approved by the date.

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::document::ProgrammeDocument;
use crate::finding::{Finding, FindingKind};
use crate::ids::ParticipantId;
use crate::model::{
    BodyKind, Dimension, Fact, FollowUp, Level, Office, OwnerKind, Participant, PlacementKind,
    PlanStatus, Rating, Status, UserLevel, known_from,
};

use super::representation::members_at;

/// A participant's anchoring at a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnchoringProfile {
    /// Whose.
    pub participant: ParticipantId,
    /// As of when.
    pub at: Date,
    /// The chief executive sits in the steering group.
    pub chief_executive_in_steering_group: bool,
    /// Top administration sits in the steering group.
    pub top_administration_in_steering_group: bool,
    /// The kind of local ownership and its holder.
    pub owner: Option<(OwnerKind, Option<String>)>,
    /// Politician members of the programme organisation.
    pub political_members: u32,
    /// Political committees that follow the programme (name, how).
    pub political_committees: Vec<(String, FollowUp)>,
    /// The application was decided politically.
    pub political_decision_on_application: bool,
    /// Political decisions recorded as evidence.
    pub political_decisions: u32,
    /// Process anchoring: presentations to political bodies, politicians
    /// attending gatherings (people), political-process evidence.
    pub political_process: u32,
    /// A signed cooperation agreement.
    pub agreement_signed: bool,
    /// The programme leader's placement.
    pub leader_placement: Option<PlacementKind>,
    /// NAV members in the programme organisation.
    pub nav_members: u32,
    /// External members (NAV, other public, voluntary, private, users).
    pub external_members: u32,
    /// External involvement facts realised.
    pub external_realised: u32,
    /// External involvement facts planned or considered.
    pub external_planned: u32,
    /// The highest user participation realised.
    pub user_participation: UserLevel,
    /// The highest user participation planned or considered.
    pub user_participation_planned: UserLevel,
    /// Users or user organisations were informants.
    pub users_informants: bool,
    /// Plan anchoring facts adopted.
    pub plans_adopted: u32,
    /// Plan anchoring facts planned.
    pub plans_planned: u32,
    /// An action plan version is approved.
    pub action_plan_approved: bool,
    /// The latest assessor rating per dimension: (dimension, rating, date,
    /// the rating before it).
    pub ratings: Vec<DimensionRating>,
}

/// The latest rating of a dimension and the one before it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DimensionRating {
    /// The dimension.
    pub dimension: Dimension,
    /// The latest rating.
    pub rating: Rating,
    /// Its date.
    pub date: Date,
    /// The rating before, with its date.
    pub previous: Option<(Rating, Date)>,
}

/// A count across participants.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Count {
    /// The participants for whom it holds.
    pub yes: Vec<ParticipantId>,
    /// Out of how many.
    pub of: usize,
}

impl Count {
    /// How many it holds for.
    pub fn n(&self) -> usize {
        self.yes.len()
    }
}

/// Anchoring counted across participants at a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnchoringCounts {
    /// As of when.
    pub at: Date,
    /// The chief executive in the steering group.
    pub chief_executive_in_steering_group: Count,
    /// Top administration in the steering group.
    pub top_administration_in_steering_group: Count,
    /// Politicians in the programme organisation.
    pub political_representation: Count,
    /// Political ownership.
    pub political_ownership: Count,
    /// Administrative ownership.
    pub administrative_ownership: Count,
    /// A political committee follows the programme.
    pub political_committee: Count,
    /// A political decision on the application.
    pub political_decision_on_application: Count,
    /// A signed cooperation agreement.
    pub agreement_signed: Count,
    /// The programme leader in a strategic unit.
    pub leader_in_strategic_unit: Count,
    /// NAV in the programme organisation.
    pub nav_in_organisation: Count,
    /// External actors in the programme organisation.
    pub external_in_organisation: Count,
    /// User participation realised (consultation or active).
    pub user_participation: Count,
    /// Users were informants, without participation.
    pub users_only_informants: Count,
    /// An approved action plan.
    pub action_plan_approved: Count,
}

fn holds(own: Option<Date>, sources: &[crate::model::Provenance], at: Date) -> bool {
    known_from(own, sources).is_some_and(|d| d <= at.start())
}

/// The anchoring of `participant` at `at`.
pub fn profile(doc: &ProgrammeDocument, participant: &Participant, at: Date) -> AnchoringProfile {
    let at = at.start();
    let org = doc.organisation(&participant.id);
    let steering = org
        .map(|o| members_at(o, BodyKind::SteeringGroup, at))
        .unwrap_or_default();
    let org_members: Vec<_> = org
        .map(|o| {
            o.bodies
                .iter()
                .filter(|b| b.in_programme_organisation() && b.exists_at(at))
                .flat_map(|b| b.members.iter().filter(|m| m.holds_at(at)))
                .collect()
        })
        .unwrap_or_default();
    let owner = org.and_then(|o| {
        o.owners
            .iter()
            .filter(|w| w.holds_at(at))
            .max_by_key(|w| known_from(w.from, &w.sources))
            .map(|w| (w.kind, w.holder.clone()))
    });
    let political_committees = org
        .map(|o| {
            o.bodies
                .iter()
                .filter(|b| b.kind == BodyKind::PoliticalCommittee && b.exists_at(at))
                .filter(|b| {
                    b.established.is_some() || b.sources.is_empty() || holds(None, &b.sources, at)
                })
                .map(|b| (b.name.clone(), b.follow_up.unwrap_or(FollowUp::Follows)))
                .collect()
        })
        .unwrap_or_default();
    let evidence: Vec<(&crate::model::Assessment, &crate::model::Evidence)> = doc
        .assessments_of(&participant.id)
        .filter(|a| a.date.start() <= at)
        .flat_map(|a| a.evidence.iter().map(move |e| (a, e)))
        .collect();
    let mut political_decisions = 0;
    let mut political_process = 0;
    let mut external_realised = 0;
    let mut external_planned = 0;
    let mut user_participation = UserLevel::None;
    let mut user_participation_planned = UserLevel::None;
    let mut users_informants = false;
    let mut plans_adopted = 0;
    let mut plans_planned = 0;
    for (a, e) in &evidence {
        match &e.fact {
            Fact::PoliticalDecision { .. } => {
                if a.dimension == Dimension::PoliticalProcess {
                    political_process += 1;
                } else {
                    political_decisions += 1;
                }
            }
            Fact::Note if a.dimension == Dimension::PoliticalProcess => political_process += 1,
            Fact::ExternalInvolvement { status, .. } => match status {
                Status::Realised => external_realised += 1,
                _ => external_planned += 1,
            },
            Fact::UserParticipation { level, status, .. } => {
                let level = level.unwrap_or(UserLevel::None);
                if level == UserLevel::Informant {
                    users_informants = true;
                }
                match status {
                    Status::Realised => user_participation = user_participation.max(level),
                    _ => user_participation_planned = user_participation_planned.max(level),
                }
            }
            Fact::PlanAnchoring { status, .. } => match status {
                PlanStatus::Adopted => plans_adopted += 1,
                PlanStatus::Planned => plans_planned += 1,
                PlanStatus::WorkingDocument => {}
            },
            Fact::Note => {}
        }
    }
    if let Some(pa) = &participant.pre_analysis {
        if pa
            .informants
            .iter()
            .any(|g| matches!(g.level, Level::User | Level::Voluntary))
        {
            users_informants = true;
        }
        political_process += pa
            .presentations
            .iter()
            .filter(|p| p.political && holds(p.date, &p.sources, at))
            .count() as u32;
    }
    political_process += doc
        .gatherings
        .iter()
        .filter(|g| g.status == Status::Realised && g.date.is_some_and(|d| d.start() <= at))
        .flat_map(|g| g.attendance.iter())
        .filter(|x| x.participant.as_ref() == Some(&participant.id) && x.level == Level::Politician)
        .map(|x| x.count)
        .sum::<u32>();
    if user_participation == UserLevel::Informant {
        users_informants = true;
    }

    // Latest rating per dimension and the one before.
    let mut ratings = Vec::new();
    for dim in Dimension::ALL {
        let mut rated: Vec<(Date, Rating)> = doc
            .assessments_of(&participant.id)
            .filter(|a| a.dimension == dim && a.date.start() <= at)
            .filter_map(|a| a.rating.map(|r| (a.date, r)))
            .collect();
        rated.sort_by_key(|x| x.0);
        if let Some(&(date, rating)) = rated.last() {
            ratings.push(DimensionRating {
                dimension: dim,
                rating,
                date,
                previous: rated.len().checked_sub(2).map(|i| (rated[i].1, rated[i].0)),
            });
        }
    }

    AnchoringProfile {
        participant: participant.id.clone(),
        at,
        chief_executive_in_steering_group: steering
            .iter()
            .any(|m| m.office == Some(Office::ChiefExecutive)),
        top_administration_in_steering_group: steering
            .iter()
            .any(|m| m.level == Level::TopAdministration),
        owner,
        political_members: org_members
            .iter()
            .filter(|m| m.level == Level::Politician)
            .count() as u32,
        political_committees,
        political_decision_on_application: doc
            .application_of(&participant.id)
            .is_some_and(|(_, a)| a.political_decision.is_some()),
        political_decisions,
        political_process,
        agreement_signed: participant
            .agreements
            .iter()
            .any(|a| a.signed && holds(a.signed_on, &a.sources, at)),
        leader_placement: org
            .and_then(|o| o.leader.as_ref())
            .and_then(|l| l.placement_at(at))
            .map(|p| p.kind),
        nav_members: org_members.iter().filter(|m| m.level == Level::Nav).count() as u32,
        external_members: org_members.iter().filter(|m| m.level.is_external()).count() as u32,
        external_realised,
        external_planned,
        user_participation,
        user_participation_planned,
        users_informants,
        plans_adopted,
        plans_planned,
        action_plan_approved: doc
            .action_plan(&participant.id)
            .is_some_and(|p| p.approved_at(at).is_some()),
        ratings,
    }
}

/// Anchoring counted across `participants` (all of the programme's if
/// empty) at `at`.
pub fn counts(
    doc: &ProgrammeDocument,
    participants: &[ParticipantId],
    at: Date,
) -> AnchoringCounts {
    let chosen: Vec<&Participant> = if participants.is_empty() {
        doc.participants.iter().collect()
    } else {
        participants
            .iter()
            .filter_map(|id| doc.participant(id))
            .collect()
    };
    let profiles: Vec<AnchoringProfile> = chosen.iter().map(|p| profile(doc, p, at)).collect();
    let count = |f: &dyn Fn(&AnchoringProfile) -> bool| Count {
        yes: profiles
            .iter()
            .filter(|p| f(p))
            .map(|p| p.participant.clone())
            .collect(),
        of: profiles.len(),
    };
    AnchoringCounts {
        at: at.start(),
        chief_executive_in_steering_group: count(&|p| p.chief_executive_in_steering_group),
        top_administration_in_steering_group: count(&|p| p.top_administration_in_steering_group),
        political_representation: count(&|p| p.political_members > 0),
        political_ownership: count(&|p| matches!(p.owner, Some((OwnerKind::Political, _)))),
        administrative_ownership: count(&|p| {
            matches!(p.owner, Some((OwnerKind::Administrative, _)))
        }),
        political_committee: count(&|p| !p.political_committees.is_empty()),
        political_decision_on_application: count(&|p| p.political_decision_on_application),
        agreement_signed: count(&|p| p.agreement_signed),
        leader_in_strategic_unit: count(&|p| p.leader_placement == Some(PlacementKind::Strategic)),
        nav_in_organisation: count(&|p| p.nav_members > 0),
        external_in_organisation: count(&|p| p.external_members > 0),
        user_participation: count(&|p| p.user_participation.is_participation()),
        users_only_informants: count(&|p| {
            p.users_informants && !p.user_participation.is_participation()
        }),
        action_plan_approved: count(&|p| p.action_plan_approved),
    }
}

/// Findings about a participant's anchoring at `at`.
pub fn findings(doc: &ProgrammeDocument, participant: &Participant, at: Date) -> Vec<Finding> {
    let p = profile(doc, participant, at);
    let pid = Some(&participant.id);
    let mut out = Vec::new();
    let has_organisation = doc
        .organisation(&participant.id)
        .is_some_and(|o| o.bodies.iter().any(|b| b.in_programme_organisation()));
    if has_organisation {
        if p.political_members == 0 {
            out.push(Finding::new(pid, FindingKind::NoPoliticalRepresentation));
        }
        let owner_is_chief = matches!(&p.owner, Some((OwnerKind::Administrative, _)));
        if !p.chief_executive_in_steering_group && !owner_is_chief {
            out.push(Finding::new(pid, FindingKind::ChiefExecutiveNotInvolved));
        }
        if p.external_members == 0 && p.external_realised == 0 {
            out.push(Finding::new(pid, FindingKind::NoExternalActors));
        }
    }
    if p.leader_placement == Some(PlacementKind::Service)
        && let Some(unit) = doc
            .organisation(&participant.id)
            .and_then(|o| o.leader.as_ref())
            .and_then(|l| l.placement_at(at))
    {
        out.push(Finding::new(
            pid,
            FindingKind::LeaderInServiceUnit {
                unit: unit.unit.clone(),
            },
        ));
    }
    if p.users_informants && !p.user_participation.is_participation() {
        out.push(Finding::new(pid, FindingKind::UsersOnlyInformants));
    }
    for r in &p.ratings {
        if let Some((before, _)) = r.previous
            && r.rating < before
        {
            out.push(Finding::new(
                pid,
                FindingKind::AnchoringWeakened {
                    dimension: r.dimension,
                    from: before,
                    to: r.rating,
                    date: r.date,
                },
            ));
        }
    }
    out
}
