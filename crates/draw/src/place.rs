//! From a unit layout to pixels: the smallest scale (growing from a start
//! value in 8 % steps, the last step then narrowed by bisection) at which
//! no two nodes overlap and every label finds a place next to its node
//! ([`CANDIDATES`]: eight directions at three distances) that covers no
//! other label, no other node and no edge's end at another node
//! ([`EDGE_END`]); crossing the middle of an edge is allowed but avoided.
//! Labels are placed greedily, hubs first, then repaired by min-conflicts
//! moves and one level of ejection (a stuck label takes a place only other
//! labels block when each of those can move somewhere free). Isolated
//! people stand in tidy columns at the right. Uniform scaling keeps stress and crossings unchanged, so overlap
//! removal costs nothing in layout quality, only space.

use crate::geometry::{P, Rect};
use crate::layout::UnitLayout;

/// Space between a node's rim and its label, px.
pub const LABEL_GAP: f64 = 2.0;
/// Space kept between two nodes' rims, px.
pub const NODE_GAP: f64 = 3.0;
/// Length of an edge's end: the part of the line just outside a node's rim
/// that tells the reader which node the edge reaches, px (4.5 pt at natural
/// size). No label may cover the end of an edge at another node than its
/// own.
pub const EDGE_END: f64 = 6.0;

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
/// 3 = below, then the four diagonals; 8–15: the same eight one node
/// radius farther out, tried only when the near ones are taken).
pub fn candidate(k: usize, c: P, r: f64, w: f64, h: f64) -> Rect {
    let g = LABEL_GAP + r * (k / 8) as f64;
    let k = k % 8;
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
pub const CANDIDATES: usize = 24;

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
    // One attempt at scale `s`: the placement, and whether it is clean.
    let attempt = |s: f64| -> (Placement, bool) {
        let mut pos: Vec<P> = unit.pos.iter().map(|p| P::new(p.x * s, p.y * s)).collect();
        let ends = edge_ends(&pos, r, edges);
        let overlap = order.iter().enumerate().any(|(k, &a)| {
            order[k + 1..]
                .iter()
                .any(|&b| pos[a].dist(pos[b]) < 2.0 * r + NODE_GAP)
        });
        let mut labels = vec![Rect::new(0.0, 0.0, 0.0, 0.0); n];
        let mut placed = vec![false; n];
        // Hard conflicts of a label box for `v` that no other label can
        // resolve: other nodes' discs and other nodes' edge ends.
        let fixed = |v: usize, b: &Rect| {
            order
                .iter()
                .filter(|&&u| u != v && b.meets_circle(pos[u], r + 1.0))
                .count()
                + ends_met(b, v, &ends)
        };
        // Placed labels (other than `v` and `skip`) the box overlaps.
        let hits = |v: usize, b: &Rect, labels: &[Rect], placed: &[bool], skip: usize| {
            order
                .iter()
                .filter(|&&u| u != v && u != skip && placed[u] && labels[u].overlaps(b))
                .count()
        };
        let soft = |b: &Rect| {
            edges
                .iter()
                .filter(|&&(a, c)| box_meets(b, pos[a], pos[c]))
                .count()
        };
        let mut stuck: Vec<usize> = Vec::new();
        for &v in &order {
            let (w, h) = sizes[v];
            let mut best: Option<(usize, usize, usize, Rect)> = None;
            for k in 0..CANDIDATES {
                let b = candidate(k, pos[v], r, w, h);
                let hard = fixed(v, &b) + hits(v, &b, &labels, &placed, usize::MAX);
                let key = (hard, soft(&b), k, b);
                if best
                    .as_ref()
                    .is_none_or(|x| (key.0, key.1, key.2) < (x.0, x.1, x.2))
                {
                    best = Some(key);
                }
                if key.0 == 0 && key.1 == 0 {
                    break;
                }
            }
            if let Some((hard, _, _, b)) = best {
                if hard > 0 {
                    stuck.push(v);
                }
                labels[v] = b;
                placed[v] = true;
            }
        }
        // Repair by min-conflicts: each label still in conflict moves to
        // the place with the fewest conflicts given all the others (a
        // label it overlaps is in conflict too and may move instead), until
        // nothing improves; then a stuck label may take a place only other
        // labels block when each of those can move somewhere free.
        let total = |v: usize, b: &Rect, labels: &[Rect]| {
            fixed(v, b) + hits(v, b, labels, &placed, usize::MAX)
        };
        for _ in 0..20 {
            let mut changed = false;
            for &v in &order {
                let now = total(v, &labels[v], &labels);
                if now == 0 {
                    continue;
                }
                let (w, h) = sizes[v];
                let best = (0..CANDIDATES)
                    .map(|k| {
                        let c = candidate(k, pos[v], r, w, h);
                        (total(v, &c, &labels), soft(&c), k, c)
                    })
                    .min_by(|x, y| (x.0, x.1, x.2).cmp(&(y.0, y.1, y.2)));
                if let Some((hard, _, _, c)) = best
                    && hard < now
                {
                    labels[v] = c;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        let mut conflicts = 0usize;
        for &v in &stuck {
            if total(v, &labels[v], &labels) == 0 {
                continue;
            }
            let (w, h) = sizes[v];
            let mut done = false;
            for k in 0..CANDIDATES {
                let b = candidate(k, pos[v], r, w, h);
                if fixed(v, &b) > 0 {
                    continue;
                }
                let blockers: Vec<usize> = order
                    .iter()
                    .copied()
                    .filter(|&u| u != v && placed[u] && labels[u].overlaps(&b))
                    .collect();
                let mut trial = labels.clone();
                trial[v] = b;
                let mut ok = true;
                for &u in &blockers {
                    let (uw, uh) = sizes[u];
                    let moved = (0..CANDIDATES)
                        .map(|j| candidate(j, pos[u], r, uw, uh))
                        .find(|c| total(u, c, &trial) == 0);
                    match moved {
                        Some(c) => trial[u] = c,
                        None => {
                            ok = false;
                            break;
                        }
                    }
                }
                if ok {
                    labels = trial;
                    done = true;
                    break;
                }
            }
            if !done {
                conflicts += total(v, &labels[v], &labels);
            }
        }
        // Labels the first pass placed cleanly stay clean: a repair only
        // moves a label to a place free of conflicts.
        conflicts += order
            .iter()
            .filter(|v| !stuck.contains(v))
            .map(|&v| total(v, &labels[v], &labels))
            .sum::<usize>();
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
        (
            Placement {
                pos,
                labels,
                scale: s,
            },
            done,
        )
    };
    // Grow in 8 % steps until clean, then narrow the last step down by
    // bisection (smaller pictures print larger).
    let mut last = None;
    let mut below = None;
    for step in first..48 {
        let s = start * 1.08f64.powi(step);
        let (placement, done) = attempt(s);
        last = Some(placement);
        if done {
            break;
        }
        below = Some(s);
    }
    if let (Some(mut lo), Some(found)) = (below, last.as_ref().map(|p| p.scale)) {
        let mut hi = found;
        for _ in 0..4 {
            let mid = (lo + hi) / 2.0;
            let (placement, done) = attempt(mid);
            if done {
                hi = mid;
                last = Some(placement);
            } else {
                lo = mid;
            }
        }
    }
    last.unwrap_or(Placement {
        pos: Vec::new(),
        labels: Vec::new(),
        scale: start,
    })
}
