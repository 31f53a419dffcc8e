//! Small helpers over quick-xml's streaming reader, shared by the GraphML
//! and GEXF readers and writers.

use std::borrow::Cow;
use std::collections::HashMap;

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

use crate::FormatError;
use crate::common::Ctx;

/// Turns byte offsets into line and column numbers. Offsets are asked for
/// in increasing order, so the scan is linear over the whole file.
pub(crate) struct Lines<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
    line_start: usize,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Lines<'a> {
        Lines {
            text,
            pos: 0,
            line: 1,
            line_start: 0,
        }
    }

    /// Line and column (1-based) of a byte offset.
    pub fn at(&mut self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        if offset < self.pos {
            // Asked for an earlier place: start over (rare: errors only).
            self.pos = 0;
            self.line = 1;
            self.line_start = 0;
        }
        let bytes = self.text.as_bytes();
        while self.pos < offset {
            if bytes.get(self.pos) == Some(&b'\n') {
                self.line += 1;
                self.line_start = self.pos + 1;
            }
            self.pos += 1;
        }
        let col = self
            .text
            .get(self.line_start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        (self.line, col)
    }
}

/// The streaming XML reader with the line tracker and the reader context.
pub(crate) struct Xml<'a> {
    pub reader: Reader<&'a [u8]>,
    pub lines: Lines<'a>,
    pub ctx: Ctx,
    /// Elements open now.
    depth: usize,
    /// The deepest nesting allowed ([`crate::Limits::max_xml_depth`]).
    pub max_depth: usize,
}

/// The local name of an element (namespace prefix dropped), lowercased.
pub(crate) fn local(e: &BytesStart<'_>) -> String {
    e.local_name().as_ref().to_ascii_lowercase()
}

impl<'a> Xml<'a> {
    pub fn new(text: &'a str, file: &str) -> Xml<'a> {
        let mut reader = Reader::from_str(text);
        let cfg = reader.config_mut();
        cfg.trim_text(false);
        cfg.check_end_names = true;
        cfg.expand_empty_elements = false;
        Xml {
            reader,
            lines: Lines::new(text),
            ctx: Ctx::new(file),
            depth: 0,
            max_depth: crate::Limits::default().max_xml_depth,
        }
    }

    /// Where the reader is now.
    pub fn here(&mut self) -> (usize, usize) {
        let pos = usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX);
        self.lines.at(pos)
    }

    /// An error at the reader's current position.
    pub fn err(&mut self, message: impl Into<String>) -> FormatError {
        let (line, col) = self.here();
        self.ctx.err_at(line, col, message)
    }

    /// A warning at the reader's current position.
    pub fn warn(&mut self, message: impl Into<String>) {
        let (line, _) = self.here();
        self.ctx.warn(Some(line), message);
    }

    /// The next event, with XML errors turned into a [`FormatError`].
    ///
    /// Nesting deeper than [`Xml::max_depth`] is an error: the readers
    /// descend into elements, and a file of a million nested tags must not
    /// take them (or the stack) with it.
    pub fn next(&mut self) -> Result<Event<'a>, FormatError> {
        match self.reader.read_event() {
            Ok(e) => {
                match &e {
                    Event::Start(_) => {
                        self.depth += 1;
                        if self.depth > self.max_depth {
                            let (line, column) = self.here();
                            let loc = self.ctx.loc(Some(line), Some(column));
                            return Err(crate::limits::exceeded(
                                loc,
                                "xml-depth",
                                self.depth as u64,
                                self.max_depth as u64,
                            ));
                        }
                    }
                    Event::End(_) => self.depth = self.depth.saturating_sub(1),
                    _ => {}
                }
                Ok(e)
            }
            Err(e) => Err(self.err(format!("expected well-formed XML: {e}"))),
        }
    }

    /// Skips the rest of an element whose start tag was just read.
    pub fn skip(&mut self, e: &BytesStart<'_>) -> Result<(), FormatError> {
        let name = e.name();
        match self.reader.read_to_end(name) {
            Ok(_) => {
                // The start tag was counted by `next`; its end was read here.
                self.depth = self.depth.saturating_sub(1);
                Ok(())
            }
            Err(err) => Err(self.err(format!("expected well-formed XML: {err}"))),
        }
    }

    /// The attributes of a start tag, by lowercased local name, unescaped.
    pub fn attrs(&mut self, e: &BytesStart<'_>) -> Result<HashMap<String, String>, FormatError> {
        let mut out = HashMap::new();
        for a in e.attributes() {
            let a = match a {
                Ok(a) => a,
                Err(err) => {
                    return Err(self.err(format!("expected a well-formed attribute: {err}")));
                }
            };
            let key = a.key.local_name().as_ref().to_ascii_lowercase();
            let value = match a.normalized_value(XmlVersion::Implicit1_0) {
                Ok(v) => v.into_owned(),
                Err(err) => {
                    return Err(self.err(format!("expected a well-formed attribute value: {err}")));
                }
            };
            out.insert(key, value);
        }
        Ok(out)
    }

    /// Reads the text content of an element whose start tag was just read,
    /// up to its end tag. Child elements are skipped; the flag says whether
    /// there were any (foreign extensions such as yFiles graphics).
    pub fn text(&mut self) -> Result<(String, bool), FormatError> {
        let (text, children, _) = self.text_and_child(None)?;
        Ok((text, children))
    }

    /// [`Xml::text`], also giving the text of the first descendant element
    /// whose local name (lowercased) is `want`, such as the `<y:NodeLabel>`
    /// inside yEd's node graphics.
    pub fn text_and_child(
        &mut self,
        want: Option<&str>,
    ) -> Result<(String, bool, Option<String>), FormatError> {
        let mut out = String::new();
        let mut children = false;
        let mut found: Option<String> = None;
        loop {
            match self.next()? {
                Event::Text(t) => out.push_str(&t.xml_content(XmlVersion::Implicit1_0)),
                Event::CData(t) => out.push_str(&t.xml_content(XmlVersion::Implicit1_0)),
                Event::GeneralRef(r) => {
                    let resolved: Cow<'_, str> = match r.resolve_char_ref() {
                        Ok(Some(c)) => Cow::Owned(c.to_string()),
                        Ok(None) => {
                            let name = {
                                let s: &str = r.as_ref();
                                s.to_string()
                            };
                            match quick_xml::escape::resolve_predefined_entity(&name) {
                                Some(s) => Cow::Borrowed(s),
                                None => {
                                    return Err(self
                                        .err(format!("expected a known entity, found &{name};")));
                                }
                            }
                        }
                        Err(e) => {
                            return Err(
                                self.err(format!("expected a valid character reference: {e}"))
                            );
                        }
                    };
                    out.push_str(&resolved);
                }
                Event::Start(e) => {
                    children = true;
                    if want.is_some() {
                        // Descend: the wanted element may be deeper down.
                        let is_wanted = want == Some(local(&e).as_str());
                        let (inner, _, deeper) = self.text_and_child(want)?;
                        if found.is_none() {
                            found = if is_wanted { Some(inner) } else { deeper };
                        }
                    } else {
                        self.skip(&e)?;
                    }
                }
                Event::Empty(_) => children = true,
                Event::End(_) => return Ok((out, children, found)),
                Event::Eof => {
                    return Err(self.err("expected an end tag, found the end of the file"));
                }
                _ => {}
            }
        }
    }
}

/// Escapes text for XML content or attribute values. Characters XML 1.0
/// cannot hold are replaced with U+FFFD; the flag says whether any were.
pub(crate) fn escape(s: &str) -> (Cow<'_, str>, bool) {
    if !s
        .chars()
        .any(|c| matches!(c, '&' | '<' | '>' | '"' | '\'' | '\r' | '\n' | '\t') || bad_char(c))
    {
        return (Cow::Borrowed(s), false);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut bad = false;
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#9;"),
            c if bad_char(c) => {
                bad = true;
                out.push('\u{FFFD}');
            }
            c => out.push(c),
        }
    }
    (Cow::Owned(out), bad)
}

/// Characters XML 1.0 cannot hold at all.
fn bad_char(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// The type of an attribute column in GraphML (`attr.type`) and GEXF
/// (`type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AttrType {
    Bool,
    Int,
    Float,
    Text,
}

impl AttrType {
    /// Parses a declared type name (GraphML and GEXF names).
    pub fn parse(s: &str) -> AttrType {
        match s.trim().to_ascii_lowercase().as_str() {
            "boolean" | "bool" => AttrType::Bool,
            "int" | "long" | "integer" | "short" | "byte" => AttrType::Int,
            "float" | "double" | "real" => AttrType::Float,
            _ => AttrType::Text,
        }
    }

    /// The type that holds every value; `lossy` when some values change
    /// type on the way (whole numbers written as reals, or anything as
    /// text).
    pub fn of<'v>(
        values: impl Iterator<Item = &'v samspill_engine::model::AttrValue>,
    ) -> (AttrType, bool) {
        use samspill_engine::model::AttrValue as V;
        let (mut b, mut i, mut f, mut t) = (false, false, false, false);
        for v in values {
            match v {
                V::Bool(_) => b = true,
                V::Int(_) => i = true,
                V::Float(_) => f = true,
                V::Text(_) => t = true,
            }
        }
        match (b, i, f, t) {
            (true, false, false, false) => (AttrType::Bool, false),
            (false, true, false, false) => (AttrType::Int, false),
            (false, false, true, false) => (AttrType::Float, false),
            (false, true, true, false) => (AttrType::Float, true),
            (false, false, false, _) => (AttrType::Text, false),
            _ => (AttrType::Text, true),
        }
    }

    /// A value as written in a column of this type.
    pub fn write(self, v: &samspill_engine::model::AttrValue) -> String {
        use samspill_engine::model::AttrValue as V;
        match (self, v) {
            (AttrType::Float, V::Int(i)) => (*i as f64).to_string(),
            (_, other) => other.to_text(),
        }
    }

    /// Whether `s` marks a missing value in a typed (non-text) column:
    /// blank, or the word `null` that Gephi and igraph write for a node
    /// without the attribute. Such values are skipped with a warning
    /// instead of refusing the whole file (issue 14).
    pub fn is_missing(self, s: &str) -> bool {
        let t = s.trim();
        self != AttrType::Text && (t.is_empty() || t.eq_ignore_ascii_case("null"))
    }

    /// Reads a value of this type; `None` when the text is not one
    /// (a non-finite real included).
    pub fn read(self, s: &str) -> Option<samspill_engine::model::AttrValue> {
        use samspill_engine::model::AttrValue as V;
        let t = s.trim();
        match self {
            AttrType::Bool => match t.to_ascii_lowercase().as_str() {
                "true" | "1" | "yes" => Some(V::Bool(true)),
                "false" | "0" | "no" => Some(V::Bool(false)),
                _ => None,
            },
            AttrType::Int => t.parse::<i64>().ok().map(V::Int),
            AttrType::Float => crate::common::parse_finite(t).map(V::Float),
            AttrType::Text => Some(V::Text(s.to_string())),
        }
    }
}
