//! What a «klynge» (cluster) is, once, for the picture's hulls, the
//! report's tables and sentences, and the comparison of two rounds.
//!
//! A cluster is a group found by the engine's community detection
//! (Louvain from several seeds, [`samspill_engine::community::detect`])
//! that
//! 1. has at least [`MIN_CLUSTER`] people, and
//! 2. is **stable** over the seeds: the mean of its members' stability
//!    scores (the engine's per-person `community_stability`: the mean
//!    Jaccard overlap between the person's group in the reported run and
//!    in each other run) is at least [`STABLE_CLUSTER`].
//!
//! Networks of 25–45 people often split differently from one seed to the
//! next (a dense unit «splits» into four groups that change every run);
//! such groups are not findings and are neither drawn nor named. Without a
//! stability score (a single run) no group counts as stable.
//!
//! Clusters are ordered by size (largest first), then by their first
//! member; numbers shown to people are positions in this order, from 1.

use samspill_engine::Analysis;
use samspill_engine::analysis::NodeMeasures;

/// Smallest group that counts as a cluster.
pub const MIN_CLUSTER: usize = 3;
/// Mean member stability (0–1) from which a group counts as stable.
/// Groups the engine finds in every run score 1; the splits of one dense
/// unit score 0.2–0.5 in the demo data, the two halves of a loosely tied
/// nine-person part 0.7–0.75.
pub const STABLE_CLUSTER: f64 = 0.8;

/// One cluster of an analysed network.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Cluster {
    /// The engine's community number.
    pub community: usize,
    /// Members as graph node numbers (indices into `Analysis::nodes`),
    /// ascending.
    pub members: Vec<usize>,
    /// Mean stability of the members (0–1).
    pub stability: f64,
}

/// Every group of the analysis with at least [`MIN_CLUSTER`] members,
/// stable or not, with its stability, in cluster order.
pub fn groups(res: &Analysis) -> Vec<Cluster> {
    groups_of(&res.nodes)
}

fn groups_of(nodes: &[NodeMeasures]) -> Vec<Cluster> {
    let mut by: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for (v, n) in nodes.iter().enumerate() {
        if let Some(c) = n.community {
            by.entry(c).or_default().push(v);
        }
    }
    let mut out: Vec<Cluster> = by
        .into_iter()
        .filter(|(_, m)| m.len() >= MIN_CLUSTER)
        .map(|(community, members)| {
            let scores: Vec<Option<f64>> = members
                .iter()
                .map(|&v| nodes[v].community_stability.flatten())
                .collect();
            let stability = if scores.iter().all(Option::is_some) {
                scores.iter().flatten().sum::<f64>() / scores.len() as f64
            } else {
                0.0
            };
            Cluster {
                community,
                members,
                stability,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.members
            .len()
            .cmp(&a.members.len())
            .then(a.members[0].cmp(&b.members[0]))
    });
    out
}

/// The clusters of the analysis: [`groups`] that are stable.
pub fn clusters(res: &Analysis) -> Vec<Cluster> {
    stable(groups(res))
}

fn stable(groups: Vec<Cluster>) -> Vec<Cluster> {
    groups
        .into_iter()
        .filter(|c| c.stability >= STABLE_CLUSTER)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analysis(nodes: &[(usize, f64)]) -> Vec<NodeMeasures> {
        nodes
            .iter()
            .map(|&(c, s)| NodeMeasures {
                community: Some(c),
                community_stability: Some(Some(s)),
                ..NodeMeasures::default()
            })
            .collect()
    }

    #[test]
    fn size_and_stability_at_their_thresholds() {
        // Group 0: three people at exactly the threshold; group 1: three
        // just below; group 2: two (too small); group 3: four, stable.
        let a = analysis(&[
            (0, 0.8),
            (0, 0.8),
            (0, 0.8),
            (1, 0.8),
            (1, 0.8),
            (1, 0.79),
            (2, 1.0),
            (2, 1.0),
            (3, 1.0),
            (3, 1.0),
            (3, 1.0),
            (3, 1.0),
        ]);
        let g = groups_of(&a);
        assert_eq!(g.iter().map(|c| c.community).collect::<Vec<_>>(), [3, 0, 1]);
        let c = stable(groups_of(&a));
        assert_eq!(c.iter().map(|c| c.community).collect::<Vec<_>>(), [3, 0]);
        assert_eq!(c[1].members, [0, 1, 2]);
    }

    #[test]
    fn without_a_stability_score_nothing_is_stable() {
        let mut a = analysis(&[(0, 1.0), (0, 1.0), (0, 1.0)]);
        a[1].community_stability = Some(None);
        assert_eq!(groups_of(&a).len(), 1);
        assert!(stable(groups_of(&a)).is_empty());
    }
}
