//! HTML rendering: one self-contained, accessible page ([`render`]), or
//! the same content as a fragment with its CSS apart ([`fragment`]) for an
//! application that places the report in its own page.
//!
//! Every figure is inline SVG inside a `role="img"` element with its text
//! alternative, a caption, and its table view in a `<details>` element; the
//! SVG itself is hidden from assistive technology (the wrapper speaks for
//! it) and its ids are made unique in the page. Tables and pictures sit in
//! a region of their own that scrolls sideways when a phone is too narrow
//! (pictures keep a readable size, [`MIN_PICTURE_SCALE`]), so the page
//! itself never does. All styles are scoped to `.samspill-report`.

use std::fmt::Write;

use crate::doc::{Block, Doc};
use crate::figures::Figure;

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// An SVG document ready to be inlined in a page: no XML declaration, its
/// root hidden from assistive technology (the surrounding `role="img"`
/// element carries the text alternative) and its `title`/`desc` ids
/// prefixed with `prefix` so that several pictures can share a page.
fn inline_svg(svg: &str, prefix: &str) -> String {
    let svg = match svg.find("<svg") {
        Some(i) => &svg[i..],
        None => svg,
    };
    let end = svg.find('>').unwrap_or(0);
    let (root, rest) = svg.split_at(end);
    let root = root
        .replace(" role=\"img\"", "")
        .replace(" aria-labelledby=\"title desc\"", "");
    let rest = rest
        .replacen(
            "<title id=\"title\">",
            &format!("<title id=\"{prefix}-title\">"),
            1,
        )
        .replacen(
            "<desc id=\"desc\">",
            &format!("<desc id=\"{prefix}-desc\">"),
            1,
        );
    format!("{root} aria-hidden=\"true\" focusable=\"false\"{rest}")
}

/// The smallest share of its natural width a picture is shown at (its
/// 11 px text then reads at 8.8 CSS px); narrower screens scroll the
/// picture inside its region.
pub const MIN_PICTURE_SCALE: f64 = 0.8;

/// The report's styles, every rule scoped to `.samspill-report` (the
/// element [`fragment`] and [`render`] wrap the content in).
pub const CSS: &str = "
.samspill-report{font-family:'Libertinus Serif',Georgia,serif;line-height:1.5;color:#1a1a1a;overflow-wrap:break-word}
.samspill-report h1{font-size:1.7rem;margin-top:2.5rem;border-bottom:2px solid #0b4f6c}
.samspill-report h2{font-size:1.3rem;margin-top:1.8rem}
.samspill-report h3{font-size:1.1rem}
.samspill-report header h1{border:none;font-size:2rem;margin-bottom:0}
.samspill-report header p{font-size:1.2rem;color:#444;margin-top:.3rem}
.samspill-report .notice{border:2px solid #8a1c1c;color:#8a1c1c;font-weight:bold;padding:.4rem .8rem;margin:.8rem 0}
.samspill-report .table-wrap{overflow-x:auto;max-width:100%;margin:.5rem 0 1.2rem}
.samspill-report .table-wrap:focus{outline:2px solid #0b4f6c}
.samspill-report table{border-collapse:collapse;margin:0}
.samspill-report caption{text-align:left;font-weight:bold;padding:.3rem 0}
.samspill-report th,.samspill-report td{border:1px solid #aaa;padding:.25rem .6rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
.samspill-report th{background:#e8eef2}
.samspill-report td.num,.samspill-report th.num{text-align:right;overflow-wrap:normal}
.samspill-report .findings td.num{font-size:1.3rem;font-weight:bold;color:#0b4f6c;white-space:nowrap}
.samspill-report figure{margin:1.2rem 0}
.samspill-report figure .picture-wrap{overflow-x:auto;max-width:100%}
.samspill-report figure .picture-wrap:focus{outline:2px solid #0b4f6c}
.samspill-report figure .picture svg{max-width:100%;height:auto;display:block}
.samspill-report figcaption{font-style:italic}
.samspill-report .note{font-size:.9rem;color:#444}
.samspill-report .grid{display:flex;flex-wrap:wrap;gap:1rem}
.samspill-report .grid figure{flex:1 1 18rem;min-width:0}
";

/// The styles of the standalone page around the report.
const PAGE_CSS: &str = "
body{margin:0}
.samspill-report{max-width:52rem;margin:2rem auto;padding:0 1rem}
@media (max-width:30rem){.samspill-report{margin:1rem auto;padding:0 .75rem}.samspill-report .findings td.num{font-size:1.1rem}}
";

fn is_number(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_digit() || " ,.%–-×+".contains(c) || c == '\u{a0}')
        && s.chars().any(|c| c.is_ascii_digit())
}

/// A table in its own sideways-scrolling region, named by its caption.
fn table(
    out: &mut String,
    id: &str,
    caption: &str,
    header: &[String],
    rows: &[Vec<String>],
    class: &str,
) {
    let _ = write!(
        out,
        "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"{id}\">\
         <table class=\"{class}\"><caption id=\"{id}\">{}</caption><thead><tr>",
        escape(caption)
    );
    for h in header {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(h));
    }
    out.push_str("</tr></thead><tbody>");
    for r in rows {
        out.push_str("<tr>");
        for (i, c) in r.iter().enumerate() {
            if i == 0 {
                let _ = write!(out, "<th scope=\"row\">{}</th>", escape(c));
            } else if is_number(c) {
                let _ = write!(out, "<td class=\"num\">{}</td>", escape(c));
            } else {
                let _ = write!(out, "<td>{}</td>", escape(c));
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>\n");
}

fn figure(out: &mut String, f: &Figure, number: usize, doc: &Doc, scale: f64) {
    let prefix = format!("fig-{number}");
    // On a narrow screen the picture keeps a readable size (its smallest
    // text at least 8.8 CSS px) and scrolls inside its own region; the page
    // itself never scrolls sideways.
    let min = crate::figures::svg_width(&f.svg).map_or(0.0, |w| MIN_PICTURE_SCALE * w * scale);
    let _ = write!(
        out,
        "<figure id=\"fig-{id}\" data-figure=\"{id}\"><div class=\"picture-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"{prefix}-caption\">\
         <div class=\"picture\" role=\"img\" aria-label=\"{alt}\" style=\"width:{w:.1}%;min-width:{min:.0}px\">{svg}</div></div>\
         <figcaption id=\"{prefix}-caption\">{label} {number}. {caption}</figcaption>",
        id = escape(&f.id),
        alt = escape(&f.alt_text),
        svg = inline_svg(&f.svg, &prefix),
        label = escape(&doc.figure_label),
        caption = escape(&f.caption),
        w = 100.0 * scale,
    );
    let _ = write!(out, "<p class=\"note\">{}</p>", escape(&f.alt_text));
    if let Some((head, rows)) = f.table.split_first() {
        let _ = write!(
            out,
            "<details><summary>{}</summary>",
            escape(&doc.table_view)
        );
        table(
            out,
            &format!("{prefix}-table"),
            &f.caption,
            head,
            rows,
            "figure-table",
        );
        out.push_str("</details>");
    }
    out.push_str("</figure>\n");
}

/// The report's content: the `.samspill-report` element with its header
/// (title, subtitle, and the named-version notice when there is one) and
/// every block. Headings start at `<h1>` for the title.
fn content(doc: &Doc) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        "<div class=\"samspill-report\" lang=\"{lang}\"><header><h1>{title}</h1><p>{sub}</p>",
        lang = escape(&doc.lang),
        title = escape(&doc.title),
        sub = escape(&doc.subtitle),
    );
    if let Some(n) = &doc.notice {
        let _ = write!(out, "<p class=\"notice\">{}</p>", escape(n));
    }
    out.push_str("</header><main>\n");
    let mut figure_no = 0;
    let mut table_no = 0;
    for b in &doc.blocks {
        match b {
            Block::Heading { level, text } => {
                let l = (*level).clamp(1, 3);
                let _ = writeln!(out, "<h{l}>{}</h{l}>", escape(text));
            }
            Block::Para { text } => {
                let _ = writeln!(out, "<p>{}</p>", escape(text));
            }
            Block::Note { text } => {
                let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(text));
            }
            Block::List { items } => {
                out.push_str("<ul>");
                for i in items {
                    let _ = write!(out, "<li>{}</li>", escape(i));
                }
                out.push_str("</ul>\n");
            }
            Block::Findings { items } => {
                out.push_str("<table class=\"findings\"><tbody>");
                for (num, text) in items {
                    let _ = write!(
                        out,
                        "<tr><td class=\"num\">{}</td><td>{}</td></tr>",
                        escape(num),
                        escape(text)
                    );
                }
                out.push_str("</tbody></table>\n");
            }
            Block::Table {
                caption,
                header,
                rows,
            } => {
                table_no += 1;
                let c = format!("{} {table_no}. {caption}", doc.table_label);
                table(
                    &mut out,
                    &format!("table-{table_no}"),
                    &c,
                    header,
                    rows,
                    "data",
                );
            }
            Block::Figure(f) => {
                figure_no += 1;
                figure(&mut out, f, figure_no, doc, 1.0);
            }
            Block::FigureGrid { figures } => {
                out.push_str("<div class=\"grid\">");
                for (f, k) in figures.iter().zip(crate::figures::same_scale(figures)) {
                    figure_no += 1;
                    figure(&mut out, f, figure_no, doc, k);
                }
                out.push_str("</div>\n");
            }
            Block::PageBreak => {}
        }
    }
    out.push_str("</main>");
    if let Some(n) = &doc.notice {
        let _ = write!(
            out,
            "<footer><p class=\"notice\">{}</p></footer>",
            escape(n)
        );
    }
    out.push_str("</div>\n");
    out
}

/// The report as a fragment for another page: the body content (one
/// `<div class="samspill-report">`) and the CSS it needs ([`CSS`], every
/// rule scoped to that class), kept apart so the host page can put the CSS
/// in its `<head>` or its own stylesheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Fragment {
    /// The content: insert inside `<body>` (or any block element).
    pub body: String,
    /// The styles the content needs.
    pub css: &'static str,
}

/// Renders `doc` as a [`Fragment`].
pub fn fragment(doc: &Doc) -> Fragment {
    Fragment {
        body: content(doc),
        css: CSS,
    }
}

/// Renders `doc` as a standalone HTML page.
pub fn render(doc: &Doc) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><style>{PAGE_CSS}{CSS}</style></head><body>\n",
        lang = escape(&doc.lang),
        title = escape(&doc.title),
    );
    out.push_str(&content(doc));
    out.push_str("</body></html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_svg_is_hidden_and_its_ids_unique() {
        let svg = "<?xml version=\"1.0\"?>\n<svg xmlns=\"x\" width=\"10\" height=\"10\" role=\"img\" aria-labelledby=\"title desc\">\n<title id=\"title\">T</title>\n<desc id=\"desc\">D</desc>\n<g class=\"t\" data-text=\"a\"/></svg>";
        let out = inline_svg(svg, "fig-3");
        assert!(out.starts_with("<svg xmlns=\"x\" width=\"10\" height=\"10\" aria-hidden=\"true\" focusable=\"false\">"), "{out}");
        assert!(out.contains("<title id=\"fig-3-title\">T</title>"));
        assert!(out.contains("<desc id=\"fig-3-desc\">D</desc>"));
        assert!(!out.contains("role=") && !out.contains("aria-label"));
    }
}
