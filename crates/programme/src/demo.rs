//! A generated demo programme (placeholder while being written).
use crate::document::ProgrammeDocument;

/// The demo programme.
pub fn programme() -> ProgrammeDocument {
    unimplemented!()
}
