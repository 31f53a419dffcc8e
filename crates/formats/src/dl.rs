//! UCINET DL reading and writing.
//!
//! Follows the DL format as described in the UCINET documentation
//! (Borgatti, Everett & Freeman, "UCINET for Windows", DL section): a
//! header `DL N=n` (or `NR=r NC=c` for two-mode data, `NM=m` for several
//! matrices), `FORMAT=FULLMATRIX | UPPERHALF | LOWERHALF | EDGELIST1 |
//! NODELIST1`, `DIAGONAL=PRESENT|ABSENT`, then the sections `LABELS:`
//! (`ROW LABELS:`, `COLUMN LABELS:`), `MATRIX LABELS:`, `LABELS EMBEDDED`
//! and `DATA:`. Keywords are case-insensitive; items are separated by
//! blanks, commas or line ends; matrix rows may wrap over lines (the data
//! is read as a stream of numbers). Several matrices become relations.
//!
//! A symmetric one-mode matrix is read as undirected edges (`i ≤ j`), any
//! other matrix as arcs. People get their labels as ids when the labels
//! are unique, otherwise their numbers `1..n`.

use std::collections::HashMap;
use std::fmt::Write as _;

use samspill_engine::model::{AttrValue, Network, Person, Relation, Tie};

use crate::common::{Ctx, decode_text, lines, parse_finite, stem};
use crate::pajek::Dropped;
use crate::{Document, FormatError};

#[derive(Debug, Clone)]
struct Tok {
    text: String,
    line: usize,
    quoted: bool,
}

fn tokenize(text: &str) -> Result<Vec<Tok>, (usize, String)> {
    let mut out = Vec::new();
    for (no, line) in lines(text) {
        let mut chars = line.char_indices().peekable();
        while let Some(&(i, c)) = chars.peek() {
            if c.is_whitespace() || c == ',' {
                chars.next();
                continue;
            }
            if c == '"' || c == '\'' {
                chars.next();
                let mut end = None;
                for (j, d) in chars.by_ref() {
                    if d == c {
                        end = Some(j);
                        break;
                    }
                }
                let Some(end) = end else {
                    return Err((
                        no,
                        "expected a closing quote, found the end of the line".into(),
                    ));
                };
                out.push(Tok {
                    text: line.get(i + 1..end).unwrap_or("").to_string(),
                    line: no,
                    quoted: true,
                });
                continue;
            }
            let mut end = line.len();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_whitespace() || d == ',' {
                    end = j;
                    break;
                }
                // `n=5` and `n = 5` both read; `=` is its own token.
                if d == '=' {
                    if j == i {
                        chars.next();
                        end = j + 1;
                    } else {
                        end = j;
                    }
                    break;
                }
                chars.next();
            }
            out.push(Tok {
                text: line.get(i..end).unwrap_or("").to_string(),
                line: no,
                quoted: false,
            });
        }
    }
    Ok(out)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    Full,
    Upper,
    Lower,
    Edges,
    Nodes,
}

/// Reads a DL file.
pub(crate) fn read(bytes: &[u8], file_name: &str) -> Result<Document, FormatError> {
    let mut ctx = Ctx::new(file_name);
    let (text, fallback) = decode_text(bytes);
    if fallback {
        ctx.warn(None, "the file is not UTF-8; it was read as Windows-1252");
    }
    let toks = tokenize(&text).map_err(|(l, m)| ctx.err(l, m))?;
    let mut i = 0usize;
    let first = toks
        .first()
        .ok_or_else(|| ctx.err_file("expected \"DL\" at the start, found an empty file"))?;
    if !first.text.eq_ignore_ascii_case("dl") {
        return Err(ctx.err(
            first.line,
            format!("expected \"DL\" at the start, found {:?}", first.text),
        ));
    }
    i += 1;
    let (mut n, mut nr, mut nc, mut nm) = (None::<usize>, None::<usize>, None::<usize>, 1usize);
    let mut layout = Layout::Full;
    let mut diagonal = true;
    let mut labels: Vec<String> = Vec::new();
    let mut row_labels: Vec<String> = Vec::new();
    let mut col_labels: Vec<String> = Vec::new();
    let mut matrix_labels: Vec<String> = Vec::new();
    let mut embedded = false;
    let limit = crate::common::vertex_limit(bytes.len());
    let lower = |t: &Tok| t.text.to_ascii_lowercase();
    // Header and label sections, up to DATA:.
    loop {
        let Some(t) = toks.get(i) else {
            return Err(ctx.err_file("expected \"DATA:\", found the end of the file"));
        };
        let w = lower(t);
        if toks.get(i + 1).is_some_and(|t| t.text == "=") {
            let Some(v) = toks.get(i + 2) else {
                return Err(ctx.err(t.line, format!("expected a value after {}=", t.text)));
            };
            let vl = lower(v);
            let count = |v: &Tok| -> Result<usize, FormatError> {
                match v.text.parse::<usize>() {
                    Ok(k) if k <= limit => Ok(k),
                    _ => Err(ctx.err(
                        v.line,
                        format!(
                            "expected a count (a whole number up to {limit}), found {:?}",
                            v.text
                        ),
                    )),
                }
            };
            match w.as_str() {
                "n" => n = Some(count(v)?),
                "nr" => nr = Some(count(v)?),
                "nc" => nc = Some(count(v)?),
                "nm" => nm = count(v)?.max(1),
                "format" => {
                    layout = match vl.as_str() {
                        "fullmatrix" | "fm" => Layout::Full,
                        "upperhalf" | "uh" => Layout::Upper,
                        "lowerhalf" | "lh" => Layout::Lower,
                        "edgelist1" | "el1" | "edgelist" => Layout::Edges,
                        "nodelist1" | "nl1" | "nodelist" => Layout::Nodes,
                        _ => {
                            return Err(ctx.err(
                                v.line,
                                format!("expected format fullmatrix, upperhalf, lowerhalf, edgelist1 or nodelist1, found {:?}", v.text),
                            ));
                        }
                    }
                }
                "diagonal" => diagonal = vl != "absent",
                _ => ctx.warn(
                    Some(t.line),
                    format!(
                        "header item {}={} is not read; it was skipped",
                        t.text, v.text
                    ),
                ),
            }
            i += 3;
            continue;
        }
        let next = toks.get(i + 1).map(lower).unwrap_or_default();
        let (section, skip) = match (w.as_str(), next.as_str()) {
            // UCINET writes `FORMAT = FULLMATRIX DIAGONAL PRESENT`: the
            // diagonal item without `=`.
            ("diagonal", "present") | ("diagonal", "absent") => {
                diagonal = next == "present";
                i += 2;
                continue;
            }
            ("data:", _) => ("data", 1),
            // UCINET names the matrices of a multi-matrix file under
            // `LEVEL LABELS:`.
            ("level", "labels:") => ("matrix", 2),
            ("data", ":") => ("data", 2),
            ("labels:", _) => ("labels", 1),
            ("labels", "embedded") | ("labels", "embedded:") => ("embedded", 2),
            ("row", "labels:") => ("row", 2),
            ("column", "labels:") | ("col", "labels:") => ("col", 2),
            ("matrix", "labels:") => ("matrix", 2),
            ("row", "labels") | ("column", "labels")
                if toks
                    .get(i + 2)
                    .is_some_and(|t| lower(t).starts_with("embedded")) =>
            {
                ("embedded", 3)
            }
            _ => ("unknown", 1),
        };
        i += skip;
        match section {
            "data" => break,
            "embedded" => embedded = true,
            "unknown" => {
                return Err(ctx.err(
                    t.line,
                    format!(
                        "expected a header item (n=, format=, labels:, data:), found {:?}",
                        t.text
                    ),
                ));
            }
            _ => {
                let want = match section {
                    "labels" => n.or(nr),
                    "row" => nr.or(n),
                    "col" => nc.or(n),
                    _ => Some(nm),
                };
                let Some(want) = want else {
                    return Err(ctx.err(t.line, "expected n= (or nr= and nc=) before the labels"));
                };
                let section_start = |k: usize| {
                    let Some(l) = toks.get(k) else { return true };
                    let lw = lower(l);
                    let next = toks.get(k + 1).map(lower).unwrap_or_default();
                    !l.quoted
                        && (lw.ends_with(':')
                            || lw == "labels"
                            || next == "="
                            || (matches!(
                                lw.as_str(),
                                "row" | "column" | "col" | "matrix" | "level"
                            ) && next.starts_with("labels"))
                            || (lw == "data" && next == ":"))
                };
                let mut got = Vec::new();
                while got.len() < want {
                    if section_start(i) {
                        break;
                    }
                    if let Some(l) = toks.get(i) {
                        got.push(l.text.clone());
                    }
                    i += 1;
                }
                if got.len() < want {
                    return Err(ctx.err(
                        t.line,
                        format!("expected {want} labels, found {}", got.len()),
                    ));
                }
                if !section_start(i) {
                    // More words than labels: a label with a blank in it
                    // that is not quoted (UCINET separates labels by
                    // blanks, commas and line ends).
                    let extra = toks.get(i).map_or(0, |l| l.line);
                    let word = toks.get(i).map(|l| l.text.clone()).unwrap_or_default();
                    return Err(ctx.err_text(
                        Some(extra),
                        None,
                        format!(
                            "expected {want} labels, found more words ({word:?} is one too many): a label with a blank in it must be quoted, e.g. \"Ann Berg\""
                        ),
                        crate::Text::new(
                            "formats-dl-unquoted-label",
                            vec![
                                ("expected", crate::TextArg::Num(want as f64)),
                                ("word", crate::TextArg::Str(crate::excerpt(&word, 60))),
                            ],
                        ),
                    ));
                }
                match section {
                    "labels" => labels = got,
                    "row" => row_labels = got,
                    "col" => col_labels = got,
                    _ => matrix_labels = got,
                }
            }
        }
    }
    let (rows, cols, two_mode) = match (n, nr, nc) {
        (Some(n), _, _) => (n, n, false),
        (None, Some(r), Some(c)) => (r, c, true),
        _ => return Err(ctx.err_file("expected n= (or nr= and nc=) in the DL header")),
    };
    if two_mode {
        if row_labels.is_empty() {
            row_labels = std::mem::take(&mut labels);
        }
    } else if row_labels.is_empty() {
        row_labels = labels.clone();
    }
    let data = toks.get(i..).unwrap_or(&[]);
    let name = stem(file_name);
    let mut rel_names: Vec<String> = (0..nm)
        .map(|k| match matrix_labels.get(k) {
            Some(l) => l.clone(),
            None if nm == 1 => name.clone(),
            None => format!("relation {}", k + 1),
        })
        .collect();
    rel_names.dedup();
    let mut relations: Vec<Relation> = rel_names
        .iter()
        .map(|n| Relation {
            name: n.clone(),
            ties: Vec::new(),
        })
        .collect();
    let total = if two_mode { rows + cols } else { rows };
    let mut people_labels: Vec<String> = if two_mode {
        let mut v = Vec::new();
        for r in 0..rows {
            v.push(
                row_labels
                    .get(r)
                    .cloned()
                    .unwrap_or_else(|| (r + 1).to_string()),
            );
        }
        for c in 0..cols {
            v.push(
                col_labels
                    .get(c)
                    .cloned()
                    .unwrap_or_else(|| (rows + c + 1).to_string()),
            );
        }
        v
    } else {
        (0..rows)
            .map(|r| {
                row_labels
                    .get(r)
                    .cloned()
                    .unwrap_or_else(|| (r + 1).to_string())
            })
            .collect()
    };
    let col_index = |c: usize| if two_mode { rows + c } else { c };
    fn num(ctx: &Ctx, t: &Tok) -> Result<f64, FormatError> {
        parse_finite(&t.text).ok_or_else(|| {
            ctx.err(
                t.line,
                format!("expected a number in the data, found {:?}", t.text),
            )
        })
    }
    match layout {
        Layout::Full | Layout::Upper | Layout::Lower => {
            let mut k = 0usize;
            for m in 0..nm {
                if embedded && layout == Layout::Full {
                    // Column labels first, then each row starts with its label.
                    for c in 0..cols {
                        let Some(t) = data.get(k) else {
                            return Err(
                                ctx.err_file("expected column labels, found the end of the file")
                            );
                        };
                        if m == 0 {
                            if let Some(slot) = people_labels.get_mut(col_index(c)) {
                                *slot = t.text.clone();
                            }
                        }
                        k += 1;
                    }
                }
                let mut cells: Vec<(usize, usize, f64)> = Vec::new();
                for r in 0..rows {
                    if embedded && layout == Layout::Full {
                        let Some(t) = data.get(k) else {
                            return Err(
                                ctx.err_file("expected a row label, found the end of the file")
                            );
                        };
                        if m == 0 {
                            if let Some(slot) = people_labels.get_mut(r) {
                                *slot = t.text.clone();
                            }
                        }
                        k += 1;
                    }
                    let range: Vec<usize> = match layout {
                        Layout::Upper => (if diagonal { r } else { r + 1 }..cols).collect(),
                        Layout::Lower => (0..if diagonal { r + 1 } else { r }.min(cols)).collect(),
                        _ => (0..cols)
                            .filter(|&c| diagonal || two_mode || c != r)
                            .collect(),
                    };
                    for c in range {
                        let Some(t) = data.get(k) else {
                            let found = k;
                            return Err(ctx.err_file(format!(
                                "expected more matrix values (matrix {}, row {}), found the end of the file after {found} items",
                                m + 1,
                                r + 1
                            )));
                        };
                        let v = num(&ctx, t)?;
                        k += 1;
                        if v != 0.0 {
                            cells.push((r, c, v));
                        }
                    }
                }
                let last = relations.len().saturating_sub(1);
                let rel = relations.get_mut(m.min(last));
                let Some(rel) = rel else { continue };
                let symmetric_input = matches!(layout, Layout::Upper | Layout::Lower);
                if two_mode {
                    rel.ties.extend(
                        cells
                            .into_iter()
                            .map(|(r, c, v)| Tie::edge(r, col_index(c), v)),
                    );
                } else if symmetric_input || is_symmetric(&cells) {
                    rel.ties.extend(
                        cells
                            .into_iter()
                            .filter(|(r, c, _)| symmetric_input || r <= c)
                            .map(|(r, c, v)| Tie::edge(r.min(c), r.max(c), v)),
                    );
                } else {
                    rel.ties
                        .extend(cells.into_iter().map(|(r, c, v)| Tie::arc(r, c, v)));
                }
            }
            if let Some(t) = data.get(k) {
                return Err(ctx.err(
                    t.line,
                    format!(
                        "expected the end of the data, found {:?} (more values than n×n)",
                        t.text
                    ),
                ));
            }
        }
        Layout::Edges | Layout::Nodes => {
            // Line by line; `!` (or a lone `-`) ends a matrix.
            let mut by_label: HashMap<String, usize> = HashMap::new();
            if embedded {
                for (p, l) in people_labels.iter().enumerate() {
                    if (p < row_labels.len() || p < labels.len()) && !by_label.contains_key(l) {
                        by_label.insert(l.clone(), p);
                    }
                }
            }
            let mut m = 0usize;
            let mut k = 0usize;
            let mut extra_items: Vec<usize> = Vec::new();
            while k < data.len() {
                let line = data.get(k).map_or(0, |t| t.line);
                let mut end = k;
                while data.get(end).is_some_and(|t| t.line == line) {
                    end += 1;
                }
                let row = data.get(k..end).unwrap_or(&[]);
                k = end;
                if row.first().is_some_and(|t| t.text == "!") {
                    m += 1;
                    continue;
                }
                if m >= nm {
                    return Err(ctx.err(
                        line,
                        format!("expected {nm} matrices (nm={nm}), found more"),
                    ));
                }
                let mut node = |t: &Tok, col: bool| -> Result<usize, FormatError> {
                    if embedded {
                        if let Some(&p) = by_label.get(&t.text) {
                            return Ok(p);
                        }
                        if people_labels.len() < total || !two_mode && by_label.len() < rows {
                            let p = by_label.len();
                            if p < total {
                                if let Some(slot) = people_labels.get_mut(p) {
                                    *slot = t.text.clone();
                                }
                                by_label.insert(t.text.clone(), p);
                                return Ok(p);
                            }
                        }
                        return Err(ctx.err(line, format!("expected a label of one of the {total} nodes, found {:?} (n is too small)", t.text)));
                    }
                    let max = if two_mode && col { cols } else { rows };
                    match t.text.parse::<usize>() {
                        Ok(v) if v >= 1 && v <= max => {
                            Ok(if col { col_index(v - 1) } else { v - 1 })
                        }
                        _ => Err(ctx.err(
                            line,
                            format!(
                                "expected a node number between 1 and {max}, found {:?}",
                                t.text
                            ),
                        )),
                    }
                };
                let Some(ego) = row.first() else { continue };
                let ego = node(ego, false)?;
                let mut ties = Vec::new();
                if layout == Layout::Edges {
                    let Some(alter) = row.get(1) else {
                        return Err(ctx.err(line, "expected an edge \"from to [value]\""));
                    };
                    let alter = node(alter, true)?;
                    let v = match row.get(2) {
                        Some(t) => num(&ctx, t)?,
                        None => 1.0,
                    };
                    if row.len() > 3 {
                        extra_items.push(line);
                    }
                    ties.push((alter, v));
                } else {
                    for t in row.get(1..).unwrap_or(&[]) {
                        ties.push((node(t, true)?, 1.0));
                    }
                }
                if let Some(rel) = relations.get_mut(m.min(rel_names.len().saturating_sub(1))) {
                    for (alter, v) in ties {
                        rel.ties.push(if two_mode {
                            Tie::edge(ego, alter, v)
                        } else {
                            Tie::arc(ego, alter, v)
                        });
                    }
                }
            }
            for line in extra_items {
                ctx.warn(Some(line), "items after the value were skipped");
            }
        }
    }
    // People: labels as ids when unique, else numbers.
    people_labels.resize_with(total, String::new);
    let mut seen = std::collections::HashSet::new();
    let unique = people_labels
        .iter()
        .all(|l| !l.is_empty() && seen.insert(l.as_str()));
    let people: Vec<Person> = people_labels
        .iter()
        .enumerate()
        .map(|(p, l)| {
            let num = (p + 1).to_string();
            let label = if l.is_empty() { num.clone() } else { l.clone() };
            Person::new(if unique { label.clone() } else { num }, label)
        })
        .collect();
    let mut attributes = std::collections::BTreeMap::new();
    if !two_mode
        && matches!(layout, Layout::Edges | Layout::Nodes)
        && relations.iter().all(|r| r.ties.is_empty())
    {
        // One-mode edge and node lists are read as arcs: an empty one is
        // still directed.
        attributes.insert(
            samspill_engine::model::DIRECTED_ATTRIBUTE.to_string(),
            AttrValue::Bool(true),
        );
    }
    if two_mode {
        attributes.insert(
            "mode1_size".to_string(),
            AttrValue::Int(i64::try_from(rows).unwrap_or(i64::MAX)),
        );
    }
    Ok(Document {
        networks: vec![Network {
            name,
            people,
            relations,
            partitions: Vec::new(),
            vectors: Vec::new(),
            attributes,
        }],
        warnings: ctx.warnings,
    })
}

fn is_symmetric(cells: &[(usize, usize, f64)]) -> bool {
    let map: HashMap<(usize, usize), f64> = cells.iter().map(|&(r, c, v)| ((r, c), v)).collect();
    cells.iter().all(|&(r, c, v)| map.get(&(c, r)) == Some(&v))
}

/// A DL label, quoted when it holds blanks, commas or quotes.
fn label(s: &str, dropped: &mut Dropped) -> String {
    let s = if s.contains(['"', '\n', '\r']) {
        dropped.add("quotes or line breaks in labels (replaced)");
        s.replace('"', "'").replace(['\n', '\r'], " ")
    } else {
        s.to_string()
    };
    if s.is_empty() || s.contains([' ', ',', '\t', '=', '\'', ':']) {
        format!("\"{s}\"")
    } else {
        s
    }
}

/// Writes the first network as DL, one matrix per relation.
///
/// The header is the multi-line form UCINET itself writes and igraph's DL
/// reader accepts (`DL N=n` alone on the first line, `FORMAT = …` on its
/// own line; `NM=m` only for several matrices). Direction is kept: a
/// network whose relations are all directed (or that declares itself
/// directed) is written as an `EDGELIST1`, which DL readers take as arcs
/// even when every arc is reciprocated with the same value; otherwise as a
/// `FULLMATRIX`, which reads back as edges when symmetric. Repeated ties
/// between the same two people keep the largest value, as the analysis
/// does (issue 14).
pub(crate) fn write(networks: &[Network]) -> (Vec<u8>, Vec<String>) {
    let mut dropped = Dropped::default();
    if networks.len() > 1 {
        dropped.add(format!(
            "networks after the first ({} of them; a DL file holds one network)",
            networks.len() - 1
        ));
    }
    let empty = Network::default();
    let net = networks.first().unwrap_or(&empty);
    let n = net.people.len();
    let mut seen = std::collections::HashSet::new();
    let unique = net
        .people
        .iter()
        .all(|p| !p.label.is_empty() && seen.insert(p.label.as_str()));
    for (i, p) in net.people.iter().enumerate() {
        let back = if unique {
            p.label.clone()
        } else {
            (i + 1).to_string()
        };
        if p.id != back {
            dropped.add("person ids (DL names people by label or number)");
        }
        if !p.functions.is_empty() || p.unit.is_some() || p.level.is_some() || !p.responded {
            dropped.add("functions, units, levels and response marks");
        }
        if !p.attributes.is_empty() {
            dropped.add("person attributes");
        }
        if !p.spells.is_empty() {
            dropped.add("person spells");
        }
    }
    if !net.partitions.is_empty() || !net.vectors.is_empty() {
        dropped.add("partitions and vectors");
    }
    let relations: Vec<Relation> = if net.relations.is_empty() {
        vec![Relation {
            name: net.name.clone(),
            ties: Vec::new(),
        }]
    } else {
        net.relations.clone()
    };
    let directed: Vec<bool> = relations.iter().map(|r| net.relation_directed(r)).collect();
    let edgelist = directed.iter().all(|&d| d);
    if !edgelist && directed.iter().any(|&d| d) {
        dropped.add(
            "the direction of directed relations in a network that also has undirected ones \
             (a symmetric matrix reads back as undirected)",
        );
    }
    let mut out = String::new();
    let _ = writeln!(out, "DL N={n}");
    if relations.len() > 1 {
        let _ = writeln!(out, "NM={}", relations.len());
    }
    let _ = writeln!(
        out,
        "FORMAT = {}",
        if edgelist { "EDGELIST1" } else { "FULLMATRIX" }
    );
    if n > 0 {
        out.push_str("LABELS:\n");
        let labels: Vec<String> = net
            .people
            .iter()
            .map(|p| label(&p.label, &mut dropped))
            .collect();
        let _ = writeln!(out, "{}", labels.join(","));
    }
    if relations.len() > 1 || relations.first().is_some_and(|r| r.name != net.name) {
        out.push_str("MATRIX LABELS:\n");
        let names: Vec<String> = relations
            .iter()
            .map(|r| label(&r.name, &mut dropped))
            .collect();
        let _ = writeln!(out, "{}", names.join(","));
    }
    out.push_str("DATA:\n");
    for (k, rel) in relations.iter().enumerate() {
        // The largest value per ordered pair, as the analysis combines
        // repeated reports.
        let mut cells: std::collections::BTreeMap<(usize, usize), f64> =
            std::collections::BTreeMap::new();
        let mut repeated = false;
        for t in &rel.ties {
            if !t.spells.is_empty() {
                dropped.add("tie spells");
            }
            if !t.attributes.is_empty() {
                dropped.add("tie attributes");
            }
            if t.value == 0.0 {
                dropped.add("ties with value 0 (a 0 cell is no tie)");
            }
            let mut put = |r: usize, c: usize| {
                if r < n && c < n {
                    match cells.entry((r, c)) {
                        std::collections::btree_map::Entry::Vacant(e) => {
                            e.insert(t.value);
                        }
                        std::collections::btree_map::Entry::Occupied(mut e) => {
                            repeated = true;
                            if t.value > *e.get() {
                                e.insert(t.value);
                            }
                        }
                    }
                }
            };
            put(t.source, t.target);
            if !t.directed && t.source != t.target {
                put(t.target, t.source);
            }
        }
        if repeated {
            dropped.add("repeated ties (one value per pair: the largest is kept)");
        }
        let has_arcs = rel.ties.iter().any(|t| t.directed);
        let has_edges = rel.ties.iter().any(|t| !t.directed);
        if has_edges && has_arcs {
            dropped.add("the difference between arcs and edges in a mixed relation");
        }
        if edgelist {
            if k > 0 {
                out.push_str("!\n");
            }
            for ((r, c), v) in &cells {
                if *v != 0.0 {
                    let _ = writeln!(out, "{} {} {v}", r + 1, c + 1);
                }
            }
        } else {
            for r in 0..n {
                let row: Vec<String> = (0..n)
                    .map(|c| cells.get(&(r, c)).copied().unwrap_or(0.0).to_string())
                    .collect();
                let _ = writeln!(out, "{}", row.join(" "));
            }
        }
    }
    (out.into_bytes(), dropped.into_vec())
}
