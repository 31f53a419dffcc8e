"""Compare samspill's network layout with Graphviz neato and sfdp and
NetworkX spring_layout on the same graphs, with the same node radius and
label sizes, using the same quality measures as crates/draw/src/quality.rs:

- node overlaps: pairs of nodes whose discs overlap (centre distance < 2r);
- label overlaps: pairs of label boxes that overlap;
- label-node overlaps: label boxes meeting any node's disc;
- edge crossings: pairs of edges without a shared end that cross;
- stress: mean over connected pairs of (s*|xi-xj|/d_ij - 1)^2 with the
  optimal scale s and hop distances d_ij (scale-free).

samspill's positions come from `samspill draw --positions-json`. The other
layouts are scaled uniformly so that their node bounding box has the same
area as samspill's (the same room to draw in); their labels sit right of the
node, vertically centred (samspill's first label candidate).

Networks: the real ones in ../shared/data/networks/ (read in place, never
copied) with names as labels, and generated municipal networks of 25-45
people (written to a temporary directory) with function codes as labels.

Usage (from the repository root, after `cargo build -p samspill-cli`):
    tools/layout-compare/.venv/bin/python tools/layout-compare/compare.py
or, without building the whole CLI, with samspill-draw's stand-in for
`samspill draw` (same reading, building and drawing):
    cargo build --release -p samspill-draw --example draw_positions
    SAMSPILL=target/release/examples/draw_positions \
        tools/layout-compare/.venv/bin/python tools/layout-compare/compare.py
Setup: apt-get install -y graphviz; python3 -m venv tools/layout-compare/.venv;
       tools/layout-compare/.venv/bin/pip install -r tools/layout-compare/requirements.txt
"""
import csv
import json
import math
import os
import random
import subprocess
import sys
import tempfile

import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "data", "networks")
SAMSPILL = os.environ.get("SAMSPILL", os.path.join(ROOT, "target", "debug", "samspill"))
SEED = 2015

FUNCTIONS = ["okonomiske_virkemidler", "tjenester_i_bolig", "tildeling", "husleiekontrakter",
             "utbygging", "framskaffe_boliger", "arealplanlegging", "drift_vedlikehold",
             "boligsosial_planlegging", "samfunnsplanlegging", "politisk_folkevalgt"]
TOWN_HALL = {"utbygging", "framskaffe_boliger", "arealplanlegging", "samfunnsplanlegging",
             "politisk_folkevalgt", "boligsosial_planlegging"}


def generate(path, n, seed):
    """A made-up municipality: n people over the eleven functions, a town
    hall side and a services side, a few non-respondents, directed reports
    of strength 1-3."""
    rng = random.Random(seed)
    people = []
    for i in range(n):
        f = FUNCTIONS[i % len(FUNCTIONS)] if i < len(FUNCTIONS) else rng.choice(FUNCTIONS)
        people.append({"id": f"p{i + 1:02d}", "functions": f, "side": f in TOWN_HALL,
                       "responded": rng.random() > 0.1})
    ties = {}
    for a in people:
        if not a["responded"]:
            continue
        for b in people:
            if a is b:
                continue
            p = 0.35 if a["functions"] == b["functions"] else (0.09 if a["side"] == b["side"] else 0.012)
            if rng.random() < p:
                ties[(a["id"], b["id"])] = rng.choice([1, 2, 2, 3, 3])
    with open(path + "-nodes.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "label", "functions", "unit", "level", "responded"])
        for p in people:
            w.writerow([p["id"], p["id"], p["functions"], "", "professional",
                        "yes" if p["responded"] else "no"])
    with open(path + ".csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["source", "target", "strength"])
        for (a, b), s in sorted(ties.items()):
            w.writerow([a, b, s])


def samspill_positions(args, tmp):
    out_json = os.path.join(tmp, "p.json")
    subprocess.run([SAMSPILL, "--lang", "en", "draw", *args, "--view", "all",
                    "--out", os.path.join(tmp, "p.svg"), "--positions-json", out_json],
                   check=True, stderr=subprocess.DEVNULL)
    with open(out_json, encoding="utf-8") as f:
        return json.load(f)


def graphviz(prog, n, edges):
    dot = "graph G {\n node [shape=point];\n" + "".join(f" {i};\n" for i in range(n))
    dot += "".join(f" {u} -- {v};\n" for u, v in edges) + "}\n"
    out = subprocess.run([prog, "-Tplain", f"-Gstart={SEED}"], input=dot, capture_output=True,
                         text=True, check=True).stdout
    pos = {}
    for line in out.splitlines():
        parts = line.split()
        if parts and parts[0] == "node":
            pos[int(parts[1])] = (float(parts[2]), -float(parts[3]))
    return [pos[i] for i in range(n)]


def spring(n, edges):
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(edges)
    p = nx.spring_layout(g, seed=SEED)
    return [(float(p[i][0]), float(p[i][1])) for i in range(n)]


def bbox(pos):
    xs = [p[0] for p in pos]
    ys = [p[1] for p in pos]
    return min(xs), min(ys), max(xs), max(ys)


def rescale(pos, area):
    x0, y0, x1, y1 = bbox(pos)
    w, h = max(x1 - x0, 1e-9), max(y1 - y0, 1e-9)
    s = math.sqrt(area / (w * h)) if w * h > 1e-9 else 1.0
    return [((x - x0) * s, (y - y0) * s) for x, y in pos]


def orient(a, b, c):
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def cross(a, b, c, d):
    d1, d2, d3, d4 = orient(c, d, a), orient(c, d, b), orient(a, b, c), orient(a, b, d)
    return ((d1 > 0 > d2) or (d1 < 0 < d2)) and ((d3 > 0 > d4) or (d3 < 0 < d4))


def box_overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def box_circle(b, c, r):
    nx_ = min(max(c[0], b[0]), b[2])
    ny_ = min(max(c[1], b[1]), b[3])
    return (nx_ - c[0]) ** 2 + (ny_ - c[1]) ** 2 < r * r


def metrics(pos, r, boxes, edges, dist):
    n = len(pos)
    node_ov = sum(1 for i in range(n) for j in range(i + 1, n) if math.dist(pos[i], pos[j]) < 2 * r)
    label_ov = sum(1 for i in range(n) for j in range(i + 1, n) if box_overlap(boxes[i], boxes[j]))
    label_node = sum(1 for b in boxes for c in pos if box_circle(b, c, r))
    crossings = 0
    for k, (a, b) in enumerate(edges):
        for c, d in edges[k + 1:]:
            if len({a, b, c, d}) == 4 and cross(pos[a], pos[b], pos[c], pos[d]):
                crossings += 1
    num = den = 0.0
    pairs = []
    for i in range(n):
        for j, d in dist[i].items():
            if j > i and d > 0:
                delta = math.dist(pos[i], pos[j])
                num += delta / d
                den += delta * delta / (d * d)
                pairs.append((delta, d))
    s = num / den if den > 0 else 1.0
    stress = sum((s * delta / d - 1) ** 2 for delta, d in pairs) / len(pairs) if pairs else 0.0
    return node_ov, label_ov, label_node, crossings, stress


def right_labels(pos, r, sizes):
    return [(x + r + 2, y - h / 2, x + r + 2 + w, y + h / 2) for (x, y), (w, h) in zip(pos, sizes)]


def compare(name, args, tmp, rows):
    data = samspill_positions(args, tmp)
    p = data["positions"]
    nodes = p["nodes"]
    n = len(nodes)
    edges = [tuple(e) for e in p["edges"]]
    r = nodes[0]["r"]
    ours = [(v["x"], v["y"]) for v in nodes]
    boxes = [(v["label_box"]["x0"], v["label_box"]["y0"], v["label_box"]["x1"], v["label_box"]["y1"])
             for v in nodes]
    sizes = [(b[2] - b[0], b[3] - b[1]) for b in boxes]
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(edges)
    dist = dict(nx.all_pairs_shortest_path_length(g))
    x0, y0, x1, y1 = bbox(ours)
    area = (x1 - x0) * (y1 - y0)
    results = {"samspill": metrics(ours, r, boxes, edges, dist)}
    q = data["quality"]
    rust = (q["node_overlaps"], q["label_overlaps"], q["label_node_overlaps"], q["edge_crossings"])
    if rust != results["samspill"][:4] or abs(q["stress"] - results["samspill"][4]) > 1e-9:
        print(f"warning: {name}: Rust quality {q} differs from Python {results['samspill']}",
              file=sys.stderr)
    for label, layout in [("neato", lambda: graphviz("neato", n, edges)),
                          ("sfdp", lambda: graphviz("sfdp", n, edges)),
                          ("spring", lambda: spring(n, edges))]:
        pos = rescale(layout(), area)
        results[label] = metrics(pos, r, right_labels(pos, r, sizes), edges, dist)
    best = all(results["samspill"][k] <= min(v[k] for v in results.values()) + (1e-9 if k == 4 else 0)
               for k in range(5))
    for label, m in results.items():
        rows.append((name, n, len(edges), label, *m, "yes" if best else "NO") if label == "samspill"
                    else (name, n, len(edges), label, *m, ""))


def main():
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for f, extra in [("strike.paj", []), ("sawmill.net", []), ("hi-tech.paj", []),
                         ("sampson.paj", [])]:
            path = os.path.join(SHARED, f)
            if os.path.exists(path):
                compare(f, [path, "--names", *extra], tmp, rows)
        for k, n in enumerate([25, 30, 35, 40, 45, 45]):
            base = os.path.join(tmp, f"kommune{k + 1}")
            generate(base, n, SEED + k)
            compare(f"generated {n} (#{k + 1})", [base + ".csv", "--nodes", base + "-nodes.csv"], tmp, rows)
    head = ("network", "n", "edges", "layout", "node ov", "label ov", "label-node", "crossings",
            "stress", "samspill best")
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in rows:
        cells = [str(c) for c in r[:8]] + [f"{r[8]:.6f}", r[9]]
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
