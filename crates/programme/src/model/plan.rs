//! The action plan as a versioned goal tree: main goals (or priority areas)
//! → sub-goals → measures → indicators (domain.md §1.11).

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::ids::{BodyId, GoalId, IndicatorId, MeasureId, ParticipantId, PersonRef};

use super::common::Provenance;

fn is_false(b: &bool) -> bool {
    !*b
}

/// A participant's action plan for the programme, every version kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionPlan {
    /// Whose plan.
    pub participant: ParticipantId,
    /// What the plan is a plan *for* (the seed's confusion e: the programme,
    /// or the participant's social housing work as a whole).
    pub scope: PlanScope,
    /// Versions, oldest first (a draft, the approved plan, each yearly revision).
    pub versions: Vec<PlanVersion>,
}

impl ActionPlan {
    /// The latest version drafted or approved by `at`.
    pub fn version_at(&self, at: Date) -> Option<&PlanVersion> {
        self.versions
            .iter()
            .filter(|v| v.dated().is_some_and(|d| d <= at.start()))
            .max_by_key(|v| (v.dated(), v.number))
    }

    /// The latest version approved by `at`.
    pub fn approved_at(&self, at: Date) -> Option<&PlanVersion> {
        self.versions
            .iter()
            .filter(|v| v.approved.is_some_and(|d| d.start() <= at.start()))
            .max_by_key(|v| (v.approved, v.number))
    }
}

/// What an action plan is a plan for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanScope {
    /// The programme.
    Programme,
    /// The participant's social housing work as a whole.
    SocialHousingWork,
}

/// One version of an action plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanVersion {
    /// Version number (1, 2, …).
    pub number: u32,
    /// Title («Foreløpig handlingsplan», «Rullering 2012»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// When the version was drafted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drafted: Option<Date>,
    /// When approval is planned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_approval: Option<Date>,
    /// When it was approved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved: Option<Date>,
    /// Who approved it (kommunestyret).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<String>,
    /// Whether the top level holds main goals or priority areas.
    pub top: TopLevel,
    /// Goals: main goals (no parent) and their sub-goals.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<Goal>,
    /// Measures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<Measure>,
    /// Indicators.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    /// Where this version is known from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Provenance>,
}

impl PlanVersion {
    /// The date the version exists from: drafted, else approved, else its
    /// earliest source.
    pub fn dated(&self) -> Option<Date> {
        self.drafted
            .or(self.approved)
            .map(Date::start)
            .or_else(|| super::common::known_from(None, &self.sources))
    }

    /// Whether the version is approved.
    pub fn is_approved(&self) -> bool {
        self.approved.is_some()
    }

    /// The goal with `id`.
    pub fn goal(&self, id: &GoalId) -> Option<&Goal> {
        self.goals.iter().find(|g| &g.id == id)
    }

    /// The measure with `id`.
    pub fn measure(&self, id: &MeasureId) -> Option<&Measure> {
        self.measures.iter().find(|m| &m.id == id)
    }
}

/// What the top level of the goal tree holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TopLevel {
    /// Main goals (hovedmål).
    MainGoals,
    /// Priority areas (satsingsområder).
    PriorityAreas,
}

/// A goal: a main goal or priority area (no parent) or a sub-goal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// Stable id within the plan (kept across versions for the same goal).
    pub id: GoalId,
    /// The goal above it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<GoalId>,
    /// The goal's words.
    pub title: String,
    /// The level the goal aims at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effect_level: Option<EffectLevel>,
}

/// The level a goal or indicator aims at (the municipalities' expectations,
/// domain.md §1.14).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EffectLevel {
    /// People who are disadvantaged on the housing market.
    Users,
    /// The municipality's social housing work.
    Municipality,
    /// National policy and the funder's instruments.
    NationalPolicy,
}

/// A measure (tiltak) or activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// Stable id within the plan.
    pub id: MeasureId,
    /// The measure's words.
    pub title: String,
    /// The goals it serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<GoalId>,
    /// Who is responsible: a roster person or a name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsible: Option<Responsible>,
    /// The sub-project that carries it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_project: Option<BodyId>,
    /// Planned start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Date>,
    /// Planned end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Date>,
    /// Budget in whole currency units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<i64>,
    /// Status as of the plan version.
    #[serde(default)]
    pub status: MeasureStatus,
    /// Whether the measure is the plan for continuing in ordinary operation.
    #[serde(default, skip_serializing_if = "is_false")]
    pub continuation: bool,
}

/// Who is responsible for a measure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Responsible {
    /// The person in samspill's roster.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<PersonRef>,
    /// The name or position as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl Responsible {
    /// Whether it names anyone.
    pub fn is_named(&self) -> bool {
        self.person.is_some() || self.name.as_deref().is_some_and(|n| !n.trim().is_empty())
    }
}

/// The status of a measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeasureStatus {
    /// Not started.
    #[default]
    NotStarted,
    /// Under way.
    Ongoing,
    /// Done.
    Completed,
    /// Postponed.
    Postponed,
    /// Dropped.
    Cancelled,
}

impl MeasureStatus {
    /// The code used in keys and files.
    pub fn code(self) -> &'static str {
        match self {
            MeasureStatus::NotStarted => "not_started",
            MeasureStatus::Ongoing => "ongoing",
            MeasureStatus::Completed => "completed",
            MeasureStatus::Postponed => "postponed",
            MeasureStatus::Cancelled => "cancelled",
        }
    }
}

/// An indicator with baseline, target and observations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Stable id within the plan.
    pub id: IndicatorId,
    /// What it measures.
    pub name: String,
    /// The measure it follows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<MeasureId>,
    /// The goal it follows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<GoalId>,
    /// Unit of the values («husstander», «%»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Where values come from.
    #[serde(default)]
    pub source: IndicatorSource,
    /// The starting value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Observation>,
    /// The target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
    /// The level of effect it shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effect_level: Option<EffectLevel>,
    /// Values recorded by hand.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub observations: Vec<Observation>,
}

/// Where an indicator's values come from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum IndicatorSource {
    /// Entered by hand.
    #[default]
    Manual,
    /// A figure of the participant's survey rounds, named by a key the
    /// caller computes (see [`crate::rules::coherence::SURVEY_FIGURES`]).
    Survey {
        /// The figure's key (`weekly_largest_component_share`,
        /// `ei_index:housing_office:nav`, …).
        figure: String,
    },
}

/// A value at a date.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Observation {
    /// When.
    pub date: Date,
    /// The value.
    pub value: f64,
}

/// A target value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// The value to reach.
    pub value: f64,
    /// By when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<Date>,
}
