//! The comparison of two rounds of one municipality (todo).
