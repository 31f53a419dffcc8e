//! A wide table as a landscape PDF: a title, the columns' names in a header
//! row repeated on every page the table runs over, sections of labelled
//! rows, footer rows and notes under the table. The evaluator's overview
//! matrix (samspill-programme's `Matrix`, turned into a [`Grid`] by the web
//! page in the reader's language) prints through it.
//!
//! The grid goes to typst as data (`/grid.json`) beside a fixed template
//! (`grid.typ`), as the reports do ([`crate::pdf`]), so no text is ever read
//! as typst markup; fonts, the library and the cache eviction are the
//! reports'.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Serialize;
use typst::foundations::Bytes;
use typst::syntax::Source;
use typst_layout::PagedDocument;

use crate::ReportError;
use crate::pdf::{CACHE_AGE, ReportWorld, file_id};

const TEMPLATE: &str = include_str!("grid.typ");

static MAIN: LazyLock<Source> =
    LazyLock::new(|| Source::new(file_id("/grid.typ"), TEMPLATE.to_string()));

/// A table to print on landscape pages.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Grid {
    /// The document's language (`nb`, `nn`, `da`, `en`): hyphenation.
    pub lang: String,
    /// The title, on the first page and in every page's footer.
    pub title: String,
    /// A line under the title.
    pub subtitle: Option<String>,
    /// The heading of the row-label column.
    pub corner: String,
    /// The columns' names (the repeated header row).
    pub columns: Vec<String>,
    /// Sections of rows, each under a heading spanning the table.
    pub sections: Vec<GridSection>,
    /// Rows after the last section (a sign-off row).
    pub footer: Vec<GridRow>,
    /// Paragraphs under the table (a caption, a source note).
    pub notes: Vec<String>,
}

/// A section of a [`Grid`].
#[derive(Debug, Clone, Default, Serialize)]
pub struct GridSection {
    /// Its heading.
    pub label: String,
    /// Its rows.
    pub rows: Vec<GridRow>,
}

/// A row: its label and one cell per column (line breaks kept).
#[derive(Debug, Clone, Default, Serialize)]
pub struct GridRow {
    /// The row's label.
    pub label: String,
    /// One text per column.
    pub cells: Vec<String>,
}

impl Grid {
    /// Every row has one cell per column (missing cells are blank, extra
    /// ones dropped), so typst's table never shifts a cell into the next
    /// row.
    fn squared(&self) -> Grid {
        let n = self.columns.len();
        let fix = |r: &GridRow| {
            let mut cells = r.cells.clone();
            cells.resize(n, String::new());
            GridRow {
                label: r.label.clone(),
                cells,
            }
        };
        Grid {
            sections: self
                .sections
                .iter()
                .map(|s| GridSection {
                    label: s.label.clone(),
                    rows: s.rows.iter().map(fix).collect(),
                })
                .collect(),
            footer: self.footer.iter().map(fix).collect(),
            ..self.clone()
        }
    }
}

/// Typesets `grid` as a landscape A4 PDF. Needs a deep stack, as
/// [`crate::pdf::render`] does.
pub fn render(grid: &Grid) -> Result<Vec<u8>, ReportError> {
    let json = serde_json::to_vec(&grid.squared()).unwrap_or_default();
    let mut files = HashMap::new();
    files.insert(file_id("/grid.json"), Bytes::new(json));
    let world = ReportWorld {
        main: MAIN.clone(),
        files,
    };
    let result = typst::compile::<PagedDocument>(&world).output;
    let joined = |msgs: Vec<String>| ReportError::Typeset(msgs.join("; "));
    let out = match result {
        Ok(document) => {
            let options = typst_pdf::PdfOptions {
                ident: typst::foundations::Smart::Custom(grid.title.clone()),
                ..typst_pdf::PdfOptions::default()
            };
            typst_pdf::pdf(&document, &options)
                .map_err(|e| joined(e.iter().map(|d| d.message.to_string()).collect()))
        }
        Err(errors) => Err(joined(
            errors.iter().map(|d| d.message.to_string()).collect(),
        )),
    };
    typst::comemo::evict(CACHE_AGE);
    out
}
