//! Waves: two rounds over the same stable ids.
