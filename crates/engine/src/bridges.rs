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
use crate::measures::paths::{Lengths, raw_betweenness, shortest_chain};

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

    // Rule 3: betweenness over between-community pairs only.
    let share: Option<Vec<f64>> = (k >= 2).then(|| {
        let sources: Vec<usize> = (0..n).collect();
        let pair = |s: usize, t: usize| {
            if community[s] != community[t] {
                1.0
            } else {
                0.0
            }
        };
        let raw = raw_betweenness(g, &Lengths::Hops, &sources, Some(&pair));
        // Ordered, connected between-community pairs not involving v.
        let mut per_comp_comm: std::collections::HashMap<(usize, usize), usize> =
            std::collections::HashMap::new();
        for v in 0..n {
            *per_comp_comm.entry((comp[v], community[v])).or_default() += 1;
        }
        let mut comp_size: std::collections::HashMap<usize, usize> =
            std::collections::HashMap::new();
        for v in 0..n {
            *comp_size.entry(comp[v]).or_default() += 1;
        }
        let mut pairs_in_comp: std::collections::HashMap<usize, f64> =
            std::collections::HashMap::new();
        for (&(c, _), &size) in &per_comp_comm {
            let total = comp_size[&c];
            *pairs_in_comp.entry(c).or_default() += (size * (total - size)) as f64;
        }
        (0..n)
            .map(|v| {
                // Pairs with v itself as an end do not count.
                let same_comm = per_comp_comm[&(comp[v], community[v])];
                let total = comp_size[&comp[v]];
                let pairs = pairs_in_comp[&comp[v]] - 2.0 * (total - same_comm) as f64;
                if pairs > 0.0 { raw[v] / pairs } else { 0.0 }
            })
            .collect()
    });

    // Rules 1 and 2: remove each person in turn from their component. A
    // person on no shortest path between two others (betweenness 0) changes
    // no distance and splits nothing, so only the others are searched again.
    let hop_betweenness = raw_betweenness(g, &Lengths::Hops, &(0..n).collect::<Vec<_>>(), None);
    let mut members_of: std::collections::BTreeMap<usize, Vec<usize>> =
        std::collections::BTreeMap::new();
    for v in 0..n {
        members_of.entry(comp[v]).or_default().push(v);
    }
    let mut alive = vec![true; n];
    let mut dist = vec![u32::MAX; n];
    let mut queue: Vec<usize> = Vec::with_capacity(n);
    let mut effect: Vec<(usize, Option<f64>)> = vec![(0, None); n];
    for members in members_of.values() {
        let c = members.len();
        if c < 3 {
            continue;
        }
        let mut pos = vec![usize::MAX; n];
        for (i, &m) in members.iter().enumerate() {
            pos[m] = i;
        }
        // Distances and numbers of shortest paths before any removal.
        let mut before = vec![u32::MAX; c * c];
        let mut paths = vec![0.0f64; c * c];
        let mut sigma = vec![0.0f64; n];
        for (i, &s) in members.iter().enumerate() {
            bfs_alive(g, &alive, s, &mut dist, &mut queue);
            for &t in &queue {
                sigma[t] = 0.0;
            }
            sigma[s] = 1.0;
            for &t in &queue {
                for &w in g.out_neighbors(t) {
                    let w = w as usize;
                    if dist[w] == dist[t] + 1 {
                        sigma[w] += sigma[t];
                    }
                }
            }
            for &t in &queue {
                before[i * c + pos[t]] = dist[t];
                paths[i * c + pos[t]] = sigma[t];
            }
        }
        for &v in members {
            if hop_betweenness[v] <= 0.0 {
                effect[v] = (0, Some(0.0));
                continue;
            }
            alive[v] = false;
            // Pieces among the others.
            let mut seen = vec![false; c];
            let mut pieces: usize = 0;
            for (i, &s) in members.iter().enumerate() {
                if s == v || seen[i] {
                    continue;
                }
                pieces += 1;
                bfs_alive(g, &alive, s, &mut dist, &mut queue);
                for &t in &queue {
                    seen[pos[t]] = true;
                }
            }
            // Distances: only a source from which every shortest path to
            // some target runs through `v` (d(s,v) + d(v,t) = d(s,t) and
            // σ(s,v)·σ(v,t) = σ(s,t)) can see a distance change; the
            // others keep their row.
            let vi = pos[v];
            let (mut sum_before, mut sum_after) = (0.0, 0.0);
            for (i, &s) in members.iter().enumerate() {
                if s == v {
                    continue;
                }
                let dsv = before[i * c + vi];
                let through = (0..c)
                    .any(|j| j != i && j != vi && dsv + before[vi * c + j] == before[i * c + j]);
                if through {
                    bfs_alive(g, &alive, s, &mut dist, &mut queue);
                    for &t in &queue {
                        if t != s {
                            sum_after += dist[t] as f64;
                            sum_before += before[i * c + pos[t]] as f64;
                        }
                    }
                } else {
                    for j in (0..c).filter(|&j| j != i && j != vi) {
                        let d = before[i * c + j] as f64;
                        sum_after += d;
                        sum_before += d;
                    }
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
