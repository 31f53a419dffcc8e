//! # samspill-programme
//!
//! Programme follow-up as pure logic (PRODUCT.md §7; issues 17 and 18): a
//! funder's development programme (Husbanken's Boligsosialt
//! utviklingsprogram, a Landsbyggefonden pool), each participant's path
//! through its phases, its organisation, anchoring and action plan, its
//! reports, and the follow-along evaluator's rounds with the generated
//! overview matrix. Records in, findings out: no I/O, no database, no web.
//! The store persists the records ([`model`] names the aggregates); the web
//! pages and reports show the findings, rendering their [`text::Message`]s
//! with the `programme-` texts of samspill-i18n.
//!
//! * [`model`]: the records, serialisable; field names are the JSON format.
//! * [`document`]: a whole programme as one JSON document, read with
//!   bounds and strict validation (errors name the path of the bad field).
//! * [`rules`]: calendar vs real phase, gates, overruns and extensions
//!   ([`rules::phases`]); the action plan against the planning calendar
//!   ([`rules::planning`]); goal–activity coherence ([`rules::coherence`]);
//!   representation of levels and functions ([`rules::representation`]);
//!   anchoring at a glance and counted across participants
//!   ([`rules::anchoring`]); reports due and late ([`rules::reports`]);
//!   admission and partners ([`rules::admission`]); learning and the data
//!   collection log ([`rules::learning`]); the funder's portfolio
//!   ([`rules::portfolio`]); pre-filled reports ([`rules::prefill`]).
//! * [`matrix`]: the overview matrix of an evaluation round, with
//!   provenance, conflicts, sign-off and the comparison of two rounds.
//! * [`finding`]: findings as data with a severity and a message.
//! * [`defaults`]: the phase model, matrix layout and function catalogue
//!   taken from the seeds; [`demo`]: a generated five-participant programme.
//! * `xlsx` (feature `xlsx`): the whole programme as a workbook, bytes in
//!   and bytes out, with bounded reading.
//!
//! ```
//! use samspill_programme::{date::Date, demo, rules};
//! let doc = demo::programme();
//! let at = Date::parse("2026-03-01").unwrap();
//! let portfolio = rules::portfolio::portfolio(&doc, at, &[]);
//! assert_eq!(portfolio.rows.len(), 5);
//! ```

#![warn(missing_docs)]

pub mod date;
pub mod defaults;
pub mod demo;
pub mod document;
pub mod finding;
pub mod ids;
pub mod matrix;
pub mod model;
pub mod rules;
pub mod text;
#[cfg(feature = "xlsx")]
pub mod xlsx;

pub use date::Date;
pub use document::{DocumentError, DocumentErrors, ProgrammeDocument};
pub use finding::{Finding, FindingKind, Severity};
pub use text::{Catalogue, Message, Renderer, Value};
