//! The bridge-builder rules at their exact limits, on a network of several
//! components and three communities (issue 14).
//!
//! The network joins, as separate components, a 9-person network in which
//! removing person 2 lengthens the others' mean distance by exactly 1/10
//! (and removing person 1 by 5/51, just below), a 5-person network in which
//! person 11 carries exactly 1/4 of the between-community shortest paths
//! (and person 12 1/5, just below), a 3-person chain and an isolate. Every
//! expected value is an exact fraction worked out by brute force (each
//! person removed, every shortest path listed) with NetworkX 3.7
//! (`nx.single_source_shortest_path_length`, `nx.all_shortest_paths`), not
//! by the engine.

use samspill_engine::bridges::{BridgeReason, CARRY_THRESHOLD, LENGTHEN_THRESHOLD, bridges};
use samspill_engine::graph::Graph;

const NINE: [(usize, usize); 14] = [
    (0, 3),
    (1, 2),
    (1, 3),
    (1, 4),
    (1, 5),
    (1, 6),
    (2, 3),
    (2, 5),
    (2, 7),
    (3, 5),
    (3, 6),
    (4, 8),
    (6, 8),
    (7, 8),
];
const FIVE: [(usize, usize); 6] = [(0, 2), (0, 3), (0, 4), (1, 2), (1, 3), (2, 3)];
const COMMUNITY: [usize; 18] = [1, 1, 0, 0, 0, 0, 2, 2, 2, 1, 2, 0, 2, 1, 0, 1, 2, 0];

/// A fraction `(numerator, denominator)`.
type Frac = (u32, u32);

/// (distance increase, between-community share) per person, as fractions.
const EXPECTED: [(Option<Frac>, Option<Frac>); 18] = [
    (Some((0, 1)), Some((0, 1))),
    (Some((5, 51)), Some((3, 19))),
    (Some((1, 10)), Some((17, 84))),
    (Some((0, 1)), Some((29, 84))),
    (Some((0, 1)), Some((1, 28))),
    (Some((0, 1)), Some((0, 1))),
    (Some((2, 49)), Some((3, 20))),
    (Some((1, 47)), Some((1, 16))),
    (Some((2, 47)), Some((3, 40))),
    (Some((0, 1)), Some((3, 5))),
    (Some((0, 1)), Some((0, 1))),
    (Some((0, 1)), Some((1, 4))),
    (Some((0, 1)), Some((1, 5))),
    (Some((0, 1)), Some((0, 1))),
    (Some((0, 1)), Some((0, 1))),
    (None, Some((1, 1))),
    (Some((0, 1)), Some((0, 1))),
    (None, Some((0, 1))),
];

fn network() -> Graph {
    let mut edges: Vec<(usize, usize, f64)> = NINE.iter().map(|&(u, v)| (u, v, 1.0)).collect();
    edges.extend(FIVE.iter().map(|&(u, v)| (u + 9, v + 9, 1.0)));
    edges.extend([(14, 15, 1.0), (15, 16, 1.0)]);
    Graph::from_edges(18, false, &edges).0
}

#[test]
fn limits_are_inclusive_and_values_exact() {
    assert_eq!(LENGTHEN_THRESHOLD, 0.10);
    assert_eq!(CARRY_THRESHOLD, 0.25);
    let b = bridges(&network(), &COMMUNITY);
    for (v, (inc, share)) in EXPECTED.iter().enumerate() {
        let node = &b.nodes[v];
        match (inc, node.distance_increase) {
            (Some((p, q)), Some(x)) => assert!(
                (x - *p as f64 / *q as f64).abs() < 1e-12,
                "person {v}: increase {x}, expected {p}/{q}"
            ),
            (None, None) => {}
            (e, g) => panic!("person {v}: increase {g:?}, expected {e:?}"),
        }
        match (share, node.between_community_share) {
            (Some((p, q)), Some(x)) => assert!(
                (x - *p as f64 / *q as f64).abs() < 1e-12,
                "person {v}: share {x}, expected {p}/{q}"
            ),
            (e, g) => panic!("person {v}: share {g:?}, expected {e:?}"),
        }
    }
    let reasons = |v: usize| b.nodes[v].reasons.clone();
    use BridgeReason::*;
    // Exactly 10 %: lengthens. 5/51 (9.8 %): does not.
    assert_eq!(reasons(2), vec![Lengthens]);
    assert_eq!(reasons(1), vec![]);
    // Exactly 25 %: carries. 20 %: does not.
    assert_eq!(reasons(11), vec![Carries]);
    assert_eq!(reasons(12), vec![]);
    // Articulation points split, in every component.
    assert_eq!(reasons(3), vec![Splits, Carries]);
    assert_eq!(reasons(9), vec![Splits, Carries]);
    assert_eq!(reasons(15), vec![Splits, Carries]);
    assert_eq!(b.builders, vec![2, 3, 9, 11, 15]);
    for v in [0, 4, 5, 6, 7, 8, 10, 13, 14, 16, 17] {
        assert!(reasons(v).is_empty(), "person {v}: {:?}", reasons(v));
    }
    // Chains only between communities that share a component: all three
    // pairs do here (the nine-person component holds 0, 1 and 2).
    let pairs: Vec<(usize, usize)> = b.chains.iter().map(|c| (c.from, c.to)).collect();
    assert_eq!(pairs, vec![(0, 1), (0, 2), (1, 2)]);
    for c in &b.chains {
        assert_eq!(COMMUNITY[c.nodes[0]], c.from);
        assert_eq!(COMMUNITY[*c.nodes.last().unwrap()], c.to);
    }
}

/// Just above and below each limit by the smallest margin the rules can
/// see: the same components with the thresholds' neighbours.
#[test]
fn values_a_hair_below_the_limits_do_not_count() {
    let b = bridges(&network(), &COMMUNITY);
    let inc1 = b.nodes[1].distance_increase.unwrap();
    assert!(inc1 < LENGTHEN_THRESHOLD && inc1 > 0.09);
    let share12 = b.nodes[12].between_community_share.unwrap();
    assert!(share12 < CARRY_THRESHOLD);
    let share2 = b.nodes[2].between_community_share.unwrap();
    assert!(share2 < CARRY_THRESHOLD && share2 > 0.2);
}

/// Hop distances from `s` with `removed` taken out (plain BFS, written
/// here independently of the engine).
fn distances_without(
    edges: &[(usize, usize)],
    n: usize,
    removed: usize,
    s: usize,
) -> Vec<Option<u32>> {
    let mut adj = vec![Vec::new(); n];
    for &(u, v) in edges {
        adj[u].push(v);
        adj[v].push(u);
    }
    let mut dist = vec![None; n];
    dist[s] = Some(0);
    let mut queue = std::collections::VecDeque::from([s]);
    while let Some(v) = queue.pop_front() {
        for &w in &adj[v] {
            if w != removed && dist[w].is_none() {
                dist[w] = Some(dist[v].unwrap() + 1);
                queue.push_back(w);
            }
        }
    }
    dist
}

/// Where many shortest paths meet in one person: s reaches the hub over
/// three people, the hub reaches t over three more (σ(s,hub) = σ(hub,t) =
/// 3, σ(s,t) = 9, every one through the hub), and a longer way round from
/// s to t avoids the hub. The engine's shortcut (only targets all of whose
/// shortest paths run through the person can move) must then recognise t
/// as moved from the product of the path counts; the distance increase of
/// every person is checked against brute force (each person removed, the
/// distances among those who stay connected summed before and after).
#[test]
fn distance_increase_where_many_shortest_paths_meet_equals_brute_force() {
    // 0 = s, 1..=3 = a, 4 = hub, 5..=7 = b, 8 = t, 9..=12 = the way round.
    let mut edges = vec![];
    for a in 1..=3 {
        edges.push((0, a));
        edges.push((a, 4));
    }
    for b in 5..=7 {
        edges.push((4, b));
        edges.push((b, 8));
    }
    edges.extend([(0, 9), (9, 10), (10, 11), (11, 12), (12, 8)]);
    let n = 13;
    let weighted: Vec<(usize, usize, f64)> = edges.iter().map(|&(u, v)| (u, v, 1.0)).collect();
    let g = Graph::from_edges(n, false, &weighted).0;
    let b = bridges(&g, &[0; 13]);
    for v in 0..n {
        let (mut before, mut after) = (0u64, 0u64);
        for s in (0..n).filter(|&s| s != v) {
            let d = distances_without(&edges, n, usize::MAX, s);
            let d2 = distances_without(&edges, n, v, s);
            for t in (0..n).filter(|&t| t != v && t != s) {
                if let (Some(x), Some(y)) = (d[t], d2[t]) {
                    before += u64::from(x);
                    after += u64::from(y);
                }
            }
        }
        let expected = after as f64 / before as f64 - 1.0;
        let got = b.nodes[v].distance_increase.expect("a connected network");
        assert!(
            (got - expected).abs() < 1e-12,
            "person {v}: {got}, brute force {after}/{before} - 1 = {expected}"
        );
    }
    // The hub lengthens the others' distances (s to t now goes round).
    assert!(b.nodes[4].distance_increase.unwrap() > 0.0);
}
