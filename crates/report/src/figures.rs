//! Figures as data: the caller draws them (samspill-draw), the report
//! places them. Every figure carries its text alternative and a table view,
//! so that it reads without the picture too.

use serde::Serialize;

/// One drawn figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// Stable id; the municipality report places the ids of [`ids`] in
    /// their chapters and any other id in an appendix.
    pub id: String,
    /// Caption (already in the report's language).
    pub caption: String,
    /// The picture as a standalone SVG document.
    pub svg: String,
    /// Text alternative: what the picture shows, in numbers.
    pub alt_text: String,
    /// Table view: the first row is the header.
    pub table: Vec<Vec<String>>,
}

/// The figure ids the municipality report knows where to put.
pub mod ids {
    /// The network at daily contact.
    pub const NETWORK_DAILY: &str = "network-daily";
    /// The network at daily and weekly contact.
    pub const NETWORK_WEEKLY: &str = "network-weekly";
    /// People × political bodies by contact type.
    pub const POLITICAL: &str = "political";
    /// The function × function contact matrix.
    pub const FUNCTION_MATRIX: &str = "function-matrix";
    /// Distribution of the coordination rating.
    pub const COORDINATION: &str = "rating-coordination";
    /// Distribution of the meeting-places rating.
    pub const MEETING_PLACES: &str = "rating-meeting-places";
    /// Every id the report places in a chapter.
    pub const ALL: [&str; 6] = [
        NETWORK_DAILY,
        NETWORK_WEEKLY,
        POLITICAL,
        FUNCTION_MATRIX,
        COORDINATION,
        MEETING_PLACES,
    ];
}
