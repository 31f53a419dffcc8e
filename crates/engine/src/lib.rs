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
//! 3. [`analysis::analyze`] computes the measures of PRODUCT.md §4 on it.

#![warn(missing_docs)]

pub mod model;
