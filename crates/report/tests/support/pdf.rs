//! What a PDF prints: every run of text with its printed size, and every
//! placed form XObject (typst places each picture as one) with its printed
//! size, from the content streams (operators `cm`, `q`/`Q`, `BT`, `Tf`,
//! `Tm`, `Td`, `TD`, `T*`, `Tj`, `TJ`, `'`, `"`, `Do`).

#![allow(dead_code)]

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object};

/// A 2-D affine matrix `[a b c d e f]` as PDF writes it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct M([f64; 6]);

impl M {
    pub const ID: M = M([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// `self` then `o` (PDF's `self × o`).
    pub fn then(self, o: M) -> M {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = o.0;
        M([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    pub fn apply(self, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

    /// Length of the image of the unit y vector (a text's height scale).
    pub fn y_scale(self) -> f64 {
        self.0[2].hypot(self.0[3])
    }
}

fn num(o: &Object) -> f64 {
    match o {
        Object::Integer(i) => *i as f64,
        Object::Real(r) => *r as f64,
        _ => 0.0,
    }
}

fn matrix(ops: &[Object]) -> M {
    let mut m = [0.0; 6];
    for (k, o) in ops.iter().take(6).enumerate() {
        m[k] = num(o);
    }
    M(m)
}

/// One run of text as printed.
#[derive(Debug, Clone)]
pub struct Run {
    /// Page number from 1.
    pub page: u32,
    /// Printed size, pt.
    pub size: f64,
    /// Depth of form XObjects it sits in (0: the page itself).
    pub depth: usize,
    /// Index of the top-level form it sits in.
    pub form: Option<usize>,
    /// The font's base name without a subset prefix ("DejaVuSansCondensed").
    pub font: String,
}

/// A form XObject placed on a page (top level only).
#[derive(Debug, Clone)]
pub struct Placed {
    pub page: u32,
    /// Printed width and height of its bounding box, pt.
    pub width: f64,
    pub height: f64,
    /// The bounding box's own width and height (form units).
    pub box_width: f64,
    pub box_height: f64,
}

/// A page: its size and what it prints.
#[derive(Debug, Clone, Default)]
pub struct Printed {
    /// Page sizes (width, height), pt, by page number − 1.
    pub pages: Vec<(f64, f64)>,
    pub runs: Vec<Run>,
    pub forms: Vec<Placed>,
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).map(|(_, o)| o).unwrap_or(o)
}

fn dict<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Dictionary> {
    deref(doc, o).as_dict().ok()
}

struct Walker<'a> {
    doc: &'a Document,
    out: Printed,
    page: u32,
}

impl Walker<'_> {
    fn walk(
        &mut self,
        content: &[u8],
        resources: Option<&Dictionary>,
        ctm0: M,
        depth: usize,
        form: Option<usize>,
    ) {
        let Ok(content) = Content::decode(content) else {
            return;
        };
        let mut ctm = ctm0;
        let mut stack = Vec::new();
        let (mut tm, mut tlm) = (M::ID, M::ID);
        let mut size = 0.0;
        let mut leading = 0.0;
        let mut font = String::new();
        for op in &content.operations {
            let o = &op.operands;
            match op.operator.as_str() {
                "q" => stack.push(ctm),
                "Q" => ctm = stack.pop().unwrap_or(ctm0),
                "cm" => ctm = matrix(o).then(ctm),
                "BT" => {
                    tm = M::ID;
                    tlm = M::ID;
                }
                "Tf" => {
                    size = o.get(1).map(num).unwrap_or(0.0);
                    font = o
                        .first()
                        .and_then(|n| n.as_name().ok())
                        .and_then(|n| {
                            resources
                                .and_then(|r| r.get(b"Font").ok())
                                .and_then(|f| dict(self.doc, f))
                                .and_then(|f| f.get(n).ok())
                                .and_then(|f| dict(self.doc, f))
                        })
                        .and_then(|f| f.get(b"BaseFont").ok())
                        .and_then(|b| b.as_name().ok())
                        .map(|b| {
                            let b = String::from_utf8_lossy(b).into_owned();
                            match b.split_once('+') {
                                Some((_, rest)) => rest.to_string(),
                                None => b,
                            }
                        })
                        .unwrap_or_default();
                }
                "TL" => leading = o.first().map(num).unwrap_or(0.0),
                "Tm" => {
                    tm = matrix(o);
                    tlm = tm;
                }
                "Td" | "TD" => {
                    let (x, y) = (num(&o[0]), num(&o[1]));
                    if op.operator == "TD" {
                        leading = -y;
                    }
                    tlm = M([1.0, 0.0, 0.0, 1.0, x, y]).then(tlm);
                    tm = tlm;
                }
                "T*" => {
                    tlm = M([1.0, 0.0, 0.0, 1.0, 0.0, -leading]).then(tlm);
                    tm = tlm;
                }
                "Tj" | "TJ" | "'" | "\"" => {
                    let printed = size * tm.then(ctm).y_scale();
                    self.out.runs.push(Run {
                        page: self.page,
                        size: printed,
                        depth,
                        form,
                        font: font.clone(),
                    });
                }
                "Do" => {
                    let Some(name) = o.first().and_then(|n| n.as_name().ok()) else {
                        continue;
                    };
                    let Some(xobj) = resources
                        .and_then(|r| r.get(b"XObject").ok())
                        .and_then(|x| dict(self.doc, x))
                        .and_then(|x| x.get(name).ok())
                        .map(|x| deref(self.doc, x))
                    else {
                        continue;
                    };
                    let Ok(stream) = xobj.as_stream() else {
                        continue;
                    };
                    let d = &stream.dict;
                    if d.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form") {
                        continue;
                    }
                    let m = d
                        .get(b"Matrix")
                        .ok()
                        .and_then(|m| deref(self.doc, m).as_array().ok())
                        .map(|a| matrix(a))
                        .unwrap_or(M::ID);
                    let placed = m.then(ctm);
                    let mut top = form;
                    if depth == 0 {
                        let bbox: Vec<f64> = d
                            .get(b"BBox")
                            .ok()
                            .and_then(|b| deref(self.doc, b).as_array().ok())
                            .map(|a| a.iter().map(num).collect())
                            .unwrap_or_else(|| vec![0.0; 4]);
                        let (x0, y0) = placed.apply(bbox[0], bbox[1]);
                        let (x1, y1) = placed.apply(bbox[2], bbox[3]);
                        self.out.forms.push(Placed {
                            page: self.page,
                            width: (x1 - x0).abs(),
                            height: (y1 - y0).abs(),
                            box_width: (bbox[2] - bbox[0]).abs(),
                            box_height: (bbox[3] - bbox[1]).abs(),
                        });
                        top = Some(self.out.forms.len() - 1);
                    }
                    let inner = d
                        .get(b"Resources")
                        .ok()
                        .and_then(|r| dict(self.doc, r))
                        .or(resources);
                    let data = stream
                        .decompressed_content()
                        .unwrap_or_else(|_| stream.content.clone());
                    if depth < 16 {
                        self.walk(&data, inner, placed, depth + 1, top);
                    }
                }
                _ => {}
            }
        }
    }
}

/// Reads what `pdf` prints.
pub fn printed(pdf: &[u8]) -> Printed {
    let doc = Document::load_mem(pdf).expect("a readable PDF");
    let mut w = Walker {
        doc: &doc,
        out: Printed::default(),
        page: 0,
    };
    for (number, id) in doc.get_pages() {
        w.page = number;
        let page = doc.get_dictionary(id).expect("a page");
        let mb: Vec<f64> = page
            .get(b"MediaBox")
            .ok()
            .and_then(|b| deref(&doc, b).as_array().ok())
            .map(|a| a.iter().map(num).collect())
            .unwrap_or_else(|| vec![0.0, 0.0, 595.0, 842.0]);
        w.out.pages.push((mb[2] - mb[0], mb[3] - mb[1]));
        let content = doc.get_page_content(id).unwrap_or_default();
        let (resources, ids) = doc.get_page_resources(id).unwrap_or((None, Vec::new()));
        let resources = resources.or_else(|| ids.first().and_then(|r| doc.get_dictionary(*r).ok()));
        w.walk(&content, resources, M::ID, 0, None);
    }
    w.out
}
