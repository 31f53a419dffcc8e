//! # samspill-formats
//!
//! Readers and writers for the network file formats researchers use:
//! Pajek (`.net`, `.paj`, `.clu`, `.vec`), CSV edge lists (with an optional
//! node-attribute CSV), GraphML, GEXF, UCINET DL, XLSX and samspill's own
//! JSON network document.
//!
//! Every reader turns bytes into a [`Document`]: zero or more
//! [`Network`]s plus [`Warning`]s about what was skipped. A reader either
//! returns a whole document or a [`FormatError`] naming the file, line (and
//! column where known) and what was expected; it never returns half a
//! network, and never panics, whatever the input. Every returned network
//! passes [`Network::validate`].
//!
//! Every writer turns a document into bytes ([`Written`]) and lists, in
//! [`Written::dropped`], what the format could not hold.

#![warn(missing_docs)]
// Nested `if`s read more clearly than long let-chains in the parsers.
#![allow(clippy::collapsible_if)]

use std::fmt;
use std::path::{Path, PathBuf};

pub use limits::Limits;
pub use samspill_engine::model::Network;

mod builder;
mod common;
mod dl;
mod edgelist;
mod gexf;
mod graphml;
mod json;
pub mod limits;
mod pajek;
pub mod workbook;
mod xlsx;
mod xml;

/// A network file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Pajek `.net` / `.paj` (also `.clu` partitions and `.vec` vectors).
    Pajek,
    /// A CSV (or TSV) edge list, optionally with a node-attribute CSV.
    Csv,
    /// GraphML (XML).
    GraphMl,
    /// GEXF 1.2draft / 1.3 (Gephi).
    Gexf,
    /// UCINET DL.
    Dl,
    /// An Excel workbook with a roster sheet and a ties sheet.
    Xlsx,
    /// samspill's JSON network document.
    Json,
}

impl Format {
    /// Every format, in a fixed order.
    pub const ALL: [Format; 7] = [
        Format::Pajek,
        Format::Csv,
        Format::GraphMl,
        Format::Gexf,
        Format::Dl,
        Format::Xlsx,
        Format::Json,
    ];

    /// The format a file name's extension names (case-insensitive), or
    /// `None` for an extension no reader knows.
    ///
    /// `.net .paj .clu .vec` → Pajek; `.csv .tsv .txt` → CSV;
    /// `.graphml .xml` → GraphML; `.gexf` → GEXF; `.dl` → UCINET DL;
    /// `.xlsx` → XLSX; `.json` → JSON.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "net" | "paj" | "clu" | "vec" => Format::Pajek,
            "csv" | "tsv" | "txt" => Format::Csv,
            "graphml" | "xml" => Format::GraphMl,
            "gexf" => Format::Gexf,
            "dl" => Format::Dl,
            "xlsx" => Format::Xlsx,
            "json" => Format::Json,
            _ => return None,
        })
    }

    /// A human-readable name ("Pajek", "GraphML", ...).
    pub fn name(self) -> &'static str {
        match self {
            Format::Pajek => "Pajek",
            Format::Csv => "CSV",
            Format::GraphMl => "GraphML",
            Format::Gexf => "GEXF",
            Format::Dl => "UCINET DL",
            Format::Xlsx => "XLSX",
            Format::Json => "JSON",
        }
    }

    /// The usual file extension, without the dot (`net`, `csv`, ...).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pajek => "net",
            Format::Csv => "csv",
            Format::GraphMl => "graphml",
            Format::Gexf => "gexf",
            Format::Dl => "dl",
            Format::Xlsx => "xlsx",
            Format::Json => "json",
        }
    }

    /// Parses a format name as a user would type it on a command line
    /// (`pajek`, `net`, `csv`, `graphml`, `gexf`, `dl`, `ucinet`, `xlsx`,
    /// `json`; case-insensitive).
    pub fn parse(name: &str) -> Option<Format> {
        Some(match name.trim().to_ascii_lowercase().as_str() {
            "pajek" | "net" | "paj" => Format::Pajek,
            "csv" | "tsv" => Format::Csv,
            "graphml" => Format::GraphMl,
            "gexf" => Format::Gexf,
            "dl" | "ucinet" => Format::Dl,
            "xlsx" | "excel" => Format::Xlsx,
            "json" => Format::Json,
            _ => return None,
        })
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Where in an input something was found.
///
/// Displays as `file:line:col`, leaving out what is not known
/// (`file:line`, or just `file`). Lines and columns count from 1; a column
/// counts characters, not bytes, except in CSV and XLSX files where it is
/// the field (cell) number.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    /// The file name as the caller gave it.
    pub file: String,
    /// Line number (1-based), if known.
    pub line: Option<usize>,
    /// Column (1-based, in characters), if known.
    pub column: Option<usize>,
}

impl Location {
    /// A location naming only a file.
    pub fn file(file: impl Into<String>) -> Location {
        Location {
            file: file.into(),
            line: None,
            column: None,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        Ok(())
    }
}

/// Something a reader skipped or dropped, with where it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// Where it was found.
    pub location: Location,
    /// What was skipped and why.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: warning: {}", self.location, self.message)
    }
}

/// A file that could not be read or written: where, what was wrong and what
/// was expected.
///
/// `Display` gives the English text. Show it to a person with
/// [`FormatError::localized`], which uses the message key of
/// `crates/i18n/locales/*/formats.ftl` where the error has one
/// ([`FormatError::text`]).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{location}: {message}")]
pub struct FormatError {
    /// Where the problem is.
    pub location: Location,
    /// What was wrong and what was expected (English).
    pub message: String,
    /// The same message as a translatable key with its arguments, where
    /// one exists (every limit, and the problems found in hostile files).
    pub text: Option<Text>,
}

/// A translatable message: a key of `locales/*/formats.ftl` and its
/// named arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    /// The Fluent message key (`formats-…`).
    pub key: &'static str,
    /// Named arguments.
    pub args: Vec<(&'static str, TextArg)>,
}

/// An argument of a [`Text`].
#[derive(Debug, Clone, PartialEq)]
pub enum TextArg {
    /// Text (a file name, a token excerpt, a limit's name).
    Str(String),
    /// A number (counts and sizes; plural rules apply).
    Num(f64),
}

impl Text {
    /// A message key with its arguments.
    pub fn new(key: &'static str, args: Vec<(&'static str, TextArg)>) -> Text {
        Text { key, args }
    }

    /// The message in the language of `t`.
    pub fn localized(&self, t: &samspill_i18n::Texts) -> String {
        let args: Vec<(&str, samspill_i18n::Arg<'_>)> = self
            .args
            .iter()
            .map(|(k, v)| {
                (
                    *k,
                    match v {
                        TextArg::Str(s) => samspill_i18n::Arg::Str(s),
                        TextArg::Num(n) => samspill_i18n::Arg::Num(*n),
                    },
                )
            })
            .collect();
        t.format(self.key, &args)
    }
}

impl FormatError {
    /// An error at a location, in English only.
    ///
    /// Any quoted excerpt of the file longer than a few dozen characters is
    /// shortened (see [`excerpt`]), so that an error about a 200 MB token
    /// does not repeat it.
    pub fn new(location: Location, message: impl Into<String>) -> FormatError {
        FormatError {
            location,
            message: common::shorten_quotes(&message.into()),
            text: None,
        }
    }

    /// An error at a location with a translatable text; `english` is the
    /// same message in English (for logs and `Display`).
    pub fn translated(location: Location, english: impl Into<String>, text: Text) -> FormatError {
        FormatError {
            text: Some(text),
            ..FormatError::new(location, english)
        }
    }

    /// The error as a person reads it, in the language of `t`: the place
    /// (`file:line:column`) and the message, translated where the error
    /// has a key (English otherwise).
    pub fn localized(&self, t: &samspill_i18n::Texts) -> String {
        let message = match &self.text {
            Some(text) => text.localized(t),
            None => self.message.clone(),
        };
        t.format(
            "formats-error-at",
            &[
                ("place", samspill_i18n::Arg::Str(&self.location.to_string())),
                ("message", samspill_i18n::Arg::Str(&message)),
            ],
        )
    }
}

/// At most `max` characters of `s`, with `…` and the full length in
/// characters when it was cut: how messages quote what they found.
pub fn excerpt(s: &str, max: usize) -> String {
    common::excerpt(s, max)
}

/// What a reader returns: the networks found and warnings about what was
/// skipped.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    /// The networks, in file order.
    pub networks: Vec<Network>,
    /// Things that were skipped or dropped while reading.
    pub warnings: Vec<Warning>,
}

impl Document {
    /// A document holding one network and no warnings.
    pub fn single(network: Network) -> Document {
        Document {
            networks: vec![network],
            warnings: Vec::new(),
        }
    }
}

/// Options for the readers. `ReadOptions::default()` suits most files.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// CSV only: a node-attribute CSV to read alongside the edge list
    /// (columns `id`, `label`, `functions`, `unit`, `level`, `responded`,
    /// other columns become attributes).
    pub nodes: Option<PathBuf>,
    /// CSV only: the node-attribute CSV's content, for callers that hold it
    /// in memory (an upload). Takes precedence over [`ReadOptions::nodes`].
    /// The pair is `(file name, bytes)`; the name is used in messages.
    pub nodes_bytes: Option<(String, Vec<u8>)>,
    /// CSV and XLSX edge lists: make undirected edges instead of arcs.
    /// Edge lists are directed by default (survey reports are directed).
    pub undirected: bool,
    /// The limits checked before anything is allocated (see [`limits`]).
    pub limits: Limits,
}

/// Options for the writers. `WriteOptions::default()` suits most uses.
#[derive(Debug, Clone, Default)]
pub struct WriteOptions {
    /// GEXF only: write GEXF 1.2draft instead of 1.3.
    pub gexf_1_2: bool,
    /// CSV only: the field delimiter; `None` means `,`.
    pub csv_delimiter: Option<u8>,
}

/// What a writer produced.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Written {
    /// The main file's content.
    pub bytes: Vec<u8>,
    /// Companion files, as `(suffix, bytes)`. A caller writing the main
    /// file to `STEM.EXT` writes each companion to `STEM` + suffix. The CSV
    /// writer puts the edge list in `bytes` and the node-attribute table in
    /// `extra` with suffix `"-nodes.csv"`; other formats have none.
    pub extra: Vec<(String, Vec<u8>)>,
    /// What the format could not hold and was left out, in words
    /// (e.g. "functions of 12 people (Pajek has no place for them)").
    pub dropped: Vec<String>,
}

/// Reads a network file held in memory.
///
/// `file_name` is used in messages and, for formats that carry no network
/// name, as the network's name (its stem).
pub fn read_bytes(
    bytes: &[u8],
    format: Format,
    file_name: &str,
    opts: &ReadOptions,
) -> Result<Document, FormatError> {
    let limits = &opts.limits;
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(limits::exceeded(
            Location::file(file_name),
            "file-size",
            bytes.len() as u64,
            limits.max_file_bytes,
        ));
    }
    // An empty file (or one of blanks only) is a mistake, not an empty
    // network: say so instead of analysing nothing (issue 14).
    if bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(bytes)
        .iter()
        .all(|b| b.is_ascii_whitespace())
    {
        return Err(FormatError::translated(
            Location::file(file_name),
            format!("the file is empty: expected a {} network", format.name()),
            Text::new(
                "formats-empty-file",
                vec![("format", TextArg::Str(format.name().to_string()))],
            ),
        ));
    }
    match format {
        Format::Xlsx => {}
        Format::GraphMl | Format::Gexf => {
            common::check_controls(bytes, file_name)?;
            if let Some(line) = limits::declares_entities(bytes) {
                return Err(FormatError::translated(
                    Location {
                        file: file_name.to_string(),
                        line: Some(line),
                        column: None,
                    },
                    "the XML declares entities (<!ENTITY>); samspill reads no entity declarations (they can expand without bound)",
                    Text::new("formats-xml-entities", Vec::new()),
                ));
            }
        }
        Format::Json => {
            if let Err((line, column)) = limits::json_depth(bytes, limits.max_json_depth) {
                let mut loc = Location::file(file_name);
                loc.line = Some(line);
                loc.column = Some(column);
                return Err(limits::exceeded(
                    loc,
                    "json-depth",
                    limits.max_json_depth as u64 + 1,
                    limits.max_json_depth as u64,
                ));
            }
        }
        Format::Pajek | Format::Csv | Format::Dl => common::check_controls(bytes, file_name)?,
    }
    let doc = match format {
        Format::Pajek => pajek::read(bytes, file_name)?,
        Format::Csv => edgelist::read(bytes, file_name, opts)?,
        Format::GraphMl => graphml::read(bytes, file_name, limits)?,
        Format::Json => json::read(bytes, file_name)?,
        Format::Gexf => gexf::read(bytes, file_name, limits)?,
        Format::Dl => dl::read(bytes, file_name)?,
        Format::Xlsx => xlsx::read(bytes, file_name, opts)?,
    };
    check_valid(&doc, file_name)?;
    Ok(doc)
}

/// Reads a network file from disk, choosing the reader by the extension
/// (see [`Format::from_path`]).
pub fn read_path(path: &Path, opts: &ReadOptions) -> Result<Document, FormatError> {
    let name = path.display().to_string();
    let format = Format::from_path(path).ok_or_else(|| {
        let known = ".net .paj .clu .vec .csv .tsv .txt .graphml .xml .gexf .dl .xlsx .json";
        FormatError::translated(
            Location::file(&name),
            format!("unknown file extension: expected one of {known}"),
            Text::new(
                "formats-unknown-extension",
                vec![("known", TextArg::Str(known.to_string()))],
            ),
        )
    })?;
    // Read through a capped reader: the size the file system reports is
    // not trusted (a device, a pipe, a file that grows).
    let max = match format {
        Format::Xlsx => opts.limits.workbook.max_file_bytes,
        _ => opts.limits.max_file_bytes,
    };
    let file = std::fs::File::open(path).map_err(|e| {
        FormatError::translated(
            Location::file(&name),
            format!("cannot read the file: {e}"),
            Text::new(
                "formats-cannot-read",
                vec![("reason", TextArg::Str(e.to_string()))],
            ),
        )
    })?;
    let bytes = limits::read_capped(file, max, &name)?;
    let mut doc = read_bytes(&bytes, format, &name, opts)?;
    if format == Format::Csv && opts.nodes.is_none() && opts.nodes_bytes.is_none() {
        if let Some(companion) = node_table_beside(path) {
            // A CSV written by samspill has its node table beside it
            // (`STEM-nodes.csv`): read it too, so that isolates and labels
            // come back, and say so (issue 14).
            let with = ReadOptions {
                nodes: Some(companion.clone()),
                ..opts.clone()
            };
            doc = read_bytes(&bytes, format, &name, &with)?;
            doc.warnings.insert(
                0,
                Warning {
                    location: Location::file(&name),
                    message: format!(
                        "the node table {} beside it was read too (give --nodes to choose another)",
                        companion.display()
                    ),
                },
            );
        }
    }
    Ok(doc)
}

/// The node table a CSV writer puts beside `path` (`STEM-nodes.csv`), if
/// it exists and `path` is not itself one.
fn node_table_beside(path: &Path) -> Option<PathBuf> {
    let stem = path.file_stem()?.to_str()?;
    if stem.ends_with("-nodes") {
        return None;
    }
    let companion = path.with_file_name(format!("{stem}-nodes.csv"));
    companion.is_file().then_some(companion)
}

/// Writes a document in a format. See [`Written`] for companion files and
/// what could not be held.
pub fn write_bytes(
    doc: &Document,
    format: Format,
    opts: &WriteOptions,
) -> Result<Written, FormatError> {
    match format {
        Format::Csv => edgelist::write(&doc.networks, opts),
        Format::GraphMl => {
            let (bytes, dropped) = graphml::write(&doc.networks);
            Ok(Written {
                bytes,
                extra: Vec::new(),
                dropped,
            })
        }
        Format::Pajek => {
            let (bytes, dropped) = pajek::write(&doc.networks);
            Ok(Written {
                bytes,
                extra: Vec::new(),
                dropped,
            })
        }
        Format::Gexf => {
            let (bytes, dropped) = gexf::write(&doc.networks, opts.gexf_1_2);
            Ok(Written {
                bytes,
                extra: Vec::new(),
                dropped,
            })
        }
        Format::Dl => {
            let (bytes, dropped) = dl::write(&doc.networks);
            Ok(Written {
                bytes,
                extra: Vec::new(),
                dropped,
            })
        }
        Format::Json => {
            let (bytes, dropped) = json::write(&doc.networks)?;
            Ok(Written {
                bytes,
                extra: Vec::new(),
                dropped,
            })
        }
        Format::Xlsx => xlsx::write(&doc.networks, opts),
    }
}

/// Every returned network must satisfy the model's invariants; a reader bug
/// that breaks them becomes an error rather than bad data downstream.
fn check_valid(doc: &Document, file_name: &str) -> Result<(), FormatError> {
    for n in &doc.networks {
        n.validate().map_err(|e| {
            FormatError::new(
                Location::file(file_name),
                format!("network {:?} is inconsistent: {e}", n.name),
            )
        })?;
    }
    Ok(())
}
