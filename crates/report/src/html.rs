//! HTML rendering: one self-contained, accessible page (inline CSS; every
//! figure as inline SVG inside a `role="img"` with its text alternative, a
//! caption, and its table view in a `<details>` element).

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

/// Drops an XML declaration or doctype in front of an SVG document so it
/// can be inlined.
fn inline_svg(svg: &str) -> &str {
    match svg.find("<svg") {
        Some(i) => &svg[i..],
        None => svg,
    }
}

/// The stylesheet of the HTML report (also served to pages that embed a report).
pub const CSS: &str = "
body{font-family:'Libertinus Serif',Georgia,serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}
h1{font-size:1.7rem;margin-top:2.5rem;border-bottom:2px solid #0b4f6c}
h2{font-size:1.3rem;margin-top:1.8rem}
h3{font-size:1.1rem}
header h1{border:none;font-size:2rem;margin-bottom:0}
header p{font-size:1.2rem;color:#444;margin-top:.3rem}
table{border-collapse:collapse;margin:.5rem 0 1.2rem}
caption{text-align:left;font-weight:bold;padding:.3rem 0}
th,td{border:1px solid #aaa;padding:.25rem .6rem;text-align:left;vertical-align:top}
th{background:#e8eef2}
td.num,th.num{text-align:right}
.findings td.num{font-size:1.3rem;font-weight:bold;color:#0b4f6c;white-space:nowrap}
figure{margin:1.2rem 0}
figure .picture svg{max-width:100%;height:auto}
figcaption{font-style:italic}
.note{font-size:.9rem;color:#444}
.grid{display:flex;flex-wrap:wrap;gap:1rem}
.grid figure{flex:1 1 22rem}
";

fn is_number(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_digit() || " ,.%–-×+".contains(c) || c == '\u{a0}')
        && s.chars().any(|c| c.is_ascii_digit())
}

fn table(out: &mut String, caption: &str, header: &[String], rows: &[Vec<String>], class: &str) {
    let _ = write!(
        out,
        "<table class=\"{class}\"><caption>{}</caption><thead><tr>",
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
    out.push_str("</tbody></table>\n");
}

fn figure(out: &mut String, f: &Figure, number: usize, doc: &Doc, scale: f64) {
    let _ = write!(
        out,
        "<figure id=\"fig-{id}\" data-figure=\"{id}\"><div class=\"picture\" role=\"img\" aria-label=\"{alt}\" style=\"width:{w:.1}%\">{svg}</div>\
         <figcaption>{label} {number}. {caption}</figcaption>",
        id = escape(&f.id),
        alt = escape(&f.alt_text),
        svg = inline_svg(&f.svg),
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
        table(out, &f.caption, head, rows, "figure-table");
        out.push_str("</details>");
    }
    out.push_str("</figure>\n");
}

/// Renders `doc` as a standalone HTML page.
pub fn render(doc: &Doc) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><style>{CSS}</style></head><body><header><h1>{title}</h1><p>{sub}</p></header><main>\n",
        lang = escape(&doc.lang),
        title = escape(&doc.title),
        sub = escape(&doc.subtitle),
    );
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
                table(&mut out, &c, header, rows, "data");
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
    out.push_str("</main></body></html>\n");
    out
}
