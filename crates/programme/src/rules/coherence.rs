//! Goal–activity coherence of an action plan version (the Danish finding
//! «behov for programledelse»; domain.md §5.3):
//!
//! * a measure that serves no goal;
//! * a goal with no measure: a goal none of whose sub-goals has any either
//!   is reported at its lowest levels (each leaf goal without a measure);
//! * an indicator without data: no baseline and no value (for a survey
//!   figure, no figure of the participant's rounds);
//! * a measure without anyone responsible;
//! * a measure without an indicator (worth knowing, not a warning).
//!
//! Cancelled measures are left out of every check.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::finding::{Finding, FindingKind};
use crate::ids::{IndicatorId, ParticipantId, SurveyRoundRef};
use crate::model::{IndicatorSource, MeasureStatus, PlanVersion};

/// A survey figure of one of a participant's rounds, computed by the caller
/// from the engine's analysis and usable as an indicator value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SurveyFigure {
    /// Whose round.
    pub participant: ParticipantId,
    /// The figure's key (see [`SURVEY_FIGURES`]).
    pub figure: String,
    /// The round.
    pub round: SurveyRoundRef,
    /// When the round closed.
    pub date: Date,
    /// The value.
    pub value: f64,
}

/// Survey figure keys the programme layer knows how to name (samspill-results
/// computes each from a closed round, `samspill_results::figures`). A key
/// with parameters takes them after colons: `ei_index:tildeling:tjenester_i_bolig`
/// is the E–I index between two functions of the catalogue.
pub const SURVEY_FIGURES: [&str; 8] = [
    "response_rate",
    "weekly_largest_component_share",
    "weekly_isolates",
    "nonrespondent_bridge_builders",
    "nonrespondent_bridge_builders_share",
    "mean_coordination_rating",
    "ei_index",
    "weekly_contact",
];

/// The values of an indicator, in date order: recorded observations and,
/// for a survey indicator, the participant's figures.
pub fn indicator_values(
    participant: &ParticipantId,
    indicator: &crate::model::Indicator,
    figures: &[SurveyFigure],
) -> Vec<(Date, f64)> {
    let mut out: Vec<(Date, f64)> = indicator
        .observations
        .iter()
        .map(|o| (o.date, o.value))
        .collect();
    if let IndicatorSource::Survey { figure } = &indicator.source {
        out.extend(
            figures
                .iter()
                .filter(|f| &f.participant == participant && &f.figure == figure)
                .map(|f| (f.date, f.value)),
        );
    }
    out.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    out
}

/// The indicators of `version` that have data.
fn with_data(
    participant: &ParticipantId,
    version: &PlanVersion,
    figures: &[SurveyFigure],
) -> BTreeSet<IndicatorId> {
    version
        .indicators
        .iter()
        .filter(|i| i.baseline.is_some() || !indicator_values(participant, i, figures).is_empty())
        .map(|i| i.id.clone())
        .collect()
}

/// The coherence findings of one version of a participant's action plan.
pub fn coherence(
    participant: &ParticipantId,
    version: &PlanVersion,
    figures: &[SurveyFigure],
) -> Vec<Finding> {
    let pid = Some(participant);
    let mut out = Vec::new();
    let live: Vec<_> = version
        .measures
        .iter()
        .filter(|m| m.status != MeasureStatus::Cancelled)
        .collect();
    for m in &live {
        if m.goals.iter().all(|g| version.goal(g).is_none()) {
            out.push(Finding::new(
                pid,
                FindingKind::MeasureServesNoGoal {
                    measure: m.id.clone(),
                    title: m.title.clone(),
                },
            ));
        }
    }
    // Goals served directly, then every ancestor of one.
    let mut served: BTreeSet<&str> = live
        .iter()
        .flat_map(|m| m.goals.iter().map(|g| g.as_str()))
        .collect();
    let direct: Vec<&str> = served.iter().copied().collect();
    for g in direct {
        let mut at = version.goal(&g.into()).and_then(|x| x.parent.as_ref());
        let mut steps = 0;
        while let Some(p) = at {
            if !served.insert(p.as_str()) || steps > version.goals.len() {
                break;
            }
            at = version.goal(p).and_then(|x| x.parent.as_ref());
            steps += 1;
        }
    }
    for g in &version.goals {
        let leaf = !version
            .goals
            .iter()
            .any(|c| c.parent.as_ref() == Some(&g.id));
        if leaf && !served.contains(g.id.as_str()) {
            out.push(Finding::new(
                pid,
                FindingKind::GoalWithoutMeasure {
                    goal: g.id.clone(),
                    title: g.title.clone(),
                },
            ));
        }
    }
    let data = with_data(participant, version, figures);
    for i in &version.indicators {
        if !data.contains(&i.id) {
            out.push(Finding::new(
                pid,
                FindingKind::IndicatorWithoutData {
                    indicator: i.id.clone(),
                    name: i.name.clone(),
                },
            ));
        }
    }
    for m in &live {
        if !m.responsible.as_ref().is_some_and(|r| r.is_named()) {
            out.push(Finding::new(
                pid,
                FindingKind::MeasureWithoutResponsible {
                    measure: m.id.clone(),
                    title: m.title.clone(),
                },
            ));
        }
        if !version
            .indicators
            .iter()
            .any(|i| i.measure.as_ref() == Some(&m.id))
        {
            out.push(Finding::new(
                pid,
                FindingKind::MeasureWithoutIndicator {
                    measure: m.id.clone(),
                    title: m.title.clone(),
                },
            ));
        }
    }
    out
}
