//! Survey figures usable as programme indicators (issue 18), computed from
//! one closed round's report input and facts, so an indicator says what
//! the round's report says. Pure: no store, no I/O.
//!
//! A figure is named by a key (`samspill_programme`'s
//! `IndicatorSource::Survey { figure }`); keys with parameters take them
//! after colons:
//!
//! | key | value |
//! |---|---|
//! | `response_rate` | respondents per invited person, in per cent |
//! | `weekly_largest_component_share` | people in the daily + weekly network's largest part, in per cent of its people |
//! | `weekly_isolates` | people without any daily or weekly contact |
//! | `nonrespondent_bridge_builders` | bridge builders of the daily + weekly network who did not answer |
//! | `nonrespondent_bridge_builders_share` | the same, in per cent of the bridge builders (none without any) |
//! | `mean_coordination_rating` | the coordination rating's mean (none under [`MIN_GROUP`] ratings) |
//! | `ei_index:A:B` | the E–I index of the daily + weekly ties among holders of functions A and B (primary function, standard keys): (between − within) / all, −1 … 1 |
//! | `weekly_contact:A:B` | daily or weekly ties between holders of A and holders of B |
//!
//! The network is built under the round's analysis rules at the daily +
//! weekly threshold, as the report's facts are.

use samspill_draw::pseudonym::function_identity;
use samspill_engine::build::{Threshold, build};
use samspill_engine::groups::ei_index;
use samspill_report::Input;
use samspill_report::facts::{Facts, build_options};

/// Smallest group whose scores are shown across municipalities.
pub use samspill_report::programme::MIN_GROUP;

/// The figure keys without parameters, and the two taking a pair of
/// functions (`ei_index`, `weekly_contact`).
pub const FIGURES: [&str; 8] = [
    "response_rate",
    "weekly_largest_component_share",
    "weekly_isolates",
    "nonrespondent_bridge_builders",
    "nonrespondent_bridge_builders_share",
    "mean_coordination_rating",
    "ei_index",
    "weekly_contact",
];

/// Whether a figure key takes two functions.
pub fn takes_functions(base: &str) -> bool {
    matches!(base, "ei_index" | "weekly_contact")
}

/// A figure key understood: its base and, for pair figures, the two
/// function keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureKey {
    /// One of [`FIGURES`].
    pub base: &'static str,
    /// The two functions of a pair figure (standard function keys, or a
    /// municipality's own function identity).
    pub pair: Option<(String, String)>,
}

impl FigureKey {
    /// Parses a key; `None` when it is not one this module computes (an
    /// unknown base, a pair figure without two different functions, or
    /// parameters on a figure that takes none).
    pub fn parse(key: &str) -> Option<FigureKey> {
        let mut parts = key.split(':');
        let base = parts.next()?;
        let base = *FIGURES.iter().find(|f| **f == base)?;
        let rest: Vec<&str> = parts.collect();
        if takes_functions(base) {
            match rest.as_slice() {
                [a, b] if !a.is_empty() && !b.is_empty() && a != b => Some(FigureKey {
                    base,
                    pair: Some((a.to_string(), b.to_string())),
                }),
                _ => None,
            }
        } else if rest.is_empty() {
            Some(FigureKey { base, pair: None })
        } else {
            None
        }
    }

    /// The key as text.
    pub fn key(&self) -> String {
        match &self.pair {
            Some((a, b)) => format!("{}:{a}:{b}", self.base),
            None => self.base.to_string(),
        }
    }
}

/// The value of figure `key` for the round behind `input` and its `facts`
/// (`Facts::compute(input)`); `None` when the key is unknown or the
/// figure is undefined for this round (no bridge builders for a share, no
/// tie among the two functions for an E–I index, too few ratings).
pub fn figure(input: &Input, facts: &Facts, key: &str) -> Option<f64> {
    let k = FigureKey::parse(key)?;
    let w = &facts.weekly;
    match k.base {
        "response_rate" => (facts.people > 0).then_some(facts.response_rate),
        "weekly_largest_component_share" => (w.people > 0).then(|| 100.0 * w.integration()),
        "weekly_isolates" => Some(w.isolates.len() as f64),
        "nonrespondent_bridge_builders" => Some(nonrespondent_builders(facts) as f64),
        "nonrespondent_bridge_builders_share" => (!w.builders.is_empty())
            .then(|| 100.0 * nonrespondent_builders(facts) as f64 / w.builders.len() as f64),
        "mean_coordination_rating" => facts
            .coordination
            .as_ref()
            .filter(|s| s.n - s.dont_know >= MIN_GROUP)
            .and_then(|s| s.mean),
        "ei_index" | "weekly_contact" => {
            let (a, b) = k.pair.as_ref()?;
            pair_figure(input, k.base, a, b)
        }
        _ => None,
    }
}

/// Bridge builders of the daily + weekly view who did not answer.
fn nonrespondent_builders(facts: &Facts) -> usize {
    facts
        .weekly
        .builders
        .iter()
        .filter(|b| !facts.responded.get(b.person).copied().unwrap_or(true))
        .count()
}

/// The E–I index or the tie count between the holders of two functions
/// (by primary function) in the daily + weekly network.
fn pair_figure(input: &Input, base: &str, a: &str, b: &str) -> Option<f64> {
    let opts = build_options(&input.rules, Threshold::WEEKLY, input.rules.reconstruct);
    let an = build(&input.network, &opts).ok()?;
    let groups: Vec<Option<String>> = an
        .people
        .iter()
        .map(|&i| {
            let f = function_identity(input.network.people[i].primary_function());
            (f == a || f == b).then_some(f)
        })
        .collect();
    if base == "ei_index" {
        ei_index(&an.graph, &groups).value
    } else {
        let between = an
            .graph
            .edges()
            .filter(|(u, v, _)| matches!((&groups[*u], &groups[*v]), (Some(x), Some(y)) if x != y))
            .count();
        Some(between as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_programme_names_every_figure_computed_here() {
        let mut ours = FIGURES.to_vec();
        let mut theirs = samspill_programme::rules::coherence::SURVEY_FIGURES.to_vec();
        ours.sort();
        theirs.sort();
        assert_eq!(ours, theirs);
    }

    #[test]
    fn keys_parse_with_and_without_functions() {
        assert_eq!(
            FigureKey::parse("ei_index:tildeling:tjenester_i_bolig")
                .unwrap()
                .pair,
            Some(("tildeling".into(), "tjenester_i_bolig".into()))
        );
        assert_eq!(
            FigureKey::parse("weekly_largest_component_share")
                .unwrap()
                .key(),
            "weekly_largest_component_share"
        );
        for bad in [
            "",
            "ei_index",
            "ei_index:tildeling",
            "ei_index:tildeling:tildeling",
            "ei_index:a:b:c",
            "response_rate:x",
            "largest",
        ] {
            assert!(FigureKey::parse(bad).is_none(), "{bad}");
        }
    }
}
