//! Shared test helpers: samspill-i18n as a text catalogue, the seed
//! document, and the comparison of a generated matrix cell with the
//! verbatim cell of `fixtures/oversiktsmatrise-2010.tsv`.

#![allow(dead_code)]

use std::path::PathBuf;

use samspill_i18n::{Arg, Lang, Texts};
use samspill_programme::ProgrammeDocument;
use samspill_programme::matrix::{Cell, Layout, cell_texts};
use samspill_programme::text::{Catalogue, Plain, Renderer};

/// samspill-i18n's texts as a [`Catalogue`].
pub struct I18n(pub Texts);

impl I18n {
    pub fn new(lang: Lang) -> I18n {
        I18n(Texts::new(lang))
    }
}

impl Catalogue for I18n {
    fn lang(&self) -> &str {
        self.0.lang().code()
    }
    fn format(&self, key: &str, args: &[(&str, Plain<'_>)]) -> String {
        let args: Vec<(&str, Arg<'_>)> = args
            .iter()
            .map(|(k, v)| {
                (
                    *k,
                    match v {
                        Plain::Str(s) => Arg::Str(s),
                        Plain::Num(n) => Arg::Num(*n),
                    },
                )
            })
            .collect();
        self.0.format(key, &args)
    }
}

/// The workspace's shared directory (seeds, fixtures).
pub fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

/// The first cohort of the 2010 evaluation, as committed.
pub fn seed() -> ProgrammeDocument {
    let bytes =
        std::fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/boso-2010.json"))
            .expect("seed document");
    ProgrammeDocument::from_json(&bytes).unwrap_or_else(|e| panic!("{:#?}", e.0))
}

/// One row of the fixture: section, row label, one cell per column.
pub struct FixtureRow {
    pub section: String,
    pub row: String,
    pub cells: Vec<String>,
}

/// The fixture: column names and rows.
pub fn fixture() -> (Vec<String>, Vec<FixtureRow>) {
    let text = std::fs::read_to_string(shared().join("fixtures/oversiktsmatrise-2010.tsv"))
        .expect("fixture");
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let header: Vec<String> = lines
        .next()
        .unwrap()
        .split('\t')
        .map(str::to_string)
        .collect();
    let rows = lines
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            FixtureRow {
                section: f[0].to_string(),
                row: f[1].to_string(),
                cells: f[2..].iter().map(|s| s.to_string()).collect(),
            }
        })
        .collect();
    (header[2..].to_vec(), rows)
}

/// `s` without `prefix`, comparing the first character without case
/// (sentence case: «Rådmann» in first place is «rådmann» elsewhere).
fn strip_item<'a>(s: &'a str, item: &str) -> Option<&'a str> {
    let mut a = s.chars();
    let mut b = item.chars();
    match (a.next(), b.next()) {
        (Some(x), Some(y)) if x.to_lowercase().eq(y.to_lowercase()) => {}
        _ => return None,
    }
    a.as_str().strip_prefix(b.as_str())
}

const SEPARATORS: [&str; 3] = [", samt ", ", ", " og "];

/// Every way `items` (each used once, in any order) can spell a prefix of
/// `s` as a running list; returns what is left after each.
fn match_list<'a>(
    s: &'a str,
    items: &[(String, Vec<String>)],
    used: &mut Vec<bool>,
    first: bool,
) -> Vec<&'a str> {
    if used.iter().all(|u| *u) {
        return vec![s];
    }
    let mut out = Vec::new();
    let starts: Vec<&str> = if first {
        vec![s]
    } else {
        SEPARATORS
            .iter()
            .filter_map(|sep| s.strip_prefix(sep))
            .collect()
    };
    for rest in starts {
        for i in 0..items.len() {
            if used[i] {
                continue;
            }
            let (text, children) = &items[i];
            let after: Vec<&str> = if children.is_empty() {
                strip_item(rest, text).into_iter().collect()
            } else {
                let Some(r) = strip_item(rest, text).and_then(|r| r.strip_prefix(' ')) else {
                    continue;
                };
                let kids: Vec<(String, Vec<String>)> =
                    children.iter().map(|c| (c.clone(), Vec::new())).collect();
                match_list(r, &kids, &mut vec![false; kids.len()], true)
            };
            for a in after {
                used[i] = true;
                out.extend(match_list(a, items, used, false));
                used[i] = false;
            }
        }
    }
    out
}

/// Checks a generated cell against the fixture's text: same lead; for a
/// running list and for dash items the same items in any order; for text,
/// the same text.
pub fn compare_cell(fixture: &str, cell: &Cell, r: &Renderer<'_>) -> Result<(), String> {
    let (lead, items) = cell_texts(cell, r);
    let mut s = fixture;
    if let Some(l) = &lead {
        s = s
            .strip_prefix(l.as_str())
            .ok_or_else(|| format!("lead {l:?} missing in {fixture:?}"))?
            .trim_start();
    }
    match cell.layout {
        Layout::Text => {
            let got = samspill_programme::matrix::render_cell(cell, r);
            (got == fixture)
                .then_some(())
                .ok_or(format!("text {got:?} != {fixture:?}"))
        }
        Layout::Inline => {
            let ok = match_list(s, &items, &mut vec![false; items.len()], true)
                .iter()
                .any(|rest| rest.is_empty());
            ok.then_some(())
                .ok_or(format!("items {items:?} do not spell {s:?}"))
        }
        Layout::Items => {
            let body = s
                .strip_prefix('-')
                .ok_or_else(|| format!("expected dash items in {s:?}"))?
                .trim_start();
            let mut want: Vec<String> = body.split(" - ").map(|x| x.trim().to_string()).collect();
            let mut got: Vec<String> = items
                .iter()
                .map(|(t, c)| {
                    assert!(c.is_empty());
                    samspill_programme::text::capitalise(t)
                })
                .collect();
            want.sort();
            got.sort();
            (want == got)
                .then_some(())
                .ok_or(format!("items {got:#?} != {want:#?}"))
        }
    }
}
