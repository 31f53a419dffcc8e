//! UCINET DL reading and writing.

mod common;

use common::{fixture, read_err, read_str, real};
use samspill_formats::{Format, ReadOptions, WriteOptions, read_bytes, write_bytes};

#[test]
fn fullmatrix_with_wrapped_rows_and_two_matrices() {
    let doc = fixture("dl/fullmatrix.dl");
    let net = &doc.networks[0];
    let ids: Vec<_> = net.people.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, vec!["Kari", "Ola", "Åse Ærø", "Per"]);
    assert_eq!(net.relations.len(), 2);
    assert_eq!(net.relations[0].name, "kontakt");
    let k = &net.relations[0].ties;
    // Symmetric: read as edges (i <= j).
    assert_eq!(k.len(), 3);
    assert!(k.iter().all(|t| !t.directed));
    assert_eq!((k[0].source, k[0].target, k[0].value), (0, 1, 3.0));
    assert_eq!((k[2].source, k[2].target, k[2].value), (2, 3, 2.0));
    let r = &net.relations[1].ties;
    assert_eq!(r.len(), 1);
    assert!(r[0].directed, "an asymmetric matrix gives arcs");
    assert_eq!((r[0].source, r[0].target), (0, 1));
}

#[test]
fn edgelist_embedded_labels() {
    let doc = fixture("dl/edgelist.dl");
    let net = &doc.networks[0];
    let ids: Vec<_> = net.people.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, vec!["kari", "ola", "per", "4"], "{ids:?}");
    let t = &net.relations[0].ties;
    assert_eq!(t.len(), 3);
    assert_eq!(t[1].value, 1.0);
    assert_eq!(t[2].value, 1.5);
}

#[test]
fn other_layouts() {
    let doc = read_str(
        "dl n=3 format=upperhalf diagonal=absent\ndata:\n1 0\n2\n",
        Format::Dl,
        "u.dl",
    );
    let t = &doc.networks[0].relations[0].ties;
    assert_eq!(t.len(), 2);
    assert_eq!(
        (t[1].source, t[1].target, t[1].value, t[1].directed),
        (1, 2, 2.0, false)
    );
    let doc = read_str(
        "dl n=3 format=nodelist1\ndata:\n1 2 3\n3 1\n",
        Format::Dl,
        "n.dl",
    );
    assert_eq!(doc.networks[0].relations[0].ties.len(), 3);
    let doc = read_str(
        "dl nr=2 nc=3\nrow labels:\na b\ncolumn labels:\nx y z\ndata:\n1 0 1\n0 1 0\n",
        Format::Dl,
        "t.dl",
    );
    let net = &doc.networks[0];
    assert_eq!(net.people.len(), 5);
    assert_eq!(net.people[4].id, "z");
    assert_eq!(net.relations[0].ties.len(), 3);
    assert_eq!(net.relations[0].ties[1].target, 4);
}

#[test]
fn errors() {
    let e = read_err("graph n=3", Format::Dl, "e.dl");
    assert_eq!(e, "e.dl:1: expected \"DL\" at the start, found \"graph\"");
    let e = read_err("dl n=2\ndata:\n0 1\nx 0\n", Format::Dl, "e.dl");
    assert_eq!(e, "e.dl:4: expected a number in the data, found \"x\"");
    let e = read_err("dl n=2\ndata:\n0 1\n1\n", Format::Dl, "e.dl");
    assert!(e.contains("expected more matrix values"), "{e}");
    let e = read_err("dl n=2\ndata:\n0 1 1 0 1\n", Format::Dl, "e.dl");
    assert!(e.contains("expected the end of the data"), "{e}");
    let e = read_err("dl n=2 format=edgelist1\ndata:\n1 3\n", Format::Dl, "e.dl");
    assert!(
        e.contains("e.dl:3: expected a node number between 1 and 2"),
        "{e}"
    );
    let e = read_err("dl n=2 format=weird\ndata:\n", Format::Dl, "e.dl");
    assert!(e.contains("expected format"), "{e}");
}

#[test]
fn round_trip() {
    let sorted = |mut v: Vec<(usize, usize, bool, u64)>| {
        v.sort();
        v
    };
    for name in ["strike.paj", "hi-tech.paj", "sawmill.net"] {
        let doc = real(name);
        let w = write_bytes(&doc, Format::Dl, &WriteOptions::default()).unwrap();
        let back = read_bytes(&w.bytes, Format::Dl, "x.dl", &ReadOptions::default()).unwrap();
        let (a, b) = (&doc.networks[0], &back.networks[0]);
        assert_eq!(
            a.people.iter().map(|p| &p.label).collect::<Vec<_>>(),
            b.people.iter().map(|p| &p.label).collect::<Vec<_>>()
        );
        let ties = |n: &samspill_engine::model::Network| {
            sorted(
                n.relations[0]
                    .ties
                    .iter()
                    .map(|t| (t.source, t.target, t.directed, t.value.to_bits()))
                    .collect(),
            )
        };
        assert_eq!(ties(a), ties(b), "{name}");
        assert!(
            w.dropped.iter().any(|d| d.contains("person ids")),
            "{:?}",
            w.dropped
        );
    }
}
