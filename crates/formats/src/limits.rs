//! The limits every reader checks **before** it allocates for what a file
//! declares or contains, so that no file, however small or hostile, can make
//! a reader use unbounded memory (issue 12): the file's size (read through a
//! capped reader, never trusting what the file system or an archive says),
//! XML nesting depth and entity declarations (no "billion laughs"), JSON
//! nesting depth, control characters in text, and for XLSX workbooks the
//! archive's entries, their real uncompressed sizes, the sheet dimensions,
//! cell counts and cell text length ([`WorkbookLimits`]).
//!
//! Counts a file declares (Pajek `*Vertices n`, DL `n=`) are bounded by the
//! file's own size as well (a million always, more only for a file at least
//! that many bytes long).
//!
//! A limit that is reached gives a [`FormatError`] whose translatable text
//! (`formats-limit-…` in `locales/*/formats.ftl`) names the limit, the value
//! found and the largest allowed.

use std::io::Read;

use crate::{FormatError, Location, Text, TextArg};

/// Limits for reading one network file. [`Limits::default`] suits the
/// command line; a server taking uploads may set smaller ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest file, in bytes (1 GiB by default).
    pub max_file_bytes: u64,
    /// Deepest nesting of XML elements (GraphML, GEXF): 128 by default.
    pub max_xml_depth: usize,
    /// Deepest nesting of JSON arrays and objects: 64 by default.
    pub max_json_depth: usize,
    /// Workbook limits (XLSX).
    pub workbook: WorkbookLimits,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_file_bytes: 1 << 30,
            max_xml_depth: 128,
            max_json_depth: 64,
            workbook: WorkbookLimits::default(),
        }
    }
}

/// Limits for reading an XLSX workbook ([`crate::workbook::Workbook`]).
///
/// The defaults hold a ties sheet of about half a million rows of a few
/// columns (64 MiB of sheet XML) and keep the memory a hostile workbook can
/// make the reader use to a few hundred megabytes; a roster needs far less
/// ([`WorkbookLimits::roster`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkbookLimits {
    /// Largest workbook file (the ZIP archive), in bytes.
    pub max_file_bytes: u64,
    /// Most entries (parts) in the archive.
    pub max_entries: usize,
    /// Largest uncompressed size of one entry, in bytes, as measured while
    /// decompressing it (the size the archive declares is not trusted).
    pub max_entry_bytes: u64,
    /// Largest uncompressed size of all entries together, in bytes.
    pub max_total_bytes: u64,
    /// Largest uncompressed shared-strings part, in bytes: calamine turns
    /// all of it into strings when the workbook opens (about 2.5 bytes of
    /// memory per byte for short strings).
    pub max_shared_strings_bytes: u64,
    /// Most rows of a sheet: no cell may lie below this row.
    pub max_rows: u32,
    /// Most columns of a sheet: no cell may lie right of this column.
    pub max_columns: u32,
    /// Most non-empty cells of a sheet.
    pub max_cells: usize,
    /// Longest cell text, in characters.
    pub max_cell_chars: usize,
}

impl Default for WorkbookLimits {
    fn default() -> WorkbookLimits {
        WorkbookLimits {
            max_file_bytes: 64 << 20,
            max_entries: 1000,
            max_entry_bytes: 64 << 20,
            max_total_bytes: 128 << 20,
            max_shared_strings_bytes: 32 << 20,
            max_rows: 1_048_576,
            max_columns: 256,
            max_cells: 2_000_000,
            max_cell_chars: 32_767,
        }
    }
}

impl WorkbookLimits {
    /// Limits for a roster of people (a web upload): 20 MiB of parts,
    /// 10 000 rows, 64 columns.
    pub fn roster() -> WorkbookLimits {
        WorkbookLimits {
            max_file_bytes: 16 << 20,
            max_entries: 200,
            max_entry_bytes: 20 << 20,
            max_total_bytes: 40 << 20,
            max_shared_strings_bytes: 8 << 20,
            max_rows: 10_000,
            max_columns: 64,
            max_cells: 200_000,
            max_cell_chars: 4096,
        }
    }
}

/// The error for a limit: `what` names the limit (a word of the message
/// key), `found` what the file has (at least), `max` the largest allowed.
pub(crate) fn exceeded(
    location: Location,
    what: &'static str,
    found: u64,
    max: u64,
) -> FormatError {
    let (english, key) = match what {
        "file-size" => (
            format!("the file is larger than {max} bytes, the most samspill reads"),
            "formats-limit-file-size",
        ),
        "zip-entries" => (
            format!("the workbook has more than {max} parts (found {found})"),
            "formats-limit-zip-entries",
        ),
        "zip-entry-size" => (
            format!("a part of the workbook unpacks to more than {max} bytes (a ZIP bomb?)"),
            "formats-limit-zip-entry-size",
        ),
        "shared-strings-size" => (
            format!("the workbook's shared strings unpack to more than {max} bytes"),
            "formats-limit-shared-strings-size",
        ),
        "zip-total-size" => (
            format!("the workbook unpacks to more than {max} bytes in all (a ZIP bomb?)"),
            "formats-limit-zip-total-size",
        ),
        "rows" => (
            format!("the sheet has a cell in row {found}; at most {max} rows are read"),
            "formats-limit-rows",
        ),
        "columns" => (
            format!("the sheet has a cell in column {found}; at most {max} columns are read"),
            "formats-limit-columns",
        ),
        "cells" => (
            format!("the sheet has more than {max} filled cells"),
            "formats-limit-cells",
        ),
        "cell-text" => (
            format!("a cell holds {found} characters; at most {max} are read"),
            "formats-limit-cell-text",
        ),
        "xml-depth" => (
            format!("the XML is nested deeper than {max} elements"),
            "formats-limit-xml-depth",
        ),
        "json-depth" => (
            format!("the JSON is nested deeper than {max} arrays and objects"),
            "formats-limit-json-depth",
        ),
        _ => (
            format!("a limit was reached ({what}: {found} > {max})"),
            "formats-limit-other",
        ),
    };
    FormatError::translated(
        location,
        english,
        Text::new(
            key,
            vec![
                ("found", TextArg::Num(found as f64)),
                ("max", TextArg::Num(max as f64)),
                ("what", TextArg::Str(what.to_string())),
            ],
        ),
    )
}

/// Reads at most `max` bytes from `r`: the bytes, or the `file-size` error
/// when there are more (an endless device, a file that grew, a size the
/// file system misreported).
pub(crate) fn read_capped(mut r: impl Read, max: u64, file: &str) -> Result<Vec<u8>, FormatError> {
    let mut out = Vec::new();
    let got = r
        .by_ref()
        .take(max.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| {
            FormatError::translated(
                Location::file(file),
                format!("cannot read the file: {e}"),
                Text::new(
                    "formats-cannot-read",
                    vec![("reason", TextArg::Str(e.to_string()))],
                ),
            )
        })?;
    if got as u64 > max {
        return Err(exceeded(Location::file(file), "file-size", got as u64, max));
    }
    Ok(out)
}

/// The deepest nesting of arrays and objects in JSON text, stopping as
/// soon as it passes `max`: `Err((line, column))` of the bracket that went
/// too deep. Strings are skipped (brackets in them do not count).
pub(crate) fn json_depth(bytes: &[u8], max: usize) -> Result<(), (usize, usize)> {
    let (mut depth, mut line, mut col) = (0usize, 1usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for &b in bytes {
        col += 1;
        if b == b'\n' {
            line += 1;
            col = 0;
        }
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return Err((line, col));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Whether an XML document declares entities (`<!ENTITY` inside a
/// `<!DOCTYPE`): the "billion laughs" and external-entity attacks. Neither
/// GraphML nor GEXF uses them, and the readers expand none; such a file is
/// refused with a clear message instead of failing on the first reference.
pub(crate) fn declares_entities(bytes: &[u8]) -> Option<usize> {
    let find = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).position(|w| w == needle);
    // A document type declaration comes before the root element: look only
    // there (the root starts at the first `<` followed by a letter), not
    // through a whole large file. The readers expand no entity wherever it
    // is declared; this is for a clear message.
    let root = bytes
        .windows(2)
        .position(|w| w[0] == b'<' && w[1].is_ascii_alphabetic())
        .unwrap_or(bytes.len());
    let bytes = &bytes[..root];
    let doctype = find(bytes, b"<!DOCTYPE")?;
    let entity = find(&bytes[doctype..], b"<!ENTITY")? + doctype;
    Some(bytes[..entity].iter().filter(|&&b| b == b'\n').count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_depth_counts_outside_strings() {
        assert_eq!(json_depth(b"[[[]]]", 3), Ok(()));
        assert_eq!(json_depth(b"[[[[]]]]", 3), Err((1, 4)));
        assert_eq!(json_depth(br#"{"a": "[[[[[[\"["}"#, 1), Ok(()));
    }

    #[test]
    fn capped_reads_stop_at_the_limit() {
        let zeros = std::io::repeat(0);
        let e = read_capped(zeros, 1000, "dev-zero").unwrap_err();
        assert_eq!(e.text.unwrap().key, "formats-limit-file-size");
        assert_eq!(read_capped(&b"abc"[..], 3, "f").unwrap(), b"abc");
    }

    #[test]
    fn entity_declarations_are_found() {
        let bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE g [\n<!ENTITY a \"aaaa\">\n]>\n<g/>";
        assert_eq!(declares_entities(bomb.as_bytes()), Some(3));
        assert_eq!(declares_entities(b"<graphml/>"), None);
    }
}
