#!/usr/bin/env python3
"""Print the side-by-side table from bench/work/results/{samspill,networkx,igraph,networkit}.json
(and write it to bench/work/results/table.txt). See bench/README.md for what each row means."""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RESULTS = os.path.join(HERE, "work", "results")
REFS = ["networkx", "igraph", "networkit"]

# the measures all three libraries have in the batch (NetworkX's time for the same subset)
SHARED = ["degree", "betweenness", "closeness", "harmonic", "eigenvector", "clustering", "core_number",
          "articulation_points", "components", "diameter_apl", "density", "transitivity", "communities",
          "weighted_betweenness", "weighted_closeness", "in_out_degree", "strong_components"]

LARGE_ROWS = [
    ("components", "components"),
    ("betweenness_exact", "betweenness, exact"),
    ("betweenness_sample", "betweenness, 256 sources"),
    ("closeness", "closeness"),
    ("communities", "communities (Louvain)"),
    ("eigenvector", "eigenvector"),
    ("pagerank", "PageRank (0.85)"),
]


def load(name):
    path = os.path.join(RESULTS, name + ".json")
    if not os.path.exists(path):
        return {}
    with open(path) as fh:
        return json.load(fh)


def secs(x):
    if x is None:
        return "-"
    if isinstance(x, str):
        return x
    if x >= 100:
        return f"{x:.0f} s"
    if x >= 10:
        return f"{x:.1f} s"
    if x >= 1:
        return f"{x:.2f} s"
    if x >= 0.01:
        return f"{x:.3f} s"
    return f"{x * 1000:.2f} ms"


def mb(x):
    return "-" if x is None else f"{x:.0f} MB"


def ratio(s, refs):
    nums = {t: v for t, v in refs.items() if isinstance(v, (int, float))}
    if not isinstance(s, (int, float)) or not nums:
        return "-"
    tool = min(nums, key=nums.get)
    r = s / nums[tool] if nums[tool] > 0 else float("inf")
    return (f"{r:.2f}x" if r >= 0.1 else f"{r:.3f}x") + f" ({tool})"


def task_value(rec):
    if not rec:
        return None
    if "seconds" in rec:
        return rec["seconds"]
    if "skipped" in rec:
        return "skipped " + rec["skipped"]
    if "error" in rec:
        return "FAILED"
    return None


def build_rows(res):
    sections = []
    s = res["samspill"]
    # ---- national batch
    rows = []
    b = {t: res[t].get("batch", {}) for t in REFS}
    sb = s.get("batch", {})
    sd, sw = sb.get("default", {}), sb.get("weighted", {})
    rows.append(("load: parse + build graphs", "(in each run)", {t: b[t].get("load_s") for t in REFS}, None))
    nx_ = b["networkx"]
    r = {"networkx": nx_.get("compute_unweighted_s"), "igraph": None, "networkit": None}
    rows.append(("NetworkX's suite, same measures [1]", task_value(sb.get("nx_suite", {})), dict(r), "ratio+load"))
    rows.append(("samspill default suite vs NetworkX's suite [2]", task_value(sd), r, "ratio+load"))
    r = {"networkx": nx_.get("compute_s"), "igraph": None, "networkit": None}
    rows.append(("--weighted run vs full suite + weighted [3]", task_value(sw), r, "ratio+load"))
    rows.append(("both samspill runs summed vs full suite", sb.get("both_s"), dict(r), "ratio+load"))
    shared = {t: (sum(b[t].get("measures_s", {}).get(k, 0.0) for k in SHARED) if b[t].get("measures_s") else None)
              for t in REFS}
    rows.append(("measures all three libraries have [4]", None, shared, None))
    rows.append(("peak memory (RSS)", max([x.get("peak_rss_mb", 0) for x in (sd, sw, sb.get("nx_suite", {}))]) or None,
                 {t: b[t].get("peak_rss_mb") for t in REFS}, "mem"))
    sections.append(("National batch: 356 municipal networks (25-45 people), one process per tool", rows))
    # ---- large graphs
    for part, title in (("g10k", "10k nodes / 50k edges"), ("g100k", "100k nodes / 1M edges")):
        rows = []
        lp = {t: res[t].get(part, {}) for t in REFS}
        sp = s.get(part, {}).get("tasks", {})
        rows.append(("load: parse + build graph", "(in each run)", {t: lp[t].get("load_s") for t in REFS}, None))
        for key, label in LARGE_ROWS:
            refs = {t: task_value(lp[t].get("tasks", {}).get(key)) for t in REFS}
            sv = task_value(sp.get(key))
            if sv is None and all(v is None for v in refs.values()):
                continue
            if key == "closeness":
                label += " (all vertices)" if part == "g10k" else " (vertices 1..256)"
            if key == "betweenness_sample":
                label += " [5]"
            rows.append((label, sv, refs, "ratio+load"))
        refs = {}
        btw = "betweenness_exact" if part == "g10k" else "betweenness_sample"
        for t in REFS:
            tasks = lp[t].get("tasks", {})
            vals = [tasks.get(k, {}).get("seconds") for k in ("components", btw, "closeness",
                                                                "communities", "eigenvector", "pagerank")]
            refs[t] = (sum(vals) + lp[t].get("load_s", 0)) if vals and all(isinstance(v, float) for v in vals) else None
        rows.append(("all six metrics, 1 process [6]", task_value(sp.get("all_metrics")), refs, "ratio"))
        rows.append(("peak memory (RSS) [7]", s.get(part, {}).get("peak_rss_mb"),
                     {t: lp[t].get("peak_rss_mb") for t in REFS}, "mem"))
        sections.append((f"Large graph {part}: {title}", rows))
    return sections


def render(sections, res):
    head = ["task", "samspill", "networkx", "igraph", "networkit", "samspill / fastest ref",
            "... / fastest ref incl. load"]
    out = []
    for title, rows in sections:
        part = "batch" if title.startswith("National") else title.split()[2].rstrip(":")
        table = [head]
        for label, sv, refs, kind in rows:
            if kind == "mem":
                table.append([label, mb(sv)] + [mb(refs[t]) for t in REFS] + [ratio(sv, refs), ""])
                continue
            cells = [label, secs(sv)] + [secs(refs[t]) for t in REFS]
            if kind in ("ratio", "ratio+load"):
                cells.append(ratio(sv, refs))
            else:
                cells.append("")
            if kind == "ratio+load":
                withload = {t: (refs[t] + res[t].get(part, {}).get("load_s", 0.0))
                            if isinstance(refs[t], (int, float)) else None for t in REFS}
                cells.append(ratio(sv, withload))
            else:
                cells.append("")
            table.append(cells)
        widths = [max(len(r[i]) for r in table) for i in range(len(head))]
        out.append(title)
        for i, r in enumerate(table):
            out.append("  " + " | ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
            if i == 0:
                out.append("  " + "-+-".join("-" * w for w in widths))
        out.append("")
    v = res["networkx"].get("batch", {}).get("versions") or res["networkx"].get("g10k", {}).get("versions") or {}
    th = res["networkit"].get("g10k", {}).get("threads") or res["networkit"].get("batch", {}).get("threads")
    out += [
        "samspill: wall time of the whole process (reading the files and writing JSON included), best of 3",
        "when under 10 s. References: compute only (best of 3 when under 2 s); their loading is the 'load'",
        "row, added in the last column. Ratios below 1 mean samspill is faster. samspill uses every core",
        "(files in parallel in the batch, sources in parallel on large graphs), as networkit does.",
        "[1] samspill --community-runs 1 --metrics <the measures of NetworkX's suite> vs NetworkX's full",
        "    suite without the weighted measures (one Louvain run each; see NX_SUITE in samspill_bench.py).",
        "[2] samspill default suite (which also runs 10 Louvain seeds for the stability score, bridge",
        "    builders, chains and PageRank) vs the same NetworkX suite as [1].",
        "[3] samspill --weighted (default suite + weighted measures) vs NetworkX's full suite incl. weighted",
        "    betweenness/closeness (distance 1/strength).",
        "[4] sum over the measures igraph and networkit also have (see README); no samspill figure.",
        "[5] samspill, NetworkX, igraph: sources = vertices 1..256. networkit: EstimateBetweenness with",
        "    256 random sources (it has no fixed-source betweenness): the same amount of work.",
        "[6] samspill: --metrics with all six in one run (g10k: exact, all vertices; g100k: --sample 256).",
        "    References: the sum of the same six task rows + load; no figure where a task was skipped.",
        "[7] samspill: the largest peak over its runs on this graph; references: the whole worker process",
        "    (Python interpreter and libraries included).",
        f"versions: {', '.join(f'{k} {x}' for k, x in v.items())}; {res['samspill'].get('version', 'samspill ?')};"
        f" networkit threads: {th}",
    ]
    loads = {}
    for tool, r in res.items():
        for part in ("batch", "g10k", "g100k"):
            p = r.get(part, {})
            vals = [p.get("load_avg_at_start"), p.get("load_avg_at_end")]
            vals += [t.get("load_avg_after") for t in p.get("tasks", {}).values()]
            vals += [p.get(k, {}).get("load_avg_after") for k in ("default", "weighted", "nx_suite")]
            vals = [x for x in vals if isinstance(x, (int, float))]
            if vals:
                loads[tool] = max(loads.get(tool, 0.0), max(vals))
    if loads:
        cores = os.cpu_count() or 1
        out.append("highest 1-minute load average seen: " + ", ".join(f"{t} {x:.1f}" for t, x in loads.items())
                   + f" ({cores} cores)")
        if max(loads.values()) > cores + 0.5:
            out.append("WARNING: the machine was busy with other work; figures are inflated and the columns were")
            out.append("not measured under the same load. Rerun on an idle machine before quoting ratios.")
    return "\n".join(out)


def main():
    res = {t: load(t) for t in ["samspill"] + REFS}
    text = render(build_rows(res), res)
    print(text)
    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, "table.txt"), "w") as fh:
        fh.write(text + "\n")


if __name__ == "__main__":
    sys.exit(main())
