//! From what was reported to the network that is analysed.
//!
//! Three choices turn a [`Network`] into a [`Graph`], and each is explicit
//! and echoed in every output ([`Settings`](crate::analysis::Settings)):
//!
//! - **Combination rule** ([`Combine`]) for the two reports of one contact:
//!   *either* (the larger report; the default for survey rounds, used by the
//!   2015 study and the sawmill/strike studies), *both* (the smaller; a tie
//!   needs both people to report it), *mean* (the average of the reports
//!   given), or *keep* (no combination: arcs stay arcs, the default for
//!   network files, so a directed file is analysed as directed).
//! - **Threshold** ([`Threshold`]): ties below a strength are left out:
//!   daily (3), daily + weekly (2), monthly and more (1), or all ties.
//! - **Non-respondents** ([`NonRespondents`]): kept with the ties others
//!   reported about them (reconstruction, the default) or left out.
//!
//! Rules in detail:
//! - A report is a directed tie `a → b` with a value; an undirected edge in
//!   the data counts as a report from both sides with the same value.
//!   Several reports of the same ordered pair (e.g. at different time
//!   points when no time is chosen) count as one, with the largest value.
//! - *both*: a tie between two respondents needs both reports and takes the
//!   smaller value. A tie between a respondent and a non-respondent cannot be
//!   confirmed; it is kept from the one report (reconstruction) when
//!   non-respondents are kept.
//! - *mean*: a tie exists when at least one side reported it; its value is
//!   the mean of the reports given (a respondent who did not name the other
//!   adds no report, since "no report" is not the strength 0 = "rarer").
//! - The threshold applies to the combined value.
//! - Counts ([`TieCounts`]) say how many analysed ties were confirmed by both
//!   sides, reported by one side although the other answered (one-sided),
//!   or exist only through reconstruction (the other side did not answer).

use serde::Serialize;

use crate::graph::{Edge, Graph, Rows, Simplified};
use crate::model::{ModelError, Network};

/// How the two reports of one contact combine into one tie.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Combine {
    /// No combination: directed ties stay directed.
    Keep,
    /// A tie if at least one side reported it; the larger value.
    Either,
    /// A tie if both sides reported it; the smaller value.
    Both,
    /// A tie if at least one side reported it; the mean of the reports.
    Mean,
}

impl Combine {
    /// Parses `keep`, `either`, `both` or `mean` (also `max`, `min`).
    pub fn parse(s: &str) -> Option<Combine> {
        match s.trim().to_ascii_lowercase().as_str() {
            "keep" | "none" | "directed" => Some(Combine::Keep),
            "either" | "max" => Some(Combine::Either),
            "both" | "min" => Some(Combine::Both),
            "mean" => Some(Combine::Mean),
            _ => None,
        }
    }

    /// The stable machine name.
    pub fn as_str(self) -> &'static str {
        match self {
            Combine::Keep => "keep",
            Combine::Either => "either",
            Combine::Both => "both",
            Combine::Mean => "mean",
        }
    }
}

/// Which ties are strong enough to be analysed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "min")]
pub enum Threshold {
    /// Every tie, whatever its value.
    All,
    /// Ties with a combined value of at least this.
    AtLeast(f64),
}

impl Threshold {
    /// Daily contact only (strength 3).
    pub const DAILY: Threshold = Threshold::AtLeast(3.0);
    /// Daily and weekly contact (strength ≥ 2), the 2015 reports' view.
    pub const WEEKLY: Threshold = Threshold::AtLeast(2.0);
    /// Monthly contact or more (strength ≥ 1).
    pub const MONTHLY: Threshold = Threshold::AtLeast(1.0);

    /// Parses `daily`, `weekly`, `monthly`, `all`, or a number (minimum value).
    pub fn parse(s: &str) -> Option<Threshold> {
        match s.trim().to_ascii_lowercase().as_str() {
            "all" => Some(Threshold::All),
            "daily" => Some(Threshold::DAILY),
            "weekly" => Some(Threshold::WEEKLY),
            "monthly" => Some(Threshold::MONTHLY),
            other => other
                .parse::<f64>()
                .ok()
                .filter(|x| x.is_finite())
                .map(Threshold::AtLeast),
        }
    }

    fn admits(self, value: f64) -> bool {
        match self {
            Threshold::All => true,
            Threshold::AtLeast(min) => value >= min,
        }
    }
}

/// What happens to people who did not answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NonRespondents {
    /// Kept, with the ties others reported about them (reconstruction).
    Keep,
    /// Left out together with every tie they are part of.
    Drop,
}

/// Every choice that shaped the analysed network.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BuildOptions {
    /// Relation to analyse (`None`: the first one).
    pub relation: Option<String>,
    /// Combination rule.
    pub combine: Combine,
    /// Threshold.
    pub threshold: Threshold,
    /// Non-respondents.
    pub non_respondents: NonRespondents,
    /// Only people and ties present at this integer time point (waves in
    /// Pajek time marks or GEXF spells); `None`: everything.
    pub time: Option<i64>,
    /// Whether weighted measures use tie values (as strengths, length
    /// `1 / value`); they must then all be positive.
    pub weighted: bool,
}

impl BuildOptions {
    /// Defaults for survey rounds: *either*, daily + weekly, keep
    /// non-respondents, unweighted.
    pub fn survey() -> BuildOptions {
        BuildOptions {
            relation: None,
            combine: Combine::Either,
            threshold: Threshold::WEEKLY,
            non_respondents: NonRespondents::Keep,
            time: None,
            weighted: false,
        }
    }

    /// Defaults for network files: keep direction, all ties, unweighted.
    pub fn file() -> BuildOptions {
        BuildOptions {
            combine: Combine::Keep,
            threshold: Threshold::All,
            ..BuildOptions::survey()
        }
    }
}

/// How the analysed ties came about.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct TieCounts {
    /// Reports (directed ties as given) among the people analysed.
    pub reports: usize,
    /// Analysed ties confirmed by both sides.
    pub confirmed: usize,
    /// Analysed ties reported by one side although the other answered.
    pub one_sided: usize,
    /// Analysed ties that exist only through reconstruction: the other side
    /// did not answer.
    pub reconstructed: usize,
    /// Ties left out by the threshold.
    pub below_threshold: usize,
    /// One-sided ties left out by the *both* rule.
    pub unconfirmed_dropped: usize,
    /// Self-loops dropped (a person naming themself).
    pub self_loops: usize,
}

/// The network ready for the measures.
#[derive(Debug, Clone)]
pub struct Analysed {
    /// The graph; node `i` is the person `people[i]`.
    pub graph: Graph,
    /// Index into [`Network::people`] for each graph node.
    pub people: Vec<usize>,
    /// The options that produced it.
    pub options: BuildOptions,
    /// How the ties came about.
    pub ties: TieCounts,
    /// Name of the relation analysed.
    pub relation: String,
}

/// Why a network cannot be analysed as asked.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BuildError {
    /// The network breaks the model's invariants.
    #[error(transparent)]
    Model(#[from] ModelError),
    /// The network has no relation at all.
    #[error("the network has no ties section (relation) to analyse")]
    NoRelation,
    /// The requested relation does not exist.
    #[error("there is no relation named {name:?}; the relations are: {available}")]
    UnknownRelation {
        /// Requested name.
        name: String,
        /// Comma-separated names that exist.
        available: String,
    },
    /// Weighted analysis needs positive values.
    #[error(
        "weighted measures need positive tie values (length = 1/value), but the tie {from} → {to} has value {value}; \
         analyse it unweighted or raise the threshold"
    )]
    NonPositiveWeight {
        /// Id of the first person.
        from: String,
        /// Id of the second person.
        to: String,
        /// The offending value.
        value: f64,
    },
}

/// Applies the options to `net`, giving the graph to analyse.
pub fn build(net: &Network, opts: &BuildOptions) -> Result<Analysed, BuildError> {
    net.validate()?;
    let relation = match &opts.relation {
        None => net.relations.first().ok_or(BuildError::NoRelation)?,
        Some(name) => net
            .relation(Some(name))
            .ok_or_else(|| BuildError::UnknownRelation {
                name: name.clone(),
                available: net
                    .relations
                    .iter()
                    .map(|r| r.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })?,
    };
    let present = |spells: &[crate::model::Spell]| match opts.time {
        None => true,
        Some(t) => spells.is_empty() || spells.iter().any(|s| s.contains_int(t)),
    };
    let mut index = vec![usize::MAX; net.people.len()];
    let mut people = Vec::new();
    for (i, p) in net.people.iter().enumerate() {
        if !present(&p.spells) {
            continue;
        }
        if !p.responded && opts.non_respondents == NonRespondents::Drop {
            continue;
        }
        index[i] = people.len();
        people.push(i);
    }
    let n = people.len();
    let mut counts = TieCounts::default();

    // Reports per ordered pair, largest value, grouped by reporter.
    let mut triples: Vec<(u32, u32, f64)> = Vec::with_capacity(relation.ties.len());
    let mut self_loops = 0;
    for t in &relation.ties {
        let (a, b) = (index[t.source], index[t.target]);
        if a == usize::MAX || b == usize::MAX || !present(&t.spells) {
            continue;
        }
        if a == b {
            self_loops += 1;
            continue;
        }
        triples.push((a as u32, b as u32, t.value));
        if !t.directed {
            triples.push((b as u32, a as u32, t.value));
        }
    }
    let reports = Rows::group(n, &triples);
    // Only undirected ties: every report has its mirror with the same largest
    // value, so the look-ups below (2 million on the benchmark graph) can be
    // skipped.
    let declared_directed = net.relation_directed(relation);
    let symmetric = !declared_directed;
    drop(triples);
    counts.self_loops = self_loops;
    counts.reports = reports.nbr.len();
    let responded = |i: usize| net.people[people[i]].responded;
    let not_positive = |w: f64| w.partial_cmp(&0.0) != Some(std::cmp::Ordering::Greater);
    // Every report (a, b, value) in (a, b) order.
    let rows = &reports;
    let each = || {
        (0..n).flat_map(move |a| {
            (rows.off[a]..rows.off[a + 1]).map(move |k| (a, rows.nbr[k] as usize, rows.w[k]))
        })
    };

    // Only undirected ties, all admitted by the threshold: every combination
    // rule gives each pair its one value, every tie is confirmed from both
    // ends, and the grouped reports already are the analysed graph.
    if symmetric && reports.w.iter().all(|&v| opts.threshold.admits(v)) {
        for (a, b, v) in each() {
            if a > b {
                continue;
            }
            if opts.weighted && not_positive(v) {
                return Err(BuildError::NonPositiveWeight {
                    from: net.people[people[a]].id.clone(),
                    to: net.people[people[b]].id.clone(),
                    value: v,
                });
            }
            classify(&mut counts, true, responded(a), responded(b));
        }
        return Ok(Analysed {
            graph: Graph::from_symmetric_rows(n, reports),
            people,
            options: opts.clone(),
            ties: counts,
            relation: relation.name.clone(),
        });
    }
    let mut edges: Vec<Edge> = Vec::new();
    let directed;
    if opts.combine == Combine::Keep {
        directed = declared_directed;
        for (a, b, v) in each() {
            if !directed && a > b {
                continue;
            }
            if !opts.threshold.admits(v) {
                counts.below_threshold += 1;
                continue;
            }
            let back = symmetric || reports.get(b, a).is_some();
            classify(&mut counts, back, responded(a), responded(b));
            edges.push((a, b, v));
        }
    } else {
        directed = false;
        for (a, b, v) in each() {
            let back = if symmetric {
                Some(v)
            } else {
                reports.get(b, a)
            };
            if a > b && back.is_some() {
                continue; // handled from the other side
            }
            let value = match (opts.combine, back) {
                (_, None) => {
                    // One report. Under *both* it stands only when the other
                    // side could not answer (reconstruction).
                    if opts.combine == Combine::Both && responded(b) {
                        counts.unconfirmed_dropped += 1;
                        continue;
                    }
                    v
                }
                (Combine::Both, Some(w)) => v.min(w),
                (Combine::Mean, Some(w)) => (v + w) / 2.0,
                // Either (Keep never comes here).
                (_, Some(w)) => v.max(w),
            };
            if !opts.threshold.admits(value) {
                counts.below_threshold += 1;
                continue;
            }
            classify(&mut counts, back.is_some(), responded(a), responded(b));
            edges.push((a, b, value));
        }
    }
    if let Some(&(a, b, v)) = edges.iter().find(|e| opts.weighted && not_positive(e.2)) {
        return Err(BuildError::NonPositiveWeight {
            from: net.people[people[a]].id.clone(),
            to: net.people[people[b]].id.clone(),
            value: v,
        });
    }
    let (graph, simp): (Graph, Simplified) = Graph::from_edges(n, directed, &edges);
    debug_assert_eq!(simp.merged, 0);
    Ok(Analysed {
        graph,
        people,
        options: opts.clone(),
        ties: counts,
        relation: relation.name.clone(),
    })
}

fn classify(c: &mut TieCounts, both_reported: bool, a_answered: bool, b_answered: bool) {
    if both_reported {
        c.confirmed += 1;
    } else if a_answered && b_answered {
        c.one_sided += 1;
    } else {
        c.reconstructed += 1;
    }
}
