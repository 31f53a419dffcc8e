//! The hostile-file test set (issue 12): every file in `tests/hostile/`
//! (written by `tests/hostile/generate.py`) is refused with a clear,
//! translatable message naming what is wrong, before the reader allocates
//! for it. Peak memory of `samspill analyze` on the same files is measured
//! in `crates/cli/tests/cli.rs`.

use std::path::PathBuf;
use std::time::Instant;

use samspill_formats::limits::WorkbookLimits;
use samspill_formats::workbook::Workbook;
use samspill_formats::{FormatError, ReadOptions, read_path};
use samspill_i18n::{Lang, Texts};

fn hostile(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/hostile")
        .join(name)
}

/// Every hostile file with the message key it must be refused with.
pub const EXPECTED: [(&str, &str); 14] = [
    ("dimension-bomb.xlsx", "formats-limit-columns"),
    ("dimension-xfd5000.xlsx", "formats-limit-columns"),
    (
        "shared-strings-400mb.xlsx",
        "formats-limit-shared-strings-size",
    ),
    ("zip-bomb.xlsx", "formats-limit-zip-entry-size"),
    ("zip-many-parts.xlsx", "formats-limit-zip-entries"),
    ("long-cell.xlsx", "formats-limit-cell-text"),
    ("billion-laughs.graphml", "formats-xml-entities"),
    ("billion-laughs.gexf", "formats-xml-entities"),
    ("deep-nesting.graphml", "formats-limit-xml-depth"),
    ("deep-nesting.json", "formats-limit-json-depth"),
    ("control-characters.net", "formats-control-character"),
    ("control-characters.csv", "formats-control-character"),
    ("declared-billion.net", ""),
    ("declared-billion.dl", ""),
];

fn refused(name: &str) -> FormatError {
    match read_path(&hostile(name), &ReadOptions::default()) {
        Ok(doc) => panic!("{name} was read: {} networks", doc.networks.len()),
        Err(e) => e,
    }
}

#[test]
fn every_hostile_file_is_refused_quickly_with_its_reason() {
    for (name, key) in EXPECTED {
        let start = Instant::now();
        let e = refused(name);
        let took = start.elapsed();
        if !key.is_empty() {
            assert_eq!(e.text.as_ref().map(|t| t.key), Some(key), "{name}: {e}");
        }
        // Short, and naming the file.
        let shown = e.to_string();
        assert!(shown.len() < 300, "{name}: {shown}");
        assert!(shown.contains(name), "{name}: {shown}");
        // The zip bomb is decompressed up to its limit once (64 MiB);
        // everything else stops at once.
        assert!(took.as_secs() < 30, "{name} took {took:?}");
        // Translated: the Norwegian text differs from the English one.
        if !key.is_empty() {
            let nb = e.localized(&Texts::new(Lang::Nb));
            let en = e.localized(&Texts::new(Lang::En));
            assert_ne!(nb, en, "{name}");
            assert!(!nb.contains("[formats-"), "{name}: missing key: {nb}");
        }
    }
}

#[test]
fn dimension_bombs_name_the_cell() {
    let e = refused("dimension-bomb.xlsx");
    assert_eq!(e.location.line, Some(1_048_576));
    assert_eq!(e.location.column, Some(16_384));
    assert!(e.message.contains("column 16384"), "{e}");
    let e = refused("dimension-xfd5000.xlsx");
    assert_eq!(e.location.column, Some(16_384));
}

#[test]
fn declared_counts_are_bounded_by_the_file() {
    let e = refused("declared-billion.net");
    assert!(e.message.contains("1000000000"), "{e}");
    let e = refused("declared-billion.dl");
    assert!(e.message.contains("1000000000"), "{e}");
}

#[test]
fn roster_limits_are_tighter_than_network_limits() {
    let r = WorkbookLimits::roster();
    let d = WorkbookLimits::default();
    assert!(r.max_rows < d.max_rows && r.max_file_bytes < d.max_file_bytes);
    // The XFD5000 bomb is refused by the roster limits at its row too.
    let bytes = std::fs::read(hostile("dimension-xfd5000.xlsx")).unwrap();
    let mut wb = Workbook::open(&bytes, "roster.xlsx", r).unwrap();
    let e = wb.sheet("ties").unwrap_err();
    assert_eq!(e.text.unwrap().key, "formats-limit-columns");
}

#[test]
fn a_good_workbook_reads_sparse_rows() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("ties").unwrap();
    ws.write_string(0, 0, "source").unwrap();
    ws.write_string(0, 1, "target").unwrap();
    ws.write_string(3, 0, "a").unwrap();
    ws.write_number(3, 2, 3.0).unwrap();
    ws.write_number(4, 1, 2.5).unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let mut wb = Workbook::open(&bytes, "ok.xlsx", WorkbookLimits::roster()).unwrap();
    assert_eq!(wb.sheet_names(), ["ties"]);
    let s = wb.sheet("ties").unwrap();
    assert_eq!(
        s.rows,
        vec![
            vec!["source".to_string(), "target".to_string()],
            vec![],
            vec![],
            vec!["a".to_string(), String::new(), "3".to_string()],
            vec![String::new(), "2.5".to_string()],
        ]
    );
    // Limits a hair above what the sheet needs let it through; a hair
    // below refuse it (the checks count exactly).
    let mut tight = WorkbookLimits::roster();
    tight.max_rows = 5;
    tight.max_columns = 3;
    tight.max_cells = 5;
    tight.max_cell_chars = 6;
    assert!(
        Workbook::open(&bytes, "ok.xlsx", tight)
            .unwrap()
            .sheet("ties")
            .is_ok()
    );
    for (what, key) in [
        ("rows", "formats-limit-rows"),
        ("columns", "formats-limit-columns"),
        ("cells", "formats-limit-cells"),
        ("chars", "formats-limit-cell-text"),
    ] {
        let mut l = tight;
        match what {
            "rows" => l.max_rows = 4,
            "columns" => l.max_columns = 2,
            "cells" => l.max_cells = 4,
            _ => l.max_cell_chars = 5,
        }
        let e = Workbook::open(&bytes, "ok.xlsx", l)
            .unwrap()
            .sheet("ties")
            .unwrap_err();
        assert_eq!(e.text.unwrap().key, key, "{what}");
    }
    let mut l = tight;
    l.max_file_bytes = bytes.len() as u64 - 1;
    let e = Workbook::open(&bytes, "ok.xlsx", l).err().unwrap();
    assert_eq!(e.text.unwrap().key, "formats-limit-file-size");
}

#[test]
fn files_larger_than_the_limit_are_not_read_whole() {
    let opts = ReadOptions {
        limits: samspill_formats::Limits {
            max_file_bytes: 100,
            ..Default::default()
        },
        ..ReadOptions::default()
    };
    // /dev/zero claims size 0 and never ends: the capped read stops it.
    let dir = std::env::temp_dir().join(format!("samspill-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let link = dir.join("zero.net");
    let _ = std::fs::remove_file(&link);
    std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
    let e = read_path(&link, &opts).unwrap_err();
    assert_eq!(e.text.unwrap().key, "formats-limit-file-size");
    let big = dir.join("big.net");
    std::fs::write(&big, "*Vertices 1\n".repeat(20)).unwrap();
    let e = read_path(&big, &opts).unwrap_err();
    assert_eq!(e.text.unwrap().key, "formats-limit-file-size");
    let _ = std::fs::remove_dir_all(&dir);
}
