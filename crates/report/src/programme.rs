//! The cross-municipality report of a programme (todo).
