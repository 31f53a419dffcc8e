#!/usr/bin/env python3
"""Write real third-party network files with NetworkX for samspill-formats' tests.

NetworkX's own writers (nx.write_graphml, nx.write_gexf, nx.write_pajek) produce the files, so the
Rust readers are tested against what another tool really emits, not against what we think it emits.
Output goes to crates/formats/tests/thirdparty/ together with expected.json: per file the node and
edge counts, whether it is directed, and a few labels, weights and attribute values that the tests
in crates/formats/tests/thirdparty.rs compare with what samspill reads.

Run through tools/reference/setup.sh's venv (NetworkX 3.7 needs Python >= 3.12):

    tools/reference/setup.sh && tools/reference/.venv/bin/python tools/reference/thirdparty_files.py

It also writes Zachary's karate club in the layout UCINET itself writes (ucinet-zachary.dl) and
records how NetworkX reads the files of crates/formats/tests/fixtures/issue14/ (yEd groups, typed
"null" values, a directed graph without edges).

With --igraph it instead writes the municipal digraph with python-igraph (Debian's
python3-igraph, i.e. the igraph C library's own GraphML, Pajek and NCOL writers), and reads with
igraph's DL reader the DL files samspill wrote (samspill-*.dl) and ucinet-zachary.dl; it runs under
the system Python:

    apt-get install python3-igraph && /usr/bin/python3 tools/reference/thirdparty_files.py --igraph

Each mode updates only its own entries in expected.json.

Graphs: Zachary's karate club (nx.karate_club_graph: node attribute "club", integer edge weights),
Padgett's Florentine families (nx.florentine_families_graph: names only) and a small weighted
digraph of fictional Norwegian municipal staff with æøå in labels and typed attributes.  The files
are deterministic for a given NetworkX version (nodes and edges are added in a fixed order).
"""

import json
import os
import sys

if "--igraph" not in sys.argv:
    import networkx as nx

EXPECTED_NX = "3.7"
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
OUT_DIR = os.path.join(REPO, "crates", "formats", "tests", "thirdparty")


def karate():
    """Zachary's karate club; node ids become strings so every format names them alike."""
    g = nx.karate_club_graph()
    h = nx.Graph(name="karate")
    for n in sorted(g.nodes):
        h.add_node(f"k{n}", club=g.nodes[n]["club"])
    for u, v, d in sorted(g.edges(data=True)):
        h.add_edge(f"k{u}", f"k{v}", weight=int(d["weight"]))
    return h


def florentine():
    """Padgett's Florentine families (marriage ties), names as node ids."""
    g = nx.florentine_families_graph()
    h = nx.Graph()
    h.add_nodes_from(sorted(g.nodes))
    h.add_edges_from(sorted(tuple(sorted(e)) for e in g.edges))
    return h


def kommune():
    """A small weighted digraph with Norwegian labels and typed attributes."""
    g = nx.DiGraph(name="Samarbeid i Bø kommune")
    for pid, label, unit, years, share, leader in PEOPLE:
        g.add_node(pid, label=label, enhet=unit, aar=years, stilling=share, leder=leader)
    for s, t, w, rel, n in TIES:
        g.add_edge(s, t, weight=w, relasjon=rel, moter=n)
    return g


def kommune_dynamic():
    """The municipal digraph with waves: node and edge spells as NetworkX's GEXF writer wants them
    (a "start"/"end" attribute makes write_gexf emit mode="dynamic")."""
    g = kommune()
    spans = {"p1": (1, 3), "p2": (1, 3), "p3": (2, 3), "p4": (1, 2), "p5": (3, 3)}
    for n, (s, e) in spans.items():
        g.nodes[n]["start"] = s
        g.nodes[n]["end"] = e
    for u, v in g.edges:
        g.edges[u, v]["start"] = max(spans[u][0], spans[v][0])
        g.edges[u, v]["end"] = min(spans[u][1], spans[v][1])
    return g


def undirected_expect(g, ids):
    return {
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "directed": g.is_directed(),
        "ids": ids,
    }


def load_expected():
    try:
        with open(os.path.join(OUT_DIR, "expected.json"), encoding="utf-8") as fh:
            return json.load(fh)
    except FileNotFoundError:
        return {"files": {}}


def save_expected(expected):
    with open(os.path.join(OUT_DIR, "expected.json"), "w", encoding="utf-8") as fh:
        json.dump(expected, fh, ensure_ascii=False, indent=1, sort_keys=True)
        fh.write("\n")


# The municipal digraph as plain data, shared by the NetworkX and igraph modes.
PEOPLE = [
    # id, label, unit, years employed (int), position share (float), leader (bool)
    ("p1", "Kåre Ødegård", "Rådmannens stab", 12, 1.0, True),
    ("p2", "Åse Bjørnstad", "NAV Bø", 4, 0.8, False),
    ("p3", "Øystein Læraas", "Teknisk etat", 20, 1.0, True),
    ("p4", "Mari Å. Sæther", "Helse og omsorg", 1, 0.5, False),
    ("p5", "Per \"Pelle\" Ås & co <ekstern>", "Boligstiftelsen", 7, 0.25, False),
]
TIES = [
    # source, target, weight (float), relation (str), meetings per year (int)
    ("p1", "p2", 3.0, "bolig", 24),
    ("p2", "p1", 2.0, "bolig", 12),
    ("p1", "p3", 1.5, "plan", 6),
    ("p3", "p4", 0.5, "helse", 2),
    ("p4", "p2", 2.0, "bolig", 10),
    ("p5", "p1", 1.0, "bolig", 4),
    ("p2", "p5", 2.5, "økonomi", 8),
]


def igraph_main():
    """Writes the municipal digraph with python-igraph's GraphML, Pajek and NCOL writers."""
    import igraph as ig

    os.makedirs(OUT_DIR, exist_ok=True)
    out = lambda name: os.path.join(OUT_DIR, name)  # noqa: E731
    expected = load_expected()
    g = ig.Graph(directed=True)
    g["name"] = "Samarbeid i Bø kommune"
    g.add_vertices(len(PEOPLE))
    g.vs["name"] = [p[0] for p in PEOPLE]
    g.vs["label"] = [p[1] for p in PEOPLE]
    g.vs["enhet"] = [p[2] for p in PEOPLE]
    g.vs["aar"] = [p[3] for p in PEOPLE]
    g.vs["stilling"] = [p[4] for p in PEOPLE]
    g.vs["leder"] = [p[5] for p in PEOPLE]
    idx = {p[0]: i for i, p in enumerate(PEOPLE)}
    g.add_edges([(idx[s], idx[t]) for s, t, *_ in TIES])
    g.es["weight"] = [t[2] for t in TIES]
    g.es["relasjon"] = [t[3] for t in TIES]
    g.es["moter"] = [t[4] for t in TIES]
    g.write_graphml(out("kommune-igraph.graphml"))
    g.write_pajek(out("kommune-igraph.net"))
    # NCOL: "name name weight" lines, whitespace-separated; read as a CSV edge list.
    g.write_ncol(out("kommune-igraph-ncol.txt"), names="name", weights="weight")
    common = {
        "nodes": g.vcount(),
        "edges": g.ecount(),
        "directed": True,
        "ids": [p[0] for p in PEOPLE],
        "labels": [p[1] for p in PEOPLE],
        # igraph keeps every number as a double: GraphML says so.
        "node_attrs": {p[0]: {"enhet": p[2], "aar": p[3], "stilling": p[4], "leder": p[5]} for p in PEOPLE},
        "edge_attrs": [[s, t, {"weight": w, "relasjon": r, "moter": m}] for s, t, w, r, m in TIES],
        "graph_name": g["name"],
        "writer": f"python-igraph {ig.__version__}",
    }
    for name in ("kommune-igraph.graphml", "kommune-igraph.net", "kommune-igraph-ncol.txt"):
        expected["files"][name] = common
    # igraph's DL reader on what samspill's DL writer wrote (issue 14: "write what other tools
    # read"). samspill-*.dl are samspill's own output (tests/thirdparty.rs checks that the
    # writer still writes exactly them). igraph reads every DL file as arcs (directed=True) and
    # splits quoted labels at blanks, so only counts, weights and blank-free names are recorded.
    reads = {}
    for name in ("samspill-directed.dl", "samspill-undirected.dl", "ucinet-zachary.dl"):
        try:
            d = ig.Graph.Read_DL(out(name), directed=True)
        except Exception as e:  # noqa: BLE001 - what igraph says is the record
            reads[name] = {"error": f"{type(e).__name__}: {str(e)[:80]}"}
            continue
        rec = {"vertices": d.vcount(), "arcs": d.ecount()}
        if "weight" in d.es.attributes():
            rec["weights"] = sorted(d.es["weight"])
        if "name" in d.vs.attributes() and all(" " not in n for n in d.vs["name"]):
            rec["names"] = d.vs["name"]
        reads[name] = rec
    expected["igraph_reads_dl"] = {"reader": f"python-igraph {ig.__version__}", "files": reads}
    save_expected(expected)
    print(f"wrote igraph {ig.__version__} files to {OUT_DIR}")


def main():
    if "--igraph" in sys.argv:
        igraph_main()
        return
    if nx.__version__ != EXPECTED_NX:
        print(f"warning: NetworkX {nx.__version__}, expected {EXPECTED_NX}", file=sys.stderr)
    os.makedirs(OUT_DIR, exist_ok=True)
    out = lambda name: os.path.join(OUT_DIR, name)  # noqa: E731
    expected = load_expected()
    expected["networkx"] = nx.__version__

    k = karate()
    nx.write_graphml(k, out("karate.graphml"))
    nx.write_gexf(k, out("karate-1.2draft.gexf"), version="1.2draft")
    nx.write_pajek(k, out("karate.net"))
    kid = list(k.nodes)
    k_ex = undirected_expect(k, kid[:3] + kid[-1:])
    k_ex["node_attrs"] = {n: {"club": k.nodes[n]["club"]} for n in ("k0", "k9", "k33")}
    k_ex["weights"] = [[u, v, k.edges[u, v]["weight"]] for u, v in (("k0", "k1"), ("k32", "k33"))]
    k_ex["total_weight"] = sum(d["weight"] for _, _, d in k.edges(data=True))
    for name in ("karate.graphml", "karate-1.2draft.gexf", "karate.net"):
        expected["files"][name] = k_ex

    f = florentine()
    nx.write_graphml(f, out("florentine.graphml"))
    nx.write_gexf(f, out("florentine-1.1draft.gexf"), version="1.1draft")
    nx.write_pajek(f, out("florentine.net"))
    f_ex = undirected_expect(f, sorted(f.nodes)[:3])
    f_ex["degrees"] = {n: f.degree(n) for n in ("Medici", "Acciaiuoli", "Strozzi")}
    for name in ("florentine.graphml", "florentine-1.1draft.gexf", "florentine.net"):
        expected["files"][name] = f_ex

    g = kommune()
    nx.write_graphml(g, out("kommune.graphml"))
    nx.write_gexf(g, out("kommune.gexf"))
    # Pajek has no node attributes: write a copy without them so NetworkX writes plain lines.
    plain = nx.DiGraph()
    plain.add_nodes_from(g.nodes[n]["label"] for n in g.nodes)
    for u, v, w in g.edges(data="weight"):
        plain.add_edge(g.nodes[u]["label"], g.nodes[v]["label"], weight=w)
    nx.write_pajek(plain, out("kommune.net"))
    g_ex = {
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "directed": True,
        "ids": list(g.nodes),
        "labels": [g.nodes[n]["label"] for n in g.nodes],
        "node_attrs": {
            n: {k: g.nodes[n][k] for k in ("enhet", "aar", "stilling", "leder")} for n in g.nodes
        },
        "edge_attrs": [
            [u, v, {"weight": d["weight"], "relasjon": d["relasjon"], "moter": d["moter"]}]
            for u, v, d in g.edges(data=True)
        ],
        "graph_name": g.graph["name"],
    }
    for name in ("kommune.graphml", "kommune.gexf", "kommune.net"):
        expected["files"][name] = g_ex

    d = kommune_dynamic()
    nx.write_gexf(d, out("kommune-dynamic.gexf"), version="1.2draft")
    d_ex = dict(g_ex)
    d_ex["node_spells"] = {n: [d.nodes[n]["start"], d.nodes[n]["end"]] for n in d.nodes}
    d_ex["edge_spells"] = [[u, v, [a["start"], a["end"]]] for u, v, a in d.edges(data=True)]
    expected["files"]["kommune-dynamic.gexf"] = d_ex

    # Zachary's karate club in the layout UCINET itself writes (UCINET 6 DL export: a
    # one-line "DL N= NM=" header, "FORMAT = FULLMATRIX DIAGONAL PRESENT", the matrix names
    # under "LEVEL LABELS:"): ZACHE the 0/1 ties, ZACHC their strengths (Zachary's counts of
    # contexts, nx.karate_club_graph's "weight").
    z = nx.karate_club_graph()
    n = z.number_of_nodes()
    with open(out("ucinet-zachary.dl"), "w", encoding="ascii", newline="\r\n") as fh:
        fh.write(f"DL N={n} NM=2\nFORMAT = FULLMATRIX DIAGONAL PRESENT\nLEVEL LABELS:\nZACHE\n"
                 "ZACHC\nDATA:\n")
        for attr in (None, "weight"):
            for u in range(n):
                row = [(z.edges[u, v][attr] if attr else 1) if z.has_edge(u, v) else 0
                       for v in range(n)]
                fh.write(" " + " ".join(str(int(x)) for x in row) + "\n")
    expected["files"]["ucinet-zachary.dl"] = {
        "nodes": n,
        "edges": z.number_of_edges(),
        "directed": False,
        "relations": ["ZACHE", "ZACHC"],
        "total_weight": sum(int(d["weight"]) for _, _, d in z.edges(data=True)),
    }

    # Files written in the repository from the formats' documentation (issue 14), as NetworkX
    # reads them: the counts samspill must agree with.
    fixtures = {}
    fx = os.path.join(REPO, "crates", "formats", "tests", "fixtures", "issue14")
    y = nx.read_graphml(os.path.join(fx, "yed-groups.graphml"))
    fixtures["yed-groups.graphml"] = {"nodes": sorted(y.nodes), "edges": y.number_of_edges(),
                                      "directed": y.is_directed()}
    for name in ("directed-no-ties.graphml",):
        h = nx.read_graphml(os.path.join(fx, name))
        fixtures[name] = {"nodes": sorted(h.nodes), "edges": h.number_of_edges(),
                          "directed": h.is_directed()}
    for name in ("null-values.graphml", "null-values.gexf"):
        path = os.path.join(fx, name)
        try:
            h = nx.read_graphml(path) if name.endswith("graphml") else nx.read_gexf(path)
        except Exception as e:  # noqa: BLE001 - NetworkX refusing is the record
            fixtures[name] = {"networkx_error": f"{type(e).__name__}: {str(e)[:80]}"}
        else:
            fixtures[name] = {"nodes": sorted(h.nodes), "edges": h.number_of_edges(),
                              "directed": h.is_directed()}
    expected["networkx_reads_fixtures"] = fixtures

    save_expected(expected)
    print(f"wrote {len(expected['files'])} files and expected.json to {OUT_DIR}")


if __name__ == "__main__":
    main()
