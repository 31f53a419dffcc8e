#!/usr/bin/env python3
"""Time the samspill CLI on bench/work/data/ (whole processes, under /usr/bin/time -v for peak RSS).

    python3 bench/samspill_bench.py --bin target/release/samspill [--parts batch,g10k,g100k]

Writes bench/work/results/samspill.json. Each figure is the wall time of one samspill process,
reading the input and writing its JSON included; runs shorter than 10 s are repeated and the
best of 3 kept. Every run's exit status is checked and its output parsed as JSON.

The invocations (the CLI contract):
  batch:  samspill analyze work/data/muni_*.paj --format json --combine either --groups function
          --out work/results/samspill_batch.json                (default suite)
          ... the same with --weighted                           (weighted measures added)
  large:  samspill analyze FILE.net --format json --metrics TASK [--sample 256] --out ...
          once per task, and once with all six metrics in one process.
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "work", "data")
RESULTS = os.path.join(HERE, "work", "results")
K = 256
REPEAT_BELOW = 10.0
ALL = "components,betweenness,closeness,communities,eigenvector,pagerank"
# The measures of NetworkX's batch suite (reference.py batch_networkx), one
# Louvain run as NetworkX does: the like-for-like batch comparison.
NX_SUITE = ("density,reciprocity,components,distances,transitivity,centralization,degree,"
            "betweenness,closeness,harmonic,eigenvector,clustering,constraint,effective_size,"
            "core_number,articulation_point,communities,function_matrix,ei_index,brokerage")

# task name -> (--metrics, sampled?) ; "sampled" adds --sample 256
LARGE_TASKS = {
    "g10k": [
        ("components", "components", False),
        ("betweenness_exact", "betweenness", False),
        ("betweenness_sample", "betweenness", True),
        ("closeness", "closeness", False),
        ("communities", "communities", False),
        ("eigenvector", "eigenvector", False),
        ("pagerank", "pagerank", False),
        ("all_metrics", ALL, False),
    ],
    "g100k": [
        ("components", "components", False),
        ("betweenness_sample", "betweenness", True),
        ("closeness", "closeness", True),
        ("communities", "communities", False),
        ("eigenvector", "eigenvector", False),
        ("pagerank", "pagerank", False),
        ("all_metrics", ALL, True),
    ],
}


def parse_time_v(path):
    out = {}
    with open(path) as fh:
        for line in fh:
            line = line.strip()
            if line.startswith("Maximum resident set size"):
                out["peak_rss_mb"] = int(line.rsplit(":", 1)[1]) / 1024.0
    return out


def check_json(path):
    """Parse samspill's output: one JSON document, or JSON Lines. Returns a short summary."""
    if not os.path.exists(path):
        return {"output_ok": False, "output_error": "no output file"}
    size = os.path.getsize(path)
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    try:
        doc = json.loads(text)
        docs = doc if isinstance(doc, list) else [doc]
    except json.JSONDecodeError:
        try:
            docs = [json.loads(l) for l in text.splitlines() if l.strip()]
        except json.JSONDecodeError as e:
            return {"output_ok": False, "output_error": f"not JSON: {e}", "output_bytes": size}
    if len(docs) == 1 and isinstance(docs[0], dict) and isinstance(docs[0].get("networks"), list):
        docs = docs[0]["networks"]
    nodes = sum(len(d.get("nodes", [])) for d in docs if isinstance(d, dict))
    return {"output_ok": True, "output_bytes": size, "output_documents": len(docs), "output_nodes": nodes}


def timed_run(cmd, tag, out):
    """Run cmd under /usr/bin/time -v: best wall seconds (of 3 if short), peak RSS, status."""
    tv = os.path.join(RESULTS, "tmp", f"samspill_{tag}.time")
    runs = []
    rss = 0.0
    while True:
        if os.path.exists(out):
            os.remove(out)
        t0 = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-v", "-o", tv] + cmd, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True)
        dt = time.perf_counter() - t0
        if p.returncode != 0:
            err = p.stderr.strip().splitlines()[-5:]
            print(f"  {tag}: FAILED (exit {p.returncode}): {' | '.join(err)}", file=sys.stderr, flush=True)
            return {"error": f"exit {p.returncode}", "stderr": "\n".join(err), "command": cmd_str(cmd)}
        runs.append(dt)
        rss = max(rss, parse_time_v(tv).get("peak_rss_mb", 0.0))
        if runs[0] >= REPEAT_BELOW or len(runs) == 3:
            break
    rec = {"seconds": min(runs), "runs": runs, "peak_rss_mb": rss, "command": cmd_str(cmd),
           "load_avg_after": os.getloadavg()[0]}
    rec.update(check_json(out))
    print(f"  {tag}: {rec['seconds']:.3f} s, {rss:.0f} MB" + ("" if rec.get("output_ok") else
          f"  (output: {rec.get('output_error')})"), file=sys.stderr, flush=True)
    return rec


def cmd_str(cmd):
    return " ".join(os.path.relpath(c) if os.path.isabs(c) and c.startswith(HERE) else c for c in cmd)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", required=True)
    ap.add_argument("--parts", default="batch,g10k,g100k")
    a = ap.parse_args()
    binary = os.path.abspath(a.bin)
    os.makedirs(os.path.join(RESULTS, "tmp"), exist_ok=True)
    path = os.path.join(RESULTS, "samspill.json")
    result = {}
    if os.path.exists(path):
        with open(path) as fh:
            result = json.load(fh)
    try:
        version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
    except OSError as e:
        sys.exit(f"samspill_bench.py: cannot run {binary}: {e}")
    result["tool"] = "samspill"
    result["version"] = version
    result["binary"] = binary
    for part in a.parts.split(","):
        print(f"samspill_bench.py: {part}", file=sys.stderr, flush=True)
        if part == "batch":
            files = sorted(glob.glob(os.path.join(DATA, "muni_*.paj")))
            base = [binary, "analyze"] + files + ["--format", "json", "--combine", "either",
                                                  "--groups", "function"]
            out1 = os.path.join(RESULTS, "samspill_batch.json")
            out2 = os.path.join(RESULTS, "samspill_batch_weighted.json")
            rec = {"files": len(files)}
            rec["default"] = timed_run(base + ["--out", out1], "batch_default", out1)
            rec["weighted"] = timed_run(base + ["--weighted", "--out", out2], "batch_weighted", out2)
            out3 = os.path.join(RESULTS, "samspill_batch_nx_suite.json")
            rec["nx_suite"] = timed_run(base + ["--community-runs", "1", "--metrics", NX_SUITE,
                                                "--out", out3], "batch_nx_suite", out3)
            if "seconds" in rec["default"] and "seconds" in rec["weighted"]:
                rec["both_s"] = rec["default"]["seconds"] + rec["weighted"]["seconds"]
            result["batch"] = rec
        else:
            f = os.path.join(DATA, part + ".net")
            rec = {"tasks": {}}
            for name, metrics, sampled in LARGE_TASKS[part]:
                out = os.path.join(RESULTS, f"samspill_{part}_{name}.json")
                cmd = [binary, "analyze", f, "--format", "json", "--metrics", metrics]
                if sampled:
                    cmd += ["--sample", str(K)]
                rec["tasks"][name] = timed_run(cmd + ["--out", out], f"{part}_{name}", out)
            rss = [t.get("peak_rss_mb", 0) for t in rec["tasks"].values()]
            rec["peak_rss_mb"] = max(rss) if rss else None
            result[part] = rec
        result["measured_at"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
        with open(path, "w") as fh:
            json.dump(result, fh, indent=1)
    print(f"samspill_bench.py: wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
