//! A whole programme as an XLSX workbook (feature `xlsx`), bytes in and
//! bytes out, so funders can move the data of their Word templates in and
//! take it out for reporting upward.
//!
//! The workbook is the JSON document laid out as tables:
//!
//! * sheet `samspill` (the index): `format`, `version`, then one line per
//!   table sheet: its name and the JSON path pattern it holds
//!   (`participants[]`, `organisations[].bodies[].members[]`, …);
//! * sheet `document`: one row with the document's own fields and the
//!   programme's (nested fields as dotted column names: `programme.funder.name`);
//! * one sheet per list of records: one row per record, its fields as
//!   columns, a list of plain values as JSON text in a column whose name
//!   ends in `[]` (an object with no fields as a mark in a column ending in
//!   `{}`), and in column `_parent` the path of the record that holds the
//!   list (`organisations[2]`). Rows keep the order of the list.
//!
//! Reading is bounded before anything is parsed: the file size, the number
//! of zip entries, what each entry inflates to (measured by decompressing
//! it into nothing), sheets, rows, columns, cells and text length. Cells are
//! read one by one (never as a whole range), so a stray cell in column
//! XFD does not allocate a sheet-sized grid. The rebuilt JSON then goes
//! through [`ProgrammeDocument::from_value`], with the same validation as a
//! JSON import. Dates typed as Excel dates are read as `YYYY-MM-DD`.

use std::collections::{BTreeMap, HashMap};
use std::io::{Cursor, Read};

use calamine::{DataRef, Reader, Xlsx};
use rust_xlsxwriter::{Format, Workbook};
use serde_json::{Map, Value};

use crate::document::{DocumentErrors, ProgrammeDocument};
use crate::text::Message;

/// The largest workbook read, in bytes.
pub const MAX_WORKBOOK_BYTES: usize = 16 << 20;
/// The most zip entries a workbook may have.
pub const MAX_ENTRIES: usize = 1_000;
/// The most one zip entry may inflate to, in bytes.
pub const MAX_ENTRY_BYTES: u64 = 64 << 20;
/// The most all entries together may inflate to, in bytes.
pub const MAX_INFLATED_BYTES: u64 = 256 << 20;
/// The most sheets read.
pub const MAX_SHEETS: usize = 200;
/// The most rows read per sheet.
pub const MAX_ROWS: u32 = 100_000;
/// The most columns read per sheet.
pub const MAX_COLUMNS: u32 = 500;
/// The most non-empty cells read in all.
pub const MAX_CELLS: usize = 2_000_000;
/// The longest cell text read, in characters (Excel's own limit).
pub const MAX_CELL_CHARS: usize = 32_767;

/// The bounds [`import_with`] reads within; [`Limits::default`] holds the
/// constants above.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest workbook, in bytes.
    pub workbook_bytes: usize,
    /// The most zip entries.
    pub entries: usize,
    /// The most one entry may inflate to, in bytes.
    pub entry_bytes: u64,
    /// The most all entries may inflate to, in bytes.
    pub inflated_bytes: u64,
    /// The most sheets.
    pub sheets: usize,
    /// The most rows per sheet.
    pub rows: u32,
    /// The most columns per sheet.
    pub columns: u32,
    /// The most non-empty cells in all.
    pub cells: usize,
    /// The longest cell text, in characters.
    pub cell_chars: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            workbook_bytes: MAX_WORKBOOK_BYTES,
            entries: MAX_ENTRIES,
            entry_bytes: MAX_ENTRY_BYTES,
            inflated_bytes: MAX_INFLATED_BYTES,
            sheets: MAX_SHEETS,
            rows: MAX_ROWS,
            columns: MAX_COLUMNS,
            cells: MAX_CELLS,
            cell_chars: MAX_CELL_CHARS,
        }
    }
}

const INDEX: &str = "samspill";
const ROOT: &str = "document";
const PARENT: &str = "_parent";
const FORMAT_TAG: &str = "samspill-programme-xlsx";

/// Why a workbook cannot be read or written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum XlsxError {
    /// The file is too large.
    #[error("the workbook is {size} bytes; at most {max} are accepted")]
    TooLarge {
        /// Its size.
        size: usize,
        /// The limit.
        max: usize,
    },
    /// Not a workbook (not a zip, not XLSX, encrypted).
    #[error("not an XLSX workbook: {detail}")]
    NotAWorkbook {
        /// What the reader said (English).
        detail: String,
    },
    /// The zip holds too much when inflated, or too many entries.
    #[error("the workbook inflates beyond the limits ({detail})")]
    Inflates {
        /// Which limit.
        detail: String,
    },
    /// A problem in a sheet.
    #[error("sheet {sheet:?}{}: {problem}", location(*row, *column))]
    Sheet {
        /// The sheet.
        sheet: String,
        /// The Excel row (1-based), if one.
        row: Option<u32>,
        /// The Excel column (1-based), if one.
        column: Option<u32>,
        /// What is wrong.
        problem: SheetProblem,
    },
    /// The rebuilt document is not valid.
    #[error("{0}")]
    Document(DocumentErrors),
    /// Writing failed.
    #[error("cannot write the workbook: {detail}")]
    Write {
        /// What the writer said (English).
        detail: String,
    },
}

fn location(row: Option<u32>, column: Option<u32>) -> String {
    match (row, column) {
        (Some(r), Some(c)) => format!(", cell {}{r}", column_name(c)),
        (Some(r), None) => format!(", row {r}"),
        _ => String::new(),
    }
}

/// Excel's name of a 1-based column number (1 = A, 27 = AA).
pub fn column_name(mut c: u32) -> String {
    let mut s = Vec::new();
    while c > 0 {
        let r = (c - 1) % 26;
        s.push(b'A' + r as u8);
        c = (c - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// What is wrong in a sheet.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SheetProblem {
    /// The sheet is missing.
    #[error("the sheet is missing")]
    Missing,
    /// Too many sheets in the workbook.
    #[error("the workbook has more than {max} sheets")]
    TooManySheets {
        /// The limit.
        max: usize,
    },
    /// A row beyond the limit.
    #[error("more than {max} rows")]
    TooManyRows {
        /// The limit.
        max: u32,
    },
    /// A column beyond the limit.
    #[error("more than {max} columns")]
    TooManyColumns {
        /// The limit.
        max: u32,
    },
    /// Too many cells in all.
    #[error("more than {max} cells in the workbook")]
    TooManyCells {
        /// The limit.
        max: usize,
    },
    /// A cell's text is too long.
    #[error("the text is longer than {max} characters")]
    TextTooLong {
        /// The limit.
        max: usize,
    },
    /// The index is not a samspill workbook's.
    #[error("expected format {expected:?} and version 1")]
    NotSamspill {
        /// The expected tag.
        expected: String,
    },
    /// A table pattern that is not a path of the document.
    #[error("{pattern:?} is not a table of the programme document")]
    BadPattern {
        /// The pattern.
        pattern: String,
    },
    /// A header cell that is empty, repeated or not a field path.
    #[error("the column name {name:?} is empty, repeated or not a field path")]
    BadHeader {
        /// The name.
        name: String,
    },
    /// The document sheet must hold exactly one record.
    #[error("expected exactly one row of data, found {rows}")]
    DocumentRows {
        /// Rows found.
        rows: usize,
    },
    /// The `_parent` path does not name a record of the parent table.
    #[error("the parent {parent:?} is not a record of the table above")]
    ParentNotFound {
        /// The path given.
        parent: String,
    },
    /// A cell that cannot be read as a value.
    #[error("the cell cannot be read: {detail}")]
    BadCell {
        /// What is wrong.
        detail: String,
    },
    /// Two columns set the same field.
    #[error("the field {name:?} is set twice")]
    FieldClash {
        /// The field.
        name: String,
    },
}

impl SheetProblem {
    fn code(&self) -> &'static str {
        match self {
            SheetProblem::Missing => "missing",
            SheetProblem::TooManySheets { .. } => "too-many-sheets",
            SheetProblem::TooManyRows { .. } => "too-many-rows",
            SheetProblem::TooManyColumns { .. } => "too-many-columns",
            SheetProblem::TooManyCells { .. } => "too-many-cells",
            SheetProblem::TextTooLong { .. } => "text-too-long",
            SheetProblem::NotSamspill { .. } => "not-samspill",
            SheetProblem::BadPattern { .. } => "bad-pattern",
            SheetProblem::BadHeader { .. } => "bad-header",
            SheetProblem::DocumentRows { .. } => "document-rows",
            SheetProblem::ParentNotFound { .. } => "parent-not-found",
            SheetProblem::BadCell { .. } => "bad-cell",
            SheetProblem::FieldClash { .. } => "field-clash",
        }
    }

    /// Every code, for completeness tests of the texts.
    pub const CODES: [&'static str; 13] = [
        "missing",
        "too-many-sheets",
        "too-many-rows",
        "too-many-columns",
        "too-many-cells",
        "text-too-long",
        "not-samspill",
        "bad-pattern",
        "bad-header",
        "document-rows",
        "parent-not-found",
        "bad-cell",
        "field-clash",
    ];
}

impl XlsxError {
    /// The error as messages: one for a workbook problem; one per document
    /// problem (see [`crate::DocumentError::message`]).
    pub fn messages(&self) -> Vec<Message> {
        let m = |k: &str| Message::new(format!("programme-xlsx-error-{k}"));
        match self {
            XlsxError::TooLarge { size, max } => {
                vec![m("too-large").arg("size", *size).arg("max", *max)]
            }
            XlsxError::NotAWorkbook { detail } => {
                vec![m("not-a-workbook").text("detail", detail.clone())]
            }
            XlsxError::Inflates { detail } => vec![m("inflates").text("detail", detail.clone())],
            XlsxError::Sheet {
                sheet,
                row,
                column,
                problem,
            } => {
                let cell = match (row, column) {
                    (Some(r), Some(c)) => format!("{}{r}", column_name(*c)),
                    (Some(r), None) => r.to_string(),
                    _ => String::new(),
                };
                let detail = match problem {
                    SheetProblem::TooManySheets { max } => max.to_string(),
                    SheetProblem::TooManyRows { max } | SheetProblem::TooManyColumns { max } => {
                        max.to_string()
                    }
                    SheetProblem::TooManyCells { max } | SheetProblem::TextTooLong { max } => {
                        max.to_string()
                    }
                    SheetProblem::NotSamspill { expected } => expected.clone(),
                    SheetProblem::BadPattern { pattern } => pattern.clone(),
                    SheetProblem::BadHeader { name } | SheetProblem::FieldClash { name } => {
                        name.clone()
                    }
                    SheetProblem::DocumentRows { rows } => rows.to_string(),
                    SheetProblem::ParentNotFound { parent } => parent.clone(),
                    SheetProblem::BadCell { detail } => detail.clone(),
                    SheetProblem::Missing => String::new(),
                };
                vec![
                    m(&format!("sheet-{}", problem.code()))
                        .text("sheet", sheet.clone())
                        .text("cell", cell)
                        .text("detail", detail),
                ]
            }
            XlsxError::Document(errors) => errors.0.iter().map(|e| e.message()).collect(),
            XlsxError::Write { detail } => vec![m("write").text("detail", detail.clone())],
        }
    }
}

/// One table: its column names in order of first use, and its rows.
#[derive(Default)]
struct Table {
    columns: Vec<String>,
    index: HashMap<String, usize>,
    rows: Vec<(String, Vec<(usize, Value)>)>,
}

impl Table {
    fn column(&mut self, name: &str) -> usize {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        self.columns.push(name.to_string());
        self.index.insert(name.to_string(), self.columns.len() - 1);
        self.columns.len() - 1
    }
}

#[derive(Default)]
struct Tables {
    order: Vec<String>,
    tables: HashMap<String, Table>,
}

impl Tables {
    fn table(&mut self, pattern: &str) -> &mut Table {
        if !self.tables.contains_key(pattern) {
            self.order.push(pattern.to_string());
        }
        self.tables.entry(pattern.to_string()).or_default()
    }
}

/// Flattens `obj` into `row` (columns of table `pattern`), sending lists of
/// records to their own tables with `element` (the path of the nearest
/// list element, or "" at the root) as their parent.
fn flatten(
    tables: &mut Tables,
    pattern: &str,
    element: &str,
    prefix: &str,
    obj: &Map<String, Value>,
    row: &mut Vec<(String, Value)>,
) -> Result<(), XlsxError> {
    for (k, v) in obj {
        let name = format!("{prefix}{k}");
        match v {
            Value::Null => {}
            Value::Bool(_) | Value::Number(_) | Value::String(_) => row.push((name, v.clone())),
            // An object without fields has no columns of its own: a marker
            // column keeps it (a decision recorded with nothing more known).
            Value::Object(inner) if inner.is_empty() => {
                row.push((format!("{name}{{}}"), Value::Bool(true)));
            }
            Value::Object(inner) => {
                flatten(tables, pattern, element, &format!("{name}."), inner, row)?
            }
            Value::Array(items) if items.iter().all(|i| !i.is_object() && !i.is_array()) => {
                row.push((
                    format!("{name}[]"),
                    Value::String(Value::Array(items.clone()).to_string()),
                ));
            }
            Value::Array(items) if items.iter().all(Value::is_object) => {
                let child_pattern = if pattern == ROOT {
                    format!("{name}[]")
                } else {
                    format!("{pattern}.{name}[]")
                };
                // The concrete path of this list: element path + field path.
                let list_path = if element.is_empty() {
                    name.clone()
                } else {
                    format!("{element}.{name}")
                };
                for (i, item) in items.iter().enumerate() {
                    let Value::Object(item) = item else {
                        unreachable!()
                    };
                    let child_element = format!("{list_path}[{i}]");
                    let mut child_row = Vec::new();
                    flatten(
                        tables,
                        &child_pattern,
                        &child_element,
                        "",
                        item,
                        &mut child_row,
                    )?;
                    let table = tables.table(&child_pattern);
                    let cells = child_row
                        .into_iter()
                        .map(|(c, v)| (table.column(&c), v))
                        .collect();
                    table.rows.push((element.to_string(), cells));
                }
            }
            Value::Array(_) => {
                return Err(XlsxError::Write {
                    detail: format!("the list {name} mixes records and values"),
                });
            }
        }
    }
    Ok(())
}

fn sheet_names(patterns: &[String]) -> Vec<String> {
    let mut used: HashMap<String, u32> = HashMap::new();
    used.insert(INDEX.to_lowercase(), 1);
    patterns
        .iter()
        .map(|p| {
            let base: String = if p == ROOT {
                ROOT.to_string()
            } else {
                p.trim_end_matches("[]")
                    .rsplit(['.', ']'])
                    .next()
                    .unwrap_or("table")
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .take(24)
                    .collect()
            };
            let n = used.entry(base.to_lowercase()).or_insert(0);
            *n += 1;
            if *n == 1 { base } else { format!("{base} {n}") }
        })
        .collect()
}

/// The programme as an XLSX workbook.
pub fn export(doc: &ProgrammeDocument) -> Result<Vec<u8>, XlsxError> {
    let value = serde_json::to_value(doc).map_err(|e| XlsxError::Write {
        detail: e.to_string(),
    })?;
    let Value::Object(root) = value else {
        unreachable!("a document serialises to an object")
    };
    let mut tables = Tables::default();
    tables.table(ROOT);
    let mut row = Vec::new();
    flatten(&mut tables, ROOT, "", "", &root, &mut row)?;
    let t = tables.table(ROOT);
    let cells = row.into_iter().map(|(c, v)| (t.column(&c), v)).collect();
    t.rows.push((String::new(), cells));

    let names = sheet_names(&tables.order);
    let werr = |e: rust_xlsxwriter::XlsxError| XlsxError::Write {
        detail: e.to_string(),
    };
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let index = wb.add_worksheet();
    index.set_name(INDEX).map_err(werr)?;
    index
        .write_string_with_format(0, 0, "format", &bold)
        .map_err(werr)?;
    index.write_string(0, 1, FORMAT_TAG).map_err(werr)?;
    index
        .write_string_with_format(1, 0, "version", &bold)
        .map_err(werr)?;
    index.write_number(1, 1, 1.0).map_err(werr)?;
    index
        .write_string_with_format(2, 0, "sheet", &bold)
        .map_err(werr)?;
    index
        .write_string_with_format(2, 1, "table", &bold)
        .map_err(werr)?;
    for (i, (name, pattern)) in names.iter().zip(&tables.order).enumerate() {
        let r = 3 + i as u32;
        index.write_string(r, 0, name).map_err(werr)?;
        index.write_string(r, 1, pattern).map_err(werr)?;
    }
    index.set_column_width(0, 24).map_err(werr)?;
    index.set_column_width(1, 60).map_err(werr)?;
    for (name, pattern) in names.iter().zip(&tables.order) {
        let t = &tables.tables[pattern];
        let ws = wb.add_worksheet();
        ws.set_name(name).map_err(werr)?;
        let root = pattern == ROOT;
        let offset: u16 = if root { 0 } else { 1 };
        if !root {
            ws.write_string_with_format(0, 0, PARENT, &bold)
                .map_err(werr)?;
        }
        for (c, col) in t.columns.iter().enumerate() {
            let c = u16::try_from(c).map_err(|_| XlsxError::Write {
                detail: "too many columns".into(),
            })? + offset;
            ws.write_string_with_format(0, c, col, &bold)
                .map_err(werr)?;
        }
        for (r, (parent, cells)) in t.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).map_err(|_| XlsxError::Write {
                detail: "too many rows".into(),
            })?;
            if !root {
                ws.write_string(r, 0, parent).map_err(werr)?;
            }
            for (c, v) in cells {
                let c = *c as u16 + offset;
                match v {
                    Value::String(s) => ws.write_string(r, c, s).map(|_| ()),
                    Value::Bool(b) => ws.write_boolean(r, c, *b).map(|_| ()),
                    Value::Number(n) => {
                        ws.write_number(r, c, n.as_f64().unwrap_or(0.0)).map(|_| ())
                    }
                    _ => Ok(()),
                }
                .map_err(werr)?;
            }
        }
        ws.set_freeze_panes(1, 0).map_err(werr)?;
    }
    wb.save_to_buffer().map_err(werr)
}

/// Inflates every entry into nothing, counting, before calamine sees them.
fn check_inflation(bytes: &[u8], limits: &Limits) -> Result<(), XlsxError> {
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| XlsxError::NotAWorkbook {
            detail: e.to_string(),
        })?;
    if zip.len() > limits.entries {
        return Err(XlsxError::Inflates {
            detail: format!("{} entries; at most {}", zip.len(), limits.entries),
        });
    }
    let mut total = 0u64;
    let mut buf = vec![0u8; 64 * 1024];
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).map_err(|e| XlsxError::NotAWorkbook {
            detail: e.to_string(),
        })?;
        let name = f
            .name()
            .map(|n| n.chars().take(80).collect::<String>())
            .unwrap_or_else(|_| format!("entry {i}"));
        let mut n = 0u64;
        loop {
            let k = f.read(&mut buf).map_err(|e| XlsxError::NotAWorkbook {
                detail: format!("{name}: {e}"),
            })?;
            if k == 0 {
                break;
            }
            n += k as u64;
            total += k as u64;
            if n > limits.entry_bytes {
                return Err(XlsxError::Inflates {
                    detail: format!("{name} inflates beyond {} bytes", limits.entry_bytes),
                });
            }
            if total > limits.inflated_bytes {
                return Err(XlsxError::Inflates {
                    detail: format!("the entries inflate beyond {} bytes", limits.inflated_bytes),
                });
            }
        }
    }
    Ok(())
}

/// A sheet's cells: row → (column, value), rows and columns 0-based.
type Grid = BTreeMap<u32, BTreeMap<u32, Value>>;

fn excel_date(v: f64) -> Option<String> {
    // Excel's day 0 is 1899-12-30 in the 1900 system (serial 60, the
    // non-existent 29 February 1900, lies before any date we accept).
    if !v.is_finite() || !(1.0..2_958_466.0).contains(&v) {
        return None;
    }
    let day = crate::date::Date::ymd(1900, 1, 1)?.add_days(v.floor() as i64 - 2);
    Some(day.to_string())
}

fn read_sheet(
    wb: &mut Xlsx<Cursor<&[u8]>>,
    sheet: &str,
    cells_left: &mut usize,
    limits: &Limits,
) -> Result<Grid, XlsxError> {
    let err = |row: Option<u32>, column: Option<u32>, problem| XlsxError::Sheet {
        sheet: sheet.to_string(),
        row,
        column,
        problem,
    };
    let mut reader = wb
        .worksheet_cells_reader(sheet)
        .map_err(|_| err(None, None, SheetProblem::Missing))?;
    let mut grid = Grid::new();
    loop {
        let cell = match reader.next_cell() {
            Ok(Some(c)) => c,
            Ok(None) => break,
            Err(e) => {
                return Err(err(
                    None,
                    None,
                    SheetProblem::BadCell {
                        detail: e.to_string(),
                    },
                ));
            }
        };
        let (r, c) = cell.get_position();
        if r >= limits.rows {
            return Err(err(
                Some(r + 1),
                None,
                SheetProblem::TooManyRows { max: limits.rows },
            ));
        }
        if c >= limits.columns {
            return Err(err(
                Some(r + 1),
                Some(c + 1),
                SheetProblem::TooManyColumns {
                    max: limits.columns,
                },
            ));
        }
        let text = |s: &str| -> Result<Value, XlsxError> {
            if s.chars().count() > limits.cell_chars {
                Err(err(
                    Some(r + 1),
                    Some(c + 1),
                    SheetProblem::TextTooLong {
                        max: limits.cell_chars,
                    },
                ))
            } else {
                Ok(Value::String(s.to_string()))
            }
        };
        let value = match cell.get_value() {
            DataRef::Empty => continue,
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => text(s)?,
            DataRef::SharedString(s) => text(s)?,
            DataRef::Bool(b) => Value::Bool(*b),
            DataRef::Int(i) => Value::from(*i),
            DataRef::Float(f) => number(*f).ok_or_else(|| {
                err(
                    Some(r + 1),
                    Some(c + 1),
                    SheetProblem::BadCell {
                        detail: "not a finite number".into(),
                    },
                )
            })?,
            DataRef::DateTime(d) => {
                let serial = d.as_f64();
                match excel_date(serial) {
                    Some(s) if d.is_datetime() => Value::String(s),
                    _ => number(serial).unwrap_or(Value::Null),
                }
            }
            DataRef::Error(e) => {
                return Err(err(
                    Some(r + 1),
                    Some(c + 1),
                    SheetProblem::BadCell {
                        detail: format!("{e:?}"),
                    },
                ));
            }
        };
        if *cells_left == 0 {
            return Err(err(
                None,
                None,
                SheetProblem::TooManyCells { max: limits.cells },
            ));
        }
        *cells_left -= 1;
        grid.entry(r).or_default().insert(c, value);
    }
    Ok(grid)
}

fn number(f: f64) -> Option<Value> {
    if !f.is_finite() {
        return None;
    }
    if f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 {
        Some(Value::from(f as i64))
    } else {
        serde_json::Number::from_f64(f).map(Value::Number)
    }
}

/// Whether `name` is a field path: segments of letters, digits and `_`,
/// joined by dots, the last one optionally ending in `[]` (a list of plain
/// values) or `{}` (an object with no fields).
fn is_field_path(name: &str) -> bool {
    let name = name
        .strip_suffix("[]")
        .or_else(|| name.strip_suffix("{}"))
        .unwrap_or(name);
    !name.is_empty()
        && name.split('.').all(|s| {
            !s.is_empty()
                && s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        })
}

/// Whether `p` is a table pattern: field paths joined by `[].`, ending in `[]`.
fn is_pattern(p: &str) -> bool {
    p == ROOT
        || (p.ends_with("[]")
            && p.len() <= 300
            && p[..p.len() - 2]
                .split("[].")
                .all(|s| is_field_path(s) && !s.ends_with("[]")))
}

/// Parses a concrete element path (`organisations[2].bodies[0]`) into steps.
enum Step {
    Field(String),
    Index(usize),
}

fn parse_path(p: &str) -> Option<Vec<Step>> {
    let mut out = Vec::new();
    for part in p.split('.') {
        let (name, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if name.is_empty()
            || !name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        {
            return None;
        }
        out.push(Step::Field(name.to_string()));
        while !rest.is_empty() {
            let (n, after) = rest.strip_prefix('[')?.split_once(']')?;
            if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) || n.len() > 9 {
                return None;
            }
            out.push(Step::Index(n.parse().ok()?));
            rest = after;
        }
    }
    Some(out)
}

fn navigate<'a>(root: &'a mut Value, steps: &[Step]) -> Option<&'a mut Value> {
    let mut at = root;
    for s in steps {
        at = match s {
            Step::Field(f) => at.as_object_mut()?.get_mut(f)?,
            Step::Index(i) => at.as_array_mut()?.get_mut(*i)?,
        };
    }
    Some(at)
}

/// Sets `value` at the dotted `name` inside `obj`, creating objects.
fn set_field(obj: &mut Map<String, Value>, name: &str, value: Value) -> Result<(), String> {
    let mut parts = name.split('.').peekable();
    let mut at = obj;
    while let Some(p) = parts.next() {
        if parts.peek().is_none() {
            if at.contains_key(p) {
                return Err(name.to_string());
            }
            at.insert(p.to_string(), value);
            return Ok(());
        }
        let next = at
            .entry(p.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
        at = next.as_object_mut().ok_or_else(|| name.to_string())?;
    }
    Ok(())
}

/// Reads a workbook written by [`export`] (or filled in by hand after its
/// layout) into a validated programme document, within [`Limits::default`].
pub fn import(bytes: &[u8]) -> Result<ProgrammeDocument, XlsxError> {
    import_with(bytes, &Limits::default())
}

/// [`import`] within other bounds.
pub fn import_with(bytes: &[u8], limits: &Limits) -> Result<ProgrammeDocument, XlsxError> {
    if bytes.len() > limits.workbook_bytes {
        return Err(XlsxError::TooLarge {
            size: bytes.len(),
            max: limits.workbook_bytes,
        });
    }
    check_inflation(bytes, limits)?;
    let mut wb: Xlsx<Cursor<&[u8]>> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e: calamine::XlsxError| {
            XlsxError::NotAWorkbook {
                detail: e.to_string(),
            }
        })?;
    let sheets = wb.sheet_names();
    if sheets.len() > limits.sheets {
        return Err(XlsxError::Sheet {
            sheet: INDEX.into(),
            row: None,
            column: None,
            problem: SheetProblem::TooManySheets { max: limits.sheets },
        });
    }
    let mut cells_left = limits.cells;
    let index = read_sheet(&mut wb, INDEX, &mut cells_left, limits)?;
    let at = |r: u32, c: u32| index.get(&r).and_then(|row| row.get(&c));
    let not_samspill = || XlsxError::Sheet {
        sheet: INDEX.into(),
        row: None,
        column: None,
        problem: SheetProblem::NotSamspill {
            expected: FORMAT_TAG.into(),
        },
    };
    if at(0, 1).and_then(Value::as_str) != Some(FORMAT_TAG)
        || at(1, 1).and_then(Value::as_i64) != Some(1)
    {
        return Err(not_samspill());
    }
    let mut tables: Vec<(String, String, u32)> = Vec::new();
    for (&r, row) in index.range(3..) {
        let (Some(Value::String(name)), Some(Value::String(pattern))) = (row.get(&0), row.get(&1))
        else {
            continue;
        };
        if !is_pattern(pattern) {
            return Err(XlsxError::Sheet {
                sheet: INDEX.into(),
                row: Some(r + 1),
                column: Some(2),
                problem: SheetProblem::BadPattern {
                    pattern: pattern.clone(),
                },
            });
        }
        tables.push((name.clone(), pattern.clone(), r + 1));
    }
    // Parents before children.
    tables.sort_by_key(|(_, p, _)| {
        if p == ROOT {
            0
        } else {
            p.matches("[]").count()
        }
    });
    let mut root: Option<Value> = None;
    for (sheet, pattern, index_row) in tables {
        if !sheets.contains(&sheet) {
            return Err(XlsxError::Sheet {
                sheet,
                row: Some(index_row),
                column: None,
                problem: SheetProblem::Missing,
            });
        }
        let grid = read_sheet(&mut wb, &sheet, &mut cells_left, limits)?;
        let err = |row: Option<u32>, column: Option<u32>, problem| XlsxError::Sheet {
            sheet: sheet.clone(),
            row,
            column,
            problem,
        };
        let header: BTreeMap<u32, String> = grid
            .get(&0)
            .map(|h| {
                h.iter()
                    .map(|(c, v)| {
                        (
                            *c,
                            v.as_str()
                                .map(str::to_string)
                                .unwrap_or_else(|| v.to_string()),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mut seen = std::collections::BTreeSet::new();
        for (c, name) in &header {
            let ok = (name == PARENT && pattern != ROOT) || is_field_path(name);
            if !ok || !seen.insert(name.clone()) {
                return Err(err(
                    Some(1),
                    Some(c + 1),
                    SheetProblem::BadHeader { name: name.clone() },
                ));
            }
        }
        let data: Vec<(u32, &BTreeMap<u32, Value>)> =
            grid.range(1..).map(|(r, row)| (*r, row)).collect();
        let mut records = Vec::new();
        for (r, row) in &data {
            let mut obj = Map::new();
            let mut parent = String::new();
            for (c, v) in row.iter() {
                let Some(name) = header.get(c) else {
                    return Err(err(
                        Some(r + 1),
                        Some(c + 1),
                        SheetProblem::BadHeader {
                            name: String::new(),
                        },
                    ));
                };
                if name == PARENT {
                    parent = v
                        .as_str()
                        .map(str::to_string)
                        .unwrap_or_else(|| v.to_string());
                    continue;
                }
                let value = if let Some(field) = name.strip_suffix("{}") {
                    (field.to_string(), Value::Object(Map::new()))
                } else if let Some(field) = name.strip_suffix("[]") {
                    let text = v.as_str().ok_or_else(|| {
                        err(
                            Some(r + 1),
                            Some(c + 1),
                            SheetProblem::BadCell {
                                detail: "expected a JSON list such as [\"a\", \"b\"]".into(),
                            },
                        )
                    })?;
                    let list: Value = serde_json::from_str(text).map_err(|e| {
                        err(
                            Some(r + 1),
                            Some(c + 1),
                            SheetProblem::BadCell {
                                detail: format!("expected a JSON list: {e}"),
                            },
                        )
                    })?;
                    if !list
                        .as_array()
                        .is_some_and(|a| a.iter().all(|x| !x.is_object() && !x.is_array()))
                    {
                        return Err(err(
                            Some(r + 1),
                            Some(c + 1),
                            SheetProblem::BadCell {
                                detail: "expected a list of plain values".into(),
                            },
                        ));
                    }
                    (field.to_string(), list)
                } else {
                    (name.clone(), v.clone())
                };
                set_field(&mut obj, &value.0, value.1).map_err(|name| {
                    err(Some(r + 1), Some(c + 1), SheetProblem::FieldClash { name })
                })?;
            }
            if !obj.is_empty() || !parent.is_empty() {
                records.push((*r, parent, obj));
            }
        }
        if pattern == ROOT {
            if records.len() != 1 {
                return Err(err(
                    None,
                    None,
                    SheetProblem::DocumentRows {
                        rows: records.len(),
                    },
                ));
            }
            root = Some(Value::Object(records.pop().expect("one record").2));
            continue;
        }
        let Some(root) = root.as_mut() else {
            return Err(XlsxError::Sheet {
                sheet: ROOT.into(),
                row: None,
                column: None,
                problem: SheetProblem::Missing,
            });
        };
        // The pattern's last list relative to its parent element.
        let body = &pattern[..pattern.len() - 2];
        let (parent_pattern, field) = match body.rsplit_once("[].") {
            Some((p, f)) => (Some(format!("{p}[]")), f.to_string()),
            None => (None, body.to_string()),
        };
        for (r, parent, obj) in records {
            let bad_parent = || {
                err(
                    Some(r + 1),
                    Some(1),
                    SheetProblem::ParentNotFound {
                        parent: parent.clone(),
                    },
                )
            };
            let steps = if parent_pattern.is_some() {
                let steps = parse_path(&parent).ok_or_else(bad_parent)?;
                // The parent must be an element of the parent pattern's list.
                let shape: String = steps
                    .iter()
                    .map(|s| match s {
                        Step::Field(f) => format!(".{f}"),
                        Step::Index(_) => "[]".to_string(),
                    })
                    .collect::<String>()
                    .trim_start_matches('.')
                    .to_string();
                if Some(shape) != parent_pattern {
                    return Err(bad_parent());
                }
                steps
            } else {
                if !parent.is_empty() {
                    return Err(bad_parent());
                }
                Vec::new()
            };
            let target = navigate(root, &steps).ok_or_else(bad_parent)?;
            let Some(target) = target.as_object_mut() else {
                return Err(bad_parent());
            };
            let mut at = target;
            let mut parts = field.split('.').peekable();
            let list = loop {
                let p = parts.next().expect("non-empty field");
                if parts.peek().is_none() {
                    break at
                        .entry(p.to_string())
                        .or_insert_with(|| Value::Array(Vec::new()));
                }
                at = at
                    .entry(p.to_string())
                    .or_insert_with(|| Value::Object(Map::new()))
                    .as_object_mut()
                    .ok_or_else(bad_parent)?;
            };
            let Some(list) = list.as_array_mut() else {
                return Err(bad_parent());
            };
            list.push(Value::Object(obj));
        }
    }
    let Some(root) = root else {
        return Err(XlsxError::Sheet {
            sheet: ROOT.into(),
            row: None,
            column: None,
            problem: SheetProblem::Missing,
        });
    };
    ProgrammeDocument::from_value(root).map_err(XlsxError::Document)
}

fn sheet_name(s: &str) -> String {
    let clean: String = s
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect();
    if clean.trim().is_empty() {
        "1".into()
    } else {
        clean
    }
}

/// The overview matrix as a workbook for reading and printing: landscape
/// A4 fitted to the page width, the participants' header row repeated on
/// every page, sections as bold rows, wrapped cells, the sign-off under each
/// column and the caption below the table.
pub fn matrix_workbook(
    m: &crate::matrix::Matrix,
    r: &crate::text::Renderer<'_>,
) -> Result<Vec<u8>, XlsxError> {
    use rust_xlsxwriter::FormatAlign;
    let werr = |e: rust_xlsxwriter::XlsxError| XlsxError::Write {
        detail: e.to_string(),
    };
    let mut wb = Workbook::new();
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(rust_xlsxwriter::FormatBorder::Thin);
    let section = Format::new()
        .set_bold()
        .set_background_color(0xE8E8E8)
        .set_border(rust_xlsxwriter::FormatBorder::Thin);
    let cell = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(rust_xlsxwriter::FormatBorder::Thin);
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(&m.name)).map_err(werr)?;
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, 0).map_err(werr)?;
    ws.set_column_width(0, 28).map_err(werr)?;
    ws.write_string_with_format(0, 0, "", &head).map_err(werr)?;
    for (i, c) in m.columns.iter().enumerate() {
        let col = u16::try_from(i + 1).map_err(|_| XlsxError::Write {
            detail: "too many columns".into(),
        })?;
        ws.set_column_width(col, 40).map_err(werr)?;
        ws.write_string_with_format(0, col, &c.name, &head)
            .map_err(werr)?;
    }
    let mut row = 1u32;
    for s in &m.sections {
        ws.write_string_with_format(row, 0, r.value(&s.label), &section)
            .map_err(werr)?;
        for i in 0..m.columns.len() {
            ws.write_string_with_format(row, (i + 1) as u16, "", &section)
                .map_err(werr)?;
        }
        row += 1;
        for line in &s.rows {
            ws.write_string_with_format(row, 0, r.value(&line.label), &head)
                .map_err(werr)?;
            for (i, c) in line.cells.iter().enumerate() {
                // Dash items one per line; running lists and text as the
                // matrix writes them.
                let text = match c.layout {
                    crate::matrix::Layout::Items => {
                        let (lead, items) = crate::matrix::cell_texts(c, r);
                        lead.into_iter()
                            .chain(
                                items
                                    .into_iter()
                                    .map(|(t, _)| format!("– {}", crate::text::capitalise(&t))),
                            )
                            .collect::<Vec<_>>()
                            .join("\n")
                    }
                    _ => crate::matrix::render_cell(c, r),
                };
                ws.write_string_with_format(row, (i + 1) as u16, &text, &cell)
                    .map_err(werr)?;
            }
            row += 1;
        }
    }
    ws.write_string_with_format(row, 0, "", &head)
        .map_err(werr)?;
    for (i, c) in m.columns.iter().enumerate() {
        let text = c
            .sign_off
            .as_ref()
            .map(|s| r.message(&Message::new("programme-matrix-signed-off").arg("date", s.date)))
            .unwrap_or_default();
        ws.write_string_with_format(row, (i + 1) as u16, &text, &cell)
            .map_err(werr)?;
    }
    row += 2;
    for c in &m.caption {
        ws.write_string(row, 0, r.message(c)).map_err(werr)?;
        row += 1;
    }
    wb.save_to_buffer().map_err(werr)
}

/// The funder's portfolio as a workbook for reporting upward: one row per
/// participant (cohort, calendar and real phase, overrun, open gates,
/// reports late and due, anchoring at a glance, findings by severity) and a
/// sheet with every finding as a sentence.
pub fn portfolio_workbook(
    p: &crate::rules::portfolio::Portfolio,
    r: &crate::text::Renderer<'_>,
) -> Result<Vec<u8>, XlsxError> {
    use crate::finding::Severity;
    use crate::rules::phases::Position;
    let werr = |e: rust_xlsxwriter::XlsxError| XlsxError::Write {
        detail: e.to_string(),
    };
    let t = |k: &str| r.message(&Message::new(format!("programme-portfolio-{k}")));
    let yes_no = |b: bool| t(if b { "yes" } else { "no" });
    let mut wb = Workbook::new();
    let head = Format::new().set_bold().set_text_wrap();
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(&t("sheet"))).map_err(werr)?;
    ws.set_landscape();
    ws.set_repeat_rows(0, 0).map_err(werr)?;
    ws.set_freeze_panes(1, 1).map_err(werr)?;
    let columns = [
        "participant",
        "cohort",
        "calendar-phase",
        "real-phase",
        "overrun-days",
        "open-gates",
        "reports-late",
        "reports-due-soon",
        "chief-executive-in-steering-group",
        "political-members",
        "ownership",
        "agreement",
        "leader-strategic",
        "user-participation",
        "problems",
        "warnings",
    ];
    for (c, k) in columns.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, t(k), &head)
            .map_err(werr)?;
        ws.set_column_width(c as u16, if c == 0 { 24 } else { 16 })
            .map_err(werr)?;
    }
    let phase = |path: &crate::rules::phases::PathStatus, pos: &Position| match pos {
        Position::In(k) => path
            .phases
            .iter()
            .find(|v| &v.phase.key == k)
            .map(|v| r.value(&v.phase.label))
            .unwrap_or_else(|| k.to_string()),
        Position::NotStarted => r.message(&Message::new("programme-position-not-started")),
        Position::Finished => r.message(&Message::new("programme-position-finished")),
    };
    for (i, row) in p.rows.iter().enumerate() {
        let y = (i + 1) as u32;
        let a = &row.anchoring;
        ws.write_string(y, 0, &row.name).map_err(werr)?;
        if let Some(c) = row.cohort {
            ws.write_number(y, 1, f64::from(c)).map_err(werr)?;
        }
        if let Some(path) = &row.path {
            ws.write_string(y, 2, phase(path, &path.calendar))
                .map_err(werr)?;
            ws.write_string(y, 3, phase(path, &path.real))
                .map_err(werr)?;
            if let Some((_, _, days)) = path.overrun() {
                ws.write_number(y, 4, days as f64).map_err(werr)?;
            }
            ws.write_number(y, 5, path.open_gates().len() as f64)
                .map_err(werr)?;
        }
        ws.write_number(y, 6, f64::from(row.reports_late))
            .map_err(werr)?;
        ws.write_number(y, 7, f64::from(row.reports_due_soon))
            .map_err(werr)?;
        ws.write_string(y, 8, yes_no(a.chief_executive_in_steering_group))
            .map_err(werr)?;
        ws.write_number(y, 9, f64::from(a.political_members))
            .map_err(werr)?;
        let owner = match &a.owner {
            Some((crate::model::OwnerKind::Administrative, _)) => {
                r.message(&Message::new("programme-owner-kind-administrative"))
            }
            Some((crate::model::OwnerKind::Political, _)) => {
                r.message(&Message::new("programme-owner-kind-political"))
            }
            None => String::new(),
        };
        ws.write_string(y, 10, owner).map_err(werr)?;
        ws.write_string(y, 11, yes_no(a.agreement_signed))
            .map_err(werr)?;
        ws.write_string(
            y,
            12,
            match a.leader_placement {
                Some(k) => yes_no(k == crate::model::PlacementKind::Strategic),
                None => String::new(),
            },
        )
        .map_err(werr)?;
        ws.write_string(
            y,
            13,
            r.message(&Message::new(format!(
                "programme-user-level-{}",
                a.user_participation.code()
            ))),
        )
        .map_err(werr)?;
        let n = |s: Severity| f64::from(row.severity_counts.get(&s).copied().unwrap_or(0));
        ws.write_number(y, 14, n(Severity::Problem)).map_err(werr)?;
        ws.write_number(y, 15, n(Severity::Warning)).map_err(werr)?;
    }
    let fs = wb.add_worksheet();
    fs.set_name(sheet_name(&t("findings-sheet")))
        .map_err(werr)?;
    fs.set_repeat_rows(0, 0).map_err(werr)?;
    for (c, k) in ["participant", "severity", "finding"].iter().enumerate() {
        fs.write_string_with_format(0, c as u16, t(k), &head)
            .map_err(werr)?;
    }
    fs.set_column_width(0, 24).map_err(werr)?;
    fs.set_column_width(1, 16).map_err(werr)?;
    fs.set_column_width(2, 100).map_err(werr)?;
    let mut y = 1u32;
    for row in &p.rows {
        for f in &row.findings {
            fs.write_string(y, 0, &row.name).map_err(werr)?;
            let sev = match f.severity {
                Severity::Info => "info",
                Severity::Warning => "warning",
                Severity::Problem => "problem",
            };
            fs.write_string(
                y,
                1,
                r.message(&Message::new(format!("programme-severity-{sev}"))),
            )
            .map_err(werr)?;
            fs.write_string(y, 2, r.sentence(&f.message()))
                .map_err(werr)?;
            y += 1;
        }
    }
    wb.save_to_buffer().map_err(werr)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names_and_paths() {
        assert_eq!(column_name(1), "A");
        assert_eq!(column_name(26), "Z");
        assert_eq!(column_name(27), "AA");
        assert_eq!(column_name(16_384), "XFD");
        assert!(is_pattern("organisations[].bodies[].members[]"));
        assert!(is_pattern("participants[]"));
        assert!(!is_pattern("participants"));
        assert!(!is_pattern("participants[].[]"));
        assert!(is_field_path("programme.funder.name"));
        assert!(is_field_path("functions[]"));
        assert!(!is_field_path("a..b"));
        assert!(parse_path("organisations[2].bodies[0]").is_some());
        assert!(parse_path("organisations[x]").is_none());
        assert!(parse_path("organisations[2]x").is_none());
        assert_eq!(excel_date(40_179.0).as_deref(), Some("2010-01-01"));
        assert_eq!(excel_date(40_483.5).as_deref(), Some("2010-11-01"));
    }
}
