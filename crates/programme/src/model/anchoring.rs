//! Anchoring (forankring) assessments: per dimension, dated, with evidence
//! (domain.md §1.10). Part of the anchoring is read from other records (the
//! organisation, the agreement, the pre-analysis, gatherings); what only an
//! assessment can say is recorded here as evidence facts.

use serde::{Deserialize, Serialize};

use crate::date::{Date, YearSpan};
use crate::ids::{AssessmentId, ParticipantId};

use super::common::{Level, Provenance, Status};

fn is_false(b: &bool) -> bool {
    !*b
}

/// A dimension of anchoring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// In the administration.
    Administrative,
    /// Politicians taking part in the programme organisation.
    PoliticalRepresentation,
    /// Formal political anchoring: decisions, mandates, ownership.
    PoliticalMandate,
    /// Political anchoring through the process (meetings, presentations).
    PoliticalProcess,
    /// With external actors.
    External,
    /// User participation.
    UserParticipation,
    /// In the plan system.
    Plan,
}

impl Dimension {
    /// Every dimension, in the order the seed discusses them.
    pub const ALL: [Dimension; 7] = [
        Dimension::Administrative,
        Dimension::PoliticalRepresentation,
        Dimension::PoliticalMandate,
        Dimension::PoliticalProcess,
        Dimension::External,
        Dimension::UserParticipation,
        Dimension::Plan,
    ];

    /// The code used in keys and files.
    pub fn code(self) -> &'static str {
        match self {
            Dimension::Administrative => "administrative",
            Dimension::PoliticalRepresentation => "political_representation",
            Dimension::PoliticalMandate => "political_mandate",
            Dimension::PoliticalProcess => "political_process",
            Dimension::External => "external",
            Dimension::UserParticipation => "user_participation",
            Dimension::Plan => "plan",
        }
    }
}

/// An assessor's rating of a dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    /// Not anchored.
    None,
    /// Weak.
    Weak,
    /// Partly anchored.
    Partial,
    /// Well anchored.
    Strong,
}

/// An anchoring assessment of one dimension of one participant at a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// Stable id.
    pub id: AssessmentId,
    /// Whose anchoring.
    pub participant: ParticipantId,
    /// Which dimension.
    pub dimension: Dimension,
    /// As of when.
    pub date: Date,
    /// Who assessed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// The assessor's rating, if one is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<Rating>,
    /// The assessor's comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// The evidence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
}

/// One piece of evidence: a fact, optionally in the recorder's own words,
/// with its sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// What the evidence says.
    pub fact: Fact,
    /// The recorder's own wording, used instead of the generated phrase.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wording: Option<String>,
    /// Whether it is a key point that belongs in the overview matrix (the
    /// 2010 matrix held «noen av kjernepunktene … i stikkordsform»).
    #[serde(default, skip_serializing_if = "is_false")]
    pub key_point: bool,
    /// Where it is known from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Provenance>,
}

/// What a piece of evidence says. Each kind belongs to the dimensions
/// [`Fact::fits`] names; a [`Fact::Note`] fits every dimension.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Fact {
    /// A remark (the wording carries it).
    Note,
    /// A political decision.
    PoliticalDecision {
        /// The deciding body, if known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        body: Option<String>,
        /// What was decided on.
        subject: DecisionSubject,
        /// When.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        date: Option<Date>,
    },
    /// An external actor's involvement.
    ExternalInvolvement {
        /// The actor(s) («utvalgte aktører i frivillig sektor»).
        actor: String,
        /// Their level, if one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        level: Option<Level>,
        /// The form of involvement.
        form: InvolvementForm,
        /// Realised, planned or considered.
        status: Status,
        /// The participant's unit that has the contact, if it is one unit.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        via: Option<String>,
        /// Whether it is formalised (an agreement, a seat).
        #[serde(default, skip_serializing_if = "is_false")]
        formal: bool,
    },
    /// User participation.
    UserParticipation {
        /// The level of participation, if decided.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        level: Option<UserLevel>,
        /// Realised, planned or considered.
        status: Status,
        /// Where it happens («prosjektene», «arbeidsgruppene»).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        scope: Option<String>,
        /// Who takes part («brukere og brukerorganisasjoner»).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        who: Option<String>,
    },
    /// Anchoring in a plan of the plan system.
    PlanAnchoring {
        /// The kind of plan.
        plan: PlanType,
        /// The plan's name («Boligplanen»); the kind's label if not given.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
        /// The plan's period.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        period: Option<YearSpan>,
        /// Adopted, planned, or a working document.
        status: PlanStatus,
        /// What the action plan is in relation to this plan.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        role: Option<ActionPlanRole>,
        /// At which revision of the plan it is to be anchored.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        revision: Option<Revision>,
        /// The year it concerns (a budget year, a working document's year).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        year: Option<i32>,
    },
}

impl Fact {
    /// Whether the fact belongs under `dimension`.
    pub fn fits(&self, dimension: Dimension) -> bool {
        match self {
            Fact::Note => true,
            Fact::PoliticalDecision { .. } => matches!(
                dimension,
                Dimension::PoliticalMandate | Dimension::PoliticalProcess
            ),
            Fact::ExternalInvolvement { .. } => dimension == Dimension::External,
            Fact::UserParticipation { .. } => dimension == Dimension::UserParticipation,
            Fact::PlanAnchoring { .. } => dimension == Dimension::Plan,
        }
    }

    /// The code of the fact's kind (`note`, `political_decision`, …).
    pub fn code(&self) -> &'static str {
        match self {
            Fact::Note => "note",
            Fact::PoliticalDecision { .. } => "political_decision",
            Fact::ExternalInvolvement { .. } => "external_involvement",
            Fact::UserParticipation { .. } => "user_participation",
            Fact::PlanAnchoring { .. } => "plan_anchoring",
        }
    }
}

/// What a political decision was about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionSubject {
    /// Applying for the programme.
    Application,
    /// The pre-analysis.
    PreAnalysis,
    /// The action plan.
    ActionPlan,
    /// A mandate for the work.
    Mandate,
    /// Money for the work.
    Budget,
    /// Something else.
    Other,
}

/// The form of an external actor's involvement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvolvementForm {
    /// Informed about the programme.
    Information,
    /// In contact with a unit.
    Contact,
    /// Consulted.
    Consultation,
    /// In reference groups.
    ReferenceGroup,
    /// Members of a body of the programme organisation.
    Membership,
    /// A cooperation agreement or network.
    Agreement,
}

impl InvolvementForm {
    /// The code used in keys and files.
    pub fn code(self) -> &'static str {
        match self {
            InvolvementForm::Information => "information",
            InvolvementForm::Contact => "contact",
            InvolvementForm::Consultation => "consultation",
            InvolvementForm::ReferenceGroup => "reference_group",
            InvolvementForm::Membership => "membership",
            InvolvementForm::Agreement => "agreement",
        }
    }
}

/// The level of user participation (domain.md §1.10.4). Being asked as an
/// informant is *not* participation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UserLevel {
    /// None.
    None,
    /// Users or user organisations were informants (a pre-analysis).
    Informant,
    /// Input and consultation before and during plan processes.
    Consultation,
    /// Active participation in the development and design of measures.
    Active,
}

impl UserLevel {
    /// Whether this level counts as participation (consultation or active).
    pub fn is_participation(self) -> bool {
        self >= UserLevel::Consultation
    }

    /// The code used in keys and files.
    pub fn code(self) -> &'static str {
        match self {
            UserLevel::None => "none",
            UserLevel::Informant => "informant",
            UserLevel::Consultation => "consultation",
            UserLevel::Active => "active",
        }
    }
}

/// A kind of plan in the municipal plan system (domain.md §1.10.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanType {
    /// The municipal master plan (kommuneplan).
    MunicipalPlan,
    /// A sector plan (kommunedelplan).
    SectorPlan,
    /// A thematic plan (temaplan).
    ThematicPlan,
    /// A housing plan or white paper (boligplan, boligmelding).
    HousingPlan,
    /// The social housing action plan (boligsosial handlingsplan).
    SocialHousingActionPlan,
    /// The four-year financial plan (økonomiplan).
    FinancialPlan,
    /// The annual budget.
    AnnualBudget,
    /// The planning strategy (planstrategi).
    PlanningStrategy,
    /// Municipal action programmes (handlingsprogrammer).
    ActionProgramme,
    /// Land-use or zoning plans.
    LandUsePlan,
    /// Another plan.
    Other,
}

impl PlanType {
    /// Every plan type.
    pub const ALL: [PlanType; 11] = [
        PlanType::MunicipalPlan,
        PlanType::SectorPlan,
        PlanType::ThematicPlan,
        PlanType::HousingPlan,
        PlanType::SocialHousingActionPlan,
        PlanType::FinancialPlan,
        PlanType::AnnualBudget,
        PlanType::PlanningStrategy,
        PlanType::ActionProgramme,
        PlanType::LandUsePlan,
        PlanType::Other,
    ];

    /// The code used in keys and files.
    pub fn code(self) -> &'static str {
        match self {
            PlanType::MunicipalPlan => "municipal_plan",
            PlanType::SectorPlan => "sector_plan",
            PlanType::ThematicPlan => "thematic_plan",
            PlanType::HousingPlan => "housing_plan",
            PlanType::SocialHousingActionPlan => "social_housing_action_plan",
            PlanType::FinancialPlan => "financial_plan",
            PlanType::AnnualBudget => "annual_budget",
            PlanType::PlanningStrategy => "planning_strategy",
            PlanType::ActionProgramme => "action_programme",
            PlanType::LandUsePlan => "land_use_plan",
            PlanType::Other => "other",
        }
    }
}

/// Whether the anchoring in a plan is in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    /// The plan is adopted with the anchoring in it.
    Adopted,
    /// The anchoring is planned.
    Planned,
    /// The action plan is only a working document for now.
    WorkingDocument,
}

/// What the action plan is in relation to another plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionPlanRole {
    /// An implementation plan of it.
    ImplementationPlan,
    /// An annual action plan in the plan system.
    AnnualActionPlan,
    /// A thematic plan under it.
    ThematicPlan,
    /// It is (to be) the social housing action plan.
    SocialHousingActionPlan,
}

/// At which revision (rullering) a plan takes the anchoring in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Revision {
    /// The revision going on now.
    Ongoing,
    /// The revision of that year.
    Year(i32),
    /// The plan from that year on.
    From(i32),
}
