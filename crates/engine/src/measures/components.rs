//! Connectivity: weak and strong components, the largest component, and
//! articulation points.

use crate::graph::Graph;

/// Component label per node for the weakly connected components (connected
/// components when undirected). Components are numbered in order of their
/// smallest node. Returns `(labels, count)`.
pub fn weak_components(g: &Graph) -> (Vec<usize>, usize) {
    let n = g.node_count();
    let mut label = vec![usize::MAX; n];
    let mut count = 0;
    let mut stack = Vec::new();
    for s in 0..n {
        if label[s] != usize::MAX {
            continue;
        }
        label[s] = count;
        stack.push(s);
        while let Some(v) = stack.pop() {
            for &w in g.out_neighbors(v).iter().chain(g.in_neighbors(v)) {
                let w = w as usize;
                if label[w] == usize::MAX {
                    label[w] = count;
                    stack.push(w);
                }
            }
        }
        count += 1;
    }
    (label, count)
}

/// Component label per node for the strongly connected components of a
/// directed graph (Tarjan 1972, "Depth-first search and linear graph
/// algorithms", *SIAM J. Comput.* 1:146–160; iterative, so deep graphs do not
/// overflow the stack). Components are renumbered in order of their smallest
/// node. For an undirected graph this equals [`weak_components`].
pub fn strong_components(g: &Graph) -> (Vec<usize>, usize) {
    if !g.is_directed() {
        return weak_components(g);
    }
    let n = g.node_count();
    const NONE: usize = usize::MAX;
    let mut index = vec![NONE; n];
    let mut low = vec![0usize; n];
    let mut on_stack = vec![false; n];
    let mut stack: Vec<usize> = Vec::new();
    let mut comp = vec![NONE; n];
    let mut next_index = 0;
    let mut count = 0;
    // Call stack of (node, position in its neighbour list).
    let mut calls: Vec<(usize, usize)> = Vec::new();
    for root in 0..n {
        if index[root] != NONE {
            continue;
        }
        calls.push((root, 0));
        index[root] = next_index;
        low[root] = next_index;
        next_index += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (v, ref mut pos)) = calls.last_mut() {
            let nbrs = g.out_neighbors(v);
            if *pos < nbrs.len() {
                let w = nbrs[*pos] as usize;
                *pos += 1;
                if index[w] == NONE {
                    index[w] = next_index;
                    low[w] = next_index;
                    next_index += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    calls.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
            } else {
                calls.pop();
                if let Some(&(parent, _)) = calls.last() {
                    low[parent] = low[parent].min(low[v]);
                }
                if low[v] == index[v] {
                    while let Some(w) = stack.pop() {
                        on_stack[w] = false;
                        comp[w] = count;
                        if w == v {
                            break;
                        }
                    }
                    count += 1;
                }
            }
        }
    }
    renumber(comp, count)
}

/// Renumbers component labels in order of each component's smallest node.
fn renumber(labels: Vec<usize>, count: usize) -> (Vec<usize>, usize) {
    let mut map = vec![usize::MAX; count];
    let mut next = 0;
    let mut out = labels;
    for l in out.iter_mut() {
        if map[*l] == usize::MAX {
            map[*l] = next;
            next += 1;
        }
        *l = map[*l];
    }
    (out, count)
}

/// The nodes of the largest component, sorted: the largest connected
/// component of an undirected graph, the largest *strongly* connected
/// component of a directed one (where every distance is finite). Ties in
/// size go to the component with the smallest node. Empty for an empty graph.
pub fn largest_component(g: &Graph) -> Vec<usize> {
    let (labels, count) = if g.is_directed() {
        strong_components(g)
    } else {
        weak_components(g)
    };
    if count == 0 {
        return Vec::new();
    }
    let mut sizes = vec![0usize; count];
    for &l in &labels {
        sizes[l] += 1;
    }
    // Labels are numbered by smallest node, so the first maximum wins ties.
    let best = (0..count).fold(0, |b, c| if sizes[c] > sizes[b] { c } else { b });
    (0..g.node_count()).filter(|&v| labels[v] == best).collect()
}

/// Articulation points (cut vertices) of the underlying undirected graph:
/// nodes whose removal increases the number of connected components
/// (Hopcroft & Tarjan 1973, "Efficient algorithms for graph manipulation",
/// *Comm. ACM* 16:372–378). Same set as NetworkX
/// `articulation_points(G.to_undirected())`.
pub fn articulation_points(g: &Graph) -> Vec<bool> {
    let n = g.node_count();
    let und;
    let g = if g.is_directed() {
        und = g.to_undirected();
        &und
    } else {
        g
    };
    const NONE: usize = usize::MAX;
    let mut disc = vec![NONE; n];
    let mut low = vec![0usize; n];
    let mut is_cut = vec![false; n];
    let mut time = 0;
    let mut calls: Vec<(usize, usize, usize)> = Vec::new(); // (node, parent, pos)
    for root in 0..n {
        if disc[root] != NONE {
            continue;
        }
        disc[root] = time;
        low[root] = time;
        time += 1;
        let mut root_children = 0;
        calls.push((root, NONE, 0));
        while let Some(&mut (v, parent, ref mut pos)) = calls.last_mut() {
            let nbrs = g.out_neighbors(v);
            if *pos < nbrs.len() {
                let w = nbrs[*pos] as usize;
                *pos += 1;
                if disc[w] == NONE {
                    disc[w] = time;
                    low[w] = time;
                    time += 1;
                    if v == root {
                        root_children += 1;
                    }
                    calls.push((w, v, 0));
                } else if w != parent {
                    low[v] = low[v].min(disc[w]);
                }
            } else {
                calls.pop();
                if parent != NONE {
                    low[parent] = low[parent].min(low[v]);
                    if parent != root && low[v] >= disc[parent] {
                        is_cut[parent] = true;
                    }
                }
            }
        }
        if root_children > 1 {
            is_cut[root] = true;
        }
    }
    is_cut
}
