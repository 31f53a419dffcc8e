//! Times the engine's large-graph measures on one Pajek edge list, phase by
//! phase, without the CLI (so profiling the engine needs only the engine
//! built). Reading here is a minimal parser for the benchmark files
//! (`*Vertices n`, then `*Edges`/`*Arcs` with integer pairs); real files go
//! through `samspill-formats`.
//!
//! ```text
//! cargo run --release -p samspill-engine --example large_graph -- \
//!     bench/work/data/g100k.net [communities,eigenvector,pagerank,components,closeness,betweenness] [SEED]
//! ```

use std::time::Instant;

use samspill_engine::community;
use samspill_engine::graph::Graph;
use samspill_engine::measures::{components, paths, spectral};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: large_graph FILE.net [metric,metric,...] [seed]");
        std::process::exit(2);
    };
    let wanted = args
        .next()
        .unwrap_or_else(|| "components,eigenvector,pagerank,communities".into());
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(1);
    let t = Instant::now();
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let mut n = 0usize;
    let mut directed = false;
    let mut edges = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("*Vertices") {
            n = rest.trim().parse().unwrap_or(0);
        } else if line.starts_with("*Arcs") {
            directed = true;
        } else if line.starts_with('*') || line.is_empty() {
        } else {
            let mut it = line.split_ascii_whitespace();
            let (Some(a), Some(b)) = (it.next(), it.next()) else {
                continue;
            };
            if let (Ok(a), Ok(b)) = (a.parse::<usize>(), b.parse::<usize>()) {
                edges.push((a - 1, b - 1, 1.0));
            }
        }
    }
    println!(
        "read {} edges: {:.3} s",
        edges.len(),
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let (g, _) = Graph::from_edges(n, directed, &edges);
    drop(edges);
    println!("graph: {:.3} s", t.elapsed().as_secs_f64());
    let lengths = paths::Lengths::Hops;
    for metric in wanted.split(',') {
        let t = Instant::now();
        let what = match metric {
            "components" => format!("{} components", components::weak_components(&g).1),
            "eigenvector" => format!("defined: {}", spectral::eigenvector(&g, false).is_some()),
            "pagerank" => format!(
                "sum {:.6}",
                spectral::pagerank(&g, false, 0.85).iter().sum::<f64>()
            ),
            "communities" => {
                let c = community::detect(&g, false, seed, 1);
                format!("{} communities, Q = {:?}", c.count, c.modularity)
            }
            "closeness" => {
                let nodes: Vec<usize> = (0..256.min(n)).collect();
                format!("{} values", paths::closeness(&g, &lengths, &nodes).len())
            }
            "betweenness" => format!(
                "{} values",
                paths::betweenness(&g, &lengths, Some(256)).len()
            ),
            other => {
                eprintln!("unknown metric {other}");
                continue;
            }
        };
        println!("{metric}: {:.3} s ({what})", t.elapsed().as_secs_f64());
    }
}
