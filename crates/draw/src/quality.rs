//! The quality report of a picture: what a reader would trip over.

use serde::Serialize;

use crate::geometry::{P, Rect};
use crate::layout;

/// Counts of what makes a picture hard to read, and the layout's stress.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct QualityReport {
    /// Nodes drawn.
    pub nodes: usize,
    /// Edges drawn.
    pub edges: usize,
    /// Pairs of nodes whose discs overlap.
    pub node_overlaps: usize,
    /// Pairs of labels whose boxes overlap.
    pub label_overlaps: usize,
    /// Label boxes that overlap a node's disc (any node, its own included).
    pub label_node_overlaps: usize,
    /// Labels covering the end of an edge ([`crate::place::EDGE_END`]) at
    /// another node than their own, counted once per end.
    pub label_edge_end_overlaps: usize,
    /// Pairs of edges (without a shared end) that cross.
    pub edge_crossings: usize,
    /// Normalised stress against hop distances (see [`layout::stress`]);
    /// `None` for pictures that are not node-link diagrams.
    pub stress: Option<f64>,
}

/// Measures a node-link drawing: centres `pos`, node radius `r`, label
/// boxes, undirected edges.
pub fn measure(pos: &[P], r: f64, labels: &[Rect], edges: &[(usize, usize)]) -> QualityReport {
    let n = pos.len();
    let mut q = QualityReport {
        nodes: n,
        edges: edges.len(),
        ..QualityReport::default()
    };
    for i in 0..n {
        for j in (i + 1)..n {
            if pos[i].dist(pos[j]) < 2.0 * r {
                q.node_overlaps += 1;
            }
        }
    }
    q.label_overlaps = box_overlaps(labels);
    for b in labels {
        q.label_node_overlaps += pos.iter().filter(|&&c| b.meets_circle(c, r)).count();
    }
    let ends = crate::place::edge_ends(pos, r, edges);
    q.label_edge_end_overlaps = labels
        .iter()
        .enumerate()
        .map(|(v, b)| crate::place::ends_met(b, v, &ends))
        .sum();
    q.edge_crossings = layout::crossings(pos, edges);
    let adj = layout::adjacency(n, edges);
    let all: Vec<usize> = (0..n).collect();
    let dist = layout::hop_distances(&adj, &all);
    q.stress = Some(layout::stress(pos, &dist));
    q
}

/// Pairs of overlapping boxes.
pub fn box_overlaps(boxes: &[Rect]) -> usize {
    let mut c = 0;
    for (k, a) in boxes.iter().enumerate() {
        c += boxes[k + 1..].iter().filter(|b| a.overlaps(b)).count();
    }
    c
}

/// A report for a chart without nodes: only its text boxes are checked.
pub fn chart(labels: &[Rect]) -> QualityReport {
    QualityReport {
        label_overlaps: box_overlaps(labels),
        ..QualityReport::default()
    }
}
