//! Helpers shared by the readers: text decoding, line splitting, messages.

use std::borrow::Cow;

use crate::{FormatError, Location, Warning};

/// Decodes a text file: UTF-8 (a BOM is dropped), or Windows-1252 when the
/// bytes are not valid UTF-8 (old Pajek files, Norwegian Excel exports).
/// Returns the text and whether the Windows-1252 fallback was used.
pub(crate) fn decode_text(bytes: &[u8]) -> (Cow<'_, str>, bool) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (Cow::Borrowed(s), false),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            (text, true)
        }
    }
}

/// Splits text into lines on `\n`, `\r\n` or a lone `\r`, without the line
/// ends. Yields `(line number from 1, line)`.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = text;
    let mut number = 0usize;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        number += 1;
        // A byte search: '\n' and '\r' never occur inside a UTF-8
        // sequence, and it is several times faster than a char pattern.
        match rest.bytes().position(|c| c == b'\n' || c == b'\r') {
            None => {
                let line = rest;
                rest = "";
                Some((number, line))
            }
            Some(i) => {
                let line = &rest[..i];
                let skip = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
                rest = &rest[i + skip..];
                Some((number, line))
            }
        }
    })
}

/// The file name's stem, used as a network name when a format has none.
pub(crate) fn stem(file_name: &str) -> String {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let s = match base.rfind('.') {
        Some(i) if i > 0 => &base[..i],
        _ => base,
    };
    if s.is_empty() {
        "network".to_string()
    } else {
        s.to_string()
    }
}

/// The 1-based character column of a byte offset in a line.
pub(crate) fn column_of(line: &str, byte_offset: usize) -> usize {
    let end = byte_offset.min(line.len());
    line.char_indices().take_while(|(i, _)| *i < end).count() + 1
}

/// Parses a finite real number (no NaN, no infinities).
pub(crate) fn parse_finite(s: &str) -> Option<f64> {
    let t = s.trim();
    // Rust accepts "inf", "nan", "infinity"; none of these is a tie value.
    if t.is_empty()
        || t.bytes()
            .any(|b| b.is_ascii_alphabetic() && b != b'e' && b != b'E')
    {
        return None;
    }
    t.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Reader context: the file name for messages and the warnings so far.
pub(crate) struct Ctx {
    pub file: String,
    pub warnings: Vec<Warning>,
}

#[allow(dead_code)] // some helpers are used by only some readers
impl Ctx {
    pub fn new(file: &str) -> Ctx {
        Ctx {
            file: file.to_string(),
            warnings: Vec::new(),
        }
    }

    pub fn loc(&self, line: Option<usize>, column: Option<usize>) -> Location {
        Location {
            file: self.file.clone(),
            line,
            column,
        }
    }

    pub fn err(&self, line: usize, message: impl Into<String>) -> FormatError {
        FormatError::new(self.loc(Some(line), None), message)
    }

    pub fn err_at(&self, line: usize, column: usize, message: impl Into<String>) -> FormatError {
        FormatError::new(self.loc(Some(line), Some(column)), message)
    }

    pub fn err_file(&self, message: impl Into<String>) -> FormatError {
        FormatError::new(self.loc(None, None), message)
    }

    pub fn warn(&mut self, line: Option<usize>, message: impl Into<String>) {
        let location = self.loc(line, None);
        self.warnings.push(Warning {
            location,
            message: message.into(),
        });
    }

    pub fn warn_at(&mut self, line: usize, column: usize, message: impl Into<String>) {
        let location = self.loc(Some(line), Some(column));
        self.warnings.push(Warning {
            location,
            message: message.into(),
        });
    }
}

/// The most vertices a file may declare: a million always, more only when
/// the file is at least that many bytes long, so that a tiny file cannot
/// make a reader allocate gigabytes.
pub(crate) fn vertex_limit(input_len: usize) -> usize {
    input_len.max(1_000_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_split_on_all_line_ends() {
        let v: Vec<_> = lines("a\r\nb\nc\rd").collect();
        assert_eq!(v, vec![(1, "a"), (2, "b"), (3, "c"), (4, "d")]);
        let v: Vec<_> = lines("a\n\nb\n").collect();
        assert_eq!(v, vec![(1, "a"), (2, ""), (3, "b")]);
    }

    #[test]
    fn decode_falls_back_to_windows_1252() {
        let (t, fb) = decode_text(b"\xEF\xBB\xBFBl\xC3\xA5");
        assert_eq!((t.as_ref(), fb), ("Blå", false));
        let (t, fb) = decode_text(b"Bl\xE5 \xD8st");
        assert_eq!((t.as_ref(), fb), ("Blå Øst", true));
    }

    #[test]
    fn finite_numbers_only() {
        assert_eq!(parse_finite("-3"), Some(-3.0));
        assert_eq!(parse_finite("1e3"), Some(1000.0));
        assert_eq!(parse_finite("inf"), None);
        assert_eq!(parse_finite("NaN"), None);
        assert_eq!(parse_finite("1e400"), None);
    }

    #[test]
    fn stems_and_columns() {
        assert_eq!(stem("/a/b/strike.paj"), "strike");
        assert_eq!(stem("C:\\x\\y.net"), "y");
        assert_eq!(stem(".net"), ".net");
        assert_eq!(column_of("æø x", 5), 4);
    }
}
