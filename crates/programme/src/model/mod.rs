//! The records of a programme. Every type is serialisable; field names are
//! the JSON document format ([`crate::document`]), so renaming one is a
//! format change.
//!
//! Aggregates a store persists one by one (each as a JSON value or as rows):
//! [`Programme`] (with its phase models, vocabulary, glossary, schedule and
//! catalogue), [`Cohort`], [`Participant`] (with its path, planning calendar,
//! agreements and pre-analysis), [`Organisation`], [`Assessment`],
//! [`ActionPlan`], [`Report`], [`Gathering`], [`EvaluationRound`] (with its
//! log, notes, matrix set-up and sign-offs) and [`LearningEntry`].

pub mod anchoring;
pub mod common;
pub mod evaluation;
pub mod organisation;
pub mod participant;
pub mod plan;
pub mod programme;
pub mod report;

pub use anchoring::{
    ActionPlanRole, Assessment, DecisionSubject, Dimension, Evidence, Fact, InvolvementForm,
    PlanStatus, PlanType, Rating, Revision, UserLevel,
};
pub use common::{Level, Provenance, SourceKind, Status, known_from, spell_covers};
pub use evaluation::{
    ActorLevel, Attendance, DocumentKind, EvaluationRound, Gathering, GatheringKind,
    InformantGroupKind, KnowledgeArea, KnowledgeForm, LearningEntry, LearningLoop, LogEntry,
    MatrixRowSpec, MatrixSection, Note, RowKind, Section, SignOff, SignOffRole,
};
pub use organisation::{
    Body, BodyKind, FollowUp, Member, MemberRole, Office, Organisation, Orientation,
    OrientationSpell, OwnerKind, Ownership, Placement, PlacementKind, ProgrammeLeader,
};
pub use participant::{
    AgreementVersion, AttachedRound, Extension, GateRecord, InformantGroup, Obligation,
    Participant, ParticipantKind, ParticipantPath, Partner, PartnerKind, Party, PhaseRecord,
    PlanRevision, PoliticalDecision, PreAnalysis, Presentation, RoundPurpose,
};
pub use plan::{
    ActionPlan, EffectLevel, Goal, Indicator, IndicatorSource, Measure, MeasureStatus, Observation,
    PlanScope, PlanVersion, Responsible, Target, TopLevel,
};
pub use programme::{
    Application, ApplicationAssessment, AreaSecretariat, Cohort, Form, FunctionDef, Funder,
    FunderKind, GateDef, GateEvidence, GlossaryEntry, GoverningDocument, MonthDay, Outcome, Period,
    PhaseDef, PhaseModel, PhaseModelRef, Programme, ReportingSchedule, Term, VocabularyEntry,
};
pub use report::{MeasureReport, Report, ReportKind};
