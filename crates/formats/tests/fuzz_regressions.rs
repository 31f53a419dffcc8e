//! Inputs the fuzz targets (`crates/formats/fuzz`) found crashing, kept as
//! regression tests: every reader must return a document or an error for
//! them, never panic.
//!
//! Each file under `tests/fuzz_regressions/<target>/` is a raw fuzz input
//! for the target of that name and is fed to the reader exactly as the
//! target does (for `csv`, the first byte picks the options and a NUL byte
//! splits the edge list from the node table).

use std::path::{Path, PathBuf};

use samspill_formats::{Document, Format, FormatError, ReadOptions, read_bytes};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions")
}

/// What the fuzz target of this name does with `data`.
fn run_target(target: &str, data: &[u8]) -> Result<Document, FormatError> {
    let opts = ReadOptions::default();
    let format = match target {
        "pajek" => Format::Pajek,
        "graphml" => Format::GraphMl,
        "gexf" => Format::Gexf,
        "dl" => Format::Dl,
        "xlsx" => Format::Xlsx,
        "json" => Format::Json,
        "csv" => return run_csv(data),
        other => panic!("no fuzz target {other}"),
    };
    read_bytes(data, format, &format!("fuzz.{target}"), &opts)
}

/// The `csv` target: the first byte chooses the options (bit 0
/// undirected, bit 1 a node table after the first NUL byte).
fn run_csv(data: &[u8]) -> Result<Document, FormatError> {
    let Some((&flags, rest)) = data.split_first() else {
        return read_bytes(data, Format::Csv, "fuzz.csv", &ReadOptions::default());
    };
    let mut opts = ReadOptions {
        undirected: flags & 1 == 1,
        ..ReadOptions::default()
    };
    let edges = if flags & 2 == 2 {
        let cut = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
        let nodes = rest.get(cut + 1..).unwrap_or(&[]).to_vec();
        opts.nodes_bytes = Some(("fuzz-nodes.csv".to_string(), nodes));
        &rest[..cut]
    } else {
        rest
    };
    read_bytes(edges, Format::Csv, "fuzz.csv", &opts)
}

fn files(target: &str) -> Vec<PathBuf> {
    let d: &Path = &dir().join(target);
    let mut out: Vec<PathBuf> = match std::fs::read_dir(d) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(_) => Vec::new(),
    };
    out.sort();
    out
}

/// Every kept input of every target reads without a panic.
#[test]
fn kept_inputs_do_not_panic() {
    for target in ["pajek", "csv", "graphml", "gexf", "dl", "xlsx", "json"] {
        for path in files(target) {
            let data = std::fs::read(&path).expect("readable");
            // A panic fails the test; an error or a document is fine.
            let _ = run_target(target, &data);
        }
    }
}
