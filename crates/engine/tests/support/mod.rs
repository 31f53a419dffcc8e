//! Shared test support.

pub mod compare;
