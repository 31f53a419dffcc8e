//! # samspill-engine
//!
//! The analysis engine of samspill: collaboration networks in, numbers out.
//! It does no I/O of any kind (no files, network, database or printing);
//! readers, storage, the web application and the command line are layers
//! around it.
//!
//! The path of data through the engine:
//!
//! 1. [`model::Network`] holds what was collected: people with stable ids and
//!    functions, reported ties per relation.
//! 2. [`build::build`] applies the analysis choices (combination rule,
//!    threshold, non-respondents, weighting) and yields a [`graph::Graph`].
//! 3. [`analysis::analyze`] computes the measures of PRODUCT.md §4 on it;
//!    [`waves::compare`] sets two rounds side by side.
//!
//! Every measure follows NetworkX 3's definition unless its documentation
//! says otherwise, and is tested against NetworkX reference values.

#![warn(missing_docs)]
// Graph code indexes several per-node arrays by the same node number;
// iterator chains over one of them would hide that.
#![allow(clippy::needless_range_loop)]

pub mod analysis;
pub mod bridges;
pub mod build;
pub mod community;
pub mod graph;
pub mod groups;
pub mod measures;
pub mod model;
pub mod rng;
pub mod survey;
pub mod waves;

pub use analysis::{Analysis, AnalysisOptions, Metric, MetricSet, analyze};
pub use build::{Analysed, BuildError, BuildOptions, Combine, NonRespondents, Threshold, build};
pub use model::Network;
