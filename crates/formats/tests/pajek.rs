//! Pajek reading: the four real networks and hand-written fixtures for the
//! tricky syntax.

mod common;

use std::collections::HashSet;

use common::{fixture, read_err, read_str, real};
use samspill_engine::model::{AttrValue, Network, Spell};
use samspill_formats::Format;

fn reciprocated(net: &Network) -> usize {
    let rel = &net.relations[0];
    let arcs: HashSet<(usize, usize)> = rel
        .ties
        .iter()
        .filter(|t| t.directed)
        .map(|t| (t.source, t.target))
        .collect();
    arcs.iter()
        .filter(|(a, b)| arcs.contains(&(*b, *a)))
        .count()
}

fn spell(a: &str, b: Option<&str>) -> Spell {
    Spell {
        start: Some(a.to_string()),
        end: b.map(String::from),
    }
}

#[test]
fn strike() {
    let doc = real("strike.paj");
    assert_eq!(doc.networks.len(), 1);
    let net = &doc.networks[0];
    assert_eq!(net.name, "Strike.net");
    assert_eq!(net.people.len(), 24);
    assert_eq!(net.relations.len(), 1);
    let rel = &net.relations[0];
    assert_eq!(rel.ties.len(), 38);
    assert!(rel.ties.iter().all(|t| !t.directed && t.value == 1.0));
    assert!(!rel.is_directed());
    assert_eq!(net.people[0].id, "1");
    assert_eq!(net.people[0].label, "Frank");
    assert_eq!(net.people[9].label, "Alejandro");
    assert_eq!(net.people[0].attributes["x"], AttrValue::Float(0.0410));
    assert_eq!(net.people[0].attributes["z"], AttrValue::Float(0.5));
    assert_eq!(
        net.people[0].attributes["shape"],
        AttrValue::Text("ellipse".into())
    );
    assert_eq!(net.partitions.len(), 1);
    let p = &net.partitions[0];
    assert_eq!(p.name, "Strike_groups.clu");
    assert_eq!(p.classes[0], Some(2));
    assert_eq!(p.classes[9], Some(1));
    assert_eq!(p.classes[23], Some(3));
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
}

#[test]
fn hi_tech() {
    let doc = real("hi-tech.paj");
    assert_eq!(doc.networks.len(), 1);
    let net = &doc.networks[0];
    assert_eq!(net.people.len(), 36);
    assert_eq!(net.relations.len(), 1);
    assert_eq!(net.relations[0].ties.len(), 147);
    assert!(net.relations[0].ties.iter().all(|t| t.directed));
    assert_eq!(reciprocated(net), 112);
    assert_eq!(net.partitions.len(), 1);
    assert_eq!(net.partitions[0].name, "Hi-tech_union.clu");
    assert_eq!(net.partitions[0].classes.len(), 36);
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
}

#[test]
fn sawmill() {
    let doc = real("sawmill.net");
    assert_eq!(doc.networks.len(), 1);
    let net = &doc.networks[0];
    assert_eq!(net.name, "sawmill");
    assert_eq!(net.people.len(), 36);
    assert_eq!(net.relations[0].ties.len(), 62);
    assert!(net.relations[0].ties.iter().all(|t| !t.directed));
    assert_eq!(net.people[0].label, "HP-1");
    assert!(net.partitions.is_empty());
}

#[test]
fn sampson() {
    let doc = real("sampson.paj");
    assert_eq!(doc.networks.len(), 2);
    let (s, t4) = (&doc.networks[0], &doc.networks[1]);
    assert_eq!(s.name, "Sampson");
    assert_eq!(t4.name, "Sampson_T4");
    assert_eq!(s.people.len(), 25);
    assert_eq!(t4.people.len(), 18);
    assert_eq!(s.people[5].label, "John Bosco");
    assert_eq!(t4.people[0].label, "John Bosco");
    // Values keep their sign; every listed tie is a tie.
    let ties = &s.relations[0].ties;
    assert_eq!(ties.len(), 322);
    assert_eq!(t4.relations[0].ties.len(), 33);
    let neg = ties.iter().filter(|t| t.value < 0.0).count();
    assert_eq!(neg, 48 + 52 + 56);
    let min = ties.iter().map(|t| t.value).fold(f64::INFINITY, f64::min);
    let max = ties
        .iter()
        .map(|t| t.value)
        .fold(f64::NEG_INFINITY, f64::max);
    assert_eq!((min, max), (-3.0, 3.0));
    // Parallel ties (one per time mark) are kept apart.
    let first: Vec<_> = ties.iter().take(2).collect();
    assert_eq!(
        (first[0].source, first[0].target, first[0].value),
        (5, 6, 2.0)
    );
    assert_eq!(
        (first[1].source, first[1].target, first[1].value),
        (5, 6, -2.0)
    );
    assert_eq!(first[0].spells, vec![spell("3", Some("3"))]);
    assert_eq!(first[1].spells, vec![spell("4", Some("4"))]);
    assert!(ties.iter().all(|t| !t.spells.is_empty()));
    let multi = ties
        .iter()
        .find(|t| t.spells.len() == 3)
        .expect("a tie with three time marks ([2,3,5] or [2,4,5])");
    assert_eq!(multi.spells[0], spell("2", Some("2")));
    // Vertex time marks.
    assert_eq!(s.people[0].spells, vec![spell("1", Some("1"))]);
    assert_eq!(s.people[5].spells, vec![spell("2", Some("4"))]);
    assert_eq!(s.people[10].spells, vec![spell("1", None)]);
    assert!(s.people[1].spells.is_empty());
    // Partitions go to the network of their size.
    let names = |n: &Network| {
        n.partitions
            .iter()
            .map(|p| p.name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(s), vec!["Sampson_cloisterville"]);
    assert_eq!(
        names(t4),
        vec!["Sampson_cloisterville_T4", "Sampson_factions_T4"]
    );
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
}

#[test]
fn tricky_syntax_fixture() {
    let doc = fixture("pajek/tricky.paj");
    assert_eq!(doc.networks.len(), 2, "{:?}", doc.warnings);
    let a = &doc.networks[0];
    assert_eq!(a.name, "Bydel Øst");
    assert_eq!(a.people.len(), 5);
    assert_eq!(a.people[0].label, "Kari Nordmann");
    assert_eq!(a.people[1].label, "Bjørn");
    assert_eq!(a.people[2].label, "3", "an unlisted vertex gets its number");
    assert_eq!(a.people[3].label, "Åse Ærø");
    assert_eq!(a.people[4].label, "unquoted");
    assert_eq!(a.people[4].attributes["ic"], AttrValue::Text("Red".into()));
    assert_eq!(
        a.people[3].spells,
        vec![spell("1", Some("1")), spell("3", Some("5"))]
    );
    // Relations: unnumbered arcs+edges in one, :2 "advice" in another.
    assert_eq!(a.relations.len(), 2);
    assert_eq!(a.relations[0].name, "Bydel Øst");
    assert_eq!(a.relations[1].name, "advice");
    let r0 = &a.relations[0].ties;
    assert_eq!(r0.len(), 6);
    assert!(r0[0].directed);
    assert_eq!(r0[0].value, 2.5);
    assert_eq!(r0[1].value, -1.0);
    assert_eq!(r0[2].value, 1.0, "a missing value is 1");
    assert_eq!(r0[2].attributes["color"], AttrValue::Text("Blue".into()));
    assert_eq!(r0[3].spells, vec![spell("5", None)]);
    // Arcslist: 5 -> 1, 5 -> 2 ; Edges 1 - 5.
    assert_eq!((r0[4].source, r0[4].target, r0[4].directed), (4, 0, true));
    assert_eq!((r0[5].source, r0[5].target, r0[5].directed), (0, 4, false));
    let r1 = &a.relations[1].ties;
    assert_eq!(r1.len(), 2);
    assert_eq!((r1[0].source, r1[0].target), (0, 1));
    assert_eq!(
        (r1[1].source, r1[1].target),
        (4, 1),
        "the k: line prefix picks relation 2"
    );
    assert_eq!(a.vectors.len(), 1);
    assert_eq!(a.vectors[0].values[4], Some(0.5));
    let b = &doc.networks[1];
    assert_eq!(b.name, "matrix");
    assert_eq!(b.people.len(), 3);
    let m = &b.relations[0].ties;
    assert_eq!(m.len(), 3);
    assert_eq!((m[2].source, m[2].target, m[2].value), (2, 0, 4.0));
    assert_eq!(b.partitions.len(), 1);
    // The partition of size 4 fits no network: a warning names it.
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.message.contains("\"nowhere\"") && w.location.line.is_some())
    );
}

#[test]
fn crlf_lf_and_case() {
    let lf = "*network x\n*vertices 2\n1 \"a b\"\n*ARCS\n1 2 3\n";
    let crlf = lf.replace('\n', "\r\n");
    let a = read_str(lf, Format::Pajek, "a.net");
    let b = read_str(&crlf, Format::Pajek, "a.net");
    assert_eq!(a, b);
    assert_eq!(a.networks[0].people[0].label, "a b");
    assert_eq!(a.networks[0].relations[0].ties[0].value, 3.0);
}

#[test]
fn windows_1252_labels() {
    let bytes = b"*Vertices 2\r\n1 \"Bl\xE5b\xE6r\"\r\n2 \"S\xF8ren\"\r\n*Edges\r\n1 2\r\n";
    let doc =
        samspill_formats::read_bytes(bytes, Format::Pajek, "x.net", &Default::default()).unwrap();
    assert_eq!(doc.networks[0].people[0].label, "Blåbær");
    assert_eq!(doc.networks[0].people[1].label, "Søren");
    assert_eq!(doc.warnings.len(), 1);
}

#[test]
fn two_mode() {
    let doc = read_str(
        "*Vertices 5 3\n*Edges\n1 4\n2 5\n*Matrix\n1 0\n0 1\n1 1\n",
        Format::Pajek,
        "t.net",
    );
    let net = &doc.networks[0];
    assert_eq!(net.attributes["mode1_size"], AttrValue::Int(3));
    assert_eq!(net.relations[0].ties.len(), 2 + 4);
    let last = net.relations[0].ties.last().unwrap();
    assert_eq!((last.source, last.target, last.directed), (2, 4, false));
}

#[test]
fn bare_partition_file() {
    let doc = read_str("*Vertices 3\n1\n2\n2\n", Format::Pajek, "groups.clu");
    let net = &doc.networks[0];
    assert_eq!(net.people.len(), 3);
    assert_eq!(net.partitions[0].name, "groups");
    assert_eq!(net.partitions[0].classes, vec![Some(1), Some(2), Some(2)]);
    let doc = read_str("*Vertices 2\n0.5\n-1e2\n", Format::Pajek, "size.vec");
    assert_eq!(
        doc.networks[0].vectors[0].values,
        vec![Some(0.5), Some(-100.0)]
    );
}

#[test]
fn errors_name_line_and_expectation() {
    let text = "*Vertices 24\n*Edges\n1 2\n3 25\n";
    assert_eq!(
        read_err(text, Format::Pajek, "strike.paj"),
        "strike.paj:4:3: expected a vertex number between 1 and 24, found \"25\""
    );
    let e = read_err("*Vertices 3\n*Arcs\n1 2 x\n", Format::Pajek, "a.net");
    assert!(e.starts_with("a.net:3:5: expected a tie value"), "{e}");
    let e = read_err("*Arcs\n1 2\n", Format::Pajek, "a.net");
    assert!(e.starts_with("a.net:1: expected \"*Vertices n\""), "{e}");
    let e = read_err("*Vertices two\n", Format::Pajek, "a.net");
    assert!(
        e.contains("a.net:1:11: expected the number of vertices"),
        "{e}"
    );
    let e = read_err("*Vertices 2\n1 \"open\n", Format::Pajek, "a.net");
    assert!(e.contains("a.net:2:3: expected a closing quote"), "{e}");
    let e = read_err(
        "*Vertices 2\n*Partition p\n*Vertices 2\n1\n",
        Format::Pajek,
        "a.paj",
    );
    assert!(e.contains("expected 2 values for partition \"p\""), "{e}");
    let e = read_err(
        "*Vertices 2\n*Partition p\n*Vertices 2\n1\n1\n1\n",
        Format::Pajek,
        "a.paj",
    );
    assert!(e.contains("a.paj:6:1: expected a new section"), "{e}");
    let e = read_err("hello\n", Format::Pajek, "a.net");
    assert!(e.contains("a.net:1:1: expected a section line"), "{e}");
    let e = read_err("*Vertices 2\n*Matrix\n1 0\n0\n", Format::Pajek, "a.net");
    assert!(e.contains("expected 4 matrix values"), "{e}");
    let e = read_err("*Vertices 2\n*Arcs\n1 2 1 [x-]\n", Format::Pajek, "a.net");
    assert!(e.contains("expected a time mark"), "{e}");
    let e = read_err("*Vertices 2\n*Arcs\n1 2 inf\n", Format::Pajek, "a.net");
    assert!(e.contains("expected a tie value"), "{e}");
    let e = read_err("*Vertices 99999999999\n", Format::Pajek, "a.net");
    assert!(e.contains("more than this file can describe"), "{e}");
}

#[test]
fn unknown_sections_are_skipped_with_a_warning() {
    let doc = read_str(
        "*Vertices 2\n*Edges\n1 2\n*Permutation\n*Vertices 2\n2\n1\n",
        Format::Pajek,
        "a.paj",
    );
    assert_eq!(doc.networks.len(), 1);
    assert_eq!(doc.networks[0].relations[0].ties.len(), 1);
    assert!(doc.warnings[0].message.contains("*permutation"));
}

#[test]
fn write_then_read_gives_the_same_networks() {
    use samspill_formats::{ReadOptions, WriteOptions, read_bytes, write_bytes};
    for name in ["strike.paj", "hi-tech.paj", "sawmill.net", "sampson.paj"] {
        let doc = real(name);
        let w = write_bytes(&doc, Format::Pajek, &WriteOptions::default()).unwrap();
        assert!(w.dropped.is_empty(), "{name}: {:?}", w.dropped);
        let back = read_bytes(&w.bytes, Format::Pajek, name, &ReadOptions::default()).unwrap();
        assert_eq!(back.networks, doc.networks, "{name}");
    }
    let doc = fixture("pajek/tricky.paj");
    let w = write_bytes(&doc, Format::Pajek, &WriteOptions::default()).unwrap();
    let back = read_bytes(&w.bytes, Format::Pajek, "t.paj", &ReadOptions::default()).unwrap();
    // The stray partition was dropped on reading; everything else survives.
    assert_eq!(back.networks, doc.networks);
}

#[test]
fn writer_lists_what_pajek_cannot_hold() {
    use samspill_engine::model::{Level, Person, Relation, Tie};
    use samspill_formats::{Document, WriteOptions, write_bytes};
    let mut a = Person::new("kari", "Kari");
    a.functions = vec!["Tildeling av bolig".into()];
    a.unit = Some("NAV".into());
    a.level = Some(Level::Leader);
    let b = Person::new("ola", "Ola \"O\"");
    let net = Network {
        name: "n".into(),
        people: vec![a, b],
        relations: vec![Relation {
            name: "n".into(),
            ties: vec![Tie::arc(0, 1, 2.0)],
        }],
        ..Default::default()
    };
    let w = write_bytes(
        &Document::single(net),
        Format::Pajek,
        &WriteOptions::default(),
    )
    .unwrap();
    let d = w.dropped.join("; ");
    for what in ["person ids", "functions", "units", "levels", "quotes"] {
        assert!(d.contains(what), "{what} missing from {d}");
    }
}
