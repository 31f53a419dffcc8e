//! Pajek `.net` / `.paj` / `.clu` / `.vec` reading and writing.
//!
//! Syntax follows the Pajek documentation (Batagelj & Mrvar, "Pajek:
//! Program for Analysis and Visualization of Large Networks", reference
//! manual, and the "Pajek format" FAQ on the Pajek wiki):
//!
//! - `%` starts a comment line; section keywords start with `*` and are
//!   case-insensitive;
//! - `*Network name` starts a network (a `.paj` project holds several);
//! - `*Vertices n` (two-mode: `*Vertices n n1`, the first `n1` vertices
//!   being the first mode), then lines `id label [x y z] [shape] [params]`;
//!   labels with blanks are quoted; vertices not listed get their number as
//!   label;
//! - `*Arcs` / `*Edges` (optionally `:k "name"` for relation `k` of a
//!   multi-relational network; a line may also start with `k:`), lines
//!   `from to [value] [params]`, value 1 when missing;
//! - `*Arcslist` / `*Edgeslist`: `from to1 to2 ...`;
//! - `*Matrix`: the adjacency matrix, row by row;
//! - time marks `[3]`, `[1-4]`, `[5-*]`, `[1,3-5]` on vertex and tie lines;
//! - `*Partition name` + `*Vertices n` + one integer per vertex, and
//!   `*Vector name` likewise with reals, belong to the closest network
//!   before them with `n` vertices.

use std::collections::BTreeMap;

use samspill_engine::model::{AttrValue, Network, Partition, Person, Relation, Spell, Tie, Vector};

use crate::common::{Ctx, column_of, decode_text, lines, parse_finite, stem, vertex_limit};
use crate::{Document, FormatError};

/// Vertex shapes Pajek draws; a bare shape word on a vertex line.
const SHAPES: [&str; 6] = ["ellipse", "box", "diamond", "triangle", "cross", "empty"];

/// Vertex drawing parameters that take a value (Pajek "Drawing" manual).
const VERTEX_PARAMS: [&str; 16] = [
    "x_fact", "y_fact", "phi", "r", "q", "ic", "bc", "bw", "lc", "la", "lr", "lphi", "fos", "font",
    "s_size", "size",
];

/// Line drawing parameters that take a value.
const TIE_PARAMS: [&str; 18] = [
    "w", "c", "p", "s", "a", "ap", "a1", "k1", "a2", "k2", "l", "lp", "lr", "lphi", "lc", "la",
    "fos", "font",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TokKind {
    Plain,
    Quoted,
    Bracket,
}

#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    text: &'a str,
    kind: TokKind,
    /// Byte offset of the token's first character in the line.
    start: usize,
    /// A quoted token holding `\"` or `\\` escapes (NetworkX writes them).
    escaped: bool,
}

impl Tok<'_> {
    /// The token's text with `\"` and `\\` escapes resolved.
    fn value(&self) -> String {
        if !self.escaped {
            return self.text.to_string();
        }
        let mut out = String::with_capacity(self.text.len());
        let mut chars = self.text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\\' {
                if let Some(&d) = chars.peek() {
                    if d == '"' || d == '\\' {
                        out.push(d);
                        chars.next();
                        continue;
                    }
                }
            }
            out.push(c);
        }
        out
    }
}

/// Splits a line into blank-separated tokens; `"..."` and `[...]` are single
/// tokens (without their delimiters).
fn tokenize(line: &str) -> Result<Vec<Tok<'_>>, (usize, String)> {
    let mut toks = Vec::new();
    let mut iter = line.char_indices().peekable();
    while let Some(&(i, c)) = iter.peek() {
        if c.is_whitespace() {
            iter.next();
            continue;
        }
        let (close, kind) = match c {
            '"' => (Some('"'), TokKind::Quoted),
            '[' => (Some(']'), TokKind::Bracket),
            _ => (None, TokKind::Plain),
        };
        match close {
            Some(close) => {
                iter.next();
                let body = i + c.len_utf8();
                // A quoted label may escape quotes and backslashes the way
                // NetworkX's writer (and POSIX shell quoting) does: `\"`,
                // `\\`. If the escapes leave the quote unclosed, the first
                // quote closes it, as in Pajek itself.
                let rest = line.get(body..).unwrap_or("");
                let mut escaped = false;
                let mut end = None;
                if kind == TokKind::Quoted && rest.contains('\\') {
                    let mut it = rest.char_indices();
                    while let Some((j, d)) = it.next() {
                        if d == '\\' {
                            if let Some((_, e)) = it.clone().next() {
                                if e == '"' || e == '\\' {
                                    escaped = true;
                                    it.next();
                                    continue;
                                }
                            }
                        } else if d == close {
                            end = Some(body + j);
                            break;
                        }
                    }
                    if end.is_none() {
                        escaped = false;
                    }
                }
                if let Some(e) = end {
                    while iter.peek().is_some_and(|&(j, _)| j <= e) {
                        iter.next();
                    }
                } else {
                    for (j, d) in iter.by_ref() {
                        if d == close {
                            end = Some(j);
                            break;
                        }
                    }
                }
                let Some(end) = end else {
                    let what = if kind == TokKind::Quoted {
                        "a closing quote"
                    } else {
                        "a closing ']'"
                    };
                    return Err((i, format!("expected {what}, found the end of the line")));
                };
                toks.push(Tok {
                    text: line.get(body..end).unwrap_or(""),
                    kind,
                    start: i,
                    escaped,
                });
            }
            None => {
                let mut end = line.len();
                while let Some(&(j, d)) = iter.peek() {
                    if d.is_whitespace() {
                        end = j;
                        break;
                    }
                    iter.next();
                }
                toks.push(Tok {
                    text: line.get(i..end).unwrap_or(""),
                    kind,
                    start: i,
                    escaped: false,
                });
            }
        }
    }
    Ok(toks)
}

/// A tie line that is only `from to [value]`: two vertex numbers of ASCII
/// digits and an optional finite number, separated by spaces or tabs.
/// `None` for anything else (quotes, time marks, parameters, a relation
/// prefix, other characters), which [`tokenize`] then reads; where this
/// returns `Some`, the general path gives the same tie.
fn plain_pair(line: &str) -> Option<(usize, usize, f64)> {
    // One pass over the bytes: a third of the work of scanning, splitting
    // and parsing separately.
    let b = line.as_bytes();
    let blank = |c: u8| c == b' ' || c == b'\t';
    let mut i = 0;
    let skip = |i: &mut usize| {
        while *i < b.len() && blank(b[*i]) {
            *i += 1;
        }
    };
    // A vertex number: 1 to 18 ASCII digits.
    let number = |i: &mut usize| -> Option<usize> {
        let start = *i;
        let mut v = 0usize;
        while *i < b.len() && b[*i].is_ascii_digit() {
            v = v * 10 + usize::from(b[*i] - b'0');
            *i += 1;
            if *i - start > 18 {
                return None;
            }
        }
        (*i > start).then_some(v)
    };
    skip(&mut i);
    let from = number(&mut i)?;
    if !b.get(i).copied().is_some_and(blank) {
        return None;
    }
    skip(&mut i);
    let to = number(&mut i)?;
    if i == b.len() {
        return Some((from, to, 1.0));
    }
    if !blank(b[i]) {
        return None;
    }
    skip(&mut i);
    if i == b.len() {
        return Some((from, to, 1.0));
    }
    let start = i;
    while i < b.len() && matches!(b[i], b'0'..=b'9' | b'.' | b'-' | b'+' | b'e' | b'E') {
        i += 1;
    }
    // `start..i` holds ASCII only, so it is a char boundary.
    let value = parse_finite(&line[start..i])?;
    skip(&mut i);
    (i == b.len()).then_some((from, to, value))
}

/// Parses the inside of a time mark (`3`, `1-4`, `5-*`, `1,3-5`).
///
/// A spell whose start comes after its end (`5-3`, both numbers) is not a
/// time mark (`None`), never an empty spell accepted silently (issue 14).
pub(crate) fn parse_spells(inner: &str) -> Option<Vec<Spell>> {
    let mut out = Vec::new();
    for piece in inner.split(',') {
        let piece = piece.trim();
        if piece.is_empty() {
            continue;
        }
        let point = |s: &str| -> Option<String> {
            let s = s.trim();
            if s == "*" { None } else { Some(s.to_string()) }
        };
        // The separator is the first '-' after the first character, so that
        // a negative start point ("-2-3") still reads.
        let sep = piece
            .char_indices()
            .skip(1)
            .find(|&(_, c)| c == '-')
            .map(|(i, _)| i);
        let spell = match sep {
            Some(i) => {
                let (a, b) = (piece.get(..i)?, piece.get(i + 1..)?);
                if a.trim().is_empty() || b.trim().is_empty() {
                    return None;
                }
                let (start, end) = (point(a), point(b));
                if let (Some(x), Some(y)) = (&start, &end) {
                    if let (Some(x), Some(y)) = (parse_finite(x), parse_finite(y)) {
                        if x > y {
                            return None;
                        }
                    }
                }
                Spell { start, end }
            }
            None => Spell {
                start: point(piece),
                end: point(piece),
            },
        };
        out.push(spell);
    }
    if out.is_empty() { None } else { Some(out) }
}

/// The value of a `key value` attribute: a number unless quoted.
fn attr_value(t: &Tok<'_>) -> AttrValue {
    if t.kind == TokKind::Quoted {
        AttrValue::Text(t.value())
    } else {
        number_value(t.text)
    }
}

fn number_value(s: &str) -> AttrValue {
    match parse_finite(s) {
        Some(v) => AttrValue::Float(v),
        None => AttrValue::Text(s.to_string()),
    }
}

/// A network being read.
struct NetBuilder {
    name: String,
    /// Line of the `*Network` (or first `*Vertices`) line.
    people: Vec<Person>,
    has_vertices: bool,
    listed: Vec<bool>,
    mode1: Option<usize>,
    /// Relations by Pajek relation number (`None`: unnumbered).
    relations: Vec<(Option<i64>, Relation)>,
    partitions: Vec<Partition>,
    vectors: Vec<Vector>,
    /// Relations opened by `*Arcs` / `*Arcslist` (true) or `*Edges` /
    /// `*Edgeslist` (false), by index.
    declared: Vec<(usize, bool)>,
}

impl NetBuilder {
    fn new(name: String) -> NetBuilder {
        NetBuilder {
            name,
            people: Vec::new(),
            has_vertices: false,
            listed: Vec::new(),
            mode1: None,
            relations: Vec::new(),
            partitions: Vec::new(),
            vectors: Vec::new(),
            declared: Vec::new(),
        }
    }

    fn relation(&mut self, key: Option<i64>, name: Option<&str>) -> usize {
        if let Some(i) = self.relations.iter().position(|(k, _)| *k == key) {
            if let (Some(name), Some((_, r))) = (name, self.relations.get_mut(i))
                && r.name.starts_with("relation ")
                && !name.is_empty()
            {
                r.name = name.to_string();
            }
            return i;
        }
        let name = match (key, name) {
            (_, Some(n)) if !n.is_empty() => n.to_string(),
            (None, _) => self.name.clone(),
            (Some(k), _) => format!("relation {k}"),
        };
        self.relations.push((
            key,
            Relation {
                name,
                ties: Vec::new(),
            },
        ));
        self.relations.len() - 1
    }

    fn finish(mut self) -> Network {
        if self.relations.is_empty() {
            self.relation(None, None);
        }
        let mut attributes = BTreeMap::new();
        // A directed file with no ties (`*Arcs` and no lines) stays
        // directed (issue 14).
        let empty = |i: usize| {
            self.relations
                .get(i)
                .is_some_and(|(_, r)| r.ties.is_empty())
        };
        let arcs = self.declared.iter().any(|&(i, d)| d && empty(i));
        let edges = self.declared.iter().any(|&(i, d)| !d && empty(i));
        if arcs && !edges {
            attributes.insert(
                samspill_engine::model::DIRECTED_ATTRIBUTE.to_string(),
                AttrValue::Bool(true),
            );
        }
        if let Some(n1) = self.mode1 {
            attributes.insert(
                "mode1_size".to_string(),
                AttrValue::Int(i64::try_from(n1).unwrap_or(i64::MAX)),
            );
        }
        Network {
            name: self.name,
            people: self.people,
            relations: self.relations.into_iter().map(|(_, r)| r).collect(),
            partitions: self.partitions,
            vectors: self.vectors,
            attributes,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ListKind {
    Pairs,
    Lists,
}

/// What the lines after a section header are.
enum Section {
    /// Before any section.
    Start,
    Vertices,
    Ties {
        directed: bool,
        key: Option<i64>,
        kind: ListKind,
    },
    Matrix {
        key: Option<i64>,
        /// Values read so far.
        read: usize,
    },
    /// `*Partition` / `*Vector` seen, waiting for its `*Vertices n`.
    ClassHeader {
        vector: bool,
        name: String,
        line: usize,
    },
    Classes {
        vector: bool,
        name: String,
        line: usize,
        n: usize,
        ints: Vec<Option<i64>>,
        reals: Vec<Option<f64>>,
    },
    /// An object samspill does not read (permutation, cluster, hierarchy);
    /// `fresh` until its own `*Vertices n` line has been seen.
    Skip {
        fresh: bool,
    },
}

struct Reader {
    ctx: Ctx,
    stem: String,
    input_len: usize,
    /// The file is a bare `.clu` / `.vec`: a leading `*Vertices` starts a
    /// partition / vector named after the file.
    bare_classes: Option<bool>,
    done: Vec<Network>,
    current: Option<NetBuilder>,
    section: Section,
    /// Partitions and vectors met before any network: they go to the first
    /// network of their size once the file is read (a `*Partition` before
    /// the first `*Network` is not a network of its own: issue 14).
    pending: Vec<PendingClasses>,
}

/// A partition or vector waiting for its network.
struct PendingClasses {
    vector: bool,
    name: String,
    line: usize,
    n: usize,
    ints: Vec<Option<i64>>,
    reals: Vec<Option<f64>>,
}

/// Reads a Pajek file.
pub(crate) fn read(bytes: &[u8], file_name: &str) -> Result<Document, FormatError> {
    let (text, fallback) = decode_text(bytes);
    let lower = file_name.to_ascii_lowercase();
    let bare_classes = if lower.ends_with(".clu") {
        Some(false)
    } else if lower.ends_with(".vec") {
        Some(true)
    } else {
        None
    };
    let mut r = Reader {
        ctx: Ctx::new(file_name),
        stem: stem(file_name),
        input_len: bytes.len(),
        bare_classes,
        done: Vec::new(),
        current: None,
        section: Section::Start,
        pending: Vec::new(),
    };
    if fallback {
        r.ctx.warn(
            None,
            "the file is not UTF-8; it was read as Windows-1252 (check æ, ø, å in labels)",
        );
    }
    let mut last_line = 0;
    for (no, line) in lines(&text) {
        last_line = no;
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('%') {
            continue;
        }
        if trimmed.starts_with('*') {
            r.header(no, line)?;
        } else {
            r.data(no, line)?;
        }
    }
    r.end_section(last_line + 1)?;
    if let Some(net) = r.current.take() {
        r.done.push(net.finish());
    }
    r.attach_pending();
    if r.done.is_empty() {
        return Err(r.ctx.err_text(
            None,
            None,
            "expected a network (\"*Vertices n\"), found none",
            crate::Text::new("formats-pajek-no-network", Vec::new()),
        ));
    }
    Ok(Document {
        networks: r.done,
        warnings: r.ctx.warnings,
    })
}

impl Reader {
    fn net_mut(&mut self) -> Option<&mut NetBuilder> {
        self.current.as_mut()
    }

    /// Closes the section that is open before a new header (or the end).
    fn end_section(&mut self, line: usize) -> Result<(), FormatError> {
        let section = std::mem::replace(&mut self.section, Section::Start);
        match section {
            Section::ClassHeader { vector, name, line } => {
                let what = if vector { "*Vector" } else { "*Partition" };
                Err(self.ctx.err(
                    line,
                    format!("expected \"*Vertices n\" after {what} {name:?}"),
                ))
            }
            Section::Classes {
                vector,
                name,
                line: start,
                n,
                ints,
                reals,
            } => {
                let got = if vector { reals.len() } else { ints.len() };
                if got < n {
                    let what = if vector { "vector" } else { "partition" };
                    return Err(self.ctx.err(
                        line,
                        format!(
                            "expected {n} values for {what} {name:?} (begun on line {start}), found {got}"
                        ),
                    ));
                }
                self.attach(vector, name, start, n, ints, reals);
                Ok(())
            }
            Section::Matrix { read, .. } => {
                let (rows, cols) = self.matrix_shape();
                if read != rows * cols {
                    return Err(self.ctx.err(
                        line,
                        format!(
                            "expected {} matrix values ({rows} rows of {cols}), found {read}",
                            rows * cols
                        ),
                    ));
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    fn matrix_shape(&self) -> (usize, usize) {
        match &self.current {
            Some(net) => {
                let n = net.people.len();
                match net.mode1 {
                    Some(n1) => (n1, n - n1.min(n)),
                    None => (n, n),
                }
            }
            None => (0, 0),
        }
    }

    /// Puts a partition or vector on the closest earlier network of its size.
    fn attach(
        &mut self,
        vector: bool,
        name: String,
        line: usize,
        n: usize,
        ints: Vec<Option<i64>>,
        reals: Vec<Option<f64>>,
    ) {
        let what = if vector { "vector" } else { "partition" };
        if self.done.is_empty() && self.current.as_ref().is_none_or(|c| !c.has_vertices) {
            // Before any network: wait for one (see `attach_pending`).
            self.pending.push(PendingClasses {
                vector,
                name,
                line,
                n,
                ints,
                reals,
            });
            return;
        }
        let fits_current = self
            .current
            .as_ref()
            .is_some_and(|c| c.has_vertices && c.people.len() == n);
        if !fits_current
            && self.current.as_ref().is_none_or(|c| !c.has_vertices)
            && self.done.is_empty()
        {
            // A bare .clu / .vec: keep it on a network of unlabelled vertices.
            let mut net = NetBuilder::new(self.stem.clone());
            net.people = (1..=n)
                .map(|i| Person::new(i.to_string(), i.to_string()))
                .collect();
            net.listed = vec![false; n];
            net.has_vertices = true;
            self.current = Some(net);
            self.ctx.warn(
                Some(line),
                format!(
                    "{what} {name:?} comes with no network; it is kept on {n} unlabelled vertices"
                ),
            );
        }
        if let Some(c) = self
            .current
            .as_mut()
            .filter(|c| c.has_vertices && c.people.len() == n)
        {
            if vector {
                c.vectors.push(Vector {
                    name,
                    values: reals,
                });
            } else {
                c.partitions.push(Partition {
                    name,
                    classes: ints,
                });
            }
            return;
        }
        if let Some(net) = self.done.iter_mut().rev().find(|net| net.people.len() == n) {
            if vector {
                net.vectors.push(Vector {
                    name,
                    values: reals,
                });
            } else {
                net.partitions.push(Partition {
                    name,
                    classes: ints,
                });
            }
            return;
        }
        self.ctx.warn(
            Some(line),
            format!(
                "{what} {name:?} has {n} vertices but no network before it has {n}; it was skipped"
            ),
        );
    }

    /// Puts the partitions and vectors read before any network on the
    /// first network of their size; with no network at all, on a network of
    /// unlabelled vertices (a bare `.clu` / `.vec`).
    fn attach_pending(&mut self) {
        for p in std::mem::take(&mut self.pending) {
            let what = if p.vector { "vector" } else { "partition" };
            let (n, name) = (p.n, p.name);
            let found = self.done.iter().position(|net| net.people.len() == n);
            let target = match found {
                Some(k) => &mut self.done[k],
                None if self.done.iter().all(|net| net.people.is_empty()) => {
                    self.done.retain(|net| !net.people.is_empty());
                    let mut net = NetBuilder::new(self.stem.clone());
                    net.people = (1..=n)
                        .map(|i| Person::new(i.to_string(), i.to_string()))
                        .collect();
                    self.done.push(net.finish());
                    self.ctx.warn(
                        Some(p.line),
                        format!(
                            "{what} {name:?} comes with no network; it is kept on {n} unlabelled vertices"
                        ),
                    );
                    let last = self.done.len() - 1;
                    &mut self.done[last]
                }
                None => {
                    self.ctx.warn(
                        Some(p.line),
                        format!(
                            "{what} {name:?} has {n} vertices but no network in the file has {n}; it was skipped"
                        ),
                    );
                    continue;
                }
            };
            if p.vector {
                target.vectors.push(Vector {
                    name,
                    values: p.reals,
                });
            } else {
                target.partitions.push(Partition {
                    name,
                    classes: p.ints,
                });
            }
        }
    }

    fn header(&mut self, no: usize, line: &str) -> Result<(), FormatError> {
        let trimmed = line.trim();
        let body = trimmed.get(1..).unwrap_or("");
        let (word, rest) = match body.find(char::is_whitespace) {
            Some(i) => (
                body.get(..i).unwrap_or(""),
                body.get(i..).unwrap_or("").trim(),
            ),
            None => (body, ""),
        };
        let word = word.to_ascii_lowercase();
        // The `*Vertices n` of an object that is skipped.
        if word == "vertices"
            && let Section::Skip { fresh: true } = self.section
        {
            self.section = Section::Skip { fresh: false };
            return Ok(());
        }
        // A `*Vertices` that sizes a partition or vector.
        if word == "vertices"
            && let Section::ClassHeader { .. } = self.section
        {
            let n = self.vertex_count(no, line, rest)?.0;
            if let Section::ClassHeader { vector, name, line } =
                std::mem::replace(&mut self.section, Section::Start)
            {
                self.section = Section::Classes {
                    vector,
                    name,
                    line,
                    n,
                    ints: Vec::new(),
                    reals: Vec::new(),
                };
            }
            return Ok(());
        }
        self.end_section(no)?;
        match word.as_str() {
            "network" => {
                if let Some(net) = self.current.take() {
                    self.done.push(net.finish());
                }
                let name = rest.trim_matches('"').trim();
                let name = if name.is_empty() {
                    self.stem.clone()
                } else {
                    name.to_string()
                };
                self.current = Some(NetBuilder::new(name));
            }
            "vertices" => {
                if let Some(vector) = self.bare_classes.take()
                    && self.current.is_none()
                    && self.done.is_empty()
                {
                    let (n, _) = self.vertex_count(no, line, rest)?;
                    self.section = Section::Classes {
                        vector,
                        name: self.stem.clone(),
                        line: no,
                        n,
                        ints: Vec::new(),
                        reals: Vec::new(),
                    };
                    return Ok(());
                }
                let (n, n1) = self.vertex_count(no, line, rest)?;
                if self.current.as_ref().is_some_and(|c| c.has_vertices) {
                    // A second vertex list without `*Network`: a new network.
                    if let Some(net) = self.current.take() {
                        self.done.push(net.finish());
                    }
                }
                let stem = self.stem.clone();
                let net = self.current.get_or_insert_with(|| NetBuilder::new(stem));
                net.people = (1..=n)
                    .map(|i| Person::new(i.to_string(), i.to_string()))
                    .collect();
                net.listed = vec![false; n];
                net.has_vertices = true;
                net.mode1 = n1;
                self.section = Section::Vertices;
            }
            "arcs" | "edges" | "arcslist" | "edgeslist" | "matrix" => {
                if !self.current.as_ref().is_some_and(|c| c.has_vertices) {
                    return Err(self
                        .ctx
                        .err(no, format!("expected \"*Vertices n\" before *{word}")));
                }
                let (key, name) = self.relation_spec(no, line, rest)?;
                if let Some(net) = self.net_mut() {
                    let r = net.relation(key, name.as_deref());
                    if word != "matrix" {
                        net.declared.push((r, word.starts_with("arcs")));
                    }
                }
                self.section = match word.as_str() {
                    "matrix" => Section::Matrix { key, read: 0 },
                    w => Section::Ties {
                        directed: w.starts_with("arcs"),
                        key,
                        kind: if w.ends_with("list") {
                            ListKind::Lists
                        } else {
                            ListKind::Pairs
                        },
                    },
                };
            }
            "partition" | "vector" => {
                let name = rest.trim_matches('"').trim();
                let name = if name.is_empty() {
                    self.stem.clone()
                } else {
                    name.to_string()
                };
                self.section = Section::ClassHeader {
                    vector: word == "vector",
                    name,
                    line: no,
                };
            }
            _ => {
                self.ctx.warn(
                    Some(no),
                    format!("section *{word} is not read by samspill; it was skipped"),
                );
                self.section = Section::Skip { fresh: true };
            }
        }
        Ok(())
    }

    /// Parses `n` or `n n1` after `*Vertices`.
    fn vertex_count(
        &self,
        no: usize,
        line: &str,
        rest: &str,
    ) -> Result<(usize, Option<usize>), FormatError> {
        let col = |s: &str| {
            let off = line.find(s).unwrap_or(0);
            column_of(line, off)
        };
        let mut parts = rest.split_whitespace();
        let Some(first) = parts.next() else {
            return Err(self
                .ctx
                .err(no, "expected the number of vertices after *Vertices"));
        };
        let n: usize = first.parse().map_err(|_| {
            self.ctx.err_at(
                no,
                col(first),
                format!("expected the number of vertices after *Vertices, found {first:?}"),
            )
        })?;
        let limit = vertex_limit(self.input_len);
        if n > limit {
            return Err(self.ctx.err_at(
                no,
                col(first),
                format!("{n} vertices is more than this file can describe (at most {limit})"),
            ));
        }
        let n1 = match parts.next() {
            None => None,
            Some(s) => match s.parse::<usize>() {
                Ok(n1) if n1 <= n => Some(n1),
                _ => {
                    return Err(self.ctx.err_at(
                        no,
                        col(s),
                        format!(
                            "expected the size of the first mode (a number from 0 to {n}), found {s:?}"
                        ),
                    ));
                }
            },
        };
        Ok((n, n1))
    }

    /// Parses `:k "name"` after `*Arcs` / `*Edges` / `*Matrix`.
    fn relation_spec(
        &self,
        no: usize,
        line: &str,
        rest: &str,
    ) -> Result<(Option<i64>, Option<String>), FormatError> {
        let toks = tokenize(rest).map_err(|(_, m)| self.ctx.err(no, m))?;
        let mut key = None;
        let mut name = None;
        for t in toks {
            if t.kind == TokKind::Plain && t.text.starts_with(':') {
                let k = t.text.get(1..).unwrap_or("");
                key = Some(k.parse::<i64>().map_err(|_| {
                    let off = line.find(t.text).unwrap_or(0);
                    self.ctx.err_at(
                        no,
                        column_of(line, off),
                        format!("expected a relation number after ':', found {k:?}"),
                    )
                })?);
            } else if name.is_none() {
                name = Some(t.text.to_string());
            }
        }
        Ok((key, name))
    }

    fn data(&mut self, no: usize, line: &str) -> Result<(), FormatError> {
        match &self.section {
            Section::Start => {
                let col = column_of(line, line.len() - line.trim_start().len());
                Err(self.ctx.err_at(
                    no,
                    col,
                    "expected a section line such as \"*Vertices n\" or \"*Network name\"",
                ))
            }
            Section::Skip { .. } => Ok(()),
            Section::ClassHeader { vector, name, .. } => {
                let what = if *vector { "*Vector" } else { "*Partition" };
                Err(self.ctx.err(
                    no,
                    format!("expected \"*Vertices n\" after {what} {name:?}"),
                ))
            }
            Section::Vertices => self.vertex_line(no, line),
            Section::Ties {
                directed,
                key,
                kind,
            } => {
                let (directed, key, kind) = (*directed, *key, *kind);
                self.tie_line(no, line, directed, key, kind)
            }
            Section::Matrix { .. } => self.matrix_line(no, line),
            Section::Classes { .. } => self.class_line(no, line),
        }
    }

    fn vertex_number(
        &self,
        no: usize,
        line: &str,
        tok: &Tok<'_>,
        n: usize,
    ) -> Result<usize, FormatError> {
        match tok.text.parse::<usize>() {
            Ok(v) if v >= 1 && v <= n && tok.kind == TokKind::Plain => Ok(v - 1),
            _ => Err(self.ctx.err_at(
                no,
                column_of(line, tok.start),
                format!(
                    "expected a vertex number between 1 and {n}, found {:?}",
                    tok.text
                ),
            )),
        }
    }

    fn vertex_line(&mut self, no: usize, line: &str) -> Result<(), FormatError> {
        let toks =
            tokenize(line).map_err(|(off, m)| self.ctx.err_at(no, column_of(line, off), m))?;
        let n = self.current.as_ref().map_or(0, |c| c.people.len());
        let Some(first) = toks.first() else {
            return Ok(());
        };
        let v = self.vertex_number(no, line, first, n)?;
        let mut i = 1;
        let mut label = None;
        if let Some(t) = toks.get(1)
            && t.kind != TokKind::Bracket
        {
            label = Some(t.value());
            i = 2;
        }
        let mut attributes = BTreeMap::new();
        for axis in ["x", "y", "z"] {
            match toks.get(i) {
                Some(t) if t.kind == TokKind::Plain => match parse_finite(t.text) {
                    Some(val) => {
                        attributes.insert(axis.to_string(), AttrValue::Float(val));
                        i += 1;
                    }
                    None => break,
                },
                _ => break,
            }
        }
        let mut spells = Vec::new();
        let mut skipped = Vec::new();
        while let Some(t) = toks.get(i) {
            i += 1;
            match t.kind {
                // `[]`: an empty time mark, "always" (the CAVIAR data set
                // writes them).
                TokKind::Bracket if t.text.trim().is_empty() => {}
                TokKind::Bracket => match parse_spells(t.text) {
                    Some(s) => spells.extend(s),
                    None => return Err(self.bad_time_mark(no, line, t)),
                },
                _ => {
                    let key = t.text.to_ascii_lowercase();
                    if SHAPES.contains(&key.as_str()) {
                        attributes.insert("shape".to_string(), AttrValue::Text(key));
                    } else if VERTEX_PARAMS.contains(&key.as_str()) {
                        match toks.get(i) {
                            Some(val) if val.kind != TokKind::Bracket => {
                                attributes.insert(key, number_value(val.text));
                                i += 1;
                            }
                            _ => skipped.push(t.text.to_string()),
                        }
                    } else if let Some(val) = toks.get(i).filter(|v| {
                        let lower = v.text.to_ascii_lowercase();
                        v.kind != TokKind::Bracket
                            && !SHAPES.contains(&lower.as_str())
                            && !VERTEX_PARAMS.contains(&lower.as_str())
                    }) {
                        // `key value`: NetworkX writes node attributes so.
                        attributes.insert(t.value(), attr_value(val));
                        i += 1;
                    } else {
                        skipped.push(t.text.to_string());
                    }
                }
            }
        }
        if !skipped.is_empty() {
            self.ctx.warn(
                Some(no),
                format!(
                    "vertex {}: skipped unknown parameters {}",
                    v + 1,
                    skipped.join(" ")
                ),
            );
        }
        let Some(net) = self.current.as_mut() else {
            return Ok(());
        };
        let twice = net.listed.get(v).copied().unwrap_or(false);
        if let Some(flag) = net.listed.get_mut(v) {
            *flag = true;
        }
        if let Some(p) = net.people.get_mut(v) {
            if let Some(label) = label {
                p.label = label;
            }
            p.attributes = attributes;
            p.spells = spells;
        }
        if twice {
            self.ctx.warn(
                Some(no),
                format!("vertex {} is listed twice; the later line is used", v + 1),
            );
        }
        Ok(())
    }

    fn tie_line(
        &mut self,
        no: usize,
        line: &str,
        directed: bool,
        key: Option<i64>,
        kind: ListKind,
    ) -> Result<(), FormatError> {
        let n = self.current.as_ref().map_or(0, |c| c.people.len());
        // Most lines of a large file are just `from to [value]`: read those
        // without the general tokenizer and its allocations (a third of the
        // time of reading a million ties). Anything else, and any number out
        // of range, goes the general way, which also words the errors.
        if kind == ListKind::Pairs
            && let Some((a, b, value)) = plain_pair(line)
            && (1..=n).contains(&a)
            && (1..=n).contains(&b)
        {
            if let Some(net) = self.current.as_mut() {
                let r = net.relation(key, None);
                if let Some((_, rel)) = net.relations.get_mut(r) {
                    rel.ties.push(Tie {
                        source: a - 1,
                        target: b - 1,
                        value,
                        directed,
                        spells: Vec::new(),
                        attributes: BTreeMap::new(),
                    });
                }
            }
            return Ok(());
        }
        let toks =
            tokenize(line).map_err(|(off, m)| self.ctx.err_at(no, column_of(line, off), m))?;
        let mut toks = toks.as_slice();
        let mut key = key;
        // `k: from to ...` gives the relation number on the line.
        if let Some((first, rest)) = toks.split_first()
            && first.kind == TokKind::Plain
            && first.text.ends_with(':')
        {
            let k = first.text.get(..first.text.len() - 1).unwrap_or("");
            key = Some(k.parse::<i64>().map_err(|_| {
                self.ctx.err_at(
                    no,
                    column_of(line, first.start),
                    format!("expected a relation number before ':', found {k:?}"),
                )
            })?);
            toks = rest;
        }
        let (Some(a), Some(b)) = (toks.first(), toks.get(1)) else {
            return Err(self.ctx.err(
                no,
                "expected a tie line \"from to [value]\" with two vertex numbers",
            ));
        };
        let source = self.vertex_number(no, line, a, n)?;
        let mut ties = Vec::new();
        let mut spells = Vec::new();
        let mut attributes = BTreeMap::new();
        match kind {
            ListKind::Lists => {
                for t in toks.get(1..).unwrap_or(&[]) {
                    if t.kind == TokKind::Bracket {
                        if t.text.trim().is_empty() {
                            continue;
                        }
                        match parse_spells(t.text) {
                            Some(s) => spells.extend(s),
                            None => return Err(self.bad_time_mark(no, line, t)),
                        }
                        continue;
                    }
                    let target = self.vertex_number(no, line, t, n)?;
                    ties.push(target);
                }
            }
            ListKind::Pairs => {
                ties.push(self.vertex_number(no, line, b, n)?);
            }
        }
        let mut value = 1.0;
        if kind == ListKind::Pairs {
            let mut i = 2;
            if let Some(t) = toks.get(2)
                && t.kind == TokKind::Plain
            {
                if let Some(v) = parse_finite(t.text) {
                    value = v;
                    i = 3;
                } else if !TIE_PARAMS.contains(&t.text.to_ascii_lowercase().as_str()) {
                    return Err(self.ctx.err_at(
                        no,
                        column_of(line, t.start),
                        format!("expected a tie value (a finite number), found {:?}", t.text),
                    ));
                }
            }
            let mut skipped = Vec::new();
            while let Some(t) = toks.get(i) {
                i += 1;
                if t.kind == TokKind::Bracket {
                    if t.text.trim().is_empty() {
                        continue;
                    }
                    match parse_spells(t.text) {
                        Some(s) => spells.extend(s),
                        None => return Err(self.bad_time_mark(no, line, t)),
                    }
                    continue;
                }
                let k = t.text.to_ascii_lowercase();
                if TIE_PARAMS.contains(&k.as_str()) {
                    match toks.get(i) {
                        Some(val) if val.kind != TokKind::Bracket => {
                            let key = match k.as_str() {
                                "l" => "label".to_string(),
                                "c" => "color".to_string(),
                                "w" => "width".to_string(),
                                "p" => "pattern".to_string(),
                                _ => k,
                            };
                            attributes.insert(key, number_value(val.text));
                            i += 1;
                        }
                        _ => skipped.push(t.text.to_string()),
                    }
                } else if let Some(val) = toks.get(i).filter(|v| {
                    v.kind != TokKind::Bracket
                        && !TIE_PARAMS.contains(&v.text.to_ascii_lowercase().as_str())
                }) {
                    // `key value`: NetworkX writes edge attributes so.
                    attributes.insert(t.value(), attr_value(val));
                    i += 1;
                } else {
                    skipped.push(t.text.to_string());
                }
            }
            if !skipped.is_empty() {
                self.ctx.warn(
                    Some(no),
                    format!("skipped unknown tie parameters {}", skipped.join(" ")),
                );
            }
        }
        let Some(net) = self.current.as_mut() else {
            return Ok(());
        };
        let r = net.relation(key, None);
        if let Some((_, rel)) = net.relations.get_mut(r) {
            for target in ties {
                rel.ties.push(Tie {
                    source,
                    target,
                    value,
                    directed,
                    spells: spells.clone(),
                    attributes: attributes.clone(),
                });
            }
        }
        Ok(())
    }

    fn bad_time_mark(&self, no: usize, line: &str, t: &Tok<'_>) -> FormatError {
        self.ctx.err_text(
            Some(no),
            Some(column_of(line, t.start)),
            format!(
                "expected a time mark such as [3], [1-4] or [5-*] (a start no later than its end), found [{}]",
                t.text
            ),
            crate::Text::new(
                "formats-pajek-bad-time-mark",
                vec![("mark", crate::TextArg::Str(crate::excerpt(t.text, 60)))],
            ),
        )
    }

    fn matrix_line(&mut self, no: usize, line: &str) -> Result<(), FormatError> {
        let (rows, cols) = self.matrix_shape();
        let total = rows * cols;
        let mode1 = self.current.as_ref().and_then(|c| c.mode1);
        let Section::Matrix { key, read } = &mut self.section else {
            return Ok(());
        };
        let key = *key;
        let mut new_ties = Vec::new();
        for (off, word) in split_words(line) {
            if *read >= total {
                return Err(self.ctx.err_at(
                    no,
                    column_of(line, off),
                    format!("expected a new section: the matrix already has its {total} values ({rows} rows of {cols})"),
                ));
            }
            let Some(v) = parse_finite(word) else {
                return Err(self.ctx.err_at(
                    no,
                    column_of(line, off),
                    format!("expected a matrix value (a number), found {word:?}"),
                ));
            };
            let (r, c) = (*read / cols.max(1), *read % cols.max(1));
            *read += 1;
            if v != 0.0 {
                new_ties.push(match mode1 {
                    Some(n1) => Tie::edge(r, n1 + c, v),
                    None => Tie::arc(r, c, v),
                });
            }
        }
        if let Some(net) = self.current.as_mut() {
            let ri = net.relation(key, None);
            if let Some((_, rel)) = net.relations.get_mut(ri) {
                rel.ties.extend(new_ties);
            }
        }
        Ok(())
    }

    fn class_line(&mut self, no: usize, line: &str) -> Result<(), FormatError> {
        let Section::Classes {
            vector,
            n,
            ints,
            reals,
            name,
            ..
        } = &mut self.section
        else {
            return Ok(());
        };
        for (off, word) in split_words(line) {
            let got = if *vector { reals.len() } else { ints.len() };
            if got >= *n {
                let what = if *vector { "vector" } else { "partition" };
                return Err(self.ctx.err_at(
                    no,
                    column_of(line, off),
                    format!("expected a new section: {what} {name:?} already has its {n} values"),
                ));
            }
            if *vector {
                let Some(v) = parse_finite(word) else {
                    return Err(self.ctx.err_at(
                        no,
                        column_of(line, off),
                        format!("expected a vector value (a number), found {word:?}"),
                    ));
                };
                reals.push(if v == MISSING as f64 { None } else { Some(v) });
            } else {
                let Ok(v) = word.parse::<i64>() else {
                    return Err(self.ctx.err_at(
                        no,
                        column_of(line, off),
                        format!("expected a partition class (a whole number), found {word:?}"),
                    ));
                };
                ints.push(if v == MISSING { None } else { Some(v) });
            }
        }
        Ok(())
    }
}

/// Blank-separated words with their byte offsets.
fn split_words(line: &str) -> impl Iterator<Item = (usize, &str)> {
    line.split(char::is_whitespace)
        .scan(0usize, |pos, w| {
            let off = *pos;
            *pos += w.len() + 1;
            Some((off, w))
        })
        .filter(|(_, w)| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the general path reads from a `from to [value]` line.
    fn general_pair(line: &str) -> Option<(usize, usize, f64)> {
        let toks = tokenize(line).ok()?;
        if !(2..=3).contains(&toks.len()) || toks.iter().any(|t| t.kind != TokKind::Plain) {
            return None;
        }
        if toks[0].text.ends_with(':') {
            return None;
        }
        let a = toks[0].text.parse::<usize>().ok()?;
        let b = toks[1].text.parse::<usize>().ok()?;
        let value = match toks.get(2) {
            None => 1.0,
            Some(t) => parse_finite(t.text)?,
        };
        Some((a, b, value))
    }

    #[test]
    fn plain_pairs_read_as_the_general_path_reads_them() {
        for (line, want) in [
            ("1 2", Some((1, 2, 1.0))),
            ("  3\t4   2.5  ", Some((3, 4, 2.5))),
            ("10 20 -1e-3", Some((10, 20, -0.001))),
            ("1 2 3 4", None),
            ("1: 2 3", None),
            ("1 2 [3]", None),
            ("\"1\" 2", None),
            ("1 2 w 3", None),
            ("1 2 inf", None),
            ("1 2 e", None),
            ("1\u{a0}2", None),
            ("1", None),
            ("", None),
        ] {
            assert_eq!(plain_pair(line), want, "{line:?}");
        }
        // Random lines over the characters that matter: wherever the fast
        // path reads a line, the general path reads the same tie.
        let alphabet: Vec<char> = "0123456789 \t.-+eE:[]\"wx\u{a0}".chars().collect();
        let mut rng = samspill_engine::rng::SplitMix64::new(7);
        let mut fast = 0;
        for _ in 0..200_000 {
            let len = (rng.next_u64() % 12) as usize;
            let line: String = (0..len)
                .map(|_| alphabet[(rng.next_u64() % alphabet.len() as u64) as usize])
                .collect();
            if let Some(p) = plain_pair(&line) {
                fast += 1;
                assert_eq!(Some(p), general_pair(&line), "{line:?}");
            }
        }
        assert!(
            fast > 500,
            "too few random lines took the fast path: {fast}"
        );
    }

    #[test]
    fn escaped_quotes() {
        let t = tokenize(r#"5 "Per \"Pelle\" Ås \\ co" 0.0 club "Mr. Hi""#).unwrap();
        let values: Vec<_> = t.iter().map(|t| t.value()).collect();
        assert_eq!(
            values,
            vec!["5", r#"Per "Pelle" Ås \ co"#, "0.0", "club", "Mr. Hi"]
        );
        // A label ending in a backslash, Pajek style: the first quote closes it.
        let t = tokenize(r#"1 "C:\" 0.5"#).unwrap();
        let values: Vec<_> = t.iter().map(|t| t.value()).collect();
        assert_eq!(values, vec!["1", r"C:\", "0.5"]);
    }

    #[test]
    fn tokens() {
        let t = tokenize(r#"  1 "Blå Øst" 0.1 [1-4] ic Red"#).unwrap();
        let texts: Vec<_> = t.iter().map(|t| (t.text, t.kind)).collect();
        assert_eq!(
            texts,
            vec![
                ("1", TokKind::Plain),
                ("Blå Øst", TokKind::Quoted),
                ("0.1", TokKind::Plain),
                ("1-4", TokKind::Bracket),
                ("ic", TokKind::Plain),
                ("Red", TokKind::Plain)
            ]
        );
        assert!(tokenize(r#"1 "open"#).is_err());
    }

    #[test]
    fn spells() {
        let s = |a: Option<&str>, b: Option<&str>| Spell {
            start: a.map(String::from),
            end: b.map(String::from),
        };
        assert_eq!(parse_spells("3"), Some(vec![s(Some("3"), Some("3"))]));
        assert_eq!(parse_spells("5-*"), Some(vec![s(Some("5"), None)]));
        assert_eq!(
            parse_spells("1,3-5"),
            Some(vec![s(Some("1"), Some("1")), s(Some("3"), Some("5"))])
        );
        assert_eq!(parse_spells(""), None);
        assert_eq!(parse_spells("3-"), None);
    }

    #[test]
    fn words() {
        let w: Vec<_> = split_words("  1 22\t3").collect();
        assert_eq!(w, vec![(2, "1"), (4, "22"), (7, "3")]);
    }
}

// ---------------------------------------------------------------------------
// Writing

/// The class or value written for a person without one. Pajek has no
/// missing value in `.clu` / `.vec` files; samspill writes this number and
/// reads it back as "no class".
pub(crate) const MISSING: i64 = 9_999_998;

/// Collects what the format cannot hold, counting repeats.
#[derive(Default)]
pub(crate) struct Dropped {
    items: Vec<(String, usize)>,
}

impl Dropped {
    pub(crate) fn add(&mut self, what: impl Into<String>) {
        let what = what.into();
        match self.items.iter_mut().find(|(w, _)| *w == what) {
            Some((_, n)) => *n += 1,
            None => self.items.push((what, 1)),
        }
    }

    pub(crate) fn into_vec(self) -> Vec<String> {
        self.items
            .into_iter()
            .map(|(w, n)| if n == 1 { w } else { format!("{w} (×{n})") })
            .collect()
    }
}

/// A Pajek label or name: quotes and line ends have no place in it.
fn clean(s: &str, dropped: &mut Dropped, what: &str) -> String {
    if s.contains(['"', '\n', '\r']) {
        dropped.add(format!("quotes or line breaks in {what} (replaced)"));
        s.replace('"', "'").replace(['\n', '\r'], " ")
    } else {
        s.to_string()
    }
}

fn spell_point(p: &Option<String>) -> Option<String> {
    match p {
        None => Some("*".to_string()),
        Some(s)
            if !s.is_empty()
                && !s.contains(['-', ',', ']', '[', '*'])
                && !s.contains(char::is_whitespace) =>
        {
            Some(s.clone())
        }
        Some(_) => None,
    }
}

/// `[1,3-5]`, or `None` when a point cannot be written as a time mark.
pub(crate) fn time_mark(spells: &[Spell]) -> Option<String> {
    let mut parts = Vec::new();
    for s in spells {
        let (a, b) = (spell_point(&s.start)?, spell_point(&s.end)?);
        if a == b && a != "*" {
            parts.push(a);
        } else {
            parts.push(format!("{a}-{b}"));
        }
    }
    Some(format!("[{}]", parts.join(",")))
}

fn param_text(v: &AttrValue) -> Option<String> {
    let t = v.to_text();
    if t.is_empty() || t.contains(['"', '\n', '\r']) {
        None
    } else if t.contains(char::is_whitespace) {
        Some(format!("\"{t}\""))
    } else {
        Some(t)
    }
}

/// Writes networks as a Pajek project (`*Network` blocks with their
/// partitions and vectors).
pub(crate) fn write(networks: &[Network]) -> (Vec<u8>, Vec<String>) {
    use std::fmt::Write as _;
    let mut out = String::new();
    let mut dropped = Dropped::default();
    for net in networks {
        let n = net.people.len();
        let name = clean(&net.name, &mut dropped, "network names");
        let _ = writeln!(out, "*Network {name}");
        let mode1 = match net.attributes.get("mode1_size") {
            Some(AttrValue::Int(k)) if *k >= 0 && (*k as u64) <= n as u64 => Some(*k),
            _ => None,
        };
        for key in net.attributes.keys() {
            if key != "mode1_size" || mode1.is_none() {
                dropped.add(format!("network attribute {key:?}"));
            }
        }
        match mode1 {
            Some(k) => {
                let _ = writeln!(out, "*Vertices {n} {k}");
            }
            None => {
                let _ = writeln!(out, "*Vertices {n}");
            }
        }
        for (i, p) in net.people.iter().enumerate() {
            if p.id != (i + 1).to_string() {
                dropped.add("person ids (Pajek numbers vertices 1..n)");
            }
            if !p.functions.is_empty() {
                dropped.add("functions");
            }
            if p.unit.is_some() {
                dropped.add("units");
            }
            if p.level.is_some() {
                dropped.add("levels");
            }
            if !p.responded {
                dropped.add("non-respondent marks");
            }
            let label = clean(&p.label, &mut dropped, "labels");
            let _ = write!(out, "{} \"{label}\"", i + 1);
            let coord = |k: &str| match p.attributes.get(k) {
                Some(AttrValue::Float(v)) => Some(*v),
                Some(AttrValue::Int(v)) => Some(*v as f64),
                _ => None,
            };
            let mut used: Vec<&str> = Vec::new();
            if let (Some(x), Some(y)) = (coord("x"), coord("y")) {
                let _ = write!(out, " {x} {y}");
                used.extend(["x", "y"]);
                if let Some(z) = coord("z") {
                    let _ = write!(out, " {z}");
                    used.push("z");
                }
            }
            if let Some(AttrValue::Text(shape)) = p.attributes.get("shape")
                && SHAPES.contains(&shape.as_str())
            {
                let _ = write!(out, " {shape}");
                used.push("shape");
            }
            for (k, v) in &p.attributes {
                if used.contains(&k.as_str()) {
                    continue;
                }
                match (VERTEX_PARAMS.contains(&k.as_str()), param_text(v)) {
                    (true, Some(t)) => {
                        let _ = write!(out, " {k} {t}");
                    }
                    _ => dropped.add(format!("person attribute {k:?}")),
                }
            }
            if !p.spells.is_empty() {
                match time_mark(&p.spells) {
                    Some(m) => {
                        let _ = write!(out, " {m}");
                    }
                    None => dropped.add("person spells with dates or text points"),
                }
            }
            out.push('\n');
        }
        let plain =
            net.relations.len() == 1 && net.relations.first().is_some_and(|r| r.name == net.name);
        for (k, rel) in net.relations.iter().enumerate() {
            let spec = if plain {
                String::new()
            } else {
                format!(
                    " :{} \"{}\"",
                    k + 1,
                    clean(&rel.name, &mut dropped, "relation names")
                )
            };
            let mut current: Option<bool> = None;
            if rel.ties.is_empty() {
                // No ties to show the direction: the network says it.
                let word = if net.relation_directed(rel) {
                    "Arcs"
                } else {
                    "Edges"
                };
                let _ = writeln!(out, "*{word}{spec}");
            }
            for t in &rel.ties {
                if current != Some(t.directed) {
                    let word = if t.directed { "Arcs" } else { "Edges" };
                    let _ = writeln!(out, "*{word}{spec}");
                    current = Some(t.directed);
                }
                let _ = write!(out, "{} {} {}", t.source + 1, t.target + 1, t.value);
                for (key, v) in &t.attributes {
                    let code = match key.as_str() {
                        "label" => "l",
                        "color" => "c",
                        "width" => "w",
                        "pattern" => "p",
                        k if TIE_PARAMS.contains(&k) && !["l", "c", "w", "p"].contains(&k) => k,
                        _ => {
                            dropped.add(format!("tie attribute {key:?}"));
                            continue;
                        }
                    };
                    match param_text(v) {
                        Some(t) => {
                            let _ = write!(out, " {code} {t}");
                        }
                        None => dropped.add(format!("tie attribute {key:?}")),
                    }
                }
                if !t.spells.is_empty() {
                    match time_mark(&t.spells) {
                        Some(m) => {
                            let _ = write!(out, " {m}");
                        }
                        None => dropped.add("tie spells with dates or text points"),
                    }
                }
                out.push('\n');
            }
        }
        for p in &net.partitions {
            let name = clean(&p.name, &mut dropped, "partition names");
            let _ = writeln!(out, "*Partition {name}\n*Vertices {n}");
            for c in &p.classes {
                let _ = writeln!(out, "{}", c.unwrap_or(MISSING));
            }
        }
        for v in &net.vectors {
            let name = clean(&v.name, &mut dropped, "vector names");
            let _ = writeln!(out, "*Vector {name}\n*Vertices {n}");
            for x in &v.values {
                match x {
                    Some(x) => {
                        let _ = writeln!(out, "{x}");
                    }
                    None => {
                        let _ = writeln!(out, "{MISSING}");
                    }
                }
            }
        }
    }
    (out.into_bytes(), dropped.into_vec())
}
