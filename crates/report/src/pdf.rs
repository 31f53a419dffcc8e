//! PDF rendering with typst as a library, in-process.
//!
//! The document travels to typst as data, not as markup: [`Doc`] is written
//! to a virtual `/doc.json` and a fixed template (`report.typ`) lays it out,
//! so no text from a survey can ever be read as typst code. Figures become
//! virtual SVG files, in their `<text>` version ([`Figure::svg_text`]) so
//! that their labels are real text in the PDF. The fonts are typst-assets'
//! bundled fonts (Libertinus Serif) and the pictures' DejaVu Sans Condensed
//! (samspill-draw's embedded font), loaded once per process.
//!
//! [`Figure::svg_text`]: crate::figures::Figure::svg_text
//!
//! Traps handled (STACK.md): the typst crates are pinned with `=`;
//! `comemo::evict` runs after every compile, failed ones too, so a server's
//! memory does not grow; virtual file paths are stable (`/main.typ`,
//! `/doc.json`, `/fig-<n>.svg`) because file ids are never freed.
//!
//! Speed (a national batch is hundreds of reports): the template is parsed
//! once per process and every compile sees the same `/main.typ`, so typst's
//! caches can serve what two reports share (the template's definitions,
//! shaped headings and labels, font data). The eviction after a compile
//! therefore drops only results unused for [`CACHE_AGE`] compiles, never the
//! whole cache: emptying it outright also threw away the results of a
//! compile in progress on another thread (or suspended beneath it on the
//! same one, see [`par_map`]), which then had to lay everything out again.
//! A batch of reports should go through [`par_map`].

use std::collections::HashMap;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

use crate::ReportError;
use crate::doc::{Block, Doc};

/// The layout template.
const TEMPLATE: &str = include_str!("report.typ");

struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

static FONTS: LazyLock<Fonts> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts()
        .chain([samspill_draw::font::FONT_DATA])
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    Fonts {
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// The template, parsed once: one `Source` with one id for every compile.
static MAIN: LazyLock<Source> =
    LazyLock::new(|| Source::new(file_id("/main.typ"), TEMPLATE.to_string()));

/// How many compiles (on any thread) a cached typst result may go unused
/// before the eviction after a compile drops it. Small, so memory stays
/// bounded in a long-running server; more than the number of compiles that
/// can finish on other threads while one compile runs.
pub const CACHE_AGE: usize = 8;

pub(crate) fn file_id(path: &str) -> FileId {
    // Paths are fixed strings of this module: always valid.
    let vpath = VirtualPath::new(path)
        .unwrap_or_else(|_| VirtualPath::new("/invalid").expect("a valid path"));
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

/// An in-memory world: the template, the document as JSON, the figures.
pub(crate) struct ReportWorld {
    pub(crate) main: Source,
    pub(crate) files: HashMap<FileId, Bytes>,
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.text().to_string()));
        }
        self.files
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.vpath().get_with_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        None
    }
}

/// The width of the text on an A4 page with the template's margins (2 cm
/// at the sides), pt (170 mm): figures in the text are at most this wide.
pub const TEXT_WIDTH: f64 = 481.9;
/// The area of a page that holds one figure (margins 1.5 cm at the sides,
/// 1.8 cm at the top for the header, 2 cm at the bottom for the footer),
/// portrait, pt (180 × 259 mm).
pub const PORTRAIT: (f64, f64) = (510.2, 734.2);
/// The same, landscape (267 × 172 mm).
pub const LANDSCAPE: (f64, f64) = (756.9, 487.6);
/// Room kept under a figure on its own page for its caption and text
/// alternative, pt (the template measures the real height; this is the
/// estimate that chooses the page).
pub const CAPTION_ROOM: f64 = 90.0;
/// pt per SVG px at a picture's natural size (SVG px are 1/96 in).
pub const PT_PER_PX: f64 = 0.75;
/// The smallest scale (printed size / natural size) at which a picture's
/// smallest text ([`samspill_draw::style`]'s 11 px = 8.25 pt) still prints
/// at 8 pt.
pub const MIN_SCALE: f64 = 8.0 / (11.0 * PT_PER_PX);
/// The most a picture is enlarged beyond its natural size.
pub const MAX_SCALE: f64 = 1.5;

/// The page a picture of `w` × `h` px prints largest on, and the scale
/// (printed size / natural size): `(landscape, scale)`.
pub fn best_page(w: f64, h: f64) -> (bool, f64) {
    let fit = |(pw, ph): (f64, f64)| {
        (pw / (w * PT_PER_PX))
            .min((ph - CAPTION_ROOM) / (h * PT_PER_PX))
            .min(MAX_SCALE)
    };
    let (p, l) = (fit(PORTRAIT), fit(LANDSCAPE));
    if l > p { (true, l) } else { (false, p) }
}

/// Whether a figure is a network view (its own page, as large as fits).
fn is_network(id: &str) -> bool {
    [
        crate::figures::ids::NETWORK_DAILY,
        crate::figures::ids::NETWORK_WEEKLY,
        crate::figures::ids::WAVES,
    ]
    .contains(&id)
}

/// Whether a table cell reads as a number and is right-aligned in the PDF:
/// digits, spaces, `,.%–×+-` only (the template's former
/// `^[0-9\s,.%–×+-]+$`).
fn is_number(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace() || ",.%–×+-".contains(c))
}

/// The document as the template reads it: figures point at their files.
fn data(doc: &Doc) -> (serde_json::Value, Vec<(String, Vec<u8>)>) {
    let mut files = Vec::new();
    let mut fig = |f: &crate::figures::Figure| -> serde_json::Value {
        let path = format!("/fig-{}.svg", files.len());
        // The `<text>` version when there is one: typst converts one
        // `<text>` per label far faster than a `<use>` per glyph, and the
        // labels become selectable text.
        let svg = if f.svg_text.is_empty() {
            &f.svg
        } else {
            &f.svg_text
        };
        files.push((path.clone(), svg.clone().into_bytes()));
        // Network views get a page of their own, turned when they print
        // larger that way; other figures stay in the text when they fit
        // its width legibly, else they get a page too.
        let (w, h) = (
            crate::figures::svg_width(&f.svg).unwrap_or(600.0),
            crate::figures::svg_height(&f.svg).unwrap_or(400.0),
        );
        let (landscape, scale) = best_page(w, h);
        let inline_scale = (TEXT_WIDTH / (w * PT_PER_PX)).min(1.25);
        let own_page = is_network(&f.id) || inline_scale < MIN_SCALE;
        serde_json::json!({
            "file": path,
            "caption": f.caption,
            "alt": f.alt_text,
            "own_page": own_page,
            "landscape": own_page && landscape,
            "aspect": w / h,
            // Widths in pt: natural, and the largest allowed.
            "natural": w * PT_PER_PX,
            "max_width": w * PT_PER_PX * if own_page { MAX_SCALE } else { inline_scale },
            "scale": scale,
        })
    };
    let blocks: Vec<serde_json::Value> = doc
        .blocks
        .iter()
        .map(|b| match b {
            Block::Figure(f) => {
                let mut v = fig(f);
                v["kind"] = "figure".into();
                v
            }
            Block::FigureGrid { figures } => {
                // One scale for all: the largest at which every one of them
                // fits its page.
                let common = figures
                    .iter()
                    .filter_map(|f| {
                        let w = crate::figures::svg_width(&f.svg)?;
                        let h = crate::figures::svg_height(&f.svg)?;
                        Some(best_page(w, h).1)
                    })
                    .fold(MAX_SCALE, f64::min);
                let list: Vec<serde_json::Value> = figures
                    .iter()
                    .map(|f| {
                        let mut v = fig(f);
                        let natural = v["natural"].as_f64().unwrap_or(400.0);
                        v["own_page"] = true.into();
                        v["fixed_width"] = (natural * common).into();
                        v
                    })
                    .collect();
                serde_json::json!({ "kind": "figure_grid", "figures": list })
            }
            Block::Table { rows, header, .. } => {
                let mut v = serde_json::to_value(b).unwrap_or(serde_json::Value::Null);
                // Which cells are numbers (right-aligned), decided here once
                // rather than by a regular expression per cell in typst.
                let numeric: Vec<Vec<bool>> = rows
                    .iter()
                    .map(|r| r.iter().map(|c| is_number(c)).collect())
                    .collect();
                let header_numeric: Vec<bool> = (0..header.len())
                    .map(|i| {
                        i > 0
                            && rows
                                .first()
                                .and_then(|r| r.get(i))
                                .is_some_and(|c| is_number(c))
                    })
                    .collect();
                v["numeric"] = numeric.into();
                v["header_numeric"] = header_numeric.into();
                v
            }
            other => serde_json::to_value(other).unwrap_or(serde_json::Value::Null),
        })
        .collect();
    let value = serde_json::json!({
        "lang": doc.lang,
        "title": doc.title,
        "subtitle": doc.subtitle,
        "notice": doc.notice,
        "figure_label": doc.figure_label,
        "table_label": doc.table_label,
        "landscape": doc.landscape,
        "blocks": blocks,
    });
    (value, files)
}

/// Stack size for threads that typeset: typst recurses deeply, more than
/// the 2 MiB of a default thread. The main thread (8 MiB) is enough for
/// these reports; for parallel work use [`thread_pool`].
pub const STACK: usize = 64 << 20;

/// A rayon pool whose threads have a [`STACK`]-sized stack, for making
/// many reports in parallel (`pool.install(|| inputs.par_iter()...)`).
/// typst's own parallel work then runs in the same pool.
pub fn thread_pool(threads: usize) -> Result<rayon::ThreadPool, ReportError> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .stack_size(STACK)
        .thread_name(|i| format!("samspill-report-{i}"))
        .build()
        .map_err(|e| ReportError::Typeset(e.to_string()))
}

/// Where the time of one [`render_timed`] went.
#[derive(Debug, Clone, Copy, Default)]
pub struct Timing {
    /// Writing `/doc.json` and the figure files.
    pub prepare: Duration,
    /// typst: evaluation and layout.
    pub layout: Duration,
    /// typst-pdf: the PDF file (fonts subset, figures converted, streams
    /// compressed).
    pub export: Duration,
}

/// Maps `f` over `items` in `pool` (a [`thread_pool`]), as many items at a
/// time as the pool has threads; results in input order.
///
/// Use this rather than a parallel iterator inside the pool for many
/// reports. typst and typst-pdf wait for their own parallel work (pages,
/// PDF streams), and a rayon thread that waits steals whatever is queued: a
/// parallel iterator over reports queues the rest of the batch, so the
/// waiting thread starts other reports on top of the one it is in the
/// middle of. Reports then pile up on the stacks (memory grew by about
/// 10 MB per report) and the suspended ones finish late. Here each item is
/// handed to the pool by a plain thread that only waits, so nothing but
/// typst's own work is ever queued. Call it from outside the pool: from one
/// of the pool's own threads it falls back to a parallel iterator.
pub fn par_map<T, R, F>(pool: &rayon::ThreadPool, items: &[T], f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    use rayon::prelude::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    if pool.current_thread_index().is_some() {
        return items.par_iter().map(&f).collect();
    }
    let next = AtomicUsize::new(0);
    let threads = pool.current_num_threads().clamp(1, items.len().max(1));
    let mut done: Vec<(usize, R)> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut out = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        out.push((i, pool.install(|| f(item))));
                    }
                    out
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| match w.join() {
                Ok(out) => out,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// Typesets `doc` as an A4, tagged PDF. Needs a deep stack: run it on the
/// main thread or in a [`thread_pool`].
pub fn render(doc: &Doc) -> Result<Vec<u8>, ReportError> {
    render_timed(doc).map(|(pdf, _)| pdf)
}

/// [`render`], also saying where the time went (for benchmarks).
pub fn render_timed(doc: &Doc) -> Result<(Vec<u8>, Timing), ReportError> {
    let t0 = Instant::now();
    let (value, figures) = data(doc);
    let mut files = HashMap::new();
    files.insert(
        file_id("/doc.json"),
        Bytes::new(serde_json::to_vec(&value).unwrap_or_default()),
    );
    for (path, bytes) in figures {
        files.insert(file_id(&path), Bytes::new(bytes));
    }
    let world = ReportWorld {
        main: MAIN.clone(),
        files,
    };
    let mut timing = Timing::default();
    let t1 = Instant::now();
    timing.prepare = t1 - t0;
    let result = typst::compile::<PagedDocument>(&world).output;
    let t2 = Instant::now();
    timing.layout = t2 - t1;
    let out = match result {
        Ok(document) => {
            let options = typst_pdf::PdfOptions {
                ident: typst::foundations::Smart::Custom(doc.title.clone()),
                ..typst_pdf::PdfOptions::default()
            };
            let pdf = typst_pdf::pdf(&document, &options);
            timing.export = t2.elapsed();
            pdf.map(|pdf| (pdf, timing)).map_err(|e| {
                ReportError::Typeset(
                    e.iter()
                        .map(|d| d.message.to_string())
                        .collect::<Vec<_>>()
                        .join("; "),
                )
            })
        }
        Err(errors) => Err(ReportError::Typeset(
            errors
                .iter()
                .map(|d| d.message.to_string())
                .collect::<Vec<_>>()
                .join("; "),
        )),
    };
    typst::comemo::evict(CACHE_AGE);
    out
}
