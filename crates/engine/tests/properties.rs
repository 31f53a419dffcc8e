//! Property tests: invariants that hold for every network.

#![allow(clippy::needless_range_loop)]

use proptest::prelude::*;
use samspill_engine::graph::Graph;
use samspill_engine::measures::{components, local, paths};

/// A random simple graph: `n` nodes and a list of candidate edges.
fn graph_strategy(directed: bool) -> impl Strategy<Value = Graph> {
    (2usize..18).prop_flat_map(move |n| {
        prop::collection::vec((0..n, 0..n, 1u8..4), 0..(n * 3)).prop_map(move |es| {
            let edges: Vec<(usize, usize, f64)> =
                es.into_iter().map(|(u, v, w)| (u, v, w as f64)).collect();
            Graph::from_edges(n, directed, &edges).0
        })
    })
}

fn permuted(g: &Graph, perm: &[usize]) -> Graph {
    let edges: Vec<(usize, usize, f64)> =
        g.edges().map(|(u, v, w)| (perm[u], perm[v], w)).collect();
    Graph::from_edges(g.node_count(), g.is_directed(), &edges).0
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(1.0)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Renaming people changes no one's numbers.
    #[test]
    fn measures_invariant_under_relabelling(g in prop_oneof![graph_strategy(false), graph_strategy(true)], seed in any::<u64>()) {
        let n = g.node_count();
        let mut perm: Vec<usize> = (0..n).collect();
        samspill_engine::rng::SplitMix64::new(seed).shuffle(&mut perm);
        let h = permuted(&g, &perm);
        for weighted in [false, true] {
            let lg = if weighted { paths::Lengths::inverse_weights(&g) } else { paths::Lengths::Hops };
            let lh = if weighted { paths::Lengths::inverse_weights(&h) } else { paths::Lengths::Hops };
            let all: Vec<usize> = (0..n).collect();
            let bg = paths::betweenness(&g, &lg, None);
            let bh = paths::betweenness(&h, &lh, None);
            let cg = paths::closeness(&g, &lg, &all);
            let ch = paths::closeness(&h, &lh, &all);
            let kg = local::clustering(&g, weighted);
            let kh = local::clustering(&h, weighted);
            let sg = local::constraint(&g, weighted);
            let sh = local::constraint(&h, weighted);
            for v in 0..n {
                prop_assert!(close(bg[v], bh[perm[v]]), "betweenness of {} moved", v);
                prop_assert!(close(cg[v], ch[perm[v]]), "closeness of {} moved", v);
                prop_assert!(close(kg[v], kh[perm[v]]), "clustering of {} moved", v);
                match (sg[v], sh[perm[v]]) {
                    (Some(a), Some(b)) => prop_assert!(close(a, b)),
                    (None, None) => {}
                    _ => prop_assert!(false, "constraint definedness moved"),
                }
            }
        }
        let core_g = local::core_number(&g);
        let core_h = local::core_number(&h);
        for v in 0..n {
            prop_assert_eq!(core_g[v], core_h[perm[v]]);
        }
    }

    /// In an undirected graph, betweenness summed over people equals the
    /// number of intermediaries summed over connected pairs: Σ_v B(v) =
    /// Σ_{s<t connected} (d(s,t) − 1).
    #[test]
    fn betweenness_sums_to_path_interiors(g in graph_strategy(false)) {
        let n = g.node_count();
        prop_assume!(n >= 3);
        let b = paths::betweenness(&g, &paths::Lengths::Hops, None);
        let raw: f64 = b.iter().sum::<f64>() * ((n - 1) * (n - 2)) as f64 / 2.0;
        let all: Vec<usize> = (0..n).collect();
        let reach = paths::reach(&g, &paths::Lengths::Hops, &all, false, None);
        let interior: f64 = reach.iter().map(|r| r.total - (r.reached - 1) as f64).sum::<f64>() / 2.0;
        prop_assert!((raw - interior).abs() < 1e-6, "{} vs {}", raw, interior);
    }

    /// Removing an articulation point increases the number of components;
    /// removing anyone else does not.
    #[test]
    fn articulation_points_split(g in graph_strategy(false)) {
        let n = g.node_count();
        let cut = components::articulation_points(&g);
        let before = components::weak_components(&g).1;
        for v in 0..n {
            let keep: Vec<usize> = (0..n).filter(|&x| x != v).collect();
            let after = components::weak_components(&g.induced(&keep)).1;
            // Removing an isolate removes a component; otherwise the others
            // stay in at least as many pieces.
            let isolate = g.degree(v) == 0;
            if cut[v] {
                prop_assert!(after > before, "cut vertex {} did not split", v);
            } else if !isolate {
                prop_assert_eq!(after, before, "non-cut vertex {} split", v);
            }
        }
    }

    /// Strong components refine weak ones, and Tarjan agrees with mutual
    /// reachability.
    #[test]
    fn strong_components_are_mutual_reachability(g in graph_strategy(true)) {
        let n = g.node_count();
        let (scc, _) = components::strong_components(&g);
        let all: Vec<usize> = (0..n).collect();
        let _ = all;
        let reaches = |s: usize| {
            let mut seen = vec![false; n];
            let mut stack = vec![s];
            seen[s] = true;
            while let Some(v) = stack.pop() {
                for &w in g.out_neighbors(v) {
                    if !seen[w as usize] { seen[w as usize] = true; stack.push(w as usize); }
                }
            }
            seen
        };
        let r: Vec<Vec<bool>> = (0..n).map(reaches).collect();
        for u in 0..n {
            for v in 0..n {
                prop_assert_eq!(scc[u] == scc[v], r[u][v] && r[v][u]);
            }
        }
    }
}

/// Bridge builders on a textbook shape: two triangles joined through one
/// middle person ("barbell"). The middle person splits the network and
/// carries every between-community path; the two people beside them split
/// it too.
#[test]
fn barbell_bridge_builders() {
    use samspill_engine::bridges::{BridgeReason, bridges};
    let edges = [
        (0, 1),
        (1, 2),
        (0, 2),
        (2, 3),
        (3, 4),
        (4, 5),
        (5, 6),
        (4, 6),
    ];
    let e: Vec<(usize, usize, f64)> = edges.iter().map(|&(u, v)| (u, v, 1.0)).collect();
    let g = Graph::from_edges(7, false, &e).0;
    let community = [0, 0, 0, 0, 1, 1, 1];
    let b = bridges(&g, &community);
    assert_eq!(b.builders, vec![2, 3, 4]);
    assert!(b.nodes[3].reasons.contains(&BridgeReason::Splits));
    assert_eq!(b.nodes[3].components_added, 1);
    assert!(b.nodes[0].reasons.is_empty());
    // Every between-community path runs through 3 and 4.
    assert!((b.nodes[4].between_community_share.unwrap() - 1.0).abs() < 1e-12);
    assert_eq!(b.chains.len(), 1);
    assert_eq!(b.chains[0].nodes, vec![3, 4]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The bridge rules' removal effects equal a brute-force recomputation:
    /// remove the person, recompute all distances among the others of the
    /// component, compare the pairs still connected.
    #[test]
    fn removal_effects_equal_brute_force(g in graph_strategy(false)) {
        use samspill_engine::bridges::bridges;
        let n = g.node_count();
        let (comp, _) = components::weak_components(&g);
        let community = vec![0usize; n];
        let b = bridges(&g, &community);
        let all: Vec<usize> = (0..n).collect();
        let dist = |h: &Graph| -> Vec<Vec<Option<u32>>> {
            (0..h.node_count()).map(|s| {
                let mut d = vec![None; h.node_count()];
                d[s] = Some(0);
                let mut q = std::collections::VecDeque::from([s]);
                while let Some(v) = q.pop_front() {
                    for &w in h.out_neighbors(v) {
                        if d[w as usize].is_none() { d[w as usize] = Some(d[v].unwrap() + 1); q.push_back(w as usize); }
                    }
                }
                d
            }).collect()
        };
        let _ = all;
        let full = dist(&g);
        for v in 0..n {
            let members: Vec<usize> = (0..n).filter(|&x| comp[x] == comp[v] && x != v).collect();
            if members.len() < 2 {
                prop_assert_eq!(b.nodes[v].distance_increase, None);
                continue;
            }
            let h = g.induced(&members);
            let after = dist(&h);
            let (mut sb, mut sa) = (0.0, 0.0);
            for i in 0..members.len() {
                for j in 0..members.len() {
                    if let (true, Some(d)) = (i != j, after[i][j]) {
                        sa += d as f64;
                        sb += full[members[i]][members[j]].unwrap() as f64;
                    }
                }
            }
            match b.nodes[v].distance_increase {
                // No pair of the others stays connected: nothing to compare.
                None => prop_assert!(sb == 0.0),
                Some(got) => {
                    let expected = sa / sb - 1.0;
                    prop_assert!((got - expected).abs() < 1e-12, "node {}: {} vs {}", v, got, expected);
                }
            }
            let pieces = components::weak_components(&h).1;
            prop_assert_eq!(b.nodes[v].components_added, pieces - 1);
        }
    }
}

/// Closeness and harmonic closeness by hops on graphs large enough for the
/// parallel, direction-optimising search (top-down and bottom-up levels)
/// equal a plain breadth-first search, directed (incoming distances) and
/// undirected, connected or not.
#[test]
fn large_hop_closeness_equals_plain_bfs() {
    let mut rng = samspill_engine::rng::SplitMix64::new(7);
    for (directed, n, m) in [
        (false, 3000, 30_000),
        (true, 2500, 20_000),
        (false, 2000, 1500),
    ] {
        let edges: Vec<(usize, usize, f64)> = (0..m)
            .map(|_| {
                let u = (rng.next_u64() % n as u64) as usize;
                let v = (rng.next_u64() % n as u64) as usize;
                (u, v, 1.0)
            })
            .collect();
        let g = Graph::from_edges(n, directed, &edges).0;
        let nodes: Vec<usize> = (0..n).step_by(7).collect();
        let clo = paths::closeness(&g, &paths::Lengths::Hops, &nodes);
        let har = paths::harmonic(&g, &paths::Lengths::Hops, &nodes);
        for (i, &u) in nodes.iter().enumerate() {
            // Distances *to* u: follow in-ties from u.
            let mut d = vec![u32::MAX; n];
            d[u] = 0;
            let mut q = std::collections::VecDeque::from([u]);
            while let Some(v) = q.pop_front() {
                for &w in g.in_neighbors(v) {
                    if d[w as usize] == u32::MAX {
                        d[w as usize] = d[v] + 1;
                        q.push_back(w as usize);
                    }
                }
            }
            let reached: Vec<u32> = d.iter().copied().filter(|&x| x != u32::MAX).collect();
            let total: f64 = reached.iter().map(|&x| x as f64).sum();
            let r = reached.len() as f64;
            let expected = if total > 0.0 {
                (r - 1.0) / total * (r - 1.0) / (n as f64 - 1.0)
            } else {
                0.0
            };
            let h: f64 = reached
                .iter()
                .filter(|&&x| x > 0)
                .map(|&x| 1.0 / x as f64)
                .sum();
            assert!(
                close(clo[i], expected),
                "closeness of {u}: {} vs {expected}",
                clo[i]
            );
            assert!(close(har[i], h), "harmonic of {u}: {} vs {h}", har[i]);
        }
    }
}

/// Eigenvector centrality by a plain sequential power iteration on A + I
/// from the uniform vector, until no entry changes by `tol`.
fn plain_eigenvector(g: &Graph, weighted: bool, tol: f64) -> Vec<f64> {
    let n = g.node_count();
    let mut x = vec![1.0 / n as f64; n];
    for _ in 0..100_000 {
        let mut next: Vec<f64> = (0..n)
            .map(|v| {
                x[v] + g
                    .in_neighbors(v)
                    .iter()
                    .zip(g.in_weights(v))
                    .map(|(&u, &w)| if weighted { w } else { 1.0 } * x[u as usize])
                    .sum::<f64>()
            })
            .collect();
        let norm = next.iter().map(|a| a * a).sum::<f64>().sqrt();
        next.iter_mut().for_each(|a| *a /= norm);
        let diff = next
            .iter()
            .zip(&x)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        x = next;
        if diff < tol {
            break;
        }
    }
    x
}

/// A ring of `n` nodes (ties of `ring_weight`) with `chords` random chords
/// whose weights `chord_weight` draws, the two ends drawn first: connected,
/// with short paths, like the benchmark graphs.
fn ring_with_chords(
    n: usize,
    chords: usize,
    seed: u64,
    ring_weight: f64,
    mut chord_weight: impl FnMut(&mut samspill_engine::rng::SplitMix64) -> f64,
) -> Graph {
    let mut rng = samspill_engine::rng::SplitMix64::new(seed);
    let mut edges: Vec<(usize, usize, f64)> =
        (0..n).map(|v| (v, (v + 1) % n, ring_weight)).collect();
    for _ in 0..chords {
        let u = (rng.next_u64() % n as u64) as usize;
        let v = (rng.next_u64() % n as u64) as usize;
        edges.push((u, v, chord_weight(&mut rng)));
    }
    Graph::from_edges(n, false, &edges).0
}

/// Every value of `got` within `tol` of `want`.
fn assert_close(what: &str, got: &[f64], want: &[f64], tol: f64) {
    assert_eq!(got.len(), want.len(), "{what}");
    for (v, (a, b)) in got.iter().zip(want).enumerate() {
        assert!((a - b).abs() < tol, "{what} of node {v}: {a} vs {b}");
    }
}

/// On a graph large enough for the parallel iteration, eigenvector
/// centrality and PageRank equal a plain sequential power iteration.
#[test]
fn large_spectral_measures_equal_plain_iteration() {
    use samspill_engine::measures::spectral;
    let n = 25_000;
    let g = ring_with_chords(n, 4 * n, 11, 1.0, |_| 1.0);
    let got = spectral::eigenvector(&g, false).expect("connected");
    assert_close(
        "eigenvector",
        &got,
        &plain_eigenvector(&g, false, 1e-13),
        1e-9,
    );
    let pr = spectral::pagerank(&g, false, 0.85);
    let mut p = vec![1.0 / n as f64; n];
    for _ in 0..10_000 {
        let next: Vec<f64> = (0..n)
            .map(|v| {
                0.15 / n as f64
                    + 0.85
                        * g.in_neighbors(v)
                            .iter()
                            .map(|&u| p[u as usize] / g.out_degree(u as usize) as f64)
                            .sum::<f64>()
            })
            .collect();
        let err: f64 = next.iter().zip(&p).map(|(a, b)| (a - b).abs()).sum();
        p = next;
        if err < 1e-15 {
            break;
        }
    }
    assert_close("pagerank", &pr, &p, 1e-12);
}

/// The Lanczos start of large undirected graphs leads to the same vector as
/// a plain power iteration on A + I from the uniform vector: weighted, and
/// on a bipartite grid (whose most negative eigenvalue mirrors the largest).
#[test]
fn large_eigenvector_from_the_lanczos_start_equals_plain_iteration() {
    use samspill_engine::measures::spectral;
    // Weighted: a ring with random chords of weight 1–3.
    let n = 6000;
    let weighted = ring_with_chords(n, 3 * n, 5, 2.0, |rng| 1.0 + (rng.next_u64() % 3) as f64);
    // Bipartite: a 80 × 60 grid.
    let (w, h) = (80, 60);
    let mut grid = Vec::new();
    for r in 0..h {
        for c in 0..w {
            let v = r * w + c;
            if c + 1 < w {
                grid.push((v, v + 1, 1.0));
            }
            if r + 1 < h {
                grid.push((v, v + w, 1.0));
            }
        }
    }
    let grid = Graph::from_edges(w * h, false, &grid).0;
    for (g, weighted, what) in [(&weighted, true, "weighted"), (&grid, false, "grid")] {
        let got = spectral::eigenvector(g, weighted).expect("connected");
        let want = plain_eigenvector(g, weighted, 1e-14);
        assert_close(what, &got, &want, 1e-9);
    }
}
