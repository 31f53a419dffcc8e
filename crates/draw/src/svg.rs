//! A small SVG writer with fixed number formatting, so the same picture is
//! the same bytes on every machine.

use std::fmt::Write;

use crate::font::{Anchor, Font};

/// Formats a coordinate with at most two decimals, without trailing zeros
/// and never as `-0`.
pub fn num(x: f64) -> String {
    if !x.is_finite() {
        return "0".to_string();
    }
    let k = (x * 100.0).round();
    if k.abs() >= 1e15 {
        let mut s = format!("{:.2}", k / 100.0);
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
        return s;
    }
    // Whole hundredths, written without float formatting: the same digits
    // as `{:.2}` of k/100 with trailing zeros (and "-0") dropped.
    let k = k as i64;
    let a = k.unsigned_abs();
    let (int, frac) = (a / 100, a % 100);
    let mut s = String::with_capacity(12);
    if k < 0 {
        s.push('-');
    }
    let _ = write!(s, "{int}");
    if frac != 0 {
        if frac % 10 == 0 {
            let _ = write!(s, ".{}", frac / 10);
        } else {
            let _ = write!(s, ".{frac:02}");
        }
    }
    s
}

/// Escapes text for XML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// An SVG document being written: the body, and the glyph outlines used by
/// its texts (written once, in glyph order, into `<defs>`).
pub struct Svg<'f> {
    font: &'f Font,
    width: f64,
    height: f64,
    body: String,
    glyphs: std::collections::BTreeMap<u16, String>,
}

impl<'f> Svg<'f> {
    /// A new document of the given size (px).
    pub fn new(font: &'f Font, width: f64, height: f64) -> Svg<'f> {
        Svg {
            font,
            width,
            height,
            body: String::new(),
            glyphs: std::collections::BTreeMap::new(),
        }
    }

    /// Appends raw markup (already escaped).
    pub fn raw(&mut self, s: &str) {
        self.body.push_str(s);
        self.body.push('\n');
    }

    /// Draws `text` with its baseline at `y`, anchored at `x`, in `size` px
    /// and `fill`. Glyphs become paths; the text itself is kept as the
    /// group's `aria-label` for assistive technology and text search.
    pub fn text(&mut self, text: &str, x: f64, y: f64, size: f64, anchor: Anchor, fill: &str) {
        if text.is_empty() {
            return;
        }
        let width = self.font.width(text, size);
        let x0 = match anchor {
            Anchor::Start => x,
            Anchor::Middle => x - width / 2.0,
            Anchor::End => x - width,
        };
        let scale = size / self.font.units_per_em();
        let _ = write!(
            self.body,
            "<g class=\"t\" aria-label=\"{}\" fill=\"{}\" transform=\"translate({} {}) scale({} {})\">",
            esc(text),
            fill,
            num(x0),
            num(y),
            fmt_scale(scale),
            fmt_scale(-scale)
        );
        let mut pen = 0.0f64;
        for (gid, advance) in self.font.glyphs(text) {
            if let Some(outline) = self.font.outline(gid) {
                self.glyphs.entry(gid).or_insert(outline);
                let _ = write!(self.body, "<use href=\"#g{gid}\" x=\"{}\"/>", num(pen));
            }
            pen += advance;
        }
        self.body.push_str("</g>\n");
    }

    /// The finished document with a title and a description (the text
    /// alternative) for assistive technology.
    pub fn finish(self, title: &str, desc: &str) -> String {
        let mut out = String::new();
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" \
             width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" \
             aria-labelledby=\"title desc\">\n<title id=\"title\">{}</title>\n<desc id=\"desc\">{}</desc>\n",
            esc(title),
            esc(desc),
            w = num(self.width),
            h = num(self.height),
        );
        out.push_str("<defs>\n");
        for (gid, d) in &self.glyphs {
            let _ = writeln!(out, "<path id=\"g{gid}\" d=\"{d}\"/>");
        }
        out.push_str("</defs>\n");
        let _ = writeln!(
            out,
            "<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>",
            num(self.width),
            num(self.height)
        );
        out.push_str(&self.body);
        out.push_str("</svg>\n");
        out
    }
}

fn fmt_scale(s: f64) -> String {
    let mut t = format!("{s:.6}");
    while t.ends_with('0') {
        t.pop();
    }
    if t.ends_with('.') {
        t.pop();
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_fixed() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.005), "1");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(12.345678), "12.35");
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(esc("a<b&\"c\""), "a&lt;b&amp;&quot;c&quot;");
    }
}

#[cfg(test)]
mod num_tests {
    use super::num;

    /// The old formatting, for comparison.
    fn reference(x: f64) -> String {
        let r = (x * 100.0).round() / 100.0;
        let mut s = format!("{r:.2}");
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
        if s == "-0" {
            s = "0".to_string();
        }
        s
    }

    #[test]
    fn numbers_are_written_as_before() {
        let mut x = -2000.0;
        while x < 2000.0 {
            assert_eq!(num(x), reference(x), "{x}");
            x += 0.0037;
        }
        for x in [
            0.0, -0.0, -0.004, 0.005, 1.005, 2.675, 123456.789, -0.5, 9.995,
        ] {
            assert_eq!(num(x), reference(x), "{x}");
        }
    }
}
