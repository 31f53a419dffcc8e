//! Communities: modularity, Louvain, and how stable the grouping is.
//!
//! Municipal networks have 25–45 people, where community detection is
//! unstable: several groupings have almost the same modularity, and the
//! random node order decides between them. samspill therefore runs Louvain
//! from several seeds, reports the best grouping, and says how much the runs
//! agree (adjusted Rand index), overall and per person.

use serde::Serialize;

use crate::graph::{Graph, Rows};
use crate::rng::SplitMix64;

/// Modularity of a partition as NetworkX `community.modularity(G, c)`.
///
/// Undirected: `Q = Σ_c [L_c / m − (d_c / 2m)²]` with `L_c` the weight of ties
/// inside community `c`, `d_c` the summed degrees (strengths) of its members
/// and `m` the total weight (Newman & Girvan 2004, *Phys. Rev. E* 69:026113).
/// Directed: `Q = Σ_c [L_c / m − d⁺_c d⁻_c / m²]` with out- and in-strengths
/// (Leicht & Newman 2008, *Phys. Rev. Lett.* 100:118703). `None` for a graph
/// without ties (NetworkX divides by zero there). `community[v]` is the
/// community of node `v`.
pub fn modularity(g: &Graph, community: &[usize], weighted: bool) -> Option<f64> {
    let k = community.iter().copied().max().map_or(0, |x| x + 1);
    let w = |x: f64| if weighted { x } else { 1.0 };
    let mut inside = vec![0.0; k];
    let mut dout = vec![0.0; k];
    let mut din = vec![0.0; k];
    let mut m = 0.0;
    for (u, v, x) in g.edges() {
        let x = w(x);
        m += x;
        if community[u] == community[v] {
            inside[community[u]] += x;
        }
        dout[community[u]] += x;
        din[community[v]] += x;
    }
    if m == 0.0 {
        return None;
    }
    if !g.is_directed() {
        // Undirected: a community's degree counts both ends of its ties.
        for c in 0..k {
            dout[c] += din[c];
        }
    }
    Some(quality(&inside, &dout, &din, m, g.is_directed()))
}

/// `Σ_c [L_c / m − d⁺_c d⁻_c / m²]` (directed) or `Σ_c [L_c / m − (d_c / 2m)²]`
/// (undirected, `d_c` in `dout`): the modularity formulas of [`modularity`],
/// from per-community inside weights and degrees.
fn quality(inside: &[f64], dout: &[f64], din: &[f64], m: f64, directed: bool) -> f64 {
    (0..inside.len())
        .map(|c| {
            if directed {
                inside[c] / m - dout[c] * din[c] / (m * m)
            } else {
                inside[c] / m - (dout[c] / (2.0 * m)) * (dout[c] / (2.0 * m))
            }
        })
        .sum()
}

/// The working graph of one Louvain level in CSR form: symmetric neighbour
/// weights (in + out combined, self-loops apart) and degrees.
struct Level {
    adj: Rows,
    self_w: Vec<f64>,
    dout: Vec<f64>,
    din: Vec<f64>,
}

impl Level {
    fn len(&self) -> usize {
        self.self_w.len()
    }

    fn neighbours(&self, u: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        let (lo, hi) = (self.adj.off[u], self.adj.off[u + 1]);
        self.adj.nbr[lo..hi]
            .iter()
            .zip(&self.adj.w[lo..hi])
            .map(|(&v, &x)| (v as usize, x))
    }

    fn from_graph(g: &Graph, weighted: bool) -> Level {
        let n = g.node_count();
        if !g.is_directed() && !weighted {
            // The graph's own rows are already symmetric, sorted and without
            // repeats: copy them instead of regrouping 2m triples (a tenth
            // of a one-run Louvain on the 1M-edge benchmark graph). Degrees
            // are whole numbers, so they equal the sums below exactly.
            let mut adj = Rows {
                off: vec![0; n + 1],
                nbr: Vec::with_capacity(2 * g.edge_count()),
                w: Vec::new(),
                merged: 0,
            };
            let mut degree = vec![0.0; n];
            for v in 0..n {
                adj.nbr.extend_from_slice(g.out_neighbors(v));
                adj.off[v + 1] = adj.nbr.len();
                degree[v] = g.out_neighbors(v).len() as f64;
            }
            adj.w = vec![1.0; adj.nbr.len()];
            return Level {
                adj,
                self_w: vec![0.0; n],
                dout: degree.clone(),
                din: degree,
            };
        }
        let w = |x: f64| if weighted { x } else { 1.0 };
        let mut triples = Vec::with_capacity(2 * g.edge_count());
        let mut dout = vec![0.0; n];
        let mut din = vec![0.0; n];
        for (u, v, x) in g.edges() {
            let x = w(x);
            triples.push((u as u32, v as u32, x));
            triples.push((v as u32, u as u32, x));
            dout[u] += x;
            din[v] += x;
        }
        if !g.is_directed() {
            for v in 0..n {
                let d = dout[v] + din[v];
                dout[v] = d;
                din[v] = d;
            }
        }
        Level {
            adj: Rows::group_summed(n, &triples),
            self_w: vec![0.0; n],
            dout,
            din,
        }
    }

    /// Modularity of the partition `com` (numbered 0..k) of this level's
    /// nodes, which is the modularity of the corresponding partition of the
    /// original graph (ties inside a node are its `self_w`). Computed here
    /// in O(level size) rather than over every original tie.
    fn modularity(&self, com: &[usize], k: usize, m: f64, directed: bool) -> f64 {
        let mut inside = vec![0.0; k];
        let mut dout = vec![0.0; k];
        let mut din = vec![0.0; k];
        for u in 0..self.len() {
            let c = com[u];
            inside[c] += self.self_w[u];
            dout[c] += self.dout[u];
            din[c] += self.din[u];
            for (v, x) in self.neighbours(u) {
                if com[v] == c {
                    // Seen from both ends.
                    inside[c] += x / 2.0;
                }
            }
        }
        quality(&inside, &dout, &din, m, directed)
    }

    /// The graph whose nodes are the communities of `com` (numbered 0..k).
    fn aggregate(&self, com: &[usize], k: usize) -> Level {
        let mut triples = Vec::new();
        let mut self_w = vec![0.0; k];
        let mut dout = vec![0.0; k];
        let mut din = vec![0.0; k];
        for u in 0..self.len() {
            let cu = com[u];
            self_w[cu] += self.self_w[u];
            dout[cu] += self.dout[u];
            din[cu] += self.din[u];
            for (v, x) in self.neighbours(u) {
                let cv = com[v];
                if cu == cv {
                    // Each internal tie is seen from both ends.
                    self_w[cu] += x / 2.0;
                } else {
                    triples.push((cu as u32, cv as u32, x));
                }
            }
        }
        Level {
            adj: Rows::group_summed(k, &triples),
            self_w,
            dout,
            din,
        }
    }
}

/// Smallest modularity gain of a round of local moves worth another round
/// (NetworkX's threshold between levels, 1e-7).
const PASS_THRESHOLD: f64 = 1e-7;

/// Local moves on one level (Blondel, Guillaume, Lambiotte & Lefebvre 2008,
/// "Fast unfolding of communities in large networks", *J. Stat. Mech.*
/// P10008), with NetworkX's gain formulas for undirected and directed
/// modularity. Returns the community per node (renumbered 0..k in order of
/// first node) and whether anything moved.
///
/// Nodes are visited from a queue, first all in a seeded random order; after
/// a move only the mover's neighbours outside its new community are queued
/// again (the pruning of Ozaki, Tezuka & Inaba 2016, "A simple acceleration
/// method for the Louvain algorithm", *Int. J. Comput. Electr. Eng.* 8:207,
/// also Leiden's fast local moving, Traag, Waltman & van Eck 2019). A node
/// whose neighbourhood did not change cannot gain by moving, so this skips
/// only work that would find nothing; on the 1M-edge benchmark graph the
/// later sweeps of the classic algorithm moved a handful of nodes each.
/// It stops when the queue is empty, or when `n` visits in a row (the work
/// of one classic sweep) gain less than [`PASS_THRESHOLD`] together.
fn one_level(
    lv: &Level,
    m: f64,
    directed: bool,
    rng: &mut SplitMix64,
) -> (Vec<usize>, usize, bool) {
    let n = lv.len();
    let mut com: Vec<usize> = (0..n).collect();
    let mut tot_in = lv.din.clone();
    let mut tot_out = lv.dout.clone();
    let mut order: Vec<usize> = (0..n).collect();
    rng.shuffle(&mut order);
    let mut queue: std::collections::VecDeque<usize> = order.into();
    let mut queued = vec![true; n];
    let mut w2c = vec![0.0; n];
    let mut touched: Vec<usize> = Vec::new();
    let mut improved = false;
    let (mut round_left, mut round_moves, mut round_gain) = (queue.len(), 0usize, 0.0);
    while let Some(u) = queue.pop_front() {
        queued[u] = false;
        let cu = com[u];
        for (v, x) in lv.neighbours(u) {
            let c = com[v];
            if w2c[c] == 0.0 {
                touched.push(c);
            }
            w2c[c] += x;
        }
        let (kin, kout) = (lv.din[u], lv.dout[u]);
        tot_in[cu] -= kin;
        tot_out[cu] -= kout;
        let cost = |c: usize, tin: &[f64], tout: &[f64]| -> f64 {
            if directed {
                (kout * tin[c] + kin * tout[c]) / (m * m)
            } else {
                tin[c] * kin / (2.0 * m * m)
            }
        };
        let remove = -w2c[cu] / m + cost(cu, &tot_in, &tot_out);
        let mut best = cu;
        let mut best_gain = 0.0;
        for &c in &touched {
            let gain = remove + w2c[c] / m - cost(c, &tot_in, &tot_out);
            if gain > best_gain {
                best_gain = gain;
                best = c;
            }
        }
        tot_in[best] += kin;
        tot_out[best] += kout;
        if best != cu {
            com[u] = best;
            round_moves += 1;
            round_gain += best_gain;
            improved = true;
            for (v, _) in lv.neighbours(u) {
                if !queued[v] && com[v] != best {
                    queued[v] = true;
                    queue.push_back(v);
                }
            }
        }
        for &c in &touched {
            w2c[c] = 0.0;
        }
        touched.clear();
        round_left -= 1;
        if round_left == 0 {
            // On large graphs the last rounds shuffle a few nodes for
            // nothing: stop when a whole round gains less than the threshold.
            if round_moves == 0 || round_gain < PASS_THRESHOLD {
                break;
            }
            (round_left, round_moves, round_gain) = (n, 0, 0.0);
        }
    }
    let (com, k) = renumber(&com);
    (com, k, improved)
}

/// Renumbers labels 0..k in order of first appearance.
fn renumber(labels: &[usize]) -> (Vec<usize>, usize) {
    let top = labels.iter().copied().max().map_or(0, |x| x + 1);
    let mut map = vec![usize::MAX; top];
    let mut k = 0;
    let out = labels
        .iter()
        .map(|&l| {
            if map[l] == usize::MAX {
                map[l] = k;
                k += 1;
            }
            map[l]
        })
        .collect();
    (out, k)
}

/// Louvain communities of `g` from one seed: community per node, numbered in
/// order of each community's smallest node.
///
/// Levels repeat while modularity grows by more than 1e-7 (NetworkX's
/// threshold). A graph without ties gives every node its own community.
pub fn louvain(g: &Graph, weighted: bool, seed: u64) -> Vec<usize> {
    louvain_from(&Level::from_graph(g, weighted), g.is_directed(), seed)
}

/// [`louvain`] from an already built first level (shared by the runs of
/// [`detect`], which differ only in their seed).
fn louvain_from(first: &Level, directed: bool, seed: u64) -> Vec<usize> {
    let n = first.len();
    let mut rng = SplitMix64::new(seed);
    let m: f64 = first.dout.iter().sum::<f64>() / if directed { 1.0 } else { 2.0 };
    let mut membership: Vec<usize> = (0..n).collect();
    if m == 0.0 {
        return membership;
    }
    let mut q = first.modularity(&membership, n, m, directed);
    let mut aggregated: Option<Level> = None;
    loop {
        let level = aggregated.as_ref().unwrap_or(first);
        let (com, k, improved) = one_level(level, m, directed, &mut rng);
        if !improved {
            break;
        }
        let new_q = level.modularity(&com, k, m, directed);
        let candidate: Vec<usize> = membership.iter().map(|&c| com[c]).collect();
        if new_q - q <= 1e-7 {
            if new_q > q {
                membership = candidate;
            }
            break;
        }
        q = new_q;
        membership = candidate;
        aggregated = Some(level.aggregate(&com, k));
    }
    renumber(&membership).0
}

/// The result of community detection over several seeds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Communities {
    /// Community per node (numbered by smallest member).
    pub membership: Vec<usize>,
    /// Number of communities.
    pub count: usize,
    /// Modularity of `membership` (`None` for a graph without ties).
    pub modularity: Option<f64>,
    /// Runs made (seeds tried).
    pub runs: usize,
    /// Mean adjusted Rand index between the reported grouping and the other
    /// runs: 1 = every run found the same groups; near 0 = no better than
    /// chance. `None` with a single run.
    pub stability: Option<f64>,
    /// Per node: the mean, over the other runs, of the Jaccard overlap
    /// between the node's reported community and its community in that run.
    pub node_stability: Option<Vec<f64>>,
}

/// Louvain from `runs` seeds derived from `seed`; reports the grouping with
/// the highest modularity (the earliest run on ties) and the agreement
/// between runs. Deterministic for a given `seed`.
pub fn detect(g: &Graph, weighted: bool, seed: u64, runs: usize) -> Communities {
    let runs = runs.max(1);
    let mut mix = SplitMix64::new(seed);
    let first = Level::from_graph(g, weighted);
    let parts: Vec<Vec<usize>> = (0..runs)
        .map(|_| louvain_from(&first, g.is_directed(), mix.next_u64()))
        .collect();
    let mods: Vec<Option<f64>> = parts.iter().map(|p| modularity(g, p, weighted)).collect();
    let mut best = 0;
    for i in 1..runs {
        if mods[i].unwrap_or(f64::NEG_INFINITY) > mods[best].unwrap_or(f64::NEG_INFINITY) + 1e-12 {
            best = i;
        }
    }
    let membership = parts[best].clone();
    let count = membership.iter().copied().max().map_or(0, |x| x + 1);
    let (stability, node_stability) = if runs > 1 {
        let others: Vec<&Vec<usize>> = parts
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != best)
            .map(|(_, p)| p)
            .collect();
        let ari = others
            .iter()
            .map(|p| adjusted_rand_index(&membership, p))
            .sum::<f64>()
            / others.len() as f64;
        let n = membership.len();
        // Jaccard of each node's two communities from the contingency
        // table: O(n) per run instead of comparing every pair of nodes.
        let mut per_node = vec![0.0; n];
        for p in &others {
            let jac = node_jaccards(&membership, p);
            for (acc, j) in per_node.iter_mut().zip(jac) {
                *acc += j;
            }
        }
        for x in per_node.iter_mut() {
            *x /= others.len() as f64;
        }
        (Some(ari), Some(per_node))
    } else {
        (None, None)
    };
    Communities {
        modularity: mods[best],
        membership,
        count,
        runs,
        stability,
        node_stability,
    }
}

/// Adjusted Rand index between two partitions (Hubert & Arabie 1985,
/// "Comparing partitions", *J. Classification* 2:193–218). 1 for identical
/// partitions; 1 also when both put everyone in one group or everyone alone.
pub fn adjusted_rand_index(a: &[usize], b: &[usize]) -> f64 {
    let n = a.len();
    if n < 2 {
        return 1.0;
    }
    let (a, ka) = dense(a);
    let (b, kb) = dense(b);
    let (mut ra, mut rb) = (vec![0usize; ka], vec![0usize; kb]);
    for i in 0..n {
        ra[a[i]] += 1;
        rb[b[i]] += 1;
    }
    // Every count is an integer, so the sums below are exact in any order.
    let c2 = |x: usize| (x * x.saturating_sub(1) / 2) as f64;
    let index: f64 = runs(pair_codes(&a, &b, kb)).map(c2).sum();
    let sa: f64 = ra.into_iter().map(c2).sum();
    let sb: f64 = rb.into_iter().map(c2).sum();
    let total = c2(n);
    let expected = sa * sb / total;
    let max = (sa + sb) / 2.0;
    if (max - expected).abs() < 1e-15 {
        return 1.0;
    }
    (index - expected) / (max - expected)
}

/// Labels renumbered `0..k` in order of first appearance, and `k`. The
/// stability scores compare ten partitions of a few dozen people for every
/// network of a batch: counting in vectors instead of hash maps keeps that
/// cheap.
fn dense(labels: &[usize]) -> (Vec<usize>, usize) {
    let mut out = Vec::with_capacity(labels.len());
    let mut k = 0;
    let max = labels.iter().copied().max().unwrap_or(0);
    if max < 4 * labels.len() + 64 {
        let mut map = vec![usize::MAX; max + 1];
        for &l in labels {
            if map[l] == usize::MAX {
                map[l] = k;
                k += 1;
            }
            out.push(map[l]);
        }
    } else {
        let mut map: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
        for &l in labels {
            let id = *map.entry(l).or_insert_with(|| {
                k += 1;
                k - 1
            });
            out.push(id);
        }
    }
    (out, k)
}

/// The pairs `(a[i], b[i])` as sorted codes `a·kb + b`.
fn pair_codes(a: &[usize], b: &[usize], kb: usize) -> Vec<usize> {
    let mut codes: Vec<usize> = a.iter().zip(b).map(|(&x, &y)| x * kb + y).collect();
    codes.sort_unstable();
    codes
}

/// Lengths of the runs of equal values in a sorted list.
fn runs(sorted: Vec<usize>) -> impl Iterator<Item = usize> {
    let mut i = 0;
    std::iter::from_fn(move || {
        let start = i;
        let v = *sorted.get(start)?;
        while i < sorted.len() && sorted[i] == v {
            i += 1;
        }
        Some(i - start)
    })
}

/// Per node: `|A ∩ B| / |A ∪ B|` where `A` is the node's community in `a`
/// and `B` its community in `b`.
fn node_jaccards(a: &[usize], b: &[usize]) -> Vec<f64> {
    let (a, ka) = dense(a);
    let (b, kb) = dense(b);
    let (mut size_a, mut size_b) = (vec![0usize; ka], vec![0usize; kb]);
    for (&x, &y) in a.iter().zip(&b) {
        size_a[x] += 1;
        size_b[y] += 1;
    }
    let codes = pair_codes(&a, &b, kb);
    let both = |x: usize, y: usize| {
        let c = x * kb + y;
        codes.partition_point(|&v| v <= c) - codes.partition_point(|&v| v < c)
    };
    a.iter()
        .zip(&b)
        .map(|(&x, &y)| {
            let inter = both(x, y) as f64;
            let union = (size_a[x] + size_b[y]) as f64 - inter;
            inter / union
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjusted_rand_index_equals_the_pair_counting_definition() {
        let mut rng = crate::rng::SplitMix64::new(5);
        for case in 0..300 {
            let n = 2 + case % 40;
            // Dense labels, and sparse ones far above n (another path).
            let spread = if case % 3 == 0 {
                1_000_003
            } else {
                1 + case % 7
            };
            let mut part = || -> Vec<usize> {
                (0..n)
                    .map(|_| (rng.next_u64() % (1 + case as u64 % 6)) as usize * spread)
                    .collect()
            };
            let (a, b) = (part(), part());
            let (mut both, mut sa, mut sb) = (0.0, 0.0, 0.0);
            for i in 0..n {
                for j in (i + 1)..n {
                    let (x, y) = (a[i] == a[j], b[i] == b[j]);
                    both += f64::from(u8::from(x && y));
                    sa += f64::from(u8::from(x));
                    sb += f64::from(u8::from(y));
                }
            }
            let total = (n * (n - 1) / 2) as f64;
            let (expected, max) = (sa * sb / total, (sa + sb) / 2.0);
            let want = if (max - expected).abs() < 1e-15 {
                1.0
            } else {
                (both - expected) / (max - expected)
            };
            let got = adjusted_rand_index(&a, &b);
            assert!((got - want).abs() < 1e-12, "case {case}: {got} vs {want}");
            let jac = node_jaccards(&a, &b);
            for v in 0..n {
                let inter = (0..n).filter(|&u| a[u] == a[v] && b[u] == b[v]).count();
                let union = (0..n).filter(|&u| a[u] == a[v] || b[u] == b[v]).count();
                assert!((jac[v] - inter as f64 / union as f64).abs() < 1e-15);
            }
        }
    }

    #[test]
    fn node_jaccards_equal_the_pairwise_definition() {
        let a = [0, 0, 0, 1, 1, 2, 2, 2];
        let b = [0, 0, 1, 1, 1, 1, 2, 2];
        let got = node_jaccards(&a, &b);
        for v in 0..a.len() {
            let inter = (0..a.len())
                .filter(|&u| a[u] == a[v] && b[u] == b[v])
                .count() as f64;
            let union = (0..a.len())
                .filter(|&u| a[u] == a[v] || b[u] == b[v])
                .count() as f64;
            assert!((got[v] - inter / union).abs() < 1e-15, "node {v}");
        }
        assert!((adjusted_rand_index(&a, &a) - 1.0).abs() < 1e-15);
    }
}
