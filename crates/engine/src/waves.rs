//! Waves: two rounds (or time points) over the same stable person ids.
//!
//! People are matched by id, never by position or label, so a roster that
//! changed between rounds (people who joined or left) is handled: ties and
//! measures are compared for the people present in both, and the joiners and
//! leavers are listed.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::analysis::{Analysis, GraphMeasures, NodeMeasures};
use crate::build::Analysed;

/// A measure before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// Measure name (PRODUCT.md §4).
    pub measure: &'static str,
    /// Value in the first wave (`None`: undefined or not computed).
    pub before: Option<f64>,
    /// Value in the second wave.
    pub after: Option<f64>,
    /// `after − before` when both are defined.
    pub change: Option<f64>,
}

impl Change {
    fn new(measure: &'static str, before: Option<f64>, after: Option<f64>) -> Change {
        let change = match (before, after) {
            (Some(a), Some(b)) => Some(b - a),
            _ => None,
        };
        Change {
            measure,
            before,
            after,
            change,
        }
    }
}

/// The changes of one person present in both waves.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonChange {
    /// Stable id.
    pub id: String,
    /// Label in the second wave.
    pub label: String,
    /// Ties gained by this person.
    pub ties_gained: usize,
    /// Ties lost by this person.
    pub ties_lost: usize,
    /// Measure changes.
    pub measures: Vec<Change>,
}

/// Two waves compared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WaveComparison {
    /// Whether ties were compared as directed.
    pub directed: bool,
    /// Ids present only in the second wave.
    pub joined: Vec<String>,
    /// Ids present only in the first wave.
    pub left: Vec<String>,
    /// Number of ids present in both.
    pub stayed: usize,
    /// Ties (between people present in both waves) new in the second wave.
    pub ties_gained: Vec<(String, String)>,
    /// Ties (between people present in both waves) gone in the second wave.
    pub ties_lost: Vec<(String, String)>,
    /// Ties present in both waves.
    pub ties_kept: usize,
    /// Graph-level measure changes (whole networks, joiners and leavers
    /// included, since that is what each wave's picture shows).
    pub graph: Vec<Change>,
    /// Per person present in both waves, in the second wave's order.
    pub people: Vec<PersonChange>,
}

fn graph_values(g: &GraphMeasures) -> Vec<(&'static str, Option<f64>)> {
    let f = |m: &Option<Option<f64>>| m.flatten();
    let u = |m: &Option<Option<usize>>| m.flatten().map(|x| x as f64);
    vec![
        ("nodes", Some(g.nodes as f64)),
        ("edges", Some(g.edges as f64)),
        ("isolates", Some(g.isolates as f64)),
        ("density", f(&g.density)),
        ("reciprocity", f(&g.reciprocity)),
        ("weak_components", u(&g.weak_components)),
        ("diameter", f(&g.diameter)),
        ("average_path_length", f(&g.average_path_length)),
        ("transitivity", f(&g.transitivity)),
        ("degree_centralization", f(&g.degree_centralization)),
        (
            "betweenness_centralization",
            f(&g.betweenness_centralization),
        ),
        ("modularity", f(&g.modularity)),
        ("communities", u(&g.communities)),
    ]
}

fn node_values(n: &NodeMeasures) -> Vec<(&'static str, Option<f64>)> {
    let f = |m: &Option<Option<f64>>| m.flatten();
    vec![
        ("degree", n.degree.map(|x| x as f64)),
        ("strength", n.strength),
        ("betweenness", f(&n.betweenness)),
        ("closeness", f(&n.closeness)),
        ("harmonic", f(&n.harmonic)),
        ("eigenvector", f(&n.eigenvector)),
        ("clustering", n.clustering),
        ("constraint", f(&n.constraint)),
        ("effective_size", f(&n.effective_size)),
        ("core_number", n.core_number.map(|x| x as f64)),
    ]
}

/// Tie set of a wave by person id; undirected pairs are ordered by id.
fn ties_by_id(an: &Analysed, res: &Analysis, directed: bool) -> BTreeSet<(String, String)> {
    an.graph
        .edges()
        .map(|(u, v, _)| {
            let (a, b) = (res.nodes[u].id.clone(), res.nodes[v].id.clone());
            if directed || a <= b { (a, b) } else { (b, a) }
        })
        .collect()
}

/// Compares wave `a` (earlier) with wave `b` (later). Each wave is the built
/// network and its analysis. Ties are compared as directed only when both
/// waves are directed.
pub fn compare(a: (&Analysed, &Analysis), b: (&Analysed, &Analysis)) -> WaveComparison {
    let directed = a.0.graph.is_directed() && b.0.graph.is_directed();
    let ids_a: BTreeMap<&str, usize> =
        a.1.nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), i))
            .collect();
    let ids_b: BTreeMap<&str, usize> =
        b.1.nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), i))
            .collect();
    let joined: Vec<String> =
        b.1.nodes
            .iter()
            .filter(|n| !ids_a.contains_key(n.id.as_str()))
            .map(|n| n.id.clone())
            .collect();
    let left: Vec<String> =
        a.1.nodes
            .iter()
            .filter(|n| !ids_b.contains_key(n.id.as_str()))
            .map(|n| n.id.clone())
            .collect();
    let both = |t: &(String, String)| {
        ids_a.contains_key(t.0.as_str())
            && ids_b.contains_key(t.0.as_str())
            && ids_a.contains_key(t.1.as_str())
            && ids_b.contains_key(t.1.as_str())
    };
    let ta: BTreeSet<_> = ties_by_id(a.0, a.1, directed)
        .into_iter()
        .filter(both)
        .collect();
    let tb: BTreeSet<_> = ties_by_id(b.0, b.1, directed)
        .into_iter()
        .filter(both)
        .collect();
    let ties_gained: Vec<(String, String)> = tb.difference(&ta).cloned().collect();
    let ties_lost: Vec<(String, String)> = ta.difference(&tb).cloned().collect();
    let ties_kept = ta.intersection(&tb).count();

    let graph = graph_values(&a.1.graph)
        .into_iter()
        .zip(graph_values(&b.1.graph))
        .map(|((name, x), (_, y))| Change::new(name, x, y))
        .collect();
    let count = |list: &[(String, String)], id: &str| {
        list.iter().filter(|(x, y)| x == id || y == id).count()
    };
    let people =
        b.1.nodes
            .iter()
            .filter_map(|nb| {
                let &ia = ids_a.get(nb.id.as_str())?;
                let na = &a.1.nodes[ia];
                Some(PersonChange {
                    id: nb.id.clone(),
                    label: nb.label.clone(),
                    ties_gained: count(&ties_gained, &nb.id),
                    ties_lost: count(&ties_lost, &nb.id),
                    measures: node_values(na)
                        .into_iter()
                        .zip(node_values(nb))
                        .map(|((name, x), (_, y))| Change::new(name, x, y))
                        .collect(),
                })
            })
            .collect();
    WaveComparison {
        directed,
        stayed: ids_b.keys().filter(|k| ids_a.contains_key(*k)).count(),
        joined,
        left,
        ties_gained,
        ties_lost,
        ties_kept,
        graph,
        people,
    }
}
