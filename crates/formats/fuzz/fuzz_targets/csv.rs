//! Fuzzes the CSV reader, with and without a node-attribute table: any
//! bytes give a document or an error, never a panic.
//!
//! The first byte chooses the options (bit 0: undirected, bit 1: a node
//! table); with a node table the rest splits at the first NUL byte into the
//! edge list and the node table.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samspill_formats::{Format, ReadOptions, read_bytes};

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        let _ = read_bytes(data, Format::Csv, "fuzz.csv", &ReadOptions::default());
        return;
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
    let _ = read_bytes(edges, Format::Csv, "fuzz.csv", &opts);
});
