//! The measures, one module per family. Each function documents its
//! definition, conventions and a literature reference, NetworkX style.

pub mod components;
pub mod local;
pub mod paths;
pub mod spectral;
