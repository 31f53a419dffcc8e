//! Profiles the national-batch work below the CLI (not a test): reads every
//! file with [`samspill_formats::read_path`], builds each network with the
//! survey rules (`either`, weekly threshold as `samspill analyze --combine
//! either`), runs the default analysis suite and serialises it, and prints the
//! time of each phase summed over all files. It needs only the formats and
//! engine crates built, so engine changes can be measured in a minute rather
//! than after relinking the whole CLI.
//!
//! ```text
//! cargo run --release -p samspill-formats --example analyze_batch -- bench/work/data/muni_*.paj
//! ```
//!
//! With `ANALYZE_BATCH_DUMP=FILE` every result is also written to `FILE`, one
//! JSON document per line, to compare two versions of the engine.
//! `ANALYZE_BATCH_METRICS=LIST` and `ANALYZE_BATCH_RUNS=N` restrict the suite
//! as `samspill analyze --metrics LIST --community-runs N` do (e.g. to the
//! measures of the NetworkX reference suite).

use std::time::{Duration, Instant};

use samspill_engine::build::{BuildOptions, Combine, Threshold};
use samspill_engine::{AnalysisOptions, analyze, build};
use samspill_formats::{ReadOptions, read_path};

fn main() {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: analyze_batch FILE...");
        std::process::exit(2);
    }
    let build_opts = BuildOptions {
        combine: Combine::Either,
        threshold: Threshold::All,
        ..BuildOptions::file()
    };
    let mut opts = AnalysisOptions::default();
    if let Ok(list) = std::env::var("ANALYZE_BATCH_METRICS") {
        opts.metrics = samspill_engine::analysis::MetricSet::parse(&list).unwrap_or_else(|name| {
            eprintln!("unknown metric {name}");
            std::process::exit(2);
        });
    }
    if let Ok(runs) = std::env::var("ANALYZE_BATCH_RUNS") {
        opts.community_runs = Some(runs.parse().unwrap_or_else(|_| {
            eprintln!("ANALYZE_BATCH_RUNS: not a number: {runs}");
            std::process::exit(2);
        }));
    }
    let (mut read, mut built, mut analysed, mut json) = (
        Duration::ZERO,
        Duration::ZERO,
        Duration::ZERO,
        Duration::ZERO,
    );
    let mut bytes = 0usize;
    // ANALYZE_BATCH_DUMP=FILE writes every result, one per line, to compare runs.
    let mut dump = std::env::var_os("ANALYZE_BATCH_DUMP")
        .and_then(|p| std::fs::File::create(p).ok())
        .map(std::io::BufWriter::new);
    let total = Instant::now();
    for f in &files {
        let t = Instant::now();
        let doc = match read_path(std::path::Path::new(f), &ReadOptions::default()) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        };
        read += t.elapsed();
        for net in &doc.networks {
            let t = Instant::now();
            let an = match build(net, &build_opts) {
                Ok(a) => a,
                Err(e) => {
                    eprintln!("{f}: {e}");
                    std::process::exit(1);
                }
            };
            built += t.elapsed();
            let t = Instant::now();
            let result = analyze(net, &an, &opts);
            analysed += t.elapsed();
            let t = Instant::now();
            let text = serde_json::to_string_pretty(&result).unwrap_or_default();
            json += t.elapsed();
            bytes += text.len();
            if let Some(out) = dump.as_mut() {
                use std::io::Write;
                let _ = writeln!(out, "{}", text.replace('\n', ""));
            }
        }
    }
    let s = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{} files: read {:.1} ms, build {:.1} ms, analyse {:.1} ms, JSON {:.1} ms ({} bytes); total {:.1} ms",
        files.len(),
        s(read),
        s(built),
        s(analysed),
        s(json),
        bytes,
        s(total.elapsed())
    );
}
