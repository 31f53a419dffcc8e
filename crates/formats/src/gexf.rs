//! GEXF 1.3 and 1.2draft reading and writing.
//!
//! Follows the GEXF primer and schemas (gexf.net): `<graph
//! defaultedgetype mode timeformat>`, `<attributes class="node|edge">` with
//! `<attribute id title type>` and `<default>`, `<nodes>/<node id label>`
//! with `<attvalues>/<attvalue for value>`, `<spells>/<spell start end>`
//! (or `start`/`end` on the element) and the viz extension
//! (`<viz:color r g b a>`, `<viz:position x y z>`, `<viz:size>`,
//! `<viz:shape>`, `<viz:thickness>`), `<edges>/<edge source target weight
//! type kind label>`. Parallel edges are kept; an edge's `kind` names its
//! relation.
//!
//! Viz data maps onto attributes: colour → `color` (`#rrggbb`, with
//! `alpha` when not opaque), position → `x`, `y`, `z`, size → `size`,
//! shape → `shape`, thickness → `width`.

use std::collections::HashMap;
use std::fmt::Write as _;

use quick_xml::events::Event;
use samspill_engine::model::{AttrValue, Network, Spell};

use crate::builder::{Builder, TieDraft, person_attr_key, tie_attr_key};
use crate::common::{decode_text, parse_finite, stem};
use crate::pajek::Dropped;
use crate::xml::{AttrType, Xml, escape, local};
use crate::{Document, FormatError};

#[derive(Clone)]
struct AttrDef {
    title: String,
    ty: AttrType,
    default: Option<String>,
}

enum Owner {
    Node(usize, Vec<String>),
    Edge(TieDraft, Vec<String>),
}

/// Reads a GEXF document (one graph).
pub(crate) fn read(
    bytes: &[u8],
    file_name: &str,
    limits: &crate::Limits,
) -> Result<Document, FormatError> {
    let (text, fallback) = decode_text(bytes);
    let mut x = Xml::new(&text, file_name);
    x.max_depth = limits.max_xml_depth;
    if fallback {
        x.ctx
            .warn(None, "the file is not UTF-8; it was read as Windows-1252");
    }
    let mut b = Builder::new(stem(file_name));
    let mut seen_root = false;
    let mut seen_graph = false;
    let mut default_directed = false;
    let mut node_attrs: HashMap<String, AttrDef> = HashMap::new();
    let mut edge_attrs: HashMap<String, AttrDef> = HashMap::new();
    let mut class_is_edge = false;
    let mut owner: Option<Owner> = None;
    let mut warned: Vec<String> = Vec::new();

    loop {
        let ev = x.next()?;
        let (e, empty) = match ev {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(e) => {
                let name = e.local_name().as_ref().to_ascii_lowercase();
                // Ends of <attvalues> and <spells> leave the owner as it is.
                if owner.is_some() {
                    match (name.as_str(), owner.take()) {
                        ("node", Some(Owner::Node(i, set))) => {
                            node_defaults(&node_attrs, &mut b, i, &set);
                        }
                        ("edge", Some(Owner::Edge(d, set))) => {
                            finish_edge(&mut x, &edge_attrs, &mut b, d, &set)?;
                        }
                        (_, o) => owner = o,
                    }
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let name = local(&e);
        match name.as_str() {
            "gexf" => seen_root = true,
            "meta" | "description" | "creator" | "keywords" => {
                if !empty {
                    x.skip(&e)?;
                }
            }
            "graph" => {
                if !seen_root {
                    return Err(x.err("expected a <gexf> root element before <graph>"));
                }
                if seen_graph {
                    x.warn("a second <graph> was skipped (GEXF holds one graph)");
                    if !empty {
                        x.skip(&e)?;
                    }
                    continue;
                }
                seen_graph = true;
                let a = x.attrs(&e)?;
                default_directed = match a.get("defaultedgetype").map(|s| s.as_str()) {
                    Some("directed") => true,
                    Some("undirected") | Some("mutual") | None => false,
                    Some(other) => {
                        return Err(x.err(format!(
                            "expected defaultedgetype directed, undirected or mutual, found {other:?}"
                        )));
                    }
                };
            }
            "attributes" => {
                let a = x.attrs(&e)?;
                class_is_edge = a.get("class").is_some_and(|c| c == "edge");
                if a.get("class").is_some_and(|c| c != "edge" && c != "node") {
                    x.warn("attributes of a class other than node or edge were skipped");
                    if !empty {
                        x.skip(&e)?;
                    }
                }
            }
            "attribute" => {
                let a = x.attrs(&e)?;
                let Some(id) = a.get("id").cloned() else {
                    return Err(x.err("expected an id on <attribute>"));
                };
                let mut def = AttrDef {
                    title: a.get("title").cloned().unwrap_or_else(|| id.clone()),
                    ty: AttrType::parse(a.get("type").map_or("string", |s| s.as_str())),
                    default: None,
                };
                if !empty {
                    loop {
                        match x.next()? {
                            Event::Start(c) => {
                                if local(&c) == "default" {
                                    def.default = Some(x.text()?.0);
                                } else {
                                    x.skip(&c)?;
                                }
                            }
                            Event::End(_) => break,
                            Event::Eof => {
                                return Err(
                                    x.err("expected </attribute>, found the end of the file")
                                );
                            }
                            _ => {}
                        }
                    }
                }
                if class_is_edge {
                    edge_attrs.insert(id, def);
                } else {
                    if !node_attrs.contains_key(&id) {
                        b.reserve_column(&def.title);
                    }
                    node_attrs.insert(id, def);
                }
            }
            "nodes" | "edges" | "attvalues" | "spells" => {}
            "node" => {
                if owner.is_some() {
                    x.warn(
                        "nested nodes (hierarchies) are not supported; a nested <node> was skipped",
                    );
                    if !empty {
                        x.skip(&e)?;
                    }
                    continue;
                }
                let a = x.attrs(&e)?;
                let Some(id) = a.get("id") else {
                    return Err(x.err("expected an id attribute on <node>"));
                };
                let (i, dup) = b.declare(id);
                if dup {
                    let m = format!("node {id:?} is declared twice; the declarations are merged");
                    x.warn(m);
                }
                if let Some(l) = a.get("label") {
                    b.set_person(i, "label", AttrValue::Text(l.clone()));
                }
                if let Some(s) = spell_of(&a) {
                    if let Some(p) = b.people.get_mut(i) {
                        p.spells.push(s);
                    }
                }
                if empty {
                    node_defaults(&node_attrs, &mut b, i, &[]);
                } else {
                    owner = Some(Owner::Node(i, Vec::new()));
                }
            }
            "edge" => {
                let a = x.attrs(&e)?;
                let (Some(s), Some(t)) = (a.get("source"), a.get("target")) else {
                    return Err(x.err("expected source and target attributes on <edge>"));
                };
                let directed = match a.get("type").map(|s| s.as_str()) {
                    None => default_directed,
                    Some("directed") => true,
                    Some("undirected") | Some("mutual") => false,
                    Some(other) => {
                        return Err(x.err(format!(
                            "expected type directed, undirected or mutual, found {other:?}"
                        )));
                    }
                };
                let s = b.person_for_tie(s);
                let t = b.person_for_tie(t);
                let mut d = TieDraft::new(s, t, directed);
                if let Some(w) = a.get("weight").filter(|w| {
                    let missing = AttrType::Float.is_missing(w);
                    if missing {
                        x.warn(format!(
                            "edge weight {w:?} is missing (blank or null); the tie gets the value 1"
                        ));
                    }
                    !missing
                }) {
                    if let Err(m) = d.set("weight", AttrValue::Text(w.clone())) {
                        return Err(x.err(m));
                    }
                }
                if let Some(k) = a.get("kind") {
                    d.relation = Some(k.clone());
                }
                if let Some(l) = a.get("label") {
                    d.tie
                        .attributes
                        .insert("label".into(), AttrValue::Text(l.clone()));
                }
                if let Some(s) = spell_of(&a) {
                    d.tie.spells.push(s);
                }
                if empty {
                    finish_edge(&mut x, &edge_attrs, &mut b, d, &[])?;
                } else {
                    owner = Some(Owner::Edge(d, Vec::new()));
                }
            }
            "attvalue" => {
                let a = x.attrs(&e)?;
                let Some(id) = a.get("for").or_else(|| a.get("id")).cloned() else {
                    return Err(x.err("expected a for attribute on <attvalue>"));
                };
                let value = a.get("value").cloned().unwrap_or_default();
                if a.contains_key("start") || a.contains_key("end") {
                    if !warned.contains(&"dynamic".to_string()) {
                        warned.push("dynamic".into());
                        x.warn("dynamic attribute values are read as static (the time is dropped)");
                    }
                }
                if !empty {
                    x.skip(&e)?;
                }
                match owner.as_mut() {
                    Some(Owner::Node(i, set)) => {
                        let def = node_attrs.get(&id).cloned();
                        let def = def.unwrap_or_else(|| AttrDef {
                            title: id.clone(),
                            ty: AttrType::Text,
                            default: None,
                        });
                        match read_typed(&mut x, &def, &value, &mut warned)? {
                            Some(v) => b.set_person(*i, &def.title, v),
                            None => continue,
                        }
                        set.push(id);
                    }
                    Some(Owner::Edge(d, set)) => {
                        let def = edge_attrs.get(&id).cloned().unwrap_or_else(|| AttrDef {
                            title: id.clone(),
                            ty: AttrType::Text,
                            default: None,
                        });
                        if let Some(v) = read_typed(&mut x, &def, &value, &mut warned)? {
                            if let Err(m) = d.set(&def.title, v) {
                                return Err(x.err(m));
                            }
                        }
                        set.push(id);
                    }
                    None => x.warn("<attvalue> outside a node or edge was skipped"),
                }
            }
            "spell" => {
                let a = x.attrs(&e)?;
                if !empty {
                    x.skip(&e)?;
                }
                let s = spell_of(&a).unwrap_or(Spell {
                    start: None,
                    end: None,
                });
                match owner.as_mut() {
                    Some(Owner::Node(i, _)) => {
                        if let Some(p) = b.people.get_mut(*i) {
                            p.spells.push(s);
                        }
                    }
                    Some(Owner::Edge(d, _)) => d.tie.spells.push(s),
                    None => {}
                }
            }
            "color" | "position" | "size" | "shape" | "thickness" => {
                let a = x.attrs(&e)?;
                if !empty {
                    x.skip(&e)?;
                }
                let mut set: Vec<(String, AttrValue)> = Vec::new();
                let num = |k: &str| a.get(k).and_then(|v| parse_finite(v));
                match name.as_str() {
                    "color" => {
                        let c = |k: &str| {
                            a.get(k)
                                .and_then(|v| v.trim().parse::<u8>().ok())
                                .unwrap_or(0)
                        };
                        let hex = a.get("hex").cloned().unwrap_or_else(|| {
                            format!("#{:02x}{:02x}{:02x}", c("r"), c("g"), c("b"))
                        });
                        set.push(("color".into(), AttrValue::Text(hex)));
                        if let Some(alpha) = num("a").filter(|a| *a < 1.0) {
                            set.push(("alpha".into(), AttrValue::Float(alpha)));
                        }
                    }
                    "position" => {
                        for k in ["x", "y", "z"] {
                            if let Some(v) = num(k) {
                                set.push((k.to_string(), AttrValue::Float(v)));
                            }
                        }
                    }
                    "size" => {
                        if let Some(v) = num("value") {
                            set.push(("size".into(), AttrValue::Float(v)));
                        }
                    }
                    "thickness" => {
                        if let Some(v) = num("value") {
                            set.push(("width".into(), AttrValue::Float(v)));
                        }
                    }
                    _ => {
                        if let Some(v) = a.get("value") {
                            set.push(("shape".into(), AttrValue::Text(v.clone())));
                        }
                    }
                }
                match owner.as_mut() {
                    Some(Owner::Node(i, _)) => {
                        for (k, v) in set {
                            if let Some(p) = b.people.get_mut(*i) {
                                p.attributes.insert(k, v);
                            }
                        }
                    }
                    Some(Owner::Edge(d, _)) => {
                        for (k, v) in set {
                            d.tie.attributes.insert(k, v);
                        }
                    }
                    None => {}
                }
            }
            other => {
                if !seen_root {
                    return Err(x.err(format!(
                        "expected a GEXF document (<gexf>), found <{other}>"
                    )));
                }
                let tag = format!("<{other}>");
                if !warned.contains(&tag) {
                    warned.push(tag.clone());
                    x.warn(format!("{tag} is not read by samspill; it was skipped"));
                }
                if !empty {
                    x.skip(&e)?;
                }
            }
        }
    }
    if owner.is_some() {
        return Err(x.err("expected closing tags, found the end of the file"));
    }
    if !seen_root {
        return Err(x.err("expected a GEXF document (<gexf>), found no elements"));
    }
    if !seen_graph {
        return Err(x.err("expected a <graph> in the GEXF document"));
    }
    if let (n, Some(first)) = (b.implicit.0, b.implicit.1.clone()) {
        if n > 0 {
            x.ctx.warn(
                None,
                format!("{n} node(s) are named by edges but not declared (the first is {first:?}); they were added"),
            );
        }
    }
    Ok(Document {
        networks: vec![{
            let mut net = b.finish();
            if default_directed && net.relations.iter().all(|r| r.ties.is_empty()) {
                // `defaultedgetype="directed"` with no edges stays directed.
                net.attributes.insert(
                    samspill_engine::model::DIRECTED_ATTRIBUTE.to_string(),
                    AttrValue::Bool(true),
                );
            }
            net
        }],
        warnings: x.ctx.warnings,
    })
}

fn spell_of(a: &HashMap<String, String>) -> Option<Spell> {
    let start = a.get("start").or_else(|| a.get("startopen")).cloned();
    let end = a.get("end").or_else(|| a.get("endopen")).cloned();
    if start.is_none() && end.is_none() {
        None
    } else {
        Some(Spell { start, end })
    }
}

fn read_typed(
    x: &mut Xml<'_>,
    def: &AttrDef,
    value: &str,
    warned: &mut Vec<String>,
) -> Result<Option<AttrValue>, FormatError> {
    if def.ty == AttrType::Float && value.trim().parse::<f64>().is_ok_and(|v| !v.is_finite()) {
        x.warn(format!(
            "value {value:?} of {:?} is not a finite number; it was skipped",
            def.title
        ));
        return Ok(None);
    }
    if def.ty.is_missing(value) {
        // Once per attribute: a Gephi export may have thousands.
        let tag = format!("missing:{}", def.title);
        if !warned.contains(&tag) {
            warned.push(tag);
            x.warn(format!(
                "value {value:?} of {:?} is missing (blank or null); it was left out wherever it occurs",
                def.title
            ));
        }
        return Ok(None);
    }
    match def.ty.read(value) {
        Some(v) => Ok(Some(v)),
        None => Err(x.err(format!(
            "expected a value of type {:?} for attribute {:?}, found {value:?}",
            def.ty, def.title
        ))),
    }
}

fn node_defaults(defs: &HashMap<String, AttrDef>, b: &mut Builder, i: usize, set: &[String]) {
    for (id, d) in defs {
        if !set.contains(id) {
            if let Some(v) = d.default.as_deref().and_then(|s| d.ty.read(s)) {
                b.set_person(i, &d.title, v);
            }
        }
    }
}

fn finish_edge(
    x: &mut Xml<'_>,
    defs: &HashMap<String, AttrDef>,
    b: &mut Builder,
    mut d: TieDraft,
    set: &[String],
) -> Result<(), FormatError> {
    for (id, def) in defs {
        if !set.contains(id) {
            if let Some(v) = def.default.as_deref().and_then(|s| def.ty.read(s)) {
                if let Err(m) = d.set(&def.title, v) {
                    return Err(x.err(m));
                }
            }
        }
    }
    b.add_tie(d.relation.as_deref(), d.tie);
    Ok(())
}

// ---------------------------------------------------------------------------
// Writing

fn type_attr(t: AttrType) -> &'static str {
    match t {
        AttrType::Bool => "boolean",
        AttrType::Int => "long",
        AttrType::Float => "double",
        AttrType::Text => "string",
    }
}

fn esc(s: &str, dropped: &mut Dropped) -> String {
    let (e, bad) = escape(s);
    if bad {
        dropped.add("control characters XML cannot hold (replaced with U+FFFD)");
    }
    e.into_owned()
}

/// `#rrggbb` → (r, g, b).
fn parse_hex(s: &str) -> Option<(u8, u8, u8)> {
    let h = s.strip_prefix('#')?;
    if h.len() != 6 || !h.is_ascii() {
        return None;
    }
    let c = |i: usize| u8::from_str_radix(h.get(i..i + 2)?, 16).ok();
    Some((c(0)?, c(2)?, c(4)?))
}

fn num(v: &AttrValue) -> Option<f64> {
    match v {
        AttrValue::Float(f) => Some(*f),
        _ => None,
    }
}

fn spells_xml(out: &mut String, spells: &[Spell], indent: &str, dropped: &mut Dropped) {
    if spells.is_empty() {
        return;
    }
    let _ = writeln!(out, "{indent}<spells>");
    for s in spells {
        let _ = write!(out, "{indent}  <spell");
        if let Some(a) = &s.start {
            let _ = write!(out, " start=\"{}\"", esc(a, dropped));
        }
        if let Some(e) = &s.end {
            let _ = write!(out, " end=\"{}\"", esc(e, dropped));
        }
        out.push_str("/>\n");
    }
    let _ = writeln!(out, "{indent}</spells>");
}

/// Writes the first network as GEXF 1.3 (or 1.2draft).
pub(crate) fn write(networks: &[Network], v1_2: bool) -> (Vec<u8>, Vec<String>) {
    let mut dropped = Dropped::default();
    if networks.len() > 1 {
        dropped.add(format!(
            "networks after the first ({} of them; a GEXF file holds one graph)",
            networks.len() - 1
        ));
    }
    let empty = Network::default();
    let net = networks.first().unwrap_or(&empty);
    let (ns, viz, version) = if v1_2 {
        (
            "http://www.gexf.net/1.2draft",
            "http://www.gexf.net/1.2draft/viz",
            "1.2",
        )
    } else {
        ("http://gexf.net/1.3", "http://gexf.net/1.3/viz", "1.3")
    };
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<gexf xmlns=\"{ns}\" xmlns:viz=\"{viz}\" version=\"{version}\">"
    );
    let _ = writeln!(
        out,
        "  <meta>\n    <creator>samspill</creator>\n    <description>{}</description>\n  </meta>",
        esc(&net.name, &mut dropped)
    );
    if net
        .attributes
        .keys()
        .any(|k| k != samspill_engine::model::DIRECTED_ATTRIBUTE)
    {
        dropped.add("network attributes");
    }
    let ties: Vec<(&str, &samspill_engine::model::Tie)> = net
        .relations
        .iter()
        .flat_map(|r| r.ties.iter().map(move |t| (r.name.as_str(), t)))
        .collect();
    let arcs = ties.iter().filter(|(_, t)| t.directed).count();
    let directed = if ties.is_empty() {
        net.relations
            .first()
            .is_some_and(|r| net.relation_directed(r))
    } else {
        arcs * 2 >= ties.len()
    };
    let dynamic = net.people.iter().any(|p| !p.spells.is_empty())
        || ties.iter().any(|(_, t)| !t.spells.is_empty());
    let points = net
        .people
        .iter()
        .flat_map(|p| &p.spells)
        .chain(ties.iter().flat_map(|(_, t)| &t.spells))
        .flat_map(|s| [&s.start, &s.end])
        .flatten();
    let mut timeformat = "integer";
    for p in points {
        if p.trim().parse::<i64>().is_err() {
            timeformat = if parse_finite(p).is_some() && timeformat != "date" {
                "double"
            } else {
                "date"
            };
        }
    }
    let _ = write!(
        out,
        "  <graph defaultedgetype=\"{}\" mode=\"{}\"",
        if directed { "directed" } else { "undirected" },
        if dynamic { "dynamic" } else { "static" }
    );
    if dynamic {
        let _ = write!(out, " timeformat=\"{timeformat}\"");
        if !v1_2 {
            out.push_str(" timerepresentation=\"interval\"");
        }
    }
    out.push_str(">\n");

    // Node attribute columns. Viz data is written as viz elements.
    let is_viz = |k: &str, v: &AttrValue| match k {
        "x" | "y" | "z" | "size" | "alpha" => matches!(v, AttrValue::Float(_)),
        "color" => matches!(v, AttrValue::Text(t) if parse_hex(t).is_some()),
        "shape" => matches!(v, AttrValue::Text(_)),
        _ => false,
    };
    let mut ncols: Vec<(String, AttrType)> = Vec::new();
    let add_col = |cols: &mut Vec<(String, AttrType)>, name: String, ty: AttrType| {
        if !cols.iter().any(|(n, _)| *n == name) {
            cols.push((name, ty));
        }
    };
    if net.people.iter().any(|p| !p.functions.is_empty()) {
        add_col(&mut ncols, "functions".into(), AttrType::Text);
    }
    if net.people.iter().any(|p| p.unit.is_some()) {
        add_col(&mut ncols, "unit".into(), AttrType::Text);
    }
    if net.people.iter().any(|p| p.level.is_some()) {
        add_col(&mut ncols, "level".into(), AttrType::Text);
    }
    if net.people.iter().any(|p| !p.responded) {
        add_col(&mut ncols, "responded".into(), AttrType::Bool);
    }
    let mut names: Vec<&String> = net
        .people
        .iter()
        .flat_map(|p| {
            p.attributes
                .iter()
                .filter(|(k, v)| !is_viz(k, v))
                .map(|(k, _)| k)
        })
        .collect();
    names.sort();
    names.dedup();
    for name in names {
        let (ty, lossy) = AttrType::of(
            net.people
                .iter()
                .filter_map(|p| p.attributes.get(name).filter(|v| !is_viz(name, v))),
        );
        if lossy {
            dropped.add(format!("the mixed types of person attribute {name:?}"));
        }
        add_col(&mut ncols, person_attr_key(name), ty);
    }
    for p in &net.partitions {
        if p.classes.iter().all(Option::is_none) {
            dropped.add(format!("partition {:?}, which has no classes", p.name));
        }
        add_col(&mut ncols, format!("partition:{}", p.name), AttrType::Int);
    }
    for v in &net.vectors {
        if v.values.iter().all(Option::is_none) {
            dropped.add(format!("vector {:?}, which has no values", v.name));
        }
        add_col(&mut ncols, format!("vector:{}", v.name), AttrType::Float);
    }
    let edge_viz = |k: &str, v: &AttrValue| match k {
        "width" | "alpha" => matches!(v, AttrValue::Float(_)),
        "color" => matches!(v, AttrValue::Text(t) if parse_hex(t).is_some()),
        "label" => matches!(v, AttrValue::Text(_)),
        _ => false,
    };
    let mut ecols: Vec<(String, AttrType)> = Vec::new();
    let plain =
        net.relations.len() == 1 && net.relations.first().is_some_and(|r| r.name == net.name);
    let mut names: Vec<&String> = ties
        .iter()
        .flat_map(|(_, t)| {
            t.attributes
                .iter()
                .filter(|(k, v)| !edge_viz(k, v))
                .map(|(k, _)| k)
        })
        .collect();
    names.sort();
    names.dedup();
    for name in names {
        let (ty, lossy) = AttrType::of(
            ties.iter()
                .filter_map(|(_, t)| t.attributes.get(name).filter(|v| !edge_viz(name, v))),
        );
        if lossy {
            dropped.add(format!("the mixed types of tie attribute {name:?}"));
        }
        add_col(&mut ecols, tie_attr_key(name), ty);
    }
    for (class, cols) in [("node", &ncols), ("edge", &ecols)] {
        if cols.is_empty() {
            continue;
        }
        let _ = writeln!(out, "    <attributes class=\"{class}\" mode=\"static\">");
        for (i, (name, ty)) in cols.iter().enumerate() {
            let _ = writeln!(
                out,
                "      <attribute id=\"{i}\" title=\"{}\" type=\"{}\"/>",
                esc(name, &mut dropped),
                type_attr(*ty)
            );
        }
        out.push_str("    </attributes>\n");
    }
    let col = |cols: &[(String, AttrType)], name: &str| cols.iter().position(|(n, _)| n == name);

    out.push_str("    <nodes>\n");
    for (i, p) in net.people.iter().enumerate() {
        let _ = writeln!(
            out,
            "      <node id=\"{}\" label=\"{}\">",
            esc(&p.id, &mut dropped),
            esc(&p.label, &mut dropped)
        );
        let mut vals: Vec<(usize, String)> = Vec::new();
        if !p.functions.is_empty() {
            if p.functions
                .iter()
                .any(|f| f.contains('|') || f.trim() != f || f.is_empty())
            {
                dropped.add("'|' or blanks around function names");
            }
            if let Some(c) = col(&ncols, "functions") {
                vals.push((c, p.functions.join("|")));
            }
        }
        if let (Some(u), Some(c)) = (&p.unit, col(&ncols, "unit")) {
            vals.push((c, u.clone()));
        }
        if let (Some(l), Some(c)) = (p.level, col(&ncols, "level")) {
            vals.push((c, l.as_str().to_string()));
        }
        if let (false, Some(c)) = (p.responded, col(&ncols, "responded")) {
            vals.push((c, "false".into()));
        }
        for (k, v) in &p.attributes {
            if is_viz(k, v) {
                continue;
            }
            if let Some(c) = col(&ncols, &person_attr_key(k)) {
                let ty = ncols.get(c).map_or(AttrType::Text, |(_, t)| *t);
                vals.push((c, ty.write(v)));
            }
        }
        for part in &net.partitions {
            if let (Some(Some(cl)), Some(c)) = (
                part.classes.get(i),
                col(&ncols, &format!("partition:{}", part.name)),
            ) {
                vals.push((c, cl.to_string()));
            }
        }
        for vec in &net.vectors {
            if let (Some(Some(x)), Some(c)) = (
                vec.values.get(i),
                col(&ncols, &format!("vector:{}", vec.name)),
            ) {
                vals.push((c, x.to_string()));
            }
        }
        if !vals.is_empty() {
            out.push_str("        <attvalues>\n");
            for (c, v) in vals {
                let _ = writeln!(
                    out,
                    "          <attvalue for=\"{c}\" value=\"{}\"/>",
                    esc(&v, &mut dropped)
                );
            }
            out.push_str("        </attvalues>\n");
        }
        spells_xml(&mut out, &p.spells, "        ", &mut dropped);
        if let Some(AttrValue::Text(hex)) = p.attributes.get("color") {
            if let Some((r, g, bl)) = parse_hex(hex) {
                let _ = write!(out, "        <viz:color r=\"{r}\" g=\"{g}\" b=\"{bl}\"");
                if let Some(a) = p.attributes.get("alpha").and_then(num) {
                    let _ = write!(out, " a=\"{a}\"");
                }
                out.push_str("/>\n");
            }
        }
        let (x, y, z) = (
            p.attributes.get("x").and_then(num),
            p.attributes.get("y").and_then(num),
            p.attributes.get("z").and_then(num),
        );
        if x.is_some() || y.is_some() || z.is_some() {
            out.push_str("        <viz:position");
            for (k, v) in [("x", x), ("y", y), ("z", z)] {
                if let Some(v) = v {
                    let _ = write!(out, " {k}=\"{v}\"");
                }
            }
            out.push_str("/>\n");
        }
        if let Some(s) = p.attributes.get("size").and_then(num) {
            let _ = writeln!(out, "        <viz:size value=\"{s}\"/>");
        }
        if let Some(AttrValue::Text(s)) = p.attributes.get("shape") {
            let _ = writeln!(
                out,
                "        <viz:shape value=\"{}\"/>",
                esc(s, &mut dropped)
            );
        }
        out.push_str("      </node>\n");
    }
    out.push_str("    </nodes>\n    <edges>\n");
    for rel in &net.relations {
        if rel.ties.is_empty() && !plain {
            dropped.add(format!("the empty relation {:?}", rel.name));
        }
    }
    for (eid, (rel, t)) in ties.iter().enumerate() {
        let (Some(s), Some(tg)) = (net.people.get(t.source), net.people.get(t.target)) else {
            dropped.add("ties to people that do not exist");
            continue;
        };
        let _ = write!(
            out,
            "      <edge id=\"{eid}\" source=\"{}\" target=\"{}\" weight=\"{}\"",
            esc(&s.id, &mut dropped),
            esc(&tg.id, &mut dropped),
            t.value
        );
        if t.directed != directed {
            let _ = write!(
                out,
                " type=\"{}\"",
                if t.directed { "directed" } else { "undirected" }
            );
        }
        if !plain {
            let _ = write!(out, " kind=\"{}\"", esc(rel, &mut dropped));
        }
        if let Some(AttrValue::Text(l)) = t.attributes.get("label") {
            let _ = write!(out, " label=\"{}\"", esc(l, &mut dropped));
        }
        out.push_str(">\n");
        let mut vals: Vec<(usize, String)> = Vec::new();
        for (k, v) in &t.attributes {
            if edge_viz(k, v) {
                continue;
            }
            if let Some(c) = col(&ecols, &tie_attr_key(k)) {
                let ty = ecols.get(c).map_or(AttrType::Text, |(_, t)| *t);
                vals.push((c, ty.write(v)));
            }
        }
        if !vals.is_empty() {
            out.push_str("        <attvalues>\n");
            for (c, v) in vals {
                let _ = writeln!(
                    out,
                    "          <attvalue for=\"{c}\" value=\"{}\"/>",
                    esc(&v, &mut dropped)
                );
            }
            out.push_str("        </attvalues>\n");
        }
        spells_xml(&mut out, &t.spells, "        ", &mut dropped);
        if let Some(AttrValue::Text(hex)) = t.attributes.get("color") {
            if let Some((r, g, bl)) = parse_hex(hex) {
                let _ = write!(out, "        <viz:color r=\"{r}\" g=\"{g}\" b=\"{bl}\"");
                if let Some(a) = t.attributes.get("alpha").and_then(num) {
                    let _ = write!(out, " a=\"{a}\"");
                }
                out.push_str("/>\n");
            }
        }
        if let Some(w) = t.attributes.get("width").and_then(num) {
            let _ = writeln!(out, "        <viz:thickness value=\"{w}\"/>");
        }
        out.push_str("      </edge>\n");
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    (out.into_bytes(), dropped.into_vec())
}
