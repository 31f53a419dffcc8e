//! GEXF reading and writing.

mod common;

use common::{fixture, read_err, real};
use samspill_engine::model::{AttrValue, Spell};
use samspill_formats::{Format, ReadOptions, WriteOptions, read_bytes, write_bytes};

fn sp(a: Option<&str>, b: Option<&str>) -> Spell {
    Spell {
        start: a.map(String::from),
        end: b.map(String::from),
    }
}

#[test]
fn gephi_style() {
    let doc = fixture("gexf/gephi-style.gexf");
    let net = &doc.networks[0];
    assert_eq!(net.name, "gephi-style");
    assert_eq!(net.people.len(), 3);
    let kari = &net.people[0];
    assert_eq!(kari.label, "Kari Nordmann");
    assert_eq!(kari.unit.as_deref(), Some("NAV"));
    assert_eq!(kari.attributes["Modularity Class"], AttrValue::Int(1));
    assert_eq!(kari.attributes["color"], AttrValue::Text("#ff0033".into()));
    assert_eq!(kari.attributes["alpha"], AttrValue::Float(0.5));
    assert_eq!(kari.attributes["x"], AttrValue::Float(-12.5));
    assert_eq!(kari.attributes["size"], AttrValue::Float(10.0));
    assert_eq!(
        kari.spells,
        vec![sp(Some("1"), Some("3")), sp(Some("5"), None)]
    );
    assert!(kari.responded, "attribute default");
    assert!(!net.people[1].responded);
    assert_eq!(net.people[2].spells, vec![sp(Some("2"), Some("4"))]);
    assert_eq!(net.relations.len(), 2);
    assert_eq!(net.relations[0].name, "contact");
    let c = &net.relations[0].ties;
    assert_eq!(c.len(), 2, "parallel edges are kept");
    assert_eq!(c[0].value, 3.0);
    assert_eq!(
        c[0].attributes["frequency"],
        AttrValue::Text("daily".into())
    );
    assert_eq!(c[0].attributes["width"], AttrValue::Float(2.0));
    assert!(c[0].directed);
    let a = &net.relations[1].ties[0];
    assert!(!a.directed);
    assert_eq!(a.value, 1.0);
    assert_eq!(a.attributes["label"], AttrValue::Text("spør om råd".into()));
    assert_eq!(a.spells, vec![sp(Some("2"), Some("2"))]);
}

#[test]
fn round_trip_both_versions() {
    for v1_2 in [false, true] {
        for name in ["strike.paj", "hi-tech.paj", "sampson.paj"] {
            let doc = real(name);
            let opts = WriteOptions {
                gexf_1_2: v1_2,
                ..Default::default()
            };
            let w = write_bytes(&doc, Format::Gexf, &opts).unwrap();
            let text = String::from_utf8(w.bytes.clone()).unwrap();
            assert!(text.contains(if v1_2 {
                "1.2draft"
            } else {
                "http://gexf.net/1.3"
            }));
            let back =
                read_bytes(&w.bytes, Format::Gexf, "x.gexf", &ReadOptions::default()).unwrap();
            let mut expected = doc.networks[0].clone();
            for r in &mut expected.relations {
                if r.name == expected.name {
                    r.name = "x".into();
                }
            }
            expected.name = "x".into();
            assert_eq!(back.networks[0], expected, "{name}");
            if name == "sampson.paj" {
                assert_eq!(w.dropped.len(), 1, "{:?}", w.dropped);
            } else {
                assert!(w.dropped.is_empty(), "{:?}", w.dropped);
            }
        }
    }
    let doc = fixture("gexf/gephi-style.gexf");
    let w = write_bytes(&doc, Format::Gexf, &WriteOptions::default()).unwrap();
    let back = read_bytes(
        &w.bytes,
        Format::Gexf,
        "gephi-style.gexf",
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(back.networks, doc.networks);
}

#[test]
fn errors() {
    let e = read_err(
        "<gexf>\n<graph>\n<nodes><node label=\"x\"/></nodes></graph></gexf>",
        Format::Gexf,
        "g.gexf",
    );
    assert!(e.starts_with("g.gexf:3:"), "{e}");
    assert!(e.contains("expected an id attribute on <node>"), "{e}");
    let e = read_err(
        "<gexf><graph><edges><edge source=\"a\" target=\"b\" weight=\"x\"/></edges></graph></gexf>",
        Format::Gexf,
        "g.gexf",
    );
    assert!(e.contains("expected a finite number as the weight"), "{e}");
    let e = read_err("<graphml/>", Format::Gexf, "g.gexf");
    assert!(e.contains("expected a GEXF document"), "{e}");
    let e = read_err("<gexf></gexf>", Format::Gexf, "g.gexf");
    assert!(e.contains("expected a <graph>"), "{e}");
}
