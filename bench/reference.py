#!/usr/bin/env python3
"""Time the reference tools (NetworkX, igraph, networkit) on bench/work/data/.

    bench/work/.venv/bin/python bench/reference.py run [--tools networkx,igraph,networkit]
                                                      [--parts batch,g10k,g100k]

`run` starts one worker process per (tool, part) under `/usr/bin/time -v`, so each part's peak
resident memory is that process's own, and merges the workers' figures into
bench/work/results/<tool>.json. A worker (`reference.py worker --tool T --part P --out F`) reads
the inputs (timed as "load": parsing plus building the tool's graph objects), then times each
task's computation alone. Short tasks are best of 3; long ones run once.

Parts:
  batch  the 356 municipal networks (muni_*.paj). NetworkX runs the full suite that the
         researchers' toolchain would (see batch_networkx); igraph and networkit run the subset
         of measures they have. Times are summed over the networks, per measure.
  g10k   10k nodes / 50k edges: components, exact betweenness, betweenness from the 256 sources
         1..256, closeness of all vertices, Louvain, eigenvector, PageRank.
  g100k  100k nodes / 1M edges: the same but no exact betweenness, closeness of vertices 1..256
         only, and no NetworkX Louvain.

NetworkX tasks that would take longer than BENCH_NX_LIMIT seconds (default 480) are skipped with
an estimate timed on a sample of sources. BENCH_THREADS sets networkit's thread count (default:
all cores, its normal mode; igraph and NetworkX are single-threaded).
"""
import argparse
import glob
import json
import os
import random
import re
import resource
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "work", "data")
RESULTS = os.path.join(HERE, "work", "results")
TOOLS = ["networkx", "igraph", "networkit"]
PARTS = ["batch", "g10k", "g100k"]
K = 256
SEED = 42
NX_LIMIT = float(os.environ.get("BENCH_NX_LIMIT", "480"))
REPEAT_BELOW = 2.0  # seconds: tasks faster than this are run 3 times and the best is kept


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def timed(fn, repeat_below=REPEAT_BELOW):
    """(best seconds, result): one run, or best of 3 if the first is short."""
    t0 = time.perf_counter()
    res = fn()
    best = time.perf_counter() - t0
    if best < repeat_below:
        for _ in range(2):
            t0 = time.perf_counter()
            res = fn()
            best = min(best, time.perf_counter() - t0)
    return best, res


# ---------------------------------------------------------------------------------------------
# Reading the inputs (plain Python + numpy; shared by all tools, timed as part of "load")

def read_paj(path):
    """Pajek project as written by generate.py: (n, labels, arcs [(a, b, s)] 0-based, classes)."""
    with open(path) as fh:
        lines = [l.strip() for l in fh if l.strip()]
    i = 0
    n = labels = None
    arcs, classes = [], []
    section = None
    while i < len(lines):
        l = lines[i]
        low = l.lower()
        if low.startswith("*network"):
            section = None
        elif low.startswith("*vertices") and section != "partition":
            n = int(l.split()[1])
            labels = []
            for j in range(n):
                m = re.match(r'\s*(\d+)\s+"([^"]*)"', lines[i + 1 + j])
                labels.append(m.group(2))
            i += n
            section = "vertices"
        elif low.startswith("*arcs"):
            section = "arcs"
        elif low.startswith("*partition"):
            section = "partition"
        elif low.startswith("*vertices") and section == "partition":
            cnt = int(l.split()[1])
            classes = [int(x) - 1 for x in lines[i + 1:i + 1 + cnt]]
            i += cnt
        elif section == "arcs":
            a, b, s = l.split()[:3]
            arcs.append((int(a) - 1, int(b) - 1, int(float(s))))
        i += 1
    return n, labels, arcs, classes


def read_net(path):
    """Large undirected Pajek .net: (n, edges as an int64 numpy array of shape (m, 2), 0-based)."""
    import numpy as np
    with open(path) as fh:
        text = fh.read()
    head, _, body = text.partition("*Edges")
    n = int(head.split()[1])
    edges = np.array(body.split(), dtype=np.int64).reshape(-1, 2) - 1
    return n, edges


def either(arcs):
    """Undirected 'either' rule: an edge where at least one arc exists, strength = max."""
    und = {}
    for a, b, s in arcs:
        e = (a, b) if a < b else (b, a)
        if und.get(e, 0) < s:
            und[e] = s
    return und


# ---------------------------------------------------------------------------------------------
# National batch

def gf_brokerage(succ, pred, has_arc, group):
    """Gould-Fernandez brokerage counts per node from open two-paths a -> b -> c (no a -> c)."""
    roles = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")
    counts = {b: dict.fromkeys(roles, 0) for b in succ}
    for b in succ:
        gb = group[b]
        for a in pred[b]:
            ga = group[a]
            for c in succ[b]:
                if c == a or has_arc(a, c):
                    continue
                gc = group[c]
                if ga == gb == gc:
                    r = "coordinator"
                elif ga == gc:
                    r = "itinerant"
                elif ga == gb:
                    r = "representative"
                elif gb == gc:
                    r = "gatekeeper"
                else:
                    r = "liaison"
                counts[b][r] += 1
    return counts


def ei_index(edges, group, n, n_groups):
    """Krackhardt-Stern E-I index of the whole network and per group, with its expectation
    under random mixing given the group sizes."""
    ext = inn = 0
    per = [[0, 0] for _ in range(n_groups)]
    for a, b in edges:
        if group[a] == group[b]:
            inn += 1
            per[group[a]][1] += 1
        else:
            ext += 1
            per[group[a]][0] += 1
            per[group[b]][0] += 1
    sizes = [0] * n_groups
    for g in group:
        sizes[g] += 1
    pairs = n * (n - 1) / 2
    internal_pairs = sum(s * (s - 1) / 2 for s in sizes)
    expected = (pairs - 2 * internal_pairs) / pairs if pairs else None
    ei = (ext - inn) / (ext + inn) if ext + inn else None
    per_group = [(e - i) / (e + i) if e + i else None for e, i in per]
    return ei, expected, per_group


def function_matrix(edges, group, n_groups):
    m = [[0] * n_groups for _ in range(n_groups)]
    for a, b in edges:
        ga, gb = group[a], group[b]
        m[ga][gb] += 1
        if ga != gb:
            m[gb][ga] += 1
    return m


def centralization_degree(deg, n):
    if n < 3:
        return None
    mx = max(deg)
    return sum(mx - d for d in deg) / ((n - 1) * (n - 2))


def centralization_betweenness(btw, n):
    """Freeman betweenness centralisation on normalised betweenness (the star scores 1)."""
    if n < 3:
        return None
    mx = max(btw)
    return sum(mx - b for b in btw) / (n - 1)


N_FUNCTIONS = 11
WEIGHTED_KEYS = ("weighted_betweenness", "weighted_closeness")


def batch_networkx(net, T):
    """The full suite in NetworkX for one network; T(key, fn) times fn under key."""
    import networkx as nx
    n, labels, arcs, classes = net
    D = T("build", lambda: _nx_digraph(nx, n, arcs))
    U = T("build", lambda: _nx_either(nx, n, arcs))
    nodes = list(U)
    deg = T("degree", lambda: dict(U.degree()))
    btw = T("betweenness", lambda: nx.betweenness_centrality(U))
    T("closeness", lambda: nx.closeness_centrality(U))
    T("harmonic", lambda: nx.harmonic_centrality(U))
    T("eigenvector", lambda: nx.eigenvector_centrality_numpy(U) if nx.is_connected(U) else None)
    T("clustering", lambda: nx.clustering(U))
    T("constraint", lambda: nx.constraint(U))
    T("effective_size", lambda: nx.effective_size(U))
    T("core_number", lambda: nx.core_number(U))
    T("articulation_points", lambda: list(nx.articulation_points(U)))
    comps = T("components", lambda: list(nx.connected_components(U)))

    def diam():
        sub = U.subgraph(max(comps, key=len))
        return nx.diameter(sub), nx.average_shortest_path_length(sub)
    T("diameter_apl", diam)
    T("density", lambda: nx.density(U))
    T("transitivity", lambda: nx.transitivity(U))
    T("centralization", lambda: (centralization_degree([deg[v] for v in nodes], n),
                                 centralization_betweenness([btw[v] for v in nodes], n)))

    def louvain():
        comms = nx.community.louvain_communities(U, seed=SEED)
        return comms, nx.community.modularity(U, comms)
    T("communities", louvain)
    T("weighted_betweenness", lambda: nx.betweenness_centrality(U, weight="distance"))
    T("weighted_closeness", lambda: nx.closeness_centrality(U, distance="distance"))
    group = classes
    T("function_matrix", lambda: function_matrix(U.edges(), group, N_FUNCTIONS))
    T("ei_index", lambda: ei_index(U.edges(), group, n, N_FUNCTIONS))
    T("brokerage", lambda: gf_brokerage(D._succ, D._pred, D.has_edge, group))
    T("reciprocity", lambda: nx.reciprocity(D))
    T("in_out_degree", lambda: (dict(D.in_degree()), dict(D.out_degree())))
    T("strong_components", lambda: list(nx.strongly_connected_components(D)))


def _nx_digraph(nx, n, arcs):
    D = nx.DiGraph()
    D.add_nodes_from(range(n))
    D.add_weighted_edges_from(arcs, weight="strength")
    return D


def _nx_either(nx, n, arcs):
    U = nx.Graph()
    U.add_nodes_from(range(n))
    U.add_edges_from((a, b, {"strength": s, "distance": 1.0 / s}) for (a, b), s in either(arcs).items())
    return U


def batch_igraph(net, T):
    import igraph as ig
    n, labels, arcs, classes = net

    def build():
        und = either(arcs)
        g = ig.Graph(n=n, edges=list(und.keys()))
        g.es["distance"] = [1.0 / s for s in und.values()]
        d = ig.Graph(n=n, edges=[(a, b) for a, b, s in arcs], directed=True)
        d.es["strength"] = [s for a, b, s in arcs]
        return g, d
    g, d = T("build", build)
    T("degree", lambda: g.degree())
    T("betweenness", lambda: [b * 2 / ((n - 1) * (n - 2)) for b in g.betweenness()])
    T("closeness", lambda: g.closeness())
    T("harmonic", lambda: g.harmonic_centrality())
    T("eigenvector", lambda: g.eigenvector_centrality() if g.is_connected() else None)
    T("clustering", lambda: g.transitivity_local_undirected(mode="zero"))
    T("constraint", lambda: g.constraint())
    T("core_number", lambda: g.coreness())
    T("articulation_points", lambda: g.articulation_points())
    comps = T("components", lambda: g.connected_components())

    def diam():
        sub = comps.giant()
        return sub.diameter(), sub.average_path_length()
    T("diameter_apl", diam)
    T("density", lambda: g.density())
    T("transitivity", lambda: g.transitivity_undirected())

    def louvain():
        random.seed(SEED)
        cl = g.community_multilevel()
        return cl, g.modularity(cl.membership)
    T("communities", louvain)
    T("weighted_betweenness", lambda: g.betweenness(weights="distance"))
    T("weighted_closeness", lambda: g.closeness(weights="distance"))
    T("reciprocity", lambda: d.reciprocity())
    T("in_out_degree", lambda: (d.indegree(), d.outdegree()))
    T("strong_components", lambda: d.connected_components(mode="strong"))


def batch_networkit(net, T):
    import networkit as nk
    n, labels, arcs, classes = net

    def build():
        und = either(arcs)
        g = nk.Graph(n)
        gw = nk.Graph(n, weighted=True)
        for (a, b), s in und.items():
            g.addEdge(a, b)
            gw.addEdge(a, b, 1.0 / s)
        d = nk.Graph(n, directed=True)
        for a, b, s in arcs:
            d.addEdge(a, b)
        return g, gw, d
    g, gw, d = T("build", build)
    C = nk.centrality
    T("degree", lambda: C.DegreeCentrality(g).run().scores())
    T("betweenness", lambda: C.Betweenness(g, normalized=True).run().scores())
    T("closeness", lambda: C.Closeness(g, True, C.ClosenessVariant.GENERALIZED).run().scores())
    T("harmonic", lambda: C.HarmonicCloseness(g, normalized=True).run().scores())
    T("eigenvector", lambda: C.EigenvectorCentrality(g).run().scores()
      if nk.components.ConnectedComponents(g).run().numberOfComponents() == 1 else None)
    T("clustering", lambda: C.LocalClusteringCoefficient(g).run().scores())
    T("core_number", lambda: C.CoreDecomposition(g).run().scores())

    def artic():
        bc = nk.components.BiconnectedComponents(g).run()
        seen = {}
        for comp in bc.getComponents():
            for v in comp:
                seen[v] = seen.get(v, 0) + 1
        return [v for v, c in seen.items() if c > 1]
    T("articulation_points", artic)
    T("components", lambda: nk.components.ConnectedComponents(g).run().getComponents())

    def diam():
        import numpy as np
        lcc = nk.components.ConnectedComponents.extractLargestConnectedComponent(g, True)
        dia = nk.distance.Diameter(lcc, algo=nk.distance.DiameterAlgo.EXACT).run().getDiameter()
        dist = np.array(nk.distance.APSP(lcc).run().getDistances())
        k = lcc.numberOfNodes()
        return dia, dist.sum() / (k * (k - 1)) if k > 1 else None
    T("diameter_apl", diam)
    T("density", lambda: nk.graphtools.density(g))
    T("transitivity", lambda: nk.globals.ClusteringCoefficient.exactGlobal(g))

    def louvain():
        part = nk.community.PLM(g, refine=False).run().getPartition()
        return part, nk.community.Modularity().getQuality(part, g)
    T("communities", louvain)
    T("weighted_betweenness", lambda: C.Betweenness(gw, normalized=True).run().scores())
    T("weighted_closeness", lambda: C.Closeness(gw, True, C.ClosenessVariant.GENERALIZED).run().scores())
    T("in_out_degree", lambda: ([d.degreeIn(v) for v in range(n)], [d.degreeOut(v) for v in range(n)]))
    T("strong_components", lambda: nk.components.StronglyConnectedComponents(d).run().getComponents())


BATCH = {"networkx": batch_networkx, "igraph": batch_igraph, "networkit": batch_networkit}


def run_batch(tool):
    files = sorted(glob.glob(os.path.join(DATA, "muni_*.paj")))
    t0 = time.perf_counter()
    nets = [read_paj(f) for f in files]
    parse = time.perf_counter() - t0
    fn = BATCH[tool]
    passes = []
    for rep in range(3):
        sums = {}

        def T(key, f):
            t = time.perf_counter()
            r = f()
            sums[key] = sums.get(key, 0.0) + time.perf_counter() - t
            return r
        for net in nets:
            fn(net, T)
        passes.append(sums)
        if sum(v for k, v in sums.items() if k != "build") > 10.0:
            break  # long enough: one pass
    best = min(passes, key=lambda s: sum(v for k, v in s.items() if k != "build"))
    build = best.pop("build")
    weighted = sum(best.get(k, 0.0) for k in WEIGHTED_KEYS)
    total = sum(best.values())
    return {
        "files": len(files),
        "load_s": parse + build,
        "parse_s": parse,
        "build_s": build,
        "compute_s": total,
        "compute_unweighted_s": total - weighted,
        "compute_weighted_only_s": weighted,
        "passes": len(passes),
        "measures_s": best,
    }


# ---------------------------------------------------------------------------------------------
# Large graphs

def large_networkx(part, n, edges, tasks):
    import networkx as nx
    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_edges_from(edges.tolist())
    tasks.loaded()
    src = list(range(K))

    tasks.run("components", lambda: {"components": nx.number_connected_components(G)})
    if part == "g10k":
        est = tasks.estimate(lambda s: nx.betweenness_centrality_subset(G, s, list(G)), n, 20)
        tasks.run("betweenness_exact", lambda: _top(nx.betweenness_centrality(G)), estimate=est)
    est = tasks.estimate(lambda s: nx.betweenness_centrality_subset(G, s, list(G)), K, 8)
    tasks.run("betweenness_sample", lambda: _top(nx.betweenness_centrality_subset(G, src, list(G))),
              estimate=est, note="betweenness_centrality_subset(sources=vertices 1..256, targets=all)")
    if part == "g10k":
        est = tasks.estimate(lambda s: [nx.closeness_centrality(G, u=v) for v in s], n, 20)
        tasks.run("closeness", lambda: _top(nx.closeness_centrality(G)), estimate=est)
    else:
        est = tasks.estimate(lambda s: [nx.closeness_centrality(G, u=v) for v in s], K, 8)
        tasks.run("closeness", lambda: {"v1": nx.closeness_centrality(G, u=0),
                                        "_": [nx.closeness_centrality(G, u=v) for v in src[1:]]},
                  estimate=est, note="closeness_centrality(u=v) for vertices 1..256")
    if part == "g10k":
        def louvain():
            comms = nx.community.louvain_communities(G, seed=SEED)
            return {"communities": len(comms), "modularity": nx.community.modularity(G, comms)}
        tasks.run("communities", louvain, note="louvain_communities(seed=42) + modularity")
    else:
        tasks.skip("communities", "(g10k only)")
    tasks.run("eigenvector", lambda: _top(nx.eigenvector_centrality_numpy(G)), note="eigenvector_centrality_numpy")
    tasks.run("pagerank", lambda: _top(nx.pagerank(G, alpha=0.85)))


def large_igraph(part, n, edges, tasks):
    import igraph as ig
    g = ig.Graph(n=n, edges=edges)
    tasks.loaded()
    src = list(range(K))
    tasks.run("components", lambda: {"components": len(g.connected_components())})
    if part == "g10k":
        tasks.run("betweenness_exact", lambda: _top(g.betweenness()))
    tasks.run("betweenness_sample", lambda: _top(g.betweenness(sources=src)),
              note="betweenness(sources=vertices 1..256)")
    if part == "g10k":
        tasks.run("closeness", lambda: _top(g.closeness()))
    else:
        tasks.run("closeness", lambda: _top(g.closeness(vertices=src)), note="closeness(vertices=1..256)")

    def louvain():
        random.seed(SEED)
        cl = g.community_multilevel()
        return {"communities": len(cl), "modularity": g.modularity(cl.membership)}
    tasks.run("communities", louvain, note="community_multilevel + modularity")
    tasks.run("eigenvector", lambda: _top(g.eigenvector_centrality()))
    tasks.run("pagerank", lambda: _top(g.pagerank(damping=0.85)))


def large_networkit(part, n, edges, tasks):
    import networkit as nk
    import numpy as np
    nk.setSeed(SEED, False)
    g = nk.Graph(n)
    g.addEdges((np.ascontiguousarray(edges[:, 0], dtype=np.uint64),
                np.ascontiguousarray(edges[:, 1], dtype=np.uint64)))
    tasks.loaded()
    assert g.numberOfEdges() == len(edges), (g.numberOfEdges(), len(edges))
    C = nk.centrality
    tasks.run("components", lambda: {"components": nk.components.ConnectedComponents(g).run().numberOfComponents()})
    if part == "g10k":
        tasks.run("betweenness_exact", lambda: _top(C.Betweenness(g, normalized=True).run().scores()))
    tasks.run("betweenness_sample", lambda: _top(C.EstimateBetweenness(g, K, normalized=False, parallel=True).run().scores()),
              note="EstimateBetweenness(nSamples=256): 256 random sources, not vertices 1..256 "
                   "(networkit has no fixed-source betweenness)")
    if part == "g10k":
        tasks.run("closeness", lambda: _top(C.Closeness(g, True, C.ClosenessVariant.GENERALIZED).run().scores()))
    else:
        def closeness():
            dist = nk.distance.SPSP(g, list(range(K))).run().getDistances(asarray=True)
            reach = (dist < np.finfo(np.float64).max / 2)
            tot = np.where(reach, dist, 0).sum(axis=1)
            r = reach.sum(axis=1) - 1
            c = np.where(tot > 0, (r / tot) * (r / (n - 1)), 0.0)
            return {"v1": float(c[0]), "max": float(c.max())}
        tasks.run("closeness", closeness, note="SPSP(sources=vertices 1..256) + numpy")

    def louvain():
        part_ = nk.community.PLM(g, refine=False).run().getPartition()
        return {"communities": part_.numberOfSubsets(),
                "modularity": nk.community.Modularity().getQuality(part_, g)}
    tasks.run("communities", louvain, note="PLM (refine=False) + modularity")
    tasks.run("eigenvector", lambda: _top(C.EigenvectorCentrality(g).run().scores()))
    tasks.run("pagerank", lambda: _top(C.PageRank(g, damp=0.85).run().scores()))


LARGE = {"networkx": large_networkx, "igraph": large_igraph, "networkit": large_networkit}


def _top(scores):
    """A small fingerprint of a score vector (for eyeballing agreement between tools)."""
    if isinstance(scores, dict):
        vals = [scores[k] for k in sorted(scores)]
    else:
        vals = list(scores)
    return {"v1": float(vals[0]), "max": float(max(vals))}


class Tasks:
    def __init__(self, part, t_start):
        self.part = part
        self.t_start = t_start
        self.out = {"tasks": {}}

    def loaded(self):
        self.out["load_s"] = time.perf_counter() - self.t_start
        self.out["rss_after_load_mb"] = peak_rss_mb()
        print(f"  load {self.out['load_s']:.2f} s", file=sys.stderr, flush=True)

    def estimate(self, fn, count, sample):
        """Seconds that fn over `count` sources would take, from a run on `sample` of them."""
        src = list(range(sample))
        t0 = time.perf_counter()
        fn(src)
        dt = time.perf_counter() - t0
        return dt / sample * count

    def run(self, name, fn, estimate=None, note=None):
        rec = {}
        if note:
            rec["note"] = note
        if estimate is not None:
            rec["estimate_s"] = estimate
            if estimate > NX_LIMIT:
                rec["skipped"] = f"(> {NX_LIMIT / 60:.0f} min, est. {estimate / 60:.0f} min)"
                self.out["tasks"][name] = rec
                print(f"  {name}: skipped, estimate {estimate:.0f} s", file=sys.stderr, flush=True)
                return
        secs, res = timed(fn)
        rec["seconds"] = secs
        rec["check"] = res
        rec["rss_after_mb"] = peak_rss_mb()
        self.out["tasks"][name] = rec
        print(f"  {name}: {secs:.3f} s", file=sys.stderr, flush=True)

    def skip(self, name, why):
        self.out["tasks"][name] = {"skipped": why}


def run_large(tool, part):
    t0 = time.perf_counter()
    n, edges = read_net(os.path.join(DATA, part + ".net"))
    parse = time.perf_counter() - t0
    tasks = Tasks(part, t0)
    tasks.out["parse_s"] = parse
    LARGE[tool](part, n, edges, tasks)
    return tasks.out


def worker(tool, part, out):
    if tool == "networkit":
        import networkit as nk
        if os.environ.get("BENCH_THREADS"):
            nk.setNumberOfThreads(int(os.environ["BENCH_THREADS"]))
    base = peak_rss_mb()
    load_start = os.getloadavg()[0]
    res = run_batch(tool) if part == "batch" else run_large(tool, part)
    res["rss_baseline_mb"] = base
    res["load_avg_at_start"] = load_start
    res["load_avg_at_end"] = os.getloadavg()[0]
    res["versions"] = versions()
    if tool == "networkit":
        import networkit as nk
        res["threads"] = nk.getMaxNumberOfThreads()
    else:
        res["threads"] = 1
    with open(out, "w") as fh:
        json.dump(res, fh, indent=1, default=str)


def versions():
    import importlib.metadata as md
    v = {"python": sys.version.split()[0]}
    for p in ("networkx", "igraph", "networkit", "numpy", "scipy"):
        try:
            v[p] = md.version(p)
        except md.PackageNotFoundError:
            pass
    return v


def parse_time_v(path):
    out = {}
    with open(path) as fh:
        for line in fh:
            line = line.strip()
            if line.startswith("Maximum resident set size"):
                out["peak_rss_mb"] = int(line.rsplit(":", 1)[1]) / 1024.0
            elif line.startswith("Elapsed (wall clock) time"):
                v = line.split(": ", 1)[1]
                secs = 0.0
                for part in v.split(":"):
                    secs = secs * 60 + float(part)
                out["process_wall_s"] = secs
            elif line.startswith("Exit status"):
                out["exit_status"] = int(line.rsplit(":", 1)[1])
    return out


def run(tools, parts):
    os.makedirs(RESULTS, exist_ok=True)
    tmp = os.path.join(RESULTS, "tmp")
    os.makedirs(tmp, exist_ok=True)
    for tool in tools:
        path = os.path.join(RESULTS, f"{tool}.json")
        result = {}
        if os.path.exists(path):
            with open(path) as fh:
                result = json.load(fh)
        for part in parts:
            print(f"reference.py: {tool} {part}", file=sys.stderr, flush=True)
            out = os.path.join(tmp, f"{tool}_{part}.json")
            tv = os.path.join(tmp, f"{tool}_{part}.time")
            cmd = ["/usr/bin/time", "-v", "-o", tv, sys.executable, os.path.abspath(__file__),
                   "worker", "--tool", tool, "--part", part, "--out", out]
            rc = subprocess.call(cmd)
            rec = {"error": f"worker exited with {rc}"} if rc != 0 else json.load(open(out))
            rec.update(parse_time_v(tv))
            result[part] = rec
            result["tool"] = tool
            result["measured_at"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
            with open(path, "w") as fh:
                json.dump(result, fh, indent=1, default=str)
        print(f"reference.py: wrote {path}", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("--tools", default=",".join(TOOLS))
    r.add_argument("--parts", default=",".join(PARTS))
    w = sub.add_parser("worker")
    w.add_argument("--tool", choices=TOOLS, required=True)
    w.add_argument("--part", choices=PARTS, required=True)
    w.add_argument("--out", required=True)
    a = ap.parse_args()
    if a.cmd == "run":
        run([t for t in a.tools.split(",") if t], [p for p in a.parts.split(",") if p])
    else:
        worker(a.tool, a.part, a.out)


if __name__ == "__main__":
    main()
