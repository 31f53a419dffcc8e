//! Roster files: CSV (comma or semicolon, UTF-8 or Windows-1252 as
//! Norwegian Excel writes it) and XLSX (first sheet). The first row is the
//! header; columns are found by name in any of the four languages. Parsing
//! problems are reported per row together with the store's validation, and
//! nothing is stored while any row has a problem.

use samspill_engine::model::Level;
use samspill_formats::limits::WorkbookLimits;
use samspill_formats::workbook::Workbook;
use samspill_store::{NewPerson, ProblemKind, RowProblem};

/// The kind of a roster file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RosterFile {
    /// Comma- or semicolon-separated text.
    Csv,
    /// An Excel workbook.
    Xlsx,
}

impl RosterFile {
    /// Guesses the kind from the file name and the first bytes (XLSX files
    /// are ZIP archives).
    pub fn detect(name: &str, bytes: &[u8]) -> RosterFile {
        if bytes.starts_with(b"PK\x03\x04") || name.to_lowercase().ends_with(".xlsx") {
            RosterFile::Xlsx
        } else {
            RosterFile::Csv
        }
    }
}

const MAX_ROWS: usize = 5000;

fn column(h: &str) -> Option<&'static str> {
    let h = h.trim().trim_start_matches('\u{feff}').to_lowercase();
    Some(match h.as_str() {
        "name" | "navn" | "namn" | "fullt navn" => "name",
        "email" | "e-mail" | "e-post" | "epost" | "mail" | "e-mailadresse" => "email",
        "unit" | "enhet" | "eining" | "enhed" | "avdeling" | "afdeling" => "unit",
        "level" | "nivå" | "niveau" | "nivaa" => "level",
        "functions" | "function" | "funksjoner" | "funksjon" | "funksjonar" | "funktioner"
        | "funktion" => "functions",
        _ => return None,
    })
}

/// Parses a level in any of the four languages or as its machine name.
pub fn parse_level(s: &str) -> Option<Level> {
    let s = s.trim().to_lowercase();
    Level::parse(&s).or(match s.as_str() {
        "toppledelse" | "toppleiing" | "topledelse" | "top management" | "ledelse" => {
            Some(Level::TopManagement)
        }
        "leder" | "leiar" | "leader" | "mellomleder" => Some(Level::Leader),
        "fagperson" | "fagmedarbeider" | "medarbejder" | "fagmedarbejder" | "professional"
        | "saksbehandler" => Some(Level::Professional),
        "politiker" | "politikar" | "politician" | "folkevalgt" => Some(Level::Politician),
        "ekstern" | "external" => Some(Level::External),
        _ => None,
    })
}

fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes
            .iter()
            .map(|&b| match b {
                0x80 => '€',
                0x8A => 'Š',
                0x8C => 'Œ',
                0x8E => 'Ž',
                0x91 | 0x92 => '\'',
                0x93 | 0x94 => '"',
                0x96 | 0x97 => '-',
                0x9A => 'š',
                0x9C => 'œ',
                0x9E => 'ž',
                0x9F => 'Ÿ',
                b => b as char,
            })
            .collect(),
    }
}

/// The separator of a CSV file: `;` when its first line has more of them
/// than commas (Norwegian Excel), else `,`.
fn delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    }
}

/// Where a quoted CSV value opens without ever closing: (line, column),
/// both from 1. A CSV reader would read everything after it, to the end of
/// the file, as that one value.
pub fn unclosed_quote(text: &str, delim: u8) -> Option<(usize, usize)> {
    let delim = delim as char;
    let (mut line, mut col) = (1usize, 1usize);
    let mut field_start = true;
    let mut open: Option<(usize, usize)> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if open.is_some() {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                }
                '"' => open = None,
                '\n' => line += 1,
                _ => {}
            }
            continue;
        }
        match c {
            '"' if field_start => {
                open = Some((line, col));
                field_start = false;
            }
            '\n' => {
                line += 1;
                col = 1;
                field_start = true;
            }
            '\r' => {}
            c if c == delim => {
                col += 1;
                field_start = true;
            }
            _ => field_start = false,
        }
    }
    open
}

/// The line each CSV record starts on (the CSV reader skips empty lines,
/// so record numbers and line numbers can differ).
fn csv_lines(text: &str, delim: u8) -> Vec<usize> {
    let mut r = csv::ReaderBuilder::new()
        .delimiter(delim)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    // A record's position is where the reader started it, before the
    // empty lines it skipped: step over those to the record's own line.
    let bytes = text.as_bytes();
    r.records()
        .map(|rec| {
            let Some(start) = rec
                .ok()
                .and_then(|r| r.position().map(|p| p.byte() as usize))
            else {
                return 0;
            };
            let mut at = start.min(bytes.len());
            while at < bytes.len() && (bytes[at] == b'\n' || bytes[at] == b'\r') {
                at += 1;
            }
            1 + bytes[..at].iter().filter(|b| **b == b'\n').count()
        })
        .collect()
}

fn rows_of(kind: RosterFile, bytes: &[u8]) -> Result<Vec<Vec<String>>, String> {
    match kind {
        RosterFile::Csv => {
            let text = decode(bytes);
            let delim = delimiter(&text);
            let mut r = csv::ReaderBuilder::new()
                .delimiter(delim)
                .has_headers(false)
                .flexible(true)
                .from_reader(text.as_bytes());
            let mut out = Vec::new();
            for rec in r.records() {
                let rec = rec.map_err(|e| e.to_string())?;
                out.push(rec.iter().map(str::to_string).collect());
                if out.len() > MAX_ROWS + 1 {
                    return Err(format!("more than {MAX_ROWS} rows"));
                }
            }
            Ok(out)
        }
        RosterFile::Xlsx => {
            // The bounded reader checks the archive's real sizes, the sheet's
            // dimensions, cell count and text length before allocating for
            // them: a 1.8 KB workbook with a cell at XFD1048576 once asked
            // calamine's dense range for 550 GB (issue 12).
            let problem = |e: samspill_formats::FormatError| match e.location.line {
                Some(line) => format!("row {line}: {}", e.message),
                None => e.message,
            };
            let mut wb =
                Workbook::open(bytes, "roster.xlsx", WorkbookLimits::roster()).map_err(problem)?;
            let first = wb
                .sheet_names()
                .into_iter()
                .next()
                .ok_or("the workbook has no sheet")?;
            let mut rows = wb.sheet(&first).map_err(problem)?.rows;
            // From the first used row and column, as calamine's range
            // started (a sheet whose table begins at B2 reads as before).
            let top = rows.iter().position(|r| r.iter().any(|c| !c.is_empty()));
            rows.drain(..top.unwrap_or(rows.len()));
            let left = rows
                .iter()
                .filter_map(|r| r.iter().position(|c| !c.is_empty()))
                .min()
                .unwrap_or(0);
            for r in &mut rows {
                r.drain(..left.min(r.len()));
            }
            if rows.len() > MAX_ROWS + 1 {
                return Err(format!("more than {MAX_ROWS} rows"));
            }
            Ok(rows)
        }
    }
}

/// Parses a roster file into persons, or the problems found (row numbers
/// as the user sees them: the header is row 1).
pub fn parse_roster(kind: RosterFile, bytes: &[u8]) -> Result<Vec<NewPerson>, Vec<RowProblem>> {
    let read = read_roster(kind, bytes)?;
    if read.problems.is_empty() {
        Ok(read.people)
    } else {
        Err(read.problems)
    }
}

/// A roster file read as far as its rows go: the persons, the file row of
/// each, where each column is, and the problems found in the cells while
/// reading (unknown levels). A row with a problem is still read, so the
/// store's check can report the rest of it too: every problem of every
/// row is reported at once.
#[derive(Debug, Clone)]
pub struct ReadRoster {
    /// The persons, one per non-blank row.
    pub people: Vec<NewPerson>,
    /// The file row of each person (the header is row 1).
    pub rows: Vec<usize>,
    /// Each recognised column: (`name`, `email`, `unit`, `level` or
    /// `functions`; its index from 0; its header as written in the file).
    pub columns: Vec<(&'static str, usize, String)>,
    /// Problems found while reading the cells.
    pub problems: Vec<RowProblem>,
}

/// Reads a roster file (see [`ReadRoster`]); `Err` holds problems that stop
/// the file from being read at all: unreadable, an unclosed quote, missing
/// columns, no rows.
pub fn read_roster(kind: RosterFile, bytes: &[u8]) -> Result<ReadRoster, Vec<RowProblem>> {
    let mut lines: Option<Vec<usize>> = None;
    if kind == RosterFile::Csv {
        let text = decode(bytes);
        let delim = delimiter(&text);
        if let Some((row, column)) = unclosed_quote(&text, delim) {
            return Err(vec![RowProblem {
                row,
                kind: ProblemKind::UnclosedQuote { column },
            }]);
        }
        lines = Some(csv_lines(&text, delim));
    }
    let line_of = |i: usize| {
        lines
            .as_ref()
            .and_then(|l| l.get(i).copied())
            .filter(|l| *l > 0)
            .unwrap_or(i + 1)
    };
    let rows = rows_of(kind, bytes).map_err(|reason| {
        vec![RowProblem {
            row: 0,
            kind: ProblemKind::Unreadable { reason },
        }]
    })?;
    let Some(header) = rows.first() else {
        return Err(vec![RowProblem {
            row: 1,
            kind: ProblemKind::MissingColumn {
                column: "name".into(),
            },
        }]);
    };
    let cols: Vec<Option<&str>> = header.iter().map(|h| column(h)).collect();
    let idx = |name: &str| cols.iter().position(|c| *c == Some(name));
    let columns = ["name", "email", "unit", "level", "functions"]
        .iter()
        .filter_map(|n| {
            idx(n).map(|i| {
                (
                    *n,
                    i,
                    header[i].trim().trim_start_matches('\u{feff}').to_string(),
                )
            })
        })
        .collect();
    let mut problems = Vec::new();
    for required in ["name", "email"] {
        if idx(required).is_none() {
            problems.push(RowProblem {
                row: 1,
                kind: ProblemKind::MissingColumn {
                    column: required.into(),
                },
            });
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let cell = |row: &Vec<String>, name: &str| {
        idx(name)
            .and_then(|i| row.get(i))
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    };
    let mut people = Vec::new();
    for (i, row) in rows.iter().enumerate().skip(1) {
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let line = line_of(i);
        let level_text = cell(row, "level");
        let level = if level_text.is_empty() {
            None
        } else {
            match parse_level(&level_text) {
                Some(l) => Some(l),
                None => {
                    problems.push(RowProblem {
                        row: line,
                        kind: ProblemKind::UnknownLevel {
                            value: level_text.clone(),
                        },
                    });
                    None
                }
            }
        };
        let unit = cell(row, "unit");
        people.push((
            line,
            NewPerson {
                name: cell(row, "name"),
                email: cell(row, "email"),
                unit: (!unit.is_empty()).then_some(unit),
                level,
                functions: cell(row, "functions")
                    .split(['|', ';', ','])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
            },
        ));
    }
    if people.is_empty() {
        return Err(vec![RowProblem {
            row: 2,
            kind: ProblemKind::MissingName,
        }]);
    }
    // The store numbers persons 2, 3, … in order; `rows` maps them back to
    // the file's rows (blank rows were skipped).
    let (rows, people) = people.into_iter().unzip();
    Ok(ReadRoster {
        people,
        rows,
        columns,
        problems,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unclosed_quote_is_found_where_it_opens() {
        assert_eq!(unclosed_quote("a;b\n\"x;y\n", b';'), Some((2, 1)));
        assert_eq!(
            unclosed_quote("navn,e-post\nKari,\"kari@x.no\nOla,ola@x.no\n", b','),
            Some((2, 2))
        );
        // Closed quotes, doubled quotes inside, line breaks inside quotes,
        // and quotes inside an unquoted value are all fine.
        assert_eq!(
            unclosed_quote("\"a \"\"b\"\" c\",d\n\"x\ny\",z\n", b','),
            None
        );
        assert_eq!(unclosed_quote("Ola \"Bud\" Hansen,ola@x.no\n", b','), None);
    }

    #[test]
    fn rows_are_file_lines_and_a_bad_level_hides_nothing() {
        let csv = "navn;e-post;nivå\n\nKari;kari@x.no;sjef\nOla;ola@x.no;leder\n";
        let r = read_roster(RosterFile::Csv, csv.as_bytes()).unwrap();
        assert_eq!(r.rows, [3, 4], "the empty line 2 is counted");
        assert_eq!(r.people.len(), 2, "the row with a bad level is still read");
        assert_eq!(r.problems.len(), 1);
        assert_eq!(r.problems[0].row, 3);
        assert_eq!(r.columns[2], ("level", 2, "nivå".to_string()));
        let e = read_roster(RosterFile::Csv, b"navn,e-post\n\"Kari,kari@x.no\n").unwrap_err();
        assert_eq!(e[0].kind, ProblemKind::UnclosedQuote { column: 1 });
    }
}

#[cfg(test)]
mod hostile_workbooks {
    use super::*;

    /// The hostile workbooks of `crates/formats/tests/hostile/` (issue 12)
    /// are refused as unreadable, with the limit named, before anything is
    /// allocated for their declared size.
    #[test]
    fn are_refused_with_the_limit_named() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../formats/tests/hostile");
        for (file, words) in [
            ("dimension-bomb.xlsx", "at most 10000 rows"),
            ("dimension-xfd5000.xlsx", "row 5000"),
            ("shared-strings-400mb.xlsx", "shared strings"),
            ("zip-bomb.xlsx", "ZIP bomb"),
            ("zip-many-parts.xlsx", "parts"),
            ("long-cell.xlsx", "100000 characters"),
        ] {
            let bytes = std::fs::read(dir.join(file)).unwrap();
            let started = std::time::Instant::now();
            let problems = parse_roster(RosterFile::Xlsx, &bytes).unwrap_err();
            assert!(started.elapsed().as_secs() < 20, "{file}");
            match &problems[..] {
                [
                    RowProblem {
                        kind: ProblemKind::Unreadable { reason },
                        ..
                    },
                ] => assert!(reason.contains(words), "{file}: {reason}"),
                other => panic!("{file}: {other:?}"),
            }
        }
    }
}
