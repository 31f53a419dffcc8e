//! # samspill-draw
//!
//! Network pictures a municipal working group can read at a glance
//! (PRODUCT.md §5): the people network at a threshold, the political
//! two-mode figure, the function × function heat map, rating bars per
//! municipality, and two waves side by side.
//!
//! Every picture is a [`Picture`]: an SVG (text converted to glyph paths
//! from the embedded DejaVu Sans Condensed, so it renders the same in a
//! browser, in typst and in resvg) and the same SVG with `<text>` in that
//! font for renderers given it (the PDF report), a text alternative that states the
//! numbers, a table view of the same data, and a [`QualityReport`].
//! [`png`] renders an SVG at print resolution.
//!
//! The layout ([`layout`]) is samspill's own: stress majorization from
//! several seeded starts, overlap removal by scaling, greedy label
//! placement. Nothing depends on hash-map order or on the machine: the same
//! input gives the same bytes.
//!
//! Every word in a picture comes from `samspill-i18n` (`draw.ftl`).

#![warn(missing_docs)]

pub mod cluster;
pub mod font;
pub mod geometry;
pub mod layout;
pub mod place;
pub mod pseudonym;
pub mod quality;
pub mod svg;

mod chart;
mod network;
mod political;
mod style;

pub use chart::{function_matrix, ratings};
pub use network::{
    LegendPlacement, NetworkOptions, ViewOptions, people_network, people_network_with, two_waves,
    two_waves_with,
};
pub use political::{political, political_with};
pub use pseudonym::{Pseudonym, Pseudonyms};
pub use quality::QualityReport;
pub use style::{FUNCTION_PALETTE, STANDARD_FUNCTIONS, function_key};

use serde::Serialize;

/// A table view of a picture's data (universal design: the same numbers
/// as text).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Table {
    /// Column headings.
    pub header: Vec<String>,
    /// Rows of cells, each as long as the header.
    pub rows: Vec<Vec<String>>,
}

/// A node's place in a node-link picture (for `--positions-json` and the
/// layout comparison).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NodePosition {
    /// Stable person id.
    pub id: String,
    /// The label drawn.
    pub label: String,
    /// Centre, px.
    pub x: f64,
    /// Centre, px.
    pub y: f64,
    /// Node radius, px.
    pub r: f64,
    /// Label box, px.
    pub label_box: geometry::Rect,
}

/// The geometry of a node-link picture.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Positions {
    /// Canvas width, px.
    pub width: f64,
    /// Canvas height, px.
    pub height: f64,
    /// Nodes, in the analysed network's order.
    pub nodes: Vec<NodePosition>,
    /// Undirected edges as node indices `(u, v)`, `u < v`.
    pub edges: Vec<(usize, usize)>,
    /// Cluster hulls: the convex polygon of the members' centres and the
    /// padding drawn around it (a member's disc lies within the padded
    /// polygon).
    pub hulls: Vec<Hull>,
}

/// A cluster hull ([`cluster::clusters`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hull {
    /// Cluster number: position in [`cluster::clusters`] order, from 0.
    pub community: usize,
    /// Node indices of the members.
    pub members: Vec<usize>,
    /// Convex polygon of the members' centres.
    pub polygon: Vec<geometry::P>,
    /// Padding around the polygon, px.
    pub pad: f64,
}

/// One finished picture.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Picture {
    /// The SVG document, its text as glyph paths of the embedded font (the
    /// same in every browser and renderer).
    pub svg: String,
    /// The same picture with its text as `<text>` elements in
    /// [`font::FAMILY`], for renderers given [`font::FONT_DATA`]: the PDF
    /// report hands it to typst, which embeds the labels as selectable text.
    #[serde(skip)]
    pub svg_text: String,
    /// What the picture shows, in words and numbers.
    pub alt_text: String,
    /// The same data as a table.
    pub table: Table,
    /// How readable the picture is.
    pub quality: QualityReport,
    /// Node-link pictures: where everything went (empty for charts).
    pub positions: Positions,
    /// Legend entries for functions, as function keys, in legend order.
    pub legend_functions: Vec<String>,
    /// Every number the caption and the text alternative state, by the
    /// name of the message argument that states it (`n`, `edges`,
    /// `communities`, …), so a report can check them against its own facts.
    pub stated: Vec<(String, f64)>,
}

/// Why a picture cannot be drawn.
#[derive(Debug, thiserror::Error)]
pub enum DrawError {
    /// The embedded font could not be read (a build problem).
    #[error("the embedded font cannot be read: {0}")]
    Font(String),
    /// Nothing to draw.
    #[error("there is nothing to draw: {0}")]
    Empty(String),
    /// Too many people for a readable picture and for the layout.
    #[error("{nodes} people are too many to draw (at most {max})")]
    TooLarge {
        /// People in the network.
        nodes: usize,
        /// The limit.
        max: usize,
    },
    /// The inputs do not belong together (e.g. an analysis of another network).
    #[error("the inputs do not match: {0}")]
    Mismatch(String),
    /// The SVG could not be rendered to PNG.
    #[error("cannot render the picture to PNG: {0}")]
    Render(String),
}

/// Renders an SVG to PNG at `dpi` (SVG px are 1/96 inch; 300 dpi is print).
pub fn png(svg: &str, dpi: f64) -> Result<Vec<u8>, DrawError> {
    use resvg::{tiny_skia, usvg};
    let tree = usvg::Tree::from_str(svg, &usvg::Options::default())
        .map_err(|e| DrawError::Render(e.to_string()))?;
    let scale = (dpi / 96.0) as f32;
    let size = tree.size();
    let w = (size.width() * scale).ceil() as u32;
    let h = (size.height() * scale).ceil() as u32;
    let mut pixmap = tiny_skia::Pixmap::new(w.max(1), h.max(1))
        .ok_or_else(|| DrawError::Render(format!("a {w} × {h} image is too large")))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| DrawError::Render(e.to_string()))
}
