//! Helpers shared by the readers: text decoding, line splitting, messages.

use std::borrow::Cow;

use crate::{FormatError, Location, Text, TextArg, Warning};

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

/// At most `max` characters of `s`; when cut, `…` and the full length in
/// characters follow (`"abcd…" (200000000 characters)` in a message).
pub(crate) fn excerpt(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        None => s.to_string(),
        Some((cut, _)) => format!("{}… ({} characters)", &s[..cut], s.chars().count()),
    }
}

/// How many characters of a quoted token an error message repeats.
pub(crate) const EXCERPT_CHARS: usize = 60;

/// Shortens every double-quoted stretch (as `{:?}` writes a token) and
/// every run of non-blank characters longer than [`EXCERPT_CHARS`] in a
/// message, so that no message repeats a huge token whole (issue 14).
pub(crate) fn shorten_quotes(message: &str) -> String {
    const LONG: usize = 2 * EXCERPT_CHARS;
    if message.len() <= LONG {
        return message.to_string();
    }
    let mut out = String::with_capacity(LONG * 4);
    let mut rest = message;
    while !rest.is_empty() {
        // The next quoted stretch: `"` … an unescaped `"`.
        let Some(open) = rest.find('"') else {
            out.push_str(&shorten_words(rest));
            break;
        };
        out.push_str(&shorten_words(&rest[..open]));
        let body = &rest[open + 1..];
        let mut close = None;
        let mut escaped = false;
        for (i, c) in body.char_indices() {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => {
                    close = Some(i);
                    break;
                }
                _ => escaped = false,
            }
        }
        let inner = &body[..close.unwrap_or(body.len())];
        out.push('"');
        match inner.char_indices().nth(EXCERPT_CHARS) {
            None => out.push_str(inner),
            Some((cut, _)) => {
                out.push_str(&inner[..cut]);
                out.push_str("…\"");
                out.push_str(&format!(" ({} characters", inner.chars().count()));
                out.push(')');
                rest = close.map_or("", |c| &body[c + 1..]);
                continue;
            }
        }
        match close {
            Some(c) => {
                out.push('"');
                rest = &body[c + 1..];
            }
            None => rest = "",
        }
    }
    out
}

fn shorten_words(s: &str) -> String {
    if s.len() <= 2 * EXCERPT_CHARS {
        return s.to_string();
    }
    let mut out = String::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        out.push_str(&excerpt(word, EXCERPT_CHARS));
        word.clear();
    };
    for c in s.chars() {
        if c.is_whitespace() {
            flush(&mut word, &mut out);
            out.push(c);
        } else {
            word.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// The first control character a text file must not hold, as
/// `(line, column, code point)`: C0 controls other than tab, line feed and
/// carriage return, and DEL. A binary file given as text, or a label
/// carrying terminal escape sequences, is refused with a clear message
/// instead of being read (issue 12). A DOS end-of-file mark (Ctrl-Z) at the
/// very end is allowed.
///
/// Works on the raw bytes: these bytes mean the same in UTF-8 and in
/// Windows-1252 and never occur inside a multi-byte UTF-8 sequence, so the
/// file need not be decoded first (only the column, for the message, is
/// counted in characters).
pub(crate) fn control_character(bytes: &[u8]) -> Option<(usize, usize, u32)> {
    let body = bytes.strip_suffix(b"\x1a").unwrap_or(bytes);
    let bad = |b: &u8| (*b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || *b == 0x7f;
    let pos = body.iter().position(bad)?;
    let before = &body[..pos];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = decode_text(&before[line_start..]).0.chars().count() + 1;
    Some((line, column, u32::from(body[pos])))
}

/// [`control_character`] as an error.
pub(crate) fn check_controls(bytes: &[u8], file: &str) -> Result<(), FormatError> {
    match control_character(bytes) {
        None => Ok(()),
        Some((line, column, code)) => {
            let code = format!("U+{code:04X}");
            Err(FormatError::translated(
                Location {
                    file: file.to_string(),
                    line: Some(line),
                    column: Some(column),
                },
                format!(
                    "the file holds the control character {code}: expected text (is it a binary file?)"
                ),
                Text::new(
                    "formats-control-character",
                    vec![("code", TextArg::Str(code))],
                ),
            ))
        }
    }
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

    /// A translatable error at a line (column when given).
    pub fn err_text(
        &self,
        line: Option<usize>,
        column: Option<usize>,
        english: impl Into<String>,
        text: Text,
    ) -> FormatError {
        FormatError::translated(self.loc(line, column), english, text)
    }

    pub fn warn(&mut self, line: Option<usize>, message: impl Into<String>) {
        let location = self.loc(line, None);
        self.warnings.push(Warning {
            location,
            message: shorten_quotes(&message.into()),
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
    fn long_tokens_are_shortened_in_messages() {
        let token = "x".repeat(10_000);
        let m = shorten_quotes(&format!("expected a number, found {token:?} here"));
        assert!(m.len() < 200, "{m}");
        assert!(m.contains("(10000 characters)"), "{m}");
        assert!(m.ends_with(" here"), "{m}");
        let m = shorten_quotes(&format!("found [{token}] on the line"));
        assert!(m.len() < 200, "{m}");
        let short = "expected \"DL\" at the start, found \"graph\"";
        assert_eq!(shorten_quotes(short), short);
        assert_eq!(excerpt("æøå", 2), "æø… (3 characters)");
    }

    #[test]
    fn control_characters_are_found() {
        assert_eq!(control_character(b"a\tb\r\nc\x1a"), None);
        assert_eq!(control_character(b"ab\ncd\x1b[31m"), Some((2, 3, 0x1b)));
        assert_eq!(control_character("æ\u{1b}".as_bytes()), Some((1, 2, 0x1b)));
        assert_eq!(control_character(b"\0"), Some((1, 1, 0)));
    }

    #[test]
    fn stems_and_columns() {
        assert_eq!(stem("/a/b/strike.paj"), "strike");
        assert_eq!(stem("C:\\x\\y.net"), "y");
        assert_eq!(stem(".net"), ".net");
        assert_eq!(column_of("æø x", 5), 4);
    }
}
