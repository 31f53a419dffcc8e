//! The whole analysis of one network: every measure of PRODUCT.md §4, as
//! one serialisable result.
//!
//! Field names are the snake_case names of PRODUCT.md §4 and are a public
//! contract (`samspill analyze --format json`). A field is **absent** when
//! its measure was not asked for (`--metrics`), and **`null`** when the
//! measure is undefined for this network (eigenvector of a disconnected
//! graph, constraint of an isolate, diameter of an empty graph): never NaN,
//! never a made-up 0.

use serde::Serialize;

use crate::bridges::{self, BridgeReason};
use crate::build::{Analysed, TieCounts};
use crate::community;
use crate::graph::Graph;
use crate::groups::{self, Brokerage, ContactMatrix, EiIndex};
use crate::measures::{components, local, paths, spectral};
use crate::model::Network;

/// A measure that can be asked for (`--metrics`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Metric {
    /// Density.
    Density,
    /// Reciprocity (directed).
    Reciprocity,
    /// Weak and strong components.
    Components,
    /// Diameter and average path length of the largest component.
    Distances,
    /// Transitivity.
    Transitivity,
    /// Freeman degree and betweenness centralisation.
    Centralization,
    /// Degree, in- and out-degree.
    Degree,
    /// Strength (sum of tie values).
    Strength,
    /// Betweenness.
    Betweenness,
    /// Closeness.
    Closeness,
    /// Harmonic closeness.
    Harmonic,
    /// Eigenvector centrality.
    Eigenvector,
    /// PageRank.
    Pagerank,
    /// Clustering coefficient.
    Clustering,
    /// Burt's constraint.
    Constraint,
    /// Burt's effective size.
    EffectiveSize,
    /// Core number.
    CoreNumber,
    /// Articulation points.
    ArticulationPoint,
    /// Communities, modularity and stability.
    Communities,
    /// Function × function contact matrix.
    FunctionMatrix,
    /// E–I index.
    EiIndex,
    /// Gould–Fernandez brokerage.
    Brokerage,
    /// Bridge builders and chains.
    Bridges,
}

impl Metric {
    /// Every metric with its name.
    pub const ALL: [(Metric, &'static str); 23] = [
        (Metric::Density, "density"),
        (Metric::Reciprocity, "reciprocity"),
        (Metric::Components, "components"),
        (Metric::Distances, "distances"),
        (Metric::Transitivity, "transitivity"),
        (Metric::Centralization, "centralization"),
        (Metric::Degree, "degree"),
        (Metric::Strength, "strength"),
        (Metric::Betweenness, "betweenness"),
        (Metric::Closeness, "closeness"),
        (Metric::Harmonic, "harmonic"),
        (Metric::Eigenvector, "eigenvector"),
        (Metric::Pagerank, "pagerank"),
        (Metric::Clustering, "clustering"),
        (Metric::Constraint, "constraint"),
        (Metric::EffectiveSize, "effective_size"),
        (Metric::CoreNumber, "core_number"),
        (Metric::ArticulationPoint, "articulation_point"),
        (Metric::Communities, "communities"),
        (Metric::FunctionMatrix, "function_matrix"),
        (Metric::EiIndex, "ei_index"),
        (Metric::Brokerage, "brokerage"),
        (Metric::Bridges, "bridges"),
    ];

    /// Parses a metric name (also a few aliases such as `diameter`,
    /// `modularity`, `community`, `pagerank`).
    pub fn parse(s: &str) -> Option<Metric> {
        let s = s.trim().to_ascii_lowercase().replace('-', "_");
        let alias = match s.as_str() {
            "diameter" | "average_path_length" => "distances",
            "modularity" | "community" => "communities",
            "degree_centralization" | "betweenness_centralization" => "centralization",
            "in_degree" | "out_degree" => "degree",
            "weak_components" | "strong_components" => "components",
            "harmonic_closeness" => "harmonic",
            "ei" | "e_i" => "ei_index",
            "matrix" | "contact_matrix" => "function_matrix",
            "page_rank" => "pagerank",
            other => other,
        };
        Metric::ALL
            .iter()
            .find(|(_, n)| *n == alias)
            .map(|(m, _)| *m)
    }
}

/// Which measures to compute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetricSet(std::collections::BTreeSet<Metric>);

impl MetricSet {
    /// Every measure.
    pub fn all() -> MetricSet {
        MetricSet(Metric::ALL.iter().map(|(m, _)| *m).collect())
    }

    /// Exactly these measures.
    pub fn of(metrics: impl IntoIterator<Item = Metric>) -> MetricSet {
        MetricSet(metrics.into_iter().collect())
    }

    /// Parses a comma-separated list (`all` for every measure); the error
    /// names the first unknown entry.
    pub fn parse(list: &str) -> Result<MetricSet, String> {
        let mut set = std::collections::BTreeSet::new();
        for item in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            if item.eq_ignore_ascii_case("all") {
                return Ok(MetricSet::all());
            }
            set.insert(Metric::parse(item).ok_or_else(|| item.to_string())?);
        }
        Ok(MetricSet(set))
    }

    /// Whether `m` is asked for.
    pub fn has(&self, m: Metric) -> bool {
        self.0.contains(&m)
    }
}

/// Where each person's group (for the between-group measures) comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GroupSource {
    /// The primary function (the default); falls back to the first partition
    /// when nobody has a function.
    PrimaryFunction,
    /// The organisational unit.
    Unit,
    /// The named partition (e.g. Pajek `Strike_groups.clu`).
    Partition(String),
}

/// Options of an analysis beyond those that built the graph.
#[derive(Debug, Clone, PartialEq)]
pub struct AnalysisOptions {
    /// Measures to compute.
    pub metrics: MetricSet,
    /// Seed for community detection.
    pub seed: u64,
    /// Louvain runs (seeds) for the stability score; `None`: 10 for networks
    /// up to 2000 people, 1 above.
    pub community_runs: Option<usize>,
    /// Estimate betweenness from the first `k` nodes as sources, and compute
    /// closeness/harmonic for the first `k` nodes only (large graphs).
    pub sample: Option<usize>,
    /// Where groups come from.
    pub groups: GroupSource,
    /// Above this many nodes, bridge builders are skipped (cubic cost)
    /// unless `bridges` was asked for explicitly.
    pub bridges_max_nodes: usize,
}

impl Default for AnalysisOptions {
    fn default() -> Self {
        AnalysisOptions {
            metrics: MetricSet::all(),
            seed: 42,
            community_runs: None,
            sample: None,
            groups: GroupSource::PrimaryFunction,
            bridges_max_nodes: 2000,
        }
    }
}

/// A value that may be absent (not asked for) or null (undefined).
pub type Measure<T> = Option<Option<T>>;

/// The settings echoed with every result, so each number says how it was made.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Settings {
    /// Relation analysed.
    pub relation: String,
    /// Whether the analysed graph is directed.
    pub directed: bool,
    /// Combination rule.
    pub combine: crate::build::Combine,
    /// Threshold.
    pub threshold: crate::build::Threshold,
    /// Non-respondents rule.
    pub non_respondents: crate::build::NonRespondents,
    /// Time point, if any.
    pub time: Option<i64>,
    /// Whether weighted measures were used.
    pub weighted: bool,
    /// How tie values become path lengths in weighted measures
    /// (`"1/value, exact"` or `"1/value, floating point"`), `null` if unweighted.
    pub distance: Option<String>,
    /// The convention followed by the measures.
    pub conventions: &'static str,
    /// Where groups came from.
    pub groups: String,
    /// Seed of community detection.
    pub seed: u64,
    /// Betweenness sources / closeness nodes when sampled.
    pub sample: Option<usize>,
}

/// Graph-level results.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct GraphMeasures {
    /// Number of people analysed.
    pub nodes: usize,
    /// Number of ties (edges or arcs).
    pub edges: usize,
    /// Non-respondents among the people analysed.
    pub non_respondents: usize,
    /// Isolated people (no tie at all).
    pub isolates: usize,
    /// Density (NetworkX `density`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub density: Measure<f64>,
    /// Share of arcs that are reciprocated (NetworkX `overall_reciprocity`);
    /// `null` for undirected graphs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reciprocity: Measure<f64>,
    /// Number of weakly connected components (components when undirected).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weak_components: Measure<usize>,
    /// Number of strongly connected components (`null` when undirected).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub strong_components: Measure<usize>,
    /// People in the largest component (strongly connected when directed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub largest_component: Measure<usize>,
    /// Diameter of the largest component.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diameter: Measure<f64>,
    /// Average shortest path length in the largest component.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub average_path_length: Measure<f64>,
    /// Transitivity of the undirected graph.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transitivity: Measure<f64>,
    /// Freeman degree centralisation (of the undirected graph).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub degree_centralization: Measure<f64>,
    /// Freeman in-degree centralisation (directed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_degree_centralization: Measure<f64>,
    /// Freeman out-degree centralisation (directed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub out_degree_centralization: Measure<f64>,
    /// Freeman betweenness centralisation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub betweenness_centralization: Measure<f64>,
    /// Modularity of the reported communities.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modularity: Measure<f64>,
    /// Number of communities.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub communities: Measure<usize>,
    /// Agreement of community detection over seeds (mean adjusted Rand index).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub community_stability: Measure<f64>,
    /// How star-like the network is: degree centralisation (0 = everyone
    /// equally central, 1 = a perfect star).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub star_tendency: Measure<f64>,
    /// How line-like the largest component is: diameter / (size − 1) (1 = a
    /// chain, small = compact).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line_tendency: Measure<f64>,
}

/// Node-level results for one person.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct NodeMeasures {
    /// Stable id.
    pub id: String,
    /// Label.
    pub label: String,
    /// Functions (first = primary).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub functions: Vec<String>,
    /// The group used by the between-group measures.
    pub group: Option<String>,
    /// Whether the person answered.
    pub responded: bool,
    /// Degree (in + out when directed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub degree: Option<usize>,
    /// In-degree (directed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_degree: Option<usize>,
    /// Out-degree (directed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub out_degree: Option<usize>,
    /// Sum of tie values (in + out when directed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub strength: Option<f64>,
    /// In-strength (directed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_strength: Option<f64>,
    /// Out-strength (directed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub out_strength: Option<f64>,
    /// Normalised betweenness.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub betweenness: Measure<f64>,
    /// Closeness (Wasserman–Faust).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closeness: Measure<f64>,
    /// Harmonic closeness.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub harmonic: Measure<f64>,
    /// Eigenvector centrality (`null` where undefined).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eigenvector: Measure<f64>,
    /// PageRank.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pagerank: Option<f64>,
    /// Clustering coefficient.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clustering: Option<f64>,
    /// Burt's constraint (`null` for isolates).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub constraint: Measure<f64>,
    /// Burt's effective size (`null` for isolates).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective_size: Measure<f64>,
    /// Core number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub core_number: Option<usize>,
    /// Whether removing the person disconnects others.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub articulation_point: Option<bool>,
    /// Community number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub community: Option<usize>,
    /// How consistently the person lands in the same community over seeds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub community_stability: Measure<f64>,
    /// Gould–Fernandez brokerage roles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub brokerage: Option<Brokerage>,
    /// Bridge-builder rules met (empty list: not a bridge builder).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bridge: Option<Vec<BridgeReason>>,
    /// Relative growth of the others' mean distance without this person.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance_increase: Measure<f64>,
    /// Share of between-community shortest paths through this person.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub between_community_share: Measure<f64>,
}

/// The between-group results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupMeasures {
    /// Where groups came from and the rule for several functions.
    pub rule: String,
    /// The contact matrix.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub function_matrix: Option<ContactMatrix>,
    /// The E–I index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ei_index: Option<EiIndex>,
}

/// A chain between two communities, by person id.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChainOut {
    /// First community.
    pub from: usize,
    /// Second community.
    pub to: usize,
    /// Number of people on the chain, both ends included.
    pub people: usize,
    /// Their ids, in order.
    pub ids: Vec<String>,
}

/// Bridge-builder summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BridgesOut {
    /// The rules (thresholds) used.
    pub rules: String,
    /// Ids of the bridge builders.
    pub builders: Vec<String>,
    /// Shortest chain between each pair of connected communities.
    pub chains: Vec<ChainOut>,
}

/// The full result of analysing one network.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    /// How it was made.
    pub settings: Settings,
    /// How the ties came about.
    pub ties: TieCounts,
    /// Graph-level measures.
    pub graph: GraphMeasures,
    /// Per person, in the network's order.
    pub nodes: Vec<NodeMeasures>,
    /// Between groups.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub groups: Option<GroupMeasures>,
    /// Bridge builders and chains.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bridges: Option<BridgesOut>,
}

/// The conventions statement echoed in [`Settings::conventions`].
pub const CONVENTIONS: &str = "NetworkX 3 definitions: normalised betweenness; closeness with the \
Wasserman-Faust correction and incoming distances for directed graphs; eigenvector from in-ties, \
only for (strongly) connected graphs; transitivity and degree centralisation on the undirected graph; \
diameter and average path length of the largest (strongly) connected component";

/// Freeman centralisation `Σ (max − x_i) / denominator`.
fn centralization(values: &[f64], denominator: f64) -> Option<f64> {
    if values.is_empty() || denominator <= 0.0 {
        return None;
    }
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    Some(values.iter().map(|x| max - x).sum::<f64>() / denominator)
}

/// Groups per graph node according to `source`, and the rule text.
fn node_groups(
    net: &Network,
    an: &Analysed,
    source: &GroupSource,
) -> (Vec<Option<String>>, String) {
    let people = &an.people;
    let from_partition = |name: Option<&str>| -> Option<(Vec<Option<String>>, String)> {
        let p = match name {
            Some(n) => net.partitions.iter().find(|p| p.name == n)?,
            None => net.partitions.first()?,
        };
        Some((
            people
                .iter()
                .map(|&i| p.classes.get(i).copied().flatten().map(|c| c.to_string()))
                .collect(),
            format!("partition {:?}", p.name),
        ))
    };
    match source {
        GroupSource::Partition(name) => from_partition(Some(name)).unwrap_or_else(|| {
            (
                vec![None; people.len()],
                format!("partition {name:?} (not found)"),
            )
        }),
        GroupSource::Unit => (
            people.iter().map(|&i| net.people[i].unit.clone()).collect(),
            "unit".to_string(),
        ),
        GroupSource::PrimaryFunction => {
            let g: Vec<Option<String>> = people
                .iter()
                .map(|&i| net.people[i].primary_function().map(str::to_string))
                .collect();
            if let (true, Some(p)) = (g.iter().all(Option::is_none), from_partition(None)) {
                return p;
            }
            (g, "primary function (the first listed; people with several functions count under the first only)".into())
        }
    }
}

/// Analyses the built network `an` of `net`.
pub fn analyze(net: &Network, an: &Analysed, opts: &AnalysisOptions) -> Analysis {
    let g: &Graph = &an.graph;
    let n = g.node_count();
    let directed = g.is_directed();
    let weighted = an.options.weighted;
    let want = |m: Metric| opts.metrics.has(m);
    let lengths = if weighted {
        paths::Lengths::inverse_weights(g)
    } else {
        paths::Lengths::Hops
    };
    let all_nodes: Vec<usize> = (0..n).collect();
    let sample_nodes: Vec<usize> = match opts.sample {
        Some(k) => (0..k.min(n)).collect(),
        None => all_nodes.clone(),
    };
    let (groups_per_node, group_rule) = node_groups(net, an, &opts.groups);

    let settings = Settings {
        relation: an.relation.clone(),
        directed,
        combine: an.options.combine,
        threshold: an.options.threshold,
        non_respondents: an.options.non_respondents,
        time: an.options.time,
        weighted,
        distance: weighted.then(|| {
            if lengths.is_exact() {
                "1/value, exact".to_string()
            } else {
                "1/value, floating point".to_string()
            }
        }),
        conventions: CONVENTIONS,
        groups: group_rule.clone(),
        seed: opts.seed,
        sample: opts.sample,
    };

    let mut nodes: Vec<NodeMeasures> = an
        .people
        .iter()
        .enumerate()
        .map(|(v, &i)| {
            let p = &net.people[i];
            NodeMeasures {
                id: p.id.clone(),
                label: p.label.clone(),
                functions: p.functions.clone(),
                group: groups_per_node[v].clone(),
                responded: p.responded,
                ..NodeMeasures::default()
            }
        })
        .collect();
    let mut gm = GraphMeasures {
        nodes: n,
        edges: g.edge_count(),
        non_respondents: nodes.iter().filter(|x| !x.responded).count(),
        isolates: (0..n).filter(|&v| g.degree(v) == 0).count(),
        ..GraphMeasures::default()
    };

    // Undirected and unsampled: betweenness, closeness, harmonic closeness
    // and distances all come from one search per source.
    let shared = (!directed
        && opts.sample.is_none()
        && (want(Metric::Betweenness) || want(Metric::Centralization))
        && (want(Metric::Closeness) || want(Metric::Harmonic) || want(Metric::Distances)))
    .then(|| paths::betweenness_and_reach(g, &lengths));
    if want(Metric::Density) {
        let nf = n as f64;
        let possible = if directed {
            nf * (nf - 1.0)
        } else {
            nf * (nf - 1.0) / 2.0
        };
        gm.density = Some(Some(if possible > 0.0 {
            g.edge_count() as f64 / possible
        } else {
            0.0
        }));
    }
    if want(Metric::Reciprocity) {
        gm.reciprocity = Some(if directed && g.edge_count() > 0 {
            let mutual = g.edges().filter(|&(u, v, _)| g.has_edge(v, u)).count();
            Some(mutual as f64 / g.edge_count() as f64)
        } else {
            None
        });
    }
    if want(Metric::Components) {
        gm.weak_components = Some(Some(components::weak_components(g).1));
        gm.strong_components = Some(directed.then(|| components::strong_components(g).1));
    }
    if want(Metric::Distances) {
        let lc = components::largest_component(g);
        gm.largest_component = Some(Some(lc.len()));
        if lc.is_empty() {
            gm.diameter = Some(None);
            gm.average_path_length = Some(None);
        } else {
            let mut inside = vec![false; n];
            for &v in &lc {
                inside[v] = true;
            }
            let r: Vec<paths::Reach> = match &shared {
                // Undirected: a node of the largest component reaches
                // exactly its component.
                Some((_, reach)) => lc.iter().map(|&v| reach[v]).collect(),
                None => paths::reach(g, &lengths, &lc, false, Some(&inside)),
            };
            let diam = r.iter().map(|x| x.farthest).fold(0.0, f64::max);
            let c = lc.len() as f64;
            let total: f64 = r.iter().map(|x| x.total).sum();
            gm.diameter = Some(Some(diam));
            gm.average_path_length = Some(Some(if lc.len() > 1 {
                total / (c * (c - 1.0))
            } else {
                0.0
            }));
            gm.line_tendency = Some((lc.len() > 1 && !weighted).then(|| diam / (c - 1.0)));
        }
    }
    if want(Metric::Transitivity) {
        gm.transitivity = Some(Some(local::transitivity(g)));
    }
    if want(Metric::Degree) {
        for (v, x) in nodes.iter_mut().enumerate() {
            x.degree = Some(g.degree(v));
            if directed {
                x.in_degree = Some(g.in_degree(v));
                x.out_degree = Some(g.out_degree(v));
            }
        }
    }
    if want(Metric::Strength) {
        for (v, x) in nodes.iter_mut().enumerate() {
            x.strength = Some(g.strength(v));
            if directed {
                x.in_strength = Some(g.in_strength(v));
                x.out_strength = Some(g.out_strength(v));
            }
        }
    }
    let mut betweenness = None;
    if want(Metric::Betweenness) || want(Metric::Centralization) {
        let b = match &shared {
            Some((b, _)) => b.clone(),
            None => paths::betweenness(g, &lengths, opts.sample),
        };
        if want(Metric::Betweenness) {
            for (x, &bv) in nodes.iter_mut().zip(&b) {
                x.betweenness = Some(Some(bv));
            }
        }
        betweenness = Some(b);
    }
    if want(Metric::Centralization) {
        let nf = n as f64;
        let und = g.to_undirected();
        let deg: Vec<f64> = (0..n).map(|v| und.degree(v) as f64).collect();
        gm.degree_centralization = Some(if n >= 3 {
            centralization(&deg, (nf - 1.0) * (nf - 2.0))
        } else {
            None
        });
        gm.star_tendency = gm.degree_centralization;
        if directed {
            let ind: Vec<f64> = (0..n).map(|v| g.in_degree(v) as f64).collect();
            let outd: Vec<f64> = (0..n).map(|v| g.out_degree(v) as f64).collect();
            let den = (nf - 1.0) * (nf - 1.0);
            gm.in_degree_centralization = Some(if n >= 2 {
                centralization(&ind, den)
            } else {
                None
            });
            gm.out_degree_centralization = Some(if n >= 2 {
                centralization(&outd, den)
            } else {
                None
            });
        } else {
            gm.in_degree_centralization = Some(None);
            gm.out_degree_centralization = Some(None);
        }
        gm.betweenness_centralization = Some(match (&betweenness, n >= 3) {
            (Some(b), true) => centralization(b, nf - 1.0),
            _ => None,
        });
    }
    let sampled = opts.sample.is_some_and(|k| k < n);
    if want(Metric::Closeness) {
        let c = match &shared {
            Some((_, reach)) => reach.iter().map(|r| paths::closeness_of(r, n)).collect(),
            None => paths::closeness(g, &lengths, &sample_nodes),
        };
        for (i, &v) in sample_nodes.iter().enumerate() {
            nodes[v].closeness = Some(Some(c[i]));
        }
        if sampled {
            for x in nodes.iter_mut().skip(sample_nodes.len()) {
                x.closeness = Some(None);
            }
        }
    }
    if want(Metric::Harmonic) {
        let h: Vec<f64> = match &shared {
            Some((_, reach)) => reach.iter().map(|r| r.inverse_total).collect(),
            None => paths::harmonic(g, &lengths, &sample_nodes),
        };
        for (i, &v) in sample_nodes.iter().enumerate() {
            nodes[v].harmonic = Some(Some(h[i]));
        }
        if sampled {
            for x in nodes.iter_mut().skip(sample_nodes.len()) {
                x.harmonic = Some(None);
            }
        }
    }
    if want(Metric::Eigenvector) {
        let e = spectral::eigenvector(g, weighted);
        for (v, x) in nodes.iter_mut().enumerate() {
            x.eigenvector = Some(e.as_ref().map(|e| e[v]));
        }
    }
    if want(Metric::Pagerank) {
        let p = spectral::pagerank(g, weighted, 0.85);
        for (x, &pv) in nodes.iter_mut().zip(&p) {
            x.pagerank = Some(pv);
        }
    }
    if want(Metric::Clustering) {
        let c = local::clustering(g, weighted);
        for (x, &cv) in nodes.iter_mut().zip(&c) {
            x.clustering = Some(cv);
        }
    }
    if want(Metric::Constraint) {
        for (x, c) in nodes.iter_mut().zip(local::constraint(g, weighted)) {
            x.constraint = Some(c);
        }
    }
    if want(Metric::EffectiveSize) {
        for (x, c) in nodes.iter_mut().zip(local::effective_size(g, weighted)) {
            x.effective_size = Some(c);
        }
    }
    if want(Metric::CoreNumber) {
        for (x, c) in nodes.iter_mut().zip(local::core_number(g)) {
            x.core_number = Some(c);
        }
    }
    if want(Metric::ArticulationPoint) {
        for (x, c) in nodes.iter_mut().zip(components::articulation_points(g)) {
            x.articulation_point = Some(c);
        }
    }
    let do_bridges =
        want(Metric::Bridges) && (n <= opts.bridges_max_nodes || opts.metrics != MetricSet::all());
    let mut communities = None;
    if want(Metric::Communities) || do_bridges {
        let runs = opts
            .community_runs
            .unwrap_or(if n <= 2000 { 10 } else { 1 });
        let c = community::detect(g, weighted, opts.seed, runs);
        if want(Metric::Communities) {
            gm.modularity = Some(c.modularity);
            gm.communities = Some(Some(c.count));
            gm.community_stability = Some(c.stability);
            for (v, x) in nodes.iter_mut().enumerate() {
                x.community = Some(c.membership[v]);
                x.community_stability = Some(c.node_stability.as_ref().map(|s| s[v]));
            }
        }
        communities = Some(c);
    }
    let has_groups = groups_per_node.iter().any(Option::is_some);
    let mut groups_out = None;
    if has_groups && (want(Metric::FunctionMatrix) || want(Metric::EiIndex)) {
        groups_out = Some(GroupMeasures {
            rule: group_rule,
            function_matrix: want(Metric::FunctionMatrix)
                .then(|| groups::contact_matrix(g, &groups_per_node)),
            ei_index: want(Metric::EiIndex).then(|| groups::ei_index(g, &groups_per_node)),
        });
    }
    if has_groups && want(Metric::Brokerage) {
        for (x, b) in nodes.iter_mut().zip(groups::brokerage(g, &groups_per_node)) {
            x.brokerage = Some(b);
        }
    }
    let mut bridges_out = None;
    if let (true, Some(c)) = (do_bridges, &communities) {
        let b = bridges::bridges(g, &c.membership);
        for (x, nb) in nodes.iter_mut().zip(&b.nodes) {
            x.bridge = Some(nb.reasons.clone());
            x.distance_increase = Some(nb.distance_increase);
            x.between_community_share = Some(nb.between_community_share);
        }
        let ids = |v: &[usize]| v.iter().map(|&i| nodes[i].id.clone()).collect::<Vec<_>>();
        bridges_out = Some(BridgesOut {
            rules: format!(
                "splits: articulation point; lengthens: others' mean distance grows by at least {:.0} %; \
                     carries: at least {:.0} % of between-community shortest paths",
                bridges::LENGTHEN_THRESHOLD * 100.0,
                bridges::CARRY_THRESHOLD * 100.0
            ),
            builders: ids(&b.builders),
            chains: b
                .chains
                .iter()
                .map(|c| ChainOut {
                    from: c.from,
                    to: c.to,
                    people: c.nodes.len(),
                    ids: ids(&c.nodes),
                })
                .collect(),
        });
    }
    Analysis {
        settings,
        ties: an.ties,
        graph: gm,
        nodes,
        groups: groups_out,
        bridges: bridges_out,
    }
}
