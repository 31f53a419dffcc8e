//! The JSON network document.

mod common;

use common::{read_err, real};
use samspill_formats::{Format, ReadOptions, WriteOptions, read_bytes, write_bytes};

#[test]
fn header_and_round_trip() {
    let doc = real("sampson.paj");
    let w = write_bytes(&doc, Format::Json, &WriteOptions::default()).unwrap();
    let text = String::from_utf8(w.bytes.clone()).unwrap();
    assert!(text.contains("\"format\": \"samspill-network\""));
    assert!(text.contains("\"version\": 1"));
    let back = read_bytes(&w.bytes, Format::Json, "s.json", &ReadOptions::default()).unwrap();
    assert_eq!(back.networks, doc.networks);
}

#[test]
fn errors() {
    let e = read_err(
        "{\"format\": \"other\", \"version\": 1}",
        Format::Json,
        "x.json",
    );
    assert_eq!(
        e,
        "x.json: expected \"format\": \"samspill-network\", found \"other\""
    );
    let e = read_err(
        "{\"format\": \"samspill-network\", \"version\": 2}",
        Format::Json,
        "x.json",
    );
    assert_eq!(e, "x.json: expected \"version\": 1, found 2");
    let e = read_err(
        "{\"format\": \"samspill-network\",\n \"version\": 1,\n \"networks\": [{\"name\": 3}]}",
        Format::Json,
        "x.json",
    );
    assert!(e.starts_with("x.json:3:"), "{e}");
    let e = read_err("[1,", Format::Json, "x.json");
    assert!(e.starts_with("x.json:1:"), "{e}");
    // A tie pointing outside the people is caught by validation.
    let bad = r#"{"format":"samspill-network","version":1,"networks":[{"name":"n","people":[],"relations":[{"name":"r","ties":[{"source":0,"target":1,"value":1,"directed":true}]}]}]}"#;
    let e = read_err(bad, Format::Json, "x.json");
    assert!(e.contains("does not exist"), "{e}");
}
