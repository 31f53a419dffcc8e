//! samspill's own deterministic layout: stress majorization over hop
//! distances, per connected component, from several seeded starts
//! (classical MDS, a community-aware start, seeded random starts), keeping
//! the start with the lowest stress and, among near-ties, the fewest edge
//! crossings. Components are rotated to their principal axis and packed in
//! rows; isolated people are left for the caller to set tidily at the side.
//!
//! Everything runs in a fixed order with our own seeded random numbers, so
//! the same graph gives the same coordinates on every machine.

use samspill_engine::rng::SplitMix64;

use crate::geometry::{P, segments_cross};

/// Largest network the layout accepts (it keeps an n × n distance matrix).
pub const MAX_NODES: usize = 3000;

/// Layout options.
#[derive(Debug, Clone, Copy)]
pub struct LayoutOptions {
    /// Seed for the random starts.
    pub seed: u64,
    /// Number of seeded random starts besides the two structured ones.
    pub random_starts: usize,
    /// Maximum stress-majorization sweeps per start.
    pub sweeps: usize,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            seed: 2015,
            random_starts: 12,
            sweeps: 2000,
        }
    }
}

/// A layout in units of one hop (an ideal edge is about 1 long).
#[derive(Debug, Clone)]
pub struct UnitLayout {
    /// Position per node; isolated nodes are at the origin.
    pub pos: Vec<P>,
    /// Whether the node is isolated (no tie at all).
    pub isolated: Vec<bool>,
    /// Component number per node (isolates get their own).
    pub component: Vec<usize>,
}

/// Adjacency lists (sorted, no duplicates) of the undirected graph.
pub fn adjacency(n: usize, edges: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let mut adj = vec![Vec::new(); n];
    for &(u, v) in edges {
        if u != v && u < n && v < n {
            adj[u].push(v);
            adj[v].push(u);
        }
    }
    for a in &mut adj {
        a.sort_unstable();
        a.dedup();
    }
    adj
}

/// Connected components, numbered in order of their smallest node.
pub fn components(adj: &[Vec<usize>]) -> Vec<usize> {
    let n = adj.len();
    let mut comp = vec![usize::MAX; n];
    let mut next = 0;
    for s in 0..n {
        if comp[s] != usize::MAX {
            continue;
        }
        comp[s] = next;
        let mut stack = vec![s];
        while let Some(u) = stack.pop() {
            for &v in &adj[u] {
                if comp[v] == usize::MAX {
                    comp[v] = next;
                    stack.push(v);
                }
            }
        }
        next += 1;
    }
    comp
}

/// Hop distances from every node of `nodes` (local indices), within the
/// component; `u32::MAX` when unreachable.
pub fn hop_distances(adj: &[Vec<usize>], nodes: &[usize]) -> Vec<Vec<u32>> {
    let mut local = vec![usize::MAX; adj.len()];
    for (i, &v) in nodes.iter().enumerate() {
        local[v] = i;
    }
    let m = nodes.len();
    let mut out = vec![vec![u32::MAX; m]; m];
    let mut queue = std::collections::VecDeque::new();
    for s in 0..m {
        let row = &mut out[s];
        row[s] = 0;
        queue.clear();
        queue.push_back(nodes[s]);
        while let Some(u) = queue.pop_front() {
            let du = row[local[u]];
            for &v in &adj[u] {
                let lv = local[v];
                if lv != usize::MAX && row[lv] == u32::MAX {
                    row[lv] = du + 1;
                    queue.push_back(v);
                }
            }
        }
    }
    out
}

/// Normalised stress of positions against hop distances: the mean over
/// connected pairs of `(s·|xi − xj| / d_ij − 1)²`, with the scale `s` that
/// minimises it (so the value does not depend on the drawing's size).
/// Weights `1/d²` as in Kamada–Kawai / Gansner et al.
pub fn stress(pos: &[P], dist: &[Vec<u32>]) -> f64 {
    let (a, b, pairs) = stress_sums(pos, dist);
    if pairs == 0 || b <= 0.0 {
        return 0.0;
    }
    let s = a / b;
    let mut total = 0.0;
    let m = pos.len();
    for i in 0..m {
        for j in (i + 1)..m {
            let d = dist[i][j];
            if d == u32::MAX || d == 0 {
                continue;
            }
            let e = pos[i].dist(pos[j]) * s / f64::from(d) - 1.0;
            total += e * e;
        }
    }
    total / pairs as f64
}

/// `(Σ δ/d, Σ δ²/d², pairs)` over connected pairs.
fn stress_sums(pos: &[P], dist: &[Vec<u32>]) -> (f64, f64, usize) {
    let (mut a, mut b, mut pairs) = (0.0, 0.0, 0usize);
    let m = pos.len();
    for i in 0..m {
        for j in (i + 1)..m {
            let d = dist[i][j];
            if d == u32::MAX || d == 0 {
                continue;
            }
            let df = f64::from(d);
            let delta = pos[i].dist(pos[j]);
            a += delta / df;
            b += delta * delta / (df * df);
            pairs += 1;
        }
    }
    (a, b, pairs)
}

/// The scale that makes the stress-optimal unit one hop.
fn optimal_scale(pos: &[P], dist: &[Vec<u32>]) -> f64 {
    let (a, b, _) = stress_sums(pos, dist);
    if b > 0.0 { a / b } else { 1.0 }
}

/// Number of pairs of edges (without a shared end) whose segments cross.
pub fn crossings(pos: &[P], edges: &[(usize, usize)]) -> usize {
    let mut count = 0;
    for (k, &(a, b)) in edges.iter().enumerate() {
        for &(c, d) in &edges[k + 1..] {
            if a == c || a == d || b == c || b == d {
                continue;
            }
            if segments_cross(pos[a], pos[b], pos[c], pos[d]) {
                count += 1;
            }
        }
    }
    count
}

/// Stress majorization by localized (Gauss–Seidel) updates, Gansner,
/// Koren & North 2004, weights `1/d²`, in node order.
fn majorize(pos: &mut [P], dist: &[Vec<u32>], sweeps: usize) {
    let m = pos.len();
    let mut last = f64::INFINITY;
    for sweep in 0..sweeps {
        for i in 0..m {
            let (mut sx, mut sy, mut sw) = (0.0, 0.0, 0.0);
            for j in 0..m {
                let d = dist[i][j];
                if j == i || d == u32::MAX {
                    continue;
                }
                let d = f64::from(d);
                let w = 1.0 / (d * d);
                let dx = pos[i].x - pos[j].x;
                let dy = pos[i].y - pos[j].y;
                let len = (dx * dx + dy * dy).sqrt();
                let (ux, uy) = if len > 1e-9 {
                    (dx / len, dy / len)
                } else {
                    // Coincident points: push apart along a fixed direction.
                    let a = (i * 7 + j * 13) as f64;
                    (a.cos(), a.sin())
                };
                sx += w * (pos[j].x + d * ux);
                sy += w * (pos[j].y + d * uy);
                sw += w;
            }
            if sw > 0.0 {
                pos[i] = P::new(sx / sw, sy / sw);
            }
        }
        if sweep % 10 == 9 {
            let s = stress(pos, dist);
            if last.is_finite() && (last - s).abs() <= 1e-9 * last.max(1e-12) {
                break;
            }
            last = s;
        }
    }
}

/// Share of the best stress that crossing reduction may spend.
pub const STRESS_BUDGET: f64 = 0.001;

/// Crossings between the edges at `v` (with `v` at `at`) and all edges.
fn crossings_at(pos: &[P], edges: &[(usize, usize)], inc: &[usize], v: usize, at: P) -> usize {
    let p = |x: usize| if x == v { at } else { pos[x] };
    let mut c = 0;
    for &k in inc {
        let (a, b) = edges[k];
        for (l, &(x, y)) in edges.iter().enumerate() {
            if l == k || x == a || x == b || y == a || y == b {
                continue;
            }
            // An edge crossing two edges at v is counted once per pair.
            if segments_cross(p(a), p(b), p(x), p(y)) {
                c += 1;
            }
        }
    }
    c
}

/// Moves single nodes a little (rings of 0.05–1 hop, eight directions)
/// wherever that removes crossings and the stress stays within `budget`;
/// repeats while anything improves (at most 20 rounds).
fn reduce_crossings(pos: &mut [P], dist: &[Vec<u32>], edges: &[(usize, usize)], budget: f64) {
    let m = pos.len();
    let mut incident = vec![Vec::new(); m];
    for (k, &(a, b)) in edges.iter().enumerate() {
        incident[a].push(k);
        incident[b].push(k);
    }
    for _ in 0..20 {
        let mut improved = false;
        for v in 0..m {
            let here = crossings_at(pos, edges, &incident[v], v, pos[v]);
            if here == 0 {
                continue;
            }
            let mut best: Option<(usize, f64, P)> = None;
            for radius in [0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1.0] {
                for k in 0..8 {
                    let a = std::f64::consts::TAU * k as f64 / 8.0;
                    let at = P::new(pos[v].x + radius * a.cos(), pos[v].y + radius * a.sin());
                    let c = crossings_at(pos, edges, &incident[v], v, at);
                    if c >= here || best.as_ref().is_some_and(|b| c > b.0) {
                        continue;
                    }
                    let old = pos[v];
                    pos[v] = at;
                    let s = stress(pos, dist);
                    pos[v] = old;
                    if s <= budget
                        && best
                            .as_ref()
                            .is_none_or(|b| c < b.0 || (c == b.0 && s < b.1))
                    {
                        best = Some((c, s, at));
                    }
                }
            }
            if let Some((_, _, at)) = best {
                pos[v] = at;
                improved = true;
            }
        }
        if !improved {
            break;
        }
    }
}

/// Classical MDS start: the top two eigenvectors of the double-centred
/// squared distance matrix, by power iteration from a fixed vector.
fn classical_mds(dist: &[Vec<u32>]) -> Vec<P> {
    let m = dist.len();
    let mut b = vec![vec![0.0; m]; m];
    let d2 = |i: usize, j: usize| {
        let d = f64::from(dist[i][j].min(m as u32));
        d * d
    };
    let mut row = vec![0.0; m];
    let mut total = 0.0;
    for (i, r) in row.iter_mut().enumerate() {
        for j in 0..m {
            *r += d2(i, j);
        }
        total += *r;
        *r /= m as f64;
    }
    total /= (m * m) as f64;
    for i in 0..m {
        for j in 0..m {
            b[i][j] = -0.5 * (d2(i, j) - row[i] - row[j] + total);
        }
    }
    let mut vecs: Vec<(Vec<f64>, f64)> = Vec::new();
    for k in 0..2 {
        let mut v: Vec<f64> = (0..m)
            .map(|i| (((i * 7919 + k * 104_729) % 101) as f64) - 50.0 + 0.5)
            .collect();
        let mut lambda = 0.0;
        for _ in 0..300 {
            let mut w = vec![0.0; m];
            for i in 0..m {
                let mut s = 0.0;
                for j in 0..m {
                    s += b[i][j] * v[j];
                }
                w[i] = s;
            }
            for (u, l) in &vecs {
                let dot: f64 = u.iter().zip(&v).map(|(a, c)| a * c).sum();
                for i in 0..m {
                    w[i] -= l * dot * u[i];
                }
            }
            let norm = w.iter().map(|x| x * x).sum::<f64>().sqrt();
            if norm < 1e-12 {
                break;
            }
            lambda = norm;
            v = w.into_iter().map(|x| x / norm).collect();
        }
        vecs.push((v, lambda));
    }
    let sx = vecs[0].1.abs().sqrt();
    let sy = vecs[1].1.abs().sqrt();
    (0..m)
        .map(|i| P::new(vecs[0].0[i] * sx, vecs[1].0[i] * sy))
        .collect()
}

/// Community-aware start: communities on a circle, members on a small
/// circle around their community's place.
fn community_start(nodes: &[usize], community: &[Option<usize>], diameter: f64) -> Vec<P> {
    let mut ids: Vec<usize> = nodes.iter().filter_map(|&v| community[v]).collect();
    ids.sort_unstable();
    ids.dedup();
    let k = ids.len().max(1) as f64;
    let radius = (diameter / 2.0).max(1.0);
    let mut seen = vec![0usize; ids.len() + 1];
    let sizes: Vec<usize> = (0..=ids.len())
        .map(|c| {
            nodes
                .iter()
                .filter(|&&v| {
                    community[v]
                        .and_then(|x| ids.binary_search(&x).ok())
                        .unwrap_or(ids.len())
                        == c
                })
                .count()
        })
        .collect();
    nodes
        .iter()
        .map(|&v| {
            let c = community[v]
                .and_then(|x| ids.binary_search(&x).ok())
                .unwrap_or(ids.len());
            let angle = std::f64::consts::TAU * c as f64 / k;
            let (cx, cy) = if ids.len() > 1 {
                (radius * angle.cos(), radius * angle.sin())
            } else {
                (0.0, 0.0)
            };
            let size = sizes[c].max(1) as f64;
            let rho = 0.5 * size.sqrt();
            let a = std::f64::consts::TAU * seen[c] as f64 / size;
            seen[c] += 1;
            P::new(cx + rho * a.cos(), cy + rho * a.sin())
        })
        .collect()
}

/// Rotates `pos` so that its principal axis is horizontal, centres it, and
/// fixes the reflection (first node left of and above the centre).
fn normalise_orientation(pos: &mut [P]) {
    let m = pos.len() as f64;
    let cx = pos.iter().map(|p| p.x).sum::<f64>() / m;
    let cy = pos.iter().map(|p| p.y).sum::<f64>() / m;
    let (mut sxx, mut syy, mut sxy) = (0.0, 0.0, 0.0);
    for p in pos.iter() {
        let (dx, dy) = (p.x - cx, p.y - cy);
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
    }
    let theta = 0.5 * (2.0 * sxy).atan2(sxx - syy);
    let (s, c) = (-theta).sin_cos();
    for p in pos.iter_mut() {
        let (dx, dy) = (p.x - cx, p.y - cy);
        *p = P::new(dx * c - dy * s, dx * s + dy * c);
    }
    if let Some(first) = pos.first().copied() {
        if first.x > 1e-9 {
            pos.iter_mut().for_each(|p| p.x = -p.x);
        }
        if first.y > 1e-9 {
            pos.iter_mut().for_each(|p| p.y = -p.y);
        }
    }
}

/// Lays out one connected component (local indices), returning positions
/// with one hop ≈ 1.
fn component_layout(
    adj: &[Vec<usize>],
    nodes: &[usize],
    community: &[Option<usize>],
    opts: &LayoutOptions,
) -> Vec<P> {
    let m = nodes.len();
    if m == 1 {
        return vec![P::new(0.0, 0.0)];
    }
    if m == 2 {
        return vec![P::new(-0.5, 0.0), P::new(0.5, 0.0)];
    }
    let dist = hop_distances(adj, nodes);
    let diameter = dist
        .iter()
        .flat_map(|r| r.iter())
        .filter(|&&d| d != u32::MAX)
        .max()
        .copied()
        .unwrap_or(1) as f64;
    let mut local = vec![usize::MAX; adj.len()];
    for (i, &v) in nodes.iter().enumerate() {
        local[v] = i;
    }
    let edges: Vec<(usize, usize)> = nodes
        .iter()
        .enumerate()
        .flat_map(|(i, &v)| {
            adj[v]
                .iter()
                .filter(move |&&w| w > v)
                .map(|&w| (i, local[w]))
                .collect::<Vec<_>>()
        })
        .collect();

    let mut starts = vec![
        classical_mds(&dist),
        community_start(nodes, community, diameter),
    ];
    let mut rng =
        SplitMix64::new(opts.seed ^ (nodes[0] as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    for _ in 0..opts.random_starts {
        let side = (m as f64).sqrt() * 1.5;
        starts.push(
            (0..m)
                .map(|_| P::new(rng.next_f64() * side, rng.next_f64() * side))
                .collect(),
        );
    }
    let results: Vec<(f64, usize, Vec<P>)> = starts
        .into_iter()
        .map(|mut pos| {
            majorize(&mut pos, &dist, opts.sweeps);
            let s = stress(&pos, &dist);
            let c = crossings(&pos, &edges);
            (s, c, pos)
        })
        .collect();
    let best = results.iter().map(|r| r.0).fold(f64::INFINITY, f64::min);
    // The few best starts get a crossing-reduction pass that may spend at
    // most STRESS_BUDGET of the best stress; then the fewest crossings win,
    // then the lowest stress, then the earlier start (a fixed order).
    let budget = best * (1.0 + STRESS_BUDGET);
    let mut order: Vec<usize> = (0..results.len()).collect();
    order.sort_by(|&a, &b| results[a].0.total_cmp(&results[b].0).then(a.cmp(&b)));
    let mut refined: Vec<(usize, f64, usize, Vec<P>)> = order
        .into_iter()
        .take(6)
        .map(|k| {
            let mut pos = results[k].2.clone();
            reduce_crossings(&mut pos, &dist, &edges, budget);
            let s = stress(&pos, &dist);
            (crossings(&pos, &edges), s, k, pos)
        })
        .collect();
    refined.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut pos = refined.swap_remove(0).3;
    let s = optimal_scale(&pos, &dist);
    pos.iter_mut().for_each(|p| {
        p.x *= s;
        p.y *= s;
    });
    normalise_orientation(&mut pos);
    pos
}

/// Lays out an undirected graph: each component of two or more people by
/// stress majorization, components packed in rows (largest first, one hop
/// ≈ 1 unit); isolated people are marked and left at the origin.
pub fn layout(
    n: usize,
    edges: &[(usize, usize)],
    community: &[Option<usize>],
    opts: &LayoutOptions,
) -> UnitLayout {
    let adj = adjacency(n, edges);
    let comp = components(&adj);
    let isolated: Vec<bool> = adj.iter().map(Vec::is_empty).collect();
    let mut pos = vec![P::new(0.0, 0.0); n];
    let count = comp.iter().max().map_or(0, |c| c + 1);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); count];
    for v in 0..n {
        members[comp[v]].push(v);
    }
    let mut parts: Vec<(Vec<usize>, Vec<P>)> = members
        .into_iter()
        .filter(|m| m.len() >= 2)
        .map(|m| {
            let p = component_layout(&adj, &m, community, opts);
            (m, p)
        })
        .collect();
    parts.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0[0].cmp(&b.0[0])));
    // Shelf packing, rows no wider than the largest part or a square-ish
    // block, whichever is wider.
    let gap = 1.5;
    let boxes: Vec<(f64, f64, f64, f64)> = parts.iter().map(|(_, p)| bbox(p)).collect();
    let area: f64 = boxes
        .iter()
        .map(|b| (b.2 - b.0 + gap) * (b.3 - b.1 + gap))
        .sum();
    let widest = boxes.iter().map(|b| b.2 - b.0).fold(0.0, f64::max);
    let row_width = widest.max(area.sqrt() * 1.4);
    let (mut x, mut y, mut row_h) = (0.0f64, 0.0f64, 0.0f64);
    for ((m, p), b) in parts.iter().zip(&boxes) {
        let (w, h) = (b.2 - b.0, b.3 - b.1);
        if x > 0.0 && x + w > row_width {
            x = 0.0;
            y += row_h + gap;
            row_h = 0.0;
        }
        for (&v, q) in m.iter().zip(p) {
            pos[v] = P::new(q.x - b.0 + x, q.y - b.1 + y);
        }
        x += w + gap;
        row_h = row_h.max(h);
    }
    UnitLayout {
        pos,
        isolated,
        component: comp,
    }
}

/// Bounding box `(x0, y0, x1, y1)` of points.
pub fn bbox(p: &[P]) -> (f64, f64, f64, f64) {
    let mut b = (
        f64::INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NEG_INFINITY,
    );
    for q in p {
        b.0 = b.0.min(q.x);
        b.1 = b.1.min(q.y);
        b.2 = b.2.max(q.x);
        b.3 = b.3.max(q.y);
    }
    if p.is_empty() {
        (0.0, 0.0, 0.0, 0.0)
    } else {
        b
    }
}
