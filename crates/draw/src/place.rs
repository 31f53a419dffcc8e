//! From a unit layout to pixels: the smallest scale (from a start value,
//! growing in 8 % steps) at which no two nodes overlap and every label finds
//! a place next to its node that covers no other label, no other node and
//! no edge's end at another node ([`EDGE_END`]); crossing the middle of an
//! edge is allowed but avoided; isolated people in tidy columns at the
//! right. Uniform scaling keeps stress and crossings unchanged, so overlap
//! removal costs nothing in layout quality, only space.

use crate::geometry::{P, Rect};
use crate::layout::UnitLayout;

/// Space between a node's rim and its label, px.
pub const LABEL_GAP: f64 = 2.0;
/// Space kept between two nodes' rims, px.
pub const NODE_GAP: f64 = 3.0;
/// Length of an edge's end: the part of the line just outside a node's rim
/// that tells the reader which node the edge reaches, px. No label may
/// cover the end of an edge at another node than its own.
pub const EDGE_END: f64 = 10.0;

/// The two ends of every edge as (node, from, to): the segment from the
/// node's rim (radius `r`) outward by [`EDGE_END`] (or to the middle of a
/// short edge).
pub fn edge_ends(pos: &[P], r: f64, edges: &[(usize, usize)]) -> Vec<(usize, P, P)> {
    let mut out = Vec::with_capacity(2 * edges.len());
    for &(a, c) in edges {
        let (p, q) = (pos[a], pos[c]);
        let d = p.dist(q);
        if d <= 0.0 {
            continue;
        }
        let (ux, uy) = ((q.x - p.x) / d, (q.y - p.y) / d);
        let inner = r.min(d / 2.0);
        let outer = (r + EDGE_END).min(d / 2.0);
        out.push((
            a,
            P::new(p.x + ux * inner, p.y + uy * inner),
            P::new(p.x + ux * outer, p.y + uy * outer),
        ));
        out.push((
            c,
            P::new(q.x - ux * inner, q.y - uy * inner),
            P::new(q.x - ux * outer, q.y - uy * outer),
        ));
    }
    out
}

/// Whether the box `b` meets the segment `p–q` (bounding boxes first).
fn box_meets(b: &Rect, p: P, q: P) -> bool {
    p.x.max(q.x) >= b.x0
        && p.x.min(q.x) <= b.x1
        && p.y.max(q.y) >= b.y0
        && p.y.min(q.y) <= b.y1
        && b.meets_segment(p, q)
}

/// Edge ends (from [`edge_ends`]) at other nodes than `owner` that the
/// box meets.
pub fn ends_met(b: &Rect, owner: usize, ends: &[(usize, P, P)]) -> usize {
    ends.iter()
        .filter(|&&(node, p, q)| node != owner && box_meets(b, p, q))
        .count()
}

/// Where everything went, in px (origin arbitrary; the view translates).
#[derive(Debug, Clone)]
pub struct Placement {
    /// Node centres.
    pub pos: Vec<P>,
    /// Label boxes.
    pub labels: Vec<Rect>,
    /// px per hop.
    pub scale: f64,
}

/// The label box for candidate `k` (0 = right, 1 = left, 2 = above,
/// 3 = below, then the four diagonals).
pub fn candidate(k: usize, c: P, r: f64, w: f64, h: f64) -> Rect {
    let g = LABEL_GAP;
    let d = r * std::f64::consts::FRAC_1_SQRT_2;
    match k {
        0 => Rect::new(c.x + r + g, c.y - h / 2.0, w, h),
        1 => Rect::new(c.x - r - g - w, c.y - h / 2.0, w, h),
        2 => Rect::new(c.x - w / 2.0, c.y - r - g - h, w, h),
        3 => Rect::new(c.x - w / 2.0, c.y + r + g, w, h),
        4 => Rect::new(c.x + d + g, c.y - d - g - h, w, h),
        5 => Rect::new(c.x + d + g, c.y + d + g, w, h),
        6 => Rect::new(c.x - d - g - w, c.y - d - g - h, w, h),
        _ => Rect::new(c.x - d - g - w, c.y + d + g, w, h),
    }
}

/// Number of label candidates.
pub const CANDIDATES: usize = 8;

/// Places nodes and labels. `sizes` is the label size per node (w, h),
/// `r` the node radius.
pub fn place(
    unit: &UnitLayout,
    edges: &[(usize, usize)],
    r: f64,
    sizes: &[(f64, f64)],
) -> Placement {
    let n = unit.pos.len();
    let mut degree = vec![0usize; n];
    for &(u, v) in edges {
        degree[u] += 1;
        degree[v] += 1;
    }
    let mut order: Vec<usize> = (0..n).filter(|&v| !unit.isolated[v]).collect();
    order.sort_by(|&a, &b| degree[b].cmp(&degree[a]).then(a.cmp(&b)));
    let isolates: Vec<usize> = (0..n).filter(|&v| unit.isolated[v]).collect();

    let start = 4.0 * r;
    // Scales at which two nodes overlap are skipped without a label search.
    let mut closest = f64::INFINITY;
    for (k, &a) in order.iter().enumerate() {
        for &b in &order[k + 1..] {
            closest = closest.min(unit.pos[a].dist(unit.pos[b]));
        }
    }
    let first = if closest > 0.0 && closest.is_finite() {
        let need = (2.0 * r + NODE_GAP) / closest;
        ((need / start).ln() / 1.08f64.ln())
            .floor()
            .clamp(0.0, 47.0) as i32
    } else {
        0
    };
    let mut last = None;
    for attempt in first..48 {
        let s = start * 1.08f64.powi(attempt);
        let mut pos: Vec<P> = unit.pos.iter().map(|p| P::new(p.x * s, p.y * s)).collect();
        let ends = edge_ends(&pos, r, edges);
        let overlap = order.iter().enumerate().any(|(k, &a)| {
            order[k + 1..]
                .iter()
                .any(|&b| pos[a].dist(pos[b]) < 2.0 * r + NODE_GAP)
        });
        let mut labels = vec![Rect::new(0.0, 0.0, 0.0, 0.0); n];
        let mut placed: Vec<usize> = Vec::new();
        let mut conflicts = 0usize;
        for &v in &order {
            let (w, h) = sizes[v];
            let mut best: Option<(usize, usize, usize, Rect)> = None;
            for k in 0..CANDIDATES {
                let b = candidate(k, pos[v], r, w, h);
                let hard = order
                    .iter()
                    .filter(|&&u| u != v && b.meets_circle(pos[u], r + 1.0))
                    .count()
                    + placed.iter().filter(|&&u| labels[u].overlaps(&b)).count()
                    + ends_met(&b, v, &ends);
                let soft = edges
                    .iter()
                    .filter(|&&(a, c)| box_meets(&b, pos[a], pos[c]))
                    .count();
                let key = (hard, soft, k, b);
                if best
                    .as_ref()
                    .is_none_or(|x| (key.0, key.1, key.2) < (x.0, x.1, x.2))
                {
                    best = Some(key);
                }
                if hard == 0 && soft == 0 {
                    break;
                }
            }
            if let Some((hard, _, _, b)) = best {
                conflicts += hard;
                labels[v] = b;
                placed.push(v);
            }
        }
        // Isolated people: columns to the right of everything else.
        if !isolates.is_empty() {
            let mut right = f64::NEG_INFINITY;
            let (mut top, mut bottom) = (f64::INFINITY, f64::NEG_INFINITY);
            for &v in &order {
                right = right.max(labels[v].x1).max(pos[v].x + r);
                top = top.min(labels[v].y0).min(pos[v].y - r);
                bottom = bottom.max(labels[v].y1).max(pos[v].y + r);
            }
            let step =
                isolates.iter().map(|&v| sizes[v].1).fold(2.0 * r, f64::max) + NODE_GAP + 4.0;
            let col_w = isolates.iter().map(|&v| sizes[v].0).fold(0.0, f64::max)
                + 2.0 * r
                + LABEL_GAP
                + 16.0;
            let (x0, y0, rows) = if order.is_empty() {
                let rows = ((isolates.len() as f64).sqrt().ceil() as usize).max(1);
                (r, r, rows)
            } else {
                let rows = (((bottom - top) / step).floor() as usize).max(1);
                let rows = rows.max(isolates.len().div_ceil(3));
                (right + 3.0 * r + 12.0, top + r, rows)
            };
            for (k, &v) in isolates.iter().enumerate() {
                let (col, row) = (k / rows, k % rows);
                pos[v] = P::new(x0 + col as f64 * col_w, y0 + row as f64 * step);
                labels[v] = candidate(0, pos[v], r, sizes[v].0, sizes[v].1);
            }
        }
        let done = !overlap && conflicts == 0;
        last = Some(Placement {
            pos,
            labels,
            scale: s,
        });
        if done {
            break;
        }
    }
    last.unwrap_or(Placement {
        pos: Vec::new(),
        labels: Vec::new(),
        scale: start,
    })
}
