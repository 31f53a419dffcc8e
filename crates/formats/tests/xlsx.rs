//! XLSX workbooks.

mod common;

use common::real;
use samspill_engine::model::Level;
use samspill_formats::{Format, ReadOptions, WriteOptions, read_bytes, write_bytes};

#[test]
fn round_trip_through_a_workbook() {
    for name in ["strike.paj", "hi-tech.paj"] {
        let doc = real(name);
        let w = write_bytes(&doc, Format::Xlsx, &WriteOptions::default()).unwrap();
        assert!(w.bytes.starts_with(b"PK"), "an XLSX file is a zip");
        let back = read_bytes(&w.bytes, Format::Xlsx, "n.xlsx", &ReadOptions::default()).unwrap();
        let mut expected = doc.networks[0].clone();
        for r in &mut expected.relations {
            if r.name == expected.name {
                r.name = "n".into();
            }
        }
        expected.name = "n".into();
        assert_eq!(back.networks[0], expected, "{name}");
    }
}

#[test]
fn norwegian_workbook() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Personer").unwrap();
    for (c, h) in ["id", "navn", "funksjon", "enhet", "nivå", "svart"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (c, v) in [
        "k1",
        "Kari Ås",
        "Tildeling av bolig|Utbygging",
        "NAV",
        "leder",
        "ja",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(1, c as u16, *v).unwrap();
    }
    ws.write_string(2, 0, "o2").unwrap();
    ws.write_string(2, 5, "nei").unwrap();
    let ws = wb.add_worksheet();
    ws.set_name("Relasjoner").unwrap();
    ws.write_string(0, 0, "fra").unwrap();
    ws.write_string(0, 1, "til").unwrap();
    ws.write_string(0, 2, "styrke").unwrap();
    ws.write_string(1, 0, "k1").unwrap();
    ws.write_string(1, 1, "o2").unwrap();
    ws.write_number(1, 2, 3.0).unwrap();
    ws.write_string(2, 0, "o2").unwrap();
    ws.write_string(2, 1, "k1").unwrap();
    ws.write_string(2, 2, "ofte").unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let e = read_bytes(&bytes, Format::Xlsx, "runde.xlsx", &ReadOptions::default()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "runde.xlsx [Relasjoner]:3:3: expected a tie value (a number, or daily/weekly/monthly/rarer), found \"ofte\""
    );
    // Fix the cell and read again.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Relasjoner").unwrap();
    ws.write_string(0, 0, "fra").unwrap();
    ws.write_string(0, 1, "til").unwrap();
    ws.write_string(1, 0, "k1").unwrap();
    ws.write_string(1, 1, "o2").unwrap();
    let ws = wb.add_worksheet();
    ws.set_name("Personer").unwrap();
    ws.write_string(0, 0, "id").unwrap();
    ws.write_string(0, 1, "nivå").unwrap();
    ws.write_string(1, 0, "k1").unwrap();
    ws.write_string(1, 1, "toppledelse").unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let doc = read_bytes(&bytes, Format::Xlsx, "runde.xlsx", &ReadOptions::default()).unwrap();
    let net = &doc.networks[0];
    assert_eq!(net.name, "runde");
    assert_eq!(net.people[0].level, Some(Level::TopManagement));
    assert_eq!(net.people[1].id, "o2");
    assert_eq!(net.relations[0].name, "runde");
    assert_eq!(net.relations[0].ties.len(), 1);
}

#[test]
fn not_a_workbook() {
    let e = read_bytes(b"hello", Format::Xlsx, "x.xlsx", &ReadOptions::default()).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("x.xlsx: expected an XLSX workbook"),
        "{e}"
    );
}
