//! The follow-along evaluator's records: evaluation rounds with their
//! data-collection log, notes and overview-matrix set-up and sign-offs; the
//! learning log; and gatherings with attendance by level.

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::ids::{GatheringId, LearningId, MeasureId, NoteId, ParticipantId, PersonRef, RoundId};

use super::common::{Level, SourceKind, Status};

fn is_false(b: &bool) -> bool {
    !*b
}

/// An evaluation round: what the evaluator looked at, as of when, and the
/// overview matrix it produces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvaluationRound {
    /// Stable id.
    pub id: RoundId,
    /// Name («Delrapport 2010»).
    pub name: String,
    /// Who evaluates.
    pub evaluator: String,
    /// The participants followed (all of the programme's if empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<ParticipantId>,
    /// The first day of the period the round covers.
    pub from: Date,
    /// The status date: the matrix shows the records as of this date.
    pub as_of: Date,
    /// The sources the matrix is built from; facts only other sources report
    /// are flagged as conflicts, not shown.
    pub matrix_sources: Vec<SourceKind>,
    /// The matrix's sections and rows (the 2010 layout if empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub matrix: Vec<MatrixSection>,
    /// Sign-offs of the matrix columns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sign_offs: Vec<SignOff>,
    /// The data-collection log.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub log: Vec<LogEntry>,
    /// Notes per participant.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
}

/// A section of the overview matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatrixSection {
    /// Which section.
    pub section: Section,
    /// A label replacing the default one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The rows, in order.
    pub rows: Vec<MatrixRowSpec>,
}

/// The sections of the 2010 matrix, and one for anything else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// ORGANISERING.
    Organisation,
    /// FORANKRING.
    Anchoring,
    /// VIDERE.
    Ahead,
    /// Another section (give it a label).
    Other,
}

impl Section {
    /// The code used in keys.
    pub fn code(self) -> &'static str {
        match self {
            Section::Organisation => "organisation",
            Section::Anchoring => "anchoring",
            Section::Ahead => "ahead",
            Section::Other => "other",
        }
    }
}

/// A row of the overview matrix: what it shows, and its label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatrixRowSpec {
    /// What the row shows.
    pub row: RowKind,
    /// A label replacing the default one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// What a matrix row shows; each is generated from the records (see
/// [`crate::matrix`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    /// Members of the steering group.
    SteeringGroup,
    /// Members of the project group (or what replaces it).
    ProjectGroup,
    /// The programme leader's organisational placement.
    LeaderPlacement,
    /// The programme leader's orientation.
    LeaderOrientation,
    /// Administrative anchoring.
    AdministrativeAnchoring,
    /// Political anchoring.
    PoliticalAnchoring,
    /// External mobilisation and anchoring, with user participation.
    ExternalAnchoring,
    /// Anchoring in the plan system.
    PlanAnchoring,
    /// The main goals or priority areas of the action plan.
    MainGoals,
    /// The measures of the action plan.
    Measures,
    /// The calendar phase and the real phase.
    Phase,
}

impl RowKind {
    /// The code used in keys.
    pub fn code(self) -> &'static str {
        match self {
            RowKind::SteeringGroup => "steering-group",
            RowKind::ProjectGroup => "project-group",
            RowKind::LeaderPlacement => "leader-placement",
            RowKind::LeaderOrientation => "leader-orientation",
            RowKind::AdministrativeAnchoring => "administrative-anchoring",
            RowKind::PoliticalAnchoring => "political-anchoring",
            RowKind::ExternalAnchoring => "external-anchoring",
            RowKind::PlanAnchoring => "plan-anchoring",
            RowKind::MainGoals => "main-goals",
            RowKind::Measures => "measures",
            RowKind::Phase => "phase",
        }
    }
}

/// A sign-off of one matrix column («kvalitetssikret ved programlederne»).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignOff {
    /// The column (participant).
    pub participant: ParticipantId,
    /// In which role.
    pub role: SignOffRole,
    /// Who (a roster person).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<PersonRef>,
    /// When.
    pub date: Date,
    /// A remark (corrections asked for).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Who signs a column off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignOffRole {
    /// The participant's programme leader.
    ProgrammeLeader,
    /// The participant's coordinator.
    Coordinator,
}

/// An entry of the data-collection log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum LogEntry {
    /// Interviews held.
    Interviews {
        /// With whose people (none: the funder or the programme level).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        participant: Option<ParticipantId>,
        /// Which informant group.
        group: InformantGroupKind,
        /// The month (a date of month precision or finer); the first month
        /// when the interviews spread over several.
        month: Date,
        /// The last month, when the interviews spread over several.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        until: Option<Date>,
        /// How many interviews, if recorded.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        count: Option<u32>,
    },
    /// A document received.
    Document {
        /// From whom (none: programme level).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        participant: Option<ParticipantId>,
        /// What kind of document.
        kind: DocumentKind,
        /// Its title.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        title: Option<String>,
        /// When it was received.
        received: Date,
    },
    /// A meeting or gathering the evaluator took part in.
    Meeting {
        /// Whose (none: programme level).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        participant: Option<ParticipantId>,
        /// What.
        title: String,
        /// When.
        date: Date,
    },
}

impl LogEntry {
    /// Whose the entry is (none: the funder or the programme level).
    pub fn participant(&self) -> Option<&ParticipantId> {
        let (LogEntry::Interviews { participant, .. }
        | LogEntry::Document { participant, .. }
        | LogEntry::Meeting { participant, .. }) = self;
        participant.as_ref()
    }
}

/// Informant groups of the interviews.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InformantGroupKind {
    /// The programme leader.
    ProgrammeLeader,
    /// Members of the steering group.
    SteeringGroup,
    /// Members of the project group.
    ProjectGroup,
    /// The administrative leadership.
    AdministrativeLeadership,
    /// The political leadership.
    PoliticalLeadership,
    /// External actors.
    External,
    /// The voluntary sector.
    Voluntary,
    /// Users.
    Users,
    /// The funder.
    Funder,
}

impl InformantGroupKind {
    /// The code used in keys.
    pub fn code(self) -> &'static str {
        match self {
            InformantGroupKind::ProgrammeLeader => "programme_leader",
            InformantGroupKind::SteeringGroup => "steering_group",
            InformantGroupKind::ProjectGroup => "project_group",
            InformantGroupKind::AdministrativeLeadership => "administrative_leadership",
            InformantGroupKind::PoliticalLeadership => "political_leadership",
            InformantGroupKind::External => "external",
            InformantGroupKind::Voluntary => "voluntary",
            InformantGroupKind::Users => "users",
            InformantGroupKind::Funder => "funder",
        }
    }
}

/// Kinds of documents the evaluator collects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// The application (søknad).
    Application,
    /// The pre-analysis (foranalyse).
    PreAnalysis,
    /// The action plan (handlingsplan).
    ActionPlan,
    /// A half-year, annual or final report.
    Report,
    /// The programme plan (the funder's).
    ProgrammePlan,
    /// The knowledge plan (the funder's).
    KnowledgePlan,
    /// Minutes of a meeting.
    Minutes,
    /// Something else.
    Other,
}

impl DocumentKind {
    /// The documents the evaluator expects from every participant (the 2010
    /// evaluation's document study: søknader, foranalyser, handlingsplaner).
    pub const EXPECTED: [DocumentKind; 3] = [
        DocumentKind::Application,
        DocumentKind::PreAnalysis,
        DocumentKind::ActionPlan,
    ];

    /// The code used in keys.
    pub fn code(self) -> &'static str {
        match self {
            DocumentKind::Application => "application",
            DocumentKind::PreAnalysis => "pre_analysis",
            DocumentKind::ActionPlan => "action_plan",
            DocumentKind::Report => "report",
            DocumentKind::ProgrammePlan => "programme_plan",
            DocumentKind::KnowledgePlan => "knowledge_plan",
            DocumentKind::Minutes => "minutes",
            DocumentKind::Other => "other",
        }
    }
}

/// An evaluator's note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// Stable id.
    pub id: NoteId,
    /// About whom (none: the programme).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participant: Option<ParticipantId>,
    /// When.
    pub date: Date,
    /// The note.
    pub text: String,
}

/// An entry of the learning log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LearningEntry {
    /// Stable id.
    pub id: LearningId,
    /// Whose learning (none: the programme or the funder).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participant: Option<ParticipantId>,
    /// When.
    pub date: Date,
    /// Who wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The learning loop.
    #[serde(rename = "loop")]
    pub learning_loop: LearningLoop,
    /// The knowledge area.
    pub area: KnowledgeArea,
    /// The actor level the learning concerns.
    pub actor_level: ActorLevel,
    /// Explicit or tacit knowledge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<KnowledgeForm>,
    /// The measure it concerns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<MeasureId>,
    /// The learning.
    pub text: String,
    /// Whether the programme's other participants may read it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub shared: bool,
}

/// The three learning loops (Argyris & Schön; Amdam; domain.md §1.13.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum LearningLoop {
    /// 1: do the measures work as intended?
    #[serde(rename = "1")]
    First,
    /// 2: is the way of organising the effort right?
    #[serde(rename = "2")]
    Second,
    /// 3: are the goals and the actors right?
    #[serde(rename = "3")]
    Third,
}

impl LearningLoop {
    /// Every loop.
    pub const ALL: [LearningLoop; 3] = [
        LearningLoop::First,
        LearningLoop::Second,
        LearningLoop::Third,
    ];

    /// 1, 2 or 3.
    pub fn number(self) -> u8 {
        match self {
            LearningLoop::First => 1,
            LearningLoop::Second => 2,
            LearningLoop::Third => 3,
        }
    }
}

/// The knowledge areas of the programme's knowledge plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum KnowledgeArea {
    /// A: practical social housing work.
    A,
    /// B: programme learning.
    B,
    /// C: project learning.
    C,
    /// D: policy-relevant knowledge.
    D,
}

/// The actor level learning concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorLevel {
    /// Individuals.
    Individual,
    /// An organisation.
    Organisation,
    /// Institutions.
    Institution,
    /// The funder as programme owner and operator.
    Funder,
}

/// Explicit (documented) or tacit (experience-based) knowledge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KnowledgeForm {
    /// Documented, research-based.
    Explicit,
    /// Personal, experience-based.
    Tacit,
}

/// A gathering: programme gathering, programme-leader meeting, dialogue
/// conference, theme day. Attendance by level is evidence of process
/// anchoring.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gathering {
    /// Stable id.
    pub id: GatheringId,
    /// What kind.
    pub kind: GatheringKind,
    /// Title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Held, planned or considered.
    pub status: Status,
    /// When.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// The participant that hosts it (none: the programme or the funder).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<ParticipantId>,
    /// Whether it is about the pre-analysis (a dialogue conference for its informants).
    #[serde(default, skip_serializing_if = "is_false")]
    pub about_pre_analysis: bool,
    /// Whom it is for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audience: Vec<Level>,
    /// Who came.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendance: Vec<Attendance>,
}

/// What kind of gathering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GatheringKind {
    /// A programme gathering of all participants (programsamling).
    ProgrammeGathering,
    /// A meeting of the programme leaders (programledersamling).
    ProgrammeLeaderMeeting,
    /// A dialogue conference.
    DialogueConference,
    /// A theme day.
    ThemeDay,
    /// A working meeting.
    WorkingMeeting,
    /// Something else.
    Other,
}

impl GatheringKind {
    /// The code used in keys.
    pub fn code(self) -> &'static str {
        match self {
            GatheringKind::ProgrammeGathering => "programme-gathering",
            GatheringKind::ProgrammeLeaderMeeting => "programme-leader-meeting",
            GatheringKind::DialogueConference => "dialogue-conference",
            GatheringKind::ThemeDay => "theme-day",
            GatheringKind::WorkingMeeting => "working-meeting",
            GatheringKind::Other => "other",
        }
    }
}

/// Attendance of one participant's people of one level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attendance {
    /// Whose people (none: the funder, the evaluator, guests).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participant: Option<ParticipantId>,
    /// Their level.
    pub level: Level,
    /// How many.
    pub count: u32,
    /// Who, if recorded by name (roster ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub persons: Vec<PersonRef>,
}
