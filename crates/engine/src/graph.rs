//! The compact graph every measure runs on.
//!
//! [`Graph`] stores adjacency in compressed sparse row (CSR) form: for node
//! `v`, its out-neighbours are `out_nbr[out_off[v]..out_off[v + 1]]`, sorted
//! by index, with the tie weight beside each. Directed graphs also keep the
//! in-neighbours; for undirected graphs "in" and "out" are the same lists.
//!
//! Why not petgraph: the hot loops (Brandes' betweenness over 100k nodes, one
//! BFS per source) need contiguous neighbour slices and predictable memory;
//! STACK.md measured a plain CSR Brandes at 18.5 s against rustworkx-core's
//! 52 s on the same graph. petgraph is kept out of the engine for that reason.
//!
//! Simple-graph conventions (as NetworkX `Graph`/`DiGraph`): no self-loops
//! and no parallel ties. [`Graph::from_edges`] drops self-loops and merges
//! parallel ties (keeping the largest weight), and reports how many it
//! dropped or merged.

use serde::Serialize;

/// A simple graph in CSR form, directed or undirected, with tie weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Graph {
    n: usize,
    directed: bool,
    edge_count: usize,
    out_off: Vec<usize>,
    out_nbr: Vec<u32>,
    out_w: Vec<f64>,
    in_off: Vec<usize>,
    in_nbr: Vec<u32>,
    in_w: Vec<f64>,
}

/// What [`Graph::from_edges`] had to change to make a simple graph.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Simplified {
    /// Self-loops dropped.
    pub self_loops: usize,
    /// Parallel ties merged into one (largest weight kept).
    pub merged: usize,
}

/// An edge given to [`Graph::from_edges`]: `(source, target, weight)`.
pub type Edge = (usize, usize, f64);

/// `(source, target, weight)` triples grouped into CSR rows: row `u` holds
/// `nbr[off[u]..off[u + 1]]` with weights beside them, sorted by target, and
/// repeated pairs merged into one ([`Rows::group`] keeps the largest weight by
/// `f64::total_cmp`, [`Rows::group_summed`] adds them up).
///
/// Written by hand rather than with a comparison sort over all triples: a
/// counting sort by source is O(n + m) and each row is then sorted on its own
/// (rows are short), which made building the 1M-edge benchmark graph several
/// times faster than sorting the whole list or keying a `BTreeMap` by pair.
#[derive(Debug, Clone, Default)]
pub(crate) struct Rows {
    /// Row offsets, `n + 1` entries.
    pub(crate) off: Vec<usize>,
    /// Targets, row after row.
    pub(crate) nbr: Vec<u32>,
    /// Weights beside `nbr`.
    pub(crate) w: Vec<f64>,
    /// How many triples were merged into an earlier one of the same pair.
    pub(crate) merged: usize,
}

/// Triples from which [`Rows`] sorts its rows on all cores.
const PARALLEL_ROWS: usize = 1 << 18;

impl Rows {
    /// Groups `triples` (every index `< n`) by source; a repeated pair keeps
    /// its largest weight.
    pub(crate) fn group(n: usize, triples: &[(u32, u32, f64)]) -> Rows {
        // Larger weight first, so the first of a run of equal targets is kept.
        Rows::group_with(n, triples, |a, b| b.1.total_cmp(&a.1), |kept, _| kept)
    }

    /// Groups `triples` by source; the weights of a repeated pair are added.
    pub(crate) fn group_summed(n: usize, triples: &[(u32, u32, f64)]) -> Rows {
        Rows::group_with(n, triples, |_, _| std::cmp::Ordering::Equal, |a, b| a + b)
    }

    fn group_with(
        n: usize,
        triples: &[(u32, u32, f64)],
        tie_order: impl Fn(&(u32, f64), &(u32, f64)) -> std::cmp::Ordering + Sync,
        merge: impl Fn(f64, f64) -> f64,
    ) -> Rows {
        let mut start = vec![0usize; n + 1];
        for &(u, _, _) in triples {
            start[u as usize + 1] += 1;
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut cells: Vec<(u32, f64)> = vec![(0, 0.0); triples.len()];
        for &(u, v, w) in triples {
            let at = &mut fill[u as usize];
            cells[*at] = (v, w);
            *at += 1;
        }
        let mut rows = Rows {
            off: Vec::with_capacity(n + 1),
            nbr: Vec::with_capacity(triples.len()),
            w: Vec::with_capacity(triples.len()),
            merged: 0,
        };
        // Stable within equal keys, so sums add up in input order.
        let order = |a: &(u32, f64), b: &(u32, f64)| a.0.cmp(&b.0).then_with(|| tie_order(a, b));
        if triples.len() >= PARALLEL_ROWS {
            // Rows are disjoint: on large graphs they are sorted on all
            // cores (the same sort per row, so the result does not depend
            // on threads). A million-edge graph has two million cells.
            use rayon::prelude::*;
            let mut slices: Vec<&mut [(u32, f64)]> = Vec::with_capacity(n);
            let mut rest = cells.as_mut_slice();
            for u in 0..n {
                let (row, tail) = rest.split_at_mut(start[u + 1] - start[u]);
                slices.push(row);
                rest = tail;
            }
            slices.par_iter_mut().for_each(|row| row.sort_by(order));
        } else {
            for u in 0..n {
                cells[start[u]..start[u + 1]].sort_by(order);
            }
        }
        rows.off.push(0);
        for u in 0..n {
            let row = &cells[start[u]..start[u + 1]];
            let row_start = rows.nbr.len();
            for &(v, w) in row.iter() {
                if rows.nbr.len() > row_start && rows.nbr.last() == Some(&v) {
                    rows.merged += 1;
                    let last = rows.w.len() - 1;
                    rows.w[last] = merge(rows.w[last], w);
                    continue;
                }
                rows.nbr.push(v);
                rows.w.push(w);
            }
            rows.off.push(rows.nbr.len());
        }
        rows
    }

    /// The weight stored for the pair `(u, v)`, if any.
    pub(crate) fn get(&self, u: usize, v: usize) -> Option<f64> {
        let (lo, hi) = (self.off[u], self.off[u + 1]);
        self.nbr[lo..hi]
            .binary_search(&(v as u32))
            .ok()
            .map(|k| self.w[lo + k])
    }
}

impl Graph {
    /// Builds a graph with `n` nodes from edges.
    ///
    /// For an undirected graph each edge may be given once in either
    /// direction (or twice; duplicates merge). Self-loops are dropped and
    /// parallel edges merged keeping the largest weight.
    ///
    /// # Panics
    /// Never on valid indices; callers (the builder) guarantee `u, v < n`.
    /// Out-of-range edges are skipped and counted as self-loops would be not;
    /// they cannot occur through [`crate::build()`].
    pub fn from_edges(n: usize, directed: bool, edges: &[Edge]) -> (Graph, Simplified) {
        let mut simp = Simplified::default();
        let mut list: Vec<(u32, u32, f64)> =
            Vec::with_capacity(edges.len() * if directed { 1 } else { 2 });
        for &(u, v, w) in edges {
            if u >= n || v >= n {
                continue;
            }
            if u == v {
                simp.self_loops += 1;
                continue;
            }
            list.push((u as u32, v as u32, w));
            if !directed {
                list.push((v as u32, u as u32, w));
            }
        }
        let out = Rows::group(n, &list);
        if directed {
            simp.merged = out.merged;
            for t in list.iter_mut() {
                *t = (t.1, t.0, t.2);
            }
            let ins = Rows::group(n, &list);
            (
                Graph {
                    n,
                    directed,
                    edge_count: out.nbr.len(),
                    out_off: out.off,
                    out_nbr: out.nbr,
                    out_w: out.w,
                    in_off: ins.off,
                    in_nbr: ins.nbr,
                    in_w: ins.w,
                },
                simp,
            )
        } else {
            // Every merged pair was seen once from each end.
            simp.merged = out.merged / 2;
            (
                Graph {
                    n,
                    directed,
                    edge_count: out.nbr.len() / 2,
                    in_off: Vec::new(),
                    in_nbr: Vec::new(),
                    in_w: Vec::new(),
                    out_off: out.off,
                    out_nbr: out.nbr,
                    out_w: out.w,
                },
                simp,
            )
        }
    }

    /// The undirected graph whose rows are `rows`, which must hold every
    /// tie from both ends with the same weight and no self-loops (what
    /// [`Graph::from_edges`] would build from one end of each). The builder
    /// uses it when its grouped reports already are that graph, instead of
    /// grouping the same ties a second time.
    pub(crate) fn from_symmetric_rows(n: usize, rows: Rows) -> Graph {
        debug_assert_eq!(rows.off.len(), n + 1);
        Graph {
            n,
            directed: false,
            edge_count: rows.nbr.len() / 2,
            in_off: Vec::new(),
            in_nbr: Vec::new(),
            in_w: Vec::new(),
            out_off: rows.off,
            out_nbr: rows.nbr,
            out_w: rows.w,
        }
    }

    /// Number of nodes.
    #[inline]
    pub fn node_count(&self) -> usize {
        self.n
    }

    /// Number of edges (undirected) or arcs (directed).
    pub fn edge_count(&self) -> usize {
        self.edge_count
    }

    /// Whether the graph is directed.
    #[inline]
    pub fn is_directed(&self) -> bool {
        self.directed
    }

    /// Out-neighbours of `v` (all neighbours when undirected), sorted.
    #[inline]
    pub fn out_neighbors(&self, v: usize) -> &[u32] {
        &self.out_nbr[self.out_off[v]..self.out_off[v + 1]]
    }

    /// Positions of `v`'s out-slots in the graph's out-slot numbering (used
    /// to keep per-tie data, such as lengths, beside the adjacency).
    #[inline]
    pub fn out_slots(&self, v: usize) -> std::ops::Range<usize> {
        self.out_off[v]..self.out_off[v + 1]
    }

    /// Positions of `v`'s in-slots (the out-slots when undirected).
    #[inline]
    pub fn in_slots(&self, v: usize) -> std::ops::Range<usize> {
        if self.directed {
            self.in_off[v]..self.in_off[v + 1]
        } else {
            self.out_slots(v)
        }
    }

    /// Weights beside [`Graph::out_neighbors`].
    #[inline]
    pub fn out_weights(&self, v: usize) -> &[f64] {
        &self.out_w[self.out_off[v]..self.out_off[v + 1]]
    }

    /// In-neighbours of `v` (all neighbours when undirected), sorted.
    #[inline]
    pub fn in_neighbors(&self, v: usize) -> &[u32] {
        if self.directed {
            &self.in_nbr[self.in_off[v]..self.in_off[v + 1]]
        } else {
            self.out_neighbors(v)
        }
    }

    /// Weights beside [`Graph::in_neighbors`].
    #[inline]
    pub fn in_weights(&self, v: usize) -> &[f64] {
        if self.directed {
            &self.in_w[self.in_off[v]..self.in_off[v + 1]]
        } else {
            self.out_weights(v)
        }
    }

    /// Out-degree (degree when undirected).
    #[inline]
    pub fn out_degree(&self, v: usize) -> usize {
        self.out_off[v + 1] - self.out_off[v]
    }

    /// In-degree (degree when undirected).
    #[inline]
    pub fn in_degree(&self, v: usize) -> usize {
        if self.directed {
            self.in_off[v + 1] - self.in_off[v]
        } else {
            self.out_degree(v)
        }
    }

    /// Degree as NetworkX counts it: in + out for directed graphs.
    #[inline]
    pub fn degree(&self, v: usize) -> usize {
        if self.directed {
            self.in_degree(v) + self.out_degree(v)
        } else {
            self.out_degree(v)
        }
    }

    /// The weight of the tie `u → v`, if there is one.
    pub fn weight(&self, u: usize, v: usize) -> Option<f64> {
        let nbrs = self.out_neighbors(u);
        nbrs.binary_search(&(v as u32))
            .ok()
            .map(|i| self.out_weights(u)[i])
    }

    /// Whether there is a tie `u → v` (either direction when undirected).
    pub fn has_edge(&self, u: usize, v: usize) -> bool {
        self.out_neighbors(u).binary_search(&(v as u32)).is_ok()
    }

    /// All edges once: `(u, v, w)`; for undirected graphs with `u < v`.
    pub fn edges(&self) -> impl Iterator<Item = (usize, usize, f64)> + '_ {
        (0..self.n).flat_map(move |u| {
            self.out_neighbors(u)
                .iter()
                .zip(self.out_weights(u))
                .filter(move |(v, _)| self.directed || (u as u32) < **v)
                .map(move |(&v, &w)| (u, v as usize, w))
        })
    }

    /// The underlying undirected graph: an edge wherever there is an arc in
    /// either direction (NetworkX `to_undirected()` on a simple digraph keeps
    /// one of the two weights; here the larger is kept, which is the "either"
    /// combination rule).
    pub fn to_undirected(&self) -> Graph {
        if !self.directed {
            return self.clone();
        }
        let edges: Vec<Edge> = self.edges().collect();
        Graph::from_edges(self.n, false, &edges).0
    }

    /// The subgraph induced by `keep` (node `i` of the result is `keep[i]`).
    pub fn induced(&self, keep: &[usize]) -> Graph {
        let mut map = vec![u32::MAX; self.n];
        for (i, &v) in keep.iter().enumerate() {
            map[v] = i as u32;
        }
        let edges: Vec<Edge> = self
            .edges()
            .filter(|&(u, v, _)| map[u] != u32::MAX && map[v] != u32::MAX)
            .map(|(u, v, w)| (map[u] as usize, map[v] as usize, w))
            .collect();
        Graph::from_edges(keep.len(), self.directed, &edges).0
    }

    /// Total weight of `v`'s ties (in + out for directed graphs).
    pub fn strength(&self, v: usize) -> f64 {
        // `+ 0.0`: an empty float sum is -0.0, which JSON would show as
        // `-0.0` for an isolate (issue 14); -0.0 + 0.0 is +0.0.
        let out: f64 = self.out_weights(v).iter().sum::<f64>() + 0.0;
        if self.directed {
            out + self.in_weights(v).iter().sum::<f64>()
        } else {
            out
        }
    }

    /// Sum of weights of `v`'s outgoing ties.
    pub fn out_strength(&self, v: usize) -> f64 {
        self.out_weights(v).iter().sum::<f64>() + 0.0
    }

    /// Sum of weights of `v`'s incoming ties.
    pub fn in_strength(&self, v: usize) -> f64 {
        self.in_weights(v).iter().sum::<f64>() + 0.0
    }

    /// The largest tie weight (1.0 for a graph without ties, as NetworkX's
    /// weighted clustering assumes).
    pub fn max_weight(&self) -> f64 {
        if self.out_w.is_empty() {
            1.0
        } else {
            self.out_w.iter().copied().fold(f64::NEG_INFINITY, f64::max)
        }
    }

    /// Whether every tie weight is a positive finite number.
    pub fn weights_positive(&self) -> bool {
        self.out_w.iter().all(|w| w.is_finite() && *w > 0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows as a plain sort would give them: by (source, target), a
    /// repeated pair keeping its largest weight or the sum in input order.
    fn reference(n: usize, triples: &[(u32, u32, f64)], sum: bool) -> Rows {
        let mut sorted: Vec<(usize, (u32, u32, f64))> =
            triples.iter().copied().enumerate().collect();
        sorted.sort_by(|(i, a), (j, b)| {
            (a.0, a.1).cmp(&(b.0, b.1)).then_with(|| {
                if sum {
                    i.cmp(j)
                } else {
                    b.2.total_cmp(&a.2).then(i.cmp(j))
                }
            })
        });
        let mut rows = Rows {
            off: vec![0; n + 1],
            nbr: Vec::new(),
            w: Vec::new(),
            merged: 0,
        };
        let mut last: Option<(u32, u32)> = None;
        for (_, (u, v, w)) in sorted {
            if last == Some((u, v)) {
                rows.merged += 1;
                if sum {
                    *rows.w.last_mut().unwrap() += w;
                }
                continue;
            }
            last = Some((u, v));
            rows.nbr.push(v);
            rows.w.push(w);
            rows.off[u as usize + 1] = rows.nbr.len();
        }
        for u in 0..n {
            rows.off[u + 1] = rows.off[u + 1].max(rows.off[u]);
        }
        rows
    }

    #[test]
    fn rows_equal_a_plain_sort_on_both_sides_of_the_parallel_threshold() {
        let mut rng = crate::rng::SplitMix64::new(11);
        for (n, len) in [(50, 400), (3000, PARALLEL_ROWS + 12_345)] {
            let triples: Vec<(u32, u32, f64)> = (0..len)
                .map(|_| {
                    let u = (rng.next_u64() % n as u64) as u32;
                    let v = (rng.next_u64() % n as u64) as u32;
                    (u, v, (rng.next_u64() % 7) as f64 * 0.5)
                })
                .collect();
            for sum in [false, true] {
                let got = if sum {
                    Rows::group_summed(n, &triples)
                } else {
                    Rows::group(n, &triples)
                };
                let want = reference(n, &triples, sum);
                assert_eq!(got.off, want.off, "n {n}, sum {sum}");
                assert_eq!(got.nbr, want.nbr, "n {n}, sum {sum}");
                assert_eq!(got.merged, want.merged, "n {n}, sum {sum}");
                let same = got
                    .w
                    .iter()
                    .zip(&want.w)
                    .all(|(a, b)| a.to_bits() == b.to_bits());
                assert!(same && got.w.len() == want.w.len(), "n {n}, sum {sum}");
            }
        }
    }
}
