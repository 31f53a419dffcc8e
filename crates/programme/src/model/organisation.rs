//! A participant's programme organisation: its owner, its bodies and their
//! members, and the programme leader, all with dated history and sources.
//!
//! Each member or spell is one fact; when two sources report the same fact
//! it carries both, and when they disagree each keeps its own fact with its
//! own source, so that the overview matrix can flag the disagreement.

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::ids::{BodyId, MemberId, ParticipantId, PersonRef};

use super::common::{Level, Provenance, known_from, spell_covers};

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The programme organisation of one participant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// Whose organisation.
    pub participant: ParticipantId,
    /// Who owns the programme locally, over time.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub owners: Vec<Ownership>,
    /// Steering group, project group, workshops, sub-projects, reference
    /// groups, and political committees that follow the programme.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bodies: Vec<Body>,
    /// The programme leader.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leader: Option<ProgrammeLeader>,
}

/// Who owns the programme locally, for a spell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ownership {
    /// Administrative or political ownership.
    pub kind: OwnerKind,
    /// Who holds it, as a phrase («rådmannen», «kommunestyret»), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder: Option<String>,
    /// From when (else from the sources' dates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    /// Until when (exclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
    /// Where this is known from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Provenance>,
}

impl Ownership {
    /// Whether the spell holds at `at`.
    pub fn holds_at(&self, at: Date) -> bool {
        known_from(self.from, &self.sources).is_some()
            && spell_covers(known_from(self.from, &self.sources), self.to, at)
    }
}

/// Administrative or political ownership.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OwnerKind {
    /// Held by the administration (the rådmann).
    Administrative,
    /// Held by a political body (the municipal council).
    Political,
}

/// A body of the programme organisation, or a political committee that
/// follows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    /// Stable id (unique within the organisation).
    pub id: BodyId,
    /// What kind of body.
    pub kind: BodyKind,
    /// Its own name («Styringsgruppe for BoSo», «Sektorutvalget for Bistand og Omsorg»).
    pub name: String,
    /// The body it sits under (a sub-project's steering group, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<BodyId>,
    /// Whether it has fixed members (open workshops do not).
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub fixed_membership: bool,
    /// Whether it is only planned so far.
    #[serde(default, skip_serializing_if = "is_false")]
    pub planned: bool,
    /// When it was set up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub established: Option<Date>,
    /// When it was wound up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dissolved: Option<Date>,
    /// How it works, in the participant's or evaluator's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// For a political committee: how it follows the programme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<FollowUp>,
    /// Members, with their spells.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<Member>,
    /// Where the body itself is known from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Provenance>,
}

impl Body {
    /// Whether the body exists (or is planned) at `at`: not dissolved by then.
    pub fn exists_at(&self, at: Date) -> bool {
        self.dissolved.is_none_or(|d| d.start() > at.start())
            && self.established.is_none_or(|e| e.start() <= at.start())
    }

    /// Whether the body is part of the programme organisation (every kind
    /// but a political committee, which follows the programme from outside).
    pub fn in_programme_organisation(&self) -> bool {
        self.kind != BodyKind::PoliticalCommittee
    }
}

/// What kind of body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BodyKind {
    /// The steering group (styringsgruppe).
    SteeringGroup,
    /// The project group (prosjektgruppe).
    ProjectGroup,
    /// Open workshops / learning arena without fixed members.
    Workshops,
    /// A sub-project (delprosjekt).
    SubProject,
    /// A working group (arbeidsgruppe).
    WorkingGroup,
    /// A reference group (referansegruppe).
    ReferenceGroup,
    /// A political committee that follows the programme (fagutvalg, sektorutvalg, komité).
    PoliticalCommittee,
}

impl BodyKind {
    /// Every kind.
    pub const ALL: [BodyKind; 7] = [
        BodyKind::SteeringGroup,
        BodyKind::ProjectGroup,
        BodyKind::Workshops,
        BodyKind::SubProject,
        BodyKind::WorkingGroup,
        BodyKind::ReferenceGroup,
        BodyKind::PoliticalCommittee,
    ];

    /// The vocabulary term for the kind.
    pub fn term(self) -> super::programme::Term {
        use super::programme::Term;
        match self {
            BodyKind::SteeringGroup => Term::SteeringGroup,
            BodyKind::ProjectGroup => Term::ProjectGroup,
            BodyKind::Workshops => Term::Workshops,
            BodyKind::SubProject => Term::SubProject,
            BodyKind::WorkingGroup => Term::WorkingGroup,
            BodyKind::ReferenceGroup => Term::ReferenceGroup,
            BodyKind::PoliticalCommittee => Term::PoliticalCommittee,
        }
    }
}

/// How a political committee follows the programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowUp {
    /// It has formal responsibility for the programme's cases (a mandate).
    Responsible,
    /// It follows the work (process anchoring).
    Follows,
}

/// A member of a body, for a spell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// Id, when other records point at this membership.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<MemberId>,
    /// The person in samspill's roster (opaque id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<PersonRef>,
    /// The position as written («rådmann», «kommunalsjefer», «leder
    /// strategiavdeling»); empty when the member represents a unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    /// The unit represented («NAV», «Forvaltningsenheten»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The kind of unit in the participant's own words, definite plural
    /// («tjenesteområdene»): members of a body that share it are listed
    /// together under it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_kind: Option<String>,
    /// The member's level.
    pub level: Level,
    /// A well-known office the member holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<Office>,
    /// The role in the body.
    #[serde(default, skip_serializing_if = "MemberRole::is_member")]
    pub role: MemberRole,
    /// Functions of the catalogue the member covers (codes).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub functions: Vec<String>,
    /// From when (else from the sources' dates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    /// Until when (exclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
    /// Where this membership is known from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Provenance>,
}

impl Member {
    /// Whether the membership holds at `at` (known by then and not ended).
    pub fn holds_at(&self, at: Date) -> bool {
        let from = known_from(self.from, &self.sources);
        from.is_some() && spell_covers(from, self.to, at)
    }
}

/// A well-known office.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Office {
    /// The chief executive (rådmann, kommunedirektør).
    ChiefExecutive,
    /// The deputy chief executive (ass. rådmann).
    DeputyChiefExecutive,
    /// The mayor (ordfører).
    Mayor,
    /// The deputy mayor.
    DeputyMayor,
    /// The programme leader (when listed as a member).
    ProgrammeLeader,
}

/// A member's role in a body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberRole {
    /// Chair.
    Chair,
    /// Ordinary member.
    #[default]
    Member,
    /// Secretary.
    Secretary,
    /// Deputy (vara), so that a unit does not drop out when a member is away.
    Deputy,
}

impl MemberRole {
    fn is_member(&self) -> bool {
        *self == MemberRole::Member
    }
}

/// The programme leader: who, where placed, and what the work is oriented to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgrammeLeader {
    /// The person in samspill's roster.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<PersonRef>,
    /// The title used locally («programleder», «prosjektleder»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// When appointed (else from the sources' dates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appointed: Option<Date>,
    /// Organisational placement over time.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub placements: Vec<Placement>,
    /// What the work is oriented towards, over time.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub orientation: Vec<OrientationSpell>,
    /// Where the appointment is known from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Provenance>,
}

impl ProgrammeLeader {
    /// The placement at `at`.
    pub fn placement_at(&self, at: Date) -> Option<&Placement> {
        self.placements.iter().rev().find(|p| p.holds_at(at))
    }

    /// The orientation at `at` (the last spell started by then).
    pub fn orientation_at(&self, at: Date) -> Option<&OrientationSpell> {
        self.orientation
            .iter()
            .filter(|o| known_from(o.from, &o.sources).is_some_and(|f| f <= at.start()))
            .max_by_key(|o| known_from(o.from, &o.sources))
    }

    /// Whether a leader is appointed by `at`.
    pub fn appointed_by(&self, at: Date) -> bool {
        known_from(self.appointed, &self.sources).is_some_and(|d| d <= at.start())
    }
}

/// The programme leader's organisational placement, for a spell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Placement {
    /// The unit («Strategiavdeling»).
    pub unit: String,
    /// Strategic (cross-sector) or service unit.
    pub kind: PlacementKind,
    /// From when (else from the sources' dates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    /// Until when (exclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
    /// Where this is known from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Provenance>,
}

impl Placement {
    /// Whether the placement holds at `at`.
    pub fn holds_at(&self, at: Date) -> bool {
        let from = known_from(self.from, &self.sources);
        from.is_some() && spell_covers(from, self.to, at)
    }
}

/// Where the programme leader is placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlacementKind {
    /// A strategic, cross-sector unit close to decision makers.
    Strategic,
    /// A service or professional unit.
    Service,
}

/// What the programme leader's work is oriented towards, from a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrientationSpell {
    /// Towards which body.
    pub towards: Orientation,
    /// From when (else from the sources' dates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    /// Where this is known from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Provenance>,
}

/// The programme leader's orientation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Orientation {
    /// Mainly the steering group.
    SteeringGroup,
    /// Mainly the project group.
    ProjectGroup,
    /// Both.
    Both,
}
