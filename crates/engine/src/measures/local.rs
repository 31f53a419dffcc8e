//! Local structure: clustering, transitivity, Burt's structural holes
//! (constraint, effective size) and core numbers.

use crate::graph::Graph;

fn wt(g: &Graph, u: usize, v: usize, weighted: bool) -> f64 {
    match g.weight(u, v) {
        Some(w) => {
            if weighted {
                w
            } else {
                1.0
            }
        }
        None => 0.0,
    }
}

/// Local clustering coefficient as NetworkX `clustering(G, weight)`.
///
/// - Undirected, unweighted: `c_v = 2 T_v / (k_v (k_v − 1))`, the share of
///   pairs of neighbours that are tied (Watts & Strogatz 1998).
/// - Undirected, weighted: triangle intensities are the geometric means of
///   the three weights divided by the largest weight in the graph (Onnela,
///   Saramäki, Kertész & Kaski 2005, *Phys. Rev. E* 71:065103).
/// - Directed: Fagiolo's coefficient over all directed triangles,
///   `c_v = T_v / (2 [d_v (d_v − 1) − 2 d↔_v])` with `d_v` the total degree
///   and `d↔_v` the number of reciprocated ties (Fagiolo 2007, *Phys. Rev. E*
///   76:026107), with the same weighting when weighted.
///
/// Nodes with fewer than two neighbours have clustering 0 (NetworkX).
pub fn clustering(g: &Graph, weighted: bool) -> Vec<f64> {
    let n = g.node_count();
    let maxw = if weighted { g.max_weight() } else { 1.0 };
    let norm = |w: f64| if weighted { w / maxw } else { 1.0 };
    let mut out = vec![0.0; n];
    if !g.is_directed() {
        let mut mark = vec![f64::NAN; n];
        for i in 0..n {
            let nbrs = g.out_neighbors(i);
            let k = nbrs.len();
            if k < 2 {
                continue;
            }
            for (&j, &w) in nbrs.iter().zip(g.out_weights(i)) {
                mark[j as usize] = norm(w);
            }
            let mut t = 0.0;
            for (&j, &wij) in nbrs.iter().zip(g.out_weights(i)) {
                let j = j as usize;
                for (&kk, &wjk) in g.out_neighbors(j).iter().zip(g.out_weights(j)) {
                    let kk = kk as usize;
                    // Each triangle {i, j, k} once per ordered (j, k): both
                    // orders are counted, as NetworkX's 2× factor does.
                    if kk != i && !mark[kk].is_nan() {
                        t += if weighted {
                            (norm(wij) * norm(wjk) * mark[kk]).cbrt()
                        } else {
                            1.0
                        };
                    }
                }
            }
            for &j in nbrs {
                mark[j as usize] = f64::NAN;
            }
            if t > 0.0 {
                out[i] = t / (k as f64 * (k as f64 - 1.0));
            }
        }
        return out;
    }
    // Directed (Fagiolo). For node i and each j among its predecessors and
    // successors (a reciprocated neighbour counts twice), count the k that
    // are predecessors/successors of both i and j, weighted per NetworkX.
    let mut pred_w = vec![f64::NAN; n];
    let mut succ_w = vec![f64::NAN; n];
    for i in 0..n {
        let preds = g.in_neighbors(i);
        let succs = g.out_neighbors(i);
        for (&k, &w) in preds.iter().zip(g.in_weights(i)) {
            pred_w[k as usize] = norm(w);
        }
        for (&k, &w) in succs.iter().zip(g.out_weights(i)) {
            succ_w[k as usize] = norm(w);
        }
        let mut t = 0.0;
        // j as a predecessor of i (tie j→i) then j as a successor (i→j).
        let js = preds
            .iter()
            .zip(g.in_weights(i))
            .map(|(&j, &w)| (j as usize, norm(w)))
            .chain(
                succs
                    .iter()
                    .zip(g.out_weights(i))
                    .map(|(&j, &w)| (j as usize, norm(w))),
            );
        for (j, wij) in js {
            for (&k, &wjk_in) in g.in_neighbors(j).iter().zip(g.in_weights(j)) {
                // k → j
                let k = k as usize;
                let wkj = norm(wjk_in);
                if !pred_w[k].is_nan() {
                    t += if weighted {
                        (wij * pred_w[k] * wkj).cbrt()
                    } else {
                        1.0
                    };
                }
                if !succ_w[k].is_nan() {
                    t += if weighted {
                        (wij * succ_w[k] * wkj).cbrt()
                    } else {
                        1.0
                    };
                }
            }
            for (&k, &wjk_out) in g.out_neighbors(j).iter().zip(g.out_weights(j)) {
                // j → k
                let k = k as usize;
                let wjk = norm(wjk_out);
                if !pred_w[k].is_nan() {
                    t += if weighted {
                        (wij * pred_w[k] * wjk).cbrt()
                    } else {
                        1.0
                    };
                }
                if !succ_w[k].is_nan() {
                    t += if weighted {
                        (wij * succ_w[k] * wjk).cbrt()
                    } else {
                        1.0
                    };
                }
            }
        }
        for &k in preds {
            pred_w[k as usize] = f64::NAN;
        }
        for &k in succs {
            succ_w[k as usize] = f64::NAN;
        }
        let dt = (preds.len() + succs.len()) as f64;
        let db = count_common(preds, succs) as f64;
        let denom = (dt * (dt - 1.0) - 2.0 * db) * 2.0;
        if t > 0.0 && denom > 0.0 {
            out[i] = t / denom;
        }
    }
    out
}

/// Number of common elements of two sorted lists.
fn count_common(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut c) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                c += 1;
                i += 1;
                j += 1;
            }
        }
    }
    c
}

/// Transitivity as NetworkX `transitivity(G)`: `3 × triangles / connected
/// triples` of the underlying undirected graph (Newman, Watts & Strogatz
/// 2002). Directed graphs are taken as undirected (NetworkX refuses them;
/// the convention here is stated in the output). 0 when there are no triples.
pub fn transitivity(g: &Graph) -> f64 {
    let und;
    let g = if g.is_directed() {
        und = g.to_undirected();
        &und
    } else {
        g
    };
    let n = g.node_count();
    let mut mark = vec![false; n];
    let (mut tri, mut triples) = (0.0, 0.0);
    for i in 0..n {
        let nbrs = g.out_neighbors(i);
        let k = nbrs.len() as f64;
        triples += k * (k - 1.0);
        for &j in nbrs {
            mark[j as usize] = true;
        }
        for &j in nbrs {
            tri += g
                .out_neighbors(j as usize)
                .iter()
                .filter(|&&x| mark[x as usize])
                .count() as f64;
        }
        for &j in nbrs {
            mark[j as usize] = false;
        }
    }
    if tri == 0.0 { 0.0 } else { tri / triples }
}

/// Sorted, de-duplicated union of predecessors and successors
/// (NetworkX `all_neighbors` as a set).
fn all_neighbors(g: &Graph, v: usize) -> Vec<usize> {
    let mut s: Vec<usize> = g
        .out_neighbors(v)
        .iter()
        .chain(g.in_neighbors(v))
        .map(|&x| x as usize)
        .collect();
    s.sort_unstable();
    s.dedup();
    s
}

/// Mutual weight `a_uv + a_vu` (Burt's "proportional tie" numerator).
fn mutual(g: &Graph, u: usize, v: usize, weighted: bool) -> f64 {
    wt(g, u, v, weighted) + wt(g, v, u, weighted)
}

/// Burt's constraint as NetworkX `constraint(G, weight)`.
///
/// Definition: `c_i = Σ_{j∈N(i)} (p_ij + Σ_{q∈N(i)} p_iq p_qj)²` with
/// `p_ij = (a_ij + a_ji) / Σ_k (a_ik + a_ki)` the proportional strength of
/// the tie (Burt 1992, *Structural Holes*, p. 54–55). High constraint: the
/// person's contacts are tied to each other, so they broker little.
///
/// `None` for a node without any tie (NetworkX: NaN). A directed node with
/// in-ties only has a constraint by this formula; NetworkX 3.7 gives NaN
/// there when called with `nodes=` and a value otherwise, so the formula
/// decides.
pub fn constraint(g: &Graph, weighted: bool) -> Vec<Option<f64>> {
    let n = g.node_count();
    let nbrs: Vec<Vec<usize>> = (0..n).map(|v| all_neighbors(g, v)).collect();
    let total: Vec<f64> = (0..n)
        .map(|v| nbrs[v].iter().map(|&x| mutual(g, v, x, weighted)).sum())
        .collect();
    let p = |a: usize, b: usize| -> f64 {
        if total[a] == 0.0 {
            0.0
        } else {
            mutual(g, a, b, weighted) / total[a]
        }
    };
    (0..n)
        .map(|i| {
            if nbrs[i].is_empty() {
                return None;
            }
            let mut c = 0.0;
            for &j in &nbrs[i] {
                let indirect: f64 = nbrs[i].iter().map(|&q| p(i, q) * p(q, j)).sum();
                let x = p(i, j) + indirect;
                c += x * x;
            }
            Some(c)
        })
        .collect()
}

/// Burt's effective size as NetworkX `effective_size(G, weight)`.
///
/// Definition: `e_i = Σ_{j∈N(i)} (1 − Σ_{q∈N(i)} p_iq m_jq)` with `p` as in
/// [`constraint`] and `m_jq = (a_jq + a_qj) / max_k (a_jk + a_kj)` (Burt 1992,
/// p. 52). For undirected unweighted graphs this is Borgatti's form `n − 2t/n`
/// with `n` neighbours and `t` ties among them (Borgatti 1997, "Structural
/// holes: unpacking Burt's redundancy measures", *Connections* 20:35–38),
/// which NetworkX uses there. `None` for a node without any tie.
///
/// Note: NetworkX 3.7's default call takes a sparse-matrix path that divides
/// by column instead of row maxima for weighted or reciprocated directed ties
/// (networkx PR #8906); the formula above, as its documentation states it,
/// is what is computed and tested.
pub fn effective_size(g: &Graph, weighted: bool) -> Vec<Option<f64>> {
    let n = g.node_count();
    if !g.is_directed() && !weighted {
        let mut mark = vec![false; n];
        return (0..n)
            .map(|v| {
                let nb = g.out_neighbors(v);
                if nb.is_empty() {
                    return None;
                }
                for &j in nb {
                    mark[j as usize] = true;
                }
                let ties: usize = nb
                    .iter()
                    .map(|&j| {
                        g.out_neighbors(j as usize)
                            .iter()
                            .filter(|&&k| mark[k as usize])
                            .count()
                    })
                    .sum();
                for &j in nb {
                    mark[j as usize] = false;
                }
                let k = nb.len() as f64;
                // `ties` counts each tie among neighbours twice.
                Some(k - ties as f64 / k)
            })
            .collect();
    }
    let nbrs: Vec<Vec<usize>> = (0..n).map(|v| all_neighbors(g, v)).collect();
    let total: Vec<f64> = (0..n)
        .map(|v| nbrs[v].iter().map(|&x| mutual(g, v, x, weighted)).sum())
        .collect();
    let maxm: Vec<f64> = (0..n)
        .map(|v| {
            nbrs[v]
                .iter()
                .map(|&x| mutual(g, v, x, weighted))
                .fold(0.0, f64::max)
        })
        .collect();
    (0..n)
        .map(|i| {
            if nbrs[i].is_empty() {
                return None;
            }
            let mut e = 0.0;
            for &j in &nbrs[i] {
                let r: f64 = nbrs[i]
                    .iter()
                    .map(|&q| {
                        let p = if total[i] == 0.0 {
                            0.0
                        } else {
                            mutual(g, i, q, weighted) / total[i]
                        };
                        let m = if maxm[j] == 0.0 {
                            0.0
                        } else {
                            mutual(g, j, q, weighted) / maxm[j]
                        };
                        p * m
                    })
                    .sum();
                e += 1.0 - r;
            }
            Some(e)
        })
        .collect()
}

/// Core number as NetworkX `core_number(G)`: the largest `k` such that the
/// node belongs to the `k`-core, the maximal subgraph where every node has
/// degree at least `k` (Seidman 1983; algorithm of Batagelj & Zaversnik 2003,
/// "An O(m) algorithm for cores decomposition of networks"). For directed
/// graphs degree is in + out, as NetworkX.
pub fn core_number(g: &Graph) -> Vec<usize> {
    let n = g.node_count();
    let mut deg: Vec<usize> = (0..n).map(|v| g.degree(v)).collect();
    let md = deg.iter().copied().max().unwrap_or(0);
    let mut bin = vec![0usize; md + 2];
    for &d in &deg {
        bin[d] += 1;
    }
    let mut start = 0;
    for b in bin.iter_mut() {
        let c = *b;
        *b = start;
        start += c;
    }
    let mut pos = vec![0usize; n];
    let mut vert = vec![0usize; n];
    for v in 0..n {
        pos[v] = bin[deg[v]];
        vert[pos[v]] = v;
        bin[deg[v]] += 1;
    }
    // Shift the bins back to their starts. `bin[0]` is left as it is: a
    // neighbour is moved down only from a degree above the current node's,
    // so from degree 1 or more, and `bin[0]` is never read.
    for d in (1..=md).rev() {
        bin[d] = bin[d - 1];
    }
    for i in 0..n {
        let v = vert[i];
        let multi = g.out_neighbors(v).iter().chain(if g.is_directed() {
            g.in_neighbors(v)
        } else {
            &[]
        });
        for &u in multi {
            let u = u as usize;
            if deg[u] > deg[v] {
                let du = deg[u];
                let pu = pos[u];
                let pw = bin[du];
                let w = vert[pw];
                if u != w {
                    pos[u] = pw;
                    vert[pu] = w;
                    pos[w] = pu;
                    vert[pw] = u;
                }
                bin[du] += 1;
                deg[u] -= 1;
            }
        }
    }
    deg
}
