//! # samspill-report
//!
//! Municipality reports (work in progress).
