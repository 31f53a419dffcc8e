//! Issue 14: paths where the engine used to give a wrong number without a
//! word. The values themselves are checked against NetworkX in
//! `tests/vectors.rs` (cases `float_path_3`, `real_weights_*`,
//! `int_weights_1_60`, `star_*`, `complete_bipartite_2_70`, `pa_tree_*`);
//! these tests check the properties for many more shapes.

use proptest::prelude::*;
use samspill_engine::analysis::{AnalysisOptions, MetricSet};
use samspill_engine::build::{BuildOptions, Combine, Threshold};
use samspill_engine::graph::Graph;
use samspill_engine::measures::{paths, spectral};
use samspill_engine::model::{AttrValue, DIRECTED_ATTRIBUTE, Network, Person, Relation, Tie};
use samspill_engine::rng::SplitMix64;
use samspill_engine::{analyze, build};

/// A preferential-attachment tree on `n` nodes (each new node joins an end
/// of a uniformly chosen existing edge, i.e. proportionally to degree).
fn pa_tree(n: usize, seed: u64) -> Graph {
    let mut rng = SplitMix64::new(seed);
    let mut ends: Vec<usize> = vec![0, 1];
    let mut edges = vec![(0, 1, 1.0)];
    for v in 2..n {
        let u = ends[(rng.next_u64() % ends.len() as u64) as usize];
        edges.push((u, v, 1.0));
        ends.extend([u, v]);
    }
    Graph::from_edges(n, false, &edges).0
}

fn star(n: usize) -> Graph {
    let edges: Vec<_> = (1..n).map(|v| (0, v, 1.0)).collect();
    Graph::from_edges(n, false, &edges).0
}

fn complete_bipartite(a: usize, b: usize) -> Graph {
    let edges: Vec<_> = (0..a)
        .flat_map(|u| (a..a + b).map(move |v| (u, v, 1.0)))
        .collect();
    Graph::from_edges(a + b, false, &edges).0
}

/// The eigenvector of a star is known in closed form: hub `1/√2`, each of
/// the `n − 1` leaves `1/√(2(n − 1))`.
#[test]
fn stars_of_every_size_from_3_to_300_converge_to_the_closed_form() {
    for n in 3..=300 {
        let x = spectral::eigenvector(&star(n), false)
            .unwrap_or_else(|| panic!("star of {n}: eigenvector undefined"));
        let hub = std::f64::consts::FRAC_1_SQRT_2;
        let leaf = 1.0 / (2.0 * (n - 1) as f64).sqrt();
        assert!((x[0] - hub).abs() < 1e-12, "star {n}: hub {}", x[0]);
        for (v, &xv) in x.iter().enumerate().skip(1) {
            assert!((xv - leaf).abs() < 1e-12, "star {n}: leaf {v} {xv}");
        }
    }
}

/// K(2, n): the two hubs `1/2` each, the `n` others `1/√(2n)`.
#[test]
fn complete_bipartite_2_n_converges() {
    for n in [3, 10, 70, 71, 150] {
        let x = spectral::eigenvector(&complete_bipartite(2, n), false)
            .unwrap_or_else(|| panic!("K(2,{n}): eigenvector undefined"));
        assert!((x[0] - 0.5).abs() < 1e-12 && (x[1] - 0.5).abs() < 1e-12);
        let other = 1.0 / (2.0 * n as f64).sqrt();
        assert!(
            x[2..].iter().all(|&v| (v - other).abs() < 1e-12),
            "K(2,{n})"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A connected graph always gets an eigenvector (never «undefined»),
    /// and it is a fixed point of `A x = λ x` to rounding.
    #[test]
    fn connected_trees_always_get_an_eigenvector(n in 2usize..400, seed in any::<u64>()) {
        let g = pa_tree(n, seed);
        let x = spectral::eigenvector(&g, false);
        prop_assert!(x.is_some(), "PA tree n={} seed={}: undefined", n, seed);
        let x = x.unwrap_or_default();
        // Rayleigh quotient and residual.
        let ax: Vec<f64> = (0..n)
            .map(|v| g.in_neighbors(v).iter().map(|&u| x[u as usize]).sum())
            .collect();
        let lambda: f64 = ax.iter().zip(&x).map(|(a, b)| a * b).sum();
        let res = ax
            .iter()
            .zip(&x)
            .map(|(a, b)| (a - lambda * b).abs())
            .fold(0.0f64, f64::max);
        prop_assert!(res < 1e-9 * lambda.max(1.0), "residual {}", res);
    }

    /// With real weights (lengths in floating point), a path's middle
    /// person carries all shortest paths and has the closeness of the
    /// exact sums, whatever the weights.
    #[test]
    fn float_lengths_give_real_path_measures(w1 in 0.0001f64..100.0, w2 in 0.0001f64..100.0) {
        let g = Graph::from_edges(3, false, &[(0, 1, w1), (1, 2, w2)]).0;
        let lengths = paths::Lengths::inverse_weights(&g);
        let b = paths::betweenness(&g, &lengths, None);
        prop_assert!((b[1] - 1.0).abs() < 1e-12, "betweenness {:?}", b);
        let c = paths::closeness(&g, &lengths, &[0, 1, 2]);
        let want = 2.0 / (1.0 / w1 + 1.0 / w2);
        prop_assert!((c[1] - want).abs() < 1e-12 * want, "closeness {} != {}", c[1], want);
    }
}

/// The issue's example: values 0.1804 and 0.1474 need a denominator above
/// the exact path's limit, so lengths are floating point, and the measures
/// are real (NetworkX: betweenness of the middle 1.0, closeness 0.1622).
#[test]
fn issue_example_path_is_not_zero() {
    let g = Graph::from_edges(3, false, &[(0, 1, 0.1804), (1, 2, 0.1474)]).0;
    let lengths = paths::Lengths::inverse_weights(&g);
    assert!(!lengths.is_exact());
    let b = paths::betweenness(&g, &lengths, None);
    assert_eq!(b, vec![0.0, 1.0, 0.0]);
    let c = paths::closeness(&g, &lengths, &[1]);
    assert!((c[0] - 0.162_238_926_174_496_64).abs() < 1e-12, "{c:?}");
}

/// Two paths whose float sums differ only by rounding are both shortest
/// (the stated tolerance), so the pair's dependency is split between them.
#[test]
fn float_ties_within_the_tolerance_count_as_ties() {
    // s=0 → a=1 → t=3 and s=0 → b=2 → t=3, lengths 0.1 + 0.2 and
    // 0.2 + 0.1 written through weights 10, 5 / 5, 10 perturbed in the
    // last bits so that the lengths are not exact integers.
    // 0.1804 forces floating point (no small denominator); the two paths
    // 0 → 1 → 3 and 0 → 2 → 3 both have length 1/0.1804 + 1/0.35 in
    // different orders, and a third weight nudged by 1e-13 keeps them
    // within the tolerance but not bit-equal.
    let g = Graph::from_edges(
        4,
        false,
        &[
            (0, 1, 0.1804),
            (1, 3, 0.35),
            (0, 2, 0.35),
            (2, 3, 0.1804 * (1.0 + 1e-13)),
        ],
    )
    .0;
    let lengths = paths::Lengths::inverse_weights(&g);
    assert!(!lengths.is_exact());
    let b = paths::betweenness(&g, &lengths, None);
    assert!((b[1] - b[2]).abs() < 1e-12, "{b:?}");
    assert!(b[1] > 0.0);
    const { assert!(paths::FLOAT_TIE_TOLERANCE > 0.0) };
}

fn net(ties: Vec<Tie>, n: usize, directed_declared: bool) -> Network {
    let mut net = Network {
        name: "n".into(),
        people: (0..n)
            .map(|i| Person::new(i.to_string(), i.to_string()))
            .collect(),
        relations: vec![Relation {
            name: "r".into(),
            ties,
        }],
        ..Network::default()
    };
    if directed_declared {
        net.attributes
            .insert(DIRECTED_ATTRIBUTE.to_string(), AttrValue::Bool(true));
    }
    net
}

fn opts(weighted: bool) -> BuildOptions {
    BuildOptions {
        combine: Combine::Keep,
        threshold: Threshold::All,
        weighted,
        ..BuildOptions::file()
    }
}

/// A directed file without ties is analysed as directed.
#[test]
fn declared_direction_holds_without_ties() {
    let an = build(&net(Vec::new(), 4, true), &opts(false)).unwrap();
    assert!(an.graph.is_directed());
    let an = build(&net(Vec::new(), 4, false), &opts(false)).unwrap();
    assert!(!an.graph.is_directed());
    // Ties decide when there are any.
    let an = build(&net(vec![Tie::edge(0, 1, 1.0)], 4, true), &opts(false)).unwrap();
    assert!(!an.graph.is_directed());
}

/// Isolates have strength 0, written `0.0`, never `-0.0`.
#[test]
fn isolates_have_positive_zero_strength() {
    for directed in [false, true] {
        let t = if directed {
            Tie::arc(0, 1, 2.0)
        } else {
            Tie::edge(0, 1, 2.0)
        };
        let n = net(vec![t], 3, false);
        let an = build(&n, &opts(true)).unwrap();
        let res = analyze(
            &n,
            &an,
            &AnalysisOptions {
                metrics: MetricSet::parse("strength").unwrap(),
                ..AnalysisOptions::default()
            },
        );
        let json = serde_json::to_string(&res.nodes).unwrap();
        assert!(!json.contains("-0.0"), "{json}");
        let s = res.nodes[2].strength.unwrap();
        assert!(s == 0.0 && s.is_sign_positive());
    }
}
