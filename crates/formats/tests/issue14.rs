//! The files UCINET, Gephi, Pajek and yEd really write (issue 14), on small
//! files in `tests/fixtures/issue14/` written from each format's
//! documentation.

use std::path::PathBuf;

use samspill_engine::model::{AttrValue, DIRECTED_ATTRIBUTE, Network};
use samspill_formats::{
    Document, Format, FormatError, ReadOptions, WriteOptions, read_bytes, read_path, write_bytes,
};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/issue14")
        .join(name)
}

fn read(name: &str) -> Document {
    read_path(&fixture(name), &ReadOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn refused(name: &str) -> FormatError {
    match read_path(&fixture(name), &ReadOptions::default()) {
        Ok(d) => panic!("{name} was read: {d:?}"),
        Err(e) => e,
    }
}

fn directed_declared(n: &Network) -> bool {
    n.relation_directed(&n.relations[0])
}

// ---------------------------------------------------------------- UCINET DL

#[test]
fn dl_as_ucinet_writes_it() {
    let doc = read("ucinet-two-matrices.dl");
    let net = &doc.networks[0];
    assert_eq!(net.people.len(), 4);
    let names: Vec<_> = net.relations.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["KNOWS", "ADVICE"], "LEVEL LABELS name the matrices");
    // KNOWS is symmetric: 4 edges; ADVICE is not: 3 arcs with their values.
    assert_eq!(net.relations[0].ties.len(), 4);
    assert!(net.relations[0].ties.iter().all(|t| !t.directed));
    let advice: Vec<_> = net.relations[1]
        .ties
        .iter()
        .map(|t| (t.source, t.target, t.value, t.directed))
        .collect();
    assert_eq!(
        advice,
        [(0, 1, 2.0, true), (1, 2, 3.0, true), (2, 3, 1.0, true)]
    );
    assert_eq!(net.people[2].label, "Cai");
}

#[test]
fn dl_diagonal_absent_and_quoted_labels_with_blanks() {
    let doc = read("ucinet-row-labels.dl");
    let net = &doc.networks[0];
    let labels: Vec<_> = net.people.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, ["Ann Berg", "Bo Dahl", "Cai Eng"]);
    // Rows without the diagonal: row 1 holds columns 2 and 3 ("1 0"),
    // row 2 columns 1 and 3 ("1 1"), row 3 columns 1 and 2 ("0 1"): a
    // symmetric matrix, so two edges.
    let ties: Vec<_> = net.relations[0]
        .ties
        .iter()
        .map(|t| (t.source, t.target, t.directed))
        .collect();
    assert_eq!(ties, [(0, 1, false), (1, 2, false)]);
}

#[test]
fn dl_unquoted_labels_with_blanks_get_a_clear_message() {
    let e = refused("unquoted-labels.dl");
    assert_eq!(e.text.as_ref().unwrap().key, "formats-dl-unquoted-label");
    assert!(e.message.contains("must be quoted"), "{e}");
    assert_eq!(e.location.line, Some(5), "{e}");
}

fn dl_round_trip(net: &Network) -> (Network, Vec<String>, String) {
    let doc = Document::single(net.clone());
    let w = write_bytes(&doc, Format::Dl, &WriteOptions::default()).unwrap();
    let text = String::from_utf8(w.bytes.clone()).unwrap();
    let back = read_bytes(&w.bytes, Format::Dl, "x.dl", &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{e}\n{text}"));
    (back.networks.into_iter().next().unwrap(), w.dropped, text)
}

#[test]
fn dl_writer_keeps_direction_of_a_symmetric_directed_network() {
    use samspill_engine::model::{Person, Relation, Tie};
    // 15 pairs, each with arcs both ways of the same value: 30 arcs whose
    // matrix is symmetric.
    let people: Vec<Person> = (0..10)
        .map(|i| Person::new(format!("p{i}"), format!("p{i}")))
        .collect();
    let mut ties = Vec::new();
    for k in 0..15 {
        let (a, b) = (k % 10, (k * 3 + 1) % 10);
        if a == b || ties.iter().any(|t: &Tie| t.source == a && t.target == b) {
            continue;
        }
        ties.push(Tie::arc(a, b, 2.0));
        ties.push(Tie::arc(b, a, 2.0));
    }
    let arcs = ties.len();
    let net = Network {
        name: "x".into(),
        people,
        relations: vec![Relation {
            name: "x".into(),
            ties,
        }],
        ..Network::default()
    };
    let (back, _, text) = dl_round_trip(&net);
    assert!(text.starts_with("DL N=10\n"), "{text}");
    assert!(text.contains("FORMAT = EDGELIST1"), "{text}");
    assert_eq!(back.relations[0].ties.len(), arcs, "{text}");
    assert!(back.relations[0].ties.iter().all(|t| t.directed));
}

#[test]
fn dl_writer_keeps_the_largest_of_repeated_ties() {
    use samspill_engine::model::{Person, Relation, Tie};
    let net = Network {
        name: "x".into(),
        people: vec![Person::new("a", "a"), Person::new("b", "b")],
        relations: vec![Relation {
            name: "x".into(),
            ties: vec![Tie::edge(0, 1, 3.0), Tie::edge(0, 1, 1.0)],
        }],
        ..Network::default()
    };
    let (back, dropped, text) = dl_round_trip(&net);
    assert!(text.contains("FORMAT = FULLMATRIX"), "{text}");
    assert_eq!(back.relations[0].ties.len(), 1);
    assert_eq!(back.relations[0].ties[0].value, 3.0);
    assert!(dropped.iter().any(|d| d.contains("largest")), "{dropped:?}");
}

#[test]
fn dl_writer_keeps_a_directed_network_without_ties_directed() {
    let doc = read("directed-no-ties.net");
    let (back, _, text) = dl_round_trip(&doc.networks[0]);
    assert!(text.contains("EDGELIST1"), "{text}");
    assert!(directed_declared(&back));
}

// -------------------------------------------------------------------- Pajek

#[test]
fn pajek_empty_time_marks_mean_always() {
    let doc = read("empty-time-mark.net");
    let net = &doc.networks[0];
    assert!(net.people[0].spells.is_empty());
    assert_eq!(net.people[1].spells.len(), 1);
    assert_eq!(net.relations[0].ties.len(), 2);
    assert!(net.relations[0].ties[0].spells.is_empty());
}

#[test]
fn pajek_partition_before_the_network_is_no_network() {
    let doc = read("partition-first.paj");
    assert_eq!(doc.networks.len(), 1, "{:?}", doc.networks);
    let net = &doc.networks[0];
    assert_eq!(net.name, "meeting");
    assert_eq!(net.partitions.len(), 1);
    assert_eq!(net.partitions[0].name, "roles");
    assert_eq!(net.partitions[0].classes, [Some(1), Some(2), Some(1)]);
}

#[test]
fn pajek_reversed_time_marks_are_refused() {
    let e = refused("reversed-time-mark.net");
    assert_eq!(e.text.as_ref().unwrap().key, "formats-pajek-bad-time-mark");
    assert_eq!((e.location.line, e.location.column), (Some(2), Some(9)));
}

#[test]
fn directed_files_without_ties_stay_directed() {
    for f in ["directed-no-ties.net", "directed-no-ties.graphml"] {
        let doc = read(f);
        let net = &doc.networks[0];
        assert!(net.relations.iter().all(|r| r.ties.is_empty()));
        assert_eq!(
            net.attributes.get(DIRECTED_ATTRIBUTE),
            Some(&AttrValue::Bool(true)),
            "{f}"
        );
        // And every writer carries it on.
        for format in [Format::Pajek, Format::GraphMl, Format::Gexf, Format::Json] {
            let w = write_bytes(doc_of(net), format, &WriteOptions::default()).unwrap();
            let back = read_bytes(&w.bytes, format, "x", &ReadOptions::default()).unwrap();
            assert!(directed_declared(&back.networks[0]), "{f} through {format}");
        }
    }
    // Undirected files without ties stay undirected.
    let doc = read_bytes(
        b"*Vertices 2\n*Edges\n",
        Format::Pajek,
        "u.net",
        &ReadOptions::default(),
    )
    .unwrap();
    assert!(!directed_declared(&doc.networks[0]));
}

fn doc_of(net: &Network) -> &'static Document {
    Box::leak(Box::new(Document::single(net.clone())))
}

// ---------------------------------------------------------- GEXF / GraphML

#[test]
fn null_and_blank_typed_values_are_missing_with_a_warning() {
    let doc = read("null-values.graphml");
    let net = &doc.networks[0];
    assert_eq!(net.people[0].attributes["age"], AttrValue::Int(41));
    assert!(!net.people[1].attributes.contains_key("age"));
    assert!(!net.people[1].attributes.contains_key("score"));
    assert!(!net.people[2].attributes.contains_key("age"));
    let w: Vec<_> = net.relations[0].ties.iter().map(|t| t.value).collect();
    assert_eq!(w, [2.5, 1.0], "a null weight leaves the default");
    let warnings: Vec<_> = doc.warnings.iter().map(|w| w.message.as_str()).collect();
    assert!(
        warnings
            .iter()
            .any(|m| m.contains("\"age\"") && m.contains("missing"))
    );
    // One warning per key, not per value.
    assert_eq!(
        warnings.iter().filter(|m| m.contains("\"age\"")).count(),
        1,
        "{warnings:?}"
    );

    let doc = read("null-values.gexf");
    let net = &doc.networks[0];
    assert_eq!(net.people[0].attributes["age"], AttrValue::Int(41));
    assert!(!net.people[1].attributes.contains_key("age"));
    assert!(!net.people[1].attributes.contains_key("member"));
    let w: Vec<_> = net.relations[0].ties.iter().map(|t| t.value).collect();
    assert_eq!(w, [2.0, 1.0]);
    assert!(doc.warnings.iter().any(|w| w.message.contains("missing")));
}

#[test]
fn yed_labels_and_grouped_nodes() {
    let doc = read("yed-groups.graphml");
    let net = &doc.networks[0];
    let people: Vec<_> = net
        .people
        .iter()
        .map(|p| (p.id.as_str(), p.label.as_str()))
        .collect();
    assert_eq!(
        people,
        [
            ("n0", "Kari Nordmann"),
            ("n1", "Ola Hansen"),
            ("n2", "NAV"),
            ("n2::n0", "Per Berg"),
            ("n2::n1", "Åse Dahl"),
        ]
    );
    assert_eq!(net.relations[0].ties.len(), 3);
    assert!(
        !doc.warnings
            .iter()
            .any(|w| w.message.contains("named by edges but not declared")),
        "{:?}",
        doc.warnings
    );
}

// --------------------------------------------------------------------- CSV

#[test]
fn csv_unclosed_quote_is_an_error_at_its_place() {
    let e = refused("unclosed-quote.csv");
    assert_eq!(e.text.as_ref().unwrap().key, "formats-csv-unclosed-quote");
    assert_eq!((e.location.line, e.location.column), (Some(3), Some(1)));
}

#[test]
fn csv_value_without_target_is_an_error_and_a_bare_source_an_isolate() {
    let e = refused("value-without-target.csv");
    assert_eq!(e.text.as_ref().unwrap().key, "formats-csv-missing-target");
    assert_eq!((e.location.line, e.location.column), (Some(3), Some(2)));
    let doc = read("isolate-row.csv");
    assert_eq!(doc.networks[0].people.len(), 3);
    assert_eq!(doc.networks[0].relations[0].ties.len(), 1);
}

#[test]
fn empty_files_are_errors_in_every_format() {
    for format in Format::ALL {
        for bytes in [&b""[..], b"  \n\r\n", b"\xEF\xBB\xBF"] {
            let e = read_bytes(bytes, format, "empty", &ReadOptions::default()).unwrap_err();
            assert_eq!(
                e.text.as_ref().unwrap().key,
                "formats-empty-file",
                "{format}"
            );
        }
    }
    // A Pajek file with comments only has no network either.
    let e = read_bytes(
        b"% nothing\n",
        Format::Pajek,
        "c.net",
        &ReadOptions::default(),
    )
    .unwrap_err();
    assert_eq!(e.text.as_ref().unwrap().key, "formats-pajek-no-network");
}

#[test]
fn csv_written_by_samspill_reads_back_its_node_table() {
    use samspill_engine::model::{Person, Relation, Tie};
    let dir = std::env::temp_dir().join(format!("samspill-csv-nodes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut p = vec![
        Person::new("a", "Ann"),
        Person::new("b", "Bo"),
        Person::new("c", "Cai (isolate)"),
    ];
    p[0].unit = Some("NAV".into());
    let net = Network {
        name: "net".into(),
        people: p,
        relations: vec![Relation {
            name: "net".into(),
            ties: vec![Tie::arc(0, 1, 2.0)],
        }],
        ..Network::default()
    };
    let w = write_bytes(
        &Document::single(net.clone()),
        Format::Csv,
        &WriteOptions::default(),
    )
    .unwrap();
    let main = dir.join("net.csv");
    std::fs::write(&main, &w.bytes).unwrap();
    let (suffix, nodes) = &w.extra[0];
    std::fs::write(dir.join(format!("net{suffix}")), nodes).unwrap();
    let doc = read_path(&main, &ReadOptions::default()).unwrap();
    let back = &doc.networks[0];
    assert_eq!(back.people.len(), 3, "the isolate comes back");
    assert_eq!(back.people[2].label, "Cai (isolate)");
    assert_eq!(back.people[0].unit.as_deref(), Some("NAV"));
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.message.contains("node table") && w.message.contains("net-nodes.csv")),
        "{:?}",
        doc.warnings
    );
    // Without the companion: the edge list alone, and no such warning.
    std::fs::remove_file(dir.join(format!("net{suffix}"))).unwrap();
    let doc = read_path(&main, &ReadOptions::default()).unwrap();
    assert_eq!(doc.networks[0].people.len(), 2);
    let _ = std::fs::remove_dir_all(&dir);
}

// ------------------------------------------------------------------ messages

#[test]
fn a_huge_token_is_quoted_as_a_short_excerpt() {
    let token = "x".repeat(5_000_000);
    let text = format!("*Vertices 2\n*Edges\n1 {token}\n");
    let e = read_bytes(
        text.as_bytes(),
        Format::Pajek,
        "big.net",
        &ReadOptions::default(),
    )
    .unwrap_err();
    let shown = e.to_string();
    assert!(
        shown.len() < 400,
        "{} bytes: {}",
        shown.len(),
        &shown[..400]
    );
    assert!(shown.contains("5000000 characters"), "{shown}");
    let csv = format!("source,target,value\na,b,{token}\n");
    let e = read_bytes(
        csv.as_bytes(),
        Format::Csv,
        "big.csv",
        &ReadOptions::default(),
    )
    .unwrap_err();
    assert!(e.to_string().len() < 400);
}
