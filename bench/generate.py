#!/usr/bin/env python3
"""Seeded, deterministic benchmark inputs for bench/ (written into bench/work/data/).

1. National batch: 356 municipal collaboration networks (25-45 people, eleven functions, units,
   isolates, non-respondents, directed reports with strength 1-3) as Pajek projects muni_NNN.paj.
2. Large graphs: g10k.net (10,000 nodes / 50,000 edges) and g100k.net (100,000 / 1,000,000),
   undirected, preferential attachment mixed with uniform random edges (degree heterogeneity, one
   connected component), vertex numbers shuffled so that vertices 1..K are a random sample.

Only the standard library is used, with random.Random seeded by integers, so the files are the
same byte for byte on every run (manifest.json records their sha256). Re-running is a no-op unless
this file changed or --force is given.

    python3 bench/generate.py [--force] [--only batch|large]
"""
import argparse
import hashlib
import json
import os
import random
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "work", "data")
SEED = 20150601

FUNCTIONS = [
    "tildeling", "nav_okonomi", "tjenester_bolig", "husleie", "utbygging", "framskaffe",
    "arealplan", "drift", "boligsosial_plan", "samfunnsplan", "politiker",
]
# relative frequency of each function in a municipality's network
FUNCTION_WEIGHTS = [12, 12, 16, 6, 6, 7, 7, 10, 6, 6, 12]
UNITS = [
    "Boligkontoret", "NAV", "Helse og omsorg", "Eiendom", "Plan og bygg", "Teknisk drift",
    "Radmannens stab", "Okonomi", "Kultur og oppvekst",
]
FIRST = [
    "Kari", "Ola", "Ingrid", "Lars", "Anne", "Per", "Marit", "Jon", "Liv", "Knut", "Hilde", "Arne",
    "Silje", "Terje", "Randi", "Geir", "Tone", "Odd", "Mona", "Svein", "Nina", "Rune", "Elin",
    "Trond", "Heidi", "Bjorn", "Siri", "Eirik", "Guro", "Espen", "Ragnhild", "Havard",
]
LAST = [
    "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
    "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen",
    "Johannessen", "Andreassen", "Jacobsen", "Dahl", "Halvorsen", "Henriksen", "Lund", "Moen",
    "Gundersen", "Iversen", "Strand", "Solberg", "Bakken", "Lie",
]
# strength distributions (monthly 1, weekly 2, daily 3) by how close two people sit
STRENGTH_SAME_FUNCTION = [20, 35, 45]
STRENGTH_SAME_UNIT = [30, 40, 30]
STRENGTH_OTHER = [55, 35, 10]


def municipality(idx):
    """One municipal network: (labels, function index per person, arcs [(from, to, strength)])."""
    rng = random.Random(SEED * 1000 + idx)
    n = rng.randint(25, 45)
    names = rng.sample([f"{f} {l}" for f in FIRST for l in LAST], n)
    n_units = rng.randint(3, 6)
    units = rng.sample(UNITS, n_units)
    # every function has a home unit; politicians sit in their own body
    home = {f: rng.randrange(n_units) for f in range(len(FUNCTIONS) - 1)}
    func = rng.choices(range(len(FUNCTIONS)), weights=FUNCTION_WEIGHTS, k=n)
    unit = []
    for f in func:
        if f == len(FUNCTIONS) - 1:
            unit.append(n_units)  # kommunestyret
        elif rng.random() < 0.8:
            unit.append(home[f])
        else:
            unit.append(rng.randrange(n_units))
    activity = [rng.lognormvariate(0.0, 0.5) for _ in range(n)]
    isolates = set(rng.sample(range(n), rng.choices([0, 1, 2], weights=[45, 35, 20])[0]))
    nonresp = set(rng.sample(range(n), rng.choices([0, 1, 2, 3], weights=[30, 35, 25, 10])[0]))

    arcs = {}
    for i in range(n):
        for j in range(i + 1, n):
            if i in isolates or j in isolates:
                continue
            pol_i, pol_j = func[i] == len(FUNCTIONS) - 1, func[j] == len(FUNCTIONS) - 1
            if func[i] == func[j]:
                p, dist = 0.45, STRENGTH_SAME_FUNCTION
            elif unit[i] == unit[j]:
                p, dist = 0.28, STRENGTH_SAME_UNIT
            elif pol_i or pol_j:
                p, dist = 0.03, STRENGTH_OTHER
            else:
                p, dist = 0.06, STRENGTH_OTHER
            p = min(0.95, p * (activity[i] * activity[j]) ** 0.5)
            if rng.random() >= p:
                continue
            base = rng.choices([1, 2, 3], weights=dist)[0]
            reporters = [(a, b) for a, b in ((i, j), (j, i)) if a not in nonresp]
            if not reporters:
                continue  # nobody who answered knows of this contact
            reported = [(a, b) for a, b in reporters if rng.random() < 0.8]
            if not reported:
                reported = [rng.choice(reporters)]
            for a, b in reported:
                s = base
                if rng.random() < 0.25:  # the two sides remember the frequency differently
                    s = min(3, max(1, s + rng.choice([-1, 1])))
                arcs[(a, b)] = s
    return names, func, sorted((a + 1, b + 1, s) for (a, b), s in arcs.items())


def write_paj(path, name, labels, func, arcs):
    lines = [f"*Network {name}", f"*Vertices {len(labels)}"]
    lines += [f'{i} "{lab}"' for i, lab in enumerate(labels, 1)]
    lines.append("*Arcs")
    lines += [f"{a} {b} {s}" for a, b, s in arcs]
    lines.append("*Partition function")
    lines.append(f"*Vertices {len(labels)}")
    lines += [str(f + 1) for f in func]
    with open(path, "w", newline="\n") as fh:
        fh.write("\n".join(lines) + "\n")


def large_graph(n, m, k, seed):
    """n nodes, m undirected edges: preferential attachment (k edges per new node, 80% by degree,
    20% uniform among earlier nodes) gives a connected, heavy-tailed core; uniform random edges
    fill up to m. Returns the edges with shuffled vertex numbers (1-based) in shuffled order."""
    rng = random.Random(seed)
    edges = set()
    ends = []  # every edge endpoint once: choosing from it is choosing by degree
    for u in range(k + 1):
        for v in range(u):
            edges.add((v, u))
            ends += (u, v)
    for v in range(k + 1, n):
        chosen = set()
        while len(chosen) < k:
            t = rng.choice(ends) if rng.random() < 0.8 else rng.randrange(v)
            chosen.add(t)
        for t in chosen:
            edges.add((t, v))
            ends += (t, v)
    while len(edges) < m:
        u, v = rng.randrange(n), rng.randrange(n)
        if u == v:
            continue
        e = (u, v) if u < v else (v, u)
        edges.add(e)
    perm = list(range(1, n + 1))
    rng.shuffle(perm)
    out = [(perm[u], perm[v]) if rng.random() < 0.5 else (perm[v], perm[u]) for u, v in sorted(edges)]
    rng.shuffle(out)
    return out


def write_net(path, n, edges):
    with open(path, "w", newline="\n") as fh:
        fh.write(f"*Vertices {n}\n*Edges\n")
        fh.write("".join(f"{u} {v}\n" for u, v in edges))


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


LARGE = {"g10k": (10_000, 50_000, 3), "g100k": (100_000, 1_000_000, 7)}
N_MUNI = 356


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--force", action="store_true", help="regenerate even if up to date")
    ap.add_argument("--only", choices=["batch", "large"])
    args = ap.parse_args()
    os.makedirs(DATA, exist_ok=True)
    with open(os.path.abspath(__file__), "rb") as fh:
        stamp = hashlib.sha256(fh.read()).hexdigest()
    manifest_path = os.path.join(DATA, "manifest.json")
    if not args.force and not args.only and os.path.exists(manifest_path):
        with open(manifest_path) as fh:
            old = json.load(fh)
        if old.get("generator_sha256") == stamp and all(
            os.path.exists(os.path.join(DATA, f)) for f in old.get("files", {})
        ):
            print(f"generate.py: {DATA} is up to date")
            return
    manifest = {"generator_sha256": stamp, "seed": SEED, "files": {}}
    if os.path.exists(manifest_path):
        with open(manifest_path) as fh:
            manifest["files"] = json.load(fh).get("files", {})
    if args.only != "large":
        t0 = time.perf_counter()
        tot_n = tot_a = 0
        for idx in range(1, N_MUNI + 1):
            name = f"muni_{idx:03d}"
            labels, func, arcs = municipality(idx)
            path = os.path.join(DATA, name + ".paj")
            write_paj(path, name, labels, func, arcs)
            manifest["files"][name + ".paj"] = {"nodes": len(labels), "arcs": len(arcs), "sha256": sha256(path)}
            tot_n += len(labels)
            tot_a += len(arcs)
        print(f"generate.py: {N_MUNI} municipal networks, {tot_n} people, {tot_a} arcs "
              f"({time.perf_counter() - t0:.1f} s)")
    if args.only != "batch":
        for name, (n, m, k) in LARGE.items():
            t0 = time.perf_counter()
            edges = large_graph(n, m, k, SEED + n)
            path = os.path.join(DATA, name + ".net")
            write_net(path, n, edges)
            manifest["files"][name + ".net"] = {"nodes": n, "edges": len(edges), "sha256": sha256(path)}
            print(f"generate.py: {name}.net {n} nodes, {len(edges)} edges ({time.perf_counter() - t0:.1f} s)")
    with open(manifest_path, "w") as fh:
        json.dump(manifest, fh, indent=1, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
