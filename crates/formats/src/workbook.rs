//! A bounded XLSX workbook reader: the one way samspill reads Excel files
//! (network workbooks here, rosters in the web application).
//!
//! calamine builds a sheet's whole dense range (every cell from A1 to the
//! last one, as `Data`) before a caller can look at it: a 1.8 KB workbook
//! with a cell at XFD1048576 asks for 550 GB, and a 400 MB shared-strings
//! part is turned into strings before anything is checked (issue 12).
//! [`Workbook::open`] checks [`WorkbookLimits`] **before** allocating:
//!
//! 1. the file size;
//! 2. the ZIP archive's entry count, and every entry's real uncompressed
//!    size, measured by decompressing it through a capped reader (the sizes
//!    the archive declares are never trusted), one entry at a time and
//!    nothing kept; the total too. Only then does calamine open the workbook
//!    (which reads the shared strings and styles, now of known bounded
//!    size);
//! 3. [`Workbook::sheet`] streams the sheet's cells with calamine's cell
//!    reader (never the dense range) and stops at the first cell beyond
//!    [`WorkbookLimits::max_rows`] / [`WorkbookLimits::max_columns`], past
//!    [`WorkbookLimits::max_cells`] filled cells, or longer than
//!    [`WorkbookLimits::max_cell_chars`]. Rows are kept sparse: a row is as
//!    long as its last filled cell.
//!
//! Every problem is a [`FormatError`] with a translatable text naming the
//! limit.
//!
//! ```
//! use samspill_formats::workbook::Workbook;
//! use samspill_formats::limits::WorkbookLimits;
//! let err = Workbook::open(b"not a zip", "x.xlsx", WorkbookLimits::roster()).err().unwrap();
//! assert_eq!(err.text.unwrap().key, "formats-xlsx-not-a-workbook");
//! ```

use std::io::{Cursor, Read};

use calamine::{DataRef, Reader, Xlsx};

use crate::limits::{WorkbookLimits, exceeded};
use crate::{FormatError, Location, Text, TextArg};

/// An open workbook whose archive passed the size checks.
pub struct Workbook<'a> {
    inner: Xlsx<Cursor<&'a [u8]>>,
    limits: WorkbookLimits,
    file: String,
}

/// One sheet's cells as text, by Excel position: `rows[r][c]` is the cell
/// in Excel row `r + 1`, column `c + 1`. Rows end at their last filled
/// cell; empty rows are empty vectors.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sheet {
    /// The sheet's name.
    pub name: String,
    /// The rows, from Excel row 1.
    pub rows: Vec<Vec<String>>,
}

fn not_a_workbook(file: &str, detail: impl std::fmt::Display) -> FormatError {
    FormatError::translated(
        Location::file(file),
        format!("expected an XLSX workbook: {detail}"),
        Text::new("formats-xlsx-not-a-workbook", Vec::new()),
    )
}

impl<'a> Workbook<'a> {
    /// Checks the archive against `limits` and opens the workbook.
    /// `file` names it in messages.
    pub fn open(
        bytes: &'a [u8],
        file: &str,
        limits: WorkbookLimits,
    ) -> Result<Workbook<'a>, FormatError> {
        if bytes.len() as u64 > limits.max_file_bytes {
            return Err(exceeded(
                Location::file(file),
                "file-size",
                bytes.len() as u64,
                limits.max_file_bytes,
            ));
        }
        check_archive(bytes, file, &limits)?;
        let inner: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
            .map_err(|e: calamine::XlsxError| not_a_workbook(file, e))?;
        Ok(Workbook {
            inner,
            limits,
            file: file.to_string(),
        })
    }

    /// The sheet names, in workbook order.
    pub fn sheet_names(&self) -> Vec<String> {
        self.inner.sheet_names()
    }

    /// Reads the sheet named `name`, checking the limits cell by cell.
    pub fn sheet(&mut self, name: &str) -> Result<Sheet, FormatError> {
        let limits = self.limits;
        let file = format!("{} [{name}]", self.file);
        let sheet_err = |e: calamine::XlsxError| {
            FormatError::translated(
                Location::file(&file),
                format!("cannot read the sheet: {e}"),
                Text::new(
                    "formats-xlsx-bad-sheet",
                    vec![("sheet", TextArg::Str(name.to_string()))],
                ),
            )
        };
        let mut cells = self.inner.worksheet_cells_reader(name).map_err(sheet_err)?;
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut filled = 0usize;
        while let Some(cell) = cells.next_cell().map_err(sheet_err)? {
            let (r, c) = cell.get_position();
            let at = |what| {
                let mut loc = Location::file(&file);
                loc.line = Some(r as usize + 1);
                loc.column = Some(c as usize + 1);
                let (found, max) = match what {
                    "rows" => (u64::from(r) + 1, u64::from(limits.max_rows)),
                    _ => (u64::from(c) + 1, u64::from(limits.max_columns)),
                };
                exceeded(loc, what, found, max)
            };
            if r >= limits.max_rows {
                return Err(at("rows"));
            }
            if c >= limits.max_columns {
                return Err(at("columns"));
            }
            let text = cell_text(cell.get_value());
            if text.is_empty() {
                continue;
            }
            let chars = text.chars().count();
            if chars > limits.max_cell_chars {
                let mut loc = Location::file(&file);
                loc.line = Some(r as usize + 1);
                loc.column = Some(c as usize + 1);
                return Err(exceeded(
                    loc,
                    "cell-text",
                    chars as u64,
                    limits.max_cell_chars as u64,
                ));
            }
            filled += 1;
            if filled > limits.max_cells {
                return Err(exceeded(
                    Location::file(&file),
                    "cells",
                    filled as u64,
                    limits.max_cells as u64,
                ));
            }
            let (r, c) = (r as usize, c as usize);
            if rows.len() <= r {
                rows.resize_with(r + 1, Vec::new);
            }
            let row = &mut rows[r];
            if row.len() <= c {
                row.resize_with(c + 1, String::new);
            }
            row[c] = text;
        }
        Ok(Sheet {
            name: name.to_string(),
            rows,
        })
    }
}

/// A cell as text: numbers as Excel shows whole numbers (`3`, not `3.0`),
/// dates as their serial number, errors as empty.
fn cell_text(d: &DataRef<'_>) -> String {
    match d {
        DataRef::Empty | DataRef::Error(_) => String::new(),
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_string(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => {
            format!("{}", *f as i64)
        }
        DataRef::Float(f) => f.to_string(),
        DataRef::Bool(b) => b.to_string(),
        DataRef::DateTime(dt) => dt.as_f64().to_string(),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
    }
}

/// Counts the archive's entries and decompresses each through a capped
/// reader into nothing, so that the real sizes (not the declared ones) are
/// within the limits before calamine reads any part.
fn check_archive(bytes: &[u8], file: &str, limits: &WorkbookLimits) -> Result<(), FormatError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| not_a_workbook(file, e))?;
    if zip.len() > limits.max_entries {
        return Err(exceeded(
            Location::file(file),
            "zip-entries",
            zip.len() as u64,
            limits.max_entries as u64,
        ));
    }
    let mut total = 0u64;
    let mut sink = [0u8; 16 * 1024];
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(|e| not_a_workbook(file, e))?;
        let shared = entry
            .name()
            .is_ok_and(|n| n.to_ascii_lowercase().ends_with("sharedstrings.xml"));
        let (max, what) = if shared {
            (
                limits.max_shared_strings_bytes.min(limits.max_entry_bytes),
                "shared-strings-size",
            )
        } else {
            (limits.max_entry_bytes, "zip-entry-size")
        };
        let mut size = 0u64;
        loop {
            let n = match entry.read(&mut sink) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(not_a_workbook(file, e)),
            };
            size += n as u64;
            if size > max {
                return Err(exceeded(Location::file(file), what, size, max));
            }
            if total + size > limits.max_total_bytes {
                return Err(exceeded(
                    Location::file(file),
                    "zip-total-size",
                    total + size,
                    limits.max_total_bytes,
                ));
            }
        }
        total += size;
    }
    Ok(())
}
