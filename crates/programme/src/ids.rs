//! Identifiers. Every record that others point at has a stable text id
//! chosen by whoever creates it (the store, an import, the demo); ids are
//! compared exactly and never reused for another record. Person and survey
//! round ids come from the roster and the survey rounds and are opaque here.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The longest id accepted (characters).
pub const MAX_ID_CHARS: usize = 100;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// An id from text.
            pub fn new(s: impl Into<String>) -> Self {
                $name(s.into())
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({:?})", stringify!($name), self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name(s.to_string())
            }
        }
    };
}

id_type!(
    /// A programme.
    ProgrammeId
);
id_type!(
    /// A version of a phase model, e.g. `boso-2009`.
    PhaseModelId
);
id_type!(
    /// A phase of a phase model, e.g. `plan`.
    PhaseKey
);
id_type!(
    /// A gate of a phase, e.g. `agreement_signed`.
    GateKey
);
id_type!(
    /// A cohort (pulje).
    CohortId
);
id_type!(
    /// A participant: a municipality, a bydel or a housing area.
    ParticipantId
);
id_type!(
    /// An area secretariat (områdesekretariat) serving several housing areas.
    SecretariatId
);
id_type!(
    /// A body of a programme organisation (steering group, project group, …).
    BodyId
);
id_type!(
    /// A member of a body, when others need to point at the membership.
    MemberId
);
id_type!(
    /// A person of the roster samspill keeps (opaque here).
    PersonRef
);
id_type!(
    /// A survey round samspill keeps (opaque here).
    SurveyRoundRef
);
id_type!(
    /// An anchoring assessment.
    AssessmentId
);
id_type!(
    /// A goal (main goal, priority area or sub-goal) of an action plan.
    GoalId
);
id_type!(
    /// A measure (tiltak) of an action plan.
    MeasureId
);
id_type!(
    /// An indicator of an action plan.
    IndicatorId
);
id_type!(
    /// A half-year, annual or final report.
    ReportId
);
id_type!(
    /// A gathering (programme gathering, dialogue conference, theme day, …).
    GatheringId
);
id_type!(
    /// An evaluation round of the follow-along evaluation.
    RoundId
);
id_type!(
    /// An entry of the learning log.
    LearningId
);
id_type!(
    /// An evaluator's note.
    NoteId
);
