//! Between groups: who talks across functions (or units).
//!
//! Every person belongs to at most one group here: their **primary
//! function** (the first listed), or a partition's class. People with
//! several functions are counted under the first one only, so that each tie
//! is counted once and the E–I index and brokerage roles stay well defined;
//! the output lists the rule and the persons-per-function table elsewhere
//! counts everyone under all their functions. People without a group are
//! left out of these measures (their ties too).

use serde::Serialize;

use crate::graph::Graph;

/// The function × function contact matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContactMatrix {
    /// Group labels, sorted.
    pub labels: Vec<String>,
    /// People per group (same order).
    pub sizes: Vec<usize>,
    /// `counts[a][b]`: ties between groups `a` and `b`. Undirected: symmetric,
    /// ties inside a group counted once on the diagonal. Directed: arcs from
    /// `a` to `b`.
    pub counts: Vec<Vec<usize>>,
    /// `density[a][b]`: `counts[a][b]` divided by the number of possible ties
    /// (`None` where no tie is possible, e.g. a one-person group's diagonal).
    pub density: Vec<Vec<Option<f64>>>,
}

/// The E–I index (Krackhardt & Stern 1988, "Informal networks and
/// organizational crises", *Soc. Psychol. Q.* 51:123–140).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EiIndex {
    /// `(E − I) / (E + I)` over all ties: −1 all inside groups, +1 all across.
    pub value: Option<f64>,
    /// The value expected under random mixing with the same group sizes:
    /// `(P_ext − P_int) / (P_ext + P_int)` over possible pairs.
    pub expected: Option<f64>,
    /// Per group: `(E_g − I_g) / (E_g + I_g)`, ties with one / both ends in `g`.
    pub by_group: Vec<(String, Option<f64>)>,
}

/// Gould–Fernandez brokerage roles of one person.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Brokerage {
    /// `a → b → c`, all three in the same group.
    pub coordinator: usize,
    /// `a` and `c` in one group, the broker `b` in another (consultant).
    pub itinerant: usize,
    /// The broker in the source's group, the target elsewhere.
    pub representative: usize,
    /// The broker in the target's group, the source elsewhere.
    pub gatekeeper: usize,
    /// All three in different groups.
    pub liaison: usize,
    /// Sum of the five.
    pub total: usize,
}

/// Group label per node, interned as small integers (`None`: no group).
fn intern(groups: &[Option<String>]) -> (Vec<String>, Vec<Option<usize>>) {
    let mut labels: Vec<String> = groups.iter().flatten().cloned().collect();
    labels.sort();
    labels.dedup();
    let ids = groups
        .iter()
        .map(|g| g.as_ref().and_then(|g| labels.binary_search(g).ok()))
        .collect();
    (labels, ids)
}

/// The contact matrix of `g` for the groups (one per node).
pub fn contact_matrix(g: &Graph, groups: &[Option<String>]) -> ContactMatrix {
    let (labels, ids) = intern(groups);
    let k = labels.len();
    let mut sizes = vec![0usize; k];
    for c in ids.iter().flatten() {
        sizes[*c] += 1;
    }
    let mut counts = vec![vec![0usize; k]; k];
    for (u, v, _) in g.edges() {
        if let (Some(a), Some(b)) = (ids[u], ids[v]) {
            counts[a][b] += 1;
            if !g.is_directed() && a != b {
                counts[b][a] += 1;
            }
        }
    }
    let density = (0..k)
        .map(|a| {
            (0..k)
                .map(|b| {
                    let possible = if a == b {
                        let s = sizes[a] as f64;
                        if g.is_directed() {
                            s * (s - 1.0)
                        } else {
                            s * (s - 1.0) / 2.0
                        }
                    } else {
                        (sizes[a] * sizes[b]) as f64
                    };
                    (possible > 0.0).then(|| counts[a][b] as f64 / possible)
                })
                .collect()
        })
        .collect();
    ContactMatrix {
        labels,
        sizes,
        counts,
        density,
    }
}

/// The E–I index of `g` for the groups.
pub fn ei_index(g: &Graph, groups: &[Option<String>]) -> EiIndex {
    let (labels, ids) = intern(groups);
    let k = labels.len();
    let (mut e, mut i) = (0usize, 0usize);
    let mut eg = vec![0usize; k];
    let mut ig = vec![0usize; k];
    for (u, v, _) in g.edges() {
        if let (Some(a), Some(b)) = (ids[u], ids[v]) {
            if a == b {
                i += 1;
                ig[a] += 1;
            } else {
                e += 1;
                eg[a] += 1;
                eg[b] += 1;
            }
        }
    }
    let ratio = |e: usize, i: usize| (e + i > 0).then(|| (e as f64 - i as f64) / (e + i) as f64);
    let mut sizes = vec![0f64; k];
    for c in ids.iter().flatten() {
        sizes[*c] += 1.0;
    }
    let total: f64 = sizes.iter().sum();
    let all_pairs = total * (total - 1.0) / 2.0;
    let internal: f64 = sizes.iter().map(|s| s * (s - 1.0) / 2.0).sum();
    let external = all_pairs - internal;
    let expected = (all_pairs > 0.0).then(|| (external - internal) / all_pairs);
    EiIndex {
        value: ratio(e, i),
        expected,
        by_group: labels
            .iter()
            .enumerate()
            .map(|(c, l)| (l.clone(), ratio(eg[c], ig[c])))
            .collect(),
    }
}

/// Gould–Fernandez brokerage roles per node (Gould & Fernandez 1989,
/// "Structures of mediation", *Sociol. Methodol.* 19:89–126).
///
/// Counted over ordered triples `(a, b, c)` of distinct people with ties
/// `a → b` and `b → c` but no tie `a → c`; `b` is the broker. Undirected
/// ties count in both directions, so an open path `a – b – c` counts as
/// `a → b → c` and as `c → b → a` (representative and gatekeeper counts are
/// then equal). Triples with a person without a group are skipped.
pub fn brokerage(g: &Graph, groups: &[Option<String>]) -> Vec<Brokerage> {
    let (_, ids) = intern(groups);
    let n = g.node_count();
    let mut out = vec![Brokerage::default(); n];
    for b in 0..n {
        let Some(gb) = ids[b] else { continue };
        let r = &mut out[b];
        for &a in g.in_neighbors(b) {
            let a = a as usize;
            let Some(ga) = ids[a] else { continue };
            for &c in g.out_neighbors(b) {
                let c = c as usize;
                if c == a || g.has_edge(a, c) {
                    continue;
                }
                let Some(gc) = ids[c] else { continue };
                match (ga == gb, gb == gc, ga == gc) {
                    (true, true, _) => r.coordinator += 1,
                    (false, false, true) => r.itinerant += 1,
                    (true, false, _) => r.representative += 1,
                    (false, true, _) => r.gatekeeper += 1,
                    (false, false, false) => r.liaison += 1,
                }
            }
        }
        r.total = r.coordinator + r.itinerant + r.representative + r.gatekeeper + r.liaison;
    }
    out
}
