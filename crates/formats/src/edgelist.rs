//! CSV edge lists and node-attribute tables.
//!
//! Edge list columns (header names are matched case-insensitively, English,
//! Norwegian and Danish):
//!
//! | meaning | names |
//! |---|---|
//! | source id | source, from, src, sender, ego, respondent, fra, kilde, avsender, afsender |
//! | target id | target, to, dst, receiver, alter, til, mål, mottaker, modtager |
//! | value | weight, value, strength, frequency, styrke, vekt, verdi, værdi, vægt, frekvens, hyppighet, hyppighed |
//! | relation | relation, relationship, type, layer, relasjon, relasjonstype, relationstype |
//! | directed | directed, rettet |
//! | time | spells, time (Pajek time-mark syntax: `1-4`, `1,3-5`, `5-*`) |
//!
//! Other columns become tie attributes; a column named `attr:NAME` is the
//! attribute `NAME` whatever `NAME` is. Without a header the columns are
//! source, target, value, relation. Values may use a decimal comma, or be
//! frequency words (daily/weekly/monthly/rarer, daglig/ukentlig/månedlig/
//! sjeldnere, dagligt/ugentligt/månedligt/sjældnere) which map to 3/2/1/0.
//!
//! The node table has columns id, label, functions (separated by `|`),
//! unit, level, responded, spells, `partition:NAME` (whole numbers),
//! `vector:NAME` (reals); other columns become person attributes.
//!
//! The delimiter (`,` `;` or tab; whitespace for files with none of these)
//! is detected from the first lines. Text is UTF-8 with or without BOM, or
//! Windows-1252. In messages the column is the field number.

use std::collections::{BTreeMap, HashMap};

use samspill_engine::model::{
    AttrValue, Frequency, Level, Network, Partition, Person, Relation, Spell, Tie, Vector,
};

use crate::common::{Ctx, decode_text, lines, parse_finite, stem};
use crate::pajek::{Dropped, parse_spells, time_mark};
use crate::{Document, FormatError, ReadOptions, WriteOptions};

const SOURCE: &[&str] = &[
    "source",
    "from",
    "src",
    "sender",
    "ego",
    "respondent",
    "fra",
    "kilde",
    "avsender",
    "afsender",
    "source id",
    "source_id",
    "from_id",
];
const TARGET: &[&str] = &[
    "target",
    "to",
    "dst",
    "receiver",
    "alter",
    "til",
    "mål",
    "maal",
    "mottaker",
    "modtager",
    "target id",
    "target_id",
    "to_id",
];
const WEIGHT: &[&str] = &[
    "weight",
    "value",
    "strength",
    "frequency",
    "styrke",
    "vekt",
    "verdi",
    "værdi",
    "vægt",
    "frekvens",
    "hyppighet",
    "hyppighed",
];
const RELATION: &[&str] = &[
    "relation",
    "relationship",
    "type",
    "layer",
    "relasjon",
    "relasjonstype",
    "relationstype",
];
const DIRECTED: &[&str] = &["directed", "rettet"];
const SPELLS: &[&str] = &["spells", "time"];

const NODE_ID: &[&str] = &["id", "node", "node_id", "nodeid", "person", "person_id"];
const NODE_LABEL: &[&str] = &["label", "name", "navn"];
const NODE_FUNCTIONS: &[&str] = &[
    "functions",
    "function",
    "funksjon",
    "funksjoner",
    "funktion",
    "funktioner",
];
const NODE_UNIT: &[&str] = &["unit", "enhet", "enhed", "avdeling", "afdeling"];
const NODE_LEVEL: &[&str] = &["level", "nivå", "niveau", "niva"];
const NODE_RESPONDED: &[&str] = &["responded", "svart", "besvart", "har svart", "har svaret"];

fn norm(h: &str) -> String {
    h.trim().trim_start_matches('\u{feff}').to_lowercase()
}

fn is(names: &[&str], h: &str) -> bool {
    names.contains(&norm(h).as_str())
}

/// How fields are separated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Delim {
    Byte(u8),
    Whitespace,
}

/// Counts a byte outside double quotes.
fn count_outside_quotes(line: &str, b: u8) -> usize {
    let mut quoted = false;
    let mut n = 0;
    for &c in line.as_bytes() {
        if c == b'"' {
            quoted = !quoted;
        } else if c == b && !quoted {
            n += 1;
        }
    }
    n
}

fn detect_delimiter(text: &str, file_name: &str) -> Delim {
    if file_name.to_ascii_lowercase().ends_with(".tsv") {
        return Delim::Byte(b'\t');
    }
    let sample: Vec<&str> = lines(text)
        .map(|(_, l)| l)
        .filter(|l| !l.trim().is_empty())
        .take(20)
        .collect();
    let Some(first) = sample.first() else {
        return Delim::Byte(b',');
    };
    for b in [b'\t', b';', b','] {
        let n = count_outside_quotes(first, b);
        if n > 0 && sample.iter().all(|l| count_outside_quotes(l, b) == n) {
            return Delim::Byte(b);
        }
    }
    let best = [b'\t', b';', b',']
        .into_iter()
        .max_by_key(|&b| count_outside_quotes(first, b))
        .unwrap_or(b',');
    if count_outside_quotes(first, best) > 0 {
        Delim::Byte(best)
    } else if first.trim().contains(char::is_whitespace) {
        Delim::Whitespace
    } else {
        Delim::Byte(b',')
    }
}

/// Where a quoted field opens that is never closed, as `(line, field)`:
/// the CSV reader would otherwise read the rest of the file into that one
/// field (issue 14). A quote opens a field only as its first character
/// (RFC 4180); inside, `""` is a quote and a lone `"` closes it.
fn unclosed_quote(text: &str, delim: u8) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let (mut line, mut field) = (1usize, 1usize);
    let mut at_field_start = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if at_field_start && b == b'"' {
            let (open_line, open_field) = (line, field);
            i += 1;
            loop {
                match bytes.get(i) {
                    None => return Some((open_line, open_field)),
                    Some(b'"') if bytes.get(i + 1) == Some(&b'"') => i += 2,
                    Some(b'"') => {
                        i += 1;
                        break;
                    }
                    Some(b'\n') => {
                        line += 1;
                        i += 1;
                    }
                    Some(_) => i += 1,
                }
            }
            at_field_start = false;
            continue;
        }
        if b == delim {
            field += 1;
            at_field_start = true;
        } else if b == b'\n' {
            line += 1;
            field = 1;
            at_field_start = true;
        } else if b != b'\r' {
            at_field_start = false;
        }
        i += 1;
    }
    None
}

/// Calls `f(line, fields)` for every non-empty record.
fn for_each_record(
    text: &str,
    delim: Delim,
    ctx: &Ctx,
    mut f: impl FnMut(usize, &[&str]) -> Result<(), FormatError>,
) -> Result<(), FormatError> {
    match delim {
        Delim::Whitespace => {
            let mut fields = Vec::new();
            for (no, line) in lines(text) {
                if line.trim_start().starts_with('#') || line.trim_start().starts_with('%') {
                    continue;
                }
                fields.clear();
                fields.extend(line.split_whitespace());
                if fields.is_empty() {
                    continue;
                }
                f(no, &fields)?;
            }
            Ok(())
        }
        Delim::Byte(b) => {
            if let Some((line, field)) = unclosed_quote(text, b) {
                return Err(ctx.err_text(
                    Some(line),
                    Some(field),
                    "a quote opens here and is never closed: the rest of the file would be one field",
                    crate::Text::new("formats-csv-unclosed-quote", Vec::new()),
                ));
            }
            let mut rdr = csv::ReaderBuilder::new()
                .delimiter(b)
                .has_headers(false)
                .flexible(true)
                .from_reader(text.as_bytes());
            let mut rec = csv::StringRecord::new();
            loop {
                match rdr.read_record(&mut rec) {
                    Ok(false) => return Ok(()),
                    Ok(true) => {}
                    Err(e) => {
                        let line = e.position().map_or(0, |p| p.line() as usize);
                        return Err(ctx.err(line, format!("expected a CSV record: {e}")));
                    }
                }
                let line = rec.position().map_or(0, |p| p.line() as usize);
                let fields: Vec<&str> = rec.iter().collect();
                if fields.iter().all(|s| s.trim().is_empty()) {
                    continue;
                }
                f(line, &fields)?;
            }
        }
    }
}

/// Parses a number with a decimal point or a decimal comma.
pub(crate) fn parse_number(s: &str) -> Option<f64> {
    let t = s.trim();
    parse_finite(t).or_else(|| {
        if t.matches(',').count() == 1 && !t.contains('.') {
            parse_finite(&t.replace(',', "."))
        } else {
            None
        }
    })
}

/// A tie value: a number or a frequency word.
fn parse_value(s: &str) -> Option<f64> {
    if let Some(v) = parse_number(s) {
        return Some(v);
    }
    let w = s.trim().to_lowercase();
    if let Some(f) = Frequency::parse(&w) {
        return Some(f.strength());
    }
    let f = match w.as_str() {
        "daglig" | "dagligt" => Frequency::Daily,
        "ukentlig" | "ugentlig" | "ugentligt" | "vekentleg" => Frequency::Weekly,
        "månedlig" | "månedligt" | "månadleg" | "maanedlig" => Frequency::Monthly,
        "sjeldnere" | "sjældnere" | "sjeldnare" | "sjelden" | "sjældent" => Frequency::Rarer,
        _ => return None,
    };
    Some(f.strength())
}

/// A yes/no cell.
pub(crate) fn parse_bool(s: &str) -> Option<bool> {
    match s.trim().to_lowercase().as_str() {
        "yes" | "true" | "1" | "ja" | "y" | "j" | "sant" | "x" => Some(true),
        "no" | "false" | "0" | "nei" | "nej" | "n" | "usant" => Some(false),
        _ => None,
    }
}

/// A level: the machine name, or a common Norwegian / Danish word.
pub(crate) fn parse_level(s: &str) -> Option<Level> {
    let w = s.trim().to_lowercase().replace([' ', '-'], "_");
    Level::parse(&w).or(match w.as_str() {
        "toppledelse" | "topledelse" | "toppleiing" | "top_management" => {
            Some(Level::TopManagement)
        }
        "leder" | "leiar" | "mellemleder" | "mellomleder" => Some(Level::Leader),
        "fagperson" | "fagmedarbeider" | "medarbejder" | "medarbeider" | "saksbehandler"
        | "sagsbehandler" => Some(Level::Professional),
        "politiker" | "politikar" | "folkevalgt" => Some(Level::Politician),
        "ekstern" | "external_partner" => Some(Level::External),
        _ => None,
    })
}

/// Types a free cell: whole number, real, true/false, or text.
pub(crate) fn infer_value(s: &str) -> AttrValue {
    let t = s.trim();
    if let Ok(i) = t.parse::<i64>() {
        return AttrValue::Int(i);
    }
    if let Some(f) = parse_finite(t) {
        return AttrValue::Float(f);
    }
    match t {
        "true" => AttrValue::Bool(true),
        "false" => AttrValue::Bool(false),
        _ => AttrValue::Text(s.to_string()),
    }
}

/// A column that becomes an attribute: `attr:NAME` gives `NAME`.
fn attr_name(h: &str) -> String {
    let t = h.trim().trim_start_matches('\u{feff}');
    t.strip_prefix("attr:").unwrap_or(t).to_string()
}

#[derive(Default)]
struct EdgeColumns {
    source: usize,
    target: usize,
    weight: Option<usize>,
    relation: Option<usize>,
    directed: Option<usize>,
    spells: Option<usize>,
    attrs: Vec<(usize, String)>,
}

fn edge_columns(header: &[&str]) -> EdgeColumns {
    let find = |names: &[&str]| header.iter().position(|h| is(names, h));
    let source = find(SOURCE);
    let target = find(TARGET);
    let (source, target) = match (source, target) {
        (Some(s), Some(t)) => (s, t),
        _ => (0, 1),
    };
    let weight = find(WEIGHT).filter(|&i| i != source && i != target);
    let relation = find(RELATION).filter(|&i| i != source && i != target);
    let directed = find(DIRECTED);
    let spells = find(SPELLS);
    let known = [
        Some(source),
        Some(target),
        weight,
        relation,
        directed,
        spells,
    ];
    let attrs = header
        .iter()
        .enumerate()
        .filter(|(i, h)| !known.contains(&Some(*i)) && !h.trim().is_empty())
        .map(|(i, h)| (i, attr_name(h)))
        .collect();
    EdgeColumns {
        source,
        target,
        weight,
        relation,
        directed,
        spells,
        attrs,
    }
}

fn looks_like_header(first: &[&str], second: Option<&[&str]>) -> bool {
    let known = [SOURCE, TARGET, WEIGHT, RELATION, DIRECTED, SPELLS];
    if first.iter().any(|h| known.iter().any(|names| is(names, h))) {
        return true;
    }
    if first.iter().any(|h| h.trim().starts_with("attr:")) {
        return true;
    }
    // A third column that is not a value above one that is.
    match (first.get(2), second.and_then(|s| s.get(2))) {
        (Some(a), Some(b)) => parse_value(a).is_none() && parse_value(b).is_some(),
        _ => false,
    }
}

/// Reads a CSV edge list, with the node table from `opts` if any.
pub(crate) fn read(
    bytes: &[u8],
    file_name: &str,
    opts: &ReadOptions,
) -> Result<Document, FormatError> {
    let mut ctx = Ctx::new(file_name);
    let (text, fallback) = decode_text(bytes);
    if fallback {
        ctx.warn(None, "the file is not UTF-8; it was read as Windows-1252");
    }
    let delim = detect_delimiter(&text, file_name);
    let name = stem(file_name);

    // The node table first: it fixes the order of people.
    let mut people: Vec<Person> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut partitions: Vec<Partition> = Vec::new();
    let mut vectors: Vec<Vector> = Vec::new();
    let mut warnings = Vec::new();
    let node_bytes = match (&opts.nodes_bytes, &opts.nodes) {
        (Some((n, b)), _) => Some((n.clone(), b.clone())),
        (None, Some(path)) => {
            let n = path.display().to_string();
            let file = std::fs::File::open(path).map_err(|e| {
                FormatError::translated(
                    crate::Location::file(&n),
                    format!("cannot read the node table: {e}"),
                    crate::Text::new(
                        "formats-cannot-read-nodes",
                        vec![("reason", crate::TextArg::Str(e.to_string()))],
                    ),
                )
            })?;
            let b = crate::limits::read_capped(file, opts.limits.max_file_bytes, &n)?;
            Some((n, b))
        }
        (None, None) => None,
    };
    let from_table = node_bytes.is_some();
    if let Some((node_name, node_bytes)) = node_bytes {
        let nodes = read_nodes(&node_bytes, &node_name)?;
        people = nodes.people;
        partitions = nodes.partitions;
        vectors = nodes.vectors;
        warnings = nodes.warnings;
        for (i, p) in people.iter().enumerate() {
            index.insert(p.id.clone(), i);
        }
    }

    let mut header_seen: Option<EdgeColumns> = None;
    let mut pending_first: Option<(usize, Vec<String>)> = None;
    let mut relations: Vec<Relation> = Vec::new();
    let mut rel_index: HashMap<String, usize> = HashMap::new();
    let mut added_unknown: Vec<(String, usize)> = Vec::new();
    let mut added_count = 0usize;

    let mut handle = |no: usize,
                      fields: &[&str],
                      cols: &EdgeColumns,
                      ctx: &Ctx|
     -> Result<(), FormatError> {
        let get = |i: usize| fields.get(i).map_or("", |s| s.trim());
        let src = get(cols.source);
        let tgt = get(cols.target);
        if src.is_empty() && tgt.is_empty() {
            return Ok(());
        }
        if src.is_empty() {
            return Err(ctx.err_at(
                no,
                cols.source + 1,
                "expected a source id, found an empty cell",
            ));
        }
        let mut person = |id: &str| -> usize {
            if let Some(&i) = index.get(id) {
                return i;
            }
            let i = people.len();
            people.push(Person::new(id, id));
            index.insert(id.to_string(), i);
            if from_table {
                added_count += 1;
                if added_unknown.is_empty() {
                    added_unknown.push((id.to_string(), no));
                }
            }
            i
        };
        if tgt.is_empty() {
            // A row with only a source declares a person without ties; a
            // row with a value (or anything else) but no target is a tie
            // whose target is missing.
            let other = fields
                .iter()
                .enumerate()
                .any(|(i, f)| i != cols.source && i != cols.target && !f.trim().is_empty());
            if other {
                return Err(ctx.err_text(
                    Some(no),
                    Some(cols.target + 1),
                    "expected a target id, found an empty cell (the row has a value, so it is not a person without ties)",
                    crate::Text::new("formats-csv-missing-target", Vec::new()),
                ));
            }
            person(src);
            return Ok(());
        }
        let s = person(src);
        let t = person(tgt);
        let value = match cols.weight.map(get) {
            None | Some("") => 1.0,
            Some(w) => parse_value(w).ok_or_else(|| {
                ctx.err_at(
                    no,
                    cols.weight.unwrap_or(0) + 1,
                    format!(
                        "expected a tie value (a number, or daily/weekly/monthly/rarer), found {w:?}"
                    ),
                )
            })?,
        };
        let directed = match cols.directed.map(get) {
            None | Some("") => !opts.undirected,
            Some(d) => match d.to_lowercase().as_str() {
                "directed" | "arc" | "rettet" => true,
                "undirected" | "edge" | "urettet" => false,
                _ => parse_bool(d).ok_or_else(|| {
                    ctx.err_at(
                        no,
                        cols.directed.unwrap_or(0) + 1,
                        format!("expected true or false in the directed column, found {d:?}"),
                    )
                })?,
            },
        };
        let spells: Vec<Spell> = match cols.spells.map(get) {
            None | Some("") => Vec::new(),
            Some(sp) => {
                parse_spells(sp.trim_start_matches('[').trim_end_matches(']')).ok_or_else(|| {
                    ctx.err_at(
                        no,
                        cols.spells.unwrap_or(0) + 1,
                        format!("expected time points such as 3, 1-4 or 1,3-5, found {sp:?}"),
                    )
                })?
            }
        };
        let mut attributes = BTreeMap::new();
        for (i, key) in &cols.attrs {
            let v = get(*i);
            if !v.is_empty() {
                attributes.insert(key.clone(), infer_value(v));
            }
        }
        let rel_name = match cols.relation.map(get) {
            None | Some("") => name.as_str(),
            Some(r) => r,
        };
        let r = match rel_index.get(rel_name) {
            Some(&r) => r,
            None => {
                relations.push(Relation {
                    name: rel_name.to_string(),
                    ties: Vec::new(),
                });
                rel_index.insert(rel_name.to_string(), relations.len() - 1);
                relations.len() - 1
            }
        };
        if let Some(rel) = relations.get_mut(r) {
            rel.ties.push(Tie {
                source: s,
                target: t,
                value,
                directed,
                spells,
                attributes,
            });
        }
        Ok(())
    };

    let mut count = 0usize;
    for_each_record(&text, delim, &ctx, |no, fields| {
        count += 1;
        if let Some(cols) = &header_seen {
            return handle(no, fields, cols, &ctx);
        }
        match pending_first.take() {
            None => {
                if fields.len() < 2 {
                    return Err(ctx.err(
                        no,
                        "expected at least two columns (source and target) separated by , ; or tab",
                    ));
                }
                pending_first = Some((no, fields.iter().map(|s| s.to_string()).collect()));
                Ok(())
            }
            Some((first_no, first)) => {
                let first_ref: Vec<&str> = first.iter().map(String::as_str).collect();
                if looks_like_header(&first_ref, Some(fields)) {
                    header_seen = Some(edge_columns(&first_ref));
                } else {
                    let cols = positional_columns(first_ref.len().max(fields.len()));
                    handle(first_no, &first_ref, &cols, &ctx)?;
                    header_seen = Some(cols);
                }
                match &header_seen {
                    Some(cols) => handle(no, fields, cols, &ctx),
                    None => Ok(()),
                }
            }
        }
    })?;
    // A file of one record: a header alone, or one tie.
    if let Some((first_no, first)) = pending_first.take() {
        let first_ref: Vec<&str> = first.iter().map(String::as_str).collect();
        if !looks_like_header(&first_ref, None) {
            let cols = positional_columns(first_ref.len());
            handle(first_no, &first_ref, &cols, &ctx)?;
        }
    }
    if relations.is_empty() {
        relations.push(Relation {
            name: name.clone(),
            ties: Vec::new(),
        });
    }
    let mut attributes = BTreeMap::new();
    if !opts.undirected && relations.iter().all(|r| r.ties.is_empty()) {
        // Edge lists are directed unless told otherwise, with or without
        // ties to show it.
        attributes.insert(
            samspill_engine::model::DIRECTED_ATTRIBUTE.to_string(),
            AttrValue::Bool(true),
        );
    }
    if let Some((id, line)) = added_unknown.first() {
        ctx.warn(
            Some(*line),
            format!(
                "{added_count} id(s) in the edge list are not in the node table (the first is {id:?}); they were added without attributes"
            ),
        );
    }
    let n = people.len();
    for p in &mut partitions {
        p.classes.resize(n, None);
    }
    for v in &mut vectors {
        v.values.resize(n, None);
    }
    let mut all_warnings = warnings;
    all_warnings.extend(ctx.warnings);
    Ok(Document {
        networks: vec![Network {
            name,
            people,
            relations,
            partitions,
            vectors,
            attributes,
        }],
        warnings: all_warnings,
    })
}

fn positional_columns(width: usize) -> EdgeColumns {
    EdgeColumns {
        source: 0,
        target: 1,
        weight: (width > 2).then_some(2),
        relation: (width > 3).then_some(3),
        ..EdgeColumns::default()
    }
}

struct Nodes {
    people: Vec<Person>,
    partitions: Vec<Partition>,
    vectors: Vec<Vector>,
    warnings: Vec<crate::Warning>,
}

enum NodeCol {
    Id,
    Label,
    Functions,
    Unit,
    Level,
    Responded,
    Spells,
    Partition(usize),
    Vector(usize),
    Attr(String),
    Ignore,
}

fn read_nodes(bytes: &[u8], file_name: &str) -> Result<Nodes, FormatError> {
    let mut ctx = Ctx::new(file_name);
    let (text, fallback) = decode_text(bytes);
    if fallback {
        ctx.warn(None, "the file is not UTF-8; it was read as Windows-1252");
    }
    let delim = detect_delimiter(&text, file_name);
    let mut cols: Option<Vec<NodeCol>> = None;
    let mut people: Vec<Person> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut partitions: Vec<Partition> = Vec::new();
    let mut vectors: Vec<Vector> = Vec::new();
    for_each_record(&text, delim, &ctx, |no, fields| {
        let Some(cols) = &cols else {
            let mut c = Vec::new();
            let mut has_id = false;
            for h in fields {
                let t = h.trim().trim_start_matches('\u{feff}');
                let col = if let Some(p) = t.strip_prefix("partition:") {
                    partitions.push(Partition {
                        name: p.to_string(),
                        classes: Vec::new(),
                    });
                    NodeCol::Partition(partitions.len() - 1)
                } else if let Some(v) = t.strip_prefix("vector:") {
                    vectors.push(Vector {
                        name: v.to_string(),
                        values: Vec::new(),
                    });
                    NodeCol::Vector(vectors.len() - 1)
                } else if t.starts_with("attr:") {
                    NodeCol::Attr(attr_name(t))
                } else if is(NODE_ID, t) && !has_id {
                    has_id = true;
                    NodeCol::Id
                } else if is(NODE_LABEL, t) {
                    NodeCol::Label
                } else if is(NODE_FUNCTIONS, t) {
                    NodeCol::Functions
                } else if is(NODE_UNIT, t) {
                    NodeCol::Unit
                } else if is(NODE_LEVEL, t) {
                    NodeCol::Level
                } else if is(NODE_RESPONDED, t) {
                    NodeCol::Responded
                } else if is(SPELLS, t) {
                    NodeCol::Spells
                } else if t.is_empty() {
                    NodeCol::Ignore
                } else {
                    NodeCol::Attr(t.to_string())
                };
                c.push(col);
            }
            if !has_id {
                return Err(ctx.err(
                    no,
                    "expected a header with an id column (id, label, functions, unit, level, responded, ...)",
                ));
            }
            cols = Some(c);
            return Ok(());
        };
        let mut p = Person::new("", "");
        let mut label = None;
        let mut classes: Vec<(usize, Option<i64>)> = Vec::new();
        let mut values: Vec<(usize, Option<f64>)> = Vec::new();
        for (i, col) in cols.iter().enumerate() {
            let raw = fields.get(i).copied().unwrap_or("");
            let v = raw.trim();
            let column = i + 1;
            match col {
                NodeCol::Id => p.id = v.to_string(),
                NodeCol::Label => label = Some(raw.to_string()),
                NodeCol::Functions => {
                    p.functions = v
                        .split('|')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(String::from)
                        .collect();
                }
                NodeCol::Unit => {
                    if !v.is_empty() {
                        p.unit = Some(v.to_string());
                    }
                }
                NodeCol::Level => {
                    if !v.is_empty() {
                        p.level = Some(parse_level(v).ok_or_else(|| {
                            ctx.err_at(
                                no,
                                column,
                                format!(
                                    "expected a level (top_management, leader, professional, politician or external), found {v:?}"
                                ),
                            )
                        })?);
                    }
                }
                NodeCol::Responded => {
                    if !v.is_empty() {
                        p.responded = parse_bool(v).ok_or_else(|| {
                            ctx.err_at(
                                no,
                                column,
                                format!(
                                    "expected yes or no (ja/nei, true/false, 1/0), found {v:?}"
                                ),
                            )
                        })?;
                    }
                }
                NodeCol::Spells => {
                    if !v.is_empty() {
                        p.spells = parse_spells(v.trim_start_matches('[').trim_end_matches(']'))
                            .ok_or_else(|| {
                                ctx.err_at(
                                    no,
                                    column,
                                    format!(
                                        "expected time points such as 3, 1-4 or 1,3-5, found {v:?}"
                                    ),
                                )
                            })?;
                    }
                }
                NodeCol::Partition(k) => {
                    let c = if v.is_empty() {
                        None
                    } else {
                        Some(v.parse::<i64>().map_err(|_| {
                            ctx.err_at(
                                no,
                                column,
                                format!("expected a whole number (a class), found {v:?}"),
                            )
                        })?)
                    };
                    classes.push((*k, c));
                }
                NodeCol::Vector(k) => {
                    let c = if v.is_empty() {
                        None
                    } else {
                        Some(parse_number(v).ok_or_else(|| {
                            ctx.err_at(no, column, format!("expected a number, found {v:?}"))
                        })?)
                    };
                    values.push((*k, c));
                }
                NodeCol::Attr(key) => {
                    if !v.is_empty() {
                        p.attributes.insert(key.clone(), infer_value(raw));
                    }
                }
                NodeCol::Ignore => {}
            }
        }
        if p.id.is_empty() {
            if fields.iter().all(|f| f.trim().is_empty()) {
                return Ok(());
            }
            return Err(ctx.err(no, "expected an id in the id column, found an empty cell"));
        }
        if let Some(&first) = seen.get(&p.id) {
            return Err(ctx.err(
                no,
                format!(
                    "expected each id once, but {:?} was already on line {first}",
                    p.id
                ),
            ));
        }
        seen.insert(p.id.clone(), no);
        p.label = label.unwrap_or_else(|| p.id.clone());
        for (k, c) in classes {
            if let Some(part) = partitions.get_mut(k) {
                part.classes.resize(people.len(), None);
                part.classes.push(c);
            }
        }
        for (k, c) in values {
            if let Some(vec) = vectors.get_mut(k) {
                vec.values.resize(people.len(), None);
                vec.values.push(c);
            }
        }
        people.push(p);
        Ok(())
    })?;
    if cols.is_none() {
        return Err(ctx.err_file("expected a header with an id column, found an empty file"));
    }
    Ok(Nodes {
        people,
        partitions,
        vectors,
        warnings: ctx.warnings,
    })
}

// ---------------------------------------------------------------------------
// Writing

/// A float written so that it reads back as a float (`1.0`, not `1`).
pub(crate) fn float_text(f: f64) -> String {
    let s = f.to_string();
    if s.contains(['.', 'e', 'E']) || s.contains("inf") || s.contains("NaN") {
        s
    } else {
        format!("{s}.0")
    }
}

/// An attribute as text that [`infer_value`] reads back as the same value
/// where it can (a text that looks like a number cannot).
pub(crate) fn attr_text(v: &AttrValue) -> String {
    match v {
        AttrValue::Float(f) => float_text(*f),
        other => other.to_text(),
    }
}

fn csv_writer(delim: u8) -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .delimiter(delim)
        .flexible(false)
        .from_writer(Vec::new())
}

fn finish(w: csv::Writer<Vec<u8>>) -> Result<Vec<u8>, FormatError> {
    w.into_inner().map_err(|e| {
        FormatError::new(
            crate::Location::file("<output>"),
            format!("cannot write CSV: {e}"),
        )
    })
}

fn io_err(e: csv::Error) -> FormatError {
    FormatError::new(
        crate::Location::file("<output>"),
        format!("cannot write CSV: {e}"),
    )
}

/// Whether an attribute value would read back differently (text that looks
/// like a number or a boolean).
fn ambiguous_text(v: &AttrValue) -> bool {
    match v {
        AttrValue::Text(s) => !matches!(infer_value(s), AttrValue::Text(_)),
        _ => false,
    }
}

/// The suffix of the node table the CSV writer puts in [`crate::Written::extra`].
pub(crate) const NODES_SUFFIX: &str = "-nodes.csv";

/// Writes the first network as an edge list and a node table.
pub(crate) fn write(
    networks: &[Network],
    opts: &WriteOptions,
) -> Result<crate::Written, FormatError> {
    let delim = opts.csv_delimiter.unwrap_or(b',');
    let mut dropped = Dropped::default();
    if networks.len() > 1 {
        dropped.add(format!(
            "networks after the first ({} of them; a CSV edge list holds one network)",
            networks.len() - 1
        ));
    }
    let empty = Network::default();
    let net = networks.first().unwrap_or(&empty);
    if !net.attributes.is_empty() {
        dropped.add("network attributes");
    }
    // Edges.
    let relation_col =
        net.relations.len() > 1 || net.relations.first().is_some_and(|r| r.name != net.name);
    let ties = || {
        net.relations
            .iter()
            .flat_map(|r| r.ties.iter().map(move |t| (r, t)))
    };
    let directed_col = ties().any(|(_, t)| !t.directed);
    let spells_col = ties().any(|(_, t)| !t.spells.is_empty());
    let mut keys: Vec<&String> = ties().flat_map(|(_, t)| t.attributes.keys()).collect();
    keys.sort();
    keys.dedup();
    let reserved = |k: &str| {
        [SOURCE, TARGET, WEIGHT, RELATION, DIRECTED, SPELLS]
            .iter()
            .any(|names| is(names, k))
            || k.starts_with("attr:")
    };
    let mut header: Vec<String> = vec!["source".into(), "target".into(), "value".into()];
    if relation_col {
        header.push("relation".into());
    }
    if directed_col {
        header.push("directed".into());
    }
    if spells_col {
        header.push("spells".into());
    }
    for k in &keys {
        header.push(if reserved(k) {
            format!("attr:{k}")
        } else {
            (*k).clone()
        });
    }
    let mut w = csv_writer(delim);
    w.write_record(&header).map_err(io_err)?;
    let mut row: Vec<String> = Vec::with_capacity(header.len());
    for (rel, t) in ties() {
        let (Some(s), Some(tg)) = (net.people.get(t.source), net.people.get(t.target)) else {
            dropped.add("ties to people that do not exist");
            continue;
        };
        row.clear();
        row.push(s.id.clone());
        row.push(tg.id.clone());
        row.push(t.value.to_string());
        if relation_col {
            row.push(rel.name.clone());
        }
        if directed_col {
            row.push(t.directed.to_string());
        }
        if spells_col {
            match time_mark(&t.spells) {
                Some(m) if !t.spells.is_empty() => {
                    row.push(m.trim_start_matches('[').trim_end_matches(']').to_string())
                }
                Some(_) => row.push(String::new()),
                None => {
                    dropped.add("tie spells with dates or text points");
                    row.push(String::new());
                }
            }
        }
        for k in &keys {
            match t.attributes.get(*k) {
                Some(v) => {
                    if ambiguous_text(v) {
                        dropped.add(format!("the text type of tie attribute {k:?} (reads back as a number or boolean)"));
                    }
                    row.push(attr_text(v))
                }
                None => row.push(String::new()),
            }
        }
        w.write_record(&row).map_err(io_err)?;
    }
    for rel in &net.relations {
        if rel.ties.is_empty() && (relation_col || net.relations.len() > 1) {
            dropped.add(format!("the empty relation {:?}", rel.name));
        }
    }
    let edges = finish(w)?;

    // Nodes.
    let mut nkeys: Vec<&String> = net
        .people
        .iter()
        .flat_map(|p| p.attributes.keys())
        .collect();
    nkeys.sort();
    nkeys.dedup();
    let node_reserved = |k: &str| {
        [
            NODE_ID,
            NODE_LABEL,
            NODE_FUNCTIONS,
            NODE_UNIT,
            NODE_LEVEL,
            NODE_RESPONDED,
            SPELLS,
        ]
        .iter()
        .any(|names| is(names, k))
            || k.starts_with("attr:")
            || k.starts_with("partition:")
            || k.starts_with("vector:")
    };
    let mut header: Vec<String> = ["id", "label", "functions", "unit", "level", "responded"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let node_spells = net.people.iter().any(|p| !p.spells.is_empty());
    if node_spells {
        header.push("spells".into());
    }
    for k in &nkeys {
        header.push(if node_reserved(k) {
            format!("attr:{k}")
        } else {
            (*k).clone()
        });
    }
    for p in &net.partitions {
        header.push(format!("partition:{}", p.name));
    }
    for v in &net.vectors {
        header.push(format!("vector:{}", v.name));
    }
    let mut w = csv_writer(delim);
    w.write_record(&header).map_err(io_err)?;
    for (i, p) in net.people.iter().enumerate() {
        row.clear();
        row.push(p.id.clone());
        row.push(p.label.clone());
        if p.functions
            .iter()
            .any(|f| f.contains('|') || f.trim() != f || f.is_empty())
        {
            dropped.add("'|' or blanks around function names");
        }
        row.push(p.functions.join("|"));
        row.push(p.unit.clone().unwrap_or_default());
        if p.unit
            .as_deref()
            .is_some_and(|u| u.trim() != u || u.is_empty())
        {
            dropped.add("blanks around unit names");
        }
        row.push(p.level.map(|l| l.as_str().to_string()).unwrap_or_default());
        row.push(if p.responded { "yes" } else { "no" }.to_string());
        if node_spells {
            match time_mark(&p.spells) {
                Some(m) if !p.spells.is_empty() => {
                    row.push(m.trim_start_matches('[').trim_end_matches(']').to_string())
                }
                Some(_) => row.push(String::new()),
                None => {
                    dropped.add("person spells with dates or text points");
                    row.push(String::new());
                }
            }
        }
        for k in &nkeys {
            match p.attributes.get(*k) {
                Some(v) => {
                    if ambiguous_text(v) {
                        dropped.add(format!("the text type of person attribute {k:?} (reads back as a number or boolean)"));
                    }
                    row.push(attr_text(v))
                }
                None => row.push(String::new()),
            }
        }
        for part in &net.partitions {
            row.push(
                part.classes
                    .get(i)
                    .copied()
                    .flatten()
                    .map(|c| c.to_string())
                    .unwrap_or_default(),
            );
        }
        for v in &net.vectors {
            row.push(
                v.values
                    .get(i)
                    .copied()
                    .flatten()
                    .map(|c| c.to_string())
                    .unwrap_or_default(),
            );
        }
        w.write_record(&row).map_err(io_err)?;
    }
    let nodes = finish(w)?;
    Ok(crate::Written {
        bytes: edges,
        extra: vec![(NODES_SUFFIX.to_string(), nodes)],
        dropped: dropped.into_vec(),
    })
}
