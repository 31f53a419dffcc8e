//! Fuzzes the Gexf reader: any bytes give a document or an error, never a
//! panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samspill_formats::{Format, ReadOptions, read_bytes};

fuzz_target!(|data: &[u8]| {
    let _ = read_bytes(data, Format::Gexf, "fuzz.gexf", &ReadOptions::default());
});
