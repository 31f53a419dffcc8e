//! The programme itself: owner, period, vision, governing documents, its
//! vocabulary and glossary, its phase models, its reporting schedule and
//! function catalogue; and its cohorts (puljer) with applications.

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::ids::{
    CohortId, GateKey, ParticipantId, PhaseKey, PhaseModelId, ProgrammeId, SecretariatId,
};

use super::participant::{Partner, PoliticalDecision};

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A funder's development programme (Husbanken's Boligsosialt
/// utviklingsprogram, a Landsbyggefonden pool).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    /// Stable id.
    pub id: ProgrammeId,
    /// The programme's name («Boligsosialt utviklingsprogram»).
    pub name: String,
    /// Who owns and runs the programme.
    pub funder: Funder,
    /// The programme period.
    pub period: Period,
    /// The vision, in the programme's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vision: Option<String>,
    /// Whom the programme is for («kommuner med store boligsosiale utfordringer»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_group: Option<String>,
    /// Programme-level goals, in the programme's words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<String>,
    /// Governing documents (Programplan, Kunnskapsplan, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub governing_documents: Vec<GoverningDocument>,
    /// The language the programme's own texts are written in (`nb`, `nn`,
    /// `da`, `en`).
    pub lang: String,
    /// Labels that replace the default words for this programme.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vocabulary: Vec<VocabularyEntry>,
    /// Glossary entries added to (or replacing) the default glossary.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub glossary: Vec<GlossaryEntry>,
    /// The phase models, every version kept (participants point at one).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phase_models: Vec<PhaseModel>,
    /// When reports are due.
    #[serde(default)]
    pub reporting: ReportingSchedule,
    /// The function catalogue against which representation is shown (the
    /// eleven standard functions by default).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub functions: Vec<FunctionDef>,
    /// Area secretariats serving several housing areas (the Danish model).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub secretariats: Vec<AreaSecretariat>,
}

/// The funder that owns and runs a programme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Funder {
    /// Full name («Husbanken Region Øst»).
    pub name: String,
    /// The name used in running text («Husbanken»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    /// Which funder model the programme follows.
    pub kind: FunderKind,
}

impl Funder {
    /// The name for running text: the short name if there is one.
    pub fn running_name(&self) -> &str {
        self.short_name.as_deref().unwrap_or(&self.name)
    }
}

/// The funder model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FunderKind {
    /// Husbanken's municipal programmes (Norway).
    Husbanken,
    /// Landsbyggefonden's helhedsplaner (Denmark).
    Landsbyggefonden,
    /// Another funder.
    Other,
}

/// A period from a date, possibly open-ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// First day.
    pub start: Date,
    /// Last day, if decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Date>,
}

/// A governing document of the programme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoverningDocument {
    /// Title («Programplan for Boligsosialt utviklingsprogram»).
    pub title: String,
    /// Date of the version in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Where it is kept (archive reference, address).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

/// A word the programme world uses and confuses (domain.md §1.15): each has
/// a default label per language (`programme-term-*` keys) and a default
/// glossary entry (`programme-glossary-*`), and a programme may relabel it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Term {
    /// The programme (as opposed to a project).
    Programme,
    /// A project (as opposed to the programme).
    Project,
    /// A participant (municipality, bydel, housing area).
    Participant,
    /// A cohort (pulje).
    Cohort,
    /// The steering group.
    SteeringGroup,
    /// The project group of the programme organisation.
    ProjectGroup,
    /// Open workshops without fixed members (Hamar's «arbeidsmøter»).
    Workshops,
    /// A sub-project.
    SubProject,
    /// A working group.
    WorkingGroup,
    /// A reference group.
    ReferenceGroup,
    /// A political committee following the programme.
    PoliticalCommittee,
    /// The programme leader (programleder vs prosjektleder).
    ProgrammeLeader,
    /// The local owner of the programme (prosjekteier vs programeier).
    ProgrammeOwner,
    /// The action plan for the programme.
    ActionPlan,
    /// The municipality's social housing action plan (a different plan).
    SocialHousingActionPlan,
    /// The cooperation agreement with the funder.
    CooperationAgreement,
    /// The pre-analysis (foranalyse).
    PreAnalysis,
    /// A main goal.
    MainGoal,
    /// A priority area (satsingsområde), used instead of main goals.
    PriorityArea,
    /// A sub-goal.
    SubGoal,
    /// A measure (tiltak).
    Measure,
    /// An indicator.
    Indicator,
    /// The half-year report.
    HalfYearReport,
    /// The annual report.
    AnnualReport,
    /// The final report.
    FinalReport,
    /// The funder.
    Funder,
    /// A phase of the phase model.
    Phase,
    /// A gate of a phase.
    Gate,
    /// The follow-along evaluator.
    Evaluator,
    /// An area secretariat.
    AreaSecretariat,
}

impl Term {
    /// Every term, in glossary order.
    pub const ALL: [Term; 30] = [
        Term::Programme,
        Term::Project,
        Term::Participant,
        Term::Cohort,
        Term::SteeringGroup,
        Term::ProjectGroup,
        Term::Workshops,
        Term::SubProject,
        Term::WorkingGroup,
        Term::ReferenceGroup,
        Term::PoliticalCommittee,
        Term::ProgrammeLeader,
        Term::ProgrammeOwner,
        Term::ActionPlan,
        Term::SocialHousingActionPlan,
        Term::CooperationAgreement,
        Term::PreAnalysis,
        Term::MainGoal,
        Term::PriorityArea,
        Term::SubGoal,
        Term::Measure,
        Term::Indicator,
        Term::HalfYearReport,
        Term::AnnualReport,
        Term::FinalReport,
        Term::Funder,
        Term::Phase,
        Term::Gate,
        Term::Evaluator,
        Term::AreaSecretariat,
    ];

    /// The code in message keys (`steering-group`).
    pub fn code(self) -> &'static str {
        match self {
            Term::Programme => "programme",
            Term::Project => "project",
            Term::Participant => "participant",
            Term::Cohort => "cohort",
            Term::SteeringGroup => "steering-group",
            Term::ProjectGroup => "project-group",
            Term::Workshops => "workshops",
            Term::SubProject => "sub-project",
            Term::WorkingGroup => "working-group",
            Term::ReferenceGroup => "reference-group",
            Term::PoliticalCommittee => "political-committee",
            Term::ProgrammeLeader => "programme-leader",
            Term::ProgrammeOwner => "programme-owner",
            Term::ActionPlan => "action-plan",
            Term::SocialHousingActionPlan => "social-housing-action-plan",
            Term::CooperationAgreement => "cooperation-agreement",
            Term::PreAnalysis => "pre-analysis",
            Term::MainGoal => "main-goal",
            Term::PriorityArea => "priority-area",
            Term::SubGoal => "sub-goal",
            Term::Measure => "measure",
            Term::Indicator => "indicator",
            Term::HalfYearReport => "half-year-report",
            Term::AnnualReport => "annual-report",
            Term::FinalReport => "final-report",
            Term::Funder => "funder",
            Term::Phase => "phase",
            Term::Gate => "gate",
            Term::Evaluator => "evaluator",
            Term::AreaSecretariat => "area-secretariat",
        }
    }
}

/// The grammatical form of a [`Term`] a text needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    /// «styringsgruppe»
    Singular,
    /// «styringsgruppen»
    Definite,
    /// «styringsgrupper»
    Plural,
    /// «styringsgruppene»
    DefinitePlural,
    /// Definite plural genitive: «kommunenes».
    Genitive,
}

impl Form {
    /// The suffix of the message key for this form (`""`, `-definite`, …).
    pub fn key_suffix(self) -> &'static str {
        match self {
            Form::Singular => "",
            Form::Definite => "-definite",
            Form::Plural => "-plural",
            Form::DefinitePlural => "-definite-plural",
            Form::Genitive => "-genitive",
        }
    }
}

/// A programme's own label for a [`Term`] in one language; forms left out
/// keep the default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VocabularyEntry {
    /// The term relabelled.
    pub term: Term,
    /// The language (`nb`, `nn`, `da`, `en`).
    pub lang: String,
    /// Indefinite singular.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub singular: Option<String>,
    /// Definite singular.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definite: Option<String>,
    /// Indefinite plural.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plural: Option<String>,
    /// Definite plural.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definite_plural: Option<String>,
    /// Definite plural genitive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub genitive: Option<String>,
}

impl VocabularyEntry {
    /// The label of `form`, if this entry sets it.
    pub fn form(&self, form: Form) -> Option<&str> {
        match form {
            Form::Singular => self.singular.as_deref(),
            Form::Definite => self.definite.as_deref(),
            Form::Plural => self.plural.as_deref(),
            Form::DefinitePlural => self.definite_plural.as_deref(),
            Form::Genitive => self.genitive.as_deref(),
        }
    }
}

/// A glossary entry of the programme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    /// The language of the entry.
    pub lang: String,
    /// The word explained.
    pub headword: String,
    /// The explanation.
    pub definition: String,
    /// The default entry this one replaces, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<Term>,
}

/// A phase model, one version of it: the phases in order, each with its
/// duration limits and gates. Versions are kept because a funder may change
/// the model while participants are on their way (domain.md §1.4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseModel {
    /// The model's id, shared by its versions.
    pub id: PhaseModelId,
    /// The version (1, 2, …).
    pub version: u32,
    /// Name («Rammemodell 2009»).
    pub name: String,
    /// From when the version applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<Date>,
    /// Why this version (what changed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The phases, in order.
    pub phases: Vec<PhaseDef>,
}

/// Which version of which phase model a cohort or participant follows.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseModelRef {
    /// The model.
    pub id: PhaseModelId,
    /// The version.
    pub version: u32,
}

/// A phase of a phase model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseDef {
    /// Key (`preparatory`, `plan`, `implementation`, `phase_out` in the
    /// default model).
    pub key: PhaseKey,
    /// The label, when the default one (`programme-phase-<key>`) does not fit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The shortest the phase should take, in months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_months: Option<u32>,
    /// The longest the phase may take, in months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_months: Option<u32>,
    /// What must be in place before the phase is done.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gates: Vec<GateDef>,
}

/// A gate of a phase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GateDef {
    /// Key (`agreement_signed`, …).
    pub key: GateKey,
    /// The label, when the default one (`programme-gate-<key>`) does not fit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Whether the phase is done only when the gate is passed.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub required: bool,
    /// The record that shows the gate passed when no date is entered for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<GateEvidence>,
}

/// A record that shows a gate passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GateEvidence {
    /// The application was received.
    ApplicationSubmitted,
    /// A political body decided to apply.
    PoliticalDecision,
    /// The funder admitted the participant.
    Admitted,
    /// A cooperation agreement is signed.
    AgreementSigned,
    /// The programme leader is appointed.
    LeaderAppointed,
    /// A version of the action plan is approved.
    ActionPlanApproved,
    /// The action plan was revised (a second approved version).
    ActionPlanRevised,
    /// A plan for continuation in ordinary operation exists (a measure of
    /// the action plan marked as continuation, completed).
    ContinuationPlan,
}

/// When reports are due (the defaults follow the dates of Husbanken's
/// reports found in domain.md §1.12.1: half-year report by end of August,
/// annual report by end of January; an inference to set per programme).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ReportingSchedule {
    /// Due date of the half-year report, in the same year (month, day).
    pub half_year_due: Option<MonthDay>,
    /// Due date of the annual report, in the following year (month, day).
    pub annual_due: Option<MonthDay>,
    /// Months after the end of the participant's path the final report is due.
    pub final_due_months: Option<u32>,
    /// A report is «due soon» this many days before its due date.
    pub due_soon_days: u32,
    /// The funder should have read a submitted report within this many days.
    pub read_within_days: u32,
}

impl Default for ReportingSchedule {
    fn default() -> Self {
        ReportingSchedule {
            half_year_due: Some(MonthDay { month: 8, day: 31 }),
            annual_due: Some(MonthDay { month: 1, day: 31 }),
            final_due_months: Some(3),
            due_soon_days: 30,
            read_within_days: 30,
        }
    }
}

/// A day of the year (month 1–12, day 1–31; 29 February becomes 28 February
/// in common years).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonthDay {
    /// Month, 1–12.
    pub month: u8,
    /// Day, 1–31.
    pub day: u8,
}

impl MonthDay {
    /// The date in `year` (clamped to the month's last day); `None` if the
    /// month or year is out of range.
    pub fn in_year(self, year: i32) -> Option<Date> {
        Date::month_of(year, self.month).map(|m| {
            let last = m.end().day();
            Date::ymd(year, self.month, self.day.clamp(1, last)).expect("clamped day exists")
        })
    }
}

/// A function of the catalogue (the eleven standard functions of the 2015
/// study by default; codes as samspill's roster keeps them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FunctionDef {
    /// Code (`allocation`, …).
    pub code: String,
    /// Label in the programme's language.
    pub label: String,
}

/// An area secretariat (områdesekretariat) that coordinates several housing
/// areas or comprehensive plans (domain.md §1.16).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaSecretariat {
    /// Stable id.
    pub id: SecretariatId,
    /// Name.
    pub name: String,
    /// The housing areas it serves.
    pub participants: Vec<ParticipantId>,
    /// When it was established.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub established: Option<Date>,
    /// Who runs it (municipality, housing organisations).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<Partner>,
}

/// A cohort (pulje): participants admitted together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cohort {
    /// Stable id.
    pub id: CohortId,
    /// Number (1, 2, …).
    pub number: u32,
    /// Name, if it has one beyond the number («2006-2010-puljen»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The phase model its participants follow.
    pub phase_model: PhaseModelRef,
    /// How many were invited to apply, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invited: Option<u32>,
    /// How many applied, if more applied than are recorded below.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applied: Option<u32>,
    /// When applications were due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_deadline: Option<Date>,
    /// When the funder decided on admission.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Date>,
    /// The applications recorded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub applications: Vec<Application>,
}

/// An application for admission to a cohort.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Application {
    /// Who applied.
    pub applicant: String,
    /// The participant record, once admitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participant: Option<ParticipantId>,
    /// When the application arrived.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received: Option<Date>,
    /// The political decision to apply (a precondition for admission).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub political_decision: Option<PoliticalDecision>,
    /// Whether the application holds a plan for the programme organisation
    /// (central for admission, domain.md §1.5).
    #[serde(default, skip_serializing_if = "is_false")]
    pub organisation_plan: bool,
    /// Whether it holds a needs assessment.
    #[serde(default, skip_serializing_if = "is_false")]
    pub needs_assessment: bool,
    /// The priority areas chosen.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub priority_areas: Vec<String>,
    /// The funder's assessment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment: Option<ApplicationAssessment>,
    /// The decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
}

/// The funder's assessment of an application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApplicationAssessment {
    /// Who assessed it (the programme council, an adviser).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// When.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// The recommendation.
    pub recommendation: Outcome,
    /// Reasons.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The outcome of (or the recommendation on) an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Admitted.
    Admitted,
    /// Not admitted.
    Rejected,
    /// Deferred to a later cohort.
    Deferred,
    /// Withdrawn by the applicant.
    Withdrawn,
}
