//! Bridge builders (brobyggere) and the chains between clusters.
//!
//! A bridge builder is a person the network depends on to hold together.
//! Three documented rules, each tested, mark one (on the undirected contact
//! network, since contact runs both ways for this purpose):
//!
//! 1. **Splits**: the person is an articulation point: without them, some
//!    colleagues can no longer reach each other at all.
//! 2. **Lengthens**: without them the average distance between the others
//!    in their component (pairs still connected) grows by at least
//!    [`LENGTHEN_THRESHOLD`] (10 %).
//! 3. **Carries**: at least [`CARRY_THRESHOLD`] (a quarter) of the shortest
//!    paths between people in *different* communities run through them
//!    (betweenness restricted to between-community pairs).
//!
//! The chains between communities are the shortest paths from any member of
//! one community to any member of another: "between the town hall cluster
//! and the services cluster runs a chain of four people".

use serde::Serialize;

use crate::graph::Graph;
use crate::measures::components::{articulation_points, weak_components};
use crate::measures::paths::shortest_chain;

/// Relative growth of the average distance that makes a person a bridge
/// builder by rule 2.
pub const LENGTHEN_THRESHOLD: f64 = 0.10;
/// Share of between-community shortest paths that makes a person a bridge
/// builder by rule 3.
pub const CARRY_THRESHOLD: f64 = 0.25;

/// Why a person is a bridge builder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BridgeReason {
    /// Removal disconnects others.
    Splits,
    /// Removal lengthens the others' distances by ≥ 10 %.
    Lengthens,
    /// Carries ≥ 25 % of between-community shortest paths.
    Carries,
}

/// Bridge measures of one person.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NodeBridge {
    /// Components among the others after removing this person, minus the
    /// components before (0 for most people).
    pub components_added: usize,
    /// Relative growth of the mean distance among the others of the
    /// component who stay connected (`None` when fewer than two remain).
    pub distance_increase: Option<f64>,
    /// Share of between-community shortest paths through this person
    /// (`None` with fewer than two communities).
    pub between_community_share: Option<f64>,
    /// The rules this person meets (empty: not a bridge builder).
    pub reasons: Vec<BridgeReason>,
}

/// A chain between two communities.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chain {
    /// First community.
    pub from: usize,
    /// Second community.
    pub to: usize,
    /// Nodes on the chain, from a member of `from` to a member of `to`.
    pub nodes: Vec<usize>,
}

/// Bridge builders and chains of a network.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bridges {
    /// Per node.
    pub nodes: Vec<NodeBridge>,
    /// Nodes that meet at least one rule.
    pub builders: Vec<usize>,
    /// Shortest chain for every pair of communities that are connected.
    pub chains: Vec<Chain>,
}

/// Breadth-first hop distances from `s` over nodes with `alive`, written
/// into `dist` (`u32::MAX` = unreached); `queue` is scratch space.
fn bfs_alive(g: &Graph, alive: &[bool], s: usize, dist: &mut [u32], queue: &mut Vec<usize>) {
    for &v in queue.iter() {
        dist[v] = u32::MAX;
    }
    queue.clear();
    dist[s] = 0;
    queue.push(s);
    let mut head = 0;
    while head < queue.len() {
        let v = queue[head];
        head += 1;
        for &w in g.out_neighbors(v) {
            let w = w as usize;
            if alive[w] && dist[w] == u32::MAX {
                dist[w] = dist[v] + 1;
                queue.push(w);
            }
        }
    }
}

/// Hop distances and numbers of shortest paths between every two people
/// (rows of `n`, `u32::MAX` = unreached), with raw Brandes betweenness summed
/// over ordered pairs: `plain` over all pairs, `between` over pairs in
/// different communities (as [`crate::measures::paths::raw_betweenness`]
/// with a pair weight; undirected pairs are met from both ends).
struct AllPairs {
    n: usize,
    dist: Vec<u32>,
    sigma: Vec<f64>,
    plain: Vec<f64>,
    between: Vec<f64>,
}

impl AllPairs {
    fn new(g: &Graph, community: &[usize], with_between: bool) -> AllPairs {
        let n = g.node_count();
        let mut all = AllPairs {
            n,
            dist: vec![u32::MAX; n * n],
            sigma: vec![0.0; n * n],
            plain: vec![0.0; n],
            between: vec![0.0; n],
        };
        let mut order: Vec<usize> = Vec::with_capacity(n);
        let (mut dp, mut db) = (vec![0.0f64; n], vec![0.0f64; n]);
        for s in 0..n {
            let dist = &mut all.dist[s * n..(s + 1) * n];
            let sigma = &mut all.sigma[s * n..(s + 1) * n];
            order.clear();
            dist[s] = 0;
            sigma[s] = 1.0;
            order.push(s);
            let mut head = 0;
            while head < order.len() {
                let v = order[head];
                head += 1;
                let dv = dist[v];
                for &w in g.out_neighbors(v) {
                    let w = w as usize;
                    if dist[w] == u32::MAX {
                        dist[w] = dv + 1;
                        order.push(w);
                    }
                    if dist[w] == dv + 1 {
                        sigma[w] += sigma[v];
                    }
                }
            }
            for &w in &order {
                dp[w] = 0.0;
                db[w] = 0.0;
            }
            for &w in order.iter().rev() {
                let (dw, sw) = (dist[w], sigma[w]);
                let pair = if with_between && community[s] != community[w] {
                    1.0
                } else {
                    0.0
                };
                let (up_p, up_b) = ((1.0 + dp[w]) / sw, (pair + db[w]) / sw);
                for &v in g.out_neighbors(w) {
                    let v = v as usize;
                    if dist[v] != u32::MAX && dist[v] + 1 == dw {
                        dp[v] += sigma[v] * up_p;
                        db[v] += sigma[v] * up_b;
                    }
                }
                if w != s {
                    all.plain[w] += dp[w];
                    all.between[w] += db[w];
                }
            }
        }
        all
    }

    fn dist_row(&self, s: usize) -> &[u32] {
        &self.dist[s * self.n..(s + 1) * self.n]
    }

    fn sigma_row(&self, s: usize) -> &[f64] {
        &self.sigma[s * self.n..(s + 1) * self.n]
    }
}

/// Bridge builders and chains for `g` with the given communities.
///
/// `g` may be directed; the rules run on its undirected version.
pub fn bridges(g: &Graph, community: &[usize]) -> Bridges {
    let und;
    let g = if g.is_directed() {
        und = g.to_undirected();
        &und
    } else {
        g
    };
    let n = g.node_count();
    let cut = articulation_points(g);
    let (comp, _) = weak_components(g);
    let k = community.iter().copied().max().map_or(0, |x| x + 1);

    // One breadth-first search per person gives the hop distances and
    // numbers of shortest paths (rule 2) and, by Brandes' accumulation, both
    // the plain betweenness and the betweenness over between-community pairs
    // (rule 3). Three separate all-source searches cost three times as much
    // on the 25–45-person networks the batch runs on.
    let all = AllPairs::new(g, community, k >= 2);
    let share: Option<Vec<f64>> = (k >= 2).then(|| {
        // Ordered, connected between-community pairs not involving v
        // (components are numbered 0.., communities 0..k).
        let ncomp = comp.iter().copied().max().map_or(0, |c| c + 1);
        let mut per_comp_comm = vec![0usize; ncomp * k];
        let mut comp_size = vec![0usize; ncomp];
        for v in 0..n {
            per_comp_comm[comp[v] * k + community[v]] += 1;
            comp_size[comp[v]] += 1;
        }
        let mut pairs_in_comp = vec![0.0f64; ncomp];
        for c in 0..ncomp {
            for &size in &per_comp_comm[c * k..(c + 1) * k] {
                pairs_in_comp[c] += (size * (comp_size[c] - size)) as f64;
            }
        }
        (0..n)
            .map(|v| {
                // Pairs with v itself as an end do not count.
                let same_comm = per_comp_comm[comp[v] * k + community[v]];
                let total = comp_size[comp[v]];
                let pairs = pairs_in_comp[comp[v]] - 2.0 * (total - same_comm) as f64;
                if pairs > 0.0 {
                    all.between[v] / pairs
                } else {
                    0.0
                }
            })
            .collect()
    });

    // Rules 1 and 2: remove each person in turn from their component. A
    // person on no shortest path between two others (betweenness 0) changes
    // no distance and splits nothing, and one who is no articulation point
    // leaves the others in one piece, so only the others are searched again.
    let mut members_of: std::collections::BTreeMap<usize, Vec<usize>> =
        std::collections::BTreeMap::new();
    for v in 0..n {
        members_of.entry(comp[v]).or_default().push(v);
    }
    let mut alive = vec![true; n];
    let mut dist = vec![u32::MAX; n];
    let mut queue: Vec<usize> = Vec::with_capacity(n);
    let mut effect: Vec<(usize, Option<f64>)> = vec![(0, None); n];
    let mut moved: Vec<usize> = Vec::with_capacity(n);
    let mut in_moved = vec![false; n];
    // Distances of the moved targets (separate from `dist`, which
    // `bfs_alive` resets from its own queue).
    let mut repair = vec![u32::MAX; n];
    let row_sum: Vec<f64> = (0..n)
        .map(|s| {
            all.dist[s * n..(s + 1) * n]
                .iter()
                .filter(|&&d| d != u32::MAX)
                .map(|&d| d as f64)
                .sum()
        })
        .collect();
    for members in members_of.values() {
        if members.len() < 3 {
            continue;
        }
        for &v in members {
            if all.plain[v] <= 0.0 {
                effect[v] = (0, Some(0.0));
                continue;
            }
            alive[v] = false;
            // Pieces among the others.
            let mut pieces: usize = 1;
            if cut[v] {
                let mut seen = vec![false; n];
                pieces = 0;
                for &s in members {
                    if s == v || seen[s] {
                        continue;
                    }
                    pieces += 1;
                    bfs_alive(g, &alive, s, &mut dist, &mut queue);
                    for &t in &queue {
                        seen[t] = true;
                    }
                }
            }
            // Distances: from a source `s`, only the targets all of whose
            // shortest paths run through `v` (d(s,v) + d(v,t) = d(s,t) and
            // σ(s,v)·σ(v,t) = σ(s,t)) can move further away; every other
            // target keeps its distance. The moved ones are found again by a
            // small Dijkstra seeded from their unmoved neighbours, instead of
            // a whole new search from every source.
            let (mut sum_before, mut sum_after) = (0.0, 0.0);
            let (vd, vp) = (all.dist_row(v), all.sigma_row(v));
            for &s in members {
                if s == v {
                    continue;
                }
                let (sd, sp) = (all.dist_row(s), all.sigma_row(s));
                let (dsv, psv) = (sd[v], sp[v]);
                // If `v` is the only way to some target, it is the only way
                // to a neighbour one step further on (the rest of a shortest
                // path to that target does not pass `v` again): checking
                // v's neighbours first skips most sources cheaply.
                let gate = g.out_neighbors(v).iter().any(|&w| {
                    let w = w as usize;
                    sd[w] == dsv + 1 && sp[w] <= psv * (1.0 + 1e-9)
                });
                if !gate {
                    let d = row_sum[s] - dsv as f64;
                    sum_before += d;
                    sum_after += d;
                    continue;
                }
                moved.clear();
                let mut moved_before = 0.0;
                // Whole rows, zipped: targets in other components fail the
                // distance test (u64 sums, so unreached + anything ≠ unreached),
                // and this loop is the innermost of the whole analysis.
                for (t, (((&dst, &dvt), &pst), &pvt)) in
                    sd.iter().zip(vd).zip(sp).zip(vp).enumerate()
                {
                    // Path counts are exact below 2^53; the relative slack
                    // only ever recomputes a distance that would not change.
                    if dsv as u64 + dvt as u64 == dst as u64
                        && t != v
                        && psv * pvt >= pst * (1.0 - 1e-9)
                    {
                        moved.push(t);
                        in_moved[t] = true;
                        moved_before += dst as f64;
                    }
                }
                let kept = row_sum[s] - dsv as f64 - moved_before;
                sum_before += kept;
                sum_after += kept;
                if moved.is_empty() {
                    continue;
                }
                for &t in &moved {
                    repair[t] = g
                        .out_neighbors(t)
                        .iter()
                        .map(|&u| u as usize)
                        .filter(|&u| u != v && !in_moved[u])
                        .map(|u| sd[u].saturating_add(1))
                        .min()
                        .unwrap_or(u32::MAX);
                }
                // Unit lengths and a handful of nodes: pick the nearest
                // unsettled one by scanning.
                let mut open = moved.len();
                while open > 0 {
                    let (k, _) = moved[..open]
                        .iter()
                        .enumerate()
                        .min_by_key(|&(_, &t)| repair[t])
                        .unwrap_or((0, &moved[0]));
                    let t = moved[k];
                    moved.swap(k, open - 1);
                    open -= 1;
                    in_moved[t] = false;
                    if repair[t] == u32::MAX {
                        continue; // cut off from s
                    }
                    sum_after += repair[t] as f64;
                    sum_before += sd[t] as f64;
                    for &u in g.out_neighbors(t) {
                        let u = u as usize;
                        if in_moved[u] && repair[t] + 1 < repair[u] {
                            repair[u] = repair[t] + 1;
                        }
                    }
                }
                for &t in &moved {
                    in_moved[t] = false;
                }
            }
            alive[v] = true;
            let inc = (sum_before > 0.0).then(|| sum_after / sum_before - 1.0);
            effect[v] = (pieces.saturating_sub(1), inc);
        }
    }
    let mut nodes = Vec::with_capacity(n);
    for v in 0..n {
        let (components_added, distance_increase) = effect[v];
        let between_community_share = share.as_ref().map(|s| s[v]);
        let mut reasons = Vec::new();
        if cut[v] {
            reasons.push(BridgeReason::Splits);
        }
        if distance_increase.is_some_and(|x| x >= LENGTHEN_THRESHOLD - 1e-12) {
            reasons.push(BridgeReason::Lengthens);
        }
        if between_community_share.is_some_and(|x| x >= CARRY_THRESHOLD - 1e-12) {
            reasons.push(BridgeReason::Carries);
        }
        nodes.push(NodeBridge {
            components_added,
            distance_increase,
            between_community_share,
            reasons,
        });
    }
    let builders = (0..n).filter(|&v| !nodes[v].reasons.is_empty()).collect();

    let mut chains = Vec::new();
    for a in 0..k {
        for b in (a + 1)..k {
            let from: Vec<bool> = community.iter().map(|&c| c == a).collect();
            let to: Vec<bool> = community.iter().map(|&c| c == b).collect();
            if let Some(nodes) = shortest_chain(g, &from, &to) {
                chains.push(Chain {
                    from: a,
                    to: b,
                    nodes,
                });
            }
        }
    }
    Bridges {
        nodes,
        builders,
        chains,
    }
}
