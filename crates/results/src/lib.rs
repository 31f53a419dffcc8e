//! # samspill-results
//!
//! A closed survey round's results, one code path for every way a user
//! reaches them: the web results page and its downloads, `samspill report
//! --db`, and the demo.
//!
//! 1. [`load`] reads a **closed** round from the store (the frozen
//!    answers, the coordinator's reviews of open answers, the tenant's
//!    stable pseudonyms); an open round is refused ([`ResultsError::NotClosed`]),
//!    so there are never half results.
//! 2. [`Options`] says how to read it: the analysis [`Rules`] (combination
//!    rule, threshold view, with or without reconstructed non-respondents),
//!    the language, and whether names may be shown (only in the internal,
//!    named version; pseudonyms otherwise).
//! 3. [`input`] turns it into the report's [`samspill_report::Input`] (with
//!    figures); [`report`] writes the municipality report (HTML, PDF, facts);
//!    [`export`] writes the round's network in every interchange format,
//!    the analysis JSON and the answers as XLSX.
//!
//! The numbers come from the engine through the report's facts, so the
//! page, the report, the exports and `samspill analyze` on an exported file
//! agree.

#![warn(missing_docs)]

mod data;
pub mod export;
pub mod figures;
mod input;
pub mod person;
pub mod programme;
mod rules;

pub use data::{RoundData, load};
pub use input::{input, input_without_figures, pseudonym_label, report};
pub use person::{Appearance, PersonExport, person_export};
pub use rules::{Options, Rules, View};

/// Theme keys for open answers: the themes of the 2015 report (each has a
/// `report-theme-{key}` text), offered when the coordinator reviews answers.
pub const THEMES: [&str; 9] = [
    "housing-shortage",
    "cooperation",
    "plan-strategy",
    "follow-up",
    "competence",
    "resources",
    "meeting-places",
    "refugees",
    "other",
];

/// What can go wrong with a round's results.
#[derive(Debug, thiserror::Error)]
pub enum ResultsError {
    /// The round is not closed: results are made only from frozen data.
    #[error("the round is not closed; results are made only from a closed round's frozen answers")]
    NotClosed,
    /// The store failed (or the round does not exist).
    #[error(transparent)]
    Store(#[from] samspill_store::StoreError),
    /// The programme refused the read (the user's role does not allow it).
    #[error(transparent)]
    Programme(#[from] samspill_store::ProgrammeError),
    /// The report could not be made.
    #[error(transparent)]
    Report(#[from] samspill_report::ReportError),
    /// The network cannot be analysed with these rules.
    #[error(transparent)]
    Build(#[from] samspill_engine::BuildError),
    /// A file could not be written.
    #[error("{0}")]
    Write(String),
}
