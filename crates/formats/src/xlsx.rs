//! XLSX workbooks: a ties sheet and a roster sheet.
//!
//! The ties sheet has the columns of a CSV edge list and the roster sheet
//! those of the node table (see the CSV reader for the names understood,
//! English, Norwegian and Danish). Sheets are found by name
//! (`ties`/`edges`/`relasjoner`/`kanter`/`bånd`/`relationer` and
//! `roster`/`people`/`nodes`/`personer`/`noder`/`deltakere`/`deltagere`);
//! otherwise the first sheet holds the ties and a second one the roster.
//! Each sheet is read exactly as the CSV reader reads a file, so messages
//! give the sheet, the Excel row and the column number.

use rust_xlsxwriter::Workbook as XlsxWriter;
use samspill_engine::model::Network;

use crate::workbook::{Sheet, Workbook};
use crate::{Document, FormatError, Location, ReadOptions, WriteOptions, Written};

const TIES: [&str; 8] = [
    "ties",
    "edges",
    "relasjoner",
    "kanter",
    "bånd",
    "relationer",
    "links",
    "kontakter",
];
const ROSTER: [&str; 8] = [
    "roster",
    "people",
    "nodes",
    "personer",
    "noder",
    "deltakere",
    "deltagere",
    "persons",
];

/// A sheet as CSV text whose record numbers are the Excel row numbers and
/// whose field numbers are the Excel column numbers.
fn sheet_csv(sheet: &Sheet) -> Result<Vec<u8>, String> {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for row in &sheet.rows {
        if row.is_empty() {
            w.write_record([""]).map_err(|e| e.to_string())?;
        } else {
            w.write_record(row).map_err(|e| e.to_string())?;
        }
    }
    w.into_inner().map_err(|e| e.to_string())
}

/// Reads a workbook through the bounded [`Workbook`] reader
/// (`opts.limits.workbook`).
pub(crate) fn read(
    bytes: &[u8],
    file_name: &str,
    opts: &ReadOptions,
) -> Result<Document, FormatError> {
    let err = |m: String| FormatError::new(Location::file(file_name), m);
    let mut wb = Workbook::open(bytes, file_name, opts.limits.workbook)?;
    let names = wb.sheet_names();
    let find = |list: &[&str]| {
        names
            .iter()
            .find(|n| list.contains(&n.trim().to_lowercase().as_str()))
            .cloned()
    };
    let ties_name = find(&TIES).or_else(|| names.first().cloned());
    let roster_name = find(&ROSTER).or_else(|| {
        if find(&TIES).is_none() {
            names.get(1).cloned()
        } else {
            None
        }
    });
    let Some(ties_name) = ties_name else {
        return Err(err("expected a sheet of ties, found no sheets".into()));
    };
    let ties_csv = sheet_csv(&wb.sheet(&ties_name)?).map_err(err)?;
    let mut o = opts.clone();
    if let Some(r) = roster_name.filter(|r| *r != ties_name) {
        let roster = wb.sheet(&r)?;
        o.nodes_bytes = Some((
            format!("{file_name} [{r}]"),
            sheet_csv(&roster).map_err(err)?,
        ));
        o.nodes = None;
    }
    let sheet_file = format!("{file_name} [{ties_name}]");
    let mut doc = crate::edgelist::read(&ties_csv, &sheet_file, &o)?;
    let name = crate::common::stem(file_name);
    for n in &mut doc.networks {
        for r in &mut n.relations {
            if r.name == crate::common::stem(&sheet_file) {
                r.name = name.clone();
            }
        }
        n.name = name.clone();
    }
    Ok(doc)
}

/// Writes the first network as a workbook with a `ties` and a `roster`
/// sheet (the CSV writer's two tables; numbers become number cells).
pub(crate) fn write(networks: &[Network], opts: &WriteOptions) -> Result<Written, FormatError> {
    let err = |m: String| FormatError::new(Location::file("<output>"), m);
    let mut csv_opts = opts.clone();
    csv_opts.csv_delimiter = Some(b',');
    let w = crate::edgelist::write(networks, &csv_opts)?;
    let mut wb = XlsxWriter::new();
    let tables = [
        ("ties", w.bytes.as_slice()),
        (
            "roster",
            w.extra.first().map_or(&[][..], |(_, b)| b.as_slice()),
        ),
    ];
    for (sheet, bytes) in tables {
        let ws = wb.add_worksheet();
        ws.set_name(sheet).map_err(|e| err(e.to_string()))?;
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes);
        for (r, rec) in rdr.records().enumerate() {
            let rec = rec.map_err(|e| err(e.to_string()))?;
            let row = u32::try_from(r).map_err(|_| err("too many rows for a worksheet".into()))?;
            for (c, field) in rec.iter().enumerate() {
                let col =
                    u16::try_from(c).map_err(|_| err("too many columns for a worksheet".into()))?;
                if field.is_empty() {
                    continue;
                }
                // Numbers stay numbers, except in the header and id columns.
                let number =
                    if r > 0 && !(sheet == "roster" && c == 0) && !(sheet == "ties" && c < 2) {
                        field
                            .parse::<f64>()
                            .ok()
                            .filter(|v| v.is_finite() && v.to_string() == field)
                    } else {
                        None
                    };
                let res = match number {
                    Some(v) => ws.write_number(row, col, v).map(|_| ()),
                    None => ws.write_string(row, col, field).map(|_| ()),
                };
                res.map_err(|e| err(e.to_string()))?;
            }
        }
    }
    let bytes = wb.save_to_buffer().map_err(|e| err(e.to_string()))?;
    Ok(Written {
        bytes,
        extra: Vec::new(),
        dropped: w.dropped,
    })
}
