//! Shortest paths and the measures built on them: betweenness, closeness,
//! harmonic closeness, distances.
//!
//! # Tie lengths
//!
//! Unweighted measures count hops. Weighted measures use the length
//! `1 / weight` for a tie (Opsahl, Agneessens & Skvoretz 2010, "Node
//! centrality in weighted networks", *Social Networks* 32:245–251): a daily
//! contact (strength 3) is a shorter way between two people than a monthly
//! one (strength 1).
//!
//! Lengths are computed **exactly** whenever the weights are rationals with a
//! small common denominator, which is always the case for survey strengths
//! (1, 2, 3, or halves under the *mean* rule): every weight `w = W / s` with
//! integer `W` gets the integer length `L / W` where `L` is the least common
//! multiple of all the `W`, and the real length is that integer times
//! `s / L`. Equally short paths then compare equal, where floating point
//! would find `1/2 + 1/3 + 1/3 + 1/3 < 1 + 1/2` and drop a shortest path (the
//! error PRODUCT.md §4 measured in NetworkX and networkit). Only for weights
//! without such a representation (or an `L` too large for 64-bit sums) do
//! lengths fall back to floating point, where two path lengths within a
//! relative [`FLOAT_TIE_TOLERANCE`] (1e-10) of each other count as equal.

use rayon::prelude::*;

use crate::graph::Graph;

/// The tie lengths used for shortest paths.
#[derive(Debug, Clone)]
pub enum Lengths {
    /// Every tie has length 1 (unweighted measures).
    Hops,
    /// Exact integer lengths; a real length is the integer times `unit`.
    Exact {
        /// Length per out-slot (aligned with [`Graph::out_neighbors`]).
        out: Vec<u64>,
        /// Length per in-slot (aligned with [`Graph::in_neighbors`]).
        inn: Vec<u64>,
        /// The real length of one integer unit.
        unit: f64,
    },
    /// Floating-point lengths `1 / weight` (fallback).
    Float {
        /// Length per out-slot.
        out: Vec<f64>,
        /// Length per in-slot.
        inn: Vec<f64>,
    },
}

/// Largest denominator tried when looking for an exact representation.
const MAX_DENOMINATOR: u64 = 1000;

fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a
}

impl Lengths {
    /// Lengths `1 / weight` for `g`, exact where possible.
    ///
    /// The caller guarantees every weight is positive and finite
    /// ([`Graph::weights_positive`]).
    pub fn inverse_weights(g: &Graph) -> Lengths {
        let n = g.node_count();
        let mut weights: Vec<f64> = (0..n)
            .flat_map(|v| g.out_weights(v).iter().copied())
            .collect();
        weights.sort_by(f64::total_cmp);
        weights.dedup();
        if let Some((ints, unit)) = exact_representation(&weights, n) {
            let to_len = |w: f64| -> u64 {
                let i = weights.partition_point(|x| x.total_cmp(&w).is_lt());
                ints[i.min(ints.len() - 1)]
            };
            let out = (0..n)
                .flat_map(|v| {
                    g.out_weights(v)
                        .iter()
                        .map(|&w| to_len(w))
                        .collect::<Vec<_>>()
                })
                .collect();
            let inn = if g.is_directed() {
                (0..n)
                    .flat_map(|v| {
                        g.in_weights(v)
                            .iter()
                            .map(|&w| to_len(w))
                            .collect::<Vec<_>>()
                    })
                    .collect()
            } else {
                Vec::new()
            };
            return Lengths::Exact { out, inn, unit };
        }
        let out = (0..n)
            .flat_map(|v| {
                g.out_weights(v)
                    .iter()
                    .map(|&w| 1.0 / w)
                    .collect::<Vec<_>>()
            })
            .collect();
        let inn = if g.is_directed() {
            (0..n)
                .flat_map(|v| g.in_weights(v).iter().map(|&w| 1.0 / w).collect::<Vec<_>>())
                .collect()
        } else {
            Vec::new()
        };
        Lengths::Float { out, inn }
    }

    /// Whether lengths are exact (hops or integers).
    pub fn is_exact(&self) -> bool {
        !matches!(self, Lengths::Float { .. })
    }
}

/// For sorted distinct positive weights, integer lengths `L / W_i` and the
/// unit `s / L`, or `None` when no small common denominator exists or sums
/// over `n` nodes could overflow.
fn exact_representation(weights: &[f64], n: usize) -> Option<(Vec<u64>, f64)> {
    let s = (1..=MAX_DENOMINATOR).find(|&s| {
        weights.iter().all(|&w| {
            let x = w * s as f64;
            (0.5..1e12).contains(&x) && (x - x.round()).abs() <= 1e-9 * x.max(1.0)
        })
    })?;
    let ints: Vec<u64> = weights
        .iter()
        .map(|&w| (w * s as f64).round() as u64)
        .collect();
    let limit: u128 = (1u128 << 62) / (n.max(2) as u128);
    let mut l: u128 = 1;
    for &w in &ints {
        let w = w as u128;
        l = l / gcd(l as u64, w as u64) as u128 * w;
        if l > limit {
            return None;
        }
    }
    let l = l as u64;
    Some((ints.iter().map(|&w| l / w).collect(), s as f64 / l as f64))
}

/// Two floating-point path lengths whose difference is at most this share
/// of the larger count as equally short (tied paths are kept, not dropped).
/// Path lengths are sums of at most `n` terms `1 / weight`, each rounded
/// once, so honest ties differ by far less than this, while lengths of
/// distinct real paths differ by far more on any data measured to fewer
/// than ten significant digits.
pub const FLOAT_TIE_TOLERANCE: f64 = 1e-10;

/// A distance type the search kernels run on.
trait Dist: Copy + Send + Sync {
    const ZERO: Self;
    const ONE: Self;
    /// The real length, given the unit of exact lengths.
    fn real(self, unit: f64) -> f64;
    /// The exact integer value (0 for floats).
    fn exact(self) -> u128;
    const INF: Self;
    fn add(self, o: Self) -> Self;
    fn less(self, o: Self) -> bool;
    fn same(self, o: Self) -> bool;
    /// Heap key preserving order (non-negative values only).
    fn key(self) -> u64;
}

impl Dist for u64 {
    const ZERO: u64 = 0;
    const ONE: u64 = 1;
    fn real(self, unit: f64) -> f64 {
        self as f64 * unit
    }
    fn exact(self) -> u128 {
        self as u128
    }
    const INF: u64 = u64::MAX;
    fn add(self, o: u64) -> u64 {
        self.saturating_add(o)
    }
    fn less(self, o: u64) -> bool {
        self < o
    }
    fn same(self, o: u64) -> bool {
        self == o
    }
    fn key(self) -> u64 {
        self
    }
}

impl Dist for f64 {
    const ZERO: f64 = 0.0;
    const ONE: f64 = 1.0;
    fn real(self, _unit: f64) -> f64 {
        self
    }
    fn exact(self) -> u128 {
        0
    }
    const INF: f64 = f64::INFINITY;
    fn add(self, o: f64) -> f64 {
        self + o
    }
    fn less(self, o: f64) -> bool {
        self < o && !self.same(o)
    }
    /// Equal within the stated relative tolerance [`FLOAT_TIE_TOLERANCE`];
    /// an infinite distance (not reached) equals only itself. (Without that
    /// guard `inf - d <= 1e-10 * inf` held for every finite `d`, so no
    /// node was ever reached on floating-point lengths: issue 14.)
    fn same(self, o: f64) -> bool {
        if self == o {
            return true;
        }
        if !self.is_finite() || !o.is_finite() {
            return false;
        }
        (self - o).abs() <= FLOAT_TIE_TOLERANCE * self.abs().max(o.abs())
    }
    fn key(self) -> u64 {
        // Non-negative floats order like their bit patterns.
        self.to_bits()
    }
}

/// Reusable buffers for one single-source search.
struct Search<D> {
    dist: Vec<D>,
    sigma: Vec<f64>,
    delta: Vec<f64>,
    settled: Vec<bool>,
    order: Vec<u32>,
    heap: std::collections::BinaryHeap<std::cmp::Reverse<(u64, u32)>>,
}

impl<D: Dist> Search<D> {
    fn new(n: usize) -> Self {
        Search {
            dist: vec![D::INF; n],
            sigma: vec![0.0; n],
            delta: vec![0.0; n],
            settled: vec![false; n],
            order: Vec::with_capacity(n),
            heap: std::collections::BinaryHeap::new(),
        }
    }

    fn reset(&mut self) {
        for &v in &self.order {
            let v = v as usize;
            self.dist[v] = D::INF;
            self.sigma[v] = 0.0;
            self.delta[v] = 0.0;
            self.settled[v] = false;
        }
        self.order.clear();
        self.heap.clear();
    }
}

/// The graph seen in one direction with one kind of length.
struct View<'a, D> {
    g: &'a Graph,
    /// `true`: follow ties backwards, giving distances *to* the source.
    reverse: bool,
    /// `None`: every tie has length one (breadth-first search).
    lens: Option<(&'a [D], &'a [D])>,
}

impl<D: Dist> View<'_, D> {
    /// Neighbours reached from `v` and the slot range of their lengths.
    #[inline]
    fn forward(&self, v: usize) -> (&[u32], std::ops::Range<usize>, bool) {
        if self.reverse {
            (self.g.in_neighbors(v), self.g.in_slots(v), true)
        } else {
            (self.g.out_neighbors(v), self.g.out_slots(v), false)
        }
    }

    /// Neighbours that reach `v` (its predecessors on a path).
    #[inline]
    fn backward(&self, v: usize) -> (&[u32], std::ops::Range<usize>, bool) {
        if self.reverse {
            (self.g.out_neighbors(v), self.g.out_slots(v), false)
        } else {
            (self.g.in_neighbors(v), self.g.in_slots(v), true)
        }
    }

    #[inline]
    fn len(&self, slot: usize, in_slot: bool) -> D {
        match self.lens {
            None => D::ONE,
            Some((out, inn)) => {
                if in_slot && self.g.is_directed() {
                    inn[slot]
                } else {
                    out[slot]
                }
            }
        }
    }
}

/// Single-source shortest paths from `s`: fills `dist`, `sigma` (numbers of
/// shortest paths, as floats like NetworkX) and `order` (the reached nodes
/// by non-decreasing distance).
fn sssp<D: Dist>(view: &View<'_, D>, s: usize, b: &mut Search<D>) {
    b.reset();
    b.dist[s] = D::ZERO;
    b.sigma[s] = 1.0;
    if view.lens.is_none() {
        // Breadth-first search; `order` doubles as the queue.
        b.order.push(s as u32);
        let mut head = 0;
        while head < b.order.len() {
            let v = b.order[head] as usize;
            head += 1;
            let nd = b.dist[v].add(D::ONE);
            let sv = b.sigma[v];
            let (nbrs, _, _) = view.forward(v);
            for &w in nbrs {
                let w = w as usize;
                if b.dist[w].same(D::INF) {
                    b.dist[w] = nd;
                    b.order.push(w as u32);
                }
                if b.dist[w].same(nd) {
                    b.sigma[w] += sv;
                }
            }
        }
        return;
    }
    // Dijkstra with a lazy-deletion heap; `order` records settling order.
    b.heap.push(std::cmp::Reverse((D::ZERO.key(), s as u32)));
    while let Some(std::cmp::Reverse((_, v))) = b.heap.pop() {
        let v = v as usize;
        if b.settled[v] {
            continue;
        }
        b.settled[v] = true;
        b.order.push(v as u32);
        let dv = b.dist[v];
        let sv = b.sigma[v];
        let (nbrs, slots, in_slot) = view.forward(v);
        for (&w, slot) in nbrs.iter().zip(slots) {
            let w = w as usize;
            if b.settled[w] {
                continue;
            }
            let nd = dv.add(view.len(slot, in_slot));
            if nd.less(b.dist[w]) {
                b.dist[w] = nd;
                b.sigma[w] = sv;
                b.heap.push(std::cmp::Reverse((nd.key(), w as u32)));
            } else if nd.same(b.dist[w]) {
                b.sigma[w] += sv;
            }
        }
    }
}

/// Brandes' dependency accumulation after [`sssp`] from `s`, adding each
/// node's dependency into `acc`. `weight_of_target(t)` is how much the pair
/// `(s, t)` counts (1 for plain betweenness).
fn accumulate<D: Dist>(
    view: &View<'_, D>,
    s: usize,
    b: &mut Search<D>,
    weight_of_target: &dyn Fn(usize) -> f64,
    acc: &mut [f64],
) {
    for idx in (0..b.order.len()).rev() {
        let w = b.order[idx] as usize;
        let coeff = (weight_of_target(w) + b.delta[w]) / b.sigma[w];
        let dw = b.dist[w];
        let (preds, slots, in_slot) = view.backward(w);
        for (&v, slot) in preds.iter().zip(slots) {
            let v = v as usize;
            let dv = b.dist[v];
            if dv.same(D::INF) || !dv.less(dw) {
                continue;
            }
            if dv.add(view.len(slot, in_slot)).same(dw) {
                b.delta[v] += b.sigma[v] * coeff;
            }
        }
        if w != s {
            acc[w] += b.delta[w];
        }
    }
}

/// Sources run in this many fixed chunks whose partial sums are added in
/// order, so the floating-point result never depends on thread scheduling
/// (same input, same numbers, byte for byte).
const CHUNKS: usize = 64;
/// Below this many nodes everything runs on one thread.
const PARALLEL_FROM: usize = 1000;

/// Runs `per_source` for every source with its own search buffers and a
/// per-chunk accumulator of length `n`; sums the chunks in order and keeps
/// each source's own result in source order.
fn over_sources<D: Dist, R: Send, F>(
    view: &View<'_, D>,
    sources: &[usize],
    per_source: F,
) -> (Vec<f64>, Vec<R>)
where
    F: Fn(&View<'_, D>, usize, &mut Search<D>, &mut [f64]) -> R + Sync,
{
    let n = view.g.node_count();
    let run_chunk = |chunk: &[usize]| -> (Vec<f64>, Vec<R>) {
        let mut b = Search::new(n);
        let mut acc = vec![0.0; n];
        let per = chunk
            .iter()
            .map(|&s| per_source(view, s, &mut b, &mut acc))
            .collect();
        (acc, per)
    };
    if n < PARALLEL_FROM || sources.len() < 2 {
        return run_chunk(sources);
    }
    let size = sources.len().div_ceil(CHUNKS).max(1);
    let parts: Vec<(Vec<f64>, Vec<R>)> = sources.par_chunks(size).map(run_chunk).collect();
    let mut total = vec![0.0; n];
    let mut all = Vec::with_capacity(sources.len());
    for (p, per) in parts {
        for (t, x) in total.iter_mut().zip(p) {
            *t += x;
        }
        all.extend(per);
    }
    (total, all)
}

/// The reach of the search held in `b` from `s` (see [`Reach`]), counting
/// only targets marked in `targets` when given.
fn reach_of<D: Dist>(
    b: &Search<D>,
    s: usize,
    unit: f64,
    exact: bool,
    targets: Option<&[bool]>,
) -> Reach {
    let mut r = Reach::default();
    let mut int_total: u128 = 0;
    for &t in &b.order {
        if targets.is_some_and(|m| !m[t as usize]) {
            continue;
        }
        r.reached += 1;
        let d = b.dist[t as usize].real(unit);
        int_total += b.dist[t as usize].exact();
        r.total += d;
        if t as usize != s && d > 0.0 {
            r.inverse_total += 1.0 / d;
        }
        r.farthest = r.farthest.max(d);
    }
    if exact {
        r.total = int_total as f64 * unit;
    }
    r
}

fn unit_of(lengths: &Lengths) -> f64 {
    match lengths {
        Lengths::Exact { unit, .. } => *unit,
        _ => 1.0,
    }
}

/// Dispatches a generic computation on the kind of lengths.
macro_rules! with_view {
    ($g:expr, $lengths:expr, $reverse:expr, |$view:ident| $body:expr) => {
        match $lengths {
            Lengths::Hops => {
                let $view: View<'_, u64> = View {
                    g: $g,
                    reverse: $reverse,
                    lens: None,
                };
                $body
            }
            Lengths::Exact { out, inn, .. } => {
                let $view: View<'_, u64> = View {
                    g: $g,
                    reverse: $reverse,
                    lens: Some((out.as_slice(), inn.as_slice())),
                };
                $body
            }
            Lengths::Float { out, inn } => {
                let $view: View<'_, f64> = View {
                    g: $g,
                    reverse: $reverse,
                    lens: Some((out.as_slice(), inn.as_slice())),
                };
                $body
            }
        }
    };
}

/// Raw (unnormalised) Brandes betweenness accumulated from `sources`, each
/// ordered pair `(s, t)` weighted by `pair(s, t)`.
///
/// For undirected graphs every pair is met from both ends, so the raw sum is
/// twice the textbook value, exactly as NetworkX accumulates it before
/// rescaling.
pub fn raw_betweenness(
    g: &Graph,
    lengths: &Lengths,
    sources: &[usize],
    pair: Option<&(dyn Fn(usize, usize) -> f64 + Sync)>,
) -> Vec<f64> {
    with_view!(g, lengths, false, |view| {
        over_sources(&view, sources, |view, s, b, acc| {
            sssp(view, s, b);
            match pair {
                None => accumulate(view, s, b, &|_| 1.0, acc),
                Some(f) => accumulate(view, s, b, &|t| f(s, t), acc),
            }
        })
        .0
    })
}

/// Betweenness centrality as NetworkX `betweenness_centrality(G,
/// normalized=True)`: the share of shortest paths between other pairs that
/// pass through each node.
///
/// Definition: `c_B(v) = Σ_{s≠v≠t} σ(s,t|v) / σ(s,t)` (Brandes 2001, "A faster
/// algorithm for betweenness centrality", *J. Math. Sociol.* 25:163–177),
/// normalised by `1 / ((n−1)(n−2))` for directed graphs and `2 / ((n−1)(n−2))`
/// for undirected ones; no normalisation when `n ≤ 2` (NetworkX convention).
///
/// With `sample = Some(k)` only the first `k` nodes are sources and the
/// result is scaled by `n / k` (the pivot estimator of Brandes & Pich 2007,
/// as NetworkX `k=`), an estimate for large graphs.
pub fn betweenness(g: &Graph, lengths: &Lengths, sample: Option<usize>) -> Vec<f64> {
    let n = g.node_count();
    let k = sample.map(|k| k.min(n)).unwrap_or(n);
    let sources: Vec<usize> = (0..k).collect();
    let mut b = raw_betweenness(g, lengths, &sources, None);
    normalise_betweenness(&mut b, n, g.is_directed(), k);
    b
}

/// Normalised betweenness (as [`betweenness`] without sampling) and the
/// outgoing [`Reach`] of every node, from one search per source instead of
/// two. For undirected graphs the reach gives closeness, harmonic closeness
/// and the distances of the largest component as well.
pub fn betweenness_and_reach(g: &Graph, lengths: &Lengths) -> (Vec<f64>, Vec<Reach>) {
    let n = g.node_count();
    let unit = unit_of(lengths);
    let exact = lengths.is_exact();
    let sources: Vec<usize> = (0..n).collect();
    let (mut b, reach) = with_view!(g, lengths, false, |view| {
        over_sources(&view, &sources, |view, s, b, acc| {
            sssp(view, s, b);
            let r = reach_of(b, s, unit, exact, None);
            accumulate(view, s, b, &|_| 1.0, acc);
            r
        })
    });
    normalise_betweenness(&mut b, n, g.is_directed(), n);
    (b, reach)
}

/// NetworkX's rescaling of raw betweenness from `k` of `n` sources.
fn normalise_betweenness(b: &mut [f64], n: usize, directed: bool, k: usize) {
    if n > 2 {
        let mut scale = 1.0 / ((n - 1) as f64 * (n - 2) as f64);
        if k < n && k > 0 {
            scale *= n as f64 / k as f64;
        }
        for x in b.iter_mut() {
            *x *= scale;
        }
    } else if !directed {
        for x in b.iter_mut() {
            *x *= 0.5;
        }
    }
}

/// Distances and reach from one node, in real length units.
#[derive(Debug, Clone, Copy, Default)]
pub struct Reach {
    /// Nodes reached, the node itself included.
    pub reached: usize,
    /// Sum of the distances to the reached nodes.
    pub total: f64,
    /// Sum of the reciprocal distances (other nodes only).
    pub inverse_total: f64,
    /// The largest distance to a reached node.
    pub farthest: f64,
}

/// For each node in `nodes`: how many nodes it reaches and the sum of their
/// distances, searching backwards when `incoming` (distances *to* the node).
/// With `targets`, only nodes marked there count as reached.
///
/// Integer sums are exact; the real totals are formed once at the end.
pub fn reach(
    g: &Graph,
    lengths: &Lengths,
    nodes: &[usize],
    incoming: bool,
    targets: Option<&[bool]>,
) -> Vec<Reach> {
    if let Lengths::Hops = lengths {
        return reach_hops(g, nodes, incoming, targets);
    }
    let unit = unit_of(lengths);
    let exact = lengths.is_exact();
    with_view!(g, lengths, incoming, |view| {
        over_sources(&view, nodes, |view, s, b, _| {
            sssp(view, s, b);
            reach_of(b, s, unit, exact, targets)
        })
        .1
    })
}

/// [`reach`] by hops: a breadth-first search with 32-bit distances and no
/// path counting (closeness of many people needs nothing more).
///
/// Direction-optimising (Beamer, Asanović & Patterson 2012, "Direction-
/// optimizing breadth-first search", *SC'12*): while the frontier is small
/// the search expands it top-down; once the frontier's ties outnumber a
/// fourteenth of the unvisited nodes' ties, it goes bottom-up instead, each
/// unvisited node looking for any neighbour on the frontier and stopping at
/// the first. On the 1M-edge benchmark graph most nodes are found in one or
/// two levels, where bottom-up reads a fraction of the ties top-down would.
/// Distances are the same either way, so the result does not change.
fn reach_hops(g: &Graph, nodes: &[usize], incoming: bool, targets: Option<&[bool]>) -> Vec<Reach> {
    let n = g.node_count();
    // Searching "incoming" follows in-ties forward; bottom-up then looks at
    // the other direction. Undirected graphs have one list for both.
    let forward = |v: usize| {
        if incoming {
            g.in_neighbors(v)
        } else {
            g.out_neighbors(v)
        }
    };
    let backward = |v: usize| {
        if incoming {
            g.out_neighbors(v)
        } else {
            g.in_neighbors(v)
        }
    };
    let total_ties: usize = (0..n).map(|v| forward(v).len()).sum();
    let work = |chunk: &[usize]| -> Vec<Reach> {
        let mut dist = vec![u32::MAX; n];
        let mut queue: Vec<u32> = Vec::with_capacity(n);
        let mut unvisited: Vec<u32> = Vec::new();
        let mut per_distance: Vec<u64> = Vec::new();
        chunk
            .iter()
            .map(|&s| {
                for &v in &queue {
                    dist[v as usize] = u32::MAX;
                }
                queue.clear();
                dist[s] = 0;
                queue.push(s as u32);
                let (mut level_start, mut level) = (0usize, 0u32);
                let mut unvisited_ties = total_ties - forward(s).len();
                let mut bottom_up = false;
                unvisited.clear();
                while level_start < queue.len() {
                    let level_end = queue.len();
                    let frontier_ties: usize = queue[level_start..level_end]
                        .iter()
                        .map(|&v| forward(v as usize).len())
                        .sum();
                    if !bottom_up && frontier_ties * 14 > unvisited_ties {
                        bottom_up = true;
                        unvisited.clear();
                        unvisited.extend((0..n as u32).filter(|&v| dist[v as usize] == u32::MAX));
                    } else if bottom_up && (level_end - level_start) * 24 < n {
                        bottom_up = false;
                    }
                    let d = level + 1;
                    if bottom_up {
                        let mut kept = 0;
                        for i in 0..unvisited.len() {
                            let w = unvisited[i];
                            if dist[w as usize] != u32::MAX {
                                continue; // found by a top-down step meanwhile
                            }
                            if backward(w as usize)
                                .iter()
                                .any(|&u| dist[u as usize] == level)
                            {
                                dist[w as usize] = d;
                                queue.push(w);
                            } else {
                                unvisited[kept] = w;
                                kept += 1;
                            }
                        }
                        unvisited.truncate(kept);
                    } else {
                        for i in level_start..level_end {
                            let v = queue[i] as usize;
                            for &w in forward(v) {
                                if dist[w as usize] == u32::MAX {
                                    dist[w as usize] = d;
                                    queue.push(w);
                                }
                            }
                        }
                    }
                    for &w in &queue[level_end..] {
                        unvisited_ties -= forward(w as usize).len();
                    }
                    level_start = level_end;
                    level = d;
                }
                // Counted per distance, so the harmonic sum is Σ count/d in
                // distance order whatever order the search found nodes in.
                per_distance.clear();
                per_distance.resize(level as usize + 1, 0);
                for &t in &queue {
                    if targets.is_none_or(|m| m[t as usize]) {
                        per_distance[dist[t as usize] as usize] += 1;
                    }
                }
                let mut r = Reach::default();
                let mut total: u64 = 0;
                for (d, &count) in per_distance.iter().enumerate() {
                    if count == 0 {
                        continue;
                    }
                    r.reached += count as usize;
                    total += d as u64 * count;
                    if d > 0 {
                        r.inverse_total += count as f64 / d as f64;
                    }
                    r.farthest = d as f64;
                }
                r.total = total as f64;
                r
            })
            .collect()
    };
    if n < PARALLEL_FROM || nodes.len() < 2 {
        return work(nodes);
    }
    let size = nodes.len().div_ceil(CHUNKS).max(1);
    nodes
        .par_chunks(size)
        .map(work)
        .collect::<Vec<_>>()
        .concat()
}

/// Closeness from a node's incoming [`Reach`] in a graph of `n` nodes (see
/// [`closeness`]).
pub fn closeness_of(r: &Reach, n: usize) -> f64 {
    if r.total > 0.0 && n > 1 {
        let c = (r.reached - 1) as f64 / r.total;
        c * (r.reached - 1) as f64 / (n - 1) as f64
    } else {
        0.0
    }
}

/// Closeness centrality as NetworkX `closeness_centrality(G)`.
///
/// Definition: `C(u) = (r − 1) / Σ d(v, u)` over the `r − 1` other nodes `v`
/// that can reach `u`, times the Wasserman–Faust correction `(r − 1) / (n − 1)`
/// for graphs that are not connected (Wasserman & Faust 1994, *Social Network
/// Analysis*, p. 201). Directed graphs use incoming distances, as NetworkX.
/// A node nobody reaches has closeness 0 (NetworkX convention).
pub fn closeness(g: &Graph, lengths: &Lengths, nodes: &[usize]) -> Vec<f64> {
    let n = g.node_count();
    reach(g, lengths, nodes, g.is_directed(), None)
        .iter()
        .map(|r| closeness_of(r, n))
        .collect()
}

/// Harmonic centrality as NetworkX `harmonic_centrality(G)`: `H(u) = Σ_{v≠u}
/// 1 / d(v, u)`, with `1/∞ = 0` (Marchiori & Latora 2000, "Harmony in the
/// small-world", *Physica A* 285:539–546; Boldi & Vigna 2014). Directed
/// graphs use incoming distances, as NetworkX. Not normalised.
pub fn harmonic(g: &Graph, lengths: &Lengths, nodes: &[usize]) -> Vec<f64> {
    reach(g, lengths, nodes, g.is_directed(), None)
        .into_iter()
        .map(|r| r.inverse_total)
        .collect()
}

/// Shortest path from any node with `from[v]` to the nearest node with
/// `to[v]`, by hops, as a list of nodes; ties broken towards the smallest
/// node indices. `None` when no such path exists.
pub fn shortest_chain(g: &Graph, from: &[bool], to: &[bool]) -> Option<Vec<usize>> {
    let n = g.node_count();
    let mut parent = vec![usize::MAX; n];
    let mut seen = vec![false; n];
    let mut queue = std::collections::VecDeque::new();
    for v in 0..n {
        if from[v] {
            seen[v] = true;
            queue.push_back(v);
        }
    }
    while let Some(v) = queue.pop_front() {
        if to[v] {
            let mut path = vec![v];
            let mut x = v;
            while parent[x] != usize::MAX {
                x = parent[x];
                path.push(x);
            }
            path.reverse();
            return Some(path);
        }
        for &w in g.out_neighbors(v) {
            let w = w as usize;
            if !seen[w] {
                seen[w] = true;
                parent[w] = v;
                queue.push_back(w);
            }
        }
    }
    None
}
