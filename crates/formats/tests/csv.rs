//! CSV edge lists and node tables.

mod common;

use common::{fixture_path, read_err, read_str, real};
use samspill_engine::model::{AttrValue, Level, Spell};
use samspill_formats::{Format, ReadOptions, WriteOptions, read_bytes, read_path, write_bytes};

#[test]
fn norwegian_excel_export() {
    let opts = ReadOptions {
        nodes: Some(fixture_path("csv/norsk-noder.csv")),
        ..Default::default()
    };
    let doc = read_path(&fixture_path("csv/norsk.csv"), &opts).unwrap();
    let net = &doc.networks[0];
    assert_eq!(net.name, "norsk");
    let ids: Vec<_> = net.people.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, vec!["Kari", "Ola", "Åse", "Nordmann; Per"]);
    let kari = &net.people[0];
    assert_eq!(kari.label, "Kari Nordmann");
    assert_eq!(
        kari.functions,
        vec!["Tildeling av bolig", "Tjenester i bolig"]
    );
    assert_eq!(kari.unit.as_deref(), Some("NAV"));
    assert_eq!(kari.level, Some(Level::Leader));
    assert!(kari.responded);
    assert_eq!(kari.attributes["alder"], AttrValue::Int(41));
    assert!(!net.people[1].responded);
    assert_eq!(net.people[1].level, Some(Level::Professional));
    assert_eq!(net.people[2].label, "Åse Øst", "Windows-1252 node table");
    assert!(net.people[2].attributes.is_empty());
    assert_eq!(net.relations.len(), 2);
    assert_eq!(net.relations[0].name, "kontakt");
    assert_eq!(net.relations[1].name, "råd");
    let k = &net.relations[0].ties;
    assert_eq!(k.len(), 3);
    assert!(k.iter().all(|t| t.directed));
    assert_eq!(k[0].value, 3.0);
    assert_eq!(k[1].value, 2.5, "decimal comma");
    assert_eq!(k[2].value, 1.0, "empty value is 1");
    assert_eq!(net.relations[1].ties[0].value, 2.0, "ukentlig = weekly = 2");
    // "Nordmann; Per" is not in the node table: added with a warning.
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.message.contains("not in the node table"))
    );
}

#[test]
fn undirected_option_and_plain_comma() {
    let text = "source,target,weight,colour\na,b,1.5,red\nb,c,,\n";
    let opts = ReadOptions {
        undirected: true,
        ..Default::default()
    };
    let doc = read_bytes(text.as_bytes(), Format::Csv, "e.csv", &opts).unwrap();
    let net = &doc.networks[0];
    assert_eq!(net.relations.len(), 1);
    assert_eq!(net.relations[0].name, "e");
    let t = &net.relations[0].ties;
    assert!(t.iter().all(|t| !t.directed));
    assert_eq!(t[0].attributes["colour"], AttrValue::Text("red".into()));
    assert!(t[1].attributes.is_empty());
}

#[test]
fn no_header_tab_and_whitespace() {
    let doc = read_str("1\t2\t3\n2\t3\t0,5\n", Format::Csv, "x.tsv");
    let t = &doc.networks[0].relations[0].ties;
    assert_eq!(t.len(), 2);
    assert_eq!(
        (t[1].value, doc.networks[0].people[2].id.as_str()),
        (0.5, "3")
    );
    let doc = read_str("# comment\n1 2\n2   3\n4\n", Format::Csv, "x.txt");
    let net = &doc.networks[0];
    assert_eq!(net.people.len(), 4, "a lone id is a person without ties");
    assert_eq!(net.relations[0].ties.len(), 2);
    let doc = read_str("a,b\n", Format::Csv, "one.csv");
    assert_eq!(doc.networks[0].relations[0].ties.len(), 1);
    let doc = read_str("from,to\n", Format::Csv, "empty.csv");
    assert_eq!(doc.networks[0].people.len(), 0);
    let doc = read_str("x,y,type\n1,2,a\n", Format::Csv, "h.csv");
    assert_eq!(
        doc.networks[0].people.len(),
        2,
        "a non-numeric third column is a header"
    );
}

#[test]
fn spells_and_directed_columns() {
    let doc = read_str(
        "source,target,value,directed,spells\n1,2,1,false,1-3\n2,1,1,true,\"2,5-*\"\n",
        Format::Csv,
        "s.csv",
    );
    let t = &doc.networks[0].relations[0].ties;
    assert!(!t[0].directed && t[1].directed);
    assert_eq!(
        t[1].spells,
        vec![
            Spell {
                start: Some("2".into()),
                end: Some("2".into())
            },
            Spell {
                start: Some("5".into()),
                end: None
            }
        ]
    );
}

#[test]
fn errors_name_line_and_column() {
    let e = read_err("fra;til;styrke\na;b;1\nb;c;mye\n", Format::Csv, "e.csv");
    assert_eq!(
        e,
        "e.csv:3:3: expected a tie value (a number, or daily/weekly/monthly/rarer), found \"mye\""
    );
    let e = read_err("a\nb\n", Format::Csv, "e.csv");
    assert!(
        e.starts_with("e.csv:1: expected at least two columns"),
        "{e}"
    );
    let e = read_err("source,target\n,b\n", Format::Csv, "e.csv");
    assert!(e.starts_with("e.csv:2:1: expected a source id"), "{e}");
    let e = read_err("source,target,directed\na,b,maybe\n", Format::Csv, "e.csv");
    assert!(e.starts_with("e.csv:2:3: expected true or false"), "{e}");
    let nodes = |t: &str| {
        let opts = ReadOptions {
            nodes_bytes: Some(("n.csv".into(), t.as_bytes().to_vec())),
            ..Default::default()
        };
        read_bytes(b"a,b\n", Format::Csv, "e.csv", &opts)
            .unwrap_err()
            .to_string()
    };
    assert!(nodes("id,level\na,boss\n").starts_with("n.csv:2:2: expected a level"));
    assert!(nodes("id,responded\na,maybe\n").starts_with("n.csv:2:2: expected yes or no"));
    assert!(nodes("name,unit\na,x\n").starts_with("n.csv:1: expected a header with an id column"));
    assert!(nodes("id\na\na\n").contains("n.csv:3: expected each id once"));
    assert!(nodes("").starts_with("n.csv: expected a header"));
}

#[test]
fn csv_round_trip_of_the_real_networks() {
    for name in ["strike.paj", "hi-tech.paj", "sampson.paj"] {
        let doc = real(name);
        let w = write_bytes(&doc, Format::Csv, &WriteOptions::default()).unwrap();
        assert_eq!(w.extra.len(), 1);
        assert_eq!(w.extra[0].0, "-nodes.csv");
        let opts = ReadOptions {
            nodes_bytes: Some(("n-nodes.csv".into(), w.extra[0].1.clone())),
            ..Default::default()
        };
        let back = read_bytes(&w.bytes, Format::Csv, "n.csv", &opts).unwrap();
        let mut expected = doc.networks[0].clone();
        // The unnamed relation is named after the network in both formats.
        for r in &mut expected.relations {
            if r.name == expected.name {
                r.name = "n".into();
            }
        }
        expected.name = "n".into();
        assert_eq!(back.networks[0], expected, "{name}");
        if name == "sampson.paj" {
            assert!(
                w.dropped
                    .iter()
                    .any(|d| d.contains("networks after the first"))
            );
        } else {
            assert!(w.dropped.is_empty(), "{:?}", w.dropped);
        }
    }
}

#[test]
fn semicolon_writer_reads_back() {
    let doc = real("strike.paj");
    let opts = WriteOptions {
        csv_delimiter: Some(b';'),
        ..Default::default()
    };
    let w = write_bytes(&doc, Format::Csv, &opts).unwrap();
    assert!(String::from_utf8_lossy(&w.bytes).starts_with("source;target;value"));
    let back = read_bytes(&w.bytes, Format::Csv, "n.csv", &ReadOptions::default()).unwrap();
    assert_eq!(back.networks[0].relations[0].ties.len(), 38);
}
