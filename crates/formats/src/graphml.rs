//! GraphML reading and writing.
//!
//! Follows the GraphML specification and primer (Brandes et al.,
//! graphml.graphdrawing.org): `<key id for attr.name attr.type>` with an
//! optional `<default>`, `<graph id edgedefault>`, `<node id>`,
//! `<edge source target [directed]>`, `<data key>`. Each top-level
//! `<graph>` becomes a network. Nested graphs (a `<graph>` inside a
//! `<node>`), hyperedges, ports and foreign extensions (e.g. yFiles
//! graphics inside `<data>`) are skipped with a warning.
//!
//! The reader streams: memory grows with the graph, not with the file.

use std::collections::HashMap;
use std::fmt::Write as _;

use quick_xml::events::Event;
use samspill_engine::model::{DIRECTED_ATTRIBUTE, Network};

use crate::builder::{Builder, TieDraft, person_attr_key, spells_text, tie_attr_key};
use crate::common::{decode_text, stem};
use crate::pajek::Dropped;
use crate::xml::{AttrType, Xml, escape, local};
use crate::{Document, FormatError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Domain {
    Graph,
    Node,
    Edge,
    All,
    Other,
}

#[derive(Debug, Clone)]
struct Key {
    name: String,
    domain: Domain,
    ty: AttrType,
    default: Option<String>,
}

impl Key {
    fn applies(&self, d: Domain) -> bool {
        self.domain == d || self.domain == Domain::All
    }
}

struct GraphState {
    b: Builder,
    directed: bool,
    /// igraph and NetworkX name vertices with a `name` attribute: without a
    /// `label` key, `name` gives the label.
    name_is_label: bool,
    /// Line where the graph starts.
    line: usize,
    /// yEd writes node labels only inside its node graphics
    /// (`<y:NodeLabel>`): read them when no `label` key exists.
    yed_labels: bool,
    /// Graphs nested in a node (yEd groups and folders, GraphML's
    /// hierarchical graphs) whose end tags are still to come: their nodes
    /// and edges join this network, as NetworkX reads them.
    nested: usize,
}

/// Reads a GraphML document.
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
    let base = stem(file_name);
    let mut keys: HashMap<String, Key> = HashMap::new();
    let mut key_order: Vec<String> = Vec::new();
    let mut networks: Vec<Network> = Vec::new();
    let mut graph: Option<GraphState> = None;
    let mut seen_root = false;
    let mut warned: Vec<String> = Vec::new();
    // The node or edge whose children are being read.
    let mut node: Option<(usize, Vec<String>)> = None;
    let mut edge: Option<(TieDraft, Vec<String>)> = None;

    loop {
        let ev = x.next()?;
        let (e, empty) = match ev {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(e) => {
                let name = e.local_name().as_ref().to_ascii_lowercase();
                match name.as_str() {
                    "node" => {
                        if let (Some((i, set)), Some(g)) = (node.take(), graph.as_mut()) {
                            apply_defaults_node(&keys, &mut g.b, i, &set);
                        }
                    }
                    "edge" => {
                        if let Some((draft, set)) = edge.take() {
                            finish_edge(&mut x, &keys, graph.as_mut(), draft, &set)?;
                        }
                    }
                    "graph" => {
                        if let Some(g) = graph.as_mut().filter(|g| g.nested > 0) {
                            g.nested -= 1;
                        } else if let Some(g) = graph.take() {
                            networks.push(finish_graph(&mut x, g));
                        }
                    }
                    _ => {}
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let name = local(&e);
        match name.as_str() {
            "graphml" => seen_root = true,
            "key" => {
                let a = x.attrs(&e)?;
                let Some(id) = a.get("id").cloned() else {
                    return Err(x.err("expected an id attribute on <key>"));
                };
                let domain = match a.get("for").map(|s| s.as_str()) {
                    Some("graph") => Domain::Graph,
                    Some("node") => Domain::Node,
                    Some("edge") => Domain::Edge,
                    Some("all") | None => Domain::All,
                    Some(_) => Domain::Other,
                };
                let mut key = Key {
                    name: a.get("attr.name").cloned().unwrap_or_else(|| id.clone()),
                    domain,
                    ty: AttrType::parse(a.get("attr.type").map_or("string", |s| s.as_str())),
                    default: None,
                };
                if !empty {
                    // Children: <default>, <desc>.
                    loop {
                        match x.next()? {
                            Event::Start(c) => {
                                if local(&c) == "default" {
                                    key.default = Some(x.text()?.0);
                                } else {
                                    x.skip(&c)?;
                                }
                            }
                            Event::End(_) => break,
                            Event::Eof => {
                                return Err(x.err("expected </key>, found the end of the file"));
                            }
                            _ => {}
                        }
                    }
                }
                if a.contains_key("yfiles.type") && !warned.contains(&"yfiles".to_string()) {
                    warned.push("yfiles".into());
                    x.warn("yFiles graphics are not read, except node labels; they were skipped");
                }
                if !keys.contains_key(&id) {
                    key_order.push(id.clone());
                }
                keys.insert(id, key);
            }
            "graph" => {
                if !seen_root {
                    return Err(x.err("expected a <graphml> root element before <graph>"));
                }
                if let Some(g) = graph.as_mut() {
                    // A nested graph (a yEd group, or a hierarchical graph
                    // inside a node): its nodes and edges join the network.
                    // The enclosing node's own data came before it.
                    if !empty {
                        if let Some((i, set)) = node.take() {
                            apply_defaults_node(&keys, &mut g.b, i, &set);
                        }
                        g.nested += 1;
                    }
                    if !warned.contains(&"nested".to_string()) {
                        warned.push("nested".into());
                        x.warn(
                            "a nested graph (a group inside a node) was read into the enclosing network; the grouping itself was not kept",
                        );
                    }
                    continue;
                }
                let a = x.attrs(&e)?;
                let directed = match a.get("edgedefault").map(|s| s.as_str()) {
                    Some("directed") => true,
                    Some("undirected") | None => false,
                    Some(other) => {
                        return Err(x.err(format!(
                            "expected edgedefault=\"directed\" or \"undirected\", found {other:?}"
                        )));
                    }
                };
                let name = match a.get("id") {
                    Some(id) if !id.trim().is_empty() => id.clone(),
                    _ if networks.is_empty() => base.clone(),
                    _ => format!("{base} {}", networks.len() + 1),
                };
                let (line, _) = x.here();
                let mut b = Builder::new(name);
                for id in &key_order {
                    if let Some(k) = keys.get(id).filter(|k| k.applies(Domain::Node)) {
                        b.reserve_column(&k.name);
                    }
                }
                let has = |n: &str| {
                    keys.values()
                        .any(|k| k.name == n && k.applies(Domain::Node))
                };
                let g = GraphState {
                    b,
                    directed,
                    name_is_label: !has("label") && has("name"),
                    line,
                    yed_labels: !has("label"),
                    nested: 0,
                };
                if empty {
                    networks.push(finish_graph(&mut x, g));
                } else {
                    graph = Some(g);
                }
            }
            "node" => {
                let Some(g) = graph.as_mut() else {
                    return Err(x.err("expected <node> inside a <graph>"));
                };
                if node.is_some() || edge.is_some() {
                    return Err(x.err("expected </node> or </edge> before a new <node>"));
                }
                let a = x.attrs(&e)?;
                let Some(id) = a.get("id") else {
                    return Err(x.err("expected an id attribute on <node>"));
                };
                let (i, dup) = g.b.declare(id);
                if dup {
                    let msg = format!("node {id:?} is declared twice; the declarations are merged");
                    x.warn(msg);
                }
                if empty {
                    if let Some(g) = graph.as_mut() {
                        apply_defaults_node(&keys, &mut g.b, i, &[]);
                    }
                } else {
                    node = Some((i, Vec::new()));
                }
            }
            "edge" => {
                let Some(g) = graph.as_mut() else {
                    return Err(x.err("expected <edge> inside a <graph>"));
                };
                if node.is_some() || edge.is_some() {
                    return Err(x.err("expected </node> or </edge> before a new <edge>"));
                }
                let a = x.attrs(&e)?;
                let (Some(s), Some(t)) = (a.get("source"), a.get("target")) else {
                    return Err(x.err("expected source and target attributes on <edge>"));
                };
                let directed = match a.get("directed").map(|s| s.as_str()) {
                    None => g.directed,
                    Some("true") | Some("1") => true,
                    Some("false") | Some("0") => false,
                    Some(other) => {
                        return Err(x.err(format!(
                            "expected directed=\"true\" or \"false\", found {other:?}"
                        )));
                    }
                };
                let s = g.b.person_for_tie(s);
                let t = g.b.person_for_tie(t);
                let draft = TieDraft::new(s, t, directed);
                if empty {
                    finish_edge(&mut x, &keys, graph.as_mut(), draft, &[])?;
                } else {
                    edge = Some((draft, Vec::new()));
                }
            }
            "data" => {
                let a = x.attrs(&e)?;
                let Some(k) = a.get("key").cloned() else {
                    return Err(x.err("expected a key attribute on <data>"));
                };
                let (content, children, node_label) = if empty {
                    (String::new(), false, None)
                } else if node.is_some() {
                    x.text_and_child(Some("nodelabel"))?
                } else {
                    x.text_and_child(None)?
                };
                if let (Some(l), Some((i, _)), Some(g)) =
                    (node_label, node.as_ref(), graph.as_mut())
                {
                    if g.yed_labels && !l.trim().is_empty() {
                        g.b.set_person(
                            *i,
                            "label",
                            samspill_engine::model::AttrValue::Text(l.trim().to_string()),
                        );
                    }
                }
                if children {
                    if !warned.contains(&k) {
                        warned.push(k.clone());
                        x.warn(format!(
                            "data for key {k:?} holds XML elements (a foreign extension); it was skipped"
                        ));
                    }
                    continue;
                }
                let domain = if node.is_some() {
                    Domain::Node
                } else if edge.is_some() {
                    Domain::Edge
                } else if graph.is_some() {
                    Domain::Graph
                } else {
                    // Data on the <graphml> element itself.
                    continue;
                };
                let key = match keys.get(&k) {
                    Some(key) => key.clone(),
                    None => {
                        if !warned.contains(&k) {
                            warned.push(k.clone());
                            x.warn(format!(
                                "key {k:?} is used but not declared; it was read as text named {k:?}"
                            ));
                        }
                        Key {
                            name: k.clone(),
                            domain: Domain::All,
                            ty: AttrType::Text,
                            default: None,
                        }
                    }
                };
                if !key.applies(domain) && key.domain != Domain::Other {
                    x.warn(format!(
                        "key {k:?} is not declared for this element; its data was read anyway"
                    ));
                }
                if key.ty == AttrType::Float
                    && content.trim().parse::<f64>().is_ok_and(|v| !v.is_finite())
                    && key.name != "weight"
                {
                    x.warn(format!(
                        "value {:?} of {:?} is not a finite number; it was skipped",
                        content.trim(),
                        key.name
                    ));
                    continue;
                }
                if key.ty.is_missing(&content) {
                    // Once per key: an igraph export may have thousands.
                    let tag = format!("missing:{k}");
                    if !warned.contains(&tag) {
                        warned.push(tag);
                        x.warn(format!(
                            "value {:?} of {:?} is missing (blank or null); it was left out wherever it occurs",
                            content.trim(),
                            key.name
                        ));
                    }
                    continue;
                }
                let Some(value) = key.ty.read(&content) else {
                    return Err(x.err(format!(
                        "expected a {} value for key {:?}, found {content:?}",
                        type_name(key.ty),
                        key.name
                    )));
                };
                match domain {
                    Domain::Node => {
                        if let (Some((i, set)), Some(g)) = (node.as_mut(), graph.as_mut()) {
                            let field = if g.name_is_label && key.name == "name" {
                                "label"
                            } else {
                                key.name.as_str()
                            };
                            g.b.set_person(*i, field, value);
                            set.push(k);
                        }
                    }
                    Domain::Edge => {
                        if let Some((draft, set)) = edge.as_mut() {
                            if let Err(m) = draft.set(&key.name, value) {
                                return Err(x.err(m));
                            }
                            set.push(k);
                        }
                    }
                    _ => {
                        if let Some(g) = graph.as_mut() {
                            g.b.attributes.insert(key.name.clone(), value);
                        }
                    }
                }
            }
            "hyperedge" | "port" | "endpoint" | "locator" => {
                if !warned.contains(&name) {
                    warned.push(name.clone());
                    x.warn(format!("<{name}> is not supported; it was skipped"));
                }
                if !empty {
                    x.skip(&e)?;
                }
            }
            "desc" => {
                if !empty {
                    x.skip(&e)?;
                }
            }
            other => {
                if !seen_root {
                    return Err(x.err(format!(
                        "expected a GraphML document (<graphml>), found <{other}>"
                    )));
                }
                let tag = format!("<{other}>");
                if !warned.contains(&tag) {
                    warned.push(tag.clone());
                    x.warn(format!(
                        "{tag} is not GraphML (a foreign extension); it was skipped"
                    ));
                }
                if !empty {
                    x.skip(&e)?;
                }
            }
        }
    }
    if graph.is_some() || node.is_some() || edge.is_some() {
        return Err(x.err("expected closing tags, found the end of the file"));
    }
    if !seen_root {
        return Err(x.err("expected a GraphML document (<graphml>), found no elements"));
    }
    Ok(Document {
        networks,
        warnings: x.ctx.warnings,
    })
}

fn type_name(t: AttrType) -> &'static str {
    match t {
        AttrType::Bool => "boolean",
        AttrType::Int => "whole number",
        AttrType::Float => "real number",
        AttrType::Text => "text",
    }
}

fn apply_defaults_node(keys: &HashMap<String, Key>, b: &mut Builder, i: usize, set: &[String]) {
    for (id, key) in keys {
        if key.applies(Domain::Node) && !set.contains(id) {
            if let Some(v) = key.default.as_deref().and_then(|d| key.ty.read(d)) {
                b.set_person(i, &key.name, v);
            }
        }
    }
}

fn finish_edge(
    x: &mut Xml<'_>,
    keys: &HashMap<String, Key>,
    graph: Option<&mut GraphState>,
    mut draft: TieDraft,
    set: &[String],
) -> Result<(), FormatError> {
    for (id, key) in keys {
        if key.applies(Domain::Edge) && !set.contains(id) {
            if let Some(v) = key.default.as_deref().and_then(|d| key.ty.read(d)) {
                if let Err(m) = draft.set(&key.name, v) {
                    return Err(x.err(m));
                }
            }
        }
    }
    if let Some(g) = graph {
        g.b.add_tie(draft.relation.as_deref(), draft.tie);
    }
    Ok(())
}

fn finish_graph(x: &mut Xml<'_>, g: GraphState) -> Network {
    if let (n, Some(first)) = (g.b.implicit.0, g.b.implicit.1.clone()) {
        if n > 0 {
            x.ctx.warn(
                Some(g.line),
                format!(
                    "graph {:?}: {n} node(s) are named by edges but not declared (the first is {first:?}); they were added",
                    g.b.name
                ),
            );
        }
    }
    let directed = g.directed;
    let mut net = g.b.finish();
    if directed && net.relations.iter().all(|r| r.ties.is_empty()) {
        // `edgedefault="directed"` with no edges stays directed (issue 14).
        net.attributes.insert(
            DIRECTED_ATTRIBUTE.to_string(),
            samspill_engine::model::AttrValue::Bool(true),
        );
    }
    net
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

/// One declared key.
struct OutKey {
    id: String,
    ty: AttrType,
}

fn esc(s: &str, dropped: &mut Dropped) -> String {
    let (e, bad) = escape(s);
    if bad {
        dropped.add("control characters XML cannot hold (replaced with U+FFFD)");
    }
    e.into_owned()
}

/// Writes networks as one GraphML document, one `<graph>` per network.
/// Node ids are the person ids (repeated across graphs when people are).
pub(crate) fn write(networks: &[Network]) -> (Vec<u8>, Vec<String>) {
    let mut dropped = Dropped::default();
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    // Keys: every name used anywhere, declared once before any graph.
    let mut node_keys: Vec<(String, OutKey)> = Vec::new();
    let mut edge_keys: Vec<(String, OutKey)> = Vec::new();
    let mut graph_keys: Vec<(String, OutKey)> = Vec::new();
    let mut next = 0usize;
    let mut declare = |list: &mut Vec<(String, OutKey)>, name: String, ty: AttrType| {
        if !list.iter().any(|(n, _)| *n == name) {
            list.push((
                name,
                OutKey {
                    id: format!("d{next}"),
                    ty,
                },
            ));
            next += 1;
        }
    };
    let people = || networks.iter().flat_map(|n| n.people.iter());
    let ties = || {
        networks
            .iter()
            .flat_map(|n| n.relations.iter().flat_map(|r| r.ties.iter()))
    };
    declare(&mut node_keys, "label".into(), AttrType::Text);
    if people().any(|p| !p.functions.is_empty()) {
        declare(&mut node_keys, "functions".into(), AttrType::Text);
    }
    if people().any(|p| p.unit.is_some()) {
        declare(&mut node_keys, "unit".into(), AttrType::Text);
    }
    if people().any(|p| p.level.is_some()) {
        declare(&mut node_keys, "level".into(), AttrType::Text);
    }
    if people().any(|p| !p.responded) {
        declare(&mut node_keys, "responded".into(), AttrType::Bool);
    }
    if people().any(|p| !p.spells.is_empty()) {
        declare(&mut node_keys, "spells".into(), AttrType::Text);
    }
    let mut names: Vec<&String> = people().flat_map(|p| p.attributes.keys()).collect();
    names.sort();
    names.dedup();
    for name in names {
        let (ty, lossy) = AttrType::of(people().filter_map(|p| p.attributes.get(name)));
        if lossy {
            dropped.add(format!("the mixed types of person attribute {name:?}"));
        }
        declare(&mut node_keys, person_attr_key(name), ty);
    }
    for net in networks {
        for p in &net.partitions {
            if p.classes.iter().all(Option::is_none) {
                dropped.add(format!("partition {:?}, which has no classes", p.name));
            }
        }
        for v in &net.vectors {
            if v.values.iter().all(Option::is_none) {
                dropped.add(format!("vector {:?}, which has no values", v.name));
            }
        }
        for p in &net.partitions {
            declare(
                &mut node_keys,
                format!("partition:{}", p.name),
                AttrType::Int,
            );
        }
        for v in &net.vectors {
            declare(
                &mut node_keys,
                format!("vector:{}", v.name),
                AttrType::Float,
            );
        }
    }
    declare(&mut edge_keys, "weight".into(), AttrType::Float);
    if networks
        .iter()
        .any(|n| n.relations.len() > 1 || n.relations.first().is_some_and(|r| r.name != n.name))
    {
        declare(&mut edge_keys, "relation".into(), AttrType::Text);
    }
    if ties().any(|t| !t.spells.is_empty()) {
        declare(&mut edge_keys, "spells".into(), AttrType::Text);
    }
    let mut names: Vec<&String> = ties().flat_map(|t| t.attributes.keys()).collect();
    names.sort();
    names.dedup();
    for name in names {
        let (ty, lossy) = AttrType::of(ties().filter_map(|t| t.attributes.get(name)));
        if lossy {
            dropped.add(format!("the mixed types of tie attribute {name:?}"));
        }
        declare(&mut edge_keys, tie_attr_key(name), ty);
    }
    // The declared direction is written as `edgedefault`, not as data.
    let mut names: Vec<&String> = networks
        .iter()
        .flat_map(|n| n.attributes.keys())
        .filter(|k| k.as_str() != DIRECTED_ATTRIBUTE)
        .collect();
    names.sort();
    names.dedup();
    for name in names {
        let (ty, lossy) = AttrType::of(networks.iter().filter_map(|n| n.attributes.get(name)));
        if lossy {
            dropped.add(format!("the mixed types of network attribute {name:?}"));
        }
        declare(&mut graph_keys, name.clone(), ty);
    }
    for (domain, list) in [
        ("graph", &graph_keys),
        ("node", &node_keys),
        ("edge", &edge_keys),
    ] {
        for (name, k) in list {
            let _ = writeln!(
                out,
                "  <key id=\"{}\" for=\"{domain}\" attr.name=\"{}\" attr.type=\"{}\"/>",
                k.id,
                esc(name, &mut dropped),
                type_attr(k.ty)
            );
        }
    }
    let key_of = |list: &[(String, OutKey)], name: &str| -> Option<(String, AttrType)> {
        list.iter()
            .find(|(n, _)| n == name)
            .map(|(_, k)| (k.id.clone(), k.ty))
    };
    let mut graph_ids: Vec<String> = Vec::new();
    for net in networks {
        let mut gid = net.name.clone();
        if graph_ids.contains(&gid) {
            dropped.add("repeated network names (made unique)");
            let mut k = 2;
            while graph_ids.contains(&format!("{} {k}", net.name)) {
                k += 1;
            }
            gid = format!("{} {k}", net.name);
        }
        graph_ids.push(gid.clone());
        let arcs = net
            .relations
            .iter()
            .flat_map(|r| &r.ties)
            .filter(|t| t.directed)
            .count();
        let all = net.relations.iter().map(|r| r.ties.len()).sum::<usize>();
        let directed = if all == 0 {
            net.relations
                .first()
                .is_some_and(|r| net.relation_directed(r))
        } else {
            arcs * 2 >= all
        };
        let _ = writeln!(
            out,
            "  <graph id=\"{}\" edgedefault=\"{}\">",
            esc(&gid, &mut dropped),
            if directed { "directed" } else { "undirected" }
        );
        for (name, v) in &net.attributes {
            if name == DIRECTED_ATTRIBUTE {
                continue;
            }
            if let Some((id, ty)) = key_of(&graph_keys, name) {
                let _ = writeln!(
                    out,
                    "    <data key=\"{id}\">{}</data>",
                    esc(&ty.write(v), &mut dropped)
                );
            }
        }
        for (i, p) in net.people.iter().enumerate() {
            let _ = writeln!(out, "    <node id=\"{}\">", esc(&p.id, &mut dropped));
            let mut data = |name: &str, text: &str, dropped: &mut Dropped| {
                if let Some((id, _)) = key_of(&node_keys, name) {
                    let _ = writeln!(
                        out,
                        "      <data key=\"{id}\">{}</data>",
                        esc(text, dropped)
                    );
                }
            };
            data("label", &p.label, &mut dropped);
            if !p.functions.is_empty() {
                if p.functions
                    .iter()
                    .any(|f| f.contains('|') || f.trim() != f || f.is_empty())
                {
                    dropped.add("'|' or blanks around function names");
                }
                data("functions", &p.functions.join("|"), &mut dropped);
            }
            if let Some(u) = &p.unit {
                data("unit", u, &mut dropped);
            }
            if let Some(l) = p.level {
                data("level", l.as_str(), &mut dropped);
            }
            if !p.responded {
                data("responded", "false", &mut dropped);
            }
            if !p.spells.is_empty() {
                match spells_text(&p.spells) {
                    Some(s) => data("spells", &s, &mut dropped),
                    None => dropped.add("person spells with dates or text points"),
                }
            }
            for (name, v) in &p.attributes {
                let key = person_attr_key(name);
                if let Some((_, ty)) = key_of(&node_keys, &key) {
                    data(&key, &ty.write(v), &mut dropped);
                }
            }
            for part in &net.partitions {
                if let Some(Some(c)) = part.classes.get(i) {
                    data(
                        &format!("partition:{}", part.name),
                        &c.to_string(),
                        &mut dropped,
                    );
                }
            }
            for vec in &net.vectors {
                if let Some(Some(x)) = vec.values.get(i) {
                    data(
                        &format!("vector:{}", vec.name),
                        &x.to_string(),
                        &mut dropped,
                    );
                }
            }
            out.push_str("    </node>\n");
        }
        let plain =
            net.relations.len() == 1 && net.relations.first().is_some_and(|r| r.name == net.name);
        let mut eid = 0usize;
        for rel in &net.relations {
            if rel.ties.is_empty() && !plain {
                dropped.add(format!("the empty relation {:?}", rel.name));
            }
            for t in &rel.ties {
                let (Some(s), Some(tg)) = (net.people.get(t.source), net.people.get(t.target))
                else {
                    dropped.add("ties to people that do not exist");
                    continue;
                };
                let _ = write!(
                    out,
                    "    <edge id=\"e{eid}\" source=\"{}\" target=\"{}\"",
                    esc(&s.id, &mut dropped),
                    esc(&tg.id, &mut dropped)
                );
                eid += 1;
                if t.directed != directed {
                    let _ = write!(out, " directed=\"{}\"", t.directed);
                }
                out.push_str(">\n");
                let mut data = |name: &str, text: &str, dropped: &mut Dropped| {
                    if let Some((id, _)) = key_of(&edge_keys, name) {
                        let _ = writeln!(
                            out,
                            "      <data key=\"{id}\">{}</data>",
                            esc(text, dropped)
                        );
                    }
                };
                data("weight", &t.value.to_string(), &mut dropped);
                if !plain {
                    data("relation", &rel.name, &mut dropped);
                }
                if !t.spells.is_empty() {
                    match spells_text(&t.spells) {
                        Some(s) => data("spells", &s, &mut dropped),
                        None => dropped.add("tie spells with dates or text points"),
                    }
                }
                for (name, v) in &t.attributes {
                    let key = tie_attr_key(name);
                    if let Some((_, ty)) = key_of(&edge_keys, &key) {
                        data(&key, &ty.write(v), &mut dropped);
                    }
                }
                out.push_str("    </edge>\n");
            }
        }
        out.push_str("  </graph>\n");
    }
    out.push_str("</graphml>\n");
    (out.into_bytes(), dropped.into_vec())
}
