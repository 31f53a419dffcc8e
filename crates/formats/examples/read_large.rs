//! Large-file benchmark for the CSV and GraphML readers (not a test).
//!
//! ```text
//! cargo run --release -p samspill-formats --example read_large -- generate DIR [EDGES] [NODES]
//! cargo run --release -p samspill-formats --example read_large -- read FILE...
//! ```
//!
//! `generate` writes `DIR/edges.csv` (`source,target,weight`) and
//! `DIR/edges.graphml` (a weight key, then every node, then every edge, as
//! NetworkX writes them) holding the same directed graph: `NODES` people
//! (default 100 000), each with `EDGES / NODES` distinct out-neighbours
//! (default 1 000 000 edges in all), no loops, no parallel arcs, weights
//! 1–3, from a fixed seed.
//!
//! `read` reads each file with [`samspill_formats::read_path`] and prints
//! the people and tie counts and the wall time of the read. Run it under
//! `/usr/bin/time -v` for the peak memory; `bench/formats/run` does all of
//! this and runs NetworkX's readers on the same files.

use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use samspill_formats::{ReadOptions, read_path};

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// The graph's arcs, in source order: `(source, target, weight)`.
fn arcs(edges: u64, nodes: u64) -> impl Iterator<Item = (u64, u64, u64)> {
    let per = edges.div_ceil(nodes).max(1);
    // Offsets `1 + (r + j * step) % (nodes - 1)` are distinct for j < per
    // because (per - 1) * step < nodes - 1 (`generate` checks per < nodes).
    let step = ((nodes - 1) / per).max(1);
    let mut rng = Rng(0x5A45_5350_494C_4C00);
    (0..nodes)
        .flat_map(move |s| {
            let r = rng.next();
            let w = rng.next();
            (0..per).map(move |j| {
                let off = 1 + (r % (nodes - 1) + j * step) % (nodes - 1);
                (s, (s + off) % nodes, 1 + (w >> (2 * j)) % 3)
            })
        })
        .take(edges as usize)
}

fn generate(dir: &Path, edges: u64, nodes: u64) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut csv = BufWriter::new(std::fs::File::create(dir.join("edges.csv"))?);
    writeln!(csv, "source,target,weight")?;
    for (s, t, w) in arcs(edges, nodes) {
        writeln!(csv, "n{s},n{t},{w}")?;
    }
    csv.flush()?;

    let mut g = BufWriter::new(std::fs::File::create(dir.join("edges.graphml"))?);
    writeln!(g, "<?xml version='1.0' encoding='utf-8'?>")?;
    writeln!(
        g,
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
    )?;
    writeln!(
        g,
        "  <key id=\"d0\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\" />"
    )?;
    writeln!(g, "  <graph edgedefault=\"directed\">")?;
    for n in 0..nodes {
        writeln!(g, "    <node id=\"n{n}\" />")?;
    }
    for (s, t, w) in arcs(edges, nodes) {
        writeln!(
            g,
            "    <edge source=\"n{s}\" target=\"n{t}\">\n      <data key=\"d0\">{w}.0</data>\n    </edge>"
        )?;
    }
    writeln!(g, "  </graph>\n</graphml>")?;
    g.flush()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("generate") if args.len() >= 2 => {
            let edges: u64 = args
                .get(2)
                .and_then(|s| s.parse().ok())
                .unwrap_or(1_000_000);
            let nodes: u64 = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(100_000);
            if nodes < 2 || edges.div_ceil(nodes) >= nodes {
                eprintln!("read_large: need NODES >= 2 and EDGES / NODES < NODES");
                return ExitCode::FAILURE;
            }
            let start = Instant::now();
            if let Err(e) = generate(Path::new(&args[1]), edges, nodes) {
                eprintln!("read_large: {e}");
                return ExitCode::FAILURE;
            }
            println!(
                "generated {edges} edges on {nodes} nodes in {}: {:.1} s",
                args[1],
                start.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Some("read") if args.len() >= 2 => {
            for file in &args[1..] {
                let start = Instant::now();
                match read_path(Path::new(file), &ReadOptions::default()) {
                    Ok(doc) => {
                        let secs = start.elapsed().as_secs_f64();
                        let people: usize = doc.networks.iter().map(|n| n.people.len()).sum();
                        let ties: usize = doc
                            .networks
                            .iter()
                            .flat_map(|n| &n.relations)
                            .map(|r| r.ties.len())
                            .sum();
                        println!("{file}: {people} people, {ties} ties, read in {secs:.2} s");
                    }
                    Err(e) => {
                        eprintln!("read_large: {e}");
                        return ExitCode::FAILURE;
                    }
                }
            }
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("usage: read_large generate DIR [EDGES] [NODES] | read FILE...");
            ExitCode::FAILURE
        }
    }
}
