//! GraphML reading and writing.

mod common;

use common::{fixture, read_err, read_str, real};
use samspill_engine::model::AttrValue;
use samspill_formats::{Format, ReadOptions, WriteOptions, read_bytes, write_bytes};

#[test]
fn igraph_style() {
    let doc = fixture("graphml/igraph-style.graphml");
    assert_eq!(doc.networks.len(), 1);
    let net = &doc.networks[0];
    assert_eq!(net.name, "G");
    assert_eq!(
        net.attributes["name"],
        AttrValue::Text("Bydel Øst & Vest".into())
    );
    assert_eq!(net.people.len(), 3);
    assert_eq!(net.people[0].id, "n0");
    assert_eq!(
        net.people[0].label, "Kari",
        "igraph's name attribute is the label"
    );
    assert_eq!(net.people[1].label, "Bjørn <leder>");
    assert_eq!(net.people[0].unit.as_deref(), Some("NAV"));
    assert_eq!(net.people[0].attributes["age"], AttrValue::Float(41.0));
    assert_eq!(net.people[0].attributes["member"], AttrValue::Bool(true));
    assert_eq!(
        net.people[2].attributes["member"],
        AttrValue::Bool(false),
        "key default"
    );
    assert!(
        !net.people[1].attributes.contains_key("age"),
        "NaN is no finite real"
    );
    let t = &net.relations[0].ties;
    assert_eq!(t.len(), 3);
    assert_eq!((t[0].value, t[0].directed), (2.5, false));
    assert_eq!(t[0].attributes["kind"], AttrValue::Text("daily".into()));
    assert_eq!(t[1].value, 1.0);
    assert!(t[2].directed, "directed attribute overrides edgedefault");
    assert!(
        doc.warnings.iter().any(|w| w.message.contains("age")),
        "{:?}",
        doc.warnings
    );
}

#[test]
fn extensions_are_skipped_with_warnings() {
    let doc = fixture("graphml/extensions.graphml");
    assert_eq!(doc.networks.len(), 1);
    let net = &doc.networks[0];
    let ids: Vec<_> = net.people.iter().map(|p| p.id.as_str()).collect();
    // The nested graph's node joins the network (issue 14: yEd groups).
    assert_eq!(ids, vec!["a", "b", "b1", "c"]);
    assert_eq!(net.people[0].label, "A");
    let t = &net.relations[0].ties;
    assert_eq!(t.len(), 2);
    assert_eq!(t[0].value, 7.0, "key default");
    assert_eq!(t[1].value, 3.0);
    let w: Vec<_> = doc.warnings.iter().map(|w| w.message.as_str()).collect();
    let all = w.join("\n");
    for what in [
        "yFiles",
        "nested graph",
        "<hyperedge>",
        "<port>",
        "not declared",
    ] {
        assert!(all.contains(what), "no warning about {what}: {all}");
    }
    assert!(doc.warnings.iter().all(|w| w.location.line.is_some()));
}

#[test]
fn several_graphs() {
    let text = r#"<graphml><graph id="a" edgedefault="directed"><node id="1"/><node id="2"/><edge source="1" target="2"/></graph><graph edgedefault="undirected"><node id="1"/></graph></graphml>"#;
    let doc = read_str(text, Format::GraphMl, "many.graphml");
    assert_eq!(doc.networks.len(), 2);
    assert_eq!(doc.networks[0].name, "a");
    assert!(doc.networks[0].relations[0].ties[0].directed);
    assert_eq!(doc.networks[1].name, "many 2");
    assert_eq!(doc.networks[1].people.len(), 1);
}

#[test]
fn errors_have_line_and_column() {
    let e = read_err(
        "<graphml>\n<graph>\n<node/>\n</graph></graphml>",
        Format::GraphMl,
        "g.graphml",
    );
    assert!(e.starts_with("g.graphml:3:"), "{e}");
    assert!(e.contains("expected an id attribute on <node>"), "{e}");
    let e = read_err(
        "<graphml>\n<graph>\n<node id=\"a\">\n</graph>",
        Format::GraphMl,
        "g.graphml",
    );
    assert!(e.starts_with("g.graphml:4:"), "{e}");
    assert!(e.contains("well-formed XML"), "{e}");
    let e = read_err(
        "<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n<graph><edge source=\"a\" target=\"b\"><data key=\"w\">heavy</data></edge></graph></graphml>",
        Format::GraphMl,
        "g.graphml",
    );
    assert!(e.starts_with("g.graphml:2:"), "{e}");
    assert!(
        e.contains("expected a real number value for key \"weight\", found \"heavy\""),
        "{e}"
    );
    let e = read_err("<gexf/>", Format::GraphMl, "g.graphml");
    assert!(e.contains("expected a GraphML document"), "{e}");
    let e = read_err("", Format::GraphMl, "g.graphml");
    assert!(e.contains("the file is empty"), "{e}");
    let e = read_err("<!-- nothing -->", Format::GraphMl, "g.graphml");
    assert!(e.contains("expected a GraphML document"), "{e}");
    let e = read_err(
        "<graphml><graph edgedefault=\"sideways\"/></graphml>",
        Format::GraphMl,
        "g.graphml",
    );
    assert!(e.contains("expected edgedefault"), "{e}");
}

#[test]
fn round_trip_of_the_real_networks() {
    for name in ["strike.paj", "hi-tech.paj", "sawmill.net", "sampson.paj"] {
        let doc = real(name);
        let w = write_bytes(&doc, Format::GraphMl, &WriteOptions::default()).unwrap();
        assert!(w.dropped.is_empty(), "{name}: {:?}", w.dropped);
        let back = read_bytes(
            &w.bytes,
            Format::GraphMl,
            "x.graphml",
            &ReadOptions::default(),
        )
        .unwrap();
        assert_eq!(back.networks, doc.networks, "{name}");
        assert!(back.warnings.is_empty(), "{:?}", back.warnings);
    }
}

#[test]
fn survey_fields_round_trip() {
    let doc = fixture("pajek/tricky.paj");
    let mut net = doc.networks[0].clone();
    net.people[0].functions = vec!["Tildeling av bolig".into(), "Utbygging".into()];
    net.people[0].unit = Some("NAV & co".into());
    net.people[0].level = Some(samspill_engine::model::Level::TopManagement);
    net.people[1].responded = false;
    net.people[1]
        .attributes
        .insert("label".into(), AttrValue::Int(3));
    net.relations[0].ties[0]
        .attributes
        .insert("weight".into(), AttrValue::Text("x\r\ny".into()));
    let doc = samspill_formats::Document::single(net);
    let w = write_bytes(&doc, Format::GraphMl, &WriteOptions::default()).unwrap();
    let back = read_bytes(
        &w.bytes,
        Format::GraphMl,
        "x.graphml",
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(back.networks, doc.networks);
}
