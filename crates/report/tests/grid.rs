//! The landscape grid (the evaluator's overview matrix as PDF): every
//! column and note in the text poppler's `pdftotext` extracts, landscape
//! pages, and the header row repeated on every page of a table that runs
//! over several.

use samspill_report::grid::{Grid, GridRow, GridSection, render};

/// The text of pages `from..=to` (all when `None`), or `None` without
/// pdftotext (a failure when `CI` is set).
fn pdftotext(pdf: &[u8], pages: Option<(usize, usize)>) -> Option<String> {
    let file = std::env::temp_dir().join(format!(
        "samspill-grid-{}-{:?}-{}.pdf",
        std::process::id(),
        std::thread::current().id(),
        pdf.len()
    ));
    std::fs::write(&file, pdf).unwrap();
    let mut cmd = std::process::Command::new("pdftotext");
    if let Some((f, l)) = pages {
        cmd.args(["-f", &f.to_string(), "-l", &l.to_string()]);
    }
    let out = cmd.arg("-layout").arg(&file).arg("-").output();
    let _ = std::fs::remove_file(&file);
    match out {
        Ok(o) if o.status.success() => Some(String::from_utf8_lossy(&o.stdout).into_owned()),
        Ok(o) => panic!("pdftotext failed: {}", String::from_utf8_lossy(&o.stderr)),
        Err(e) if std::env::var_os("CI").is_none() => {
            eprintln!("skipping the pdftotext checks: {e}");
            None
        }
        Err(e) => panic!("pdftotext is needed with CI set (poppler-utils): {e}"),
    }
}

/// Page count and the first page's width and height (pt), from the
/// PDF's page objects.
fn pages(pdf: &[u8]) -> (usize, f64, f64) {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let pages = doc.get_pages();
    let first = *pages.values().next().unwrap();
    let page = doc.get_object(first).unwrap().as_dict().unwrap();
    let b = page.get(b"MediaBox").unwrap().as_array().unwrap();
    let n = |i: usize| {
        b[i].as_float()
            .map(f64::from)
            .or_else(|_| b[i].as_i64().map(|x| x as f64))
            .unwrap()
    };
    (pages.len(), n(2) - n(0), n(3) - n(1))
}

fn grid(columns: usize, rows: usize, cell_lines: usize) -> Grid {
    let columns: Vec<String> = (0..columns).map(|i| format!("Kommune{i:02}")).collect();
    let row = |s: usize, r: usize| GridRow {
        label: format!("Rad{s}x{r}"),
        cells: (0..columns.len())
            .map(|c| {
                (0..cell_lines)
                    .map(|l| format!("celle {s}.{r}.{c} linje {l}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect(),
    };
    Grid {
        lang: "nb".into(),
        title: "Oversiktsmatrise 2010".into(),
        subtitle: Some("Status per november 2010".into()),
        corner: "Tema".into(),
        columns: columns.clone(),
        sections: (0..3)
            .map(|s| GridSection {
                label: format!("SEKSJON{s}"),
                rows: (0..rows).map(|r| row(s, r)).collect(),
            })
            .collect(),
        footer: vec![GridRow {
            label: "Kvalitetssikret".into(),
            cells: columns.iter().map(|c| format!("signert {c}")).collect(),
        }],
        notes: vec!["Tabellen er kvalitetssikret ved programlederne.".into()],
    }
}

#[test]
fn a_small_matrix_is_one_landscape_page_with_every_column_and_the_caption() {
    let g = grid(4, 3, 1);
    let pdf = render(&g).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let (n, w, h) = pages(&pdf);
    assert_eq!(n, 1);
    assert!(w > h, "landscape: {w} × {h}");
    let Some(text) = pdftotext(&pdf, None) else {
        return;
    };
    for c in &g.columns {
        assert!(text.contains(c.as_str()), "column {c} missing:\n{text}");
        assert!(text.contains(&format!("signert {c}")), "sign-off of {c}");
    }
    assert!(text.contains("Tabellen er kvalitetssikret ved programlederne."));
    assert!(text.contains("SEKSJON2") && text.contains("celle 2.2.3 linje 0"));
}

#[test]
fn a_long_matrix_repeats_the_header_row_on_every_page() {
    let g = grid(5, 12, 6);
    let pdf = render(&g).unwrap();
    let (n, w, h) = pages(&pdf);
    assert!(n >= 3, "the table runs over several pages ({n})");
    assert!(w > h);
    for page in 1..=n {
        let Some(text) = pdftotext(&pdf, Some((page, page))) else {
            return;
        };
        for c in &g.columns {
            assert!(text.contains(c.as_str()), "page {page}: header {c} missing");
        }
        assert!(text.contains("Tema"), "page {page}: the corner heading");
    }
    let all = pdftotext(&pdf, None).unwrap();
    assert!(all.contains("Tabellen er kvalitetssikret ved programlederne."));
    assert!(all.contains("celle 2.11.4 linje 5"), "the last cell");
}

#[test]
fn text_is_data_never_markup_and_ragged_rows_are_squared() {
    let mut g = grid(3, 1, 1);
    g.title = "#panic(\"no\") *bold* $x$ [link]".into();
    g.sections[0].rows[0].cells = vec!["#set page(width: 1cm)".into()];
    g.footer[0].cells.push("extra".into());
    let pdf = render(&g).unwrap();
    let Some(text) = pdftotext(&pdf, None) else {
        return;
    };
    assert!(text.contains("#set page(width: 1cm)"), "{text}");
    assert!(text.contains("#panic(\"no\")"), "{text}");
    assert!(!text.contains("extra"));
    assert!(text.contains("Kommune02"));
}
