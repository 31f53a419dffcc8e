#!/usr/bin/env python3
"""Generate the engine's reference test vectors with NetworkX.

Writes one JSON file per case to crates/engine/tests/vectors/<case>.json.  The Rust engine's tests
compare their results with these values to 1e-9.  Run through tools/reference/setup.sh's venv:

    tools/reference/setup.sh && tools/reference/.venv/bin/python tools/reference/generate_vectors.py

Everything is deterministic: fixed seeds, integer node keys inside NetworkX (so no iteration over
hash-randomised string sets), graphs built by adding nodes in index order and then edges in sorted
(u, v) order, JSON written with sorted keys and indent 1.  See README.md for the conventions.

Conventions and formulas (cited, not copied):
- Freeman centralisation, L. C. Freeman, "Centrality in social networks: conceptual clarification",
  Social Networks 1 (1979): sum_i (max - c_i) divided by the value of that sum for the star graph.
- Weighted distances 1/weight: T. Opsahl, F. Agneessens, J. Skvoretz, "Node centrality in weighted
  networks", Social Networks 32 (2010).  Computed here with fractions.Fraction so that equal path
  lengths compare equal (see PRODUCT.md section 4).
- E-I index: D. Krackhardt & R. N. Stern, "Informal networks and organizational crises",
  Social Psychology Quarterly 51 (1988).
- Brokerage roles: R. V. Gould & R. M. Fernandez, "Structures of mediation", Sociological
  Methodology 19 (1989).
- Pajek format: W. de Nooy, A. Mrvar, V. Batagelj, Exploratory Social Network Analysis with Pajek.
"""

import json
import math
import os
import random
import re
import sys
import warnings
from fractions import Fraction

import networkx as nx
import numpy as np

EXPECTED_NX = "3.7"
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
OUT_DIR = os.path.join(REPO, "crates", "engine", "tests", "vectors")
DATA_DIR_DEFAULT = os.path.normpath(os.path.join(REPO, "..", "shared", "data", "networks"))
LOUVAIN_SEED = 42

FUNCTIONS = [
    "tildeling", "nav_okonomi", "tjenester_bolig", "husleie", "utbygging", "framskaffe",
    "arealplan", "drift", "boligsosial_plan", "samfunnsplan", "politiker",
]
# Two clusters used by the synthetic municipal networks ("town hall" vs "services").
TOWN_HALL = {"utbygging", "framskaffe", "arealplan", "boligsosial_plan", "samfunnsplan", "politiker"}


# ----------------------------------------------------------------------------------------------
# Small helpers
# ----------------------------------------------------------------------------------------------

def clean(x):
    """Recursively turn Fractions / numpy scalars into floats, NaN and inf into None."""
    if isinstance(x, bool) or x is None or isinstance(x, str):
        return x
    if isinstance(x, (int, np.integer)):
        return int(x)
    if isinstance(x, (float, np.floating, Fraction)):
        f = float(x)
        return None if (math.isnan(f) or math.isinf(f)) else f
    if isinstance(x, dict):
        return {str(k): clean(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [clean(v) for v in x]
    raise TypeError(f"cannot serialise {type(x)}: {x!r}")


def ordered(d, n):
    """dict keyed by node index -> list in node order."""
    return [d[i] for i in range(n)]


class Case:
    """A test case: n nodes (indices 0..n-1), edges [(u, v, w)], optional groups."""

    def __init__(self, name, description, directed, node_ids, edges, groups=None,
                 weighted=None, real=None, real_weights=False):
        self.name = name
        self.description = description
        self.directed = directed
        self.node_ids = [str(x) for x in node_ids]
        n = len(self.node_ids)
        norm = {}
        for u, v, w in edges:
            assert u != v, f"{name}: self-loop {u}"
            assert 0 <= u < n and 0 <= v < n
            if real_weights:
                assert isinstance(w, (int, float)) and w > 0, f"{name}: weight {w!r}"
            else:
                assert isinstance(w, int) and w >= 1, f"{name}: weight {w!r} must be a positive int"
            key = (u, v) if directed else (min(u, v), max(u, v))
            assert key not in norm, f"{name}: duplicate edge {key}"
            norm[key] = w
        self.edges = sorted((u, v, w) for (u, v), w in norm.items())
        self.groups = None if groups is None else [str(g) for g in groups]
        if self.groups is not None:
            assert len(self.groups) == n
        if weighted is None:
            weighted = any(w != 1 for _, _, w in self.edges)
        self.weighted = weighted
        self.real = real  # dict with labels/source_file/network for real networks
        # Weights without a small common denominator: the engine's path lengths fall back to
        # floating point (issue 14). Distances here stay exact: 1 / Fraction(w) of the very
        # binary value the engine reads.
        self.real_weights = real_weights

    @property
    def n(self):
        return len(self.node_ids)

    def graph(self, with_weights):
        G = nx.DiGraph() if self.directed else nx.Graph()
        G.add_nodes_from(range(self.n))
        for u, v, w in self.edges:
            if with_weights:
                G.add_edge(u, v, weight=w, dist=1 / Fraction(w))
            else:
                G.add_edge(u, v)
        return G


# ----------------------------------------------------------------------------------------------
# Measures
# ----------------------------------------------------------------------------------------------

def largest_component(G):
    """Largest connected (undirected) / strongly connected (directed) component; ties in size are
    broken by the component that contains the smallest node index."""
    comps = nx.strongly_connected_components(G) if G.is_directed() else nx.connected_components(G)
    comps = [sorted(c) for c in comps]
    if not comps:
        return None
    comps.sort(key=lambda c: (-len(c), c[0]))
    return comps[0]


def diameter_apl(G, weight=None):
    comp = largest_component(G)
    if comp is None:
        return None, None
    if len(comp) == 1:
        return 0, 0
    S = G.subgraph(comp)
    diam = nx.diameter(S, weight=weight)
    apl = nx.average_shortest_path_length(S, weight=weight)
    if weight is not None:
        assert isinstance(apl, Fraction) or apl == 0, type(apl)
        # Independent check of the exact values with all-pairs Dijkstra.
        tot, mx = Fraction(0), Fraction(0)
        for s, dd in nx.all_pairs_dijkstra_path_length(S, weight=weight):
            for t, d in dd.items():
                tot += d
                mx = max(mx, d)
        k = len(comp)
        assert tot / (k * (k - 1)) == apl and mx == diam
    return diam, apl


def eigenvector_dense(case, G, weight):
    """Eigenvector centrality by dense eigendecomposition (networkx's convention: x = A^T x, i.e.
    in-edges for directed graphs).  None where undefined (not (strongly) connected, or n < 2)."""
    n = G.number_of_nodes()
    if n < 2:
        return None
    connected = nx.is_strongly_connected(G) if G.is_directed() else nx.is_connected(G)
    if not connected:
        return None
    A = nx.to_numpy_array(G, nodelist=list(range(n)), weight=weight, dtype=float)
    if G.is_directed():
        vals, vecs = np.linalg.eig(A.T)
        k = int(np.argmax(vals.real))
        v = vecs[:, k]
        v = v / v[int(np.argmax(np.abs(v)))]  # remove the complex phase
        assert np.max(np.abs(v.imag)) < 1e-10
        v = v.real
    else:
        vals, vecs = np.linalg.eigh(A)
        v = vecs[:, -1]
        k = int(np.argmax(vals))
        assert k == n - 1 or vals[k] == vals[-1]
    v = v * np.sign(v.sum())
    v = v / np.linalg.norm(v)
    assert v.min() > -1e-12, v
    v = np.where(np.abs(v) < 1e-15, 0.0, v)
    res = [float(x) for x in v]
    # Cross-check against networkx where it runs (ARPACK needs n > 2 and may refuse tiny graphs).
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            ref = nx.eigenvector_centrality_numpy(G, weight=weight)
    except Exception as e:  # noqa: BLE001 - reported, not hidden
        NOTES.setdefault("nx.eigenvector_centrality_numpy refused (not cross-checked)", set()).add(
            f"{case.name} (n={n}): {type(e).__name__}: {str(e)[:60]}")
    else:
        diff = max(abs(ref[i] - res[i]) for i in range(n))
        assert diff < 1e-8, f"eigenvector mismatch {diff}"
    return res


def freeman(values, denom):
    if denom is None:
        return None
    mx = max(values)
    return sum(mx - x for x in values) / denom


NOTES = {}


def unweighted_measures(case):
    G = case.graph(False)
    n = case.n
    directed = case.directed
    U = G.to_undirected() if directed else G
    g = {}
    g["nodes"] = n
    g["edges"] = G.number_of_edges()
    g["density"] = nx.density(G)
    if directed:
        g["reciprocity"] = nx.overall_reciprocity(G) if G.number_of_edges() > 0 else None
        g["weak_components"] = nx.number_weakly_connected_components(G)
        g["strong_components"] = nx.number_strongly_connected_components(G)
    else:
        g["reciprocity"] = None
        g["weak_components"] = nx.number_connected_components(G)
        g["strong_components"] = None
    g["diameter"], g["average_path_length"] = diameter_apl(G)
    g["transitivity"] = nx.transitivity(U)

    und_deg = [U.degree(i) for i in range(n)]
    g["degree_centralization"] = freeman(und_deg, (n - 1) * (n - 2) if n >= 3 else None)
    if directed and n >= 2:
        g["in_degree_centralization"] = freeman([G.in_degree(i) for i in range(n)], (n - 1) ** 2)
        g["out_degree_centralization"] = freeman([G.out_degree(i) for i in range(n)], (n - 1) ** 2)
    else:
        g["in_degree_centralization"] = None
        g["out_degree_centralization"] = None

    bet = ordered(nx.betweenness_centrality(G, normalized=True), n)
    g["betweenness_centralization"] = freeman(bet, (n - 1) if n >= 3 else None)

    parts = nx.community.louvain_communities(G, weight=None, seed=LOUVAIN_SEED)
    parts = sorted((sorted(c) for c in parts), key=lambda c: c[0])
    partition = [None] * n
    for ci, c in enumerate(parts):
        for v in c:
            partition[v] = ci
    assert None not in partition
    g["modularity"] = nx.community.modularity(G, [set(c) for c in parts], weight=None)
    g["louvain_modularity"] = g["modularity"]
    g["communities"] = len(parts)

    nd = {}
    nd["degree"] = [G.degree(i) for i in range(n)]
    # Strength is the sum of tie values whether or not paths are weighted (PRODUCT.md §4).
    # The real networks' cases collapse their files' values to 1, so their strength is not
    # theirs: left out (the command-line test marks it as not compared).
    W = case.graph(True)
    if case.real is None:
        nd["strength"] = [W.degree(i, weight="weight") for i in range(n)]
    if directed:
        nd["in_degree"] = [G.in_degree(i) for i in range(n)]
        nd["out_degree"] = [G.out_degree(i) for i in range(n)]
        if case.real is None:
            nd["in_strength"] = [W.in_degree(i, weight="weight") for i in range(n)]
            nd["out_strength"] = [W.out_degree(i, weight="weight") for i in range(n)]
    nd["betweenness"] = bet
    nd["closeness"] = ordered(nx.closeness_centrality(G), n)
    nd["harmonic"] = ordered(nx.harmonic_centrality(G), n)
    # PageRank to (near) machine precision: networkx's default tol=1e-6 is
    # far looser than the 1e-9 the tests ask for.
    nd["pagerank"] = ordered(nx.pagerank(G, alpha=0.85, weight=None, tol=1e-15, max_iter=100000), n)
    nd["eigenvector"] = eigenvector_dense(case, G, None)
    nd["clustering"] = ordered(nx.clustering(G), n)
    nd["constraint"], nd["effective_size"] = structural_holes(case, G, None)
    nd["core_number"] = ordered(nx.core_number(G), n)
    aps = set(nx.articulation_points(U))
    nd["articulation_point"] = [i in aps for i in range(n)]
    return {"graph": g, "nodes": nd}, partition


def burt(G, weight):
    """Burt's constraint and effective size with plain loops, following the formulas in the
    networkx 3.7 docstrings (Burt 1992/2004): mutual weight a_uv + a_vu over in- and
    out-neighbours; p_uv = mutual(u, v) / sum_k mutual(u, k); m_vw = mutual(v, w) / max_k
    mutual(v, k);
        constraint(u)     = sum_{v in N(u)} (p_uv + sum_{w in N(u)} p_uw p_wv)^2
        effective_size(u) = sum_{v in N(u)} (1 - sum_{w in N(u)} p_uw m_vw)
    N(u) = in- and out-neighbours except u.  NaN for nodes without neighbours (isolates)."""
    n = G.number_of_nodes()

    def a(u, v):
        if not G.has_edge(u, v):
            return 0
        return G[u][v].get(weight, 1) if weight is not None else 1

    def mutual(u, v):  # for undirected graphs this is 2 w(u, v): only ratios are used
        return a(u, v) + a(v, u)

    nbrs = [sorted(set(nx.all_neighbors(G, u)) - {u}) for u in range(n)]
    tot = [sum(Fraction(mutual(u, k)) for k in nbrs[u]) for u in range(n)]
    mx = [max((mutual(u, k) for k in nbrs[u]), default=0) for u in range(n)]

    def p(u, v):
        return Fraction(mutual(u, v)) / tot[u] if tot[u] else Fraction(0)

    con, eff = [], []
    for u in range(n):
        if not nbrs[u]:
            con.append(float("nan"))
            eff.append(float("nan"))
            continue
        c = Fraction(0)
        e = Fraction(0)
        for v in nbrs[u]:
            c += (p(u, v) + sum((p(u, w) * p(w, v) for w in nbrs[u]), Fraction(0))) ** 2
            e += 1 - sum((p(u, w) * Fraction(mutual(v, w)) / Fraction(mx[v])
                          for w in nbrs[u]), Fraction(0))
        con.append(c)
        eff.append(e)
    return con, eff


def structural_holes(case, G, weight):
    """Constraint and effective size, computed exactly with burt() above and compared with both
    code paths of networkx 3.7: nx.constraint(G)/nx.effective_size(G) (all nodes: a sparse-matrix
    path) and the same with nodes=list(G) (a per-node path).  Disagreements are printed as notes;
    the vectors hold burt()'s values.  Known networkx 3.7 issues found this way:
    - the sparse effective_size normalises m_vw by the column maximum instead of the row maximum
      (wrong for weighted graphs and for directed graphs with reciprocated arcs; the per-node path
      is right, see networkx PR #8906);
    - the per-node paths give NaN to a directed node that has in-arcs but no out-arcs (they test
      G[v], the successors), where the sparse paths, and Burt's mutual-tie definition, give a value.
    """
    n = case.n
    con, eff = burt(G, weight)
    paths = {
        "sparse": (nx.constraint(G, weight=weight), nx.effective_size(G, weight=weight)),
        "per-node": (nx.constraint(G, nodes=list(range(n)), weight=weight),
                     nx.effective_size(G, nodes=list(range(n)), weight=weight)),
    }
    wtag = "weighted" if weight else "unweighted"
    for pname, (pc, pe) in paths.items():
        for key, mine, theirs in (("constraint", con, pc), ("effective_size", eff, pe)):
            for i in range(n):
                x, y = float(mine[i]), theirs[i]
                if (math.isnan(x) and math.isnan(y)) or (not math.isnan(x) and not
                                                         math.isnan(y) and abs(x - y) < 1e-9):
                    continue
                NOTES.setdefault(f"nx.{key} {pname} path differs from Burt's formula", set()).add(
                    f"{case.name} ({wtag}): node {case.node_ids[i]}: formula {x!r}, nx {y!r}")
    return con, eff


def weighted_measures(case, partition):
    G = case.graph(True)
    n = case.n
    directed = case.directed
    g = {}
    g["diameter"], g["average_path_length"] = diameter_apl(G, weight="dist")
    bet = ordered(nx.betweenness_centrality(G, normalized=True, weight="dist"), n)
    g["betweenness_centralization"] = freeman(bet, (n - 1) if n >= 3 else None)
    comms = [set(i for i in range(n) if partition[i] == c) for c in range(max(partition) + 1)]
    g["modularity"] = nx.community.modularity(G, comms, weight="weight")

    nd = {}
    nd["strength"] = [G.degree(i, weight="weight") for i in range(n)]
    if directed:
        nd["in_strength"] = [G.in_degree(i, weight="weight") for i in range(n)]
        nd["out_strength"] = [G.out_degree(i, weight="weight") for i in range(n)]
    nd["betweenness"] = bet
    nd["closeness"] = ordered(nx.closeness_centrality(G, distance="dist"), n)
    harm = nx.harmonic_centrality(G, distance="dist")
    assert all(isinstance(x, (Fraction, int)) for x in harm.values())
    if case.real_weights:
        # Float NetworkX (distance 1/w as a float) must agree with the exact values: no two
        # shortest paths tie in these cases, so the stated tolerance of the engine's float
        # path is never what decides a value here.
        F = nx.DiGraph() if directed else nx.Graph()
        F.add_nodes_from(range(n))
        for u, v, w in case.edges:
            F.add_edge(u, v, fdist=1.0 / w)
        fb = nx.betweenness_centrality(F, normalized=True, weight="fdist")
        fc = nx.closeness_centrality(F, distance="fdist")
        for i in range(n):
            assert abs(fb[i] - bet[i]) < 1e-12, (case.name, i, fb[i], float(bet[i]))
            assert abs(fc[i] - nd["closeness"][i]) < 1e-12, (case.name, i)
    nd["harmonic"] = ordered(harm, n)
    nd["pagerank"] = ordered(nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-15, max_iter=100000), n)
    nd["eigenvector"] = eigenvector_dense(case, G, "weight")
    nd["clustering"] = ordered(nx.clustering(G, weight="weight"), n)
    nd["constraint"], nd["effective_size"] = structural_holes(case, G, "weight")
    return {"graph": g, "nodes": nd}


def float_betweenness(case):
    """What networkx gives with float distances 1/w (for the description of tied cases)."""
    G = nx.DiGraph() if case.directed else nx.Graph()
    G.add_nodes_from(range(case.n))
    for u, v, w in case.edges:
        G.add_edge(u, v, fdist=1.0 / w)
    return ordered(nx.betweenness_centrality(G, normalized=True, weight="fdist"), case.n)


# ----------------------------------------------------------------------------------------------
# Group measures: plain loops, independent of networkx
# ----------------------------------------------------------------------------------------------

def group_measures(case):
    n = case.n
    grp = case.groups
    labels = sorted(set(grp))
    idx = {g: i for i, g in enumerate(labels)}
    ties = [(u, v) for u, v, _ in case.edges]  # arcs (directed) or each edge once (undirected)

    counts = [[0] * len(labels) for _ in labels]
    for u, v in ties:
        a, b = idx[grp[u]], idx[grp[v]]
        counts[a][b] += 1
        if not case.directed and a != b:
            counts[b][a] += 1

    E = sum(1 for u, v in ties if grp[u] != grp[v])
    I = sum(1 for u, v in ties if grp[u] == grp[v])
    ei = None if E + I == 0 else Fraction(E - I, E + I)

    p_ext = p_int = 0
    for i in range(n):
        for j in range(i + 1, n):
            if grp[i] == grp[j]:
                p_int += 1
            else:
                p_ext += 1
    ei_expected = None if p_ext + p_int == 0 else Fraction(p_ext - p_int, p_ext + p_int)

    ei_by_group = {}
    for g in labels:
        eg = sum(1 for u, v in ties if (grp[u] == g) != (grp[v] == g))
        ig = sum(1 for u, v in ties if grp[u] == g and grp[v] == g)
        ei_by_group[g] = None if eg + ig == 0 else Fraction(eg - ig, eg + ig)

    # Brokerage (Gould & Fernandez 1989).  arc[a][c] is True when a -> c.
    arc = [[False] * n for _ in range(n)]
    for u, v in ties:
        arc[u][v] = True
        if not case.directed:
            arc[v][u] = True
    roles = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison"]
    br = {r: [0] * n for r in roles}
    for b in range(n):
        for a in range(n):
            if a == b or not arc[a][b]:
                continue
            for c in range(n):
                if c == a or c == b or not arc[b][c] or arc[a][c]:
                    continue
                ga, gb, gc = grp[a], grp[b], grp[c]
                if ga == gb == gc:
                    role = "coordinator"
                elif ga == gc and ga != gb:
                    role = "itinerant"
                elif ga == gb and gb != gc:
                    role = "representative"
                elif gb == gc and ga != gb:
                    role = "gatekeeper"
                else:
                    assert ga != gb and gb != gc and ga != gc
                    role = "liaison"
                br[role][b] += 1
    br["total"] = [sum(br[r][i] for r in roles) for i in range(n)]
    # Independent checks: every tie is counted once in the matrix; for undirected graphs broker b
    # sees deg(deg - 1) ordered neighbour pairs, of which 2 * triangles(b) are closed.
    if case.directed:
        assert sum(map(sum, counts)) == len(ties)
    else:
        assert sum(counts[a][b] for a in range(len(labels)) for b in range(a, len(labels))) \
            == len(ties)
        G = case.graph(False)
        tri = nx.triangles(G)
        for b in range(n):
            d = G.degree(b)
            assert br["total"][b] == d * (d - 1) - 2 * tri[b]
    assert E + I == len(ties)
    sizes = [sum(1 for x in grp if x == g) for g in labels]
    density = []
    for a in range(len(labels)):
        row = []
        for b in range(len(labels)):
            if a == b:
                s_ = sizes[a]
                possible = s_ * (s_ - 1) if case.directed else Fraction(s_ * (s_ - 1), 2)
            else:
                possible = sizes[a] * sizes[b]
            row.append(None if possible == 0 else Fraction(counts[a][b]) / possible)
        density.append(row)
    return {
        "function_matrix": {"labels": labels, "counts": counts, "sizes": sizes,
                            "density": density},
        "ei_index": ei,
        "ei_expected": ei_expected,
        "ei_by_group": ei_by_group,
        "brokerage": br,
    }


# ----------------------------------------------------------------------------------------------
# Case builders
# ----------------------------------------------------------------------------------------------

def from_nx(G, weight_attr=None):
    """Node ids (str of the networkx node, in G's order) and integer-indexed edges."""
    nodes = list(G.nodes())
    index = {v: i for i, v in enumerate(nodes)}
    edges = []
    for u, v, d in G.edges(data=True):
        w = 1 if weight_attr is None else d[weight_attr]
        assert float(w) == int(w), w
        edges.append((index[u], index[v], int(w)))
    return nodes, edges


def random_groups(rng, n, labels):
    return [rng.choice(labels) for _ in range(n)]


def classic_cases():
    cases = []
    G = nx.karate_club_graph()
    nodes, edges = from_nx(G, "weight")
    cases.append(Case("karate", "Zachary's karate club (nx.karate_club_graph()); weights are the "
                      "'weight' attribute (interaction counts); groups = 'club' attribute.",
                      False, nodes, edges, groups=[G.nodes[v]["club"] for v in G]))

    G = nx.florentine_families_graph()
    nodes, edges = from_nx(G)
    cases.append(Case("florentine", "Padgett's Florentine families marriage network "
                      "(nx.florentine_families_graph()), unweighted.", False, nodes, edges))

    G = nx.les_miserables_graph()
    nodes, edges = from_nx(G, "weight")
    cases.append(Case("les_miserables", "Les Miserables co-occurrence network "
                      "(nx.les_miserables_graph()), weighted with the 'weight' attribute.",
                      False, nodes, edges))

    B = nx.davis_southern_women_graph()
    women = list(B.graph["top"])
    P = nx.bipartite.weighted_projected_graph(B, women)
    P2 = nx.Graph()
    P2.add_nodes_from(women)  # keep the women in the generator's order
    P2.add_edges_from(P.edges(data=True))
    nodes, edges = from_nx(P2, "weight")
    cases.append(Case("davis_women", "Davis Southern Women: one-mode projection of "
                      "nx.davis_southern_women_graph() onto the 18 women with "
                      "nx.bipartite.weighted_projected_graph; weight = number of shared events.",
                      False, nodes, edges))

    G = nx.krackhardt_kite_graph()
    nodes, edges = from_nx(G)
    cases.append(Case("krackhardt_kite", "Krackhardt's kite (nx.krackhardt_kite_graph()).",
                      False, nodes, edges,
                      groups=["a", "a", "a", "a", "b", "b", "b", "c", "c", "d"]))
    return cases


def generated_cases():
    cases = []
    LAB = ["A", "B", "C"]

    def add(name, desc, G, seed, labels=LAB, weights_seed=None, groups=None):
        nodes, edges = from_nx(G)
        rng = random.Random(seed)
        if groups is None:
            groups = random_groups(rng, len(nodes), labels)
        if weights_seed is not None:
            wr = random.Random(weights_seed)
            edges = [(u, v, wr.randint(1, 3)) for u, v, _ in edges]
            desc += f" Weights uniform in 1..3 (random.Random({weights_seed}))."
        desc += f" Groups drawn with random.Random({seed})." if seed is not None else ""
        cases.append(Case(name, desc, G.is_directed(), nodes, edges, groups=groups))
        return cases[-1]

    # Undirected G(n, p), disconnected with isolates.
    c = add("gnp_sparse_30", "nx.gnp_random_graph(30, 0.06, seed=1): disconnected, with isolates.",
            nx.gnp_random_graph(30, 0.06, seed=1), 101)
    c = add("gnp_sparse_40_weighted", "nx.gnp_random_graph(40, 0.05, seed=2): disconnected, "
            "with isolates.", nx.gnp_random_graph(40, 0.05, seed=2), 102, weights_seed=202)
    c = add("gnp_dense_20", "nx.gnp_random_graph(20, 0.3, seed=3).",
            nx.gnp_random_graph(20, 0.3, seed=3), 103)
    # Directed G(n, p) at several densities.
    add("gnp_directed_25_p005", "nx.gnp_random_graph(25, 0.05, seed=11, directed=True).",
        nx.gnp_random_graph(25, 0.05, seed=11, directed=True), 111)
    add("gnp_directed_30_p015", "nx.gnp_random_graph(30, 0.15, seed=12, directed=True).",
        nx.gnp_random_graph(30, 0.15, seed=12, directed=True), 112)
    add("gnp_directed_20_p04_weighted", "nx.gnp_random_graph(20, 0.4, seed=13, directed=True).",
        nx.gnp_random_graph(20, 0.4, seed=13, directed=True), 113, weights_seed=213)
    add("gnp_directed_12_p08", "nx.gnp_random_graph(12, 0.8, seed=14, directed=True).",
        nx.gnp_random_graph(12, 0.8, seed=14, directed=True), 114)
    # Deterministic shapes.
    add("star_10", "nx.star_graph(9): centre 0 and 9 leaves.", nx.star_graph(9), None,
        groups=["hub"] + ["A", "B", "C"] * 3)
    add("path_8", "nx.path_graph(8).", nx.path_graph(8), None,
        groups=["A", "A", "B", "B", "A", "C", "C", "C"])
    add("cycle_7", "nx.cycle_graph(7).", nx.cycle_graph(7), None,
        groups=["A", "B", "A", "B", "A", "B", "C"])
    add("complete_6", "nx.complete_graph(6).", nx.complete_graph(6), None,
        groups=["A", "A", "A", "B", "B", "C"])
    add("complete_directed_5", "nx.complete_graph(5, create_using=nx.DiGraph): all 20 arcs.",
        nx.complete_graph(5, create_using=nx.DiGraph), None, groups=["A", "A", "B", "B", "C"])
    add("directed_cycle_6", "nx.cycle_graph(6, create_using=nx.DiGraph): 0->1->...->5->0.",
        nx.cycle_graph(6, create_using=nx.DiGraph), None,
        groups=["A", "A", "B", "B", "C", "C"])
    S = nx.DiGraph()
    S.add_nodes_from(range(7))
    S.add_edges_from((0, i) for i in range(1, 7))
    add("out_star_7", "Directed out-star: arcs 0->i for i = 1..6.", S, None,
        groups=["A", "A", "A", "B", "B", "C", "C"])
    S = nx.DiGraph()
    S.add_nodes_from(range(7))
    S.add_edges_from((i, 0) for i in range(1, 7))
    add("in_star_7", "Directed in-star: arcs i->0 for i = 1..6 (node 0 has only in-arcs).", S,
        None, groups=["A", "A", "A", "B", "B", "C", "C"])
    E = nx.empty_graph(5)
    add("edgeless_5", "nx.empty_graph(5): five isolates, no edges.", E, None,
        groups=["A", "A", "B", "B", "C"])
    add("single_node", "One node, no edges.", nx.empty_graph(1), None, groups=["A"])
    add("two_nodes", "Two nodes joined by one edge.", nx.path_graph(2), None, groups=["A", "B"])
    D = nx.DiGraph()
    D.add_nodes_from(range(2))
    D.add_edge(0, 1)
    add("two_nodes_directed", "Two nodes, one arc 0->1.", D, None, groups=["A", "A"])
    add("barabasi_albert_40", "nx.barabasi_albert_graph(40, 2, seed=21).",
        nx.barabasi_albert_graph(40, 2, seed=21), 121, weights_seed=221)
    add("watts_strogatz_30", "nx.watts_strogatz_graph(30, 4, 0.2, seed=22).",
        nx.watts_strogatz_graph(30, 4, 0.2, seed=22), 122)
    # Two equal-sized components: the one containing node 0 (a star, diameter 2) must be chosen,
    # not the one with the larger diameter (a path, diameter 4).
    T = nx.Graph()
    T.add_nodes_from(range(10))
    T.add_edges_from([(0, 1), (0, 2), (0, 3), (0, 4)])
    T.add_edges_from([(5, 6), (6, 7), (7, 8), (8, 9)])
    add("two_equal_components", "Two components of 5 nodes: star on 0..4 (diameter 2) and path "
        "5-6-7-8-9 (diameter 4). Largest-component tie broken by the smallest node index: the star.",
        T, None, groups=["A", "A", "B", "B", "B", "A", "A", "B", "B", "C"])
    T = nx.DiGraph()
    T.add_nodes_from(range(7))
    T.add_edges_from([(0, 1), (1, 0), (1, 2), (2, 1), (0, 2), (2, 0)])  # mutual triangle
    T.add_edges_from([(3, 4), (4, 5), (5, 3)])  # directed 3-cycle, diameter 2
    T.add_edges_from([(2, 3), (6, 5)])
    add("two_equal_sccs_directed", "Directed: two strongly connected components of 3 nodes, a "
        "mutual triangle {0,1,2} (diameter 1) and a directed cycle 3->4->5->3 (diameter 2), arcs "
        "2->3 and 6->5. Tie broken by the smallest node index: diameter 1.", T, None,
        groups=["A", "A", "B", "B", "C", "C", "A"])
    # A directed weighted case with a dangling chain (nodes with only in-arcs or only out-arcs).
    add("gnp_directed_35_p008_weighted", "nx.gnp_random_graph(35, 0.08, seed=15, directed=True).",
        nx.gnp_random_graph(35, 0.08, seed=15, directed=True), 115, weights_seed=215)
    return cases


def municipal_case(name, seed, n, directed, nonrespondents=0, p_group=0.45, p_cluster=0.14,
                   p_other=0.03):
    """Synthetic municipal collaboration survey: n people, each with one of the eleven functions of
    the 2015 study; each respondent reports contacts with strength 1 (monthly), 2 (weekly) or
    3 (daily).  Directed: the reports as arcs.  Undirected: reports combined by the 'either' rule
    (max of the two reports)."""
    rng = random.Random(seed)
    groups = [rng.choice(FUNCTIONS) for _ in range(n)]
    nonresp = set(rng.sample(range(n), nonrespondents)) if nonrespondents else set()
    reports = {}
    for i in range(n):
        if i in nonresp:
            continue
        for j in range(n):
            if i == j:
                continue
            if groups[i] == groups[j]:
                p = p_group
            elif (groups[i] in TOWN_HALL) == (groups[j] in TOWN_HALL):
                p = p_cluster
            else:
                p = p_other
            if rng.random() < p:
                reports[(i, j)] = rng.choices([1, 2, 3], weights=[3, 3, 2])[0]
    if directed:
        edges = [(i, j, w) for (i, j), w in reports.items()]
    else:
        comb = {}
        for (i, j), w in reports.items():
            key = (min(i, j), max(i, j))
            comb[key] = max(comb.get(key, 0), w)
        edges = [(i, j, w) for (i, j), w in comb.items()]
    node_ids = [f"p{i + 1:02d}" for i in range(n)]
    kind = "directed reports (arcs)" if directed else "undirected, reports combined by max ('either')"
    desc = (f"Synthetic municipal network, random.Random({seed}): {n} people with functions of the "
            f"2015 study, strengths 1-3, {kind}.")
    if nonresp:
        desc += (f" Non-respondents (no reports of their own): "
                 f"{', '.join(node_ids[i] for i in sorted(nonresp))}.")
    return Case(name, desc, directed, node_ids, edges, groups=groups)


def municipal_cases():
    return [
        municipal_case("municipal_a", 2015, 30, True),
        municipal_case("municipal_b", 2016, 42, True, nonrespondents=4),
        municipal_case("municipal_c", 2017, 25, False),
        municipal_case("municipal_d", 2018, 45, False, p_group=0.35, p_cluster=0.08,
                       p_other=0.015),
        municipal_case("municipal_e", 2019, 36, True, nonrespondents=3, p_group=0.3,
                       p_cluster=0.06, p_other=0.01),
    ]


def real_weight_cases():
    """Issue 14: weights whose lengths 1/w have no small common denominator, so the engine's
    path lengths are floating point. Random graphs with random real weights (uniform, six
    decimals), the 3-person path of the issue, integer weights 1..60 (their common multiple
    overflows 64 bits) and a connected small world."""
    cases = []
    cases.append(Case("float_path_3", "Issue 14: a 3-person path with tie values 0.1804 and "
                      "0.1474 (NetworkX: betweenness of the middle 1.0, closeness 0.1622...).",
                      False, [0, 1, 2], [(0, 1, 0.1804), (1, 2, 0.1474)], groups=["A", "B", "A"],
                      real_weights=True))

    def add(name, desc, G, seed, gen):
        nodes, edges = from_nx(G)
        wr = random.Random(seed)
        edges = [(u, v, gen(wr)) for u, v, _ in edges]
        groups = random_groups(random.Random(seed + 1), len(nodes), ["A", "B", "C"])
        cases.append(Case(name, desc + f" Weights drawn with random.Random({seed}).",
                          G.is_directed(), nodes, edges, groups=groups, real_weights=True))

    def real(wr):
        return round(wr.uniform(0.05, 5.0), 6)

    for k, (n, p, seed) in enumerate([(12, 0.3, 31), (18, 0.2, 32), (25, 0.15, 33),
                                       (30, 0.1, 34)]):
        add(f"real_weights_gnp_{n}", f"nx.gnp_random_graph({n}, {p}, seed={seed}), real weights "
            "uniform in [0.05, 5] to six decimals.", nx.gnp_random_graph(n, p, seed=seed),
            300 + k, real)
    for k, (n, p, seed) in enumerate([(15, 0.2, 41), (22, 0.15, 42)]):
        add(f"real_weights_directed_{n}", f"nx.gnp_random_graph({n}, {p}, seed={seed}, "
            "directed=True), real weights uniform in [0.05, 5] to six decimals.",
            nx.gnp_random_graph(n, p, seed=seed, directed=True), 310 + k, real)
    add("real_weights_small_world_20", "nx.connected_watts_strogatz_graph(20, 4, 0.3, seed=43), "
        "real weights uniform in [0.05, 5] to six decimals.",
        nx.connected_watts_strogatz_graph(20, 4, 0.3, seed=43), 320, real)
    add("int_weights_1_60", "nx.gnp_random_graph(20, 0.25, seed=44), integer weights 1..60: "
        "their least common multiple overflows the exact lengths' 64 bits.",
        nx.gnp_random_graph(20, 0.25, seed=44), 321, lambda wr: wr.randint(1, 60))
    return cases


def eigenvector_cases():
    """Issue 14: connected star-like graphs on which a plain power iteration ends in a rounding
    limit cycle (stars, K(2, 70), preferential-attachment trees)."""
    cases = []
    for n in (45, 60, 97, 120):
        G = nx.star_graph(n - 1)
        nodes, edges = from_nx(G)
        cases.append(Case(f"star_{n}", f"nx.star_graph({n - 1}): a hub and {n - 1} leaves.",
                          False, nodes, edges))
    G = nx.complete_bipartite_graph(2, 70)
    nodes, edges = from_nx(G)
    cases.append(Case("complete_bipartite_2_70", "nx.complete_bipartite_graph(2, 70).", False,
                      nodes, edges))
    for n, seed in ((29, 51), (64, 52), (101, 53)):
        G = nx.barabasi_albert_graph(n, 1, seed=seed)
        nodes, edges = from_nx(G)
        cases.append(Case(f"pa_tree_{n}", f"nx.barabasi_albert_graph({n}, 1, seed={seed}): a "
                          "preferential-attachment tree.", False, nodes, edges))
    return cases


def tied_case():
    # s=0, x=1, t=2, p=3, q=4, r=5; path s-x-t: 1 + 1/2 = 3/2 ; path s-p-q-r-t:
    # 1/2 + 1/3 + 1/3 + 1/3 = 3/2 exactly, but 1.4999999999999998 when summed in floats from s.
    # A pendant node 6 on s and 7 on t make more pairs route through the tie.
    node_ids = ["s", "x", "t", "p", "q", "r", "a", "b"]
    edges = [(0, 1, 1), (1, 2, 2), (0, 3, 2), (3, 4, 3), (4, 5, 3), (5, 2, 3), (6, 0, 3),
             (2, 7, 3)]
    case = Case("tied_weighted_paths", "", False, node_ids, edges,
                groups=["A", "B", "A", "C", "C", "C", "A", "A"])
    return case


# ----------------------------------------------------------------------------------------------
# Pajek reader
# ----------------------------------------------------------------------------------------------

def parse_time_marks(s):
    """'[3]', '[2,3]', '[1-4]', '[2-*]' -> list of (lo, hi) with hi = inf for '*'."""
    s = s.strip()
    assert s.startswith("[") and s.endswith("]"), s
    out = []
    for part in s[1:-1].split(","):
        part = part.strip()
        if "-" in part:
            lo, hi = part.split("-", 1)
            out.append((int(lo), math.inf if hi.strip() == "*" else int(hi)))
        else:
            out.append((int(part), int(part)))
    return out


def read_pajek(path):
    """Own minimal Pajek reader: returns {'networks': [...], 'partitions': {name: [ints]}}.
    A network is {'name', 'labels', 'arcs': [(u, v, value, marks)], 'edges': [...]}, with
    1-based vertex numbers as in the file."""
    with open(path, "rb") as f:
        text = f.read().decode("latin-1")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    networks, partitions = [], {}
    cur = None  # current network dict
    section = None  # 'vertices' | 'arcs' | 'edges' | 'partition'
    part_name = None
    remaining = 0
    vline = re.compile(r'^\s*(\d+)\s+"([^"]*)"(.*)$')
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("%"):
            continue
        if line.startswith("*"):
            head = line.split(None, 1)
            kw = head[0].lower()
            arg = head[1].strip() if len(head) > 1 else ""
            if kw == "*network":
                cur = {"name": arg, "labels": [], "arcs": [], "edges": [], "n": None}
                networks.append(cur)
                section = None
            elif kw == "*vertices":
                n = int(arg.split()[0])
                if section == "partition_head":
                    section = "partition"
                    remaining = n
                else:
                    if cur is None or cur["n"] is not None:  # a .net file without *Network
                        cur = {"name": None, "labels": [], "arcs": [], "edges": [], "n": None}
                        networks.append(cur)
                    cur["n"] = n
                    section = "vertices"
            elif kw == "*arcs":
                section = "arcs"
            elif kw == "*edges":
                section = "edges"
            elif kw == "*partition":
                part_name = arg
                partitions[part_name] = []
                section = "partition_head"
            else:
                raise ValueError(f"{path}: unknown section {line!r}")
            continue
        if section == "vertices":
            m = vline.match(line)
            assert m, f"{path}: bad vertex line {line!r}"
            vid = int(m.group(1))
            assert vid == len(cur["labels"]) + 1, f"{path}: vertex {vid} out of order"
            cur["labels"].append(m.group(2))
        elif section in ("arcs", "edges"):
            marks = None
            mm = re.search(r"\[[^\]]*\]\s*$", line)
            if mm:
                marks = parse_time_marks(mm.group(0))
                line = line[:mm.start()].strip()
            parts = line.split()
            u, v = int(parts[0]), int(parts[1])
            value = float(parts[2]) if len(parts) > 2 else 1.0
            assert 1 <= u <= cur["n"] and 1 <= v <= cur["n"], line
            cur[section].append((u, v, value, marks))
        elif section == "partition":
            partitions[part_name].append(int(line.split()[0]))
            remaining -= 1
        else:
            raise ValueError(f"{path}: data outside a section: {line!r}")
    for net in networks:
        assert len(net["labels"]) == net["n"], net["name"]
    return {"networks": networks, "partitions": partitions}


def mark_contains(marks, t):
    return marks is not None and any(lo <= t <= hi for lo, hi in marks)


def pajek_case(name, source_file, net, description, groups=None, keep=None, symmetrise=False):
    """Ties are listed arcs/edges whatever their value; parallel ties collapse; analysed unweighted.
    keep(marks) filters lines by time mark."""
    n = net["n"]
    arcs = [(u, v) for u, v, _, m in net["arcs"] if keep is None or keep(m)]
    edges = [(u, v) for u, v, _, m in net["edges"] if keep is None or keep(m)]
    directed = bool(net["arcs"]) and not symmetrise
    ties = set()
    if directed:
        for u, v in arcs:
            ties.add((u - 1, v - 1))
        for u, v in edges:  # an edge in a directed network counts as two arcs
            ties.add((u - 1, v - 1))
            ties.add((v - 1, u - 1))
    else:
        for u, v in arcs + edges:
            ties.add((min(u, v) - 1, max(u, v) - 1))
    assert all(u != v for u, v in ties), f"{name}: self-loop"
    real = {"labels": net["labels"], "source_file": source_file, "network": net["name"]}
    return Case(name, description, directed, [str(i) for i in range(1, n + 1)],
                [(u, v, 1) for u, v in sorted(ties)], groups=groups, weighted=False, real=real)


def real_cases(data_dir):
    cases = []
    facts = []

    strike = read_pajek(os.path.join(data_dir, "strike.paj"))
    net = strike["networks"][0]
    c = pajek_case("real_strike", "strike.paj", net,
                   "Strike communication network (de Nooy, Mrvar & Batagelj), undirected; groups = "
                   "partition Strike_groups.clu (1 Spanish-speaking, 2 young English-speaking, 3 "
                   "older English-speaking).", groups=strike["partitions"]["Strike_groups.clu"])
    facts.append(f"strike: {c.n} nodes, {len(c.edges)} edges")
    cases.append(c)

    saw = read_pajek(os.path.join(data_dir, "sawmill.net"))
    net = saw["networks"][0]

    def section(label):
        m = re.match(r"^([HE])([MPY])-\d+", label)
        if m:
            return m.group(2)
        m = re.match(r"^Y-\d+$", label)
        if m:
            return "Y"
        return "other"

    sgroups = [section(l) for l in net["labels"]]
    c = pajek_case("real_sawmill", "sawmill.net", net,
                   "Sawmill work communication (de Nooy, Mrvar & Batagelj), undirected; groups = "
                   "section letter in the label (M mill, P planer, Y yard; labels 'HM-1', 'EP-2', "
                   "'Y-1'), 'other' for the four labelled by role (Forester, Mill Manager, Owner, "
                   "Kiln operator).", groups=sgroups)
    facts.append(f"sawmill: {c.n} nodes, {len(c.edges)} edges; sections "
                 + ", ".join(f"{g}={sgroups.count(g)}" for g in sorted(set(sgroups))))
    cases.append(c)

    ht = read_pajek(os.path.join(data_dir, "hi-tech.paj"))
    net = ht["networks"][0]
    hgroups = ht["partitions"]["Hi-tech_union.clu"]
    c = pajek_case("real_hi-tech", "hi-tech.paj", net,
                   "Hi-tech firm friendship nominations (de Nooy, Mrvar & Batagelj), directed; "
                   "Fran, Quincy and York did not return the questionnaire; groups = partition "
                   "Hi-tech_union.clu.", groups=hgroups)
    arcset = {(u, v) for u, v, _ in c.edges}
    recip = sum(1 for u, v in arcset if (v, u) in arcset)
    facts.append(f"hi-tech: {c.n} nodes, {len(c.edges)} arcs, {recip} reciprocated arcs")
    cases.append(c)
    c = pajek_case("real_hi-tech_either", "hi-tech.paj", net,
                   "Hi-tech friendship symmetrised: an undirected edge where at least one arc "
                   "exists ('either' rule); groups = Hi-tech_union.clu.", groups=hgroups,
                   symmetrise=True)
    facts.append(f"hi-tech either: {c.n} nodes, {len(c.edges)} edges")
    cases.append(c)

    sam = read_pajek(os.path.join(data_dir, "sampson.paj"))
    nets = {x["name"]: x for x in sam["networks"]}
    cloister = sam["partitions"]["Sampson_cloisterville"]
    for t in (2, 3, 4):
        c = pajek_case(f"real_sampson_t{t}", "sampson.paj", nets["Sampson"],
                       f"Sampson monastery affect relations, network 'Sampson' restricted to arcs "
                       f"whose time mark contains {t}; directed, all 25 vertices, any value "
                       f"(-3..3) is a tie, parallel arcs collapse; groups = partition "
                       f"Sampson_cloisterville.", groups=cloister,
                       keep=lambda m, t=t: mark_contains(m, t))
        facts.append(f"sampson t{t}: {c.n} nodes, {len(c.edges)} arcs")
        cases.append(c)
    c = pajek_case("real_sampson_T4net", "sampson.paj", nets["Sampson_T4"],
                   "Sampson monastery, network 'Sampson_T4' as is (18 novices, positive and "
                   "negative arcs both counted as ties); groups = partition Sampson_factions_T4.",
                   groups=sam["partitions"]["Sampson_factions_T4"])
    facts.append(f"sampson T4net: {c.n} nodes, {len(c.edges)} arcs")
    cases.append(c)
    return cases, facts


# ----------------------------------------------------------------------------------------------
# Main
# ----------------------------------------------------------------------------------------------

INT_GRAPH_KEYS = {"nodes", "edges", "weak_components", "strong_components", "communities"}
INT_NODE_KEYS = {"degree", "in_degree", "out_degree", "core_number", "strength", "in_strength",
                 "out_strength"}


def as_float(x):
    if x is None or isinstance(x, bool):
        return x
    return float(x)


def floatify(block, unweighted):
    """Real-valued measures as JSON floats (0.0, not 0), counts as ints.  The unweighted diameter
    is a hop count (int); the weighted one is a float."""
    for k, v in block["graph"].items():
        if k in INT_GRAPH_KEYS or (k == "diameter" and unweighted and v is not None):
            block["graph"][k] = None if v is None else int(v)
        else:
            block["graph"][k] = as_float(v)
    for k, v in block["nodes"].items():
        if v is None or k == "articulation_point":
            continue
        ints = k in INT_NODE_KEYS and all(x == int(x) for x in v)
        block["nodes"][k] = [int(x) if ints else as_float(x) for x in v]
    return block


def vector(case):
    unw, partition = unweighted_measures(case)
    floatify(unw, True)
    doc = {
        "name": case.name,
        "description": case.description,
        "generator": f"networkx {nx.__version__}",
        "directed": case.directed,
        "nodes": case.node_ids,
        "groups": case.groups,
        "partition": partition,
        "unweighted": unw,
        "weighted": floatify(weighted_measures(case, partition), False) if case.weighted else None,
        "groups_expected": group_measures(case) if case.groups is not None else None,
        # How the engine must measure weighted distances: "exact" (integers) or "float".
        "distance": "float" if case.real_weights else "exact",
    }
    if case.real is None:
        doc["edges"] = [list(e) for e in case.edges]
    else:
        doc.update(case.real)
    return doc


def main():
    if nx.__version__ != EXPECTED_NX:
        sys.exit(f"networkx {nx.__version__} found, {EXPECTED_NX} required: run "
                 f"tools/reference/setup.sh and use tools/reference/.venv/bin/python")
    data_dir = os.environ.get("SAMSPILL_NETWORKS_DIR", DATA_DIR_DEFAULT)

    cases = (classic_cases() + generated_cases() + municipal_cases() + real_weight_cases()
             + eigenvector_cases())
    tied = tied_case()
    cases.append(tied)
    rc, facts = real_cases(data_dir)
    cases += rc

    names = [c.name for c in cases]
    assert len(names) == len(set(names))

    # Sanity checks on the generated cases the brief asks for.
    by = {c.name: c for c in cases}
    for nm in ("gnp_sparse_30", "gnp_sparse_40_weighted"):
        G = by[nm].graph(False)
        assert not nx.is_connected(G) and any(d == 0 for _, d in G.degree()), nm

    # Tied paths: exact betweenness must differ from float networkx.
    exact = nx.betweenness_centrality(tied.graph(True), normalized=True, weight="dist")
    flt = float_betweenness(tied)
    diffs = [(tied.node_ids[i], float(exact[i]), flt[i]) for i in range(tied.n)
             if abs(exact[i] - flt[i]) > 1e-12]
    assert diffs, "tied case does not expose the float problem"
    tied.description = (
        "Handmade weighted case, distance = 1/weight. From s, the path s-x-t has length "
        "1 + 1/2 = 3/2 and s-p-q-r-t has 1/2 + 1/3 + 1/3 + 1/3 = 3/2: equal in fractions, but "
        "float summation gives 1.4999999999999998 from s (and exactly 1.5 from t), so float "
        "networkx drops the s-x-t path from s's side. Exact (Fraction) normalised betweenness "
        "differs from float networkx 3.7 (weight=1/w as float) at: "
        + "; ".join(f"{nm}: exact {e!r}, float {f!r}" for nm, e, f in diffs) + ".")

    os.makedirs(OUT_DIR, exist_ok=True)
    written = set()
    for case in cases:
        doc = clean(vector(case))
        text = json.dumps(doc, sort_keys=True, indent=1, ensure_ascii=False) + "\n"
        path = os.path.join(OUT_DIR, f"{case.name}.json")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        written.add(f"{case.name}.json")
    for fn in sorted(os.listdir(OUT_DIR)):
        if fn.endswith(".json") and fn not in written:
            os.remove(os.path.join(OUT_DIR, fn))
            print(f"removed stale {fn}")

    print(f"networkx {nx.__version__}: wrote {len(cases)} cases to {os.path.relpath(OUT_DIR, REPO)}")
    for f in facts:
        print("fact:", f)
    for k in sorted(NOTES):
        items = sorted(NOTES[k])
        per_case = {}
        for it in items:
            per_case.setdefault(it.split(" ")[0].split(":")[0], []).append(it)
        print(f"note: {k}: {len(items)} value(s) in {len(per_case)} case(s)")
        for cname in sorted(per_case):
            print(f"    {cname}: {len(per_case[cname])}, e.g. {per_case[cname][0]}")

if __name__ == "__main__":
    main()
