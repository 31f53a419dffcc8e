//! Types every record uses: where a fact comes from, and the levels people
//! and actors belong to.

use serde::{Deserialize, Serialize};

use crate::date::Date;

/// The kind of source a fact was taken from. The overview matrix names its
/// sources and flags facts that one source has and another lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// An interview (the 2010 evaluation's in-depth interviews).
    Interview,
    /// The participant's action plan for the programme.
    ActionPlan,
    /// The application for admission.
    Application,
    /// The pre-analysis (foranalyse).
    PreAnalysis,
    /// Another document (organisation chart, minutes, decision, …).
    Document,
    /// A survey round samspill ran.
    Survey,
    /// A meeting or gathering the recorder took part in.
    Meeting,
    /// Entered by the participant's own coordinator.
    Participant,
    /// Entered by the funder.
    Funder,
    /// The evaluator's own observation.
    Evaluator,
}

impl SourceKind {
    /// Every source kind.
    pub const ALL: [SourceKind; 10] = [
        SourceKind::Interview,
        SourceKind::ActionPlan,
        SourceKind::Application,
        SourceKind::PreAnalysis,
        SourceKind::Document,
        SourceKind::Survey,
        SourceKind::Meeting,
        SourceKind::Participant,
        SourceKind::Funder,
        SourceKind::Evaluator,
    ];

    /// The code used in keys and files (`interview`, `action_plan`, …).
    pub fn code(self) -> &'static str {
        match self {
            SourceKind::Interview => "interview",
            SourceKind::ActionPlan => "action_plan",
            SourceKind::Application => "application",
            SourceKind::PreAnalysis => "pre_analysis",
            SourceKind::Document => "document",
            SourceKind::Survey => "survey",
            SourceKind::Meeting => "meeting",
            SourceKind::Participant => "participant",
            SourceKind::Funder => "funder",
            SourceKind::Evaluator => "evaluator",
        }
    }
}

/// Where one fact comes from: the kind of source, which one (a document
/// title, an interview log entry), and when the source said so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// The kind of source.
    pub source: SourceKind,
    /// Which source, in the recorder's words («Foreløpig handlingsplan»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// When the source said so (an interview month, a document's date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
}

impl Provenance {
    /// A source of `kind` dated `date`.
    pub fn new(source: SourceKind, date: Option<Date>) -> Provenance {
        Provenance {
            source,
            reference: None,
            date,
        }
    }
}

/// The first day a fact is known to hold: its own date if it has one,
/// otherwise the earliest date of a source that reports it, otherwise never
/// (`None`). A fact without any date is not counted at any date.
pub fn known_from(own: Option<Date>, sources: &[Provenance]) -> Option<Date> {
    own.map(Date::start)
        .or_else(|| sources.iter().filter_map(|p| p.date).map(Date::start).min())
}

/// Whether a dated spell `[from, to)` covers `at` (first days compared; an
/// open start with no source date counts from the beginning of time, an open
/// end never ends).
pub fn spell_covers(from: Option<Date>, to: Option<Date>, at: Date) -> bool {
    from.is_none_or(|f| f.start() <= at.start()) && to.is_none_or(|t| t.start() > at.start())
}

/// The level a person or actor belongs to, finer than the survey roster's
/// five: it separates NAV, other public bodies, voluntary and private actors
/// and users, as the seeds' anchoring questions need (domain.md §1.9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Top administration: rådmann, deputy, kommunalsjefer, the rådmann's staff.
    TopAdministration,
    /// Leaders of service areas and units (sektorledere, tjenesteledere).
    SectorLeader,
    /// Professionals, advisers and caseworkers.
    Professional,
    /// Elected politicians.
    Politician,
    /// NAV (the labour and welfare service).
    Nav,
    /// Other public bodies: specialist health services, neighbouring
    /// municipalities, state agencies.
    OtherPublic,
    /// Voluntary organisations, user organisations.
    Voluntary,
    /// Private actors: developers, landlords, contractors.
    Private,
    /// Users of the services.
    User,
    /// The funder (Husbanken, Landsbyggefonden).
    Funder,
    /// The follow-along evaluator.
    Evaluator,
}

impl Level {
    /// Every level.
    pub const ALL: [Level; 11] = [
        Level::TopAdministration,
        Level::SectorLeader,
        Level::Professional,
        Level::Politician,
        Level::Nav,
        Level::OtherPublic,
        Level::Voluntary,
        Level::Private,
        Level::User,
        Level::Funder,
        Level::Evaluator,
    ];

    /// The code used in keys and files.
    pub fn code(self) -> &'static str {
        match self {
            Level::TopAdministration => "top_administration",
            Level::SectorLeader => "sector_leader",
            Level::Professional => "professional",
            Level::Politician => "politician",
            Level::Nav => "nav",
            Level::OtherPublic => "other_public",
            Level::Voluntary => "voluntary",
            Level::Private => "private",
            Level::User => "user",
            Level::Funder => "funder",
            Level::Evaluator => "evaluator",
        }
    }

    /// Outside the municipal organisation and not the funder or evaluator:
    /// NAV, other public, voluntary, private, users (the seed's «eksterne
    /// aktører», with users).
    pub fn is_external(self) -> bool {
        matches!(
            self,
            Level::Nav | Level::OtherPublic | Level::Voluntary | Level::Private | Level::User
        )
    }

    /// Inside the municipal administration (top, sector leaders, professionals).
    pub fn is_administration(self) -> bool {
        matches!(
            self,
            Level::TopAdministration | Level::SectorLeader | Level::Professional
        )
    }
}

/// Whether something has happened, is planned, or is only being considered
/// («vurderes», «aktuelt»).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// It has happened or is in place.
    Realised,
    /// It is decided or planned.
    Planned,
    /// It is being considered.
    Considered,
}

impl Status {
    /// The code used in keys and files.
    pub fn code(self) -> &'static str {
        match self {
            Status::Realised => "realised",
            Status::Planned => "planned",
            Status::Considered => "considered",
        }
    }
}
