//! The report as a document: written once, rendered as HTML and as PDF.

use serde::Serialize;

use crate::figures::Figure;

/// One block of a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// A heading (level 1 = chapter).
    Heading {
        /// 1, 2 or 3.
        level: u8,
        /// Text.
        text: String,
    },
    /// A paragraph.
    Para {
        /// Text.
        text: String,
    },
    /// A bulleted list.
    List {
        /// Items.
        items: Vec<String>,
    },
    /// Main findings, each with its number.
    Findings {
        /// (number, sentence) pairs.
        items: Vec<(String, String)>,
    },
    /// A table with a header row.
    Table {
        /// Caption.
        caption: String,
        /// Column headings.
        header: Vec<String>,
        /// Rows (same length as `header`).
        rows: Vec<Vec<String>>,
    },
    /// A figure with its text alternative and table view.
    Figure(Figure),
    /// Figures side by side (same scales), for comparisons.
    FigureGrid {
        /// The figures.
        figures: Vec<Figure>,
    },
    /// A note in small type.
    Note {
        /// Text.
        text: String,
    },
    /// Start a new page (PDF only).
    PageBreak,
}

/// A whole report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Doc {
    /// Language code (`nb`, `nn`, `da`, `en`).
    pub lang: String,
    /// Title.
    pub title: String,
    /// Subtitle.
    pub subtitle: String,
    /// A notice every page carries (header and footer): set for the
    /// named, internal version of a report, `None` when pseudonymised.
    pub notice: Option<String>,
    /// Label of a figure's table view ("Tabell").
    pub table_view: String,
    /// Label before a figure's number ("Figur").
    pub figure_label: String,
    /// Label before a table's number ("Tabell").
    pub table_label: String,
    /// Whether the pages are turned (landscape A4), for wide tables such
    /// as a programme's portfolio.
    pub landscape: bool,
    /// The blocks in order.
    pub blocks: Vec<Block>,
}

impl Doc {
    /// Every figure of the document, grids included.
    pub fn figures(&self) -> Vec<&Figure> {
        let mut out = Vec::new();
        for b in &self.blocks {
            match b {
                Block::Figure(f) => out.push(f),
                Block::FigureGrid { figures } => out.extend(figures.iter()),
                _ => {}
            }
        }
        out
    }
}
