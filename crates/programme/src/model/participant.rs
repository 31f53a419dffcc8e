//! A participant and its path through the programme: the phases with their
//! gates and dates, its planning calendar, the cooperation agreement and the
//! pre-analysis.

use serde::{Deserialize, Serialize};

use crate::date::{Date, YearSpan};
use crate::ids::{CohortId, GateKey, ParticipantId, PhaseKey, SurveyRoundRef};

use super::anchoring::PlanType;
use super::common::{Level, Provenance};
use super::programme::PhaseModelRef;

fn is_false(b: &bool) -> bool {
    !*b
}

/// A participant of a programme: a municipality, a city district (bydel)
/// or a Danish housing area with its partners.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    /// Stable id.
    pub id: ParticipantId,
    /// Name as column headers show it («Bærum»).
    pub name: String,
    /// What kind of participant.
    pub kind: ParticipantKind,
    /// The cohort it was admitted with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cohort: Option<CohortId>,
    /// Municipality number (kommunenummer), if a municipality.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality_number: Option<String>,
    /// The participant's written language (målform: `nb`, `nn`, `da`, `en`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Partners that carry the participation (for a housing area: the
    /// municipality and the housing organisations).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<Partner>,
    /// When the funder admitted it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admitted: Option<Date>,
    /// Its path through the phase model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<ParticipantPath>,
    /// The local planning calendar (økonomiplan, kommuneplan, budget).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub planning_calendar: Vec<PlanRevision>,
    /// Versions of the cooperation agreement, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agreements: Vec<AgreementVersion>,
    /// The pre-analysis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pre_analysis: Option<PreAnalysis>,
    /// The participant's survey rounds, attached to the phases they serve
    /// (the baseline in the pre-analysis, follow-ups in implementation).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub survey_rounds: Vec<AttachedRound>,
    /// Context worth knowing (size, economy, earlier plan experience).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
}

/// A survey round of the participant, attached to a phase of its path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttachedRound {
    /// The round (samspill's survey round id).
    pub round: SurveyRoundRef,
    /// What the round is for.
    pub purpose: RoundPurpose,
    /// The phase it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<PhaseKey>,
    /// When it closed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<Date>,
}

/// What a survey round is for in the programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundPurpose {
    /// The starting point (in the pre-analysis).
    Baseline,
    /// A later measurement.
    FollowUp,
}

/// What kind of participant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParticipantKind {
    /// A municipality.
    Municipality,
    /// A city district (bydel) or a group of them.
    District,
    /// A housing area with a comprehensive plan (Danish helhedsplan).
    HousingArea,
}

/// A partner carrying a participation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    /// Name.
    pub name: String,
    /// What kind of partner.
    pub kind: PartnerKind,
    /// The partner's agreed role, in the agreement's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// What kind of partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartnerKind {
    /// The municipality (kommune).
    Municipality,
    /// A non-profit housing organisation (boligorganisation).
    HousingOrganisation,
    /// Another partner.
    Other,
}

/// A political decision (organ, date, case reference).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PoliticalDecision {
    /// The deciding body (formannskapet, kommunestyret), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// When.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Case number or link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

/// A participant's path through a phase model.
///
/// The *calendar* schedule starts `start_phase` (the first phase if not
/// given) on `start` and chains the phases by their maximum durations;
/// planned dates entered on a phase replace the chained ones. The *real*
/// progress is what the actual dates and gates show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParticipantPath {
    /// The phase model and version followed.
    pub model: PhaseModelRef,
    /// When the calendar schedule starts (usually the admission).
    pub start: Date,
    /// The phase the schedule starts with; earlier phases lie before `start`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_phase: Option<PhaseKey>,
    /// What happened in each phase (phases without a record have no dates).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<PhaseRecord>,
}

/// Dates, extensions and gates of one phase of a participant's path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseRecord {
    /// The phase.
    pub phase: PhaseKey,
    /// Planned start, if it differs from the chained schedule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_start: Option<Date>,
    /// Planned end, if it differs from the chained schedule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_end: Option<Date>,
    /// When the phase actually started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_start: Option<Date>,
    /// When the phase actually ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_end: Option<Date>,
    /// Agreed extensions, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extensions: Vec<Extension>,
    /// Gate dates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gates: Vec<GateRecord>,
}

/// An agreed extension of a phase, with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Extension {
    /// The new last day of the phase.
    pub until: Date,
    /// Why.
    pub reason: String,
    /// When it was agreed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided: Option<Date>,
    /// Who agreed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<String>,
}

/// Planned and actual date of a gate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GateRecord {
    /// The gate.
    pub gate: GateKey,
    /// When it should be passed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned: Option<Date>,
    /// When it was passed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<Date>,
    /// A remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A revision of a local plan the action plan should feed (rullering).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanRevision {
    /// The kind of plan.
    pub plan: PlanType,
    /// Its name («Økonomiplan 2011–2014»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The years it covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<YearSpan>,
    /// The last day input can be given (when the administration closes the draft).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_deadline: Option<Date>,
    /// When the council adopts it.
    pub adoption: Date,
}

impl PlanRevision {
    /// The day the action plan must be approved by to be part of this
    /// revision: the input deadline, or else the adoption.
    pub fn deadline(&self) -> Date {
        self.input_deadline.unwrap_or(self.adoption).start()
    }
}

/// A version of the cooperation agreement with the funder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgreementVersion {
    /// Version number (1, 2, …).
    pub version: u32,
    /// Title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Whether it is signed.
    pub signed: bool,
    /// When it was signed (if signed and the date is known; otherwise the
    /// sources' dates show by when it was signed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_on: Option<Date>,
    /// The parties.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<String>,
    /// Last day it applies, if limited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<Date>,
    /// What each side undertakes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub obligations: Vec<Obligation>,
    /// A remark (what changed from the previous version).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where this is known from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Provenance>,
}

/// An obligation under the cooperation agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Obligation {
    /// Who is obliged.
    pub party: Party,
    /// What.
    pub text: String,
    /// By when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    /// When fulfilled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<Date>,
}

/// A party to an agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    /// The participant.
    Participant,
    /// The funder.
    Funder,
    /// A partner of the participant (housing organisation, …).
    Partner,
}

/// The pre-analysis (foranalyse) of a participant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PreAnalysis {
    /// Who made it (Rambøll, NOVA, the municipality).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// Whether an external provider made it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub external: bool,
    /// When it was finished.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed: Option<Date>,
    /// Who was asked. Users asked as informants are informants, not
    /// participants (domain.md §1.10.4).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub informants: Vec<InformantGroup>,
    /// To whom it was presented.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub presentations: Vec<Presentation>,
    /// A survey round that serves as its baseline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline_round: Option<SurveyRoundRef>,
    /// Main findings, in the report's words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<String>,
    /// Where this is known from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Provenance>,
}

/// A group of informants of a pre-analysis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InformantGroup {
    /// Who («brukerorganisasjoner»).
    pub group: String,
    /// Their level.
    pub level: Level,
    /// How many, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
}

/// A presentation of the pre-analysis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Presentation {
    /// To whom («formannskap/kommuneplanutvalg»).
    pub to: String,
    /// Whether that is a political body.
    #[serde(default, skip_serializing_if = "is_false")]
    pub political: bool,
    /// When.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Where this is known from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Provenance>,
}
