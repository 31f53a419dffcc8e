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

/// An SVG document being written: the body, the text runs placed in it,
/// and the glyph outlines those runs use.
///
/// [`Svg::finish`] writes every run as glyph paths (`<use>` of outlines
/// written once, in glyph order, into `<defs>`), which renders the same in
/// any browser or renderer. [`Svg::finish_both`] also writes the same
/// picture with each run as a `<text>` element in the embedded font's
/// family ([`crate::font::FAMILY`]), for renderers given that font: typst
/// then embeds the labels as real, selectable text in a PDF, and converting
/// one `<text>` costs it far less than a `<use>` per glyph.
pub struct Svg<'f> {
    font: &'f Font,
    width: f64,
    height: f64,
    body: String,
    /// Text runs and where in `body` each one goes.
    texts: Vec<(usize, TextRun)>,
}

/// One run of text, already measured and anchored.
struct TextRun {
    text: String,
    /// Left end of the run, px.
    x0: f64,
    /// Baseline, px.
    y: f64,
    /// Font size, px.
    size: f64,
    fill: String,
}

impl<'f> Svg<'f> {
    /// A new document of the given size (px).
    pub fn new(font: &'f Font, width: f64, height: f64) -> Svg<'f> {
        Svg {
            font,
            width,
            height,
            body: String::new(),
            texts: Vec::new(),
        }
    }

    /// Appends raw markup (already escaped).
    pub fn raw(&mut self, s: &str) {
        self.body.push_str(s);
        self.body.push('\n');
    }

    /// Draws `text` with its baseline at `y`, anchored at `x`, in `size` px
    /// and `fill`. As glyph paths, the text itself is kept in the group's
    /// `data-text` (for tests and tools; assistive technology reads the
    /// picture's `<title>` and `<desc>`, since an `aria-label` on a group
    /// without a role is not allowed by WAI-ARIA).
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
        self.texts.push((
            self.body.len(),
            TextRun {
                text: text.to_string(),
                x0,
                y,
                size,
                fill: fill.to_string(),
            },
        ));
    }

    /// The finished document, text as glyph paths, with a title and a
    /// description (the text alternative) for assistive technology.
    pub fn finish(self, title: &str, desc: &str) -> String {
        self.write(title, desc, false)
    }

    /// The finished document twice: text as glyph paths (as
    /// [`Svg::finish`]) and text as `<text>` in [`crate::font::FAMILY`].
    pub fn finish_both(self, title: &str, desc: &str) -> (String, String) {
        (
            self.write(title, desc, false),
            self.write(title, desc, true),
        )
    }

    fn write(&self, title: &str, desc: &str, as_text: bool) -> String {
        let mut out = String::with_capacity(self.body.len() * 2);
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
        // Glyph outlines, each once (outlining every occurrence was 9 % of
        // a report's CPU time); a glyph without an outline (space) is
        // advanced over but not drawn.
        let mut glyphs: std::collections::BTreeMap<u16, Option<String>> = Default::default();
        let mut runs = String::new();
        let mut at = 0;
        for (offset, run) in &self.texts {
            runs.push_str(&self.body[at..*offset]);
            at = *offset;
            if as_text {
                self.text_element(&mut runs, run);
            } else {
                self.glyph_group(&mut runs, run, &mut glyphs);
            }
        }
        runs.push_str(&self.body[at..]);
        if !as_text {
            out.push_str("<defs>\n");
            for (gid, d) in glyphs.iter().filter_map(|(g, d)| Some((g, d.as_ref()?))) {
                let _ = writeln!(out, "<path id=\"g{gid}\" d=\"{d}\"/>");
            }
            out.push_str("</defs>\n");
        }
        let _ = writeln!(
            out,
            "<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>",
            num(self.width),
            num(self.height)
        );
        out.push_str(&runs);
        out.push_str("</svg>\n");
        out
    }

    /// A run as a group of `<use>` glyph references.
    fn glyph_group(
        &self,
        out: &mut String,
        run: &TextRun,
        glyphs: &mut std::collections::BTreeMap<u16, Option<String>>,
    ) {
        let scale = run.size / self.font.units_per_em();
        let _ = write!(
            out,
            "<g class=\"t\" data-text=\"{}\" fill=\"{}\" transform=\"translate({} {}) scale({} {})\">",
            esc(&run.text),
            run.fill,
            num(run.x0),
            num(run.y),
            fmt_scale(scale),
            fmt_scale(-scale)
        );
        let mut pen = 0.0f64;
        for (gid, advance) in self.font.glyphs(&run.text) {
            let outline = glyphs.entry(gid).or_insert_with(|| self.font.outline(gid));
            if outline.is_some() {
                let _ = write!(out, "<use href=\"#g{gid}\" x=\"{}\"/>", num(pen));
            }
            pen += advance;
        }
        out.push_str("</g>\n");
    }

    /// A run as one `<text>` element, placed at the left end the glyph
    /// version measured (no kerning, as the glyph version).
    fn text_element(&self, out: &mut String, run: &TextRun) {
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" font-family=\"{}\" font-stretch=\"semi-condensed\" \
             font-size=\"{}\" font-kerning=\"none\" fill=\"{}\">{}</text>",
            num(run.x0),
            num(run.y),
            crate::font::FAMILY,
            num(run.size),
            run.fill,
            esc(&run.text)
        );
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

    #[test]
    fn both_versions_carry_the_same_runs_in_place() {
        let font = Font::load().unwrap();
        let mut svg = Svg::new(&font, 200.0, 100.0);
        svg.raw("<line x1=\"0\" y1=\"0\" x2=\"1\" y2=\"1\"/>");
        svg.text("Økonomi 3", 100.0, 20.0, 12.0, Anchor::Middle, "#222");
        svg.raw("<circle cx=\"5\" cy=\"5\" r=\"2\"/>");
        svg.text("a & b", 10.0, 40.0, 11.0, Anchor::Start, "#555");
        let (paths, text) = svg.finish_both("T", "D");
        // Glyph version: one group per run, each glyph with an outline
        // written once (the space has none), no `<text>`.
        assert_eq!(paths.matches("<g class=\"t\"").count(), 2);
        assert!(!paths.contains("<text"));
        let defs = paths.matches("<path id=\"g").count();
        let distinct: std::collections::BTreeSet<char> = "Økonomi3a&b".chars().collect();
        assert_eq!(defs, distinct.len());
        assert_eq!(
            paths.matches("<use ").count(),
            "Økonomi3a&b".chars().count()
        );
        // Text version: the same runs, in the same places between the same
        // markup, at the left end the glyph version measured.
        assert!(!text.contains("<use ") && !text.contains("<defs>"));
        let x0 = 100.0 - font.width("Økonomi 3", 12.0) / 2.0;
        let first = format!(
            "<text x=\"{}\" y=\"20\" font-family=\"{}\"",
            num(x0),
            crate::font::FAMILY
        );
        assert!(text.contains(&first), "{text}");
        assert!(text.contains(">a &amp; b</text>"));
        let order = |doc: &str| {
            ["<line", "Økonomi 3", "<circle", "a &amp; b"]
                .iter()
                .map(|k| doc.find(k).unwrap())
                .collect::<Vec<_>>()
        };
        for doc in [&paths, &text] {
            let o = order(doc);
            assert!(o.windows(2).all(|w| w[0] < w[1]), "{doc}");
        }
        // A document without text is the same in both versions.
        let svg = Svg::new(&font, 10.0, 10.0);
        let (a, b) = svg.finish_both("T", "D");
        assert_eq!(a.replace("<defs>\n</defs>\n", ""), b);
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
