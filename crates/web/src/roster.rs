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

fn rows_of(kind: RosterFile, bytes: &[u8]) -> Result<Vec<Vec<String>>, String> {
    match kind {
        RosterFile::Csv => {
            let text = decode(bytes);
            let first = text.lines().next().unwrap_or("");
            let delim = if first.matches(';').count() > first.matches(',').count() {
                b';'
            } else {
                b','
            };
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
        let line = i + 1;
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
        problems.push(RowProblem {
            row: 2,
            kind: ProblemKind::MissingName,
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    // The store numbers rows 2, 3, … in order; skipped blank rows would
    // shift them, so keep the file's numbers by refusing gaps silently:
    // blank rows were dropped above, and the store's numbering is mapped
    // back by the caller through `row_numbers`.
    Ok(people.into_iter().map(|(_, p)| p).collect())
}

/// The file row number of each parsed person (blank rows skipped), to map
/// the store's row numbers (2, 3, …) back to the file's.
pub fn row_numbers(kind: RosterFile, bytes: &[u8]) -> Vec<usize> {
    rows_of(kind, bytes)
        .map(|rows| {
            rows.iter()
                .enumerate()
                .skip(1)
                .filter(|(_, r)| !r.iter().all(|c| c.trim().is_empty()))
                .map(|(i, _)| i + 1)
                .collect()
        })
        .unwrap_or_default()
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
