//! Exports of a closed round, so an evaluator can continue in R, UCINET or
//! Gephi: the reported network in every interchange format samspill writes,
//! the analysis as JSON (the `samspill analyze` contract), and the answers
//! as XLSX (one sheet per question). Pseudonymised unless the named version
//! is asked for: people are then labelled and identified by their stable
//! pseudonym («Tildeling 5»), never by name, e-mail or database id.

use rust_xlsxwriter::{Format as XlsxFormat, Workbook};
use samspill_engine::analysis::{AnalysisOptions, analyze};
use samspill_engine::build::build;
use samspill_engine::model::Network;
use samspill_formats::{Document, Format, WriteOptions, Written};
use samspill_i18n::{Lang, Texts};
use serde_json::json;

use crate::input::pseudonym_label;
use crate::{ResultsError, RoundData, Rules};

/// The network of the round with people pseudonymised (unless `named`):
/// id and label are the pseudonym; functions, unit, level and whether the
/// person answered are kept (the analysis needs them).
pub fn network(data: &RoundData, lang: Lang, named: bool) -> Network {
    let t = Texts::new(lang);
    let mut n = data.net.network.clone();
    n.name = format!("{} – {}", data.tenant.name, data.round.name);
    if !named {
        for (i, p) in n.people.iter_mut().enumerate() {
            let label = pseudonym_label(data, &t, i);
            p.id = label.clone();
            p.label = label;
        }
    }
    n
}

/// The round's network in `format` (for CSV, the node table is the
/// companion file in [`Written::extra`]).
pub fn network_file(
    data: &RoundData,
    format: Format,
    lang: Lang,
    named: bool,
) -> Result<Written, ResultsError> {
    let mut net = network(data, lang, named);
    if format == Format::Dl {
        // UCINET reads a 0 cell as «no tie», and the survey's scale gives
        // «rarer than monthly» the value 0: in DL files the scale is moved
        // up by one (1 rarer … 4 daily), as the export's label says, so
        // that no reported contact is lost.
        for rel in &mut net.relations {
            for tie in &mut rel.ties {
                tie.value += 1.0;
            }
        }
    }
    let doc = Document::single(net);
    samspill_formats::write_bytes(&doc, format, &WriteOptions::default())
        .map_err(|e| ResultsError::Write(e.to_string()))
}

/// The analysis under `rules` as `samspill analyze --format json` writes
/// it for the exported network (same build options, same defaults).
pub fn analysis_json(
    data: &RoundData,
    rules: &Rules,
    lang: Lang,
    named: bool,
) -> Result<String, ResultsError> {
    let n = network(data, lang, named);
    let an = build(&n, &rules.build_options())?;
    let a = analyze(&n, &an, &AnalysisOptions::default());
    let mut v =
        json!({"source": {"file": format!("{}.graphml", file_stem(data)), "network": n.name}});
    if let (Some(obj), Ok(serde_json::Value::Object(rest))) =
        (v.as_object_mut(), serde_json::to_value(&a))
    {
        obj.extend(rest);
    }
    serde_json::to_string_pretty(&v).map_err(|e| ResultsError::Write(e.to_string()))
}

/// A file name stem for the round's downloads: tenant slug and round id.
pub fn file_stem(data: &RoundData) -> String {
    format!("samspill-{}-round-{}", data.tenant.slug, data.round.id)
}

fn xerr(e: rust_xlsxwriter::XlsxError) -> ResultsError {
    ResultsError::Write(e.to_string())
}

/// Text that a spreadsheet would read as a formula gets a leading `'`.
fn cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// The answers as an XLSX workbook: one sheet per question (contacts with
/// frequency per relation, political contact, each rating, the open
/// answers), respondents pseudonymised unless `named`. Open answers are the
/// reviewed texts that may be quoted (the originals may identify someone);
/// in the named version, the texts as written.
pub fn answers_xlsx(data: &RoundData, lang: Lang, named: bool) -> Result<Vec<u8>, ResultsError> {
    let t = Texts::new(lang);
    let n = network(data, lang, named);
    let label = |i: usize| n.people.get(i).map(|p| p.label.clone()).unwrap_or_default();
    let mut wb = Workbook::new();
    let bold = XlsxFormat::new().set_bold();
    let header =
        |ws: &mut rust_xlsxwriter::Worksheet, cols: &[String]| -> Result<(), ResultsError> {
            for (c, h) in cols.iter().enumerate() {
                ws.write_string_with_format(0, c as u16, cell(h), &bold)
                    .map_err(xerr)?;
            }
            Ok(())
        };
    for rel in &n.relations {
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name(&t.get(&format!("results-sheet-{}", rel.name))))
            .map_err(xerr)?;
        header(
            ws,
            &[
                t.get("results-col-from"),
                t.get("results-col-to"),
                t.get("results-col-frequency"),
            ],
        )?;
        for (r, tie) in rel.ties.iter().enumerate() {
            let row = r as u32 + 1;
            ws.write_string(row, 0, cell(&label(tie.source)))
                .map_err(xerr)?;
            ws.write_string(row, 1, cell(&label(tie.target)))
                .map_err(xerr)?;
            let freq = match tie.value as i64 {
                3 => "daily",
                2 => "weekly",
                1 => "monthly",
                _ => "rarer",
            };
            ws.write_string(row, 2, t.get(&format!("results-freq-{freq}")))
                .map_err(xerr)?;
        }
    }
    {
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name(&t.get("results-sheet-political")))
            .map_err(xerr)?;
        header(
            ws,
            &[
                t.get("results-col-person"),
                t.get("results-col-body"),
                t.get("results-col-contact-type"),
            ],
        )?;
        for (r, (p, b, c)) in data.net.political.contacts.iter().enumerate() {
            let row = r as u32 + 1;
            ws.write_string(row, 0, cell(&label(*p))).map_err(xerr)?;
            let body = data
                .net
                .political
                .bodies
                .get(*b)
                .cloned()
                .unwrap_or_default();
            ws.write_string(row, 1, cell(&body)).map_err(xerr)?;
            ws.write_string(row, 2, t.get(&format!("survey-ct-{}", c.as_str())))
                .map_err(xerr)?;
        }
    }
    for ra in &data.net.ratings {
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name(
            &t.get(&format!("results-sheet-rating-{}", ra.question)),
        ))
        .map_err(xerr)?;
        header(ws, &[t.get("results-col-answer")])?;
        for (r, v) in ra.answers.iter().enumerate() {
            let row = r as u32 + 1;
            match v {
                Some(v) => ws.write_number(row, 0, f64::from(*v)).map_err(xerr)?,
                None => ws
                    .write_string(row, 0, t.get("results-dont-know"))
                    .map_err(xerr)?,
            };
        }
    }
    {
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name(&t.get("results-sheet-open")))
            .map_err(xerr)?;
        header(
            ws,
            &[
                t.get("results-col-question"),
                t.get("results-col-theme"),
                t.get("results-col-text"),
            ],
        )?;
        let mut row = 1u32;
        for a in &data.answers {
            let (text, theme) = match (&a.review, named) {
                (_, true) => (
                    a.text.clone(),
                    a.review.as_ref().and_then(|r| r.theme.clone()),
                ),
                (Some(r), false) if r.quote => (r.text.clone(), r.theme.clone()),
                _ => continue,
            };
            ws.write_string(row, 0, t.get(&format!("survey-q-open-{}", a.question)))
                .map_err(xerr)?;
            ws.write_string(
                row,
                1,
                theme
                    .map(|k| t.get(&format!("report-theme-{k}")))
                    .unwrap_or_default(),
            )
            .map_err(xerr)?;
            ws.write_string(row, 2, cell(&text)).map_err(xerr)?;
            row += 1;
        }
    }
    wb.save_to_buffer().map_err(xerr)
}

/// A worksheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(s: &str) -> String {
    s.chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect()
}

/// The report's `facts.json`: every number and list the report states,
/// each sentence of the summary and each question with the facts it rests
/// on (by path), and the numbers every figure states.
pub fn facts_json(input: &samspill_report::Input, facts: &samspill_report::facts::Facts) -> String {
    serde_json::to_string_pretty(&samspill_report::facts_document(input, facts)).unwrap_or_default()
}
