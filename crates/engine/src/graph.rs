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
    /// they cannot occur through [`crate::build`].
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
            if directed {
                list.push((u as u32, v as u32, w));
            } else {
                let (a, b) = if u < v { (u, v) } else { (v, u) };
                list.push((a as u32, b as u32, w));
            }
        }
        list.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)).then(b.2.total_cmp(&a.2)));
        let before = list.len();
        list.dedup_by(|next, kept| next.0 == kept.0 && next.1 == kept.1);
        simp.merged = before - list.len();
        let edge_count = list.len();

        let build = |pairs: &mut Vec<(u32, u32, f64)>| -> (Vec<usize>, Vec<u32>, Vec<f64>) {
            pairs.sort_by_key(|p| (p.0, p.1));
            let mut off = vec![0usize; n + 1];
            for &(u, _, _) in pairs.iter() {
                off[u as usize + 1] += 1;
            }
            for i in 0..n {
                off[i + 1] += off[i];
            }
            let nbr = pairs.iter().map(|p| p.1).collect();
            let w = pairs.iter().map(|p| p.2).collect();
            (off, nbr, w)
        };

        if directed {
            let mut outs = list.clone();
            let (out_off, out_nbr, out_w) = build(&mut outs);
            let mut ins: Vec<(u32, u32, f64)> = list.iter().map(|&(u, v, w)| (v, u, w)).collect();
            let (in_off, in_nbr, in_w) = build(&mut ins);
            (
                Graph {
                    n,
                    directed,
                    edge_count,
                    out_off,
                    out_nbr,
                    out_w,
                    in_off,
                    in_nbr,
                    in_w,
                },
                simp,
            )
        } else {
            let mut both: Vec<(u32, u32, f64)> = Vec::with_capacity(list.len() * 2);
            for &(u, v, w) in &list {
                both.push((u, v, w));
                both.push((v, u, w));
            }
            let (out_off, out_nbr, out_w) = build(&mut both);
            (
                Graph {
                    n,
                    directed,
                    edge_count,
                    in_off: Vec::new(),
                    in_nbr: Vec::new(),
                    in_w: Vec::new(),
                    out_off,
                    out_nbr,
                    out_w,
                },
                simp,
            )
        }
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.n
    }

    /// Number of edges (undirected) or arcs (directed).
    pub fn edge_count(&self) -> usize {
        self.edge_count
    }

    /// Whether the graph is directed.
    pub fn is_directed(&self) -> bool {
        self.directed
    }

    /// Out-neighbours of `v` (all neighbours when undirected), sorted.
    pub fn out_neighbors(&self, v: usize) -> &[u32] {
        &self.out_nbr[self.out_off[v]..self.out_off[v + 1]]
    }

    /// Positions of `v`'s out-slots in the graph's out-slot numbering (used
    /// to keep per-tie data, such as lengths, beside the adjacency).
    pub fn out_slots(&self, v: usize) -> std::ops::Range<usize> {
        self.out_off[v]..self.out_off[v + 1]
    }

    /// Positions of `v`'s in-slots (the out-slots when undirected).
    pub fn in_slots(&self, v: usize) -> std::ops::Range<usize> {
        if self.directed {
            self.in_off[v]..self.in_off[v + 1]
        } else {
            self.out_slots(v)
        }
    }

    /// Weights beside [`Graph::out_neighbors`].
    pub fn out_weights(&self, v: usize) -> &[f64] {
        &self.out_w[self.out_off[v]..self.out_off[v + 1]]
    }

    /// In-neighbours of `v` (all neighbours when undirected), sorted.
    pub fn in_neighbors(&self, v: usize) -> &[u32] {
        if self.directed {
            &self.in_nbr[self.in_off[v]..self.in_off[v + 1]]
        } else {
            self.out_neighbors(v)
        }
    }

    /// Weights beside [`Graph::in_neighbors`].
    pub fn in_weights(&self, v: usize) -> &[f64] {
        if self.directed {
            &self.in_w[self.in_off[v]..self.in_off[v + 1]]
        } else {
            self.out_weights(v)
        }
    }

    /// Out-degree (degree when undirected).
    pub fn out_degree(&self, v: usize) -> usize {
        self.out_off[v + 1] - self.out_off[v]
    }

    /// In-degree (degree when undirected).
    pub fn in_degree(&self, v: usize) -> usize {
        if self.directed {
            self.in_off[v + 1] - self.in_off[v]
        } else {
            self.out_degree(v)
        }
    }

    /// Degree as NetworkX counts it: in + out for directed graphs.
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
        let out: f64 = self.out_weights(v).iter().sum();
        if self.directed {
            out + self.in_weights(v).iter().sum::<f64>()
        } else {
            out
        }
    }

    /// Sum of weights of `v`'s outgoing ties.
    pub fn out_strength(&self, v: usize) -> f64 {
        self.out_weights(v).iter().sum()
    }

    /// Sum of weights of `v`'s incoming ties.
    pub fn in_strength(&self, v: usize) -> f64 {
        self.in_weights(v).iter().sum()
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
