//! PDF rendering with typst as a library, in-process.
//!
//! The document travels to typst as data, not as markup: [`Doc`] is written
//! to a virtual `/doc.json` and a fixed template (`report.typ`) lays it out,
//! so no text from a survey can ever be read as typst code. Figures become
//! virtual SVG files. The fonts are typst-assets' bundled fonts (Libertinus
//! Serif), loaded once per process.
//!
//! Traps handled (STACK.md): the typst crates are pinned with `=`;
//! `comemo::evict` runs after every compile, failed ones too, so a server's
//! memory does not grow; virtual file paths are stable (`/main.typ`,
//! `/doc.json`, `/fig-<n>.svg`) because file ids are never freed.

use std::collections::HashMap;
use std::sync::LazyLock;

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
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    Fonts {
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

fn file_id(path: &str) -> FileId {
    // Paths are fixed strings of this module: always valid.
    let vpath = VirtualPath::new(path)
        .unwrap_or_else(|_| VirtualPath::new("/invalid").expect("a valid path"));
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

/// An in-memory world: the template, the document as JSON, the figures.
struct ReportWorld {
    main: Source,
    files: HashMap<FileId, Bytes>,
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

/// The document as the template reads it: figures point at their files.
fn data(doc: &Doc) -> (serde_json::Value, Vec<(String, Vec<u8>)>) {
    let mut files = Vec::new();
    let mut fig = |f: &crate::figures::Figure| -> serde_json::Value {
        let path = format!("/fig-{}.svg", files.len());
        files.push((path.clone(), f.svg.clone().into_bytes()));
        // Very wide pictures (two waves side by side) get a landscape page.
        let aspect = match (
            crate::figures::svg_width(&f.svg),
            crate::figures::svg_height(&f.svg),
        ) {
            (Some(w), Some(h)) if h > 0.0 => w / h,
            _ => 1.0,
        };
        serde_json::json!({
            "file": path,
            "caption": f.caption,
            "alt": f.alt_text,
            "landscape": aspect > 2.2,
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
                let scale = crate::figures::same_scale(figures);
                let list: Vec<serde_json::Value> = figures
                    .iter()
                    .zip(scale)
                    .map(|(f, k)| {
                        let mut v = fig(f);
                        v["scale"] = k.into();
                        v
                    })
                    .collect();
                serde_json::json!({ "kind": "figure_grid", "figures": list })
            }
            other => serde_json::to_value(other).unwrap_or(serde_json::Value::Null),
        })
        .collect();
    let value = serde_json::json!({
        "lang": doc.lang,
        "title": doc.title,
        "subtitle": doc.subtitle,
        "figure_label": doc.figure_label,
        "table_label": doc.table_label,
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

/// Typesets `doc` as an A4, tagged PDF. Needs a deep stack: run it on the
/// main thread or in a [`thread_pool`].
pub fn render(doc: &Doc) -> Result<Vec<u8>, ReportError> {
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
        main: Source::new(file_id("/main.typ"), TEMPLATE.to_string()),
        files,
    };
    let result = typst::compile::<PagedDocument>(&world).output;
    let out = match result {
        Ok(document) => {
            let options = typst_pdf::PdfOptions {
                ident: typst::foundations::Smart::Custom(doc.title.clone()),
                ..typst_pdf::PdfOptions::default()
            };
            typst_pdf::pdf(&document, &options).map_err(|e| {
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
    typst::comemo::evict(0);
    out
}
