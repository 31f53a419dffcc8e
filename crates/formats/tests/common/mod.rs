//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

use samspill_formats::{Document, Format, ReadOptions, read_bytes, read_path};

/// The shared real networks (`shared/data/networks`, beside the repository).
pub fn data_dir() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/networks");
    assert!(
        root.is_dir(),
        "the shared test networks are missing: expected them at {}",
        root.display()
    );
    root
}

/// Reads one of the shared real networks.
pub fn real(name: &str) -> Document {
    let path = data_dir().join(name);
    match read_path(&path, &ReadOptions::default()) {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    }
}

/// A fixture under tests/fixtures.
pub fn fixture_path(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// Reads a fixture by path, choosing the format by extension.
pub fn fixture(rel: &str) -> Document {
    match read_path(&fixture_path(rel), &ReadOptions::default()) {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    }
}

/// Reads text in a format, panicking with the error's message.
pub fn read_str(text: &str, format: Format, name: &str) -> Document {
    match read_bytes(text.as_bytes(), format, name, &ReadOptions::default()) {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    }
}

/// The error message a text gives.
pub fn read_err(text: &str, format: Format, name: &str) -> String {
    match read_bytes(text.as_bytes(), format, name, &ReadOptions::default()) {
        Ok(d) => panic!("expected an error, got {d:?}"),
        Err(e) => e.to_string(),
    }
}
